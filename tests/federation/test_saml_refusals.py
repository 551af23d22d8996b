"""Bad answers from an organisation's SAML identity provider: each is made by the real IdP
(pysaml2) with the parameter a broken or hostile IdP would get wrong, refused with a
translated reason on the product's refusal page, and nothing is created or changed."""

from __future__ import annotations

from typing import Any

import pytest
from allauth.socialaccount.models import SocialAccount
from django.test import Client
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext
from saml2.xmldsig import DIGEST_SHA1, SIG_RSA_SHA1
from wagtail.models import ModelLogEntry

from federation.models import IdentityProvider
from people.models import RoleMembership, User
from people.roles import Role

from .conftest import DOMAIN
from .saml_idp import (
    ANOTHER_SERVICE,
    HOST,
    post_to_acs,
    saml_sign_in,
    sign_in_at_provider,
    start_sign_in,
)
from .saml_idp import IdentityProvider as SamlIdP

pytestmark = [pytest.mark.sso, pytest.mark.django_db]


def nothing_created() -> bool:
    return (
        not User.objects.exists()
        and not SocialAccount.objects.exists()
        and not RoleMembership.objects.exists()
    )


def signed_in(client: Client) -> bool:
    return client.get(reverse("profile")).wsgi_request.user.is_authenticated


def refused(response: Any, reason: str) -> None:
    page = response.content.decode()
    assert response.status_code == 403, page[:2000]
    assert "Sign-in refused" in page
    assert reason in page


@pytest.mark.parametrize(
    ("email", "reason"),
    [
        (f"leader@{DOMAIN}", "may not give the role “School leader”"),
        (f"far@{DOMAIN}", "may not give roles at"),
        (f"unknown-school@{DOMAIN}", "a school that is not in the programme: no-such-school"),
        ("stranger@elsewhere.example", "may not sign in addresses of this domain"),
    ],
)
def test_an_assertion_the_idp_may_not_make_is_refused(
    client: Client, university: IdentityProvider, email: str, reason: str
) -> None:
    refused(saml_sign_in(client, email), reason)
    assert not signed_in(client)
    assert nothing_created()
    refusal = ModelLogEntry.objects.get(action="federation.sign_in.refused")
    assert reason in refusal.data["reason"]


def test_the_refusal_is_in_the_person_s_language(
    client: Client, university: IdentityProvider
) -> None:
    response = saml_sign_in(client, f"leader@{DOMAIN}", language="ru")
    assert response.status_code == 403
    page = response.content.decode()
    with translation.override("ru"):
        heading = gettext("Sign-in refused")
        role = str(Role.SCHOOL_LEADER.label)
    assert heading != "Sign-in refused"
    assert heading in page
    assert role in page
    assert nothing_created()


@pytest.mark.parametrize(
    ("behaviour", "reason", "logged"),
    [
        ({"lifetime_minutes": -10}, "has expired", "timestamp: expired"),
        ({"audience": ANOTHER_SERVICE}, "meant for another service", "not a valid audience"),
        (
            {"sign_assertion": False, "sign_response": False},
            "not signed with its key",
            "Assertion of the Response is not signed",
        ),
        # A signed response around an unsigned assertion is not enough.
        (
            {"sign_assertion": False, "sign_response": True},
            "not signed with its key",
            "Assertion of the Response is not signed",
        ),
        ({"signer": "other-key"}, "not signed with its key", "Signature validation failed"),
        ({"signer": "other-entity"}, "came from another identity provider", "Invalid issuer"),
        ({"sign_alg": SIG_RSA_SHA1, "digest_alg": DIGEST_SHA1}, "(SHA-1)", "rsa-sha1"),
    ],
    ids=[
        "expired",
        "wrong-audience",
        "unsigned",
        "assertion-unsigned",
        "another-key",
        "another-issuer",
        "sha1",
    ],
)
def test_an_answer_that_cannot_be_trusted_is_refused(
    client: Client,
    university: IdentityProvider,
    saml_idp: SamlIdP,
    behaviour: dict[str, object],
    reason: str,
    logged: str,
) -> None:
    for name, value in behaviour.items():
        setattr(saml_idp.behaviour, name, value)
    refused(saml_sign_in(client, f"teacher@{DOMAIN}"), reason)
    assert not signed_in(client)
    assert nothing_created()
    entry = ModelLogEntry.objects.get(action="federation.sign_in.refused")
    assert logged in entry.data["reason"]


def test_a_replayed_answer_is_refused(client: Client, university: IdentityProvider) -> None:
    action, fields = sign_in_at_provider(start_sign_in(client), f"plain@{DOMAIN}")
    assert post_to_acs(client, action, fields).status_code == 302
    client.post(reverse("account_logout"), **HOST)
    User.objects.all().delete()
    # The same browser, then another one, post the very same signed answer again.
    refused(post_to_acs(client, action, fields), "was already used")
    other = Client()
    refused(post_to_acs(other, action, fields), "was already used")
    assert not signed_in(client)
    assert not signed_in(other)
    assert nothing_created()


def test_an_answer_for_another_browser_is_refused(
    client: Client, university: IdentityProvider
) -> None:
    """The answer must be InResponseTo a request this browser started."""
    action, fields = sign_in_at_provider(start_sign_in(client), f"plain@{DOMAIN}")
    other = Client()
    refused(post_to_acs(other, action, fields), "does not belong to a sign-in started")
    assert not signed_in(other)
    assert nothing_created()


def test_an_unknown_or_switched_off_organisation_is_not_found(
    client: Client, university: IdentityProvider
) -> None:
    assert client.post("/en/accounts/saml/nobody/login/", **HOST).status_code == 404
    university.is_active = False
    university.save()
    assert client.post("/en/accounts/saml/university/login/", **HOST).status_code == 404
    assert nothing_created()


def test_an_answer_for_an_organisation_switched_off_meanwhile_is_refused(
    client: Client, university: IdentityProvider
) -> None:
    action, fields = sign_in_at_provider(start_sign_in(client), f"plain@{DOMAIN}")
    university.is_active = False
    university.save()
    refused(post_to_acs(client, action, fields), "signing in with it is switched off")
    assert not signed_in(client)
    assert nothing_created()


def test_an_answer_posted_for_an_unknown_organisation_is_refused(
    client: Client, university: IdentityProvider
) -> None:
    action, fields = sign_in_at_provider(start_sign_in(client), f"plain@{DOMAIN}")
    refused(
        post_to_acs(client, action.replace("/university/", "/nobody/"), fields),
        "This organisation is not registered here",
    )
    assert nothing_created()


def test_an_idp_whose_metadata_cannot_be_read_is_a_refusal_not_an_error(
    client: Client, university: IdentityProvider
) -> None:
    university.saml_metadata_url = "http://127.0.0.1:9/metadata"
    university.save()
    response = client.post("/en/accounts/saml/university/login/", **HOST)
    refused(response, "identity provider cannot be reached")
    assert nothing_created()


def test_an_answer_whose_idp_metadata_cannot_be_read_any_more_is_refused(
    client: Client, university: IdentityProvider
) -> None:
    action, fields = sign_in_at_provider(start_sign_in(client), f"plain@{DOMAIN}")
    university.saml_metadata_url = "http://127.0.0.1:9/metadata"
    university.save()
    refused(post_to_acs(client, action, fields), "identity provider cannot be reached")
    assert nothing_created()
