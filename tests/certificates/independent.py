"""An independent verifier of our credentials, sharing no code with the signer: rdflib
parses the JSON-LD (the signer uses pyld), pyoxigraph canonicalises with RDFC-1.0 and
PyNaCl checks the Ed25519 signature (the signer uses ``cryptography``). Only the published
context files are shared, as any verifier caches them. Keys are taken from the DID
document as served, and decoded here with the ``base58`` alphabet written out again."""

from __future__ import annotations

import gzip
import hashlib
import json
from base64 import urlsafe_b64decode
from pathlib import Path
from typing import Any

import nacl.exceptions
import nacl.signing
import pyoxigraph
import rdflib

CONTEXTS = Path(__file__).resolve().parents[2] / "certificates" / "credentials" / "contexts"
KNOWN = {
    "https://www.w3.org/ns/credentials/v2": CONTEXTS / "credentials-v2.jsonld",
    "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json": CONTEXTS
    / "ob-context-3.0.3.json",
}
B58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz"


def b58decode(text: str) -> bytes:
    number = 0
    for char in text:
        number = number * 58 + B58.index(char)
    pad = len(text) - len(text.lstrip("1"))
    return b"\0" * pad + number.to_bytes((number.bit_length() + 7) // 8, "big")


def _inline(context: Any) -> Any:
    items = context if isinstance(context, list) else [context]
    out = []
    for item in items:
        if isinstance(item, str):
            out.append(json.loads(KNOWN[item].read_text(encoding="utf-8"))["@context"])
        else:
            out.append(item)
    return out


def canonical(document: dict[str, Any]) -> str:
    # RDFC-1.0 canonicalises the quads as written: keep literals' lexical forms.
    rdflib.NORMALIZE_LITERALS = False
    inlined = {**document, "@context": _inline(document["@context"])}
    graph = rdflib.Dataset()
    graph.parse(data=json.dumps(inlined), format="json-ld")
    nquads = graph.serialize(format="nquads")
    dataset = pyoxigraph.Dataset(pyoxigraph.parse(nquads, format=pyoxigraph.RdfFormat.N_QUADS))
    dataset.canonicalize(pyoxigraph.CanonicalizationAlgorithm.RDFC_1_0)
    text = pyoxigraph.serialize(dataset, format=pyoxigraph.RdfFormat.N_QUADS).decode("utf-8")
    return "".join(sorted(line + "\n" for line in text.splitlines() if line.strip()))


def public_key(did_document: dict[str, Any], method: str) -> nacl.signing.VerifyKey | None:
    for entry in did_document.get("verificationMethod", []):
        if entry["id"] == method and method in did_document.get("assertionMethod", []):
            raw = b58decode(entry["publicKeyMultibase"][1:])
            assert raw[:2] == b"\xed\x01"
            return nacl.signing.VerifyKey(raw[2:])
    return None


def verify(credential: dict[str, Any], did_document: dict[str, Any]) -> bool:
    proof = dict(credential["proof"])
    assert proof["type"] == "DataIntegrityProof"
    assert proof["cryptosuite"] == "eddsa-rdfc-2022"
    key = public_key(did_document, proof["verificationMethod"])
    if key is None:
        return False
    signature = b58decode(proof.pop("proofValue")[1:])
    proof["@context"] = credential["@context"]
    unsecured = {name: value for name, value in credential.items() if name != "proof"}
    data = (
        hashlib.sha256(canonical(proof).encode()).digest()
        + hashlib.sha256(canonical(unsecured).encode()).digest()
    )
    try:
        key.verify(data, signature)
    except nacl.exceptions.BadSignatureError:
        return False
    return True


def status_bit(list_credential: dict[str, Any], index: int) -> bool:
    encoded = list_credential["credentialSubject"]["encodedList"]
    assert encoded[0] == "u"
    bits = gzip.decompress(urlsafe_b64decode(encoded[1:] + "=" * (-len(encoded[1:]) % 4)))
    return bool(bits[index // 8] >> (7 - index % 8) & 1)
