"""Programme managers edit programmes and targets in the admin."""

from django.db import migrations

CODENAMES = [
    "add_programme", "change_programme", "delete_programme", "view_programme",
    "add_target", "change_target", "delete_target", "view_target",
]


def grant(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    ContentType = apps.get_model("contenttypes", "ContentType")
    for model in ("programme", "target"):
        content_type, _ = ContentType.objects.get_or_create(app_label="programmes", model=model)
        for action in ("add", "change", "delete", "view"):
            Permission.objects.get_or_create(
                content_type=content_type,
                codename=f"{action}_{model}",
                defaults={"name": f"Can {action} {model}"},
            )
    group, _ = Group.objects.get_or_create(name="Programme managers")
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="programmes", codename__in=CODENAMES)
    )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group = Group.objects.filter(name="Programme managers").first()
    if group is not None:
        group.permissions.remove(
            *Permission.objects.filter(content_type__app_label="programmes", codename__in=CODENAMES)
        )


class Migration(migrations.Migration):
    dependencies = [
        ("programmes", "0001_initial"),
        ("people", "0002_role_groups"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
