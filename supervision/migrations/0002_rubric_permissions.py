"""Trainers and programme managers author the observation rubrics in the admin."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Trainers", "Programme managers"]
CODENAMES = ["add_rubric", "change_rubric", "view_rubric"]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; rubrics need them now.
    config = apps.get_app_config("supervision")
    config.models_module = True
    create_permissions(config, verbosity=0, apps=apps)
    config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = list(
        Permission.objects.filter(content_type__app_label="supervision", codename__in=CODENAMES)
    )
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="supervision", codename__in=CODENAMES
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("supervision", "0001_initial"),
        ("people", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
