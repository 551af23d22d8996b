"""Copying a course: a new course from an existing one, modules and translations included.

For a new cohort or area a trainer starts from a course that works. The copy is a draft in
every language the course is translated into, under the same catalogue, so it goes through
the course review like any new course. Its language versions stay linked as translations
(wagtail-localize): the translated text is carried over, and the new title waits in the
translation editor to be translated (until then the translations show it as written).
"""

from __future__ import annotations

from typing import Any

from django.db import transaction
from wagtail.actions.copy_page import CopyPageAction
from wagtail.log_actions import log
from wagtail_localize.models import (
    SegmentOverride,
    StringTranslation,
    TranslatableObject,
    Translation,
    TranslationContext,
    TranslationSource,
)

from ..models import CoursePage, ModulePage


def source_version(course: CoursePage) -> CoursePage:
    """The language version the others are translated from (the course itself when it is
    not a translation)."""
    source = TranslationSource.objects.filter(
        object_id=course.translation_key, specific_content_type__model="coursepage"
    ).first()
    if source is None:
        return course
    return CoursePage.objects.get(translation_key=course.translation_key, locale=source.locale)


def _carry_translated_text(original: Any, copy: Any) -> None:
    """Give the copy's contexts the original's translated strings and overrides."""
    try:
        old = TranslatableObject.objects.get_for_instance(original)
    except TranslatableObject.DoesNotExist:
        return
    new, _created = TranslatableObject.objects.get_or_create_from_instance(copy)
    for context in TranslationContext.objects.filter(object=old):
        twin, _created = TranslationContext.objects.get_or_create(
            object=new,
            path_id=context.path_id,
            defaults={"path": context.path, "field_path": context.field_path},
        )
        StringTranslation.objects.bulk_create(
            [
                StringTranslation(
                    translation_of_id=row.translation_of_id,
                    locale_id=row.locale_id,
                    context=twin,
                    data=row.data,
                    translation_type=row.translation_type,
                    tool_name=row.tool_name,
                    last_translated_by_id=row.last_translated_by_id,
                )
                for row in StringTranslation.objects.filter(context=context)
            ]
        )
        SegmentOverride.objects.bulk_create(
            [
                SegmentOverride(
                    locale_id=row.locale_id,
                    context=twin,
                    data_json=row.data_json,
                    last_translated_by_id=row.last_translated_by_id,
                )
                for row in SegmentOverride.objects.filter(context=context)
            ]
        )


def _translate_like(original: Any, copy: Any, actor: Any) -> None:
    """Translate ``copy`` into each language ``original`` is translated into, as drafts."""
    locales = [
        translation.target_locale
        for translation in Translation.objects.filter(
            source__object_id=original.translation_key, enabled=True
        ).select_related("target_locale")
    ]
    if not locales:
        return
    _carry_translated_text(original, copy)
    source, _created = TranslationSource.get_or_create_from_instance(copy)
    for locale in locales:
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        translation.save_target(user=actor, publish=False)


@transaction.atomic
def course_copy(*, actor: Any, course: CoursePage, title: str, slug: str) -> CoursePage:
    """Copy ``course`` with its modules as a new draft course titled ``title``.

    The copy starts from the course's source language; each language it was translated
    into is translated again for the copy, reusing the translated text.
    """
    original = source_version(course)
    copy = CopyPageAction(
        original,
        to=original.get_parent(),
        update_attrs={"title": title, "slug": slug},
        recursive=True,
        keep_live=False,
        user=actor,
        reset_translation_key=True,
    ).execute()  # refuses a person who may not add courses to the catalogue
    copy = copy.specific
    pairs = [(original, copy)]
    pairs += zip(
        ModulePage.objects.child_of(original).order_by("path"),
        ModulePage.objects.child_of(copy).order_by("path"),
        strict=True,
    )
    for old, new in pairs:
        _translate_like(old, new, actor)
    log(
        instance=copy,
        action="courses.course.copy",
        data={"source": {"id": original.pk, "title": original.title}},
        user=actor,
    )
    return copy
