"""Renewal rules named by programmes' required courses.

A required course may name a renewal rule: for the people who hold that role (for tutors,
of that training area where one is set) at the programme's schools, the rule renews the
course's certificates, winning over the course's own rule and its template's. The finder
below answers ``certificates.renewal_rules`` (which cannot import programmes).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from django.utils.translation import gettext as _

from certificates import renewal
from certificates.models import RenewalRule
from courses.models import CoursePage

from .models import Programme, RequiredCourse
from .trained import programme_memberships


def requirement_rule_problems(*, rule: RenewalRule, course: CoursePage) -> list[str]:
    """Why ``rule`` cannot renew ``course`` for a programme's role; empty when it can."""
    problems: list[str] = []
    renewed = rule.course
    if renewed is not None and renewed.translation_key != course.translation_key:
        problems.append(
            _(
                "This rule renews “%(other)s”. Choose a rule of this course or one that "
                "applies to no course or template."
            )
            % {"other": renewed.title}
        )
    if rule.path_courses.filter(translation_key=course.translation_key).exists():
        problems.append(
            _(
                "The rule's renewal path is “%(title)s” itself. Choose a rule with a "
                "refresher course."
            )
            % {"title": course.title}
        )
    problems.extend(renewal.rule_check(rule))
    return problems


def _named() -> list[tuple[int, str, int | None, Any, int]]:
    """(programme, role, training area, course key, rule) of every required course that
    names a rule."""
    return list(
        RequiredCourse.objects.filter(renewal_rule__isnull=False).values_list(
            "programme_id", "role", "training_area_id", "course__translation_key", "renewal_rule_id"
        )
    )


class RequirementFinder:
    """What ``certificates.renewal_rules`` asks about programmes' requirements."""

    def course_keys(self) -> set[Any]:
        return {key for _programme, _role, _area, key, _rule in _named()}

    def rules_for(self, person_ids: set[int]) -> dict[tuple[int, Any], list[RenewalRule]]:
        named = _named()
        if not named or not person_ids:
            return {}
        rules = RenewalRule.objects.prefetch_related("path_courses").in_bulk(
            {row[4] for row in named}
        )
        by_programme: dict[int, list[tuple[str, int | None, Any, int]]] = defaultdict(list)
        for programme_id, role, area, key, rule_id in named:
            by_programme[programme_id].append((role, area, key, rule_id))
        found: dict[tuple[int, Any], list[RenewalRule]] = defaultdict(list)
        for programme in Programme.objects.filter(pk__in=by_programme):
            held = {
                (person_id, role, area)
                for _pk, person_id, role, area, *_place in programme_memberships(
                    programme, person_ids
                )
            }
            for person_id, role_held, area_held in held:
                for role, area, key, rule_id in by_programme[programme.pk]:
                    if role == role_held and area in (None, area_held):
                        found[(person_id, key)].append(rules[rule_id])
        return dict(found)
