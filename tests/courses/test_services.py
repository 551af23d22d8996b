"""Enrolment, completion and progress: the rules a learner's clicks go through."""

from __future__ import annotations

from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from courses import services, signals
from courses.models import (
    CoursePage,
    Enrolment,
    KnowledgeCheckAttempt,
    ModuleCompletion,
    ModulePage,
    Reflection,
)
from people import services as people_services
from people.roles import Role
from people.signals import observed_practice_changed
from tests.factories import RegionFactory, SchoolFactory, TrainingAreaFactory, UserFactory, grant
from tests.factories.courses import course_page, module_page

pytestmark = pytest.mark.django_db


@pytest.fixture
def tutor() -> Any:
    person = UserFactory(full_name="Tutor")
    grant(person, Role.TUTOR, school=SchoolFactory())
    return person


@pytest.fixture
def trainer() -> Any:
    person = UserFactory(full_name="Trainer")
    grant(person, Role.TRAINER)
    return person


def modules_of(course: CoursePage) -> list[ModulePage]:
    return list(ModulePage.objects.child_of(course).order_by("path"))


def enrol(person: Any, course: CoursePage) -> Enrolment:
    return services.enrolment_create(actor=person, person=person, course=course)


class TestEnrolment:
    def test_self_enrolment_in_a_course_open_to_the_role(self, tutor: Any) -> None:
        course = course_page(modules=2)
        enrolment = enrol(tutor, course)
        assert enrolment.status == Enrolment.Status.ACTIVE
        assert (enrolment.required_done, enrolment.required_total, enrolment.percent) == (0, 2, 0)

    def test_a_course_not_open_to_the_role_is_refused(self, tutor: Any) -> None:
        course = course_page(audiences=[("teacher", None, False)])
        with pytest.raises(PermissionDenied, match="not open to your roles"):
            enrol(tutor, course)
        assert not Enrolment.objects.exists()

    def test_an_audience_limited_to_one_area_admits_only_that_area(self) -> None:
        autism, motor = TrainingAreaFactory(code="autism"), TrainingAreaFactory(code="motor")
        course = course_page(audiences=[("tutor", autism, False)])
        in_area, elsewhere = UserFactory(), UserFactory()
        grant(in_area, Role.TUTOR, school=SchoolFactory(), training_area=autism)
        grant(elsewhere, Role.TUTOR, school=SchoolFactory(), training_area=motor)
        assert enrol(in_area, course).status == Enrolment.Status.ACTIVE
        with pytest.raises(PermissionDenied):
            enrol(elsewhere, course)

    def test_enrolling_twice_returns_the_same_enrolment(self, tutor: Any) -> None:
        course = course_page()
        assert enrol(tutor, course).pk == enrol(tutor, course).pk
        assert Enrolment.objects.count() == 1

    def test_leaving_keeps_history_and_enrolling_again_resumes(self, tutor: Any) -> None:
        course = course_page(modules=2)
        enrolment = enrol(tutor, course)
        services.module_mark_done(person=tutor, module=modules_of(course)[0])
        services.enrolment_leave(actor=tutor, enrolment=enrolment)
        with pytest.raises(PermissionDenied, match="Enrol in the course"):
            services.module_mark_done(person=tutor, module=modules_of(course)[1])
        again = enrol(tutor, course)
        assert again.pk == enrolment.pk
        assert again.status == Enrolment.Status.ACTIVE
        assert again.required_done == 1


class TestCompletion:
    def test_each_module_updates_the_stored_progress(self, tutor: Any) -> None:
        course = course_page(modules=4)
        enrolment = enrol(tutor, course)
        services.module_mark_done(person=tutor, module=modules_of(course)[0])
        enrolment.refresh_from_db()
        assert (enrolment.required_done, enrolment.percent) == (1, 25)
        assert enrolment.last_module_id == modules_of(course)[0].pk
        assert enrolment.last_activity_at is not None

    def test_completing_a_module_twice_changes_nothing(self, tutor: Any) -> None:
        course = course_page(modules=2)
        enrol(tutor, course)
        first = services.module_mark_done(person=tutor, module=modules_of(course)[0])
        second = services.module_mark_done(person=tutor, module=modules_of(course)[0])
        assert first.pk == second.pk
        assert ModuleCompletion.objects.count() == 1

    def test_the_last_required_module_completes_the_course_and_announces_it_after_commit(
        self, tutor: Any, django_capture_on_commit_callbacks: Any
    ) -> None:
        course = course_page(modules=2)
        module_page(course, "Further reading", required=False)
        enrol(tutor, course)
        announced: list[int] = []

        def listener(sender: Any, enrolment_id: int, **kwargs: Any) -> None:
            announced.append(enrolment_id)

        signals.course_completed.connect(listener)
        try:
            services.module_mark_done(person=tutor, module=modules_of(course)[0])
            with django_capture_on_commit_callbacks(execute=True):
                services.module_mark_done(person=tutor, module=modules_of(course)[1])
                assert announced == []  # not before commit
        finally:
            signals.course_completed.disconnect(listener)
        enrolment = Enrolment.objects.get()
        assert enrolment.status == Enrolment.Status.COMPLETED
        assert enrolment.percent == 100
        assert enrolment.completed_at is not None
        assert announced == [enrolment.pk]

    def test_a_module_of_another_course_is_refused(self, tutor: Any) -> None:
        course, other = course_page(modules=1), course_page("Other", modules=1)
        enrolment = enrol(tutor, course)
        with pytest.raises(ValidationError, match="not part of the course"):
            services.module_complete(
                enrolment=enrolment,
                module=modules_of(other)[0],
                how=ModuleCompletion.How.MARKED_DONE,
            )

    def test_not_enrolled_is_refused(self, tutor: Any) -> None:
        course = course_page(modules=1)
        with pytest.raises(PermissionDenied, match="Enrol in the course"):
            services.module_mark_done(person=tutor, module=modules_of(course)[0])
        assert not ModuleCompletion.objects.exists()

    def test_sequential_modules_open_in_order(self, tutor: Any) -> None:
        course = course_page(modules=3, sequential=True)
        enrol(tutor, course)
        with pytest.raises(services.ModuleLocked, match="modules before this one"):
            services.module_mark_done(person=tutor, module=modules_of(course)[1])
        services.module_mark_done(person=tutor, module=modules_of(course)[0])
        services.module_mark_done(person=tutor, module=modules_of(course)[1])
        assert ModuleCompletion.objects.count() == 2

    def test_prerequisite_courses_lock_every_module(self, tutor: Any) -> None:
        first = course_page("Foundations", modules=1)
        second = course_page("Advanced", modules=1)
        second.prerequisites.add(first)
        second.save_revision().publish()
        enrol(tutor, second)
        with pytest.raises(services.ModuleLocked, match="Foundations"):
            services.module_mark_done(person=tutor, module=modules_of(second)[0])
        enrol(tutor, first)
        services.module_mark_done(person=tutor, module=modules_of(first)[0])
        services.module_mark_done(person=tutor, module=modules_of(second)[0])
        assert Enrolment.objects.get(course=second).is_completed

    def test_the_final_knowledge_check_is_required_even_if_optional(self, tutor: Any) -> None:
        course = course_page(
            modules=1, completion_rule=CoursePage.CompletionRule.REQUIRED_AND_FINAL_CHECK
        )
        final = module_page(
            course, "Final check", completion=ModulePage.Completion.KNOWLEDGE_CHECK, required=False
        )
        enrol(tutor, course)
        services.module_mark_done(person=tutor, module=modules_of(course)[0])
        assert not Enrolment.objects.get().is_completed
        pass_check(tutor, final)
        assert Enrolment.objects.get().is_completed

    def test_changing_required_modules_recomputes_progress_but_not_completions(
        self, tutor: Any, django_capture_on_commit_callbacks: Any
    ) -> None:
        course = course_page(modules=2)
        other = UserFactory()
        grant(other, Role.TUTOR, school=SchoolFactory())
        enrol(tutor, course)
        enrol(other, course)
        first, second = modules_of(course)
        services.module_mark_done(person=tutor, module=first)
        services.module_mark_done(person=other, module=first)
        services.module_mark_done(person=other, module=second)  # other completes
        with django_capture_on_commit_callbacks(execute=True):
            extra = module_page(course, "New module")  # publishing queues the recompute
        assert extra.live
        tutor_enrolment = Enrolment.objects.get(person=tutor)
        assert (tutor_enrolment.required_done, tutor_enrolment.required_total) == (1, 3)
        assert tutor_enrolment.percent == 33
        assert Enrolment.objects.get(person=other).is_completed


def pass_check(person: Any, module: ModulePage, **kwargs: Any) -> KnowledgeCheckAttempt:
    questions = services.check_questions(module.knowledge_check.value)
    answers = {q["id"]: sorted(q["correct"]) for q in questions}
    number = KnowledgeCheckAttempt.objects.filter(module=module).count() + 1
    return services.knowledge_check_submit(
        person=person, module=module, answers=answers, attempt_number=number
    )


class TestKnowledgeCheck:
    @pytest.fixture
    def module(self, tutor: Any) -> ModulePage:
        course = course_page(modules=0)
        module = module_page(course, "Check", completion=ModulePage.Completion.KNOWLEDGE_CHECK)
        enrol(tutor, course)
        return module

    def answers(self, module: ModulePage, *, correct: bool = True) -> dict[str, list[str]]:
        questions = services.check_questions(module.knowledge_check.value)
        chosen = {}
        for question in questions:
            pool = question["correct"] if correct else question["options"] - question["correct"]
            chosen[question["id"]] = (
                sorted(pool)[:1] if question["kind"] == "single" or not correct else sorted(pool)
            )
        return chosen

    def test_passing_completes_the_module(self, tutor: Any, module: ModulePage) -> None:
        attempt = services.knowledge_check_submit(
            person=tutor, module=module, answers=self.answers(module), attempt_number=1
        )
        assert (attempt.score, attempt.passed) == (100, True)
        assert ModuleCompletion.objects.filter(module=module).exists()
        assert Enrolment.objects.get().is_completed

    def test_failing_records_the_attempt_without_completing(
        self, tutor: Any, module: ModulePage
    ) -> None:
        attempt = services.knowledge_check_submit(
            person=tutor,
            module=module,
            answers=self.answers(module, correct=False),
            attempt_number=1,
        )
        assert (attempt.score, attempt.passed) == (0, False)
        assert not ModuleCompletion.objects.exists()

    def test_a_repeated_submission_does_not_use_another_attempt(
        self, tutor: Any, module: ModulePage
    ) -> None:
        wrong = self.answers(module, correct=False)
        first = services.knowledge_check_submit(
            person=tutor, module=module, answers=wrong, attempt_number=1
        )
        again = services.knowledge_check_submit(
            person=tutor, module=module, answers=wrong, attempt_number=1
        )
        assert first.pk == again.pk
        assert KnowledgeCheckAttempt.objects.count() == 1

    def test_an_unknown_answer_id_is_refused_and_nothing_is_saved(
        self, tutor: Any, module: ModulePage
    ) -> None:
        tampered = self.answers(module)
        first_question = next(iter(tampered))
        tampered[first_question] = ["not-an-answer-id"]
        with pytest.raises(ValidationError, match="option that is not in this check"):
            services.knowledge_check_submit(
                person=tutor, module=module, answers=tampered, attempt_number=1
            )
        assert not KnowledgeCheckAttempt.objects.exists()

    def test_an_unknown_question_id_is_refused(self, tutor: Any, module: ModulePage) -> None:
        tampered = {**self.answers(module), "invented-question": ["x"]}
        with pytest.raises(ValidationError, match="question that is not in this check"):
            services.knowledge_check_submit(
                person=tutor, module=module, answers=tampered, attempt_number=1
            )

    def test_two_answers_to_a_single_choice_question_are_refused(
        self, tutor: Any, module: ModulePage
    ) -> None:
        questions = services.check_questions(module.knowledge_check.value)
        answers = self.answers(module)
        single = next(q for q in questions if q["kind"] == "single")
        answers[single["id"]] = sorted(single["options"])
        with pytest.raises(ValidationError, match="Choose one answer"):
            services.knowledge_check_submit(
                person=tutor, module=module, answers=answers, attempt_number=1
            )

    def test_every_question_needs_an_answer(self, tutor: Any, module: ModulePage) -> None:
        answers = self.answers(module)
        answers.pop(next(iter(answers)))
        with pytest.raises(ValidationError, match="Answer every question"):
            services.knowledge_check_submit(
                person=tutor, module=module, answers=answers, attempt_number=1
            )

    def test_attempts_run_out(self, tutor: Any, module: ModulePage) -> None:
        wrong = self.answers(module, correct=False)
        for number in (1, 2, 3):
            services.knowledge_check_submit(
                person=tutor, module=module, answers=wrong, attempt_number=number
            )
        with pytest.raises(ValidationError, match="used all your attempts"):
            services.knowledge_check_submit(
                person=tutor, module=module, answers=self.answers(module), attempt_number=4
            )
        assert not ModuleCompletion.objects.exists()


class TestReflections:
    @pytest.fixture
    def module(self, tutor: Any) -> ModulePage:
        course = course_page(modules=0)
        module = module_page(course, "Reflect", completion=ModulePage.Completion.REFLECTION)
        enrol(tutor, course)
        return module

    def test_over_the_length_limit_is_refused_and_nothing_is_saved(
        self, tutor: Any, module: ModulePage
    ) -> None:
        with pytest.raises(ValidationError, match="Shorten your reflection to 200"):
            services.reflection_submit(person=tutor, module=module, text="x" * 201)
        assert not Reflection.objects.exists()

    def test_a_trainer_accepts_and_the_module_completes(
        self, tutor: Any, trainer: Any, module: ModulePage, django_capture_on_commit_callbacks: Any
    ) -> None:
        reflection = services.reflection_submit(
            person=tutor, module=module, text="I will use pictures."
        )
        assert not ModuleCompletion.objects.exists()
        with django_capture_on_commit_callbacks(execute=True):
            services.reflection_review(actor=trainer, reflection=reflection, accept=True)
        assert ModuleCompletion.objects.filter(module=module).exists()
        assert Enrolment.objects.get().is_completed
        assert "accepted" in mail.outbox[0].subject

    def test_a_returned_reflection_needs_a_comment_and_can_be_resubmitted(
        self, tutor: Any, trainer: Any, module: ModulePage
    ) -> None:
        reflection = services.reflection_submit(
            person=tutor, module=module, text="I will use pictures."
        )
        with pytest.raises(ValidationError):
            services.reflection_review(actor=trainer, reflection=reflection, accept=False)
        services.reflection_review(
            actor=trainer, reflection=reflection, accept=False, comment="Add one example."
        )
        again = services.reflection_submit(
            person=tutor, module=module, text="I will use pictures, for example at lunch."
        )
        assert again.pk != reflection.pk
        assert Reflection.objects.filter(status=Reflection.Status.SUBMITTED).count() == 1

    def test_submitting_again_while_waiting_updates_the_same_reflection(
        self, tutor: Any, module: ModulePage
    ) -> None:
        first = services.reflection_submit(
            person=tutor, module=module, text="The first version, here."
        )
        second = services.reflection_submit(
            person=tutor, module=module, text="The second version, here."
        )
        assert first.pk == second.pk
        assert Reflection.objects.get().text == "The second version, here."

    def test_only_trainers_review(self, tutor: Any, module: ModulePage) -> None:
        reflection = services.reflection_submit(
            person=tutor, module=module, text="I will use pictures."
        )
        with pytest.raises(PermissionDenied):
            services.reflection_review(actor=tutor, reflection=reflection, accept=True)
        reflection.refresh_from_db()
        assert reflection.status == Reflection.Status.SUBMITTED


class TestRulesAndCohorts:
    def test_a_required_course_enrols_people_given_the_role_later(
        self, django_capture_on_commit_callbacks: Any
    ) -> None:
        area = TrainingAreaFactory(code="autism")
        course = course_page(audiences=[("tutor", area, True)])
        school = SchoolFactory()
        admin = UserFactory()
        grant(admin, Role.ADMINISTRATOR)
        with django_capture_on_commit_callbacks(execute=True):
            person = people_services.person_create(
                actor=admin,
                email="late@example.org",
                full_name="Late Comer",
                memberships=[
                    people_services.MembershipSpec(Role.TUTOR, school=school, training_area=area)
                ],
            )
        enrolment = Enrolment.objects.get(person=person)
        assert (enrolment.course_id, enrolment.source) == (course.pk, Enrolment.Source.RULE)

    def test_publishing_a_required_course_enrols_everyone_in_the_role(
        self, django_capture_on_commit_callbacks: Any
    ) -> None:
        teachers = [UserFactory() for _ in range(3)]
        for teacher in teachers:
            grant(teacher, Role.TEACHER, school=SchoolFactory())
        with django_capture_on_commit_callbacks(execute=True):
            course_page(audiences=[("teacher", None, True)])
        assert Enrolment.objects.filter(source=Enrolment.Source.RULE).count() == 3

    def test_cohort_by_school_within_the_coordinators_region(self) -> None:
        region = RegionFactory()
        school, elsewhere = SchoolFactory(region=region), SchoolFactory()
        coordinator = UserFactory()
        grant(coordinator, Role.REGIONAL_COORDINATOR, region=region)
        here = [UserFactory() for _ in range(2)]
        for person in here:
            grant(person, Role.TEACHER, school=school)
        course = course_page(audiences=[("teacher", None, False)])
        cohort, newly = services.cohort_enrol(
            actor=coordinator,
            course=course,
            name="Autumn",
            starts_on=timezone.localdate(),
            school=school,
        )
        assert newly == 2
        assert {e.person_id for e in cohort.enrolments.all()} == {p.pk for p in here}
        with pytest.raises(PermissionDenied):
            services.cohort_enrol(
                actor=coordinator,
                course=course,
                name="Elsewhere",
                starts_on=cohort.starts_on,
                school=elsewhere,
            )


class TestObservedPractice:
    def test_the_course_waits_for_observed_practice_then_completes(self, tutor: Any) -> None:
        course = course_page(modules=1, observed_practice_count=2, observed_practice_min_average=75)
        enrol(tutor, course)
        services.module_mark_done(person=tutor, module=modules_of(course)[0])
        enrolment = Enrolment.objects.get()
        assert enrolment.awaiting_observed_practice
        assert not enrolment.is_completed

        observed_practice_changed.send(
            sender=None, person_id=tutor.pk, observation_count=2, average_score=2.8, scale_max=4
        )  # 70%: not enough
        assert not Enrolment.objects.get().is_completed
        observed_practice_changed.send(
            sender=None, person_id=tutor.pk, observation_count=2, average_score=3.2, scale_max=4
        )  # 80%
        assert Enrolment.objects.get().is_completed
