"""Every change to supervision: rubric versions, years and their visit plans, visit
transitions, observations, attachments, action points and their reviews, reminders.

Each service runs in one transaction, checks the actor's capacity at the school
(``access``, built on ``people.scoping``), writes an audit entry in the same transaction,
and sends e-mail, signals and file deletions only after commit. Refusals raise
``PermissionDenied`` (the role may not) or ``ValidationError`` (the input or the visit's
state does not allow it), and leave nothing half-saved.
"""

from __future__ import annotations

import calendar
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.log_actions import log

from lms.mail import send_templated_email
from people.models import RoleMembership, School, User
from people.roles import LEARNER_ROLES, Role
from people.signals import observed_practice_changed

from . import access
from .access import COORDINATOR, LEADER, NATIONAL, SUPERVISOR
from .files import check_upload
from .models import (
    SUBMITTED_STATES,
    ActionPoint,
    ActionPointReview,
    Attachment,
    Frequency,
    Observation,
    ObservationScore,
    Reminder,
    Rubric,
    RubricVersion,
    SupervisionYear,
    Visit,
)

State = Visit.State
MAX_TEXT = 10_000


# --- Rubrics --------------------------------------------------------------------------------


@transaction.atomic
def rubric_publish(*, actor: User | None, rubric: Rubric) -> RubricVersion:
    """Freeze the rubric as it is now into a new version, if it changed since the last one.

    Repeat-safe: an unchanged rubric returns its latest version. Observations already
    made keep the version they were made with. ``actor`` is ``None`` only when an
    observation needs a version of a rubric that was never published from the admin.
    """
    if actor is not None and not actor.has_perm("supervision.change_rubric"):
        raise PermissionDenied(_("You cannot publish rubrics."))
    rubric = Rubric.objects.select_for_update().get(pk=rubric.pk)
    # Saving gives every domain and indicator a stored id, which scores refer to.
    rubric.save()
    rubric.refresh_from_db()
    content = rubric.snapshot()
    latest = rubric.versions.order_by("-number").first()
    if latest is not None and latest.content == content:
        return latest
    version = RubricVersion.objects.create(
        rubric=rubric,
        number=(latest.number + 1) if latest else 1,
        content=content,
        created_by=actor,
    )
    log(
        rubric,
        "supervision.rubric.publish",
        user=actor,
        data={"version": version.number, "rubric_version": version.pk},
    )
    return version


def _current_version(rubric: Rubric) -> RubricVersion:
    latest = rubric.versions.order_by("-number").first()
    if latest is not None and latest.content == rubric.snapshot():
        return latest
    return rubric_publish(actor=None, rubric=rubric)


# --- Years and the visit plan ---------------------------------------------------------------

MONTHS_BETWEEN_VISITS = {Frequency.MONTHLY: 1, Frequency.BIMONTHLY: 2, Frequency.TERMLY: 3}


def _add_months(day: date, months: int) -> date:
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def _weekday(day: date) -> date:
    """Schools are closed at weekends: a Saturday or Sunday moves to the Monday."""
    return day + timedelta(days=(7 - day.weekday()) % 7) if day.weekday() >= 5 else day


def plan_dates(first_on: date, ends_on: date, frequency: str) -> list[date]:
    """Visit dates from ``first_on`` to ``ends_on`` at ``frequency``, on school days."""
    dates: list[date] = []
    number = 0
    while True:
        if frequency == Frequency.FORTNIGHTLY:
            day = first_on + timedelta(weeks=2 * number)
        else:
            day = _add_months(first_on, MONTHS_BETWEEN_VISITS[Frequency(frequency)] * number)
        day = _weekday(day)
        if day > ends_on:
            return dates
        if not dates or day > dates[-1]:
            dates.append(day)
        number += 1


def _check_supervisors(school: School, supervisors: Iterable[User]) -> list[User]:
    supervisors = list(supervisors)
    if not supervisors:
        raise ValidationError({"supervisors": _("Choose at least one supervisor.")})
    holding = set(
        RoleMembership.objects.current()
        .filter(role=Role.SUPERVISOR, school=school, person__in=supervisors)
        .values_list("person_id", flat=True)
    )
    for person in supervisors:
        if person.pk not in holding:
            raise ValidationError(
                {
                    "supervisors": _("%(person)s is not a supervisor of %(school)s.")
                    % {"person": person, "school": school}
                }
            )
    return supervisors


@transaction.atomic
def year_create(
    *,
    actor: User,
    school: School,
    starts_on: date,
    ends_on: date,
    supervisors: Iterable[User],
    frequency: str = Frequency.MONTHLY,
    first_visit_on: date | None = None,
) -> SupervisionYear:
    """Open a supervision year for a school and plan its visits at ``frequency``.

    Only the school's regional coordinator or a programme manager may. Refused if the
    school already has a year starting that day (so a repeat changes nothing) or if a
    supervisor does not hold the supervisor role at the school.
    """
    if not access.creates_years_at(actor, school):
        raise PermissionDenied(
            _("Only the regional coordinator or a programme manager can open a supervision year.")
        )
    errors: dict[str, str] = {}
    if ends_on <= starts_on:
        errors["ends_on"] = _("The year must end after it starts.")
    if frequency not in Frequency.values:
        errors["frequency"] = _("Choose how often the school is visited.")
    first_visit_on = first_visit_on or starts_on
    if not errors and not starts_on <= first_visit_on <= ends_on:
        errors["first_visit_on"] = _("The first visit must fall within the year.")
    if errors:
        raise ValidationError(errors)
    if SupervisionYear.objects.filter(school=school, starts_on=starts_on).exists():
        raise ValidationError(
            {
                "starts_on": _("%(school)s already has a supervision year starting on this day.")
                % {"school": school}
            }
        )
    people = _check_supervisors(school, supervisors)
    year = SupervisionYear.objects.create(
        school=school, starts_on=starts_on, ends_on=ends_on, frequency=frequency, created_by=actor
    )
    year.supervisors.set(people)
    dates = plan_dates(first_visit_on, ends_on, frequency)
    Visit.objects.bulk_create(
        [Visit(year=year, school=school, planned_on=day, supervisor=people[0]) for day in dates]
    )
    log(
        year,
        "supervision.year.create",
        user=actor,
        data={
            "school": school.code,
            "starts_on": starts_on.isoformat(),
            "ends_on": ends_on.isoformat(),
            "frequency": frequency,
            "visits": len(dates),
            "supervisors": [p.pk for p in people],
        },
    )
    return year


@transaction.atomic
def year_update(
    *,
    actor: User,
    year: SupervisionYear,
    supervisors: Iterable[User],
    frequency: str,
    today: date | None = None,
) -> SupervisionYear:
    """Change a year's supervisors and, if the frequency changes, re-plan its future visits.

    Re-planning replaces only visits still planned after today; visits started, done,
    missed or moved stay. Repeat-safe: the same values change nothing.
    """
    if not access.creates_years_at(actor, year.school):
        raise PermissionDenied(
            _("Only the regional coordinator or a programme manager can change a supervision year.")
        )
    if frequency not in Frequency.values:
        raise ValidationError({"frequency": _("Choose how often the school is visited.")})
    today = today or timezone.localdate()
    year = SupervisionYear.objects.select_for_update().get(pk=year.pk)
    people = _check_supervisors(year.school, supervisors)
    before = sorted(year.supervisors.values_list("pk", flat=True))
    changed: dict[str, Any] = {}
    if before != sorted(p.pk for p in people):
        year.supervisors.set(people)
        changed["supervisors"] = [before, sorted(p.pk for p in people)]
    if frequency != year.frequency:
        future = year.visits.filter(state=State.PLANNED, planned_on__gt=today)
        removed = future.count()
        future.delete()
        start = max(today + timedelta(days=1), year.starts_on)
        last = year.visits.order_by("-planned_on").values_list("planned_on", flat=True).first()
        first = _next_after(last, frequency, start) if last else start
        dates = plan_dates(first, year.ends_on, frequency)
        Visit.objects.bulk_create(
            [
                Visit(year=year, school=year.school, planned_on=day, supervisor=people[0])
                for day in dates
            ]
        )
        changed["frequency"] = [year.frequency, frequency]
        changed["replanned"] = {"removed": removed, "added": len(dates)}
        year.frequency = frequency
        year.save(update_fields=["frequency"])
    if changed:
        log(year, "supervision.year.update", user=actor, data=changed)
    return year


def _next_after(last: date, frequency: str, not_before: date) -> date:
    step = (
        last + timedelta(weeks=2)
        if frequency == Frequency.FORTNIGHTLY
        else _add_months(last, MONTHS_BETWEEN_VISITS[Frequency(frequency)])
    )
    return max(step, not_before)


@transaction.atomic
def visit_add(
    *, actor: User, year: SupervisionYear, planned_on: date, supervisor: User | None = None
) -> Visit:
    """Add a visit to a year's plan. The school's supervisors, its regional coordinator
    and programme managers may; the date must fall within the year."""
    if not access.plans_visits(actor, year.school):
        raise PermissionDenied(_("Your roles do not let you plan visits to this school."))
    if not year.starts_on <= planned_on <= year.ends_on:
        raise ValidationError(
            {
                "planned_on": _("Choose a date between %(start)s and %(end)s.")
                % {"start": year.starts_on.isoformat(), "end": year.ends_on.isoformat()}
            }
        )
    if supervisor is None:
        supervisor = actor if actor in year.supervisors.all() else year.supervisors.first()
    elif not year.supervisors.filter(pk=supervisor.pk).exists():
        raise ValidationError(
            {"supervisor": _("Choose one of the supervisors of this school's year.")}
        )
    visit = Visit.objects.create(
        year=year, school=year.school, planned_on=planned_on, supervisor=supervisor
    )
    log(visit, "supervision.visit.plan", user=actor, data={"planned_on": planned_on.isoformat()})
    return visit


# --- Visit transitions ----------------------------------------------------------------------


@dataclass(frozen=True)
class Move:
    action: str
    label: str | Promise
    who: frozenset[str]
    needs_reason: bool = False


ANY_OVERSIGHT = frozenset({SUPERVISOR, LEADER, COORDINATOR, NATIONAL})
PLANNERS = frozenset({SUPERVISOR, COORDINATOR, NATIONAL})

# The only moves a visit can make: (from, to) → who may make it. Anything else is refused.
TRANSITIONS: dict[tuple[str, str], Move] = {
    (State.PLANNED, State.IN_PROGRESS): Move(
        "start", gettext_lazy("Start recording"), frozenset({SUPERVISOR})
    ),
    (State.PLANNED, State.MISSED): Move(
        "miss", gettext_lazy("Mark as missed"), PLANNERS, needs_reason=True
    ),
    (State.PLANNED, State.RESCHEDULED): Move(
        "reschedule", gettext_lazy("Move to another date"), PLANNERS, needs_reason=True
    ),
    (State.IN_PROGRESS, State.SUBMITTED): Move(
        "submit", gettext_lazy("Submit the visit"), frozenset({SUPERVISOR})
    ),
    (State.SUBMITTED, State.ACKNOWLEDGED): Move(
        "acknowledge", gettext_lazy("Sign off"), frozenset({LEADER})
    ),
    (State.SUBMITTED, State.IN_PROGRESS): Move(
        "return", gettext_lazy("Return for correction"), ANY_OVERSIGHT, needs_reason=True
    ),
    (State.ACKNOWLEDGED, State.IN_PROGRESS): Move(
        "return", gettext_lazy("Return for correction"), ANY_OVERSIGHT, needs_reason=True
    ),
    (State.ACKNOWLEDGED, State.CLOSED): Move("close", gettext_lazy("Close"), PLANNERS),
}


# Where each action leads, for a refusal that names the state asked for.
ACTION_TARGETS = {move.action: target for (_source, target), move in TRANSITIONS.items()}


def target_for(state: str, action: str) -> str | None:
    """The state that ``action`` leads to from ``state``, or ``None`` if none does."""
    for (source, target), move in TRANSITIONS.items():
        if source == state and move.action == action:
            return target
    return None


def moves_for(user: User, visit: Visit) -> list[tuple[str, Move]]:
    """(target state, move) for each move ``user`` may make on ``visit`` now."""
    mine = access.capacities(user, visit.school)
    return [
        (target, move)
        for (source, target), move in TRANSITIONS.items()
        if source == visit.state and mine & move.who
    ]


def _refusal(move: Move, visit: Visit) -> str:
    if move.action == "acknowledge":
        return _("Only a school leader of %(school)s can sign off this visit.") % {
            "school": visit.school
        }
    if move.who == frozenset({SUPERVISOR}):
        return _("Only a supervisor of %(school)s can do this: %(action)s.") % {
            "school": visit.school,
            "action": move.label,
        }
    return _("Your roles do not let you do this: %(action)s.") % {"action": move.label}


@transaction.atomic
def visit_transition(
    *,
    actor: User,
    visit: Visit,
    to_state: str,
    reason: str = "",
    new_date: date | None = None,
    action: str = "",
    client_id: uuid.UUID | None = None,
) -> Visit:
    """Move a visit to ``to_state`` if ``TRANSITIONS`` allows it and the actor may.

    - start: the supervisor begins recording (becomes the visit's supervisor if none).
    - miss / reschedule: need a reason; rescheduling needs a new date in the year and
      plans a new visit on it, linked to this one.
    - submit: needs at least one complete observation, no unfinished one, and a review
      of every action point still open from earlier visits. E-mails the school's leaders.
    - acknowledge: only a school leader of that school; records their name and the time.
    - return for correction: needs a reason and clears any sign-off; e-mails the
      supervisor when someone else returns it.
    - close: after sign-off.

    ``action``, when given, names the move the actor meant (``start``, ``return``...);
    a different move between the same states is refused.

    Without ``client_id``, not repeat-safe by design: a second identical request finds the
    visit already moved and is refused with the reason. With ``client_id`` (the id the
    device gave this move, so that a submission queued offline may safely arrive twice),
    the same id again returns the visit unchanged, without a second audit entry. One audit
    entry per move. After commit: e-mails, and ``observed_practice_changed`` for everyone
    observed when the visit's observations start or stop counting (submit, return).
    """
    visit = Visit.objects.select_for_update().select_related("school", "year").get(pk=visit.pk)
    mine = access.capacities(actor, visit.school)
    if not mine:
        raise PermissionDenied(_("This visit is outside your schools."))
    if client_id is not None:
        if visit.last_move_client_id == client_id:
            return visit
        if Visit.objects.filter(last_move_client_id=client_id).exclude(pk=visit.pk).exists():
            raise ValidationError(_("This form belongs to another visit. Open the visit again."))
    source = visit.state
    move = TRANSITIONS.get((source, to_state))
    if move is None or (action and move.action != action):
        raise ValidationError(
            {
                "state": _("A visit that is “%(source)s” cannot become “%(target)s”.")
                % {
                    "source": State(source).label,
                    "target": State(to_state).label if to_state in State.values else to_state,
                }
            }
        )
    if not mine & move.who:
        raise PermissionDenied(_refusal(move, visit))
    reason = reason.strip()[:MAX_TEXT]
    if move.needs_reason and not reason:
        raise ValidationError({"reason": _("Say why, so that the school and the team know.")})

    now = timezone.now()
    data: dict[str, Any] = {"from": source, "to": to_state}
    if reason:
        data["reason"] = reason
    if client_id is not None:
        visit.last_move_client_id = client_id
        data["client_id"] = str(client_id)
    after_commit: list[Any] = []

    if to_state == State.IN_PROGRESS and source == State.PLANNED:
        visit.started_at = visit.started_at or now
        if (
            visit.supervisor_id is None
            or not visit.year.supervisors.filter(pk=visit.supervisor_id).exists()
        ):
            visit.supervisor = actor
    elif to_state == State.MISSED:
        visit.state_reason = reason
    elif to_state == State.RESCHEDULED:
        if new_date is None:
            raise ValidationError({"new_date": _("Choose the new date of the visit.")})
        if new_date == visit.planned_on:
            raise ValidationError({"new_date": _("Choose a date other than the planned one.")})
        if not visit.year.starts_on <= new_date <= visit.year.ends_on:
            raise ValidationError(
                {
                    "new_date": _("Choose a date between %(start)s and %(end)s.")
                    % {
                        "start": visit.year.starts_on.isoformat(),
                        "end": visit.year.ends_on.isoformat(),
                    }
                }
            )
        visit.state_reason = reason
        data["new_date"] = new_date.isoformat()
    elif to_state == State.SUBMITTED:
        _check_ready_to_submit(visit)
        visit.submitted_at = now
        visit.state_reason = ""
        after_commit.append(lambda: _email_leaders_submitted(visit.pk))
    elif to_state == State.ACKNOWLEDGED:
        visit.signed_off_by = actor
        visit.signed_off_name = actor.full_name
        visit.signed_off_at = now
        data["signed_off_name"] = actor.full_name
    elif to_state == State.IN_PROGRESS:  # returned for correction
        visit.signed_off_by = None
        visit.signed_off_name = ""
        visit.signed_off_at = None
        visit.state_reason = reason
        if visit.supervisor_id and visit.supervisor_id != actor.pk:
            after_commit.append(lambda: _email_supervisor_returned(visit.pk, actor.pk, reason))
    elif to_state == State.CLOSED:
        visit.closed_at = now

    visit.state = to_state
    visit.save()
    if to_state == State.RESCHEDULED:
        moved = Visit.objects.create(
            year=visit.year,
            school=visit.school,
            planned_on=new_date or visit.planned_on,
            supervisor=visit.supervisor,
            rescheduled_from=visit,
        )
        data["new_visit"] = str(moved.public_id)
    log(visit, f"supervision.visit.{move.action}", user=actor, data=data)

    if (to_state in SUBMITTED_STATES) != (source in SUBMITTED_STATES):
        people = set(visit.observations.values_list("observed_person_id", flat=True))
        transaction.on_commit(lambda: _send_observed_practice(people))
    for callback in after_commit:
        transaction.on_commit(callback)
    return visit


def _check_ready_to_submit(visit: Visit) -> None:
    from .selectors import action_points_to_review

    errors: list[str] = []
    observations = list(visit.observations.select_related("observed_person"))
    if not any(o.is_complete for o in observations):
        errors.append(_("Record at least one complete observation before submitting."))
    for observation in observations:
        if not observation.is_complete:
            errors.append(
                _("The observation of %(person)s is not finished: complete or delete it.")
                % {"person": observation.observed_person}
            )
    unreviewed = (
        action_points_to_review(visit)
        .filter(status=ActionPoint.Status.OPEN)
        .exclude(reviews__visit=visit)
    )
    for point in unreviewed:
        errors.append(
            _("Review the action point “%(point)s” from an earlier visit.") % {"point": point}
        )
    if errors:
        raise ValidationError({"state": errors})


def _send_observed_practice(person_ids: Iterable[int]) -> None:
    from .selectors import observed_practice_for

    for person in User.objects.filter(pk__in=list(person_ids)):
        count, average, scale_max = observed_practice_for(person=person)
        observed_practice_changed.send(
            sender=Observation,
            person_id=person.pk,
            observation_count=count,
            average_score=average,
            scale_max=scale_max,
        )


def _link(person: User, name: str, **kwargs: Any) -> str:
    with translation.override(person.preferred_language):
        return settings.SITE_URL + reverse(name, kwargs=kwargs)


def _leaders(school: School) -> list[User]:
    return list(
        User.objects.filter(
            is_active=True,
            memberships__role=Role.SCHOOL_LEADER,
            memberships__school=school,
            memberships__ended_on__isnull=True,
        ).distinct()
    )


def _email_leaders_submitted(visit_id: int) -> None:
    visit = Visit.objects.select_related("school", "supervisor").get(pk=visit_id)
    for leader in _leaders(visit.school):
        send_templated_email(
            "supervision_visit_submitted",
            to=leader.email,
            language=leader.preferred_language,
            context={
                "person": leader,
                "visit": visit,
                "link": _link(leader, "supervision:visit_detail", public_id=visit.public_id),
                "report_link": _link(leader, "supervision:visit_report", public_id=visit.public_id),
            },
        )


def _email_supervisor_returned(visit_id: int, actor_id: int, reason: str) -> None:
    visit = Visit.objects.select_related("school", "supervisor").get(pk=visit_id)
    supervisor = visit.supervisor
    if supervisor is None or not supervisor.is_active:
        return
    send_templated_email(
        "supervision_visit_returned",
        to=supervisor.email,
        language=supervisor.preferred_language,
        context={
            "person": supervisor,
            "visit": visit,
            "actor": User.objects.get(pk=actor_id),
            "reason": reason,
            "link": _link(supervisor, "supervision:visit_detail", public_id=visit.public_id),
        },
    )


# --- Recording a visit ----------------------------------------------------------------------


def _lock_for_recording(actor: User, visit: Visit) -> Visit:
    """The visit, locked, if ``actor`` may record in it now; refused otherwise."""
    visit = Visit.objects.select_for_update().select_related("school", "year").get(pk=visit.pk)
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


@transaction.atomic
def visit_update_notes(*, actor: User, visit: Visit, notes: str) -> Visit:
    """Save the general notes of a visit being recorded. Repeat-safe."""
    visit = _lock_for_recording(actor, visit)
    notes = notes.strip()[:MAX_TEXT]
    if notes != visit.notes:
        visit.notes = notes
        visit.save(update_fields=["notes", "updated_at"])
        log(visit, "supervision.visit.notes", user=actor, data={"length": len(notes)})
    return visit


def staff_memberships(school: School) -> list[RoleMembership]:
    """Current learner-role memberships at ``school``: who can be observed there, and how."""
    return list(
        RoleMembership.objects.current()
        .filter(school=school, role__in=LEARNER_ROLES, person__is_active=True)
        .select_related("person")
        .order_by("person__full_name", "role")
    )


def _check_observed(school: School, person: User, role: str) -> None:
    at_school = RoleMembership.objects.current().filter(
        person=person, school=school, role__in=LEARNER_ROLES
    )
    roles = set(at_school.values_list("role", flat=True))
    if not roles:
        raise ValidationError(
            {
                "observed": _("%(person)s does not work at %(school)s.")
                % {"person": person, "school": school}
            }
        )
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
    visit = _lock_for_recording(actor, visit)
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
        version = version or _current_version(rubric)
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
    _lock_for_recording(actor, observation.visit)
    log(
        observation,
        "supervision.observation.delete",
        user=actor,
        data={"visit": str(observation.visit.public_id), "person": observation.observed_person_id},
    )
    observation.delete()


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
    visit = _lock_for_recording(actor, visit)
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
    _lock_for_recording(actor, attachment.visit)
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


def _check_owner(school: School, owner: User) -> None:
    staff = RoleMembership.objects.current().filter(
        person=owner, school=school, role__in=LEARNER_ROLES
    )
    if not owner.is_active or not staff.exists():
        raise ValidationError(
            {
                "owner": _("%(person)s does not work at %(school)s.")
                % {"person": owner, "school": school}
            }
        )


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
    visit = _lock_for_recording(actor, visit)
    description = description.strip()[:MAX_TEXT]
    errors: dict[str, str] = {}
    if not description:
        errors["description"] = _("Say what is to be done.")
    if due_on < visit.planned_on:
        errors["due_on"] = _("The due date cannot be before the visit.")
    if errors:
        raise ValidationError(errors)
    _check_owner(visit.school, owner)
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
    _lock_for_recording(actor, action_point.visit)
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
    from .selectors import action_points_to_review

    visit = _lock_for_recording(actor, visit)
    if not action_points_to_review(visit).filter(pk=action_point.pk).exists():
        raise ValidationError(_("This action point is not one to review at this visit."))
    Outcome = ActionPointReview.Outcome
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Choose what the visit found.")})
    note = note.strip()[:MAX_TEXT]
    if outcome == Outcome.DROPPED and not note:
        raise ValidationError({"note": _("Say why the action point is dropped.")})
    if new_due_on is not None and outcome != Outcome.STILL_OPEN:
        new_due_on = None
    if new_due_on is not None and new_due_on < visit.planned_on:
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
    point.closed_on = None if outcome == Outcome.STILL_OPEN else visit.planned_on
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


# --- Reminders ------------------------------------------------------------------------------


@transaction.atomic
def reminder_send(
    *,
    kind: str,
    recipient: User,
    visit: Visit | None = None,
    action_point: ActionPoint | None = None,
) -> bool:
    """Send one reminder e-mail unless it was already sent; ``True`` if it goes now.

    The ``Reminder`` row is written first; the database's unique constraints refuse a
    second one (also when two workers race), so each reminder goes once. An action point
    whose due date moved may be reminded of once more for the new date. The e-mail
    leaves after commit, in the recipient's language.
    """
    due_on = action_point.due_on if action_point is not None else None
    try:
        with transaction.atomic():
            Reminder.objects.create(
                kind=kind,
                recipient=recipient,
                visit=visit,
                action_point=action_point,
                due_on=due_on,
            )
    except IntegrityError:
        return False
    if action_point is not None:
        subject: Visit | ActionPoint = action_point
        context = {
            "person": recipient,
            "point": action_point,
            "school": action_point.school,
            "link": _link(recipient, "supervision:action_point_list"),
        }
    elif visit is not None:
        subject = visit
        context = {
            "person": recipient,
            "visit": visit,
            "school": visit.school,
            "link": _link(recipient, "supervision:visit_detail", public_id=visit.public_id),
        }
    else:
        raise ValueError("A reminder is about a visit or an action point.")
    log(subject, "supervision.reminder.send", data={"kind": kind, "recipient": recipient.pk})
    send_templated_email(
        f"supervision_reminder_{kind}",
        to=recipient.email,
        language=recipient.preferred_language,
        context=context,
    )
    return True
