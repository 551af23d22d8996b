"""Serve the demo organisation's identity provider and register it in the product, so that
"Sign in with Demo Ministry of Education" on the sign-in page works in ``make run``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from demo.idp import paths
from federation.models import IdentityProvider, MappingRule
from people.models import School
from people.roles import Role

SLUG = "demo-ministry"
DOMAIN = "edu-demo.kz"
PASSWORD = "demo-idp-passphrase"  # noqa: S105 - an invented demo account
CLIENT_ID = "qamqor-demo"
CLIENT_SECRET = "demo-client-secret-not-for-production"  # noqa: S105


class Command(BaseCommand):
    help = "Run the demo identity provider (OpenID Connect) and register it (repeat-safe)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--port", type=int, default=8001)
        parser.add_argument("--site", default="http://localhost:8000")
        parser.add_argument(
            "--no-serve", action="store_true", help="Set up and register only; do not serve."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        school = School.objects.order_by("code").first()
        if school is None:
            raise CommandError("Load the demo first: manage.py seed_demo")
        issuer = f"http://127.0.0.1:{options['port']}"
        people = [
            {
                "email": f"teacher@{DOMAIN}",
                "password": PASSWORD,
                "name": "Гүлнар Әбдірахманова",
                "name_alt": "Gulnar Abdirakhmanova",
                "locale": "kk",
                "role": "teacher",
                "school_code": school.code,
            },
            {
                "email": f"methodologist@{DOMAIN}",
                "password": PASSWORD,
                "name": "Ольга Ким",
                "name_alt": "Olga Kim",
                "locale": "ru",
                "role": "methodologist",
                "school_code": school.code,
            },
        ]
        paths.DIR.mkdir(parents=True, exist_ok=True)
        paths.PEOPLE_FILE.write_text(json.dumps(people, ensure_ascii=False), encoding="utf-8")
        sites = {options["site"].rstrip("/"), options["site"].replace("localhost", "127.0.0.1")}
        uris = [
            arg
            for site in sorted(sites)
            for language, _name in settings.LANGUAGES
            for arg in ("--redirect-uri", f"{site}/{language}/accounts/oidc/{SLUG}/login/callback/")
        ]
        env = {**os.environ, "DEMO_IDP_DIR": str(paths.DIR)}
        env.pop("DJANGO_SETTINGS_MODULE", None)
        env.pop("DATABASE_URL", None)
        command = [sys.executable, "-m", "demo.idp"]
        setup = [*command, "idp_setup", "--client-id", CLIENT_ID, "--client-secret", CLIENT_SECRET]
        subprocess.run([*setup, *uris], check=True, env=env, cwd=settings.BASE_DIR)  # noqa: S603 - this interpreter, fixed arguments
        provider, _created = IdentityProvider.objects.update_or_create(
            slug=SLUG,
            defaults={
                "organisation": "Demo Ministry of Education",
                "issuer": issuer,
                "client_id": CLIENT_ID,
                "client_secret": CLIENT_SECRET,
                "domains": DOMAIN,
                "allowed_roles": [Role.TEACHER, Role.METHODOLOGIST],
                "name_alt_claim": "name_alt",
                "is_active": True,
            },
        )
        for value in ("teacher", "methodologist"):
            MappingRule.objects.get_or_create(
                provider=provider, claim="role", value=value, role=value
            )
        self.stdout.write(self.style.SUCCESS(f"Demo identity provider registered: {issuer}"))
        for person in people:
            self.stdout.write(f"  {person['email']}  password: {PASSWORD}  ({person['role']})")
        if not options["no_serve"]:
            subprocess.run(  # noqa: S603 - this interpreter, fixed arguments
                [*command, "runserver", f"127.0.0.1:{options['port']}", "--noreload"],
                check=False,
                env=env,
                cwd=settings.BASE_DIR,
            )
