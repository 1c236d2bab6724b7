from projects.models import Membership
from tests.factories import make_user


def test_it_lists_members_for_viewer_without_controls(client, bob, project):
    client.force_login(bob)
    response = client.get(f"/projects/{project.pk}/members/")
    assert response.status_code == 200
    assert "Alice Aas" in response.text
    assert "Legg til medlem" not in response.text


def test_it_adds_member_by_email(client, alice, project):
    dora = make_user("dora", first_name="Dora", email="Dora@Kommune.no")
    client.force_login(alice)
    response = client.post(
        f"/projects/{project.pk}/members/", {"identifier": "dora@kommune.no", "role": "viewer"}
    )
    assert response.status_code == 302
    assert Membership.objects.get(project=project, user=dora).role == "viewer"


def test_it_returns_the_partial_and_announces_for_htmx(client, alice, project):
    make_user("dora", first_name="Dora")
    client.force_login(alice)
    response = client.post(
        f"/projects/{project.pk}/members/",
        {"identifier": "dora", "role": "team_member"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    assert '<div id="members">' in response.text and "<html" not in response.text
    assert "Dora" in response["HX-Trigger"]


def test_it_refuses_unknown_and_duplicate_users(client, alice, project):
    client.force_login(alice)
    response = client.post(
        f"/projects/{project.pk}/members/", {"identifier": "nobody", "role": "viewer"}
    )
    assert response.status_code == 200
    assert "Ingen enkelt aktiv bruker" in response.text
    response = client.post(
        f"/projects/{project.pk}/members/", {"identifier": "bob", "role": "viewer"}
    )
    assert "Den personen er allerede medlem" in response.text
    assert "Bob Berg er allerede" not in response.text
    assert Membership.objects.filter(project=project).count() == 3


def test_it_changes_role(client, alice, bob, project):
    client.force_login(alice)
    membership = Membership.objects.get(project=project, user=bob)
    response = client.post(
        f"/projects/{project.pk}/members/{membership.pk}/role/",
        {"role": "team_member"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    membership.refresh_from_db()
    assert membership.role == "team_member"


def test_it_refuses_to_demote_the_last_editor(client, alice, project):
    client.force_login(alice)
    membership = Membership.objects.get(project=project, user=alice)
    response = client.post(
        f"/projects/{project.pk}/members/{membership.pk}/role/",
        {"role": "viewer"},
        headers={"HX-Request": "true"},
    )
    assert "minst én redaktør" in response.text
    membership.refresh_from_db()
    assert membership.role == "team_member"


def test_it_refuses_an_unknown_role(client, alice, bob, project):
    client.force_login(alice)
    membership = Membership.objects.get(project=project, user=bob)
    client.post(f"/projects/{project.pk}/members/{membership.pk}/role/", {"role": "king"})
    membership.refresh_from_db()
    assert membership.role == "viewer"


def test_it_confirms_before_removing(client, alice, bob, project):
    client.force_login(alice)
    membership = Membership.objects.get(project=project, user=bob)
    url = f"/projects/{project.pk}/members/{membership.pk}/remove/"
    confirm = client.get(url)
    assert confirm.status_code == 200 and "Fjerne medlem?" in confirm.text
    assert Membership.objects.filter(pk=membership.pk).exists()
    client.post(url)
    assert not Membership.objects.filter(pk=membership.pk).exists()


def test_it_refuses_to_remove_the_last_editor(client, alice, project):
    client.force_login(alice)
    membership = Membership.objects.get(project=project, user=alice)
    client.post(f"/projects/{project.pk}/members/{membership.pk}/remove/")
    assert Membership.objects.filter(pk=membership.pk).exists()


def test_it_cannot_reach_members_of_another_project(client, alice, project):
    from tests.factories import make_project

    other = make_project(members={make_user(): "team_member"})
    foreign = other.memberships.get()
    client.force_login(alice)
    response = client.post(f"/projects/{project.pk}/members/{foreign.pk}/remove/")
    assert response.status_code == 404
    assert Membership.objects.filter(pk=foreign.pk).exists()


def test_a_viewer_may_leave_but_not_remove_others(client, alice, bob, project):
    client.force_login(bob)
    theirs = Membership.objects.get(project=project, user=alice)
    response = client.post(f"/projects/{project.pk}/members/{theirs.pk}/remove/")
    assert response.status_code == 403
    assert "Bare teammedlemmer legger til" in response.text
    mine = Membership.objects.get(project=project, user=bob)
    response = client.post(f"/projects/{project.pk}/members/{mine.pk}/remove/")
    assert response.status_code == 302 and response["Location"] == "/"
    assert not Membership.objects.filter(project=project, user=bob).exists()
    assert Membership.objects.filter(project=project, user=alice).exists()


def test_add_member_answers_alike_for_unknown_inactive_and_ambiguous(client, alice, project):
    make_user("kim", first_name="Kim", last_name="Kvist", email="felles@kommune.no")
    make_user("kaj", first_name="Kaj", last_name="Krog", email="felles@kommune.no")
    make_user("ida", first_name="Ida", last_name="Isaksen", email="ida@kommune.no", is_active=False)
    client.force_login(alice)
    answers = set()
    for identifier in ("ukjent@kommune.no", "felles@kommune.no", "ida@kommune.no"):
        response = client.post(
            f"/projects/{project.pk}/members/",
            {"identifier": identifier, "role": "viewer"},
            headers={"HX-Request": "true"},
        )
        errors = response.text.split('class="ds-validation-message"')[1].split("</div>")[0]
        answers.add(errors)
        for name in ("Kim", "Kaj", "Ida"):
            assert name not in response.text
    assert len(answers) == 1 and "Ingen enkelt aktiv bruker" in answers.pop()
    assert Membership.objects.filter(project=project).count() == 3


def test_the_list_is_kept_until_it_changes_and_per_person(client, alice, bob, project):
    from django.test import Client

    from tests.factories import count_queries

    client.force_login(alice)
    url = f"/projects/{project.pk}/members/"
    first = count_queries(client, url, headers={"HX-Request": "true"})
    assert count_queries(client, url, headers={"HX-Request": "true"}) < first
    make_user("dora", first_name="Dora", last_name="Dahl")
    client.post(url, {"identifier": "dora", "role": "viewer"})
    assert "Dora Dahl" in client.get(url, headers={"HX-Request": "true"}).text
    viewer = Client()
    viewer.force_login(bob)
    text = viewer.get(url, headers={"HX-Request": "true"}).text
    assert "Dora Dahl" in text and "Change role" not in text and "Add member" not in text
