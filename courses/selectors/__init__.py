"""Reads for learners, trainers and managers. Each runs a fixed number of queries whatever
the number of modules, enrolments or people, and scopes people through ``people.scoping``.

Translations of a course share one enrolment (on the course as first written): records are
matched to the page being read through Wagtail's ``translation_key``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from django.db.models import Count, Prefetch, Q, QuerySet
from django.utils import translation
from wagtail.models import Page

from people import scoping
from people.models import RoleMembership, User
from people.roles import LEARNER_ROLES

from .. import rules
from ..models import (
    CourseAudience,
    CoursePage,
    Enrolment,
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

    from ..models import CourseCatalogue

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


def _waiting_reflections(user: User) -> QuerySet[Reflection]:
    scope = scoping.scope_for(user)
    if not (scope.is_trainer or scope.is_national):
        return Reflection.objects.none()
    return Reflection.objects.filter(status=Reflection.Status.SUBMITTED)


def _reflection_word(word: str) -> Q:
    """A reflection whose person, current school, course or module matches ``word``."""
    schools = RoleMembership.objects.current().filter(
        Q(school__name_kk__icontains=word)
        | Q(school__name_ru__icontains=word)
        | Q(school__name_en__icontains=word)
    )
    courses = CoursePage.objects.filter(title__icontains=word).values("translation_key")
    modules = ModulePage.objects.filter(title__icontains=word).values("translation_key")
    return (
        Q(enrolment__person__full_name__icontains=word)
        | Q(enrolment__person__full_name_alt__icontains=word)
        | Q(enrolment__person__email__icontains=word)
        | Q(enrolment__person__in=schools.values("person_id"))
        | Q(enrolment__course__translation_key__in=courses)
        | Q(module__translation_key__in=modules)
    )


def reflection_queue_for(
    *,
    user: User,
    search: str = "",
    course: CoursePage | None = None,
    newest_first: bool = False,
) -> QuerySet[Reflection]:
    """The reflections waiting for a trainer's review, searched by person, school, course or
    module (every word must match), for one course, oldest (the longest waiting) first by
    default; with the people's current schools prefetched."""
    reflections = _waiting_reflections(user)
    if course is not None:
        reflections = reflections.filter(enrolment__course__translation_key=course.translation_key)
    for word in search.split():
        reflections = reflections.filter(_reflection_word(word))
    order = ("-submitted_at", "-pk") if newest_first else ("submitted_at", "pk")
    return (
        reflections.select_related("enrolment__person", "enrolment__course", "module")
        .prefetch_related(
            Prefetch(
                "enrolment__person__memberships",
                queryset=RoleMembership.objects.current()
                .filter(role__in=LEARNER_ROLES, school__isnull=False)
                .select_related("school"),
                to_attr="learner_memberships",
            )
        )
        .order_by(*order)
    )


def reflection_queue_courses(*, user: User) -> tuple[int, list[tuple[CoursePage, int]]]:
    """All reflections waiting for ``user``'s review, and per course (in the reading
    language, by title) how many, for the queue's filter."""
    counts = {
        row["enrolment__course__translation_key"]: row["waiting"]
        for row in _waiting_reflections(user)
        .values("enrolment__course__translation_key")
        .annotate(waiting=Count("pk"))
        .order_by()
    }
    pages = courses_in_reading_language(CoursePage.objects.filter(translation_key__in=counts))
    rows = sorted(
        ((page, counts[key]) for key, page in pages.items()), key=lambda row: row[0].title
    )
    return sum(counts.values()), rows


def completion_matrix(enrolments: list[Enrolment]) -> dict[int, dict[int, ModuleCompletion]]:
    """enrolment id -> module id -> completion, from the prefetched completions."""
    matrix: dict[int, dict[int, ModuleCompletion]] = defaultdict(dict)
    for enrolment in enrolments:
        for completion in getattr(enrolment, "completion_list", []):
            matrix[enrolment.pk][completion.module_id] = completion
    return matrix


# The course and module pages' reads, in their own module (it uses the helpers above).
from .course import (  # noqa: E402
    CourseOutline,
    ModuleRow,
    ModuleState,
    course_outline_for,
    module_state_for,
)

__all__ = [
    "CourseCard",
    "CourseOutline",
    "LearningItem",
    "ModuleRow",
    "ModuleState",
    "MyLearning",
    "ReportRow",
    "catalogue_for",
    "catalogue_url",
    "completion_matrix",
    "course_outline_for",
    "course_report_for",
    "courses_in_reading_language",
    "module_state_for",
    "my_learning_for",
    "page_in_reading_language",
    "reflection_queue_courses",
    "reflection_queue_for",
    "report_courses_for",
]
