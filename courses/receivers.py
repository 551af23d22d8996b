"""How courses react to its neighbours: roles granted, observed practice reported, pages
published. Each receiver only queues a task or calls one service."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.tasks import send_task_after_commit
from people.signals import observed_practice_changed, roles_changed

from . import services
from .models import CoursePage, ModulePage


@receiver(roles_changed)
def enrol_by_new_roles(sender: Any, person_id: int, **kwargs: Any) -> None:
    send_task_after_commit("courses.enrolment_rules_apply", person_id)


@receiver(observed_practice_changed)
def record_observed_practice(
    sender: Any,
    person_id: int,
    observation_count: int,
    average_score: float | None,
    scale_max: float | None,
    **kwargs: Any,
) -> None:
    services.observed_practice_record(
        person_id=person_id,
        observation_count=observation_count,
        average_score=average_score,
        scale_max=scale_max,
    )


def _course_of(instance: Any) -> CoursePage | None:
    if isinstance(instance, CoursePage):
        return instance
    if isinstance(instance, ModulePage):
        parent = instance.get_parent()
        return parent.specific if parent is not None else None
    return None


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def refresh_course(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Publishing a course enrols whom it requires; changing its modules recomputes every
    enrolment's progress (in the background: a course may have thousands)."""
    course = _course_of(instance)
    if course is not None:
        send_task_after_commit("courses.course_refresh", course.pk)
