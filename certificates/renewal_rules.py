"""Which renewal rule governs a certificate: the most specific one wins.

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

from courses.models import CoursePage

from .models import Certificate, CertificateTemplate, RenewalRule


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
