"""A real OpenID Connect provider for the federation tests, started once per run, and the
organisation registered for it in the product."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.test import Client
from django.urls import reverse

from federation.models import IdentityProvider, MappingRule, Protocol
from people.models import RoleMembership, School, User
from people.roles import Role
from tests.factories import RegionFactory, SchoolFactory

from . import idp
from . import saml_idp as saml_idp_module

DOMAIN = "edu.example"

# The people the provider knows, and what it asserts about each.
PEOPLE: list[dict[str, Any]] = [
    {
        "email": f"teacher@{DOMAIN}",
        "name": "Айгерім Серікқызы",
        "name_alt": "Aigerim Serikkyzy",
        "locale": "kk-KZ",
        "role": "teacher",
        "school_code": "fed-school-1",
    },
    {"email": f"plain@{DOMAIN}", "name": "Plain Person"},
    {
        "email": f"supervisor-mfa@{DOMAIN}",
        "name": "Supervisor With Mfa",
        "role": "supervisor",
        "school_code": "fed-school-1",
        "amr": ["pwd", "otp"],
    },
    {
        "email": f"supervisor@{DOMAIN}",
        "name": "Supervisor Password Only",
        "role": "supervisor",
        "school_code": "fed-school-1",
        "amr": ["pwd"],
    },
    {
        "email": f"leader@{DOMAIN}",
        "name": "Leader Not Allowed",
        "role": "school_leader",
        "school_code": "fed-school-1",
    },
    {
        "email": f"far@{DOMAIN}",
        "name": "Teacher Far Away",
        "role": "teacher",
        "school_code": "fed-school-far",
    },
    {
        "email": f"unknown-school@{DOMAIN}",
        "name": "Teacher Unknown School",
        "role": "teacher",
        "school_code": "no-such-school",
    },
    {
        "email": f"linked@{DOMAIN}",
        "name": "Linked Person",
        "role": "teacher",
        "school_code": "fed-school-1",
    },
    {"email": f"unconfirmed@{DOMAIN}", "name": "Unconfirmed Here"},
    {"email": f"unverified@{DOMAIN}", "name": "Unverified There", "email_verified": False},
    {"email": "stranger@elsewhere.example", "name": "Other Domain"},
]


def signed_in(client: Client) -> User | None:
    """The person the client's session belongs to, if any."""
    user = client.get(reverse("profile")).wsgi_request.user
    return user if user.is_authenticated else None


def roles(person: User) -> set[tuple[str, str]]:
    """The person's current roles, with the code of the school of each."""
    return {
        (m.role, m.school.code if m.school else "")
        for m in RoleMembership.objects.current().filter(person=person)
    }


@pytest.fixture(scope="session")
def oidc_provider(tmp_path_factory: pytest.TempPathFactory) -> Iterator[idp.Provider]:
    directory: Path = tmp_path_factory.mktemp("idp")
    provider = idp.start(directory, [dict(person) for person in PEOPLE])
    yield provider
    provider.process.terminate()
    provider.process.wait(timeout=10)


@pytest.fixture
def schools(db: None) -> dict[str, Any]:
    region = RegionFactory(code="fed-region")
    return {
        "home": SchoolFactory(code="fed-school-1", region=region),
        "also": SchoolFactory(code="fed-school-2", region=region),
        "far": SchoolFactory(code="fed-school-far"),
    }


@pytest.fixture
def ministry(oidc_provider: idp.Provider, schools: dict[str, School]) -> IdentityProvider:
    provider = IdentityProvider.objects.create(
        organisation="Ministry of Education (test)",
        slug="ministry",
        issuer=oidc_provider.issuer,
        client_id=idp.CLIENT_ID,
        client_secret=idp.CLIENT_SECRET,
        domains=DOMAIN,
        region=schools["home"].region,
        allowed_roles=[Role.TEACHER, Role.SUPERVISOR],
        enforces_mfa=True,
        name_alt_claim="name_alt",
    )
    MappingRule.objects.create(provider=provider, claim="role", value="teacher", role=Role.TEACHER)
    MappingRule.objects.create(
        provider=provider, claim="role", value="supervisor", role=Role.SUPERVISOR
    )
    # A rule left from before the administrator took the role off the provider's list.
    MappingRule.objects.create(
        provider=provider, claim="role", value="school_leader", role=Role.SCHOOL_LEADER
    )
    return provider


# --- SAML 2.0 --------------------------------------------------------------------------------

SAML_MFA = "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract"
SAML_ATTRIBUTES = {
    "email": "mail",
    "name": "displayName",
    "name_alt": "nameLatin",
    "locale": "preferredLanguage",
    "school_code": "schoolCode",
}


def saml_person(person: dict[str, Any]) -> dict[str, Any]:
    """One of ``PEOPLE`` as the SAML IdP asserts them: attributes (lists of values), the
    role among other affiliations, a second factor as an authentication context."""
    attributes = {
        saml_name: [person[key]] for key, saml_name in SAML_ATTRIBUTES.items() if key in person
    }
    if "role" in person:
        attributes["eduPersonAffiliation"] = ["member", person["role"]]
    found: dict[str, Any] = {"attributes": attributes}
    if "otp" in person.get("amr", []):
        found["authn_context"] = SAML_MFA
    return found


@pytest.fixture(scope="session")
def saml_idp(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[saml_idp_module.IdentityProvider]:
    directory: Path = tmp_path_factory.mktemp("saml-idp")
    people = {person["email"]: saml_person(person) for person in PEOPLE}
    provider = saml_idp_module.start(directory, people, ["university"])
    yield provider
    provider.stop()


@pytest.fixture
def university(
    saml_idp: saml_idp_module.IdentityProvider, schools: dict[str, School]
) -> IdentityProvider:
    """An organisation signing in through SAML, its metadata read from the IdP's address."""
    saml_idp.behaviour.reset()
    provider = IdentityProvider.objects.create(
        organisation="Partner University (test)",
        slug="university",
        protocol=Protocol.SAML,
        saml_metadata_url=saml_idp.metadata_url,
        saml_entity_id=saml_idp.entity_id,
        domains=DOMAIN,
        region=schools["home"].region,
        allowed_roles=[Role.TEACHER, Role.SUPERVISOR],
        enforces_mfa=True,
        email_claim=saml_idp_module.ATTRIBUTES["mail"],
        name_claim=saml_idp_module.ATTRIBUTES["displayName"],
        name_alt_claim=saml_idp_module.ATTRIBUTES["nameLatin"],
        language_claim=saml_idp_module.ATTRIBUTES["preferredLanguage"],
        school_claim=saml_idp_module.ATTRIBUTES["schoolCode"],
    )
    for value, role in [
        ("teacher", Role.TEACHER),
        ("supervisor", Role.SUPERVISOR),
        ("school_leader", Role.SCHOOL_LEADER),  # no longer on the provider's list
    ]:
        MappingRule.objects.create(
            provider=provider,
            claim=saml_idp_module.ATTRIBUTES["eduPersonAffiliation"],
            value=value,
            role=role,
        )
    return provider
