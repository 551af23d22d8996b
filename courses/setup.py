"""What authoring needs to exist on every installation, ensured after each ``migrate``:

- a locale for each interface language, and the site's root page in each of them;
- the course catalogue under the root page, in each language;
- trainers may add and edit pages under the catalogue but not publish; lead trainers may
  publish, and approve what trainers submit through the "Course review" workflow;
- both may upload and choose images and documents for their modules;
- both may submit courses for translation and translate them (wagtail-localize); as with
  any page, only a lead trainer publishes a translation.

Idempotent: running it again changes nothing.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_migrate
from django.dispatch import receiver
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    GroupCollectionPermission,
    GroupPagePermission,
    Locale,
    Page,
    Site,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from people.roles import role_group

from .models.review import CourseReviewTask

TRAINERS = "Trainers"
LEAD_TRAINERS = "Lead trainers"
WORKFLOW_NAME = "Course review"
TASK_NAME = "Lead trainer approval"
CATALOGUE_SLUG = "courses"
CATALOGUE_TITLES = {"kk": "Курстар", "ru": "Курсы", "en": "Courses"}
# The site's root page in each language, in place of the title Wagtail's first migration
# gives it ("Welcome to your new Wagtail site!"), which trainers read in the admin's tree.
WAGTAIL_DEFAULT_ROOT_TITLE = "Welcome to your new Wagtail site!"
ROOT_TITLES = {"kk": "Басты бет", "ru": "Главная страница", "en": "Home"}

TRAINER_PAGE_PERMISSIONS = ("add_page", "change_page", "lock_page", "unlock_page")
LEAD_PAGE_PERMISSIONS = (*TRAINER_PAGE_PERMISSIONS, "publish_page")
MEDIA_PERMISSIONS = (
    ("wagtailimages", "add_image"),
    ("wagtailimages", "choose_image"),
    ("wagtaildocs", "add_document"),
    ("wagtaildocs", "choose_document"),
)


def ensure_locales() -> dict[str, Locale]:
    return {
        code: Locale.objects.get_or_create(language_code=code)[0]
        for code, _name in settings.LANGUAGES
    }


def site_root() -> Page | None:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    return site.root_page if site is not None else None


def ensure_translations(page: Page, locales: dict[str, Locale]) -> None:
    for locale in locales.values():
        if page.locale_id != locale.pk and not page.has_translation(locale):
            page.copy_for_translation(locale, copy_parents=True, alias=True)


def name_site_root(root: Page, locales: dict[str, Locale]) -> None:
    """Title the root page and its translations in their languages, unless someone has
    renamed them since Wagtail created them. A direct update: the translations are aliases
    of the root, which publishing it would overwrite with one title for all."""
    for code, locale in locales.items():
        title = ROOT_TITLES.get(code)
        if title:
            Page.objects.filter(
                translation_key=root.translation_key,
                locale=locale,
                title=WAGTAIL_DEFAULT_ROOT_TITLE,
            ).update(title=title, draft_title=title)


def ensure_catalogue(locales: dict[str, Locale], root: Page) -> Page:
    from .models import CourseCatalogue

    ensure_translations(root, locales)
    catalogue = CourseCatalogue.objects.child_of(root).first()
    if catalogue is None:
        language = root.locale.language_code
        catalogue = CourseCatalogue(
            title=CATALOGUE_TITLES.get(language, "Courses"), slug=CATALOGUE_SLUG, locale=root.locale
        )
        root.add_child(instance=catalogue)
        catalogue.save_revision().publish()
    for code, locale in locales.items():
        if catalogue.locale_id == locale.pk or catalogue.has_translation(locale):
            continue
        translation = catalogue.copy_for_translation(locale, copy_parents=True)
        translation.title = CATALOGUE_TITLES.get(code, catalogue.title)
        translation.save_revision().publish()
    return catalogue


def _page_permissions(codenames: tuple[str, ...]) -> list[Permission]:
    return list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
    )


def ensure_submit_translation_permission() -> Permission:
    """wagtail-localize's "Can submit translations", which its own migration creates; made
    again here on a database that has been flushed since."""
    content_type, _created = ContentType.objects.get_or_create(
        app_label="wagtail_localize", model="translation"
    )
    permission, _created = Permission.objects.get_or_create(
        content_type=content_type,
        codename="submit_translation",
        defaults={"name": "Can submit translations"},
    )
    return permission


def ensure_authoring_permissions(catalogue: Page) -> None:
    trainers = role_group(TRAINERS)  # the trainer role's group, which opens the admin
    leads, _created = Group.objects.get_or_create(name=LEAD_TRAINERS)
    access_admin = Permission.objects.get(
        content_type__app_label="wagtailadmin", codename="access_admin"
    )
    leads.permissions.add(access_admin)
    submit_translation = ensure_submit_translation_permission()
    trainers.permissions.add(submit_translation)
    leads.permissions.add(submit_translation)
    pages = catalogue.get_translations(inclusive=True)
    for group, codenames in ((trainers, TRAINER_PAGE_PERMISSIONS), (leads, LEAD_PAGE_PERMISSIONS)):
        for page in pages:
            for permission in _page_permissions(codenames):
                GroupPagePermission.objects.get_or_create(
                    group=group, page=page, permission=permission
                )
        root_collection = Collection.get_first_root_node() or Collection.add_root(name="Root")
        for app_label, codename in MEDIA_PERMISSIONS:
            permission = Permission.objects.get(
                content_type__app_label=app_label, codename=codename
            )
            GroupCollectionPermission.objects.get_or_create(
                group=group, collection=root_collection, permission=permission
            )


def ensure_review_workflow(catalogue: Page) -> Workflow:
    leads = Group.objects.get(name=LEAD_TRAINERS)
    workflow, _created = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = CourseReviewTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = CourseReviewTask.objects.create(name=TASK_NAME)
    task.groups.add(leads)
    # Installations made before the course review task had a plain group approval task:
    # it leaves the workflow (its reviews in progress are cancelled, to be submitted again).
    for old in GroupApprovalTask.objects.filter(name=TASK_NAME, workflow_tasks__workflow=workflow):
        WorkflowTask.objects.filter(workflow=workflow, task=old).delete()
        old.deactivate()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in catalogue.get_translations(inclusive=True):
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    return workflow


@transaction.atomic
def ensure_authoring_setup() -> None:
    """Does nothing on a database without Wagtail's site (for example a flushed one)."""
    root = site_root()
    if root is None:
        return
    locales = ensure_locales()
    catalogue = ensure_catalogue(locales, root)
    name_site_root(root, locales)
    ensure_authoring_permissions(catalogue)
    ensure_review_workflow(catalogue)


@receiver(post_migrate)
def after_migrate(sender: Any, app_config: Any = None, **kwargs: Any) -> None:
    if app_config is not None and app_config.name == "courses":
        ensure_authoring_setup()
