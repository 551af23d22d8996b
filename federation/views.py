"""The sign-in page's organisation step: an address of a covered domain leads to its
organisation's identity provider."""

from __future__ import annotations

from allauth.socialaccount.adapter import get_adapter
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import services


@require_POST
def discover(request: HttpRequest) -> HttpResponse:
    """Send the visitor to the identity provider of their address's domain; allauth's
    flow takes over from there (state, nonce, the callback)."""
    email = request.POST.get("email", "").strip()
    provider = services.provider_for_email(email) if "@" in email else None
    if provider is None:
        message = _(
            "No organisation signs in addresses of this domain here. Sign in with your password."
        )
        return render(request, "federation/not_covered.html", {"message": message, "email": email})
    app_provider = get_adapter().get_provider(request, provider.slug)
    return app_provider.redirect_from_request(request)
