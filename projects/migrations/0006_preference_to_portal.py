# Preference moves to the portal app, beside the accounts; its table and rows
# are kept (renamed), see portal/migrations/0004_preference_and_reminders_moved.py.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0005_one_owner_of_each_kind"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[
                migrations.AlterModelTable(name="preference", table="portal_preference"),
            ],
            state_operations=[migrations.DeleteModel(name="Preference")],
        ),
    ]
