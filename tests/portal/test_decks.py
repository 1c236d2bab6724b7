import io

import pdfplumber
from pptx import Presentation
from pypdf import PdfReader

from portal import deck_files, tasks
from portal.decks import DeckData, fit_slide, slides_for
from portal.models import DeckBundle
from portal.tasks import build_deck_bundle
from projects.models import Measure
from tests.factories import make_project

STATUS_TITLES = [
    "Selection criteria and bimodal placement",
    "Business Model Canvas",
    "User profiles and stakeholders",
    "Experiments and learning",
    "Goals",
    "Prioritized measures",
    "Identified benefits",
    "Next steps and the decision needed",
    "Contacts",
]


def test_an_early_project_gets_the_status_deck(settings):
    settings.LANGUAGE_CODE = "en"
    slides = slides_for(DeckData(title="Veiviser", step="hypothesis"))
    assert len(slides) == 10
    assert slides[0].title == "Veiviser"
    assert [s.title for s in slides[1:]] == STATUS_TITLES


def test_a_delivering_project_gets_the_report_deck():
    slides = slides_for(DeckData(title="Nattilsyn", step="deliver"))
    assert [s.number for s in slides] == list(range(1, 11))
    assert slides[5].title == "Gevinstplanen"
    assert slides[9].title == "Erfaringer"


def test_missing_content_reads_not_described_yet():
    slides = slides_for(DeckData(title="X", step="goals", sections={"goals": ["Færre telefoner"]}))
    assert slides[5].lines == ["Færre telefoner"] and not slides[5].empty
    assert slides[2].lines == ["Ikke beskrevet ennå."] and slides[2].empty


def test_long_content_keeps_whole_items_and_names_the_rest():
    items = [f"Tiltak {n}" for n in range(20)]
    lines, more = fit_slide(items, noun="activities", body_lines=8)
    assert lines == items[: len(lines)] and 3 <= len(lines) < 20
    assert more == f"{20 - len(lines)} aktiviteter til i notatene og i Innoportal"


def test_short_content_is_kept_as_it_is():
    assert fit_slide(["  Én   linje "], body_lines=8) == (["Én linje"], "")


def pdf_of(client, project):
    response = client.get(f"/projects/{project.pk}/deck.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    return response


def test_the_pdf_has_ten_16_9_pages_with_no_text_under_30_pt(client, alice, project):
    Measure.objects.create(project=project, title="Varsel på SMS", benefit=5, effort=2)
    client.force_login(alice)
    response = pdf_of(client, project)
    assert 'filename="digital-innbyggerdialog-' in response["Content-Disposition"]
    with pdfplumber.open(io.BytesIO(response.content)) as pdf:
        assert len(pdf.pages) == 10
        for page in pdf.pages:
            assert round(page.width / page.height, 3) == round(16 / 9, 3)
            assert min(round(c["size"], 2) for c in page.chars) >= 30
        text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Digital innbyggerdialog" in text
    assert "Prioriterte tiltak" in text and "Varsel på SMS" in text
    assert "Ikke beskrevet ennå." in text


def test_the_pdf_is_tagged_with_language_and_title(client, alice, project):
    client.force_login(alice)
    reader = PdfReader(io.BytesIO(pdf_of(client, project).content))
    root = reader.trailer["/Root"]
    assert root["/Lang"] == "nb"
    assert root["/MarkInfo"]["/Marked"]
    assert reader.metadata.title.startswith("Digital innbyggerdialog")


def test_the_pptx_has_the_same_ten_titles(client, alice, project):
    client.force_login(alice)
    response = client.get(f"/projects/{project.pk}/deck.pptx")
    deck = Presentation(io.BytesIO(response.content))
    titles = [slide.shapes[0].text_frame.text for slide in deck.slides]
    page = client.get(f"/projects/{project.pk}/deck/").text
    assert len(titles) == 10
    for title in titles:
        assert f'<h2 class="slide__title">{title}</h2>' in page


def test_the_presentation_shows_ten_slides(client, bob, project):
    client.force_login(bob)  # viewers may read and download
    page = client.get(f"/projects/{project.pk}/deck/").text
    assert page.count('<section class="slide') == 10
    assert "data-deck-counter" in page


def test_an_unknown_format_is_404(client, alice, project):
    client.force_login(alice)
    assert client.get(f"/projects/{project.pk}/deck.doc").status_code == 404


def test_an_unchanged_project_is_served_from_cache_and_a_change_makes_a_new_deck(
    client, alice, project, monkeypatch
):
    from django.core.cache import cache

    cache.clear()
    renders = []
    real = deck_files.render_pdf
    monkeypatch.setattr(deck_files, "render_pdf", lambda ps: renders.append(1) or real(ps))
    client.force_login(alice)
    first = pdf_of(client, project).content
    assert pdf_of(client, project).content == first
    assert len(renders) == 1
    Measure.objects.create(project=project, title="Nytt tiltak")
    text = "\n".join(
        p.extract_text() for p in pdfplumber.open(io.BytesIO(pdf_of(client, project).content)).pages
    )
    assert len(renders) == 2 and "Nytt tiltak" in text


def test_the_presentation_is_kept_until_the_project_changes(client, alice, project):
    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()
    client.force_login(alice)
    url = f"/projects/{project.pk}/deck/"
    with CaptureQueriesContext(connection) as cold:
        client.get(url)
    with CaptureQueriesContext(connection) as kept:
        assert "Nytt tiltak" not in client.get(url).text
    assert len(kept) < len(cold) - 5
    Measure.objects.create(project=project, title="Nytt tiltak")
    assert "Nytt tiltak" in client.get(url).text


def test_a_bundle_is_queued_once_shows_progress_and_downloads(client, alice, three, queue):
    client.force_login(alice)
    ids = [p.pk for p in three]
    response = client.post("/decks/bundles/", {"project": ids})
    bundle = DeckBundle.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/decks/bundles/{bundle.pk}/"
    client.post("/decks/bundles/", {"project": ids})  # a second click
    assert DeckBundle.objects.count() == 1 and len(queue.results) == 1

    waiting = client.get(f"/decks/bundles/{bundle.pk}/", headers={"HX-Request": "true"})
    assert 'value="0"' in waiting.text and 'max="3"' in waiting.text
    assert 'hx-trigger="every 1s"' in waiting.text

    build_deck_bundle.call(bundle.pk)
    done = client.get(f"/decks/bundles/{bundle.pk}/").text
    assert "3 av 3 presentasjoner laget" in done and "every 1s" not in done
    pdf = client.get(f"/decks/bundles/{bundle.pk}/download/")
    assert len(PdfReader(io.BytesIO(pdf.content)).pages) == 30


def test_a_failed_bundle_is_shown(client, alice, three, queue, monkeypatch):
    def broken(projects, progress=None):
        progress(1)
        raise RuntimeError("Skriften mangler")

    monkeypatch.setattr(tasks, "render_pdf", broken)
    client.force_login(alice)
    client.post("/decks/bundles/", {"project": [p.pk for p in three]})
    bundle = DeckBundle.objects.get()
    build_deck_bundle.call(bundle.pk)
    page = client.get(f"/decks/bundles/{bundle.pk}/").text
    assert "Samlingen kunne ikke lages" in page and "Skriften mangler" in page
    assert client.get(f"/decks/bundles/{bundle.pk}/download/").status_code == 404


def test_a_bundle_takes_only_projects_the_user_may_see(client, alice, three, queue):
    hidden = make_project(title="Hemmelig")
    client.force_login(alice)
    client.post("/decks/bundles/", {"project": [three[0].pk, hidden.pk, "x"]})
    assert DeckBundle.objects.get().project_ids == [three[0].pk]


def test_an_empty_bundle_is_refused(client, alice, queue):
    client.force_login(alice)
    response = client.post("/decks/bundles/", {"project": []}, follow=True)
    assert "Velg mellom 1 og 30 prosjekter" in response.text
    assert not DeckBundle.objects.exists()


def test_someone_elses_bundle_is_404(client, alice, bob, three, queue):
    client.force_login(alice)
    client.post("/decks/bundles/", {"project": [three[0].pk]})
    bundle = DeckBundle.objects.get()
    client.force_login(bob)
    assert client.get(f"/decks/bundles/{bundle.pk}/").status_code == 404


def test_the_benefit_plan_slide_carries_its_chart_as_vector_text(client, alice, project):
    from benefits.models import BenefitPlan

    project.step = "deliver"
    project.save()
    plan = BenefitPlan.objects.create(project=project, first_year=2026, horizon=4)
    benefit = plan.benefits.create(title="Færre telefoner", kind="costs_avoided", owner=alice)
    for year in range(2026, 2030):
        benefit.values.create(year=year, basis="tasks", a=1000, b=250)
    plan.costs.create(title="Innføring", year=2026, expected=400000)
    client.force_login(alice)
    content = pdf_of(client, project).content
    with pdfplumber.open(io.BytesIO(content)) as pdf:
        assert len(pdf.pages) == 10
        text = pdf.pages[5].extract_text()
        assert "Gevinstplanen" in text and "Nåverdi (forventet)" in text
        assert "Utkast, ikke godkjent" in text and "Betaler seg tilbake i 2027" in text
        slide = pdf.pages[7]  # the yearly chart is on the plan for further realisation
        text = slide.extract_text()
        assert "2028" in text  # an axis label of the chart, drawn as text
        assert "Gevinster" in text and "Kostnader" in text  # its legend
        assert "−" in text  # costs are drawn below zero, with their sign
        assert min(round(c["size"], 2) for c in slide.chars) >= 30
        assert slide.curves or slide.rects  # the bars and line are vector shapes
    assert "Færre telefoner: gevinstansvarlig Alice Aas" in "\n".join(
        p.extract_text() for p in pdfplumber.open(io.BytesIO(content)).pages
    )
