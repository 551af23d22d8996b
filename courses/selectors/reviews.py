"""How long trainers take to review reflections, told to the learners who wait."""

from __future__ import annotations

import math

from ..models import CoursePage, Reflection
from ..outline import CourseEntry

REVIEW_TIME_SAMPLE = 20


def reflection_review_days(*, course: CoursePage | CourseEntry) -> int | None:
    """How many days trainers have recently taken to review a reflection on this course
    (the median of the last reviews, rounded up to whole days), or None with no history.

    Told to a learner whose reflection waits, so that "waiting" comes with an expectation.
    """
    reviewed = (
        Reflection.objects.filter(
            enrolment__course__translation_key=course.translation_key, reviewed_at__isnull=False
        )
        .order_by("-reviewed_at")
        .values_list("submitted_at", "reviewed_at")[:REVIEW_TIME_SAMPLE]
    )
    durations = sorted(
        reviewed_at - submitted_at
        for submitted_at, reviewed_at in reviewed
        if reviewed_at is not None
    )
    if not durations:
        return None
    median = durations[len(durations) // 2]
    return max(1, math.ceil(median.total_seconds() / 86400))
