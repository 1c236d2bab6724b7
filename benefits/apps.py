from django.apps import AppConfig
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class BenefitsConfig(AppConfig):
    name = "benefits"
    verbose_name = _("Benefits")

    def ready(self) -> None:
        from django.db.models import Q
        from django.urls import reverse

        from projects import history, navigation, responsibilities
        from projects.discussion import targets

        from .maplinks import map_link_label
        from .models import (
            Benefit,
            BenefitPlan,
            BenefitValue,
            Cost,
            Indicator,
            MapLink,
            Measurement,
            PlanEvent,
            Realisation,
        )
        from .selectors import next_measurement, with_last_measured

        navigation.register(_("Benefit plan"), "benefits:plan", order=60)
        history.register(
            BenefitPlan, project_lookup="project_id", label=lambda row, refs: str(_("Benefit plan"))
        )
        history.register(Benefit, project_lookup="plan__project_id")
        history.register(
            BenefitValue,
            project_lookup="benefit__plan__project_id",
            label=lambda row, refs: str(row.year),
        )
        history.register(Cost, project_lookup="plan__project_id")
        history.register(Indicator, project_lookup="benefit__plan__project_id")
        history.register(
            Measurement,
            project_lookup="indicator__benefit__plan__project_id",
            label=lambda row, refs: row.date.isoformat(),
        )
        history.register(PlanEvent, project_lookup="plan__project_id", label=plan_event_label)
        history.register(
            Realisation,
            project_lookup="benefit__plan__project_id",
            label=lambda row, refs: str(row.year),
        )
        history.register(MapLink, project_lookup="plan__project_id", label=map_link_label)
        # A member who leaves is released from these; each needs someone.
        responsibilities.register(
            Benefit,
            field="owner",
            project_lookup="plan__project_id",
            prepare=lambda rows: rows.select_related("plan"),
            # A benefit owned outside the organisation may have no one inside.
            needed=lambda: Q(external_owner_name=""),
            url=lambda b: reverse("benefits:plan", args=[b.plan.project_id]) + f"#benefit-{b.pk}",
        )
        responsibilities.register(
            BenefitPlan,
            field="accountable",
            project_lookup="project_id",
            url=lambda p: reverse("benefits:plan", args=[p.project_id]) + "#plan-owner",
            # Released when the member leaves; the plan page then says the
            # owner is not named, so it is not listed among rows needing someone.
            needed=lambda: Q(pk__in=[]),
        )
        responsibilities.register(
            Indicator,
            field="responsible",
            project_lookup="benefit__plan__project_id",
            url=lambda i: reverse("benefits:indicator", args=[i.benefit.plan.project_id, i.pk]),
            prepare=lambda rows: with_last_measured(rows.select_related("benefit__plan")),
            due=next_measurement,
        )
        _register_comment_targets(targets, reverse, Benefit, Indicator, PlanEvent)


def plan_event_label(row, refs) -> str:
    """A submission, decision or revision in the history: what, which version, the comment."""
    what = gettext("%(action)s, version %(n)s") % {
        "action": row.get_action_display(),
        "n": row.edition,
    }
    return f"{what}: {Truncator(row.comment).chars(120)}" if row.comment else what


def _register_comment_targets(targets, reverse, benefit, indicator, plan_event) -> None:
    """What of the benefit plan members comment on, and where each is shown."""

    def plan(project_id: int, anchor: str) -> str:
        return reverse("benefits:plan", args=[project_id]) + anchor

    targets.register(
        benefit,
        kind="benefit",
        project_lookup="plan__project_id",
        url=lambda b: plan(b.plan.project_id, f"#benefit-{b.pk}"),
        related=("plan",),
    )
    targets.register(
        indicator,
        kind="indicator",
        project_lookup="benefit__plan__project_id",
        url=lambda i: reverse("benefits:indicator", args=[i.benefit.plan.project_id, i.pk]),
        related=("benefit__plan",),
    )
    targets.register(
        plan_event,
        kind="review",
        project_lookup="plan__project_id",
        what=_("plan review"),
        url=lambda e: plan(e.plan.project_id, "#review"),
        related=("plan",),
    )
