#!/usr/bin/env python
"""Fail if any interface string is missing a Kazakh, Russian or English translation.

Two checks: every catalog is fully translated with no fuzzy entries (gettext's msgfmt
counts them), and the catalogs hold every string the code and templates mark for
translation today (makemessages is run and the sets of message ids compared; the
catalogs are restored afterwards, so the working tree is left as it was).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LANGUAGES = ("kk", "ru", "en")
CATALOGS = [ROOT / "locale" / lang / "LC_MESSAGES" / "django.po" for lang in LANGUAGES] + [
    ROOT / "locale_vendor" / "kk" / "LC_MESSAGES" / "django.po"
]
STATISTICS = re.compile(
    r"(?P<translated>\d+) translated messages?"
    r"(?:, (?P<fuzzy>\d+) fuzzy translations?)?"
    r"(?:, (?P<untranslated>\d+) untranslated messages?)?"
)


def message_ids(path: Path) -> set[tuple[str, str]]:
    """(context, id) of every active entry; enough of the PO format for a comparison."""
    ids: set[tuple[str, str]] = set()
    context = current = ""
    field = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            continue
        if line.startswith("msgctxt "):
            context, field = line[8:].strip()[1:-1], "ctxt"
        elif line.startswith("msgid "):
            current, field = line[6:].strip()[1:-1], "id"
        elif line.startswith('"') and field in ("ctxt", "id"):
            if field == "id":
                current += line.strip()[1:-1]
            else:
                context += line.strip()[1:-1]
        elif line.startswith("msgstr") or line.startswith("msgid_plural"):
            if field == "id" and current:
                ids.add((context, current))
            field = ""
            if line.startswith("msgstr"):
                context = ""
    return ids


def main() -> int:
    problems: list[str] = []
    for catalog in CATALOGS:
        result = subprocess.run(
            ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(catalog)],
            capture_output=True,
            text=True,
            check=False,
        )
        stats = STATISTICS.search(result.stderr)
        name = catalog.relative_to(ROOT)
        if result.returncode != 0 or stats is None:
            problems.append(f"{name}: msgfmt failed: {result.stderr.strip()}")
            continue
        fuzzy, untranslated = int(stats["fuzzy"] or 0), int(stats["untranslated"] or 0)
        if fuzzy or untranslated:
            problems.append(f"{name}: {untranslated} untranslated and {fuzzy} fuzzy entries")

    with tempfile.TemporaryDirectory() as backup:
        for lang in LANGUAGES:
            shutil.copy(CATALOGS[LANGUAGES.index(lang)], Path(backup) / f"{lang}.po")
        try:
            before = {lang: message_ids(CATALOGS[i]) for i, lang in enumerate(LANGUAGES)}
            subprocess.run(
                [
                    sys.executable,
                    "manage.py",
                    "makemessages",
                    "--no-obsolete",
                    "-v",
                    "0",
                    *[f"-l{lang}" for lang in LANGUAGES],
                    "--ignore=.venv",
                    "--ignore=node_modules",
                    "--ignore=var",
                    "--ignore=tests",
                    "--ignore=bench",
                ],
                cwd=ROOT,
                check=True,
            )
            for i, lang in enumerate(LANGUAGES):
                after = message_ids(CATALOGS[i])
                for _context, msgid in sorted(after - before[lang])[:20]:
                    problems.append(f"locale/{lang}: not in the catalog yet: {msgid!r}")
                for _context, msgid in sorted(before[lang] - after)[:20]:
                    problems.append(f"locale/{lang}: no longer used, remove: {msgid!r}")
        finally:
            for lang in LANGUAGES:
                shutil.copy(Path(backup) / f"{lang}.po", CATALOGS[LANGUAGES.index(lang)])

    for problem in problems:
        print(problem)
    if problems:
        print("Run `make messages`, translate the new entries, then `make compilemessages`.")
        return 1
    print("Translations complete: kk, ru, en.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
