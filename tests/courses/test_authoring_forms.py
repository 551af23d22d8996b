"""The course and module forms a trainer fills in: what they start with, what they choose
from, and which error they read first."""

from __future__ import annotations

import re
from datetime import timedelta
from typing import Any

import pytest
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from courses.admin_forms import prerequisite_choices
from courses.models import ModulePage
from courses.services.enrolment import enrolment_create
from programmes.models import Programme
from tests.courses.test_authoring import admin_client
from tests.factories.courses import check_value, course_page, module_page

pytestmark = pytest.mark.django_db


def check_without_a_correct_answer() -> dict[str, Any]:
    question = {
        "text": "What helps before a change of activity?",
        "kind": "single",
        "options": streamfield(
            [
                ("item", {"text": "A warning", "is_correct": "", "feedback": ""}),
                ("item", {"text": "A surprise", "is_correct": "", "feedback": ""}),
            ]
        ),
    }
    return nested_form_data(
        {
            "title": "Check",
            "slug": "check",
            "is_required": "on",
            "estimated_minutes": "10",
            "completion": ModulePage.Completion.KNOWLEDGE_CHECK,
            "body": streamfield(
                [
                    (
                        "knowledge_check",
                        {
                            "title": "",
                            "questions": streamfield([("item", question)]),
                            "pass_mark": "80",
                            "attempts_allowed": "3",
                        },
                    )
                ]
            ),
            "comments": inline_formset([]),
            "action-submit": "Submit",
        }
    )


def test_the_first_error_is_the_real_one_not_a_missing_check() -> None:
    client, _trainer = admin_client()
    course = course_page(modules=0)
    add_url = reverse("wagtailadmin_pages:add", args=("courses", "modulepage", course.pk))
    response = client.post(add_url, check_without_a_correct_answer())
    html = response.content.decode()
    assert response.status_code == 200
    assert "Mark at least one answer as correct." in html
    assert "needs exactly one" not in html
    assert not ModulePage.objects.filter(slug="check").exists()


def test_a_check_without_a_title_is_titled_in_the_module_language() -> None:
    from tests.courses.test_localize import learner_client

    course = course_page(modules=0, language="ru")
    value = check_value([("Q?", "single", [("A", True), ("B", False)])])
    value["title"] = ""
    module = module_page(
        course,
        "Проверка",
        completion=ModulePage.Completion.KNOWLEDGE_CHECK,
        body=[{"type": "knowledge_check", "value": value, "id": "c1"}],
    )
    client, learner = learner_client()
    enrolment_create(actor=learner, person=learner, course=course)
    html = client.get(module.url, follow=True).content.decode()
    assert re.search(r"<h2 id=\"check-[^\"]+\">Проверьте себя</h2>", html), html[:200]


def test_the_prerequisites_list_each_course_once() -> None:
    first = course_page("Autism basics", modules=0)
    russian = first.copy_for_translation(Locale.objects.get(language_code="ru"))
    russian.save_revision().publish()
    english = first.copy_for_translation(Locale.objects.get(language_code="en"))
    english.save_revision().publish()
    only_in_english = course_page("Reading support", modules=0, language="en")
    course = course_page("Adapting lessons", modules=0, language="ru")

    choices = list(prerequisite_choices(course, course.locale_id))
    assert [c.pk for c in choices if c.translation_key == first.translation_key] == [russian.pk]
    assert only_in_english in choices
    assert course not in choices

    # A prerequisite chosen in another language stays chosen rather than being dropped.
    course.prerequisites.set([first])
    choices = list(prerequisite_choices(course, course.locale_id))
    assert [c.pk for c in choices if c.translation_key == first.translation_key] == [first.pk]

    edit = admin_client()[0].get(reverse("wagtailadmin_pages:edit", args=(course.pk,)))
    assert edit.content.decode().count(">Autism basics</option>") == 1


def test_a_new_course_starts_with_the_programme_provider() -> None:
    today = timezone.localdate()
    Programme.objects.create(
        code="qamqor",
        name_kk="Қамқор",
        name_ru="Камкор",
        name_en="Qamqor",
        starts_on=today - timedelta(days=30),
        ends_on=today + timedelta(days=300),
        provider_kk="Оқу орталығы",
        provider_ru="Учебный центр",
        provider_en="Training centre",
    )
    client, _trainer = admin_client()
    course = course_page(modules=0, language="ru")
    catalogue = course.get_parent()
    add_url = reverse("wagtailadmin_pages:add", args=("courses", "coursepage", catalogue.pk))
    html = client.get(add_url).content.decode()
    assert 'value="Учебный центр"' in html
    edit = client.get(reverse("wagtailadmin_pages:edit", args=(course.pk,))).content.decode()
    assert 'value="Учебный центр"' not in edit  # an existing course keeps its own


def test_without_a_programme_provider_the_field_starts_empty() -> None:
    client, _trainer = admin_client()
    course = course_page(modules=0)
    add_url = reverse(
        "wagtailadmin_pages:add", args=("courses", "coursepage", course.get_parent().pk)
    )
    html = client.get(add_url).content.decode()
    field = re.search(r"<input[^>]*name=\"provider\"[^>]*>", html)
    assert field is not None
    assert "value=" not in field.group(0)
