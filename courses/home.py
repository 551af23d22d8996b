"""What courses offer on the home page: learning for learners, reports and reviews for
trainers and managers."""

from __future__ import annotations

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.home import HomeLink, HomeSection
from people import scoping
from people.models import User

from .selectors import catalogue_url


def sections_for(user: User) -> list[HomeSection]:
    scope = scoping.scope_for(user)
    learning = HomeSection(_("Learning"))
    learning.links.append(
        HomeLink(
            _("My learning"),
            _("Required courses, courses in progress and completed ones."),
            reverse("my_learning"),
        )
    )
    catalogue = catalogue_url()
    if catalogue:
        learning.links.append(
            HomeLink(_("Course catalogue"), _("Courses open to your roles."), catalogue)
        )
    teaching = HomeSection(_("Courses and learners"))
    if scope.is_trainer or scope.oversees_people:
        teaching.links.append(
            HomeLink(
                _("Progress reports"),
                _("Who has completed which module, by region, school and role."),
                reverse("course_reports"),
            )
        )
    if scope.is_trainer or scope.is_national:
        teaching.links.append(
            HomeLink(
                _("Reflections to review"),
                _("Accept learners' reflections or return them with a comment."),
                reverse("reflection_queue"),
            )
        )
    return [learning, teaching]


def nav_for(user: User) -> list[tuple[str | Promise, str]]:
    scope = scoping.scope_for(user)
    entries: list[tuple[str | Promise, str]] = []
    if scope.learner_roles:
        entries.append((_("My learning"), reverse("my_learning")))
    catalogue = catalogue_url()
    if catalogue:
        entries.append((_("Courses"), catalogue))
    if scope.is_trainer or scope.oversees_people:
        entries.append((_("Reports"), reverse("course_reports")))
    return entries
