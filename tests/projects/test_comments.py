"""Comments on the project and its items: who may post, edit and delete,
mentions, escaping, stale edits, and the thread's queries."""

from datetime import date

import pytest
from django.urls import reverse

from projects.access import Refused
from projects.discussion.services import edit_comment, post_comment
from projects.models import Comment, Experiment
from tests.factories import count_queries, make_project

HTMX = {"HX-Request": "true"}


def thread(project, kind="project", item_id=None):
    return reverse("projects:comment-thread", args=[project.pk, kind, item_id or project.pk])


def say(project, user, text, target=None):
    project.actor = _actor(project, user)
    comment, _mentioned = post_comment(
        project=project, actor=project.actor, target=target or project, text=text
    )
    return comment


def _actor(project, user):
    from projects.selectors import project_for_user

    return project_for_user(user, project.pk).actor


def test_it_posts_a_comment_and_records_only_members_mentioned(
    client, alice, bob, charlie, project
):
    client.force_login(alice)
    text = "Hva mener @bob og @charlie? Se kari@example.no"
    response = client.post(thread(project), {"text": text})
    assert response.status_code == 302
    comment = Comment.objects.get(project=project)
    assert (comment.text, comment.author, comment.target) == (text, alice, project)
    assert list(comment.mentions.all()) == [bob]


def test_the_service_returns_the_members_mentioned(alice, bob, owner, project):
    project.actor = _actor(project, alice)
    comment, mentioned = post_comment(
        project=project, actor=project.actor, target=project, text="@olga @BOB @nobody"
    )
    assert mentioned == [owner, bob]
    comment, newly = edit_comment(
        comment=comment, actor=project.actor, text="@bob @alice @olga", version=comment.version
    )
    assert newly == [alice]
    assert set(comment.mentions.all()) == {alice, bob, owner}


def test_it_answers_htmx_with_the_thread_only(client, alice, project):
    client.force_login(alice)
    response = client.post(thread(project), {"text": "Første innspill"}, headers=HTMX)
    assert response.status_code == 200
    assert 'id="thread"' in response.text and "<html" not in response.text
    assert "Første innspill" in response.text
    assert "announce" in response["HX-Trigger"]


def test_a_thread_with_comments_gets_only_the_new_one_and_a_fresh_form(client, alice, project):
    client.force_login(alice)
    client.post(thread(project), {"text": "Første innspill"}, headers=HTMX)
    response = client.post(thread(project), {"text": "Andre <b>innspill</b>"}, headers=HTMX)
    assert response.status_code == 200
    assert (response["HX-Retarget"], response["HX-Reswap"]) == ("#comment-form", "outerHTML")
    assert "Første innspill" not in response.text and 'id="thread"' not in response.text
    assert 'hx-swap-oob="beforeend:#comments"' in response.text
    assert "Andre &lt;b&gt;innspill&lt;/b&gt;" in response.text
    assert 'id="comment-form"' in response.text and "announce" in response["HX-Trigger"]
    assert list(Comment.objects.values_list("text", flat=True)) == [
        "Første innspill",
        "Andre <b>innspill</b>",
    ]


@pytest.mark.parametrize("who", ["bob", "owner"])
def test_viewers_and_the_commissioning_owner_comment(client, project, who, request):
    user = request.getfixturevalue(who)
    client.force_login(user)
    page = client.get(thread(project))
    assert 'name="text"' in page.text
    client.post(thread(project), {"text": "Jeg følger med."})
    assert Comment.objects.get(project=project).author == user


def test_a_leader_reads_but_does_not_comment(client, leader, alice, project):
    say(project, alice, "Synlig for ledere")
    client.force_login(leader)
    page = client.get(thread(project))
    assert "Synlig for ledere" in page.text and 'name="text"' not in page.text
    assert client.post(thread(project), {"text": "Nei"}).status_code == 403
    assert Comment.objects.count() == 1


def test_outsiders_see_nothing(client, alice, charlie, project):
    comment = say(project, alice, "Intern")
    client.force_login(charlie)
    for url in (
        thread(project),
        reverse("projects:discussion", args=[project.pk]),
        reverse("projects:comment-edit", args=[project.pk, comment.pk]),
    ):
        assert client.get(url).status_code == 404
    assert client.post(thread(project), {"text": "Hei"}).status_code == 404
    assert Comment.objects.count() == 1


def test_an_item_of_another_project_or_an_unknown_kind_is_not_found(client, alice, project):
    other = make_project()
    experiment = Experiment.objects.create(project=other, date=date(2026, 1, 5), title="Annet")
    client.force_login(alice)
    assert client.get(thread(project, "experiment", experiment.pk)).status_code == 404
    assert client.get(thread(project, "benefitplan", project.pk)).status_code == 404
    assert client.get(thread(project, "project", other.pk)).status_code == 404


@pytest.mark.parametrize(("text", "error"), [("   ", "Skriv en kommentar"), ("x" * 4001, "4000")])
def test_bad_text_is_refused_with_a_message_and_keeps_the_text(client, alice, project, text, error):
    client.force_login(alice)
    response = client.post(thread(project), {"text": text}, headers=HTMX)
    assert response.status_code == 200
    assert error in response.text
    assert not Comment.objects.exists()
    if text.strip():
        assert text in response.text


def test_comment_text_is_escaped_in_the_thread_the_discussion_and_the_history(
    client, alice, project
):
    say(project, alice, '<script>alert("x")</script> <b>fet</b>')
    client.force_login(alice)
    for name, args in (
        ("projects:comment-thread", ["project", project.pk]),
        ("projects:discussion", []),
        ("projects:history", []),
    ):
        page = client.get(reverse(name, args=[project.pk, *args])).text
        assert "<script>alert" not in page and "<b>fet</b>" not in page, name
        assert "&lt;script&gt;alert(" in page, name


def test_it_renders_links_and_mentions_of_current_members_only(client, alice, bob, project):
    say(project, alice, "Se https://example.no/x og javascript:alert(1), @bob og @charlie")
    client.force_login(alice)
    page = client.get(thread(project)).text
    assert (
        '<a class="ds-link" href="https://example.no/x" rel="noopener noreferrer nofollow">'
        "https://example.no/x</a>"
    ) in page
    assert '<strong class="mention">@Bob Berg</strong>' in page
    assert "@charlie" in page and 'href="javascript' not in page


def test_the_author_edits_and_every_version_is_kept(client, alice, project):
    comment = say(project, alice, "Første utkast")
    client.force_login(alice)
    url = reverse("projects:comment-edit", args=[project.pk, comment.pk])
    form = client.get(url, headers=HTMX)
    assert f'id="comment-{comment.pk}"' in form.text and "Første utkast" in form.text
    response = client.post(url, {"text": "Andre utkast", "version": 1}, headers=HTMX)
    assert response.status_code == 200 and "Andre utkast" in response.text
    comment.refresh_from_db()
    assert (comment.text, comment.version) == ("Andre utkast", 2)
    assert comment.edited_at is not None
    texts = list(comment.history.order_by("history_date").values_list("text", flat=True))
    assert texts == ["Første utkast", "Andre utkast"]


def test_a_stale_edit_is_refused_with_a_message_and_the_current_text(client, alice, project):
    comment = say(project, alice, "Original")
    client.force_login(alice)
    url = reverse("projects:comment-edit", args=[project.pk, comment.pk])
    client.post(url, {"text": "Fra fane 1", "version": 1})
    response = client.post(url, {"text": "Fra fane 2", "version": 1}, headers=HTMX)
    assert response.status_code == 409
    assert "endret i et annet vindu" in response.text and "Fra fane 1" in response.text
    comment.refresh_from_db()
    assert (comment.text, comment.version) == ("Fra fane 1", 2)


@pytest.mark.parametrize("who", ["bob", "owner", "leader"])
def test_nobody_but_the_author_edits_or_deletes(client, alice, project, who, request):
    comment = say(project, alice, "Mitt")
    client.force_login(request.getfixturevalue(who))
    edit = reverse("projects:comment-edit", args=[project.pk, comment.pk])
    delete = reverse("projects:comment-delete", args=[project.pk, comment.pk])
    assert client.get(edit).status_code == 403
    assert client.post(edit, {"text": "Endret", "version": 1}).status_code == 403
    assert client.post(delete, {"version": 1}).status_code == 403
    comment.refresh_from_db()
    assert comment.text == "Mitt"
    page = client.get(thread(project)).text
    assert "Mitt" in page and edit not in page and delete not in page


def test_the_service_refuses_another_persons_edit(alice, bob, project):
    comment = say(project, alice, "Mitt")
    with pytest.raises(Refused):
        edit_comment(comment=comment, actor=_actor(project, bob), text="Nei", version=1)


def test_the_author_deletes_and_the_history_keeps_it(client, alice, project):
    comment = say(project, alice, "Slettes")
    client.force_login(alice)
    url = reverse("projects:comment-delete", args=[project.pk, comment.pk])
    response = client.post(url, {"version": 1}, headers=HTMX)
    assert response.status_code == 200 and response.text == ""
    assert not Comment.objects.exists()
    assert comment.history.filter(history_type="-").exists()
    assert "Slettes" in client.get(reverse("projects:history", args=[project.pk])).text


def test_a_deleted_item_takes_its_comments_along(alice, project):
    experiment = Experiment.objects.create(project=project, date=date(2026, 1, 5), title="Test")
    say(project, alice, "Om eksperimentet", target=experiment)
    kept = say(project, alice, "Om prosjektet")
    experiment.delete()
    assert list(Comment.objects.all()) == [kept]


def test_thread_queries_do_not_grow_with_comments(client, alice, bob, project):
    client.force_login(alice)
    say(project, alice, "@bob først")
    few = count_queries(client, thread(project))
    for n in range(30):
        say(project, bob if n % 2 else alice, f"@alice svar {n} https://example.no")
    assert count_queries(client, thread(project)) == few
