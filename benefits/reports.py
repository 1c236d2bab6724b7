"""What the co-financing report and the non-priced effects show, as rows
shared by the plan page, the printable report, the Excel export and the deck.
The figures come from `cofinancing` (pure); here they get their labels."""

from dataclasses import dataclass

from django.utils.translation import gettext as _

from projects.models import BenefitKind

from . import assumptions, cofinancing
from . import calculations as calc
from .models import Benefit, BenefitPlan, Realisation


def accountable_text(plan: BenefitPlan) -> str:
    """The plan's accountable owner as the pages name them (empty: nobody)."""
    if plan.accountable_id is not None:
        user = plan.accountable
        return user.get_full_name() or user.username
    if plan.accountable_name:
        return f"{plan.accountable_name} ({plan.accountable_role})"
    return ""


def realised_records(plan: BenefitPlan, refs: dict[int, int]) -> list[dict]:
    """The recorded realised amounts, benefits by their number in the plan."""
    rows = Realisation.objects.filter(benefit__plan=plan).order_by("benefit_id", "year")
    return [
        {"benefit_id": refs[b], "year": y, "amount": float(a), "note": n}
        for b, y, a, n in rows.values_list("benefit_id", "year", "amount", "note")
    ]


def group_labels() -> dict[str, str]:
    """Who gains, as the co-financing scheme splits benefits."""
    return {
        cofinancing.OWN: _("Own organisation"),
        cofinancing.PUBLIC: _("Other public bodies"),
        cofinancing.SOCIETY: _("Society (citizens and users)"),
    }


@dataclass(frozen=True)
class NonPriced:
    title: str
    kind: str
    sign: str  # "" when not assessed yet
    reason: str


def nonpriced_rows(benefits: list[dict]) -> list[NonPriced]:
    """Each benefit not counted in money with its plus-minus assessment."""
    kinds = {k: str(label) for k, label in BenefitKind.choices}
    return [
        NonPriced(
            b["title"],
            kinds.get(b["kind"], b["kind"]),
            "" if b.get("assessment") is None else cofinancing.plus_minus(b["assessment"]),
            b.get("assessment_reason", ""),
        )
        for b in benefits
        if not b["counted"]
    ]


def benefit_dicts(benefits: list[Benefit]) -> list[dict]:
    """Loaded benefits as the rows above read them."""
    return [
        {
            "title": b.title,
            "kind": b.kind,
            "counted": b.counted,
            "assessment": b.assessment,
            "assessment_reason": b.assessment_reason,
        }
        for b in benefits
    ]


@dataclass(frozen=True)
class Report:
    figures: cofinancing.CoFinancing
    key_figures: list[tuple[str, float | None]]
    groups: list[tuple[str, float, float]]
    years: list[tuple[int, float, float | None, float | None]]
    external: list[tuple[str, str, str, str, float, float]]


def report_of(records: dict) -> Report:
    """The co-financing report of the plan's `records` (LoadedPlan.records
    with `realised`), in the expected case."""
    plan = records["plan"]
    figures = cofinancing.cofinancing(
        benefits=records["benefits"],
        values=records["values"],
        costs=records["costs"],
        realised=records.get("realised", []),
        first_year=plan["first_year"],
        horizon=plan["horizon"],
        rate=plan["discount_rate"] / 100,
    )
    labels = group_labels()
    gainers = {v: str(label) for v, label in Benefit.Gainer.choices}
    external = []
    for b in records["benefits"]:
        if b.get("external_owner_name"):
            row = figures.benefits.get(b["id"])
            external.append(
                (
                    b["title"],
                    b["external_owner_name"],
                    b["external_owner_org"],
                    gainers.get(b["gainer"], b["gainer"]),
                    row.planned if row else 0.0,
                    row.realised if row else 0.0,
                )
            )
    return Report(
        figures=figures,
        key_figures=[
            (_("Present value of benefits"), figures.pv_benefits),
            (_("Present value of costs"), figures.pv_costs),
            (_("Net present value"), figures.npv),
            (_("Present value of the investment (one-off costs)"), figures.pv_investment),
            (_("Net present value per invested krone"), figures.per_krone),
        ],
        groups=[(labels[g], *figures.groups[g]) for g in cofinancing.GROUPS],
        years=[
            (
                y.year,
                y.planned,
                y.realised,
                None if y.realised is None else y.realised - y.planned,
            )
            for y in figures.years
        ],
        external=external,
    )


def per_krone_text(value: float | None) -> str:
    """NOK (or SEK) of net present value per krone invested, two decimals."""
    if value is None:
        return _("None (no one-off costs)")
    rounded = round(value, 2)
    sign = cofinancing.MINUS if rounded < 0 else ""
    return sign + f"{abs(rounded):.2f}".replace(".", ",")


def page_context(report: Report) -> dict:
    """The report's rows formatted for the page (amounts the Norwegian way)."""
    money = calc.format_amount

    def maybe(value):
        return "" if value is None else money(value)

    per_krone = report.figures.per_krone
    return {
        "key_figures": [(label, money(v)) for label, v in report.key_figures[:-1]]
        + [(report.key_figures[-1][0], per_krone_text(per_krone))],
        "groups": [(label, money(t), money(p)) for label, t, p in report.groups],
        "years": [(y, money(p), maybe(r), maybe(d)) for y, p, r, d in report.years],
        "external": [(*row[:4], money(row[4]), money(row[5])) for row in report.external],
    }


def sheet_rows(records: dict, report: Report) -> dict[str, list[list]]:
    """The Excel export's two sheets of this module, as rows of plain values:
    the non-priced effects and the co-financing report."""
    plan = records["plan"]
    nonpriced = [[_("Benefit"), _("Kind"), _("Assessment"), _("Justification")]]
    nonpriced += [[r.title, r.kind, r.sign, r.reason] for r in nonpriced_rows(records["benefits"])]
    rows = [
        [_("Co-financing report"), ""],
        [_("Benefit owner (accountable)"), plan.get("accountable", "")],
        [_("Discount rate (%)"), plan["discount_rate"]],
        [assumptions.fixed_prices(plan["first_year"])],
        [],
        [_("Key figure"), _("Expected")],
        *[[label, value] for label, value in report.key_figures],
        [],
        [_("Who gains"), _("Undiscounted"), _("Present value")],
        *[list(row) for row in report.groups],
        [],
        [_("Year"), _("Planned"), _("Realised"), _("Difference")],
        *[list(row) for row in report.years],
        [],
        [_("Benefit"), _("External benefit owner"), _("Organisation"), _("Who gains")]
        + [_("Planned"), _("Realised")],
        *[list(row) for row in report.external],
    ]
    return {_("Non-priced effects"): nonpriced, _("Co-financing"): rows}
