"""Approving a course review: the course and its changed modules go live together."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _

from ..models.review import may_approve_own_work


def changed_modules(course: Any) -> list[Any]:
    """The course's module pages with changes not yet published (new ones included)."""
    from ..models import ModulePage

    return list(
        ModulePage.objects.child_of(course).filter(has_unpublished_changes=True).order_by("path")
    )


@transaction.atomic
def approve_course_review(task_state: Any, user: Any, **kwargs: Any) -> None:
    """Approve the task; the course's changed modules are published with the course."""
    workflow_state = task_state.workflow_state
    if workflow_state.requested_by_id == user.pk and not may_approve_own_work(user):
        raise PermissionDenied(_("You submitted this course, so another lead trainer approves it."))
    course = workflow_state.content_object.specific
    modules = changed_modules(course)
    task_state.approve(user=user, **kwargs)
    for module in modules:
        revision = module.get_latest_revision()
        if revision is not None:
            revision.publish(user=user, changed=False)
