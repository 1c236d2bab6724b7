"""The benefit map's links (gevinstkart): from what the project changes to a
benefit, and from a benefit to a goal (the rules: benefits/benefit_map.py)."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from simple_history.models import HistoricalRecords

from projects.models import Activity, Goal, Measure, Touchpoint

from .benefit import Benefit
from .plan import BenefitPlan

# The other end of a link: exactly one of these is set.
ENDS = ("measure", "activity", "touchpoint", "goal")


def _one_end(name: str) -> Q:
    return Q(**{f"{other}__isnull": other != name for other in ENDS})


class MapLink(models.Model):
    """One arrow of the map: a measure, activity or touchpoint → `benefit`, or
    `benefit` → a goal; with the assumption that makes the step hold."""

    plan = models.ForeignKey(BenefitPlan, on_delete=models.CASCADE, related_name="map_links")
    benefit = models.ForeignKey(
        Benefit,
        verbose_name=pgettext_lazy("benefit plan", "benefit"),
        on_delete=models.CASCADE,
        related_name="map_links",
    )
    measure = models.ForeignKey(
        Measure, verbose_name=_("measure"), on_delete=models.CASCADE, null=True, related_name="+"
    )
    activity = models.ForeignKey(
        Activity, verbose_name=_("activity"), on_delete=models.CASCADE, null=True, related_name="+"
    )
    touchpoint = models.ForeignKey(
        Touchpoint,
        verbose_name=_("touchpoint"),
        on_delete=models.CASCADE,
        null=True,
        related_name="+",
    )
    goal = models.ForeignKey(
        Goal, verbose_name=_("goal"), on_delete=models.CASCADE, null=True, related_name="+"
    )
    assumption = models.CharField(_("assumption"), max_length=500, blank=True)
    version = models.PositiveIntegerField(default=1)
    history = HistoricalRecords(excluded_fields=["version"])

    class Meta:
        ordering = ["pk"]
        verbose_name = _("link in the benefit map")
        verbose_name_plural = _("links in the benefit map")
        constraints = [
            models.CheckConstraint(
                condition=_one_end("measure")
                | _one_end("activity")
                | _one_end("touchpoint")
                | _one_end("goal"),
                name="maplink_one_end",
            ),
            *(
                models.UniqueConstraint(
                    fields=["benefit", end],
                    name=f"maplink_{end}_once",
                    condition=Q(**{f"{end}__isnull": False}),
                )
                for end in ENDS
            ),
        ]

    def __str__(self) -> str:
        other = self.other_end
        if self.goal_id:
            return f"{self.benefit} → {other}"
        return f"{other} → {self.benefit}"

    @property
    def end_name(self) -> str:
        return next(end for end in ENDS if getattr(self, f"{end}_id"))

    @property
    def other_end(self):
        return getattr(self, self.end_name)
