"""The board as an A3 landscape PDF (WeasyPrint), styled by canvas-pdf.css
alone, and kept per state of the board (its change count) and language."""

import re
from functools import cache as once

from django.contrib.staticfiles import finders
from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils.translation import get_language

from projects.models import Project

from .blocks import board_blocks, paper_rows
from .models import Canvas
from .selectors import board_notes

CACHE_SECONDS = 60 * 60 * 24 * 7


@once
def _fetcher():
    """One URL fetcher for every PDF, allowed no protocol: the document is its
    HTML and one stylesheet, so nothing is loaded from the network or the disk
    (and no TLS context is built for each document)."""
    from weasyprint.urls import URLFetcher

    return URLFetcher(allowed_protocols=())


def html_to_pdf(html: str) -> bytes:
    # Imported on first use: ~1.4 s at every process start that no page needs.
    from weasyprint import CSS, HTML

    fetcher = _fetcher()
    stylesheet = CSS(filename=finders.find("css/canvas-pdf.css"), url_fetcher=fetcher)
    return HTML(string=html, url_fetcher=fetcher).write_pdf(
        stylesheets=[stylesheet], pdf_variant="pdf/ua-1"
    )


def board_pdf(*, project: Project, canvas: Canvas) -> bytes:
    """The board as PDF, rendered once per state: the board's change count grows
    with every note written or moved, the project's change stamp with its title
    and every recorded change, and the language names blocks and colours."""
    key = f"canvas-pdf:{canvas.pk}:{canvas.change_count}:{project.change_stamp}:{get_language()}"
    content = cache.get(key)
    if content is None:
        rows = paper_rows(board_blocks(board_notes(canvas.pk)))
        context = {"project": project, "canvas": canvas, "rows": rows}
        content = html_to_pdf(render_to_string("canvas/pdf.html", context))
        cache.set(key, content, CACHE_SECONDS)
    return content


def filename(canvas: Canvas) -> str:
    """The file's name: the board's title, less what file systems refuse."""
    name = " ".join(re.sub(r'[\\/:*?"<>|\x00-\x1f]', " ", canvas.title).split()).strip(".")
    return f"{name or canvas.pk}.pdf"
