"""How courses react to its neighbours: roles granted, observed practice reported, pages
published. Each receiver only queues a task or calls one service."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.signals import page_published, page_unpublished, post_page_move

from core.tasks import send_task_after_commit
from people.signals import observed_practice_changed, roles_changed

from . import outline, services
from .models import CourseCatalogue, CoursePage, ModulePage


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
        last_observed_on=kwargs.get("last_observed_on"),
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


@receiver(page_published)
@receiver(page_unpublished)
@receiver(post_page_move)
def forget_cached_content(sender: Any, instance: Any, **kwargs: Any) -> None:
    """A catalogue, course or module changed what it shows (a translation sync publishes
    the translation): cached outlines and module bodies are built anew."""
    if isinstance(instance, CourseCatalogue | CoursePage | ModulePage):
        outline.content_changed()


def forget_content_on_save(sender: Any, instance: Any, **kwargs: Any) -> None:
    """Saved or deleted without a publish (a title fixed in the shell, a page deleted, an
    image or document replaced): the cached outlines and bodies may show it."""
    outline.content_changed()


for _model in (CourseCatalogue, CoursePage, ModulePage, get_image_model(), get_document_model()):
    post_save.connect(forget_content_on_save, sender=_model, dispatch_uid=f"content-{_model}")
    post_delete.connect(forget_content_on_save, sender=_model, dispatch_uid=f"gone-{_model}")
