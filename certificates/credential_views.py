"""The public side of credentials: the site's DID document, the status lists, a
certificate's credential (from its page and from its verification page), and checking an
uploaded certificate file.

Machine-readable answers carry ``Access-Control-Allow-Origin: *`` so that verifiers in a
browser can fetch them; none of them names a person.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import selectors, verification
from .credentials import did
from .forms import VerifyFileForm
from .models import Certificate, CertificateCredential, StatusList
from .views import _certificate_or_404, _client_ip, rate_limited

# Checking a file costs far more than looking up a code: a few a minute per address.
FILE_CHECKS_PER_MINUTE = 10


def _json(data: dict[str, Any], *, content_type: str = "application/json") -> HttpResponse:
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type=content_type
    )
    response["Access-Control-Allow-Origin"] = "*"
    return response


def did_document(request: HttpRequest) -> HttpResponse:
    """The ``did:web`` document: every credential key, current and retired."""
    response = _json(did.did_document(), content_type="application/did+json")
    response["Cache-Control"] = "public, max-age=300"
    return response


@never_cache
def status_list(request: HttpRequest, number: int) -> HttpResponse:
    """A published status list credential, as last signed."""
    document = StatusList.objects.filter(number=number).values_list("document", flat=True).first()
    if not document:
        raise Http404
    return _json(document, content_type="application/vc+ld+json")


def _credential_response(certificate: Certificate) -> HttpResponse:
    stored = CertificateCredential.objects.filter(certificate=certificate).first()
    if stored is None or not stored.document:  # issued before credentials, or erased
        raise Http404
    response = _json(stored.document, content_type="application/vc+ld+json")
    response["Content-Disposition"] = (
        f'attachment; filename="credential-{certificate.grouped_code}.json"'
    )
    return response


@login_required
@never_cache
def credential_download(request: HttpRequest, code: str) -> HttpResponse:
    """The certificate's credential, for its holder and the staff who may see it."""
    return _credential_response(_certificate_or_404(request, code))


@never_cache
@rate_limited
def credential_public(request: HttpRequest, code: str) -> HttpResponse:
    """The credential from the verification page: it names nobody (the holder is a salted
    hash of their address), so whoever has the code may have it."""
    certificate = selectors.verification_for(code)
    if certificate is None:
        raise Http404
    return _credential_response(certificate)


def _over_file_limit(request: HttpRequest) -> bool:
    window = int(timezone.now().timestamp() // 60)
    key = f"certificates:verify-files:{_client_ip(request)}:{window}"
    cache.add(key, 0, timeout=120)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=120)
        count = 1
    return count > FILE_CHECKS_PER_MINUTE


@never_cache
@require_http_methods(["GET", "POST"])
def verify_file(request: HttpRequest) -> HttpResponse:
    """Upload a certificate's PDF or credential: is the signature valid, is it one we
    issued, and what is its status now."""
    posted = request.method == "POST"
    form = VerifyFileForm(request.POST if posted else None, request.FILES if posted else None)
    context: dict[str, Any] = {
        "form": form,
        "max_bytes": settings.CERTIFICATES_VERIFY_UPLOAD_MAX_BYTES,
    }
    status = 200
    if posted:
        if _over_file_limit(request):
            response = render(request, "certificates/verify_limited.html", status=429)
            response["Retry-After"] = str(60 - int(timezone.now().timestamp()) % 60)
            return response
        if form.is_valid():
            result = verification.check_file(form.cleaned_data["file"])
            context["result"] = result
            context["form"] = VerifyFileForm()
        else:
            status = 400
    return render(request, "certificates/verify_file.html", context, status=status)
