"""The course review: a module submitted joins its course's review, and approving the review
puts the course and its changed modules live together."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import WorkflowState

from ..models.review import may_approve_own_work


def changed_modules(course: Any) -> list[Any]:
    """The course's module pages with changes not yet published (new ones included)."""
    from ..models import ModulePage

    return list(
        ModulePage.objects.child_of(course).filter(has_unpublished_changes=True).order_by("path")
    )


@transaction.atomic
def submit_module_with_course(*, workflow: Any, module: Any, user: Any) -> WorkflowState:
    """A trainer submitted a module: its course is submitted, with every changed module.

    - the course already in review: the module joins that review (nothing restarts);
    - the course returned for changes: its review resumes, as resubmitting the course would;
    - otherwise the course's review starts, on a new revision of the course as it stands.

    The module gets no review of its own, so lead trainers see one review per course.
    """
    course = module.get_parent().specific
    state = course.current_workflow_state
    if state is None:
        draft = course.get_latest_revision_as_object()
        draft.save_revision(user=user, changed=False, clean=False)
        state = workflow.start_as_workflow(course, user)
    elif state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        state.resume(user)
    log(
        instance=course,
        action="courses.review.module_joined",
        data={"module": {"id": module.pk, "title": module.title}},
        user=user,
    )
    return state


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


@transaction.atomic
def course_review_decide(*, task_state: Any, user: Any, action: str, comment: str = "") -> None:
    """A lead trainer approves the course (and its changed modules) or returns it for changes.

    Refused with a message for anyone the task does not offer the action to (among them the
    person who submitted, for approval).
    """
    course = task_state.workflow_state.content_object.specific
    task = task_state.task.specific
    offered = {name for name, _label, _modal in task.get_actions(course, user)}
    if action not in offered:
        if action == "approve" and task_state.workflow_state.requested_by_id == user.pk:
            raise PermissionDenied(
                _("You submitted this course, so another lead trainer approves it.")
            )
        raise PermissionDenied(_("You cannot decide this course review."))
    task.on_action(task_state, user, action, comment=comment)
