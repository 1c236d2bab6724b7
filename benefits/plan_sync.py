"""Writing the records of an imported workbook onto a plan's rows.

Rows are matched by their number, so links to step 2 and unchanged rows are
kept; only real changes are saved (and recorded in the history). The caller
(services.plan_import) holds the transaction and the plan's lock.
"""

from decimal import Decimal

from django.utils.translation import gettext as _

from projects import history
from projects.versioning import bump

from . import smarte
from .models import Benefit, BenefitValue, Cost, Indicator, Measurement


class MeasuredRowLeftOut(Exception):
    """A benefit or indicator with measurements is missing from the workbook."""


def money(value) -> Decimal | None:
    return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))


def _sync(
    existing: list, wanted: list[dict], *, create, fields, measured: str = "", stamp=None
) -> list:
    """Update `existing` rows in order from `wanted` (saving only real changes),
    create the rows beyond them and delete the rows left over, unless one of
    those has measurements (`measured` is then the refusal, given the row's title).
    `stamp` is set on every row created or changed (e.g. who changed it)."""
    stamp = stamp or {}
    kept = []
    for n, data in enumerate(wanted):
        row = existing[n] if n < len(existing) else None
        values = fields(data, row)
        if row is not None:
            changed = {k: v for k, v in values.items() if getattr(row, k) != v}
            if changed:
                for k, v in {**changed, **stamp}.items():
                    setattr(row, k, v)
                if hasattr(row, "version"):
                    bump(row)
                else:
                    row.save()
        else:
            row = create(**values, **stamp)
        kept.append(row)
    for row in existing[len(wanted) :]:
        if _measured(row).exists():
            raise MeasuredRowLeftOut(measured % {"title": row})
        row.delete()
    return kept


def _measured(row):
    lookup = "indicator" if isinstance(row, Indicator) else "indicator__benefit"
    if not isinstance(row, Indicator | Benefit):
        return Measurement.objects.none()
    return Measurement.objects.filter(**{lookup: row})


def _indicator_fields(record: dict, row: Indicator | None, *, benefit, user) -> dict:
    """An imported indicator's fields. A workbook never says who confirmed a
    criterion: a changed wording, unit, baseline or target clears every
    confirmation, a changed justification clears its own."""
    values = {
        "benefit": benefit,
        "name": record["name"],
        "unit": record["unit"],
        "baseline_value": money(record["baseline_value"]),
        "baseline_date": record["baseline_date"],
        "target_value": money(record["target_value"]),
        "target_date": record["target_date"],
        "method": record["method"],
        "frequency": record["frequency"],
        "responsible": user(record["responsible"]),
        "data_source": record["data_source"],
        **{f"{k}_reason": record[f"{k}_reason"] for k in smarte.CONFIRMED},
    }
    if row is not None:
        moved = any(values[k] != getattr(row, k) for k in smarte.WORDING)
        for k in smarte.CONFIRMED:
            if moved or values[f"{k}_reason"] != getattr(row, f"{k}_reason"):
                values |= smarte.unconfirmed([k])
    return values


def _measurements(indicator: Indicator, wanted: list[dict], *, by) -> list[Measurement]:
    """Measurements of the workbook by date: the n-th of a date updates the
    n-th stored one of that date, the rest are returned to be added. An import
    never deletes a measurement; those the workbook leaves out are kept."""
    stored: dict = {}
    for m in indicator.measurements.order_by("date", "pk"):
        stored.setdefault(m.date, []).append(m)
    new = []
    for record in wanted:
        values = {"value": money(record["value"]), "note": record["note"]}
        same_day = stored.get(record["date"], [])
        if not same_day:
            new.append(
                Measurement(indicator=indicator, date=record["date"], recorded_by=by, **values)
            )
            continue
        row = same_day.pop(0)
        if any(getattr(row, k) != v for k, v in values.items()):
            for k, v in values.items():
                setattr(row, k, v)
            bump(row)
    return new


def rows_sync(*, plan, records: dict, users: dict, by) -> None:
    """Make the plan's benefits, values, costs, indicators and measurements match `records`."""
    user = users.get
    measures = {m.title: m for m in plan.project.measures.all()}
    benefits = _sync(
        list(plan.benefits.order_by("position", "pk")),
        records["benefits"],
        create=lambda **v: Benefit.objects.create(plan=plan, **v),
        fields=lambda b, row: {
            "title": b["title"],
            "description": b["description"],
            "kind": b["kind"],
            "owner": user(b["owner"]),
            "gainer": b["gainer"],
            "quality_unit": b["quality_unit"],
            "alternative_use": b["alternative_use"],
            "use_decided_by": b["use_decided_by"],
            "position": b["id"] - 1,
        },
        measured=_("The benefit “%(title)s” has measurements; keep its row in the workbook."),
    )
    by_ref = {n: b for n, b in enumerate(benefits, start=1)}
    for n, record in enumerate(records["benefits"], start=1):
        wanted = {measures[t].pk for t in record["measures"]}
        if {m.pk for m in by_ref[n].measures.all()} != wanted:
            by_ref[n].measures.set(wanted)
    for ref, benefit in by_ref.items():
        _sync(
            list(benefit.values.order_by("year")),
            sorted(
                (v for v in records["values"] if v["benefit_id"] == ref), key=lambda v: v["year"]
            ),
            create=lambda benefit=benefit, **v: BenefitValue.objects.create(benefit=benefit, **v),
            fields=lambda v, row: (
                {"year": v["year"], "basis": v["basis"]}
                | {k: money(v[k]) for k in ("a", "b", "a_low", "b_low", "a_high", "b_high")}
            ),
        )
    _sync(
        list(plan.costs.order_by("year", "pk")),
        records["costs"],
        create=lambda **v: Cost.objects.create(plan=plan, **v),
        fields=lambda c, row: (
            {"title": c["title"], "year": c["year"], "kind": c["kind"]}
            | {k: money(c[k]) for k in ("expected", "low", "high")}
        ),
    )
    existing = [i for b in benefits for i in b.indicators.order_by("pk")]
    indicators = _sync(
        existing,
        records["indicators"],
        create=lambda **v: Indicator.objects.create(**v),
        fields=lambda i, row: _indicator_fields(i, row, benefit=by_ref[i["benefit_id"]], user=user),
        stamp={"changed_by": by},
        measured=_("The indicator “%(title)s” has measurements; keep its row in the workbook."),
    )
    by_indicator: dict = {}
    for record in records["measurements"]:
        by_indicator.setdefault(record["indicator_id"], []).append(record)
    new = [
        m
        for ref, indicator in enumerate(indicators, start=1)
        for m in _measurements(indicator, by_indicator.get(ref, []), by=by)
    ]
    if new:
        # One insert (and one history insert) for thousands of rows, instead of a
        # few queries each; the project's caches are renewed once.
        history.create_recorded(Measurement, new, project_id=plan.project_id, by=by)
