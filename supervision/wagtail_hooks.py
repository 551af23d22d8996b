"""Rubrics in the Wagtail admin, and the audit actions of supervision.

Saving a rubric in the admin publishes a new version of it when its content changed;
observations keep the version they were made with.
"""

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.log_actions import LogActionRegistry
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import services
from .models import CalibrationExercise, Rubric


class RubricViewSet(SnippetViewSet):
    model = Rubric
    icon = "table"
    menu_label = gettext_lazy("Observation rubrics")
    menu_order = 320
    add_to_admin_menu = True
    list_display = ["name", "session_type", "is_active", "updated_at"]
    list_filter = ["session_type", "is_active"]
    search_fields = ["name_kk", "name_ru", "name_en"]
    panels = [
        FieldRowPanel(
            [FieldPanel("name_kk"), FieldPanel("name_ru"), FieldPanel("name_en")],
            heading=gettext_lazy("Name"),
        ),
        MultiFieldPanel(
            [FieldPanel("session_type"), FieldPanel("is_active")], heading=gettext_lazy("Use")
        ),
        FieldPanel("scale"),
        FieldPanel("domains"),
    ]


register_snippet(RubricViewSet)


class CalibrationExerciseViewSet(SnippetViewSet):
    """Trainers write calibration exercises as they write rubrics. Saving checks the master
    codes; an exercise reaches supervisors only when "open to supervisors" is ticked and
    every indicator of its rubric version has a master code."""

    model = CalibrationExercise
    icon = "circle-check"
    menu_label = gettext_lazy("Calibration exercises")
    menu_order = 321
    add_to_admin_menu = True
    list_display = ["name", "rubric_version", "is_published", "updated_at"]
    list_filter = ["is_published"]
    search_fields = ["name_kk", "name_ru", "name_en"]
    panels = [
        FieldRowPanel(
            [FieldPanel("name_kk"), FieldPanel("name_ru"), FieldPanel("name_en")],
            heading=gettext_lazy("Title"),
        ),
        FieldPanel("rubric_version"),
        MultiFieldPanel(
            [FieldPanel("lesson_kk"), FieldPanel("lesson_ru"), FieldPanel("lesson_en")],
            heading=gettext_lazy("The lesson"),
        ),
        MultiFieldPanel(
            [FieldPanel("video"), FieldPanel("captions")], heading=gettext_lazy("Video")
        ),
        InlinePanel("photos", label=gettext_lazy("Photos")),
        InlinePanel(
            "master_codes",
            label=gettext_lazy("Master codes"),
            panels=[
                FieldPanel("indicator_key"),
                FieldPanel("level"),
                FieldPanel("rationale_kk"),
                FieldPanel("rationale_ru"),
                FieldPanel("rationale_en"),
            ],
        ),
        FieldPanel("is_published"),
    ]


register_snippet(CalibrationExerciseViewSet)


def _publish(request: HttpRequest, rubric: Any) -> None:
    if isinstance(rubric, CalibrationExercise):
        _open_exercise(request, rubric)
    if isinstance(rubric, Rubric):
        version = services.rubric_publish(actor=request.user, rubric=rubric)  # type: ignore[arg-type]
        messages.info(
            request,
            _("Observations from now on use version %(number)s of this rubric.")
            % {"number": version.number},
        )


def _open_exercise(request: HttpRequest, exercise: CalibrationExercise) -> None:
    """Ticking "open to supervisors" opens the exercise only if its master codes are whole;
    otherwise it stays closed and the trainer is told why."""
    if not exercise.is_published:
        return
    CalibrationExercise.objects.filter(pk=exercise.pk).update(is_published=False)
    exercise.is_published = False
    try:
        services.exercise_publish(actor=request.user, exercise=exercise)  # type: ignore[arg-type]
    except (ValidationError, PermissionDenied) as error:
        for text in getattr(error, "messages", [str(error)]):
            messages.error(request, text)
        messages.warning(request, _("The exercise was saved but is not open to supervisors."))


@hooks.register("after_create_snippet")
def publish_created_rubric(request: HttpRequest, instance: Any) -> None:
    _publish(request, instance)


@hooks.register("after_edit_snippet")
def publish_edited_rubric(request: HttpRequest, instance: Any) -> None:
    _publish(request, instance)


@hooks.register("register_log_actions")
def register_supervision_actions(actions: LogActionRegistry) -> None:
    register = actions.register_action
    register(
        "supervision.rubric.publish",
        gettext_lazy("Publish rubric"),
        gettext_lazy("Rubric version published"),
    )
    register(
        "supervision.year.create",
        gettext_lazy("Open supervision year"),
        gettext_lazy("Supervision year opened"),
    )
    register(
        "supervision.year.update",
        gettext_lazy("Change supervision year"),
        gettext_lazy("Supervision year changed"),
    )
    register("supervision.visit.plan", gettext_lazy("Plan visit"), gettext_lazy("Visit planned"))
    register("supervision.visit.start", gettext_lazy("Start visit"), gettext_lazy("Visit started"))
    register(
        "supervision.visit.miss",
        gettext_lazy("Mark visit missed"),
        gettext_lazy("Visit marked as missed"),
    )
    register(
        "supervision.visit.reschedule",
        gettext_lazy("Reschedule visit"),
        gettext_lazy("Visit rescheduled"),
    )
    register(
        "supervision.visit.submit", gettext_lazy("Submit visit"), gettext_lazy("Visit submitted")
    )
    register(
        "supervision.visit.acknowledge",
        gettext_lazy("Sign off visit"),
        gettext_lazy("Visit signed off"),
    )
    register(
        "supervision.visit.return",
        gettext_lazy("Return visit for correction"),
        gettext_lazy("Visit returned for correction"),
    )
    register("supervision.visit.close", gettext_lazy("Close visit"), gettext_lazy("Visit closed"))
    register(
        "supervision.visit.notes",
        gettext_lazy("Edit visit notes"),
        gettext_lazy("Visit notes edited"),
    )
    register(
        "supervision.observation.create",
        gettext_lazy("Record observation"),
        gettext_lazy("Observation recorded"),
    )
    register(
        "supervision.observation.update",
        gettext_lazy("Change observation"),
        gettext_lazy("Observation changed"),
    )
    register(
        "supervision.observation.delete",
        gettext_lazy("Delete observation"),
        gettext_lazy("Observation deleted"),
    )
    register(
        "supervision.attachment.add", gettext_lazy("Attach file"), gettext_lazy("File attached")
    )
    register(
        "supervision.attachment.delete",
        gettext_lazy("Remove attachment"),
        gettext_lazy("Attachment removed"),
    )
    register(
        "supervision.action_point.create",
        gettext_lazy("Agree action point"),
        gettext_lazy("Action point agreed"),
    )
    register(
        "supervision.action_point.update",
        gettext_lazy("Change action point"),
        gettext_lazy("Action point changed"),
    )
    register(
        "supervision.action_point.delete",
        gettext_lazy("Remove action point"),
        gettext_lazy("Action point removed"),
    )
    register(
        "supervision.action_point.review",
        gettext_lazy("Review action point"),
        gettext_lazy("Action point reviewed"),
    )
    register(
        "supervision.calibration.publish",
        gettext_lazy("Open calibration exercise"),
        gettext_lazy("Calibration exercise opened to supervisors"),
    )
    register(
        "supervision.calibration.withdraw",
        gettext_lazy("Close calibration exercise"),
        gettext_lazy("Calibration exercise closed"),
    )
    register(
        "supervision.calibration.start",
        gettext_lazy("Start calibration exercise"),
        gettext_lazy("Calibration exercise started"),
    )
    register(
        "supervision.calibration.submit",
        gettext_lazy("Submit calibration exercise"),
        gettext_lazy("Calibration exercise submitted"),
    )
    register(
        "supervision.calibration.calibrate",
        gettext_lazy("Calibrate supervisor"),
        gettext_lazy("Supervisor calibrated"),
    )
    register(
        "supervision.calibration.flag",
        gettext_lazy("Flag for recalibration"),
        gettext_lazy("Supervisor flagged for recalibration"),
    )
    register(
        "supervision.double_coding.share",
        gettext_lazy("Set share of visits co-observed"),
        gettext_lazy("Share of visits co-observed changed"),
    )
    register(
        "supervision.double_coding.pick",
        gettext_lazy("Pick visit for co-observation"),
        gettext_lazy("Visit picked for co-observation"),
    )
    register(
        "supervision.double_coding.assign",
        gettext_lazy("Choose co-observer"),
        gettext_lazy("Co-observer chosen"),
    )
    register(
        "supervision.double_coding.submit",
        gettext_lazy("Submit co-observer's scores"),
        gettext_lazy("Co-observer's scores submitted"),
    )
    register(
        "supervision.double_coding.record",
        gettext_lazy("Record pair agreement"),
        gettext_lazy("Agreement of the pair recorded"),
    )
    register(
        "supervision.reminder.send", gettext_lazy("Send reminder"), gettext_lazy("Reminder sent")
    )
