"""The e-mails a visit's moves send after commit, each in its recipient's language, with
links into the product in that language."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.urls import reverse
from django.utils import translation

from core.mail import send_templated_email
from people.models import User

from .. import selectors
from ..models import Visit


def link_for(person: User, name: str, **kwargs: Any) -> str:
    """The full address of the page ``name`` in ``person``'s language."""
    with translation.override(person.preferred_language):
        return settings.SITE_URL + reverse(name, kwargs=kwargs)


def _send(template: str, person: User, visit: Visit, **context: Any) -> None:
    send_templated_email(
        template,
        to=person.email,
        language=person.preferred_language,
        context={
            "person": person,
            "visit": visit,
            "link": link_for(person, "supervision:visit_detail", public_id=visit.public_id),
            **context,
        },
    )


def email_leaders_submitted(visit_id: int) -> None:
    """Tell the school's leaders that a visit was submitted for their sign-off."""
    visit = Visit.objects.select_related("school", "supervisor").get(pk=visit_id)
    for leader in selectors.school_leaders([visit.school_id])[visit.school_id]:
        report = link_for(leader, "supervision:visit_report", public_id=visit.public_id)
        _send("supervision_visit_submitted", leader, visit, report_link=report)


def email_supervisor_returned(visit_id: int, actor_id: int, reason: str) -> None:
    """Tell the visit's supervisor that someone returned it for correction, and why."""
    visit = Visit.objects.select_related("school", "supervisor").get(pk=visit_id)
    supervisor = visit.supervisor
    if supervisor is None or not supervisor.is_active:
        return
    actor = User.objects.get(pk=actor_id)
    _send("supervision_visit_returned", supervisor, visit, actor=actor, reason=reason)
