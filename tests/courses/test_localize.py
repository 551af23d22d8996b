"""Courses translated with wagtail-localize: trainers submit a course and its modules for
translation and translate them in the admin, lead trainers publish the translations, and a
learner reading in any language has one enrolment, one set of completions and one progress.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from contextlib import AbstractContextManager
from typing import Any
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.test import Client
from django.urls import reverse
from wagtail.documents.models import Document
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, Translation, TranslationSource

from courses import services
from courses.models import CoursePage, Enrolment, ModuleCompletion, ModulePage
from courses.setup import LEAD_TRAINERS, TRAINERS
from people.roles import Role
from tests.factories import SchoolFactory, UserFactory, activate_totp, admin_in_english, grant
from tests.factories.courses import SIMPLE_CHECK, check_value, course_page, module_page

pytestmark = pytest.mark.django_db

OnCommit = Callable[..., AbstractContextManager[Any]]


@pytest.fixture(autouse=True)
def _media(settings: Any, tmp_path: Any) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False


def admin_client(*, lead: bool = False) -> tuple[Client, Any]:
    person = UserFactory()
    grant(person, Role.TRAINER)
    if lead:
        person.groups.add(Group.objects.get(name=LEAD_TRAINERS))
    activate_totp(person)
    admin_in_english(person)
    client = Client()
    client.force_login(person)
    return client, person


def learner_client() -> tuple[Client, Any]:
    person = UserFactory()
    grant(person, Role.TUTOR, school=SchoolFactory())
    client = Client()
    client.force_login(person)
    return client, person


def locale(code: str) -> Locale:
    return Locale.objects.get(language_code=code)


def modules_of(course: CoursePage) -> list[ModulePage]:
    return list(ModulePage.objects.child_of(course).order_by("path"))


def video_value() -> dict[str, Any]:
    video = Document.objects.create(
        title="Clip", file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name="clip.mp4")
    )
    captions = Document.objects.create(
        title="Captions", file=ContentFile(b"WEBVTT\n\n00:00.000 --> 00:01.000\nHi\n", name="c.vtt")
    )
    return {
        "title": "A morning routine",
        "video": video.pk,
        "captions": captions.pk,
        "captions_language": "kk",
        "poster": None,
        "transcript": "<p>The teacher greets the child.</p>",
    }


def kazakh_course() -> CoursePage:
    """A course as first written, in Kazakh: a module marked done, one with a knowledge
    check and a video, and one with a reflection prompt."""
    course = course_page("Аутизм", modules=["Күн тәртібі"], slug="autism", sequential=True)
    module_page(
        course,
        "Білімді тексеру",
        completion=ModulePage.Completion.KNOWLEDGE_CHECK,
        body=[
            {
                "type": "paragraph",
                "value": "<p>Сұрақтарға жауап беріңіз.</p>",
                "id": str(uuid.uuid4()),
            },
            {"type": "video", "value": video_value(), "id": str(uuid.uuid4())},
            {
                "type": "knowledge_check",
                "value": check_value(SIMPLE_CHECK, pass_mark=50),
                "id": str(uuid.uuid4()),
            },
        ],
    )
    module_page(course, "Рефлексия", completion=ModulePage.Completion.REFLECTION, required=False)
    return course


def submit_for_translation(client: Client, page: ModulePage | CoursePage, *codes: str) -> Any:
    """The admin's "Translate this page" form, with its subtree (the course's modules)."""
    return client.post(
        reverse("wagtail_localize:submit_page_translation", args=[page.pk]),
        {"locales": [locale(code).pk for code in codes], "include_subtree": "on"},
    )


def translate_strings(client: Client, page: Any, code: str, prefix: str) -> None:
    """Type a translation of every string of ``page`` into the translation editor, as the
    editor's own requests do."""
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale(code)
    )
    for segment in StringSegment.objects.filter(source=translation.source).select_related("string"):
        response = client.put(
            reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk]),
            urlencode({"value": f"{prefix} {segment.string.data}"}),
            content_type="application/x-www-form-urlencoded",
        )
        assert response.status_code in (200, 201), response.content[:500]


def publish_translation(client: Client, page: Any, code: str) -> Any:
    """The translation editor's "Publish" button."""
    translated = page.get_translation(locale(code))
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[translated.pk]), {"action": "publish"}
    )


@pytest.fixture
def translated_course(
    django_capture_on_commit_callbacks: OnCommit,
) -> CoursePage:
    """A Kazakh course that a trainer translated into Russian and English and a lead trainer
    published."""
    course = kazakh_course()
    trainer, _person = admin_client()
    lead, _lead = admin_client(lead=True)
    with django_capture_on_commit_callbacks(execute=True):
        assert submit_for_translation(trainer, course, "ru", "en").status_code == 302
        for page in [course, *modules_of(course)]:
            for code, prefix in (("ru", "RU"), ("en", "EN")):
                translate_strings(trainer, page, code, prefix)
                assert publish_translation(lead, page, code).status_code == 302
    return course


# --- Permissions -----------------------------------------------------------------------------


def test_trainers_and_lead_trainers_may_submit_translations_learners_may_not() -> None:
    course_page()  # runs the authoring set-up
    for name in (TRAINERS, LEAD_TRAINERS):
        assert (
            Group.objects.get(name=name)
            .permissions.filter(
                content_type__app_label="wagtail_localize", codename="submit_translation"
            )
            .exists()
        )
    _client, trainer = admin_client()
    _client, learner = learner_client()
    assert trainer.has_perm("wagtail_localize.submit_translation")
    assert not learner.has_perm("wagtail_localize.submit_translation")


# --- Translating -----------------------------------------------------------------------------


def test_submitting_a_course_makes_draft_translations_of_it_and_its_modules() -> None:
    course = kazakh_course()
    trainer, _person = admin_client()
    response = submit_for_translation(trainer, course, "ru", "en")
    assert response.status_code == 302, response.content.decode()[:2000]

    originals = [course, *modules_of(course)]
    for code in ("ru", "en"):
        russian = CoursePage.objects.get(
            translation_key=course.translation_key, locale=locale(code)
        )
        # Under the catalogue in that language, and a draft until a lead trainer publishes it.
        assert russian.get_parent().locale.language_code == code
        assert not russian.live
        assert [m.translation_key for m in modules_of(russian)] == [
            m.translation_key for m in originals[1:]
        ]
        for original in originals:
            assert Translation.objects.get(
                source__object_id=original.translation_key, target_locale=locale(code)
            ).enabled

        # What decides enrolment, completion and the certificate is the course's own.
        for field in ("academic_hours", "sequential", "completion_rule", "awards_certificate"):
            assert getattr(russian, field) == getattr(course, field), field
        assert [(a.role, a.training_area_id, a.required) for a in russian.audiences.all()] == [
            (a.role, a.training_area_id, a.required) for a in course.audiences.all()
        ]
        for original, copy in zip(originals[1:], modules_of(russian), strict=True):
            assert (copy.is_required, copy.estimated_minutes, copy.completion) == (
                original.is_required,
                original.estimated_minutes,
                original.completion,
            )
            # The same blocks with the same ids, so answers mean the same in every language.
            assert copy.body.get_prep_value() == original.body.get_prep_value()


def test_translatable_and_synchronised_fields() -> None:
    from wagtail_localize.fields import get_translatable_fields

    def kinds(model: type) -> dict[str, tuple[bool, bool]]:
        instance = model()
        return {
            f.field_name: (f.is_translated(instance), f.is_overridable(instance))
            for f in get_translatable_fields(model)
        }

    course = kinds(CoursePage)
    for name in ("title", "summary", "description", "provider"):
        assert course[name][0], name
    for name in (
        "academic_hours",
        "awards_certificate",
        "prerequisites",
        "sequential",
        "completion_rule",
        "observed_practice_count",
        "observed_practice_min_average",
        "audiences",
    ):
        assert course[name] == (False, False), name
    assert course["cover_image"] == (False, True)  # a cover with text in the language

    module = kinds(ModulePage)
    assert module["title"][0]
    assert module["body"][0]
    for name in ("is_required", "estimated_minutes", "completion"):
        assert module[name] == (False, False), name


def test_module_blocks_are_translated_and_their_answers_and_rules_kept(
    translated_course: CoursePage,
) -> None:
    check_module = modules_of(translated_course)[1]
    russian = check_module.get_translation(locale("ru"))
    assert russian.live
    assert russian.title == "RU Білімді тексеру"

    source_blocks = {b.id: b for b in check_module.body}
    for block in russian.body:
        original = source_blocks[block.id]
        assert block.block_type == original.block_type
        if block.block_type == "knowledge_check":
            assert block.value["pass_mark"] == original.value["pass_mark"]
            ours = services.check_questions(block.value)
            theirs = services.check_questions(original.value)
            assert ours == theirs  # question ids, answer ids and correct answers
            texts = [q["text"] for q in block.value["questions"]]
            assert texts == [f"RU {q['text']}" for q in original.value["questions"]]
        if block.block_type == "video":
            # Captions stay the original's file in its language until a translator swaps
            # the file; title and transcript are translated.
            assert block.value["captions"].pk == original.value["captions"].pk
            assert block.value["captions_language"] == "kk"
            assert block.value["title"] == "RU A morning routine"
            assert "RU The teacher greets the child." in block.value["transcript"].source

    reflection = modules_of(translated_course)[2].get_translation(locale("ru")).reflection_prompt
    assert reflection.value["prompt"] == "RU What will you change?"
    assert reflection.value["min_length"] == 20


def test_a_trainer_cannot_publish_a_translation_a_lead_trainer_can(
    django_capture_on_commit_callbacks: OnCommit,
) -> None:
    course = kazakh_course()
    trainer, _person = admin_client()
    lead, _lead = admin_client(lead=True)
    submit_for_translation(trainer, course, "ru")
    translate_strings(trainer, course, "ru", "RU")
    russian = course.get_translation(locale("ru"))

    # The admin turns the refusal into a redirect with a message.
    with django_capture_on_commit_callbacks(execute=True):
        response = publish_translation(trainer, course, "ru")
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_home")
    russian.refresh_from_db()
    assert not russian.live

    with django_capture_on_commit_callbacks(execute=True):
        assert publish_translation(lead, course, "ru").status_code == 302
    russian.refresh_from_db()
    assert russian.live
    assert russian.title == "RU Аутизм"
    assert russian.summary == f"RU {course.summary}"


# --- Reading and learning in another language ------------------------------------------------


def test_a_learner_reading_in_russian_sees_the_russian_course_and_modules(
    translated_course: CoursePage,
) -> None:
    client, _learner = learner_client()
    russian = translated_course.get_translation(locale("ru"))
    assert russian.url.startswith("/ru/")

    catalogue = client.get("/ru/courses/").content.decode()
    assert "RU Аутизм" in catalogue
    assert ">Аутизм<" not in catalogue

    body = client.get(russian.url).content.decode()
    for module in modules_of(translated_course):
        assert f"RU {module.title}" in body
    assert all(m.locale.language_code == "ru" for m in modules_of(russian))

    # The same course in Kazakh still reads in Kazakh.
    kazakh = client.get(translated_course.url).content.decode()
    assert "Күн тәртібі" in kazakh
    assert "RU Күн тәртібі" not in kazakh


def test_completing_modules_in_russian_completes_them_on_the_one_enrolment(
    translated_course: CoursePage,
) -> None:
    client, learner = learner_client()
    russian = translated_course.get_translation(locale("ru"))
    first_ru, check_ru, _reflection_ru = modules_of(russian)
    first_kk, check_kk, _reflection_kk = modules_of(translated_course)

    assert client.post(reverse("course_enrol", args=[russian.pk])).status_code == 302
    assert client.post(reverse("module_done", args=[first_ru.pk])).status_code == 302

    # Answer the Russian page's knowledge check with the ids it shows.
    page = client.get(check_ru.url).content.decode()
    assert "RU Two plus two?" in page
    questions = services.check_questions(check_ru.knowledge_check.value)
    answers = {f"q-{q['id']}": sorted(q["correct"]) for q in questions}
    assert all(f'name="{name}"' in page for name in answers)
    attempt = re.search(r'name="attempt" value="(\d+)"', page)
    assert attempt
    response = client.post(
        reverse("module_check", args=[check_ru.pk]), {**answers, "attempt": attempt.group(1)}
    )
    assert response.status_code == 302

    enrolment = Enrolment.objects.get(person=learner)
    assert enrolment.course_id == translated_course.pk
    assert set(
        ModuleCompletion.objects.filter(enrolment=enrolment).values_list("module_id", flat=True)
    ) == {first_kk.pk, check_kk.pk}
    assert enrolment.is_completed  # the reflection module is optional
    assert enrolment.percent == 100

    # The same progress, whichever language the course is read in.
    outlines = {
        code: client.get(page.url).context["outline"]
        for code, page in (("ru", russian), ("kk", translated_course))
    }
    for outline in outlines.values():
        assert outline.enrolment.pk == enrolment.pk
        assert [row.completed for row in outline.modules] == [True, True, False]
    en = translated_course.get_translation(locale("en"))
    assert client.get(en.url).context["outline"].enrolment.pk == enrolment.pk
    assert Enrolment.objects.filter(person=learner).count() == 1


# --- The admin -------------------------------------------------------------------------------


def test_a_trainer_opens_the_translation_editor_a_learner_cannot(
    translated_course: CoursePage,
) -> None:
    russian = translated_course.get_translation(locale("ru"))
    url = reverse("wagtailadmin_pages:edit", args=[russian.pk])

    trainer, _person = admin_client()
    response = trainer.get(url)
    assert response.status_code == 200
    assert "wagtail_localize/admin/edit_translation.html" in [t.name for t in response.templates]

    learner, _learner = learner_client()
    response = learner.get(url)
    assert response.status_code in (302, 403)
    assert "wagtail_localize" not in response.content.decode()
    assert learner.get(
        reverse("wagtail_localize:submit_page_translation", args=[translated_course.pk])
    ).status_code in (302, 403)


def test_syncing_after_the_source_changes_updates_the_translation_and_keeps_the_enrolment(
    translated_course: CoursePage, django_capture_on_commit_callbacks: OnCommit
) -> None:
    client, learner = learner_client()
    russian = translated_course.get_translation(locale("ru"))
    first_ru = modules_of(russian)[0]
    client.post(reverse("course_enrol", args=[russian.pk]))
    client.post(reverse("module_done", args=[first_ru.pk]))
    enrolment = Enrolment.objects.get(person=learner)

    # A lead trainer changes the course as first written and publishes it.
    course = CoursePage.objects.get(pk=translated_course.pk)
    course.academic_hours = 12
    course.summary = "Жаңа сипаттама."
    course.save_revision().publish()
    first = modules_of(course)[0]
    first.estimated_minutes = 25
    first.save_revision().publish()

    lead, _lead = admin_client(lead=True)
    with django_capture_on_commit_callbacks(execute=True):
        for page in (course, first):
            source = TranslationSource.objects.get(object_id=page.translation_key)
            response = lead.post(
                reverse("wagtail_localize:update_translations", args=[source.pk]),
                {"publish_translations": "on"},
            )
            assert response.status_code == 302

    russian.refresh_from_db()
    first_ru.refresh_from_db()
    assert russian.academic_hours == 12
    assert russian.title == "RU Аутизм"  # translated strings are kept
    assert russian.summary == "Жаңа сипаттама."  # new text waits for its translation
    assert first_ru.estimated_minutes == 25
    assert russian.live
    assert first_ru.live

    # Reading on in Russian: still the one enrolment, with its progress.
    assert client.get(russian.url).context["outline"].enrolment.pk == enrolment.pk
    assert Enrolment.objects.filter(person=learner).count() == 1
    enrolment.refresh_from_db()
    assert enrolment.required_done == 1
    assert enrolment.course_id == course.pk
