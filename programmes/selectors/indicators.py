"""The indicators table: trained staff by role and supervision coverage, per region and
per school, that ministry and funder reports are made from (downloads and scheduled
reports share it)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from people.models import Region, User

from ..models import Programme
from .areas import AreaRow, region_rows, school_rows
from .scope import ROLES, Filters


def role_headers() -> list[str]:
    headers = []
    for role in ROLES:
        headers += [f"{role.label}: {_('staff')}", f"{role.label}: {_('trained')}"]
    return headers


def area_table(rows: list[AreaRow], first: str) -> tuple[list[str], list[list[Any]]]:
    headers = [
        first,
        _("Code"),
        _("Staff"),
        _("Trained"),
        _("Trained (%)"),
        _("Target"),
        *role_headers(),
        _("Visits done"),
        _("Visits planned so far"),
        _("Overdue action points"),
        _("Renewal due in 90 days"),
        _("Renewal overdue"),
    ]
    data = []
    for row in rows:
        by_role = []
        for role in ROLES:
            by_role += list(row.by_role.get(role.value, (0, 0)))
        data.append(
            [
                row.name,
                row.code,
                row.staff,
                row.trained,
                row.percent,
                row.target,
                *by_role,
                row.visits_done,
                row.visits_planned,
                row.overdue_actions,
                row.renewal_due,
                row.renewal_overdue,
            ]
        )
    return headers, data


def indicators_table(
    *, user: User, programme: Programme, region: Region | None = None
) -> tuple[list[str], list[list[Any]]]:
    """The regions in ``user``'s scope (or only ``region``), each followed by its schools.
    Headers are in the active language."""
    filters = Filters()
    regions = [
        row
        for row in region_rows(user, programme, filters)
        if region is None or row.key == region.pk
    ]
    headers, data = area_table(regions, _("Region or school"))
    for row in regions:
        region_obj = Region.objects.get(pk=row.key)
        _headers, school_data = area_table(school_rows(user, programme, region_obj, filters), "")
        data += [[f"  {cells[0]}", *cells[1:]] for cells in school_data]
    return headers, data
