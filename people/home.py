"""What people's roles offer on the home page: the people directory, and one's account."""

from __future__ import annotations

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.home import HomeLink, HomeSection

from . import scoping
from .models import User


def sections_for(user: User) -> list[HomeSection]:
    scope = scoping.scope_for(user)
    manage = HomeSection(_("People and schools"))
    if scope.oversees_people:
        manage.links.append(
            HomeLink(
                _("People"),
                _("Find staff in your schools and see their roles."),
                reverse("person_list"),
            )
        )
    if scope.may_grant_roles:
        manage.links.append(
            HomeLink(
                _("Add a person"),
                _("Add a member of staff with a role and send them an invitation."),
                reverse("person_create"),
            )
        )
    content = HomeSection(_("Content and settings"))
    if scope.opens_admin:
        content.links.append(
            HomeLink(
                _("Administration"),
                _("Write and publish courses, manage schools and certificate templates."),
                reverse("wagtailadmin_home"),
            )
        )
    account = HomeSection(
        _("Your account"),
        [
            HomeLink(
                _("Your details"),
                _("Your name as on certificates, and your language."),
                reverse("profile"),
            ),
            HomeLink(
                _("Sign-in and security"),
                _("E-mail address, password and two-factor authentication."),
                reverse("mfa_index"),
            ),
        ],
    )
    return [manage, content, account]


def nav_for(user: User) -> list[tuple[str | Promise, str]]:
    entries: list[tuple[str | Promise, str]] = []
    scope = scoping.scope_for(user)
    if scope.oversees_people:
        entries.append((_("People"), reverse("person_list")))
    if scope.opens_admin:
        entries.append((_("Administration"), reverse("wagtailadmin_home")))
    return entries
