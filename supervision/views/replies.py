"""How a view that saves answers: in the channel the request asked for.

- the page: a message and a redirect once saved; the page again, with the errors next to
  their fields, when refused;
- autosave (``X-Autosave: 1``, from ``static/js/supervision.js``): JSON with the time it
  was saved, or the errors, status 400;
- a submission the device queued while offline and sends now (``X-Offline-Sync: 1``, from
  ``static/js/offline-outbox.js``): JSON ``{"saved": true}``, or the errors as sentences that
  name their field; refusals of the role (403) and of the address (404) in JSON too.

A view says what to save (``save``, which calls one service and returns ``Saved``) and what
to render when refused (``again``); ``save_and_reply`` does the rest.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.messages.storage.base import BaseStorage
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils import formats, timezone
from django.utils.translation import gettext as _

View = Callable[..., HttpResponse]


class Channel(enum.Enum):
    PAGE = "page"
    AUTOSAVE = "autosave"
    SYNC = "sync"


def channel_of(request: HttpRequest) -> Channel:
    """The channel a request asked to be answered in. A queued submission's client id makes
    a second arrival harmless (the services are repeat-safe by it)."""
    if request.headers.get("X-Offline-Sync") == "1":
        return Channel.SYNC
    if request.headers.get("X-Autosave") == "1":
        return Channel.AUTOSAVE
    return Channel.PAGE


@dataclass(frozen=True)
class Saved:
    """What the person is told once a service saved: the page's message and where it goes
    next; for autosave, when it was saved and where further autosaves of a new record go."""

    message: str
    next_url: str
    at: datetime | None = None
    edit_url: str = ""


def apply_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's refusal on the form, next to the field it concerns."""
    if hasattr(error, "error_dict"):
        for name, field_errors in error.error_dict.items():
            form.add_error(name if name in form.fields else None, field_errors)
    else:
        form.add_error(None, error)


def _sentences(form: forms.Form) -> list[str]:
    """A form's errors as sentences that name their field, for a queued submission."""
    found = []
    for name, errors in form.errors.items():
        field = form.fields.get(name)
        for error in errors:
            found.append(f"{field.label}: {error}" if field is not None else str(error))
    return found


def _refused(errors: Any, status: int = 400) -> JsonResponse:
    return JsonResponse({"saved": False, "errors": errors}, status=status)


def save_and_reply(
    request: HttpRequest,
    *,
    form: forms.Form,
    save: Callable[[], Saved],
    again: Callable[[], HttpResponse],
) -> HttpResponse:
    """Validate ``form``, then ``save``; answer in the request's channel. A refusal of the
    service (``ValidationError``) goes on the form for the page, or into the JSON."""
    channel = channel_of(request)
    if not form.is_valid():
        if channel is Channel.SYNC:
            return _refused(_sentences(form))
        if channel is Channel.AUTOSAVE:
            return _refused(form.errors.get_json_data())
        return again()
    try:
        saved = save()
    except ValidationError as error:
        if channel is not Channel.PAGE:
            return _refused(error.messages)
        apply_errors(form, error)
        return again()
    if channel is Channel.SYNC:
        return JsonResponse({"saved": True})
    if channel is Channel.AUTOSAVE:
        moment = timezone.localtime(saved.at or timezone.now())
        response = JsonResponse({"saved": True, "time": formats.time_format(moment, "H:i")})
        if saved.edit_url:
            response["X-Edit-Url"] = saved.edit_url
        return response
    messages.success(request, saved.message)
    return redirect(saved.next_url)


def answers_queued(view: View) -> View:
    """Answer refusals of a queued submission in JSON too (403, 404), so that the device can
    show why it was not saved instead of an error page."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if channel_of(request) is not Channel.SYNC:
            return view(request, *args, **kwargs)
        try:
            return view(request, *args, **kwargs)
        except PermissionDenied as error:
            return _refused([str(error)], status=403)
        except Http404:
            return _refused(
                [_("This visit, or what you changed in it, is not among your visits.")],
                status=404,
            )

    return wrapper


def keeps_messages_for_device(view: View) -> View:
    """A page fetched by the service worker to keep on the device is not read by anyone
    now: leave the messages waiting for the person's next page (a request the worker
    makes while the person saves something must not swallow "The observation was saved")."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        response = view(request, *args, **kwargs)
        storage = messages.get_messages(request)
        if request.headers.get("X-Offline-Keep") == "1" and isinstance(storage, BaseStorage):
            storage.used = False
        return response

    return wrapper
