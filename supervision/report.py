"""The visit report: a submitted visit's record as a PDF for the school and the programme
team, with its complete observations, the reviews of earlier action points and the photos."""

from __future__ import annotations

import base64

from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone

from core.pdf import render_pdf
from people.models import User

from . import selectors
from .models import Attachment, Visit


def filename(visit: Visit) -> str:
    return f"visit-{visit.school.code}-{visit.held_on.isoformat()}.pdf"


def visit_report_pdf(*, visit: Visit, reader: User, request: HttpRequest | None = None) -> bytes:
    """The PDF of ``visit`` (from ``selectors.visit_detail_for``), as generated now for
    ``reader``. Only complete observations appear; the PDF is tagged for screen readers."""
    observations = [
        (observation, observation.scored_domains())
        for observation in visit.observations.all()
        if observation.is_complete
    ]
    html = render_to_string(
        "supervision/report/visit_report.html",
        {
            "visit": visit,
            "observations": observations,
            "reviews": list(selectors.action_points_to_review(visit)),
            "photos": _photos(visit),
            "generated_at": timezone.now(),
            "generated_by": reader,
        },
        request=request,
    )
    return render_pdf(html, pdf_tags=True)


def _photos(visit: Visit) -> list[dict[str, str]]:
    """Photos as ``data:`` URLs, so the PDF renderer never reads private storage by URL."""
    photos = []
    for attachment in visit.attachments.all():
        if attachment.kind != Attachment.Kind.PHOTO:
            continue
        try:
            with attachment.file.open("rb") as handle:
                data = base64.b64encode(handle.read()).decode()
        except FileNotFoundError:
            continue
        photos.append(
            {
                "src": f"data:{attachment.content_type};base64,{data}",
                "caption": attachment.caption or attachment.original_name,
            }
        )
    return photos
