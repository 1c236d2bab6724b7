from django.urls import reverse

from canvas.models import Canvas

from .conftest import HTMX, make_note


def url(project):
    return reverse("canvas:list", args=[project.pk])


def test_it_lists_canvases_and_hypotheses(client, alice, canvas):
    make_note(canvas, text="Innbyggere vil ha varsel på SMS", hypothesis=True)
    client.force_login(alice)
    r = client.get(url(canvas.project))
    assert r.status_code == 200
    assert canvas.title in r.text and "Innbyggere vil ha varsel på SMS" in r.text


def test_it_creates_a_canvas(client, alice, project):
    client.force_login(alice)
    r = client.post(url(project), {"title": "Fremtiden"})
    canvas = Canvas.objects.get()
    assert r.status_code == 302 and r["Location"] == canvas.get_absolute_url()
    assert canvas.title == "Fremtiden" and canvas.project == project


def test_it_redirects_htmx_to_the_new_canvas(client, alice, project):
    client.force_login(alice)
    r = client.post(url(project), {"title": "Fremtiden"}, headers=HTMX)
    assert r["HX-Redirect"] == Canvas.objects.get().get_absolute_url()


def test_it_refuses_an_empty_name(client, alice, project):
    client.force_login(alice)
    r = client.post(url(project), {"title": "  "}, headers=HTMX)
    assert r.status_code == 200 and "Gi lerretet et navn." in r.text
    assert 'id="canvas-form"' in r.text and "<html" not in r.text
    assert not Canvas.objects.exists()


def test_it_refuses_viewers_and_outsiders(client, bob, charlie, project):
    client.force_login(bob)
    assert client.get(url(project)).status_code == 200
    assert client.post(url(project), {"title": "X"}).status_code == 403
    client.force_login(charlie)
    assert client.get(url(project)).status_code == 404
    assert not Canvas.objects.exists()
