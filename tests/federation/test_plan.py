"""The rules that decide a sign-in, on the provider's claims alone (no provider needed)."""

from __future__ import annotations

import pytest

from federation.models import IdentityProvider, MappingRule
from federation.services import FederationError, sign_in_plan, used_mfa
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
