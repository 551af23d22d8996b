"""The PDF itself: readable text with every Kazakh letter, a QR code that leads to the
verification page, PDF/A-3b with the PDF/UA-1 identification, tagged, fonts embedded and
subset by HarfBuzz."""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.core import checks
from django.test import Client

from certificates import pdf, services
from certificates.models import Certificate
from tests.factories.certificates import (
    pdf_info,
    pdf_objects,
    pdf_text,
    publish_template,
    qr_codes,
    signature,
)

from .conftest import World

needs_poppler = pytest.mark.skipif(
    not (shutil.which("pdftotext") and shutil.which("pdftoppm") and shutil.which("zbarimg")),
    reason="needs poppler-utils and zbar-tools",
)


def saved_pdf(certificate: Certificate, tmp_path: Path) -> Path:
    path = tmp_path / f"{certificate.code}.pdf"
    with services.private_storage().open(certificate.pdf_name, "rb") as handle:
        path.write_bytes(handle.read())
    return path


@pytest.fixture
def signed(world: World) -> None:
    """The default look: a template with two signatories and their signatures."""
    publish_template(
        courses=[world.course],
        signatories=[
            {
                "name": "Дана Оразбекова",
                "position_kk": "Бағдарлама директоры",
                "position_ru": "Директор программы",
                "position_en": "Programme director",
                "signature": signature("Дана"),
            },
            {"name": "Ерлан Жақсылықов", "position_kk": "Оқу орталығының басшысы"},
        ],
    )


@needs_poppler
def test_the_text_has_the_name_with_kazakh_letters_course_hours_and_code(
    world: World, finish: Any, signed: None, tmp_path: Path
) -> None:
    finish(world.tutor, world.course)
    certificate = Certificate.objects.get()
    text = " ".join(pdf_text(saved_pdf(certificate, tmp_path)).split())
    assert "Әйгерім Ғалымқызы Сейітова" in text
    assert "Aigerim Galymqyzy Seiitova" in text
    assert "Supporting a child with autism" in text
    assert "8 academic hours" in text or "8 академиялық сағат" in text
    assert certificate.grouped_code in text
    assert "Дана Оразбекова" in text
    assert "Бағдарлама директоры" in text


@needs_poppler
def test_every_kazakh_letter_survives_extraction(world: World, finish: Any, tmp_path: Path) -> None:
    world.tutor.full_name = "Әсемгүл Ғұмарқызы Қоңыратбаева-Өмірһанұлы"
    world.tutor.full_name_alt = "ӘҒҚҢӨҰҮҺІ әғқңөұүһі"
    world.tutor.save()
    finish(world.tutor, world.course)
    text = pdf_text(saved_pdf(Certificate.objects.get(), tmp_path))
    assert "Әсемгүл Ғұмарқызы Қоңыратбаева-Өмірһанұлы" in text
    assert "ӘҒҚҢӨҰҮҺІ әғқңөұүһі" in text


@needs_poppler
def test_the_qr_code_leads_to_the_valid_verification_page(
    world: World, finish: Any, signed: None, tmp_path: Path, client: Client
) -> None:
    finish(world.tutor, world.course)
    certificate = Certificate.objects.get()
    codes = qr_codes(saved_pdf(certificate, tmp_path), tmp_path)
    assert len(codes) == 1
    address = urlsplit(codes[0])
    assert f"{address.scheme}://{address.netloc}".lower() == "http://testserver"
    assert address.path == f"/VERIFY/{certificate.grouped_code}/"
    response = client.get(address.path)  # anonymous, as an official's phone
    assert response.status_code == 200
    page = response.content.decode()
    assert "This certificate is valid" in page
    assert "Әйгерім Ғалымқызы Сейітова" in page


@needs_poppler
def test_it_is_pdf_a_3b_declared_pdf_ua_1_tagged_with_embedded_fonts(
    world: World, finish: Any, signed: None, tmp_path: Path
) -> None:
    finish(world.tutor, world.course)
    certificate = Certificate.objects.get()
    path = saved_pdf(certificate, tmp_path)
    info = pdf_info(path)
    assert "Tagged:          yes" in info
    assert "PDF version:     1.7" in info
    assert "Pages:           1" in info
    assert re.search(r"Page size:\s+841\.89 x 595\.27\d pts \(A4\)", info)
    assert f"Title:           Сертификат {certificate.grouped_code}" in info
    metadata = pdf_info(path, "-meta")
    assert 'pdfaid:part="3"' in metadata
    assert 'pdfaid:conformance="B"' in metadata
    assert "<pdfuaid:part>1</pdfuaid:part>" in metadata
    assert "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>" in metadata  # declared for PDF/A
    assert metadata.count("<rdf:RDF") == 1  # one packet, as XMP requires
    fonts = [line for line in pdf_info_fonts(path) if "CID TrueType" in line]
    assert fonts
    assert all(" yes yes yes " in line for line in fonts)
    assert {line.split("+")[1].split()[0] for line in fonts} == {"Noto-Serif", "Noto-Serif-Bold"}
    objects = pdf_objects(path.read_bytes())
    assert b"/StructTreeRoot" in objects
    assert b"/Marked true" in objects
    assert b"/DisplayDocTitle true" in objects
    assert b"/Lang (kk)" in objects
    assert objects.count(b"/Alt ") >= 2  # the QR code and the signature
    assert b"/OutputIntents" in objects
    assert b"/GTS_PDFA1" in objects


def pdf_info_fonts(path: Path) -> list[str]:
    import subprocess

    result = subprocess.run(
        [shutil.which("pdffonts") or "pdffonts", str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout.splitlines()[2:]


@needs_poppler
def test_a_bilingual_certificate_says_everything_in_kazakh_and_russian(
    world: World, finish: Any, tmp_path: Path
) -> None:
    publish_template(
        language="kk+ru", validity_years=5, courses=[world.course], title_en="", body_en=""
    )
    finish(world.teacher, world.course)
    certificate = Certificate.objects.get()
    text = " ".join(pdf_text(saved_pdf(certificate, tmp_path)).split())
    assert "курсын аяқтады" in text
    assert "завершил(а) курс" in text
    year = certificate.completed_on.year
    assert f"{year} жылғы" in text  # the Kazakh date
    assert f"{year} г." in text  # the Russian date
    assert f"{year + 5} жылғы" in text  # valid until, five years on


@needs_poppler
def test_the_fixed_words_follow_the_certificate_language(
    world: World, finish: Any, tmp_path: Path
) -> None:
    finish(world.teacher, world.course)  # prefers English
    text = " ".join(pdf_text(saved_pdf(Certificate.objects.get(), tmp_path)).split())
    assert "has completed the course" in text or "has successfully completed" in text
    assert "Certificate No." in text
    assert "8 academic hours" in text
    assert re.search(r"Completed on: \d{1,2} [A-Z][a-z]+ \d{4}", text)


def test_weasyprint_subsets_fonts_with_harfbuzz() -> None:
    assert pdf.uses_harfbuzz_subsetting()
    assert [m for m in checks.run_checks() if m.id == "certificates.W001"] == []


def test_dates_and_hours_are_written_as_each_language_writes_them() -> None:
    from datetime import date
    from decimal import Decimal

    assert pdf.long_date(date(2026, 8, 20), "kk") == "2026 жылғы 20 тамыз"
    assert pdf.long_date(date(2026, 8, 20), "ru") == "20 августа 2026 г."
    assert pdf.long_date(date(2026, 8, 20), "en") == "20 August 2026"
    assert pdf.hours_text(Decimal("8.0"), "en") == "8 academic hours"
    assert pdf.hours_text(Decimal("1"), "en") == "1 academic hour"
    assert pdf.hours_text(Decimal("1.5"), "en") == "1.5 academic hours"
    assert pdf.years_later(date(2024, 2, 29), 5) == date(2029, 2, 28)


def test_a_signature_missing_from_disk_stops_the_issue_and_keeps_nothing(
    world: World, finish: Any, signed: None
) -> None:
    """WeasyPrint would leave out an image it cannot read; a certificate is refused
    instead, so none is ever stored without a signature (the task is tried again later)."""
    from wagtail.images import get_image_model

    from core.pdf import MissingResource
    from tests.factories.certificates import complete

    finish(world.tutor, world.course)  # prepares the template and its renditions
    for rendition in get_image_model().get_rendition_model().objects.all():
        rendition.file.storage.delete(rendition.file.name)
    enrolment = complete(world.tutor_b, world.course)
    Certificate.objects.filter(enrolment=enrolment).delete()
    with pytest.raises(MissingResource):
        services.certificate_issue(enrolment=enrolment)
    assert not Certificate.objects.filter(enrolment=enrolment).exists()
