"""Course reviews under way, as the people who decide them or asked for them see them.

A review is a task state of the "Course review" task on a course page. Each reviewed page
(the course, then each module in course order) says whether it is new, changed or unchanged
since it was last published, with where to preview it and compare it with the live page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q
from django.urls import reverse
from wagtail.models import TaskState

from ..models import CoursePage, CourseReviewTask, ModulePage
from ..models.review import may_approve_own_work


@dataclass(frozen=True)
class ReviewedPage:
    page: Any
    is_course: bool
    change: str  # "new", "changed" or "unchanged"

    @property
    def preview_url(self) -> str:
        if self.change == "unchanged":
            return str(self.page.url or "")
        return reverse("wagtailadmin_pages:view_draft", args=(self.page.pk,))

    @property
    def compare_url(self) -> str:
        if self.change != "changed":
            return ""
        compare = "wagtailadmin_pages:revisions_compare"
        return reverse(compare, args=(self.page.pk, "live", "latest"))

    @property
    def edit_url(self) -> str:
        return reverse("wagtailadmin_pages:edit", args=(self.page.pk,))


@dataclass(frozen=True)
class CourseReview:
    task_state: TaskState
    course: CoursePage
    pages: list[ReviewedPage]
    may_decide: bool
    own_submission: bool

    @property
    def submitted_by(self) -> Any:
        return self.task_state.workflow_state.requested_by

    @property
    def submitted_at(self) -> Any:
        return self.task_state.workflow_state.created_at

    @property
    def changed_modules(self) -> int:
        return sum(1 for p in self.pages if not p.is_course and p.change != "unchanged")

    @property
    def url(self) -> str:
        return reverse("courses_admin:review", args=(self.task_state.pk,))


def _change(page: Any) -> str:
    if not page.live:
        return "new"
    return "changed" if page.has_unpublished_changes else "unchanged"


def _reviews(user: Any) -> Any:
    states = TaskState.objects.filter(
        status=TaskState.STATUS_IN_PROGRESS,
        task__in=CourseReviewTask.objects.all(),
        workflow_state__base_content_type__model="page",
    ).select_related("workflow_state__requested_by", "task")
    if user.is_superuser:
        return states
    reviewer_of = CourseReviewTask.objects.filter(groups__in=user.groups.all())
    return states.filter(Q(task__in=reviewer_of) | Q(workflow_state__requested_by=user))


def _review(task_state: TaskState, user: Any) -> CourseReview | None:
    course = task_state.workflow_state.content_object
    if course is None:
        return None
    course = course.specific
    if not isinstance(course, CoursePage):
        return None
    task = task_state.task.specific
    actions = {name for name, _label, _modal in task.get_actions(course, user)}
    own = task_state.workflow_state.requested_by_id == user.pk
    modules = ModulePage.objects.child_of(course).order_by("path")
    pages = [ReviewedPage(course, True, _change(course))]
    pages += [ReviewedPage(module, False, _change(module)) for module in modules]
    return CourseReview(
        task_state=task_state,
        course=course,
        pages=pages,
        may_decide="approve" in actions or "reject" in actions,
        own_submission=own and not may_approve_own_work(user),
    )


def course_reviews_for(user: Any) -> list[CourseReview]:
    """Reviews this person may decide (a lead trainer) or asked for, oldest first."""
    found = (_review(s, user) for s in _reviews(user).order_by("started_at"))
    return [review for review in found if review is not None]


def course_review_for(user: Any, task_state_id: int) -> CourseReview | None:
    """One review with each of its pages, or None when it is not this person's to see."""
    task_state = _reviews(user).filter(pk=task_state_id).first()
    return None if task_state is None else _review(task_state, user)
