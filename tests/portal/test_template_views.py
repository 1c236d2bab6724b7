"""The Templates pages: list, mark, use, download, upload and remove."""

import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from portal import blueprints
from portal.models import ProjectTemplate
from projects.models import Project
from projects.selectors import project_for_user
from tests.factories import make_user
from tests.portal.blueprint_data import make_proven


@pytest.fixture
def template(project, alice, owner, leader):
    make_proven(project, member=alice, owner=owner)
    return blueprints.template_mark(
        project=project_for_user(leader, project.pk),
        description="Halverte telefonene",
        source="Eksempel kommune",
        by=leader,
    )


def _upload(client, data: bytes, name="mal.json"):
    return client.post(reverse("template-upload"), {"file": SimpleUploadedFile(name, data)})


def test_the_list_shows_description_source_and_contents(client, charlie, template):
    client.force_login(charlie)
    text = client.get(reverse("template-list")).text
    assert "Halverte telefonene" in text and "Eksempel kommune" in text
    assert "Lerreter (1 lerreter, 2 lapper)" in text or "1 lerreter" in text
    assert reverse("template-use", args=[template.pk]) in text
    assert reverse("template-upload") not in text  # not a leader
    assert reverse("template-remove", args=[template.pk]) not in text


def test_a_leader_sees_upload_and_remove(client, leader, template):
    client.force_login(leader)
    text = client.get(reverse("template-list")).text
    assert reverse("template-upload") in text
    assert reverse("template-remove", args=[template.pk]) in text


def test_the_empty_list_says_so(client, charlie):
    client.force_login(charlie)
    assert "Det finnes ingen maler ennå." in client.get(reverse("template-list")).text


def test_a_leader_marks_a_project_from_its_overview(client, leader, project):
    client.force_login(leader)
    overview = client.get(project.get_absolute_url()).text
    url = reverse("project-template", args=[project.pk])
    assert url in overview
    assert client.post(url, {"description": "", "source": "X"}).status_code == 200
    assert not ProjectTemplate.objects.exists()
    response = client.post(url, {"description": "Godt resultat", "source": "Eksempel kommune"})
    assert response.status_code == 302
    assert ProjectTemplate.objects.get().project == project
    assert "Oppdater malen" in client.get(url).text


def test_a_team_member_cannot_mark(client, alice, project):
    client.force_login(alice)
    assert (
        reverse("project-template", args=[project.pk])
        not in client.get(project.get_absolute_url()).text
    )
    response = client.post(
        reverse("project-template", args=[project.pk]), {"description": "x", "source": "y"}
    )
    assert response.status_code == 403 and not ProjectTemplate.objects.exists()


def test_a_team_creates_a_project_from_a_template(client, charlie, template):
    client.force_login(charlie)
    url = reverse("template-use", args=[template.pk])
    page = client.get(url).text
    assert 'value="canvas"' in page and "checked" in page
    response = client.post(url, {"title": "Vår variant", "parts": ["hypothesis", "canvas"]})
    new = Project.objects.get(title="Vår variant")
    assert response.status_code == 302 and response["Location"] == new.get_absolute_url()
    assert new.copied_parts == ["hypothesis", "canvas"] and not new.goals.exists()
    overview = client.get(new.get_absolute_url()).text
    assert (
        "fra malen «Digital innbyggerdialog»" in overview or "Digital innbyggerdialog" in overview
    )
    assert "Lerreter" in overview or "lerret" in overview.lower()


def test_choosing_nothing_is_refused(client, charlie, template):
    client.force_login(charlie)
    response = client.post(reverse("template-use", args=[template.pk]), {"title": "Tom"})
    assert response.status_code == 200 and "Velg minst én del" in response.text
    assert not Project.objects.filter(title="Tom").exists()


def test_download_then_upload_elsewhere_gives_the_same_template(client, leader, template):
    client.force_login(leader)
    response = client.get(reverse("template-download", args=[template.pk]))
    assert response["Content-Disposition"] == 'attachment; filename="digital-innbyggerdialog.json"'
    data, contents = response.content, template.contents
    json.loads(data)  # the file itself
    template.delete()  # the other installation has none

    response = _upload(client, data)
    assert response.status_code == 302
    uploaded = ProjectTemplate.objects.get()
    assert uploaded.project is None and uploaded.contents == contents
    assert (uploaded.title, uploaded.source) == ("Digital innbyggerdialog", "Eksempel kommune")
    assert Project.objects.count() == 1  # the trial project was undone
    new = blueprints.template_use(
        template=uploaded, title="Fra fil", unit=None, parts=["goals"], by=leader
    )
    assert new.goals.get().title == "Forutsigbare besøk"


def test_a_non_leader_cannot_upload_or_remove(client, alice, template):
    client.force_login(alice)
    assert client.get(reverse("template-upload")).status_code == 403
    assert _upload(client, template.data.encode()).status_code == 403
    assert client.post(reverse("template-remove", args=[template.pk])).status_code == 403
    assert ProjectTemplate.objects.count() == 1


def test_a_leader_removes_a_template_and_the_project_stays(client, leader, template, project):
    client.force_login(leader)
    assert client.post(reverse("template-remove", args=[template.pk])).status_code == 302
    assert not ProjectTemplate.objects.exists() and Project.objects.filter(pk=project.pk).exists()


def _edit(change):
    def make(data: bytes) -> bytes:
        envelope = json.loads(data)
        change(envelope)
        return json.dumps(envelope).encode()

    return make


def _row(envelope, model):
    return next(r for r in envelope["objects"] if r["model"] == model)


BAD_UPLOADS = [
    ("not json", lambda d: b"\xff\xfe{", "ikke tekst i UTF-8"),
    ("broken json", lambda d: d[:200], "ikke gyldig JSON"),
    ("a backup", _edit(lambda e: e.update(kind="backup")), "holder en backup"),
    ("version 3", _edit(lambda e: e.update(version=3)), "formatversjon 3"),
    ("no template meta", _edit(lambda e: e.pop("template")), "mangler tittel"),
    (
        "a membership row",
        _edit(
            lambda e: e["objects"].append(
                {"model": "projects.membership", "pk": 1, "fields": {"project": 1}}
            )
        ),
        "projects.membership",
    ),
    (
        "a title too long",
        _edit(lambda e: _row(e, "projects.goal")["fields"].update(title="x" * 201)),
        "(mål) er ikke gyldig: mål: Sørg for at denne verdien har 200 eller færre tegn",
    ),
    (
        "a score out of range",
        _edit(lambda e: _row(e, "projects.stakeholder")["fields"].update(interest=9)),
        "ikke gyldig",
    ),
    (
        "a note on another board",
        _edit(lambda e: _row(e, "canvas.note")["fields"].update(canvas=999999)),
        "viser til en rad filen ikke har",
    ),
    (
        "an empty description",
        _edit(lambda e: e["template"].update(description=" ")),
        "tom eller lengre enn",
    ),
]


@pytest.mark.parametrize(("case", "make", "message"), BAD_UPLOADS, ids=[c[0] for c in BAD_UPLOADS])
def test_a_bad_upload_is_refused_with_its_reason_and_adds_nothing(
    client, leader, template, case, make, message
):
    client.force_login(leader)
    projects = Project.objects.count()
    response = _upload(client, make(template.data.encode()))
    assert response.status_code == 200
    assert message in response.text, response.text[-3000:]
    assert ProjectTemplate.objects.count() == 1 and Project.objects.count() == projects


def test_the_upload_limits_come_from_the_import_settings(client, leader, template, settings):
    client.force_login(leader)
    settings.IMPORT_MAX_ROWS = 3
    response = _upload(client, template.data.encode())
    assert "høyst 3 er tillatt" in response.text
    settings.IMPORT_MAX_ROWS = 5000
    settings.CANVAS_MAX_NOTES = 1  # the board in the file has 2
    response = _upload(client, template.data.encode())
    assert "Et lerret i filen har mer enn 1 lapper." in response.text
    settings.IMPORT_MAX_UPLOAD_MB = 0
    response = _upload(client, template.data.encode())
    assert "Filen er større enn 0 MB." in response.text
    assert ProjectTemplate.objects.count() == 1


def test_an_administrator_may_upload(client, template):
    admin = make_user("anne", is_staff=True)
    client.force_login(admin)
    data = template.data.encode()
    template.delete()
    assert _upload(client, data).status_code == 302 and ProjectTemplate.objects.count() == 1
