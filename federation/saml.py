"""SAML 2.0 sign-in through an organisation's identity provider, on allauth's ``saml``
provider (python3-saml): the app built from the provider's row, what an assertion says
(mapped to the same claims an OpenID Connect sign-in gives ``services.sign_in_plan``), the
check allauth leaves to us (a replayed assertion), and our refusal page where allauth would
answer with a bare error (an answer for another browser, metadata that cannot be read).

Security settings: strict mode (python3-saml checks destination, recipient, audience =
our SP entity ID, issuer, NotBefore/NotOnOrAfter), the assertion must be signed by the
certificate in the provider's metadata (a signed response alone is not enough; a response
signature, when present, must be valid too), no SHA-1, no IdP-initiated sign-in: every
answer must be ``InResponseTo`` a request this browser started.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from allauth.socialaccount.models import SocialApp, SocialLogin
from allauth.socialaccount.providers.saml.provider import SAMLProvider
from allauth.socialaccount.providers.saml.utils import fetch_metadata_url_config
from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from . import metadata, services
from .models import IdentityProvider
from .refusals import refuse
from .services import AUTHN_CONTEXT, FederationError

PROVIDER = "saml"
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

logger = logging.getLogger(__name__)


def _url(request: HttpRequest, name: str, slug: str, language: str | None = None) -> str:
    with translation.override(language or settings.LANGUAGE_CODE):
        return request.build_absolute_uri(reverse(name, kwargs={"organization_slug": slug}))


def sp_entity_id(request: HttpRequest, slug: str) -> str:
    """Our entity ID towards one provider: its metadata address in the default language,
    the same whatever language the person signs in in."""
    return _url(request, "saml_metadata", slug)


def sp_details(request: HttpRequest, slug: str) -> dict[str, Any]:
    """What the provider's administrator registers for us."""
    return {
        "entity_id": sp_entity_id(request, slug),
        "metadata_url": sp_entity_id(request, slug),
        "acs_urls": [_url(request, "saml_acs", slug, code) for code, _name in settings.LANGUAGES],
    }


def _idp_settings(provider: IdentityProvider) -> dict[str, Any]:
    if provider.saml_metadata_xml.strip():
        found = metadata.parse(provider.saml_metadata_xml.strip(), provider.saml_entity_id)
        return {
            "entity_id": found.entity_id,
            "sso_url": found.sso_url,
            "x509cert": found.certificate,
        }
    return {"entity_id": provider.saml_entity_id, "metadata_url": provider.saml_metadata_url}


def app_for(request: HttpRequest | None, provider: IdentityProvider) -> SocialApp:
    """The allauth app of one SAML identity provider (not stored: the row is the record)."""
    sp: dict[str, str] = {}
    if request is not None:
        sp["entity_id"] = sp_entity_id(request, provider.slug)
    return SocialApp(
        provider=PROVIDER,
        provider_id=provider.slug,
        client_id=provider.slug,
        name=provider.organisation,
        settings={
            "idp": _idp_settings(provider),
            "sp": sp,
            "attribute_mapping": {"email": [provider.email_claim]},
            "email_authentication": True,
            "advanced": {
                "strict": True,
                "want_assertion_signed": True,
                # Many providers sign only the assertion; a response signature that is
                # present is still checked.
                "want_message_signed": False,
                "want_name_id": True,
                "want_attribute_statement": False,
                "reject_deprecated_algorithm": True,
                "reject_idp_initiated_sso": True,
                # Only how python3-saml checks our own addresses: a host without a dot
                # (localhost, an intranet name) is still an address.
                "allow_single_label_domains": True,
            },
        },
    )


def metadata_ready(app: SocialApp) -> bool:
    """Whether the IdP's metadata can be used: pasted, or read (and cached by allauth) from
    its address. Read here so that an IdP that cannot be reached is a refusal, not an error."""
    idp = app.settings["idp"]
    if not idp.get("metadata_url"):
        return True
    try:
        fetch_metadata_url_config(idp)
    except Exception:  # urllib's errors and python3-saml's plain Exception for non-metadata
        logger.warning("SAML metadata of %s cannot be read", app.provider_id, exc_info=True)
        return False
    return True


def unreachable_message() -> str:
    return _("Your organisation's identity provider cannot be reached. Try again later.")


def claims_of(provider: IdentityProvider, extra_data: dict[str, Any]) -> dict[str, Any]:
    """The assertion as claims: single-valued attributes (name, school, language, address)
    by their first value, others (roles, groups) as lists; ``email`` from its attribute or
    else the NameID when it is an address; the authentication contexts."""
    attributes: dict[str, list[Any]] = extra_data.get("attributes") or {}
    single = {
        provider.email_claim,
        provider.name_claim,
        provider.name_alt_claim,
        provider.language_claim,
        provider.school_claim,
    }
    claims: dict[str, Any] = {
        name: (values[0] if values else "") if name in single else list(values)
        for name, values in attributes.items()
    }
    # Second-factor evidence comes from the authentication context only, never an attribute.
    claims.pop("amr", None)
    email = claims.get(provider.email_claim) or ""
    name_id = str(extra_data.get("name_id") or "").strip()
    if not email and EMAIL.match(name_id):
        email = name_id
    claims["email"] = email
    claims[AUTHN_CONTEXT] = list(extra_data.get("authn_contexts") or [])
    return claims


def error_message(reason: str) -> str:
    """A translated reason for python3-saml's (English) error."""
    lowered = reason.lower()
    if "expired" in lowered or "not yet valid" in lowered or "notonorafter" in lowered:
        return _("The answer from your organisation has expired. Sign in again.")
    if "audience" in lowered or "received at" in lowered or "recipient" in lowered:
        return _("The answer from your organisation was meant for another service.")
    if "issuer" in lowered:
        return _("The answer came from another identity provider than your organisation's.")
    if "deprecated" in lowered:
        return _(
            "The answer from your organisation is signed with an algorithm that is no longer "
            "safe (SHA-1). Ask your organisation to sign with SHA-256."
        )
    if "signature" in lowered or "signed" in lowered:
        return _("The answer from your organisation is not signed with its key.")
    if "subjectconfirmation" in lowered:
        return _("The answer from your organisation has expired or was meant for another service.")
    return _("The answer from your organisation could not be checked.")


class OrganisationSAMLProvider(SAMLProvider):
    """allauth's SAML provider, keeping the NameID and authentication contexts with the
    attributes and refusing a replayed assertion or an answer for another browser."""

    package = "allauth.socialaccount.providers.saml"

    def extract_extra_data(self, data: Any) -> dict[str, Any]:
        return {
            "attributes": data.get_attributes(),
            "name_id": data.get_nameid(),
            "name_id_format": data.get_nameid_format(),
            "authn_contexts": data.get_last_authn_contexts(),
            "assertion_id": data.get_last_assertion_id(),
        }

    def extract_common_fields(self, data: Any) -> dict[str, Any]:
        fields = super().extract_common_fields(data)
        if not fields.get("email"):
            name_id = str(data.get_nameid() or "").strip()
            if EMAIL.match(name_id):
                fields["email"] = name_id
        # The organisation answers for the addresses of its own domains (the plan refuses
        # any other domain), as the product's own confirmation mail would.
        fields["email_verified"] = True
        return fields

    def redirect(self, request: HttpRequest, process: Any, *args: Any, **kwargs: Any) -> Any:
        if not metadata_ready(self.app):
            raise refuse(request, unreachable_message(), provider=self._row())
        return super().redirect(request, process, *args, **kwargs)

    def _row(self) -> IdentityProvider | None:
        return IdentityProvider.objects.filter(slug=self.app.provider_id).first()

    def sociallogin_from_response(self, request: HttpRequest, response: Any) -> SocialLogin:
        row = self._row()
        if row is None:
            raise refuse(request, _("This organisation is not registered."))
        try:
            services.assertion_use(
                provider=row,
                assertion_id=response.get_last_assertion_id() or "",
                valid_until=response.get_last_assertion_not_on_or_after(),
            )
        except FederationError as error:
            raise refuse(request, error.message, provider=row) from error
        return super().sociallogin_from_response(request, response)

    def unstash_redirect_state(self, request: HttpRequest, state_id: str) -> Any:
        try:
            return super().unstash_redirect_state(request, state_id)
        except PermissionDenied as error:
            message = _(
                "This answer from your organisation does not belong to a sign-in started in "
                "this browser. Sign in again."
            )
            raise refuse(request, message, provider=self._row()) from error
