"""Writes to the benefit plan. Every write checks the plan's state and the
object's version; history is recorded by the models."""

import json
from datetime import date, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import EmailMessage
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from projects.models import IdentifiedBenefit, Project
from projects.selectors import activities_due, language_of
from projects.services import StaleEdit

from . import plan_sync, smarte
from .models import (
    ActivityReminderSent,
    Benefit,
    BenefitPlan,
    BenefitValue,
    Cost,
    Indicator,
    Measurement,
    PlanEvent,
    ReminderSent,
)
from .selectors import load_plan, overdue_indicators


class Refused(Exception):
    """A change the plan's rules do not allow; the message says why."""


class PlanLocked(Refused):
    """The plan is submitted for review; nothing changes until it is decided."""


class ReviewRefused(Exception):
    """A submission or decision that the plan's state does not allow."""


def _open_for_edit(plan: BenefitPlan, *, by: AbstractBaseUser) -> BenefitPlan:
    """Lock the plan row; refuse while submitted; an approved plan becomes a new draft."""
    current = BenefitPlan.objects.select_for_update().get(pk=plan.pk)
    if current.status == BenefitPlan.Status.SUBMITTED:
        raise PlanLocked(
            _("The plan is submitted for review and cannot be changed until it is decided.")
        )
    if current.status == BenefitPlan.Status.APPROVED:
        current.status = BenefitPlan.Status.DRAFT
        current.revision += 1
        current.save()
        PlanEvent.objects.create(
            plan=current, action=PlanEvent.Action.REOPENED, by=by, revision=current.revision
        )
    return current


def _save_versioned(model: type[models.Model], obj, *, data: dict, version: int | None, **extra):
    """Save `data` onto the locked row of `obj` unless it changed since `version`."""
    current = model.objects.select_for_update().get(pk=obj.pk)
    if version is not None and version != current.version:
        raise StaleEdit(current)
    for name, value in {**data, **extra}.items():
        if name not in ("version", "measures"):
            setattr(current, name, value)
    current.version += 1
    current.save()
    return current


@transaction.atomic
def plan_create(*, project: Project, data: dict, by: AbstractBaseUser) -> BenefitPlan:
    """The project's plan, with its identified benefits adopted."""
    plan = BenefitPlan.objects.create(
        project=project, **{k: v for k, v in data.items() if k != "version"}
    )
    for identified in project.identified_benefits.all():
        benefit_adopt(plan=plan, identified=identified, by=by, _opened=True)
    return plan


@transaction.atomic
def plan_update(*, plan: BenefitPlan, data: dict, version: int | None, by) -> BenefitPlan:
    _open_for_edit(plan, by=by)
    return _save_versioned(BenefitPlan, plan, data=data, version=version)


@transaction.atomic
def benefit_adopt(
    *, plan: BenefitPlan, identified: IdentifiedBenefit, by, _opened: bool = False
) -> Benefit:
    """A benefit made from one identified in step 2 (title, kind, description)."""
    if not _opened:
        _open_for_edit(plan, by=by)
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
    _open_for_edit(plan, by=by)
    if benefit is None:
        fields = {k: v for k, v in data.items() if k not in ("version", "measures")}
        benefit = Benefit.objects.create(plan=plan, position=plan.benefits.count(), **fields)
    else:
        benefit = _save_versioned(Benefit, benefit, data=data, version=version)
    if "measures" in data:
        benefit.measures.set(data["measures"])
    return benefit


def _delete_versioned(model, obj, *, version) -> None:
    current = model.objects.select_for_update().get(pk=obj.pk)
    if version is not None and version != current.version:
        raise StaleEdit(current)
    current.delete()


@transaction.atomic
def benefit_delete(*, plan: BenefitPlan, benefit: Benefit, version, by) -> None:
    """Delete a benefit with its values and indicators; measured ones are kept."""
    _open_for_edit(plan, by=by)
    if Measurement.objects.filter(indicator__benefit=benefit).exists():
        raise Refused(_("The benefit has measurements and cannot be deleted."))
    _delete_versioned(Benefit, benefit, version=version)


@transaction.atomic
def indicator_delete(*, plan: BenefitPlan, indicator: Indicator, version, by) -> None:
    _open_for_edit(plan, by=by)
    if indicator.measurements.exists():
        raise Refused(_("The indicator has measurements and cannot be deleted."))
    _delete_versioned(Indicator, indicator, version=version)


@transaction.atomic
def value_save(*, plan: BenefitPlan, benefit: Benefit, year: int, data: dict, version, by):
    """Set (or, with `data` None, clear) the benefit's value for `year`."""
    _open_for_edit(plan, by=by)
    current = BenefitValue.objects.select_for_update().filter(benefit=benefit, year=year).first()
    if current is not None and version is not None and version != current.version:
        raise StaleEdit(current)
    if current is None and version is not None:
        # The form was opened on a value someone has since cleared.
        raise StaleEdit(None)
    if data is None:
        if current is not None:
            current.delete()
        return None
    if current is None:
        fields = {k: v for k, v in data.items() if k != "version"}
        return BenefitValue.objects.create(benefit=benefit, year=year, **fields)
    return _save_versioned(BenefitValue, current, data=data, version=version)


@transaction.atomic
def cost_save(*, plan: BenefitPlan, cost: Cost | None, data: dict, version, by) -> Cost:
    _open_for_edit(plan, by=by)
    if cost is None:
        return Cost.objects.create(plan=plan, **{k: v for k, v in data.items() if k != "version"})
    return _save_versioned(Cost, cost, data=data, version=version)


@transaction.atomic
def cost_delete(*, plan: BenefitPlan, cost: Cost, version, by) -> None:
    _open_for_edit(plan, by=by)
    _delete_versioned(Cost, cost, version=version)


@transaction.atomic
def indicator_save(
    *, plan: BenefitPlan, benefit: Benefit, indicator: Indicator | None, data: dict, version, by
) -> Indicator:
    _open_for_edit(plan, by=by)
    if indicator is None:
        fields = {k: v for k, v in data.items() if k != "version"}
        return Indicator.objects.create(benefit=benefit, **fields)
    extra = {}
    # Compare with the stored row: a bound form has already changed `indicator`.
    stored = Indicator.objects.select_for_update().get(pk=indicator.pk)
    if any(k in data and data[k] != getattr(stored, k) for k in ("target_value", "target_date")):
        # A new target is only realistic once a member has said so again.
        extra["realistic_by"] = None
    return _save_versioned(Indicator, indicator, data=data, version=version, **extra)


@transaction.atomic
def indicator_confirm(
    *, plan: BenefitPlan, indicator: Indicator, criterion: str, reason: str, version, by
) -> Indicator:
    """Record why the indicator is specific, accepted or realistic, confirmed by `by`."""
    if criterion not in smarte.CONFIRMED:
        raise ValueError(criterion)
    _open_for_edit(plan, by=by)
    data = {f"{criterion}_reason": reason, f"{criterion}_by": by}
    return _save_versioned(Indicator, indicator, data=data, version=version)


def measurement_add(*, indicator: Indicator, data: dict, by) -> Measurement:
    # Measuring is follow-up, not planning: allowed in any state of the plan.
    return Measurement.objects.create(indicator=indicator, recorded_by=by, **data)


@transaction.atomic
def measurement_delete(*, measurement: Measurement, version: int | None, by) -> None:
    """Delete a measurement; like adding one, allowed in any state of the plan.
    The project's history keeps it (with `by`, from the request). A measurement
    changed or deleted since `version` is refused as stale."""
    current = Measurement.objects.select_for_update().filter(pk=measurement.pk).first()
    if current is None or (version is not None and version != current.version):
        raise StaleEdit(current)
    current._history_user = by
    current.delete()


@transaction.atomic
def plan_submit(*, plan: BenefitPlan, by: AbstractBaseUser, version: int | None) -> BenefitPlan:
    current = BenefitPlan.objects.select_for_update().get(pk=plan.pk)
    if version is not None and version != current.version:
        raise StaleEdit(current)
    if current.status not in (BenefitPlan.Status.DRAFT, BenefitPlan.Status.RETURNED):
        raise ReviewRefused(_("Only a draft or a returned plan can be submitted."))
    if smarte.plan_problems(Indicator.objects.filter(benefit__plan=current)):
        raise ReviewRefused(_("Every indicator must meet all six S.M.A.R.T.E criteria first."))
    current.status = BenefitPlan.Status.SUBMITTED
    current.version += 1
    current.save()
    PlanEvent.objects.create(
        plan=current, action=PlanEvent.Action.SUBMITTED, by=by, revision=current.revision
    )
    return current


def _decide(*, plan, by, version, status, action, comment="", snapshot=None) -> BenefitPlan:
    current = BenefitPlan.objects.select_for_update().get(pk=plan.pk)
    if version is not None and version != current.version:
        raise StaleEdit(current)
    if current.status != BenefitPlan.Status.SUBMITTED:
        raise ReviewRefused(_("Only a submitted plan can be approved or returned."))
    current.status = status
    current.version += 1
    current.save()
    PlanEvent.objects.create(
        plan=current,
        action=action,
        by=by,
        revision=current.revision,
        comment=comment,
        snapshot=snapshot,
    )
    return current


@transaction.atomic
def plan_approve(*, plan: BenefitPlan, by: AbstractBaseUser, version, comment="") -> BenefitPlan:
    """Approve the submitted plan and keep it as approved, in one transaction."""
    snapshot = json.loads(json.dumps(load_plan(plan).records(), cls=DjangoJSONEncoder))
    return _decide(
        plan=plan,
        by=by,
        version=version,
        status=BenefitPlan.Status.APPROVED,
        action=PlanEvent.Action.APPROVED,
        comment=comment,
        snapshot=snapshot,
    )


@transaction.atomic
def plan_return(*, plan: BenefitPlan, by: AbstractBaseUser, version, comment: str) -> BenefitPlan:
    if not comment.strip():
        raise ReviewRefused(_("Say what must change before the plan is returned."))
    return _decide(
        plan=plan,
        by=by,
        version=version,
        status=BenefitPlan.Status.RETURNED,
        action=PlanEvent.Action.RETURNED,
        comment=comment,
    )


def reminders_send(*, today: date, base_url: str) -> int:
    """E-mail each responsible person their overdue measurements and their step 3
    activities due this week, at most once per item and day, in the language
    they chose; returns the number of e-mails sent."""
    sent = set(ReminderSent.objects.filter(day=today).values_list("indicator_id", flat=True))
    sent_activities = set(
        ActivityReminderSent.objects.filter(day=today).values_list("activity_id", flat=True)
    )
    by_user: dict = {}
    for indicator in overdue_indicators(today=today):
        if indicator.pk not in sent and indicator.responsible.email:
            by_user.setdefault(indicator.responsible, ([], []))[0].append(indicator)
    for activity in activities_due(start=today, end=today + timedelta(days=6)):
        if activity.pk not in sent_activities and activity.responsible.email:
            by_user.setdefault(activity.responsible, ([], []))[1].append(activity)
    for user, (indicators, activities) in by_user.items():
        with translation.override(language_of(user)):
            context = {
                "user": user,
                "indicators": indicators,
                "activities": activities,
                "base_url": base_url,
            }
            subject = render_to_string("benefits/reminder_subject.txt", context).strip()
            body = render_to_string("benefits/reminder.txt", context)
        with transaction.atomic():
            ReminderSent.objects.bulk_create(
                [ReminderSent(indicator=i, day=today) for i in indicators],
                ignore_conflicts=True,
            )
            ActivityReminderSent.objects.bulk_create(
                [ActivityReminderSent(activity=a, day=today) for a in activities],
                ignore_conflicts=True,
            )
            EmailMessage(subject, body, to=[user.email]).send()
    return len(by_user)


@transaction.atomic
def plan_import(*, plan: BenefitPlan, records: dict, users: dict, by) -> BenefitPlan:
    """Make the plan match `records` read from a workbook (imports.read_workbook,
    which validated every row with the page's form); rows are matched by their
    number, so links to step 2 and unchanged rows are kept. Refused (nothing
    changes) when a row left out of the workbook has measurements."""
    plan = _open_for_edit(plan, by=by)
    settings_ = records["plan"]
    settings_ = {**settings_, "discount_rate": plan_sync.money(settings_["discount_rate"])}
    if any(getattr(plan, k) != v for k, v in settings_.items()):
        plan = _save_versioned(BenefitPlan, plan, data=settings_, version=None)
    try:
        plan_sync.rows_sync(plan=plan, records=records, users=users, by=by)
    except plan_sync.MeasuredRowLeftOut as left_out:
        raise Refused(str(left_out)) from left_out
    return plan
