"""Build the Kazakh fallback catalogue: the libraries that ship Russian but no Kazakh
(Wagtail and its companions first of all) speak Russian to a Kazakh reader, never English.

Kazakhstan's teachers read Russian; English is the language of none of them. Wagtail ships
no Kazakh, so without this a trainer who prefers Kazakh gets the admin in English around the
product's own (translated) panels. The catalogue is built from the installed packages at
install time, so it follows their upgrades, and it takes nothing Kazakh already says: a
message Django, the product or the vendored catalogues translate into Kazakh keeps its
Kazakh. It is written to ``KAZAKH_FALLBACK_DIR`` (the last of ``LOCALE_PATHS``), for the
``django`` and ``djangojs`` domains.
"""

from __future__ import annotations

import gettext
from pathlib import Path
from typing import Any

import polib
from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand

DOMAINS = ("django", "djangojs")


def _catalogue_dirs(language: str) -> list[Path]:
    """Every locale directory that can hold ``language``: Django's, each app's, the
    product's own."""
    import django

    dirs = [Path(django.__file__).parent / "conf" / "locale"]
    dirs += [Path(config.path) / "locale" for config in apps.get_app_configs()]
    dirs += [Path(path) for path in settings.LOCALE_PATHS]
    fallback = Path(settings.KAZAKH_FALLBACK_DIR)
    return [d for d in dirs if d != fallback and (d / language / "LC_MESSAGES").is_dir()]


def _said_in_kazakh(domain: str) -> set[tuple[str, str]]:
    """(context, msgid) of every message some catalogue already translates into Kazakh."""
    said: set[tuple[str, str]] = set()
    for directory in _catalogue_dirs("kk"):
        mo = directory / "kk" / "LC_MESSAGES" / f"{domain}.mo"
        if not mo.exists():
            continue
        with mo.open("rb") as handle:
            catalogue: dict[Any, str] = gettext.GNUTranslations(handle)._catalog  # type: ignore[attr-defined]
        for key, text in catalogue.items():
            if not text or key == "":
                continue
            msgid = key[0] if isinstance(key, tuple) else key
            context, _sep, bare = msgid.rpartition("\x04")
            said.add((context, bare))
    return said


def build(domain: str) -> polib.MOFile | None:
    """The fallback catalogue of one domain, or ``None`` when no library needs one."""
    sources = [
        d / "ru" / "LC_MESSAGES" / f"{domain}.po"
        for d in _catalogue_dirs("ru")
        if not (d / "kk").is_dir() and (d / "ru" / "LC_MESSAGES" / f"{domain}.po").exists()
    ]
    if not sources:
        return None
    said = _said_in_kazakh(domain)
    out = polib.MOFile()
    seen: set[tuple[str, str]] = set()
    for source in sources:
        po = polib.pofile(str(source))
        if not out.metadata:
            out.metadata = {
                "Content-Type": "text/plain; charset=UTF-8",
                "Language": "kk",
                "Plural-Forms": po.metadata.get("Plural-Forms", "nplurals=2; plural=(n != 1);"),
            }
        for entry in po.translated_entries():
            key = (entry.msgctxt or "", entry.msgid)
            if entry.obsolete or "fuzzy" in entry.flags or key in said or key in seen:
                continue
            seen.add(key)
            out.append(entry)
    return out


class Command(BaseCommand):
    help = "Build the Kazakh fallback catalogue (Russian) for libraries that ship no Kazakh."

    def handle(self, *args: Any, **options: Any) -> None:
        target = Path(settings.KAZAKH_FALLBACK_DIR) / "kk" / "LC_MESSAGES"
        target.mkdir(parents=True, exist_ok=True)
        for domain in DOMAINS:
            catalogue = build(domain)
            path = target / f"{domain}.mo"
            if catalogue is None:
                path.unlink(missing_ok=True)
                continue
            catalogue.save(str(path))
            if options["verbosity"] > 1:
                self.stdout.write(f"{domain}: {len(catalogue)} messages")
