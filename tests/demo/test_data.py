"""The demo's data files and their loader: every text in Kazakh, Russian and English, a
broken file refused with a message that names the file and the place, and no app that
depends on the demo."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from demo import loader
from demo.courses import courses, module_body
from demo.loader import DATA, DemoDataError, load
from demo.supervision import school_day_from

ROOT = Path(__file__).resolve().parents[2]
DOMAIN_APPS = ("people", "courses", "certificates", "supervision", "programmes", "lms")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    monkeypatch.setattr(loader, "DATA", tmp_path)
    load.cache_clear()
    yield tmp_path
    load.cache_clear()


def test_every_data_file_loads_and_every_course_file_is_built() -> None:
    names = [path.relative_to(DATA).with_suffix("").as_posix() for path in DATA.rglob("*.yaml")]
    for name in names:
        load(name)  # refuses a text without one of its languages
    course_files = {name.removeprefix("courses/") for name in names if name.startswith("courses/")}
    assert len(course_files) == 8
    assert {spec["key"] for spec in courses()} == course_files


def test_a_missing_translation_is_refused_with_its_place(data_dir: Path) -> None:
    (data_dir / "broken.yaml").write_text(
        "modules:\n  - title: {kk: Күн тәртібі, ru: Режим дня}\n", encoding="utf-8"
    )
    with pytest.raises(DemoDataError, match=re.escape("broken.modules[0].title: no en text")):
        load("broken")


def test_an_empty_translation_or_an_unknown_language_is_refused(data_dir: Path) -> None:
    (data_dir / "empty.yaml").write_text("title: {kk: Аты, ru: Имя, en: ''}\n", encoding="utf-8")
    (data_dir / "extra.yaml").write_text(
        "title: {kk: Аты, ru: Имя, en: Name, de: Name}\n", encoding="utf-8"
    )
    with pytest.raises(DemoDataError, match=re.escape("empty.title: no en text")):
        load("empty")
    with pytest.raises(DemoDataError, match=re.escape("extra.title: unknown ['de']")):
        load("extra")


def test_a_file_that_is_not_yaml_is_refused_with_its_name(data_dir: Path) -> None:
    (data_dir / "torn.yaml").write_text("title: {kk: Аты, ru: [\n", encoding="utf-8")
    with pytest.raises(DemoDataError, match=r"^torn\.yaml: "):
        load("torn")
    with pytest.raises(DemoDataError, match=r"^absent\.yaml: "):
        load("absent")


def test_every_language_of_a_module_shares_its_block_ids() -> None:
    """A knowledge-check answer means the same whatever language the module was read in."""
    spec = courses()[0]
    module = next(m for m in spec["modules"] if m["completion"] == "knowledge_check")
    kazakh = module_body(spec["key"], module, "kk")
    russian = module_body(spec["key"], module, "ru")

    def ids(body: list[dict[str, object]]) -> list[str]:
        return re.findall(r"'id': '([0-9a-f-]{36})'", repr(body))

    assert ids(kazakh) == ids(russian)
    assert len(ids(kazakh)) > len(kazakh)  # questions and options have ids too
    check = next(block for block in kazakh if block["type"] == "knowledge_check")
    assert check["value"]["title"] == next(
        block["title"]["kk"] for block in module["body"] if block["type"] == "knowledge_check"
    )
    assert kazakh != russian


def test_a_moved_visit_lands_on_a_school_day() -> None:
    assert school_day_from(date(2026, 11, 21)) == date(2026, 11, 23)  # Saturday: Monday
    assert school_day_from(date(2026, 11, 22)) == date(2026, 11, 23)  # Sunday: Monday
    assert school_day_from(date(2026, 11, 18)) == date(2026, 11, 18)  # Wednesday stays


def test_no_app_imports_the_demo() -> None:
    importing = re.compile(r"^\s*(from\s+demo[\s.]|import\s+demo\b)", re.MULTILINE)
    offenders = [
        str(path.relative_to(ROOT))
        for app in DOMAIN_APPS
        for path in (ROOT / app).rglob("*.py")
        if importing.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []
