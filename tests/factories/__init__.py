"""Factories for the test suite, one module per app: ``people`` (places, accounts and
roles; also importable from ``tests.factories`` itself), ``courses``, ``certificates`` and
``supervision``. Passwords are set with a fast hasher (see conftest)."""

from __future__ import annotations

from .people import (
    PASSWORD,
    RegionFactory,
    SchoolFactory,
    TrainingAreaFactory,
    UserFactory,
    activate_totp,
    admin_in_english,
    grant,
    person_with_role,
    totp_code,
)

__all__ = [
    "PASSWORD",
    "RegionFactory",
    "SchoolFactory",
    "TrainingAreaFactory",
    "UserFactory",
    "activate_totp",
    "admin_in_english",
    "grant",
    "person_with_role",
    "totp_code",
]
