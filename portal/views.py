from functools import partial

import pandas as pd
from django.contrib import messages
from django.contrib.auth.decorators import login_not_required
from django.core.cache import caches
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST, require_safe

from benefits import progress
from benefits.tracking import COLORS as STATUS_COLORS
from benefits.tracking import LABELS as STATUS_LABELS
from projects import spreadsheets
from projects.flow.quadrants import PLACEMENT_TEXT
from projects.htmx import announce
from projects.models import Project, Unit
from projects.selectors import projects_for_user, projects_waiting_for_owner, user_is_leader
from projects.versioning import StaleEdit

from . import charts, portfolio, waiting
from .forms import PortfolioFilterForm, UnitRatingForm
from .models import UnitRating
from .selectors import benefit_frames, benefits_fingerprint, portfolio_frame, portfolio_projects
from .services import unit_rating_save

PAGE_SIZE = 50
BENEFITS_CACHE_SECONDS = 300  # as the plan page's cached parts
# The one "planned benefit" of the portfolio, its charts, exports and decks
# (portfolio.benefit_summary computes it), and its one-line explanation.
PLANNED = gettext_lazy("Planned benefits (NPV)")
PLANNED_EXPLAINED = gettext_lazy(
    "Planned benefit: net present value of the expected case (benefits minus costs, "
    "discounted) in the approved plan, or in the draft while a plan is not approved yet; "
    "the approved figures are kept while a revision is in progress."
)


def home(request):
    projects = (
        projects_for_user(request.user)
        .filter(memberships__user=request.user, archived=False)
        .select_related("unit")
        .order_by("-updated_at")
    )
    waiting_owner = projects_waiting_for_owner(request.user)
    today = timezone.localdate()
    context = {
        "projects": projects,
        "waiting": waiting_owner[:20],
        "waiting_count": waiting_owner.count(),
        "waits": waiting.waiting_for(request.user, today=today),
        "responsible": waiting.responsible_for(request.user, today=today),
        "today": today,
    }
    return render(request, "portal/home.html", context)


@login_not_required
def accessibility(request):
    return render(request, "portal/accessibility.html")


NEXT_GATE = {
    "hypothesis": gettext_lazy("Gate 1: hypothesis → goals"),
    "goals": gettext_lazy("Gate 2: goals → deliver solution"),
    "deliver": gettext_lazy("Gate 3: into operation"),
}


# A plan under revision (its approved figures shown) or never approved (its draft's).
PLAN_MARKS = ("revising", "unapproved")
# A row's counts of indicators by status against their target paths.
STATUS_CELLS = {f"indicators_{key}": key for key in progress.STATUSES}


def _rows(projects, benefits: dict) -> list[dict]:
    """The portfolio table's rows, as shown on screen and exported; `benefits`
    maps project id to its planned, benefits, costs, realised, revising and
    unapproved (a plan never approved, whose draft figures are shown)."""
    none = {
        "planned": None,
        "benefits": None,
        "costs": None,
        "realised": None,
        **dict.fromkeys(PLAN_MARKS, False),
        **dict.fromkeys(STATUS_CELLS, None),
    }
    rows = [
        {
            "pk": p.pk,
            "title": p.title,
            "unit": p.unit.name if p.unit else "",
            "step": p.get_step_display(),
            "status": p.get_status_display(),
            "status_key": p.status,
            "funnel_stage": p.get_funnel_stage_display(),
            "solution_owner": p.solution_owner or "",
            "next_gate": ""
            if p.funnel_stage == Project.FunnelStage.STOPPED
            else str(NEXT_GATE.get(p.step, "")),
            "updated_at": timezone.localtime(p.updated_at),
            # The approved figures are shown while a revision is in progress.
            **benefits.get(p.pk, none),
        }
        for p in projects
    ]
    for row in rows:
        row["indicator_statuses"] = [
            (STATUS_LABELS[key], STATUS_COLORS[key], row[cell])
            for cell, key in STATUS_CELLS.items()
            if row[cell]
        ]
    return rows


def _benefits(projects) -> tuple[dict, pd.DataFrame]:
    """Planned and realised benefits per project, and per unit and year, kept
    in the cache under what they are worked out from (see benefits_fingerprint)."""
    this_year = timezone.localdate().year
    key = "portfolio-benefits:" + benefits_fingerprint(projects, this_year=this_year)
    figures = caches["pages"].get(key)
    if figures is None:
        figures = _benefits_worked_out(projects, this_year=this_year)
        caches["pages"].set(key, figures, BENEFITS_CACHE_SECONDS)
    return figures


def _benefits_worked_out(projects, *, this_year: int) -> tuple[dict, pd.DataFrame]:
    frames = benefit_frames(projects)
    statuses = frames.pop("statuses")
    plans = frames["plans"]
    # The projects whose plan is marked (see benefit_frames), by mark.
    marked = {
        mark: set(plans.loc[plans[mark], "project_id"]) if len(plans) else set()
        for mark in PLAN_MARKS
    }
    per_project, per_unit_year = portfolio.benefit_summary(**frames, this_year=this_year)
    by_project = {
        int(row.project_id): {
            "planned": row.planned,
            "benefits": row.benefits,
            "costs": row.costs,
            "realised": row.realised,
            **{mark: row.project_id in marked[mark] for mark in PLAN_MARKS},
            **dict.fromkeys(STATUS_CELLS, None),
        }
        for row in per_project.itertuples()
    }
    for project_id, counts in statuses.items():
        by_project[project_id].update({cell: counts[key] for cell, key in STATUS_CELLS.items()})
    return by_project, per_unit_year


def portfolio_view(request):
    form = PortfolioFilterForm(request.GET)
    projects = portfolio_projects(request.user, filters=form.filters())
    page = Paginator(projects, PAGE_SIZE).get_page(request.GET.get("page"))
    frame = portfolio_frame(projects)
    benefits, per_unit_year = _benefits(projects)
    by_unit = per_unit_year.groupby("unit")[["planned", "realised"]].sum()
    by_year = per_unit_year.groupby("year")[["planned", "realised"]].sum()
    funnel = portfolio.funnel_counts(frame)
    bimodal = portfolio.bimodal_counts(frame)
    matrix = portfolio.step_status_counts(frame)
    stage_labels = dict(Project.FunnelStage.choices)
    step_labels = dict(Project.Step.choices)
    status_labels = dict(Project.Status.choices)
    query = request.GET.copy()
    query.pop("page", None)
    context = {
        "form": form,
        "page": page,
        "rows": _rows(page.object_list, benefits),
        "benefit_sections": [
            (
                "unit-benefits",
                _("Benefits planned and realised per unit"),
                _("Planned benefits (NPV) and realised to date, per unit"),
                list(by_unit.itertuples()),
            ),
            (
                "year-benefits",
                _("Benefits planned and realised per year"),
                _(
                    "Planned benefits (NPV, discounted net of each year) "
                    "and realised to date, per year"
                ),
                list(by_year.itertuples()),
            ),
        ],
        "unit_benefits_chart": charts.as_json(charts.planned_realised(by_unit)),
        "year_benefits_chart": charts.as_json(charts.planned_realised(by_year)),
        "total": len(frame),
        "query": query.urlencode(),
        "funnel": [(stage_labels[k], v) for k, v in funnel.items()],
        "bimodal": bimodal.to_dict(),
        "bimodal_rows": [
            (PLACEMENT_TEXT[key][0] if key in PLACEMENT_TEXT else _("Not placed yet"), int(n))
            for key, n in bimodal.items()
        ],
        "funnel_chart": charts.as_json(charts.funnel(funnel, stage_labels)),
        "step_status": [
            (step_labels[step], [int(n) for n in row]) for step, row in matrix.iterrows()
        ],
        "status_labels": [status_labels[s] for s in matrix.columns],
        "step_status_chart": charts.as_json(charts.step_status(matrix, step_labels, status_labels)),
        "is_leader": user_is_leader(request.user),
        "planned_label": PLANNED,
        "planned_explained": PLANNED_EXPLAINED,
    }
    template = "portal/portfolio.html#results" if request.htmx else "portal/portfolio.html"
    return render(request, template, context)


def portfolio_export(request, fmt: str):
    form = PortfolioFilterForm(request.GET)
    projects = portfolio_projects(request.user, filters=form.filters())
    rows = _rows(projects, _benefits(projects)[0])
    columns = {
        "title": _("Project"),
        "unit": _("Unit"),
        "step": _("Step"),
        "status": _("Status"),
        "funnel_stage": _("Funnel stage"),
        "solution_owner": _("Solution owner"),
        "next_gate": _("Next gate"),
        "planned": PLANNED,
        "benefits": _("Benefits, undiscounted"),
        "costs": _("Costs, undiscounted"),
        "realised": _("Realised to date"),
        "revising": _("Benefit plan under revision (approved figures shown)"),
        "unapproved": _("Benefit plan not approved (draft figures shown)"),
        **{
            cell: _("Indicators: %(status)s") % {"status": STATUS_LABELS[key]}
            for cell, key in STATUS_CELLS.items()
        },
        "updated_at": _("Last change"),
    }
    frame = pd.DataFrame.from_records(rows, columns=list(columns))
    money = ["planned", "benefits", "costs", "realised"]
    frame[money] = frame[money].astype(float).round()
    for mark in PLAN_MARKS:
        frame[mark] = frame[mark].map(lambda marked: _("Yes") if marked else "")
    frame = frame.rename(columns=columns)
    frame[str(columns["updated_at"])] = frame[str(columns["updated_at"])].map(
        lambda d: d.strftime("%Y-%m-%d %H:%M")
    )
    frame = frame.map(spreadsheets.cell)  # titles like "=1+2" stay text
    counts = [str(columns[cell]) for cell in STATUS_CELLS]  # whole numbers or empty
    frame[counts] = frame[counts].astype("Int64").astype(object)
    frame[counts] = frame[counts].where(frame[counts].notna(), None)
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        # Semicolons and a byte-order mark: what Norwegian Excel opens correctly.
        response.write(
            frame.to_csv(index=False, sep=";", lineterminator="\r\n").encode("utf-8-sig")
        )
    elif fmt == "xlsx":
        response = HttpResponse(
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        )
        frame.to_excel(response, index=False, sheet_name=_("Portfolio")[:31], engine="openpyxl")
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="portfolio-{stamp}.{fmt}"'
    return response


def _require_leader(request) -> None:
    if not user_is_leader(request.user):
        raise PermissionDenied


def _ratings_context(*, replace: tuple[int, UnitRatingForm] | None = None) -> dict:
    """Every unit with its rating form and the key its unbound form's fields
    are kept under (None for the form in `replace`, shown as given), and the
    units placed in the 2×2. A kept form is built only when its fields are
    not in the cache."""
    units = list(Unit.objects.select_related("rating"))
    quadrants = {key: [] for key in ("gap", "ready", "dormant", "untapped")}
    forms = []
    for unit in units:
        rating = getattr(unit, "rating", None)
        if rating:
            key = portfolio.ambition_capacity_quadrant(
                ambition=rating.ambition, capacity=rating.capacity
            )
            quadrants[key].append(unit.name)
        if replace and replace[0] == unit.pk:
            forms.append((unit, replace[1], None))
        else:
            form = partial(UnitRatingForm, instance=rating, prefix=f"unit-{unit.pk}")
            key = UnitRatingForm.fields_key(unit=unit, rating=rating)
            forms.append((unit, SimpleLazyObject(form), key))
    return {"forms": forms, "quadrants": quadrants}


def unit_ratings(request):
    _require_leader(request)
    return render(request, "portal/unit_ratings.html", _ratings_context())


@require_POST
def unit_rating_edit(request, unit_id: int):
    _require_leader(request)
    unit = get_object_or_404(Unit, pk=unit_id)
    prefix = f"unit-{unit.pk}"
    form = UnitRatingForm(
        request.POST, instance=UnitRating.objects.filter(unit=unit).first(), prefix=prefix
    )
    status, message = 200, None
    if form.is_valid():
        try:
            rating = unit_rating_save(
                unit=unit,
                data=form.cleaned_data,
                version=form.cleaned_data["version"],
                by=request.user,
            )
        except StaleEdit as stale:
            status = 409
            message = _("Someone else rated this unit meanwhile. Their rating is shown.")
            form = UnitRatingForm(instance=stale.current, prefix=prefix)
        else:
            message = _("The rating of %(unit)s was saved.") % {"unit": unit.name}
            if not request.htmx:
                messages.success(request, message)
                return redirect("unit-ratings")
            form = UnitRatingForm(instance=rating, prefix=prefix)
    if request.htmx:
        response = render(
            request,
            "portal/unit_ratings.html#unit",
            {"unit": unit, "form": form, "message": message},
            status=status,
        )
        return announce(response, message)
    if message:
        messages.error(request, message)
    return render(
        request,
        "portal/unit_ratings.html",
        _ratings_context(replace=(unit.pk, form)),
        status=status,
    )


@login_not_required
@require_safe
def health(request):
    """For load balancers and the benchmark: the app server answers. Touches no database."""
    return HttpResponse("ok", content_type="text/plain")
