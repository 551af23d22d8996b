"""The one answer to a sign-in through an organisation that may not go ahead: a translated
page saying why, with nothing created or changed, and an audit entry on the provider."""

from __future__ import annotations

from allauth.core.exceptions import ImmediateHttpResponse
from django.http import HttpRequest
from django.shortcuts import render
from wagtail.log_actions import log

from .models import IdentityProvider


def refuse(
    request: HttpRequest, message: str, *, provider: IdentityProvider | None = None
) -> ImmediateHttpResponse:
    """The refusal page to raise; the reason is audited on ``provider`` when known."""
    if provider is not None:
        log(provider, "federation.sign_in.refused", data={"reason": message})
    response = render(request, "federation/refused.html", {"message": message}, status=403)
    return ImmediateHttpResponse(response)
