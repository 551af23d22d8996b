"""Scores sent back to a platform's gradebook (LTI Assignment and Grade Services).

A grade target measures the course (1.0 of 1.0 once the enrolment is completed) or one
module (once it is completed: its knowledge check's best score of 100, or 1.0 of 1.0 for a
module without a check). ``scores_queue`` compares each of a person's targets with what was
last sent and queues ``lti.score_send`` after commit for those that changed; the task
sends through PyLTI1p3's ``AssignmentsGradesService``, authenticated with a
client-credentials token the tool asks the platform for with its own private key.
"""

from __future__ import annotations

from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from pylti1p3.assignments_grades import AssignmentsGradesService
from pylti1p3.exception import LtiServiceException
from pylti1p3.grade import Grade
from pylti1p3.service_connector import ServiceConnector
from wagtail.log_actions import log

from core.tasks import send_task_after_commit
from courses.models import Enrolment, KnowledgeCheckAttempt, ModuleCompletion
from courses.services.basics import canonical_module

from .models import GradeTarget
from .tool_conf import registration_for


class PlatformUnavailable(Exception):
    """The platform's gradebook answered with a server error: worth trying again."""


def score_of(target: GradeTarget) -> tuple[float, float] | None:
    """(score given, score maximum) the target stands at now, or None when nothing is
    finished yet."""
    enrolment = Enrolment.objects.filter(
        person_id=target.account.person_id, course_id=target.course_id
    ).first()
    if enrolment is None:
        return None
    if target.module is None:
        return (1.0, 1.0) if enrolment.is_completed else None
    module = canonical_module(target.module)
    if not ModuleCompletion.objects.filter(enrolment=enrolment, module=module).exists():
        return None
    best = KnowledgeCheckAttempt.objects.filter(enrolment=enrolment, module=module).aggregate(
        best=Max("score")
    )["best"]
    return (float(best), 100.0) if best is not None else (1.0, 1.0)


def scores_queue(*, person_id: int) -> int:
    """Queue a send, after commit, for each of the person's targets whose score changed.
    Repeat-safe: a score already sent is not queued again. Returns how many were queued."""
    queued = 0
    targets = GradeTarget.objects.filter(account__person_id=person_id).select_related(
        "account", "module"
    )
    for target in targets:
        score = score_of(target)
        if score is not None and score[0] / score[1] != target.score_sent:
            send_task_after_commit("lti.score_send", target.pk)
            queued += 1
    return queued


@transaction.atomic
def score_send(*, target_id: int) -> bool:
    """Send the target's current score to the platform. Repeat-safe: the row is locked and
    an unchanged score is not sent twice. Returns whether a score was sent.

    Raises ``PlatformUnavailable`` on a server error (the task retries); any other refusal
    by the platform (``LtiServiceException``) is not retried.
    """
    target = (
        GradeTarget.objects.select_for_update(of=("self",))
        .select_related("account__platform", "module")
        .filter(pk=target_id)
        .first()
    )
    if target is None:
        return False
    score = score_of(target)
    if score is None or score[0] / score[1] == target.score_sent:
        return False
    given, maximum = score
    connector = ServiceConnector(registration_for(target.account.platform))
    service = AssignmentsGradesService(
        connector, {"scope": target.scopes, "lineitem": target.lineitem_url}
    )
    grade = (
        Grade()
        .set_score_given(given)
        .set_score_maximum(maximum)
        .set_activity_progress("Completed")
        .set_grading_progress("FullyGraded")
        .set_timestamp(timezone.now().isoformat())
        .set_user_id(target.account.subject)
    )
    try:
        service.put_grade(grade)
    except LtiServiceException as error:
        if error.response.status_code >= 500 or error.response.status_code == 429:
            raise PlatformUnavailable(str(error)) from error
        raise
    target.score_sent = given / maximum
    target.sent_at = timezone.now()
    target.save(update_fields=["score_sent", "sent_at"])
    log(target.account.person, "lti.score.send", data={"target": target.pk, "score": given})
    return True
