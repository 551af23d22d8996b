"""The agreement report as a download: one row per group (rubric, domain, supervisor,
region, month), after a title and the scope it covers."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.utils.translation import gettext as _

from core.exports import table_response
from people import scoping
from people.models import Region, User

from ..selectors.calibration import AgreementReport


def agreement_scope(user: User) -> tuple[str, str]:
    """(what the report covers, as read, and as a file name part)."""
    scope = scoping.scope_for(user)
    if scope.is_national:
        return _("All regions"), "all-regions"
    regions = list(Region.objects.filter(pk__in=scope.coordinated_region_ids).order_by("code"))
    return ", ".join(r.name for r in regions), "-".join(r.code for r in regions)


def agreement_rows(report: AgreementReport) -> list[tuple[str, list[tuple[Any, Any]]]]:
    return [
        (_("Rubric"), list(report.overall.items())),
        (_("Domain"), report.domain_rows),
        (_("Supervisor"), list(report.supervisors)),
        (_("Region"), list(report.regions)),
        (_("Month"), list(report.months)),
    ]


def agreement_export(report: AgreementReport, *, user: User, fmt: str) -> HttpResponse:
    covers, slug = agreement_scope(user)
    header = [
        _("Grouped by"),
        _("Group"),
        _("Scores compared"),
        _("Exact agreement (%)"),
        _("Within one level (%)"),
        _("Kappa"),
        _("Largest gap"),
    ]
    rows: list[list[Any]] = [[_("Covers"), covers], [], header]
    for grouping, groups in agreement_rows(report):
        for name, tally in groups:
            kappa = tally.kappa
            rows.append(
                [
                    grouping,
                    str(name),
                    tally.pairs,
                    tally.exact_share,
                    tally.adjacent_share,
                    None if kappa is None else round(kappa, 3),
                    tally.largest_gap,
                ]
            )
    return table_response(
        filename=f"agreement-{slug}",
        fmt=fmt,
        headers=[_("Agreement with the master codes")],
        rows=rows,
    )
