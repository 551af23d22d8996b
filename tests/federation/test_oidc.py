"""Signing in with an organisation's OpenID Connect provider, against a real provider
(allauth's own, in a second process): accounts, linking, roles and the second factor."""

from __future__ import annotations

import pytest
from allauth.socialaccount.models import SocialAccount
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from federation.models import IdentityProvider, ProvidedMembership
from people.models import User
from people.roles import Role
from tests.factories import UserFactory, grant

from .conftest import DOMAIN, roles, signed_in
from .idp import oidc_sign_in

pytestmark = [pytest.mark.sso, pytest.mark.django_db]


def test_a_first_sign_in_creates_the_account_with_the_mapped_name_language_and_role(
    client: Client, ministry: IdentityProvider
) -> None:
    response = oidc_sign_in(client, f"teacher@{DOMAIN}")
    assert response.status_code == 302, response.content[:1000]
    person = User.objects.get(email=f"teacher@{DOMAIN}")
    assert signed_in(client) == person
    assert person.full_name == "Айгерім Серікқызы"
    assert person.full_name_alt == "Aigerim Serikkyzy"
    assert person.preferred_language == "kk"
    assert not person.has_usable_password()
    assert roles(person) == {(Role.TEACHER, "fed-school-1")}
    assert ProvidedMembership.objects.filter(membership__person=person).count() == 1
    entry = ModelLogEntry.objects.get(action="people.membership.grant", object_id=str(person.pk))
    assert entry.data["source"] == "identity provider ministry"
    assert SocialAccount.objects.filter(user=person, provider="ministry").exists()


def test_the_rules_apply_again_on_every_sign_in(client: Client, ministry: IdentityProvider) -> None:
    oidc_sign_in(client, f"teacher@{DOMAIN}")
    person = User.objects.get(email=f"teacher@{DOMAIN}")
    client.post(reverse("account_logout"))
    # The provider no longer asserts the role: the role it gave ends at the next sign-in,
    # a role given by a person stays.
    ministry.rules.filter(value="teacher").delete()
    kept = grant(
        person, Role.TEACHER, school=ministry.schools.model.objects.get(code="fed-school-2")
    )
    response = oidc_sign_in(client, f"teacher@{DOMAIN}")
    assert response.status_code == 302
    assert roles(person) == {(Role.TEACHER, "fed-school-2")}
    kept.refresh_from_db()
    assert kept.ended_on is None
    assert ModelLogEntry.objects.filter(
        action="people.membership.end", object_id=str(person.pk)
    ).exists()


def test_a_person_with_no_matching_rule_gets_an_account_without_roles(
    client: Client, ministry: IdentityProvider
) -> None:
    oidc_sign_in(client, f"plain@{DOMAIN}")
    person = User.objects.get(email=f"plain@{DOMAIN}")
    assert signed_in(client) == person
    assert roles(person) == set()


def test_an_existing_account_is_linked_when_both_sides_verified_the_address(
    client: Client, ministry: IdentityProvider
) -> None:
    person = UserFactory(email=f"linked@{DOMAIN}", full_name="Linked Here")
    oidc_sign_in(client, f"linked@{DOMAIN}")
    assert signed_in(client) == person
    assert SocialAccount.objects.filter(user=person, provider="ministry").exists()
    assert roles(person) == {(Role.TEACHER, "fed-school-1")}
    person.refresh_from_db()
    assert person.full_name == "Linked Here"  # the product's record of the name is kept


@pytest.mark.parametrize(
    ("email", "local_verified"),
    [
        (f"unconfirmed@{DOMAIN}", False),  # the product never confirmed the address
        (f"unverified@{DOMAIN}", True),  # the provider does not vouch for it
    ],
)
def test_an_existing_account_is_never_taken_over_without_both_verifications(
    client: Client, ministry: IdentityProvider, email: str, local_verified: bool
) -> None:
    person = UserFactory(email=email, verified=local_verified)
    response = oidc_sign_in(client, email)
    assert response.status_code == 403
    assert "An account with this address already exists" in response.content.decode()
    assert signed_in(client) is None
    assert not SocialAccount.objects.exists()
    assert User.objects.filter(email=email).count() == 1
    person.refresh_from_db()
    assert person.has_usable_password()


def test_a_supervisor_whose_provider_vouches_for_a_second_factor_needs_no_authenticator(
    client: Client, ministry: IdentityProvider
) -> None:
    oidc_sign_in(client, f"supervisor-mfa@{DOMAIN}")
    person = User.objects.get(email=f"supervisor-mfa@{DOMAIN}")
    assert roles(person) == {(Role.SUPERVISOR, "fed-school-1")}
    response = client.get(reverse("my_learning"))
    assert response.status_code == 200


def test_a_supervisor_without_a_second_factor_must_set_up_an_authenticator(
    client: Client, ministry: IdentityProvider
) -> None:
    oidc_sign_in(client, f"supervisor@{DOMAIN}")
    response = client.get(reverse("my_learning"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_a_provider_not_marked_as_enforcing_mfa_is_not_believed(
    client: Client, ministry: IdentityProvider
) -> None:
    ministry.enforces_mfa = False
    ministry.save()
    oidc_sign_in(client, f"supervisor-mfa@{DOMAIN}")
    response = client.get(reverse("my_learning"))
    assert response["Location"] == reverse("mfa_activate_totp")
