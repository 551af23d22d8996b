"""The rules that decide a sign-in, on the provider's claims alone (no provider needed)."""

from __future__ import annotations

import pytest

from federation import saml
from federation.models import IdentityProvider, MappingRule
from federation.services import FederationError, sign_in_plan, used_mfa, used_mfa_context
from people.roles import Role
from tests.factories import SchoolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def provider() -> IdentityProvider:
    school = SchoolFactory(code="plan-school")
    provider = IdentityProvider.objects.create(
        organisation="Department",
        slug="department",
        issuer="https://idp.example.org",
        client_id="c",
        client_secret="s",
        domains="dept.example",
        region=school.region,
        allowed_roles=[Role.TEACHER],
    )
    MappingRule.objects.create(provider=provider, claim="groups", value="teachers", role="teacher")
    return provider


def test_a_claim_listing_several_values_matches_a_rule(provider: IdentityProvider) -> None:
    plan = sign_in_plan(
        provider=provider,
        claims={
            "email": "A.Person@Dept.Example",
            "name": "  Асқар   Бекұлы ",
            "locale": "ru_RU",
            "groups": ["staff", "teachers"],
            "school_code": "plan-school",
        },
    )
    assert plan.profile.email == "a.person@dept.example"
    assert plan.profile.full_name == "Асқар Бекұлы"
    assert plan.profile.language == "ru"
    assert [(spec.role, spec.school.code) for spec in plan.specs] == [("teacher", "plan-school")]


def test_a_name_with_control_characters_is_refused(provider: IdentityProvider) -> None:
    with pytest.raises(FederationError, match="a name that cannot be kept"):
        sign_in_plan(provider=provider, claims={"email": "a@dept.example", "name": "Bad\x00Name"})


def test_a_missing_name_or_address_is_refused(provider: IdentityProvider) -> None:
    with pytest.raises(FederationError, match="did not send your name"):
        sign_in_plan(provider=provider, claims={"email": "a@dept.example"})
    with pytest.raises(FederationError, match="did not send your e-mail address"):
        sign_in_plan(provider=provider, claims={"name": "Someone"})


def test_a_switched_off_provider_signs_nobody_in(provider: IdentityProvider) -> None:
    provider.is_active = False
    with pytest.raises(FederationError, match="switched off"):
        sign_in_plan(provider=provider, claims={"email": "a@dept.example", "name": "A"})


@pytest.mark.parametrize(
    ("amr", "expected"),
    [(["pwd"], False), (None, False), (["pwd", "otp"], True), (["MFA"], True), (["hwk"], True)],
)
def test_a_second_factor_is_read_from_amr(amr: list[str] | None, expected: bool) -> None:
    assert used_mfa(amr) is expected


@pytest.mark.parametrize(
    ("classes", "expected"),
    [
        (["urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"], False),
        ([], False),
        (["urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract"], True),
        (["urn:oasis:names:tc:SAML:2.0:ac:classes:TimeSyncToken"], True),
        (["https://refeds.org/profile/mfa"], True),
        (["mfa"], False),  # an amr value is not an authentication context class
    ],
)
def test_a_second_factor_is_read_from_the_saml_context(classes: list[str], expected: bool) -> None:
    assert used_mfa_context(classes) is expected


def test_a_saml_assertion_becomes_the_claims_the_plan_reads(provider: IdentityProvider) -> None:
    provider.email_claim, provider.school_claim = "urn:mail", "urn:school"
    claims = saml.claims_of(
        provider,
        {
            "attributes": {
                "urn:mail": ["A.Person@dept.example", "other@dept.example"],
                "name": ["Асқар Бекұлы", "ignored"],
                "urn:school": ["plan-school"],
                "groups": ["staff", "teachers"],
                "amr": ["otp"],  # an attribute cannot vouch for a second factor
            },
            "name_id": "opaque-id",
            "authn_contexts": ["urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport"],
        },
    )
    assert claims["email"] == "A.Person@dept.example"
    assert claims["name"] == "Асқар Бекұлы"
    assert claims["groups"] == ["staff", "teachers"]
    assert "amr" not in claims
    plan = sign_in_plan(provider=provider, claims=claims)
    assert plan.profile.email == "a.person@dept.example"
    assert [spec.role for spec in plan.specs] == [Role.TEACHER]
    assert plan.used_mfa is False


def test_a_saml_name_id_that_is_an_address_stands_in_for_a_missing_one(
    provider: IdentityProvider,
) -> None:
    claims = saml.claims_of(provider, {"attributes": {}, "name_id": "b@dept.example"})
    assert claims["email"] == "b@dept.example"
    assert saml.claims_of(provider, {"attributes": {}, "name_id": "opaque"})["email"] == ""
