"""What supervision offers on the home page and in the main navigation, by role."""

from __future__ import annotations

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.home import HomeLink, HomeSection
from people import scoping
from people.models import User
from people.roles import LEARNER_ROLES

from . import access


def sections_for(user: User) -> list[HomeSection]:
    scope = scoping.scope_for(user)
    section = HomeSection(_("Supervision"))
    if scope.supervised_school_ids:
        section.links.append(
            HomeLink(
                _("My visits"),
                _("Visits to record, overdue, this month and coming up."),
                reverse("supervision:caseload"),
            )
        )
    if access.oversees_supervision(user):
        section.links.append(
            HomeLink(
                _("Schools and visit plans"),
                _("Each school's supervision year, its visits and sign-off."),
                reverse("supervision:school_list"),
            )
        )
    if scope.is_national or scope.coordinated_region_ids:
        section.links.append(
            HomeLink(
                _("Coverage"),
                _("Visits done against planned, per school and month, and overdue actions."),
                reverse("supervision:coverage"),
            )
        )
    if access.oversees_supervision(user):
        section.links.append(
            HomeLink(
                _("Action points"),
                _("What schools agreed to do, who owns it and what is overdue."),
                reverse("supervision:action_point_list"),
            )
        )
    if scope.roles & LEARNER_ROLES:
        section.links.append(
            HomeLink(
                _("My observed practice"),
                _("Your observations, your action points and your scores over the year."),
                reverse("supervision:practice_mine"),
            )
        )
    return [section]


def nav_for(user: User) -> list[tuple[str | Promise, str]]:
    scope = scoping.scope_for(user)
    if access.oversees_supervision(user) or scope.roles & LEARNER_ROLES:
        return [(_("Supervision"), reverse("supervision:index"))]
    return []
