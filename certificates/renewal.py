"""Every change in recertification: checking a renewal rule, opening a renewal when the
window opens (and enrolling the person in the path), the notices sent until expiry,
cancelling a renewal that no longer applies, and the renewed certificate's dates.

Each service runs in one transaction and is repeat-safe: a renewal is unique per
certificate and a notice unique per renewal and kind, so beat running twice, a task
delivered twice or one sent again after a broker outage changes nothing the second time.
E-mails go out after commit, in the person's language.
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.log_actions import log

from core.mail import send_templated_email
from courses.models import CoursePage, Enrolment, ObservedPractice
from courses.services import canonical_course, enrolment_create, enrolment_retake
from people.models import RoleMembership
from people.roles import LEARNER_ROLES

from . import pdf
from .models import (
    Certificate,
    Renewal,
    RenewalNotice,
    RenewalPath,
    RenewalRule,
    today_in_almaty,
)
from .renewal_dates import lapses_after as lapses_after
from .renewal_dates import months_after as months_after
from .renewal_dates import months_before as months_before
from .renewal_dates import renewed_expiry as renewed_expiry
from .renewal_dates import window_opens_on as window_opens_on
from .renewal_rules import counted_course, governed_certificates, rule_for
from .renewal_rules import rule_check as rule_check
from .renewal_rules import rule_problems as rule_problems

logger = logging.getLogger(__name__)

# Reminders before expiry, in days; each is sent once, the most urgent one reached.
REMINDER_DAYS = (90, 30, 7)


def _path_courses(rule: RenewalRule) -> list[CoursePage]:
    return [canonical_course(course) for course in rule.path_courses.order_by("pk")]


def _still_on_staff(person_id: int) -> bool:
    return (
        RoleMembership.objects.current()
        .filter(person_id=person_id, role__in=LEARNER_ROLES, person__is_active=True)
        .exists()
    )


# --- Notices -----------------------------------------------------------------------------------


def _notify(renewal: Renewal, kind: str) -> bool:
    """Send one notice of ``kind`` for ``renewal``, once. Returns whether it was sent."""
    person = renewal.person
    if not person.is_active:
        return False
    try:
        with transaction.atomic():
            RenewalNotice.objects.create(renewal=renewal, kind=kind)
    except IntegrityError:
        return False
    certificate = renewal.certificate
    language = person.preferred_language
    course = renewal.enrolment.course if renewal.enrolment else None
    with translation.override(language):
        url = course.localized.get_url() if course is not None else None
        link = settings.SITE_URL + (url or reverse("my_learning"))
    send_templated_email(
        "certificate_renewal_opened" if kind == "opened" else "certificate_renewal_due",
        to=person.email,
        language=language,
        context={
            "person": person,
            "certificate": certificate,
            "course_title": certificate.titles().get(language) or certificate.course_title,
            "path_title": course.localized.title if course is not None else "",
            "expires_text": pdf.long_date(renewal.expires_on, language),
            "days": (renewal.expires_on - today_in_almaty()).days,
            "link": link,
        },
    )
    return True


# --- Opening ----------------------------------------------------------------------------------


@transaction.atomic
def renewal_open(*, certificate: Certificate, today: date | None = None) -> Renewal | None:
    """Open the renewal of a valid certificate whose window has opened: enrol the person
    in the first course of the path and tell them, in their language.

    Repeat-safe: the certificate row is locked and a certificate has at most one renewal,
    so a second call returns ``None`` and enrols nobody. Nothing is opened for a
    certificate without a rule or an end date, already renewed, lapsed, for a person no
    longer on a school's staff, or when the rule's path cannot be used (logged).
    """
    today = today or today_in_almaty()
    certificate = (
        Certificate.objects.select_for_update(of=("self",))
        .select_related("person", "course", "counts_for")
        .get(pk=certificate.pk)
    )
    if (
        certificate.status != Certificate.Status.VALID
        or certificate.expires_on is None
        or certificate.person is None
        or Renewal.objects.filter(certificate=certificate).exists()
        or Certificate.objects.filter(renews=certificate).exists()
    ):
        return None
    rule = rule_for(certificate)
    if rule is None or today < window_opens_on(certificate.expires_on, rule):
        return None
    if today > lapses_after(certificate.expires_on, rule):
        return None
    person = certificate.person
    if not _still_on_staff(person.pk):
        return None
    problems = rule_check(rule)
    if problems:
        logger.warning("Renewal rule %s cannot be used: %s", rule.pk, " ".join(problems))
        return None
    if rule.path == RenewalPath.SAME:
        return _open_by_retaking(certificate=certificate, rule=rule, today=today)
    path = _path_courses(rule)
    renewal = Renewal.objects.create(
        certificate=certificate,
        rule=rule,
        person=person,
        opened_on=today,
        expires_on=certificate.expires_on,
    )
    # The first path course not completed yet: one already completed (a refresher taken
    # in the previous cycle) cannot be taken again, as a person takes a course once.
    taken = {e.course_id: e for e in Enrolment.objects.filter(person=person, course__in=path)}
    choice = next((c for c in path if c.pk not in taken or not taken[c.pk].is_completed), None)
    if choice is None:
        renewal.note = "every renewal course already completed"
        renewal.save(update_fields=["note"])
        log(renewal, "certificates.renewal.open", user=None, data={"code": certificate.code})
        logger.warning("Renewal %s has no course left to take", renewal.pk)
        return renewal
    enrolment = taken.get(choice.pk) or enrolment_create(
        actor=person, person=person, course=choice, source=Enrolment.Source.RULE
    )
    renewal.enrolment = enrolment
    renewal.save(update_fields=["enrolment"])
    log(
        renewal,
        "certificates.renewal.open",
        user=None,
        data={"code": certificate.code, "enrolment": enrolment.pk, "course": enrolment.course_id},
    )
    _notify(renewal, "opened")
    return renewal


def _open_by_retaking(
    *, certificate: Certificate, rule: RenewalRule, today: date
) -> Renewal | None:
    """Open a renewal by the same course: the person starts the course afresh in a new
    learning cycle (``enrolment_retake``); the completed cycle, its progress and this
    certificate stay as they are. The caller holds the certificate row lock."""
    course = canonical_course(counted_course(certificate))
    if not course.live or not course.awards_certificate:
        logger.warning(
            "Renewal rule %s cannot retake course %s: not published or awards no certificate",
            rule.pk,
            course.pk,
        )
        return None
    person = certificate.person
    if person is None or certificate.expires_on is None:  # refused by the caller
        return None
    renewal = Renewal.objects.create(
        certificate=certificate,
        rule=rule,
        person=person,
        opened_on=today,
        expires_on=certificate.expires_on,
    )
    enrolment = enrolment_retake(
        actor=None,
        person=person,
        course=course,
        source=Enrolment.Source.RULE,
        reason=f"renewal of {certificate.code}",
    )
    renewal.enrolment = enrolment
    renewal.save(update_fields=["enrolment"])
    log(
        renewal,
        "certificates.renewal.open",
        user=None,
        data={
            "code": certificate.code,
            "enrolment": enrolment.pk,
            "course": enrolment.course_id,
            "path": rule.path,
            "cycle": enrolment.cycle,
        },
    )
    _notify(renewal, "opened")
    return renewal


def renewals_open(*, today: date | None = None, limit: int = 1000) -> int:
    """Beat: open every renewal whose window has opened and that is not open yet (also
    those whose after-commit task was lost). Each in its own transaction. Returns how many
    were opened; ``limit`` at most, the rest on the next run."""
    today = today or today_in_almaty()
    rules = list(RenewalRule.objects.all())
    if not rules:
        return 0
    widest = max(rule.window_months for rule in rules)
    candidates = (
        governed_certificates()
        .filter(expires_on__lte=months_after(today, widest))
        .exclude(Exists(Renewal.objects.filter(certificate=OuterRef("pk"))))
        .exclude(Exists(Certificate.objects.filter(renews=OuterRef("pk"))))
        .order_by("expires_on", "pk")
        .values_list("pk", flat=True)[:limit]
    )
    return sum(
        renewal_open(certificate=Certificate(pk=pk), today=today) is not None
        for pk in list(candidates)
    )


# --- Following up -------------------------------------------------------------------------------


@transaction.atomic
def renewal_cancel(*, renewal: Renewal, note: str, actor: Any = None) -> bool:
    """Close an open renewal that no longer applies. The path enrolment stays (the person
    may go on learning); completing it then issues an ordinary certificate that renews
    nothing, so nothing is counted twice. Audited. Repeat-safe."""
    renewal = Renewal.objects.select_for_update().get(pk=renewal.pk)
    if renewal.status != Renewal.Status.OPEN:
        return False
    renewal.status = Renewal.Status.CANCELLED
    renewal.closed_at = timezone.now()
    renewal.note = note
    renewal.save(update_fields=["status", "closed_at", "note"])
    log(
        renewal,
        "certificates.renewal.cancel",
        user=actor,
        data={"code": renewal.certificate.code, "note": note},
    )
    return True


def certificate_revoked(*, certificate: Certificate, actor: Any) -> None:
    """A revoked certificate is not renewed: its open renewal is cancelled."""
    renewal = Renewal.objects.filter(certificate=certificate, status=Renewal.Status.OPEN).first()
    if renewal is not None:
        renewal_cancel(renewal=renewal, note="certificate revoked", actor=actor)


def renewals_follow_up(*, today: date | None = None) -> int:
    """Beat: cancel the open renewals of people who left every school and of certificates
    no longer valid, and send the reminder due for each other one (each once). Returns how
    many reminders were sent."""
    today = today or today_in_almaty()
    sent = 0
    open_renewals = Renewal.objects.filter(status=Renewal.Status.OPEN).select_related(
        "certificate", "person", "enrolment__course", "rule"
    )
    for renewal in open_renewals.iterator():
        if renewal.certificate.status != Certificate.Status.VALID:
            renewal_cancel(renewal=renewal, note="certificate no longer valid")
            continue
        if not _still_on_staff(renewal.person_id):
            renewal_cancel(renewal=renewal, note="left the school")
            continue
        if today > lapses_after(renewal.expires_on, renewal.rule):
            renewal_cancel(renewal=renewal, note="lapsed")
            continue
        left = (renewal.expires_on - today).days
        reached = [days for days in REMINDER_DAYS if 0 <= left <= days]
        if reached:
            with transaction.atomic():
                sent += _notify(renewal, f"d{min(reached)}")
    return sent


# --- The renewed certificate -------------------------------------------------------------------


def renewal_for_issue(*, enrolment: Enrolment, completed_on: date) -> Renewal | None:
    """The open renewal that completing ``enrolment`` closes: the person's, with the
    enrolment's course on its path, of a certificate still valid and not lapsed."""
    course = canonical_course(enrolment.course)
    by_path = Q(
        rule__in=RenewalRule.objects.filter(path_courses=course).exclude(path=RenewalPath.SAME)
    )
    # Retaking the same course renews only by the learning cycle the renewal opened.
    by_retake = Q(rule__path=RenewalPath.SAME, enrolment=enrolment)
    candidates = (
        Renewal.objects.select_for_update(of=("self",))
        .filter(by_path | by_retake)
        .filter(
            person_id=enrolment.person_id,
            status=Renewal.Status.OPEN,
            certificate__status=Certificate.Status.VALID,
        )
        .select_related("certificate__course", "certificate__counts_for", "rule")
        .order_by("expires_on", "pk")
    )
    for renewal in candidates:
        if completed_on <= lapses_after(renewal.expires_on, renewal.rule):
            return renewal
    return None


def practice_since(renewal: Renewal) -> date:
    """The first day an observation counts for a renewal that asks for observed practice
    again: the day its window opened by the rule."""
    return window_opens_on(renewal.expires_on, renewal.rule)


def practice_missing(renewal: Renewal) -> bool:
    """Whether the renewal's rule asks for observed practice again and the person has not
    been observed since the window opened (as supervision last reported)."""
    if not renewal.rule.requires_observed_practice:
        return False
    return not ObservedPractice.objects.filter(
        person_id=renewal.person_id,
        observation_count__gt=0,
        last_observed_on__gte=practice_since(renewal),
    ).exists()


def renewed_fields(*, certificate: Certificate, renewal: Renewal) -> None:
    """Make an unsaved certificate the renewal of ``renewal``'s certificate: its dates,
    what it counts for, and its link back."""
    old = renewal.certificate
    certificate.renews = old
    certificate.counts_for = counted_course(old)
    certificate.expires_on = renewed_expiry(
        old_expires_on=renewal.expires_on, completed_on=certificate.completed_on, rule=renewal.rule
    )
    certificate.snapshot["expires_on"] = certificate.expires_on.isoformat()
    certificate.snapshot["renews"] = old.code


def carry_over(*, old: Certificate, new: Certificate) -> None:
    """A reissued renewal stays a renewal: the replacement (unsaved) counts for the same
    course, keeps the renewed end date, and takes over the link to the certificate it
    renews, so that neither "trained" nor the verification page loses it."""
    if old.counts_for_id is None:
        return
    new.counts_for_id = old.counts_for_id
    new.expires_on = old.expires_on
    new.snapshot["expires_on"] = old.expires_on.isoformat() if old.expires_on else None
    if old.renews_id is not None:
        new.renews_id = old.renews_id
        new.snapshot["renews"] = old.snapshot.get("renews")
        Certificate.objects.filter(pk=old.pk).update(renews=None)


def carried_over(*, old: Certificate, new: Certificate) -> None:
    """After the replacement of a renewal is saved, its renewal points at it."""
    if new.renews_id is not None:
        Renewal.objects.filter(renewed_certificate=old).update(renewed_certificate=new)


def renewal_close(*, renewal: Renewal, certificate: Certificate) -> None:
    """Record the renewed certificate on its renewal, in the issuing transaction."""
    renewal.status = Renewal.Status.RENEWED
    renewal.renewed_certificate = certificate
    renewal.closed_at = timezone.now()
    renewal.save(update_fields=["status", "renewed_certificate", "closed_at"])
    log(
        renewal,
        "certificates.renewal.renew",
        user=None,
        data={"code": renewal.certificate.code, "renewed_by": certificate.code},
    )
