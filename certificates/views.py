"""Certificate pages: a learner's certificates and downloads, the public verification
pages (HTML and JSON), and the programme managers' register, lifecycle and bulk jobs.

Views are thin: they authenticate, ask ``selectors`` what the person may see (someone
else's certificate is a 404), call one service, and render.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from functools import wraps
from typing import Any

from allauth.account.adapter import get_adapter as get_account_adapter
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import (
    FileResponse,
    Http404,
    HttpRequest,
    HttpResponse,
    HttpResponseRedirect,
    JsonResponse,
)
from django.http.response import HttpResponseBase
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache

from core.exports import ExportFilter, form_filters, table_response
from core.tasks import send_task_after_commit
from courses.selectors import page_in_reading_language
from people.models import User

from . import codes, files, renewal_states, selectors, services
from .forms import JobForm, ReasonForm, RegisterFilterForm, VerifyForm
from .models import Certificate

REGISTER_PAGE_SIZE = 50


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _add_errors(form: Any, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, field_errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, field_errors)
    else:
        form.add_error(None, error)


# --- Learners -------------------------------------------------------------------------------


@login_required
def my_certificates(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    return render(
        request,
        "certificates/my_certificates.html",
        {
            "certificates": renewal_states.annotate(selectors.my_certificates_for(user=user)),
            "may_view_register": selectors.may_view_register(user),
            "may_manage": services.may_manage(user),
        },
    )


def _certificate_or_404(request: HttpRequest, code: str) -> Certificate:
    certificate = selectors.certificate_for(user=request.user, code=code)
    if certificate is None:
        raise Http404
    return certificate


@login_required
def certificate_detail(request: HttpRequest, code: str) -> HttpResponse:
    certificate = _certificate_or_404(request, code)
    user = _user(request)
    manages = services.may_manage(user)
    return render(
        request,
        "certificates/certificate_detail.html",
        {
            "certificate": certificate,
            "replacement": selectors.replacement_of(certificate),
            "is_own": certificate.person_id == user.pk,
            "may_manage": manages,
            "history": selectors.history_of(certificate) if manages else [],
        },
    )


@login_required
@never_cache
def certificate_download(request: HttpRequest, code: str) -> HttpResponseBase:
    """The PDF exactly as stored when the certificate was issued, checked against the
    SHA-256 recorded then."""
    certificate = _certificate_or_404(request, code)
    if not certificate.pdf_name:  # erased with the person's data
        raise Http404
    try:
        content = files.stored_pdf(certificate)
    except files.StoredPdfDamaged:
        # Recorded by ``stored_pdf``; the person is told the problem is on the product's side.
        return render(request, "500.html", status=500)
    response = FileResponse(
        io.BytesIO(content),
        as_attachment=request.GET.get("inline") != "1",
        filename=f"certificate-{certificate.grouped_code}.pdf",
        content_type="application/pdf",
    )
    response["ETag"] = f'"{certificate.pdf_sha256}"'
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@never_cache
def enrolment_certificate(request: HttpRequest, public_id: Any) -> HttpResponse:
    """From a completed course to its certificate; a page that refreshes itself while the
    certificate is being prepared (and asks for it again, in case its first request was
    lost)."""
    found = selectors.enrolment_certificate_for(user=request.user, public_id=public_id)
    if found is None or not found.awards_certificate or not found.enrolment.is_completed:
        raise Http404
    if found.certificate is not None:
        return HttpResponseRedirect(
            reverse("certificate_detail", kwargs={"code": found.certificate.grouped_code})
        )
    if cache.add(f"certificates:requeue:{found.enrolment.pk}", 1, 60):
        send_task_after_commit("certificates.certificate_issue", found.enrolment.pk)
    return render(
        request,
        "certificates/preparing.html",
        {"course": page_in_reading_language(found.enrolment.course)},
    )


# --- Public verification ----------------------------------------------------------------------


def _client_ip(request: HttpRequest) -> str:
    """The client's address as the sign-in throttling sees it: allauth honours
    ``ALLAUTH_TRUSTED_PROXY_COUNT`` and ``ALLAUTH_TRUSTED_CLIENT_IP_HEADER``, so behind a
    reverse proxy each visitor is counted, not the proxy."""
    try:
        return str(get_account_adapter(request).get_client_ip(request))
    except PermissionDenied:
        return "unknown"


def rate_limited(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """At most ``CERTIFICATES_VERIFY_RATE_LIMIT`` codes a minute that match no certificate,
    from one address, counted in the shared cache (Redis in production), so that codes
    cannot be tried in bulk.

    Codes that match cost nothing: a school's staff checking their own certificates together
    from the school's one address is never stopped. Once an address is over the limit, every
    check from it waits for the next minute, found or not, so that a guess that hits cannot
    be told from one that misses.
    """

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        window = int(timezone.now().timestamp() // 60)
        key = f"certificates:verify-misses:{_client_ip(request)}:{window}"
        if (cache.get(key) or 0) >= settings.CERTIFICATES_VERIFY_RATE_LIMIT:
            retry = str(60 - int(timezone.now().timestamp()) % 60)
            if kwargs.get("as_json"):
                limited: HttpResponse = JsonResponse({"status": "rate_limited"}, status=429)
            else:
                limited = render(request, "certificates/verify_limited.html", status=429)
            limited["Retry-After"] = retry
            return limited
        response = view(request, *args, **kwargs)
        if response.status_code == 404:
            cache.add(key, 0, timeout=120)
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.set(key, 1, timeout=120)
        return response

    return wrapper


@never_cache
@rate_limited
def verify(request: HttpRequest, code: str, as_json: bool = False) -> HttpResponse:
    """What anyone may learn about a certificate from its code: status (valid, expired,
    revoked with the date, superseded with a link to the replacement), name, course,
    hours, completion date and issuer. An unknown or malformed code reveals nothing."""
    certificate = selectors.verification_for(code)
    replacement = selectors.replacement_of(certificate) if certificate else None
    renewal = renewal_states.renewed_by(certificate) if certificate else None
    if as_json:
        return _verify_json(certificate, replacement, renewal)
    if certificate is None:
        return render(
            request,
            "certificates/verify.html",
            {"form": VerifyForm(initial={"code": code[:64]}), "not_found": True},
            status=404,
        )
    titles = certificate.titles()
    providers = certificate.providers()
    return render(
        request,
        "certificates/verify.html",
        {
            "certificate": certificate,
            "status": certificate.display_status,
            "replacement": replacement,
            "renewal": renewal,
            "titles": [(language, titles[language]) for language in certificate.languages],
            "providers": _distinct([providers[language] for language in certificate.languages]),
            "form": VerifyForm(),
        },
    )


def _distinct(values: list[str]) -> list[str]:
    return list(dict.fromkeys(value for value in values if value))


def _verify_json(
    certificate: Certificate | None,
    replacement: Certificate | None,
    renewal: Certificate | None = None,
) -> JsonResponse:
    if certificate is None:
        return JsonResponse({"status": "not_found"}, status=404)
    data: dict[str, Any] = {
        "status": certificate.display_status,
        "code": certificate.grouped_code,
        "name": certificate.full_name,
        "name_alt": certificate.full_name_alt,
        "course": {language: certificate.titles()[language] for language in certificate.languages},
        "academic_hours": str(certificate.academic_hours.normalize()),
        "completed_on": certificate.completed_on.isoformat(),
        "issuer": {
            language: certificate.providers()[language] for language in certificate.languages
        },
        "valid_until": certificate.expires_on.isoformat() if certificate.expires_on else None,
        "revoked_on": (
            timezone.localtime(certificate.revoked_at).date().isoformat()
            if certificate.revoked_at
            else None
        ),
        "replaced_by": None,
        "url": certificate.verify_url,
    }
    if renewal is not None:
        data["renewed_by"] = {"code": renewal.grouped_code, "url": renewal.verify_url}
    if replacement is not None:
        data["replaced_by"] = {"code": replacement.grouped_code, "url": replacement.verify_url}
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False})
    response["Access-Control-Allow-Origin"] = "*"
    return response


@never_cache
def verify_form(request: HttpRequest) -> HttpResponse:
    """Type a code; a well-formed one goes to its verification page."""
    form = VerifyForm(request.GET or None)
    if form.is_bound and form.is_valid():
        code = codes.normalise(form.cleaned_data["code"])
        if code is not None:
            return HttpResponseRedirect(
                reverse("certificate_verify", kwargs={"code": codes.grouped(code)})
            )
        return verify(request, form.cleaned_data["code"])
    return render(request, "certificates/verify.html", {"form": form, "is_form": True})


@never_cache
def verify_root(request: HttpRequest, code: str) -> HttpResponse:
    """The QR code's address, without a language prefix: the page opens in the language
    of the browser (or the one chosen before)."""
    return verify(request, code)


def verify_root_json(request: HttpRequest, code: str) -> HttpResponse:
    return verify(request, code, as_json=True)


# --- Programme staff: the register and the lifecycle -------------------------------------------


@login_required
def register(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not selectors.may_view_register(user):
        raise PermissionDenied(_("Your roles do not include the certificate register."))
    form = RegisterFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    certificates = selectors.certificate_register_for(
        user=user,
        search=filters.get("q") or "",
        status=filters.get("status") or "",
        course=filters.get("course"),
    )
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        return _register_export(certificates, export, form_filters(form))
    page = Paginator(certificates, REGISTER_PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("export", None)
    return render(
        request,
        "certificates/register.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "may_manage": services.may_manage(user),
        },
    )


def _register_export(certificates: Any, fmt: str, filters: list[ExportFilter]) -> HttpResponse:
    headers = [
        _("Code"),
        _("Full name"),
        _("Second spelling"),
        _("E-mail"),
        _("Course"),
        _("Academic hours"),
        _("Completed on"),
        _("Issued on"),
        _("Valid until"),
        _("Status"),
    ]
    statuses = {
        "valid": _("Valid"),
        "expired": _("Expired"),
        "revoked": _("Revoked"),
        "superseded": _("Superseded"),
    }
    rows = (
        [
            c.grouped_code,
            c.full_name,
            c.full_name_alt,
            c.person.email if c.person else "",
            c.course_title,
            c.academic_hours,
            c.completed_on,
            c.issued_at,
            c.expires_on,
            statuses[c.display_status],
        ]
        for c in certificates.iterator(chunk_size=1000)
    )
    return table_response(
        filename="certificates", fmt=fmt, headers=headers, rows=rows, filters=filters
    )


def _lifecycle(
    request: HttpRequest,
    code: str,
    *,
    action: str,
) -> HttpResponse:
    user = _user(request)
    if not services.may_manage(user):
        raise PermissionDenied(
            _("Only programme managers and administrators can change certificates.")
        )
    certificate = _certificate_or_404(request, code)
    help_text = (
        _("Shown on the verification page only as “revoked”; kept in the certificate's history.")
        if action == "revoke"
        else _("For example: name corrected at the person's request, or template corrected.")
    )
    required_message = (
        _("Say why the certificate is revoked.")
        if action == "revoke"
        else _("Say why the certificate is reissued.")
    )
    form = ReasonForm(request.POST or None, help_text=help_text, required_message=required_message)
    if request.method == "POST" and form.is_valid():
        try:
            if action == "revoke":
                services.certificate_revoke(
                    actor=user, certificate=certificate, reason=form.cleaned_data["reason"]
                )
                messages.success(request, _("The certificate was revoked."))
                target = certificate
            else:
                target = services.certificate_reissue(
                    actor=user, certificate=certificate, reason=form.cleaned_data["reason"]
                )
                messages.success(
                    request, _("A new certificate was issued; the old one points to it.")
                )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return HttpResponseRedirect(
                reverse("certificate_detail", kwargs={"code": target.grouped_code})
            )
    return render(
        request,
        "certificates/lifecycle_form.html",
        {"certificate": certificate, "form": form, "action": action},
        status=400 if form.errors else 200,
    )


@login_required
def certificate_revoke(request: HttpRequest, code: str) -> HttpResponse:
    return _lifecycle(request, code, action="revoke")


@login_required
def certificate_reissue(request: HttpRequest, code: str) -> HttpResponse:
    return _lifecycle(request, code, action="reissue")


# --- Programme managers: bulk jobs ---------------------------------------------------------------


def _require_manager(user: User) -> None:
    if not services.may_manage(user):
        raise PermissionDenied(
            _("Only programme managers and administrators can change certificates.")
        )


@login_required
def jobs(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    _require_manager(user)
    form = JobForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            job = services.certificate_job_start(
                actor=user,
                course=form.cleaned_data["course"],
                kind=form.cleaned_data["kind"],
                reason=form.cleaned_data["reason"],
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            return HttpResponseRedirect(
                reverse("certificate_job", kwargs={"public_id": job.public_id})
            )
    recent = list(selectors.job_list_for(user=user)[:20])
    return render(
        request,
        "certificates/jobs.html",
        {"form": form, "jobs": [(job, selectors.job_progress(job)) for job in recent]},
        status=400 if form.errors else 200,
    )


@login_required
@never_cache
def job_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    job = selectors.job_for(user=request.user, public_id=public_id)
    if job is None:
        raise Http404
    progress = selectors.job_progress(job)
    return render(
        request,
        "certificates/job_detail.html",
        {
            "job": job,
            "progress": progress,
            "failures": selectors.job_failures(job) if progress.failed else [],
            "status_url": reverse("certificate_job_status", kwargs={"public_id": job.public_id}),
        },
    )


@login_required
@never_cache
def job_status(request: HttpRequest, public_id: Any) -> JsonResponse:
    job = selectors.job_for(user=request.user, public_id=public_id)
    if job is None:
        raise Http404
    return JsonResponse(selectors.job_progress(job).as_dict())
