"""Keep stored training statuses current: anything that can change whether a person is
trained queues a refresh of that person (after commit, in the background). A role a staff
import offered, once accepted, queues the enrolment the import's programme asks for."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver

from core.tasks import send_task_after_commit
from courses.models import Enrolment, ObservedPractice
from people.signals import role_offer_accepted, roles_changed


def _refresh(person_id: int | None) -> None:
    if person_id:
        send_task_after_commit("programmes.person_refresh", person_id)


@receiver(roles_changed)
def roles(sender: Any, person_id: int, **kwargs: Any) -> None:
    _refresh(person_id)


@receiver(role_offer_accepted)
def offer_accepted(sender: Any, offer_id: int, **kwargs: Any) -> None:
    # A role a staff import offered: enrol by the programme the import named.
    send_task_after_commit("programmes.role_offer_enrol", offer_id)


@receiver(post_save, sender=Enrolment)
def enrolment_saved(
    sender: Any, instance: Enrolment, created: bool, update_fields: Any = None, **kwargs: Any
) -> None:
    # Only the fields that move a person through the funnel; last activity does not.
    if created or update_fields is None or {"status", "required_done"} & set(update_fields):
        _refresh(instance.person_id)


@receiver(post_save, sender=ObservedPractice)
def practice_saved(sender: Any, instance: ObservedPractice, **kwargs: Any) -> None:
    _refresh(instance.person_id)


def connect_certificates() -> None:
    """Certificates issued, revoked, superseded or deleted change who is trained."""
    from certificates.models import Certificate

    def certificate_changed(sender: Any, instance: Any, **kwargs: Any) -> None:
        _refresh(instance.person_id)

    post_save.connect(
        certificate_changed, sender=Certificate, weak=False, dispatch_uid="programmes-cert-save"
    )
    post_delete.connect(
        certificate_changed, sender=Certificate, weak=False, dispatch_uid="programmes-cert-delete"
    )
