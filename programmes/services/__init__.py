"""Every change programmes make: stored training statuses, staff imports, enrolment by a
programme's required courses."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import timedelta

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from courses import services as course_services
from courses.models import CoursePage, Enrolment
from people import scoping, staffing
from people import services as people_services
from people.models import RoleMembership, RoleOffer, User

from .. import imports, trained
from ..import_progress import check_progress_key, progress_key
from ..models import Programme, ProgrammePerson, StaffImport, TrainedStatus

logger = logging.getLogger(__name__)

# Imports with more rows than this run in the background, with a progress bar.
INLINE_IMPORT_ROWS = 200


# --- Training statuses -----------------------------------------------------------------------


@transaction.atomic
def statuses_refresh(*, programme: Programme, person_ids: Iterable[int] | None = None) -> int:
    """Recompute and store the training statuses of a programme's people (all, or some).

    People whose data was erased keep their last status. Repeat-safe: the rows are
    replaced, so running it twice leaves the same rows. Returns how many rows the
    programme now has for those people.
    """
    people = None if person_ids is None else list(set(person_ids))
    rows = trained.compute(programme, people)
    # Erased people keep the status they had: figures do not change when someone's
    # personal data is erased.
    existing = TrainedStatus.objects.filter(programme=programme, person__erased_at__isnull=True)
    summaries = ProgrammePerson.objects.filter(programme=programme, person__erased_at__isnull=True)
    if people is not None:
        existing = existing.filter(person_id__in=people)
        summaries = summaries.filter(person_id__in=people)
    existing.delete()
    summaries.delete()
    TrainedStatus.objects.bulk_create(rows, batch_size=2000)
    ProgrammePerson.objects.bulk_create(trained.people_of(rows), batch_size=2000)
    return len(rows)


def person_statuses_refresh(*, person_id: int) -> None:
    """After something about one person changed: refresh them in every running programme."""
    today = timezone.localdate()
    for programme in Programme.objects.filter(ends_on__gte=today - timedelta(days=365)):
        statuses_refresh(programme=programme, person_ids=[person_id])


def statuses_refresh_all() -> int:
    """Nightly: recompute every programme (certificates expire as days pass)."""
    return sum(statuses_refresh(programme=p) for p in Programme.objects.all())


# --- Enrolment by a programme's rules --------------------------------------------------------


def required_courses_for(programme: Programme, membership: RoleMembership) -> list[CoursePage]:
    rows = programme.required_courses.filter(role=membership.role).select_related("course")
    return [
        row.course
        for row in rows
        if row.training_area_id is None or row.training_area_id == membership.training_area_id
    ]


def _enrol_by_roles(
    *, actor: User, programme: Programme, person: User, memberships: Iterable[RoleMembership]
) -> int:
    created = 0
    for membership in memberships:
        for course in required_courses_for(programme, membership):
            if not course.live:
                continue
            before = Enrolment.objects.filter(
                person=person, course__translation_key=course.translation_key
            ).exists()
            course_services.enrolment_create(
                actor=actor, person=person, course=course, source=Enrolment.Source.RULE
            )
            created += not before
    return created


@transaction.atomic
def programme_enrol(*, actor: User, programme: Programme, people: Iterable[User]) -> int:
    """Enrol people in the courses the programme requires for the roles they hold.
    Repeat-safe; returns how many enrolments were created."""
    created = 0
    for person in people:
        created += _enrol_by_roles(
            actor=actor,
            programme=programme,
            person=person,
            memberships=RoleMembership.objects.current().filter(person=person),
        )
    return created


@transaction.atomic
def role_offer_enrol(*, offer_id: int) -> int:
    """A role offered by a staff import that named a programme was accepted: enrol the
    person in the courses the programme requires for that role, as the import enrolled
    everyone else. Repeat-safe; returns how many enrolments were created."""
    offer = (
        RoleOffer.objects.select_related("person", "offered_by", "membership")
        .filter(pk=offer_id, membership__ended_on__isnull=True)
        .first()
    )
    origin = offer.origin if offer is not None else None
    if offer is None or offer.membership is None or not isinstance(origin, StaffImport):
        return 0
    if origin.programme is None:
        return 0
    return _enrol_by_roles(
        actor=offer.offered_by or offer.person,
        programme=origin.programme,
        person=offer.person,
        memberships=[offer.membership],
    )


# --- Staff import ----------------------------------------------------------------------------


def _may_import(actor: User) -> None:
    if not scoping.scope_for(actor).may_grant_roles:
        raise PermissionDenied(_("Your roles do not include adding people."))


@transaction.atomic
def staff_import_create(
    *, actor: User, data: bytes, filename: str, programme: Programme | None = None
) -> StaffImport:
    """Store an uploaded staff list and check every row. Nothing is imported yet; the
    import is either valid (ready to commit) or lists every problem.

    A large file (or a workbook that unpacks to a large one) is not read here: the import
    waits as "checking" and a worker checks it after commit (``staff_import_check``), so
    that no request reads more than a small file."""
    _may_import(actor)
    staff_import = StaffImport(created_by=actor, programme=programme, original_name=filename[:255])
    staff_import.file.save(
        f"{timezone.now():%Y%m%d-%H%M%S}-{filename[-80:]}", ContentFile(data), save=False
    )
    if imports.checks_in_background(data):
        staff_import.status = StaffImport.Status.CHECKING
        staff_import.save()
        log(staff_import, "programmes.import.upload", user=actor, data={"bytes": len(data)})
        from core.tasks import send_task_after_commit

        send_task_after_commit("programmes.staff_import_check", staff_import.pk)
        return staff_import
    _check_file(staff_import, data, actor)
    staff_import.save()
    log(staff_import, "programmes.import.check", user=actor, data={"status": staff_import.status})
    return staff_import


def _check_file(
    staff_import: StaffImport,
    data: bytes,
    actor: User,
    progress: Callable[[int], None] | None = None,
) -> None:
    """Read and check ``data``, recording the outcome on ``staff_import`` (not saved)."""
    try:
        table = imports.read_table(data, staff_import.original_name)
        staff_import.rows_total = len(table) - 1
        if progress is not None:
            StaffImport.objects.filter(pk=staff_import.pk).update(rows_total=len(table) - 1)
        checked = imports.check_table(table, actor=actor, progress=progress)
    except imports.FileProblem as problem:
        staff_import.status = StaffImport.Status.INVALID
        staff_import.problems = [imports.Problem(0, "", str(problem)).as_dict()]
        return
    staff_import.problems = [p.as_dict() for p in checked.problems]
    staff_import.status = (
        StaffImport.Status.VALID if checked.is_valid else StaffImport.Status.INVALID
    )
    # A new address and an account outside the importer's scope are both invited
    # (``check_table`` leaves ``existing`` empty for either).
    staff_import.summary = {
        "invite": len({row.email for row in checked.rows if row.existing is None}),
        "update": len({row.email for row in checked.rows if row.existing is not None}),
    }


def staff_import_check(*, staff_import_id: int) -> StaffImport:
    """Check the file of an import that waits as "checking" (a worker's turn), in the
    language of the person who uploaded it. Rows checked so far are published in the
    cache for the progress bar.

    Repeat-safe: an import already checked is left as it is; the task delivered twice
    checks once (the outcome is written only while the import still waits)."""
    staff_import = StaffImport.objects.select_related("created_by").get(pk=staff_import_id)
    if staff_import.status != StaffImport.Status.CHECKING:
        return staff_import
    actor = staff_import.created_by
    key = check_progress_key(staff_import)
    cache.set(key, 0, 3600)
    try:
        with staff_import.file.open("rb") as handle:
            data = handle.read(imports.MAX_BYTES + 1)
        with translation.override(actor.preferred_language):
            _check_file(staff_import, data, actor, progress=lambda done: cache.set(key, done, 3600))
        with transaction.atomic():
            updated = StaffImport.objects.filter(
                pk=staff_import.pk, status=StaffImport.Status.CHECKING
            ).update(
                status=staff_import.status,
                rows_total=staff_import.rows_total,
                problems=staff_import.problems,
                summary=staff_import.summary,
            )
            if updated:
                log(
                    staff_import,
                    "programmes.import.check",
                    user=actor,
                    data={"status": staff_import.status},
                )
    finally:
        cache.delete(key)
    staff_import.refresh_from_db()
    return staff_import


def _checking_given_up(staff_import: StaffImport) -> None:
    """An import left "checking" for an hour: a worker tried and never finished it."""
    with translation.override(staff_import.created_by.preferred_language):
        message = _(
            "The file could not be checked. Upload it again, or split it into smaller files."
        )
    StaffImport.objects.filter(pk=staff_import.pk, status=StaffImport.Status.CHECKING).update(
        status=StaffImport.Status.INVALID,
        problems=[imports.Problem(0, "", message).as_dict()],
    )


def staff_import_start(*, actor: User, staff_import: StaffImport) -> StaffImport:
    """Commit a valid import (or one that failed: nothing of it was imported): inline if it
    is small, else queued for a worker. Repeat-safe: an import already queued, running or
    done is left as it is. A queued import whose task never reached a worker (the broker
    was down) is sent again by ``staff_imports_resume``."""
    if staff_import.created_by_id != actor.pk and not scoping.scope_for(actor).is_national:
        raise PermissionDenied(_("This import belongs to someone else."))
    with transaction.atomic():
        staff_import = StaffImport.objects.select_for_update().get(pk=staff_import.pk)
        # A failed import imported nothing; starting it again is allowed.
        if staff_import.status not in (StaffImport.Status.VALID, StaffImport.Status.FAILED):
            if staff_import.status == StaffImport.Status.INVALID:
                raise ValidationError(_("Correct every problem in the file first."))
            return staff_import
        staff_import.status = StaffImport.Status.QUEUED
        staff_import.save(update_fields=["status"])
    if staff_import.rows_total <= INLINE_IMPORT_ROWS and not _read_in_background(staff_import):
        try:
            staff_import_commit(staff_import_id=staff_import.pk)
        except Exception:
            # Logged, and recorded on the import: its page says that nothing was imported
            # and offers to start it again.
            logger.info("Staff import %s failed inline", staff_import.pk)
        staff_import.refresh_from_db()
    else:
        from core.tasks import send_task_after_commit

        send_task_after_commit("programmes.staff_import_commit", staff_import.pk)
    return staff_import


def _read_in_background(staff_import: StaffImport) -> bool:
    """A file that was checked by a worker is read again by one when it is imported."""
    try:
        return staff_import.file.size > imports.INLINE_CHECK_BYTES
    except OSError:
        return True


def staff_import_commit(*, staff_import_id: int) -> StaffImport:
    """Import every row of a checked file in one transaction: all rows or none.

    The rows are checked again (the database may have changed since the preview). New
    people get an invitation after commit; people already in the importer's scope get the
    role and, where the importer may change them, corrected details; an account outside
    the importer's scope gets a role offer it accepts or declines, and the import records it
    as invited, as it does a new person. Each person is enrolled in the courses their roles
    require (someone asked, once they accept). Progress is published in the cache for the
    progress bar.

    Repeat-safe: only an import that waits (queued), or whose worker died in the middle
    (running; its transaction was rolled back), is imported. The task delivered twice, or
    sent again by ``staff_imports_resume``, finds it done and changes nothing.
    """
    staff_import = StaffImport.objects.select_related("created_by", "programme").get(
        pk=staff_import_id
    )
    actor = staff_import.created_by
    waiting = (StaffImport.Status.QUEUED, StaffImport.Status.RUNNING)
    if not StaffImport.objects.filter(pk=staff_import.pk, status__in=waiting).update(
        status=StaffImport.Status.RUNNING
    ):
        return staff_import
    key = progress_key(staff_import)
    cache.set(key, 0, 3600)
    try:
        with transaction.atomic():
            # Two deliveries at once: the second waits for the first here, then finds the
            # import no longer running.
            running = StaffImport.objects.select_for_update().filter(
                pk=staff_import.pk, status=StaffImport.Status.RUNNING
            )
            if not list(running.values_list("pk", flat=True)):
                staff_import.refresh_from_db()
                return staff_import
            with staff_import.file.open("rb") as handle:
                data = handle.read()
            checked = imports.check_table(
                imports.read_table(data, staff_import.original_name), actor=actor
            )
            if not checked.is_valid:
                raise ValidationError(_("The file no longer passes the checks; check it again."))
            tally = _Tally()
            for done, row in enumerate(checked.rows, start=1):
                _import_row(actor, row, staff_import, tally)
                if done % 50 == 0:
                    cache.set(key, done, 3600)
            enrolments = 0
            if staff_import.programme is not None:
                enrolments = programme_enrol(
                    actor=actor,
                    programme=staff_import.programme,
                    people=tally.reached.values(),
                )
                # New people are enrolled now too, but not counted: their count would tell
                # them apart from the people asked, who are enrolled when they accept.
                programme_enrol(actor=actor, programme=staff_import.programme, people=tally.created)
            summary = {
                "invited": len(tally.invited),
                "updated": tally.updated,
                "roles": tally.roles,
                "enrolments": enrolments,
            }
            StaffImport.objects.filter(pk=staff_import.pk).update(
                status=StaffImport.Status.DONE,
                rows_done=len(checked.rows),
                summary={**summary, "waiting": [list(pair) for pair in tally.invited.items()]},
                finished_at=timezone.now(),
                error="",
            )
            log(staff_import, "programmes.import.commit", user=actor, data=summary)
    except (ValidationError, imports.FileProblem, PermissionDenied) as error:
        message = " ".join(getattr(error, "messages", [str(error)]))
        StaffImport.objects.filter(pk=staff_import.pk).update(
            status=StaffImport.Status.FAILED, error=message, finished_at=timezone.now()
        )
    except Exception:
        logger.exception("Staff import %s failed", staff_import.pk)
        StaffImport.objects.filter(pk=staff_import.pk).update(
            status=StaffImport.Status.FAILED,
            error=_("The import stopped on an unexpected error; nothing was imported."),
            finished_at=timezone.now(),
        )
        raise
    finally:
        cache.delete(key)
    staff_import.refresh_from_db()
    return staff_import


def staff_imports_resume(
    *,
    waiting_after: timedelta = timedelta(minutes=5),
    checking_gives_up_after: timedelta = timedelta(hours=1),
) -> int:
    """Send again the imports started a while ago that no one is importing: queued, but
    the task never reached a worker (the broker was down, or lost its queue), or left
    "running" with no progress (the database connection was lost mid-way, so the failure
    could not be recorded). Files left waiting to be checked are sent to be checked again,
    and, after ``checking_gives_up_after``, marked as not checkable (a file that stops
    every worker that reads it is not sent for ever). Repeat-safe: an import started twice
    is imported once (see ``staff_import_commit``). Returns how many were sent."""
    from core.tasks import send_task_after_commit

    now = timezone.now()
    waiting = StaffImport.objects.filter(
        status__in=(
            StaffImport.Status.QUEUED,
            StaffImport.Status.RUNNING,
            StaffImport.Status.CHECKING,
        ),
        created_at__lt=now - waiting_after,
    ).select_related("created_by")
    count = 0
    for staff_import in waiting:
        if staff_import.status == StaffImport.Status.CHECKING:
            if staff_import.created_at < now - checking_gives_up_after:
                _checking_given_up(staff_import)
                continue
            if cache.get(check_progress_key(staff_import)) is not None:
                continue  # being checked now
            send_task_after_commit("programmes.staff_import_check", staff_import.pk)
            count += 1
            continue
        if staff_import.status == StaffImport.Status.RUNNING and (
            cache.get(progress_key(staff_import)) is not None
        ):
            continue  # being imported now
        send_task_after_commit("programmes.staff_import_commit", staff_import.pk)
        count += 1
    return count


@dataclass
class _Tally:
    """What a commit did, as the importer may know it."""

    invited: dict[str, str] = field(default_factory=dict)  # address -> name, as typed
    created: list[User] = field(default_factory=list)  # new people, among those invited
    reached: dict[int, User] = field(default_factory=dict)  # people already in scope
    updated: int = 0
    roles: int = 0


def _import_row(
    actor: User, row: imports.StaffRow, staff_import: StaffImport, tally: _Tally
) -> None:
    """Import one row through ``staffing.staff_add``: a new person is added and invited, an
    account outside the importer's scope is asked (and counted as invited alike), someone
    already in scope gets the role and, where the importer may change them, the details."""
    addition = staffing.staff_add(
        actor=actor,
        email=row.email,
        full_name=row.full_name,
        full_name_alt=row.full_name_alt,
        preferred_language=row.language,
        memberships=[
            people_services.MembershipSpec(
                role=row.role,
                school=row.school,
                region=row.region,
                training_area=row.training_area,
                specialism=row.specialism,
            )
        ],
        update_details=True,
        origin=staff_import,
    )
    if row.email in tally.invited:
        return  # a further role of someone this file invited: part of their invitation
    if addition.invited or addition.person is None:
        tally.invited[row.email] = row.full_name
        if addition.person is not None:
            tally.created.append(addition.person)
        return
    tally.reached[addition.person.pk] = addition.person
    tally.updated += addition.updated
    tally.roles += addition.roles_given
