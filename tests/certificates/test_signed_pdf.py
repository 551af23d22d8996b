"""The signed PDF (PAdES B-B by pyHanko, credential attached as a PDF/A-3 associated file),
checked with pyHanko's own validator; the verification page's file check with tampered,
foreign, revoked and unreadable files; and signing earlier certificates in bulk."""

from __future__ import annotations

import asyncio
import hashlib
import io
import json
from pathlib import Path
from typing import Any

import pikepdf
import pytest
from asn1crypto import pem
from asn1crypto import x509 as asn1_x509
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign import fields, signers
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko_certvalidator import ValidationContext
from pyhanko_certvalidator.registry import SimpleCertificateStore

from certificates import pdf, services, signing, verification
from certificates.credentials import keys, proof
from certificates.models import Certificate, CertificateCredential, CertificateJob

from .conftest import World
from .test_credentials import key_dir  # noqa: F401  (fixture)


def stored_pdf(certificate: Certificate) -> bytes:
    with services.private_storage().open(certificate.pdf_name, "rb") as handle:
        return handle.read()


def our_root(directory: Path) -> asn1_x509.Certificate:
    _, _, der = pem.unarmor((directory / keys.SIGNING_CERT_FILE).read_bytes())
    return asn1_x509.Certificate.load(der)


@pytest.fixture
def certificate(world: World, finish: Any, key_dir: Path) -> Certificate:  # noqa: F811
    finish(world.tutor, world.course)
    return Certificate.objects.get()


def test_pyhankos_validator_finds_the_signature_intact_and_trusted(
    certificate: Certificate,
    key_dir: Path,  # noqa: F811
) -> None:
    data = stored_pdf(certificate)
    reader = PdfFileReader(io.BytesIO(data))
    (signature,) = reader.embedded_signatures
    assert signature.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
    status = validate_pdf_signature(
        signature, ValidationContext(trust_roots=[our_root(key_dir)], allow_fetching=False)
    )
    assert status.intact
    assert status.valid
    assert status.trusted
    assert status.coverage.name == "ENTIRE_FILE"
    assert hashlib.sha256(data).hexdigest() == certificate.pdf_sha256


def test_signing_keeps_pdf_a_3b_and_attaches_the_credential(certificate: Certificate) -> None:
    data = stored_pdf(certificate)
    with pikepdf.open(io.BytesIO(data)) as document:
        assert document.pdf_version == "1.7"
        metadata = document.open_metadata()
        assert metadata["pdfaid:part"] == "3"
        assert metadata["pdfaid:conformance"] == "B"
        assert "/StructTreeRoot" in document.Root
        associated = [item for item in document.Root.AF if item.get("/UF") == "credential.json"]
        assert len(associated) == 1
        assert associated[0].AFRelationship == pikepdf.Name.Alternative
        assert associated[0].EF.F.Subtype == "/application/ld+json"
        attached = document.attachments[signing.CREDENTIAL_FILENAME]
        credential = json.loads(attached.get_file().read_bytes())
    stored = CertificateCredential.objects.get(certificate=certificate).document
    assert credential == stored
    # The signature is an incremental update: what WeasyPrint wrote comes first, whole,
    # and the XMP packet and the information dictionary stay WeasyPrint's.
    assert data.count(b"%%EOF") >= 2
    with pikepdf.open(io.BytesIO(data)) as document:
        xmp = document.Root.Metadata.read_bytes().decode()
        info_producer = str(document.trailer.Info.Producer)
    assert "pyHanko" not in xmp
    assert "pyHanko" not in info_producer
    assert (
        "<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>" in xmp
    )


def test_a_changed_byte_is_reported_as_altered(certificate: Certificate) -> None:
    data = bytearray(stored_pdf(certificate))
    position = data.index(b"stream\n") + 60  # inside a page's content, inside the signed bytes
    data[position] ^= 0x01
    assert signing.check_signature(bytes(data)).intact is False
    assert verification.check_file(bytes(data)).outcome == verification.ALTERED


def test_signing_and_checking_work_inside_a_running_event_loop(
    certificate: Certificate,
) -> None:
    """pyHanko's synchronous calls refuse inside a running event loop (an ASGI server, or a
    browser driver in the same thread, as the browser tests have): ours still sign."""
    rendered = pdf.render_document(certificate)
    credential = CertificateCredential.objects.get(certificate=certificate).document

    async def inside_a_loop() -> tuple[bytes, bool]:
        signed = signing.finish(rendered, credential)
        return signed, signing.check_signature(signed).intact

    signed, intact = asyncio.run(inside_a_loop())
    assert intact is True
    assert signed.startswith(b"%PDF")


def test_an_update_added_after_signing_is_reported_as_altered(certificate: Certificate) -> None:
    writer = IncrementalPdfFileWriter(io.BytesIO(stored_pdf(certificate)))
    writer.root["/Lang"] = pikepdf_string("ru")
    writer.update_root()
    out = io.BytesIO()
    writer.write(out)
    result = verification.check_file(out.getvalue())
    assert result.outcome == verification.ALTERED


def pikepdf_string(value: str) -> Any:
    from pyhanko.pdf_utils.generic import TextStringObject

    return TextStringObject(value)


def test_a_pdf_signed_with_another_key_is_foreign(certificate: Certificate) -> None:
    key_pem, cert_pem = keys.new_signing_pair("Someone else")
    _, _, key_der = pem.unarmor(key_pem)
    _, _, cert_der = pem.unarmor(cert_pem)
    from asn1crypto import keys as asn1_keys

    other = asn1_x509.Certificate.load(cert_der)
    signer = signers.SimpleSigner(
        signing_cert=other,
        signing_key=asn1_keys.PrivateKeyInfo.load(key_der),
        cert_registry=SimpleCertificateStore.from_certs([other]),
    )
    unsigned = signing.embed_credential(
        pdf.render_document(certificate),
        CertificateCredential.objects.get(certificate=certificate).document,
    )
    forged = signers.sign_pdf(
        IncrementalPdfFileWriter(io.BytesIO(unsigned)),
        signers.PdfSignatureMetadata(
            field_name="Signature", subfilter=fields.SigSeedSubFilter.PADES
        ),
        signer=signer,
    ).getvalue()
    result = verification.check_file(forged)
    assert result.outcome == verification.FOREIGN
    assert "Someone else" in result.signer


def upload(client: Client, name: str, data: bytes) -> Any:
    return client.post(
        "/en/verify/file/", {"file": SimpleUploadedFile(name, data)}, REMOTE_ADDR="10.1.2.3"
    )


def test_the_page_checks_an_uploaded_pdf_and_its_credential(
    certificate: Certificate, world: World
) -> None:
    client = Client()
    page = client.get("/en/verify/file/")
    assert page.status_code == 200
    assert b'type="file"' in page.content
    answer = upload(client, "certificate.pdf", stored_pdf(certificate))
    assert answer.status_code == 200
    assert "This is a valid certificate that we issued" in answer.content.decode()
    credential = json.dumps(CertificateCredential.objects.get(certificate=certificate).document)
    answer = upload(client, "credential.json", credential.encode())
    assert "This is a valid certificate that we issued" in answer.content.decode()

    services.certificate_revoke(actor=world.manager, certificate=certificate, reason="Error")
    answer = upload(client, "credential.json", credential.encode())
    assert "We issued this certificate, but it has been revoked" in answer.content.decode()
    answer = upload(client, "certificate.pdf", stored_pdf(certificate))
    assert "We issued this certificate, but it has been revoked" in answer.content.decode()


def test_the_answers_are_in_the_readers_language(certificate: Certificate) -> None:
    answer = Client().post(
        "/ru/verify/file/",
        {"file": SimpleUploadedFile("x.pdf", b"%PDF-1.7 nothing else")},
        REMOTE_ADDR="10.1.2.4",
    )
    text = answer.content.decode()
    assert "Этот файл невозможно прочитать как сертификат" in text


def test_a_changed_credential_is_altered_and_a_foreign_one_foreign(
    certificate: Certificate,
) -> None:
    stored = CertificateCredential.objects.get(certificate=certificate).document
    changed = json.loads(json.dumps(stored))
    changed["credentialSubject"]["achievement"]["name"] = "Another course"
    assert verification.check_credential(changed).outcome == verification.ALTERED
    from cryptography.hazmat.primitives.asymmetric import ed25519

    unsigned = {key: value for key, value in stored.items() if key != "proof"}
    stranger = ed25519.Ed25519PrivateKey.generate()
    resigned = proof.sign(
        unsigned,
        key=stranger,
        verification_method="did:web:testserver#" + keys.public_multibase(stranger.public_key()),
        created=stored["validFrom"],
    )
    assert verification.check_credential(resigned).outcome == verification.FOREIGN


@pytest.mark.parametrize(
    "data",
    [b"not json", b"[1, 2]", b"{" * 5000, b'{"@context": "https://evil.example/ctx"}'],
)
def test_files_that_are_not_certificates_get_a_clear_answer(
    certificate: Certificate, data: bytes
) -> None:
    result = verification.check_file(data)
    assert result.outcome in (verification.UNREADABLE, verification.UNKNOWN)


def test_a_file_over_the_limit_is_refused_before_it_is_read(
    certificate: Certificate, settings: Any
) -> None:
    settings.CERTIFICATES_VERIFY_UPLOAD_MAX_BYTES = 1024 * 1024
    answer = upload(Client(), "big.pdf", b"%PDF-" + b"0" * (1024 * 1024))
    assert answer.status_code == 400
    assert "larger than 1 MB" in answer.content.decode()


def test_the_credential_downloads_from_both_pages(certificate: Certificate, world: World) -> None:
    public = Client().get(f"/verify/{certificate.grouped_code}/credential.json")
    assert public.status_code == 200
    assert public["Content-Type"] == "application/vc+ld+json"
    assert json.loads(public.content)["id"] == certificate.verify_url
    client = Client()
    client.force_login(world.tutor)
    own = client.get(f"/en/certificates/{certificate.grouped_code}/credential.json")
    assert own.status_code == 200
    assert json.loads(own.content) == json.loads(public.content)
    detail = client.get(f"/en/certificates/{certificate.grouped_code}/")
    assert b"credential.json" in detail.content
    stranger = Client()
    stranger.force_login(world.tutor_b)
    assert (
        stranger.get(f"/en/certificates/{certificate.grouped_code}/credential.json").status_code
        == 404
    )


def test_an_earlier_certificate_is_signed_as_a_new_revision_by_the_bulk_job(
    certificate: Certificate, world: World, django_capture_on_commit_callbacks: Any
) -> None:
    # As issued before credentials: an unsigned PDF and no credential.
    CertificateCredential.objects.filter(certificate=certificate).delete()
    storage = services.private_storage()
    unsigned = pdf.render_document(certificate)
    storage.delete(certificate.pdf_name)
    with storage.open(certificate.pdf_name, "wb") as handle:
        handle.write(unsigned)
    old_sha = hashlib.sha256(unsigned).hexdigest()
    Certificate.objects.filter(pk=certificate.pk).update(pdf_sha256=old_sha)
    old_name, code, url = certificate.pdf_name, certificate.code, certificate.verify_url

    with django_capture_on_commit_callbacks(execute=True):
        job = services.certificate_job_start(
            actor=world.manager, course=world.course, kind=CertificateJob.Kind.SIGN
        )
    job.refresh_from_db()
    assert job.is_finished
    certificate.refresh_from_db()
    assert (certificate.code, certificate.verify_url) == (code, url)
    assert certificate.pdf_name != old_name
    assert storage.exists(old_name)  # the old file is kept
    credential = CertificateCredential.objects.get(certificate=certificate)
    assert credential.previous_pdf_sha256 == old_sha
    assert signing.check_signature(stored_pdf(certificate)).intact
    # Both the old and the new file still check as ours.
    assert verification.check_file(unsigned).outcome == verification.VALID
    assert verification.check_file(stored_pdf(certificate)).outcome == verification.VALID
    # A second run has nothing to do.
    again = services.certificate_job_start(
        actor=world.manager, course=world.course, kind=CertificateJob.Kind.SIGN
    )
    assert again.total == 0
