"""The site's ``did:web`` identifier and DID document: the issuer of every credential.

Each credential key ever used (the current one and every retired one) is a verification
method and an assertion method, with the key itself as its fragment, so a credential
signed before a rotation still resolves to its key.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import quote, urlsplit

from cryptography.hazmat.primitives.asymmetric import ed25519
from django.conf import settings

from . import keys

DID_CONTEXTS = ["https://www.w3.org/ns/did/v1", "https://w3id.org/security/multikey/v1"]


def site_did() -> str:
    """``did:web:<host>`` (a port percent-encoded), with path segments after colons."""
    parts = urlsplit(settings.SITE_URL)
    did = "did:web:" + quote(parts.netloc, safe="")
    for segment in [segment for segment in parts.path.split("/") if segment]:
        did += ":" + quote(segment, safe="")
    return did


def did_document_path() -> str:
    """Where ``did:web`` resolution looks for the document, under the site root."""
    path = urlsplit(settings.SITE_URL).path.strip("/")
    return f"/{path}/did.json" if path else "/.well-known/did.json"


def method_id(public_multibase: str) -> str:
    return f"{site_did()}#{public_multibase}"


def did_document() -> dict[str, Any]:
    did = site_did()
    published = keys.credential_keys().published
    methods = [method_id(value) for value in published]
    return {
        "@context": DID_CONTEXTS,
        "id": did,
        "verificationMethod": [
            {"id": method, "type": "Multikey", "controller": did, "publicKeyMultibase": value}
            for method, value in zip(methods, published, strict=True)
        ],
        "assertionMethod": methods,
    }


def resolve_own(method: str) -> ed25519.Ed25519PublicKey | None:
    """The public key of one of our verification methods (current or retired), else None."""
    did, _, fragment = method.partition("#")
    if did != site_did() or fragment not in keys.credential_keys().published:
        return None
    return keys.public_key_from_multibase(fragment)
