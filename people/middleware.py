"""Request-level rules about accounts."""

import time
from collections.abc import Callable
from typing import Any

from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils.translation import gettext as _

from . import scoping

# Pages a person without an authenticator may still reach: setting one up, signing out,
# verifying their address and switching language.
ALLOWED_WITHOUT_MFA = frozenset(
    {
        "mfa_index",
        "mfa_activate_totp",
        "mfa_view_recovery_codes",
        "mfa_generate_recovery_codes",
        "mfa_download_recovery_codes",
        "account_logout",
        "account_reauthenticate",
        "account_email_verification_sent",
        "account_confirm_email",
        "language_set",
        "root",
    }
)


# Set by the federation app for the person signed in through an identity provider that
# enforces two-factor authentication and said that a second factor was used.
EXTERNAL_MFA_SESSION_KEY = "lms_provider_mfa"


class RequireMFAMiddleware:
    """Programme roles must turn on two-factor authentication before anything else.

    Supervisors, coordinators, trainers, managers and administrators reach personal data
    of many people; a stolen password alone must not be enough. A sign-in through an
    organisation's identity provider that enforces a second factor, and says it was used,
    counts as one for that session.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_view(
        self, request: HttpRequest, view_func: Callable[..., Any], args: Any, kwargs: Any
    ) -> HttpResponse | None:
        if not settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES:
            return None
        user = request.user
        if not user.is_authenticated:
            return None
        match = request.resolver_match
        if match is not None and match.url_name in ALLOWED_WITHOUT_MFA:
            return None
        if request.path_info.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
            return None
        if not scoping.scope_for(user).has_programme_role or is_mfa_enabled(user):
            return None
        if request.session.get(EXTERNAL_MFA_SESSION_KEY) == user.pk:
            return None
        messages.warning(
            request,
            _(
                "Your role gives you access to other people's records, so your account needs "
                "two-factor authentication. Set up an authenticator app to continue."
            ),
        )
        return HttpResponseRedirect(reverse("mfa_activate_totp"))


IDLE_KEY = "lms_last_seen"


class ProgrammeRoleIdleTimeoutMiddleware:
    """Sign out people with programme roles after a period without any request.

    Their sessions reach many people's records, so a forgotten open session on a shared
    computer in a school must not stay usable. Learners keep the usual session length.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = request.user
        if user.is_authenticated and scoping.scope_for(user).has_programme_role:
            now = int(time.time())
            last_seen = request.session.get(IDLE_KEY)
            limit = settings.LMS_PROGRAMME_IDLE_MINUTES * 60
            if last_seen is not None and now - int(last_seen) > limit:
                logout(request)
                messages.info(
                    request,
                    _("You were signed out after %(minutes)s minutes without activity.")
                    % {"minutes": settings.LMS_PROGRAMME_IDLE_MINUTES},
                )
                return redirect_to_login(request.get_full_path())
            # Write at most once a minute: every write is a session save.
            if last_seen is None or now - int(last_seen) >= 60:
                request.session[IDLE_KEY] = now
        return self.get_response(request)
