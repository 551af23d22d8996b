"""What programmes offer on the home page: the dashboard and staff imports."""

from __future__ import annotations

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.home import HomeLink, HomeSection
from people import scoping
from people.models import User

from .selectors import may_see_dashboards


def sections_for(user: User) -> list[HomeSection]:
    section = HomeSection(_("Programme"))
    if may_see_dashboards(user):
        section.links.append(
            HomeLink(
                _("Dashboard"),
                _("Trained staff against the targets, by region, school and role."),
                reverse("programme_index"),
            )
        )
    if scoping.scope_for(user).may_grant_roles:
        section.links.append(
            HomeLink(
                _("Import staff"),
                _("Add or update many people at once from a CSV or Excel file."),
                reverse("staff_import_new"),
            )
        )
    return [section]


def nav_for(user: User) -> list[tuple[str | Promise, str]]:
    if may_see_dashboards(user):
        return [(_("Dashboard"), reverse("programme_index"))]
    return []
