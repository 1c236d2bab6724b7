"""A benefit plan of 50 benefits × 10 years, each with an indicator measured
ten times, on the project built by bench.pages."""

import io
import time
from datetime import date, timedelta

from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.utils import translation
from openpyxl import load_workbook

from bench.harness import Row, request, timed
from benefits import excel
from benefits.models import (
    Benefit,
    BenefitPlan,
    BenefitValue,
    Cost,
    Indicator,
    MapLink,
    Measurement,
)
from benefits.selectors import load_plan, result_of
from projects.models import Goal, Measure

BENEFITS = 50
YEARS = 10
MEASUREMENTS = 10  # monthly, per indicator
MAP_MEASURES = 20  # each benefit led to by one measure and leading to one goal
MAP_GOALS = 6
PAGE_MS = 50
FRAGMENT_MS = 20
CALCULATION_MS = 10
EXPORT_MS = 500
IMPORT_MS = 15_000  # the largest workbook the import limits allow
KINDS = ["costs_avoided", "time_saved", "quality", "other"]
BASES = ["direct", "tasks", "consumption", "price", "hours"]


def build(ctx: dict) -> None:
    project, member = ctx["project"], ctx["member"]
    plan = BenefitPlan.objects.create(project=project, first_year=2026, horizon=YEARS)
    benefits = Benefit.objects.bulk_create(
        [
            Benefit(
                plan=plan,
                title=f"Gevinst {n}",
                kind=KINDS[n % 4],
                owner=member,
                quality_unit="%",
                alternative_use="Mer tid til brukerne" if n % 8 == 1 else "",
                use_decided_by="Enhetsleder" if n % 8 == 1 else "",
                position=n,
            )
            for n in range(BENEFITS)
        ]
    )
    BenefitValue.objects.bulk_create(
        [
            BenefitValue(
                benefit=b,
                year=year,
                basis=BASES[(n + year) % 5],
                a=1000 + n,
                b=250,
                a_low=800 + n,
                a_high=1200 + n,
            )
            for n, b in enumerate(benefits)
            for year in plan.years
        ]
    )
    Cost.objects.bulk_create(
        [
            Cost(plan=plan, title="Drift", year=y, kind="running", expected=100_000, high=150_000)
            for y in plan.years
        ]
    )
    indicators = Indicator.objects.bulk_create(
        [
            Indicator(
                benefit=b,
                name=f"Indikator {n}",
                unit="%",
                baseline_value=50,
                baseline_date=date(2026, 1, 1),
                target_value=80,
                target_date=date(2028, 12, 31),
                method="Uttrekk",
                frequency="quarterly",
                responsible=member,
            )
            for n, b in enumerate(benefits)
        ]
    )
    Measurement.objects.bulk_create(
        [
            Measurement(indicator=i, value=50 + q, date=date(2026, 1 + q, 1), recorded_by=member)
            for i in indicators
            for q in range(MEASUREMENTS)
        ]
    )
    ctx["benefit_plan"] = plan
    map_build(project, plan, benefits)


def map_build(project, plan, benefits) -> None:
    """The plan's benefit map: 50 measure → benefit and 50 benefit → goal links."""
    measures = Measure.objects.bulk_create(
        [Measure(project=project, title=f"Tiltak for kartet {n}") for n in range(MAP_MEASURES)]
    )
    goals = Goal.objects.bulk_create(
        [Goal(project=project, level="service", title=f"Mål {n}") for n in range(MAP_GOALS)]
    )
    MapLink.objects.bulk_create(
        [
            MapLink(plan=plan, benefit=b, measure=measures[n % MAP_MEASURES], assumption="Antatt")
            for n, b in enumerate(benefits)
        ]
        + [MapLink(plan=plan, benefit=b, goal=goals[n % MAP_GOALS]) for n, b in enumerate(benefits)]
    )


def rows(ctx: dict):
    client = Client()
    client.force_login(ctx["member"])
    base = f"/projects/{ctx['project'].pk}/benefits/"
    yield timed(
        "page: benefit plan (50 benefits × 10 years)", PAGE_MS, request(client, "get", base)
    )
    yield timed(
        "fragment: benefit plan body (htmx)",
        FRAGMENT_MS,
        request(client, "get", base, htmx=True),
    )
    yield timed(
        "page: benefit plan with its map (50 benefits)",
        PAGE_MS,
        request(client, "get", base + "map/"),
    )
    yield timed("page: plan settings", PAGE_MS, request(client, "get", base + "settings/"))
    yield timed(
        f"page: co-financing report ({BENEFITS} benefits)",
        PAGE_MS,
        request(client, "get", base + "cofinancing/"),
    )
    benefit = ctx["benefit_plan"].benefits.order_by("position").first()
    yield timed(
        "fragment: benefit edit form (htmx)",
        FRAGMENT_MS,
        request(client, "get", f"{base}benefits/{benefit.pk}/", htmx=True),
    )
    indicator = benefit.indicators.first()
    yield timed(
        f"page: indicator with {MEASUREMENTS} measurements",
        PAGE_MS,
        request(client, "get", f"{base}indicators/{indicator.pk}/"),
    )
    yield timed("page: import a plan", PAGE_MS, request(client, "get", base + "import/"))
    records = load_plan(ctx["benefit_plan"]).records(measurements=False)
    yield timed("calculation: benefit plan, 3 cases", CALCULATION_MS, lambda: result_of(records))
    yield timed(
        "export: benefit plan Excel", EXPORT_MS, request(client, "get", base + "export/"), repeat=5
    )
    # Last: the largest import grows the plan by thousands of rows.
    yield from import_rows(client, base)


def largest_workbook(client: Client, base: str, *, valid: bool) -> bytes:
    """The plan's export grown to IMPORT_MAX_ROWS rows with new measurements
    (or, not `valid`, with measurements whose value is not a number)."""
    book = load_workbook(io.BytesIO(client.get(base + "export/").content))
    with translation.override(settings.LANGUAGE_CODE):  # the language the export is in
        sheet = book[excel.sheets()["measurements"][0]]
    rows = sum(s.max_row for s in book.worksheets)
    for n in range(settings.IMPORT_MAX_ROWS - rows):
        day = date(2020, 1, 1) + timedelta(days=n // BENEFITS)
        sheet.append([n % BENEFITS + 1, day, 60 + n % 20 if valid else "mange", f"Bench {n}"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def import_rows(client: Client, base: str):
    def upload(content: bytes, expect: int):
        def call():
            workbook = SimpleUploadedFile("plan.xlsx", content)  # a fresh file each time
            response = client.post(base + "import/", {"workbook": workbook})
            if response.status_code != expect:
                raise AssertionError(f"import: {response.status_code}, not {expect}")

        return call

    rows = settings.IMPORT_MAX_ROWS
    content = largest_workbook(client, base, valid=True)
    invalid = largest_workbook(client, base, valid=False)
    start = time.perf_counter()
    upload(content, 302)()  # the first import adds every new measurement
    ms = (time.perf_counter() - start) * 1000
    yield Row(f"import: {rows} rows, largest allowed (first import)", IMPORT_MS, ms, ms)
    yield timed(
        f"import: {rows} rows, largest allowed (unchanged)",
        IMPORT_MS,
        upload(content, 302),
        repeat=3,
        warmup=0,
    )
    yield timed(
        f"import: {rows} rows of errors (stops after 50)",
        IMPORT_MS,
        upload(invalid, 200),
        repeat=3,
        warmup=0,
    )
