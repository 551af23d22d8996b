"""Bad assertions from an organisation's provider: each is refused with a clear,
translated reason, and nothing is created or changed."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest
from allauth.socialaccount.models import SocialAccount
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import ModelLogEntry

from federation.models import IdentityProvider
from people.models import RoleMembership, User
from people.roles import Role

from .conftest import DOMAIN
from .idp import oidc_sign_in, sign_in_at_provider, start_sign_in

pytestmark = [pytest.mark.sso, pytest.mark.django_db]


def nothing_created() -> bool:
    return (
        not User.objects.exists()
        and not SocialAccount.objects.exists()
        and not RoleMembership.objects.exists()
    )


@pytest.mark.parametrize(
    ("email", "reason"),
    [
        (f"leader@{DOMAIN}", "may not give the role “School leader”"),
        (f"far@{DOMAIN}", "may not give roles at"),
        (f"unknown-school@{DOMAIN}", "a school that is not in the programme: no-such-school"),
        ("stranger@elsewhere.example", "may not sign in addresses of this domain"),
    ],
)
def test_an_assertion_the_provider_may_not_make_is_refused(
    client: Client, ministry: IdentityProvider, email: str, reason: str
) -> None:
    response = oidc_sign_in(client, email)
    assert response.status_code == 403
    assert reason in response.content.decode()
    assert not client.get(reverse("profile")).wsgi_request.user.is_authenticated
    assert nothing_created()
    refusal = ModelLogEntry.objects.get(action="federation.sign_in.refused")
    assert reason in refusal.data["reason"]


def test_the_refusal_is_in_the_person_s_language(
    client: Client, ministry: IdentityProvider
) -> None:
    back = sign_in_at_provider(start_sign_in(client, language="ru"), f"leader@{DOMAIN}")
    parts = urlsplit(back)
    assert parts.path.startswith("/ru/")
    response = client.get(f"{parts.path}?{parts.query}")
    assert response.status_code == 403
    page = response.content.decode()
    with translation.override("ru"):
        heading = gettext("Sign-in refused")
        role = str(Role.SCHOOL_LEADER.label)
    assert heading != "Sign-in refused"
    assert heading in page
    assert role in page
    assert nothing_created()


def test_a_replayed_answer_from_the_provider_is_refused(
    client: Client, ministry: IdentityProvider
) -> None:
    back = sign_in_at_provider(start_sign_in(client), f"plain@{DOMAIN}")
    parts = urlsplit(back)
    first = client.get(f"{parts.path}?{parts.query}")
    assert first.status_code == 302
    client.post(reverse("account_logout"))
    User.objects.all().delete()
    again = client.get(f"{parts.path}?{parts.query}")
    assert again.status_code == 401  # allauth's "sign-in failed" page
    assert not User.objects.exists()
    assert not again.wsgi_request.user.is_authenticated


def test_an_answer_for_another_browser_is_refused(
    client: Client, ministry: IdentityProvider
) -> None:
    """The state ties the provider's answer to the browser that started the sign-in."""
    back = sign_in_at_provider(start_sign_in(client), f"plain@{DOMAIN}")
    parts = urlsplit(back)
    other = Client()
    response = other.get(f"{parts.path}?{parts.query}")
    assert not response.wsgi_request.user.is_authenticated
    assert not User.objects.exists()


def test_an_unknown_or_switched_off_organisation_is_not_found(
    client: Client, ministry: IdentityProvider
) -> None:
    assert client.post("/en/accounts/oidc/nobody/login/").status_code == 404
    ministry.is_active = False
    ministry.save()
    assert client.post("/en/accounts/oidc/ministry/login/").status_code == 404
    assert nothing_created()


def test_a_secret_the_provider_does_not_accept_creates_nothing(
    client: Client, ministry: IdentityProvider
) -> None:
    authorize = start_sign_in(client)
    ministry.client_secret = "not-the-secret"
    ministry.save()
    back = sign_in_at_provider(authorize, f"plain@{DOMAIN}")
    parts = urlsplit(back)
    response = client.get(f"{parts.path}?{parts.query}")
    assert not response.wsgi_request.user.is_authenticated
    assert nothing_created()
