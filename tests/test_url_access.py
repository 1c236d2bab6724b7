"""Walks the whole URL conf: anonymous users are sent to log in, outsiders get
404 on every project URL, read-only viewers 403 on every write. A new URL whose
arguments have no sample below makes this test fail, so none is forgotten."""

from datetime import date

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from canvas.models import Canvas, Note, Snapshot
from portal.backup import project_export
from portal.models import DeckBundle, Notification, ProjectTemplate, UnitRating
from projects.models import Experiment, JourneyStage, Measure, Membership
from tests.benefits import builders as benefit_builders

# URL names any visitor may open without logging in.
PUBLIC = {"login", "accessibility", "set_language", "health"}
# OpenID Connect sign-in: public, and 404 for a provider that is not configured.
OIDC = {"openid_connect_login", "openid_connect_callback"}
# Admin has its own log-in and permission system.
SKIPPED_NAMESPACES = {"admin"}


def _patterns(resolver=None, namespace=""):
    resolver = resolver or get_resolver()
    for entry in resolver.url_patterns:
        if isinstance(entry, URLResolver):
            ns = entry.namespace or ""
            if ns in SKIPPED_NAMESPACES:
                continue
            yield from _patterns(entry, f"{namespace}{ns}:" if ns else namespace)
        elif isinstance(entry, URLPattern) and entry.name:
            yield f"{namespace}{entry.name}", list(entry.pattern.regex.groupindex)


ALL_URLS = sorted(set((name, tuple(args)) for name, args in _patterns()))


def _canvas(project):
    canvas = Canvas.objects.filter(project=project).order_by("pk").first()
    return canvas or Canvas.objects.create(project=project, title="x")


def _template(project):
    from portal import blueprints

    data = blueprints.template_file(project=project, description="Virket", source="Kommunen")
    return ProjectTemplate.objects.create(
        title="Mal", description="Virket", source="Kommunen", data=data, contents={}
    )


def _comment(project):
    from projects.models import Comment

    author = project.memberships.get(role=Membership.Role.TEAM_MEMBER).user
    return Comment.objects.create(project=project, target=project, author=author, text="Hei")


def sample_kwargs(args, project):
    """Sample values for a URL's arguments, all inside `project`."""
    samples = {
        "project_id": lambda: project.pk,
        # Someone else's membership: a viewer may leave, but not remove others.
        "membership_id": lambda: project.memberships.get(role=Membership.Role.TEAM_MEMBER).pk,
        "part": lambda: "hypothesis",
        "slug": lambda: "experiments",
        "item_id": lambda: (
            Experiment.objects.create(project=project, date=date(2026, 1, 5), title="Prototype").pk
        ),
        "measure_id": lambda: Measure.objects.create(project=project, title="Varsel på SMS").pk,
        "stage_id": lambda: (
            JourneyStage.objects.create(project=project, journey="today", title="Søker").pk
        ),
        "canvas_id": lambda: _canvas(project).pk,
        "note_id": lambda: Note.objects.get_or_create(canvas=_canvas(project), text="x")[0].pk,
        "snapshot_id": lambda: Snapshot.objects.get_or_create(canvas=_canvas(project))[0].pk,
        "kind": lambda: "experiment",  # the item_id above is an experiment
        "comment_id": lambda: _comment(project).pk,
        "fmt": lambda: "csv",
        "unit_id": lambda: project.unit_id,
        "bundle_id": lambda: 1,
        "provider_id": lambda: "org",
        "template_id": lambda: _template(project).pk,
        "notification_id": lambda: (
            Notification.objects.create(
                recipient=project.memberships.first().user, project=project, label="x", url="/"
            ).pk
        ),
        **benefit_builders.url_samples(project),
    }
    missing = [a for a in args if a not in samples]
    assert not missing, f"add a sample for URL argument(s) {missing} in {__file__}"
    return {a: samples[a]() for a in args}


def url_for(name, args, project):
    return reverse(name, kwargs=sample_kwargs(args, project))


def project_has_template(project) -> bool:
    return ProjectTemplate.objects.filter(project=project).exists()


def fingerprint(project) -> tuple:
    """Everything a write could change: the project's rows and history as a
    backup holds them (its change stamp too), and the rows a backup leaves out."""
    return (
        project_export(project_id=project.pk),
        list(Snapshot.objects.filter(canvas__project=project).values()),
        DeckBundle.objects.count(),
        UnitRating.objects.count(),
        ProjectTemplate.objects.count(),
    )


@pytest.mark.parametrize(("name", "args"), ALL_URLS, ids=[n for n, _ in ALL_URLS])
def test_anonymous_is_sent_to_log_in(client, project, name, args):
    url = url_for(name, args, project)
    response = client.get(url)
    if name in OIDC:
        assert response.status_code == 404
    elif name in PUBLIC:
        assert response.status_code in (200, 302, 405)
        if response.status_code == 302:
            assert "/accounts/login/" not in response["Location"] or name == "login"
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


PROJECT_URLS = [(n, a) for n, a in ALL_URLS if "project_id" in a]


def test_project_urls_are_found():
    assert len(PROJECT_URLS) >= 7


@pytest.mark.parametrize(("name", "args"), PROJECT_URLS, ids=[n for n, _ in PROJECT_URLS])
def test_outsider_gets_404_on_get_and_post(client, charlie, project, name, args):
    client.force_login(charlie)
    url = url_for(name, args, project)
    before = fingerprint(project)
    assert client.get(url).status_code == 404
    assert client.post(url, {}).status_code == 404
    assert client.post(url, {}, headers={"HX-Request": "true"}).status_code == 404
    assert fingerprint(project) == before


# Viewers comment (it is how they take part): an empty comment is refused
# with the form again.
VIEWER_COMMENTS = {"projects:comment-thread"}


@pytest.mark.parametrize(("name", "args"), PROJECT_URLS, ids=[n for n, _ in PROJECT_URLS])
def test_viewer_gets_403_on_post(client, bob, project, name, args):
    client.force_login(bob)
    url = url_for(name, args, project)
    before = fingerprint(project)
    response = client.post(url, {})
    if name in VIEWER_COMMENTS:
        assert response.status_code == 200 and "Skriv en kommentar" in response.text
    else:
        # A page that accepts no POST at all answers 405, which is a refusal too.
        assert response.status_code in (403, 405)
    assert fingerprint(project) == before


# Leaders decide step gates (like the commissioning owner) and appoint the
# owners, but write nothing else.
LEADER_DECIDES = {"projects:gate"}
# Leaders make a project a template (a row outside the project's data).
LEADER_TEMPLATES = {"project-template"}
LEADER_APPOINTS = {
    "projects:members",
    "projects:member-role",
    "projects:member-remove",
    "projects:solution-owner",
}


@pytest.mark.parametrize(("name", "args"), PROJECT_URLS, ids=[n for n, _ in PROJECT_URLS])
def test_leader_reads_but_cannot_write(client, leader, project, name, args):
    client.force_login(leader)
    url = url_for(name, args, project)
    if name in LEADER_DECIDES:
        assert client.post(url, {}).status_code == 200  # the form again, with its errors
        assert not project.gate_decisions.exists()
    elif name in LEADER_TEMPLATES:
        before = fingerprint(project)
        assert client.post(url, {}).status_code == 200  # the form again, with its errors
        assert fingerprint(project) == before and not project_has_template(project)
    elif name in LEADER_APPOINTS:
        before = sorted(project.memberships.values_list("user_id", "role"))
        # The form again with its errors, or a refusal: the team member in
        # the sample is neither an owner nor the leader's to remove.
        assert client.post(url, {}).status_code in (200, 302)
        assert sorted(project.memberships.values_list("user_id", "role")) == before
    else:
        before = fingerprint(project)
        assert client.post(url, {}).status_code in (403, 405)
        assert fingerprint(project) == before


def test_no_page_offers_an_untranslated_blank_choice(client, alice, project):
    # Django's blank choices ("- Select an option -", "---------") have no
    # bokmål of their own; every select of every page a member opens says
    # "– velg –" instead.
    client.force_login(alice)
    untranslated = []
    for name, args in PROJECT_URLS:
        response = client.get(url_for(name, args, project))
        text = response.content.decode(errors="replace")
        if "Select an option" in text or ">---------<" in text:
            untranslated.append(name)
    assert untranslated == []
