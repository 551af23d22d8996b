"""Opening and completing modules, and the stored progress that completes an enrolment."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log
from wagtail.models import Page

from core import numbers
from people.models import User

from .. import rules, signals
from ..models import (
    CoursePage,
    Enrolment,
    ModuleCompletion,
    ModulePage,
    ObservedPractice,
)
from .basics import (
    ModuleLocked,
    _announce_progress,
    canonical_module,
    final_check_module,
    required_module_ids,
)

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
    _announce_progress(enrolment.person_id)
    if enrolment.status == Enrolment.Status.COMPLETED:
        enrolment.percent = 100
        enrolment.save(update_fields=fields)
        return False
    enrolment.percent = numbers.percent(done, len(required))
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
        signals.announce_learning_event(
            "course_completed", enrolment=enrolment, at=enrolment.completed_at
        )
        enrolment_id = enrolment.pk
        transaction.on_commit(
            lambda: signals.course_completed.send(sender=Enrolment, enrolment_id=enrolment_id)
        )
    return completed_now


def lock_reason(enrolment: Enrolment | None, module: ModulePage, course: CoursePage) -> str:
    """Why the learner cannot open ``module`` yet, or "" if they can (``rules.lock_reason``).
    ``module`` and ``course`` are canonical."""
    if enrolment is None or enrolment.status == Enrolment.Status.LEFT:
        return rules.lock_reason(enrolled=False, missing_prerequisites=[], waits_for_earlier=False)
    missing = [
        p.title
        for p in course.prerequisites.all()
        if not Enrolment.with_history.filter(  # a course once completed stays completed
            person_id=enrolment.person_id,
            course__translation_key=p.translation_key,
            status=Enrolment.Status.COMPLETED,
        ).exists()
    ]
    waits = not missing and rules.waits_for_earlier(
        sequential=course.sequential,
        is_required=module.is_required,
        earlier_required_undone=(
            ModulePage.objects.child_of(course)
            .live()
            .filter(is_required=True, path__lt=module.path)
            .exclude(completions__enrolment=enrolment)
            .exists()
        ),
    )
    return rules.lock_reason(enrolled=True, missing_prerequisites=missing, waits_for_earlier=waits)


@transaction.atomic
def module_complete(
    *, enrolment: Enrolment, module: ModulePage, how: str, actor: User | None = None
) -> ModuleCompletion:
    """Mark one module done for one learner. Repeat-safe: a second call changes nothing.

    The enrolment row is locked first, so concurrent completions serialise. The last
    missing module completes the enrolment and announces it after commit.
    """
    enrolment = (
        Enrolment.objects.select_for_update(of=("self",))
        .select_related("course")
        .get(pk=enrolment.pk)
    )
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
        signals.announce_learning_event("module_completed", enrolment=enrolment, module=module)
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


def _unlocked_for_update(
    person: User, module: ModulePage
) -> tuple[Enrolment, ModulePage, CoursePage]:
    """The learner's enrolment, row locked, with canonical module and course, when the
    module is open to them; ``ModuleLocked`` says why when it is not."""
    enrolment, module, course = _enrolment_for(person, module)
    enrolment = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
    reason = lock_reason(enrolment, module, course)
    if reason:
        raise ModuleLocked(reason)
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
