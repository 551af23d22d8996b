"""Background work for courses: rules, progress recomputation, reconciliation."""

from __future__ import annotations

from typing import Any

from celery import shared_task
from django.db import OperationalError

from people.models import User

from . import services

RETRY: dict[str, Any] = {
    "acks_late": True,
    "autoretry_for": (OperationalError,),
    "retry_backoff": True,
    "max_retries": 5,
}


@shared_task(name="courses.enrolment_rules_apply", **RETRY)
def enrolment_rules_apply(person_id: int) -> int:
    person = User.objects.filter(pk=person_id).first()
    if person is None:
        return 0
    return len(services.enrolment_rules_apply(person=person))


@shared_task(name="courses.course_refresh", **RETRY)
def course_refresh(course_id: int) -> int:
    return services.course_refresh(course_id=course_id)


@shared_task(name="courses.rules_reconcile", **RETRY)
def rules_reconcile() -> int:
    """Nightly: enrol anyone a required course should have but does not."""
    return services.rules_reconcile()
