"""What a course and its modules look like to everyone, kept in the shared cache.

A course's outline (its live modules in order, with titles, addresses, lengths and
completion rules, and the roles it is for) and a module's rendered body are the same for
every learner reading in one language until the content changes. They are cached under
the content version: publishing, unpublishing, moving, deleting or saving a catalogue,
course or module page (a translation sync publishes the translation it updates), or
changing an image or a document, moves the version on (``content_changed``), so the next
request builds them anew. Per-person state (enrolment, completions, locks, attempts) is
read on top, in a few cheap queries.

Each cached value carries the version it was built for and is read in the same round trip
as the current version: one cache call per outline or body.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from typing import Any

from django.core.cache import cache
from django.db import transaction
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from .models import CourseAudience, CoursePage, ModulePage

VERSION_KEY = "courses:content:version"
TIMEOUT = 60 * 60 * 24
# Blocks that show a learner's own answers or reflection: always rendered per request.
PERSONAL_BLOCKS = frozenset({"knowledge_check", "reflection"})


@dataclass(frozen=True)
class ModuleEntry:
    """A live module as the outline shows it (no body)."""

    pk: int
    translation_key: uuid.UUID
    title: str
    url: str
    estimated_minutes: int
    is_required: bool
    completion: str


@dataclass  # not frozen: ``rules.Audience`` reads it as a plain record
class AudienceEntry:
    role: str
    training_area_id: int | None
    required: bool


@dataclass(frozen=True)
class CourseEntry:
    """The course a module belongs to, as its module pages need it."""

    pk: int
    translation_key: uuid.UUID
    title: str
    url: str
    sequential: bool


@dataclass(frozen=True)
class SharedOutline:
    course: CourseEntry
    modules: tuple[ModuleEntry, ...]
    audiences: tuple[AudienceEntry, ...]


def content_version() -> int:
    return int(cache.get(VERSION_KEY) or 0)


def _bump() -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)


def content_changed() -> None:
    """Course content changed: every cached outline and body is built anew.

    Moves the version on at once and again after commit, so a request that rebuilt an
    outline from the old rows in between does not keep it."""
    _bump()
    transaction.on_commit(_bump)


def _cached(key: str, build: Any) -> Any:
    found = cache.get_many([VERSION_KEY, key])
    version = int(found.get(VERSION_KEY) or 0)
    entry = found.get(key)
    if entry is not None and entry[0] == version:
        return entry[1]
    value = build()
    cache.set(key, (version, value), TIMEOUT)
    return value


def _course_path(module: ModulePage) -> str:
    return module.path[: -module.steplen]


def shared_outline(course: CoursePage) -> SharedOutline:
    """The outline of ``course`` in the active language (cached)."""
    key = f"courses:outline:{course.path}:{translation.get_language()}"
    return _cached(key, lambda: _build(course))


def shared_outline_of_module(module: ModulePage) -> SharedOutline:
    """The outline of the course ``module`` belongs to (cached; no query when cached)."""
    key = f"courses:outline:{_course_path(module)}:{translation.get_language()}"
    return _cached(key, lambda: _build(CoursePage.objects.get(path=_course_path(module))))


def _build(course: CoursePage) -> SharedOutline:
    modules = ModulePage.objects.child_of(course).live().defer_streamfields().order_by("path")
    audiences = CourseAudience.objects.filter(course=course).order_by("sort_order", "pk")
    return SharedOutline(
        course=CourseEntry(
            pk=course.pk,
            translation_key=course.translation_key,
            title=course.title,
            url=course.url or "",
            sequential=course.sequential,
        ),
        modules=tuple(
            ModuleEntry(
                pk=module.pk,
                translation_key=module.translation_key,
                title=module.title,
                url=module.url or "",
                estimated_minutes=module.estimated_minutes,
                is_required=module.is_required,
                completion=module.completion,
            )
            for module in modules
        ),
        audiences=tuple(AudienceEntry(a.role, a.training_area_id, a.required) for a in audiences),
    )


def render_body(module: ModulePage, context: dict[Any, Any], *, use_cache: bool) -> SafeString:
    """The module's body as HTML: blocks that are the same for everyone come from the cache
    (per revision and language), a learner's knowledge check and reflection are rendered
    for this request."""
    raw = module.body.raw_data
    if use_cache:
        key = f"courses:body:{module.pk}:{module.live_revision_id}:{translation.get_language()}"
        parts: list[str | None] = _cached(key, lambda: _render_shared(module, context))
        if len(parts) != len(raw):  # the page object is not the live revision (a preview)
            parts = _render_shared(module, context)
    else:
        parts = _render_shared(module, context)
    html = [
        part if part is not None else str(module.body[index].render_as_block(context=context))
        for index, part in enumerate(parts)
    ]
    return mark_safe("".join(html))  # noqa: S308 - each part is a block's rendered template


def _render_shared(module: ModulePage, context: dict[Any, Any]) -> list[str | None]:
    parts: list[str | None] = []
    for index, item in enumerate(module.body.raw_data):
        if item["type"] in PERSONAL_BLOCKS:
            parts.append(None)
        else:
            parts.append(str(module.body[index].render_as_block(context=context)))
    return parts
