"""Tags of the benefit pages. The two that build rows in Python do so because a
plan of 50 benefits × 10 years has 1 500 value cells and 300 checks: as
template nodes they would cost most of the page's time budget."""

from html import escape  # the same escaping as Django's, without its lazy-string wrapper

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from benefits.selectors import overdue_indicators

register = template.Library()


@register.inclusion_tag("benefits/_overdue.html", takes_context=True)
def overdue_measurements(context):
    """The signed-in user's overdue measurements, for their home page."""
    user = context["request"].user
    return {"overdue": overdue_indicators(today=timezone.localdate(), user=user)}


def _expected(cell, target: str, add: str) -> str:
    if not cell.url:
        return escape(cell.expected or "–")
    text = (
        escape(cell.expected)
        if cell.expected
        else f'+<span class="ds-sr-only"> {add} {cell.year}</span>'
    )
    return (
        f'<a class="ds-link" href="{cell.url}" hx-get="{cell.url}" hx-target="#{target}">{text}</a>'
    )


@register.simple_tag
def value_rows(cells, target: str = ""):
    """The expected, low and high rows of a benefit's yearly values table."""
    add = escape(_("add a value for"))
    target = escape(target)
    expected = "".join(f'<td class="num">{_expected(c, target, add)}</td>' for c in cells)
    low = "".join(f'<td class="num">{escape(c.low or "–")}</td>' for c in cells)
    high = "".join(f'<td class="num">{escape(c.high or "–")}</td>' for c in cells)
    return mark_safe(  # noqa: S308 -- every value escaped; URLs from reverse()
        f'<tr><th scope="row">{escape(_("Expected"))}</th>{expected}</tr>'
        f'<tr><th scope="row">{escape(_("Low"))}</th>{low}</tr>'
        f'<tr><th scope="row">{escape(_("High"))}</th>{high}</tr>'
    )


@register.filter
def num_cells(texts) -> str:
    """Table cells of numbers, right-aligned: the plan's number tables have a
    few hundred, which as template nodes cost more than the rest of them."""
    cells = "".join(f'<td class="num">{escape(t)}</td>' for t in texts)
    return mark_safe(cells)  # noqa: S308 -- every text escaped


@register.filter
def problem_items(problems) -> str:
    """The list items of what keeps a plan from being submitted: each failing
    indicator, linked to its card, with what fails (see pages.plan_context)."""
    return mark_safe(  # noqa: S308 -- every text escaped
        "\n".join(
            f'<li><a class="ds-link" href="#indicator-{indicator.pk}">{escape(indicator.name)}</a>'
            f": {escape(failed)}</li>"
            for indicator, failed in problems
        )
    )


def _confirmed(indicator, key: str) -> str:
    """Who confirmed the criterion and when, as a sentence."""
    by, at = getattr(indicator, f"{key}_by", None), getattr(indicator, f"{key}_at", None)
    if by is None:
        return ""
    name = by.get_full_name() or by.username
    if at is None:
        return " " + escape(_("Confirmed by %(name)s.") % {"name": name})
    when = date_format(timezone.localtime(at), "SHORT_DATETIME_FORMAT")
    return " " + escape(_("Confirmed by %(name)s, %(when)s.") % {"name": name, "when": when})


@register.simple_tag
def smarte_rows(indicator, target: str = ""):
    """The S.M.A.R.T.E checklist of an indicator: one row per criterion, with
    who confirmed the confirmed ones and when."""
    yes, no = escape(_("Yes")), f"<strong>{escape(_('No'))}</strong>"
    change, confirm = escape(_("Change the justification")), escape(_("Justify and confirm"))
    target = escape(target)
    rows = []
    for check in indicator.checks:
        label = escape(check.label)
        action = _confirmed(indicator, check.key) if check.confirmable and check.ok else ""
        if indicator.confirm_url and check.confirmable:
            url = f"{indicator.confirm_url}?criterion={check.key}"
            hx = f' hx-get="{url}" hx-target="#{target}"' if target else ""
            action += (
                f' <a class="ds-link" href="{url}"{hx}>'
                f'{change if check.ok else confirm}<span class="ds-sr-only"> {label}</span></a>'
            )
        rows.append(
            f'<tr class="{"ok" if check.ok else "fails"}"><th scope="row">'
            f'<abbr title="{label}">{check.letter}</abbr> {label}</th>'
            f"<td>{yes if check.ok else no}</td><td>{escape(check.reason)}{action}</td></tr>"
        )
    return mark_safe("".join(rows))  # noqa: S308 -- every value above escaped
