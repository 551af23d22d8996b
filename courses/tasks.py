"""Background work for courses: rules, progress recomputation, reconciliation."""

from __future__ import annotations

from core.tasks import reliable_task
from people.models import User

from . import services


@reliable_task("courses.enrolment_rules_apply")
def enrolment_rules_apply(person_id: int) -> int:
    person = User.objects.filter(pk=person_id).first()
    if person is None:
        return 0
    return len(services.enrolment_rules_apply(person=person))


@reliable_task("courses.course_refresh")
def course_refresh(course_id: int) -> int:
    return services.course_refresh(course_id=course_id)


@reliable_task("courses.rules_reconcile")
def rules_reconcile() -> int:
    """Nightly: enrol anyone a required course should have but does not."""
    return services.rules_reconcile()
