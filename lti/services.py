"""What a launch from a registered platform may do, and doing it.

``launch_sign_in`` turns the claims of a validated launch into a person here, an
enrolment and, when the platform offers its gradebook, a place to send the score to. A
launch that cannot be honoured raises ``LaunchRefused`` before anything is written, or
inside the transaction, which then writes nothing.

Accounts (as in ``federation``): a platform's user is found by the launch's issuer and
``sub`` through ``PlatformAccount``. Someone new gets an account from the launch's name,
address and language. An existing account is linked only when the launch's address is one
the person has confirmed here; otherwise the launch is refused and the person told to
sign in with their password. Accounts with programme roles or an authenticator are never
signed in by a launch: their second factor must not be skipped.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.utils import is_mfa_enabled
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core import text
from courses.models import CoursePage, Enrolment, ModulePage
from courses.services.enrolment import enrolment_create
from people import scoping
from people.models import User

from .models import GradeTarget, Platform, PlatformAccount

LTI = "https://purl.imsglobal.org/spec/lti/claim/"
AGS_ENDPOINT = "https://purl.imsglobal.org/spec/lti-ags/claim/endpoint"
SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"


class LaunchRefused(Exception):
    """A launch the product does not honour; ``message`` says why, ``status`` how."""

    def __init__(self, message: str, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.status = status


@dataclass(frozen=True)
class LaunchResult:
    person: User
    enrolment: Enrolment
    page: CoursePage | ModulePage


def _text(claims: Mapping[str, Any], name: str) -> str:
    value = claims.get(name)
    return value.strip() if isinstance(value, str) else ""


def language_of(claims: Mapping[str, Any]) -> str | None:
    presentation = claims.get(LTI + "launch_presentation") or {}
    locale = presentation.get("locale") if isinstance(presentation, dict) else None
    if not isinstance(locale, str):
        return None
    code = locale.replace("_", "-").split("-")[0].lower()
    return code if code in dict(settings.LANGUAGES) else None


def _name(claims: Mapping[str, Any]) -> str:
    raw = _text(claims, "name") or " ".join(
        part for part in (_text(claims, "given_name"), _text(claims, "family_name")) if part
    )
    try:
        name = text.clean_name(raw)
    except ValidationError as error:
        raise LaunchRefused(
            _("Your platform sent a name that cannot be kept: %(reason)s")
            % {"reason": " ".join(error.messages)}
        ) from error
    if not name:
        raise LaunchRefused(_("Your platform did not send your name."))
    return name


def _may_sign_in(person: User) -> None:
    if not person.is_active:
        raise LaunchRefused(_("This account is inactive."), status=403)
    if scoping.scope_for(person).has_programme_role or is_mfa_enabled(person):
        raise LaunchRefused(
            _(
                "Your account here is protected by two-factor authentication, which a launch "
                "from another platform cannot replace. Sign in here with your password and "
                "authenticator, then open the course."
            ),
            status=403,
        )


def _account(platform: Platform, claims: Mapping[str, Any]) -> User:
    subject = _text(claims, "sub")
    if not subject:
        raise LaunchRefused(_("Your platform did not say who you are."))
    link = (
        PlatformAccount.objects.select_related("person")
        .filter(issuer=platform.issuer, subject=subject)
        .first()
    )
    if link is not None:
        return link.person
    email = _text(claims, "email").lower()
    if not email:
        raise LaunchRefused(_("Your platform did not send your e-mail address."))
    existing = User.objects.filter(email__iexact=email).first()
    if existing is not None:
        confirmed = EmailAddress.objects.filter(
            user=existing, email__iexact=email, verified=True
        ).exists()
        if not confirmed:
            raise LaunchRefused(
                _(
                    "An account with this address already exists here, and the address is "
                    "not confirmed. Sign in with your password and confirm the address, then "
                    "start the launch again."
                ),
                status=403,
            )
        _may_sign_in(existing)
        person = existing
        action = "lti.account.link"
    else:
        person = User.objects.create_user(
            email=email,
            full_name=_name(claims),
            preferred_language=language_of(claims) or settings.LANGUAGE_CODE,
        )
        EmailAddress.objects.create(user=person, email=email, primary=True, verified=False)
        action = "lti.account.create"
    PlatformAccount.objects.create(
        platform=platform, issuer=platform.issuer, subject=subject, person=person
    )
    log(person, action, data={"platform": platform.pk, "issuer": platform.issuer})
    return person


def _grade_target(
    account: PlatformAccount, claims: Mapping[str, Any], course: CoursePage, module: Any
) -> None:
    endpoint = claims.get(AGS_ENDPOINT) or {}
    link = claims.get(LTI + "resource_link") or {}
    lineitem = endpoint.get("lineitem") if isinstance(endpoint, dict) else None
    scopes = endpoint.get("scope") if isinstance(endpoint, dict) else None
    link_id = link.get("id") if isinstance(link, dict) else None
    if not (lineitem and isinstance(scopes, list) and SCORE_SCOPE in scopes and link_id):
        return
    GradeTarget.objects.update_or_create(
        account=account,
        resource_link_id=str(link_id),
        defaults={
            "course": course,
            "module": module,
            "lineitem_url": lineitem,
            "scopes": [str(scope) for scope in scopes],
        },
    )


@transaction.atomic
def launch_sign_in(
    *, platform: Platform, claims: Mapping[str, Any], page: CoursePage | ModulePage
) -> LaunchResult:
    """The person a validated resource launch names, enrolled on the course of ``page``.

    Repeat-safe: a second launch finds the same account and enrolment. Refused with
    ``LaunchRefused`` (nothing written) as the module docstring says. Audited: a new
    account, a link, a new enrolment.
    """
    if not platform.is_active:
        raise LaunchRefused(_("Launches from this platform are switched off."), status=403)
    person = _account(platform, claims)
    _may_sign_in(person)
    if isinstance(page, ModulePage):
        course = CoursePage.objects.parent_of(page).get()
        module: ModulePage | None = page
    else:
        course, module = page, None
    try:
        enrolment = enrolment_create(
            actor=person, person=person, course=course, source=Enrolment.Source.LTI
        )
    except (ValidationError, PermissionDenied) as error:
        raise LaunchRefused(" ".join(getattr(error, "messages", [str(error)]))) from error
    account = PlatformAccount.objects.get(issuer=platform.issuer, subject=_text(claims, "sub"))
    _grade_target(account, claims, enrolment.course, module)
    return LaunchResult(person=person, enrolment=enrolment, page=page)
