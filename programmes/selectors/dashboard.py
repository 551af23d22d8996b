"""The dashboard as a whole, its drill-down to people, and the staff list export."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.db.models import Q, QuerySet

from people import scoping
from people.models import RoleMembership, School, User
from people.roles import LEARNER_ROLES
from supervision.selectors.growth import Growth, growth_for

from ..imports import COLUMNS
from ..models import Programme, TrainedStatus
from .areas import AreaRow, TargetProgress, region_rows, target_progress
from .charts import Chart, funnel, trained_chart
from .scope import Filters, scoped_people, scoped_statuses


@dataclass
class Dashboard:
    programme: Programme
    targets: list[TargetProgress]
    regions: list[AreaRow]
    funnel: list[tuple[int, int]]
    chart: Chart
    filters: Filters
    growth: Growth


def counted_rows(user: User, programme: Programme, filters: Filters, **where: Any) -> QuerySet[Any]:
    """One row per person, or per role held when a role is chosen."""
    if filters.q():
        return scoped_statuses(user, programme).filter(filters.q(), **where)
    return scoped_people(user, programme).filter(**where)


def dashboard_for(*, user: User, programme: Programme, filters: Filters) -> Dashboard:
    statuses = counted_rows(user, programme, filters)
    targets = target_progress(user, programme, filters)
    main = next((t.target for t in targets if not (t.target.region_id or t.target.school_id)), None)
    main = main or (targets[0].target if targets else None)
    return Dashboard(
        programme=programme,
        targets=targets,
        regions=region_rows(user, programme, filters),
        funnel=funnel(statuses),
        chart=trained_chart(statuses, programme, main),
        filters=filters,
        growth=programme_growth(user, programme),
    )


def programme_growth(user: User, programme: Programme) -> Growth:
    """Growth of observed practice at the programme's schools the reader follows, over the
    programme's dates. The role and training-area filters are about training, not
    observations, so they leave it as it is."""
    return growth_for(
        user=user,
        starts_on=programme.starts_on,
        ends_before=programme.ends_on + timedelta(days=1),
        schools=programme.school_queryset(),
    )


def people_rows(
    user: User, programme: Programme, school: School, filters: Filters
) -> QuerySet[TrainedStatus]:
    """The people of one school with their stage in each role, for the last drill-down."""
    return (
        scoped_statuses(user, programme)
        .filter(filters.q(), school=school)
        .select_related("person", "training_area")
        .order_by("person__full_name", "role")
    )


def person_record(*, user: User, person: User) -> dict[str, Any]:
    """Everything about one person's training, for their record and its export."""
    from certificates import renewal_states
    from certificates.models import Certificate
    from courses.models import Enrolment

    return {
        "person": person,
        "statuses": list(
            TrainedStatus.objects.filter(person=person)
            .select_related("programme", "school", "region", "training_area")
            .order_by("programme", "role")
        ),
        "enrolments": list(
            Enrolment.objects.filter(person=person).select_related("course").order_by("enrolled_at")
        ),
        "certificates": renewal_states.annotate(
            list(
                Certificate.objects.filter(person=person)
                .select_related("course", "counts_for")
                .order_by("issued_at")
            )
        ),
    }


def staff_list_rows(user: User) -> list[list[str]]:
    """The learner roles ``user`` may change, one row per role held, in the staff import's
    columns: the file downloaded, corrected and uploaded again changes only what was
    corrected."""
    scope = scoping.scope_for(user)
    memberships = (
        RoleMembership.objects.current()
        .filter(role__in=LEARNER_ROLES, person__is_active=True, person__erased_at__isnull=True)
        .select_related("person", "school", "region", "training_area")
        .order_by("school__code", "region__code", "person__full_name", "person__email", "role")
    )
    if not scope.is_national:
        memberships = memberships.filter(
            Q(school_id__in=scoping.grantable_schools(user).values("pk"))
            | Q(region_id__in=scoping.grantable_regions(user).values("pk"))
        )
    rows = [list(COLUMNS)]
    for membership in memberships:
        if not scoping.can_change_membership(user, membership):
            continue
        person = membership.person
        rows.append(
            [
                person.email,
                person.full_name,
                person.full_name_alt,
                person.preferred_language,
                membership.role,
                membership.school.code if membership.school else "",
                membership.region.code if membership.region else "",
                membership.training_area.code if membership.training_area else "",
                membership.specialism or "",
            ]
        )
    return rows
