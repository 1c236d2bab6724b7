"""The project's Discussion page, and the comment counts every commented item
shows: each a link to its thread, read in one query however many comments."""

from datetime import date

from django.urls import reverse

from canvas.models import Canvas, Note
from projects.discussion.services import post_comment
from projects.models import Activity, Comment, Experiment, GateDecision, Measure
from projects.selectors import project_for_user
from tests.benefits.builders import make_benefit, make_indicator, make_plan
from tests.factories import count_queries


def say(project, user, text, target=None, n=1):
    actor = project_for_user(user, project.pk).actor
    for _ in range(n):
        post_comment(project=project, actor=actor, target=target or project, text=text)


def discussion(project):
    return reverse("projects:discussion", args=[project.pk])


def thread(project, kind, pk):
    return reverse("projects:comment-thread", args=[project.pk, kind, pk])


def test_it_lists_every_comment_newest_first_with_a_link_to_its_item(client, alice, bob, project):
    experiment = Experiment.objects.create(
        project=project, date=date(2026, 1, 5), title="Prototype"
    )
    say(project, alice, "Først, om prosjektet")
    say(project, bob, "Så, om @alice sitt eksperiment", target=experiment)
    client.force_login(bob)
    page = client.get(discussion(project)).text
    assert page.index("Så, om") < page.index("Først, om prosjektet")
    assert f'href="{thread(project, "experiment", experiment.pk)}"' in page
    assert "Eksperiment «Prototype»" in page
    assert f'href="{thread(project, "project", project.pk)}"' in page
    assert '<strong class="mention">@Alice Aas</strong>' in page


def test_it_is_in_the_project_navigation(client, alice, project):
    client.force_login(alice)
    page = client.get(reverse("projects:detail", args=[project.pk])).text
    assert f'href="{discussion(project)}"' in page


def test_it_pages_fifty_at_a_time(client, alice, project):
    say(project, alice, "Innspill", n=51)
    client.force_login(alice)
    first = client.get(discussion(project)).text
    assert first.count('class="comment"') == 50 and "?page=2" in first
    assert client.get(discussion(project) + "?page=2").text.count('class="comment"') == 1


def test_the_discussion_page_queries_do_not_grow_with_comments(client, alice, bob, project):
    canvas = Canvas.objects.create(project=project, title="Lerret")
    note = Note.objects.create(canvas=canvas, block="key_partners", text="Lapp")
    measure = Measure.objects.create(project=project, title="SMS")
    client.force_login(alice)
    for target in (project, note, measure):
        say(project, alice, "@bob først", target=target)
    few = count_queries(client, discussion(project))
    for target in (project, note, measure):
        say(project, bob, "@alice https://example.no", target=target, n=15)
    assert count_queries(client, discussion(project)) == few


def test_it_says_so_when_there_are_no_comments(client, bob, project):
    client.force_login(bob)
    assert "Ingen kommentarer ennå." in client.get(discussion(project)).text


def _counted(client, url, thread_url, n):
    page = client.get(url).text
    assert f'href="{thread_url}"' in page, url
    label = "1 kommentar" if n == 1 else f"{n} kommentarer"
    assert label in page.split(f'href="{thread_url}"', 1)[1][:200], url


def test_each_commented_item_shows_its_count_linking_to_its_thread(client, alice, project):
    experiment = Experiment.objects.create(
        project=project, date=date(2026, 1, 5), title="Prototype"
    )
    measure = Measure.objects.create(project=project, title="SMS")
    activity = Activity.objects.create(project=project, key="plan_work")
    decision = GateDecision.objects.create(
        project=project, step="hypothesis", decision="go_on", decided_by=alice
    )
    canvas = Canvas.objects.create(project=project, title="Lerret")
    note = Note.objects.create(canvas=canvas, block="key_partners", text="Lapp")
    benefit = make_benefit(make_plan(project))
    indicator = make_indicator(benefit)
    cases = [
        (project, "project", "projects:detail", []),
        (experiment, "experiment", "projects:step-hypothesis", []),
        (measure, "measure", "projects:matrix", []),
        (activity, "activity", "projects:step-deliver", []),
        (decision, "gate", "projects:step-hypothesis", []),
        (decision, "gate", "projects:detail", []),
        (note, "note", "canvas:board", [canvas.pk]),
        (benefit, "benefit", "benefits:plan", []),
        (indicator, "indicator", "benefits:plan", []),
        (indicator, "indicator", "benefits:indicator", [indicator.pk]),
    ]
    # Each item once (the gate decision is shown on two pages, the indicator on two).
    commented = dict.fromkeys(row for row, *_rest in cases)
    for n, row in enumerate(commented):
        say(project, alice, "Innspill", target=row, n=n % 3 + 1)
    client.force_login(alice)
    for row, kind, page, args in cases:
        n = Comment.objects.filter(target_id=row.pk, target_type__model=row._meta.model_name)
        _counted(
            client,
            reverse(page, args=[project.pk, *args]),
            thread(project, kind, row.pk),
            n.count(),
        )


def test_a_plan_review_shows_its_count(client, alice, project):
    from benefits.models import PlanEvent

    plan = make_plan(project)
    event = PlanEvent.objects.create(plan=plan, action="submitted", by=alice, edition=1)
    say(project, alice, "Hvorfor?", target=event, n=2)
    client.force_login(alice)
    url = reverse("benefits:plan", args=[project.pk])
    _counted(client, url, thread(project, "review", event.pk), 2)


def test_counts_cost_one_query_however_many_comments(client, alice, project):
    canvas = Canvas.objects.create(project=project, title="Lerret")
    notes = [
        Note.objects.create(canvas=canvas, block="key_partners", text=f"Lapp {n}") for n in range(5)
    ]
    experiments = [
        Experiment.objects.create(project=project, date=date(2026, 1, 5), title=f"E{n}")
        for n in range(5)
    ]
    client.force_login(alice)
    pages = [
        reverse("canvas:board", args=[project.pk, canvas.pk]),
        reverse("projects:step-hypothesis", args=[project.pk]),
    ]
    say(project, alice, "Ett", target=notes[0])
    say(project, alice, "Ett", target=experiments[0])
    before = [count_queries(client, url) for url in pages]
    for row in notes + experiments:
        say(project, alice, "Flere", target=row, n=3)
    assert [count_queries(client, url) for url in pages] == before


def test_a_comment_names_its_author_or_a_former_member_on_both_pages(client, alice, bob, project):
    from tests.factories import make_user

    leaver = make_user("leaver")
    project.memberships.create(user=leaver, role="team_member")
    say(project, alice, "Fra Alice")
    say(project, leaver, "Fra en som sluttet")
    leaver.delete()
    client.force_login(bob)
    for url in (discussion(project), thread(project, "project", project.pk)):
        page = client.get(url).text
        assert '<span class="comment__author">Alice Aas</span>' in page, url
        assert '<span class="comment__author">Tidligere medlem</span>' in page, url
    assert "comment__about" not in client.get(thread(project, "project", project.pk)).text
