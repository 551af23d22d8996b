"""Recording a visit: its notes, attachments and action points (agreed at this visit, or
reviewed from earlier ones), and the rule every record shares: only a supervisor of the
school, only while the visit is being recorded (``lock_for_recording``)."""

from __future__ import annotations

import uuid
from datetime import date

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from people.models import RoleMembership, School, User
from people.roles import LEARNER_ROLES

from .. import access, selectors
from ..access import SUPERVISOR
from ..files import check_upload
from ..models import ActionPoint, ActionPointReview, Attachment, Observation, Visit

State = Visit.State
MAX_TEXT = 10_000


def lock_for_recording(actor: User, visit: Visit) -> Visit:
    """The visit, locked, if ``actor`` may record in it now; refused otherwise."""
    visit = (
        Visit.objects.select_for_update(of=("self",))
        .select_related("school", "year")
        .get(pk=visit.pk)
    )
    mine = access.capacities(actor, visit.school)
    if not mine:
        raise PermissionDenied(_("This visit is outside your schools."))
    if SUPERVISOR not in mine:
        raise PermissionDenied(
            _("Only a supervisor of %(school)s can record this visit.") % {"school": visit.school}
        )
    if visit.state != State.IN_PROGRESS:
        raise ValidationError(
            {
                "state": _(
                    "This visit is “%(state)s”: it can be changed only while it is being recorded."
                )
                % {"state": visit.get_state_display()}
            }
        )
    return visit


def check_works_at(school: School, person: User, *, field: str, active: bool = False) -> set[str]:
    """The learner roles ``person`` holds at ``school`` now; refused on ``field`` if none
    (or, with ``active``, if their account is closed)."""
    roles = set(
        RoleMembership.objects.current()
        .filter(person=person, school=school, role__in=LEARNER_ROLES)
        .values_list("role", flat=True)
    )
    if not roles or (active and not person.is_active):
        raise ValidationError(
            {
                field: _("%(person)s does not work at %(school)s.")
                % {"person": person, "school": school}
            }
        )
    return roles


@transaction.atomic
def visit_update_notes(*, actor: User, visit: Visit, notes: str) -> Visit:
    """Save the general notes of a visit being recorded. Repeat-safe."""
    visit = lock_for_recording(actor, visit)
    notes = notes.strip()[:MAX_TEXT]
    if notes != visit.notes:
        visit.notes = notes
        visit.save(update_fields=["notes", "updated_at"])
        log(visit, "supervision.visit.notes", user=actor, data={"length": len(notes)})
    return visit


@transaction.atomic
def attachment_add(
    *,
    actor: User,
    visit: Visit,
    client_id: uuid.UUID,
    upload: UploadedFile,
    caption: str = "",
    observation: Observation | None = None,
) -> Attachment:
    """Keep a photo or PDF document as evidence of a visit being recorded.

    The type is read from the content; photos are re-encoded without metadata. Refused
    with a message if too large, of another type, or disguised under another name.
    Repeat-safe: the same ``client_id`` returns the attachment already stored. If the
    transaction fails after the file was written, the file is removed again.
    """
    visit = lock_for_recording(actor, visit)
    existing = Attachment.objects.filter(client_id=client_id).first()
    if existing is not None:
        if existing.visit_id != visit.pk:
            raise ValidationError(_("This form belongs to another visit. Open the visit again."))
        return existing
    if observation is not None and observation.visit_id != visit.pk:
        raise ValidationError({"observation": _("Choose an observation of this visit.")})
    clean = check_upload(upload)
    attachment = Attachment(
        client_id=client_id,
        visit=visit,
        observation=observation,
        kind=clean.kind,
        original_name=clean.original_name,
        content_type=clean.content_type,
        size=len(clean.content),
        caption=caption.strip()[:300],
        uploaded_by=actor,
    )
    attachment.file.save(f"file{clean.extension}", ContentFile(clean.content), save=False)
    try:
        attachment.save()
        log(
            attachment,
            "supervision.attachment.add",
            user=actor,
            data={"visit": str(visit.public_id), "kind": clean.kind, "size": attachment.size},
        )
    except Exception:
        # Nothing half-saved: the row failed, so the file written for it goes too.
        if attachment.file.name:
            attachment.file.storage.delete(attachment.file.name)
        raise
    return attachment


@transaction.atomic
def attachment_delete(*, actor: User, attachment: Attachment) -> None:
    """Remove an attachment from a visit being recorded; the file goes after commit."""
    lock_for_recording(actor, attachment.visit)
    storage, name = attachment.file.storage, attachment.file.name or ""
    log(
        attachment,
        "supervision.attachment.delete",
        user=actor,
        data={"visit": str(attachment.visit.public_id), "name": attachment.original_name},
    )
    attachment.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))


@transaction.atomic
def action_point_save(
    *,
    actor: User,
    visit: Visit,
    client_id: uuid.UUID,
    description: str,
    owner: User,
    due_on: date,
) -> ActionPoint:
    """Agree an action point with the school during a visit being recorded, or correct one
    raised at this visit. The owner must work at the school. Repeat-safe by ``client_id``:
    sent again with the same content, it changes nothing and writes no audit entry."""
    visit = lock_for_recording(actor, visit)
    description = description.strip()[:MAX_TEXT]
    errors: dict[str, str] = {}
    if not description:
        errors["description"] = _("Say what is to be done.")
    if due_on < visit.held_on:
        errors["due_on"] = _("The due date cannot be before the visit.")
    if errors:
        raise ValidationError(errors)
    check_works_at(visit.school, owner, field="owner", active=True)
    point = ActionPoint.objects.filter(client_id=client_id).first()
    if point is not None and point.visit_id != visit.pk:
        raise ValidationError(_("This form belongs to another visit. Open the visit again."))
    if point is None:
        point = ActionPoint.objects.create(
            client_id=client_id,
            visit=visit,
            school=visit.school,
            description=description,
            owner=owner,
            due_on=due_on,
            created_by=actor,
        )
        action = "supervision.action_point.create"
    else:
        if (point.description, point.owner_id, point.due_on) == (description, owner.pk, due_on):
            return point
        point.description, point.owner, point.due_on = description, owner, due_on
        point.save()
        action = "supervision.action_point.update"
    log(
        point,
        action,
        user=actor,
        data={"visit": str(visit.public_id), "owner": owner.pk, "due_on": due_on.isoformat()},
    )
    return point


@transaction.atomic
def action_point_delete(*, actor: User, action_point: ActionPoint) -> None:
    """Remove an action point raised at a visit that is still being recorded."""
    lock_for_recording(actor, action_point.visit)
    log(
        action_point,
        "supervision.action_point.delete",
        user=actor,
        data={"visit": str(action_point.visit.public_id)},
    )
    action_point.delete()


@transaction.atomic
def action_point_review(
    *,
    actor: User,
    visit: Visit,
    action_point: ActionPoint,
    outcome: str,
    note: str = "",
    new_due_on: date | None = None,
) -> ActionPointReview:
    """Record what this visit found about an action point from an earlier visit.

    Done or dropped closes it (dropping needs a note); still open may move its due date.
    Repeat-safe: one review per action point and visit, which a second call updates; the
    same review sent again changes nothing and writes no audit entry.
    """
    visit = lock_for_recording(actor, visit)
    if not selectors.action_points_to_review(visit).filter(pk=action_point.pk).exists():
        raise ValidationError(_("This action point is not one to review at this visit."))
    Outcome = ActionPointReview.Outcome
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Choose what the visit found.")})
    note = note.strip()[:MAX_TEXT]
    if outcome == Outcome.DROPPED and not note:
        raise ValidationError({"note": _("Say why the action point is dropped.")})
    if new_due_on is not None and outcome != Outcome.STILL_OPEN:
        new_due_on = None
    if new_due_on is not None and new_due_on < visit.held_on:
        raise ValidationError({"new_due_on": _("The new due date cannot be before this visit.")})
    point = ActionPoint.objects.select_for_update().get(pk=action_point.pk)
    same = ActionPointReview.objects.filter(
        action_point=point, visit=visit, outcome=outcome, note=note, new_due_on=new_due_on
    ).first()
    if same is not None and point.status == outcome:
        return same
    review, _created = ActionPointReview.objects.update_or_create(
        action_point=point,
        visit=visit,
        defaults={
            "outcome": outcome,
            "note": note,
            "new_due_on": new_due_on,
            "reviewed_by": actor,
        },
    )
    point.status = outcome
    point.closed_on = None if outcome == Outcome.STILL_OPEN else visit.held_on
    if new_due_on is not None:
        point.due_on = new_due_on
    point.save()
    log(
        point,
        "supervision.action_point.review",
        user=actor,
        data={
            "visit": str(visit.public_id),
            "outcome": outcome,
            "new_due_on": new_due_on.isoformat() if new_due_on else None,
        },
    )
    return review
