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

A page whose forms lead on to another site names it while it renders
(``core.csp.allow_form_action``); this middleware adds it to that page's ``form-action``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBase
from django.urls import reverse

from core.csp import form_action_origins


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
        origins = form_action_origins(request)
        if origins and not report_only:
            update = dict(parts.update or {})
            update["form-action"] = [*update.get("form-action", []), *origins]
            parts.update = update
        return parts
