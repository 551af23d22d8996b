"""The Content-Security-Policy header: a strict policy for the product, a looser one for the
Wagtail admin.

The product's pages run only the scripts and style sheets under ``/static/``: no inline
``<script>``, no ``style="…"``, no event-handler attributes, so the policy in
``settings.CONTENT_SECURITY_POLICY`` never needs ``'unsafe-inline'``. JSON handed to a script
travels in ``<script type="application/json">`` (Django's ``json_script``), which the browser
does not run and so the policy does not block.

The Wagtail admin is a library's interface with inline scripts and styles of its own; its
pages (and the previews it frames) get ``settings.LMS_ADMIN_CONTENT_SECURITY_POLICY``
instead. Only editors with admin access reach them.

``form-action`` is ``'self'``, and browsers apply it to every redirect a form's answer
starts. A page whose form leads on to another site (the sign-in page's "Sign in with
<organisation>" buttons, which go on to the organisation's identity provider) names those
sites with ``allow_form_action`` while it renders; they are added to that page's policy only.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import reverse

FORM_ACTION_ATTRIBUTE = "_lms_csp_form_action"


def allow_form_action(request: HttpRequest, origins: Iterable[str]) -> None:
    """Let this response's forms lead on to ``origins`` (``scheme://host[:port]``)."""
    allowed: set[str] = getattr(request, FORM_ACTION_ATTRIBUTE, set())
    allowed.update(origin for origin in origins if origin)
    setattr(request, FORM_ACTION_ATTRIBUTE, allowed)


def admin_policy() -> dict[str, Any]:
    """The admin's directives."""
    return dict(settings.LMS_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"])


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the admin's own policy under the admin's prefix.

    A view may still set its own policy with django-csp's decorators, and a response that
    already has the header (Wagtail's document downloads) keeps it.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        super().__init__(get_response)
        self.admin_prefix = reverse("wagtailadmin_home")

    def is_admin(self, request: HttpRequest) -> bool:
        return request.path.startswith(self.admin_prefix)

    def get_policy_parts(
        self,
        request: HttpRequest,
        response: HttpResponseBase,
        report_only: bool = False,
    ) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if not report_only and parts.config is None and self.is_admin(request):
            parts.config = admin_policy()
        origins = getattr(request, FORM_ACTION_ATTRIBUTE, None)
        if origins and not report_only:
            update = dict(parts.update or {})
            update["form-action"] = [*update.get("form-action", []), *sorted(origins)]
            parts.update = update
        return parts
