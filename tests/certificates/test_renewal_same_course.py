"""Recertification by retaking the same course: the rule refuses path courses, the window
opens a new learning cycle (the completed one archived with its progress and certificate),
once, and completing the new cycle renews the certificate with the right dates while the
previous one stays valid."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from wagtail.models import ModelLogEntry

from certificates import renewal, renewal_states
from certificates.models import Certificate, Renewal, RenewalPath, RenewalRule, today_in_almaty
from courses import services as course_services
from courses.models import CoursePage, Enrolment, ModuleCompletion
from tests.factories.certificates import publish_template
from tests.factories.courses import course_page

from .conftest import World


@pytest.fixture
def certified(world: World, finish: Any) -> Certificate:
    """The tutor's certificate of the course, valid for five years."""
    publish_template(validity_years=5, courses=[world.course])
    finish(world.tutor, world.course)
    mail.outbox.clear()
    return Certificate.objects.get(person=world.tutor)


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Any) -> Any:
    def run(service: Any, **kwargs: Any) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return run


def same_rule(course: CoursePage, **fields: Any) -> RenewalRule:
    return RenewalRule.objects.create(course=course, path=RenewalPath.SAME, **fields)


def expire_in(certificate: Certificate, days: int) -> Certificate:
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_on=today_in_almaty() + timedelta(days=days)
    )
    certificate.refresh_from_db()
    Renewal.objects.filter(certificate=certificate).update(expires_on=certificate.expires_on)
    return certificate


# --- The rule -------------------------------------------------------------------------------------


def test_retaking_the_same_course_needs_no_path_course(world: World) -> None:
    other = course_page("A refresher", modules=1, audiences=[])
    values = {"course": world.course, "validity_years": 5, "window_months": 6}
    assert renewal.rule_problems(path=RenewalPath.SAME, path_courses=[], **values) == []
    found = renewal.rule_problems(path=RenewalPath.SAME, path_courses=[other], **values)
    assert found == [
        (
            "path_courses",
            "“Retake the same course” renews by the course being renewed: leave the renewal "
            "courses empty, or choose a refresher path.",
        )
    ]
    # A refresher path naming the renewed course points to the path that retakes it.
    found = renewal.rule_problems(path=RenewalPath.REFRESHER, path_courses=[world.course], **values)
    assert "choose “Retake the same course”" in found[0][1]


def test_the_admin_form_refuses_path_courses_for_the_same_course(world: World, client: Any) -> None:
    from django.urls import reverse

    from tests.factories import UserFactory

    other = course_page("A refresher", modules=1, audiences=[])
    admin = UserFactory(is_superuser=True, is_staff=True, preferred_language="en")
    client.force_login(admin)
    url = reverse("wagtailsnippets_certificates_renewalrule:add")
    data = {
        "course": world.course.pk,
        "validity_years": 5,
        "window_months": 6,
        "grace_months": 12,
        "path": RenewalPath.SAME,
        "path_courses": [other.pk],
    }
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "leave the renewal courses empty" in response.content.decode()
    assert not RenewalRule.objects.exists()
    del data["path_courses"]
    assert client.post(url, data).status_code == 302
    rule = RenewalRule.objects.get()
    assert rule.path == RenewalPath.SAME
    assert not rule.path_courses.exists()


# --- The window opens a new learning cycle --------------------------------------------------------


def test_the_window_starts_the_course_afresh_once(
    world: World, certified: Certificate, committed: Any
) -> None:
    same_rule(world.course)
    expire_in(certified, 40)
    first = Enrolment.objects.get(person=world.tutor, course=world.course)
    done_before = ModuleCompletion.objects.filter(enrolment=first).count()
    assert done_before > 0

    assert committed(renewal.renewals_open) == 1
    assert committed(renewal.renewals_open) == 0
    assert renewal.renewal_open(certificate=certified) is None

    # The completed cycle is kept, archived, with its progress and its certificate.
    first.refresh_from_db()
    assert first.archived_at is not None
    assert first.status == Enrolment.Status.COMPLETED
    assert ModuleCompletion.objects.filter(enrolment=first).count() == done_before
    certified.refresh_from_db()
    assert certified.enrolment_id == first.pk
    assert certified.status == Certificate.Status.VALID

    # One current enrolment, of the second cycle, with no progress.
    current = Enrolment.objects.get(person=world.tutor, course=world.course)
    assert current.pk != first.pk
    assert (current.cycle, current.status, current.percent) == (2, "active", 0)
    assert current.source == Enrolment.Source.RULE
    assert not ModuleCompletion.objects.filter(enrolment=current).exists()
    assert Enrolment.with_history.filter(person=world.tutor, course=world.course).count() == 2
    opened = Renewal.objects.get()
    assert opened.enrolment == current
    assert ModelLogEntry.objects.filter(action="courses.enrolment.retake").count() == 1
    assert ModelLogEntry.objects.filter(action="certificates.renewal.open").count() == 1
    assert len(mail.outbox) == 1
    # The person's page names the course to take again.
    [annotated] = renewal_states.annotate([certified])
    assert annotated.renewal_state == "due"
    assert annotated.renewal_path == world.course


def test_retaking_is_repeat_safe_and_refuses_an_unpublished_course(
    world: World, certified: Certificate
) -> None:
    tutor = world.tutor
    again = course_services.enrolment_retake(actor=None, person=tutor, course=world.course)
    assert course_services.enrolment_retake(actor=None, person=tutor, course=world.course) == again
    assert Enrolment.with_history.filter(person=tutor, course=world.course).count() == 2
    world.course.unpublish()
    unpublished = CoursePage.objects.get(pk=world.course.pk)
    with pytest.raises(ValidationError, match="not published"):
        course_services.enrolment_retake(actor=None, person=tutor, course=unpublished)


def test_an_unpublished_course_opens_no_renewal(world: World, certified: Certificate) -> None:
    same_rule(world.course)
    expire_in(certified, 40)
    world.course.unpublish()
    assert renewal.renewals_open() == 0
    assert not Renewal.objects.exists()
    assert Enrolment.with_history.filter(person=world.tutor).count() == 1


# --- Completing the new cycle renews --------------------------------------------------------------


def test_completing_the_new_cycle_renews_from_the_old_expiry(
    world: World, certified: Certificate, finish: Any
) -> None:
    same_rule(world.course, validity_years=5)
    old = expire_in(certified, 40)
    renewal.renewals_open()
    finish(world.tutor, world.course)

    renewed = Certificate.objects.get(renews=old)
    current = Enrolment.objects.get(person=world.tutor, course=world.course)
    assert renewed.enrolment == current
    assert current.cycle == 2
    assert renewed.course == world.course
    assert renewed.counts_for == world.course
    assert renewed.code != old.code
    assert renewed.expires_on == date(
        old.expires_on.year + 5, old.expires_on.month, old.expires_on.day
    )
    old.refresh_from_db()
    assert old.status == Certificate.Status.VALID
    assert not old.is_expired
    closed = Renewal.objects.get()
    assert (closed.status, closed.renewed_certificate) == (Renewal.Status.RENEWED, renewed)
    [annotated] = renewal_states.annotate([old])
    assert annotated.renewal_state == "renewed"
    # Nothing opens again until the renewed certificate's own window.
    assert renewal.renewals_open() == 0
    assert Enrolment.with_history.filter(person=world.tutor, course=world.course).count() == 2


def test_completing_late_counts_from_the_completion_date(
    world: World, certified: Certificate, finish: Any
) -> None:
    same_rule(world.course, validity_years=5, grace_months=12)
    old = expire_in(certified, 10)
    renewal.renewals_open()
    expire_in(old, -10)
    finish(world.tutor, world.course)
    renewed = Certificate.objects.get(renews=old)
    completed = renewed.completed_on
    assert renewed.expires_on == date(completed.year + 5, completed.month, completed.day)


def test_a_prerequisite_once_completed_stays_completed_while_retaking(
    world: World, certified: Certificate
) -> None:
    from courses.services import lock_reason

    follow_up = course_page(
        "Autism support: part two", modules=1, audiences=[("tutor", None, False)]
    )
    follow_up.prerequisites.add(world.course)
    enrolment = course_services.enrolment_create(
        actor=world.tutor, person=world.tutor, course=follow_up
    )
    same_rule(world.course)
    expire_in(certified, 40)
    renewal.renewals_open()
    module = follow_up.get_children().specific().first()
    assert lock_reason(enrolment, module, follow_up) == ""


# --- Observed practice again ----------------------------------------------------------------------


def observed(person_id: int, on: date | None, committed: Any) -> None:
    """Supervision reports a person's observed practice, as after a visit is submitted."""
    from people.signals import observed_practice_changed

    committed(
        observed_practice_changed.send,
        sender=None,
        person_id=person_id,
        observation_count=1 if on else 0,
        average_score=3.0 if on else None,
        scale_max=4,
        last_observed_on=on,
    )


def test_a_renewal_asking_for_practice_waits_for_an_observation_inside_the_window(
    world: World, certified: Certificate, finish: Any, committed: Any
) -> None:
    from django.template.loader import render_to_string
    from django.utils import translation

    from certificates import services

    same_rule(world.course, window_months=6, requires_observed_practice=True)
    old = expire_in(certified, 40)
    renewal.renewals_open()
    since = renewal.months_before(old.expires_on, 6)
    # Observed before the window opened: that was the previous cycle's practice.
    observed(world.tutor.pk, since - timedelta(days=1), committed)
    finish(world.tutor, world.course)

    current = Enrolment.objects.get(person=world.tutor, course=world.course)
    assert current.is_completed
    assert not Certificate.objects.filter(renews=old).exists()
    assert not Certificate.objects.filter(enrolment=current).exists()
    assert Renewal.objects.get().status == Renewal.Status.OPEN
    assert services.certificates_reconcile() == 0
    assert services.renewals_practice_issue() == 0

    # The person's page says what is missing.
    [shown] = renewal_states.annotate([old])
    assert shown.renewal_practice_since == since
    with translation.override("en"):
        html = render_to_string("certificates/includes/my_renewals.html", {"certificates": [shown]})
    assert "Renewing also needs observed practice" in html

    # Observed inside the window: the renewed certificate is issued, from the old expiry.
    observed(world.tutor.pk, today_in_almaty(), committed)
    renewed = Certificate.objects.get(renews=old)
    assert renewed.enrolment == current
    assert renewed.expires_on == date(
        old.expires_on.year + 5, old.expires_on.month, old.expires_on.day
    )
    assert Renewal.objects.get().status == Renewal.Status.RENEWED
    [shown] = renewal_states.annotate([old])
    assert shown.renewal_practice_since is None


def test_practice_recorded_while_the_task_was_lost_is_issued_by_beat(
    world: World, certified: Certificate, finish: Any
) -> None:
    from certificates import tasks

    refresher = course_page(
        "Autism support: refresher", modules=1, audiences=[("tutor", None, False)]
    )
    rule = RenewalRule.objects.create(course=world.course, requires_observed_practice=True)
    rule.path_courses.set([refresher])
    old = expire_in(certified, 40)
    renewal.renewals_open()
    finish(world.tutor, refresher)
    assert not Certificate.objects.filter(course=refresher).exists()
    # Recorded without the after-commit task (the broker was down).
    course_services.observed_practice_record(
        person_id=world.tutor.pk,
        observation_count=2,
        average_score=3.5,
        scale_max=4,
        last_observed_on=today_in_almaty(),
    )
    tasks.renewals_follow_up()
    renewed = Certificate.objects.get(course=refresher)
    assert renewed.renews == old
    tasks.renewals_follow_up()
    assert Certificate.objects.filter(course=refresher).count() == 1


def test_without_the_practice_flag_completion_alone_renews(
    world: World, certified: Certificate, finish: Any
) -> None:
    same_rule(world.course)
    old = expire_in(certified, 40)
    renewal.renewals_open()
    finish(world.tutor, world.course)
    assert Certificate.objects.filter(renews=old).exists()


def test_the_archived_cycle_stays_readable(world: World, certified: Certificate) -> None:
    from certificates import selectors
    from courses import privacy

    first = Enrolment.objects.get(person=world.tutor, course=world.course)
    same_rule(world.course)
    expire_in(certified, 40)
    renewal.renewals_open()
    # Its certificate page, by the enrolment, still opens; the personal data export has both.
    found = selectors.enrolment_certificate_for(user=world.tutor, public_id=first.public_id)
    assert found is not None
    assert found.certificate == certified
    cycles = sorted(e["learning_cycle"] for e in privacy.export(world.tutor)["enrolments"])
    assert cycles == [1, 2]
