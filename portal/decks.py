"""The 10-20-30 deck: ten slides, twenty minutes, no text under 30 point.

Which ten slides a project gets, and which of their content fits at 30 point
(whole items and sentences, the rest named and given in full in the speaker
notes): pure rules on plain data. The data is composed from the apps, each
of which offers its own part:

    <app>.deck.deck_part(project) -> (lines, charts)

`lines` maps a slide's section key (the second item of each entry of
DELIVERY_SLIDES and STATUS_SLIDES) to its lines; `charts` maps a chart key
(the third item) to {"figure": plotly data, "text": lines stating its numbers}.
`deck_data` only puts the parts together; a section that two parts both fill
gets the lines of each in turn."""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from benefits import deck as benefits_deck
from canvas import deck as canvas_deck
from projects import deck as projects_deck

from .slide_fit import clean, fit_items, wrapped_lines

SLIDES = 10
# The body of a 16:9 slide at 30 point: lines of about WIDTH characters, with
# room for BODY_LINES of them under a one-line title; a chart takes the room
# of CHART_LINES lines and each further line of the title one line.
BODY_LINES = 9
WIDTH = 48
TITLE_WIDTH = 36
FIRST_TITLE_WIDTH = 28  # the first slide's title is larger
CHART_LINES = 4


@dataclass
class DeckData:
    """What a deck is made of, gathered from the project (see deck_data)."""

    title: str
    step: str
    unit: str = ""
    summary: str = ""
    sections: dict[str, list[str]] = field(default_factory=dict)
    charts: dict[str, dict] = field(default_factory=dict)  # {"figure": …, "text": […]}


@dataclass
class Slide:
    number: int
    title: str
    lines: list[str]
    chart: dict | None = None  # plotly figure data
    more: str = ""  # names what the slide leaves out (it is in the notes)
    empty: bool = False
    notes: list[str] = field(default_factory=list)  # the whole content
    chart_text: list[str] = field(default_factory=list)  # the chart's numbers
    image: str | None = None  # the chart as a data URI, for the PDF
    svg: str = ""  # a chart drawn as SVG on the server (the benefit map)

    @property
    def shortened(self) -> bool:
        return bool(self.more)

    @property
    def chart_alt(self) -> str:
        return " ".join(self.chart_text)

    @property
    def chart_id(self) -> str:
        return f"chart-{self.number}"


# (title, section, chart or charts in order of preference, noun of its items) per
# slide. A project in step 3 or in operation gets the report of the method;
# earlier steps a status deck of the same form.
DELIVERY_SLIDES = [
    (gettext_lazy("The solution"), "solution", None, ""),
    (gettext_lazy("Goals"), "goals", None, ""),
    (gettext_lazy("The final solution"), "final_solution", None, ""),
    (gettext_lazy("The updated service journey"), "journey", None, ""),
    (gettext_lazy("Implementation and remaining work"), "implementation", None, "activities"),
    (gettext_lazy("The benefit plan"), "benefit_plan", None, ""),
    (gettext_lazy("Benefit follow-up and results so far"), "benefit_followup", None, "indicators"),
    (
        gettext_lazy("Plan for further benefit realisation"),
        "realisation_plan",
        ("benefit_map", "benefits"),  # the map when it has links, else the yearly chart
        "measurements",
    ),
    (gettext_lazy("Management in operation"), "operation", None, ""),
    (gettext_lazy("Lessons learned"), "lessons", None, ""),
]
STATUS_SLIDES = [
    (gettext_lazy("The project and its hypothesis"), "hypothesis", None, ""),
    (gettext_lazy("Selection criteria and bimodal placement"), "criteria", None, ""),
    (gettext_lazy("Business Model Canvas"), "canvas", None, ""),
    (gettext_lazy("User profiles and stakeholders"), "profiles", None, ""),
    (gettext_lazy("Experiments and learning"), "experiments", None, ""),
    (gettext_lazy("Goals"), "goals", None, ""),
    (gettext_lazy("Prioritized measures"), "measures", "measures", ""),
    (gettext_lazy("Identified benefits"), "identified_benefits", None, ""),
    (gettext_lazy("Next steps and the decision needed"), "next_steps", None, ""),
    (gettext_lazy("Contacts"), "contacts", None, ""),
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


def _more_text(noun: str, count: int) -> str:
    """Names `count` items of the kind `noun` that a slide leaves out."""
    if noun == "activities":
        text = ngettext(
            "%(count)d more activity in the notes and in Innoportal",
            "%(count)d more activities in the notes and in Innoportal",
            count,
        )
    elif noun == "indicators":
        text = ngettext(
            "%(count)d more indicator in the notes and in Innoportal",
            "%(count)d more indicators in the notes and in Innoportal",
            count,
        )
    elif noun == "measurements":
        text = ngettext(
            "%(count)d more measurement in the notes and in Innoportal",
            "%(count)d more measurements in the notes and in Innoportal",
            count,
        )
    else:
        text = ngettext(
            "%(count)d more point in the notes and in Innoportal",
            "%(count)d more points in the notes and in Innoportal",
            count,
        )
    return text % {"count": count}


def fit_slide(
    items: list[str],
    *,
    noun: str = "",
    title: str = "",
    title_width: int = TITLE_WIDTH,
    chart: bool = False,
    body_lines: int,
) -> tuple[list[str], str]:
    """The lines a slide shows of `items` at 30 point and the line naming what
    it leaves out ("" when everything fits)."""
    title_lines = wrapped_lines(title, width=title_width) if title else 1
    budget = max(1, body_lines - (CHART_LINES if chart else 0) - max(0, title_lines - 1))
    fit = fit_items(items, budget=budget, width=WIDTH)
    if fit.hidden:
        return fit.lines, _more_text(noun, fit.hidden)
    if fit.partial:
        return fit.lines, _("The whole text is in the notes.")
    return fit.lines, ""


def slides_for(data: DeckData, *, body_lines: int = BODY_LINES) -> list[Slide]:
    """The ten slides of the project's deck, each with what fits of its
    content in `body_lines` lines and the whole content as notes. Missing
    content reads "not described yet", never a blank slide."""
    delivering = data.step in ("deliver", "operation")
    specs = DELIVERY_SLIDES if delivering else STATUS_SLIDES
    slides = []
    for number, (title, section, chart_key, noun) in enumerate(specs, start=1):
        keys = (chart_key,) if isinstance(chart_key, str) else chart_key or ()
        chart = next((data.charts[key] for key in keys if key in data.charts), None)
        items = [text for text in map(clean, data.sections.get(section, [])) if text]
        # The first slide carries the project's own name.
        heading = data.title if number == 1 else str(title)
        lines, more = fit_slide(
            items,
            noun=noun,
            title=heading,
            title_width=FIRST_TITLE_WIDTH if number == 1 else TITLE_WIDTH,
            chart=chart is not None,
            body_lines=body_lines,
        )
        empty = not items and chart is None
        if empty:
            lines = [_("Not described yet.")]
        chart_text = list(chart["text"]) if chart else []
        slides.append(
            Slide(
                number,
                heading,
                lines,
                chart=chart.get("figure") if chart else None,
                svg=chart.get("svg", "") if chart else "",
                more=more,
                empty=empty,
                notes=(items or lines) + chart_text,
                chart_text=chart_text,
            )
        )
    return slides
