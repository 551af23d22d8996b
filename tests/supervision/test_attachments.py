"""Attachments: type from the content, size limit, photos without location, private
storage, served only to people in scope, and nothing half-saved on refusal."""

from __future__ import annotations

import io
import uuid
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image

from people.roles import Role
from supervision import services
from supervision.files import MAX_ATTACHMENT_BYTES
from supervision.models import Attachment, Visit
from tests import bombs
from tests.factories.supervision import jpeg_with_location, make_visit, observe, pdf_file, png_file

from .conftest import World

State = Visit.State


def stored_files(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


@pytest.fixture
def visit(world: World) -> Visit:
    return make_visit(world.year_a1, date(2026, 10, 5), state=State.IN_PROGRESS)


def attach(world: World, visit: Visit, upload: Any, **kwargs: Any) -> Attachment:
    return services.attachment_add(
        actor=world.supervisor_a1,
        visit=visit,
        client_id=kwargs.pop("client_id", uuid.uuid4()),
        upload=upload,
        **kwargs,
    )


def test_a_photo_is_re_encoded_without_its_location(
    world: World, visit: Visit, private_dir: Path
) -> None:
    upload = jpeg_with_location()
    assert b"Test Camera" in upload.read()
    upload.seek(0)
    attachment = attach(world, visit, upload, caption="Visual timetable")
    assert (attachment.kind, attachment.content_type) == ("photo", "image/jpeg")
    [path] = stored_files(private_dir)
    data = path.read_bytes()
    assert b"Test Camera" not in data
    with Image.open(io.BytesIO(data)) as image:
        assert image.format == "JPEG"
        assert image.getexif().get(0x8825) is None
        assert not image.getexif()
    assert str(path).startswith(str(private_dir))
    assert path.suffix == ".jpg"


def test_png_and_pdf_are_accepted(world: World, visit: Visit) -> None:
    assert attach(world, visit, png_file()).content_type == "image/png"
    pdf = attach(world, visit, pdf_file())
    assert (pdf.kind, pdf.content_type) == ("document", "application/pdf")


@pytest.mark.parametrize(
    ("upload", "message"),
    [
        (SimpleUploadedFile("big.pdf", b"%PDF-" + b"0" * MAX_ATTACHMENT_BYTES), "at most 10"),
        (SimpleUploadedFile("empty.jpg", b""), "is empty"),
        (SimpleUploadedFile("photo.jpg", b"%PDF-1.4 a pdf in disguise"), "really a PDF"),
        (SimpleUploadedFile("report.pdf", b"MZ\x90\x00 an executable"), "only photos"),
        (SimpleUploadedFile("notes.png", b"<html><script>alert(1)</script>"), "only photos"),
        (SimpleUploadedFile("run.exe", b"MZ\x90\x00"), "only photos"),
    ],
    ids=["oversized", "empty", "pdf-named-jpg", "exe-named-pdf", "html-named-png", "exe"],
)
def test_oversized_or_disguised_files_are_refused_and_nothing_is_kept(
    world: World, visit: Visit, private_dir: Path, upload: Any, message: str
) -> None:
    with pytest.raises(ValidationError) as error:
        attach(world, visit, upload)
    assert "file" in error.value.message_dict
    assert message in str(error.value)
    assert not Attachment.objects.exists()
    assert stored_files(private_dir) == []


def test_a_pdf_is_kept_without_scripts_launch_actions_or_embedded_files(
    world: World, visit: Visit, private_dir: Path
) -> None:
    upload = SimpleUploadedFile("lesson plan.pdf", bombs.pdf_that_runs_code())
    attachment = attach(world, visit, upload)
    assert attachment.kind == "document"
    [path] = stored_files(private_dir)
    assert bombs.active_parts(path.read_bytes()) == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (bombs.pdf_bomb(), "far more complex"),
        (bombs.encrypted_pdf(), "protected by a password"),
    ],
    ids=["pdf-bomb", "password"],
)
def test_a_pdf_that_cannot_be_cleaned_is_refused_quickly_and_nothing_is_kept(
    world: World, visit: Visit, private_dir: Path, data: bytes, message: str
) -> None:
    with bombs.measured() as cost, pytest.raises(ValidationError) as error:
        attach(world, visit, SimpleUploadedFile("plan.pdf", data))
    bombs.refused_cheaply(cost, seconds=2, megabytes=40)
    assert message in error.value.message_dict["file"][0]
    assert "plan.pdf" in error.value.message_dict["file"][0]
    assert not Attachment.objects.exists()
    assert stored_files(private_dir) == []


def test_a_photo_claiming_a_billion_pixels_is_refused_at_once(
    world: World, visit: Visit, private_dir: Path
) -> None:
    upload = SimpleUploadedFile("wall.png", bombs.png_claiming_pixels(40_000, 30_000))
    with bombs.measured() as cost, pytest.raises(ValidationError, match="too many pixels"):
        attach(world, visit, upload)
    bombs.refused_cheaply(cost, seconds=1, megabytes=10)
    assert stored_files(private_dir) == []


def test_a_png_named_as_jpeg_is_refused(world: World, visit: Visit, private_dir: Path) -> None:
    upload = png_file("photo.jpg")
    with pytest.raises(ValidationError, match=r"really an image \(PNG\)"):
        attach(world, visit, upload)
    assert stored_files(private_dir) == []


def test_a_repeated_upload_with_the_same_client_id_keeps_one_file(
    world: World, visit: Visit, private_dir: Path
) -> None:
    client_id = uuid.uuid4()
    first = attach(world, visit, png_file(), client_id=client_id)
    second = attach(world, visit, png_file(), client_id=client_id)
    assert first.pk == second.pk
    assert len(stored_files(private_dir)) == 1


def test_files_are_served_only_to_people_in_scope(
    world: World, visit: Visit, client: Client
) -> None:
    observation = observe(visit, world.supervisor_a1, world.teacher_a1, Role.TEACHER, world.rubric)
    attachment = attach(world, visit, png_file(), observation=observation)
    url = f"/en/supervision/attachments/{attachment.public_id}/"
    for person in (world.supervisor_a1, world.leader_a1, world.coordinator_a, world.manager):
        client.force_login(person)
        response = client.get(url)
        assert response.status_code == 200, person
        assert response["Content-Type"] == "image/png"
        assert "private" in response["Cache-Control"]
    for person in (world.supervisor_b1, world.leader_a2, world.coordinator_b, world.trainer):
        client.force_login(person)
        assert client.get(url).status_code == 404, person
    # The observed teacher sees it once the visit is submitted.
    client.force_login(world.teacher_a1)
    assert client.get(url).status_code == 404
    services.visit_transition(actor=world.supervisor_a1, visit=visit, to_state=State.SUBMITTED)
    assert client.get(url).status_code == 200
    client.logout()
    assert client.get(url).status_code == 302


def test_a_pdf_downloads_as_an_attachment(world: World, visit: Visit, client: Client) -> None:
    attachment = attach(world, visit, pdf_file("Plan of the room.pdf"))
    client.force_login(world.leader_a1)
    response = client.get(f"/en/supervision/attachments/{attachment.public_id}/")
    assert response["Content-Disposition"].startswith("attachment")
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


def test_deleting_removes_the_file_after_commit(
    world: World, visit: Visit, private_dir: Path, django_capture_on_commit_callbacks: Any
) -> None:
    attachment = attach(world, visit, png_file())
    with django_capture_on_commit_callbacks(execute=True):
        services.attachment_delete(actor=world.supervisor_a1, attachment=attachment)
    assert not Attachment.objects.exists()
    assert stored_files(private_dir) == []


def test_upload_through_the_page_shows_the_refusal_next_to_the_field(
    world: World, visit: Visit, client: Client
) -> None:
    client.force_login(world.supervisor_a1)
    response = client.post(
        f"/en/supervision/visits/{visit.public_id}/attachments/",
        {
            "attachment-client_id": str(uuid.uuid4()),
            "attachment-file": SimpleUploadedFile("photo.jpg", b"%PDF-1.4 x"),
        },
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert "really a PDF document" in body
    assert "Please correct the following" in body
    assert not Attachment.objects.exists()
