"""Scheduled reports a person may see and manage: national staff all of them; a regional
coordinator those for the regions they coordinate."""

from __future__ import annotations

from django.db.models import OuterRef, QuerySet, Subquery

from people import scoping
from people.models import Region, User

from ..models import Programme, ReportRun, ReportSubscription
from .scope import programme_list_for


def may_manage_reports(user: User, programme: Programme) -> bool:
    scope = scoping.scope_for(user)
    if not (scope.is_national or scope.coordinated_region_ids):
        return False
    return programme_list_for(user=user).filter(pk=programme.pk).exists()


def report_regions_for(*, user: User, programme: Programme) -> QuerySet[Region]:
    """The regions a subscription may be limited to."""
    scope = scoping.scope_for(user)
    regions = programme.regions.all()
    if scope.is_national:
        return regions.order_by("code")
    return regions.filter(pk__in=scope.coordinated_region_ids).order_by("code")


def may_subscribe_whole_programme(user: User) -> bool:
    return scoping.scope_for(user).is_national


def report_subscription_list_for(
    *, user: User, programme: Programme
) -> QuerySet[ReportSubscription]:
    """The programme's subscriptions in the person's scope, newest first, each with the
    time its last report went (``last_sent_at``)."""
    subscriptions = ReportSubscription.objects.filter(programme=programme)
    scope = scoping.scope_for(user)
    if not scope.is_national:
        subscriptions = subscriptions.filter(region_id__in=scope.coordinated_region_ids)
    last_sent = (
        ReportRun.objects.filter(subscription=OuterRef("pk"), sent_at__isnull=False)
        .order_by("-sent_at")
        .values("sent_at")[:1]
    )
    return (
        subscriptions.select_related("region", "created_by")
        .annotate(last_sent_at=Subquery(last_sent))
        .order_by("-active", "-created_at")
    )
