from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0007_project_copied_from_template"),
    ]

    operations = [
        migrations.RenameField(model_name="project", old_name="revision", new_name="change_stamp"),
    ]
