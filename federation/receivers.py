"""After a sign-in through an identity provider: remember, for this session and person,
whether the provider vouched for a second factor (``people.middleware``)."""

from __future__ import annotations

from typing import Any

from allauth.account.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpRequest

from people.middleware import EXTERNAL_MFA_SESSION_KEY

from .adapters import claims_of, provider_of
from .services import claims_used_mfa


@receiver(user_logged_in)
def remember_provider_mfa(sender: Any, request: HttpRequest, user: Any, **kwargs: Any) -> None:
    sociallogin = kwargs.get("sociallogin")
    provider = provider_of(sociallogin) if sociallogin is not None else None
    vouched = (
        provider is not None
        and provider.enforces_mfa
        and claims_used_mfa(claims_of(sociallogin, provider))
    )
    if vouched:
        request.session[EXTERNAL_MFA_SESSION_KEY] = user.pk
    else:
        request.session.pop(EXTERNAL_MFA_SESSION_KEY, None)
