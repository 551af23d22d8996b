"""Which renewal rule governs a certificate (the most specific one wins), and what is wrong
with a rule before it can be used.

A rule is attached to a course, to a certificate template (it governs the certificates of
every course the template lists, and the default template's rule every course that no
published template lists), or to a programme's required course (it governs that course's
certificates for the people who hold the required role in the programme). The order is

    programme requirement  >  course  >  template listing the course  >  default template

and a certificate is governed by the course it counts for (its own, or the one it renews).

Programme requirements live above certificates, so ``programmes`` registers a finder here
(``register_requirement_finder``) instead of being imported. When two requirements of a
person name different rules for the same course, the one whose window opens first wins
(then the older rule), so that nobody is late for any of them.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.db.models import Q, QuerySet
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from courses.models import CoursePage
from courses.services import canonical_course

from .models import Certificate, CertificateTemplate, RenewalPath, RenewalRule


class RequirementFinder(Protocol):
    """What an app above certificates answers about its requirements' renewal rules."""

    def course_keys(self) -> set[Any]:
        """The translation keys of the courses some requirement renews with a rule."""

    def rules_for(self, person_ids: set[int]) -> dict[tuple[int, Any], list[RenewalRule]]:
        """(person, course key) -> the rules of the requirements that person holds."""


_FINDERS: list[RequirementFinder] = []


def register_requirement_finder(finder: RequirementFinder) -> None:
    if finder not in _FINDERS:
        _FINDERS.append(finder)


def earliest_window(rules: Iterable[RenewalRule]) -> RenewalRule | None:
    """Among rules of equal rank, the one whose window opens first (then the older)."""
    return min(rules, key=lambda rule: (-rule.window_months, rule.pk), default=None)


def _rules() -> QuerySet[RenewalRule]:
    return RenewalRule.objects.select_related("course", "template").prefetch_related("path_courses")


@dataclass
class RuleBook:
    """Every course and template rule (there are few), and the requirement rules of some
    people, loaded once for a batch of certificates."""

    by_course: dict[Any, RenewalRule] = field(default_factory=dict)
    by_template_course: dict[Any, RenewalRule] = field(default_factory=dict)
    listed: set[Any] = field(default_factory=set)  # keys a published template lists
    default: RenewalRule | None = None
    by_requirement: dict[tuple[int, Any], RenewalRule] = field(default_factory=dict)

    @classmethod
    def load(cls, person_ids: Iterable[int] = ()) -> RuleBook:
        book = cls()
        rules = list(_rules())
        for rule in rules:
            if rule.course is not None:
                book.by_course[rule.course.translation_key] = rule
        by_template = {rule.template_id: rule for rule in rules if rule.template_id is not None}
        listing = CertificateTemplate.objects.filter(live=True).values_list(
            "pk", "is_default", "courses__translation_key"
        )
        for template_id, is_default, key in listing:
            if key is not None:
                book.listed.add(key)
                if template_id in by_template:
                    book.by_template_course[key] = by_template[template_id]
            if is_default and template_id in by_template:
                book.default = by_template[template_id]
        people = set(person_ids)
        if people and _FINDERS:
            found: dict[tuple[int, Any], list[RenewalRule]] = {}
            for finder in _FINDERS:
                for pair, matched in finder.rules_for(people).items():
                    found.setdefault(pair, []).extend(matched)
            for pair, matched in found.items():
                winner = earliest_window(matched)
                if winner is not None:
                    book.by_requirement[pair] = winner
        return book

    def rule(self, person_id: int | None, course_key: Any) -> RenewalRule | None:
        if person_id is not None and (person_id, course_key) in self.by_requirement:
            return self.by_requirement[(person_id, course_key)]
        if course_key in self.by_course:
            return self.by_course[course_key]
        if course_key in self.by_template_course:
            return self.by_template_course[course_key]
        if course_key not in self.listed:
            return self.default
        return None

    def source(self, person_id: int | None, course_key: Any) -> str:
        """Where the rule of a course comes from: requirement, course, template or ""."""
        if person_id is not None and (person_id, course_key) in self.by_requirement:
            return "requirement"
        if course_key in self.by_course:
            return "course"
        return "template" if self.rule(None, course_key) is not None else ""


def _requirement_keys() -> set[Any]:
    keys: set[Any] = set()
    for finder in _FINDERS:
        keys |= finder.course_keys()
    return keys


def counted_course(certificate: Certificate) -> CoursePage:
    """The course a certificate counts for: its own, or the one it renews."""
    return certificate.counts_for or certificate.course


def rule_for(certificate: Certificate) -> RenewalRule | None:
    """The rule that governs one certificate today."""
    book = RuleBook.load([certificate.person_id] if certificate.person_id else [])
    return book.rule(certificate.person_id, counted_course(certificate).translation_key)


def governed_certificates() -> QuerySet[Certificate]:
    """Valid certificates with an end date that some rule may govern: of a course with a
    rule of its own, listed by a template with a rule, named by a programme requirement
    with a rule, or (when the default template has a rule) of any course no published
    template lists. ``rule_for`` then settles each one."""
    book = RuleBook.load()
    rows = Certificate.objects.filter(
        status=Certificate.Status.VALID, expires_on__isnull=False
    ).annotate(counted_key=Coalesce("counts_for__translation_key", "course__translation_key"))
    governed = set(book.by_course) | set(book.by_template_course) | _requirement_keys()
    if book.default is None:
        return rows.filter(counted_key__in=governed)
    return rows.filter(Q(counted_key__in=governed) | ~Q(counted_key__in=book.listed))


# --- Checking a rule ---------------------------------------------------------------------


def rule_problems(
    *,
    course: CoursePage | None,
    validity_years: int | None,
    window_months: int | None,
    path: str,
    path_courses: list[CoursePage],
    template: CertificateTemplate | None = None,
) -> list[tuple[str | None, str]]:
    """What is wrong with a rule, as (field, message); empty when it can be used.

    A rule renews a course or a template's courses, not both; one with neither is used
    where a programme's required course names it."""
    problems: list[tuple[str | None, str]] = []
    if course is not None and template is not None:
        problems.append(
            (
                "template",
                _(
                    "A rule renews one course or the courses of one template, not both. "
                    "Empty one of them: the course's own rule already wins over a template's."
                ),
            )
        )
    if validity_years and window_months and window_months >= validity_years * 12:
        problems.append(
            (
                "window_months",
                _(
                    "The window cannot open %(months)s months before expiry: a renewed "
                    "certificate is valid for %(years)s years (%(limit)s months). Choose a "
                    "shorter window."
                )
                % {"months": window_months, "years": validity_years, "limit": validity_years * 12},
            )
        )
    if path == RenewalPath.SAME:
        if path_courses:
            problems.append(
                (
                    "path_courses",
                    _(
                        "“Retake the same course” renews by the course being renewed: leave "
                        "the renewal courses empty, or choose a refresher path."
                    ),
                )
            )
        return problems
    if not path_courses:
        problems.append(("path_courses", _("Choose the course that renews the certificate.")))
    elif path == RenewalPath.REFRESHER and len(path_courses) > 1:
        problems.append(
            (
                "path_courses",
                _(
                    "A refresher path has one course. To offer a choice, choose “Any course "
                    "from a list”."
                ),
            )
        )
    renewed_key = canonical_course(course).translation_key if course is not None else None
    for option in path_courses:
        title = option.title
        if option.translation_key == renewed_key:
            problems.append(
                (
                    "path_courses",
                    _(
                        "“%(title)s” is the course being renewed. To have it taken again, "
                        "choose “Retake the same course”; otherwise choose a refresher course."
                    )
                    % {"title": title},
                )
            )
        elif not option.live:
            problems.append(
                (
                    "path_courses",
                    _("“%(title)s” is not published. Publish it or choose another course.")
                    % {"title": title},
                )
            )
        elif not option.awards_certificate:
            problems.append(
                (
                    "path_courses",
                    _(
                        "“%(title)s” does not award a certificate, so completing it cannot "
                        "renew one."
                    )
                    % {"title": title},
                )
            )
    return problems


def rule_check(rule: RenewalRule) -> list[str]:
    """The problems of a saved rule today (a path course unpublished or deleted since)."""
    problems = rule_problems(
        course=rule.course,
        template=rule.template,
        validity_years=rule.validity_years,
        window_months=rule.window_months,
        path=rule.path,
        path_courses=list(rule.path_courses.order_by("pk")),
    )
    return [message for _field, message in problems]
