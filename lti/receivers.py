"""How the LTI tool follows courses: progress and completion send scores to platforms."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from courses.models import Enrolment
from courses.signals import course_completed, learner_progress_changed

from . import grades


@receiver(learner_progress_changed)
def send_progress(sender: Any, person_id: int, **kwargs: Any) -> None:
    grades.scores_queue(person_id=person_id)


@receiver(course_completed)
def send_completion(sender: Any, enrolment_id: int, **kwargs: Any) -> None:
    person_id = Enrolment.objects.filter(pk=enrolment_id).values_list("person_id", flat=True)
    for pk in person_id:
        grades.scores_queue(person_id=pk)
