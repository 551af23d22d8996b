"""The demo translates its courses as a trainer does: with wagtail-localize, so that the
admin shows each translation in the translation editor and can sync it later."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation

from courses.models import CoursePage, ModulePage
from demo.courses import is_localized, localize
from people.roles import Role
from tests.factories import UserFactory, activate_totp, admin_in_english, grant
from tests.factories.courses import course_page

pytestmark = pytest.mark.django_db


def russian() -> Locale:
    return Locale.objects.get(language_code="ru")


def test_demo_translations_are_wagtail_localize_translations() -> None:
    course = course_page("Аутизм", modules=["Күн тәртібі"])
    module = ModulePage.objects.child_of(course).get()
    ru = russian()
    assert not is_localized(course, ru)

    written = CoursePage(
        title="Аутизм (ru)",
        slug=course.slug,
        summary="Курс об аутизме.",
        description="",
        provider="Программа Qamqorlyq",
    )
    translated = localize(course, written, ru)
    written_module = ModulePage(
        title="Режим дня", slug=module.slug, body=list(module.body.raw_data)
    )
    translated_module = localize(module, written_module, ru)

    assert is_localized(course, ru)
    assert is_localized(module, ru)
    translated = CoursePage.objects.get(pk=translated.pk)
    assert translated.live
    assert translated.title == "Аутизм (ru)"
    assert translated.provider == "Программа Qamqorlyq"
    assert ModulePage.objects.get(pk=translated_module.pk).get_parent().pk == translated.pk
    assert StringTranslation.objects.filter(locale=ru, data="Курс об аутизме.").exists()

    # The admin shows the translation in the translation editor.
    trainer = UserFactory()
    grant(trainer, Role.TRAINER)
    activate_totp(trainer)
    admin_in_english(trainer)
    client = Client()
    client.force_login(trainer)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[translated.pk]))
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]


def test_the_demo_takes_over_a_translation_made_before_wagtail_localize() -> None:
    course = course_page("Аутизм", modules=0)
    ru = russian()
    earlier = course.copy_for_translation(ru)
    earlier.title = "Аутизм (ru)"
    earlier.save_revision().publish()

    written = CoursePage(
        title="Аутизм (ru)", slug=course.slug, summary="Курс.", description="", provider="Qamqor"
    )
    translated = localize(course, written, ru)

    assert translated.pk == earlier.pk  # the same page, at the same address
    assert is_localized(course, ru)
    assert CoursePage.objects.get(pk=translated.pk).summary == "Курс."
