"""How certificates react to courses: a completed course queues its certificate."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from core.tasks import send_task_after_commit
from courses.signals import course_completed


@receiver(course_completed)
def issue_on_completion(sender: Any, enrolment_id: int, **kwargs: Any) -> None:
    send_task_after_commit("certificates.certificate_issue", enrolment_id)
