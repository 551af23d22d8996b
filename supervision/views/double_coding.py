"""Double-coded visits: the list of a reader's co-observed visits (with, for coordinators,
the share of their region's visits to co-observe and the picking of them), choosing or
changing a visit's co-observer, and a visit's pair page, where the co-observer scores the
sessions blind and where both observers and the coordinator read the pair's agreement."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from people import scoping
from people.models import Region, User

from .. import access, services
from ..forms_double_coding import CoObserverForm, CoScoreForm, PickForm, ShareForm
from ..models import DoubleCoding, Visit
from ..selectors import calibration as calibration_selectors
from ..selectors import double_coding as selectors
from .lookups import user_of


def _coordinated_regions(user: User) -> QuerySet[Region]:
    scope = scoping.scope_for(user)
    if scope.is_national:
        return Region.objects.order_by("name_en")
    return Region.objects.filter(pk__in=scope.coordinated_region_ids).order_by("name_en")


def _errors(error: ValidationError) -> list[str]:
    return [str(text) for text in error.messages]


@login_required
def double_coding_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    scope = scoping.scope_for(user)
    if not (scope.supervised_school_ids or calibration_selectors.reads_register(user)):
        raise PermissionDenied(_("Double-coded visits are for supervisors and coordinators."))
    regions = _coordinated_regions(user)
    if request.method == "POST":
        return _region_action(request, user, regions)
    codings = list(selectors.visible_double_codings(user).order_by("-visit__planned_on", "pk"))
    return render(
        request,
        "supervision/double_coding/list.html",
        {
            "codings": codings,
            "regions": [(region, selectors.share_for(region)) for region in regions],
            "share_form": ShareForm(regions=regions),
            "pick_form": PickForm(regions=regions),
        },
    )


def _region_action(request: HttpRequest, user: User, regions: QuerySet[Region]) -> HttpResponse:
    if not regions.exists():
        raise PermissionDenied(_("Only a regional coordinator or programme staff can do this."))
    action = request.POST.get("action")
    try:
        if action == "share":
            form = ShareForm(request.POST, regions=regions)
            if not form.is_valid():
                raise ValidationError([e for errs in form.errors.values() for e in errs])
            region = form.cleaned_data["region"]
            services.double_coding_share_set(
                actor=user, region=region, share=form.cleaned_data["share"]
            )
            messages.success(
                request,
                _("%(region)s: %(share)s%% of visits will be co-observed.")
                % {"region": region, "share": form.cleaned_data["share"]},
            )
        elif action == "pick":
            pick = PickForm(request.POST, regions=regions)
            if not pick.is_valid():
                raise ValidationError([e for errs in pick.errors.values() for e in errs])
            made = services.double_coding_pick(actor=user, region=pick.cleaned_data["region"])
            messages.success(
                request,
                ngettext(
                    "%(count)s visit was picked for co-observation.",
                    "%(count)s visits were picked for co-observation.",
                    len(made),
                )
                % {"count": len(made)},
            )
        else:
            raise ValidationError(_("Choose what to do."))
    except ValidationError as error:
        for text in _errors(error):
            messages.error(request, text)
    return redirect("supervision:double_coding_list")


def _visit_for_planner(user: User, public_id: Any) -> Visit:
    visit = (
        Visit.objects.select_related("school__region", "supervisor")
        .filter(public_id=public_id)
        .first()
    )
    if visit is None or not access.sees_school(user, visit.school):
        raise Http404
    if not access.capacities(user, visit.school) & {access.COORDINATOR, access.NATIONAL}:
        raise PermissionDenied(_("Only the coordinator of the school's region can do this."))
    return visit


@login_required
@require_POST
def double_coding_assign(request: HttpRequest, public_id: Any) -> HttpResponse:
    user = user_of(request)
    visit = _visit_for_planner(user, public_id)
    form = CoObserverForm(request.POST, supervisors=calibration_selectors.supervisors_for(user))
    if form.is_valid():
        try:
            services.double_coding_assign(
                actor=user, visit=visit, co_observer=form.cleaned_data["co_observer"]
            )
        except ValidationError as error:
            for text in _errors(error):
                messages.error(request, text)
        else:
            messages.success(
                request,
                _("%(person)s will co-observe this visit.")
                % {"person": form.cleaned_data["co_observer"]},
            )
    else:
        messages.error(request, _("Choose a supervisor of a school in your region."))
    return redirect("supervision:double_coding_visit", public_id=visit.public_id)


def _pair_or_404(user: User, public_id: Any) -> DoubleCoding:
    coding = (
        DoubleCoding.objects.select_related(
            "visit__school__region", "visit__supervisor", "co_observer"
        )
        .filter(visit__public_id=public_id)
        .first()
    )
    if coding is None or not selectors.reads_pair(user, coding):
        raise Http404
    return coding


@login_required
def double_coding_visit(request: HttpRequest, public_id: Any) -> HttpResponse:
    user = user_of(request)
    coding = _pair_or_404(user, public_id)
    visit = coding.visit
    scores_now = coding.co_observer_id == user.pk and coding.submitted_at is None
    observations = list(
        visit.observations.select_related("observed_person", "rubric_version").order_by(
            "created_at", "pk"
        )
    )
    data = request.POST if request.method == "POST" else None
    form = CoScoreForm(data, observations=observations) if scores_now else None
    if request.method == "POST":
        if form is None:
            raise PermissionDenied(_("Only the co-observer of this visit scores it here."))
        form.is_valid()  # the fields are optional: the service checks the scores
        try:
            services.double_coding_submit(actor=user, double_coding=coding, scores=form.scores())
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for field, texts in error.message_dict.items():
                    for text in texts:
                        form.add_error(field if field in form.fields else None, text)
            else:
                for text in error.messages:
                    form.add_error(None, text)
        else:
            messages.success(request, _("Your scores were submitted."))
            return redirect("supervision:double_coding_visit", public_id=visit.public_id)
    coordinates = bool(
        access.capacities(user, visit.school) & {access.COORDINATOR, access.NATIONAL}
    )
    assign_form = None
    if (
        coordinates
        and coding.submitted_at is None
        and visit.state
        in (
            Visit.State.PLANNED,
            Visit.State.IN_PROGRESS,
        )
    ):
        assign_form = CoObserverForm(
            initial={"co_observer": coding.co_observer_id},
            supervisors=calibration_selectors.supervisors_for(user).exclude(
                pk=visit.supervisor_id or 0
            ),
        )
    return render(
        request,
        "supervision/double_coding/visit.html",
        {
            "coding": coding,
            "visit": visit,
            "form": form,
            "assign_form": assign_form,
            "page": selectors.pair_page_for(user=user, double_coding=coding),
            "sees_visit": access.sees_school(user, visit.school),
        },
        status=400 if form is not None and form.errors else 200,
    )
