"""A visit and its moves: the visit page, each move (start, miss, reschedule, submit, sign
off, return, close), the visit's notes, and its report as a PDF."""

from __future__ import annotations

import uuid
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from people.models import User

from .. import report, selectors, services
from ..forms import (
    ActionPointForm,
    AttachmentForm,
    NotesForm,
    ReasonForm,
    RescheduleForm,
    ReviewForm,
    SignOffForm,
)
from ..models import SUBMITTED_STATES, Visit
from ..selectors import double_coding as double_coding_selectors
from .lookups import on_visit, today, user_of
from .replies import (
    Channel,
    Saved,
    channel_of,
    save_and_reply,
)


def render_visit(
    request: HttpRequest, visit: Visit, *, status: int = 200, **forms: Any
) -> HttpResponse:
    """The visit page; ``forms`` are bound forms to show again with their errors."""
    page = selectors.visit_page_for(user=user_of(request), visit=visit)
    bound_reviews = forms.get("review_forms", {})
    review_forms = [
        (
            point,
            review,
            bound_reviews.get(point.pk)
            or ReviewForm(
                prefix=f"review-{point.public_id}",
                initial={
                    "outcome": review.outcome if review else "",
                    "note": review.note if review else "",
                    "new_due_on": review.new_due_on if review else None,
                },
            ),
        )
        for point, review in page.reviews
    ]
    context = {
        "visit": visit,
        "capacities": page.capacities,
        "recording": page.recording,
        "shows_record": page.shows_record,
        "observations": page.observations,
        "review_forms": review_forms,
        "unreviewed": page.unreviewed,
        "moves": page.moves,
        "history": page.history,
        "today": today(),
        "notes_form": forms.get("notes_form")
        or NotesForm(prefix="notes", initial={"notes": visit.notes}),
        "attachment_form": forms.get("attachment_form")
        or AttachmentForm(prefix="attachment", observations=page.observations),
        "action_point_form": forms.get("action_point_form")
        or ActionPointForm(prefix="ap", school=visit.school),
        "miss_form": forms.get("miss_form") or ReasonForm(prefix="miss"),
        "return_form": forms.get("return_form") or ReasonForm(prefix="return"),
        "reschedule_form": forms.get("reschedule_form") or RescheduleForm(prefix="reschedule"),
        "sign_off_form": forms.get("sign_off_form") or SignOffForm(prefix="signoff"),
        "submit_errors": forms.get("submit_errors"),
        # The id this page gives a submission, so that one sent twice (a queued one, a
        # double click) is made once.
        "move_client_id": uuid.uuid4(),
        "failed_action": forms.get("failed_action", ""),
        **_co_observation(user_of(request), visit),
    }
    return render(request, "supervision/visit_detail.html", context, status=status)


def _co_observation(user: User, visit: Visit) -> dict[str, Any]:
    """The visit's pair of observers for those who read it, and whether the lead's scores
    are hidden from the reader (a co-observer before both have submitted)."""
    coding = double_coding_selectors.double_coding_of(visit)
    if coding is None or not double_coding_selectors.reads_pair(user, coding):
        return {"double_coding": None, "hides_scores": False}
    return {
        "double_coding": coding,
        "hides_scores": double_coding_selectors.hides_lead_scores(user, visit),
    }


@on_visit(keeps_messages=True)
def visit_detail(request: HttpRequest, visit: Visit) -> HttpResponse:
    return render_visit(request, visit)


# Each move: the form it asks for (and its name on the visit page), and what it then says.
MOVE_FORMS: dict[str, tuple[type[forms.Form], str, str]] = {
    "reschedule": (RescheduleForm, "reschedule", "reschedule_form"),
    "miss": (ReasonForm, "miss", "miss_form"),
    "return": (ReasonForm, "return", "return_form"),
    "acknowledge": (SignOffForm, "signoff", "sign_off_form"),
}
MOVE_DONE = {
    "start": gettext_lazy("Recording started. Everything you save stays with this visit."),
    "miss": gettext_lazy("The visit was marked as missed."),
    "reschedule": gettext_lazy("The visit was moved; the new date is in the plan."),
    "submit": gettext_lazy("The visit was submitted. The school's leaders were sent the report."),
    "acknowledge": gettext_lazy("You signed off the visit."),
    "return": gettext_lazy("The visit was returned for correction."),
    "close": gettext_lazy("The visit was closed."),
}


def _client_id(request: HttpRequest) -> uuid.UUID | None:
    """The id the device gave this move, if it sent a valid one."""
    try:
        return uuid.UUID(request.POST.get("client_id", ""))
    except ValueError:
        return None


@on_visit(post=True, queued=True)
def visit_transition(request: HttpRequest, visit: Visit, action: str) -> HttpResponse:
    user = user_of(request)
    if action not in MOVE_DONE:
        raise Http404
    form_class, prefix, form_name = MOVE_FORMS.get(action, (forms.Form, "", ""))
    form = form_class(request.POST, prefix=prefix or None)

    def save() -> Saved:
        client_id = _client_id(request)
        if client_id is None and channel_of(request) is Channel.SYNC:
            raise ValidationError(_("Open the visit again and repeat this step."))
        moved = services.visit_transition(
            actor=user,
            visit=visit,
            action=action,
            reason=form.cleaned_data.get("reason", ""),
            new_date=form.cleaned_data.get("new_date"),
            client_id=client_id,
        )
        shown = moved.rescheduled_to if action == "reschedule" else moved
        return Saved(
            str(MOVE_DONE[action]), reverse("supervision:visit_detail", args=[shown.public_id])
        )

    def again() -> HttpResponse:
        if form_name:
            bound: dict[str, Any] = {form_name: form}
            return render_visit(request, visit, failed_action=action, **bound)
        return render_visit(
            request, visit, failed_action=action, submit_errors=form.non_field_errors()
        )

    return save_and_reply(request, form=form, save=save, again=again)


@on_visit(post=True, queued=True)
def visit_notes(request: HttpRequest, visit: Visit) -> HttpResponse:
    form = NotesForm(request.POST, prefix="notes")

    def save() -> Saved:
        notes = form.cleaned_data["notes"]
        saved = services.visit_update_notes(actor=user_of(request), visit=visit, notes=notes)
        return Saved(
            _("The notes were saved."),
            reverse("supervision:visit_detail", args=[visit.public_id]) + "#notes",
            at=saved.updated_at,
        )

    return save_and_reply(
        request, form=form, save=save, again=lambda: render_visit(request, visit, notes_form=form)
    )


@on_visit()
def visit_report(request: HttpRequest, visit: Visit) -> HttpResponse:
    double_coding_selectors.check_lead_scores_shown(user_of(request), visit)
    if visit.state not in SUBMITTED_STATES:
        messages.warning(request, _("The report is ready once the visit is submitted."))
        return redirect("supervision:visit_detail", public_id=visit.public_id)
    pdf = report.visit_report_pdf(visit=visit, reader=user_of(request), request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{report.filename(visit)}"'
    response["Cache-Control"] = "private, no-store"
    return response
