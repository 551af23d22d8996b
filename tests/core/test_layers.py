"""The apps form layers: each imports only the layers below it, so there is no cycle.

    core  ←  people  ←  courses, supervision  ←  certificates, federation, lti  ←  programmes, xapi
          ←  lms  ←  demo

``core`` is the plumbing and imports no app; ``lms`` is the shell that gathers every app and
is imported by none of them; ``demo`` builds the demo programme on top of everything. Every
import counts, including those inside functions and under ``TYPE_CHECKING``: a deferred
import is still a dependency. Migrations are left out (Django writes them).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

LAYERS: dict[str, int] = {
    "core": 0,
    "people": 1,
    "courses": 2,
    "supervision": 2,
    "certificates": 3,
    "federation": 3,
    "lti": 3,
    "programmes": 4,
    "xapi": 4,
    "lms": 5,
    "demo": 6,
}


def imported_apps(path: Path) -> set[tuple[str, int]]:
    """The product apps a module imports, with the line of each import."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[tuple[str, int]] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        for name in names:
            top = name.split(".")[0]
            if top in LAYERS:
                found.add((top, node.lineno))
    return found


def upward_imports() -> list[str]:
    problems = []
    for app, rank in LAYERS.items():
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" in path.parts:
                continue
            for other, line in sorted(imported_apps(path)):
                if other != app and LAYERS[other] >= rank:
                    problems.append(f"{path.relative_to(ROOT)}:{line} imports {other}")
    return problems


def test_no_app_imports_its_own_layer_or_above() -> None:
    assert upward_imports() == []


def test_the_scan_sees_an_upward_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("def f():\n    from lms import home\n    import certificates.models\n")
    assert imported_apps(module) == {("lms", 2), ("certificates", 3)}


@pytest.mark.parametrize("app", sorted(LAYERS))
def test_every_app_is_a_package_the_scan_reads(app: str) -> None:
    assert (ROOT / app / "__init__.py").is_file()


def test_every_product_app_has_a_layer() -> None:
    from tests.product import product_apps

    assert set(product_apps()) == set(LAYERS)
