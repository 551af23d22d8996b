"""Signing in with an organisation's SAML 2.0 identity provider, against a real IdP
(pysaml2's, over HTTP): accounts, linking, roles and the second factor."""

from __future__ import annotations

import pytest
from allauth.socialaccount.models import SocialAccount
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from federation.models import IdentityProvider, ProvidedMembership
from people.models import School, User
from people.roles import Role
from tests.factories import UserFactory, grant

from .conftest import DOMAIN, roles, signed_in
from .saml_idp import IdentityProvider as SamlIdP
from .saml_idp import saml_sign_in

pytestmark = [pytest.mark.sso, pytest.mark.django_db]


def test_a_first_sign_in_creates_the_account_with_the_mapped_name_language_and_role(
    client: Client, university: IdentityProvider
) -> None:
    response = saml_sign_in(client, f"teacher@{DOMAIN}")
    assert response.status_code == 302, response.content[:2000]
    person = User.objects.get(email=f"teacher@{DOMAIN}")
    assert signed_in(client) == person
    assert person.full_name == "Айгерім Серікқызы"
    assert person.full_name_alt == "Aigerim Serikkyzy"
    assert person.preferred_language == "kk"
    assert not person.has_usable_password()
    assert roles(person) == {(Role.TEACHER, "fed-school-1")}
    assert ProvidedMembership.objects.filter(membership__person=person).count() == 1
    entry = ModelLogEntry.objects.get(action="people.membership.grant", object_id=str(person.pk))
    assert entry.data["source"] == "identity provider university"
    account = SocialAccount.objects.get(user=person, provider="university")
    assert account.uid == f"teacher@{DOMAIN}"  # the NameID


def test_the_rules_apply_again_on_every_sign_in(
    client: Client, university: IdentityProvider
) -> None:
    saml_sign_in(client, f"teacher@{DOMAIN}")
    person = User.objects.get(email=f"teacher@{DOMAIN}")
    client.post(reverse("account_logout"))
    # The IdP no longer asserts the role the rule needs: the role it gave ends at the next
    # sign-in, audited; a role given by a person stays.
    university.rules.filter(value="teacher").delete()
    kept = grant(person, Role.TEACHER, school=School.objects.get(code="fed-school-2"))
    response = saml_sign_in(client, f"teacher@{DOMAIN}")
    assert response.status_code == 302
    assert signed_in(client) == person
    assert roles(person) == {(Role.TEACHER, "fed-school-2")}
    kept.refresh_from_db()
    assert kept.ended_on is None
    entry = ModelLogEntry.objects.get(action="people.membership.end", object_id=str(person.pk))
    assert entry.data["source"] == "identity provider university"
    assert SocialAccount.objects.filter(user=person).count() == 1


def test_an_existing_account_with_a_confirmed_address_is_linked(
    client: Client, university: IdentityProvider
) -> None:
    person = UserFactory(email=f"linked@{DOMAIN}", full_name="Linked Here")
    response = saml_sign_in(client, f"linked@{DOMAIN}")
    assert response.status_code == 302
    assert signed_in(client) == person
    assert SocialAccount.objects.filter(user=person, provider="university").exists()
    assert roles(person) == {(Role.TEACHER, "fed-school-1")}
    person.refresh_from_db()
    assert person.full_name == "Linked Here"
    assert User.objects.count() == 1


def test_an_existing_account_whose_address_is_not_confirmed_here_is_not_taken_over(
    client: Client, university: IdentityProvider
) -> None:
    person = UserFactory(email=f"unconfirmed@{DOMAIN}", verified=False)
    response = saml_sign_in(client, f"unconfirmed@{DOMAIN}")
    assert response.status_code == 403
    assert "An account with this address already exists" in response.content.decode()
    assert signed_in(client) is None
    assert not SocialAccount.objects.exists()
    assert User.objects.count() == 1
    person.refresh_from_db()
    assert person.has_usable_password()


def test_the_address_comes_from_the_name_id_when_no_attribute_carries_it(
    client: Client, university: IdentityProvider
) -> None:
    university.email_claim = "urn:example:attribute:not-sent"
    university.save()
    response = saml_sign_in(client, f"plain@{DOMAIN}")
    assert response.status_code == 302
    assert signed_in(client) == User.objects.get(email=f"plain@{DOMAIN}")


def test_without_an_address_in_attributes_or_name_id_the_sign_in_is_refused(
    client: Client, university: IdentityProvider, saml_idp: SamlIdP
) -> None:
    university.email_claim = "urn:example:attribute:not-sent"
    university.save()
    saml_idp.behaviour.name_id_is_email = False
    response = saml_sign_in(client, f"plain@{DOMAIN}")
    assert response.status_code == 403
    assert "did not send your e-mail address" in response.content.decode()
    assert not User.objects.exists()


def test_a_supervisor_whose_idp_names_a_second_factor_needs_no_authenticator(
    client: Client, university: IdentityProvider
) -> None:
    saml_sign_in(client, f"supervisor-mfa@{DOMAIN}")
    person = User.objects.get(email=f"supervisor-mfa@{DOMAIN}")
    assert roles(person) == {(Role.SUPERVISOR, "fed-school-1")}
    assert client.get(reverse("my_learning"), HTTP_HOST="testserver").status_code == 200


@pytest.mark.parametrize(
    "context",
    [
        "urn:oasis:names:tc:SAML:2.0:ac:classes:TimeSyncToken",
        "https://refeds.org/profile/mfa",
    ],
)
def test_other_multi_factor_contexts_vouch_too(
    client: Client, university: IdentityProvider, saml_idp: SamlIdP, context: str
) -> None:
    saml_idp.behaviour.authn_context = context
    saml_sign_in(client, f"supervisor@{DOMAIN}")
    assert client.get(reverse("my_learning")).status_code == 200


def test_a_supervisor_signed_in_with_a_password_only_must_set_up_an_authenticator(
    client: Client, university: IdentityProvider
) -> None:
    saml_sign_in(client, f"supervisor@{DOMAIN}")
    response = client.get(reverse("my_learning"))
    assert response.status_code == 302
    assert response["Location"] == reverse("mfa_activate_totp")


def test_an_idp_not_marked_as_enforcing_mfa_is_not_believed(
    client: Client, university: IdentityProvider
) -> None:
    university.enforces_mfa = False
    university.save()
    saml_sign_in(client, f"supervisor-mfa@{DOMAIN}")
    response = client.get(reverse("my_learning"))
    assert response["Location"] == reverse("mfa_activate_totp")
