"""Finding course pages without walking the page tree on every request.

For each page it serves, Wagtail looks up the site, the root page in the reading language,
then every page along the address in turn, two queries each: nine queries before a module
page starts to render, on the pages learners open most. Which page an address leads to
changes only when pages are moved, renamed, unpublished or deleted, or a site changes, so
``RememberedRoutesMiddleware`` keeps the answer in the shared cache. A remembered route is
used only if its page is still live and still at that address (one query); otherwise, and
for every other kind of page, Wagtail finds the page its own way. Changing a site forgets
every remembered route.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http import HttpRequest, HttpResponse
from django.utils import translation
from wagtail import views as wagtail_views
from wagtail.models import Site
from wagtail.url_routing import RouteResult

from .models import CourseCatalogue, CoursePage, ModulePage

REMEMBERED = (CourseCatalogue, CoursePage, ModulePage)
TIMEOUT = 60 * 60
VERSION_KEY = "courses:routes:version"


class RememberedRoutesMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        missed: tuple[str, str, int] | None = getattr(request, "_lms_route_missed", None)
        if missed is not None and response.status_code == 200:
            route_key, site_key, version = missed
            result = getattr(request, "_wagtail_route_for_request", None)
            site = getattr(request, "_wagtail_site", None)
            if result is not None and site is not None:
                page, args, kwargs = result
                if isinstance(page, REMEMBERED) and not args and not kwargs:
                    route = (version, page.content_type_id, page.pk, page.url_path)
                    cache.set_many({route_key: route, site_key: (version, site)}, TIMEOUT)
        return response

    def process_view(
        self,
        request: HttpRequest,
        view_func: Callable[..., Any],
        view_args: tuple[Any, ...],
        view_kwargs: dict[str, Any],
    ) -> None:
        if view_func is not wagtail_views.serve:
            return
        path = view_args[0] if view_args else view_kwargs.get("path", "")
        host = f"{request.get_host()}:{request.get_port()}"
        route_key = f"courses:route:{host}:{translation.get_language()}:{path}"
        site_key = f"courses:site:{host}"
        found = cache.get_many([VERSION_KEY, route_key, site_key])
        version = found.get(VERSION_KEY, 0)
        route, site = found.get(route_key), found.get(site_key)
        if route is not None and site is not None and route[0] == site[0] == version:
            _version, content_type_id, page_id, url_path = route
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            page = model._default_manager.filter(pk=page_id, live=True).first() if model else None
            if isinstance(page, REMEMBERED) and page.url_path == url_path:
                # Both are what Wagtail itself keeps on the request for the rest of it.
                request._wagtail_site = site[1]  # type: ignore[attr-defined]
                request._wagtail_route_for_request = RouteResult(page)  # type: ignore[attr-defined]
                return
        request._lms_route_missed = (route_key, site_key, version)  # type: ignore[attr-defined]


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def forget_routes(**kwargs: Any) -> None:
    """A site's host or root page changed: a remembered route may lead elsewhere now."""
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 1, None)
