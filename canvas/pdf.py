"""The board as an A3 landscape PDF (WeasyPrint), styled by canvas.css's print rules."""

from django.conf import settings
from django.contrib.staticfiles import finders


def html_to_pdf(html: str) -> bytes:
    # Imported on first use: ~1.4 s at every process start that no page needs.
    from weasyprint import CSS, HTML

    stylesheet = CSS(filename=finders.find("css/canvas.css"))
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf(
        stylesheets=[stylesheet], pdf_variant="pdf/ua-1"
    )
