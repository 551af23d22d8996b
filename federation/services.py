"""What a sign-in through an organisation's identity provider may do, and doing it.

``sign_in_plan`` reads the provider's assertion (its claims) and decides, without writing
anything, whether the person may come in and which roles the mapping rules give; anything
the provider may not assert refuses the whole sign-in with a translated reason.
``roles_apply`` then gives the roles the plan names and ends those the same provider gave
before and no longer asserts, in one transaction, each change audited.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from onelogin.saml2.constants import OneLogin_Saml2_Constants

from core import text
from people import external
from people.models import RoleMembership, School, User
from people.roles import Role
from people.services import MembershipSpec

from .models import IdentityProvider, ProvidedMembership

# OpenID Connect ``amr`` values (RFC 8176) that mean more than a password was used.
MFA_METHODS = frozenset({"mfa", "mca", "otp", "hwk", "sc"})

# SAML authentication context classes that mean more than a password was used: the SAML
# 2.0 classes naming a second factor or a token (saml-authn-context-2.0-os), and REFEDS MFA.
_AC = "urn:oasis:names:tc:SAML:2.0:ac:classes:"
MFA_CONTEXTS = frozenset(
    {
        "https://refeds.org/profile/mfa",
        f"{_AC}MobileTwoFactorContract",
        f"{_AC}MobileTwoFactorUnregistered",
        f"{_AC}TimeSyncToken",
        f"{_AC}Smartcard",
        f"{_AC}SmartcardPKI",
        f"{_AC}SoftwarePKI",
        f"{_AC}X509",
        f"{_AC}NomadTelephony",
        f"{_AC}PersonalTelephony",
    }
)

# The claim under which a SAML sign-in passes its authentication context classes.
AUTHN_CONTEXT = "authn_context"

# python3-saml accepts timestamps this many seconds off.
_CLOCK_DRIFT = OneLogin_Saml2_Constants.ALLOWED_CLOCK_DRIFT

# How long a used SAML assertion ID is remembered when it states no end of validity.
_ASSERTION_MEMORY = 60 * 60


class FederationError(Exception):
    """A sign-in the provider's assertion does not allow; ``message`` says why."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class Profile:
    email: str
    full_name: str
    full_name_alt: str
    language: str | None


@dataclass(frozen=True)
class SignInPlan:
    provider: IdentityProvider
    profile: Profile
    specs: tuple[MembershipSpec, ...]
    used_mfa: bool


def provider_for_email(email: str) -> IdentityProvider | None:
    """The active provider covering the domain of ``email``, if any."""
    domain = email.rpartition("@")[2].strip().lower()
    if not domain:
        return None
    for provider in IdentityProvider.objects.filter(is_active=True):
        if domain in provider.domain_list:
            return provider
    return None


def _text(claims: Mapping[str, Any], name: str) -> str:
    value = claims.get(name) if name else None
    return value.strip() if isinstance(value, str) else ""


def _values(claims: Mapping[str, Any], name: str) -> set[str]:
    value = claims.get(name)
    if isinstance(value, str):
        return {value}
    if isinstance(value, list | tuple):
        return {str(item) for item in value}
    return set()


def _language(value: str) -> str | None:
    code = value.replace("_", "-").split("-")[0].lower()
    return code if code in dict(settings.LANGUAGES) else None


def used_mfa(amr: Iterable[Any] | None) -> bool:
    return bool(MFA_METHODS & {str(method).lower() for method in amr or ()})


def used_mfa_context(classes: Iterable[Any] | None) -> bool:
    """Whether SAML authentication context classes name a second factor."""
    return bool(MFA_CONTEXTS & {str(ref).strip() for ref in classes or ()})


def claims_used_mfa(claims: Mapping[str, Any]) -> bool:
    """Whether the assertion says a second factor was used: OIDC ``amr`` or SAML context."""
    return used_mfa(_values(claims, "amr")) or used_mfa_context(_values(claims, AUTHN_CONTEXT))


def assertion_use(
    *, provider: IdentityProvider, assertion_id: str, valid_until: int | None
) -> None:
    """Remember a SAML assertion as used; refuse one seen before (a replayed answer).

    Not repeat-safe by design: the second call with the same ID raises ``FederationError``.
    The memory lasts until the assertion's own end of validity, after which python3-saml
    refuses it as expired anyway.
    """
    if not assertion_id:
        raise FederationError(_("Your organisation's answer has no identifier."))
    lifetime = _ASSERTION_MEMORY
    if valid_until:
        lifetime = max(int(valid_until - time.time()) + _CLOCK_DRIFT, 1)
    key = f"federation.saml.assertion.{provider.pk}.{assertion_id}"
    if not cache.add(key, True, timeout=lifetime):
        raise FederationError(
            _("This answer from your organisation was already used. Sign in again.")
        )


def _profile(provider: IdentityProvider, claims: Mapping[str, Any]) -> Profile:
    email = _text(claims, "email").lower()
    if not email:
        raise FederationError(_("Your organisation did not send your e-mail address."))
    if email.rpartition("@")[2] not in provider.domain_list:
        raise FederationError(
            _("%(organisation)s may not sign in addresses of this domain.")
            % {"organisation": provider.organisation}
        )
    try:
        full_name = text.clean_name(_text(claims, provider.name_claim))
        full_name_alt = text.clean_name(_text(claims, provider.name_alt_claim))
    except ValidationError as error:
        raise FederationError(
            _("Your organisation sent a name that cannot be kept: %(reason)s")
            % {"reason": " ".join(error.messages)}
        ) from error
    if not full_name:
        raise FederationError(_("Your organisation did not send your name."))
    return Profile(
        email=email,
        full_name=full_name,
        full_name_alt=full_name_alt,
        language=_language(_text(claims, provider.language_claim)),
    )


def _school(provider: IdentityProvider, code: str) -> School:
    school = School.objects.filter(code=code).select_related("region").first() if code else None
    if school is None:
        raise FederationError(
            _("Your organisation named a school that is not in the programme: %(code)s")
            % {"code": code or "—"}
        )
    allowed = set(provider.schools.values_list("pk", flat=True))
    outside_region = provider.region_id is not None and school.region_id != provider.region_id
    if outside_region or (allowed and school.pk not in allowed):
        raise FederationError(
            _("%(organisation)s may not give roles at %(school)s.")
            % {"organisation": provider.organisation, "school": school}
        )
    return school


def sign_in_plan(*, provider: IdentityProvider, claims: Mapping[str, Any]) -> SignInPlan:
    """Decide what a sign-in with these claims may do. Writes nothing.

    Refused (``FederationError``) when the provider is switched off, the address is not of
    one of its domains, the name is missing, or a matching rule asks for a role the
    provider may not give or a school outside the provider's region or schools.
    """
    if not provider.is_active:
        raise FederationError(_("Signing in with this organisation is switched off."))
    profile = _profile(provider, claims)
    allowed = set(provider.allowed_roles or [])
    specs: list[MembershipSpec] = []
    rules = list(provider.rules.all())
    school: School | None = None
    for rule in rules:
        if rule.value not in _values(claims, rule.claim):
            continue
        if rule.role not in allowed:
            raise FederationError(
                _("%(organisation)s may not give the role “%(role)s”.")
                % {"organisation": provider.organisation, "role": Role(rule.role).label}
            )
        if school is None:
            school = _school(provider, _text(claims, provider.school_claim))
        spec = MembershipSpec(
            role=rule.role,
            school=school,
            training_area=rule.training_area,
            specialism=rule.specialism,
        )
        if spec not in specs:
            specs.append(spec)
    return SignInPlan(
        provider=provider,
        profile=profile,
        specs=tuple(specs),
        used_mfa=claims_used_mfa(claims),
    )


def _source(provider: IdentityProvider) -> str:
    return f"identity provider {provider.slug}"


@transaction.atomic
def roles_apply(*, plan: SignInPlan, person: User) -> None:
    """Make the roles ``person`` holds from ``plan.provider`` exactly those the plan names.

    Repeat-safe: a role already held there is kept; a role this provider gave earlier and
    no longer asserts is ended; roles given by people are never touched. Each change is
    audited in the person's history.
    """
    provider = plan.provider
    User.objects.select_for_update().filter(pk=person.pk).first()
    provided = {
        link.membership_id: link
        for link in ProvidedMembership.objects.filter(
            provider=provider, membership__person=person, membership__ended_on__isnull=True
        )
    }
    current = list(RoleMembership.objects.current().filter(person=person))
    wanted = set(plan.specs)
    for membership in current:
        spec = MembershipSpec(
            role=membership.role,
            school=membership.school,
            region=membership.region,
            training_area=membership.training_area,
            specialism=membership.specialism,
        )
        if spec in wanted:
            wanted.discard(spec)
        elif membership.pk in provided:
            external.membership_end_external(membership=membership, source=_source(provider))
    for spec in plan.specs:
        if spec not in wanted:
            continue
        membership = external.membership_grant_external(
            person=person, spec=spec, source=_source(provider)
        )
        ProvidedMembership.objects.create(provider=provider, membership=membership)
