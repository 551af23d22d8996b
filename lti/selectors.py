"""Reads of the LTI tool: which page a launch names, and what a teacher may link to."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from django.http import Http404, HttpRequest
from django.utils import translation
from django.utils.translation import get_language_from_path
from wagtail.models import Page, Site

from courses.models import CoursePage, ModulePage

CUSTOM = "https://purl.imsglobal.org/spec/lti/claim/custom"
TARGET = "https://purl.imsglobal.org/spec/lti/claim/target_link_uri"
# The custom parameter a deep-linking response gives the resource link: the page's id.
PAGE_PARAMETER = "lms_page"


def _live(page_id: Any) -> CoursePage | ModulePage | None:
    try:
        pk = int(str(page_id))
    except ValueError:
        return None
    page = Page.objects.live().filter(pk=pk).specific().first()
    return page if isinstance(page, CoursePage | ModulePage) else None


def _routed(request: HttpRequest, uri: str) -> CoursePage | ModulePage | None:
    """The live course or module page at ``uri`` on this site, found as Wagtail serves it."""
    parts = urlsplit(uri)
    if parts.netloc and parts.netloc != request.get_host():
        return None
    language = get_language_from_path(parts.path)
    if not language:
        return None
    components = [part for part in parts.path.split("/")[2:] if part]
    site = Site.find_for_request(request)
    if site is None or not components:
        return None
    with translation.override(language):
        try:
            page = site.root_page.localized.specific.route(request, components).page
        except Http404:
            return None
    page = page.specific
    return page if isinstance(page, CoursePage | ModulePage) else None


def launch_page(request: HttpRequest, claims: Mapping[str, Any]) -> CoursePage | ModulePage | None:
    """The page a resource launch opens: named by its ``lms_page`` custom parameter, else
    by its target link URI when that is one of our course or module pages."""
    custom = claims.get(CUSTOM) or {}
    if isinstance(custom, dict) and custom.get(PAGE_PARAMETER):
        return _live(custom[PAGE_PARAMETER])
    target = claims.get(TARGET)
    return _routed(request, target) if isinstance(target, str) else None


@dataclass(frozen=True)
class LinkableCourse:
    course: CoursePage
    modules: list[ModulePage]


def _one_per_translation(pages: list[Any]) -> list[Any]:
    """Of each page's translations, the one in the reader's language, else the first
    written; in the order of the first written."""
    language = translation.get_language()
    chosen: dict[Any, Any] = {}
    for page in sorted(pages, key=lambda page: page.pk):
        current = chosen.get(page.translation_key)
        if current is None or (
            page.locale.language_code == language and current.locale.language_code != language
        ):
            chosen[page.translation_key] = page
    return sorted(chosen.values(), key=lambda page: page.path)


def linkable_courses() -> list[LinkableCourse]:
    """Published courses with their published modules, each once whatever its
    translations, in the reader's language where there is one. Two queries."""
    courses = _one_per_translation(list(CoursePage.objects.live().select_related("locale")))
    modules: dict[str, list[ModulePage]] = {}
    for module in ModulePage.objects.live().select_related("locale").order_by("path"):
        modules.setdefault(module.path[: -module.steplen], []).append(module)
    return [LinkableCourse(course, modules.get(course.path, [])) for course in courses]


def page_for_linking(page_id: Any) -> CoursePage | ModulePage | None:
    return _live(page_id)
