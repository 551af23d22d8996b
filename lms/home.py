"""What the home page and the main navigation offer a person, according to their roles.

Each app that has something to offer defines ``home.py`` with ``sections_for(user)`` and
``nav_for(user)`` (answering with ``core.home`` types); the shell asks them in layer order
and puts the answers together.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from core.home import HomeSection, NavLink
from people.models import User

CONTRIBUTORS = (
    "courses.home",
    "certificates.home",
    "supervision.home",
    "programmes.home",
    "people.home",
)


def _contributors() -> list[ModuleType]:
    modules = []
    for name in CONTRIBUTORS:
        try:
            modules.append(importlib.import_module(name))
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
    return modules


def sections_for(user: User) -> list[HomeSection]:
    sections: list[HomeSection] = []
    for module in _contributors():
        sections.extend(section for section in module.sections_for(user) if section.links)
    return sections


def nav_for(user: User, path: str) -> list[NavLink]:
    """The main navigation: home, then one entry per area the person's roles open."""
    if not user.is_authenticated:
        return []
    home = reverse("home")
    entries: list[tuple[str | Promise, str]] = [(_("Home"), home)]
    for module in _contributors():
        entries.extend(module.nav_for(user))
    # The current entry is the one whose address is the longest start of the path
    # (/learning/reports/ is Reports, not My learning at /learning/).
    matches = [
        url for _title, url in entries if path == url or (url != home and path.startswith(url))
    ]
    current = max(matches, key=len, default=None)
    return [NavLink(title, url, current=url == current) for title, url in entries]
