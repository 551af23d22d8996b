"""Build the demo programme: places and people, then whatever each app adds (courses,
certificates, supervision, targets). Safe to run again: a second run changes nothing."""

from __future__ import annotations

import importlib
from typing import Any

from django.core.management.base import BaseCommand
from django.test.utils import override_settings
from django.utils import translation

from people import demo as people_demo

# Each module defines ``seed(out, people)`` and runs after the ones before it.
SEEDERS = ("courses.demo", "certificates.demo", "supervision.demo", "programmes.demo")


class Command(BaseCommand):
    help = "Load the deterministic demo programme (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        translation.activate("en")
        # Demo people have invented addresses: building the demo sends no e-mail.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            people = self.seed()
        self.report(people)

    def seed(self) -> people_demo.PeopleSeedResult:
        people = people_demo.seed(self.stdout)
        for name in SEEDERS:
            try:
                module = importlib.import_module(name)
            except ModuleNotFoundError as error:
                if error.name != name:
                    raise
                continue
            module.seed(self.stdout, people)
        return people

    def report(self, people: people_demo.PeopleSeedResult) -> None:
        self.stdout.write(self.style.SUCCESS("Demo programme ready."))
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {people_demo.DEMO_PASSWORD})")
        width = max(len(login.role) for login in people.logins)
        for login in people.logins:
            where = f"  ({login.where})" if login.where else ""
            self.stdout.write(f"  {login.role:<{width}}  {login.email:<32} {login.name}{where}")
