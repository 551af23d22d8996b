"""What a reader of the dashboards may see: the filters, and the programmes, statuses, people
and targets in their scope."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.db.models import Q, QuerySet
from django.utils import timezone

from people import scoping
from people.models import User
from people.roles import LEARNER_ROLES, Role

from ..models import Programme, ProgrammePerson, Target, TrainedStatus

ROLES = [role for role in Role if role in LEARNER_ROLES]
CERTIFIED = TrainedStatus.Stage.CERTIFIED
DONE_VISIT_STATES = ("submitted", "acknowledged", "closed")
COUNTED_VISIT_STATES = ("planned", "in_progress", "submitted", "acknowledged", "closed", "missed")


@dataclass(frozen=True)
class Filters:
    role: str = ""
    training_area_id: int | None = None

    def q(self) -> Q:
        condition = Q()
        if self.role:
            condition &= Q(role=self.role)
        if self.training_area_id:
            condition &= Q(training_area_id=self.training_area_id)
        return condition


def programme_list_for(*, user: User) -> QuerySet[Programme]:
    """Programmes whose figures the person may see: all for national roles; those that
    run in their region, or their schools, for coordinators, supervisors and leaders."""
    scope = scoping.scope_for(user)
    if scope.is_national:
        return Programme.objects.all()
    schools = scoping.visible_schools(user)
    if not (scope.coordinated_region_ids or scope.oversight_school_ids):
        return Programme.objects.none()
    return Programme.objects.filter(
        Q(regions__in=scope.coordinated_region_ids)
        | Q(regions__schools__in=schools.filter(id__in=scope.oversight_school_ids))
    ).distinct()


def may_see_dashboards(user: User) -> bool:
    scope = scoping.scope_for(user)
    return scope.is_national or bool(scope.coordinated_region_ids or scope.oversight_school_ids)


def _in_scope(user: User, rows: QuerySet[Any]) -> QuerySet[Any]:
    """The rows (each with a region and a school) of the places the reader oversees."""
    scope = scoping.scope_for(user)
    if scope.is_national:
        return rows
    return rows.filter(
        Q(region_id__in=scope.coordinated_region_ids) | Q(school_id__in=scope.oversight_school_ids)
    )


def scoped_statuses(user: User, programme: Programme) -> QuerySet[TrainedStatus]:
    """The programme's status rows the reader may count."""
    return _in_scope(user, TrainedStatus.objects.filter(programme=programme))


def scoped_people(user: User, programme: Programme) -> QuerySet[ProgrammePerson]:
    """The programme's people the reader may count, one row each."""
    return _in_scope(user, ProgrammePerson.objects.filter(programme=programme))


def scoped_targets(user: User, programme: Programme) -> list[Target]:
    scope = scoping.scope_for(user)
    targets = (
        Target.objects.filter(programme=programme)
        .select_related("region", "school", "training_area")
        .prefetch_related("milestones")
    )
    if not scope.is_national:
        targets = targets.filter(
            Q(region_id__in=scope.coordinated_region_ids)
            | Q(school_id__in=scope.oversight_school_ids)
            | Q(school__region_id__in=scope.coordinated_region_ids)
        )
    return list(targets)


def course_provider(language: str) -> str:
    """The course provider the running programme names in ``language`` (the programme
    running today, else the latest to start), "" when none names one."""
    today = timezone.localdate()
    programmes = Programme.objects.exclude(provider_kk="", provider_ru="", provider_en="")
    running = programmes.filter(starts_on__lte=today, ends_on__gte=today).first()
    programme = running or programmes.first()
    return "" if programme is None else programme.provider_in(language)
