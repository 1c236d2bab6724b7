# The models come with their tables (renamed by the migrations that let them
# go) and their content types, so permissions granted on them stay.

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

MOVED = [("projects", "preference"), ("benefits", "activityremindersent")]


def move_content_types(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    for app_label, model in MOVED:
        content_type.objects.filter(app_label=app_label, model=model).update(app_label="portal")


def move_content_types_back(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    for app_label, model in MOVED:
        content_type.objects.filter(app_label="portal", model=model).update(app_label=app_label)


class Migration(migrations.Migration):
    dependencies = [
        ("portal", "0003_deckbundle_reuse_and_expiry"),
        ("projects", "0006_preference_to_portal"),
        ("benefits", "0005_activity_reminders_to_portal"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="Preference",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "language",
                            models.CharField(
                                choices=[
                                    ("nb", "Norwegian Bokmål"),
                                    ("nn", "Norwegian Nynorsk"),
                                    ("sv", "Swedish"),
                                    ("en", "English"),
                                ],
                                max_length=10,
                                verbose_name="language",
                            ),
                        ),
                        (
                            "user",
                            models.OneToOneField(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="preference",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "preference",
                        "verbose_name_plural": "preferences",
                    },
                ),
                migrations.CreateModel(
                    name="ActivityReminderSent",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("day", models.DateField()),
                        (
                            "activity",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to="projects.activity",
                            ),
                        ),
                    ],
                    options={
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("activity", "day"), name="one_activity_reminder_per_day"
                            )
                        ],
                    },
                ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
