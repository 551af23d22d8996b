"""Signing in with an organisation's SAML 2.0 identity provider, against a real IdP
(pysaml2's, over HTTP): accounts, linking, roles and the second factor."""

from __future__ import annotations

import pytest
from allauth.socialaccount.models import SocialAccount
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from federation.models import IdentityProvider, ProvidedMembership
from people.models import RoleMembership, User
from people.roles import Role

from .conftest import DOMAIN
from .saml_idp import saml_sign_in

pytestmark = [pytest.mark.sso, pytest.mark.django_db]


def signed_in(client: Client) -> User | None:
    user = client.get(reverse("profile")).wsgi_request.user
    return user if user.is_authenticated else None


def roles(person: User) -> set[tuple[str, str]]:
    return {
        (m.role, m.school.code if m.school else "")
        for m in RoleMembership.objects.current().filter(person=person)
    }


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
