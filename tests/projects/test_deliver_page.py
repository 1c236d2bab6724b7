"""Step 3 is one long page: a section list leads to each part, with the count
of what each list holds, and the eleven activities are shown before step 3."""

import re

from django.urls import reverse

from projects.flow.sections import SECTIONS
from projects.models import Activity

from .flow_data import make_row, post_data

HTMX = {"HX-Request": "true"}
DELIVER_LISTS = [s for s, section in SECTIONS.items() if section.page == "projects:step-deliver"]


def test_the_section_list_leads_to_every_part_of_the_page(client, alice, project):
    make_row("suppliers", project)
    make_row("suppliers", project, 1)
    client.force_login(alice)
    page = client.get(reverse("projects:step-deliver", args=[project.pk])).text
    start = page.index('class="step-nav"')
    nav = page[start : page.index("</nav>", start)]
    targets = re.findall(r'href="#([\w-]+)"', nav)
    assert {f"section-{slug}" for slug in DELIVER_LISTS} | {
        "owner",
        "implementation",
        "gate",
    } == set(targets)
    for target in targets:
        assert page.count(f'id="{target}"') == 1, target
    assert '<span class="muted" id="nav-count-suppliers">(2)</span>' in nav


def test_adding_to_a_list_updates_its_count_in_the_section_list(client, alice, project):
    client.force_login(alice)
    url = reverse("projects:section-add", args=[project.pk, "trials"])
    r = client.post(url, post_data("trials", "add-trials", project), headers=HTMX)
    assert SECTIONS["trials"].queryset(project).count() == 1
    assert '<span class="muted" id="nav-count-trials" hx-swap-oob="true">(1)</span>' in r.text


def test_lists_of_other_pages_send_no_count(client, alice, project):
    client.force_login(alice)
    url = reverse("projects:section-add", args=[project.pk, "experiments"])
    r = client.post(url, post_data("experiments", "add-experiments", project), headers=HTMX)
    assert project.experiments.count() == 1 and "nav-count" not in r.text


def test_the_eleven_activities_are_shown_before_step_3(client, alice, project):
    assert project.step == "hypothesis" and not project.activities.exists()
    client.force_login(alice)
    page = client.get(reverse("projects:step-deliver", args=[project.pk])).text
    planned = page[page.index('class="ds-list planned-activities"') :].split("</ol>")[0]
    assert planned.count("<li>") == len(Activity.KEYS) == 11
    assert "<li>Pek ut løsningseier</li>" in planned
    assert "<form" not in planned
