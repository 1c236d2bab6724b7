"""The deck as files: PDF (WeasyPrint), PPTX (python-pptx), charts as images
(plotly through kaleido), cached per project state and language."""

import base64
import hashlib
import io
import json
import threading
from pathlib import Path

import plotly.graph_objects as go
from django.conf import settings
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import get_language

from projects.history import last_change
from projects.models import Project

from . import charts
from .decks import BODY_LINES, SLIDES, Slide, deck_data, slides_for

# Slide size: 16:9, 33.867 × 19.05 cm (960 × 540 pt; 1280 × 720 CSS px).
SLIDE_PX = (1280, 720)
# Drawn at 1 px = 0.75 pt on the slide, so 42 px labels are 31.5 pt: even a
# chart's text stays at or above 30 pt.
CHART_PX = (1140, 260)
CHART_FONT_PX = 42
CACHE_SECONDS = 60 * 60 * 24 * 7

_kaleido_lock = threading.Lock()
_kaleido_started = False


def _chart_image(figure: dict, fmt: str) -> bytes:
    """The figure drawn as SVG or PNG, with fonts large enough for a slide."""
    global _kaleido_started
    import kaleido  # imported on first use: it costs every process ~0.4 s at start-up

    fig = go.Figure(figure)
    fig.update_layout(
        template=charts.SLIM,
        font={"size": CHART_FONT_PX},
        width=CHART_PX[0],
        height=CHART_PX[1],
        margin={"l": 10, "r": 10, "t": 10, "b": 10},
        showlegend=True,
        legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"},
        # Room for the longest tick (the figure sets signed ticks of its own).
        xaxis={"tickangle": 0, "dtick": 2, "automargin": True},
        yaxis={"automargin": True},
    )
    with _kaleido_lock:
        # One browser per process, started on first use and kept: starting one
        # costs more than a whole deck.
        if not _kaleido_started:
            kaleido.start_sync_server(silence_warnings=True)
            _kaleido_started = True
        return kaleido.calc_fig_sync(
            fig, opts={"format": fmt, "width": CHART_PX[0], "height": CHART_PX[1]}
        )


def _svg_data_uri(figure: dict) -> str:
    key = "chart-svg:" + hashlib.sha256(json.dumps(figure, sort_keys=True).encode()).hexdigest()
    svg = cache.get(key)
    if svg is None:
        svg = _chart_image(figure, "svg")
        cache.set(key, svg, CACHE_SECONDS)
    data = svg if isinstance(svg, bytes) else svg.encode()
    return "data:image/svg+xml;base64," + base64.b64encode(data).decode()


def _font_dir() -> str:
    return (Path(settings.BASE_DIR) / "node_modules" / "@fontsource" / "inter" / "files").as_uri()


def deck_filename(project: Project, ext: str) -> str:
    stamp = timezone.localdate().isoformat()
    return f"{slugify(project.title)[:60] or 'prosjekt'}-{stamp}.{ext}"


def deck_html(project: Project, slides: list[Slide], *, for_pdf: bool, handout=False) -> str:
    for slide in slides:
        slide.image = _svg_data_uri(slide.chart) if (for_pdf and slide.chart) else None
        if for_pdf and slide.svg:
            slide.image = (
                "data:image/svg+xml;base64," + base64.b64encode(slide.svg.encode()).decode()
            )
    return render_to_string(
        "portal/deck_pdf.html",
        {"project": project, "slides": slides, "font_dir": _font_dir(), "handout": handout},
    )


def render_pdf(projects: list[Project], *, progress=None, handout: bool = False) -> bytes:
    """One PDF of the decks of `projects` in order; `progress(n)` after each.
    A handout has a page per slide: the slide, smaller, above its notes."""
    import weasyprint  # imported on first use: ~1.4 s that no other page needs

    pages = []
    first = None
    for n, project in enumerate(projects, start=1):
        data = deck_data(project)
        # The text is chosen to fit; should a slide still run over its page
        # (wide letters), it shows less (naming the rest) rather than smaller text.
        for body_lines in range(BODY_LINES, 0, -1):
            slides = slides_for(data, body_lines=body_lines)
            html = deck_html(project, slides, for_pdf=True, handout=handout)
            document = weasyprint.HTML(string=html, base_url=str(settings.BASE_DIR)).render(
                pdf_tags=True
            )
            if handout or len(document.pages) <= SLIDES:
                break
        first = first or document
        pages.extend(document.pages)
        if progress:
            progress(n)
    return first.copy(pages).write_pdf(pdf_tags=True, pdf_variant="pdf/ua-1")


def render_pptx(project: Project) -> bytes:
    """The same ten slides as editable text (and charts as pictures)."""
    from pptx import Presentation
    from pptx.util import Emu, Pt

    deck = Presentation()
    deck.slide_width, deck.slide_height = Emu(12192000), Emu(6858000)  # 16:9
    blank = deck.slide_layouts[6]
    margin = Emu(457200)
    width = deck.slide_width - 2 * margin
    for slide in slides_for(deck_data(project)):
        page = deck.slides.add_slide(blank)
        title = page.shapes.add_textbox(margin, margin, width, Emu(1100000)).text_frame
        title.word_wrap = True
        title.text = slide.title
        title.paragraphs[0].runs[0].font.size = Pt(40)
        title.paragraphs[0].runs[0].font.bold = True
        top = margin + Emu(1200000)
        if slide.chart:
            png = _chart_image(slide.chart, "png")
            picture = page.shapes.add_picture(io.BytesIO(png), margin, top, width=width)
            # The picture's description (alt text) states its numbers.
            picture._element.nvPicPr.cNvPr.set("descr", slide.chart_alt)
            top += picture.height + Emu(100000)
        body = page.shapes.add_textbox(margin, top, width, deck.slide_height - top - margin)
        frame = body.text_frame
        frame.word_wrap = True
        for i, line in enumerate(slide.lines + ([slide.more] if slide.more else [])):
            paragraph = frame.paragraphs[0] if i == 0 else frame.add_paragraph()
            paragraph.text = line
            paragraph.runs[0].font.size = Pt(30)
        page.notes_slide.notes_text_frame.text = "\n".join(slide.notes)
    out = io.BytesIO()
    deck.save(out)
    return out.getvalue()


def cached_slides(project: Project) -> list[Slide]:
    """The slides of the presentation page, worked out again only when the
    project changed (its change stamp) or in another language."""
    key = f"slides:{project.pk}:{get_language()}:{project.change_stamp}"
    slides = cache.get(key)
    if slides is None:
        slides = slides_for(deck_data(project))
        cache.set(key, slides, CACHE_SECONDS)
    return slides


def cached_deck(project: Project, fmt: str) -> bytes:
    """The deck in `fmt` ("pdf", "handout" or "pptx"), rebuilt only when the
    project changed."""
    changed = last_change(project.pk)
    stamp = changed.isoformat() if changed else "never"
    key = f"deck:{project.pk}:{fmt}:{get_language()}:{stamp}"
    content = cache.get(key)
    if content is None:
        if fmt == "pptx":
            content = render_pptx(project)
        elif fmt == "handout":
            content = render_pdf([project], handout=True)
        else:
            content = render_pdf([project])
        cache.set(key, content, CACHE_SECONDS)
    return content
