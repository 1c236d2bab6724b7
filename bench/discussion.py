"""Comments: a project's discussion of 200 comments on its items, and posting
one (the thread answers as an htmx fragment)."""

from django.contrib.contenttypes.models import ContentType
from django.test import Client

from bench.harness import request, timed
from projects.models import Comment, Experiment, Measure

COMMENTS = 200
PAGE_MS = 50
FRAGMENT_MS = 20


def build(ctx: dict) -> None:
    project, member = ctx["project"], ctx["member"]
    items = [project, *Measure.objects.filter(project=project)[:20]]
    items += Experiment.objects.filter(project=project)[:20]
    types = {type(row): ContentType.objects.get_for_model(row) for row in items}
    text = "Hva tenker @kollega{n} om dette? Se https://example.no/sak/{n} og svar før fredag."
    Comment.objects.bulk_create(
        [
            Comment(
                project=project,
                target_type=types[type(items[n % len(items)])],
                target_id=items[n % len(items)].pk,
                author=member,
                text=text.format(n=n % 20),
            )
            for n in range(COMMENTS)
        ]
    )
    # The thread posted to: an item with a few comments already.
    ctx["comment_thread"] = f"/projects/{project.pk}/comments/project/{project.pk}/"


def rows(ctx: dict):
    client = Client()
    client.force_login(ctx["member"])
    pk = ctx["project"].pk
    yield timed(
        f"page: discussion ({COMMENTS} comments)",
        PAGE_MS,
        request(client, "get", f"/projects/{pk}/discussion/"),
    )
    yield timed(
        "fragment: post a comment",
        FRAGMENT_MS,
        request(
            client,
            "post",
            ctx["comment_thread"],
            data={"text": "Enig med @kollega1, se https://example.no"},
            htmx=True,
        ),
    )
