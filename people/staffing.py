"""Adding staff: a role is given directly to someone already in the actor's scope, and
offered to anyone else, who is asked by e-mail and accepts or declines it.

Every way of adding staff (the add-person form, giving a role, staff imports) goes through
``staff_add`` or ``role_give``, so that one rule, ``scoping.may_give_role_directly``,
decides, and so that the answer never tells the actor whether an address has an account
outside their scope: a new person and an asked one are both "invited".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.mail import send_templated_email

from . import scoping, services, signals
from .models import RoleMembership, RoleOffer, User
from .services import MembershipSpec


@dataclass(frozen=True)
class Addition:
    """What adding one person as staff did, as far as the actor may know.

    ``person`` is ``None`` when the address belongs to an account outside the actor's
    scope: that person was asked, and the actor learns nothing more about them. A new
    person and an asked one are both ``invited``; nothing else tells them apart.
    """

    person: User | None
    invited: bool
    updated: bool = False  # the details of someone already in scope were corrected
    roles_given: int = 0  # roles given directly to someone already in scope


class OfferError(Exception):
    """A role offer that cannot be answered; ``message`` says why, in the user's language."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def spec_of(offer: RoleOffer) -> MembershipSpec:
    return MembershipSpec(
        role=offer.role,
        school=offer.school,
        region=offer.region,
        training_area=offer.training_area,
        specialism=offer.specialism,
    )


def _holds(person: User, spec: MembershipSpec) -> RoleMembership | None:
    return (
        RoleMembership.objects.current()
        .filter(person=person, role=spec.role, school=spec.school, region=spec.region)
        .first()
    )


# --- The choice --------------------------------------------------------------------------------


@transaction.atomic
def role_give(
    *, actor: User, person: User, spec: MembershipSpec, origin: models.Model | None = None
) -> RoleMembership | RoleOffer | None:
    """Give ``person`` a role, or ask them if they are outside the actor's scope.

    The one place that chooses: someone the actor may reach (``may_give_role_directly``)
    gets the role at once (``membership_grant``); anyone else gets a role offer by e-mail
    (``role_offer_create``, which returns ``None`` for a closed account). Refused as
    ``membership_grant`` refuses when the role or place is outside the actor's scope.
    """
    if scoping.may_give_role_directly(actor, person):
        return services.membership_grant(actor=actor, person=person, spec=spec)
    return role_offer_create(actor=actor, person=person, spec=spec, origin=origin)


@transaction.atomic
def staff_add(
    *,
    actor: User,
    email: str,
    full_name: str,
    full_name_alt: str = "",
    preferred_language: str = settings.LANGUAGE_CODE,
    memberships: list[MembershipSpec],
    update_details: bool = False,
    origin: models.Model | None = None,
) -> Addition:
    """Add a member of staff by their address, with one or more roles.

    A new address becomes a person with the roles and an invitation. An account in the
    actor's scope is given the roles it does not hold yet and, with ``update_details``
    and where the actor may change them, the typed name and language. An account outside
    the actor's scope is only asked: it gets a role offer per role, its details stay its
    own, and the actor is told the same as for a new address. Refusals (bad details, a role
    or place outside the actor's scope) are the same whether or not the address has an
    account, and save nothing. Repeat-safe for people in scope: roles held are skipped.
    Side effects after commit: the invitation or offer e-mails.
    """
    email = email.strip().lower()
    full_name = " ".join(full_name.split())
    services.check_addition(
        actor=actor,
        email=email,
        full_name=full_name,
        preferred_language=preferred_language,
        memberships=memberships,
        new=False,
    )
    person = User.objects.filter(email=email).first()
    if person is None:
        created = services.person_create(
            actor=actor,
            email=email,
            full_name=full_name,
            full_name_alt=full_name_alt,
            preferred_language=preferred_language,
            memberships=memberships,
        )
        return Addition(person=created, invited=True)
    if not scoping.may_give_role_directly(actor, person):
        for spec in memberships:
            role_give(actor=actor, person=person, spec=spec, origin=origin)
        return Addition(person=None, invited=True)

    updated = False
    full_name_alt = " ".join(full_name_alt.split())
    if (
        update_details
        and scoping.can_change_person(actor, person)
        and (
            person.full_name != full_name
            or (full_name_alt and person.full_name_alt != full_name_alt)
            or person.preferred_language != preferred_language
        )
    ):
        services.person_update(
            actor=actor,
            person=person,
            full_name=full_name,
            full_name_alt=full_name_alt or person.full_name_alt,
            preferred_language=preferred_language,
        )
        updated = True
    given = 0
    for spec in memberships:
        if _holds(person, spec) is None:
            role_give(actor=actor, person=person, spec=spec, origin=origin)
            given += 1
    return Addition(person=person, invited=False, updated=updated, roles_given=given)


# --- Offers ------------------------------------------------------------------------------------


def _place_code(spec: MembershipSpec) -> dict[str, str | None]:
    return {
        "role": spec.role,
        "school": spec.school.code if spec.school else None,
        "region": spec.region.code if spec.region else None,
    }


@transaction.atomic
def role_offer_create(
    *, actor: User, person: User, spec: MembershipSpec, origin: models.Model | None = None
) -> RoleOffer | None:
    """Ask ``person`` to take a role the actor may give at that place.

    Repeat-safe: while an offer of the same role at the same place waits for an answer, it
    is returned as it is and nothing is sent again; an expired one is closed and replaced.
    Nothing is offered to a closed account or for a role the person already holds there
    (``None``). Side effects after commit: the e-mail, in the person's language, with the
    link to accept or decline.
    """
    services._check_may_grant(actor, spec)
    person = User.objects.select_for_update().get(pk=person.pk)
    if not person.is_active or person.erased_at is not None or _holds(person, spec):
        return None
    now = timezone.now()
    current = (
        RoleOffer.objects.open()
        .select_for_update()
        .filter(person=person, role=spec.role, school=spec.school, region=spec.region)
        .first()
    )
    if current is not None:
        if current.expires_at > now:
            return current
        current.closed_at = now
        current.save(update_fields=["closed_at"])
    offer = RoleOffer.objects.create(
        person=person,
        **spec.fields(),
        offered_by=actor,
        offered_at=now,
        expires_at=now + timedelta(days=settings.LMS_ROLE_OFFER_DAYS),
        origin=origin,
    )
    log(
        person,
        "people.role_offer.create",
        user=actor,
        data={"offer": offer.pk, **_place_code(spec)},
    )
    with translation.override(person.preferred_language):
        link = settings.SITE_URL + reverse("role_offer", kwargs={"public_id": offer.public_id})
    send_templated_email(
        "role_offer",
        to=person.email,
        language=person.preferred_language,
        context={"person": person, "offer": offer, "offerer": actor, "link": link},
    )
    return offer


def offer_problem(offer: RoleOffer) -> str:
    """Why ``offer`` cannot be answered any more, in the user's language; "" if it can."""
    if offer.accepted_at is not None:
        return _("You have already accepted this role.")
    if offer.declined_at is not None:
        return _("You declined this role. Ask the school to offer it again.")
    if offer.closed_at is not None or offer.expires_at <= timezone.now():
        return _("This offer has expired. Ask the person who sent it to offer the role again.")
    if not offer.person.is_active:
        return _("This account is closed.")
    return ""


def _check_answerable(offer: RoleOffer) -> None:
    problem = offer_problem(offer)
    if problem:
        raise OfferError(problem)


def _locked(*, person: User, offer: RoleOffer) -> RoleOffer:
    offer = (
        RoleOffer.objects.select_for_update(of=("self",))
        .select_related("person", "offered_by", "school", "region", "training_area")
        .get(pk=offer.pk)
    )
    if offer.person_id != person.pk:
        raise PermissionDenied(_("This offer was made to someone else."))
    return offer


@transaction.atomic
def role_offer_accept(*, person: User, offer: RoleOffer) -> RoleMembership:
    """Take the offered role: only the person it was offered to, while it waits.

    The role is given through ``membership_grant`` in the name of the person who offered
    it, who must still be able to give it there, so the school's staff, enrolment rules and
    training statuses follow as for any role given. The offer row is locked: two clicks
    give the role once. Audited as the acceptance and as the role given. Side effects
    after commit: ``roles_changed`` and ``role_offer_accepted``.
    """
    offer = _locked(person=person, offer=offer)
    _check_answerable(offer)
    spec = spec_of(offer)
    offerer = offer.offered_by
    if (
        offerer is None
        or not offerer.is_active
        or not scoping.can_grant(offerer, spec.role, school=spec.school, region=spec.region)
    ):
        raise OfferError(
            _(
                "This offer can no longer be accepted: the person who sent it can no longer "
                "give this role. Ask the school to offer it again."
            )
        )
    now = timezone.now()
    held = _holds(person, spec)
    if held is not None:
        # Given in another way meanwhile: nothing to add.
        offer.closed_at = now
        offer.save(update_fields=["closed_at"])
        return held
    offer.accepted_at = now
    offer.save(update_fields=["accepted_at"])
    membership = services.membership_grant(actor=offerer, person=person, spec=spec, offer=offer)
    offer.membership = membership
    offer.save(update_fields=["membership"])
    log(
        person,
        "people.role_offer.accept",
        user=person,
        data={"offer": offer.pk, "membership": membership.pk, **_place_code(spec)},
    )
    offer_id, person_id = offer.pk, person.pk
    transaction.on_commit(
        lambda: signals.role_offer_accepted.send(
            sender=RoleOffer, offer_id=offer_id, person_id=person_id
        )
    )
    return membership


@transaction.atomic
def role_offer_decline(*, person: User, offer: RoleOffer) -> RoleOffer:
    """Turn the offered role down: only the person it was offered to. Nothing reaches the
    school. Repeat-safe: declining twice changes nothing."""
    offer = _locked(person=person, offer=offer)
    if offer.declined_at is not None:
        return offer
    _check_answerable(offer)
    offer.declined_at = timezone.now()
    offer.save(update_fields=["declined_at"])
    log(
        person,
        "people.role_offer.decline",
        user=person,
        data={"offer": offer.pk, **_place_code(spec_of(offer))},
    )
    return offer
