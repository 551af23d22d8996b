"""Observations in a visit being recorded: who was observed in which role, a score per
indicator of the rubric version the form was shown with, and the notes."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from people.models import School, User
from people.roles import Role

from .. import selectors
from ..models import Observation, ObservationScore, Rubric, RubricVersion, Visit
from .records import MAX_TEXT, check_works_at, lock_for_recording
from .rubrics import rubric_publish


def _check_observed(school: School, person: User, role: str) -> None:
    roles = check_works_at(school, person, field="observed")
    if role not in roles:
        raise ValidationError(
            {
                "observed": _("%(person)s is not a %(role)s at %(school)s.")
                % {
                    "person": person,
                    "role": Role(role).label if role in Role.values else role,
                    "school": school,
                }
            }
        )


@transaction.atomic
def observation_save(
    *,
    actor: User,
    visit: Visit,
    client_id: uuid.UUID,
    observed_person: User,
    observed_role: str,
    scores: dict[str, int | None],
    rubric: Rubric | None = None,
    version: RubricVersion | None = None,
    evidence: str = "",
    strengths: str = "",
    next_steps: str = "",
    complete: bool | None = True,
) -> Observation:
    """Record or update an observation in a visit being recorded, by its ``client_id``.

    A new observation uses the rubric's current version, or ``version`` when given: the
    version the form was shown with (a form filled in offline may arrive after a newer
    version was published). An existing one keeps its own version.
    Scores must be on that version's scale and for its indicators. ``complete`` asks
    for a score on every indicator; otherwise it is a draft (autosave) that the visit
    cannot be submitted with. ``None`` is an autosave: a complete observation stays
    complete (and must stay valid), anything else is kept as a draft.
    Repeat-safe: the same ``client_id`` updates one record; sent again with the same
    content, it changes nothing and writes no second audit entry.
    The observed person must hold ``observed_role`` at the visit's school.
    """
    visit = lock_for_recording(actor, visit)
    observation = Observation.objects.filter(client_id=client_id).first()
    if observation is not None and observation.visit_id != visit.pk:
        raise ValidationError(_("This form belongs to another visit. Open the visit again."))
    if observation is None:
        if version is not None:
            if rubric is not None and version.rubric_id != rubric.pk:
                raise ValidationError({"rubric": _("Choose the session type.")})
            rubric = version.rubric
        if rubric is None:
            raise ValidationError({"rubric": _("Choose the session type.")})
        if not rubric.is_active:
            raise ValidationError({"rubric": _("This rubric is no longer in use.")})
        version = (
            version
            or selectors.rubric_version_current(rubric)
            or rubric_publish(actor=None, rubric=rubric)
        )
    else:
        version = observation.rubric_version
    _check_observed(visit.school, observed_person, observed_role)
    if complete is None:
        complete = bool(observation is not None and observation.is_complete)

    keys = version.indicator_keys()
    errors: dict[str, list[str]] = {}
    given: dict[str, int] = {}
    for key, value in scores.items():
        if value in (None, ""):
            continue
        if key not in keys:
            errors.setdefault("scores", []).append(
                _("A score was given for an indicator that is not in this rubric.")
            )
            continue
        try:
            number = int(value)
        except (TypeError, ValueError):
            number = 0
        if not 1 <= number <= version.scale_max:
            errors.setdefault(f"score_{key}", []).append(
                _("Give a score from 1 to %(max)s.") % {"max": version.scale_max}
            )
            continue
        given[key] = number
    if complete:
        missing = [key for key in keys if key not in given]
        for key in missing:
            if f"score_{key}" not in errors:
                errors.setdefault(f"score_{key}", []).append(_("Give a score for this indicator."))
    if errors:
        raise ValidationError(errors)

    fields = {
        "observed_person": observed_person,
        "observed_role": observed_role,
        "evidence": evidence.strip()[:MAX_TEXT],
        "strengths": strengths.strip()[:MAX_TEXT],
        "next_steps": next_steps.strip()[:MAX_TEXT],
        "is_complete": bool(complete),
        "average_score": (sum(given.values()) / len(given)) if given else None,
    }
    created = observation is None
    if observation is not None and _unchanged(observation, fields, given):
        return observation
    if observation is None:
        observation = Observation.objects.create(
            client_id=client_id,
            visit=visit,
            rubric_version=version,
            session_type=version.content["session_type"],
            scale_max=version.scale_max,
            created_by=actor,
            **fields,
        )
    else:
        for name, field_value in fields.items():
            setattr(observation, name, field_value)
        observation.save()
        observation.scores.exclude(indicator_key__in=list(given)).delete()
    existing = {s.indicator_key: s for s in observation.scores.all()}
    for key, number in given.items():
        score = existing.get(key)
        if score is None:
            ObservationScore.objects.create(
                observation=observation, domain_key=keys[key], indicator_key=key, score=number
            )
        elif score.score != number:
            score.score = number
            score.save(update_fields=["score"])
    log(
        observation,
        "supervision.observation.create" if created else "supervision.observation.update",
        user=actor,
        data={
            "visit": str(visit.public_id),
            "person": observed_person.pk,
            "role": observed_role,
            "rubric_version": version.pk,
            "complete": bool(complete),
            "scores": given,
        },
    )
    return observation


def _unchanged(observation: Observation, fields: dict[str, Any], scores: dict[str, int]) -> bool:
    """Whether saving ``fields`` and ``scores`` would leave ``observation`` as it is."""
    for name, value in fields.items():
        current = getattr(observation, name)
        if (current.pk if isinstance(current, User) else current) != (
            value.pk if isinstance(value, User) else value
        ):
            return False
    return {s.indicator_key: s.score for s in observation.scores.all()} == scores


@transaction.atomic
def observation_delete(*, actor: User, observation: Observation) -> None:
    """Remove an observation from a visit being recorded, with its scores. Its attachments
    stay with the visit."""
    lock_for_recording(actor, observation.visit)
    log(
        observation,
        "supervision.observation.delete",
        user=actor,
        data={"visit": str(observation.visit.public_id), "person": observation.observed_person_id},
    )
    observation.delete()
