"""Writes to the benefit plan. Every write checks the plan's state and the
object's version; history is recorded by the models."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from projects import access
from projects.models import IdentifiedBenefit, Project
from projects.versioning import StaleEdit, delete_versioned, fields_of, lock, save_versioned

from . import plan_sync, smarte
from .models import Benefit, BenefitPlan, BenefitValue, Cost, Indicator, Measurement, Realisation


class Refused(access.Refused):
    """A change the plan's rules do not allow; the message says why."""


class PlanLocked(Refused):
    """The plan is submitted or approved; nothing changes until it is decided
    or a revision is started."""


class ReviewRefused(Refused):
    """A submission or decision that the plan's state does not allow."""


def _open_for_edit(plan: BenefitPlan) -> BenefitPlan:
    """Lock the plan row; refuse while it is submitted or approved: the approved
    plan is the plan of record until a revision is started."""
    current = BenefitPlan.objects.select_for_update().get(pk=plan.pk)
    if current.status == BenefitPlan.Status.SUBMITTED:
        raise PlanLocked(
            _("The plan is submitted for review and cannot be changed until it is decided.")
        )
    if current.status == BenefitPlan.Status.APPROVED:
        raise PlanLocked(_("The plan is approved. Start a revision to change it."))
    return current


@transaction.atomic
def plan_create(*, project: Project, data: dict, by: AbstractBaseUser) -> BenefitPlan:
    """The project's plan, with its identified benefits adopted."""
    plan = BenefitPlan.objects.create(project=project, **fields_of(data))
    for identified in project.identified_benefits.all():
        benefit_adopt(plan=plan, identified=identified, by=by, _opened=True)
    return plan


@transaction.atomic
def plan_update(*, plan: BenefitPlan, data: dict, version: int | None, by) -> BenefitPlan:
    _open_for_edit(plan)
    return save_versioned(plan, data=data, version=version)


@transaction.atomic
def benefit_adopt(
    *, plan: BenefitPlan, identified: IdentifiedBenefit, by, _opened: bool = False
) -> Benefit:
    """A benefit made from one identified in step 2 (title, kind, description)."""
    if not _opened:
        _open_for_edit(plan)
    existing = plan.benefits.filter(source=identified).first()
    if existing:
        return existing
    return Benefit.objects.create(
        plan=plan,
        source=identified,
        title=identified.title,
        kind=identified.kind,
        description=identified.description,
        position=plan.benefits.count(),
    )


@transaction.atomic
def benefit_save(*, plan: BenefitPlan, benefit: Benefit | None, data: dict, version, by) -> Benefit:
    _open_for_edit(plan)
    if benefit is None:
        fields = fields_of(data, ignore=["measures"])
        benefit = Benefit.objects.create(plan=plan, position=plan.benefits.count(), **fields)
    else:
        benefit = save_versioned(benefit, data=data, version=version, ignore=["measures"])
    if "measures" in data:
        benefit.measures.set(data["measures"])
    return benefit


@transaction.atomic
def benefit_delete(*, plan: BenefitPlan, benefit: Benefit, version, by) -> None:
    """Delete a benefit with its values and indicators; measured ones are kept."""
    _open_for_edit(plan)
    if Measurement.objects.filter(indicator__benefit=benefit).exists():
        raise Refused(_("The benefit has measurements and cannot be deleted."))
    delete_versioned(benefit, version=version)


@transaction.atomic
def indicator_delete(*, plan: BenefitPlan, indicator: Indicator, version, by) -> None:
    _open_for_edit(plan)
    if indicator.measurements.exists():
        raise Refused(_("The indicator has measurements and cannot be deleted."))
    delete_versioned(indicator, version=version)


@transaction.atomic
def value_save(*, plan: BenefitPlan, benefit: Benefit, year: int, data: dict, version, by):
    """Set (or, with `data` None, clear) the benefit's value for `year`."""
    _open_for_edit(plan)
    # Stale too when the form was opened on a value someone has since cleared.
    current = lock(BenefitValue, version=version, benefit=benefit, year=year)
    if data is None:
        if current is not None:
            current.delete()
        return None
    if current is None:
        return BenefitValue.objects.create(benefit=benefit, year=year, **fields_of(data))
    return save_versioned(current, data=data, version=version)


@transaction.atomic
def values_save(
    *, plan: BenefitPlan, benefit: Benefit, rows: dict[int, tuple[dict | None, int | None]], by
) -> None:
    """Set the benefit's value in each year of `rows` (year: (data or None to
    clear, the version it was typed on)) at once: all or, when one is stale, none.
    A year typed without a value (version None) is stale once someone gives it one."""
    _open_for_edit(plan)
    for year, (data, version) in sorted(rows.items()):
        current = lock(BenefitValue, version=version, benefit=benefit, year=year)
        if version is None and current is not None:
            raise StaleEdit(current)
        if data is None:
            if current is not None:
                current.delete()
        elif current is None:
            BenefitValue.objects.create(benefit=benefit, year=year, **fields_of(data))
        elif any(getattr(current, k) != v for k, v in fields_of(data).items()):
            save_versioned(current, data=data, version=version)


@transaction.atomic
def cost_save(*, plan: BenefitPlan, cost: Cost | None, data: dict, version, by) -> Cost:
    """Change a cost, or add one; with `until` in `data`, the same cost in
    every year from its year up to `until` (one row each, returning the first)."""
    _open_for_edit(plan)
    if cost is None:
        fields = fields_of(data, ignore=["until"])
        until = data.get("until") or fields["year"]
        costs = [
            Cost.objects.create(plan=plan, **{**fields, "year": year})
            for year in range(fields["year"], until + 1)
        ]
        return costs[0]
    return save_versioned(cost, data=data, version=version)


@transaction.atomic
def cost_delete(*, plan: BenefitPlan, cost: Cost, version, by) -> None:
    _open_for_edit(plan)
    delete_versioned(cost, version=version)


@transaction.atomic
def indicator_save(
    *, plan: BenefitPlan, benefit: Benefit, indicator: Indicator | None, data: dict, version, by
) -> Indicator:
    """Create or change an indicator, recording `by` as its last changer. A new
    wording, unit, baseline or target clears the S, A and R confirmations
    (their justifications stay, to be confirmed again)."""
    _open_for_edit(plan)
    if indicator is None:
        return Indicator.objects.create(benefit=benefit, changed_by=by, **fields_of(data))
    changes = {**data, "changed_by": by}
    # Compare with the stored row: a bound form has already changed `indicator`.
    stored = Indicator.objects.select_for_update().get(pk=indicator.pk)
    if any(k in data and data[k] != getattr(stored, k) for k in smarte.WORDING):
        changes |= smarte.unconfirmed()
    return save_versioned(indicator, data=changes, version=version)


@transaction.atomic
def indicator_confirm(
    *,
    plan: BenefitPlan,
    indicator: Indicator,
    criterion: str,
    reason: str,
    version,
    actor: access.Actor,
) -> Indicator:
    """Record why the indicator is specific, accepted or realistic. The
    justification is confirmed by `actor` when the rules let them (never the
    indicator's last changer); a changed justification is otherwise saved
    unconfirmed, and an unchanged one refused with the reason."""
    if criterion not in smarte.CONFIRMED:
        raise ValueError(criterion)
    access.check(access.plan_edit_refusal(actor))
    _open_for_edit(plan)
    stored = Indicator.objects.select_for_update().get(pk=indicator.pk)
    refusal = access.confirm_refusal(actor, changed_by=stored.changed_by_id)
    changed = reason != getattr(stored, f"{criterion}_reason")
    if refusal is not None and not changed:
        raise Refused(refusal)
    data = {f"{criterion}_reason": reason, **(smarte.unconfirmed([criterion]) if changed else {})}
    if refusal is None:
        data |= {f"{criterion}_by_id": actor.user_id, f"{criterion}_at": timezone.now()}
    return save_versioned(indicator, data=data, version=version)


def measurement_add(*, indicator: Indicator, data: dict, by) -> Measurement:
    # Measuring is follow-up, not planning: allowed in any state of the plan.
    return Measurement.objects.create(indicator=indicator, recorded_by=by, **data)


@transaction.atomic
def measurement_delete(*, measurement: Measurement, version: int | None, by) -> None:
    """Delete a measurement; like adding one, allowed in any state of the plan.
    The project's history keeps it (with `by`, from the request). A measurement
    changed or deleted since `version` is refused as stale."""
    delete_versioned(measurement, version=version, history_user=by)


@transaction.atomic
def plan_import(*, plan: BenefitPlan, records: dict, users: dict, by) -> BenefitPlan:
    """Make the plan match `records` read from a workbook (imports.read_workbook,
    which validated every row with the page's form); rows are matched by their
    number, so links to step 2 and unchanged rows are kept. Refused (nothing
    changes) when a row left out of the workbook has measurements."""
    plan = _open_for_edit(plan)
    settings_ = records["plan"]
    settings_ = {**settings_, "discount_rate": plan_sync.money(settings_["discount_rate"])}
    if any(getattr(plan, k) != v for k, v in settings_.items()):
        plan = save_versioned(plan, data=settings_)
    try:
        plan_sync.rows_sync(plan=plan, records=records, users=users, by=by)
    except plan_sync.MeasuredRowLeftOut as left_out:
        raise Refused(str(left_out)) from left_out
    return plan


@transaction.atomic
def accountable_save(*, plan: BenefitPlan, data: dict, version: int | None, by) -> BenefitPlan:
    """Name the plan's accountable owner. Owners change with the organisation,
    not with the plan's content, so this is allowed in every state of the plan."""
    return save_versioned(plan, data=data, version=version)


@transaction.atomic
def realisation_save(
    *, benefit: Benefit, year: int, amount, note: str = "", by
) -> Realisation | None:
    """Record (or, with `amount` None, remove) what `benefit` realised in
    `year`. Follow-up like measuring: allowed in every state of the plan."""
    if year not in benefit.plan.years:
        raise Refused(_("The year is outside the plan's years."))
    if not benefit.counted:
        raise Refused(_("Only benefits counted in money have realised amounts."))
    current = Realisation.objects.select_for_update().filter(benefit=benefit, year=year).first()
    if amount is None:
        if current is not None:
            current.delete()
        return None
    if current is None:
        return Realisation.objects.create(benefit=benefit, year=year, amount=amount, note=note)
    return save_versioned(current, data={"amount": amount, "note": note})
