"""Middleware of the shell."""

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse
from django.urls import reverse


class AdminSameOriginFramingMiddleware:
    """Let the Wagtail admin frame its own pages; everything else stays ``DENY``.

    Wagtail's live preview shows the page being edited in a same-origin frame. Placed
    after ``XFrameOptionsMiddleware``, this sets the header first, and that middleware
    leaves an existing header alone.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.admin_prefix = reverse("wagtailadmin_home")

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith(self.admin_prefix):
            response.headers.setdefault("X-Frame-Options", "SAMEORIGIN")
        return response
