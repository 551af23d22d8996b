"""What a supervision view works on, found within the reader's scope: 404 outside it, and
403 where the reader sees the visit but may not record in it."""

from __future__ import annotations

from datetime import date
from typing import Any, TypeVar

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.utils import timezone
from django.utils.translation import gettext as _

from people.models import User

from .. import access, selectors
from ..models import ActionPoint, Attachment, Observation, SupervisionYear, Visit

T = TypeVar("T")


def user_of(request: HttpRequest) -> User:
    return request.user  # type: ignore[return-value]


def today() -> date:
    return timezone.localdate()


def _found(value: T | None) -> T:
    if value is None:
        raise Http404
    return value


def visit_or_404(user: User, public_id: Any) -> Visit:
    return _found(selectors.visit_detail_for(user=user, public_id=public_id))


def year_or_404(user: User, public_id: Any) -> SupervisionYear:
    return _found(selectors.year_detail_for(user=user, public_id=public_id))


def observation_or_404(user: User, public_id: Any) -> Observation:
    return _found(selectors.observation_detail_for(user=user, public_id=public_id))


def attachment_or_404(user: User, public_id: Any) -> Attachment:
    return _found(selectors.attachment_for(user=user, public_id=public_id))


def action_point_or_404(user: User, public_id: Any) -> ActionPoint:
    points = selectors.action_point_list_for(user=user, today=today())
    return _found(points.filter(public_id=public_id).first())


def check_recording(user: User, visit: Visit) -> None:
    """Refuse a form for recording unless ``user`` supervises the school and the visit is
    being recorded."""
    if access.SUPERVISOR not in access.capacities(user, visit.school):
        raise PermissionDenied(
            _("Only a supervisor of %(school)s can record this visit.") % {"school": visit.school}
        )
    if visit.state != Visit.State.IN_PROGRESS:
        raise PermissionDenied(
            _("This visit is “%(state)s”: it can be changed only while it is being recorded.")
            % {"state": visit.get_state_display()}
        )
