"""What learners, trainers and managers see and do on the course pages."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from courses import services
from courses.models import CoursePage, Enrolment, KnowledgeCheckAttempt, ModulePage, Reflection
from people.roles import Role
from tests.factories import RegionFactory, SchoolFactory, UserFactory, activate_totp, grant
from tests.factories.courses import course_page, module_page

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _no_mfa(settings: Any) -> None:
    settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False


@pytest.fixture
def tutor() -> Any:
    person = UserFactory(full_name="Tutor One")
    grant(person, Role.TUTOR, school=SchoolFactory())
    return person


def modules_of(course: CoursePage) -> list[ModulePage]:
    return list(ModulePage.objects.child_of(course).order_by("path"))


def signed_in(client: Client, person: Any) -> Client:
    client.force_login(person)
    return client


class TestLearnerPages:
    def test_anonymous_visitors_are_asked_to_sign_in(self, client: Client) -> None:
        course = course_page()
        response = client.get(course.url)
        assert response.status_code == 302
        assert "/accounts/login/" in response["Location"]

    def test_catalogue_lists_courses_open_to_the_role(self, client: Client, tutor: Any) -> None:
        course_page("For tutors")
        course_page("For teachers", audiences=[("teacher", None, False)])
        body = signed_in(client, tutor).get("/kk/courses/").content.decode()
        assert "For tutors" in body
        assert "For teachers" not in body

    def test_enrol_from_the_course_page_then_resume(self, client: Client, tutor: Any) -> None:
        course = course_page(modules=3)
        client = signed_in(client, tutor)
        body = client.get(course.url).content.decode()
        assert "Enrol" in body or "Жазылу" in body
        response = client.post(reverse("course_enrol", args=[course.pk]))
        assert response.status_code == 302
        assert Enrolment.objects.filter(person=tutor, course=course).exists()
        page = client.get(course.url)
        assert page.context["outline"].resume.pk == modules_of(course)[0].pk

    def test_a_locked_module_explains_why(self, client: Client, tutor: Any) -> None:
        course = course_page(modules=2, sequential=True)
        services.enrolment_create(actor=tutor, person=tutor, course=course)
        response = signed_in(client, tutor).get(
            modules_of(course)[1].url, HTTP_ACCEPT_LANGUAGE="en"
        )
        body = response.content.decode()
        assert response.status_code == 200
        assert response.context["state"].locked
        assert "About Module 2" not in body  # the content stays closed

    def test_opening_a_viewed_module_completes_it(self, client: Client, tutor: Any) -> None:
        course = course_page(modules=0)
        module = module_page(course, "Read me", completion=ModulePage.Completion.VIEWED)
        services.enrolment_create(actor=tutor, person=tutor, course=course)
        signed_in(client, tutor).get(module.url)
        assert Enrolment.objects.get().is_completed

    def test_mark_done_moves_on_to_the_next_module(self, client: Client, tutor: Any) -> None:
        course = course_page(modules=2)
        services.enrolment_create(actor=tutor, person=tutor, course=course)
        first, second = modules_of(course)
        response = signed_in(client, tutor).post(reverse("module_done", args=[first.pk]))
        assert response["Location"] == second.url
        assert Enrolment.objects.get().required_done == 1

    def test_completing_a_module_of_a_course_not_taken_is_forbidden(
        self, client: Client, tutor: Any
    ) -> None:
        course = course_page(modules=1)
        response = signed_in(client, tutor).post(
            reverse("module_done", args=[modules_of(course)[0].pk])
        )
        assert response.status_code == 403
        assert not Enrolment.objects.exists()

    def test_tampered_knowledge_check_answers_get_a_clear_400(
        self, client: Client, tutor: Any
    ) -> None:
        course = course_page(modules=0)
        module = module_page(course, "Check", completion=ModulePage.Completion.KNOWLEDGE_CHECK)
        services.enrolment_create(actor=tutor, person=tutor, course=course)
        response = signed_in(client, tutor).post(
            reverse("module_check", args=[module.pk]),
            {"attempt": "1", "q-invented": "whatever"},
            HTTP_ACCEPT_LANGUAGE="en",
        )
        assert response.status_code == 400
        assert "not in this check" in response.content.decode()
        assert not KnowledgeCheckAttempt.objects.exists()

    def test_knowledge_check_feedback_after_an_attempt(self, client: Client, tutor: Any) -> None:
        course = course_page(modules=0)
        module = module_page(course, "Check", completion=ModulePage.Completion.KNOWLEDGE_CHECK)
        services.enrolment_create(actor=tutor, person=tutor, course=course)
        questions = services.check_questions(module.knowledge_check.value)
        data: dict[str, Any] = {"attempt": "1"}
        for question in questions:
            data[f"q-{question['id']}"] = sorted(question["options"] - question["correct"])[:1]
        client = signed_in(client, tutor)
        response = client.post(reverse("module_check", args=[module.pk]), data)
        assert response.status_code == 302
        body = client.get(module.url).content.decode()
        assert "Because Five" in body  # the feedback of the answer chosen
        assert "check-result--failed" in body

    def test_a_reflection_over_the_limit_keeps_the_text_and_saves_nothing(
        self, client: Client, tutor: Any
    ) -> None:
        course = course_page(modules=0)
        module = module_page(course, "Reflect", completion=ModulePage.Completion.REFLECTION)
        services.enrolment_create(actor=tutor, person=tutor, course=course)
        text = "Too long " * 40
        response = signed_in(client, tutor).post(
            reverse("module_reflection", args=[module.pk]), {"text": text}
        )
        body = response.content.decode()
        assert response.status_code == 400
        assert 'aria-invalid="true"' in body
        assert text.strip()[:50] in body
        assert not Reflection.objects.exists()

    def test_my_learning_groups_courses(self, client: Client, tutor: Any) -> None:
        done = course_page("Finished course", modules=1)
        going = course_page("Course in progress", modules=2)
        for course in (done, going):
            services.enrolment_create(actor=tutor, person=tutor, course=course)
        services.module_mark_done(person=tutor, module=modules_of(done)[0])
        response = signed_in(client, tutor).get(reverse("my_learning"))
        learning = response.context["learning"]
        assert [i.course.title for i in learning.completed] == ["Finished course"]
        assert [i.course.title for i in learning.in_progress] == ["Course in progress"]

    def test_reading_a_translation_completes_the_same_enrolment(
        self, client: Client, tutor: Any
    ) -> None:
        from wagtail.models import Locale

        course = course_page(modules=1)
        russian = course.copy_for_translation(
            Locale.objects.get(language_code="ru"), copy_parents=True
        )
        russian.save_revision().publish()
        module_ru = modules_of(course)[0].copy_for_translation(
            Locale.objects.get(language_code="ru")
        )
        module_ru.save_revision().publish()
        client = signed_in(client, tutor)
        client.post(reverse("course_enrol", args=[russian.pk]))
        client.post(reverse("module_done", args=[module_ru.pk]))
        enrolment = Enrolment.objects.get()
        assert enrolment.course_id == course.pk
        assert enrolment.is_completed
        assert "/ru/" in module_ru.url


class TestQueryCounts:
    def build(self, modules: int, learners: int) -> tuple[CoursePage, Any]:
        course = course_page(modules=modules)
        tutor = UserFactory()
        grant(tutor, Role.TUTOR, school=SchoolFactory())
        for _ in range(learners):
            other = UserFactory()
            grant(other, Role.TUTOR, school=SchoolFactory())
            services.enrolment_create(actor=other, person=other, course=course)
        services.enrolment_create(actor=tutor, person=tutor, course=course)
        services.module_mark_done(person=tutor, module=modules_of(course)[0])
        return course, tutor

    @pytest.mark.parametrize(("modules", "learners"), [(3, 2), (20, 30)])
    def test_learner_pages_stay_within_ten_queries(
        self, client: Client, django_assert_max_num_queries: Any, modules: int, learners: int
    ) -> None:
        course, tutor = self.build(modules, learners)
        client = signed_in(client, tutor)
        module = modules_of(course)[1]
        for url in (course.url, module.url, reverse("my_learning"), "/kk/courses/"):
            client.get(url)  # warm the per-process caches
            with django_assert_max_num_queries(10):
                assert client.get(url).status_code == 200


class TestTrainerPages:
    def test_report_is_scoped_and_exports_safely(self, client: Client) -> None:
        region = RegionFactory()
        here, there = SchoolFactory(region=region), SchoolFactory()
        course = course_page(modules=2)
        near = UserFactory(full_name="=HYPERLINK(1)")
        far = UserFactory(full_name="Far Away")
        grant(near, Role.TUTOR, school=here)
        grant(far, Role.TUTOR, school=there)
        for person in (near, far):
            services.enrolment_create(actor=person, person=person, course=course)
        services.module_mark_done(person=near, module=modules_of(course)[0])
        coordinator = UserFactory()
        grant(coordinator, Role.REGIONAL_COORDINATOR, region=region)
        client = signed_in(client, coordinator)

        body = client.get(reverse("course_report", args=[course.pk])).content.decode()
        assert "=HYPERLINK(1)" in body
        assert "Far Away" not in body

        response = client.get(reverse("course_report", args=[course.pk]), {"export": "csv"})
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert rows[1][0] == "'=HYPERLINK(1)"
        assert len(rows) == 2

        response = client.get(reverse("course_report", args=[course.pk]), {"export": "xlsx"})
        sheet = load_workbook(io.BytesIO(response.content)).active
        assert sheet["A2"].value == "'=HYPERLINK(1)"
        assert sheet["G2"].value == 50

    def test_learners_cannot_open_reports(self, client: Client, tutor: Any) -> None:
        assert signed_in(client, tutor).get(reverse("course_reports")).status_code == 403

    def test_trainer_accepts_a_reflection_from_the_queue(self, client: Client, tutor: Any) -> None:
        course = course_page(modules=0)
        module = module_page(course, "Reflect", completion=ModulePage.Completion.REFLECTION)
        services.enrolment_create(actor=tutor, person=tutor, course=course)
        reflection = services.reflection_submit(
            person=tutor, module=module, text="I will change seating."
        )
        trainer = UserFactory()
        grant(trainer, Role.TRAINER)
        activate_totp(trainer)
        client = signed_in(client, trainer)
        assert "I will change seating." in client.get(reverse("reflection_queue")).content.decode()
        response = client.post(
            reverse("reflection_review", args=[reflection.public_id]), {"decision": "accept"}
        )
        assert response.status_code == 302
        assert Enrolment.objects.get().is_completed

    def test_returning_without_a_comment_is_refused(self, client: Client, tutor: Any) -> None:
        course = course_page(modules=0)
        module = module_page(course, "Reflect", completion=ModulePage.Completion.REFLECTION)
        services.enrolment_create(actor=tutor, person=tutor, course=course)
        reflection = services.reflection_submit(
            person=tutor, module=module, text="I will change seating."
        )
        trainer = UserFactory()
        grant(trainer, Role.TRAINER)
        response = signed_in(client, trainer).post(
            reverse("reflection_review", args=[reflection.public_id]), {"decision": "return"}
        )
        assert response.status_code == 400
        reflection.refresh_from_db()
        assert reflection.status == Reflection.Status.SUBMITTED

    def test_manager_enrols_a_cohort_by_role(self, client: Client) -> None:
        course = course_page(audiences=[("teacher", None, False)])
        teachers = [UserFactory() for _ in range(3)]
        for teacher in teachers:
            grant(teacher, Role.TEACHER, school=SchoolFactory())
        manager = UserFactory()
        grant(manager, Role.PROGRAMME_MANAGER)
        response = signed_in(client, manager).post(
            reverse("cohort_enrol", args=[course.pk]),
            {"name": "Teachers, autumn", "starts_on": "2026-08-15", "role": "teacher"},
        )
        assert response.status_code == 302
        assert Enrolment.objects.filter(source=Enrolment.Source.COHORT).count() == 3


def reflection_module(course: CoursePage, title: str) -> ModulePage:
    """A reflection module that takes up to 2,000 characters."""
    prompt = {"prompt": "What will you change?", "guidance": "", "min_length": 20}
    return module_page(
        course,
        title,
        completion=ModulePage.Completion.REFLECTION,
        body=[{"type": "reflection", "value": {**prompt, "max_length": 2000}}],
    )


class TestReflectionQueue:
    """The trainer's queue: searched, filtered, ordered, counted and short."""

    @pytest.fixture
    def queue(self) -> dict[str, Any]:
        seating = course_page("Seating plans", modules=0)
        seating_module = reflection_module(seating, "Reflect on seating")
        routines = course_page("Daily routines", modules=0)
        routines_module = reflection_module(routines, "Reflect on routines")
        reflections = {}
        for name, school, module, text in (
            ("Aigerim Sadykova", "Aral school", seating_module, "Seating first: desks moved."),
            ("Bolat Nurlanov", "Taraz school", seating_module, "Seating second. " * 60),
            ("Dana Akhmetova", "Taraz school", routines_module, "Routines third: pictures."),
        ):
            person = UserFactory(full_name=name)
            grant(
                person,
                Role.TUTOR,
                school=SchoolFactory(name_en=school, name_ru=school, name_kk=school),
            )
            services.enrolment_create(actor=person, person=person, course=module.get_parent())
            reflections[name] = services.reflection_submit(person=person, module=module, text=text)
        trainer = UserFactory()
        grant(trainer, Role.TRAINER)
        return {"trainer": trainer, "seating": seating, "reflections": reflections}

    @staticmethod
    def names(body: str) -> list[str]:
        order = ("Aigerim Sadykova", "Bolat Nurlanov", "Dana Akhmetova")
        found = [(body.find(f">{name}</h2>"), name) for name in order]
        return [name for position, name in sorted(found) if position >= 0]

    def get(self, client: Client, trainer: Any, **params: Any) -> str:
        response = signed_in(client, trainer).get(reverse("reflection_queue"), params)
        assert response.status_code == 200
        return response.content.decode()

    def test_oldest_first_by_default_and_newest_first_on_request(
        self, client: Client, queue: dict[str, Any]
    ) -> None:
        body = self.get(client, queue["trainer"])
        assert self.names(body) == ["Aigerim Sadykova", "Bolat Nurlanov", "Dana Akhmetova"]
        assert "3 reflections are waiting for review" in body
        newest = self.get(client, queue["trainer"], order="newest")
        assert self.names(newest) == ["Dana Akhmetova", "Bolat Nurlanov", "Aigerim Sadykova"]

    @pytest.mark.parametrize(
        ("search", "expected"),
        [
            ("bolat", ["Bolat Nurlanov"]),
            ("taraz", ["Bolat Nurlanov", "Dana Akhmetova"]),
            ("routines", ["Dana Akhmetova"]),
            ("taraz seating", ["Bolat Nurlanov"]),
            ("nobody", []),
        ],
    )
    def test_search_by_person_school_course_and_module(
        self, client: Client, queue: dict[str, Any], search: str, expected: list[str]
    ) -> None:
        body = self.get(client, queue["trainer"], q=search)
        assert self.names(body) == expected
        assert f"{len(expected)} of 3 waiting reflections match" in body
        if not expected:
            assert "No waiting reflection matches" in body

    def test_course_filter_lists_each_course_with_its_count(
        self, client: Client, queue: dict[str, Any]
    ) -> None:
        body = self.get(client, queue["trainer"])
        assert "Seating plans (2)" in body
        assert "Daily routines (1)" in body
        filtered = self.get(client, queue["trainer"], course=queue["seating"].pk)
        assert self.names(filtered) == ["Aigerim Sadykova", "Bolat Nurlanov"]

    def test_a_bad_filter_shows_the_whole_queue_with_the_error(
        self, client: Client, queue: dict[str, Any]
    ) -> None:
        body = self.get(client, queue["trainer"], course="999999", order="sideways")
        assert len(self.names(body)) == 3
        assert "Select a valid choice" in body

    def test_long_reflections_are_folded_and_the_school_is_shown(
        self, client: Client, queue: dict[str, Any]
    ) -> None:
        body = self.get(client, queue["trainer"])
        assert body.count('<details class="reflection__more">') == 1
        assert "Read the whole reflection (120 words)" in body
        assert "Taraz school · Seating plans" in body

    def test_a_decision_returns_to_the_queue_as_it_was_left(
        self, client: Client, queue: dict[str, Any]
    ) -> None:
        reflection = queue["reflections"]["Dana Akhmetova"]
        response = signed_in(client, queue["trainer"]).post(
            reverse("reflection_review", args=[reflection.public_id]) + "?q=taraz&order=newest",
            {"decision": "accept"},
        )
        assert response.status_code == 302
        assert response["Location"] == reverse("reflection_queue") + "?q=taraz&order=newest"
        body = self.get(client, queue["trainer"], q="taraz")
        assert self.names(body) == ["Bolat Nurlanov"]

    def test_a_page_holds_ten(self, client: Client, queue: dict[str, Any]) -> None:
        module = queue["reflections"]["Aigerim Sadykova"].module
        for number in range(10):
            person = UserFactory(full_name=f"Extra {number}")
            grant(person, Role.TUTOR, school=SchoolFactory())
            services.enrolment_create(actor=person, person=person, course=queue["seating"])
            services.reflection_submit(person=person, module=module, text="More on seating plans.")
        body = self.get(client, queue["trainer"])
        assert body.count('class="panel reflection-review"') == 10
        assert "Page 1 of 2" in body
        assert "13 reflections are waiting for review" in body

    def test_learners_see_no_queue(self, client: Client, tutor: Any) -> None:
        assert signed_in(client, tutor).get(reverse("reflection_queue")).status_code == 403
