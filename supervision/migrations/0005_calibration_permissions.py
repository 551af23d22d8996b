"""Trainers and programme managers write calibration exercises and set the programme's
calibration rules in the admin, as they author the rubrics."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Trainers", "Programme managers"]
CODENAMES = [
    "add_calibrationexercise",
    "change_calibrationexercise",
    "view_calibrationexercise",
    "change_calibrationsettings",
]


def grant(apps, schema_editor):
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
        ("supervision", "0004_calibration"),
        ("people", "0002_role_groups"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
