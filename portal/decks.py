"""The 10-20-30 deck: ten slides, twenty minutes, no text under 30 point.

Which ten slides a project gets, and how long content is shortened (never
shrunk) with a pointer to the portal: pure rules on plain data. The data is
composed from the apps, each of which offers its own part:

    <app>.deck.deck_part(project) -> (lines, charts)

`lines` maps a slide's section key (the second item of each entry of
DELIVERY_SLIDES and STATUS_SLIDES) to its lines; `charts` maps a chart key
(the third item) to a chart's data. `deck_data` only puts the parts together;
a section that two parts both fill gets the lines of each in turn."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from benefits import deck as benefits_deck
from canvas import deck as canvas_deck
from projects import deck as projects_deck

SLIDES = 10
MAX_LINES = 5
CHART_LINES = 3  # a chart takes the room of three lines
MAX_CHARS = 90


@dataclass
class DeckData:
    """What a deck is made of, gathered from the project (see deck_data)."""

    title: str
    step: str
    unit: str = ""
    summary: str = ""
    sections: dict[str, list[str]] = field(default_factory=dict)
    charts: dict[str, dict] = field(default_factory=dict)


@dataclass
class Slide:
    number: int
    title: str
    lines: list[str]
    chart: dict | None = None
    shortened: bool = False
    empty: bool = False
    image: str | None = None  # the chart as a data URI, for the PDF

    @property
    def chart_id(self) -> str:
        return f"chart-{self.number}"


# (title, section, chart) per slide. A project in step 3 or in operation gets
# the report of the method; earlier steps a status deck of the same form.
DELIVERY_SLIDES = [
    (gettext_lazy("The solution"), "solution", None),
    (gettext_lazy("Goals"), "goals", None),
    (gettext_lazy("The final solution"), "final_solution", None),
    (gettext_lazy("The updated service journey"), "journey", None),
    (gettext_lazy("Implementation and remaining work"), "implementation", None),
    (gettext_lazy("The benefit plan"), "benefit_plan", "benefits"),
    (gettext_lazy("Benefit follow-up and results so far"), "benefit_followup", None),
    (gettext_lazy("Plan for further benefit realisation"), "realisation_plan", None),
    (gettext_lazy("Management in operation"), "operation", None),
    (gettext_lazy("Lessons learned"), "lessons", None),
]
STATUS_SLIDES = [
    (gettext_lazy("The project and its hypothesis"), "hypothesis", None),
    (gettext_lazy("Selection criteria and bimodal placement"), "criteria", None),
    (gettext_lazy("Business Model Canvas"), "canvas", None),
    (gettext_lazy("User profiles and stakeholders"), "profiles", None),
    (gettext_lazy("Experiments and learning"), "experiments", None),
    (gettext_lazy("Goals"), "goals", None),
    (gettext_lazy("Prioritized measures"), "measures", "measures"),
    (gettext_lazy("Identified benefits"), "identified_benefits", None),
    (gettext_lazy("Next steps and the decision needed"), "next_steps", None),
    (gettext_lazy("Contacts"), "contacts", None),
]


PARTS = (projects_deck.deck_part, canvas_deck.deck_part, benefits_deck.deck_part)


def deck_data(project) -> DeckData:
    """Everything a deck shows: each app's part, with a fixed number of queries."""
    sections: dict[str, list[str]] = {}
    charts: dict[str, dict] = {}
    for part in PARTS:
        lines, part_charts = part(project)
        for key, more in lines.items():
            sections[key] = sections.get(key, []) + more
        charts.update(part_charts)
    return DeckData(
        title=project.title,
        step=project.step,
        unit=str(project.unit or ""),
        summary=project.summary,
        sections=sections,
        charts=charts,
    )


def shorten(lines: list[str], *, max_lines: int = MAX_LINES, max_chars: int = MAX_CHARS):
    """At most `max_lines` lines of at most `max_chars` characters; what is cut
    is replaced by a pointer to the portal. Returns (lines, shortened)."""
    cut = False
    kept = []
    for line in lines:
        line = " ".join(line.split())
        if not line:
            continue
        if len(line) > max_chars:
            line = line[: max_chars - 1].rstrip() + "…"
            cut = True
        kept.append(line)
    if len(kept) > max_lines:
        hidden = len(kept) - (max_lines - 1)
        kept = kept[: max_lines - 1] + [_("… and %(count)d more in Innoportal") % {"count": hidden}]
        cut = True
    return kept, cut


def slides_for(data: DeckData, *, max_lines: int = MAX_LINES) -> list[Slide]:
    """The ten slides of the project's deck, each with at most `max_lines`
    lines. Missing content reads "not described yet", never a blank slide."""
    delivering = data.step in ("deliver", "operation")
    specs = DELIVERY_SLIDES if delivering else STATUS_SLIDES
    slides = []
    for number, (title, section, chart_key) in enumerate(specs, start=1):
        chart = data.charts.get(chart_key) if chart_key else None
        lines, shortened = shorten(
            data.sections.get(section, []),
            max_lines=max(1, max_lines - CHART_LINES) if chart else max_lines,
        )
        empty = not lines and chart is None
        if empty:
            lines = [_("Not described yet.")]
        # The first slide carries the project's own name.
        heading = data.title if number == 1 else str(title)
        slides.append(Slide(number, heading, lines, chart, shortened, empty))
    return slides
