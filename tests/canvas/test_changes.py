from django.urls import reverse

from canvas.models import Canvas

from .conftest import HTMX, make_note


def url(canvas):
    return reverse("canvas:changes", args=[canvas.project_id, canvas.pk])


def test_it_answers_204_while_nothing_changed(client, alice, canvas, django_assert_num_queries):
    make_note(canvas)
    client.force_login(alice)
    # The session, the user, and the access check that also reads the count.
    with django_assert_num_queries(3):
        r = client.get(url(canvas), {"since": "1"}, headers=HTMX)
    assert r.status_code == 204 and r.content == b""


def test_it_sends_every_block_and_the_change_count_after_a_change(client, alice, canvas):
    note = make_note(canvas, text="Fra en kollega")
    client.force_login(alice)
    r = client.get(url(canvas), {"since": "0"}, headers=HTMX)
    assert r.status_code == 200 and r["X-Board-Change-Count"] == "1"
    assert r.text.count('hx-swap-oob="true"') == 9
    assert f'id="note-{note.pk}"' in r.text and "Fra en kollega" in r.text
    assert "add-note" not in r.text  # forms being typed in are never replaced
    # The page announces once it shows every change (the header's unread count rides along).
    assert "announce" not in r.get("HX-Trigger", "")


def test_it_sends_the_board_when_the_change_count_is_missing_or_bad(client, alice, canvas):
    client.force_login(alice)
    assert client.get(url(canvas), {"since": "x"}, headers=HTMX).status_code == 200
    assert client.get(url(canvas), headers=HTMX).status_code == 200


def test_it_redirects_a_plain_request_to_the_board(client, alice, canvas):
    client.force_login(alice)
    r = client.get(url(canvas))
    assert r.status_code == 302 and r["Location"] == canvas.get_absolute_url()


def test_it_lets_viewers_follow_and_hides_from_outsiders(client, bob, charlie, canvas):
    client.force_login(bob)
    assert client.get(url(canvas), {"since": "0"}, headers=HTMX).status_code == 204
    client.force_login(charlie)
    assert client.get(url(canvas), {"since": "0"}, headers=HTMX).status_code == 404


def test_it_hides_other_projects_canvases(client, alice, project):
    from tests.factories import make_project

    other = Canvas.objects.create(project=make_project(), title="x")
    client.force_login(alice)
    r = client.get(reverse("canvas:changes", args=[project.pk, other.pk]), headers=HTMX)
    assert r.status_code == 404


def test_a_write_from_an_up_to_date_board_tells_it_the_new_change_count(client, alice, canvas):
    client.force_login(alice)
    add = reverse("canvas:note-add", args=[canvas.project_id, canvas.pk])
    r = client.post(
        add, {"block": "channels", "text": "a"}, headers={**HTMX, "X-Board-Change-Count": "0"}
    )
    assert r["X-Board-Change-Count"] == "1"
    # The page showed change count 0 but the board is at 1 now: someone else wrote
    # meanwhile, so the page must still fetch their change.
    r = client.post(
        add, {"block": "channels", "text": "b"}, headers={**HTMX, "X-Board-Change-Count": "0"}
    )
    assert "X-Board-Change-Count" not in r
    note = canvas.notes.first()
    edit = reverse("canvas:note-edit", args=[canvas.project_id, note.pk])
    r = client.post(
        edit,
        {"text": "a2", "color": "yellow", "version": note.version},
        headers={**HTMX, "X-Board-Change-Count": "2"},
    )
    assert r["X-Board-Change-Count"] == "3"


def test_refresh_queries_do_not_grow_with_notes(
    client, alice, canvas, django_assert_max_num_queries
):
    client.force_login(alice)
    make_note(canvas)
    with django_assert_max_num_queries(8) as few:
        client.get(url(canvas), {"since": "0"}, headers=HTMX)
    for i in range(30):
        make_note(canvas, block=["channels", "key_partners"][i % 2])
    with django_assert_max_num_queries(len(few.captured_queries)):
        r = client.get(url(canvas), {"since": "0"}, headers=HTMX)
    assert r.text.count('class="note note--') == 31


def _comment(note, author, times=1):
    from django.contrib.contenttypes.models import ContentType

    from projects.models import Comment

    target = ContentType.objects.get_for_model(type(note))
    for _ in range(times):
        Comment.objects.create(
            project=note.canvas.project,
            target_type=target,
            target_id=note.pk,
            author=author,
            text="Ja",
        )


def test_each_note_of_the_changed_board_shows_its_own_comment_count(
    client, alice, bob, canvas, django_assert_num_queries
):
    talked = make_note(canvas, text="Omtalt")
    single = make_note(canvas, block="channels", text="Én kommentar")
    quiet = make_note(canvas, block="channels", text="Stille")
    _comment(talked, alice, times=2)
    _comment(single, bob)
    client.force_login(alice)
    # The session, the user, the access check, the notes, the comment counts
    # and the header's unread count.
    with django_assert_num_queries(6):
        r = client.get(url(canvas), {"since": "0"}, headers=HTMX)

    def card(note):
        start = r.text.index(f'<li id="note-{note.pk}"')
        return r.text[start : r.text.index("</li>", start)]

    assert '<span aria-hidden="true">2</span>' in card(talked)
    assert "2 kommentarer" in card(talked)
    assert '<span aria-hidden="true">1</span>' in card(single) and "1 kommentar<" in card(single)
    # Without comments an editor finds the thread in the note's menu only.
    assert "note__comments" not in card(quiet) and "0 kommentarer" in card(quiet)
    # A viewer, without the menu, sees every count, none included.
    client.force_login(bob)
    r = client.get(url(canvas), {"since": "0"}, headers=HTMX)
    assert "note__comments" in card(quiet) and '<span aria-hidden="true">0</span>' in card(quiet)
    assert "2 kommentarer" in card(talked) and "note__menu" not in r.text
