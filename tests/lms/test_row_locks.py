"""Row locks name the table they lock.

PostgreSQL refuses ``SELECT … FOR UPDATE`` on the nullable side of an outer join, and a lock
without ``of=`` also locks every joined row (the school, the year, the person) for as long as
the transaction lasts. SQLite ignores ``FOR UPDATE`` altogether, so neither shows on the
default database: this scan makes every ``select_for_update()`` that is combined with
``select_related()`` say which rows it means.
"""

from __future__ import annotations

import ast
from pathlib import Path

from django.conf import settings

from tests.product import product_apps

ROOT = Path(settings.BASE_DIR)
PRODUCT = product_apps()


def unnamed_locks(source: str, filename: str = "<source>") -> list[int]:
    """Line numbers of ``select_for_update()`` calls without ``of=`` in a chain that also
    calls ``select_related``."""
    found: set[int] = set()
    for node in ast.walk(ast.parse(source, filename)):
        chain: list[ast.Call] = []
        while isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            chain.append(node)
            node = node.func.value
        names = {call.func.attr for call in chain if isinstance(call.func, ast.Attribute)}
        if "select_related" not in names:
            continue
        for call in chain:
            assert isinstance(call.func, ast.Attribute)
            if call.func.attr == "select_for_update" and not any(
                keyword.arg == "of" for keyword in call.keywords
            ):
                found.add(call.lineno)
    return sorted(found)


def test_the_scan_finds_an_unnamed_lock() -> None:
    source = """
a = Visit.objects.select_for_update().select_related("school").get(pk=1)
b = (
    Run.objects.select_for_update()
    .select_related("subscription__region")
    .first()
)
c = Visit.objects.select_for_update(of=("self",)).select_related("school").get(pk=1)
d = Visit.objects.select_for_update().get(pk=1)
"""
    assert unnamed_locks(source) == [2, 4]


def test_every_lock_with_joins_names_its_table() -> None:
    offenders = [
        f"{path.relative_to(ROOT)}:{line}"
        for app in PRODUCT
        for path in sorted((ROOT / app).rglob("*.py"))
        if "migrations" not in path.parts
        for line in unnamed_locks(path.read_text(encoding="utf-8"), str(path))
    ]
    assert not offenders, f"select_for_update() with select_related() needs of=: {offenders}"
