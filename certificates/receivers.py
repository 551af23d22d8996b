"""How certificates react to courses and supervision: a completed course queues its
certificate; observed practice recorded queues the renewals that waited for it."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from core.tasks import send_task_after_commit
from courses.signals import course_completed
from people.signals import observed_practice_changed


@receiver(course_completed)
def issue_on_completion(sender: Any, enrolment_id: int, **kwargs: Any) -> None:
    send_task_after_commit("certificates.certificate_issue", enrolment_id)


@receiver(observed_practice_changed)
def issue_renewals_waiting_for_practice(sender: Any, person_id: int, **kwargs: Any) -> None:
    send_task_after_commit("certificates.renewals_practice_issue", person_id)
