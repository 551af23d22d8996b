"""Oversight: coverage across schools, the list of action points, and one person's observed
practice (one's own, or a member of staff's for those who follow their school)."""

from __future__ import annotations

from datetime import date
from typing import Any

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from core.exports import table_response
from people import scoping
from people.models import User

from .. import access, selectors
from ..forms import ActionPointFilterForm, CoverageFilterForm
from ..selectors import growth as growth_selectors
from .lookups import today, user_of

ACTION_POINTS_PER_PAGE = 50


@login_required
def coverage(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    scope = scoping.scope_for(user)
    if not (scope.is_national or scope.coordinated_region_ids):
        raise PermissionDenied(_("Coverage is for regional coordinators and programme managers."))
    day = today()
    years, regions = selectors.coverage_choices_for(user=user, today=day)
    form = CoverageFilterForm(request.GET or None, years=years, regions=regions)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    start = date(filters.get("year") or selectors.academic_year_start(day).year, 9, 1)
    region = filters.get("region")
    ends_before = date(start.year + 1, start.month, 1)
    growth = growth_selectors.growth_for(
        user=user, starts_on=start, ends_before=ends_before, region=region
    )
    label = selectors.academic_year_label(start)
    export = request.GET.get("export")
    level = request.GET.get("table", "growth-schools").removeprefix("growth-")
    if export in ("csv", "xlsx") and level in growth_selectors.GROWTH_LEVELS:
        headers, rows = growth_selectors.growth_table(
            growth,
            level,
            filters=[
                (_("School year"), label),
                (_("Region"), region.name if region else _("All regions")),
            ],
        )
        place = region.code if region else "all-regions"
        return table_response(
            filename=f"growth-{level}-{start.year}-{start.year + 1}-{place}",
            fmt=export,
            headers=headers,
            rows=rows,
        )
    result = selectors.coverage_for(user=user, starts_on=start, today=day, region=region)
    query = request.GET.copy()
    for key in ("export", "table"):
        query.pop(key, None)
    return render(
        request,
        "supervision/coverage.html",
        {
            "form": form,
            "coverage": result,
            "growth": growth,
            "query": query.urlencode(),
            "academic_year": label,
            "today": day,
        },
    )


@login_required
def action_point_list(request: HttpRequest) -> HttpResponse:
    user = user_of(request)
    day = today()
    schools = access.supervision_schools(user).select_related("region")
    form = ActionPointFilterForm(request.GET or None, schools=schools)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    points = selectors.action_point_list_for(
        user=user,
        today=day,
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
            "today": day,
            "oversees": access.oversees_supervision(user),
        },
    )


def _practice(request: HttpRequest, person: User) -> HttpResponse:
    user = user_of(request)
    day = today()
    practice = selectors.practice_for(user=user, person=person, today=day)
    return render(
        request,
        "supervision/practice.html",
        {"practice": practice, "is_self": person.pk == user.pk, "today": day},
    )


@login_required
def practice_mine(request: HttpRequest) -> HttpResponse:
    return _practice(request, user_of(request))


@login_required
def practice_person(request: HttpRequest, public_id: Any) -> HttpResponse:
    person = selectors.practice_person_for(user=user_of(request), public_id=public_id)
    if person is None:
        raise Http404
    return _practice(request, person)
