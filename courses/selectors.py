"""Reads for learners, trainers and managers. Each runs a fixed number of queries whatever
the number of modules, enrolments or people, and scopes people through ``people.scoping``.

Translations of a course share one enrolment (on the course as first written): records are
matched to the page being read through Wagtail's ``translation_key``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.utils import translation
from wagtail.models import Page

from people import scoping
from people.models import RoleMembership, User
from people.roles import LEARNER_ROLES

from . import rules
from .models import (
    CourseAudience,
    CoursePage,
    Enrolment,
    KnowledgeCheckAttempt,
    ModuleCompletion,
    ModulePage,
    Reflection,
)


def _learner_roles(user: User) -> set[tuple[str, int | None]]:
    return set(scoping.scope_for(user).learner_roles)


def courses_in_reading_language(courses: QuerySet[CoursePage]) -> dict[Any, CoursePage]:
    """One page per course (by translation key): the one in the active language if it
    exists, else the course as first written."""
    language = translation.get_language()
    chosen: dict[Any, CoursePage] = {}
    for course in courses.select_related("locale").order_by("pk"):
        key = course.translation_key
        if key not in chosen or course.locale.language_code == language:
            chosen[key] = course
    return chosen


def page_in_reading_language(page: Page) -> Page:
    """The translation of ``page`` in the active language, or ``page`` itself."""
    if page.locale.language_code == translation.get_language():
        return page
    translated = (
        type(page)
        .objects.filter(
            translation_key=page.translation_key, locale__language_code=translation.get_language()
        )
        .first()
    )
    return translated or page


def catalogue_url() -> str | None:
    """Where the course catalogue is in the active language; cached, as every page's
    navigation links to it."""
    from django.core.cache import cache

    from .models import CourseCatalogue

    key = f"courses:catalogue-url:{translation.get_language()}"
    url = cache.get(key)
    if url is None:
        catalogue = CourseCatalogue.objects.live().select_related("locale").first()
        url = page_in_reading_language(catalogue).url if catalogue is not None else ""
        cache.set(key, url, 600)
    return url or None


# --- Catalogue -------------------------------------------------------------------------------


@dataclass
class CourseCard:
    course: CoursePage
    enrolment: Enrolment | None
    is_open: bool
    is_required: bool

    @property
    def in_other_language(self) -> bool:
        return self.course.locale.language_code != translation.get_language()


def catalogue_for(*, user: User | Any, catalogue: Page | None = None) -> list[CourseCard]:
    """Live courses that fit the person (open to or required for one of their roles, or
    already taken), required first. Programme staff see every course."""
    if not getattr(user, "is_authenticated", False):
        return []
    courses = courses_in_reading_language(
        CoursePage.objects.live()
        .select_related("cover_image")
        .prefetch_related("audiences")
        .defer_streamfields()
    )
    enrolments = {
        e.course.translation_key: e
        for e in Enrolment.objects.filter(person=user).select_related("course")
    }
    held = _learner_roles(user)
    sees_all = scoping.scope_for(user).has_programme_role
    cards = []
    for key, course in courses.items():
        is_open, is_required = rules.audience_match(course.audiences.all(), held)
        enrolment = enrolments.get(key)
        if is_open or enrolment is not None or sees_all:
            cards.append(CourseCard(course, enrolment, is_open, is_required))
    cards.sort(key=lambda card: (not card.is_required, card.enrolment is None, card.course.title))
    return cards


# --- A course --------------------------------------------------------------------------------


@dataclass
class ModuleRow:
    module: ModulePage
    completed: bool
    locked_reason: str
    number: int


@dataclass
class CourseOutline:
    course: CoursePage
    enrolment: Enrolment | None
    modules: list[ModuleRow]
    is_open: bool
    is_required: bool
    missing_prerequisites: list[CoursePage] = field(default_factory=list)
    resume: ModulePage | None = None

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


def _missing_prerequisites(user: User, course: CoursePage) -> list[CoursePage]:
    """Prerequisite courses the person has not completed, in the reading language."""
    completed = Enrolment.objects.filter(person=user, status=Enrolment.Status.COMPLETED).values(
        "course__translation_key"
    )
    missing = list(course.prerequisites.exclude(translation_key__in=completed))
    if not missing:
        return []
    chosen = courses_in_reading_language(
        CoursePage.objects.filter(translation_key__in=[p.translation_key for p in missing])
    )
    return [chosen[p.translation_key] for p in missing]


def _lock_reasons(
    modules: list[ModulePage],
    enrolment: Enrolment | None,
    course: CoursePage,
    missing_prerequisites: list[CoursePage],
) -> list[str]:
    """Why each module is locked ("" if open), by ``rules.lock_reason`` as the services
    apply it, from what the page has already loaded."""
    enrolled = enrolment is not None and enrolment.status != Enrolment.Status.LEFT
    titles = [p.title for p in missing_prerequisites]
    waits = rules.sequence_waits(course.sequential, [(m.is_required, m.done) for m in modules])
    return [
        rules.lock_reason(enrolled=enrolled, missing_prerequisites=titles, waits_for_earlier=wait)
        for wait in waits
    ]


def _enrolment_on(user: User | Any, course: CoursePage) -> Enrolment | None:
    """The person's enrolment on the course, with ``has_missing_prerequisites`` telling
    whether a prerequisite course is not completed yet (so that the common case, none,
    costs no further query)."""
    if not getattr(user, "is_authenticated", False):
        return None
    completed = Enrolment.objects.filter(person=user, status=Enrolment.Status.COMPLETED).values(
        "course__translation_key"
    )
    missing = CoursePage.prerequisites.through.objects.filter(from_coursepage=course).exclude(
        to_coursepage__translation_key__in=completed
    )
    return (
        Enrolment.objects.filter(person=user, course__translation_key=course.translation_key)
        .annotate(has_missing_prerequisites=Exists(missing))
        .first()
    )


def _modules_with_completion(course: CoursePage, enrolment: Enrolment | None) -> list[ModulePage]:
    """The live modules of ``course`` in order, each with ``done`` for the learner, in one
    query (completions are matched by translation key, whatever language is read)."""
    modules = ModulePage.objects.child_of(course).live().defer_streamfields().order_by("path")
    if enrolment is None:
        result = list(modules)
        for module in result:
            module.done = False
        return result
    return list(
        modules.annotate(
            done=Exists(
                ModuleCompletion.objects.filter(
                    enrolment=enrolment, module__translation_key=OuterRef("translation_key")
                )
            )
        )
    )


def course_outline_for(
    *, user: User | Any, course: CoursePage, with_audience: bool = True
) -> CourseOutline:
    """Everything the course page shows a person, in a fixed number of queries."""
    enrolment = _enrolment_on(user, course)
    is_open = is_required = False
    if with_audience and getattr(user, "is_authenticated", False):
        is_open, is_required = rules.audience_match(course.audiences.all(), _learner_roles(user))
    modules = _modules_with_completion(course, enrolment)
    missing = (
        _missing_prerequisites(user, course)
        if enrolment is not None and enrolment.has_missing_prerequisites  # type: ignore[attr-defined]
        else []
    )
    reasons = _lock_reasons(modules, enrolment, course, missing)
    rows = [
        ModuleRow(module, module.done, reason, number)
        for number, (module, reason) in enumerate(zip(modules, reasons, strict=True), start=1)
    ]
    resume = None
    if enrolment is not None and enrolment.status == Enrolment.Status.ACTIVE:
        resume = next(
            (row.module for row in rows if not row.completed and not row.locked_reason), None
        )
    return CourseOutline(
        course=course,
        enrolment=enrolment,
        modules=rows,
        is_open=is_open,
        is_required=is_required,
        missing_prerequisites=missing,
        resume=resume,
    )


# --- A module --------------------------------------------------------------------------------


@dataclass
class ModuleState:
    course: CoursePage
    enrolment: Enrolment | None
    locked: str
    completed: bool
    number: int
    count: int
    previous: ModulePage | None
    next: ModulePage | None
    attempts: list[KnowledgeCheckAttempt] = field(default_factory=list)
    reflections: list[Reflection] = field(default_factory=list)

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
    course = CoursePage.objects.parent_of(module).get()
    outline = course_outline_for(user=user, course=course, with_audience=False)
    rows = outline.modules
    index = next((i for i, row in enumerate(rows) if row.module.pk == module.pk), None)
    row = rows[index] if index is not None else None
    state = ModuleState(
        course=course,
        enrolment=outline.enrolment,
        locked=row.locked_reason if row else "",
        completed=bool(row and row.completed),
        number=(index or 0) + 1,
        count=len(rows),
        previous=rows[index - 1].module if index else None,
        next=rows[index + 1].module if index is not None and index + 1 < len(rows) else None,
    )
    if outline.enrolment is not None:
        if module.completion == ModulePage.Completion.KNOWLEDGE_CHECK or module.knowledge_check:
            state.attempts = list(
                KnowledgeCheckAttempt.objects.filter(
                    enrolment=outline.enrolment, module__translation_key=module.translation_key
                ).order_by("number")
            )
        if module.completion == ModulePage.Completion.REFLECTION or module.reflection_prompt:
            state.reflections = list(
                Reflection.objects.filter(
                    enrolment=outline.enrolment, module__translation_key=module.translation_key
                ).order_by("submitted_at")
            )
    return state


# --- My learning -----------------------------------------------------------------------------


@dataclass
class LearningItem:
    enrolment: Enrolment
    course: CoursePage  # in the reading language when translated


@dataclass
class MyLearning:
    required: list[LearningItem]
    in_progress: list[LearningItem]
    completed: list[LearningItem]


def my_learning_for(*, user: User) -> MyLearning:
    enrolments = list(
        Enrolment.objects.filter(person=user)
        .exclude(status=Enrolment.Status.LEFT)
        .select_related("course", "last_module")
        .order_by("-last_activity_at", "-enrolled_at")
    )
    pages = courses_in_reading_language(
        CoursePage.objects.filter(
            translation_key__in=[e.course.translation_key for e in enrolments]
        ).defer_streamfields()
    )
    condition = rules.audience_condition(_learner_roles(user))
    required_keys = set(
        CourseAudience.objects.filter(required=True, course__translation_key__in=list(pages))
        .filter(condition)
        .values_list("course__translation_key", flat=True)
    )
    result = MyLearning([], [], [])
    for enrolment in enrolments:
        item = LearningItem(
            enrolment, pages.get(enrolment.course.translation_key, enrolment.course)
        )
        if enrolment.status == Enrolment.Status.COMPLETED:
            result.completed.append(item)
        elif enrolment.course.translation_key in required_keys:
            result.required.append(item)
        else:
            result.in_progress.append(item)
    return result


# --- Trainer and manager views ---------------------------------------------------------------


@dataclass
class ReportRow:
    course: CoursePage  # in the reading language
    enrolled: int
    completed: int


def report_courses_for(*, user: User) -> list[ReportRow]:
    """Every course with the number of enrolled and completed people the reader may see.

    Enrolments point at the course as first written; the title shown is the one in the
    reading language.
    """
    pages = courses_in_reading_language(CoursePage.objects.defer_streamfields())
    counts: dict[Any, Any] = {
        row["course__translation_key"]: row
        for row in Enrolment.objects.filter(person__in=scoping.visible_people(user))
        .exclude(status=Enrolment.Status.LEFT)
        .values("course__translation_key")
        .annotate(
            enrolled=Count("pk"),
            completed=Count("pk", filter=Q(status=Enrolment.Status.COMPLETED)),
        )
    }
    rows = [
        ReportRow(
            course,
            counts.get(key, {}).get("enrolled", 0),
            counts.get(key, {}).get("completed", 0),
        )
        for key, course in pages.items()
    ]
    return sorted(rows, key=lambda row: row.course.title)


def course_report_for(
    *,
    user: User,
    course: CoursePage,
    region: Any = None,
    school: Any = None,
    role: str = "",
    status: str = "",
) -> tuple[list[ModulePage], QuerySet[Enrolment]]:
    """The people × modules report of a course: its live modules, and the enrolments the
    reader may see, filtered, with people, their current roles and completions prefetched."""
    canonical = (
        CoursePage.objects.filter(translation_key=course.translation_key).order_by("pk").first()
        or course
    )
    modules = list(
        ModulePage.objects.child_of(canonical).live().defer_streamfields().order_by("path")
    )
    enrolments = Enrolment.objects.filter(
        course=canonical, person__in=scoping.visible_people(user)
    ).exclude(status=Enrolment.Status.LEFT)
    current = RoleMembership.objects.current()
    if region is not None:
        enrolments = enrolments.filter(
            person__in=current.filter(Q(school__region=region) | Q(region=region)).values(
                "person_id"
            )
        )
    if school is not None:
        enrolments = enrolments.filter(person__in=current.filter(school=school).values("person_id"))
    if role:
        enrolments = enrolments.filter(person__in=current.filter(role=role).values("person_id"))
    if status:
        enrolments = enrolments.filter(status=status)
    enrolments = (
        enrolments.select_related("person")
        .prefetch_related(
            Prefetch(
                "person__memberships",
                queryset=current.filter(role__in=LEARNER_ROLES).select_related("school__region"),
                to_attr="learner_memberships",
            ),
            Prefetch("completions", to_attr="completion_list"),
        )
        .order_by("person__full_name", "pk")
    )
    return modules, enrolments


def reflection_queue_for(*, user: User) -> QuerySet[Reflection]:
    scope = scoping.scope_for(user)
    if not (scope.is_trainer or scope.is_national):
        return Reflection.objects.none()
    return (
        Reflection.objects.filter(status=Reflection.Status.SUBMITTED)
        .select_related("enrolment__person", "enrolment__course", "module")
        .order_by("submitted_at")
    )


def completion_matrix(enrolments: list[Enrolment]) -> dict[int, dict[int, ModuleCompletion]]:
    """enrolment id -> module id -> completion, from the prefetched completions."""
    matrix: dict[int, dict[int, ModuleCompletion]] = defaultdict(dict)
    for enrolment in enrolments:
        for completion in getattr(enrolment, "completion_list", []):
            matrix[enrolment.pk][completion.module_id] = completion
    return matrix
