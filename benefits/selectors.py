"""Reads of the benefit plan: a fixed number of queries whatever its size."""

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.db.models import Exists, FloatField, Max, OuterRef, Subquery
from django.db.models.functions import Cast

from projects.models import Membership, Project

from . import calculations, smarte
from .models import Benefit, BenefitPlan, BenefitValue, Cost, Indicator, Measurement, PlanEvent
from .reports import accountable_text, realised_records


def plan_for_project(project: Project) -> BenefitPlan | None:
    return BenefitPlan.objects.filter(project=project).first()


PEOPLE = ("responsible", "specific_by", "accepted_by", "realistic_by", "changed_by")


def _with_last_measured(indicators):
    # A subquery per indicator, not Max() over a join: grouping by every
    # selected column costs more than reading the rows.
    last = Measurement.objects.filter(indicator=OuterRef("pk")).order_by("-date").values("date")
    return indicators.annotate(last_measured=Subquery(last[:1]))


def _indicators():
    return _with_last_measured(Indicator.objects.select_related(*PEOPLE))


def _username(user) -> str:
    return user.username if user is not None else ""


def number(value) -> float | None:
    return None if value is None else float(value)


@dataclass
class LoadedPlan:
    plan: BenefitPlan
    benefits: list[Benefit] = field(default_factory=list)
    costs: list[Cost] = field(default_factory=list)
    # Person id → the person, for the people the rows name (read fresh, never kept).
    people: dict = field(default_factory=dict)

    @cached_property
    def refs(self) -> dict[int, int]:
        """Benefit pk → its number in the plan (1, 2, …), used outside the database."""
        return {b.pk: n for n, b in enumerate(self.benefits, start=1)}

    @property
    def indicators(self) -> list[Indicator]:
        """The indicators of all the benefits, in the benefits' order."""
        return [i for b in self.benefits for i in b.indicator_list]

    def figures(self) -> dict:
        """What the plan's numbers are worked out from (see `result_of`), as plain
        data: the plan, its benefits, values and costs."""
        refs = self.refs
        return {
            "plan": {
                "currency": self.plan.currency,
                "first_year": self.plan.first_year,
                "horizon": self.plan.horizon,
                "discount_rate": float(self.plan.discount_rate),
                "progress_tolerance": float(self.plan.progress_tolerance),
                "status": self.plan.status,
                "edition": self.plan.edition,
                "accountable": accountable_text(self.plan),
            },
            "benefits": [
                {
                    "id": refs[b.pk],
                    "title": b.title,
                    "description": b.description,
                    "kind": b.kind,
                    "gainer": b.gainer,
                    "owner": _username(b.owner),
                    "quality_unit": b.quality_unit,
                    "alternative_use": b.alternative_use,
                    "use_decided_by": b.use_decided_by,
                    "counted": b.counted,
                    "measures": b.measure_titles,
                    "no_indicator_reason": b.no_indicator_reason,
                    "external_owner_name": b.external_owner_name,
                    "external_owner_org": b.external_owner_org,
                    "assessment": b.assessment,
                    "assessment_reason": b.assessment_reason,
                    # Row ids, so that a revision can return to the approved plan.
                    "pk": b.pk,
                    "source_pk": b.source_id,
                    "measure_pks": b.measure_pks,
                }
                for b in self.benefits
            ],
            "values": [
                {**v, "benefit_id": refs[b.pk]} for b in self.benefits for v in b.value_rows
            ],
            "costs": [
                {
                    "title": c.title,
                    "year": c.year,
                    "kind": c.kind,
                    "expected": float(c.expected),
                    "low": number(c.low),
                    "high": number(c.high),
                    "pk": c.pk,
                }
                for c in self.costs
            ],
        }

    def records(self, *, measurements: bool = True) -> dict:
        """The plan as plain data: for calculations, approved snapshots and Excel."""
        refs = self.refs
        indicators = [(b, i) for b in self.benefits for i in b.indicator_list]
        indicator_refs = {i.pk: n for n, (_b, i) in enumerate(indicators, start=1)}
        data = {
            **self.figures(),
            "indicators": [
                {
                    "id": indicator_refs[i.pk],
                    "benefit_id": refs[b.pk],
                    "name": i.name,
                    "unit": i.unit,
                    "baseline_value": number(i.baseline_value),
                    "baseline_date": i.baseline_date,
                    "target_value": number(i.target_value),
                    "target_date": i.target_date,
                    "method": i.method,
                    "frequency": i.frequency,
                    "responsible": _username(i.responsible),
                    "data_source": i.data_source,
                    **{
                        f"{key}_{part}": (
                            getattr(i, f"{key}_reason")
                            if part == "reason"
                            else _username(getattr(i, f"{key}_by"))
                        )
                        for key in smarte.CONFIRMED
                        for part in ("reason", "by")
                    },
                    **{f"{key}_at": getattr(i, f"{key}_at") for key in smarte.CONFIRMED},
                    "changed_by": _username(i.changed_by),
                    "pk": i.pk,
                }
                for b, i in indicators
            ],
        }
        data["realised"] = realised_records(self.plan, refs)
        if measurements:
            data["measurements"] = [
                {
                    "indicator_id": indicator_refs[m.indicator_id],
                    "date": m.date,
                    "value": float(m.value),
                    "note": m.note,
                }
                for m in Measurement.objects.filter(indicator__benefit__plan=self.plan).order_by(
                    "indicator_id", "date", "pk"
                )
            ]
        return data

    def result(self) -> calculations.PlanResult:
        return result_of(self.figures())


def result_of(records: dict) -> calculations.PlanResult:
    plan = records["plan"]
    return calculations.plan_result(
        benefits=records["benefits"],
        values=records["values"],
        costs=records["costs"],
        first_year=plan["first_year"],
        horizon=plan["horizon"],
        rate=plan["discount_rate"] / 100,
    )


FACTORS = ("a", "b", "a_low", "b_low", "a_high", "b_high")


def digest(parts: tuple) -> str:
    """A cache key naming `parts` (plain values), the same in every process."""
    return hashlib.sha256(repr(parts).encode()).hexdigest()


def name_of(user) -> str:
    """How the pages name a person (nobody: empty)."""
    return (user.get_full_name() or user.username) if user is not None else ""


PLAN_ROWS_SECONDS = 300  # as the plan page's cached parts


def kept[T](key: str, make: Callable[[], T]) -> T:
    """What the "pages" cache keeps under `key` (a key naming all it varies
    on), or what `make` gives, kept there for PLAN_ROWS_SECONDS."""
    found = caches["pages"].get(key)
    if found is None:
        found = make()
        caches["pages"].set(key, found, PLAN_ROWS_SECONDS)
    return found


def load_plan(plan: BenefitPlan, *, change_stamp=None) -> LoadedPlan:
    """The plan with its benefits, each with `value_rows` (plain dicts, factors
    as floats), `indicator_list` (each indicator with the date and value of its
    latest measurement, `last_measured` and `last_value`) and
    `measure_titles`: one query per kind of
    row. Flat queries grouped here cost a fraction of prefetch_related's
    per-object querysets on a plan of hundreds of values; the people named
    come in one query too, each read once however many rows name them.

    Given the project's `change_stamp` (which every recorded change of the
    plan's rows replaces), the rows are kept in the cache under it; the plan
    itself and the people, whose names are no rows of the project, are read
    fresh each time."""
    if change_stamp is None:
        loaded = _plan_rows(plan)
    else:
        loaded = kept(f"plan-rows:{plan.pk}:{change_stamp}", lambda: _plan_rows(plan))
        loaded.plan = plan
    _attach_people(loaded)
    return loaded


def _plan_rows(plan: BenefitPlan) -> LoadedPlan:
    benefits = list(plan.benefits.all())
    # With the latest measurement's value too: the plan's progress is read
    # from these rows, not from every measurement.
    latest = Measurement.objects.filter(indicator=OuterRef("pk")).order_by("-date", "-pk")
    indicators = list(
        _with_last_measured(Indicator.objects.filter(benefit__plan=plan))
        .annotate(last_value=Subquery(latest.values("value")[:1]))
        .order_by("pk")
    )
    by_pk = {b.pk: b for b in benefits}
    for b in benefits:
        b.value_rows, b.indicator_list, b.measure_titles, b.measure_pks = [], [], [], []
    # Factors come as floats from the database, skipping Decimal conversion.
    floats = {f"{k}_f": Cast(k, FloatField()) for k in FACTORS}
    rows = (
        BenefitValue.objects.filter(benefit__plan=plan)
        .order_by("year")
        .annotate(**floats)
        .values_list("benefit_id", "year", "basis", *floats)
    )
    keys = ("year", "basis", *FACTORS)
    for benefit_id, *row in rows:
        by_pk[benefit_id].value_rows.append(dict(zip(keys, row, strict=True)))
    for indicator in indicators:
        indicator.benefit = by_pk[indicator.benefit_id]
        by_pk[indicator.benefit_id].indicator_list.append(indicator)
    links = Benefit.measures.through.objects.filter(benefit__plan=plan).order_by("measure_id")
    for benefit_id, measure_id, title in links.values_list(
        "benefit_id", "measure_id", "measure__title"
    ):
        by_pk[benefit_id].measure_titles.append(title)
        by_pk[benefit_id].measure_pks.append(measure_id)
    return LoadedPlan(plan=plan, benefits=benefits, costs=list(plan.costs.all()))


def named_people(benefit: Benefit) -> tuple:
    """The ids of the people a loaded benefit names, in order: its owner, then
    each indicator's PEOPLE (None where nobody is named)."""
    return (
        benefit.owner_id,
        *(getattr(i, f"{name}_id") for i in benefit.indicator_list for name in PEOPLE),
    )


def _attach_people(loaded: LoadedPlan) -> None:
    """Give the benefits their owner and the indicators their people, read in one query."""
    people = get_user_model().objects.in_bulk(
        {person for b in loaded.benefits for person in named_people(b)}
    )
    loaded.people = people
    for b in loaded.benefits:
        b.owner = people[b.owner_id] if b.owner_id is not None else None
    for indicator in loaded.indicators:
        for name in PEOPLE:
            person_id = getattr(indicator, f"{name}_id")
            setattr(indicator, name, people[person_id] if person_id is not None else None)


def plan_events(plan: BenefitPlan) -> list[PlanEvent]:
    return list(plan.events.select_related("by").defer("snapshot"))


def with_last_measured(indicators):
    """The indicators with `last_measured`, the date of their latest measurement."""
    return _with_last_measured(indicators)


def next_measurement(indicator: Indicator) -> date | None:
    """When the indicator (read `with_last_measured`) is next to be measured."""
    return smarte.next_due(
        frequency=indicator.frequency,
        baseline_date=indicator.baseline_date,
        last_measured=indicator.last_measured,
        target_date=indicator.target_date,
    )


def indicators_due(*, before: date, user=None) -> list[Indicator]:
    """Indicators whose next measurement falls before `before` (those `user`
    is responsible for, when given), each with `due` set."""
    # Only people still in the project hear of its indicators.
    member = Membership.objects.filter(
        project=OuterRef("benefit__plan__project"), user=OuterRef("responsible")
    )
    # Only the responsible person is named: the reminder e-mails them.
    rows = _with_last_measured(
        Indicator.objects.filter(Exists(member), responsible__isnull=False)
        .select_related("responsible", "benefit__plan__project")
        .order_by("pk")
    )
    if user is not None:
        rows = rows.filter(responsible=user)
    found = []
    for indicator in rows:
        due = next_measurement(indicator)
        if due is not None and due < before:
            indicator.due = due
            found.append(indicator)
    return found


def overdue_indicators(*, today: date, user=None, until: date | None = None) -> list[Indicator]:
    """Indicators whose next measurement is past due (see `indicators_due`);
    with `until`, also those due before that day."""
    return indicators_due(before=until or today, user=user)


def approved_snapshots(plan_ids) -> dict[int, dict]:
    """The approved records of each of the plans (ids) that is being revised:
    plan id → the snapshot of its last approval. Two queries, however many plans."""
    last = (
        PlanEvent.objects.filter(
            plan__in=plan_ids, action=PlanEvent.Action.APPROVED, snapshot__isnull=False
        )
        .exclude(plan__status=BenefitPlan.Status.APPROVED)
        .values("plan_id")
        .annotate(last=Max("pk"))
        .values("last")
    )
    return dict(PlanEvent.objects.filter(pk__in=last).values_list("plan_id", "snapshot"))


@dataclass(frozen=True)
class PlanOfRecord:
    """What the portfolio and the decks show of a plan: the approved records
    while a revision is in progress, otherwise the plan as it is."""

    records: dict
    revising: bool


def plan_of_record(plan: BenefitPlan, *, change_stamp=None) -> PlanOfRecord:
    """See PlanOfRecord; `change_stamp` as for load_plan."""
    snapshot = approved_snapshots([plan.pk]).get(plan.pk)
    if snapshot is not None:
        return PlanOfRecord(records=snapshot, revising=True)
    loaded = load_plan(plan, change_stamp=change_stamp)
    return PlanOfRecord(records=loaded.records(measurements=False), revising=False)
