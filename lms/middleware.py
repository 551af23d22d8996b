"""Middleware of the shell."""

from collections.abc import Callable

from django.http import FileResponse, HttpRequest, HttpResponse, HttpResponseBase
from django.middleware.gzip import GZipMiddleware
from django.urls import reverse
from django.utils.cache import patch_cache_control

from . import access

NEVER_STORED = "no-store, private"


class PrivateResponsesMiddleware:
    """Personal data is never kept by a browser's cache or a proxy.

    ``Cache-Control: no-store, private`` replaces whatever a view said on every answer to a
    signed-in person (Django leaves their pages cacheable), on every route ``lms.access``
    marks personal (public verification, invitations), and on every download. Content the
    same for everyone allowed (``lms.access.SHARED_CONTENT``) is only kept ``private`` for
    a signed-in person. Static files never reach this: WhiteNoise, above, serves them.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        name = match.view_name if match is not None else None
        entry = access.ROUTES.get(name) if name else None
        user = getattr(request, "user", None)
        signed_in = bool(user is not None and user.is_authenticated)
        if name in access.SHARED_CONTENT and not (entry and entry.personal):
            if signed_in:
                patch_cache_control(response, private=True)
            return response
        if (entry is not None and entry.personal) or signed_in or _is_download(response):
            response.headers["Cache-Control"] = NEVER_STORED
        return response


def _is_download(response: HttpResponseBase) -> bool:
    return isinstance(response, FileResponse) or "Content-Disposition" in response.headers


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
