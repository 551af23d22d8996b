"""Learner actions (enrol, leave, complete, answer, reflect), My learning, and the trainer
and manager pages: progress reports, the reflection queue, cohort enrolment."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.exports import ExportFilter, form_filters, table_response
from people import scoping
from people.models import User

from . import selectors, services
from .forms import CohortForm, ReflectionForm, ReflectionQueueForm, ReportFilterForm, ReviewForm
from .models import CoursePage, Enrolment, ModulePage, Reflection

REPORT_PAGE_SIZE = 50
# Each waiting reflection shows its text and a decision form: ten keep the page short.
REFLECTIONS_PER_PAGE = 10


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _live_course(page_id: int) -> CoursePage:
    return get_object_or_404(CoursePage.objects.live(), pk=page_id)


def _live_module(page_id: int) -> ModulePage:
    return get_object_or_404(ModulePage.objects.live(), pk=page_id)


def _render_module(
    request: HttpRequest, module: ModulePage, status: int, **extra: Any
) -> HttpResponse:
    """The module page again, with a form error and what the learner had entered."""
    context = module.get_context(request)
    context.update(extra)
    return TemplateResponse(request, module.get_template(request), context, status=status)


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


# --- Learners --------------------------------------------------------------------------------


@login_required
@require_POST
def enrol(request: HttpRequest, page_id: int) -> HttpResponse:
    course = _live_course(page_id)
    returning = Enrolment.objects.filter(
        person=_user(request),
        course__translation_key=course.translation_key,
        status=Enrolment.Status.LEFT,
    ).exists()
    services.enrolment_create(actor=_user(request), person=_user(request), course=course)
    if returning:
        messages.success(request, _("Welcome back. You continue where you stopped."))
    else:
        messages.success(request, _("You are enrolled. Start with the first module."))
    return HttpResponseRedirect(selectors.page_in_reading_language(course).url)


@login_required
@require_http_methods(["GET", "POST"])
def leave(request: HttpRequest, page_id: int) -> HttpResponse:
    """GET asks the learner to confirm (saying so when the course is required for their
    role); POST leaves."""
    course = _live_course(page_id)
    enrolment = Enrolment.objects.filter(
        person=_user(request), course__translation_key=course.translation_key
    ).first()
    if enrolment is None:
        raise Http404
    if request.method == "GET":
        if enrolment.status != Enrolment.Status.ACTIVE:
            return HttpResponseRedirect(selectors.page_in_reading_language(course).url)
        page = selectors.page_in_reading_language(course)
        outline = selectors.course_outline_for(user=request.user, course=page)
        return render(request, "courses/leave_confirm.html", {"course": page, "outline": outline})
    try:
        services.enrolment_leave(actor=_user(request), enrolment=enrolment)
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(
            request, _("You left the course. Your progress is kept if you enrol again.")
        )
    return HttpResponseRedirect(selectors.page_in_reading_language(course).url)


@login_required
@require_POST
def module_done(request: HttpRequest, page_id: int) -> HttpResponse:
    module = _live_module(page_id)
    try:
        services.module_mark_done(person=_user(request), module=module)
    except ValidationError as error:
        return _render_module(request, module, 400, action_error=_error_text(error))
    state = selectors.module_state_for(user=request.user, module=module)
    if state.enrolment is not None and state.enrolment.is_completed:
        messages.success(request, _("You have completed the course."))
        return HttpResponseRedirect(state.course.url)
    messages.success(request, _("Module completed."))
    return HttpResponseRedirect(state.next.url if state.next else state.course.url)


@login_required
@require_POST
def knowledge_check(request: HttpRequest, page_id: int) -> HttpResponse:
    module = _live_module(page_id)
    answers: dict[str, list[str]] = {}
    for key in request.POST:
        if key.startswith("q-"):
            answers[key[2:]] = request.POST.getlist(key)
    try:
        number = int(request.POST.get("attempt", ""))
    except ValueError:
        number = 0
    try:
        attempt = services.knowledge_check_submit(
            person=_user(request), module=module, answers=answers, attempt_number=number
        )
    except ValidationError as error:
        return _render_module(
            request, module, 400, check_error=_error_text(error), posted_answers=answers
        )
    if attempt.passed:
        messages.success(
            request,
            _("You passed with %(score)s%%. Read the feedback below.") % {"score": attempt.score},
        )
    else:
        messages.warning(
            request,
            _("You scored %(score)s%%. Read the feedback, then try again.")
            % {"score": attempt.score},
        )
    return HttpResponseRedirect(module.url + "#knowledge-check")


@login_required
@require_POST
def reflection_submit(request: HttpRequest, page_id: int) -> HttpResponse:
    module = _live_module(page_id)
    form = ReflectionForm(request.POST)
    if form.is_valid():
        try:
            services.reflection_submit(
                person=_user(request), module=module, text=form.cleaned_data["text"]
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field_errors in error.error_dict.values():
                    form.add_error("text", field_errors)
            else:
                form.add_error("text", error)
        else:
            messages.success(request, _("Your reflection was sent to a trainer for review."))
            return HttpResponseRedirect(module.url + "#reflection")
    return _render_module(request, module, 400, reflection_form=form)


@login_required
def my_learning(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "courses/my_learning.html",
        {"learning": selectors.my_learning_for(user=_user(request))},
    )


# --- Trainers and managers -------------------------------------------------------------------


def _require_reports(user: User) -> None:
    scope = scoping.scope_for(user)
    if not (scope.is_trainer or scope.oversees_people):
        raise PermissionDenied(_("Your roles do not include progress reports."))


@login_required
def report_list(request: HttpRequest) -> HttpResponse:
    _require_reports(_user(request))
    return render(
        request,
        "courses/report_list.html",
        {
            "rows": selectors.report_courses_for(user=_user(request)),
            "may_enrol_cohorts": _may_enrol_cohorts(_user(request)),
        },
    )


@login_required
def course_report(request: HttpRequest, page_id: int) -> HttpResponse:
    user = _user(request)
    _require_reports(user)
    course = get_object_or_404(CoursePage, pk=page_id)
    form = ReportFilterForm(request.GET or None, user=user)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    modules, enrolments = selectors.course_report_for(
        user=user,
        course=course,
        region=filters.get("region"),
        school=filters.get("school"),
        role=filters.get("role") or "",
        status=filters.get("status") or "",
    )
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        return _report_export(course, modules, list(enrolments), export, form_filters(form))
    page = Paginator(enrolments, REPORT_PAGE_SIZE).get_page(request.GET.get("page"))
    matrix = selectors.completion_matrix(list(page.object_list))
    rows = [
        (enrolment, [matrix[enrolment.pk].get(module.pk) for module in modules])
        for enrolment in page.object_list
    ]
    query = request.GET.copy()
    query.pop("page", None)
    query.pop("export", None)
    return render(
        request,
        "courses/report.html",
        {
            "course": selectors.page_in_reading_language(course),
            "modules": modules,
            "rows": rows,
            "page": page,
            "form": form,
            "query": query.urlencode(),
        },
    )


def _place(enrolment: Enrolment) -> tuple[str, str, str]:
    memberships = getattr(enrolment.person, "learner_memberships", [])
    roles = ", ".join(sorted({str(m.get_role_display()) for m in memberships}))
    schools = ", ".join(sorted({str(m.school) for m in memberships if m.school_id}))
    regions = ", ".join(
        sorted({str(m.school.region if m.school_id else m.region) for m in memberships})
    )
    return regions, schools, roles


def _report_export(
    course: CoursePage,
    modules: list[ModulePage],
    enrolments: list[Enrolment],
    fmt: str,
    filters: list[ExportFilter],
) -> HttpResponse:
    matrix = selectors.completion_matrix(enrolments)
    headers = [
        _("Name"),
        _("E-mail"),
        _("Region"),
        _("School"),
        _("Role"),
        _("Status"),
        _("Progress (%)"),
        _("Enrolled on"),
        _("Completed on"),
        *[module.title for module in modules],
    ]
    rows = []
    for enrolment in enrolments:
        region, school, roles = _place(enrolment)
        done = matrix[enrolment.pk]
        rows.append(
            [
                enrolment.person.full_name,
                enrolment.person.email,
                region,
                school,
                roles,
                enrolment.get_status_display(),
                enrolment.percent,
                enrolment.enrolled_at,
                enrolment.completed_at,
                *[done[m.pk].completed_at if m.pk in done else None for m in modules],
            ]
        )
    return table_response(
        filename=f"progress-{course.slug}", fmt=fmt, headers=headers, rows=rows, filters=filters
    )


@login_required
def reflection_queue(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    scope = scoping.scope_for(user)
    if not (scope.is_trainer or scope.is_national):
        raise PermissionDenied(_("Only trainers review reflections."))
    waiting, courses = selectors.reflection_queue_courses(user=user)
    form = ReflectionQueueForm(request.GET or None, courses=courses)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    reflections = selectors.reflection_queue_for(
        user=user,
        search=filters.get("q") or "",
        course=form.courses.get(filters.get("course")),
        newest_first=filters.get("order") == "newest",
    )
    page = Paginator(reflections, REFLECTIONS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "courses/reflection_queue.html",
        {
            "page": page,
            "form": form,
            "waiting": waiting,
            "filtered": bool(filters.get("q") or filters.get("course")),
            "query": query.urlencode(),
            "return_query": request.GET.urlencode(),
        },
    )


@login_required
@require_POST
def reflection_review(request: HttpRequest, public_id: str) -> HttpResponse:
    user = _user(request)
    reflection = get_object_or_404(Reflection, public_id=public_id)
    form = ReviewForm(request.POST)
    if form.is_valid():
        try:
            services.reflection_review(
                actor=user,
                reflection=reflection,
                accept=form.cleaned_data["decision"] == "accept",
                comment=form.cleaned_data["comment"],
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, field_errors in error.error_dict.items():
                    form.add_error(field if field in form.fields else None, field_errors)
            else:
                form.add_error(None, error)
        else:
            accepted = form.cleaned_data["decision"] == "accept"
            message = (
                _("Reflection by %(name)s accepted.")
                if accepted
                else _("Reflection by %(name)s returned with your comment.")
            )
            messages.success(request, message % {"name": reflection.enrolment.person.full_name})
            # Back to the queue as the trainer left it: same search, filter, order and page.
            back = reverse("reflection_queue")
            if request.GET:
                back = f"{back}?{request.GET.urlencode()}"
            return HttpResponseRedirect(back)
    scope = scoping.scope_for(user)
    if not (scope.is_trainer or scope.is_national):
        raise PermissionDenied(_("Only trainers review reflections."))
    return render(
        request,
        "courses/reflection_review.html",
        {"reflection": reflection, "form": form},
        status=400,
    )


def _may_enrol_cohorts(user: User) -> bool:
    scope = scoping.scope_for(user)
    return scope.is_national or bool(scope.coordinated_region_ids)


@login_required
def cohort_enrol(request: HttpRequest, page_id: int) -> HttpResponse:
    user = _user(request)
    if not _may_enrol_cohorts(user):
        raise PermissionDenied(_("Your roles do not include enrolling other people."))
    course = _live_course(page_id)
    form = CohortForm(request.POST or None, user=user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            cohort, newly = services.cohort_enrol(
                actor=user,
                course=course,
                name=data["name"],
                starts_on=data["starts_on"],
                school=data.get("school"),
                region=data.get("region"),
                role=data.get("role") or "",
            )
        except ValidationError as error:
            form.add_error(None, error)
        except PermissionDenied as error:
            form.add_error(None, str(error))
        else:
            messages.success(
                request,
                _("%(count)s people were enrolled in the cohort “%(name)s”.")
                % {"count": newly, "name": cohort.name},
            )
            return HttpResponseRedirect(reverse("course_report", args=[course.pk]))
    return render(
        request,
        "courses/cohort_form.html",
        {"course": selectors.page_in_reading_language(course), "form": form},
    )
