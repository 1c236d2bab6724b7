"""The S.M.A.R.T.E checklist of an indicator and when it is next measured.

Pure rules on any object with the indicator's attributes (no database).
Measurable, Time-bound and Evaluable are decided here from the data;
Specific, Accepted and Realistic need a justification and a member who
confirmed it.
"""

import calendar
from dataclasses import dataclass
from datetime import date

from django.utils.translation import gettext_lazy as _

CRITERIA = {
    "specific": ("S", _("Specific")),
    "measurable": ("M", _("Measurable")),
    "accepted": ("A", _("Accepted")),
    "realistic": ("R", _("Realistic")),
    "time_bound": ("T", _("Time-bound")),
    "evaluable": ("E", _("Evaluable")),
}
CONFIRMED = ("specific", "accepted", "realistic")
# What an indicator says: changing any of it makes S, A and R unconfirmed again.
WORDING = ("name", "unit", "baseline_value", "baseline_date", "target_value", "target_date")
MONTHS = {"monthly": 1, "quarterly": 3, "yearly": 12}


@dataclass(frozen=True)
class Check:
    key: str
    ok: bool
    reason: str

    @property
    def letter(self) -> str:
        return CRITERIA[self.key][0]

    @property
    def confirmable(self) -> bool:
        return self.key in CONFIRMED

    @property
    def label(self) -> str:
        return str(CRITERIA[self.key][1])


def unconfirmed(keys=CONFIRMED) -> dict:
    """The fields that clear the confirmations of `keys` (who and when; the
    justifications stay, to be confirmed again)."""
    return {f"{k}_{part}": None for k in keys for part in ("by", "at")}


def _blank(value) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _missing(indicator, fields: dict) -> list[str]:
    return [str(label) for name, label in fields.items() if _blank(getattr(indicator, name))]


def _confirmed(indicator, key: str) -> Check:
    reason = getattr(indicator, f"{key}_reason")
    by = getattr(indicator, f"{key}_by_id")
    if _blank(reason):
        return Check(key, False, str(_("A justification is missing.")))
    if by is None:
        return Check(key, False, str(_("No member has confirmed the justification.")))
    return Check(key, True, reason)


def assess(indicator) -> list[Check]:
    """The six criteria in S, M, A, R, T, E order, each with why it passes or fails."""
    checks = {key: _confirmed(indicator, key) for key in CONFIRMED}

    missing = _missing(
        indicator,
        {
            "unit": _("unit"),
            "baseline_value": _("baseline value"),
            "target_value": _("target value"),
        },
    )
    checks["measurable"] = Check(
        "measurable",
        not missing,
        str(_("Missing: %s.") % ", ".join(missing))
        if missing
        else str(_("Unit, baseline and target are set.")),
    )

    start, end = indicator.baseline_date, indicator.target_date
    if start is None or end is None:
        missing = _missing(
            indicator, {"baseline_date": _("baseline date"), "target_date": _("target date")}
        )
        checks["time_bound"] = Check(
            "time_bound", False, str(_("Missing: %s.") % ", ".join(missing))
        )
    elif end <= start:
        checks["time_bound"] = Check(
            "time_bound", False, str(_("The target date must come after the baseline date."))
        )
    else:
        checks["time_bound"] = Check(
            "time_bound", True, str(_("The target date is after the baseline date."))
        )

    missing = _missing(
        indicator,
        {
            "method": _("measurement method"),
            "frequency": _("frequency"),
            "responsible_id": _("responsible person"),
        },
    )
    checks["evaluable"] = Check(
        "evaluable",
        not missing,
        str(_("Missing: %s.") % ", ".join(missing))
        if missing
        else str(_("Method, frequency and responsible person are set.")),
    )
    return [checks[key] for key in CRITERIA]


def add_months(day: date, months: int) -> date:
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def next_due(
    *,
    frequency: str,
    baseline_date: date | None,
    last_measured: date | None,
    target_date: date | None,
) -> date | None:
    """When the next measurement is due: one period after the last measurement
    (or the baseline), at the latest on the target date. None without a
    frequency or a start, and once the target date has been measured."""
    start = last_measured or baseline_date
    if not frequency or start is None:
        return None
    if target_date is not None and start >= target_date:
        return None
    due = add_months(start, MONTHS[frequency])
    return min(due, target_date) if target_date is not None else due


def plan_problems(indicators) -> list[tuple[object | None, list[Check]]]:
    """Why a plan with these indicators cannot be submitted: each failing
    indicator with its failed checks, or (None, []) when there is none at all."""
    indicators = list(indicators)
    if not indicators:
        return [(None, [])]
    problems = []
    for indicator in indicators:
        checks = getattr(indicator, "checks", None) or assess(indicator)
        failed = [check for check in checks if not check.ok]
        if failed:
            problems.append((indicator, failed))
    return problems


def plan_gaps(benefits) -> list[str]:
    """What keeps a plan of these benefits from being submitted, benefit by
    benefit: each needs an owner and an indicator that meets all six criteria,
    or a reason why it is followed up without one. Each benefit needs
    `indicator_list`; indicators may carry their `checks`."""
    if not benefits:
        return [str(_("The plan has no benefits."))]
    gaps = []
    for benefit in benefits:
        title = benefit.title
        if benefit.owner_id is None and not benefit.external_owner_name:
            gaps.append(str(_("“%(title)s” has no benefit owner.") % {"title": title}))
        complete = any(
            all(check.ok for check in (getattr(i, "checks", None) or assess(i)))
            for i in benefit.indicator_list
        )
        if not complete and not benefit.no_indicator_reason.strip():
            gaps.append(
                str(
                    _(
                        "“%(title)s” has no indicator that meets all six criteria, "
                        "and no reason to follow it up without one."
                    )
                    % {"title": title}
                )
            )
    return gaps


class _Record:
    """An indicator's record (see selectors.LoadedPlan.records) read as the
    attributes `assess` asks for."""

    def __init__(self, record: dict):
        self.__dict__.update(record)
        for key in ("baseline_date", "target_date"):
            if isinstance(record.get(key), str):
                setattr(self, key, date.fromisoformat(record[key]))
        for key in CONFIRMED:
            setattr(self, f"{key}_by_id", record.get(f"{key}_by") or None)
        self.responsible_id = record.get("responsible") or None


def assess_record(record: dict) -> list[Check]:
    return assess(_Record(record))
