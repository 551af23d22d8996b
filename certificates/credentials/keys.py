"""The keys that sign credentials and PDFs, where they come from, and how they rotate.

The Ed25519 credential key signs Open Badges credentials and status lists; its public
half is published in the site's DID document (``did:web``) as a Multikey whose id is the
key itself, so every key ever used can stay published after a rotation. The X.509 key and
certificate sign the PDFs (PAdES); a PDF carries its certificate, so a rotated one needs
no publishing.

Each key is read from its setting (PEM text, for containers and secret stores) or, unset,
from a file in ``CREDENTIALS_KEY_DIR``. With ``CREDENTIALS_CREATE_KEYS`` (on in
development and tests) missing files are created on first use, so a fresh checkout
issues signed certificates; production creates them once with ``certificates_keys``.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ed25519, rsa
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from . import multibase

CREDENTIAL_KEY_FILE = "credential-ed25519.pem"
RETIRED_KEYS_FILE = "credential-retired.txt"
SIGNING_KEY_FILE = "signing-key.pem"
SIGNING_CERT_FILE = "signing-cert.pem"

# The multicodec prefix of an Ed25519 public key (0xed, varint-encoded).
ED25519_PUB_PREFIX = b"\xed\x01"


class KeyMissing(ImproperlyConfigured):
    pass


def key_dir() -> Path:
    return Path(settings.CREDENTIALS_KEY_DIR)


def _write_new(path: Path, data: bytes) -> bool:
    """Write ``data`` to ``path`` unless it exists (readable by the owner only). Two
    processes creating the same key at once keep the first one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        return False
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)
    return True


def _pem_private(key: ed25519.Ed25519PrivateKey | rsa.RSAPrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def public_multibase(key: ed25519.Ed25519PublicKey) -> str:
    """The key as a Multikey ``publicKeyMultibase``: base58btc of the multicodec prefix
    and the 32 raw bytes."""
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return multibase.encode_base58btc(ED25519_PUB_PREFIX + raw)


def public_key_from_multibase(value: str) -> ed25519.Ed25519PublicKey:
    raw = multibase.decode_base58btc(value)
    if not raw.startswith(ED25519_PUB_PREFIX) or len(raw) != 34:
        raise ValueError("not an Ed25519 Multikey")
    return ed25519.Ed25519PublicKey.from_public_bytes(raw[2:])


@dataclass(frozen=True)
class CredentialKeys:
    current: ed25519.Ed25519PrivateKey
    current_id: str  # publicKeyMultibase of the current key
    retired: tuple[str, ...]  # publicKeyMultibase of each retired key

    @property
    def published(self) -> tuple[str, ...]:
        return (self.current_id, *(key for key in self.retired if key != self.current_id))


@dataclass(frozen=True)
class SigningKeys:
    key: rsa.RSAPrivateKey
    certificate: x509.Certificate
    chain: tuple[x509.Certificate, ...]


# -- creation ---------------------------------------------------------------------------------


def new_credential_key_pem() -> bytes:
    return _pem_private(ed25519.Ed25519PrivateKey.generate())


def new_signing_pair(common_name: str | None = None) -> tuple[bytes, bytes]:
    """A new RSA-3072 key and a self-signed certificate for signing documents, valid ten
    years. Production may replace it with a certificate from a certification authority.

    RSA, not an elliptic curve: an ECDSA or EdDSA signature makes pyHanko declare the
    ISO 32002 extension, which moves the file to PDF 2.0, and PDF/A-3 is based on PDF 1.7.
    """
    key = rsa.generate_private_key(public_exponent=65537, key_size=3072)
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.COMMON_NAME, common_name or _signing_name()),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Qamqor LMS"),
        ]
    )
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=True,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(
            x509.ExtendedKeyUsage(
                [
                    ExtendedKeyUsageOID.CODE_SIGNING,
                    x509.ObjectIdentifier(
                        "1.3.6.1.5.5.7.3.36"  # id-kp-documentSigning (RFC 9336)
                    ),
                ]
            ),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    return _pem_private(key), certificate.public_bytes(serialization.Encoding.PEM)


def _signing_name() -> str:
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0]
    return f"Certificates of {host}"


def create_missing() -> list[str]:
    """Create every key file that is missing and not set in the environment. Returns the
    names of the files created. Repeat-safe."""
    created = []
    directory = key_dir()
    if not settings.CREDENTIALS_ED25519_KEY and _write_new(
        directory / CREDENTIAL_KEY_FILE, new_credential_key_pem()
    ):
        created.append(CREDENTIAL_KEY_FILE)
    if not settings.CERTIFICATES_SIGNING_KEY and not (directory / SIGNING_KEY_FILE).exists():
        key_pem, cert_pem = new_signing_pair()
        # The certificate first: a key file without its certificate is never left behind
        # for another process to pair with a different certificate.
        if _write_new(directory / SIGNING_CERT_FILE, cert_pem):
            _write_new(directory / SIGNING_KEY_FILE, key_pem)
            created += [SIGNING_CERT_FILE, SIGNING_KEY_FILE]
    clear_cache()
    return created


def rotate_credential_key() -> tuple[str, str]:
    """Retire the current credential key file (its public key stays published) and create
    a new one. Returns (old, new) public keys. Refused when the key comes from the
    environment: the operator sets the new one there."""
    if settings.CREDENTIALS_ED25519_KEY:
        raise ImproperlyConfigured(
            "CREDENTIALS_ED25519_KEY is set: put the new key there and add the old public "
            "key to CREDENTIALS_RETIRED_KEYS."
        )
    old = credential_keys()
    directory = key_dir()
    retired = directory / RETIRED_KEYS_FILE
    lines = [line for line in _read_lines(retired) if line != old.current_id]
    retired.write_text("\n".join([*lines, old.current_id]) + "\n", encoding="ascii")
    current = directory / CREDENTIAL_KEY_FILE
    replacement = current.with_suffix(".new")
    replacement.unlink(missing_ok=True)
    _write_new(replacement, new_credential_key_pem())
    replacement.replace(current)
    clear_cache()
    return old.current_id, credential_keys().current_id


def rotate_signing_key() -> None:
    """Replace the PDF signing key and its certificate. PDFs signed before keep verifying:
    each carries the certificate it was signed with."""
    if settings.CERTIFICATES_SIGNING_KEY:
        raise ImproperlyConfigured(
            "CERTIFICATES_SIGNING_KEY is set: put the new key and certificate there."
        )
    directory = key_dir()
    key_pem, cert_pem = new_signing_pair()
    for name, data in ((SIGNING_CERT_FILE, cert_pem), (SIGNING_KEY_FILE, key_pem)):
        replacement = directory / f"{name}.new"
        replacement.unlink(missing_ok=True)
        _write_new(replacement, data)
        replacement.replace(directory / name)
    clear_cache()


# -- loading ----------------------------------------------------------------------------------


def _read_lines(path: Path) -> list[str]:
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text(encoding="ascii").splitlines() if line.strip()]


def _source(setting: str, filename: str) -> bytes:
    value = getattr(settings, setting)
    if value:
        return str(value).replace("\\n", "\n").encode("ascii")
    path = key_dir() / filename
    if not path.exists() and settings.CREDENTIALS_CREATE_KEYS:
        create_missing()
    if not path.exists():
        raise KeyMissing(
            f"No {filename} in CREDENTIALS_KEY_DIR and {setting} is not set. "
            "Run `manage.py certificates_keys`."
        )
    return path.read_bytes()


def credential_keys() -> CredentialKeys:
    return _credential_keys(
        str(key_dir()), settings.CREDENTIALS_ED25519_KEY, tuple(settings.CREDENTIALS_RETIRED_KEYS)
    )


@lru_cache(maxsize=8)
def _credential_keys(directory: str, from_env: str, retired_env: tuple[str, ...]) -> CredentialKeys:
    key = serialization.load_pem_private_key(
        _source("CREDENTIALS_ED25519_KEY", CREDENTIAL_KEY_FILE), password=None
    )
    if not isinstance(key, ed25519.Ed25519PrivateKey):
        raise ImproperlyConfigured("The credential key must be an Ed25519 private key.")
    retired = tuple(
        dict.fromkeys([*retired_env, *_read_lines(Path(directory) / RETIRED_KEYS_FILE)])
    )
    for value in retired:
        public_key_from_multibase(value)  # a typo in a retired key fails loudly here
    return CredentialKeys(
        current=key, current_id=public_multibase(key.public_key()), retired=retired
    )


def signing_keys() -> SigningKeys:
    return _signing_keys(
        str(key_dir()), settings.CERTIFICATES_SIGNING_KEY, settings.CERTIFICATES_SIGNING_CERT
    )


@lru_cache(maxsize=8)
def _signing_keys(directory: str, key_env: str, cert_env: str) -> SigningKeys:
    certificates = x509.load_pem_x509_certificates(
        _source("CERTIFICATES_SIGNING_CERT", SIGNING_CERT_FILE)
    )
    key = serialization.load_pem_private_key(
        _source("CERTIFICATES_SIGNING_KEY", SIGNING_KEY_FILE), password=None
    )
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ImproperlyConfigured("The PDF signing key must be an RSA private key.")
    if certificates[0].public_key() != key.public_key():
        raise ImproperlyConfigured("The PDF signing certificate does not match its key.")
    return SigningKeys(key=key, certificate=certificates[0], chain=tuple(certificates[1:]))


def clear_cache() -> None:
    _credential_keys.cache_clear()
    _signing_keys.cache_clear()
