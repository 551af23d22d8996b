"""The one reader of the demo's data files (YAML under ``demo/data/``).

A text the people of the programme read is a mapping ``{kk: ..., ru: ..., en: ...}``, the
translations beside the source text. The loader refuses a file in which such a mapping
lacks a language or has an empty one, naming the file and the place, so that the demo
never builds a page with a hole in one of its languages.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

try:  # libyaml's loader reads the courses ten times faster; both build plain data only
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    from yaml import SafeLoader  # type: ignore[assignment]

DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("kk", "ru", "en")

Text = dict[str, str]  # one text in every language


class DemoDataError(ValueError):
    """A data file that cannot be read, or that lacks a translation."""


@cache
def load(name: str) -> dict[str, Any]:
    """The file ``demo/data/<name>.yaml``, read once; callers must not change it."""
    path = DATA / f"{name}.yaml"
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=SafeLoader)
    except (OSError, yaml.YAMLError) as error:
        raise DemoDataError(f"{path.name}: {error}") from error
    if not isinstance(data, dict):
        raise DemoDataError(f"{name}.yaml: expected a mapping at the top")
    check_texts(data, where=name)
    return data


def check_texts(value: object, *, where: str) -> None:
    """Every mapping that names a language must have all of them, none empty."""
    if isinstance(value, dict):
        if set(value) & set(LANGUAGES):
            missing = [code for code in LANGUAGES if not value.get(code)]
            extra = sorted(set(value) - set(LANGUAGES))
            if missing or extra:
                problem = f"no {', '.join(missing)} text" if missing else f"unknown {extra}"
                raise DemoDataError(f"{where}: {problem}")
        for key, item in value.items():
            check_texts(item, where=f"{where}.{key}")
    elif isinstance(value, list):
        for index, item in enumerate(value):
            check_texts(item, where=f"{where}[{index}]")
