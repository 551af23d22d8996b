"""The course page's outline and a module page's state for one person: the outline shared
by everyone comes from the cache (``courses.outline``); the person's enrolment, completions,
locks, attempts and reflections are a fixed number of queries on top."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Exists

from people.models import User

from .. import outline, rules
from ..models import (
    CoursePage,
    Enrolment,
    KnowledgeCheckAttempt,
    ModuleCompletion,
    ModulePage,
    Reflection,
)
from ..outline import CourseEntry, ModuleEntry, SharedOutline
from . import _learner_roles, courses_in_reading_language

# --- A course --------------------------------------------------------------------------------


@dataclass
class ModuleRow:
    module: ModuleEntry
    completed: bool
    locked_reason: str
    number: int
    awaiting_review: bool = False  # a reflection sent, not yet reviewed by a trainer


@dataclass
class CourseOutline:
    course: CoursePage | None  # None when read for one of its modules
    enrolment: Enrolment | None
    modules: list[ModuleRow]
    is_open: bool
    is_required: bool
    missing_prerequisites: list[CoursePage] = field(default_factory=list)
    resume: ModuleEntry | None = None

    @property
    def awaiting_review(self) -> list[ModuleRow]:
        """Modules whose reflection waits for a trainer: the learner has nothing to do there."""
        return [row for row in self.modules if row.awaiting_review]

    @property
    def total_minutes(self) -> int:
        return sum(row.module.estimated_minutes for row in self.modules)

    @property
    def can_enrol(self) -> bool:
        return self.is_open and (
            self.enrolment is None or self.enrolment.status == Enrolment.Status.LEFT
        )

    @property
    def is_active(self) -> bool:
        return self.enrolment is not None and self.enrolment.status != Enrolment.Status.LEFT


def _missing_prerequisites(user: User, course: CourseEntry) -> list[CoursePage]:
    """Prerequisite courses the person has not completed, in the reading language."""
    completed = Enrolment.with_history.filter(
        person=user, status=Enrolment.Status.COMPLETED
    ).values("course__translation_key")
    required = CoursePage.prerequisites.through.objects.filter(from_coursepage_id=course.pk)
    missing = list(
        CoursePage.objects.filter(pk__in=required.values("to_coursepage_id"))
        .exclude(translation_key__in=completed)
        .order_by("path")
    )
    if not missing:
        return []
    chosen = courses_in_reading_language(
        CoursePage.objects.filter(translation_key__in=[p.translation_key for p in missing])
    )
    return [chosen[p.translation_key] for p in missing]


def _lock_reasons(
    modules: tuple[ModuleEntry, ...],
    done: set[Any],
    enrolment: Enrolment | None,
    course: CourseEntry,
    missing_prerequisites: list[CoursePage],
) -> list[str]:
    """Why each module is locked ("" if open), by ``rules.lock_reason`` as the services
    apply it, from the cached outline and the learner's completions."""
    enrolled = enrolment is not None and enrolment.status != Enrolment.Status.LEFT
    titles = [p.title for p in missing_prerequisites]
    waits = rules.sequence_waits(
        course.sequential, [(m.is_required, m.translation_key in done) for m in modules]
    )
    return [
        rules.lock_reason(enrolled=enrolled, missing_prerequisites=titles, waits_for_earlier=wait)
        for wait in waits
    ]


def _enrolment_on(user: User | Any, course: CourseEntry) -> Enrolment | None:
    """The person's enrolment on the course, with ``has_missing_prerequisites`` telling
    whether a prerequisite course is not completed yet (so that the common case, none,
    costs no further query)."""
    if not getattr(user, "is_authenticated", False):
        return None
    completed = Enrolment.with_history.filter(
        person=user, status=Enrolment.Status.COMPLETED
    ).values("course__translation_key")
    missing = CoursePage.prerequisites.through.objects.filter(from_coursepage_id=course.pk).exclude(
        to_coursepage__translation_key__in=completed
    )
    return (
        Enrolment.objects.filter(person=user, course__translation_key=course.translation_key)
        .annotate(has_missing_prerequisites=Exists(missing))
        .first()
    )


def _completed_keys(enrolment: Enrolment | None) -> set[Any]:
    """Translation keys of the modules the learner has completed (one query): completions
    are matched by translation key, whatever language is read."""
    if enrolment is None:
        return set()
    return set(
        ModuleCompletion.objects.filter(enrolment=enrolment).values_list(
            "module__translation_key", flat=True
        )
    )


def _awaiting_keys(enrolment: Enrolment | None, modules: tuple[ModuleEntry, ...]) -> set[Any]:
    """Translation keys of the modules whose reflection the learner has sent and a trainer
    has not reviewed yet (one query, and none for a course without reflections)."""
    if enrolment is None or not any(
        m.completion == ModulePage.Completion.REFLECTION for m in modules
    ):
        return set()
    return set(
        Reflection.objects.filter(
            enrolment=enrolment, status=Reflection.Status.SUBMITTED
        ).values_list("module__translation_key", flat=True)
    )


def _person_outline(
    user: User | Any, shared: SharedOutline, page: CoursePage | None, *, with_audience: bool
) -> CourseOutline:
    """The shared outline with the person's enrolment, completions and locks on top."""
    enrolment = _enrolment_on(user, shared.course)
    is_open = is_required = False
    if with_audience and getattr(user, "is_authenticated", False):
        is_open, is_required = rules.audience_match(shared.audiences, _learner_roles(user))
    done = _completed_keys(enrolment)
    missing = (
        _missing_prerequisites(user, shared.course)
        if enrolment is not None and enrolment.has_missing_prerequisites  # type: ignore[attr-defined]
        else []
    )
    reasons = _lock_reasons(shared.modules, done, enrolment, shared.course, missing)
    waiting = _awaiting_keys(enrolment, shared.modules) - done

    def waiting_for(module: ModuleEntry) -> bool:
        return module.translation_key in waiting

    rows = [
        ModuleRow(
            module,
            module.translation_key in done,
            reason,
            number,
            module.translation_key in waiting,
        )
        for number, (module, reason) in enumerate(
            zip(shared.modules, reasons, strict=True), start=1
        )
    ]
    resume = None
    if enrolment is not None and enrolment.status == Enrolment.Status.ACTIVE:
        # A module whose reflection waits for a trainer has nothing left for the learner.
        resume = next(
            (
                row.module
                for row in rows
                if not row.completed and not row.locked_reason and not row.awaiting_review
            ),
            None,
        )
    return CourseOutline(
        course=page,
        enrolment=enrolment,
        modules=rows,
        is_open=is_open,
        is_required=is_required,
        missing_prerequisites=missing,
        resume=resume,
    )


def course_outline_for(*, user: User | Any, course: CoursePage) -> CourseOutline:
    """Everything the course page shows a person: the cached outline, then a fixed number
    of queries for the person's own state."""
    return _person_outline(user, outline.shared_outline(course), course, with_audience=True)


# --- A module --------------------------------------------------------------------------------


@dataclass
class ModuleState:
    course: CourseEntry
    enrolment: Enrolment | None
    locked: str
    completed: bool
    number: int
    count: int
    previous: ModuleEntry | None
    next: ModuleEntry | None
    attempts: list[KnowledgeCheckAttempt] = field(default_factory=list)
    reflections: list[Reflection] = field(default_factory=list)
    awaiting_review: bool = False

    @property
    def last_attempt(self) -> KnowledgeCheckAttempt | None:
        return self.attempts[-1] if self.attempts else None

    @property
    def passed(self) -> bool:
        return any(attempt.passed for attempt in self.attempts)

    @property
    def reflection(self) -> Reflection | None:
        return self.reflections[-1] if self.reflections else None


def module_state_for(*, user: User | Any, module: ModulePage) -> ModuleState:
    shared = outline.shared_outline_of_module(module)
    person = _person_outline(user, shared, None, with_audience=False)
    rows = person.modules
    index = next((i for i, row in enumerate(rows) if row.module.pk == module.pk), None)
    row = rows[index] if index is not None else None
    state = ModuleState(
        course=shared.course,
        enrolment=person.enrolment,
        locked=row.locked_reason if row else "",
        completed=bool(row and row.completed),
        awaiting_review=bool(row and row.awaiting_review),
        number=(index or 0) + 1,
        count=len(rows),
        previous=rows[index - 1].module if index else None,
        next=rows[index + 1].module if index is not None and index + 1 < len(rows) else None,
    )
    if person.enrolment is not None:
        kinds = {item["type"] for item in module.body.raw_data}
        if module.completion == ModulePage.Completion.KNOWLEDGE_CHECK or "knowledge_check" in kinds:
            state.attempts = list(
                KnowledgeCheckAttempt.objects.filter(
                    enrolment=person.enrolment, module__translation_key=module.translation_key
                ).order_by("number")
            )
        if module.completion == ModulePage.Completion.REFLECTION or "reflection" in kinds:
            state.reflections = list(
                Reflection.objects.filter(
                    enrolment=person.enrolment, module__translation_key=module.translation_key
                ).order_by("submitted_at")
            )
    return state
