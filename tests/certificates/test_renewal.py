"""Recertification: a renewal rule, the window that opens before expiry (enrolment in the
path, once, also after a broker outage), the reminders, the renewed certificate's dates,
and the renewals that stop applying (revoked certificate, person left)."""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

import pytest
from django.core import mail
from kombu.exceptions import OperationalError as KombuOperationalError
from wagtail.models import ModelLogEntry

from certificates import renewal, services, tasks
from certificates.models import (
    Certificate,
    Renewal,
    RenewalNotice,
    RenewalPath,
    RenewalRule,
    today_in_almaty,
)
from courses.models import CoursePage, Enrolment
from lms.celery import app
from people.models import RoleMembership
from tests.factories.certificates import complete, publish_template
from tests.factories.courses import course_page

from .conftest import World


def make_rule(course: CoursePage, courses: list[CoursePage], **fields: Any) -> RenewalRule:
    rule = RenewalRule.objects.create(course=course, **fields)
    rule.path_courses.set(courses)
    return rule


@pytest.fixture
def refresher(world: World) -> CoursePage:
    return course_page("Autism support: refresher", modules=1, audiences=[("tutor", None, False)])


@pytest.fixture
def certified(world: World, finish: Any) -> Certificate:
    """The tutor's certificate of the course, valid for five years."""
    publish_template(validity_years=5, courses=[world.course])
    finish(world.tutor, world.course)
    mail.outbox.clear()
    return Certificate.objects.get(person=world.tutor)


@pytest.fixture
def committed(django_capture_on_commit_callbacks: Any) -> Any:
    """Run a beat service and what it queues after commit (the e-mails)."""

    def run(service: Any, **kwargs: Any) -> Any:
        with django_capture_on_commit_callbacks(execute=True):
            return service(**kwargs)

    return run


def expire_in(certificate: Certificate, days: int) -> Certificate:
    Certificate.objects.filter(pk=certificate.pk).update(
        expires_on=today_in_almaty() + timedelta(days=days)
    )
    certificate.refresh_from_db()
    # A renewal already open keeps the date it was opened for, as the certificate did.
    Renewal.objects.filter(certificate=certificate).update(expires_on=certificate.expires_on)
    return certificate


# --- Rules ------------------------------------------------------------------------------------


def problems(world: World, courses: list[CoursePage], **fields: Any) -> list[tuple[Any, str]]:
    values = {"validity_years": 5, "window_months": 6, "path": RenewalPath.REFRESHER}
    values.update(fields)
    return renewal.rule_problems(course=world.course, path_courses=courses, **values)


def test_a_sound_rule_has_no_problems(world: World, refresher: CoursePage) -> None:
    assert problems(world, [refresher]) == []


def test_a_window_as_long_as_the_validity_is_refused(world: World, refresher: CoursePage) -> None:
    found = problems(world, [refresher], validity_years=1, window_months=12)
    assert [field for field, _message in found] == ["window_months"]
    assert "12 months" in found[0][1]
    assert "shorter window" in found[0][1]
    assert problems(world, [refresher], validity_years=1, window_months=11) == []


def test_an_unpublished_path_course_is_refused(world: World, refresher: CoursePage) -> None:
    refresher.unpublish()
    refresher.refresh_from_db()
    found = problems(world, [refresher])
    assert found == [
        (
            "path_courses",
            f"“{refresher.title}” is not published. Publish it or choose another course.",
        )
    ]


def test_the_renewed_course_itself_or_one_without_certificates_is_refused(
    world: World, refresher: CoursePage
) -> None:
    assert "is the course being renewed" in problems(world, [world.course])[0][1]
    CoursePage.objects.filter(pk=refresher.pk).update(awards_certificate=False)
    refresher.refresh_from_db()
    assert "does not award a certificate" in problems(world, [refresher])[0][1]


def test_a_path_needs_a_course_and_a_refresher_only_one(
    world: World, refresher: CoursePage
) -> None:
    other = course_page("Another refresher", modules=1, audiences=[])
    assert problems(world, [])[0][1] == "Choose the course that renews the certificate."
    assert "has one course" in problems(world, [refresher, other])[0][1]
    assert problems(world, [refresher, other], path=RenewalPath.ANY_OF) == []


def test_the_admin_form_shows_the_problems_and_saves_nothing(
    world: World, refresher: CoursePage, client: Any
) -> None:
    from django.urls import reverse

    from tests.factories import UserFactory

    admin = UserFactory(is_superuser=True, is_staff=True, preferred_language="en")
    client.force_login(admin)
    url = reverse("wagtailsnippets_certificates_renewalrule:add")
    data = {
        "course": world.course.pk,
        "validity_years": 1,
        "window_months": 12,
        "grace_months": 12,
        "path": RenewalPath.REFRESHER,
        "path_courses": [refresher.pk],
    }
    response = client.post(url, data, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "shorter window" in response.content.decode()
    assert not RenewalRule.objects.exists()
    response = client.post(url, {**data, "validity_years": 5})
    assert response.status_code == 302
    assert list(RenewalRule.objects.get().path_courses.all()) == [refresher]


def test_a_deleted_path_course_stops_the_rule_with_a_reason(
    world: World, refresher: CoursePage, certified: Certificate
) -> None:
    rule = make_rule(world.course, [refresher])
    rule.path_courses.clear()  # what deleting the page leaves behind
    assert renewal.rule_check(rule) == ["Choose the course that renews the certificate."]
    expire_in(certified, 30)
    assert renewal.renewals_open() == 0
    assert not Renewal.objects.exists()


# --- The window opens --------------------------------------------------------------------------


def test_the_window_edge_opens_the_renewal_once(
    world: World, refresher: CoursePage, certified: Certificate, committed: Any
) -> None:
    make_rule(world.course, [refresher], window_months=6)
    expiry = today_in_almaty() + timedelta(days=200)
    Certificate.objects.filter(pk=certified.pk).update(expires_on=expiry)
    opens = renewal.months_before(expiry, 6)
    assert renewal.renewals_open(today=opens - timedelta(days=1)) == 0
    assert committed(renewal.renewals_open, today=opens) == 1
    assert committed(renewal.renewals_open, today=opens) == 0
    assert tasks.renewals_open() == 0
    opened = Renewal.objects.get()
    assert opened.status == Renewal.Status.OPEN
    assert opened.opened_on == opens
    enrolment = Enrolment.objects.get(person=world.tutor, course=refresher)
    assert enrolment.source == Enrolment.Source.RULE
    assert opened.enrolment == enrolment
    assert ModelLogEntry.objects.filter(action="certificates.renewal.open").count() == 1
    # Told once, in Kazakh, the tutor's language.
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [world.tutor.email]
    assert RenewalNotice.objects.filter(renewal=opened, kind="opened").count() == 1


def test_the_notice_is_in_the_persons_language(
    world: World, refresher: CoursePage, certified: Certificate, committed: Any
) -> None:
    make_rule(world.course, [refresher])
    expire_in(certified, 100)
    committed(renewal.renewals_open)
    message = mail.outbox[0]
    assert "Autism support: refresher" in message.body
    assert message.body.startswith("Сәлеметсіз бе, Әйгерім")
    assert "курсы бойынша" in message.body


def test_nothing_opens_without_a_rule_or_for_someone_who_left(
    world: World, refresher: CoursePage, certified: Certificate
) -> None:
    expire_in(certified, 30)
    assert renewal.renewals_open() == 0
    make_rule(world.course, [refresher])
    RoleMembership.objects.filter(person=world.tutor).update(ended_on=today_in_almaty())
    assert renewal.renewals_open() == 0
    assert not Enrolment.objects.filter(course=refresher).exists()


def test_issued_inside_its_window_the_renewal_opens_after_commit(
    world: World, refresher: CoursePage, finish: Any
) -> None:
    publish_template(validity_years=1, courses=[world.course])
    make_rule(world.course, [refresher], validity_years=5, window_months=12)
    finish(world.tutor, world.course)
    assert Renewal.objects.filter(certificate__person=world.tutor).count() == 1
    assert Enrolment.objects.filter(person=world.tutor, course=refresher).exists()


def test_with_the_broker_down_beat_opens_the_renewal_later(
    world: World, refresher: CoursePage, monkeypatch: Any, django_capture_on_commit_callbacks: Any
) -> None:
    publish_template(validity_years=1, courses=[world.course])
    make_rule(world.course, [refresher], validity_years=5, window_months=12)
    sent: list[str] = []

    def down(name: str, *args: Any, **kwargs: Any) -> None:
        sent.append(name)
        raise KombuOperationalError("Redis is down")

    monkeypatch.setattr(app, "send_task", down)
    app.conf.task_always_eager = False
    try:
        with django_capture_on_commit_callbacks(execute=True):
            enrolment = complete(world.tutor, world.course)
    finally:
        app.conf.task_always_eager = True
    assert "certificates.certificate_issue" in sent
    assert not Renewal.objects.exists()
    # What beat does: the missing certificate, then the window it opened.
    services.certificates_reconcile()
    assert Certificate.objects.filter(enrolment=enrolment).count() == 1
    assert tasks.renewals_open() == 1
    assert tasks.renewals_open() == 0
    assert Enrolment.objects.filter(person=world.tutor, course=refresher).count() == 1


# --- Reminders ---------------------------------------------------------------------------------


def test_reminders_come_closer_to_expiry_each_once(
    world: World, refresher: CoursePage, certified: Certificate, committed: Any
) -> None:
    make_rule(world.course, [refresher])
    expiry = today_in_almaty() + timedelta(days=150)
    Certificate.objects.filter(pk=certified.pk).update(expires_on=expiry)
    renewal.renewals_open()
    mail.outbox.clear()
    assert committed(renewal.renewals_follow_up, today=expiry - timedelta(days=91)) == 0
    assert committed(renewal.renewals_follow_up, today=expiry - timedelta(days=90)) == 1
    assert committed(renewal.renewals_follow_up, today=expiry - timedelta(days=60)) == 0
    assert committed(renewal.renewals_follow_up, today=expiry - timedelta(days=30)) == 1
    assert committed(renewal.renewals_follow_up, today=expiry - timedelta(days=29)) == 0
    assert committed(renewal.renewals_follow_up, today=expiry - timedelta(days=3)) == 1
    assert committed(renewal.renewals_follow_up, today=expiry - timedelta(days=2)) == 0
    kinds = set(RenewalNotice.objects.values_list("kind", flat=True))
    assert kinds == {"opened", "d90", "d30", "d7"}
    assert len(mail.outbox) == 3
    # The older single reminder is not sent on top of the renewal's own.
    assert committed(services.renewal_reminders_send) == 0
    assert len(mail.outbox) == 3


# --- The renewed certificate --------------------------------------------------------------------


def test_renewed_in_the_window_counts_from_the_old_expiry(
    world: World, refresher: CoursePage, certified: Certificate, finish: Any
) -> None:
    make_rule(world.course, [refresher], validity_years=5)
    old = expire_in(certified, 40)
    renewal.renewals_open()
    finish(world.tutor, refresher)
    renewed = Certificate.objects.get(course=refresher)
    assert renewed.renews == old
    assert renewed.counts_for == world.course
    assert renewed.code != old.code
    assert renewed.expires_on == date(
        old.expires_on.year + 5, old.expires_on.month, old.expires_on.day
    )
    assert renewed.snapshot["renews"] == old.code
    old.refresh_from_db()
    assert old.status == Certificate.Status.VALID
    assert not old.is_expired
    assert Renewal.objects.get().status == Renewal.Status.RENEWED
    assert ModelLogEntry.objects.filter(action="certificates.renewal.renew").count() == 1
    # A renewed certificate is not opened for renewal again today.
    assert renewal.renewals_open() == 0


def test_a_reissued_renewal_stays_a_renewal(
    world: World, refresher: CoursePage, certified: Certificate, finish: Any
) -> None:
    make_rule(world.course, [refresher])
    old = expire_in(certified, 40)
    renewal.renewals_open()
    finish(world.tutor, refresher)
    renewed = Certificate.objects.get(renews=old)
    replacement = services.certificate_reissue(
        actor=world.manager, certificate=renewed, reason="Name corrected"
    )
    assert replacement.renews == old
    assert replacement.counts_for == world.course
    assert replacement.expires_on == renewed.expires_on
    renewed.refresh_from_db()
    assert renewed.status == Certificate.Status.SUPERSEDED
    assert renewed.renews is None
    assert Renewal.objects.get().renewed_certificate == replacement


def test_renewed_late_counts_from_the_completion_date(
    world: World, refresher: CoursePage, certified: Certificate, finish: Any
) -> None:
    make_rule(world.course, [refresher], validity_years=5, grace_months=12)
    old = expire_in(certified, 10)
    renewal.renewals_open()
    expire_in(old, -10)  # it expired while the person was on the refresher
    finish(world.tutor, refresher)
    renewed = Certificate.objects.get(course=refresher)
    assert renewed.renews_id == old.pk
    completed = renewed.completed_on
    assert renewed.expires_on == date(completed.year + 5, completed.month, completed.day)


def test_past_the_grace_period_the_refresher_renews_nothing(
    world: World, refresher: CoursePage, certified: Certificate, finish: Any
) -> None:
    make_rule(world.course, [refresher], grace_months=1)
    old = expire_in(certified, 10)
    renewal.renewals_open()
    expire_in(old, -40)
    assert renewal.renewals_follow_up() == 0
    assert Renewal.objects.get().status == Renewal.Status.CANCELLED
    finish(world.tutor, refresher)
    assert Certificate.objects.get(course=refresher).renews is None


def test_any_course_from_the_list_renews(
    world: World, refresher: CoursePage, certified: Certificate, finish: Any
) -> None:
    other = course_page("Inclusive classroom update", modules=1, audiences=[("tutor", None, False)])
    make_rule(world.course, [refresher, other], path=RenewalPath.ANY_OF)
    expire_in(certified, 40)
    renewal.renewals_open()
    assert Renewal.objects.get().enrolment.course == refresher  # enrolled in the first
    finish(world.tutor, other)
    assert Certificate.objects.get(course=other).renews == certified


def test_the_next_cycle_takes_the_next_course_on_the_list(
    world: World, refresher: CoursePage, certified: Certificate, finish: Any
) -> None:
    other = course_page("Inclusive classroom update", modules=1, audiences=[("tutor", None, False)])
    make_rule(world.course, [refresher, other], path=RenewalPath.ANY_OF)
    old = expire_in(certified, 40)
    renewal.renewals_open()
    finish(world.tutor, refresher)
    first = Certificate.objects.get(renews=old)
    # Five years on, the renewed certificate's own window opens.
    expire_in(first, 40)
    assert renewal.renewals_open() == 1
    second = Renewal.objects.get(certificate=first)
    assert second.enrolment.course == other  # the refresher was taken in the last cycle
    finish(world.tutor, other)
    assert Certificate.objects.get(renews=first).counts_for == world.course
    # With the whole list taken, a third renewal opens with nothing to enrol in, and says so.
    third_old = Certificate.objects.get(renews=first)
    expire_in(third_old, 40)
    assert renewal.renewals_open() == 1
    third = Renewal.objects.get(certificate=third_old)
    assert third.enrolment is None
    assert third.note == "every renewal course already completed"


# --- Renewals that stop applying -----------------------------------------------------------------


def test_revoked_during_the_window_nothing_is_renewed(
    world: World, refresher: CoursePage, certified: Certificate, finish: Any
) -> None:
    make_rule(world.course, [refresher])
    expire_in(certified, 40)
    renewal.renewals_open()
    services.certificate_revoke(
        actor=world.manager, certificate=certified, reason="Issued in error"
    )
    opened = Renewal.objects.get()
    assert opened.status == Renewal.Status.CANCELLED
    assert opened.note == "certificate revoked"
    entry = ModelLogEntry.objects.get(action="certificates.renewal.cancel")
    assert entry.user_id == world.manager.pk
    finish(world.tutor, refresher)
    assert Certificate.objects.get(course=refresher).renews is None
    assert renewal.renewals_open() == 0


def test_someone_who_left_mid_renewal_is_taken_off_it(
    world: World, refresher: CoursePage, certified: Certificate
) -> None:
    make_rule(world.course, [refresher])
    expire_in(certified, 40)
    renewal.renewals_open()
    RoleMembership.objects.filter(person=world.tutor).update(ended_on=today_in_almaty())
    mail.outbox.clear()
    assert renewal.renewals_follow_up() == 0
    assert Renewal.objects.get().note == "left the school"
    assert not mail.outbox
    assert ModelLogEntry.objects.filter(action="certificates.renewal.cancel").count() == 1
    # The enrolment stays: they may come back and go on.
    assert Enrolment.objects.filter(person=world.tutor, course=refresher).exists()


def test_beat_runs_the_renewals() -> None:
    from django.conf import settings

    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"certificates.renewals_open", "certificates.renewals_follow_up"} <= scheduled
