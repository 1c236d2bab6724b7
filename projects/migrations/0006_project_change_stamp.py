from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("projects", "0005_one_owner_of_each_kind"),
    ]

    operations = [
        migrations.RenameField(model_name="project", old_name="revision", new_name="change_stamp"),
    ]
