"""Adding and changing people."""

from __future__ import annotations

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from .. import scoping
from ..models import User
from .base import MembershipSpec, _normalise_name
from .invitations import invitation_create
from .memberships import _check_may_grant, _membership_create, _sync_groups


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
