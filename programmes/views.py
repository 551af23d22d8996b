"""The dashboard and its drill-downs, exports, per-person records, and staff imports."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from certificates import renewal_states
from core.exports import ExportFilter, form_filters, table_response
from people import scoping
from people.models import Region, School, User
from supervision.selectors.growth import GROWTH_LEVELS, growth_table

from . import imports, selectors, services
from .forms import DashboardFilterForm, StaffImportForm
from .import_progress import import_progress
from .models import Programme, StaffImport, TrainedStatus

PEOPLE_PER_PAGE = 50


def _user(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def _programme(request: HttpRequest, code: str) -> Programme:
    if not selectors.may_see_dashboards(_user(request)):
        raise PermissionDenied(_("Your roles do not include the programme dashboard."))
    programme = selectors.programme_list_for(user=_user(request)).filter(code=code).first()
    if programme is None:
        raise Http404
    return programme


def _filters(request: HttpRequest) -> tuple[DashboardFilterForm, selectors.Filters]:
    form = DashboardFilterForm(request.GET or None)
    if form.is_bound and form.is_valid():
        area = form.cleaned_data.get("training_area")
        return form, selectors.Filters(
            form.cleaned_data.get("role") or "", area.pk if area else None
        )
    return form, selectors.Filters()


def _query(request: HttpRequest) -> str:
    query = request.GET.copy()
    for key in ("page", "export", "table"):
        query.pop(key, None)
    return query.urlencode()


_area_table = selectors.area_table


@login_required
def programme_index(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    if not selectors.may_see_dashboards(user):
        raise PermissionDenied(_("Your roles do not include the programme dashboard."))
    programmes = list(selectors.programme_list_for(user=user))
    if len(programmes) == 1:
        return redirect("programme_dashboard", code=programmes[0].code)
    return render(request, "programmes/index.html", {"programmes": programmes})


@login_required
def dashboard(request: HttpRequest, code: str) -> HttpResponse:
    user = _user(request)
    programme = _programme(request, code)
    form, filters = _filters(request)
    board = selectors.dashboard_for(user=user, programme=programme, filters=filters)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        return _dashboard_export(
            board, request.GET.get("table", "regions"), export, form_filters(form)
        )
    return render(
        request,
        "programmes/dashboard.html",
        {
            "board": board,
            "form": form,
            "query": _query(request),
            "stage_labels": dict(TrainedStatus.Stage.choices),
            "may_import": scoping.scope_for(user).may_grant_roles,
            "may_schedule_reports": selectors.may_manage_reports(user, programme),
        },
    )


def _dashboard_export(
    board: selectors.Dashboard, table: str, fmt: str, filters: list[ExportFilter]
) -> HttpResponse:
    name = board.programme.code
    level = table.removeprefix("growth-")
    if table.startswith("growth-") and level in GROWTH_LEVELS:
        programme = board.programme
        title, rows = growth_table(
            board.growth,
            level,
            filters=[
                (_("Programme"), programme.name),
                (_("From"), programme.starts_on.isoformat()),
                (_("To"), programme.ends_on.isoformat()),
            ],
        )
        return table_response(filename=f"{name}-{table}", fmt=fmt, headers=title, rows=rows)
    if table == "targets":
        headers = [
            _("Target"),
            _("By"),
            _("Target number"),
            _("Trained"),
            _("Expected by now"),
            _("Trained (%)"),
        ]
        rows = [
            [
                str(t.target),
                t.target.deadline,
                t.target.number,
                t.trained,
                t.expected_now,
                t.percent,
            ]
            for t in board.targets
        ]
    elif table == "funnel":
        labels = dict(TrainedStatus.Stage.choices)
        headers = [_("Stage"), _("People")]
        rows = [[str(labels[stage]), count] for stage, count in board.funnel]
    elif table == "chart":
        headers = [_("Week of"), _("Trained (cumulative)"), _("Target line")]
        rows = [list(row) for row in board.chart.rows]
    else:
        headers, rows = _area_table(board.regions, _("Region"))
    return table_response(
        filename=f"{name}-{table}", fmt=fmt, headers=headers, rows=rows, filters=filters
    )


@login_required
def region_detail(request: HttpRequest, code: str, region_code: str) -> HttpResponse:
    user = _user(request)
    programme = _programme(request, code)
    region = get_object_or_404(Region, code=region_code)
    if not scoping.can_see_region(user, region):
        raise Http404
    form, filters = _filters(request)
    rows = selectors.school_rows(user, programme, region, filters)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        headers, data = _area_table(rows, _("School"))
        return table_response(
            filename=f"{programme.code}-{region.code}",
            fmt=export,
            headers=headers,
            rows=data,
            filters=form_filters(form),
        )
    statuses = selectors.counted_rows(user, programme, filters, region=region)
    return render(
        request,
        "programmes/region.html",
        {
            "programme": programme,
            "region": region,
            "rows": rows,
            "form": form,
            "query": _query(request),
            "funnel": selectors.funnel(statuses),
            "stage_labels": dict(TrainedStatus.Stage.choices),
        },
    )


@login_required
def school_detail(request: HttpRequest, code: str, school_code: str) -> HttpResponse:
    user = _user(request)
    programme = _programme(request, code)
    school = get_object_or_404(School.objects.select_related("region"), code=school_code)
    if not scoping.can_see_school(user, school):
        raise Http404
    form, filters = _filters(request)
    statuses = selectors.people_rows(user, programme, school, filters)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        headers = [
            _("Name"),
            _("E-mail"),
            _("Role"),
            _("Training area"),
            _("Stage"),
            _("Certified courses"),
            _("Required courses"),
            _("Trained on"),
            _("Renewal"),
        ]
        states = renewal_states.states_by_person({s.person_id for s in statuses})
        data = [
            [
                s.person.full_name,
                s.person.email,
                s.get_role_display(),
                s.training_area or "",
                s.get_stage_display(),
                s.certified_courses,
                s.required_courses,
                s.trained_on,
                renewal_states.label(states.get(s.person_id, "")),
            ]
            for s in statuses
        ]
        return table_response(
            filename=f"{programme.code}-{school.code}",
            fmt=export,
            headers=headers,
            rows=data,
            filters=form_filters(form),
        )
    page = Paginator(statuses, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    states = renewal_states.states_by_person({s.person_id for s in page.object_list})
    for status in page.object_list:
        status.renewal_state = states.get(status.person_id, "")  # type: ignore[attr-defined]
    return render(
        request,
        "programmes/school.html",
        {
            "programme": programme,
            "school": school,
            "page": page,
            "form": form,
            "query": _query(request),
            "funnel": selectors.funnel(
                selectors.scoped_statuses(user, programme).filter(filters.q(), school=school)
            ),
            "stage_labels": dict(TrainedStatus.Stage.choices),
        },
    )


@login_required
def person_record(request: HttpRequest, public_id: str) -> HttpResponse:
    user = _user(request)
    person = scoping.visible_people(user).filter(public_id=public_id).first()
    if person is None:
        raise Http404
    record = selectors.person_record(user=user, person=person)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        headers = [_("Kind"), _("What"), _("Status"), _("Date"), _("Detail")]
        rows: list[list[Any]] = []
        for status in record["statuses"]:
            rows.append(
                [
                    _("Training status"),
                    f"{status.programme}: {status.get_role_display()}",
                    status.get_stage_display(),
                    status.trained_on,
                    status.school or status.region,
                ]
            )
        for enrolment in record["enrolments"]:
            rows.append(
                [
                    _("Course"),
                    enrolment.course.title,
                    enrolment.get_status_display(),
                    enrolment.completed_at or enrolment.enrolled_at,
                    f"{enrolment.percent}%",
                ]
            )
        for certificate in record["certificates"]:
            rows.append(
                [
                    _("Certificate"),
                    certificate.course_title,
                    certificate.get_status_display(),
                    certificate.issued_at,
                    certificate.code,
                ]
            )
        return table_response(
            filename=f"training-record-{person.public_id}", fmt=export, headers=headers, rows=rows
        )
    return render(request, "programmes/person.html", record)


@login_required
def indicators(request: HttpRequest, code: str) -> HttpResponse:
    """Trained staff by role and supervision coverage, per region and per school: the
    table ministry and funder reports are made from."""
    programme = _programme(request, code)
    headers, data = selectors.indicators_table(user=_user(request), programme=programme)
    fmt = request.GET.get("export", "xlsx")
    if fmt not in ("csv", "xlsx"):
        fmt = "xlsx"
    return table_response(
        filename=f"{programme.code}-indicators", fmt=fmt, headers=headers, rows=data
    )


# --- Staff import ----------------------------------------------------------------------------


def _require_import(user: User) -> None:
    if not scoping.scope_for(user).may_grant_roles:
        raise PermissionDenied(_("Your roles do not include adding people."))


@login_required
def import_new(request: HttpRequest) -> HttpResponse:
    user = _user(request)
    _require_import(user)
    programmes = selectors.programme_list_for(user=user)
    form = StaffImportForm(request.POST or None, request.FILES or None, programmes=programmes)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        staff_import = services.staff_import_create(
            actor=user,
            data=upload.read(),
            filename=upload.name,
            programme=form.cleaned_data.get("programme"),
        )
        return redirect("staff_import_detail", public_id=staff_import.public_id)
    recent = StaffImport.objects.filter(created_by=user)[:10]
    return render(request, "programmes/import_new.html", {"form": form, "recent": recent})


@login_required
def import_template(request: HttpRequest) -> HttpResponse:
    _require_import(_user(request))
    fmt = request.GET.get("format", "xlsx")
    rows = imports.template_rows()
    return table_response(
        filename="staff-import-template",
        fmt=fmt if fmt in ("csv", "xlsx") else "xlsx",
        headers=rows[0],
        rows=rows[1:],
    )


@login_required
def staff_list(request: HttpRequest) -> HttpResponse:
    """The staff the reader may change, in the import's columns, to correct and upload."""
    user = _user(request)
    _require_import(user)
    fmt = request.GET.get("format", "xlsx")
    rows = selectors.staff_list_rows(user)
    return table_response(
        filename="staff-list",
        fmt=fmt if fmt in ("csv", "xlsx") else "xlsx",
        headers=rows[0],
        rows=rows[1:],
    )


def _import_for(request: HttpRequest, public_id: str) -> StaffImport:
    user = _user(request)
    staff_import = get_object_or_404(
        StaffImport.objects.select_related("programme"), public_id=public_id
    )
    if staff_import.created_by_id != user.pk and not scoping.scope_for(user).is_national:
        raise Http404
    return staff_import


@login_required
def import_detail(request: HttpRequest, public_id: str) -> HttpResponse:
    staff_import = _import_for(request, public_id)
    progress = import_progress(staff_import)
    if request.GET.get("format") == "json":
        return JsonResponse({**progress, "label": _progress_label(progress)})
    # The problems of a file that failed the checks, or the people a done import invited.
    listed = (
        staff_import.summary.get("waiting", [])
        if staff_import.status == StaffImport.Status.DONE
        else staff_import.problems
    )
    problems = Paginator(listed, 100).get_page(request.GET.get("page"))
    return render(
        request,
        "programmes/import_detail.html",
        {"import": staff_import, "progress": progress, "page": problems, "query": ""},
    )


def _progress_label(progress: dict[str, Any]) -> str:
    """The line under the progress bar, as the page writes it."""
    numbers = {"done": progress["done"], "total": progress["total"]}
    if progress["status"] == StaffImport.Status.CHECKING:
        if not progress["total"]:
            return _("Reading the file…")
        return _("%(done)s of %(total)s rows checked") % numbers
    return _("%(done)s of %(total)s rows imported") % numbers


@login_required
@require_POST
def import_start(request: HttpRequest, public_id: str) -> HttpResponse:
    staff_import = _import_for(request, public_id)
    try:
        staff_import = services.staff_import_start(actor=_user(request), staff_import=staff_import)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        if staff_import.status == StaffImport.Status.DONE:
            messages.success(request, _("The staff list was imported."))
        elif staff_import.status == StaffImport.Status.FAILED:
            messages.error(request, staff_import.error)
    return redirect("staff_import_detail", public_id=staff_import.public_id)
