"""The smallest phone in Kazakh and Russian: the header and menu take at most a quarter of
the screen, and no page scrolls sideways, long course titles included."""

from __future__ import annotations

from pathlib import Path
from pprint import pformat
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from tests.factories.courses import course_page

from .a11y_world import World, build_world, new_page, sign_in, use_temporary_storage
from .test_accessibility_gate_interaction import run

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SMALL_PHONE = {"width": 320, "height": 640}
# Course titles with the long words real courses have.
LONG_TITLES = {
    "ru": "Индивидуализированное психолого-педагогическое сопровождение",
    "kk": "Оқушылардың ерекшеліктерін ескеретін жекелендірілген бағдарламалар",
}


@pytest.fixture
def world(live_server: Any, settings: Any, tmp_path: Path) -> World:
    use_temporary_storage(settings, tmp_path)
    settings.SITE_URL = live_server.url
    found = build_world()
    for language, title in LONG_TITLES.items():
        long_course = course_page(title, modules=1, language=language)
        found.courses[language].long_title_url = long_course.url
    return found


def header_share(page: Page) -> float:
    """The part of the screen's height the header (with its menu) takes, closed."""
    return float(
        page.evaluate(
            "() => document.querySelector('.site-header').getBoundingClientRect().height"
            " / window.innerHeight"
        )
    )


def learner_paths(world: World, language: str) -> list[str]:
    course = world.courses[language]
    return [
        f"/{language}/",
        f"/{language}/learning/",
        course.course.url,
        course.video.url,
        course.reflection.url,
        course.long_title_url,
    ]


@pytest.mark.parametrize("language", ["kk", "ru"])
def test_the_phone_header_is_small_and_nothing_scrolls_sideways(
    browser: Browser, live_server: Any, world: World, language: str
) -> None:
    base = live_server.url
    found: dict[str, Any] = {}

    def survey(page: Page, paths: list[str]) -> None:
        for path in paths:
            page.goto(f"{base}{path}")
            share = header_share(page)
            if share > 0.25:
                found[f"{path} header"] = f"{share:.0%} of the screen"
            if problems := run(page, "overflow"):
                found[f"{path} overflow"] = problems

    context, page = new_page(browser, viewport=SMALL_PHONE)
    sign_in(page, base, world.learner)
    survey(page, learner_paths(world, language))
    context.close()

    context, page = new_page(browser, viewport=SMALL_PHONE)
    sign_in(page, base, world.supervisor, secret=world.supervisor_secret)
    survey(
        page,
        [
            f"/{language}/supervision/caseload/",
            f"/{language}/supervision/visits/{world.recording.public_id}/",
        ],
    )
    context.close()
    assert found == {}, pformat(found)


def test_the_phone_menu_opens_and_closes(browser: Browser, live_server: Any, world: World) -> None:
    """The links folded away on a phone are one tap away, and announced as a menu."""
    base = live_server.url
    context, page = new_page(browser, viewport=SMALL_PHONE)
    sign_in(page, base, world.learner)
    page.goto(f"{base}/ru/")
    toggle = page.locator(".site-nav__toggle")
    links = page.locator(".site-nav__list a")
    assert toggle.get_attribute("aria-expanded") == "false"
    assert not links.first.is_visible()
    toggle.click()
    assert toggle.get_attribute("aria-expanded") == "true"
    assert links.first.is_visible()
    page.keyboard.press("Escape")
    assert toggle.get_attribute("aria-expanded") == "false"
    context.close()

    context, page = new_page(browser)  # a desktop shows the links without a menu
    sign_in(page, base, world.learner)
    page.goto(f"{base}/ru/")
    assert not page.locator(".site-nav__toggle").is_visible()
    assert page.locator(".site-nav__list a").first.is_visible()
    context.close()
