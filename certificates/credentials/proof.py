"""Data Integrity proofs with the ``eddsa-rdfc-2022`` cryptosuite (W3C VC Data Integrity
EdDSA Cryptosuites v1.0): the proof configuration and the document are each canonicalised
with RDFC-1.0 and hashed with SHA-256; the Ed25519 signature covers the two hashes, proof
configuration first, and is written as base58btc multibase.
"""

from __future__ import annotations

import copy
import hashlib
from collections.abc import Callable
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric import ed25519

from . import multibase
from .jsonld import canonical_nquads

PROOF_TYPE = "DataIntegrityProof"
CRYPTOSUITE = "eddsa-rdfc-2022"


class ProofError(ValueError):
    """Why a proof does not verify, as a short code (see ``verification``)."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


def _hash_data(document: dict[str, Any], proof_config: dict[str, Any]) -> bytes:
    config_hash = hashlib.sha256(canonical_nquads(proof_config).encode("utf-8")).digest()
    document_hash = hashlib.sha256(canonical_nquads(document).encode("utf-8")).digest()
    return config_hash + document_hash


def sign(
    document: dict[str, Any],
    *,
    key: ed25519.Ed25519PrivateKey,
    verification_method: str,
    created: str,
) -> dict[str, Any]:
    """``document`` with an ``assertionMethod`` proof added (the argument is not changed)."""
    unsecured = {name: value for name, value in document.items() if name != "proof"}
    proof_config = {
        "@context": unsecured["@context"],
        "type": PROOF_TYPE,
        "cryptosuite": CRYPTOSUITE,
        "created": created,
        "verificationMethod": verification_method,
        "proofPurpose": "assertionMethod",
    }
    signature = key.sign(_hash_data(unsecured, proof_config))
    proof = {name: value for name, value in proof_config.items() if name != "@context"}
    proof["proofValue"] = multibase.encode_base58btc(signature)
    return {**copy.deepcopy(unsecured), "proof": proof}


def verify(
    document: dict[str, Any],
    *,
    resolve: Callable[[str], ed25519.Ed25519PublicKey | None],
) -> str:
    """Check the document's proof; return its verification method. ``resolve`` gives the
    public key of a verification method we trust, or ``None``. Raises ``ProofError``:
    ``no_proof``, ``unsupported`` (another proof type or suite), ``foreign_key`` (a key
    we do not publish), ``bad_signature`` (the document or proof was changed)."""
    proof = document.get("proof")
    if not isinstance(proof, dict):
        raise ProofError("no_proof")
    if proof.get("type") != PROOF_TYPE or proof.get("cryptosuite") != CRYPTOSUITE:
        raise ProofError("unsupported")
    method = proof.get("verificationMethod")
    value = proof.get("proofValue")
    if not isinstance(method, str) or not isinstance(value, str):
        raise ProofError("unsupported")
    public_key = resolve(method)
    if public_key is None:
        raise ProofError("foreign_key")
    unsecured = {name: item for name, item in document.items() if name != "proof"}
    proof_config = {name: item for name, item in proof.items() if name != "proofValue"}
    proof_config["@context"] = unsecured.get("@context")
    try:
        signature = multibase.decode_base58btc(value)
        public_key.verify(signature, _hash_data(unsecured, proof_config))
    except (InvalidSignature, ValueError) as error:
        raise ProofError("bad_signature") from error
    return method
