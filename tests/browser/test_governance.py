"""A team member tries to make herself commissioning owner, in a real browser."""

from playwright.sync_api import expect

from projects.models import Membership
from tests.factories import make_project, make_user


def test_a_team_member_cannot_make_herself_commissioning_owner(
    page, live_server, log_in, axe_check
):
    kari = make_user("kari", first_name="Kari", last_name="Nordmann")
    ola = make_user("ola", first_name="Ola", last_name="Nordmann")
    project = make_project(
        title="Digital startlån",
        members={kari: Membership.Role.TEAM_MEMBER, ola: Membership.Role.SOLUTION_OWNER},
    )
    log_in(page, kari)
    page.goto(f"{live_server.url}/projects/{project.pk}/")
    # Nobody owns the commission yet, and the overview says so.
    expect(page.locator(".ds-alert")).to_contain_text("venter på en oppdragseier")
    axe_check(page)

    page.goto(f"{live_server.url}/projects/{project.pk}/members/")
    own_role = page.get_by_label("Rollen til Kari Nordmann")
    # The page offers her only what she may do: stepping down, not up.
    expect(own_role.locator("option")).to_have_text(["Teammedlem", "Leser"])
    expect(page.get_by_label("Rollen til Ola Nordmann")).to_have_count(0)
    axe_check(page)

    # She adds the missing choice herself and sends the form anyway.
    own_role.evaluate(
        "select => select.add(new Option('Oppdragseier', 'commissioning_owner', true, true))"
    )
    page.locator("#members tr", has_text="Kari Nordmann").get_by_role(
        "button", name="Bytt rolle"
    ).click()
    expect(page.locator("#members .ds-alert")).to_have_text(
        "Ingen kan gi seg selv en høyere rolle."
    )
    expect(page.locator("#status")).to_have_text("Ingen kan gi seg selv en høyere rolle.")
    axe_check(page)
    assert Membership.objects.get(project=project, user=kari).role == "team_member"
    assert not project.memberships.filter(role="commissioning_owner").exists()
