"""The plan page: what it shows, and the parts of it kept in the "pages"
cache under the project's change stamp (its numbers, cards, costs, progress,
non-priced effects and review gaps). The plan's rows are loaded only when one
of those parts is missing; the people its cards name are read fresh each time
and name the cards in the cache, so a new name shows at once."""

from collections.abc import Callable
from datetime import date
from functools import cache, partial

from django.contrib.auth import get_user_model
from django.core.cache import caches
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from projects import access
from projects.discussion.selectors import comment_counts

from . import assumptions, reports, smarte, tracking
from .models import Benefit, BenefitPlan, Indicator, PlanEvent
from .pages import cost_rows, plan_numbers, url_builder, value_cells
from .reviewers import latest_event, reviewers
from .selectors import (
    PLAN_ROWS_SECONDS,
    LoadedPlan,
    digest,
    kept,
    load_plan,
    name_of,
    named_people,
    plan_events,
)


def card_people(benefits: list[Benefit]) -> tuple[tuple[int, tuple], ...]:
    """Each loaded benefit's pk with the ids of the people its card on the plan
    page names (`named_people`)."""
    return tuple((b.pk, named_people(b)) for b in benefits)


def card_names(
    plan: BenefitPlan, *, change_stamp, load: Callable[[], LoadedPlan]
) -> list[tuple[int, tuple[str, ...]]]:
    """Each benefit's pk with the names of the people its card on the plan
    page shows (see `card_people`). Which people is kept under the project's
    change stamp, as the plan's rows are; their names are read fresh (one
    query), or taken from the plan when it has to be `load`ed for them."""
    key = f"plan-people:{plan.pk}:{change_stamp}"
    people = caches["pages"].get(key)
    if people is None:
        loaded = load()
        people = card_people(loaded.benefits)
        caches["pages"].set(key, people, PLAN_ROWS_SECONDS)
        users = loaded.people
    else:
        ids = {i for _pk, ids in people for i in ids} - {None}
        users = get_user_model().objects.only("first_name", "last_name", "username").in_bulk(ids)
    names = {pk: name_of(user) for pk, user in users.items()}
    return [(pk, tuple(names.get(i, "") for i in ids)) for pk, ids in people]


def card_key(benefit_pk: int, names: tuple, *, change_stamp, can_edit: bool, today: date) -> tuple:
    """What a benefit's card on the plan page varies on: the project's change
    stamp (every recorded change of its rows replaces it), the day (what is
    due) and the `names` of the people the card shows (see `card_people`),
    which are no rows of it."""
    return (change_stamp, benefit_pk, can_edit, today, names)


def card_urls(project_pk: int) -> dict[str, Callable[..., str]]:
    """The builders of the links on the plan's benefit cards (see `url_builder`)."""
    return {
        "value": url_builder("benefits:value-edit", project_pk, 2),
        "benefit": url_builder("benefits:benefit-edit", project_pk, 1),
        "values": url_builder("benefits:values-grid", project_pk, 1),
        "indicator_add": url_builder("benefits:indicator-add", project_pk, 1),
        "indicator": url_builder("benefits:indicator", project_pk, 1),
        "indicator_edit": url_builder("benefits:indicator-edit", project_pk, 1),
        "confirm": url_builder("benefits:indicator-confirm", project_pk, 1),
    }


def prepare_card(benefit, *, years, can_edit: bool, today, urls: dict) -> None:
    """Give the benefit the rest of what its card on the plan page shows:
    needed only when the card is not in the cache."""
    benefit.cells = SimpleLazyObject(
        lambda: value_cells(
            benefit.value_rows,
            years=years,
            kind=benefit.kind,
            unit=benefit.quality_unit,
            url=(lambda year: urls["value"](benefit.pk, year)) if can_edit else None,
        )
    )
    benefit.edit_url = urls["benefit"](benefit.pk)
    benefit.editor_id = f"benefit-{benefit.pk}-editor"
    benefit.values_url = urls["values"](benefit.pk)
    benefit.add_indicator_url = urls["indicator_add"](benefit.pk)
    for indicator in benefit.indicator_list:
        indicator.due = smarte.next_due(
            frequency=indicator.frequency,
            baseline_date=indicator.baseline_date,
            last_measured=indicator.last_measured,
            target_date=indicator.target_date,
        )
        indicator.overdue = indicator.due is not None and indicator.due < today
        indicator.page_url = urls["indicator"](indicator.pk)
        indicator.edit_url = urls["indicator_edit"](indicator.pk)
        indicator.confirm_url = urls["confirm"](indicator.pk) if can_edit else ""


def plan_context(project, plan: BenefitPlan, *, error: str | None = None) -> dict:
    """What the plan page shows. Its rows are loaded (`load_plan`) only when
    one of its parts kept under the project's change stamp is not in the cache:
    the cards are named by the people they show, read fresh each time."""
    stamp = project.change_stamp
    today = timezone.localdate()
    can_edit = project.can_write and plan.editable

    @cache
    def loaded() -> LoadedPlan:
        found = load_plan(plan, change_stamp=stamp)
        for indicator in found.indicators:
            indicator.checks = SimpleLazyObject(partial(smarte.assess, indicator))
        return found

    keys = [
        card_key(pk, names, change_stamp=stamp, can_edit=can_edit, today=today)
        for pk, names in card_names(plan, change_stamp=stamp, load=loaded)
    ]

    def cards() -> list[Benefit]:
        urls = card_urls(project.pk)
        by_pk = {key[1]: digest(key) for key in keys}
        for benefit in loaded().benefits:
            benefit.card_key = by_pk[benefit.pk]
            prepare_card(benefit, years=plan.years, can_edit=can_edit, today=today, urls=urls)
        return loaded().benefits

    events = plan_events(plan)
    rows_key = digest((stamp,))
    return {
        "project": project,
        "plan": plan,
        # Prepared only when the cards are not all in the cache.
        "benefits": SimpleLazyObject(cards),
        # All the cards at once, under all their keys (each card is also kept alone).
        "cards_key": digest(tuple(keys)),
        # The plan's rows as at the change stamp: names the kept parts below.
        "rows_key": rows_key,
        # Formatted only when the costs' table is not in the cache.
        "costs": SimpleLazyObject(
            lambda: cost_rows(loaded().costs, url=url_builder("benefits:cost-edit", project.pk, 1))
        ),
        "years": plan.years,
        "can_edit": can_edit,
        **review_gaps(project, loaded),
        **review_context(project.actor, plan, events),
        "events": events,
        # How many comments each benefit, indicator and review has (one query,
        # made only when a card or a review entry is not in the cache).
        "comment_counts": SimpleLazyObject(
            partial(comment_counts, project_id=project.pk, models=[Benefit, Indicator, PlanEvent])
        ),
        "not_adopted": list(
            project.identified_benefits.exclude(
                pk__in=plan.benefits.filter(source__isnull=False).values("source_id")
            )
        )
        if can_edit
        else [],
        "error": error,
        # Worked out only when their kept parts are not in the cache.
        "progress": SimpleLazyObject(lambda: tracking.plan_summary(plan, loaded().indicators)),
        "nonpriced": SimpleLazyObject(
            lambda: reports.nonpriced_rows(reports.benefit_dicts(loaded().benefits))
        ),
        **plan_numbers(project, lambda: loaded().figures()),
        "accountable": reports.accountable_text(plan),
        "can_name_owner": project.can_write,
        "fixed_prices": assumptions.fixed_prices(plan.first_year),
    }


def review_gaps(project, loaded: Callable[[], LoadedPlan]) -> dict:
    """What keeps the plan from being submitted: `gaps` (texts) and `problems`
    (each failing indicator's pk, name and failed checks), kept under the
    project's change stamp and the language; they name no people. The plan
    is `loaded()` only when they are not in the cache."""

    def find() -> dict:
        problems = [
            (i.pk, i.name, "; ".join(f"{check.label} – {check.reason}" for check in failed))
            for i, failed in smarte.plan_problems(loaded().indicators)
            if i is not None
        ]
        return {"gaps": smarte.plan_gaps(loaded().benefits), "problems": problems}

    return kept("plan-gaps:" + digest((project.change_stamp, get_language())), find)


def review_context(actor: access.Actor, plan: BenefitPlan, events: list[PlanEvent]) -> dict:
    """What the plan's review section offers `actor`, by the same rules the
    review enforces, and who the plan waits for; `events` are the plan's
    (`plan_events`)."""
    people = reviewers(plan, events=events)
    submitted = plan.status == BenefitPlan.Status.SUBMITTED
    decide = access.plan_decide_refusal(
        actor,
        submitted_by=people.submitted_by if submitted else None,
        solution_owner=people.solution_owner,
    )
    approved = latest_event(events, PlanEvent.Action.APPROVED)
    revising = plan.status != BenefitPlan.Status.APPROVED and approved is not None
    editor = access.plan_edit_refusal(actor) is None
    decider = get_user_model().objects.filter(pk=people.decider).first() if submitted else None
    return {
        "can_submit": plan.editable and access.plan_submit_refusal(actor) is None,
        "can_decide": submitted and decide is None,
        "decider": name_of(decider),
        "can_revise": editor and plan.status == BenefitPlan.Status.APPROVED,
        "revising": revising,
        "approved_event": approved,
        "can_discard": editor and revising and plan.editable,
    }
