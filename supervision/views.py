"""Supervision pages. Each view authenticates, finds the object within the reader's scope
(404 outside it), calls one service, and renders; services refuse with a reason (403)."""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.messages.storage.base import BaseStorage
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from lms.pdf import render_pdf
from people import scoping
from people.models import User
from people.roles import LEARNER_ROLES

from . import access, offline, selectors, services
from .forms import (
    ActionPointFilterForm,
    ActionPointForm,
    AttachmentForm,
    CoverageFilterForm,
    NotesForm,
    ObservationForm,
    ReasonForm,
    RescheduleForm,
    ReviewForm,
    RubricChoiceForm,
    SignOffForm,
    VisitAddForm,
    YearForm,
    YearUpdateForm,
)
from .models import (
    SUBMITTED_STATES,
    ActionPoint,
    Attachment,
    Observation,
    Rubric,
    RubricVersion,
    SupervisionYear,
    Visit,
)

ACTION_POINTS_PER_PAGE = 50
State = Visit.State


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _apply_errors(form: Any, error: ValidationError) -> None:
    """Show a service's refusal on the form, next to the field it concerns."""
    if hasattr(error, "error_dict"):
        for name, field_errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, field_errors)
    else:
        form.add_error(None, error)


def _wants_json(request: HttpRequest) -> bool:
    return request.headers.get("X-Autosave") == "1" or _wants_sync(request)


def _wants_sync(request: HttpRequest) -> bool:
    """A submission the device queued while offline and sends now: it is answered in JSON,
    and its client id makes a second arrival harmless."""
    return request.headers.get("X-Offline-Sync") == "1"


def _sync_saved() -> JsonResponse:
    return JsonResponse({"saved": True})


def _sync_refused(errors: list[str], status: int = 400) -> JsonResponse:
    return JsonResponse({"saved": False, "errors": errors}, status=status)


def _form_errors(form: Any) -> list[str]:
    """A form's errors as sentences that name their field, for a queued submission."""
    found = []
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        for error in errors:
            found.append(f"{field.label}: {error}" if field is not None else str(error))
    return found


def offline_sync(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Answer refusals of a queued submission in JSON too (403, 404), so that the device
    can show why it was not saved instead of an error page."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not _wants_sync(request):
            return view(request, *args, **kwargs)
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as error:
            return _sync_refused([str(error)], status=403)
        except Http404:
            return _sync_refused(
                [_("This visit, or what you changed in it, is not among your visits.")],
                status=404,
            )

    return wrapper


def _saved_json(when: Any = None) -> JsonResponse:
    moment = timezone.localtime(when or timezone.now())
    return JsonResponse({"saved": True, "time": formats.time_format(moment, "H:i")})


def _error_json(error: ValidationError) -> JsonResponse:
    return JsonResponse({"saved": False, "errors": error.messages}, status=400)


def keeps_messages_for_device(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A page fetched by the service worker to keep on the device is not read by anyone
    now: leave the messages waiting for the person's next page (a request the worker
    makes while the person saves something must not swallow "The observation was saved")."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        storage = messages.get_messages(request)
        if request.headers.get("X-Offline-Keep") == "1" and isinstance(storage, BaseStorage):
            storage.used = False
        return response

    return wrapper


def _visit_or_404(user: User, public_id: Any) -> Visit:
    visit = selectors.visit_detail_for(user=user, public_id=public_id)
    if visit is None:
        raise Http404
    return visit


def _today() -> date:
    return timezone.localdate()


# --- Overview -------------------------------------------------------------------------------


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    scope = scoping.scope_for(user)
    return render(
        request,
        "supervision/index.html",
        {
            "is_supervisor": bool(scope.supervised_school_ids),
            "oversees": access.oversees_supervision(user),
            "sees_coverage": bool(scope.is_national or scope.coordinated_region_ids),
            "is_staff_member": bool(scope.roles & LEARNER_ROLES),
        },
    )


@login_required
@keeps_messages_for_device
def caseload(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not scoping.scope_for(user).supervised_school_ids:
        raise PermissionDenied(_("Only supervisors have a caseload of visits."))
    today = _today()
    return render(
        request,
        "supervision/caseload.html",
        {"caseload": selectors.caseload_for(user=user, today=today), "today": today},
    )


@login_required
def school_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not access.oversees_supervision(user):
        raise PermissionDenied(_("Your roles do not include following schools' supervision."))
    today = _today()
    start = selectors.academic_year_start(today)
    years = selectors.year_list_for(
        user=user, starts_from=start, starts_before=date(start.year + 1, 9, 1), today=today
    )
    by_school: dict[int, SupervisionYear] = {}
    for year in years:
        by_school.setdefault(year.school_id, year)
    schools = access.supervision_schools(user).select_related("region")
    rows = [(school, by_school.get(school.pk)) for school in schools]
    return render(
        request,
        "supervision/school_list.html",
        {
            "rows": rows,
            "academic_year": f"{start.year}–{start.year + 1}",
            "may_open": access.creates_years(user),
            "start": start,
            "today": today,
        },
    )


# --- Years ----------------------------------------------------------------------------------


@login_required
def year_create(request: HttpRequest, school_code: str) -> HttpResponse:
    user = _user(request)
    school = get_object_or_404(access.supervision_schools(user), code=school_code)
    if not access.creates_years_at(user, school):
        raise PermissionDenied(
            _("Only the regional coordinator or a programme manager can open a supervision year.")
        )
    start = selectors.academic_year_start(_today())
    form = YearForm(
        request.POST or None,
        school=school,
        initial={
            "starts_on": start,
            "ends_on": date(start.year + 1, 5, 31),
            "first_visit_on": date(start.year, 9, 15),
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            year = services.year_create(
                actor=user,
                school=school,
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
                first_visit_on=data["first_visit_on"],
                frequency=data["frequency"],
                supervisors=data["supervisors"],
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(
                request,
                _("The supervision year was opened with %(count)s planned visits.")
                % {"count": year.visits.count()},
            )
            return redirect("supervision:year_detail", public_id=year.public_id)
    return render(request, "supervision/year_form.html", {"form": form, "school": school})


def _year_or_404(user: User, public_id: Any) -> SupervisionYear:
    year = selectors.year_detail_for(user=user, public_id=public_id)
    if year is None:
        raise Http404
    return year


def _render_year(request: HttpRequest, year: SupervisionYear, **forms: Any) -> HttpResponse:
    user = _user(request)
    may_plan = access.plans_visits(user, year.school)
    may_change = access.creates_years_at(user, year.school)
    context = {
        "year": year,
        "plan": year.plan,  # type: ignore[attr-defined]
        "may_plan": may_plan,
        "may_change": may_change,
        "add_form": forms.get("add_form") or VisitAddForm(),
        "update_form": forms.get("update_form")
        or YearUpdateForm(
            school=year.school,
            initial={"frequency": year.frequency, "supervisors": list(year.supervisors.all())},
        ),
        "today": _today(),
    }
    return render(request, "supervision/year_detail.html", context)


@login_required
def year_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    return _render_year(request, _year_or_404(_user(request), public_id))


@login_required
@require_POST
def year_update(request: HttpRequest, public_id: Any) -> HttpResponse:
    user = _user(request)
    year = _year_or_404(user, public_id)
    form = YearUpdateForm(request.POST, school=year.school)
    if form.is_valid():
        try:
            services.year_update(
                actor=user,
                year=year,
                supervisors=form.cleaned_data["supervisors"],
                frequency=form.cleaned_data["frequency"],
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(request, _("The supervision year was saved."))
            return redirect("supervision:year_detail", public_id=year.public_id)
    return _render_year(request, year, update_form=form)


@login_required
@require_POST
def visit_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    user = _user(request)
    year = _year_or_404(user, public_id)
    form = VisitAddForm(request.POST)
    if form.is_valid():
        try:
            visit = services.visit_add(
                actor=user, year=year, planned_on=form.cleaned_data["planned_on"]
            )
        except ValidationError as error:
            _apply_errors(form, error)
        else:
            messages.success(
                request,
                _("A visit on %(date)s was added to the plan.")
                % {"date": formats.date_format(visit.planned_on, "j E Y")},
            )
            return redirect("supervision:year_detail", public_id=year.public_id)
    return _render_year(request, year, add_form=form)


# --- A visit --------------------------------------------------------------------------------


def _render_visit(
    request: HttpRequest, visit: Visit, *, status: int = 200, **forms: Any
) -> HttpResponse:
    user = _user(request)
    mine = access.capacities(user, visit.school)
    recording = visit.state == State.IN_PROGRESS and access.SUPERVISOR in mine
    to_review = list(selectors.action_points_to_review(visit))
    observations = list(visit.observations.all())
    shows_record = (
        visit.state in SUBMITTED_STATES
        or access.SUPERVISOR in mine
        or (visit.state == State.IN_PROGRESS and bool(mine & {access.COORDINATOR, access.NATIONAL}))
    )
    review_forms = []
    for point in to_review:
        review = point.reviews_here[0] if point.reviews_here else None  # type: ignore[attr-defined]
        bound = forms.get("review_forms", {}).get(point.pk)
        form = bound or ReviewForm(
            prefix=f"review-{point.public_id}",
            initial={
                "outcome": review.outcome if review else "",
                "note": review.note if review else "",
                "new_due_on": review.new_due_on if review else None,
            },
        )
        review_forms.append((point, review, form))
    moves = {move.action: move for _target, move in services.moves_for(user, visit)}
    context = {
        "visit": visit,
        "capacities": mine,
        "recording": recording,
        "shows_record": shows_record,
        "observations": observations,
        "review_forms": review_forms,
        "unreviewed": sum(1 for point, review, _f in review_forms if review is None),
        "moves": moves,
        "history": selectors.visit_history(visit),
        "today": _today(),
        "notes_form": forms.get("notes_form")
        or NotesForm(prefix="notes", initial={"notes": visit.notes}),
        "attachment_form": forms.get("attachment_form")
        or AttachmentForm(prefix="attachment", observations=observations),
        "action_point_form": forms.get("action_point_form")
        or ActionPointForm(prefix="ap", school=visit.school),
        "miss_form": forms.get("miss_form") or ReasonForm(prefix="miss"),
        "return_form": forms.get("return_form") or ReasonForm(prefix="return"),
        "reschedule_form": forms.get("reschedule_form") or RescheduleForm(prefix="reschedule"),
        "sign_off_form": forms.get("sign_off_form") or SignOffForm(prefix="signoff"),
        "submit_errors": forms.get("submit_errors"),
        # The id this page gives a submission, so that one sent twice (a queued one, a
        # double click) is made once.
        "move_client_id": uuid.uuid4(),
        "failed_action": forms.get("failed_action", ""),
    }
    return render(request, "supervision/visit_detail.html", context, status=status)


@login_required
@keeps_messages_for_device
def visit_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    return _render_visit(request, _visit_or_404(_user(request), public_id))


TRANSITION_ACTIONS = ("start", "miss", "reschedule", "submit", "acknowledge", "return", "close")


def _client_id(request: HttpRequest) -> uuid.UUID | None:
    """The id the device gave this move, if it sent a valid one."""
    try:
        return uuid.UUID(request.POST.get("client_id", ""))
    except ValueError:
        return None


@login_required
@require_POST
@offline_sync
def visit_transition(request: HttpRequest, public_id: Any, action: str) -> HttpResponse:
    user = _user(request)
    visit = _visit_or_404(user, public_id)
    if action not in TRANSITION_ACTIONS:
        raise Http404
    sync = _wants_sync(request)
    target = services.target_for(visit.state, action) or services.ACTION_TARGETS[action]
    form: Any = None
    kwargs: dict[str, Any] = {}
    form_name = ""
    if action == "reschedule":
        form = RescheduleForm(request.POST, prefix="reschedule")
        form_name = "reschedule_form"
    elif action in ("miss", "return"):
        form = ReasonForm(request.POST, prefix=action)
        form_name = f"{action}_form"
    elif action == "acknowledge":
        form = SignOffForm(request.POST, prefix="signoff")
        form_name = "sign_off_form"
    if form is not None and not form.is_valid():
        if sync:
            return _sync_refused(_form_errors(form))
        return _render_visit(request, visit, failed_action=action, **{form_name: form})
    if form is not None:
        kwargs["reason"] = form.cleaned_data.get("reason", "")
        kwargs["new_date"] = form.cleaned_data.get("new_date")
    client_id = _client_id(request)
    if sync and client_id is None:
        return _sync_refused([_("Open the visit again and repeat this step.")])
    try:
        services.visit_transition(
            actor=user, visit=visit, to_state=target, action=action, client_id=client_id, **kwargs
        )
    except ValidationError as error:
        if sync:
            return _sync_refused(error.messages)
        if form is not None:
            _apply_errors(form, error)
            return _render_visit(request, visit, failed_action=action, **{form_name: form})
        return _render_visit(
            request, visit, failed_action=action, submit_errors=error.messages, status=200
        )
    done = {
        "start": _("Recording started. Everything you save stays with this visit."),
        "miss": _("The visit was marked as missed."),
        "reschedule": _("The visit was moved; the new date is in the plan."),
        "submit": _("The visit was submitted. The school's leaders were sent the report."),
        "acknowledge": _("You signed off the visit."),
        "return": _("The visit was returned for correction."),
        "close": _("The visit was closed."),
    }
    if sync:
        return _sync_saved()
    messages.success(request, done[action])
    if action == "reschedule":
        visit.refresh_from_db()
        moved = Visit.objects.filter(rescheduled_from=visit).first()
        if moved is not None:
            return redirect("supervision:visit_detail", public_id=moved.public_id)
    return redirect("supervision:visit_detail", public_id=visit.public_id)


@login_required
@require_POST
@offline_sync
def visit_notes(request: HttpRequest, public_id: Any) -> HttpResponse:
    user = _user(request)
    visit = _visit_or_404(user, public_id)
    form = NotesForm(request.POST, prefix="notes")
    if form.is_valid():
        try:
            saved = services.visit_update_notes(
                actor=user, visit=visit, notes=form.cleaned_data["notes"]
            )
        except ValidationError as error:
            if _wants_json(request):
                return _error_json(error)
            _apply_errors(form, error)
        else:
            if _wants_json(request):
                return _saved_json(saved.updated_at)
            messages.success(request, _("The notes were saved."))
            return redirect(reverse("supervision:visit_detail", args=[visit.public_id]) + "#notes")
    elif _wants_sync(request):
        return _sync_refused(_form_errors(form))
    elif _wants_json(request):
        return JsonResponse({"saved": False, "errors": form.errors.get_json_data()}, status=400)
    return _render_visit(request, visit, notes_form=form)


# --- Observations ---------------------------------------------------------------------------


def _observation_form_page(
    request: HttpRequest,
    visit: Visit,
    *,
    rubric: Rubric | None,
    observation: Observation | None,
) -> HttpResponse:
    user = _user(request)
    shown_with: RubricVersion | None = None
    if observation is not None:
        version = observation.rubric_version
    elif rubric is not None:
        # The version the form was shown with, perhaps offline before a newer one came.
        shown = _int(request.POST.get("rubric_version"))
        if shown is not None:
            shown_with = rubric.versions.filter(pk=shown).first()
        latest = shown_with or rubric.versions.order_by("-number").first()
        if latest is None or (shown_with is None and latest.content != rubric.snapshot()):
            latest = services.rubric_publish(actor=None, rubric=rubric)
        version = latest
    else:
        raise Http404
    memberships = services.staff_memberships(visit.school)
    initial = ObservationForm.initial_for(observation) if observation else {}
    form = ObservationForm(
        request.POST or None, version=version, memberships=memberships, initial=initial
    )
    if request.method == "POST":
        sync = _wants_sync(request)
        autosave = _wants_json(request) and not sync
        complete: bool | None = "save_draft" not in request.POST
        if autosave:
            complete = None  # the service keeps a complete observation complete
        if form.is_valid():
            person, role = form.cleaned_data["observed"]
            try:
                saved = services.observation_save(
                    actor=user,
                    visit=visit,
                    client_id=form.cleaned_data["client_id"],
                    observed_person=person,
                    observed_role=role,
                    rubric=rubric,
                    version=shown_with,
                    scores=form.scores(),
                    evidence=form.cleaned_data["evidence"],
                    strengths=form.cleaned_data["strengths"],
                    next_steps=form.cleaned_data["next_steps"],
                    complete=complete,
                )
            except ValidationError as error:
                if sync:
                    return _sync_refused(error.messages)
                if autosave:
                    return _error_json(error)
                _apply_errors(form, error)
            else:
                if sync:
                    return _sync_saved()
                if autosave:
                    response = _saved_json(saved.updated_at)
                    response["X-Edit-Url"] = reverse(
                        "supervision:observation_edit", args=[saved.public_id]
                    )
                    return response
                if saved.is_complete:
                    messages.success(
                        request,
                        _("The observation of %(person)s was saved.")
                        % {"person": saved.observed_person},
                    )
                else:
                    messages.success(
                        request,
                        _(
                            "The draft observation of %(person)s was saved. Complete it before "
                            "submitting the visit."
                        )
                        % {"person": saved.observed_person},
                    )
                return redirect(
                    reverse("supervision:visit_detail", args=[visit.public_id]) + "#observations"
                )
        elif sync:
            return _sync_refused(_form_errors(form))
        elif autosave:
            return JsonResponse({"saved": False, "errors": form.errors.get_json_data()}, status=400)
    return render(
        request,
        "supervision/observation_form.html",
        {
            "visit": visit,
            "form": form,
            "version": version,
            "observation": observation,
            "rubric": rubric,
        },
    )


def _check_recording(user: User, visit: Visit) -> None:
    if access.SUPERVISOR not in access.capacities(user, visit.school):
        raise PermissionDenied(
            _("Only a supervisor of %(school)s can record this visit.") % {"school": visit.school}
        )
    if visit.state != State.IN_PROGRESS:
        raise PermissionDenied(
            _("This visit is “%(state)s”: it can be changed only while it is being recorded.")
            % {"state": visit.get_state_display()}
        )


def _int(value: Any) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@login_required
@offline_sync
@keeps_messages_for_device
def observation_create(request: HttpRequest, public_id: Any) -> HttpResponse:
    user = _user(request)
    visit = _visit_or_404(user, public_id)
    _check_recording(user, visit)
    choice = RubricChoiceForm(request.GET or None)
    if not choice.is_bound or not choice.is_valid():
        return render(
            request, "supervision/observation_start.html", {"visit": visit, "form": choice}
        )
    return _observation_form_page(
        request, visit, rubric=choice.cleaned_data["rubric"], observation=None
    )


def _observation_or_404(user: User, public_id: Any) -> Observation:
    observation = selectors.observation_detail_for(user=user, public_id=public_id)
    if observation is None:
        raise Http404
    return observation


@login_required
def observation_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    user = _user(request)
    observation = _observation_or_404(user, public_id)
    scores = {s.indicator_key: s.score for s in observation.scores.all()}
    visit = observation.visit
    return render(
        request,
        "supervision/observation_detail.html",
        {
            "observation": observation,
            "visit": visit,
            "domains": observation.rubric_version.domains_for_display(scores),
            "sees_visit": access.sees_school(user, visit.school),
            "may_edit": visit.state == State.IN_PROGRESS
            and access.SUPERVISOR in access.capacities(user, visit.school),
            "attachments": list(observation.attachments.all()),
        },
    )


@login_required
@offline_sync
@keeps_messages_for_device
def observation_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    user = _user(request)
    observation = _observation_or_404(user, public_id)
    visit = _visit_or_404(user, observation.visit.public_id)
    _check_recording(user, visit)
    return _observation_form_page(request, visit, rubric=None, observation=observation)


@login_required
@require_POST
def observation_delete(request: HttpRequest, public_id: Any) -> HttpResponse:
    user = _user(request)
    observation = _observation_or_404(user, public_id)
    visit = observation.visit
    services.observation_delete(actor=user, observation=observation)
    messages.success(request, _("The observation was deleted."))
    return redirect(reverse("supervision:visit_detail", args=[visit.public_id]) + "#observations")


# --- Attachments ----------------------------------------------------------------------------


@login_required
@require_POST
@offline_sync
def attachment_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    user = _user(request)
    visit = _visit_or_404(user, public_id)
    observations = list(visit.observations.all())
    form = AttachmentForm(
        request.POST, request.FILES, prefix="attachment", observations=observations
    )
    if form.is_valid():
        try:
            attachment = services.attachment_add(
                actor=user,
                visit=visit,
                client_id=form.cleaned_data["client_id"],
                upload=form.cleaned_data["file"],
                caption=form.cleaned_data["caption"],
                observation=form.cleaned_data["observation"],
            )
        except ValidationError as error:
            if _wants_sync(request):
                return _sync_refused(error.messages)
            _apply_errors(form, error)
        else:
            if _wants_sync(request):
                return _sync_saved()
            messages.success(
                request, _("“%(name)s” was attached.") % {"name": attachment.original_name}
            )
            return redirect(
                reverse("supervision:visit_detail", args=[visit.public_id]) + "#attachments"
            )
    elif _wants_sync(request):
        return _sync_refused(_form_errors(form))
    return _render_visit(request, visit, attachment_form=form)


def _attachment_or_404(user: User, public_id: Any) -> Attachment:
    attachment = selectors.attachment_for(user=user, public_id=public_id)
    if attachment is None:
        raise Http404
    return attachment


@login_required
def attachment_download(request: HttpRequest, public_id: Any) -> FileResponse:
    attachment = _attachment_or_404(_user(request), public_id)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        content_type=attachment.content_type,
        as_attachment=attachment.kind == Attachment.Kind.DOCUMENT,
        filename=attachment.original_name,
    )
    response["Cache-Control"] = "private, max-age=3600"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response


@login_required
@require_POST
def attachment_delete(request: HttpRequest, public_id: Any) -> HttpResponse:
    user = _user(request)
    attachment = _attachment_or_404(user, public_id)
    visit = attachment.visit
    services.attachment_delete(actor=user, attachment=attachment)
    messages.success(request, _("The attachment was removed."))
    return redirect(reverse("supervision:visit_detail", args=[visit.public_id]) + "#attachments")


# --- Action points --------------------------------------------------------------------------


@login_required
@require_POST
@offline_sync
def action_point_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    user = _user(request)
    visit = _visit_or_404(user, public_id)
    form = ActionPointForm(request.POST, prefix="ap", school=visit.school)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.action_point_save(
                actor=user,
                visit=visit,
                client_id=data["client_id"],
                description=data["description"],
                owner=data["owner"],
                due_on=data["due_on"],
            )
        except ValidationError as error:
            if _wants_sync(request):
                return _sync_refused(error.messages)
            _apply_errors(form, error)
        else:
            if _wants_sync(request):
                return _sync_saved()
            messages.success(request, _("The action point was saved."))
            return redirect(
                reverse("supervision:visit_detail", args=[visit.public_id]) + "#action-points"
            )
    elif _wants_sync(request):
        return _sync_refused(_form_errors(form))
    return _render_visit(request, visit, action_point_form=form)


def _action_point_or_404(user: User, public_id: Any) -> ActionPoint:
    point = (
        selectors.action_point_list_for(user=user, today=_today())
        .filter(public_id=public_id)
        .first()
    )
    if point is None:
        raise Http404
    return point


@login_required
@offline_sync
def action_point_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    user = _user(request)
    point = _action_point_or_404(user, public_id)
    visit = _visit_or_404(user, point.visit.public_id)
    _check_recording(user, visit)
    form = ActionPointForm(
        request.POST or None, school=visit.school, initial=ActionPointForm.initial_for(point)
    )
    sync = request.method == "POST" and _wants_sync(request)
    if sync and not form.is_valid():
        return _sync_refused(_form_errors(form))
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            services.action_point_save(
                actor=user,
                visit=visit,
                client_id=point.client_id,
                description=data["description"],
                owner=data["owner"],
                due_on=data["due_on"],
            )
        except ValidationError as error:
            if sync:
                return _sync_refused(error.messages)
            _apply_errors(form, error)
        else:
            if sync:
                return _sync_saved()
            messages.success(request, _("The action point was saved."))
            return redirect(
                reverse("supervision:visit_detail", args=[visit.public_id]) + "#action-points"
            )
    return render(
        request,
        "supervision/action_point_form.html",
        {"form": form, "point": point, "visit": visit},
    )


@login_required
@require_POST
def action_point_delete(request: HttpRequest, public_id: Any) -> HttpResponse:
    user = _user(request)
    point = _action_point_or_404(user, public_id)
    visit = point.visit
    services.action_point_delete(actor=user, action_point=point)
    messages.success(request, _("The action point was removed."))
    return redirect(reverse("supervision:visit_detail", args=[visit.public_id]) + "#action-points")


@login_required
@require_POST
@offline_sync
def action_point_review(request: HttpRequest, public_id: Any, point_id: Any) -> HttpResponse:
    user = _user(request)
    visit = _visit_or_404(user, public_id)
    point = get_object_or_404(selectors.action_points_to_review(visit), public_id=point_id)
    form = ReviewForm(request.POST, prefix=f"review-{point.public_id}")
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.action_point_review(
                actor=user,
                visit=visit,
                action_point=point,
                outcome=data["outcome"],
                note=data["note"],
                new_due_on=data["new_due_on"],
            )
        except ValidationError as error:
            if _wants_sync(request):
                return _sync_refused(error.messages)
            _apply_errors(form, error)
        else:
            if _wants_sync(request):
                return _sync_saved()
            messages.success(request, _("The review was saved."))
            return redirect(reverse("supervision:visit_detail", args=[visit.public_id]) + "#review")
    elif _wants_sync(request):
        return _sync_refused(_form_errors(form))
    return _render_visit(request, visit, review_forms={point.pk: form})


@login_required
def action_point_list(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    today = _today()
    schools = access.supervision_schools(user).select_related("region")
    form = ActionPointFilterForm(request.GET or None, schools=schools)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    points = selectors.action_point_list_for(
        user=user,
        today=today,
        school=filters.get("school"),
        status=filters.get("status") or "",
        overdue_only=bool(filters.get("overdue")),
    )
    page = Paginator(points, ACTION_POINTS_PER_PAGE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "supervision/action_point_list.html",
        {
            "form": form,
            "page": page,
            "query": query.urlencode(),
            "today": today,
            "oversees": access.oversees_supervision(user),
        },
    )


# --- Coverage -------------------------------------------------------------------------------


@login_required
def coverage(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    scope = scoping.scope_for(user)
    if not (scope.is_national or scope.coordinated_region_ids):
        raise PermissionDenied(_("Coverage is for regional coordinators and programme managers."))
    today = _today()
    current = selectors.academic_year_start(today).year
    known = set(
        SupervisionYear.objects.filter(access.school_condition(user)).values_list(
            "starts_on__year", flat=True
        )
    )
    years = sorted(known | {current}, reverse=True)
    regions = (
        scoping.visible_regions(user)
        .filter(schools__in=access.supervision_schools(user))
        .distinct()
    )
    form = CoverageFilterForm(request.GET or None, years=years, regions=regions)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    start = date(filters.get("year") or current, 9, 1)
    result = selectors.coverage_for(
        user=user, starts_on=start, today=today, region=filters.get("region")
    )
    return render(
        request,
        "supervision/coverage.html",
        {
            "form": form,
            "coverage": result,
            "academic_year": f"{start.year}–{start.year + 1}",
            "today": today,
        },
    )


# --- One person's practice ------------------------------------------------------------------


def _practice(request: HttpRequest, person: User) -> HttpResponse:
    user = _user(request)
    today = _today()
    practice = selectors.practice_for(user=user, person=person, today=today)
    return render(
        request,
        "supervision/practice.html",
        {"practice": practice, "is_self": person.pk == user.pk, "today": today},
    )


@login_required
def practice_mine(request: HttpRequest) -> HttpResponse:
    return _practice(request, _user(request))


@login_required
def practice_person(request: HttpRequest, public_id: Any) -> HttpResponse:
    user = _user(request)
    if not access.oversees_supervision(user):
        raise Http404
    person = scoping.visible_people(user).filter(public_id=public_id).first()
    if person is None:
        raise Http404
    schools = access.supervision_schools(user)
    works_there = person.memberships.current().filter(school__in=schools)
    if person.pk != user.pk and not works_there.exists():
        raise Http404
    return _practice(request, person)


# --- Report ---------------------------------------------------------------------------------


@login_required
def visit_report(request: HttpRequest, public_id: Any) -> HttpResponse:
    user = _user(request)
    visit = _visit_or_404(user, public_id)
    if visit.state not in SUBMITTED_STATES:
        messages.warning(request, _("The report is ready once the visit is submitted."))
        return redirect("supervision:visit_detail", public_id=visit.public_id)
    observations = [
        (
            observation,
            observation.rubric_version.domains_for_display(
                {s.indicator_key: s.score for s in observation.scores.all()}
            ),
        )
        for observation in visit.observations.all()
        if observation.is_complete
    ]
    html = render_to_string(
        "supervision/report/visit_report.html",
        {
            "visit": visit,
            "observations": observations,
            "reviews": list(selectors.action_points_to_review(visit)),
            "photos": _report_photos(visit),
            "generated_at": timezone.now(),
            "generated_by": user,
        },
        request=request,
    )
    pdf = render_pdf(html, pdf_tags=True)
    filename = f"visit-{visit.school.code}-{visit.planned_on.isoformat()}.pdf"
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Cache-Control"] = "private, no-store"
    return response


def _report_photos(visit: Visit) -> list[dict[str, str]]:
    """Photos as ``data:`` URLs, so the PDF renderer never reads private storage by URL."""
    import base64

    photos = []
    for attachment in visit.attachments.all():
        if attachment.kind != Attachment.Kind.PHOTO:
            continue
        try:
            with attachment.file.open("rb") as handle:
                data = base64.b64encode(handle.read()).decode()
        except FileNotFoundError:
            continue
        photos.append(
            {
                "src": f"data:{attachment.content_type};base64,{data}",
                "caption": attachment.caption or attachment.original_name,
            }
        )
    return photos


# --- Working offline ------------------------------------------------------------------------


@require_GET
def service_worker(request: HttpRequest) -> HttpResponse:
    """The service worker of this language's supervision pages.

    Served here rather than from ``/static/`` because a worker controls only the pages
    under its own path: at ``/<language>/supervision/sw.js`` it controls the supervision
    pages and nothing else. Its code is in ``static/js/offline-sw.js`` (and the device's
    store in ``static/js/offline-outbox.js``); this script names the addresses it needs.
    It holds no personal data, so it is served to anyone; ``no-cache`` makes the browser
    check it for updates at every visit.
    """
    scope = reverse("supervision:index")
    config = {
        "scope": scope,
        "language": translation.get_language(),
        "manifest": reverse("supervision:offline_manifest"),
        "fallback": reverse("supervision:offline"),
        "static": static(""),
    }
    body = (
        "// Qamqor LMS: the supervision pages' service worker. See supervision/offline.py.\n"
        f"self.QAMQOR_OFFLINE = {json.dumps(config)};\n"
        f"importScripts({json.dumps(static('js/offline-outbox.js'))}, "
        f"{json.dumps(static('js/offline-sw.js'))});\n"
    )
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = "no-cache"
    # Its own folder is already its widest scope; saying so keeps it so if the script moves.
    response["Service-Worker-Allowed"] = scope
    return response


@login_required
@require_GET
def offline_manifest(request: HttpRequest) -> JsonResponse:
    """What the signed-in supervisor's device keeps (``offline.manifest_for``), whose it
    is, and a CSRF token for sending what the device queued. Never cached."""
    user = _user(request)
    response = JsonResponse(
        {
            "user": str(user.public_id),
            "csrf": get_token(request),
            **offline.manifest_for(user=user, today=_today()),
        }
    )
    response["Cache-Control"] = "no-store"
    return response


@login_required
@keeps_messages_for_device
def offline_page(request: HttpRequest) -> HttpResponse:
    """Shown by the service worker, offline, for a page the device does not keep."""
    visits = selectors.offline_visits_for(user=_user(request), today=_today())
    return render(request, "supervision/offline.html", {"visits": visits})
