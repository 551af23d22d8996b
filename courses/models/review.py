"""The "Course review" task: a lead trainer reviews a course with its changed modules once.

Separation of duties: the person who submitted cannot approve (unless the installation lets
a superuser do so with ``LMS_SUPERUSER_SELF_APPROVAL``). Approval publishes the course and
its modules with unpublished changes together, through ``courses.services.review``.

A module is never reviewed on its own: seen from a module, the workflow is
``CourseReviewOfModule``, whose start submits the module's course (or lets the module join
the course's review already under way), so a course has one review however its trainers
submit it.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask, Workflow, WorkflowState


def may_approve_own_work(user: Any) -> bool:
    return bool(user.is_superuser and getattr(settings, "LMS_SUPERUSER_SELF_APPROVAL", False))


def submitted_by(obj: Any, user: Any) -> bool:
    state = getattr(obj, "current_workflow_state", None)
    return state is not None and state.requested_by_id == user.pk


class CourseReviewTask(AbstractGroupApprovalTask):
    """A lead trainer approves or returns a course, with its changed modules, once."""

    def get_actions(self, obj: Any, user: Any) -> list[tuple[str, Any, bool]]:
        actions = super().get_actions(obj, user)
        if submitted_by(obj, user) and not may_approve_own_work(user):
            return [action for action in actions if action[0] != "approve"]
        return actions

    def on_action(self, task_state: Any, user: Any, action_name: str, **kwargs: Any) -> Any:
        from ..services.review import approve_course_review

        if action_name == "approve":
            approve_course_review(task_state, user, **kwargs)
            return None
        return super().on_action(task_state, user, action_name, **kwargs)

    @classmethod
    def get_description(cls) -> Any:
        return _(
            "A lead trainer who did not submit the course approves it with its changed modules"
        )

    class Meta:
        verbose_name = _("Course review task")
        verbose_name_plural = _("Course review tasks")


class CourseReviewOfModule(Workflow):
    """The course review as a module's editor meets it: "Submit" submits the course."""

    class Meta:
        proxy = True
        verbose_name = _("course review of a module")
        verbose_name_plural = _("course reviews of modules")

    @classmethod
    def of(cls, workflow: Workflow) -> CourseReviewOfModule:
        """The same workflow row, seen from a module (no query)."""
        names = [field.attname for field in Workflow._meta.concrete_fields]
        return cls.from_db(workflow._state.db, names, [getattr(workflow, n) for n in names])

    def start(self, obj: Any, user: Any) -> WorkflowState:
        from ..services.review import submit_module_with_course

        return submit_module_with_course(workflow=self, module=obj, user=user)

    def start_as_workflow(self, obj: Any, user: Any) -> WorkflowState:
        return super().start(obj, user)
