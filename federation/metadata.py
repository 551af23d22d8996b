"""An identity provider's SAML metadata: read with python3-saml's parser, which refuses
DTDs and entities, and reduced to what a sign-in needs (entity ID, SSO address, signing
certificate)."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils.translation import gettext as _
from onelogin.saml2.idp_metadata_parser import OneLogin_Saml2_IdPMetadataParser

# An answer from a metadata address is awaited this long, in seconds.
FETCH_TIMEOUT = 10


class MetadataError(Exception):
    """Metadata that cannot be used; ``message`` says why, translated."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class IdPMetadata:
    entity_id: str
    sso_url: str
    certificate: str


def parse(xml: str | bytes, entity_id: str | None = None) -> IdPMetadata:
    """The identity provider described by ``xml`` (the one with ``entity_id`` when given)."""
    try:
        data = OneLogin_Saml2_IdPMetadataParser.parse(xml, entity_id=entity_id or None)
    except Exception as error:  # lxml raises several kinds; all mean the same here
        raise MetadataError(_("The metadata is not valid XML.")) from error
    idp = data.get("idp") or {}
    if not idp.get("entityId") and entity_id:
        raise MetadataError(
            _("The metadata does not describe the identity provider %(entity_id)s.")
            % {"entity_id": entity_id}
        )
    if not idp.get("entityId"):
        raise MetadataError(_("The metadata describes no SAML identity provider."))
    sso_url = (idp.get("singleSignOnService") or {}).get("url")
    if not sso_url:
        raise MetadataError(
            _("The metadata names no single sign-on service with the HTTP-Redirect binding.")
        )
    certificate = idp.get("x509cert") or next(
        iter((idp.get("x509certMulti") or {}).get("signing") or []), ""
    )
    if not certificate:
        raise MetadataError(_("The metadata has no signing certificate."))
    return IdPMetadata(entity_id=idp["entityId"], sso_url=sso_url, certificate=certificate)


def fetch(url: str, entity_id: str | None = None) -> IdPMetadata:
    """The identity provider described at ``url``."""
    try:
        xml = OneLogin_Saml2_IdPMetadataParser.get_metadata(url, timeout=FETCH_TIMEOUT)
    except Exception as error:  # network errors, HTTP errors and non-XML answers alike
        raise MetadataError(
            _("The metadata could not be read from this address: %(reason)s") % {"reason": error}
        ) from error
    return parse(xml, entity_id)
