"""Template helpers for course pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django import template

register = template.Library()


@register.simple_tag
def catalogue_url() -> str:
    """The course catalogue in the reading language (cached; no query per page)."""
    from courses.selectors import catalogue_url as url

    return url() or "/"


@register.simple_tag(takes_context=True)
def module_body(context: template.Context, page: Any) -> str:
    """The module's body: what is the same for everyone from the cache (per revision and
    language), a learner's knowledge check and reflection rendered for this request; a
    preview of an unpublished revision is rendered in full."""
    from courses.outline import render_body

    request = context.get("request")
    return render_body(page, context.flatten(), use_cache=not getattr(request, "is_preview", False))


@dataclass
class OptionView:
    id: str
    text: str
    chosen: bool
    feedback: str


@dataclass
class QuestionView:
    id: str
    text: str
    kind: str
    options: list[OptionView]
    result: bool | None  # answered correctly in the last attempt; None before any attempt

    @property
    def answered(self) -> bool:
        return any(option.chosen for option in self.options)


@dataclass
class CheckView:
    id: str
    questions: list[QuestionView] = field(default_factory=list)
    last: Any = None
    passed: bool = False
    enrolled: bool = False
    can_answer: bool = False
    attempts_left: int = 0
    next_number: int = 1

    @property
    def unanswered(self) -> bool:
        return not all(question.answered for question in self.questions)


@register.simple_tag
def check_view(
    value: Any, check_id: str = "", state: Any = None, posted: dict[str, list[str]] | None = None
) -> CheckView:
    """What the learner sees of a knowledge check: their last answers with the feedback on
    each chosen answer, or what they had just posted if it was refused."""
    attempts = list(getattr(state, "attempts", []) or [])
    last = attempts[-1] if attempts else None
    allowed = value["attempts_allowed"]
    passed = any(attempt.passed for attempt in attempts)
    enrolled = bool(getattr(state, "enrolment", None)) and not getattr(state, "locked", "")
    left = max(allowed - len(attempts), 0) if allowed else 0
    view = CheckView(
        id=check_id or "check",
        last=last,
        passed=passed,
        enrolled=enrolled,
        can_answer=enrolled and not passed and (not allowed or left > 0),
        attempts_left=left,
        next_number=len(attempts) + 1,
    )
    chosen_source = posted if posted else (last.answers if last else {})
    show_feedback = last is not None and not posted
    for question in value["questions"].bound_blocks:
        chosen = set(chosen_source.get(question.id, []))
        options = [
            OptionView(
                id=option.id,
                text=option.value["text"],
                chosen=option.id in chosen,
                feedback=option.value["feedback"] if show_feedback and option.id in chosen else "",
            )
            for option in question.value["options"].bound_blocks
        ]
        correct = {o.id for o in question.value["options"].bound_blocks if o.value["is_correct"]}
        view.questions.append(
            QuestionView(
                id=question.id,
                text=question.value["text"],
                kind=question.value["kind"],
                options=options,
                result=(chosen == correct) if show_feedback else None,
            )
        )
    return view
