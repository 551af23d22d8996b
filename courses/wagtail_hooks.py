"""Admin wiring for courses: audit actions, recording a learner's visit to a module, and
keeping course documents for signed-in staff like the pages that show them."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.log_actions import LogActionRegistry

from . import services
from .models import ModulePage


@hooks.register("register_log_actions")
def register_course_actions(actions: LogActionRegistry) -> None:
    actions.register_action("courses.enrolment.create", _("Enrol"), _("Enrolled"))
    actions.register_action("courses.enrolment.rejoin", _("Enrol again"), _("Enrolled again"))
    actions.register_action(
        "courses.enrolment.retake",
        _("Retake course"),
        _("Started the course afresh; the completed cycle was archived"),
    )
    actions.register_action("courses.enrolment.leave", _("Leave course"), _("Left the course"))
    actions.register_action(
        "courses.enrolment.complete", _("Complete course"), _("Course completed")
    )
    actions.register_action(
        "courses.completion.override", _("Record completion"), _("Completion recorded by a trainer")
    )
    actions.register_action(
        "courses.reflection.accept", _("Accept reflection"), _("Reflection accepted")
    )
    actions.register_action(
        "courses.reflection.return", _("Return reflection"), _("Reflection returned")
    )
    actions.register_action("courses.cohort.enrol", _("Enrol cohort"), _("Cohort enrolled"))


@hooks.register("before_serve_page")
def record_module_opened(page: Any, request: HttpRequest, *args: Any, **kwargs: Any) -> None:
    if isinstance(page, ModulePage) and request.method == "GET" and request.user.is_authenticated:
        services.module_open(person=request.user, module=page)


@hooks.register("before_serve_document")
def documents_for_signed_in_staff(document: Any, request: HttpRequest) -> HttpResponse | None:
    """Course documents, videos and captions are course content: like the course pages
    (``SignedInPageMixin``), anonymous visitors sign in first."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    return None
