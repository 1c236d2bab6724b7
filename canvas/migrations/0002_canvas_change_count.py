from django.db import migrations


class Migration(migrations.Migration):
    """The board's poll counter is named for what it counts (its history
    leaves it out, so the historical table has no such column)."""

    dependencies = [
        ("canvas", "0001_initial"),
    ]

    operations = [
        migrations.RenameField(model_name="canvas", old_name="revision", new_name="change_count"),
    ]
