"""What the other course services share: a course's canonical record, its required
modules, and who a course is open to."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import QuerySet

from people.models import RoleMembership, User
from people.roles import LEARNER_ROLES

from .. import rules, signals
from ..models import (
    CourseAudience,
    CoursePage,
    Enrolment,
    ModulePage,
)


def _announce_progress(person_id: int) -> None:
    """``signals.learner_progress_changed`` for the person, after commit."""
    transaction.on_commit(
        lambda: signals.learner_progress_changed.send(sender=Enrolment, person_id=person_id)
    )


class ModuleLocked(PermissionDenied):
    """The module cannot be opened or completed yet; the message says what is missing."""


# --- Translations share one record -----------------------------------------------------------


def canonical_course(course: CoursePage) -> CoursePage:
    """The course as first written; enrolments point here whatever language is read."""
    return _canonical(course)


def canonical_module(module: ModulePage) -> ModulePage:
    return _canonical(module)


def _canonical(page: Any) -> Any:
    """The first-created page among a page's translations, remembered on the instance."""
    found = page.__dict__.get("_canonical_page")
    if found is None:
        found = (
            type(page).objects.filter(translation_key=page.translation_key).order_by("pk").first()
            or page
        )
        page.__dict__["_canonical_page"] = found
        found.__dict__["_canonical_page"] = found
    return found


def required_module_ids(course: CoursePage) -> list[int]:
    """Live required modules of the (canonical) course, in course order."""
    return list(
        ModulePage.objects.child_of(course)
        .live()
        .filter(is_required=True)
        .order_by("path")
        .values_list("pk", flat=True)
    )


def final_check_module(course: CoursePage) -> ModulePage | None:
    """The last live module, when the course's rule makes it a final knowledge check."""
    if course.completion_rule != CoursePage.CompletionRule.REQUIRED_AND_FINAL_CHECK:
        return None
    last = ModulePage.objects.child_of(course).live().order_by("-path").first()
    if last is None or last.completion != ModulePage.Completion.KNOWLEDGE_CHECK:
        return None
    return last


# --- Who may take which course ---------------------------------------------------------------


def _learner_memberships(person: User) -> QuerySet[RoleMembership]:
    return RoleMembership.objects.current().filter(person=person, role__in=LEARNER_ROLES)


def audience_matches(person: User, audiences: Iterable[CourseAudience]) -> tuple[bool, bool]:
    """(open to the person, required for the person) for a course's audiences."""
    held = _learner_memberships(person).values_list("role", "training_area_id")
    return rules.audience_match(audiences, held)
