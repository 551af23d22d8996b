"""Scheduled reports: the manager's list and form, and the recipient's unsubscribe page."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST

from people.models import User

from . import selectors
from .forms import ReportSubscriptionForm
from .models import Programme, ReportSubscription
from .services import scheduled_reports


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _programme(request: HttpRequest, code: str) -> Programme:
    user = _user(request)
    programme = selectors.programme_list_for(user=user).filter(code=code).first()
    if programme is None:
        raise Http404
    if not selectors.may_manage_reports(user, programme):
        raise PermissionDenied(_("Your roles do not include scheduling reports."))
    return programme


@login_required
@require_http_methods(["GET", "POST"])
def report_list(request: HttpRequest, code: str) -> HttpResponse:
    user = _user(request)
    programme = _programme(request, code)
    form = ReportSubscriptionForm(
        request.POST or None,
        regions=selectors.report_regions_for(user=user, programme=programme),
        whole_programme=selectors.may_subscribe_whole_programme(user),
    )
    if request.method == "POST" and form.is_valid():
        try:
            subscription = scheduled_reports.report_subscription_add(
                actor=user, programme=programme, **form.cleaned_data
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(
                request,
                _("%(email)s will receive the report; the first one goes within the hour.")
                % {"email": subscription.recipient_email},
            )
            return redirect("programme_reports", code=programme.code)
    subscriptions = selectors.report_subscription_list_for(user=user, programme=programme)
    return render(
        request,
        "programmes/reports.html",
        {"programme": programme, "form": form, "subscriptions": subscriptions},
    )


@login_required
@require_POST
def report_stop(request: HttpRequest, public_id: str) -> HttpResponse:
    user = _user(request)
    found = ReportSubscription.objects.filter(public_id=public_id).select_related("programme")
    subscription = found.first()
    if subscription is None:
        raise Http404
    programme = _programme(request, subscription.programme.code)
    if not (
        selectors.report_subscription_list_for(user=user, programme=programme)
        .filter(pk=subscription.pk)
        .exists()
    ):
        raise Http404
    if scheduled_reports.report_subscription_stop(actor=user, subscription=subscription):
        messages.success(
            request,
            _("%(email)s will receive no more reports.") % {"email": subscription.recipient_email},
        )
    return redirect("programme_reports", code=programme.code)


# The recipient's mail program may post the one-click unsubscribe (RFC 8058) without a
# session or a CSRF token; the token in the address is the secret.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def report_unsubscribe(request: HttpRequest, token: str) -> HttpResponse:
    subscription = ReportSubscription.objects.filter(unsubscribe_token=token).first()
    if subscription is None:
        return render(request, "programmes/report_unsubscribe_unknown.html", status=404)
    if request.method == "POST":
        scheduled_reports.report_unsubscribe(token=token)
        subscription.refresh_from_db()
    return render(
        request,
        "programmes/report_unsubscribe.html",
        {"subscription": subscription, "done": request.method == "POST"},
    )
