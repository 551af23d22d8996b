"""The personal data courses keeps: enrolments, answers and reflections."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from people.models import User

from .models import Enrolment, KnowledgeCheckAttempt, ModuleCompletion, Reflection


def export(person: User) -> dict[str, Any]:
    enrolments = Enrolment.with_history.filter(person=person).select_related("course")
    return {
        "enrolments": [
            {
                "course": e.course.title,
                "learning_cycle": e.cycle,
                "status": e.get_status_display(),
                "enrolled_on": e.enrolled_at,
                "completed_on": e.completed_at,
                "progress_percent": e.percent,
                "modules_completed": [
                    {"module": c.module.title, "on": c.completed_at}
                    for c in ModuleCompletion.objects.filter(enrolment=e).select_related("module")
                ],
            }
            for e in enrolments
        ],
        "knowledge_checks": [
            {"module": a.module.title, "attempt": a.number, "score": a.score, "on": a.submitted_at}
            for a in KnowledgeCheckAttempt.objects.filter(enrolment__person=person).select_related(
                "module"
            )
        ],
        "reflections": [
            {
                "module": r.module.title,
                "text": r.text,
                "status": r.get_status_display(),
                "comment": r.comment,
                "submitted": r.submitted_at,
            }
            for r in Reflection.objects.filter(enrolment__person=person).select_related("module")
        ],
    }


def erase(person: User, actor: User) -> None:
    """Reflections are the person's own words: they go. Enrolments and completions stay,
    anonymous with the account, because progress figures count them."""
    Reflection.objects.filter(enrolment__person=person).update(text=str(_("[erased]")), comment="")
