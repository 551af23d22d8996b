"""Rough edges of the learner's journey: a reflection waiting for review, coming back to a
course, leaving one, and progress figures."""

from __future__ import annotations

import csv
import datetime
import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from courses import services
from courses.models import Enrolment, ModulePage, Reflection
from courses.selectors import reviews as selectors_reviews
from people.roles import Role
from tests.factories import SchoolFactory, UserFactory, grant
from tests.factories.courses import course_page, module_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_mfa(settings: Any) -> None:
    settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False


@pytest.fixture
def tutor() -> Any:
    person = UserFactory(full_name="Tutor One", preferred_language="en")
    grant(person, Role.TUTOR, school=SchoolFactory())
    return person


def reflection_course() -> tuple[Any, ModulePage, ModulePage]:
    course = course_page("Reflective practice", modules=0, language="en")
    first = module_page(course, "Reflect", completion=ModulePage.Completion.REFLECTION)
    second = module_page(course, "Read on")
    return course, first, second


class TestReflectionWaitingForReview:
    def test_the_course_says_the_reflection_waits_and_resumes_past_it(
        self, client: Client, tutor: Any
    ) -> None:
        course, first, second = reflection_course()
        services.enrolment_create(actor=tutor, person=tutor, course=course)
        client.force_login(tutor)
        before = client.get(course.url)
        assert before.context["outline"].resume.pk == first.pk
        assert "Waiting for a trainer" not in before.content.decode()

        services.reflection_submit(person=tutor, module=first, text="I will change seating.")
        response = client.get(course.url)
        body = response.content.decode()
        outline = response.context["outline"]
        assert [row.module.pk for row in outline.awaiting_review] == [first.pk]
        assert outline.resume.pk == second.pk  # nothing left to do in the module that waits
        assert "Your reflection in “Reflect” is waiting for a trainer's review." in body
        assert "Waiting for a trainer's review" in body  # in the module list
        assert body.count("Not done yet") == 1  # only the second module

    def test_the_module_says_it_waits_instead_of_asking_for_work(
        self, client: Client, tutor: Any
    ) -> None:
        course, first, _second = reflection_course()
        services.enrolment_create(actor=tutor, person=tutor, course=course)
        services.reflection_submit(person=tutor, module=first, text="I will change seating.")
        client.force_login(tutor)
        body = client.get(first.url).content.decode()
        assert "waiting for a trainer's review; the module is completed" in body
        assert "A trainer completes this module when they accept" not in body
        assert "You will get an e-mail when a trainer has reviewed it." in body

    def test_the_wait_is_told_from_recent_reviews(self, client: Client, tutor: Any) -> None:
        course, first, _second = reflection_course()
        trainer = UserFactory()
        grant(trainer, Role.TRAINER)
        for index in range(3):
            learner = UserFactory()
            grant(learner, Role.TUTOR, school=SchoolFactory())
            services.enrolment_create(actor=learner, person=learner, course=course)
            reflection = services.reflection_submit(
                person=learner, module=first, text="I will change seating."
            )
            reflection = services.reflection_review(
                actor=trainer, reflection=reflection, accept=True
            )
            # reviewed 1, 3 and 4 days (minus an hour) after it was sent: the median is 3 days
            assert reflection.reviewed_at is not None
            Reflection.objects.filter(pk=reflection.pk).update(
                submitted_at=reflection.reviewed_at
                - datetime.timedelta(days=[1, 3, 4][index], hours=-1)
            )
        assert selectors_reviews.reflection_review_days(course=course) == 3

        services.enrolment_create(actor=tutor, person=tutor, course=course)
        services.reflection_submit(person=tutor, module=first, text="I will change seating.")
        client.force_login(tutor)
        body = client.get(course.url).content.decode()
        assert "Trainers have recently taken about 3 days to review a reflection." in body

    def test_no_history_means_no_invented_figure(self) -> None:
        course, _first, _second = reflection_course()
        assert selectors_reviews.reflection_review_days(course=course) is None

    def test_a_returned_reflection_asks_for_work_again(self, client: Client, tutor: Any) -> None:
        course, first, _second = reflection_course()
        services.enrolment_create(actor=tutor, person=tutor, course=course)
        reflection = services.reflection_submit(
            person=tutor, module=first, text="I will change seating."
        )
        trainer = UserFactory()
        grant(trainer, Role.TRAINER)
        services.reflection_review(
            actor=trainer, reflection=reflection, accept=False, comment="Say more."
        )
        client.force_login(tutor)
        response = client.get(course.url)
        assert response.context["outline"].awaiting_review == []
        assert response.context["outline"].resume.pk == first.pk


class TestComingBackAndLeaving:
    def test_enrolling_again_says_welcome_back_and_resumes(
        self, client: Client, tutor: Any
    ) -> None:
        course = course_page("Coming back", modules=3, language="en")
        modules = list(ModulePage.objects.child_of(course).order_by("path"))
        enrolment = services.enrolment_create(actor=tutor, person=tutor, course=course)
        services.module_mark_done(person=tutor, module=modules[0])
        services.enrolment_leave(actor=tutor, enrolment=enrolment)
        client.force_login(tutor)
        response = client.post(reverse("course_enrol", args=[course.pk]), follow=True)
        body = response.content.decode()
        assert "Welcome back. You continue where you stopped." in body
        assert "Start with the first module" not in body
        assert "Start the first module" not in body
        assert response.context["outline"].resume.pk == modules[1].pk

    def test_a_first_enrolment_still_starts_at_the_first_module(
        self, client: Client, tutor: Any
    ) -> None:
        course = course_page("New course", modules=2, language="en")
        client.force_login(tutor)
        body = client.post(reverse("course_enrol", args=[course.pk]), follow=True)
        assert "Start with the first module" in body.content.decode()
        assert "Welcome back" not in body.content.decode()

    def test_leaving_asks_for_confirmation_first(self, client: Client, tutor: Any) -> None:
        course = course_page("Optional course", modules=1, language="en")
        enrolment = services.enrolment_create(actor=tutor, person=tutor, course=course)
        client.force_login(tutor)
        page = client.get(course.url).content.decode()
        leave_url = reverse("course_leave", args=[course.pk])
        assert f'href="{leave_url}"' in page  # a link to the question, not a one-click form
        response = client.get(leave_url)
        body = response.content.decode()
        assert response.status_code == 200
        assert "Leave “Optional course”?" in body
        assert "This course is required for your role." not in body
        enrolment.refresh_from_db()
        assert enrolment.status == Enrolment.Status.ACTIVE  # asking changes nothing

        client.post(leave_url)
        enrolment.refresh_from_db()
        assert enrolment.status == Enrolment.Status.LEFT

    def test_leaving_a_required_course_says_it_stays_required(
        self, client: Client, tutor: Any
    ) -> None:
        course = course_page(
            "Required course", modules=1, language="en", audiences=[("tutor", None, True)]
        )
        services.enrolment_create(actor=tutor, person=tutor, course=course)
        client.force_login(tutor)
        body = client.get(reverse("course_leave", args=[course.pk])).content.decode()
        assert "This course is required for your role." in body
        assert "It stays required if you leave it" in body

    def test_only_an_enrolled_person_is_asked(self, client: Client, tutor: Any) -> None:
        course = course_page("Not mine", modules=1, language="en")
        client.force_login(tutor)
        assert client.get(reverse("course_leave", args=[course.pk])).status_code == 404


class TestRoundedProgress:
    def test_eight_of_twelve_reads_67_percent_on_the_page_and_in_the_export(
        self, client: Client, tutor: Any
    ) -> None:
        course = course_page("Twelve modules", modules=12, language="en")
        modules = list(ModulePage.objects.child_of(course).order_by("path"))
        enrolment = services.enrolment_create(actor=tutor, person=tutor, course=course)
        for module in modules[:8]:
            services.module_mark_done(person=tutor, module=module)
        enrolment.refresh_from_db()
        assert enrolment.percent == 67

        client.force_login(tutor)
        assert "8 of 12 required modules · 67%" in client.get(course.url).content.decode()

        trainer = UserFactory()
        grant(trainer, Role.TRAINER)
        client.force_login(trainer)
        response = client.get(reverse("course_report", args=[course.pk]), {"export": "csv"})
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        column = rows[0].index("Progress (%)")
        assert rows[1][column] == "67"

    def test_a_check_is_passed_on_the_exact_share_not_the_rounded_one(self, tutor: Any) -> None:
        from tests.factories.courses import check_value

        course = course_page("Three questions", modules=0, language="en")
        questions = [
            (f"Question {n}", "single", [("Right", True), ("Wrong", False)]) for n in range(3)
        ]
        module = module_page(
            course,
            "Check",
            completion=ModulePage.Completion.KNOWLEDGE_CHECK,
            body=[
                {
                    "type": "knowledge_check",
                    "value": check_value(questions, pass_mark=67),
                    "id": "b1a2c3d4-0000-4000-8000-000000000001",
                }
            ],
        )
        services.enrolment_create(actor=tutor, person=tutor, course=course)
        parsed = services.check_questions(module.knowledge_check.value)
        answers = {
            q["id"]: sorted(q["correct"]) if index < 2 else sorted(q["options"] - q["correct"])
            for index, q in enumerate(parsed)
        }
        attempt = services.knowledge_check_submit(
            person=tutor, module=module, answers=answers, attempt_number=1
        )
        assert attempt.score == 67  # two of three, as shown
        assert not attempt.passed  # 66.7% does not reach a pass mark of 67%
