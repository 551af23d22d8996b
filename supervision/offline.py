"""What a supervisor's device keeps so that a visit can be recorded without a connection.

The service worker (``views.offline.service_worker``, served at
``/<language>/supervision/sw.js`` so that it controls the supervision pages of that language
and nothing else) asks ``views.offline.offline_manifest`` which pages and files to keep,
keeps exactly those, and drops whatever is no longer listed. The list holds only the
supervisor's own visits for today and the days ahead (``selectors.offline_visits_for``)
with, for a visit being recorded, the forms that record it: the observation form of each
rubric in use (which carries the rubric and the school's roster of staff who can be
observed) and the pages of its observations.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from django.templatetags.static import static
from django.urls import reverse

from people.models import User

from . import selectors
from .models import Attachment, Rubric, Visit

# The static files a supervision page uses (templates/base.html and supervision/base.html).
STATIC_FILES = (
    "css/main.css",
    "css/supervision.css",
    "js/app.js",
    "js/offline-outbox.js",
    "js/supervision.js",
    "img/favicon.svg",
    "img/logo.svg",
)


def manifest_for(*, user: User, today: date) -> dict[str, Any]:
    """``pages`` (navigations, among them the page shown offline for anything not kept) and
    ``files`` (static files and the visits' photos), as paths. No visits for anyone who
    supervises no school."""
    visits = selectors.offline_visits_for(user=user, today=today)
    fallback = reverse("supervision:offline")
    if not visits:
        return {"pages": [fallback], "files": [static(name) for name in STATIC_FILES]}
    pages = [reverse("supervision:caseload"), fallback]
    photos: list[str] = []
    rubrics: list[int] | None = None
    for visit in visits:
        pages.append(reverse("supervision:visit_detail", args=[visit.public_id]))
        if visit.state != Visit.State.IN_PROGRESS:
            continue
        if rubrics is None:
            rubrics = list(Rubric.objects.filter(is_active=True).values_list("pk", flat=True))
        start = reverse("supervision:observation_create", args=[visit.public_id])
        pages.append(start)
        pages.extend(f"{start}?rubric={pk}" for pk in rubrics)
        pages.extend(
            reverse("supervision:observation_edit", args=[observation.public_id])
            for observation in visit.observations.all()
        )
        photos.extend(
            reverse("supervision:attachment_download", args=[attachment.public_id])
            for attachment in visit.attachments.all()
            if attachment.kind == Attachment.Kind.PHOTO
        )
    return {"pages": pages, "files": [static(name) for name in STATIC_FILES] + photos}
