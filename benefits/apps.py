from django.apps import AppConfig
from django.utils.text import Truncator
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _


class BenefitsConfig(AppConfig):
    name = "benefits"
    verbose_name = _("Benefits")

    def ready(self) -> None:
        from django.urls import reverse

        from projects import history, navigation, responsibilities

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
        )

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
        history.register(MapLink, project_lookup="plan__project_id", label=map_link_label)
        # A member who leaves is released from these; each needs someone.
        responsibilities.register(
            Benefit,
            field="owner",
            project_lookup="plan__project_id",
            url=lambda b: reverse("benefits:plan", args=[b.plan.project_id]) + f"#benefit-{b.pk}",
        )
        responsibilities.register(
            Indicator,
            field="responsible",
            project_lookup="benefit__plan__project_id",
            url=lambda i: reverse("benefits:indicator", args=[i.benefit.plan.project_id, i.pk]),
        )


def plan_event_label(row, refs) -> str:
    """A submission, decision or revision in the history: what, which version, the comment."""
    what = gettext("%(action)s, version %(n)s") % {
        "action": row.get_action_display(),
        "n": row.edition,
    }
    return f"{what}: {Truncator(row.comment).chars(120)}" if row.comment else what
