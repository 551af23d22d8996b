"""Checking an uploaded attachment: what it really is, how big, and a clean copy of it.

The type comes from the content, never from the name the browser sent. Photos are
decoded and re-encoded by Pillow, which drops EXIF (with any location) and other
metadata and turns them the right way up; documents must be PDF files, kept without
anything in them that runs or opens by itself (``core.pdfclean``). Anything else, or a
file whose name claims another type than its content, is refused.
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from core import pdfclean

MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024
MAX_IMAGE_PIXELS = 40_000_000  # about 7,300 × 5,500: any phone camera, not a pixel bomb
MAX_IMAGE_SIDE = 2560  # enough to read a worksheet on a wall; smaller for slow connections

# Pillow format → (content type, extension, extensions a name of this type may carry)
IMAGE_TYPES = {
    "JPEG": ("image/jpeg", ".jpg", {".jpg", ".jpeg", ".jpe", ".jfif"}),
    "PNG": ("image/png", ".png", {".png"}),
    "WEBP": ("image/webp", ".webp", {".webp"}),
}
PDF_TYPE = ("application/pdf", ".pdf", {".pdf"})
KNOWN_EXTENSIONS = {ext for *_rest, names in [*IMAGE_TYPES.values(), PDF_TYPE] for ext in names}


@dataclass(frozen=True)
class CleanFile:
    kind: str  # "photo" or "document"
    content: bytes
    content_type: str
    extension: str
    original_name: str


def _extension(name: str) -> str:
    dot = name.rfind(".")
    return name[dot:].lower() if dot >= 0 else ""


def clean_name(name: str) -> str:
    """The browser's file name without any folder part or control characters."""
    base = name.replace("\\", "/").rsplit("/", 1)[-1]
    base = "".join(ch for ch in base if ch.isprintable()).strip()
    return base[:200] or "file"


def check_upload(upload: UploadedFile) -> CleanFile:
    """A clean copy of ``upload``, or ``ValidationError`` (key ``file``) saying what is wrong."""
    name = clean_name(upload.name or "")
    size = upload.size or 0
    if size == 0:
        raise ValidationError({"file": _("The file “%(name)s” is empty.") % {"name": name}})
    if size > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            {
                "file": _("The file “%(name)s” is %(size)s; files can be at most %(limit)s.")
                % {
                    "name": name,
                    "size": filesizeformat(size),
                    "limit": filesizeformat(MAX_ATTACHMENT_BYTES),
                }
            }
        )
    upload.seek(0)
    data = upload.read(MAX_ATTACHMENT_BYTES + 1)
    if len(data) > MAX_ATTACHMENT_BYTES:
        raise ValidationError(
            {
                "file": _("The file “%(name)s” is too large; files can be at most %(limit)s.")
                % {"name": name, "limit": filesizeformat(MAX_ATTACHMENT_BYTES)}
            }
        )
    claimed = _extension(name)
    if pdfclean.is_pdf(data):
        content_type, extension, names = PDF_TYPE
        if claimed not in names:
            raise _disguised(name, _("a PDF document"))
        try:
            cleaned = pdfclean.clean_pdf(data)
        except pdfclean.PdfRefused as refusal:
            raise ValidationError(
                {"file": _("“%(name)s”: %(reason)s") % {"name": name, "reason": refusal.message}}
            ) from refusal
        return CleanFile("document", cleaned.content, content_type, extension, name)

    image_format, content = _reencode_image(data, name)
    content_type, extension, names = IMAGE_TYPES[image_format]
    if claimed not in names:
        raise _disguised(name, _("an image (%(format)s)") % {"format": image_format})
    return CleanFile("photo", content, content_type, extension, name)


def _disguised(name: str, actual: str) -> ValidationError:
    return ValidationError(
        {
            "file": _(
                "The file “%(name)s” is really %(actual)s, which its name does not say. "
                "Check that it is the file you meant to attach."
            )
            % {"name": name, "actual": actual}
        }
    )


def _not_allowed(name: str) -> ValidationError:
    return ValidationError(
        {
            "file": _(
                "The file “%(name)s” cannot be attached: only photos (JPEG, PNG, WebP) and "
                "PDF documents are accepted."
            )
            % {"name": name}
        }
    )


def _too_many_pixels(name: str) -> ValidationError:
    return ValidationError(
        {
            "file": _("The photo “%(name)s” has too many pixels; take a smaller photo.")
            % {"name": name}
        }
    )


def _reencode_image(data: bytes, name: str) -> tuple[str, bytes]:
    try:
        with Image.open(io.BytesIO(data)) as probe:
            image_format = probe.format or ""
            width, height = probe.size
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels(name) from error
    except (UnidentifiedImageError, OSError, ValueError) as error:
        raise _not_allowed(name) from error
    if image_format not in IMAGE_TYPES:
        raise _not_allowed(name)
    if width * height > MAX_IMAGE_PIXELS:
        raise _too_many_pixels(name)
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
            upright = ImageOps.exif_transpose(image) or image
            upright.thumbnail((MAX_IMAGE_SIDE, MAX_IMAGE_SIDE))
            out = io.BytesIO()
            if image_format == "JPEG":
                upright.convert("RGB").save(out, "JPEG", quality=85, optimize=True)
            elif image_format == "PNG":
                keep_alpha = upright.mode in ("RGBA", "LA", "P")
                upright.convert("RGBA" if keep_alpha else "RGB").save(out, "PNG", optimize=True)
            else:
                upright.save(out, "WEBP", quality=85)
    except (Image.DecompressionBombError, Image.DecompressionBombWarning) as error:
        raise _too_many_pixels(name) from error
    except (OSError, ValueError) as error:
        raise _not_allowed(name) from error
    return image_format, out.getvalue()
