"""The one idiom for optimistic locking that every app uses."""

import pytest

from projects.models import Goal, Lesson, ProjectFlow, Supplier
from projects.versioning import (
    StaleEdit,
    delete_versioned,
    lock,
    part_digest,
    save_versioned,
)


@pytest.fixture
def goal(project):
    return Goal.objects.create(project=project, level="user", title="Raskere svar")


@pytest.mark.django_db
def test_a_save_at_the_current_version_is_kept_as_the_next(goal):
    saved = save_versioned(goal, data={"title": "Svar samme dag", "version": 99}, version=1)
    stored = Goal.objects.get(pk=goal.pk)
    # The version in the data is the form's, never copied: the row is bumped.
    assert (saved.version, stored.version, stored.title) == (2, 2, "Svar samme dag")


@pytest.mark.django_db
def test_a_save_from_an_older_version_is_refused_with_the_current_row(goal):
    save_versioned(goal, data={"title": "Først"}, version=1)
    with pytest.raises(StaleEdit) as stale:
        save_versioned(goal, data={"title": "Sist"}, version=1)
    assert (stale.value.current.title, stale.value.current.version) == ("Først", 2)
    assert Goal.objects.get(pk=goal.pk).title == "Først"


@pytest.mark.django_db
def test_ignored_names_are_not_copied(goal):
    saved = save_versioned(goal, data={"title": "Ny", "level": "service"}, ignore=["level"])
    assert (saved.title, saved.level) == ("Ny", "user")


@pytest.mark.django_db
def test_a_part_saved_leaves_the_other_parts_current(project):
    flow = ProjectFlow.objects.create(project=project)
    hypothesis = ["hypothesis_project", "hypothesis_value"]
    other = ["implementation_status"]
    other_digest = part_digest(flow, other)
    save_versioned(
        ProjectFlow,
        data={"hypothesis_project": "Vi tror", "hypothesis_value": "gir"},
        digest=part_digest(flow, hypothesis),
        project=project,
    )
    # The other part's form, opened before, still saves ...
    save_versioned(ProjectFlow, data={other[0]: "Målt"}, digest=other_digest, project=project)
    # ... but the hypothesis form opened before the first save is stale.
    with pytest.raises(StaleEdit) as stale:
        save_versioned(
            ProjectFlow,
            data={"hypothesis_project": "Annet", "hypothesis_value": ""},
            digest=part_digest(flow, hypothesis),
            project=project,
        )
    assert stale.value.current.hypothesis_project == "Vi tror"
    assert ProjectFlow.objects.get(project=project).version == 3


@pytest.mark.django_db
def test_a_delete_from_an_older_version_or_of_a_gone_row_is_stale(goal):
    save_versioned(goal, data={"title": "Endret"}, version=1)
    with pytest.raises(StaleEdit) as stale:
        delete_versioned(goal, version=1)
    assert stale.value.current.version == 2 and Goal.objects.filter(pk=goal.pk).exists()
    delete_versioned(goal, version=2)
    assert not Goal.objects.filter(pk=goal.pk).exists()
    with pytest.raises(StaleEdit) as gone:
        delete_versioned(goal, version=2)
    assert gone.value.current is None


@pytest.mark.django_db
def test_a_missing_row_is_stale_only_when_the_user_saw_one(project):
    with pytest.raises(StaleEdit):
        lock(Goal, version=1, project=project)
    assert lock(Goal, version=1, missing_ok=True, project=project) is None
    assert lock(Goal, version=None, project=project) is None


@pytest.mark.django_db
def test_project_rows_keep_their_reverse_names_and_history_without_the_version(project, goal):
    supplier = Supplier.objects.create(project=project, name="Leverandør AS")
    lesson = Lesson.objects.create(project=project, title="Test tidlig")
    assert list(project.goals.all()) == [goal]
    assert list(project.suppliers.all()) == [supplier]
    assert list(project.lessons.all()) == [lesson]
    save_versioned(goal, data={"title": "Endret"}, version=1)
    titles = [h.title for h in goal.history.order_by("history_date")]
    assert titles == ["Raskere svar", "Endret"]
    assert "version" not in {f.name for f in Goal.history.model._meta.fields}
