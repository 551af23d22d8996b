"""Reflections: a learner's written answer and its review by a trainer."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.log_actions import log

from core.mail import send_templated_email
from people import scoping
from people.models import User

from ..blocks import REFLECTION_MAX_LENGTH
from ..models import (
    Enrolment,
    ModuleCompletion,
    ModulePage,
    Reflection,
)
from ..signals import announce_learning_event
from .progress import _unlocked_for_update, module_complete

# --- Reflections -----------------------------------------------------------------------------


@transaction.atomic
def reflection_submit(*, person: User, module: ModulePage, text: str) -> Reflection:
    """Send a reflection for review. Resubmitting the same text while it waits changes
    nothing; new text replaces the waiting version."""
    enrolment, module, _course = _unlocked_for_update(person, module)
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
        Reflection.objects.select_for_update(of=("self",))
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
    if accept:
        announce_learning_event(
            "reflection_accepted",
            enrolment=reflection.enrolment,
            module=module,
            at=reflection.reviewed_at,
        )
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
