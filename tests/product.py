"""The product's own apps, read from the settings: the scans that look through the product's
code (row locks, local file paths, settings read, audit labels, layers) walk every app,
including the next one added, instead of a list each test keeps."""

from __future__ import annotations

from pathlib import Path

from django.apps import apps
from django.conf import settings

ROOT = Path(settings.BASE_DIR).resolve()


def product_apps() -> tuple[str, ...]:
    """Top-level packages of the installed apps that live in this repository."""
    found: list[str] = []
    for config in apps.get_app_configs():
        path = Path(config.path).resolve()
        if path.is_relative_to(ROOT) and ".venv" not in path.parts:
            package = config.name.split(".")[0]
            if package not in found:
                found.append(package)
    return tuple(found)
