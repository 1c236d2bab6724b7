"""Builders for benefit-plan test data; each returns a saved object."""

from datetime import date
from decimal import Decimal

from benefits.models import (
    Benefit,
    BenefitPlan,
    BenefitValue,
    Cost,
    Indicator,
    MapLink,
    Measurement,
)
from projects.models import Goal


def make_plan(project, **fields) -> BenefitPlan:
    fields = {"first_year": 2027, "horizon": 5, **fields}
    return BenefitPlan.objects.create(project=project, **fields)


def plan_of(project) -> BenefitPlan:
    """The project's plan, made when it has none (for URL samples)."""
    return BenefitPlan.objects.filter(project=project).first() or make_plan(project)


def make_benefit(plan, **fields) -> Benefit:
    fields = {"title": "Færre telefoner til tjenesten", "kind": "costs_avoided", **fields}
    return Benefit.objects.create(plan=plan, **fields)


def make_value(benefit, year, basis="direct", a=100_000, b=None, **ranges) -> BenefitValue:
    return BenefitValue.objects.create(benefit=benefit, year=year, basis=basis, a=a, b=b, **ranges)


def make_cost(plan, **fields) -> Cost:
    fields = {"title": "Innføring", "year": plan.first_year, "kind": "one_off", **fields}
    fields.setdefault("expected", Decimal(300_000))
    return Cost.objects.create(plan=plan, **fields)


def make_indicator(benefit, *, complete: bool = True, by=None, **fields) -> Indicator:
    """An indicator; `complete` fills every S.M.A.R.T.E criterion (confirmed by `by`)."""
    values = {"name": "Andel besøk i rett tid"}
    if complete:
        values.update(
            unit="%",
            baseline_value=Decimal(70),
            baseline_date=date(2026, 1, 1),
            target_value=Decimal(90),
            target_date=date(2028, 12, 31),
            method="Uttrekk fra fagsystemet",
            frequency="quarterly",
            responsible=by,
            data_source="Fagsystem",
            specific_reason="Gjelder planlagte besøk i hjemmetjenesten",
            specific_by=by,
            accepted_reason="Forankret i ledermøtet",
            accepted_by=by,
            realistic_reason="Tilsvarende kommuner har nådd 90 %",
            realistic_by=by,
        )
    values.update(fields)
    return Indicator.objects.create(benefit=benefit, **values)


def make_goal(project, **fields) -> Goal:
    fields = {"level": "service", "title": "Tryggere hjemmetjeneste", **fields}
    return Goal.objects.create(project=project, **fields)


def make_link(benefit, **end) -> MapLink:
    """A link of the benefit map from `benefit` to a goal, or from the change
    named in `end` (measure=…, activity=… or touchpoint=…) to `benefit`."""
    end = end or {"goal": make_goal(benefit.plan.project)}
    return MapLink.objects.create(plan=benefit.plan, benefit=benefit, **end)


def url_samples(project) -> dict:
    """Sample URL arguments of the benefit pages, all inside `project`."""
    from benefits.models import PlanEvent

    def benefit():
        plan = plan_of(project)
        return plan.benefits.first() or make_benefit(plan)

    def indicator():
        return Indicator.objects.filter(benefit=benefit()).first() or make_indicator(benefit())

    def event():
        plan = plan_of(project)
        user = project.memberships.first().user
        found = plan.events.filter(action="approved").first()
        return found or PlanEvent.objects.create(
            plan=plan, action="approved", by=user, edition=1, snapshot=None
        )

    def measurement():
        found = Measurement.objects.filter(indicator=indicator()).first()
        return found or Measurement.objects.create(
            indicator=indicator(), value=Decimal(75), date=date(2026, 3, 1)
        )

    return {
        "benefit_id": lambda: benefit().pk,
        "measurement_id": lambda: measurement().pk,
        "year": lambda: plan_of(project).first_year,
        "cost_id": lambda: (plan_of(project).costs.first() or make_cost(plan_of(project))).pk,
        "indicator_id": lambda: indicator().pk,
        "event_id": lambda: event().pk,
        "link_id": lambda: (
            (MapLink.objects.filter(plan=plan_of(project)).first() or make_link(benefit())).pk
        ),
    }
