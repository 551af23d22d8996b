"""Middleware of the shell."""

from collections.abc import Callable

from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.gzip import GZipMiddleware
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


class PageCompressionMiddleware(GZipMiddleware):
    """Compress the pages and data the product renders; leave files as they are.

    A lesson page shrinks to about a third. Static files arrive already compressed from
    whitenoise, above this; file downloads (certificates, documents) keep their length so
    that browsers can show progress. Against BREACH, Django pads each compressed response
    with random bytes and masks the CSRF token afresh in every response.
    """

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if isinstance(response, FileResponse):
            return response
        return super().process_response(request, response)
