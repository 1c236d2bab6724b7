"""The inbox of someone told of much: 200 notifications across their projects."""

from django.test import Client

from bench.harness import request, timed
from portal.notifications.models import Kind, Notification

NOTIFICATIONS = 200
PAGE_MS = 50
FRAGMENT_MS = 20


def build(ctx: dict) -> None:
    member, projects = ctx["member"], ctx["projects"][:50]
    kinds = list(Kind)
    Notification.objects.bulk_create(
        Notification(
            recipient=member,
            project=projects[i % len(projects)],
            kind=kinds[i % len(kinds)],
            actor=ctx["leader"],
            label=f"Kommentar nummer {i} på «Verdiforslag»",
            url=f"/projects/{projects[i % len(projects)].pk}/",
            due=projects[0].created_at.date() if kinds[i % len(kinds)] == Kind.DUE else None,
            read_at=None if i % 3 else projects[0].created_at,
        )
        for i in range(NOTIFICATIONS)
    )


def rows(ctx: dict):
    client = Client()
    client.force_login(ctx["member"])
    inbox = request(client, "get", "/inbox/")
    yield timed(f"page: inbox ({NOTIFICATIONS} notifications)", PAGE_MS, inbox)
    count = request(client, "get", "/inbox/count/", htmx=True)
    yield timed("fragment: unread count (htmx)", FRAGMENT_MS, count)
