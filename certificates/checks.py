"""System checks: certificates render fast only when WeasyPrint subsets fonts with HarfBuzz."""

from __future__ import annotations

from typing import Any

from django.core import checks


@checks.register()
def harfbuzz_subsetting(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    from .pdf import uses_harfbuzz_subsetting

    if uses_harfbuzz_subsetting():
        return []
    return [
        checks.Warning(
            "WeasyPrint subsets fonts with fontTools, which makes every certificate several "
            "times slower to render.",
            hint="Install HarfBuzz's subsetter 4.1 or later (Debian: libharfbuzz-subset0).",
            id="certificates.W001",
        )
    ]
