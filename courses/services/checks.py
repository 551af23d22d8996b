"""Knowledge checks: marking an attempt and completing the module it passes."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core import numbers
from people.models import User

from ..models import (
    Enrolment,
    KnowledgeCheckAttempt,
    ModuleCompletion,
    ModulePage,
)
from ..signals import announce_learning_event
from .progress import _unlocked_for_update, module_complete

# --- Knowledge checks ------------------------------------------------------------------------


def check_questions(block_value: Any) -> list[dict[str, Any]]:
    """Questions of a knowledge check with the ids of their answers and correct answers."""
    questions = []
    for question in block_value["questions"].bound_blocks:
        options = question.value["options"].bound_blocks
        questions.append(
            {
                "id": question.id,
                "kind": question.value["kind"],
                "options": {option.id for option in options},
                "correct": {option.id for option in options if option.value["is_correct"]},
            }
        )
    return questions


@transaction.atomic
def knowledge_check_submit(
    *, person: User, module: ModulePage, answers: dict[str, list[str]], attempt_number: int
) -> KnowledgeCheckAttempt:
    """Score an attempt at the module's knowledge check.

    ``attempt_number`` is the number the form was shown for: a repeated submission of
    the same attempt returns the recorded one instead of using up another attempt.
    Unknown question or answer ids, unanswered questions and attempts beyond the limit
    are refused with nothing saved. Passing completes a module completed by its check.
    """
    enrolment, module, _course = _unlocked_for_update(person, module)
    check = module.knowledge_check
    if check is None:
        raise ValidationError(_("This module has no knowledge check."))
    previous = list(KnowledgeCheckAttempt.objects.filter(enrolment=enrolment, module=module))
    repeated = next((a for a in previous if a.number == attempt_number), None)
    if repeated is not None:
        return repeated
    if attempt_number != len(previous) + 1:
        raise ValidationError(_("This form is out of date. Reload the page and try again."))
    if any(attempt.passed for attempt in previous):
        raise ValidationError(_("You have already passed this knowledge check."))
    allowed = check.value["attempts_allowed"]
    if allowed and len(previous) >= allowed:
        raise ValidationError(_("You have used all your attempts at this knowledge check."))

    questions = check_questions(check.value)
    known = {q["id"] for q in questions}
    if set(answers) - known:
        raise ValidationError(_("The answers refer to a question that is not in this check."))
    correct = 0
    for question in questions:
        chosen = set(answers.get(question["id"], []))
        if not chosen:
            raise ValidationError(_("Answer every question before you submit."))
        if chosen - question["options"]:
            raise ValidationError(_("The answers include an option that is not in this check."))
        if question["kind"] == "single" and len(chosen) > 1:
            raise ValidationError(_("Choose one answer for each single-choice question."))
        correct += chosen == question["correct"]
    score = numbers.percent(correct, len(questions))
    attempt = KnowledgeCheckAttempt.objects.create(
        enrolment=enrolment,
        module=module,
        number=attempt_number,
        answers={q["id"]: sorted(answers[q["id"]]) for q in questions},
        score=score,
        # decided on the exact share: a rounded 67% is not a pass mark of 67% met
        passed=correct * 100 >= check.value["pass_mark"] * len(questions),
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(
        last_activity_at=timezone.now(), last_module=module
    )
    result = {
        "correct": correct,
        "questions": len(questions),
        "score": score,
        "passed": attempt.passed,
    }
    for kind in ("check_answered", "check_passed" if attempt.passed else "check_failed"):
        announce_learning_event(kind, enrolment=enrolment, module=module, result=result)
    if attempt.passed and module.completion == ModulePage.Completion.KNOWLEDGE_CHECK:
        module_complete(
            enrolment=enrolment, module=module, how=ModuleCompletion.How.KNOWLEDGE_CHECK
        )
    return attempt
