"""Working offline: the service worker of the supervision pages, the manifest of what a
supervisor's device keeps, and the page shown offline for anything it does not keep."""

from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import render
from django.templatetags.static import static
from django.urls import reverse
from django.utils import translation
from django.views.decorators.http import require_GET

from .. import selectors
from ..offline import manifest_for
from .lookups import today, user_of
from .replies import keeps_messages_for_device


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker of this language's supervision pages.

    Served here rather than from ``/static/`` because a worker controls only the pages
    under its own path: at ``/<language>/supervision/sw.js`` it controls the supervision
    pages and nothing else. Its code is in ``static/js/offline-sw.js`` (and the device's
    store in ``static/js/offline-outbox.js``); this script names the addresses it needs.
    It holds no personal data, so it is served to anyone; ``no-cache`` makes the browser
    check it for updates at every visit.
    """
    scope = reverse("supervision:index")
    config = {
        "scope": scope,
        "language": translation.get_language(),
        "manifest": reverse("supervision:offline_manifest"),
        "fallback": reverse("supervision:offline"),
        "static": static(""),
    }
    body = (
        "// Qamqor LMS: the supervision pages' service worker. See supervision/offline.py.\n"
        f"self.QAMQOR_OFFLINE = {json.dumps(config)};\n"
        f"importScripts({json.dumps(static('js/offline-outbox.js'))}, "
        f"{json.dumps(static('js/offline-sw.js'))});\n"
    )
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    # Its own folder is already its widest scope; saying so keeps it so if the script moves.
    response["Service-Worker-Allowed"] = scope
    return response


@login_required
@require_GET
def offline_manifest(request: HttpRequest) -> JsonResponse:
    """What the signed-in supervisor's device keeps (``offline.manifest_for``), whose it
    is, and a CSRF token for sending what the device queued. Never cached."""
    user = user_of(request)
    response = JsonResponse(
        {
            "user": str(user.public_id),
            "csrf": get_token(request),
            **manifest_for(user=user, today=today()),
        }
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@keeps_messages_for_device
def offline_page(request: HttpRequest) -> HttpResponse:
    """Shown by the service worker, offline, for a page the device does not keep."""
    visits = selectors.offline_visits_for(user=user_of(request), today=today())
    return render(request, "supervision/offline.html", {"visits": visits})
