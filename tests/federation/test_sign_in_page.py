"""The sign-in page offers each organisation, and an address of a covered domain leads to
its provider."""

from __future__ import annotations

from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from core.csp import origin_of
from federation.models import IdentityProvider, MappingRule
from people.roles import Role
from tests.factories import TrainingAreaFactory

from .conftest import DOMAIN

pytestmark = pytest.mark.django_db


@pytest.mark.sso
def test_the_sign_in_page_offers_the_organisation(
    client: Client, ministry: IdentityProvider
) -> None:
    page = client.get(reverse("account_login")).content.decode()
    assert "Sign in with Ministry of Education (test)" in page
    assert 'action="/en/accounts/oidc/ministry/login/"' in page
    assert 'for="id_organisation_email"' in page


def test_without_providers_the_page_offers_none(client: Client) -> None:
    page = client.get(reverse("account_login")).content.decode()
    assert "Sign in with your organisation" not in page


@pytest.mark.sso
def test_an_address_of_a_covered_domain_leads_to_its_provider(
    client: Client, ministry: IdentityProvider
) -> None:
    response = client.post(reverse("sso_discover"), {"email": f"Someone@{DOMAIN.upper()}"})
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert f"{target.scheme}://{target.netloc}" == ministry.issuer
    query = parse_qs(target.query)
    assert query["client_id"] == [ministry.client_id]
    assert query["redirect_uri"] == ["http://testserver/en/accounts/oidc/ministry/login/callback/"]
    assert query["state"]


@pytest.mark.sso
def test_an_address_of_no_covered_domain_is_told_to_use_the_password(
    client: Client, ministry: IdentityProvider
) -> None:
    response = client.post(reverse("sso_discover"), {"email": "someone@elsewhere.example"})
    assert response.status_code == 200
    assert "No organisation signs in addresses of this domain" in response.content.decode()


def test_discovery_answers_only_posts(client: Client) -> None:
    assert client.get(reverse("sso_discover")).status_code == 405


def _provider(**fields: object) -> IdentityProvider:
    values: dict[str, object] = {
        "organisation": "Org",
        "slug": "org",
        "issuer": "https://idp.example.org",
        "client_id": "c",
        "client_secret": "s",
        "domains": "org.example",
    }
    return IdentityProvider(**{**values, **fields})


def test_the_admin_refuses_a_domain_that_is_not_one() -> None:
    with pytest.raises(ValidationError) as error:
        _provider(domains="not a domain, @x").full_clean()
    assert "domains" in error.value.message_dict


def test_the_admin_refuses_a_domain_another_provider_covers() -> None:
    _provider(slug="first", domains="Org.Example\nother.example").save()
    with pytest.raises(ValidationError) as error:
        _provider(slug="second", domains="org.example").full_clean()
    assert "Already covered by another provider: org.example" in str(error.value)


def test_the_admin_refuses_regional_and_national_roles() -> None:
    with pytest.raises(ValidationError) as error:
        _provider(allowed_roles=[Role.REGIONAL_COORDINATOR]).full_clean()
    assert "allowed_roles" in error.value.message_dict


def test_a_rule_needs_the_role_on_the_provider_s_list_and_its_details() -> None:
    provider = _provider(allowed_roles=[Role.TEACHER, Role.TUTOR])
    provider.save()
    with pytest.raises(ValidationError) as error:
        MappingRule(provider=provider, claim="role", value="x", role=Role.SUPERVISOR).full_clean()
    assert "role" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        MappingRule(provider=provider, claim="role", value="x", role=Role.TUTOR).full_clean()
    assert "training_area" in error.value.message_dict
    MappingRule(
        provider=provider,
        claim="role",
        value="x",
        role=Role.TUTOR,
        training_area=TrainingAreaFactory(),
    ).full_clean()


def form_action(response: Any) -> list[str]:
    policy = response["Content-Security-Policy"]
    directive = next(part for part in policy.split(";") if part.strip().startswith("form-action"))
    return directive.split()[1:]


def test_the_sign_in_page_lets_its_forms_lead_on_to_each_active_provider(
    client: Client, schools: dict
) -> None:
    # Browsers apply form-action to the redirect after "Sign in with …": without the
    # provider's origin there, the button does nothing.
    for slug, issuer, active in [
        ("ministry", "https://id.edu.example/realms/staff", True),
        ("department", "https://sso.dept.example:8443", True),
        ("old", "https://old.example", False),
    ]:
        IdentityProvider.objects.create(
            organisation=slug,
            slug=slug,
            issuer=issuer,
            client_id="c",
            client_secret="s",
            domains=f"{slug}.example",
            is_active=active,
        )
    allowed = form_action(client.get(reverse("account_login")))
    assert allowed == ["'self'", "https://id.edu.example", "https://sso.dept.example:8443"]
    # Other pages keep forms to the product itself.
    assert form_action(client.get(reverse("account_signup"))) == ["'self'"]


@pytest.mark.sso
def test_a_saml_provider_is_where_the_sign_in_page_may_lead(
    client: Client, university: IdentityProvider
) -> None:
    university.full_clean()  # reads the metadata, as saving in the admin does
    university.save()
    sign_in_at = university.saml_sso_url
    assert sign_in_at
    assert origin_of(sign_in_at) == origin_of(university.saml_metadata_url)
    assert origin_of(sign_in_at) in form_action(client.get(reverse("account_login")))
