"""Every full page of the URL walk is valid HTML: the Nu Html Checker (npm
`vnu-jar`, run by java) finds no error in any of them. The pages are rendered
with Django's test client, written to a temporary folder and checked by one run
of the checker (a JVM start costs seconds)."""

import json
import subprocess
from pathlib import Path

from django.conf import settings
from django.test import Client

from tests.test_url_access import ALL_URLS, url_for

VNU_JAR = Path(settings.BASE_DIR) / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"

# htmx reads its instructions from `hx-*` attributes, which the HTML standard
# does not define (only `data-*` is open to pages), so the checker reports each
# one. They are the only messages left out, and only for attributes whose name
# starts with "hx-"; every other unknown attribute is still an error.
HTMX_ATTRIBUTES = r"Attribute “hx-[a-z-]+” not allowed on element “[a-z0-9-]+” at this point\."


def _is_full_page(response) -> bool:
    return (
        response.status_code == 200
        and response["Content-Type"].startswith("text/html")
        and response.content.lstrip().lower().startswith(b"<!doctype html>")
    )


def _render_pages(project, *, member, leader) -> dict[str, bytes]:
    """The full pages the URL walk reaches: each GET as a team member, the
    pages a team member may not open (the portfolio) as a leader, and the
    public pages (log-in) as an anonymous visitor."""
    clients = [Client(), Client(), Client()]
    clients[0].force_login(member)
    clients[1].force_login(leader)
    pages = {}
    for name, args in ALL_URLS:
        url = url_for(name, args, project)
        for client in clients:
            response = client.get(url)
            if _is_full_page(response):
                pages[name] = response.content
            if response.status_code in (200, 405):  # nobody else sees more
                break
    return pages


def _check(folder: Path) -> list[dict]:
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(VNU_JAR),
            "--errors-only",
            "--format",
            "json",
            "--filterpattern",
            HTMX_ATTRIBUTES,
            *sorted(str(path) for path in folder.glob("*.html")),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # The checker writes its JSON report to standard error.
    return json.loads(result.stderr)["messages"]


# A page with two real errors beside an htmx attribute, checked in the same
# run: the checker did run, and its one filtered message hides nothing else.
CANARY = (
    '<!DOCTYPE html><html lang="nb"><head><title>x</title></head><body>'
    '<button type="button" hx-post="/x/" hxpost="/y/">x</button>'
    '<time datetime="2026-11-30T17:10:09.123456+00:00">x</time></body></html>'
)


def test_every_page_is_valid_html(tmp_path, alice, leader, project):
    pages = _render_pages(project, member=alice, leader=leader)
    for name, content in pages.items():
        (tmp_path / f"{name.replace(':', '--')}.html").write_bytes(content)
    # The walk reaches the pages of every app, the portfolio and the log-in page.
    assert len(pages) >= 35
    assert {"portfolio", "login", "projects:detail", "canvas:board"} <= set(pages)
    (tmp_path / "canary.html").write_text(CANARY)
    assert VNU_JAR.exists(), "the Nu Html Checker comes with `make install` (npm vnu-jar)"

    messages = [m for m in _check(tmp_path) if m["type"] != "info"]

    canary = [m["message"] for m in messages if m.get("url", "").endswith("/canary.html")]
    assert len(canary) == 2
    assert "hxpost" in canary[0] and "datetime" in canary[1]
    errors = sorted(
        f"{Path(m.get('url', '')).stem}:{m.get('lastLine', '?')}: {m['message']}"
        for m in messages
        if not m.get("url", "").endswith("/canary.html")
    )
    assert not errors, "\n".join(errors)
