"""Keep stored training statuses current: anything that can change whether a person is
trained queues a refresh of that person (after commit, in the background). Each event is a
documented signal of the app that owns it (``people.signals``, ``courses.signals``,
``certificates.signals``); programmes reads no other app's model saves. A role a staff
import offered, once accepted, queues the enrolment the import's programme asks for."""

from __future__ import annotations

from typing import Any

from django.dispatch import receiver

from certificates.signals import certificate_changed
from core.tasks import send_task_after_commit
from courses.signals import learner_progress_changed
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


@receiver(learner_progress_changed)
def learner_progress(sender: Any, person_id: int, **kwargs: Any) -> None:
    _refresh(person_id)


@receiver(certificate_changed)
def certificate(sender: Any, person_id: int | None, **kwargs: Any) -> None:
    _refresh(person_id)
