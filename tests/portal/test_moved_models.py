"""Preferences and activity reminders moved from projects and benefits to
portal: migrating keeps their rows."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [
    ("projects", "0005_one_owner_of_each_kind"),
    ("benefits", "0004_amount_range_measurement_version"),
    ("portal", "0003_deckbundle_reuse_and_expiry"),
]
AFTER = [("portal", "0004_preference_and_reminders_moved")]


def _migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


@pytest.mark.django_db(transaction=True)
def test_moving_the_models_keeps_their_rows(project, alice):
    old = _migrate(BEFORE)
    old.get_model("projects", "Preference").objects.create(user_id=alice.pk, language="sv")
    activity = old.get_model("projects", "Activity").objects.create(
        project_id=project.pk, key="solution_owner"
    )
    old.get_model("benefits", "ActivityReminderSent").objects.create(
        activity_id=activity.pk, day=date(2026, 11, 30)
    )

    new = _migrate(AFTER)

    preference = new.get_model("portal", "Preference").objects.get()
    assert (preference.user_id, preference.language) == (alice.pk, "sv")
    reminder = new.get_model("portal", "ActivityReminderSent").objects.get()
    assert (reminder.activity_id, reminder.day) == (activity.pk, date(2026, 11, 30))
    content_types = new.get_model("contenttypes", "ContentType").objects
    assert set(
        content_types.filter(model__in=["preference", "activityremindersent"]).values_list(
            "app_label", flat=True
        )
    ) <= {"portal"}
    _migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())
