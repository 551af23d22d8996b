"""The Wagtail document form: only the types the product serves, and PDFs cleaned.

Trainers upload documents, videos and captions for modules in the admin. A document is
accepted only with one of ``WAGTAILDOCS_EXTENSIONS``; a PDF (recognised by its content,
whatever its name) is kept without anything that runs or opens by itself, exactly as
visit attachments are (``core.pdfclean``).
"""

from __future__ import annotations

from pathlib import PurePath
from typing import Any

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile, UploadedFile
from django.utils.translation import gettext as _
from wagtail.documents.forms import BaseDocumentForm

from . import pdfclean


def clean_document_upload(upload: UploadedFile) -> UploadedFile:
    """``upload`` if it may be kept as a document, a cleaned copy if it is a PDF; else a
    ``ValidationError`` saying why."""
    name = upload.name or ""
    extension = PurePath(name).suffix.lower().lstrip(".")
    allowed = [ext.lower() for ext in settings.WAGTAILDOCS_EXTENSIONS]
    if extension not in allowed:
        raise forms.ValidationError(
            _("Documents of this type cannot be uploaded. Accepted types: %(types)s.")
            % {"types": ", ".join(allowed)}
        )
    upload.seek(0)
    head = upload.read(1024)
    if not pdfclean.is_pdf(head):
        if extension == "pdf":
            raise forms.ValidationError(_("The file is named .pdf but is not a PDF document."))
        upload.seek(0)
        return upload
    if extension != "pdf":
        raise forms.ValidationError(
            _("The file is a PDF document; name it .pdf to upload it as one.")
        )
    upload.seek(0)
    data = upload.read(pdfclean.MAX_BYTES + 1)
    try:
        cleaned = pdfclean.clean_pdf(data)
    except pdfclean.PdfRefused as refusal:
        raise forms.ValidationError(refusal.message) from refusal
    return SimpleUploadedFile(name, cleaned.content, content_type="application/pdf")


class DocumentForm(BaseDocumentForm):
    def clean_file(self) -> Any:
        upload = self.cleaned_data.get("file")
        if isinstance(upload, UploadedFile):
            return clean_document_upload(upload)
        return upload
