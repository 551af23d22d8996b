"""Registering a SAML identity provider: its metadata is checked when it is saved, the admin
shows the fields of its protocol and what to give the IdP, and the sign-in page and the
address step lead to it."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse

from federation.models import IdentityProvider, Protocol
from people.roles import Role
from tests.factories import UserFactory, grant
from tests.factories.people import activate_totp, admin_in_english

from .conftest import DOMAIN
from .saml_idp import HOST, sp_entity_id
from .saml_idp import IdentityProvider as SamlIdP

pytestmark = pytest.mark.django_db


def _saml(**fields: object) -> IdentityProvider:
    values: dict[str, object] = {
        "organisation": "Org",
        "slug": "org",
        "protocol": Protocol.SAML,
        "domains": "org.example",
    }
    return IdentityProvider(**{**values, **fields})


def errors_of(provider: IdentityProvider) -> dict[str, list[str]]:
    with pytest.raises(ValidationError) as error:
        provider.full_clean()
    return error.value.message_dict


@pytest.mark.sso
def test_pasted_metadata_is_read_for_its_entity_id(saml_idp: SamlIdP) -> None:
    provider = _saml(saml_metadata_xml=saml_idp.metadata())
    provider.full_clean()
    assert provider.saml_entity_id == saml_idp.entity_id


@pytest.mark.sso
def test_metadata_at_an_address_is_read_for_its_entity_id(saml_idp: SamlIdP) -> None:
    provider = _saml(saml_metadata_url=saml_idp.metadata_url)
    provider.full_clean()
    assert provider.saml_entity_id == saml_idp.entity_id


def test_a_saml_provider_needs_its_metadata_but_no_oidc_fields() -> None:
    errors = errors_of(_saml())
    assert errors["saml_metadata_url"] == ["Give the metadata URL or paste the metadata."]
    assert "issuer" not in errors
    assert "client_secret" not in errors


def test_an_oidc_provider_needs_its_issuer_and_client() -> None:
    errors = errors_of(_saml(protocol=Protocol.OIDC))
    assert set(errors) >= {"issuer", "client_id", "client_secret"}
    assert "saml_metadata_url" not in errors


@pytest.mark.parametrize(
    ("xml", "message"),
    [
        ("not <xml", "The metadata is not valid XML."),
        (
            '<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>',
            "The metadata is not valid XML.",
        ),
        (
            '<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" '
            'entityID="https://sp.example"><md:SPSSODescriptor '
            'protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"/>'
            "</md:EntityDescriptor>",
            "The metadata describes no SAML identity provider.",
        ),
    ],
    ids=["broken", "external-entity", "service-provider-only"],
)
def test_metadata_that_is_not_an_idp_s_is_refused(xml: str, message: str) -> None:
    assert errors_of(_saml(saml_metadata_xml=xml))["saml_metadata_xml"] == [message]


@pytest.mark.sso
def test_metadata_without_a_signing_certificate_or_redirect_sso_is_refused(
    saml_idp: SamlIdP,
) -> None:
    xml = saml_idp.metadata()
    start, end = xml.index("<ns0:KeyDescriptor"), xml.index("</ns0:KeyDescriptor>")
    no_key = xml[:start] + xml[end + len("</ns0:KeyDescriptor>") :]
    assert errors_of(_saml(saml_metadata_xml=no_key))["saml_metadata_xml"] == [
        "The metadata has no signing certificate."
    ]
    no_sso = xml.replace("HTTP-Redirect", "HTTP-Artifact")
    assert (
        "no single sign-on service"
        in errors_of(_saml(saml_metadata_xml=no_sso))["saml_metadata_xml"][0]
    )


def test_an_address_without_metadata_is_refused() -> None:
    errors = errors_of(_saml(saml_metadata_url="http://127.0.0.1:9/metadata"))
    assert errors["saml_metadata_url"][0].startswith(
        "The metadata could not be read from this address"
    )


def _administrator(client: Client) -> None:
    person = UserFactory()
    grant(person, Role.ADMINISTRATOR)
    activate_totp(person)
    admin_in_english(person)
    client.force_login(person)


@pytest.mark.sso
def test_the_admin_shows_a_saml_provider_its_fields_and_our_service_provider(
    client: Client, university: IdentityProvider
) -> None:
    _administrator(client)
    url = f"/admin/snippets/federation/identityprovider/edit/{university.pk}/"
    page = client.get(url, **HOST).content.decode()
    assert 'name="saml_metadata_url"' in page
    assert 'name="client_secret"' not in page
    assert sp_entity_id("university") in page
    for language in ("kk", "ru", "en"):
        assert f"http://testserver/{language}/accounts/saml/university/acs/" in page


@pytest.mark.sso
def test_the_admin_shows_an_oidc_provider_no_saml_fields(
    client: Client, ministry: IdentityProvider
) -> None:
    _administrator(client)
    url = f"/admin/snippets/federation/identityprovider/edit/{ministry.pk}/"
    page = client.get(url, **HOST).content.decode()
    assert 'name="client_secret"' in page
    assert 'name="saml_metadata_url"' not in page


@pytest.mark.sso
def test_our_service_provider_metadata_asks_for_signed_assertions(
    client: Client, university: IdentityProvider
) -> None:
    response = client.get("/en/accounts/saml/university/metadata/", **HOST)
    assert response.status_code == 200
    xml = response.content.decode()
    assert f'entityID="{sp_entity_id("university")}"' in xml
    assert 'WantAssertionsSigned="true"' in xml
    assert 'Location="http://testserver/en/accounts/saml/university/acs/"' in xml


@pytest.mark.sso
def test_the_sign_in_page_offers_the_saml_organisation(
    client: Client, university: IdentityProvider
) -> None:
    page = client.get(reverse("account_login")).content.decode()
    assert "Sign in with Partner University (test)" in page
    assert 'action="/en/accounts/saml/university/login/"' in page


@pytest.mark.sso
def test_an_address_of_its_domain_leads_to_the_saml_idp(
    client: Client, university: IdentityProvider, saml_idp: SamlIdP
) -> None:
    response = client.post(reverse("sso_discover"), {"email": f"someone@{DOMAIN}"}, **HOST)
    assert response.status_code == 302
    target = urlsplit(response["Location"])
    assert f"{target.scheme}://{target.netloc}{target.path}" == f"{saml_idp.base_url}/sso/redirect"
    assert parse_qs(target.query)["SAMLRequest"]


@pytest.mark.sso
def test_metadata_of_another_idp_than_the_one_named_is_refused(saml_idp: SamlIdP) -> None:
    provider = _saml(saml_metadata_xml=saml_idp.metadata(), saml_entity_id="https://other.example")
    assert errors_of(provider)["saml_metadata_xml"] == [
        "The metadata does not describe the identity provider https://other.example."
    ]


def _admin_form(**fields: object) -> dict[str, object]:
    return {
        "organisation": "Partner University (file)",
        "slug": "university-file",
        "protocol": Protocol.SAML,
        "domains": "file.example",
        "allowed_roles": [Role.TEACHER],
        "email_claim": "mail",
        "name_claim": "displayName",
        "language_claim": "preferredLanguage",
        "school_claim": "schoolCode",
        "is_active": "on",
        "rules-TOTAL_FORMS": "0",
        "rules-INITIAL_FORMS": "0",
        "rules-MIN_NUM_FORMS": "0",
        "rules-MAX_NUM_FORMS": "1000",
        **fields,
    }


@pytest.mark.sso
def test_the_admin_takes_the_metadata_as_a_file(client: Client, saml_idp: SamlIdP) -> None:
    _administrator(client)
    url = "/admin/snippets/federation/identityprovider/add/"
    form = client.get(url, **HOST).content.decode()
    assert 'enctype="multipart/form-data"' in form
    assert 'name="saml_metadata_file"' in form
    # The provider's own form: the roles it may give are boxes to tick, not JSON to type.
    assert 'type="checkbox" name="allowed_roles" value="teacher"' in form
    xml = requests.get(saml_idp.metadata_url, timeout=10).content
    upload = SimpleUploadedFile("idp-metadata.xml", xml, content_type="application/xml")

    response = client.post(url, _admin_form(saml_metadata_file=upload), **HOST)

    assert response.status_code == 302, response.content.decode()[-3000:]
    provider = IdentityProvider.objects.get(slug="university-file")
    assert provider.saml_entity_id == saml_idp.entity_id
    assert provider.saml_metadata_xml.strip() == xml.decode().strip()
    assert provider.saml_sso_url


@pytest.mark.sso
def test_a_metadata_file_that_is_not_metadata_is_refused_and_nothing_is_saved(
    client: Client,
) -> None:
    _administrator(client)
    upload = SimpleUploadedFile("notes.xml", b"<notes>not metadata</notes>")

    response = client.post(
        "/admin/snippets/federation/identityprovider/add/",
        _admin_form(saml_metadata_file=upload),
        **HOST,
    )

    assert response.status_code == 200
    assert "The metadata describes no SAML identity provider." in response.content.decode()
    assert not IdentityProvider.objects.exists()
