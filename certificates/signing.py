"""The signed PDF: the certificate's credential embedded as a PDF/A-3 associated file, and a
PAdES baseline B-B signature (pyHanko) with the site's X.509 signing certificate, so any PDF
reader shows who signed it and that nothing changed since.

The signature is an incremental update: the PDF/A-3b declaration and the XMP packet that
WeasyPrint wrote stay as they are, and the signed bytes are the whole file before it.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import io
import json
from collections.abc import Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, TypeVar

import pikepdf
from asn1crypto import cms
from asn1crypto import keys as asn1_keys
from asn1crypto import x509 as asn1_x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import padding, rsa
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.general import get_pyca_cryptography_hash
from pyhanko.sign.signers.pdf_signer import PdfSignatureMetadata
from pyhanko.sign.validation import async_validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from .credentials import keys

CREDENTIAL_FILENAME = "credential.json"
CREDENTIAL_MIME = "application/ld+json"
SIGNATURE_FIELD = "CertificateSignature"


def credential_bytes(credential: dict[str, Any]) -> bytes:
    return json.dumps(credential, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8")


def _pdf_date(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).strftime("D:%Y%m%d%H%M%SZ")


def embed_credential(document: bytes, credential: dict[str, Any]) -> bytes:
    """``document`` with ``credential`` attached as its alternative machine-readable form
    (an associated file listed in the catalogue's ``/AF``, as PDF/A-3 requires)."""
    now = _pdf_date(dt.datetime.now(dt.UTC))
    with pikepdf.open(io.BytesIO(document)) as pdf:
        spec = pikepdf.AttachedFileSpec(
            pdf,
            credential_bytes(credential),
            description="Open Badges 3.0 credential (W3C Verifiable Credential)",
            filename=CREDENTIAL_FILENAME,
            mime_type=CREDENTIAL_MIME,
            creation_date=now,
            mod_date=now,
            relationship=pikepdf.Name.Alternative,
        )
        pdf.attachments[CREDENTIAL_FILENAME] = spec
        associated = pdf.Root.get("/AF")
        if not isinstance(associated, pikepdf.Array):
            associated = pikepdf.Array()
        stored = pdf.attachments[CREDENTIAL_FILENAME].obj
        if all(item.objgen != stored.objgen for item in associated):
            associated.append(stored)
        pdf.Root.AF = associated
        out = io.BytesIO()
        # The version WeasyPrint wrote (1.7, which PDF/A-3 is based on); an attachment
        # would otherwise move the file to PDF 2.0.
        pdf.save(out, force_version=pdf.pdf_version)
        return out.getvalue()


class _LoadedKeySigner(signers.SimpleSigner):
    """pyHanko's simple signer, signing with the key already loaded, and filling a
    prepared signature container instead of building one per document.

    pyHanko loads the key from DER on every signature, and loading (with its validity
    checks) an RSA-3072 key costs more than the signature itself. Building the CMS
    container through asn1crypto costs several times more again (tens of milliseconds of
    pure Python, mostly serialising the signing certificate). For a PAdES signature without
    a timestamp every byte of that container is the same from one document to the next
    except the document's digest and the signature over the signed attributes, both of
    fixed length: the first container is built by pyHanko (``_Template``) and the next ones
    are that container with the two filled in. Anything else (a dry run, a timestamp,
    another digest or key type) goes through pyHanko as it is."""

    def __init__(self, *, loaded_key: rsa.RSAPrivateKey, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._loaded_key = loaded_key
        self._templates: dict[tuple[bool, bool], _Template | None] = {}

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm).signature_algo
        if mechanism != "rsassa_pkcs1v15":
            return bytes(super().sign_raw(data, digest_algorithm))
        return self._loaded_key.sign(
            data, padding.PKCS1v15(), get_pyca_cryptography_hash(digest_algorithm)
        )

    async def async_sign(
        self,
        data_digest: bytes,
        digest_algorithm: str,
        dry_run: bool = False,
        use_pades: bool = False,
        timestamper: Any = None,
        signed_attr_settings: Any = None,
        is_pdf_sig: bool = True,
        encap_content_info: Any = None,
    ) -> cms.ContentInfo:
        fillable = (
            use_pades
            and self.signed_attr_prov_spec is None
            and self.unsigned_attr_prov_spec is None
            and not dry_run
            and timestamper is None
            and encap_content_info is None
            and digest_algorithm == "sha256"
            and len(data_digest) == _DIGEST_BYTES
            and _settings_are_plain(signed_attr_settings)
        )
        if fillable:
            key = (use_pades, is_pdf_sig)
            if key not in self._templates:
                self._templates[key] = await self._template(use_pades, is_pdf_sig)
            template = self._templates[key]
            if template is not None:
                return template.fill(data_digest, self._loaded_key)
        return await super().async_sign(
            data_digest,
            digest_algorithm,
            dry_run=dry_run,
            use_pades=use_pades,
            timestamper=timestamper,
            signed_attr_settings=signed_attr_settings,
            is_pdf_sig=is_pdf_sig,
            encap_content_info=encap_content_info,
        )

    async def _template(self, use_pades: bool, is_pdf_sig: bool) -> _Template | None:
        """Two containers built by pyHanko for two different digests; a template only
        if they differ in nothing but the digest and the signature."""
        built = []
        for marker in (b"\x01", b"\x02"):
            digest = marker * _DIGEST_BYTES
            container = await super().async_sign(
                digest, "sha256", use_pades=use_pades, is_pdf_sig=is_pdf_sig
            )
            built.append((digest, container))
        templates = [_Template.from_container(digest, container) for digest, container in built]
        first, second = templates
        if first is None or second is None or not first.same_layout(second):
            return None
        return first


_DIGEST_BYTES = 32  # SHA-256


def _settings_are_plain(settings_: Any) -> bool:
    """No signed attribute beyond PAdES's defaults: no CAdES claims or commitment type,
    no Adobe revocation info (a signing time is ignored under PAdES)."""
    if settings_ is None:
        return True
    return (
        getattr(settings_, "cades_signed_attrs", None) is None
        and getattr(settings_, "adobe_revinfo_attr", None) is None
    )


@dataclass(frozen=True)
class _Template:
    """A signature container as bytes, with where its signed attributes, digest and
    signature are."""

    data: bytes
    attrs_start: int  # the signed attributes ([0] IMPLICIT SET OF) in ``data``
    attrs_length: int
    digest_at: int  # inside the signed attributes
    signature_at: int  # in ``data``
    signature_length: int

    @classmethod
    def from_container(cls, digest: bytes, container: cms.ContentInfo) -> _Template | None:
        data = container.dump()
        signer_info = container["content"]["signer_infos"][0]
        attrs = signer_info["signed_attrs"].dump()
        signature = signer_info["signature"].native
        if data.count(attrs) != 1 or data.count(signature) != 1 or attrs.count(digest) != 1:
            return None
        return cls(
            data=data,
            attrs_start=data.index(attrs),
            attrs_length=len(attrs),
            digest_at=attrs.index(digest),
            signature_at=data.index(signature),
            signature_length=len(signature),
        )

    def same_layout(self, other: _Template) -> bool:
        """Both containers equal outside the digest and the signature."""
        if (
            self.attrs_start,
            self.attrs_length,
            self.digest_at,
            self.signature_at,
            self.signature_length,
            len(self.data),
        ) != (
            other.attrs_start,
            other.attrs_length,
            other.digest_at,
            other.signature_at,
            other.signature_length,
            len(other.data),
        ):
            return False
        return self._blank() == other._blank()

    def _blank(self) -> bytes:
        digest = self.attrs_start + self.digest_at
        blanked = bytearray(self.data)
        blanked[digest : digest + _DIGEST_BYTES] = bytes(_DIGEST_BYTES)
        end = self.signature_at + self.signature_length
        blanked[self.signature_at : end] = bytes(self.signature_length)
        return bytes(blanked)

    def fill(self, digest: bytes, key: rsa.RSAPrivateKey) -> cms.ContentInfo:
        attrs = bytearray(self.data[self.attrs_start : self.attrs_start + self.attrs_length])
        attrs[self.digest_at : self.digest_at + _DIGEST_BYTES] = digest
        # The signature covers the attributes' DER as a SET OF (RFC 5652, 5.4), not with
        # the [0] tag they carry inside the signer info.
        signed = b"\x31" + bytes(attrs[1:])
        signature = key.sign(signed, padding.PKCS1v15(), hashes.SHA256())
        if len(signature) != self.signature_length:
            raise ValueError("The signature's length differs from the template's.")
        data = bytearray(self.data)
        data[self.attrs_start : self.attrs_start + self.attrs_length] = attrs
        data[self.signature_at : self.signature_at + self.signature_length] = signature
        return cms.ContentInfo.load(bytes(data))


# The signature container's room in the file: an RSA-3072 CMS with its certificate takes
# about 2.5 KB; reserving it skips pyHanko's trial signature that measures it.
SIGNATURE_BYTES_RESERVED = 16 * 1024


def _signer() -> signers.SimpleSigner:
    return _cached_signer(keys.signing_keys())


@lru_cache(maxsize=4)
def _cached_signer(pair: keys.SigningKeys) -> signers.SimpleSigner:
    key_der = pair.key.private_bytes(
        serialization.Encoding.DER,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    certificate = asn1_x509.Certificate.load(
        pair.certificate.public_bytes(serialization.Encoding.DER)
    )
    chain = [
        asn1_x509.Certificate.load(item.public_bytes(serialization.Encoding.DER))
        for item in pair.chain
    ]
    return _LoadedKeySigner(
        loaded_key=pair.key,
        signing_cert=certificate,
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs([certificate, *chain]),
    )


class _KeepMetadataWriter(IncrementalPdfFileWriter):
    """An incremental writer that leaves the document information and the XMP packet as
    WeasyPrint wrote them. pyHanko would otherwise serialise the XMP again in its own way:
    the PDF/A extension schema's ``namespaceURI`` becomes a resource instead of text and
    the producer in the XMP stops matching the one in the information dictionary, and
    either breaks PDF/A-3b. When the document was signed is in the signature itself."""

    def _update_meta(self) -> None:
        return None


T = TypeVar("T")


def _run(coroutine: Coroutine[Any, Any, T]) -> T:
    """Run one of pyHanko's coroutines to the end. Its synchronous wrappers call
    ``asyncio.run``, which refuses inside a running event loop (an ASGI server, a browser
    driver in the same thread): there the coroutine runs on a thread of its own."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coroutine)
    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def sign(document: bytes) -> bytes:
    """``document`` signed (PAdES baseline B-B, SHA-256, invisible signature field)."""
    writer = _KeepMetadataWriter(io.BytesIO(document))
    metadata = PdfSignatureMetadata(
        field_name=SIGNATURE_FIELD,
        md_algorithm="sha256",
        subfilter=fields.SigSeedSubFilter.PADES,
        reason="Certificate issued",
    )
    out = _run(
        signers.async_sign_pdf(
            writer, metadata, signer=_signer(), bytes_reserved=SIGNATURE_BYTES_RESERVED
        )
    )
    return out.getvalue()


def finish(document: bytes, credential: dict[str, Any]) -> bytes:
    """The PDF as stored: with its credential, signed."""
    return sign(embed_credential(document, credential))


# -- reading ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class PdfSignatureCheck:
    signed: bool
    intact: bool  # the signed bytes are unchanged and cover the whole file
    ours: bool  # signed with one of our signing certificates
    signer: str


def check_signature(document: bytes, trusted: list[Any] | None = None) -> PdfSignatureCheck:
    """The state of the PDF's last signature, by pyHanko's validator. ``trusted``: the
    X.509 certificates (cryptography) taken as ours; default the current signing one."""
    reader = PdfFileReader(io.BytesIO(document), strict=False)
    embedded = reader.embedded_signatures
    if not embedded:
        return PdfSignatureCheck(signed=False, intact=False, ours=False, signer="")
    signature = embedded[-1]
    roots = [
        asn1_x509.Certificate.load(item.public_bytes(serialization.Encoding.DER))
        for item in (trusted or [keys.signing_keys().certificate])
    ]
    context = ValidationContext(trust_roots=roots, allow_fetching=False)
    status = _run(async_validate_pdf_signature(signature, context))
    coverage_whole = status.coverage is not None and status.coverage.name in (
        "ENTIRE_FILE",
        "ENTIRE_REVISION",
    )
    last_revision_is_signature = signature.signed_revision == reader.xrefs.total_revisions - 1
    return PdfSignatureCheck(
        signed=True,
        intact=bool(
            status.intact and status.valid and coverage_whole and last_revision_is_signature
        ),
        ours=bool(status.trusted),
        signer=status.signing_cert.subject.human_friendly if status.signing_cert else "",
    )


def embedded_credential(document: bytes) -> dict[str, Any] | None:
    """The credential attached to a PDF, if it has one that parses as a JSON object."""
    try:
        with pikepdf.open(io.BytesIO(document)) as pdf:
            attached = pdf.attachments.get(CREDENTIAL_FILENAME)
            if attached is None:
                return None
            data = attached.get_file().read_bytes()
    except (pikepdf.PdfError, ValueError, KeyError):
        return None
    if len(data) > 1024 * 1024:
        return None
    try:
        loaded = json.loads(data)
    except (ValueError, UnicodeDecodeError):
        return None
    return loaded if isinstance(loaded, dict) else None
