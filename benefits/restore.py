"""Putting a plan back as an approved snapshot recorded it (see
selectors.LoadedPlan.records): rows are matched by their ids, those created
since are deleted, those deleted since are made again with the same id, and
changed fields are reset. Measurements are never deleted."""

from datetime import date

from django.contrib.auth import get_user_model
from django.db import models
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext as _

from projects.models import IdentifiedBenefit, Measure, Membership
from projects.versioning import bump

from . import smarte
from .models import Benefit, BenefitPlan, BenefitValue, Cost, Indicator, Measurement
from .plan_sync import money
from .selectors import FACTORS
from .services import ReviewRefused


def restorable(snapshot: dict | None) -> bool:
    """Whether the snapshot names its rows' ids (snapshots taken before they did cannot)."""
    if not snapshot:
        return False
    rows = [*snapshot["benefits"], *snapshot["costs"], *snapshot["indicators"]]
    return all("pk" in row for row in rows)


def _date(value) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) else value


def _upsert(model: type[models.Model], row, fields: dict, **identity) -> None:
    """Create the row (with `identity`, e.g. its pk) or reset its changed fields."""
    if row is None:
        model.objects.create(**identity, **fields)
        return
    changed = {k: v for k, v in fields.items() if getattr(row, k) != v}
    if changed:
        for k, v in changed.items():
            setattr(row, k, v)
        bump(row)  # forms opened on the revision are refused as stale


class _People:
    """Users by username: anyone for who confirmed, only members for who is responsible."""

    def __init__(self, plan: BenefitPlan, records: dict):
        names = {b["owner"] for b in records["benefits"]}
        for i in records["indicators"]:
            names |= {i["responsible"], i.get("changed_by", "")}
            names |= {i[f"{k}_by"] for k in smarte.CONFIRMED}
        users = get_user_model().objects.filter(username__in=names - {""})
        self.ids = dict(users.values_list("username", "pk"))
        self.members = set(
            Membership.objects.filter(project_id=plan.project_id).values_list("user_id", flat=True)
        )

    def anyone(self, name: str) -> int | None:
        return self.ids.get(name)

    def member(self, name: str) -> int | None:
        pk = self.ids.get(name)
        return pk if pk in self.members else None


def plan_restore(*, plan: BenefitPlan, records: dict) -> None:
    """Make the plan's rows what `records` holds; the plan's own settings are
    set on `plan`, which the caller saves."""
    settings = records["plan"]
    plan.currency, plan.first_year = settings["currency"], settings["first_year"]
    plan.horizon, plan.discount_rate = settings["horizon"], money(settings["discount_rate"])
    # Snapshots taken before the plan had a tolerance keep the one it has.
    if "progress_tolerance" in settings:
        plan.progress_tolerance = money(settings["progress_tolerance"])
    benefit_pk = {b["id"]: b["pk"] for b in records["benefits"]}
    indicator_pks = {i["pk"] for i in records["indicators"]}
    added = Indicator.objects.filter(benefit__plan=plan).exclude(pk__in=indicator_pks)
    if Measurement.objects.filter(indicator__in=added).exists():
        raise ReviewRefused(
            _(
                "An indicator added in this revision has measurements, and measurements "
                "are never deleted. Have the revision approved instead."
            )
        )
    people = _People(plan, records)
    _benefits(plan, records, people)
    _indicators(plan, records, people, benefit_pk)
    added.delete()
    Benefit.objects.filter(plan=plan).exclude(pk__in=benefit_pk.values()).delete()
    _values(plan, records, benefit_pk)
    live = {c.pk: c for c in plan.costs.all()}
    for c in records["costs"]:
        fields = {"plan": plan, "title": c["title"], "year": c["year"], "kind": c["kind"]}
        fields |= {k: money(c[k]) for k in ("expected", "low", "high")}
        _upsert(Cost, live.get(c["pk"]), fields, pk=c["pk"])
    plan.costs.exclude(pk__in=[c["pk"] for c in records["costs"]]).delete()


def _benefits(plan: BenefitPlan, records: dict, people: _People) -> None:
    live = {b.pk: b for b in plan.benefits.prefetch_related("measures")}
    sources = set(
        IdentifiedBenefit.objects.filter(project_id=plan.project_id).values_list("pk", flat=True)
    )
    measures = set(Measure.objects.filter(project_id=plan.project_id).values_list("pk", flat=True))
    for position, b in enumerate(records["benefits"]):
        keys = ("title", "description", "kind", "gainer", "quality_unit", "alternative_use")
        fields = {k: b[k] for k in keys} | {
            "plan": plan,
            "use_decided_by": b["use_decided_by"],
            "no_indicator_reason": b.get("no_indicator_reason", ""),
            # Snapshots from before these were recorded lack them.
            "external_owner_name": b.get("external_owner_name", ""),
            "external_owner_org": b.get("external_owner_org", ""),
            "assessment": b.get("assessment"),
            "assessment_reason": b.get("assessment_reason", ""),
            "owner_id": people.member(b["owner"]),
            "source_id": b["source_pk"] if b["source_pk"] in sources else None,
            "position": position,
        }
        _upsert(Benefit, live.get(b["pk"]), fields, pk=b["pk"])
        wanted = {pk for pk in b["measure_pks"] if pk in measures}
        row = live.get(b["pk"])
        if row is None or {m.pk for m in row.measures.all()} != wanted:
            Benefit.objects.get(pk=b["pk"]).measures.set(wanted)


def _indicators(plan: BenefitPlan, records: dict, people: _People, benefit_pk: dict) -> None:
    live = {i.pk: i for i in Indicator.objects.filter(benefit__plan=plan)}
    for i in records["indicators"]:
        fields = {
            "benefit_id": benefit_pk[i["benefit_id"]],
            "name": i["name"],
            "unit": i["unit"],
            "baseline_value": money(i["baseline_value"]),
            "baseline_date": _date(i["baseline_date"]),
            "target_value": money(i["target_value"]),
            "target_date": _date(i["target_date"]),
            "method": i["method"],
            "frequency": i["frequency"],
            "responsible_id": people.member(i["responsible"]),
            "data_source": i["data_source"],
            "changed_by_id": people.anyone(i.get("changed_by", "")),
        }
        for k in smarte.CONFIRMED:
            at = i.get(f"{k}_at")
            fields[f"{k}_reason"] = i[f"{k}_reason"]
            fields[f"{k}_by_id"] = people.anyone(i[f"{k}_by"])
            fields[f"{k}_at"] = parse_datetime(at) if isinstance(at, str) else at
        _upsert(Indicator, live.get(i["pk"]), fields, pk=i["pk"])


def _values(plan: BenefitPlan, records: dict, benefit_pk: dict) -> None:
    live = {(v.benefit_id, v.year): v for v in BenefitValue.objects.filter(benefit__plan=plan)}
    wanted = {}
    for v in records["values"]:
        key = (benefit_pk[v["benefit_id"]], v["year"])
        wanted[key] = {"basis": v["basis"], **{k: money(v[k]) for k in FACTORS}}
    for key, row in live.items():
        if key not in wanted:
            row.delete()
    for (benefit_id, year), fields in wanted.items():
        row = live.get((benefit_id, year))
        _upsert(BenefitValue, row, fields, benefit_id=benefit_id, year=year)
