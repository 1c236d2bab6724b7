"""Demo benefit plans: a draft for the project in step 3 (with one weak
indicator, so the review has something to find) and an approved plan, with
measurements, for the project in operation. Safe to run again: a project
that already has a plan is left as it is."""

from datetime import date
from decimal import Decimal

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone

from projects.models import Measure, Project
from projects.selectors import project_for_user

from . import review, services
from .models import Benefit, BenefitPlan, BenefitValue, Cost, Indicator, Measurement

IN_STEP_3 = "Digital innbyggerdialog i hjemmetjenesten"
IN_OPERATION = "Sensorbasert nattilsyn på sykehjem"


def _values(benefit: Benefit, years, basis: str, a, b=None, *, low=None, high=None) -> None:
    BenefitValue.objects.bulk_create(
        [
            BenefitValue(
                benefit=benefit,
                year=year,
                basis=basis,
                a=Decimal(a),
                b=None if b is None else Decimal(b),
                a_low=None if low is None else Decimal(low),
                a_high=None if high is None else Decimal(high),
            )
            for year in years
        ]
    )


def _confirm(indicator: Indicator, user, **reasons) -> None:
    for key, reason in reasons.items():
        setattr(indicator, f"{key}_reason", reason)
        setattr(indicator, f"{key}_by", user)
        setattr(indicator, f"{key}_at", timezone.now())
    indicator.save()


def _step_3(project: Project, users: dict) -> None:
    kari, ola = users["kari"], users["ola"]
    plan = services.plan_create(
        project=project,
        data={"currency": "NOK", "first_year": 2026, "horizon": 10, "discount_rate": 4},
        by=kari,
    )
    years = plan.years
    sms, _ = Measure.objects.get_or_create(
        project=project,
        title="SMS-varsel om besøkstid",
        defaults={"benefit": 5, "effort": 2, "status": "in_progress"},
    )
    calls = Benefit.objects.create(
        plan=plan,
        title="Færre telefoner om besøkstider",
        description="Brukere og pårørende får besøkstid og endringer på SMS og ringer sjeldnere.",
        kind="costs_avoided",
        owner=ola,
        gainer="own_unit",
        position=10,
    )
    calls.measures.add(sms)
    _values(calls, years[1:], "tasks", 6000, 95, low=4000, high=8000)
    trips = Benefit.objects.create(
        plan=plan,
        title="Færre bomturer",
        description="Færre besøk der brukeren ikke er hjemme.",
        kind="time_saved",
        owner=ola,
        gainer="own_unit",
        alternative_use="Mer tid hos brukerne som trenger det mest",
        use_decided_by="Enhetsleder hjemmetjenesten",
        position=11,
    )
    trips.measures.add(sms)
    _values(trips, years[1:], "hours", 1200, 520, low=900, high=1500)
    coordination = Benefit.objects.create(
        plan=plan,
        title="Mindre tid på å koordinere besøk",
        kind="time_saved",
        owner=kari,
        gainer="own_unit",
        position=12,
    )
    _values(coordination, years[1:], "hours", 800, 520)
    on_time = Benefit.objects.create(
        plan=plan,
        title="Flere besøk til avtalt tid",
        kind="quality",
        quality_unit="% av besøkene",
        owner=ola,
        gainer="citizens",
        position=13,
    )
    _values(on_time, years[1:4], "direct", 85)
    _values(on_time, years[4:], "direct", 92)
    Cost.objects.bulk_create(
        [
            Cost(
                plan=plan,
                title="Innføring og opplæring",
                year=years[0],
                kind="one_off",
                expected=850_000,
                low=700_000,
                high=1_100_000,
            ),
            *[
                Cost(plan=plan, title="Lisens og drift", year=y, kind="running", expected=120_000)
                for y in years[1:]
            ],
        ]
    )
    phone = Indicator.objects.create(
        benefit=calls,
        name="Innkommende telefoner om besøkstid per uke",
        unit="telefoner",
        baseline_value=140,
        baseline_date=date(2026, 2, 1),
        target_value=30,
        target_date=date(2027, 12, 31),
        method="Telling i telefonsentralen, kategori «besøkstid»",
        frequency="monthly",
        responsible=kari,
        data_source="Telefonsentralens statistikk",
    )
    _confirm(
        phone,
        kari,
        specific="Gjelder bare spørsmål om besøkstid, ikke andre henvendelser",
        accepted="Forankret i ledermøtet i hjemmetjenesten",
        realistic="Bydelen som prøvde SMS-varsel i fjor, fikk ned telefonene med 75 %",
    )
    Measurement.objects.bulk_create(
        [
            Measurement(indicator=phone, value=131, date=date(2026, 3, 1), recorded_by=kari),
            Measurement(indicator=phone, value=118, date=date(2026, 4, 1), recorded_by=kari),
        ]
    )
    punctual = Indicator.objects.create(
        benefit=on_time,
        name="Andel besøk innenfor avtalt tidsvindu",
        unit="%",
        baseline_value=78,
        baseline_date=date(2026, 2, 1),
        target_value=92,
        target_date=date(2028, 6, 30),
        method="Uttrekk fra fagsystemet",
        frequency="quarterly",
        responsible=ola,
        data_source="Fagsystemet",
    )
    # Realistic is not yet justified: the review has something to find.
    _confirm(
        punctual,
        kari,
        specific="Planlagte besøk i hjemmetjenesten, ikke akutte",
        accepted="Brukerrådet ønsker dette som mål",
    )


def _in_operation(project: Project, users: dict) -> None:
    siri, ola = users["siri"], users["ola"]
    plan = services.plan_create(
        project=project,
        data={"currency": "NOK", "first_year": 2025, "horizon": 10, "discount_rate": 4},
        by=siri,
    )
    years = plan.years
    # The benefits identified in step 2, adopted with the plan, worked out here.
    rounds = plan.benefits.get(title="Færre nattlige runder")
    rounds.description = "Nattevakten går når sensoren varsler, ikke på faste runder."
    rounds.owner = ola
    rounds.alternative_use = "Mer tid til beboere som er urolige om natten"
    rounds.use_decided_by = "Avdelingsleder sykehjemmet"
    rounds.no_indicator_reason = "Avdelingsleder teller nattrunder i turnusrapporten hver måned."
    rounds.save()
    _values(rounds, years[1:], "hours", 2000, 560, low=1500, high=2400)
    falls = plan.benefits.get(title="Færre fallskader")
    falls.owner, falls.gainer = ola, "other_public"
    falls.save()
    _values(falls, years[1:], "tasks", 30, 25_000, low=20, high=40)
    Cost.objects.bulk_create(
        [
            Cost(
                plan=plan,
                title="Sensorer og installasjon",
                year=years[0],
                kind="one_off",
                expected=1_400_000,
                low=1_200_000,
                high=1_700_000,
            ),
            *[
                Cost(plan=plan, title="Drift og service", year=y, kind="running", expected=180_000)
                for y in years[1:]
            ],
        ]
    )
    indicator = Indicator.objects.create(
        benefit=falls,
        name="Fall med skade per kvartal",
        unit="fall",
        baseline_value=14,
        baseline_date=date(2025, 1, 1),
        target_value=6,
        target_date=date(2027, 12, 31),
        method="Avviksmeldinger i kvalitetssystemet, kategori fall med skade",
        frequency="quarterly",
        responsible=siri,
        data_source="Kvalitetssystemet",
        changed_by=ola,  # written by one member, its criteria confirmed by another
    )
    _confirm(
        indicator,
        siri,
        specific="Fall med skade på sykehjemmets to avdelinger, om natten",
        accepted="Forankret hos avdelingsleder og tillitsvalgt",
        realistic="Leverandørens tall fra fem kommuner viser halvering",
    )
    Measurement.objects.bulk_create(
        [
            Measurement(indicator=indicator, value=v, date=d, recorded_by=siri)
            for d, v in [
                (date(2025, 4, 1), 13),
                (date(2025, 7, 1), 11),
                (date(2025, 10, 1), 10),
                (date(2026, 1, 1), 8),
            ]
        ]
    )
    plan = review.plan_submit(
        plan=plan, actor=project_for_user(siri, project.pk).actor, version=None
    )
    review.plan_approve(
        plan=plan,
        actor=project_for_user(ola, project.pk).actor,
        version=None,
        comment="Godkjent. Følg opp fallene hvert kvartal.",
    )


@transaction.atomic
def seed(*, projects: dict[str, Project], users: dict[str, AbstractBaseUser]) -> None:
    for title, build in ((IN_STEP_3, _step_3), (IN_OPERATION, _in_operation)):
        project = projects.get(title)
        if project is not None and not BenefitPlan.objects.filter(project=project).exists():
            build(project, users)
