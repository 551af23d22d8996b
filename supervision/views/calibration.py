"""Calibration pages: the exercises open to a supervisor with their own history, scoring an
exercise, its result, the register of who is calibrated on what, and the agreement report.

Supervisors score and read their own attempts only; regional coordinators and national
staff read the register and the report for the supervisors in their scope.
"""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from people import scoping

from .. import services
from ..forms_calibration import CalibrationScoreForm, RegisterFilterForm
from ..models import CalibrationAttempt
from ..selectors import calibration as selectors
from ..selectors import double_coding as double_coding_selectors
from .agreement_export import agreement_export
from .lookups import today, user_of


def _supervisor_only(request: HttpRequest) -> None:
    if not scoping.scope_for(user_of(request)).supervised_school_ids:
        raise PermissionDenied(_("Calibration exercises are for supervisors."))


def _register_only(request: HttpRequest) -> None:
    if not selectors.reads_register(user_of(request)):
        raise PermissionDenied(
            _("The calibration register is for regional coordinators and programme managers.")
        )


@login_required
def calibration_index(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    is_supervisor = bool(scoping.scope_for(user).supervised_school_ids)
    return render(
        request,
        "supervision/calibration/index.html",
        {
            "is_supervisor": is_supervisor,
            "exercises": selectors.exercise_list_for(user=user) if is_supervisor else [],
            "history": selectors.history_for(user=user),
            "reads_register": selectors.reads_register(user),
            "today": today(),
        },
    )


@login_required
def calibration_take(request: HttpRequest, public_id: Any) -> HttpResponse:
    _supervisor_only(request)
    user = user_of(request)
    exercise = selectors.exercise_open_for(public_id=public_id)
    if exercise is None:
        raise Http404
    own = CalibrationAttempt.objects.filter(exercise=exercise, supervisor=user.pk).first()
    if own is not None and own.is_submitted:
        return redirect("supervision:calibration_result", public_id=own.public_id)
    version = exercise.rubric_version
    form = CalibrationScoreForm(request.POST or None, version=version)
    if request.method == "POST":
        try:
            attempt = services.attempt_start(actor=user, exercise=exercise)
            attempt = services.attempt_submit(
                actor=user, attempt=attempt, scores=form.scores(), today=today()
            )
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, errors in error.message_dict.items():
                    for text in errors:
                        form.add_error(field if field in form.fields else None, text)
            else:
                for text in error.messages:
                    form.add_error(None, text)
        else:
            if attempt.passed:
                messages.success(request, _("You are calibrated on this rubric."))
            return redirect("supervision:calibration_result", public_id=attempt.public_id)
    return render(
        request,
        "supervision/calibration/take.html",
        {"exercise": exercise, "version": version, "form": form},
        status=400 if form.errors else 200,
    )


@login_required
def calibration_result(request: HttpRequest, public_id: Any) -> HttpResponse:
    user = user_of(request)
    attempt = selectors.attempt_own_for(user=user, public_id=public_id)
    if attempt is None:
        raise Http404
    if not attempt.is_submitted:
        # The master codes stay hidden until the supervisor has scored the lesson.
        messages.info(
            request, _("The master codes are shown once you have submitted your own scores.")
        )
        return redirect("supervision:calibration_take", public_id=attempt.exercise.public_id)
    result = selectors.attempt_result_for(user=user, attempt=attempt)
    calibration = getattr(attempt, "calibration", None) if attempt.passed else None
    return render(
        request,
        "supervision/calibration/result.html",
        {"result": result, "attempt": attempt, "calibration": calibration},
    )


@login_required
def calibration_register(request: HttpRequest) -> HttpResponse:
    _register_only(request)
    user = user_of(request)
    form = RegisterFilterForm(request.GET or None)
    status = form.cleaned_data.get("status", "") if form.is_valid() else ""
    day = today()
    return render(
        request,
        "supervision/calibration/register.html",
        {"form": form, "rows": selectors.register_for(user=user, today=day, status=status)},
    )


@login_required
def agreement_report(request: HttpRequest) -> HttpResponse:
    _register_only(request)
    user = user_of(request)
    report = selectors.agreement_report_for(user=user)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        return agreement_export(report, user=user, fmt=export)
    pairs = double_coding_selectors.pair_report_for(user=user)
    return render(
        request, "supervision/calibration/agreement.html", {"report": report, "pairs": pairs}
    )
