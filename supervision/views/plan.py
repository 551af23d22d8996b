"""Plan and caseload: the supervision entry page, a supervisor's caseload, the schools and
their years, opening and changing a year, and adding a visit to its plan."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from people import scoping
from people.roles import LEARNER_ROLES

from .. import access, selectors, services
from ..forms import VisitAddForm, YearForm, YearUpdateForm
from ..models import SupervisionYear
from .lookups import today, user_of, year_or_404
from .replies import Saved, keeps_messages_for_device, save_and_reply


@login_required
def index(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
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
    user = user_of(request)
    if not scoping.scope_for(user).supervised_school_ids:
        raise PermissionDenied(_("Only supervisors have a caseload of visits."))
    day = today()
    return render(
        request,
        "supervision/caseload.html",
        {"caseload": selectors.caseload_for(user=user, today=day), "today": day},
    )


@login_required
def school_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    if not access.oversees_supervision(user):
        raise PermissionDenied(_("Your roles do not include following schools' supervision."))
    day = today()
    start = selectors.academic_year_start(day)
    return render(
        request,
        "supervision/school_list.html",
        {
            "rows": selectors.school_rows_for(user=user, today=day),
            "academic_year": selectors.academic_year_label(start),
            "may_open": access.creates_years(user),
            "start": start,
            "today": day,
        },
    )


@login_required
def year_create(request: HttpRequest, school_code: str) -> HttpResponse:
    user = user_of(request)
    school = get_object_or_404(access.supervision_schools(user), code=school_code)
    if not access.creates_years_at(user, school):
        raise PermissionDenied(
            _("Only the regional coordinator or a programme manager can open a supervision year.")
        )
    start = selectors.academic_year_start(today())
    form = YearForm(
        request.POST or None,
        school=school,
        initial={
            "starts_on": start,
            "ends_on": date(start.year + 1, 5, 31),
            "first_visit_on": date(start.year, 9, 15),
        },
    )

    def again() -> HttpResponse:
        return render(request, "supervision/year_form.html", {"form": form, "school": school})

    def save() -> Saved:
        data = form.cleaned_data
        year = services.year_create(
            actor=user,
            school=school,
            starts_on=data["starts_on"],
            ends_on=data["ends_on"],
            first_visit_on=data["first_visit_on"],
            frequency=data["frequency"],
            supervisors=data["supervisors"],
        )
        return Saved(
            _("The supervision year was opened with %(count)s planned visits.")
            % {"count": year.visits.count()},
            reverse("supervision:year_detail", args=[year.public_id]),
        )

    if request.method != "POST":
        return again()
    return save_and_reply(request, form=form, save=save, again=again)


def _render_year(request: HttpRequest, year: SupervisionYear, **forms: Any) -> HttpResponse:
    user = user_of(request)
    context = {
        "year": year,
        "plan": year.plan,  # type: ignore[attr-defined]
        "may_plan": access.plans_visits(user, year.school),
        "may_change": access.creates_years_at(user, year.school),
        "add_form": forms.get("add_form") or VisitAddForm(),
        "update_form": forms.get("update_form")
        or YearUpdateForm(
            school=year.school,
            initial={"frequency": year.frequency, "supervisors": list(year.supervisors.all())},
        ),
        "today": today(),
    }
    return render(request, "supervision/year_detail.html", context)


@login_required
def year_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    return _render_year(request, year_or_404(user_of(request), public_id))


@login_required
@require_POST
def year_update(request: HttpRequest, public_id: Any) -> HttpResponse:
    user = user_of(request)
    year = year_or_404(user, public_id)
    form = YearUpdateForm(request.POST, school=year.school)

    def save() -> Saved:
        data = form.cleaned_data
        services.year_update(
            actor=user, year=year, supervisors=data["supervisors"], frequency=data["frequency"]
        )
        return Saved(
            _("The supervision year was saved."),
            reverse("supervision:year_detail", args=[year.public_id]),
        )

    return save_and_reply(
        request, form=form, save=save, again=lambda: _render_year(request, year, update_form=form)
    )


@login_required
@require_POST
def visit_add(request: HttpRequest, public_id: Any) -> HttpResponse:
    user = user_of(request)
    year = year_or_404(user, public_id)
    form = VisitAddForm(request.POST)

    def save() -> Saved:
        visit = services.visit_add(
            actor=user, year=year, planned_on=form.cleaned_data["planned_on"]
        )
        return Saved(
            _("A visit on %(date)s was added to the plan.")
            % {"date": formats.date_format(visit.planned_on, "j E Y")},
            reverse("supervision:year_detail", args=[year.public_id]),
        )

    return save_and_reply(
        request, form=form, save=save, again=lambda: _render_year(request, year, add_form=form)
    )
