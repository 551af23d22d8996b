"""The platform's page in the admin shows what the platform's administrator needs, and the
tool's keys: made on first need, published with a stable ``kid``, rotated without breaking
what was signed just before, the private half stored encrypted and never shown."""

from __future__ import annotations

import io
from typing import Any

import pytest
from django.core.management import call_command
from django.test import Client

from lti import keys
from lti.models import Platform, ToolKey
from tests.factories import UserFactory, activate_totp, admin_in_english, grant

pytestmark = [pytest.mark.lti, pytest.mark.django_db]


def test_the_platform_page_shows_the_tools_addresses(client: Client, registered: Platform) -> None:
    admin = UserFactory()
    grant(admin, "administrator")
    activate_totp(admin)
    admin_in_english(admin)
    client.force_login(admin)

    response = client.get(f"/admin/snippets/lti/platform/edit/{registered.pk}/")

    assert response.status_code == 200
    html = response.content.decode()
    for address in ("jwks/", "login/", "launch/", "deep-link/"):
        assert f"<code>http://testserver/lti/{address}</code>" in html
    assert "BEGIN" not in html  # no key material on the page


def test_the_key_set_publishes_the_current_key_and_the_one_before(client: Client) -> None:
    first = client.get("/lti/jwks/").json()["keys"]
    assert len(first) == 1
    [created] = ToolKey.objects.all()
    assert first[0]["kid"] == created.kid
    assert first[0]["kty"] == "RSA"
    assert "d" not in first[0]  # public half only
    assert "ENCRYPTED PRIVATE KEY" in created.private_pem_encrypted
    assert client.get("/lti/jwks/").json()["keys"] == first  # no new key per request

    second = keys.tool_key_rotate()
    published = [key["kid"] for key in client.get("/lti/jwks/").json()["keys"]]
    assert published == [second.kid, created.kid]
    assert keys.tool_key_current() == second

    third = keys.tool_key_rotate()
    published = [key["kid"] for key in client.get("/lti/jwks/").json()["keys"]]
    assert published == [third.kid, second.kid]
    created.refresh_from_db()
    assert created.retired_at is not None


def test_the_private_key_opens_only_with_the_secret_key(settings: Any) -> None:
    key = keys.tool_key_current()
    assert "BEGIN PRIVATE KEY" in keys.private_pem(key)

    settings.SECRET_KEY = "another-secret-key-entirely-for-this-test"
    with pytest.raises(ValueError, match="password"):
        keys.private_pem(key)

    call_command("lti_rotate_key", stdout=io.StringIO())
    fresh = keys.tool_key_current()
    assert fresh != key
    assert "BEGIN PRIVATE KEY" in keys.private_pem(fresh)
