"""Each learning event writes its xAPI statement into the outbox in the event's own
transaction, and every statement is valid xAPI 1.0.3 that names the person only by their
random ``public_id``."""

from __future__ import annotations

import json
import uuid
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.db import transaction

from certificates import services as certificate_services
from certificates.models import Certificate
from courses import services as course_services
from courses.models import CoursePage, Enrolment, ModulePage, Reflection
from people.models import User
from tests.certificates.conftest import World
from tests.factories.courses import course_page, module_page
from xapi import statements
from xapi.models import Statement

from .validator import statement_problems

REFLECTION = "I will plan each lesson with the child's routine in mind."


def checked_course() -> tuple[CoursePage, ModulePage, ModulePage]:
    course = course_page("Inclusive lessons", modules=0)
    check = module_page(course, "Check", completion=ModulePage.Completion.KNOWLEDGE_CHECK)
    reflection = module_page(course, "Reflect", completion=ModulePage.Completion.REFLECTION)
    return course, check, reflection


def answers(module: ModulePage, *, correct: bool) -> dict[str, list[str]]:
    chosen = {}
    for question in course_services.check_questions(module.knowledge_check.value):
        pool = question["correct"] if correct else question["options"] - question["correct"]
        chosen[question["id"]] = sorted(pool)[:1] if not correct else sorted(pool)
    return chosen


def run_course(world: World, capture: Any) -> Certificate:
    """Enrol, fail the check once, pass it, have the reflection accepted (which completes
    the course and issues its certificate after commit), then revoke the certificate."""
    course, check, reflection = checked_course()
    tutor = world.tutor
    course_services.enrolment_create(actor=tutor, person=tutor, course=course)
    course_services.knowledge_check_submit(
        person=tutor, module=check, answers=answers(check, correct=False), attempt_number=1
    )
    course_services.knowledge_check_submit(
        person=tutor, module=check, answers=answers(check, correct=True), attempt_number=2
    )
    course_services.reflection_submit(person=tutor, module=reflection, text=REFLECTION)
    with capture(execute=True):
        course_services.reflection_review(
            actor=world.trainer, reflection=Reflection.objects.get(), accept=True
        )
    certificate = Certificate.objects.get(person=tutor)
    return certificate_services.certificate_revoke(
        actor=world.manager, certificate=certificate, reason="Recorded in error"
    )


def kinds() -> list[str]:
    return list(Statement.objects.order_by("created_at").values_list("kind", flat=True))


def test_every_event_writes_one_valid_statement(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    certificate = run_course(world, django_capture_on_commit_callbacks)
    assert sorted(kinds()) == sorted(
        [
            "registered",
            "check_answered",
            "check_failed",
            "check_answered",
            "check_passed",
            "module_completed",
            "reflection_accepted",
            "module_completed",
            "course_completed",
            "certificate_issued",
            "certificate_revoked",
        ]
    )
    enrolment = Enrolment.objects.get(person=world.tutor)
    for row in Statement.objects.all():
        payload = row.payload
        assert statement_problems(payload) == [], (row.kind, statement_problems(payload))
        assert payload["id"] == str(row.id)
        assert row.person == world.tutor
        assert payload["version"] == "1.0.3"
        assert payload["actor"] == {
            "objectType": "Agent",
            "account": {"homePage": "http://testserver", "name": str(world.tutor.public_id)},
        }
        text = json.dumps(payload, ensure_ascii=False)
        assert world.tutor.email not in text
        assert "@" not in text
        assert world.tutor.full_name not in text
        assert payload["context"]["registration"] == statements.registration(enrolment)
        assert payload["context"]["platform"] == "Qamqor LMS"
    registration = uuid.UUID(statements.registration(enrolment))
    assert registration.version == 5
    assert str(registration) != str(enrolment.public_id)
    assert certificate.status == Certificate.Status.REVOKED


def by_kind(kind: str) -> list[dict[str, Any]]:
    return [row.payload for row in Statement.objects.filter(kind=kind)]


def test_each_statement_says_what_happened(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    certificate = run_course(world, django_capture_on_commit_callbacks)
    course = CoursePage.objects.get(title="Inclusive lessons")
    course_url = "http://testserver" + course.get_url()
    adl = "http://adlnet.gov/expapi/"

    [registered] = by_kind("registered")
    assert registered["verb"]["id"] == adl + "verbs/registered"
    assert registered["object"]["id"] == course_url
    assert registered["object"]["definition"] == {
        "name": {"kk": "Inclusive lessons"},
        "type": adl + "activities/course",
    }
    assert "result" not in registered
    assert registered["context"]["language"] == "kk"

    failed_answer, passed_answer = sorted(
        by_kind("check_answered"), key=lambda s: s["result"]["score"]["raw"]
    )
    assert failed_answer["verb"]["id"] == adl + "verbs/answered"
    assert failed_answer["object"]["definition"]["type"] == adl + "activities/assessment"
    assert failed_answer["context"]["contextActivities"]["parent"][0]["id"] == course_url
    assert failed_answer["result"] == {
        "score": {"scaled": 0, "raw": 0, "min": 0, "max": 2},
        "success": False,
        "completion": True,
    }
    assert passed_answer["result"]["score"] == {"scaled": 1, "raw": 2, "min": 0, "max": 2}
    assert passed_answer["result"]["success"] is True
    [passed] = by_kind("check_passed")
    assert passed["verb"]["id"] == adl + "verbs/passed"
    assert passed["result"] == passed_answer["result"]
    [failed] = by_kind("check_failed")
    assert failed["verb"]["id"] == adl + "verbs/failed"

    modules = by_kind("module_completed")
    assert {m["verb"]["id"] for m in modules} == {adl + "verbs/completed"}
    assert {m["object"]["definition"]["type"] for m in modules} == {adl + "activities/module"}
    assert {m["object"]["definition"]["name"]["kk"] for m in modules} == {"Check", "Reflect"}
    assert all(m["result"] == {"completion": True} for m in modules)

    [accepted] = by_kind("reflection_accepted")
    assert accepted["verb"]["id"] == "http://testserver/xapi/verbs/reflection-accepted"
    assert accepted["object"]["definition"]["name"] == {"kk": "Reflect"}

    [completed] = by_kind("course_completed")
    assert completed["object"]["id"] == course_url
    assert completed["result"] == {"completion": True}
    assert "contextActivities" not in completed["context"]

    [issued] = by_kind("certificate_issued")
    assert issued["verb"]["id"] == "http://id.tincanapi.com/verb/earned"
    assert issued["object"]["id"] == certificate.verify_url
    assert issued["object"]["definition"]["type"] == "http://testserver/xapi/activities/certificate"
    assert issued["context"]["contextActivities"]["parent"][0]["id"] == course_url
    [revoked] = by_kind("certificate_revoked")
    assert revoked["verb"]["id"] == "http://testserver/xapi/verbs/certificate-revoked"
    assert revoked["timestamp"] >= issued["timestamp"]


def test_the_row_is_written_before_commit_and_sending_waits_for_it(
    world: World, django_capture_on_commit_callbacks: Any
) -> None:
    course = course_page("One module", modules=1)
    with django_capture_on_commit_callbacks() as callbacks:
        course_services.enrolment_create(actor=world.tutor, person=world.tutor, course=course)
        assert kinds() == ["registered"]  # inside the transaction, before any commit
    assert callbacks, "sending is queued for after commit"
    assert Statement.objects.get().sent_at is None


def test_a_rolled_back_event_writes_nothing(world: World) -> None:
    course = course_page("One module", modules=1)

    def enrol_then_fail() -> None:
        with transaction.atomic():
            course_services.enrolment_create(actor=world.tutor, person=world.tutor, course=course)
            assert kinds() == ["registered"]
            raise RuntimeError("the request failed after enrolling")

    with pytest.raises(RuntimeError):
        enrol_then_fail()
    assert Enrolment.objects.count() == 0
    assert Statement.objects.count() == 0


def test_a_refused_event_writes_nothing(world: World) -> None:
    course, check, _reflection = checked_course()
    course_services.enrolment_create(actor=world.tutor, person=world.tutor, course=course)
    with pytest.raises(ValidationError):
        course_services.knowledge_check_submit(
            person=world.tutor, module=check, answers={}, attempt_number=1
        )
    assert kinds() == ["registered"]


def test_repeating_an_event_writes_no_second_statement(world: World) -> None:
    course = course_page("One module", modules=1)
    tutor: User = world.tutor
    course_services.enrolment_create(actor=tutor, person=tutor, course=course)
    course_services.enrolment_create(actor=tutor, person=tutor, course=course)
    [module] = ModulePage.objects.child_of(course)
    course_services.module_mark_done(person=tutor, module=module)
    course_services.module_mark_done(person=tutor, module=module)
    assert sorted(kinds()) == ["course_completed", "module_completed", "registered"]


def test_without_an_lrs_nothing_is_recorded(
    world: World, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.LRS_URL = ""
    certificate = run_course(world, django_capture_on_commit_callbacks)
    assert certificate.status == Certificate.Status.REVOKED  # every event happened
    assert Statement.objects.count() == 0


class Rollback(Exception):
    pass


def rolled_back(action: Any) -> list[str]:
    """Run ``action`` in a transaction that is then rolled back. Returns the kinds of the
    statements it wrote inside that transaction; asserts that none of them outlived it."""
    before = set(Statement.objects.values_list("pk", flat=True))
    written: list[str] = []
    try:
        with transaction.atomic():
            action()
            written = list(
                Statement.objects.exclude(pk__in=before)
                .order_by("created_at")
                .values_list("kind", flat=True)
            )
            raise Rollback
    except Rollback:
        pass
    assert set(Statement.objects.values_list("pk", flat=True)) == before
    return sorted(written)


def test_each_event_writes_its_statements_in_its_own_transaction(world: World) -> None:
    """Every event, rolled back, leaves no statement; done for real, it leaves them."""
    course, check, reflection = checked_course()
    tutor = world.tutor

    def enrol() -> None:
        course_services.enrolment_create(actor=tutor, person=tutor, course=course)

    def fail_check() -> None:
        course_services.knowledge_check_submit(
            person=tutor, module=check, answers=answers(check, correct=False), attempt_number=1
        )

    def pass_check() -> None:
        course_services.knowledge_check_submit(
            person=tutor, module=check, answers=answers(check, correct=True), attempt_number=2
        )

    def accept() -> None:
        course_services.reflection_review(
            actor=world.trainer, reflection=Reflection.objects.get(), accept=True
        )

    def issue() -> None:
        certificate_services.certificate_issue(enrolment=Enrolment.objects.get(person=tutor))

    def revoke() -> None:
        certificate_services.certificate_revoke(
            actor=world.manager, certificate=Certificate.objects.get(), reason="In error"
        )

    steps = [
        (enrol, ["registered"]),
        (fail_check, ["check_answered", "check_failed"]),
        (pass_check, ["check_answered", "check_passed", "module_completed"]),
        (accept, ["course_completed", "module_completed", "reflection_accepted"]),
        (issue, ["certificate_issued"]),
        (revoke, ["certificate_revoked"]),
    ]
    for step, expected in steps:
        assert rolled_back(step) == expected, step
        count = Statement.objects.count()
        step()
        assert Statement.objects.count() == count + len(expected)
        if step is pass_check:
            course_services.reflection_submit(person=tutor, module=reflection, text=REFLECTION)
    assert Certificate.objects.get().status == Certificate.Status.REVOKED
