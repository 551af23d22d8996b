"""Bitstring Status List (W3C): the bits, their encoding and the signed list credential.

Bit 0 is the most significant bit of the first byte. ``encodedList`` is the multibase
base64url (``u``) of the GZIP-compressed bits; the compression is made deterministic
(no timestamp) so that the same bits always publish the same text.
"""

from __future__ import annotations

import gzip
import zlib
from typing import Any

from django.utils import timezone

from . import did, keys, multibase, proof
from .document import status_list_url, timestamp
from .jsonld import VC_V2
from .models import StatusList

MAX_COMPRESSED = 1024 * 1024  # what a status list may decompress from, at most
MAX_BITS_BYTES = 16 * 1024 * 1024  # and to


def empty_bits(size: int) -> bytes:
    return bytes((size + 7) // 8)


def bit_is_set(bits: bytes, index: int) -> bool:
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def with_bit_set(bits: bytes, index: int) -> bytes:
    changed = bytearray(bits)
    changed[index // 8] |= 0x80 >> (index % 8)
    return bytes(changed)


def encode(bits: bytes) -> str:
    return multibase.encode_base64url(gzip.compress(bits, compresslevel=9, mtime=0))


def decode(encoded: str) -> bytes:
    """The bits of an ``encodedList``; ``ValueError`` for anything else, including a
    list that would decompress to more than 16 MB."""
    compressed = multibase.decode_base64url(encoded)
    if len(compressed) > MAX_COMPRESSED:
        raise ValueError("status list too large")
    decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
    try:
        bits = decompressor.decompress(compressed, MAX_BITS_BYTES + 1)
    except zlib.error as error:
        raise ValueError("not a gzip stream") from error
    if len(bits) > MAX_BITS_BYTES:
        raise ValueError("status list too large")
    return bits


def list_credential(status_list: StatusList) -> dict[str, Any]:
    """The signed ``BitstringStatusListCredential`` of ``status_list`` as it is now."""
    url = status_list_url(status_list.number)
    now = timestamp(timezone.now())
    unsigned: dict[str, Any] = {
        "@context": [VC_V2],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": did.site_did(),
        "validFrom": now,
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": "revocation",
            "encodedList": encode(bytes(status_list.bits)),
        },
    }
    signer = keys.credential_keys()
    return proof.sign(
        unsigned,
        key=signer.current,
        verification_method=did.method_id(signer.current_id),
        created=now,
    )
