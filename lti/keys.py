"""The tool's signing keys: made on first need, rotated on request, private halves stored
encrypted and never shown.

``tool_key_current`` is the key the tool signs with now. The key set the tool publishes
holds every key not retired, so a platform that cached the key set before a rotation still
verifies what was signed just before it; ``tool_key_rotate`` retires all but the newest
two.
"""

from __future__ import annotations

import base64
import hashlib
import json
from typing import Any

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from jwcrypto.jwk import JWK
from wagtail.log_actions import log

from .models import ToolKey


def _passphrase() -> bytes:
    """The key that encrypts stored private keys: derived from ``SECRET_KEY``, so a copy
    of the database alone does not hold a usable private key."""
    digest = hashlib.sha256(b"lti-tool-key:" + settings.SECRET_KEY.encode()).digest()
    return base64.urlsafe_b64encode(digest)


def _make() -> ToolKey:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    public_pem = (
        private.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    encrypted = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(_passphrase()),
    ).decode()
    kid = JWK.from_pem(public_pem.encode()).thumbprint()
    key = ToolKey.objects.create(kid=kid, public_pem=public_pem, private_pem_encrypted=encrypted)
    log(key, "lti.key.create")
    return key


@transaction.atomic
def tool_key_current() -> ToolKey:
    """The newest key not retired; the first call makes one. Repeat-safe; two concurrent
    first calls may each make a key: both are published and the newer one signs.

    Read without a row lock: a score is sent while its grade row is locked, and the
    platform asks for this key set in the middle of it (to check the token request).
    A lock here would make the key set wait for the send that waits for the key set."""
    key = ToolKey.objects.filter(retired_at__isnull=True).first()
    return key if key is not None else _make()


@transaction.atomic
def tool_key_rotate() -> ToolKey:
    """Make a new key and retire every key but it and the one before it. Audited."""
    key = _make()
    keep = list(ToolKey.objects.filter(retired_at__isnull=True).values_list("pk", flat=True)[:2])
    ToolKey.objects.filter(retired_at__isnull=True).exclude(pk__in=keep).update(
        retired_at=timezone.now()
    )
    return key


def private_pem(key: ToolKey) -> str:
    """The private key in clear PEM, for signing; never stored or shown this way."""
    private = serialization.load_pem_private_key(
        key.private_pem_encrypted.encode(), password=_passphrase()
    )
    return private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()


def public_jwk(key: ToolKey) -> dict[str, Any]:
    jwk: dict[str, Any] = json.loads(JWK.from_pem(key.public_pem.encode()).export_public())
    return {**jwk, "kid": key.kid, "alg": "RS256", "use": "sig"}


def key_set() -> dict[str, list[dict[str, Any]]]:
    """The published key set: every key not retired, newest first."""
    tool_key_current()
    return {"keys": [public_jwk(key) for key in ToolKey.objects.filter(retired_at__isnull=True)]}
