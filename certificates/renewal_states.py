"""Reading recertification: the renewal state of certificates and of people, in bulk.

A valid certificate is *current* until its renewal window opens, then *due for renewal*
until it expires, then *overdue* for the rule's grace period, then *lapsed*. One that a
valid certificate renews is *renewed* (it stays valid until its own end). Without a rule,
an expired certificate has lapsed: nothing renews it.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from django.db import models
from django.utils.translation import gettext_lazy as _

from .models import Certificate, Renewal, RenewalRule, today_in_almaty
from .renewal import practice_missing, practice_since
from .renewal_dates import lapses_after, window_opens_on
from .renewal_rules import RuleBook


class RenewalState(models.TextChoices):
    CURRENT = "current", _("Current")
    DUE = "due", _("Due for renewal")
    OVERDUE = "overdue", _("Overdue")
    LAPSED = "lapsed", _("Lapsed")
    RENEWED = "renewed", _("Renewed")


# The most urgent first: a person's state is that of their most urgent certificate.
URGENCY = [RenewalState.LAPSED, RenewalState.OVERDUE, RenewalState.DUE, RenewalState.CURRENT]


def state_on(
    *, expires_on: date | None, rule: RenewalRule | None, renewed: bool, today: date
) -> str:
    """The state of a valid certificate on ``today``."""
    if renewed:
        return RenewalState.RENEWED
    if expires_on is None:
        return RenewalState.CURRENT
    if rule is None:
        return RenewalState.CURRENT if today <= expires_on else RenewalState.LAPSED
    if today < window_opens_on(expires_on, rule):
        return RenewalState.CURRENT
    if today <= expires_on:
        return RenewalState.DUE
    if today <= lapses_after(expires_on, rule):
        return RenewalState.OVERDUE
    return RenewalState.LAPSED


def _renewed_ids(certificate_ids: Iterable[int]) -> set[int]:
    return set(
        Certificate.objects.filter(
            renews_id__in=list(certificate_ids), status=Certificate.Status.VALID
        ).values_list("renews_id", flat=True)
    )


def annotate(certificates: list[Certificate], today: date | None = None) -> list[Certificate]:
    """Set ``renewal_state`` on each certificate (``""`` for one revoked or superseded),
    ``renewal_path`` (the open renewal's course, if any) and ``renewal_practice_since``
    (when the renewal also waits for observed practice: the first day it counts). A few
    queries in all, and one per renewal that asks for observed practice."""
    today = today or today_in_almaty()
    rules = RuleBook.load({c.person_id for c in certificates if c.person_id})
    ids = [c.pk for c in certificates]
    renewed = _renewed_ids(ids)
    open_renewals = list(
        Renewal.objects.filter(certificate_id__in=ids, status=Renewal.Status.OPEN).select_related(
            "enrolment__course", "rule"
        )
    )
    paths = {
        renewal.certificate_id: renewal.enrolment.course if renewal.enrolment else None
        for renewal in open_renewals
    }
    # Renewals that also ask for observed practice not recorded yet: the first day it counts.
    practice = {
        renewal.certificate_id: practice_since(renewal)
        for renewal in open_renewals
        if renewal.rule.requires_observed_practice and practice_missing(renewal)
    }
    for certificate in certificates:
        state = ""
        if certificate.status == Certificate.Status.VALID:
            key = (certificate.counts_for or certificate.course).translation_key
            state = state_on(
                expires_on=certificate.expires_on,
                rule=rules.rule(certificate.person_id, key),
                renewed=certificate.pk in renewed,
                today=today,
            )
        certificate.renewal_state = state  # type: ignore[attr-defined]
        path = paths.get(certificate.pk)
        # A path course unpublished after the renewal opened is not linked (it would not
        # open); the person is told instead, and the rule's list in the admin says why.
        certificate.renewal_path = path if path is None or path.live else None  # type: ignore[attr-defined]
        certificate.renewal_path_withdrawn = path is not None and not path.live  # type: ignore[attr-defined]
        certificate.renewal_practice_since = practice.get(certificate.pk)  # type: ignore[attr-defined]
    return certificates


def states_by_person(person_ids: Iterable[int], today: date | None = None) -> dict[int, str]:
    """person -> the state of their most urgent certificate, among the valid ones that no
    valid certificate renews (a person with none is left out). Two queries and the rules."""
    today = today or today_in_almaty()
    person_ids = list(person_ids)
    rules = RuleBook.load(person_ids)
    rows = list(
        Certificate.objects.filter(person_id__in=person_ids, status=Certificate.Status.VALID)
        .exclude(renewed_by__status=Certificate.Status.VALID)
        .values_list(
            "person_id", "course__translation_key", "counts_for__translation_key", "expires_on"
        )
    )
    found: dict[int, set[str]] = {}
    for person_id, own_key, counted_key, expires_on in rows:
        state = state_on(
            expires_on=expires_on,
            rule=rules.rule(person_id, counted_key or own_key),
            renewed=False,
            today=today,
        )
        found.setdefault(person_id, set()).add(state)
    return {
        person_id: next(state for state in URGENCY if state in states)
        for person_id, states in found.items()
    }


def renewed_by(certificate: Certificate) -> Certificate | None:
    """The valid certificate that renews this one, if any (for the verification page)."""
    return Certificate.objects.filter(renews=certificate, status=Certificate.Status.VALID).first()


def label(state: str) -> Any:
    return RenewalState(state).label if state in RenewalState.values else ""
