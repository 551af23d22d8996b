"""The "Course review" task: a lead trainer reviews a course with its changed modules once.

Separation of duties: the person who submitted cannot approve (unless the installation lets
a superuser do so with ``LMS_SUPERUSER_SELF_APPROVAL``). Approval publishes the course and
its modules with unpublished changes together, through ``courses.services.review``.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.models import AbstractGroupApprovalTask


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
