"""How django-allauth fits the product: invitations instead of open sign-up, e-mail from
tasks, the person's own language after sign-in, and the one way into a session.

Every sign-in goes through allauth's login flow and its stages (e-mail verification, the
second factor): the sign-in page, e-mail confirmation, and, after an invitation is
accepted, ``sign_in_with_new_password`` below. Nothing else in the product calls
``login()``; ``tests/lms/test_sign_in_paths.py`` holds that.
"""

import time
from typing import Any

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.internal.flows.login import (
    get_authentication_records,
    perform_password_login,
)
from allauth.account.models import Login
from allauth.core import context
from allauth.mfa.models import Authenticator
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.db.models import Min
from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.utils import translation

from core.mail import send_email_after_commit

# How long after a password sign-in a person may add their first authenticator without
# typing the password again.
FIRST_AUTHENTICATOR_WINDOW_SECONDS = 10 * 60
# Sign-ins that prove the person just now: a password, or an organisation's identity provider.
FRESH_SIGN_IN_METHODS = frozenset({"password", "socialaccount"})
RECOVERY_CODE_VIEWS = frozenset(
    {"mfa_view_recovery_codes", "mfa_download_recovery_codes", "mfa_generate_recovery_codes"}
)


def _url_name(request: HttpRequest) -> str:
    match = getattr(request, "resolver_match", None)
    return match.url_name if match is not None else ""


class AccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request: HttpRequest) -> bool:
        return settings.LMS_OPEN_SIGNUP

    def send_mail(self, template_prefix: str, email: str, context: dict[str, Any]) -> None:
        message = self.render_mail(template_prefix, email, context)
        html = next(
            (str(content) for content, mimetype in message.alternatives if mimetype == "text/html"),
            "",
        )
        send_email_after_commit(to=email, subject=message.subject, text=message.body, html=html)

    def get_login_redirect_url(self, request: HttpRequest) -> str:
        """Home, in the language the person signed in with when they chose one (a sign-in
        page in another language than the site's default, by its address, the language
        switch or the browser), else in the language of their profile."""
        chosen = translation.get_language()
        language = (
            chosen
            if chosen != settings.LANGUAGE_CODE and chosen in dict(settings.LANGUAGES)
            else getattr(request.user, "preferred_language", None)
        )
        if language in dict(settings.LANGUAGES):
            translation.activate(language)
            request.LANGUAGE_CODE = language
            return reverse("home")
        return super().get_login_redirect_url(request)

    def is_reauthentication_required(self, *, app: str, **kwargs: Any) -> bool:
        """Setting up the first authenticator straight after signing in with a password does
        not ask for the password again, nor do the recovery codes that follow it: programme
        roles are sent there on sign-in, and the password (or the organisation's sign-in)
        was proven minutes ago. Every other sensitive change still asks, and so do the
        recovery codes of anyone who had an authenticator before this sign-in."""
        request = context.request
        if app == "allauth.mfa" and request is not None and request.user.is_authenticated:
            records = get_authentication_records(request, request.user)
            signed_in_at = max(
                (r["at"] for r in records if r.get("method") in FRESH_SIGN_IN_METHODS),
                default=0,
            )
            fresh = time.time() - signed_in_at < FIRST_AUTHENTICATOR_WINDOW_SECONDS
            if fresh and not is_mfa_enabled(request.user):
                return False
            # The recovery codes shown straight after that first authenticator is set up.
            if fresh and _url_name(request) in RECOVERY_CODE_VIEWS:
                first = Authenticator.objects.filter(user=request.user).aggregate(
                    first=Min("created_at")
                )["first"]
                if first is not None and first.timestamp() >= signed_in_at:
                    return False
        return super().is_reauthentication_required(app=app, **kwargs)


def sign_in_with_new_password(request: HttpRequest, user: Any) -> HttpResponse:
    """Sign in someone who has just chosen their password (accepting an invitation) exactly
    as the sign-in page does after a correct password: allauth records a password
    authentication in the session and runs its login stages, so an account with an
    authenticator is asked for its code before any session starts, and programme roles
    without one are then sent to set it up. The response is where the flow goes next."""
    return perform_password_login(
        request, {"email": user.email}, Login(user=user, email=user.email)
    )
