"""How allauth's social accounts fit the product: each organisation's identity provider is
an ``openid_connect`` or a ``saml`` app (``federation.saml``) built from its database row,
and every sign-in through one is checked against the provider's rules before any account is
created, linked or changed.

The sign-in itself stays allauth's: its login flow and stages (the second factor) run as
for a password sign-in; nothing here starts a session.
"""

from __future__ import annotations

from typing import Any

from allauth.account.models import EmailAddress
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.models import SocialApp, SocialLogin
from django.db import transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from people.models import User

from . import saml, services
from .models import IdentityProvider
from .refusals import refuse
from .services import FederationError

PROVIDER = "openid_connect"
PROTOCOL_OF_APP = {PROVIDER: "oidc", saml.PROVIDER: "saml"}


def app_for(provider: IdentityProvider) -> SocialApp:
    """The allauth app of one identity provider (not stored: the row is the record)."""
    return SocialApp(
        provider=PROVIDER,
        provider_id=provider.slug,
        name=provider.organisation,
        client_id=provider.client_id,
        secret=provider.client_secret,
        settings={
            "server_url": provider.issuer.rstrip("/"),
            # An existing account is found by address only when both sides have it verified
            # (``authenticate_by_email`` below).
            "email_authentication": True,
        },
    )


def app_of(request: HttpRequest | None, provider: IdentityProvider) -> SocialApp:
    return saml.app_for(request, provider) if provider.is_saml else app_for(provider)


def claims_of(sociallogin: SocialLogin, provider: IdentityProvider | None = None) -> dict[str, Any]:
    """What the provider asserted. OpenID Connect: the ID token's claims, completed by its
    user info; SAML: the assertion's attributes and context (``saml.claims_of``)."""
    data = sociallogin.account.extra_data or {}
    provider = provider or provider_of(sociallogin)
    if provider is not None and provider.is_saml:
        return saml.claims_of(provider, data)
    return {**(data.get("id_token") or {}), **(data.get("userinfo") or {})}


def provider_of(sociallogin: SocialLogin) -> IdentityProvider | None:
    slug = sociallogin.account.provider
    return IdentityProvider.objects.filter(slug=slug).first()


class SocialAccountAdapter(DefaultSocialAccountAdapter):
    def list_apps(
        self, request: HttpRequest | None, provider: str | None = None, client_id: str | None = None
    ) -> list[SocialApp]:
        rows = IdentityProvider.objects.filter(is_active=True)
        if provider in PROTOCOL_OF_APP:
            rows = rows.filter(protocol=PROTOCOL_OF_APP[provider])
        elif provider:
            rows = rows.filter(slug=provider)
        apps = [app_of(request, row) for row in rows]
        return [app for app in apps if not client_id or app.client_id == client_id]

    def on_authentication_error(
        self,
        request: HttpRequest,
        provider: Any,
        error: Any = None,
        exception: Any = None,
        extra_context: Any = None,
    ) -> None:
        """A SAML answer python3-saml refuses (signature, audience, time, issuer) gets the
        refusal page with a translated reason; the library's own reason is audited."""
        super().on_authentication_error(request, provider, error, exception, extra_context)
        if getattr(provider, "id", None) != saml.PROVIDER:
            return
        reason = str((extra_context or {}).get("saml_last_error_reason") or error or "")
        row = IdentityProvider.objects.filter(slug=provider.app.provider_id).first()
        if row is not None:
            log(row, "federation.sign_in.refused", data={"reason": reason})
        raise refuse(request, saml.error_message(reason))

    def _plan(self, request: HttpRequest, sociallogin: SocialLogin) -> services.SignInPlan:
        provider = provider_of(sociallogin)
        if provider is None:
            raise refuse(request, _("This organisation is not registered."))
        try:
            return services.sign_in_plan(provider=provider, claims=claims_of(sociallogin, provider))
        except FederationError as error:
            raise refuse(request, error.message, provider=provider) from error

    def pre_social_login(self, request: HttpRequest, sociallogin: SocialLogin) -> None:
        """Refuse before anything is written; give the roles of an existing account."""
        plan = self._plan(request, sociallogin)
        if not sociallogin.is_existing:
            if User.objects.filter(email__iexact=plan.profile.email).exists():
                raise refuse(
                    request,
                    _(
                        "An account with this address already exists. It is linked to your "
                        "organisation only when your organisation confirms the address and "
                        "the address is confirmed here too. Sign in with your password."
                    ),
                )
            return
        if not sociallogin.user.is_active:
            raise refuse(request, _("This account is inactive."))
        services.roles_apply(plan=plan, person=sociallogin.user)

    def is_open_for_signup(self, request: HttpRequest, sociallogin: SocialLogin) -> bool:
        """Just-in-time accounts for the provider's own domains (checked in the plan)."""
        return provider_of(sociallogin) is not None

    def authenticate_by_email(self, sociallogin: SocialLogin) -> tuple[Any, str] | None:
        found = super().authenticate_by_email(sociallogin)
        if found is None:
            return None
        user, email = found
        if not EmailAddress.objects.filter(user=user, email__iexact=email, verified=True).exists():
            return None
        return found

    def populate_user(self, request: HttpRequest, sociallogin: SocialLogin, data: Any) -> Any:
        user = super().populate_user(request, sociallogin, data)
        provider = provider_of(sociallogin)
        if provider is not None:
            try:
                profile = services.sign_in_plan(
                    provider=provider, claims=claims_of(sociallogin, provider)
                ).profile
            except FederationError:
                return user
            user.email = profile.email
            user.full_name = profile.full_name
            user.full_name_alt = profile.full_name_alt
            if profile.language:
                user.preferred_language = profile.language
        return user

    @transaction.atomic
    def save_user(self, request: HttpRequest, sociallogin: SocialLogin, form: Any = None) -> Any:
        plan = self._plan(request, sociallogin)
        user = super().save_user(request, sociallogin, form)
        services.roles_apply(plan=plan, person=user)
        return user
