from django.db import migrations


def _rename_key(apps, old: str, new: str) -> None:
    """The plan's settings in each approved snapshot name the edition too."""
    PlanEvent = apps.get_model("benefits", "PlanEvent")
    for event in PlanEvent.objects.filter(snapshot__isnull=False).only("snapshot"):
        plan = event.snapshot.get("plan") if isinstance(event.snapshot, dict) else None
        if isinstance(plan, dict) and old in plan:
            plan[new] = plan.pop(old)
            event.save(update_fields=["snapshot"])


def forwards(apps, schema_editor):
    _rename_key(apps, "revision", "edition")


def backwards(apps, schema_editor):
    _rename_key(apps, "edition", "revision")


class Migration(migrations.Migration):
    """The approved plan's edition number is called its edition: `version`
    is the row lock and a project's `revision` its cache stamp."""

    dependencies = [
        ("benefits", "0005_activity_reminders_to_portal"),
    ]

    operations = [
        migrations.RenameField(model_name="benefitplan", old_name="revision", new_name="edition"),
        migrations.RenameField(
            model_name="historicalbenefitplan", old_name="revision", new_name="edition"
        ),
        migrations.RenameField(model_name="planevent", old_name="revision", new_name="edition"),
        migrations.RenameField(
            model_name="historicalplanevent", old_name="revision", new_name="edition"
        ),
        migrations.RunPython(forwards, backwards),
    ]
