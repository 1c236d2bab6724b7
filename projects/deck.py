"""The project's own lines in its deck: overview, measures, identified
benefits, contacts, the next decision, and the step work the flow describes
(see portal.decks for the contract)."""

from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .flow.selectors import deck_sections
from .models import Activity, Membership, Project

NEXT_GATE_TEXT = {
    "hypothesis": gettext_lazy("Decision needed: go on to goals, iterate the hypothesis, or stop."),
    "goals": gettext_lazy("Decision needed: go on to deliver the solution, iterate, or stop."),
    "deliver": gettext_lazy("Decision needed: put the solution into operation."),
}


def deck_part(project: Project) -> tuple[dict[str, list[str]], dict[str, dict]]:
    members = list(project.memberships.select_related("user"))
    contacts = [
        f"{m.user.get_full_name() or m.user.username} – {m.get_role_display()}"
        f"{' (' + m.user.email + ')' if m.user.email else ''}"
        for m in members
        if m.role != Membership.Role.VIEWER
    ]
    measures = list(project.measures.all())
    ranked = sorted(measures, key=lambda m: (-m.benefit, m.effort))
    overview = [
        line
        for line in [
            project.summary,
            f"{_('Unit')}: {project.unit}" if project.unit else "",
            f"{_('Step')}: {project.get_step_display()} · {_('Status')}: "
            f"{project.get_status_display()}",
        ]
        if line
    ]
    sections = {
        "solution": overview,
        "hypothesis": overview,
        "measures": [
            f"{m.title} ({_('benefit')} {m.benefit}, {_('effort')} {m.effort})" for m in ranked
        ],
        "identified_benefits": [
            f"{b.title} – {b.get_kind_display()}" for b in project.identified_benefits.all()
        ],
        "contacts": contacts,
        "next_steps": [str(NEXT_GATE_TEXT[project.step])] if project.step in NEXT_GATE_TEXT else [],
    }
    # The step work (hypothesis, goals, journey, lessons, …) adds its own lines.
    for key, lines in deck_sections(project).items():
        sections[key] = sections.get(key, []) + lines
    # The status deck's first slide: what the project is, then its hypothesis.
    hypothesis = sections["hypothesis"][len(overview) :]
    sections["hypothesis"] = overview[:1] + hypothesis + overview[1:]
    open_work, done = activity_lines(project)
    sections["implementation"] = open_work + sections.get("implementation", []) + done
    return sections, {}


def _person(user) -> str:
    return (user.get_full_name() or user.username) if user else _("no one responsible")


def activity_lines(project: Project) -> tuple[list[str], list[str]]:
    """The activities of step 3 for slide 5, each with its responsible person:
    (a count of done, in progress and late, then the late ones with their due
    dates and those in progress; the done ones)."""
    today = timezone.localdate()
    activities = list(
        Activity.objects.filter(project=project)
        .exclude(status=Activity.Status.NOT_RELEVANT)
        .select_related("responsible")
        .order_by("position", "pk")
    )
    if not activities:
        return [], []
    done = [a for a in activities if a.status == Activity.Status.DONE]
    late = [a for a in activities if a not in done and a.due_date and a.due_date < today]
    going = [a for a in activities if a.status == Activity.Status.IN_PROGRESS and a not in late]
    lines = [
        _("%(done)d of %(total)d activities done, %(going)d in progress, %(late)d late")
        % {"done": len(done), "total": len(activities), "going": len(going), "late": len(late)}
    ]
    lines += [
        _("Late: %(activity)s (%(person)s, due %(date)s)")
        % {
            "activity": a.get_key_display(),
            "person": _person(a.responsible),
            "date": formats.date_format(a.due_date, "SHORT_DATE_FORMAT"),
        }
        for a in late
    ]
    lines += [
        _("In progress: %(activity)s (%(person)s)")
        % {"activity": a.get_key_display(), "person": _person(a.responsible)}
        for a in going
    ]
    return lines, [
        _("Done: %(activity)s (%(person)s)")
        % {"activity": a.get_key_display(), "person": _person(a.responsible)}
        for a in done
    ]
