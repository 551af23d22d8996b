"""Every change to people, their roles and their invitations.

Each service runs in one transaction, checks the actor's scope, writes an audit entry in
the same transaction and sends e-mail only after commit. Adding staff, which gives a role
directly or asks the person first, is in ``staffing``.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import timedelta

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core import text
from core.mail import send_templated_email

from . import scoping, signals
from .models import Invitation, Region, RoleMembership, RoleOffer, School, TrainingArea, User
from .roles import AT_SCHOOL, IN_REGION, NATIONAL, ROLE_GROUPS, ROLE_PLACES, Role, Specialism


@dataclass(frozen=True)
class MembershipSpec:
    """A role to grant: where it is held and, for tutors and specialists, its detail."""

    role: str
    school: School | None = None
    region: Region | None = None
    training_area: TrainingArea | None = None
    specialism: str = ""


class InvitationError(Exception):
    """An invitation link that cannot be used; ``message`` says why, in the user's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


# --- People ----------------------------------------------------------------------------------


def _normalise_name(value: str, field: str = "full_name") -> str:
    """A name as it is kept and printed (``core.text.clean_name``: composed, single
    spaces); refused, keyed by ``field``, if it holds a character that has no place in a
    name (a bidirectional control, a zero-width or control character)."""
    try:
        return text.clean_name(value, max_length=200)
    except ValidationError as error:
        raise ValidationError({field: error.messages}) from error


def check_addition(
    *,
    actor: User,
    email: str,
    full_name: str,
    preferred_language: str,
    memberships: list[MembershipSpec],
    new: bool,
) -> None:
    """Refuse, field by field, details that cannot make a member of staff, and roles or
    places outside the actor's scope. ``new``: the address must not be taken either.
    ``email`` and ``full_name`` come normalised."""
    errors: dict[str, list[str]] = {}
    try:
        validate_email(email)
    except ValidationError:
        errors.setdefault("email", []).append(_("Enter a valid e-mail address."))
    else:
        if new and User.objects.filter(email=email).exists():
            errors.setdefault("email", []).append(
                _("Someone with this e-mail address is already registered.")
            )
    if not full_name:
        errors.setdefault("full_name", []).append(_("Enter the person's full name."))
    if preferred_language not in dict(settings.LANGUAGES):
        errors.setdefault("preferred_language", []).append(_("Choose one of the languages."))
    if not memberships:
        errors.setdefault("role", []).append(_("Give the person at least one role."))
    if errors:
        raise ValidationError(errors)
    for spec in memberships:
        _check_may_grant(actor, spec)


@transaction.atomic
def person_create(
    *,
    actor: User,
    email: str,
    full_name: str,
    full_name_alt: str = "",
    preferred_language: str = settings.LANGUAGE_CODE,
    memberships: list[MembershipSpec],
    invite: bool = True,
) -> User:
    """Add a new person with at least one role, and (by default) e-mail them an invitation.

    Refused as a whole, with nothing saved, if the address is taken or any role is outside
    the actor's scope. Pages and imports add staff through ``staffing.staff_add``, which
    answers alike whether or not an address has an account. Side effects after commit:
    the invitation e-mail.
    """
    email = email.strip().lower()
    full_name = _normalise_name(full_name)
    full_name_alt = _normalise_name(full_name_alt, "full_name_alt")
    check_addition(
        actor=actor,
        email=email,
        full_name=full_name,
        preferred_language=preferred_language,
        memberships=memberships,
        new=True,
    )
    person = User.objects.create_user(
        email=email,
        full_name=full_name,
        full_name_alt=full_name_alt,
        preferred_language=preferred_language,
    )
    EmailAddress.objects.create(user=person, email=email, primary=True, verified=False)
    log(person, "people.person.create", user=actor, data={"email": email})
    for spec in memberships:
        _membership_create(actor=actor, person=person, spec=spec)
    _sync_groups(person)
    if invite:
        invitation_create(actor=actor, person=person)
    return person


@transaction.atomic
def person_update(
    *,
    actor: User,
    person: User,
    full_name: str,
    full_name_alt: str = "",
    preferred_language: str,
) -> User:
    """Correct a person's name or language. The actor must be able to change every role
    the person holds, or be the person themselves. Issued certificates keep the old name.
    """
    if actor.pk != person.pk and not scoping.can_change_person(actor, person):
        raise PermissionDenied(_("You cannot change this person's details."))
    full_name = _normalise_name(full_name)
    if not full_name:
        raise ValidationError({"full_name": _("Enter the person's full name.")})
    if preferred_language not in dict(settings.LANGUAGES):
        raise ValidationError({"preferred_language": _("Choose one of the languages.")})
    person = User.objects.select_for_update().get(pk=person.pk)
    before = {
        "full_name": person.full_name,
        "full_name_alt": person.full_name_alt,
        "preferred_language": person.preferred_language,
    }
    person.full_name = full_name
    person.full_name_alt = _normalise_name(full_name_alt, "full_name_alt")
    person.preferred_language = preferred_language
    after = {
        "full_name": person.full_name,
        "full_name_alt": person.full_name_alt,
        "preferred_language": person.preferred_language,
    }
    if after != before:
        person.save(update_fields=list(after))
        changed = {key: [before[key], after[key]] for key in after if before[key] != after[key]}
        log(person, "people.person.update", user=actor, data={"changed": changed})
    return person


@transaction.atomic
def person_set_language(*, person: User, language: str) -> None:
    """Remember the language a person chose; repeat-safe."""
    if language not in dict(settings.LANGUAGES):
        raise ValidationError(_("Choose one of the languages."))
    User.objects.filter(pk=person.pk).exclude(preferred_language=language).update(
        preferred_language=language
    )
    person.preferred_language = language


# --- Roles -----------------------------------------------------------------------------------


def _validate_spec(spec: MembershipSpec) -> None:
    if spec.role not in Role.values:
        raise ValidationError({"role": _("Choose a role from the list.")})
    places = ROLE_PLACES[spec.role]
    if spec.school is not None and spec.region is not None:
        raise ValidationError({"school": _("Choose a school or a region, not both.")})
    if spec.school is not None and AT_SCHOOL not in places:
        raise ValidationError({"school": _("This role is not held at a school.")})
    if spec.region is not None and IN_REGION not in places:
        raise ValidationError({"region": _("This role is not held in a region.")})
    if spec.school is None and spec.region is None and NATIONAL not in places:
        if AT_SCHOOL in places:
            raise ValidationError({"school": _("Choose the school where this role is held.")})
        raise ValidationError({"region": _("Choose the region where this role is held.")})
    if spec.role == Role.TUTOR and spec.training_area is None:
        raise ValidationError({"training_area": _("Choose the tutor's training area.")})
    if spec.role != Role.TUTOR and spec.training_area is not None:
        raise ValidationError({"training_area": _("Only tutors have a training area.")})
    if spec.role == Role.SPECIALIST and spec.specialism not in Specialism.values:
        raise ValidationError({"specialism": _("Choose the specialist's specialism.")})
    if spec.role != Role.SPECIALIST and spec.specialism:
        raise ValidationError({"specialism": _("Only specialists have a specialism.")})


def _check_may_grant(actor: User, spec: MembershipSpec) -> None:
    _validate_spec(spec)
    if not scoping.can_grant(actor, spec.role, school=spec.school, region=spec.region):
        place = spec.school or spec.region
        if place is None:
            message = _("You cannot give the role “%(role)s”.") % {"role": Role(spec.role).label}
        else:
            message = _("You cannot give the role “%(role)s” at %(place)s.") % {
                "role": Role(spec.role).label,
                "place": place,
            }
        raise PermissionDenied(message)


def _membership_create(
    *,
    actor: User | None,
    person: User,
    spec: MembershipSpec,
    offer: RoleOffer | None = None,
    source: str = "",
) -> RoleMembership:
    duplicate = RoleMembership.objects.current().filter(
        person=person, role=spec.role, school=spec.school, region=spec.region
    )
    if duplicate.exists():
        raise ValidationError({"role": _("The person already holds this role there.")})
    membership = RoleMembership.objects.create(
        person=person,
        role=spec.role,
        school=spec.school,
        region=spec.region,
        training_area=spec.training_area,
        specialism=spec.specialism,
        created_by=actor,
    )
    log(
        person,
        "people.membership.grant",
        user=actor,
        data={
            "membership": membership.pk,
            "role": spec.role,
            "school": spec.school.code if spec.school else None,
            "region": spec.region.code if spec.region else None,
            **({"offer": offer.pk} if offer is not None else {}),
            **({"source": source} if source else {}),
        },
    )
    return membership


def _accepted(offer: RoleOffer | None, person: User, spec: MembershipSpec) -> bool:
    """Has ``person`` accepted ``offer`` of exactly this role at this place, with the role
    not given for it yet? Read from the database: the object in hand proves nothing."""
    return (
        offer is not None
        and RoleOffer.objects.filter(
            pk=offer.pk,
            person=person,
            accepted_at__isnull=False,
            membership__isnull=True,
            role=spec.role,
            school=spec.school,
            region=spec.region,
            training_area=spec.training_area,
            specialism=spec.specialism,
        ).exists()
    )


@transaction.atomic
def membership_grant(
    *, actor: User, person: User, spec: MembershipSpec, offer: RoleOffer | None = None
) -> RoleMembership:
    """Give ``person`` one more role. Refused if the role or place is outside the actor's
    scope, or if the role is already held there.

    Only someone already in the actor's scope is given a role directly
    (``scoping.may_give_role_directly``); anyone else is asked first
    (``staffing.role_give``) and given the role here once they accepted ``offer``.
    """
    _check_may_grant(actor, spec)
    if not _accepted(offer, person, spec) and not scoping.may_give_role_directly(actor, person):
        raise PermissionDenied(_("This person has to accept the role first."))
    User.objects.select_for_update().filter(pk=person.pk).first()
    membership = _membership_create(actor=actor, person=person, spec=spec, offer=offer)
    _sync_groups(person)
    return membership


@transaction.atomic
def membership_end(*, actor: User, membership: RoleMembership) -> RoleMembership:
    """End a role today, keeping it as history. Repeat-safe: an ended role stays as it was."""
    if not scoping.can_change_membership(actor, membership):
        raise PermissionDenied(_("You cannot end this role."))
    membership = RoleMembership.objects.select_for_update().get(pk=membership.pk)
    if membership.ended_on is not None:
        return membership
    membership.ended_on = max(timezone.localdate(), membership.started_on)
    membership.save(update_fields=["ended_on"])
    log(
        membership.person,
        "people.membership.end",
        user=actor,
        data={"membership": membership.pk, "role": membership.role},
    )
    _sync_groups(membership.person)
    return membership


def _sync_groups(person: User) -> None:
    """Make group membership and the administrator flag follow the person's current roles."""
    roles = set(
        RoleMembership.objects.current().filter(person=person).values_list("role", flat=True)
    )
    for role, group_name in ROLE_GROUPS.items():
        group, _created = Group.objects.get_or_create(name=group_name)
        if role in roles:
            person.groups.add(group)
        else:
            person.groups.remove(group)
    person_id = person.pk
    transaction.on_commit(lambda: signals.roles_changed.send(sender=User, person_id=person_id))
    is_administrator = Role.ADMINISTRATOR in roles
    if person.is_superuser != is_administrator and (
        is_administrator
        or RoleMembership.objects.filter(person=person, role=Role.ADMINISTRATOR).exists()
    ):
        person.is_superuser = is_administrator
        person.save(update_fields=["is_superuser"])
    scoping.forget_scope(person)


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
