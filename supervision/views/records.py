"""Records of a visit being recorded: observations (the form, its autosave, the page of one
observation), attachments (add, download, remove) and action points (agree, correct,
remove, and review those of earlier visits)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from people.models import User

from .. import access, selectors, services
from ..forms import ActionPointForm, AttachmentForm, ObservationForm, ReviewForm, RubricChoiceForm
from ..models import Attachment, Observation, Rubric, Visit
from ..selectors import double_coding as double_coding_selectors
from .lookups import (
    action_point_or_404,
    attachment_or_404,
    observation_or_404,
    on_visit,
    recording_visit_of,
    user_of,
)
from .replies import (
    Channel,
    Saved,
    View,
    answers_queued,
    channel_of,
    keeps_messages_for_device,
    save_and_reply,
)
from .visits import render_visit


def _on_visit(visit: Visit, section: str) -> str:
    return reverse("supervision:visit_detail", args=[visit.public_id]) + f"#{section}"


# What each removal says, and the section of the visit page it goes back to.
REMOVED = {
    "observation": ("observations", gettext_lazy("The observation was deleted.")),
    "attachment": ("attachments", gettext_lazy("The attachment was removed.")),
    "action_point": ("action-points", gettext_lazy("The action point was removed.")),
}


def _removing(find: Callable[[User, Any], Any], remove: Callable[..., None], record: str) -> View:
    """A view that removes one ``record`` of a visit being recorded: found by ``find`` within
    the reader's scope, removed by the service ``remove``; back to its section of the page."""
    section, message = REMOVED[record]

    @login_required
    @require_POST
    def view(request: HttpRequest, public_id: Any) -> HttpResponse:
        user = user_of(request)
        found = find(user, public_id)
        remove(actor=user, **{record: found})
        messages.success(request, str(message))
        return redirect(_on_visit(found.visit, section))

    return view


# --- Observations ---------------------------------------------------------------------------


def _observation_form_page(
    request: HttpRequest,
    visit: Visit,
    *,
    rubric: Rubric | None,
    observation: Observation | None,
) -> HttpResponse:
    user = user_of(request)
    if observation is not None:
        version = observation.rubric_version
    elif rubric is not None:
        version = selectors.rubric_version_for_form(rubric, request.POST.get("rubric_version"))
    else:
        raise Http404
    initial = ObservationForm.initial_for(observation) if observation else {}
    form = ObservationForm(
        request.POST or None,
        version=version,
        memberships=selectors.staff_memberships(visit.school),
        initial=initial,
    )

    def again() -> HttpResponse:
        context = {
            "visit": visit,
            "form": form,
            "version": version,
            "observation": observation,
            "rubric": rubric,
        }
        return render(request, "supervision/observation_form.html", context)

    def save() -> Saved:
        data = form.cleaned_data
        person, role = data["observed"]
        # An autosave keeps a complete observation complete; a draft stays a draft.
        autosave = channel_of(request) is Channel.AUTOSAVE
        saved = services.observation_save(
            actor=user,
            visit=visit,
            client_id=data["client_id"],
            observed_person=person,
            observed_role=role,
            rubric=rubric,
            # A version not saved yet is the rubric as it is now: saving publishes it.
            version=version if observation is None and version.pk else None,
            scores=form.scores(),
            evidence=data["evidence"],
            strengths=data["strengths"],
            next_steps=data["next_steps"],
            complete=None if autosave else "save_draft" not in request.POST,
        )
        if saved.is_complete:
            message = _("The observation of %(person)s was saved.")
        else:
            message = _(
                "The draft observation of %(person)s was saved. Complete it before "
                "submitting the visit."
            )
        return Saved(
            message % {"person": saved.observed_person},
            _on_visit(visit, "observations"),
            at=saved.updated_at,
            edit_url=reverse("supervision:observation_edit", args=[saved.public_id]),
        )

    if request.method != "POST":
        return again()
    return save_and_reply(request, form=form, save=save, again=again)


@on_visit(queued=True, keeps_messages=True, recording=True)
def observation_create(request: HttpRequest, visit: Visit) -> HttpResponse:
    choice = RubricChoiceForm(request.GET or None)
    if not choice.is_bound or not choice.is_valid():
        return render(
            request, "supervision/observation_start.html", {"visit": visit, "form": choice}
        )
    return _observation_form_page(
        request, visit, rubric=choice.cleaned_data["rubric"], observation=None
    )


@login_required
def observation_detail(request: HttpRequest, public_id: Any) -> HttpResponse:
    user = user_of(request)
    observation = observation_or_404(user, public_id)
    visit = observation.visit
    double_coding_selectors.check_lead_scores_shown(user, visit)
    return render(
        request,
        "supervision/observation_detail.html",
        {
            "observation": observation,
            "visit": visit,
            "domains": observation.scored_domains(),
            "sees_visit": access.sees_school(user, visit.school),
            "may_edit": visit.state == Visit.State.IN_PROGRESS
            and access.SUPERVISOR in access.capacities(user, visit.school),
            "attachments": list(observation.attachments.all()),
        },
    )


@login_required
@answers_queued
@keeps_messages_for_device
def observation_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    observation = observation_or_404(user_of(request), public_id)
    visit = recording_visit_of(user_of(request), observation)
    return _observation_form_page(request, visit, rubric=None, observation=observation)


observation_delete = _removing(observation_or_404, services.observation_delete, "observation")


# --- Attachments ----------------------------------------------------------------------------


@on_visit(post=True, queued=True)
def attachment_add(request: HttpRequest, visit: Visit) -> HttpResponse:
    form = AttachmentForm(
        request.POST,
        request.FILES,
        prefix="attachment",
        observations=list(visit.observations.all()),
    )

    def save() -> Saved:
        data = form.cleaned_data
        attachment = services.attachment_add(
            actor=user_of(request),
            visit=visit,
            client_id=data["client_id"],
            upload=data["file"],
            caption=data["caption"],
            observation=data["observation"],
        )
        return Saved(
            _("“%(name)s” was attached.") % {"name": attachment.original_name},
            _on_visit(visit, "attachments"),
        )

    return save_and_reply(
        request,
        form=form,
        save=save,
        again=lambda: render_visit(request, visit, attachment_form=form),
    )


@login_required
def attachment_download(request: HttpRequest, public_id: Any) -> FileResponse:
    attachment = attachment_or_404(user_of(request), public_id)
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError as error:
        raise Http404 from error
    response = FileResponse(
        handle,
        content_type=attachment.content_type,
        as_attachment=attachment.kind == Attachment.Kind.DOCUMENT,
        filename=attachment.original_name,
    )
    response["Cache-Control"] = "private, max-age=3600"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; sandbox"
    return response


attachment_delete = _removing(attachment_or_404, services.attachment_delete, "attachment")


# --- Action points --------------------------------------------------------------------------


def _save_action_point(
    request: HttpRequest, visit: Visit, form: ActionPointForm, client_id: uuid.UUID
) -> Saved:
    data = {**form.cleaned_data, "client_id": client_id}
    services.action_point_save(actor=user_of(request), visit=visit, **data)
    return Saved(_("The action point was saved."), _on_visit(visit, "action-points"))


@on_visit(post=True, queued=True)
def action_point_add(request: HttpRequest, visit: Visit) -> HttpResponse:
    form = ActionPointForm(request.POST, prefix="ap", school=visit.school)
    return save_and_reply(
        request,
        form=form,
        save=lambda: _save_action_point(request, visit, form, form.cleaned_data["client_id"]),
        again=lambda: render_visit(request, visit, action_point_form=form),
    )


@login_required
@answers_queued
def action_point_edit(request: HttpRequest, public_id: Any) -> HttpResponse:
    point = action_point_or_404(user_of(request), public_id)
    visit = recording_visit_of(user_of(request), point)
    form = ActionPointForm(
        request.POST or None, school=visit.school, initial=ActionPointForm.initial_for(point)
    )

    def again() -> HttpResponse:
        context = {"form": form, "point": point, "visit": visit}
        return render(request, "supervision/action_point_form.html", context)

    if request.method != "POST":
        return again()
    return save_and_reply(
        request,
        form=form,
        save=lambda: _save_action_point(request, visit, form, point.client_id),
        again=again,
    )


action_point_delete = _removing(action_point_or_404, services.action_point_delete, "action_point")


@on_visit(post=True, queued=True)
def action_point_review(request: HttpRequest, visit: Visit, point_id: Any) -> HttpResponse:
    point = get_object_or_404(selectors.action_points_to_review(visit), public_id=point_id)
    form = ReviewForm(request.POST, prefix=f"review-{point.public_id}")

    def save() -> Saved:
        services.action_point_review(
            actor=user_of(request), visit=visit, action_point=point, **form.cleaned_data
        )
        return Saved(_("The review was saved."), _on_visit(visit, "review"))

    return save_and_reply(
        request,
        form=form,
        save=save,
        again=lambda: render_visit(request, visit, review_forms={point.pk: form}),
    )
