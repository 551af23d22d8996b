"""Admin wiring for courses: audit actions, recording a learner's visit to a module, and
keeping course documents for signed-in staff like the pages that show them."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import include, path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.action_menu import SubmitForModerationMenuItem
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.components import Component
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogActionRegistry
from wagtail.models import WorkflowState

from . import admin_views, services
from .models import CourseCatalogue, CoursePage, ModulePage
from .models.review import may_approve_own_work, submitted_by
from .selectors.course_reviews import course_reviews_for


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
    actions.register_action(
        "courses.course.copy", _("Copy course"), _("Copied with its modules and translations")
    )
    actions.register_action(
        "courses.review.module_joined",
        _("Submit a module with the course"),
        _("A module was submitted and joined the course's review"),
    )


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


def tell_module_joins_course_review(request: HttpRequest, page: Any) -> None:
    if isinstance(page, ModulePage) and "action-submit" in request.POST:
        messages.info(
            request,
            _(
                "“%(module)s” is reviewed with its course “%(course)s”: a lead trainer "
                "approves the course and its changed modules together."
            )
            % {"module": page.title, "course": page.get_parent().title},
        )


hooks.register("after_create_page", tell_module_joins_course_review)
hooks.register("after_edit_page", tell_module_joins_course_review)


@hooks.register("before_edit_page")
def tell_submitter_why_they_cannot_approve(request: HttpRequest, page: Any) -> None:
    """Wagtail hides "Approve" from the person who submitted; say why, once per visit."""
    if request.method != "GET" or not isinstance(page.specific, CoursePage):
        return
    task = page.current_workflow_task
    if (
        task is not None
        and task.user_can_access_editor(page, request.user)
        and submitted_by(page, request.user)
        and not may_approve_own_work(request.user)
    ):
        messages.info(
            request,
            _("You submitted this course, so another lead trainer approves it."),
        )


@hooks.register("register_admin_urls")
def course_review_urls() -> list[Any]:
    urls = [
        path("course-reviews/", admin_views.review_list, name="reviews"),
        path("course-reviews/<int:task_state_id>/", admin_views.review_detail, name="review"),
        path("courses/<int:page_id>/copy/", admin_views.copy_course, name="copy"),
    ]
    return [path("", include((urls, "courses_admin")))]


@hooks.register("register_admin_menu_item")
def course_reviews_menu_item() -> MenuItem:
    return MenuItem(
        _("Course reviews"),
        reverse("courses_admin:reviews"),
        icon_name="clipboard-list",
        order=250,
    )


class CourseReviewsPanel(Component):
    """On the admin's home: the courses waiting for this person's review, each as a whole."""

    name = "course_reviews"
    template_name = "courses/admin/home_reviews.html"
    order = 210

    def get_context_data(self, parent_context: Any) -> dict[str, Any]:
        context = super().get_context_data(parent_context)
        context["reviews"] = course_reviews_for(parent_context["request"].user)
        return context


@hooks.register("construct_homepage_panels")
def course_reviews_on_admin_home(request: HttpRequest, panels: list[Any]) -> None:
    panels.append(CourseReviewsPanel())


@hooks.register("register_page_header_buttons")
def copy_course_button(page: Any, user: Any, view_name: str, next_url: str | None = None) -> Any:
    if page.specific_class is CoursePage and page.permissions_for_user(user).can_copy_to(
        page.get_parent(), recursive=True
    ):
        yield Button(
            _("Copy with modules and translations"),
            reverse("courses_admin:copy", args=(page.pk,)),
            icon_name="copy",
            priority=35,
        )


class SubmitForCourseReview(SubmitForModerationMenuItem):
    """Wagtail's "Submit to <workflow name>" names the workflow by its stored, untranslated
    name; on a course or a module the button says what happens, in the admin's language."""

    def __init__(self, *, order: int, of_module: bool) -> None:
        super().__init__(order=order)
        self.of_module = of_module

    def get_context_data(self, parent_context: Any) -> Any:
        context = super().get_context_data(parent_context)
        page = context.get("page")
        state = page.current_workflow_state if page is not None and page.pk else None
        if self.of_module:
            context["label"] = _("Submit with the course for review")
        elif state is not None and state.status == WorkflowState.STATUS_NEEDS_CHANGES:
            context["label"] = _("Resubmit the course for review")
        else:
            context["label"] = _("Submit the course for review")
        return context


@hooks.register("construct_page_action_menu")
def name_the_course_review(menu_items: list[Any], request: HttpRequest, context: Any) -> None:
    page, parent = context.get("page"), context.get("parent_page")
    if isinstance(page, ModulePage) or (page is None and isinstance(parent, CoursePage)):
        of_module = True
    elif isinstance(page, CoursePage) or (page is None and isinstance(parent, CourseCatalogue)):
        of_module = False
    else:
        return
    for index, item in enumerate(menu_items):
        if type(item) is SubmitForModerationMenuItem:
            menu_items[index] = SubmitForCourseReview(order=item.order, of_module=of_module)
