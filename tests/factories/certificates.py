"""Helpers for certificate tests: finishing a course the way a learner does, templates
published the way the admin publishes them, and reading rendered PDFs."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path
from typing import Any

from django.core.files.images import ImageFile
from PIL import Image as PillowImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Collection

from certificates.models import CertificateSignatory, CertificateTemplate
from courses import services as course_services
from courses.models import CoursePage, Enrolment, ModulePage
from people.models import User


def modules_of(course: CoursePage) -> list[ModulePage]:
    return list(ModulePage.objects.child_of(course).live().order_by("path"))


def complete(person: User, course: CoursePage) -> Enrolment:
    """Enrol as the learner would and mark every module done; the course completes."""
    enrolment = course_services.enrolment_create(actor=person, person=person, course=course)
    for module in modules_of(course):
        course_services.module_mark_done(person=person, module=module)
    enrolment.refresh_from_db()
    assert enrolment.is_completed
    return enrolment


def signature(name: str = "Test Signatory") -> Any:
    canvas = PillowImage.new("RGBA", (600, 180), (255, 255, 255, 0))
    ImageDraw.Draw(canvas).line([(20, 120), (200, 40), (380, 140), (580, 60)], fill="navy", width=6)
    output = io.BytesIO()
    canvas.save(output, format="PNG")
    image = get_image_model()(
        title=f"Signature {name}",
        file=ImageFile(io.BytesIO(output.getvalue()), name="signature.png"),
        collection=Collection.get_first_root_node(),
    )
    image.save()
    return image


def publish_template(
    *,
    courses: list[CoursePage] | None = None,
    signatories: list[dict[str, Any]] | None = None,
    **fields: Any,
) -> CertificateTemplate:
    """A template saved and published, as an editor publishes it in the admin."""
    defaults: dict[str, Any] = {
        "name": "Test template",
        "language": "learner",
        "title_kk": "Сертификат",
        "title_ru": "Сертификат",
        "title_en": "Certificate",
        "body_kk": "«{course}» курсын аяқтады. Оқу көлемі — {hours}.",
        "body_ru": "завершил(а) курс «{course}». Объём обучения — {hours}.",
        "body_en": "has completed the course “{course}”. Volume: {hours}.",
    }
    defaults.update(fields)
    template = CertificateTemplate(**defaults)
    if courses is not None:
        template.courses = courses
    for order, spec in enumerate(signatories or []):
        template.signatories.add(CertificateSignatory(sort_order=order, **spec))
    template.full_clean()
    template.save()
    template.save_revision().publish()
    return CertificateTemplate.objects.get(pk=template.pk)


def pdf_text(path: Path) -> str:
    result = subprocess.run(
        [shutil.which("pdftotext") or "pdftotext", "-layout", str(path), "-"],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def pdf_info(path: Path, *flags: str) -> str:
    result = subprocess.run(
        [shutil.which("pdfinfo") or "pdfinfo", *flags, str(path)],
        capture_output=True,
        text=True,
        check=True,
    )
    return result.stdout


def qr_codes(path: Path, tmp: Path) -> list[str]:
    """Render page 1 to PNG and read every QR code on it."""
    prefix = tmp / "page"
    subprocess.run(
        [
            shutil.which("pdftoppm") or "pdftoppm",
            "-r",
            "150",
            "-png",
            "-f",
            "1",
            "-l",
            "1",
            str(path),
            str(prefix),
        ],
        check=True,
    )
    image = next(tmp.glob("page*.png"))
    result = subprocess.run(
        [shutil.which("zbarimg") or "zbarimg", "--quiet", "--raw", str(image)],
        capture_output=True,
        text=True,
        check=False,
    )
    return [line for line in result.stdout.splitlines() if line.strip()]


def pdf_objects(data: bytes) -> bytes:
    """The PDF's bytes with every compressed stream inflated, to look for dictionary
    entries that sit in object streams (``/Lang``, ``/Alt``, ``/StructTreeRoot``)."""
    import re
    import zlib

    parts = [data]
    for match in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.DOTALL):
        try:
            parts.append(zlib.decompress(match.group(1)))
        except zlib.error:
            continue
    return b"\n".join(parts)
