"""Invitations: sending one, and setting up an account by accepting it."""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.mail import send_templated_email

from .. import scoping
from ..models import Invitation, User
from .base import InvitationError, _normalise_name

# --- Invitations -----------------------------------------------------------------------------


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


@transaction.atomic
def invitation_create(*, actor: User, person: User) -> Invitation:
    """E-mail ``person`` a link to set their password; earlier unused links stop working.

    Refused for someone who already has an account (they reset their password instead).
    Side effects after commit: the e-mail, in the person's preferred language.
    """
    if actor.pk != person.pk and not scoping.can_change_person(actor, person):
        raise PermissionDenied(_("You cannot invite this person."))
    if not person.is_active:
        raise ValidationError(_("This person's account is closed."))
    if _is_set_up(person):
        raise ValidationError(
            _("This person already has an account. They can reset their password to sign in.")
        )
    now = timezone.now()
    Invitation.objects.filter(
        person=person, accepted_at__isnull=True, revoked_at__isnull=True
    ).update(revoked_at=now)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(
        person=person,
        token_hash=_token_hash(token),
        created_by=actor,
        expires_at=now + timedelta(days=settings.LMS_INVITATION_DAYS),
    )
    log(person, "people.invitation.send", user=actor, data={"invitation": invitation.pk})
    with translation.override(person.preferred_language):
        link = settings.SITE_URL + reverse("invitation_accept", kwargs={"token": token})
    send_templated_email(
        "invitation",
        to=person.email,
        language=person.preferred_language,
        context={
            "person": person,
            "link": link,
            "expires_at": invitation.expires_at,
            "inviter": actor,
        },
    )
    return invitation


def _is_set_up(person: User) -> bool:
    """Whether the account can already be signed in to: it has a password or an
    authenticator. An invitation is only for an account that has neither."""
    return person.has_usable_password() or Authenticator.objects.filter(user=person).exists()


def invitation_for_token(token: str) -> Invitation:
    """The invitation a link refers to, or ``InvitationError`` saying why it cannot be used."""
    invitation = (
        Invitation.objects.select_related("person").filter(token_hash=_token_hash(token)).first()
    )
    if invitation is None:
        raise _not_valid()
    _check_usable(invitation, invitation.person)
    return invitation


def _not_valid() -> InvitationError:
    return InvitationError(
        _("This invitation link is not valid. Check that you copied the whole link.")
    )


def _check_usable(invitation: Invitation, person: User) -> None:
    """Refuse, with ``InvitationError`` saying why, an invitation that cannot be used.

    A link works once, until it expires or a newer one is sent, and only while the account
    has neither a password nor an authenticator: someone who set a password another way
    (a password reset) signs in with it, through the sign-in page and its second factor.
    """
    if invitation.accepted_at is not None:
        raise InvitationError(
            _("This invitation has already been used. Sign in with your e-mail and password.")
        )
    if invitation.revoked_at is not None:
        raise InvitationError(
            _("A newer invitation was sent to you. Use the link in the most recent e-mail.")
        )
    if invitation.expires_at <= timezone.now():
        raise InvitationError(
            _("This invitation has expired. Ask your coordinator to send you a new one.")
        )
    if not person.is_active:
        raise InvitationError(_("This account is closed."))
    if _is_set_up(person):
        raise InvitationError(
            _(
                "This account is already set up. Sign in with your e-mail and password; "
                "if you forgot the password, reset it."
            )
        )


@transaction.atomic
def invitation_accept(
    *,
    token: str,
    password: str,
    full_name: str,
    full_name_alt: str = "",
    preferred_language: str,
) -> User:
    """Set the person's password, confirm their name and verify their e-mail address.

    A link works once: the invitation row and the person's row are locked and the link is
    checked again under those locks, so two clicks cannot both succeed, and a password set
    another way in the meantime (a reset) is never overwritten. This signs nobody in: the
    caller hands the person to the sign-in flow (``people.adapters``).
    """
    invitation = (
        Invitation.objects.select_for_update().filter(token_hash=_token_hash(token)).first()
    )
    if invitation is None:
        raise _not_valid()
    person = User.objects.select_for_update().get(pk=invitation.person_id)
    _check_usable(invitation, person)
    full_name = _normalise_name(full_name)
    if not full_name:
        raise ValidationError({"full_name": _("Enter your full name.")})
    if preferred_language not in dict(settings.LANGUAGES):
        raise ValidationError({"preferred_language": _("Choose one of the languages.")})
    person.full_name = full_name
    person.full_name_alt = _normalise_name(full_name_alt, "full_name_alt")
    person.preferred_language = preferred_language
    try:
        validate_password(password, user=person)
    except ValidationError as error:
        raise ValidationError({"password1": error.messages}) from error
    person.set_password(password)
    person.save()
    address, _created = EmailAddress.objects.get_or_create(
        user=person, email=person.email, defaults={"primary": True, "verified": True}
    )
    if not (address.verified and address.primary):
        address.verified = True
        address.primary = True
        address.save(update_fields=["verified", "primary"])
    invitation.accepted_at = timezone.now()
    invitation.save(update_fields=["accepted_at"])
    log(person, "people.invitation.accept", user=person, data={"invitation": invitation.pk})
    return person
