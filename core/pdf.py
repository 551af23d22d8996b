"""PDF rendering with WeasyPrint, shared by certificates and visit reports.

Documents are rendered from HTML. They may refer to static files (``{% static %}`` URLs),
to uploaded media and to ``data:`` URLs; the fetcher reads those from disk and refuses
everything else, so rendering never goes to the network.
"""

from __future__ import annotations

import mimetypes
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import storages
from weasyprint import HTML, URLFetcher
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcherResponse


class LocalFileFetcher(URLFetcher):
    """Serves static and media URLs from disk; ``data:`` and ``file:`` pass through."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.failed: list[str] = []

    def fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        try:
            return self._fetch(url, headers)
        except Exception:
            self.failed.append(url)
            raise

    def _fetch(self, url: str, headers: Any = None) -> URLFetcherResponse:
        path = _local_path(url)
        if path is not None:
            mime_type, _encoding = mimetypes.guess_type(path.name)
            return URLFetcherResponse(
                url,
                path.read_bytes(),
                {"Content-Type": mime_type or "application/octet-stream"},
            )
        if url.startswith(("data:", "file:")):
            return super().fetch(url, headers)
        raise ValueError(f"PDF rendering does not fetch {url!r}")


def _local_path(url: str) -> Path | None:
    for prefix in (settings.SITE_URL, "http://localhost", ""):
        for base, resolve in (
            (settings.STATIC_URL, _static_path),
            (settings.MEDIA_URL, _media_path),
        ):
            start = prefix + base
            if start and url.startswith(start):
                return resolve(url[len(start) :])
    return None


def _static_path(name: str) -> Path | None:
    found = finders.find(name)
    if found:
        return Path(found if isinstance(found, str) else found[0])
    candidate = Path(settings.STATIC_ROOT) / name
    return candidate if candidate.is_file() else None


def _media_path(name: str) -> Path | None:
    candidate = Path(storages["default"].path(name))
    return candidate if candidate.is_file() else None


@lru_cache(maxsize=1)
def font_configuration() -> FontConfiguration:
    """One font configuration per process: fontconfig's set-up is the slow part of a render."""
    return FontConfiguration()


# Pango and fontconfig, under WeasyPrint, are not safe to use from several threads at once
# (and the font configuration is shared): a threaded server, or tasks run inline in a
# threaded one, renders one document at a time per process. Worker processes are not
# slowed: each renders one document at a time anyway.
_render_lock = threading.Lock()


class MissingResource(RuntimeError):
    """A document refers to a file that cannot be read (a strict render refuses it)."""


def render_pdf(
    html: str, *, base_url: str | None = None, strict: bool = False, **options: Any
) -> bytes:
    """Render ``html`` to PDF bytes. ``options`` go to WeasyPrint's ``write_pdf``
    (for example ``pdf_variant="pdf/a-3b"`` and ``pdf_tags=True``).

    WeasyPrint leaves out an image it cannot load; with ``strict`` the render fails
    instead (``MissingResource``), so that a document that must be complete, such as a
    certificate with its signatures, is never stored without a part."""
    fetcher = LocalFileFetcher()
    with _render_lock:
        document = HTML(
            string=html,
            base_url=base_url or settings.SITE_URL + "/",
            url_fetcher=fetcher,
        )
        pdf = document.write_pdf(font_config=font_configuration(), **options)
    if strict and fetcher.failed:
        raise MissingResource(f"PDF rendering could not read {', '.join(fetcher.failed)}")
    if pdf is None:  # only when a target is given, which this function never does
        raise RuntimeError("WeasyPrint returned no PDF")
    return pdf
