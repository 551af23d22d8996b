"""The personal data people keeps: the account, its roles and invitations."""

from __future__ import annotations

from importlib import import_module
from typing import Any

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Invitation, RoleMembership, RoleOffer, User


def export(person: User) -> dict[str, Any]:
    return {
        "email": person.email,
        "full_name": person.full_name,
        "full_name_alt": person.full_name_alt,
        "preferred_language": person.preferred_language,
        "added_on": person.date_joined,
        "last_sign_in": person.last_login,
        "two_factor_authentication": Authenticator.objects.filter(user=person).exists(),
        "roles": [
            {
                "role": m.get_role_display(),
                "school": str(m.school) if m.school_id else None,
                "region": str(m.region) if m.region_id else None,
                "training_area": str(m.training_area) if m.training_area_id else None,
                "specialism": m.get_specialism_display() if m.specialism else None,
                "since": m.started_on,
                "until": m.ended_on,
            }
            for m in RoleMembership.objects.filter(person=person).select_related(
                "school", "region", "training_area"
            )
        ],
        "invitations": [
            {"sent": i.created_at, "accepted": i.accepted_at}
            for i in Invitation.objects.filter(person=person)
        ],
        "roles_offered": [
            {
                "role": o.get_role_display(),
                "school": str(o.school) if o.school_id else None,
                "region": str(o.region) if o.region_id else None,
                "offered_by": o.offered_by.full_name if o.offered_by else None,
                "offered": o.offered_at,
                "expires": o.expires_at,
                "accepted": o.accepted_at,
                "declined": o.declined_at,
            }
            for o in RoleOffer.objects.filter(person=person).select_related(
                "school", "region", "offered_by"
            )
        ],
    }


def erase(person: User, actor: User) -> None:
    """Anonymise the account and close it. Roles stay (ended today), so that the places
    and roles figures were counted under do not change."""
    person.full_name = str(_("Erased person"))
    person.full_name_alt = ""
    person.email = f"erased-{person.public_id}@erased.invalid"
    person.is_active = False
    person.set_unusable_password()
    person.erased_at = timezone.now()
    person.save()
    RoleMembership.objects.filter(person=person, ended_on__isnull=True).update(
        ended_on=timezone.localdate()
    )
    EmailAddress.objects.filter(user=person).delete()
    Authenticator.objects.filter(user=person).delete()
    Invitation.objects.filter(person=person).delete()
    RoleOffer.objects.filter(person=person).delete()
    person.groups.clear()
    # The new unusable password already invalidates their sessions; removing them also
    # clears what the session cache holds.
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for session in Session.objects.filter(expire_date__gt=timezone.now()).iterator():
        if session.get_decoded().get("_auth_user_id") == str(person.pk):
            store(session_key=session.session_key).delete()
