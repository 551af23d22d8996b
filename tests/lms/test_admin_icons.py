"""Every icon the product names in the admin is one Wagtail has: an unknown name shows
nothing, which leaves a menu item or a block without its picture."""

from __future__ import annotations

import re
from pathlib import Path

import wagtail
from django.conf import settings

from tests.product import product_apps

ICONS = Path(wagtail.__file__).parent / "admin" / "templates" / "wagtailadmin" / "icons"
NAMED = re.compile(r"""\b(?:icon|menu_icon|header_icon|icon_name)\s*=\s*["']([a-z0-9-]+)["']""")
APPS = product_apps()


def test_every_icon_named_is_one_wagtail_has() -> None:
    known = {path.stem for path in ICONS.glob("*.svg")}
    assert "key" in known
    unknown = []
    for app in APPS:
        for path in (Path(settings.BASE_DIR) / app).rglob("*.py"):
            for name in NAMED.findall(path.read_text(encoding="utf-8")):
                if name not in known:
                    unknown.append(f"{path.relative_to(settings.BASE_DIR)}: {name}")
    assert unknown == []
