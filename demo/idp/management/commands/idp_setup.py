"""Prepare the demo provider: its database, signing key, one client and its people."""

from __future__ import annotations

import json
from typing import Any

from allauth.account.models import EmailAddress
from allauth.idp.oidc.models import Client
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandParser

from demo.idp.paths import KEY_FILE, PEOPLE_FILE


class Command(BaseCommand):
    help = "Set up the demo identity provider: key, client and people (repeat-safe)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--client-id", required=True)
        parser.add_argument("--client-secret", required=True)
        parser.add_argument("--redirect-uri", action="append", required=True)

    def handle(self, *args: Any, **options: Any) -> None:
        call_command("migrate", verbosity=0)
        if not KEY_FILE.exists():
            key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
            pem = key.private_bytes(
                serialization.Encoding.PEM,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
            KEY_FILE.write_bytes(pem)
        client, _created = Client.objects.update_or_create(
            id=options["client_id"],
            defaults={
                "name": "Qamqor LMS",
                "type": Client.Type.CONFIDENTIAL,
                "scopes": "openid\nprofile\nemail",
                "default_scopes": "openid\nprofile\nemail",
                "grant_types": "authorization_code",
                "response_types": "code",
                "redirect_uris": "\n".join(options["redirect_uri"]),
                "skip_consent": True,
            },
        )
        client.set_secret(options["client_secret"])
        client.save()
        people = json.loads(PEOPLE_FILE.read_text(encoding="utf-8"))
        for person in people:
            user, _created = User.objects.get_or_create(
                username=person["email"].split("@")[0][:150],
                defaults={"email": person["email"]},
            )
            user.email = person["email"]
            user.set_password(person["password"])
            user.save()
            EmailAddress.objects.update_or_create(
                user=user,
                email=person["email"],
                defaults={"verified": True, "primary": True},
            )
        self.stdout.write(f"Demo provider ready: {len(people)} people, client {client.id}.")
