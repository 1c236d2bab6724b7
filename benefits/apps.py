from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenefitsConfig(AppConfig):
    name = "benefits"
    verbose_name = _("Benefits")

    def ready(self) -> None:
        from projects import history, navigation

        from .models import (
            Benefit,
            BenefitPlan,
            BenefitValue,
            Cost,
            Indicator,
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
        history.register(
            PlanEvent, project_lookup="plan__project_id", label=lambda row, refs: row.comment[:60]
        )
