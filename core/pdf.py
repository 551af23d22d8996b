"""PDF rendering with WeasyPrint, shared by certificates and visit reports.

Documents are rendered from HTML. They may refer to static files (``{% static %}`` URLs),
to uploaded media and to ``data:`` URLs. The fetcher reads static files from disk and media
through their storage (a local directory or a bucket), and refuses everything else, so
rendering never fetches an address from the network.
"""

from __future__ import annotations

import mimetypes
import threading
from functools import lru_cache
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import storages
from weasyprint import HTML, URLFetcher
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcherResponse


class LocalFileFetcher(URLFetcher):
    """Serves static files from disk and media from their storage (a local directory or a
    bucket); ``data:`` and ``file:`` pass through."""

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
        found = _local_file(url)
        if found is not None:
            name, content = found
            mime_type, _encoding = mimetypes.guess_type(name)
            return URLFetcherResponse(
                url, content, {"Content-Type": mime_type or "application/octet-stream"}
            )
        if url.startswith(("data:", "file:")):
            return super().fetch(url, headers)
        raise ValueError(f"PDF rendering does not fetch {url!r}")


def _local_file(url: str) -> tuple[str, bytes] | None:
    """The name and content of the static file or stored medium ``url`` points at."""
    for prefix in (settings.SITE_URL, "http://localhost", ""):
        start = prefix + settings.STATIC_URL
        if url.startswith(start):
            return _static_file(url[len(start) :])
    name = _media_name(url)
    return None if name is None else _media_file(name)


def _static_file(name: str) -> tuple[str, bytes] | None:
    found = finders.find(name)
    if found:
        path = Path(found if isinstance(found, str) else found[0])
    else:
        path = Path(settings.STATIC_ROOT) / name
        if not path.is_file():
            return None
    return name, path.read_bytes()


def _media_name(url: str) -> str | None:
    """The storage name of a medium's URL: under ``MEDIA_URL`` on disk, under the bucket's
    address in an object store (the address ``storage.url`` gave when the document's
    snapshot was taken)."""
    starts = [prefix + settings.MEDIA_URL for prefix in (settings.SITE_URL, "http://localhost")]
    starts.append(settings.MEDIA_URL)
    starts.append(_media_base_url())
    for start in starts:
        if start and url.startswith(start):
            return unquote(url[len(start) :].split("?", 1)[0])
    return None


def _media_base_url() -> str:
    """The address of the default storage's root, whatever the backend."""
    probe = "probe"
    address = str(storages["default"].url(probe))
    return address[: -len(probe)] if address.endswith(probe) else ""


def _media_file(name: str) -> tuple[str, bytes] | None:
    storage = storages["default"]
    try:
        with storage.open(name, "rb") as handle:
            return name, handle.read()
    except (FileNotFoundError, OSError):
        return None


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
