"""What the demo provider asserts: each person's claims from ``people.json``."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from allauth.idp.oidc.adapter import DefaultOIDCAdapter

from .paths import PEOPLE_FILE

# Claims of the standard scopes are allauth's; these come from the file.
EXTRA_CLAIMS = ("name", "name_alt", "locale", "role", "school_code")


def person_claims(email: str) -> dict[str, Any]:
    people = json.loads(PEOPLE_FILE.read_text(encoding="utf-8"))
    return next((p for p in people if p["email"].lower() == email.lower()), {})


class DemoProviderAdapter(DefaultOIDCAdapter):
    def get_claims(
        self,
        purpose: Any,
        user: Any,
        client: Any,
        scopes: Iterable[str],
        email: str | None = None,
        **kwargs: Any,
    ) -> dict[str, Any]:
        claims = super().get_claims(purpose, user, client, scopes, email=email, **kwargs)
        person = person_claims(user.email)
        claims.update({key: person[key] for key in EXTRA_CLAIMS if key in person})
        if "email_verified" in person and "email" in claims:
            claims["email_verified"] = bool(person["email_verified"])
        if purpose == "id_token" and person.get("amr"):
            claims["amr"] = person["amr"]
        return claims
