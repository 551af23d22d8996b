"""Enrolling in a course and leaving it."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from people import scoping
from people.models import User

from ..models import (
    Cohort,
    CoursePage,
    Enrolment,
)
from ..signals import announce_learning_event
from .basics import _announce_progress, audience_matches, canonical_course
from .progress import _recompute

# --- Enrolment -------------------------------------------------------------------------------


@transaction.atomic
def enrolment_create(
    *,
    actor: User,
    person: User,
    course: CoursePage,
    source: str = Enrolment.Source.SELF,
    cohort: Cohort | None = None,
) -> Enrolment:
    """Enrol ``person`` on ``course``. Repeat-safe: an existing enrolment is returned, and
    one the person had left becomes active again with its history intact.

    Self-enrolment needs the course to be open to one of the person's roles; an LTI
    enrolment (``Source.LTI``) is the person's own, opened by a platform registered in the
    admin that placed a link to the course, whatever their roles here. Enrolling someone
    else needs that person to be in the actor's scope and the actor to manage
    enrolment (a programme manager, an administrator, or the coordinator of their region).
    """
    course = canonical_course(course)
    if not course.live:
        raise ValidationError(_("This course is not published."))
    if source == Enrolment.Source.LTI and actor.pk != person.pk:
        raise PermissionDenied(_("You can only enrol yourself."))
    if source == Enrolment.Source.SELF:
        if actor.pk != person.pk:
            raise PermissionDenied(_("You can only enrol yourself."))
        is_open, _required = audience_matches(person, course.audiences.all())
        if not is_open:
            raise PermissionDenied(_("This course is not open to your roles."))
    elif source == Enrolment.Source.COHORT:
        _check_may_enrol_others(actor, person)

    enrolment, created = Enrolment.objects.select_for_update().get_or_create(
        person=person,
        course=course,
        defaults={"source": source, "cohort": cohort, "enrolled_by": actor},
    )
    if created:
        log(enrolment, "courses.enrolment.create", user=actor, data={"source": source})
        announce_learning_event("registered", enrolment=enrolment)
    elif enrolment.status == Enrolment.Status.LEFT:
        enrolment.status = Enrolment.Status.ACTIVE
        enrolment.left_at = None
        enrolment.save(update_fields=["status", "left_at"])
        log(enrolment, "courses.enrolment.rejoin", user=actor)
    else:
        return enrolment
    _recompute(enrolment, course)
    return enrolment


@transaction.atomic
def enrolment_retake(
    *,
    actor: User | None,
    person: User,
    course: CoursePage,
    source: str = Enrolment.Source.RULE,
    reason: str = "",
) -> Enrolment:
    """Start ``person`` on ``course`` afresh when they completed it (recertification by
    the same course): the completed enrolment is archived with everything recorded in it
    (completions, attempts, reflections, its certificate, which stays valid until its own
    end) and a new enrolment of the next learning cycle starts with no progress.

    Repeat-safe: the current enrolment is locked, and one that is not completed (the new
    cycle already started, or a first one in progress) is returned unchanged; a person not
    enrolled yet is simply enrolled. Audited (``courses.enrolment.retake``). No e-mail: the
    caller tells the person why.
    """
    course = canonical_course(course)
    if not course.live:
        raise ValidationError(_("This course is not published."))
    current = Enrolment.objects.select_for_update().filter(person=person, course=course).first()
    if current is None:
        return enrolment_create(actor=actor or person, person=person, course=course, source=source)
    if current.status != Enrolment.Status.COMPLETED:
        return current
    current.archived_at = timezone.now()
    current.save(update_fields=["archived_at"])
    fresh = Enrolment.objects.create(
        person=person,
        course=course,
        cycle=current.cycle + 1,
        source=source,
        enrolled_by=actor,
    )
    log(
        fresh,
        "courses.enrolment.retake",
        user=actor,
        data={"previous": current.pk, "cycle": fresh.cycle, "reason": reason},
    )
    announce_learning_event("registered", enrolment=fresh)
    _recompute(fresh, course)
    return fresh


def _check_may_enrol_others(actor: User, person: User) -> None:
    scope = scoping.scope_for(actor)
    if not (scope.is_national or scope.coordinated_region_ids):
        raise PermissionDenied(_("Your roles do not include enrolling other people."))
    if not scoping.can_see_person(actor, person):
        raise PermissionDenied(_("%(name)s is outside your region.") % {"name": person.full_name})


@transaction.atomic
def enrolment_leave(*, actor: User, enrolment: Enrolment) -> Enrolment:
    """Leave a course. Completions and attempts stay; enrolling again picks them up."""
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if actor.pk != enrolment.person_id and not scoping.scope_for(actor).is_national:
        raise PermissionDenied(_("You can only leave your own courses."))
    if enrolment.status == Enrolment.Status.COMPLETED:
        raise ValidationError(_("A completed course cannot be left."))
    if enrolment.status == Enrolment.Status.LEFT:
        return enrolment
    enrolment.status = Enrolment.Status.LEFT
    enrolment.left_at = timezone.now()
    enrolment.save(update_fields=["status", "left_at"])
    log(enrolment, "courses.enrolment.leave", user=actor)
    _announce_progress(enrolment.person_id)
    return enrolment
