"""Programme managers run certificate templates in the admin (add, change, publish,
delete) and may upload and choose the images they use (signatures, logos, backgrounds);
trainers may draft templates (add, change), and a programme manager publishes."""

from django.contrib.auth.management import create_permissions
from django.db import migrations

MANAGERS = "Programme managers"
TRAINERS = "Trainers"
MANAGER_CODENAMES = [
    "add_certificatetemplate",
    "change_certificatetemplate",
    "delete_certificatetemplate",
    "view_certificatetemplate",
    "publish_certificatetemplate",
]
IMAGE_CODENAMES = ["add_image", "choose_image"]
TRAINER_CODENAMES = [
    "add_certificatetemplate",
    "change_certificatetemplate",
    "view_certificatetemplate",
]


def grant(apps, schema_editor):
    # Permissions are normally created after all migrations; these are needed now.
    config = apps.get_app_config("certificates")
    config.models_module = True
    create_permissions(config, verbosity=0, apps=apps)
    config.models_module = None
    ContentType = apps.get_model("contenttypes", "ContentType")
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    content_type, _ = ContentType.objects.get_or_create(
        app_label="certificates", model="certificatetemplate"
    )
    # Wagtail adds the publish permission of draftable snippets after migrating; the
    # same row, made here so that the group can hold it.
    Permission.objects.get_or_create(
        content_type=content_type,
        codename="publish_certificatetemplate",
        defaults={"name": "Can publish certificate template"},
    )
    for name, codenames in ((MANAGERS, MANAGER_CODENAMES), (TRAINERS, TRAINER_CODENAMES)):
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(
            *Permission.objects.filter(content_type=content_type, codename__in=codenames)
        )
    Collection = apps.get_model("wagtailcore", "Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    root = Collection.objects.filter(depth=1).first()
    managers = Group.objects.get(name=MANAGERS)
    if root is not None:
        for codename in IMAGE_CODENAMES:
            permission = Permission.objects.filter(
                content_type__app_label="wagtailimages", codename=codename
            ).first()
            if permission is not None:
                GroupCollectionPermission.objects.get_or_create(
                    group=managers, collection=root, permission=permission
                )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="certificates", codename__in=MANAGER_CODENAMES
    )
    for group in Group.objects.filter(name__in=[MANAGERS, TRAINERS]):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0001_initial"),
        ("people", "0002_role_groups"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
