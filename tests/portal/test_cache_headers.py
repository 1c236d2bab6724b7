"""Signed-in answers stay out of shared and browser caches, and a fragment is
never taken for the page of the same URL."""

import pytest


def _is_private(response) -> bool:
    directives = {d.strip() for d in response.get("Cache-Control", "").split(",")}
    return {"private", "no-store"} <= directives


def _varies_on_htmx(response) -> bool:
    return "hx-request" in {v.strip().lower() for v in response.get("Vary", "").split(",")}


@pytest.fixture
def signed_in(client, leader, project):
    client.force_login(leader)
    return client


def test_a_signed_in_page_is_private_and_varies_on_htmx(signed_in, project):
    response = signed_in.get("/portfolio/")
    assert response.status_code == 200 and "<html" in response.text
    assert response["Cache-Control"] == "private, no-store"
    assert _varies_on_htmx(response)


def test_a_fragment_is_private_and_varies_on_htmx(signed_in, project):
    response = signed_in.get("/portfolio/", headers={"HX-Request": "true"})
    assert response.status_code == 200 and "<html" not in response.text
    assert project.title in response.text
    assert response["Cache-Control"] == "private, no-store"
    assert _varies_on_htmx(response)


def test_a_download_is_private(signed_in, project):
    response = signed_in.get("/portfolio/export.csv")
    assert response["Content-Type"].startswith("text/csv")
    assert project.title in response.content.decode("utf-8-sig")
    assert response["Cache-Control"] == "private, no-store"


def test_a_views_own_cache_control_is_kept(admin_client):
    response = admin_client.get("/admin/")  # the admin says never_cache itself
    assert "must-revalidate" in response["Cache-Control"]


def test_signed_out_answers_are_not_marked_private(client):
    response = client.get("/accessibility/")
    assert response.status_code == 200 and not _is_private(response)
    assert _varies_on_htmx(response)


def test_static_files_keep_their_own_caching(signed_in):
    response = signed_in.get("/static/css/portal.css")
    assert response.status_code == 200
    assert not _is_private(response)
