"""Values every page template needs."""

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from .home import nav_for


def product(request: HttpRequest) -> dict[str, object]:
    return {
        "SITE_NAME": settings.WAGTAIL_SITE_NAME,
        "OPEN_SIGNUP": settings.LMS_OPEN_SIGNUP,
        "nav_links": SimpleLazyObject(lambda: nav_for(request.user, request.path)),  # type: ignore[arg-type]
    }
