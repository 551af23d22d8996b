"""Copying a course for a new cohort or area: a draft with its modules, in every language it
was translated into, the translations linked and their text kept; the original untouched."""

from __future__ import annotations

import pytest
from django.urls import reverse
from wagtail_localize.models import Translation

from courses.models import CoursePage, ModulePage
from people.roles import Role
from tests.courses.test_localize import (
    _media,  # noqa: F401  (autouse: media in a temporary folder, no MFA step)
    admin_client,
    locale,
    modules_of,
    translated_course,  # noqa: F401  (fixture)
)
from tests.factories import UserFactory, activate_totp, admin_in_english, grant

pytestmark = pytest.mark.django_db


def copy_url(course: CoursePage) -> str:
    return reverse("courses_admin:copy", args=(course.pk,))


def test_a_trainer_copies_a_translated_course_with_its_modules(
    translated_course: CoursePage,  # noqa: F811
) -> None:
    client, _trainer = admin_client()
    form = client.get(copy_url(translated_course)).content.decode()
    assert 'value="autism-2"' in form

    response = client.post(
        copy_url(translated_course), {"title": "Аутизм: ауыл мектептері", "slug": "autism-rural"}
    )
    assert response.status_code == 302
    copy = CoursePage.objects.get(slug="autism-rural", locale=locale("kk"))
    assert response.url == reverse("wagtailadmin_pages:edit", args=(copy.pk,))
    assert copy.title == "Аутизм: ауыл мектептері"
    assert not copy.live
    assert copy.translation_key != translated_course.translation_key
    originals = modules_of(translated_course)
    copies = modules_of(copy)
    assert [m.title for m in copies] == [m.title for m in originals]
    assert not any(m.live for m in copies)
    assert not {m.translation_key for m in copies} & {m.translation_key for m in originals}
    assert copies[1].knowledge_check.value["pass_mark"] == 50
    assert [a.role for a in copy.audiences.all()] == [
        a.role for a in translated_course.audiences.all()
    ]

    for code, prefix in (("ru", "RU"), ("en", "EN")):
        version = copy.get_translation(locale(code))
        assert not version.live
        assert version.slug == "autism-rural"
        assert version.title == "Аутизм: ауыл мектептері"  # the new title awaits translation
        assert version.specific.summary.startswith(prefix)  # translated text carried over
        translated_modules = modules_of(version.specific)
        assert [m.translation_key for m in translated_modules] == [
            m.translation_key for m in copies
        ]
        assert all(m.title.startswith(prefix) for m in translated_modules)
        assert Translation.objects.filter(
            source__object_id=copy.translation_key, target_locale=locale(code)
        ).exists()

    # The original course and its translations are as they were.
    translated_course.refresh_from_db()
    assert translated_course.live
    assert translated_course.title == "Аутизм"
    assert len(modules_of(translated_course)) == 3
    ru_original = translated_course.get_translation(locale("ru"))
    assert ru_original.title.startswith("RU")
    assert ru_original.live


def test_copying_from_a_translation_copies_the_course_as_first_written(
    translated_course: CoursePage,  # noqa: F811
) -> None:
    client, _trainer = admin_client()
    russian = translated_course.get_translation(locale("ru"))
    response = client.post(copy_url(russian), {"title": "Аутизм 2", "slug": "autism-two"})
    assert response.status_code == 302
    copy = CoursePage.objects.get(slug="autism-two", locale=locale("kk"))
    assert copy.get_translation(locale("ru")).specific.summary.startswith("RU")


def test_an_address_in_use_is_refused_and_nothing_is_copied(
    translated_course: CoursePage,  # noqa: F811
) -> None:
    client, _trainer = admin_client()
    pages = CoursePage.objects.count()
    response = client.post(copy_url(translated_course), {"title": "Again", "slug": "autism"})
    assert response.status_code == 200
    assert "A course already has this address" in response.content.decode()
    assert CoursePage.objects.count() == pages


def test_people_who_may_not_write_courses_cannot_copy_them(
    translated_course: CoursePage,  # noqa: F811
) -> None:
    from django.test import Client

    manager = UserFactory()
    grant(manager, Role.PROGRAMME_MANAGER)
    activate_totp(manager)
    admin_in_english(manager)
    client = Client()
    client.force_login(manager)
    pages = CoursePage.objects.count()
    response = client.post(copy_url(translated_course), {"title": "Mine", "slug": "mine"})
    assert response.status_code in (302, 403)
    assert CoursePage.objects.count() == pages


def test_the_course_header_offers_the_copy(translated_course: CoursePage) -> None:  # noqa: F811
    client, _trainer = admin_client()
    page = client.get(reverse("wagtailadmin_pages:edit", args=(translated_course.pk,)))
    assert copy_url(translated_course) in page.content.decode()


def test_a_copy_goes_through_the_course_review(translated_course: CoursePage) -> None:  # noqa: F811
    client, trainer = admin_client()
    client.post(copy_url(translated_course), {"title": "Аутизм 3", "slug": "autism-three"})
    copy = CoursePage.objects.get(slug="autism-three", locale=locale("kk"))
    copy.get_workflow().start(copy, trainer)
    lead_client, _lead = admin_client(lead=True)
    state = copy.current_workflow_state
    response = lead_client.post(
        reverse("courses_admin:review", args=(state.current_task_state.pk,)),
        {"action": "approve", "comment": ""},
    )
    assert response.status_code == 302
    copy.refresh_from_db()
    assert copy.live
    assert all(module.live for module in ModulePage.objects.child_of(copy))
