"""The personal data supervision keeps about a person: the sessions of theirs that were
observed, the action points they own, and the visits they led or signed off.

Erasure removes what was written about the person (the observation notes, the photos and
documents attached to their observations, the name typed at a sign-off) and keeps the
scores, visits and action points that coverage figures and a school's record rest on.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q
from django.utils.translation import gettext as _

from people.models import User

from .models import ActionPoint, Attachment, Observation, Visit


def export(person: User) -> dict[str, Any]:
    observations = (
        Observation.objects.filter(observed_person=person, is_complete=True)
        .select_related("visit__school", "rubric_version")
        .prefetch_related("scores")
    )
    return {
        "observations_of_my_practice": [
            {
                "date": o.visit.held_on,
                "school": str(o.visit.school),
                "role": o.get_observed_role_display(),
                "session_type": o.get_session_type_display(),
                "rubric": str(o.rubric_version),
                "average_score": o.average_score,
                "top_of_scale": o.scale_max,
                "scores": {s.indicator_key: s.score for s in o.scores.all()},
                "evidence": o.evidence,
                "strengths": o.strengths,
                "next_steps": o.next_steps,
            }
            for o in observations
        ],
        "action_points_i_own": [
            {
                "what": a.description,
                "school": str(a.school),
                "due_on": a.due_on,
                "status": a.get_status_display(),
                "closed_on": a.closed_on,
            }
            for a in ActionPoint.objects.filter(owner=person).select_related("school")
        ],
        "visits": [
            {
                "date": v.planned_on,
                "held_on": v.held_on if v.started_at else None,
                "school": str(v.school),
                "state": v.get_state_display(),
                "i_led_it": v.supervisor_id == person.pk,
                "signed_off_at": v.signed_off_at if v.signed_off_by_id == person.pk else None,
            }
            for v in Visit.objects.filter(Q(supervisor=person) | Q(signed_off_by=person))
            .select_related("school")
            .distinct()
        ],
    }


def erase(person: User, actor: User) -> None:
    erased = str(_("[erased]"))
    observations = Observation.objects.filter(observed_person=person)
    observations.exclude(evidence="", strengths="", next_steps="").update(
        evidence=erased, strengths="", next_steps=""
    )
    for attachment in Attachment.objects.filter(observation__in=observations):
        attachment.file.delete(save=False)
        attachment.delete()
    Visit.objects.filter(signed_off_by=person).update(signed_off_name=erased)
