"""Build the demo programme: places and people, then courses, certificates, supervision
and the programme's targets. Safe to run again: a second run changes nothing."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand
from django.test.utils import override_settings
from django.utils import translation

from demo import certificates, courses, people, programmes, renewal, supervision


class Command(BaseCommand):
    help = "Load the deterministic demo programme (idempotent)."

    def handle(self, *args: Any, **options: Any) -> None:
        translation.activate("en")
        # Demo people have invented addresses: building the demo sends no e-mail.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.dummy.EmailBackend"):
            result = people.seed(self.stdout)
            # Each part builds on the ones before it.
            courses.seed(self.stdout, result)
            certificates.seed(self.stdout, result)
            renewal.seed(self.stdout, result)
            supervision.seed(self.stdout, result)
            programmes.seed(self.stdout, result)
        self.report(result)

    def report(self, result: people.PeopleSeedResult) -> None:
        self.stdout.write(self.style.SUCCESS("Demo programme ready."))
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {people.DEMO_PASSWORD})")
        width = max(len(login.role) for login in result.logins)
        for login in result.logins:
            where = f"  ({login.where})" if login.where else ""
            self.stdout.write(f"  {login.role:<{width}}  {login.email:<32} {login.name}{where}")
