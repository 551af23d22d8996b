"""Every change to enrolments, completions, knowledge checks, reflections and cohorts.

A completion locks the enrolment row, records the module, recomputes the stored progress
and, when that was the last thing missing, completes the enrolment, all in one
transaction. Course completion is announced after commit with the ``course_completed``
signal (see ``courses.signals``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from core.mail import send_templated_email
from people import scoping
from people.models import Region, RoleMembership, School, User
from people.roles import LEARNER_ROLES

from . import signals
from .blocks import REFLECTION_MAX_LENGTH
from .models import (
    Cohort,
    CourseAudience,
    CoursePage,
    Enrolment,
    KnowledgeCheckAttempt,
    ModuleCompletion,
    ModulePage,
    ObservedPractice,
    Reflection,
)


class ModuleLocked(PermissionDenied):
    """The module cannot be opened or completed yet; the message says what is missing."""


# --- Translations share one record -----------------------------------------------------------


def canonical_course(course: CoursePage) -> CoursePage:
    """The course as first written; enrolments point here whatever language is read."""
    return _canonical(course)


def canonical_module(module: ModulePage) -> ModulePage:
    return _canonical(module)


def _canonical(page: Any) -> Any:
    """The first-created page among a page's translations, remembered on the instance."""
    found = page.__dict__.get("_canonical_page")
    if found is None:
        found = (
            type(page).objects.filter(translation_key=page.translation_key).order_by("pk").first()
            or page
        )
        page.__dict__["_canonical_page"] = found
        found.__dict__["_canonical_page"] = found
    return found


def required_module_ids(course: CoursePage) -> list[int]:
    """Live required modules of the (canonical) course, in course order."""
    return list(
        ModulePage.objects.child_of(course)
        .live()
        .filter(is_required=True)
        .order_by("path")
        .values_list("pk", flat=True)
    )


def final_check_module(course: CoursePage) -> ModulePage | None:
    """The last live module, when the course's rule makes it a final knowledge check."""
    if course.completion_rule != CoursePage.CompletionRule.REQUIRED_AND_FINAL_CHECK:
        return None
    last = ModulePage.objects.child_of(course).live().order_by("-path").first()
    if last is None or last.completion != ModulePage.Completion.KNOWLEDGE_CHECK:
        return None
    return last


# --- Who may take which course ---------------------------------------------------------------


def _learner_memberships(person: User) -> QuerySet[RoleMembership]:
    return RoleMembership.objects.current().filter(person=person, role__in=LEARNER_ROLES)


def audience_matches(person: User, audiences: Iterable[CourseAudience]) -> tuple[bool, bool]:
    """(open to the person, required for the person) for a course's audiences."""
    held = {(m.role, m.training_area_id) for m in _learner_memberships(person)}
    is_open = is_required = False
    for audience in audiences:
        matches = any(
            role == audience.role
            and (audience.training_area_id is None or area == audience.training_area_id)
            for role, area in held
        )
        if matches:
            is_open = True
            is_required = is_required or audience.required
    return is_open, is_required


# --- Enrolment -------------------------------------------------------------------------------


@transaction.atomic
def enrolment_create(
    *,
    actor: User,
    person: User,
    course: CoursePage,
    source: str = Enrolment.Source.SELF,
    cohort: Cohort | None = None,
) -> Enrolment:
    """Enrol ``person`` on ``course``. Repeat-safe: an existing enrolment is returned, and
    one the person had left becomes active again with its history intact.

    Self-enrolment needs the course to be open to one of the person's roles. Enrolling
    someone else needs that person to be in the actor's scope and the actor to manage
    enrolment (a programme manager, an administrator, or the coordinator of their region).
    """
    course = canonical_course(course)
    if not course.live:
        raise ValidationError(_("This course is not published."))
    if source == Enrolment.Source.SELF:
        if actor.pk != person.pk:
            raise PermissionDenied(_("You can only enrol yourself."))
        is_open, _required = audience_matches(person, course.audiences.all())
        if not is_open:
            raise PermissionDenied(_("This course is not open to your roles."))
    elif source == Enrolment.Source.COHORT:
        _check_may_enrol_others(actor, person)

    enrolment, created = Enrolment.objects.select_for_update().get_or_create(
        person=person,
        course=course,
        defaults={"source": source, "cohort": cohort, "enrolled_by": actor},
    )
    if created:
        log(enrolment, "courses.enrolment.create", user=actor, data={"source": source})
    elif enrolment.status == Enrolment.Status.LEFT:
        enrolment.status = Enrolment.Status.ACTIVE
        enrolment.left_at = None
        enrolment.save(update_fields=["status", "left_at"])
        log(enrolment, "courses.enrolment.rejoin", user=actor)
    else:
        return enrolment
    _recompute(enrolment, course)
    return enrolment


def _check_may_enrol_others(actor: User, person: User) -> None:
    scope = scoping.scope_for(actor)
    if not (scope.is_national or scope.coordinated_region_ids):
        raise PermissionDenied(_("Your roles do not include enrolling other people."))
    if not scoping.can_see_person(actor, person):
        raise PermissionDenied(_("%(name)s is outside your region.") % {"name": person.full_name})


@transaction.atomic
def enrolment_leave(*, actor: User, enrolment: Enrolment) -> Enrolment:
    """Leave a course. Completions and attempts stay; enrolling again picks them up."""
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    if actor.pk != enrolment.person_id and not scoping.scope_for(actor).is_national:
        raise PermissionDenied(_("You can only leave your own courses."))
    if enrolment.status == Enrolment.Status.COMPLETED:
        raise ValidationError(_("A completed course cannot be left."))
    if enrolment.status == Enrolment.Status.LEFT:
        return enrolment
    enrolment.status = Enrolment.Status.LEFT
    enrolment.left_at = timezone.now()
    enrolment.save(update_fields=["status", "left_at"])
    log(enrolment, "courses.enrolment.leave", user=actor)
    return enrolment


# --- Progress and completion -----------------------------------------------------------------


def _observed_practice_met(enrolment: Enrolment, course: CoursePage) -> bool:
    if not course.requires_observed_practice:
        return True
    practice = ObservedPractice.objects.filter(person_id=enrolment.person_id).first()
    if practice is None or practice.observation_count < course.observed_practice_count:
        return False
    return (practice.average_percent or Decimal(0)) >= course.observed_practice_min_average


def _recompute(enrolment: Enrolment, course: CoursePage | None = None) -> bool:
    """Store the enrolment's progress and complete it if nothing is missing.

    The caller holds the enrolment row lock. Returns whether the enrolment completed now.
    A completed enrolment stays completed whatever changes in the course later.
    """
    course = course or enrolment.course
    required = required_module_ids(course)
    done_ids = set(
        ModuleCompletion.objects.filter(enrolment=enrolment).values_list("module_id", flat=True)
    )
    done = sum(1 for module_id in required if module_id in done_ids)
    enrolment.required_total = len(required)
    enrolment.required_done = done
    fields = ["required_total", "required_done", "percent"]
    if enrolment.status == Enrolment.Status.COMPLETED:
        enrolment.percent = 100
        enrolment.save(update_fields=fields)
        return False
    enrolment.percent = (done * 100 // len(required)) if required else 0
    final = final_check_module(course)
    modules_done = (
        bool(required) and done == len(required) and (final is None or final.pk in done_ids)
    )
    completed_now = False
    if modules_done and enrolment.modules_completed_at is None:
        enrolment.modules_completed_at = timezone.now()
        fields.append("modules_completed_at")
    elif not modules_done and enrolment.modules_completed_at is not None:
        enrolment.modules_completed_at = None
        fields.append("modules_completed_at")
    if modules_done and _observed_practice_met(enrolment, course):
        enrolment.status = Enrolment.Status.COMPLETED
        enrolment.completed_at = timezone.now()
        enrolment.percent = 100
        fields += ["status", "completed_at"]
        completed_now = True
    enrolment.save(update_fields=fields)
    if completed_now:
        log(enrolment, "courses.enrolment.complete", user=None)
        enrolment_id = enrolment.pk
        transaction.on_commit(
            lambda: signals.course_completed.send(sender=Enrolment, enrolment_id=enrolment_id)
        )
    return completed_now


def lock_reason(enrolment: Enrolment | None, module: ModulePage, course: CoursePage) -> str:
    """Why the learner cannot open ``module`` yet, or "" if they can. ``module`` and
    ``course`` are canonical."""
    if enrolment is None or enrolment.status == Enrolment.Status.LEFT:
        return _("Enrol in the course to open its modules.")
    missing = [
        p.title
        for p in course.prerequisites.all()
        if not Enrolment.objects.filter(
            person_id=enrolment.person_id,
            course__translation_key=p.translation_key,
            status=Enrolment.Status.COMPLETED,
        ).exists()
    ]
    if missing:
        return _("This module opens when you have completed: %(courses)s.") % {
            "courses": ", ".join(missing)
        }
    if course.sequential and module.is_required:
        earlier = (
            ModulePage.objects.child_of(course)
            .live()
            .filter(is_required=True, path__lt=module.path)
            .exclude(completions__enrolment=enrolment)
        )
        if earlier.exists():
            return _("Complete the modules before this one first.")
    return ""


@transaction.atomic
def module_complete(
    *, enrolment: Enrolment, module: ModulePage, how: str, actor: User | None = None
) -> ModuleCompletion:
    """Mark one module done for one learner. Repeat-safe: a second call changes nothing.

    The enrolment row is locked first, so concurrent completions serialise. The last
    missing module completes the enrolment and announces it after commit.
    """
    enrolment = Enrolment.objects.select_for_update().select_related("course").get(pk=enrolment.pk)
    course = enrolment.course
    module = canonical_module(module)
    if not CoursePage.objects.parent_of(module).filter(pk=course.pk).exists():
        raise ValidationError(_("This module is not part of the course."))
    if enrolment.status == Enrolment.Status.LEFT:
        raise PermissionDenied(_("You left this course. Enrol again to continue."))
    if how != ModuleCompletion.How.OVERRIDE:
        reason = lock_reason(enrolment, module, course)
        if reason:
            raise ModuleLocked(reason)
    completion, created = ModuleCompletion.objects.get_or_create(
        enrolment=enrolment, module=module, defaults={"how": how}
    )
    enrolment.last_activity_at = timezone.now()
    enrolment.last_module = module
    enrolment.save(update_fields=["last_activity_at", "last_module"])
    if created:
        if how == ModuleCompletion.How.OVERRIDE:
            log(enrolment, "courses.completion.override", user=actor, data={"module": module.pk})
        _recompute(enrolment, course)
    return completion


def _enrolment_for(person: User, module: ModulePage) -> tuple[Enrolment, ModulePage, CoursePage]:
    """The learner's enrolment on the module's course, with canonical module and course."""
    module = canonical_module(module)
    course = CoursePage.objects.parent_of(module).get()
    enrolment = Enrolment.objects.filter(person=person, course=course).first()
    if enrolment is None or enrolment.status == Enrolment.Status.LEFT:
        raise PermissionDenied(_("Enrol in the course to open its modules."))
    return enrolment, module, course


def module_open(*, person: User, module: ModulePage) -> None:
    """A learner opened a module. Completes it if opening is all it takes; otherwise
    changes nothing (activity is recorded by the actions that follow). Costs no query for
    modules completed some other way, and one for a "viewed" module already done."""
    if module.completion != ModulePage.Completion.VIEWED:
        return
    parent_key = Page.objects.filter(path=module.path[: -module.steplen]).values("translation_key")
    enrolment = (
        Enrolment.objects.filter(
            person=person,
            course__translation_key=Subquery(parent_key),
            status=Enrolment.Status.ACTIVE,
        )
        .annotate(
            done=Exists(
                ModuleCompletion.objects.filter(
                    enrolment=OuterRef("pk"), module__translation_key=module.translation_key
                )
            )
        )
        .first()
    )
    if enrolment is None or enrolment.done:
        return
    try:
        module_complete(enrolment=enrolment, module=module, how=ModuleCompletion.How.VIEWED)
    except PermissionDenied:
        return  # still locked: the page explains why


@transaction.atomic
def module_mark_done(*, person: User, module: ModulePage) -> ModuleCompletion:
    """The learner says they have finished a module that completes that way."""
    enrolment, module, _course = _enrolment_for(person, module)
    if module.completion not in (ModulePage.Completion.MARKED_DONE, ModulePage.Completion.VIEWED):
        raise ValidationError(
            _("This module is completed by its activity, not by marking it done.")
        )
    return module_complete(enrolment=enrolment, module=module, how=ModuleCompletion.How.MARKED_DONE)


# --- Knowledge checks ------------------------------------------------------------------------


def check_questions(block_value: Any) -> list[dict[str, Any]]:
    """Questions of a knowledge check with the ids of their answers and correct answers."""
    questions = []
    for question in block_value["questions"].bound_blocks:
        options = question.value["options"].bound_blocks
        questions.append(
            {
                "id": question.id,
                "kind": question.value["kind"],
                "options": {option.id for option in options},
                "correct": {option.id for option in options if option.value["is_correct"]},
            }
        )
    return questions


@transaction.atomic
def knowledge_check_submit(
    *, person: User, module: ModulePage, answers: dict[str, list[str]], attempt_number: int
) -> KnowledgeCheckAttempt:
    """Score an attempt at the module's knowledge check.

    ``attempt_number`` is the number the form was shown for: a repeated submission of
    the same attempt returns the recorded one instead of using up another attempt.
    Unknown question or answer ids, unanswered questions and attempts beyond the limit
    are refused with nothing saved. Passing completes a module completed by its check.
    """
    enrolment, module, course = _enrolment_for(person, module)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    reason = lock_reason(enrolment, module, course)
    if reason:
        raise ModuleLocked(reason)
    check = module.knowledge_check
    if check is None:
        raise ValidationError(_("This module has no knowledge check."))
    previous = list(KnowledgeCheckAttempt.objects.filter(enrolment=enrolment, module=module))
    repeated = next((a for a in previous if a.number == attempt_number), None)
    if repeated is not None:
        return repeated
    if attempt_number != len(previous) + 1:
        raise ValidationError(_("This form is out of date. Reload the page and try again."))
    if any(attempt.passed for attempt in previous):
        raise ValidationError(_("You have already passed this knowledge check."))
    allowed = check.value["attempts_allowed"]
    if allowed and len(previous) >= allowed:
        raise ValidationError(_("You have used all your attempts at this knowledge check."))

    questions = check_questions(check.value)
    known = {q["id"] for q in questions}
    if set(answers) - known:
        raise ValidationError(_("The answers refer to a question that is not in this check."))
    correct = 0
    for question in questions:
        chosen = set(answers.get(question["id"], []))
        if not chosen:
            raise ValidationError(_("Answer every question before you submit."))
        if chosen - question["options"]:
            raise ValidationError(_("The answers include an option that is not in this check."))
        if question["kind"] == "single" and len(chosen) > 1:
            raise ValidationError(_("Choose one answer for each single-choice question."))
        correct += chosen == question["correct"]
    score = correct * 100 // len(questions)
    attempt = KnowledgeCheckAttempt.objects.create(
        enrolment=enrolment,
        module=module,
        number=attempt_number,
        answers={q["id"]: sorted(answers[q["id"]]) for q in questions},
        score=score,
        passed=score >= check.value["pass_mark"],
    )
    Enrolment.objects.filter(pk=enrolment.pk).update(
        last_activity_at=timezone.now(), last_module=module
    )
    if attempt.passed and module.completion == ModulePage.Completion.KNOWLEDGE_CHECK:
        module_complete(
            enrolment=enrolment, module=module, how=ModuleCompletion.How.KNOWLEDGE_CHECK
        )
    return attempt


# --- Reflections -----------------------------------------------------------------------------


@transaction.atomic
def reflection_submit(*, person: User, module: ModulePage, text: str) -> Reflection:
    """Send a reflection for review. Resubmitting the same text while it waits changes
    nothing; new text replaces the waiting version."""
    enrolment, module, course = _enrolment_for(person, module)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    reason = lock_reason(enrolment, module, course)
    if reason:
        raise ModuleLocked(reason)
    prompt = module.reflection_prompt
    if prompt is None:
        raise ValidationError(_("This module has no reflection."))
    text = text.strip()
    maximum = min(prompt.value["max_length"], REFLECTION_MAX_LENGTH)
    minimum = prompt.value["min_length"]
    if len(text) > maximum:
        raise ValidationError(
            {
                "text": _("Shorten your reflection to %(max)s characters (it has %(count)s).")
                % {"max": maximum, "count": len(text)}
            }
        )
    if len(text) < minimum:
        raise ValidationError(
            {
                "text": _("Write at least %(min)s characters (you have %(count)s).")
                % {"min": minimum, "count": len(text)}
            }
        )
    reflections = Reflection.objects.filter(enrolment=enrolment, module=module)
    if reflections.filter(status=Reflection.Status.ACCEPTED).exists():
        raise ValidationError(_("Your reflection for this module has already been accepted."))
    waiting = reflections.filter(status=Reflection.Status.SUBMITTED).first()
    if waiting is not None:
        if waiting.text != text:
            waiting.text = text
            waiting.save(update_fields=["text"])
        return waiting
    reflection = Reflection.objects.create(enrolment=enrolment, module=module, text=text)
    Enrolment.objects.filter(pk=enrolment.pk).update(
        last_activity_at=timezone.now(), last_module=module
    )
    return reflection


@transaction.atomic
def reflection_review(
    *, actor: User, reflection: Reflection, accept: bool, comment: str = ""
) -> Reflection:
    """A trainer accepts a reflection (completing its module) or returns it with a comment.

    Refused for anyone but a trainer, programme manager or administrator, for a
    reflection already reviewed, and for a return without a comment. The learner is told
    by e-mail after commit.
    """
    scope = scoping.scope_for(actor)
    if not (scope.is_trainer or scope.is_national):
        raise PermissionDenied(_("Only trainers review reflections."))
    reflection = (
        Reflection.objects.select_for_update()
        .select_related("enrolment__person")
        .get(pk=reflection.pk)
    )
    if reflection.status != Reflection.Status.SUBMITTED:
        raise ValidationError(_("This reflection has already been reviewed."))
    comment = comment.strip()
    if not accept and not comment:
        raise ValidationError({"comment": _("Say what to change when you return a reflection.")})
    reflection.status = Reflection.Status.ACCEPTED if accept else Reflection.Status.RETURNED
    reflection.reviewed_by = actor
    reflection.reviewed_at = timezone.now()
    reflection.comment = comment
    reflection.save(update_fields=["status", "reviewed_by", "reviewed_at", "comment"])
    log(
        reflection.enrolment,
        "courses.reflection.accept" if accept else "courses.reflection.return",
        user=actor,
        data={"reflection": str(reflection.public_id)},
    )
    module = reflection.module.specific
    if accept and module.completion == ModulePage.Completion.REFLECTION:
        module_complete(
            enrolment=reflection.enrolment, module=module, how=ModuleCompletion.How.REFLECTION
        )
    learner = reflection.enrolment.person
    send_templated_email(
        "reflection_reviewed",
        to=learner.email,
        language=learner.preferred_language,
        context={"person": learner, "reflection": reflection, "module": module},
    )
    return reflection


# --- Cohorts and rules -----------------------------------------------------------------------


@transaction.atomic
def cohort_enrol(
    *,
    actor: User,
    course: CoursePage,
    name: str,
    starts_on: datetime.date,
    people: Iterable[User] = (),
    school: School | None = None,
    region: Region | None = None,
    role: str = "",
) -> tuple[Cohort, int]:
    """Enrol a cohort: the chosen people plus everyone in the chosen school, region and/or
    role, within the actor's scope. Returns the cohort and how many were newly enrolled.
    People already enrolled keep their enrolment."""
    scope = scoping.scope_for(actor)
    if not (scope.is_national or scope.coordinated_region_ids):
        raise PermissionDenied(_("Your roles do not include enrolling other people."))
    course = canonical_course(course)
    if school is not None and not scoping.can_see_school(actor, school):
        raise PermissionDenied(_("This school is outside your region."))
    if region is not None and not scoping.can_see_region(actor, region):
        raise PermissionDenied(_("This region is outside your scope."))
    chosen = list(people)
    if not (chosen or school or region or role):
        raise ValidationError(_("Choose people, a school, a region or a role."))
    targets: dict[int, User] = {}
    for person in chosen:
        _check_may_enrol_others(actor, person)
        targets[person.pk] = person
    if school or region or role:
        memberships = RoleMembership.objects.current().filter(role__in=LEARNER_ROLES)
        if school:
            memberships = memberships.filter(school=school)
        if region:
            memberships = memberships.filter(Q(school__region=region) | Q(region=region))
        if role:
            memberships = memberships.filter(role=role)
        for person in scoping.visible_people(actor).filter(
            pk__in=memberships.values("person_id"), is_active=True
        ):
            targets.setdefault(person.pk, person)
    cohort = Cohort.objects.create(
        name=name.strip() or course.title,
        course=course,
        starts_on=starts_on,
        school=school,
        region=region,
        role=role,
        created_by=actor,
    )
    before = set(
        Enrolment.objects.filter(course=course, person_id__in=targets).values_list(
            "person_id", flat=True
        )
    )
    for person in targets.values():
        enrolment_create(
            actor=actor, person=person, course=course, source=Enrolment.Source.COHORT, cohort=cohort
        )
    newly = len(set(targets) - before)
    log(cohort, "courses.cohort.enrol", user=actor, data={"people": len(targets), "new": newly})
    return cohort, newly


@transaction.atomic
def enrolment_rules_apply(*, person: User) -> list[Enrolment]:
    """Enrol ``person`` in every live course required for a role they hold. Repeat-safe."""
    if not person.is_active:
        return []
    held = list(_learner_memberships(person).values_list("role", "training_area_id"))
    if not held:
        return []
    condition = Q()
    for role, area in held:
        condition |= Q(role=role, training_area__isnull=True) | Q(role=role, training_area_id=area)
    course_ids = set(
        CourseAudience.objects.filter(required=True)
        .filter(condition)
        .values_list("course_id", flat=True)
    )
    created = []
    for course in CoursePage.objects.live().filter(pk__in=course_ids):
        if canonical_course(course).pk != course.pk:
            continue
        if not Enrolment.objects.filter(person=person, course=course).exists():
            created.append(
                enrolment_create(
                    actor=person, person=person, course=course, source=Enrolment.Source.RULE
                )
            )
    return created


def course_rules_apply(*, course: CoursePage) -> int:
    """Enrol everyone whom the course is required for. Returns how many were enrolled."""
    course = canonical_course(course)
    count = 0
    for audience in course.audiences.filter(required=True):
        memberships = RoleMembership.objects.current().filter(role=audience.role)
        if audience.training_area_id:
            memberships = memberships.filter(training_area_id=audience.training_area_id)
        people = User.objects.filter(
            pk__in=memberships.values("person_id"), is_active=True
        ).exclude(enrolments__course=course)
        for person in people:
            with transaction.atomic():
                enrolment_create(
                    actor=person, person=person, course=course, source=Enrolment.Source.RULE
                )
            count += 1
    return count


def course_progress_recompute(*, course: CoursePage) -> int:
    """After a course's modules change: bring every active enrolment's stored progress up to
    date, one locked row at a time. Completed enrolments stay completed.

    The done counts are compared in one query first, so a publish that changed nothing
    about the required modules touches no enrolment. Returns how many were recomputed.
    """
    course = canonical_course(course)
    required = required_module_ids(course)
    total = len(required)
    rows = (
        Enrolment.objects.filter(course=course, status=Enrolment.Status.ACTIVE)
        .annotate(done=Count("completions", filter=Q(completions__module_id__in=required)))
        .values_list("pk", "done", "required_done", "required_total")
    )
    count = 0
    for enrolment_id, done, stored_done, stored_total in rows:
        if (done, total) == (stored_done, stored_total) and not (total and done == total):
            continue
        with transaction.atomic():
            enrolment = Enrolment.objects.select_for_update().get(pk=enrolment_id)
            _recompute(enrolment, course)
        count += 1
    return count


@transaction.atomic
def observed_practice_record(
    *,
    person_id: int,
    observation_count: int,
    average_score: float | Decimal | None,
    scale_max: float | Decimal | None,
) -> None:
    """Store what supervision reports about a person's observed sessions, then complete any
    of their enrolments that were waiting only for it."""
    average = None
    if average_score is not None and scale_max:
        average = (Decimal(str(average_score)) * 100 / Decimal(str(scale_max))).quantize(
            Decimal("0.1")
        )
    ObservedPractice.objects.update_or_create(
        person_id=person_id,
        defaults={"observation_count": observation_count, "average_percent": average},
    )
    waiting = Enrolment.objects.select_for_update().filter(
        person_id=person_id,
        status=Enrolment.Status.ACTIVE,
        modules_completed_at__isnull=False,
    )
    for enrolment in waiting:
        _recompute(enrolment)
