"""The types an app uses to offer links on the home page and in the main navigation.

Each app that has something to offer defines ``home.py`` with ``sections_for(user)`` and
``nav_for(user)``, answering with these; the shell (``lms.home``) puts the answers together.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.utils.functional import Promise


@dataclass(frozen=True)
class HomeLink:
    title: str | Promise
    description: str | Promise
    url: str


@dataclass
class HomeSection:
    title: str | Promise
    links: list[HomeLink] = field(default_factory=list)


@dataclass(frozen=True)
class NavLink:
    title: str | Promise
    url: str
    current: bool = False
