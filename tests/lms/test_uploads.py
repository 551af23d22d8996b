"""Every upload that is decoded is bounded, and PDFs are kept without anything that runs:
the PDF cleaner, Wagtail documents (an explicit list of types, PDFs cleaned) and Wagtail
images (no SVG, Pillow's pixel limit set)."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import translation
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from core import pdfclean
from people.roles import Role
from tests import bombs
from tests.factories import UserFactory, activate_totp, admin_in_english, grant
from tests.factories.supervision import pdf_file, png_file

needs_pdftotext = pytest.mark.skipif(not shutil.which("pdftotext"), reason="needs poppler-utils")


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "document.pdf"
    path.write_bytes(data)
    result = subprocess.run(
        [shutil.which("pdftotext") or "pdftotext", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


# --- The cleaner ----------------------------------------------------------------------------


@needs_pdftotext
def test_javascript_open_and_launch_actions_and_embedded_files_are_taken_out(
    tmp_path: Path,
) -> None:
    data = bombs.pdf_that_runs_code()
    assert {"/OpenAction", "/AA", "/JS", "/Launch", "/EmbeddedFile"} <= set(
        bombs.active_parts(data)
    )
    cleaned = pdfclean.clean_pdf(data)
    assert bombs.active_parts(cleaned.content) == []
    assert b"MZ not really a program" not in cleaned.content
    assert {"javascript", "launch", "open_action", "additional_actions", "embedded_file"} <= set(
        cleaned.removed
    )
    assert cleaned.pages == 1
    assert "Lesson plan" in pdf_text(cleaned.content, tmp_path)  # the page is untouched


def test_a_plain_pdf_keeps_its_content() -> None:
    data = pdf_file().read()
    cleaned = pdfclean.clean_pdf(data)
    assert cleaned.removed == ()
    assert cleaned.pages == 1


def test_a_pdf_bomb_is_refused_quickly_without_taking_the_servers_memory() -> None:
    data = bombs.pdf_bomb()  # 0.5 MB that a reader inflates to 500 MB
    assert len(data) < 1024 * 1024
    with bombs.measured() as cost, pytest.raises(pdfclean.PdfRefused) as refusal:
        pdfclean.clean_pdf(data)
    assert refusal.value.reason == "too_complex"
    # The reading happened in a child process held to its memory limit; this process
    # only sent and received bytes.
    bombs.refused_cheaply(cost, seconds=1, megabytes=10)
    assert 0 < refusal.value.child_peak_bytes <= pdfclean.MEMORY_BYTES
    with translation.override("ru"):
        assert "сложнее" in refusal.value.message


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (bombs.encrypted_pdf(), "encrypted"),
        (b"%PDF-1.7\n this is not a PDF at all", "unreadable"),
        (b"%PDF-1.7\n" + b"0" * (pdfclean.MAX_BYTES + 1), "too_large"),
    ],
    ids=["password", "garbage", "too-large"],
)
def test_pdfs_that_cannot_be_cleaned_are_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(pdfclean.PdfRefused) as refusal:
        pdfclean.clean_pdf(data)
    assert refusal.value.reason == reason
    with translation.override("kk"):
        assert refusal.value.message != refusal.value.args[0]


# --- Images ----------------------------------------------------------------------------------


def test_pillow_refuses_an_image_over_the_pixel_limit_wherever_it_is_opened() -> None:
    with bombs.measured() as cost, pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(bombs.png_claiming_pixels(7000, 7000)))  # 49 million
    bombs.refused_cheaply(cost, seconds=1, megabytes=5)


# --- The Wagtail admin -----------------------------------------------------------------------


@pytest.fixture
def trainer(db: None) -> Client:
    person = UserFactory()
    grant(person, Role.TRAINER)
    activate_totp(person)
    admin_in_english(person)
    client = Client()
    client.force_login(person)
    return client


def upload_document(client: Client, name: str, data: bytes) -> Any:
    return client.post(
        reverse("wagtaildocs:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.django_db
def test_a_pdf_uploaded_as_a_document_is_kept_clean(trainer: Client) -> None:
    response = upload_document(trainer, "worksheet.pdf", bombs.pdf_that_runs_code())
    assert response.status_code == 302
    document = get_document_model().objects.get()
    with document.file.open("rb") as handle:
        stored = handle.read()
    assert bombs.active_parts(stored) == []
    assert document.file_size == len(stored)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("page.html", b"<script>alert(1)</script>", "cannot be uploaded"),
        ("drawing.svg", b"<svg xmlns='http://www.w3.org/2000/svg'/>", "cannot be uploaded"),
        ("setup.exe", b"MZ\x90\x00", "cannot be uploaded"),
        ("macro.docm", b"PK\x03\x04", "cannot be uploaded"),
        ("plan.pdf", b"MZ\x90\x00 an executable", "not a PDF"),
        ("notes.txt", bombs.pdf_that_runs_code(), "name it .pdf"),
        ("bomb.pdf", bombs.pdf_bomb(), "far more complex"),
    ],
    ids=["html", "svg", "exe", "docm", "exe-named-pdf", "pdf-named-txt", "pdf-bomb"],
)
def test_documents_of_other_types_or_that_cannot_be_cleaned_are_refused(
    trainer: Client, name: str, data: bytes, message: str
) -> None:
    response = upload_document(trainer, name, data)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
def test_course_media_types_are_still_accepted(trainer: Client) -> None:
    for name, data in [
        ("captions.vtt", b"WEBVTT\n\n00:00.000 --> 00:01.000\nSalem\n"),
        ("lesson.mp4", b"\x00\x00\x00\x18ftypmp42"),
        ("handout.docx", b"PK\x03\x04 a word document"),
    ]:
        assert upload_document(trainer, name, data).status_code == 302
    assert get_document_model().objects.count() == 3


def upload_image(client: Client, name: str, data: bytes) -> Any:
    return client.post(
        reverse("wagtailimages:add"),
        {
            "title": name,
            "file": SimpleUploadedFile(name, data),
            "collection": Collection.get_first_root_node().pk,
        },
    )


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("logo.svg", b"<svg xmlns='http://www.w3.org/2000/svg'><script/></svg>", "Not a"),
        ("huge.png", bombs.png_claiming_pixels(), "too many pixels"),
    ],
    ids=["svg", "pixel-bomb"],
)
def test_images_that_are_scripts_or_pixel_bombs_are_refused(
    trainer: Client, name: str, data: bytes, message: str
) -> None:
    with bombs.measured() as cost:
        response = upload_image(trainer, name, data)
    bombs.refused_cheaply(cost, seconds=5, megabytes=40)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
def test_a_photo_is_still_accepted(trainer: Client) -> None:
    assert upload_image(trainer, "board.png", png_file().read()).status_code == 302
    assert get_image_model().objects.count() == 1
