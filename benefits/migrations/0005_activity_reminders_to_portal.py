# ActivityReminderSent moves to the portal app, where the reminder digest is;
# its table and rows are kept (renamed), see
# portal/migrations/0004_preference_and_reminders_moved.py.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("benefits", "0004_amount_range_measurement_version"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(
                    name="activityremindersent", table="portal_activityremindersent"
                ),
            ],
            state_operations=[migrations.DeleteModel(name="ActivityReminderSent")],
        ),
    ]
