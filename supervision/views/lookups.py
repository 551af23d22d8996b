"""What a supervision view works on, found within the reader's scope: 404 outside it, and
403 where the reader sees the visit but may not record in it."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import Any, TypeVar

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from people.models import User

from .. import access, selectors
from ..models import ActionPoint, Attachment, Observation, SupervisionYear, Visit
from .replies import View, answers_queued, keeps_messages_for_device

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


def recording_visit_of(user: User, record: ActionPoint | Observation) -> Visit:
    """The visit ``record`` belongs to, with everything its page shows, if ``user`` may
    record in it now; 404 or 403 otherwise."""
    visit = visit_or_404(user, record.visit.public_id)
    check_recording(user, visit)
    return visit


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


def on_visit(
    *,
    post: bool = False,
    queued: bool = False,
    keeps_messages: bool = False,
    recording: bool = False,
) -> Callable[[View], View]:
    """A view of one visit, called as ``view(request, visit, ...)`` with the visit found in
    the reader's scope from the address's ``public_id`` (404 outside it). Signed in only;
    ``post``: POST only; ``queued``: refusals of a queued submission in JSON
    (``replies.answers_queued``); ``keeps_messages``: a page the device keeps leaves the
    messages waiting; ``recording``: only a supervisor, only while it is being recorded."""

    def decorate(view: View) -> View:
        @wraps(view)
        def found(request: HttpRequest, public_id: Any, **kwargs: Any) -> HttpResponse:
            user = user_of(request)
            visit = visit_or_404(user, public_id)
            if recording:
                check_recording(user, visit)
            return view(request, visit, **kwargs)

        wrapped: View = keeps_messages_for_device(found) if keeps_messages else found
        wrapped = answers_queued(wrapped) if queued else wrapped
        wrapped = require_POST(wrapped) if post else wrapped
        return login_required(wrapped)

    return decorate
