"""The sign-in page's organisation step: an address of a covered domain leads to its
organisation's identity provider; and the SAML answer's last step, refused on our page for
an organisation that is not (or no longer) registered."""

from __future__ import annotations

from allauth.socialaccount.adapter import get_adapter
from allauth.socialaccount.providers.saml import views as saml_views
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import saml, services
from .models import IdentityProvider, Protocol
from .refusals import refuse


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


def saml_finish(request: HttpRequest, organization_slug: str) -> HttpResponse:
    """allauth's check of a posted SAML answer, for an active SAML organisation only; for any
    other the refusal page instead of allauth's bare "not found"."""
    provider = IdentityProvider.objects.filter(
        slug=organization_slug, protocol=Protocol.SAML, is_active=True
    ).first()
    if provider is None:
        message = _(
            "This organisation is not registered here, or signing in with it is switched off."
        )
        return refuse(request, message).response
    if not saml.metadata_ready(saml.app_for(request, provider)):
        return refuse(request, saml.unreachable_message(), provider=provider).response
    return saml_views.finish_acs(request, organization_slug=organization_slug)
