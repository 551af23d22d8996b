"""Widening one response's Content-Security-Policy for forms that lead to another site.

``form-action`` is ``'self'``, and browsers apply it to every redirect a form's answer
starts. A page whose form leads on to another site (the sign-in page's "Sign in with
<organisation>" buttons, which go on to the organisation's identity provider) names those
sites with ``allow_form_action`` while it renders; ``lms.csp``'s middleware adds them to
that page's policy only.
"""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlsplit

from django.http import HttpRequest

FORM_ACTION_ATTRIBUTE = "_lms_csp_form_action"


def origin_of(url: str) -> str:
    """``scheme://host[:port]`` of an address, or "" when it has none."""
    parts = urlsplit(url or "")
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else ""


def allow_form_action(request: HttpRequest, origins: Iterable[str]) -> None:
    """Let this response's forms lead on to ``origins`` (``scheme://host[:port]``)."""
    allowed: set[str] = getattr(request, FORM_ACTION_ATTRIBUTE, set())
    allowed.update(origin for origin in origins if origin)
    setattr(request, FORM_ACTION_ATTRIBUTE, allowed)


def form_action_origins(request: HttpRequest) -> list[str]:
    """The other sites this response's forms may lead to, in a stable order."""
    return sorted(getattr(request, FORM_ACTION_ATTRIBUTE, ()))
