"""The accessibility gate: the product's key pages, for every role that uses them, in
Kazakh, Russian and English, each checked by axe-core against WCAG 2.0/2.1 A and AA and
WCAG 2.2 AA. One browser context per role, signed in once; every finding of the whole run
is reported together."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests.factories.courses import catalogue

from .a11y_world import (
    LANGUAGES,
    PHONE,
    Gate,
    World,
    build_world,
    new_page,
    sign_in,
    use_temporary_storage,
)
from .conftest import WCAG_TAGS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

REQUIRED_TAGS = {"wcag2a", "wcag2aa", "wcag21aa", "wcag22aa"}


def test_the_gate_runs_every_wcag_a_and_aa_rule_set() -> None:
    assert set(WCAG_TAGS) >= REQUIRED_TAGS


def anonymous_pages(gate: Gate, page: Page, base: str, world: World, language: str) -> None:
    page.goto(f"{base}/{language}/accounts/login/")
    gate.check("sign-in", page, language)
    page.locator("main button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    gate.check("sign-in with errors", page, language)

    page.goto(f"{base}/{language}/verify/")
    gate.check("verification form", page, language)
    page.goto(f"{base}/{language}/verify/{world.certificate.grouped_code}/")
    expect(page.locator(".verify-result--valid")).to_be_visible()
    gate.check("verification result", page, language)

    page.goto(f"{base}/{language}/no-such-page/")
    gate.check("404", page, language)


def learner_pages(
    gate: Gate,
    page: Page,
    base: str,
    world: World,
    language: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    course = world.courses[language]
    page.goto(f"{base}/{language}/")
    gate.check("home", page, language)
    page.goto(f"{base}{catalogue(language).url}")
    gate.check("catalogue", page, language)
    page.goto(f"{base}{course.course.url}")
    gate.check("course", page, language)

    page.goto(f"{base}{course.video.url}")
    expect(page.locator("video track[kind=captions]")).to_have_count(1)
    gate.check("module with video", page, language)

    page.goto(f"{base}{course.check.url}")
    gate.check("module with knowledge check", page, language)
    page.locator(".options input").first.check()
    page.locator(".knowledge-check button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    gate.check("knowledge check with a question unanswered", page, language)
    for question in page.locator(".knowledge-check fieldset").all():
        question.locator("input").first.check()
    page.locator(".knowledge-check button[type=submit]").click()
    expect(page.locator(".check-result")).to_be_visible()
    gate.check("knowledge check, answered", page, language)

    page.goto(f"{base}{course.reflection.url}")
    page.locator(".reflection button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    gate.check("reflection with errors", page, language)

    page.goto(f"{base}/{language}/learning/")
    gate.check("my learning", page, language)
    page.goto(f"{base}/{language}/certificates/")
    gate.check("my certificates", page, language)
    page.goto(f"{base}/{language}/certificates/{world.certificate.grouped_code}/")
    gate.check("certificate detail", page, language)
    page.goto(f"{base}/{language}/account/profile/")
    gate.check("profile", page, language)
    page.goto(f"{base}/{language}/account/roles-offered/{world.offer.public_id}/")
    gate.check("role offered", page, language)

    response = page.goto(f"{base}/{language}/programmes/")
    assert response is not None
    assert response.status == 403
    gate.check("403", page, language)

    import lms.views

    def broken(user: Any) -> Any:
        raise RuntimeError("a fault for the error page")

    with monkeypatch.context() as patch:
        patch.setattr(lms.views, "sections_for", broken)
        response = page.goto(f"{base}/{language}/")
        assert response is not None
        assert response.status == 500
        gate.check("500", page, language)


def supervisor_pages(gate: Gate, page: Page, base: str, world: World, language: str) -> None:
    page.goto(f"{base}/{language}/supervision/caseload/")
    gate.check("supervision caseload", page, language)
    visit = f"{base}/{language}/supervision/visits/{world.recording.public_id}/"
    page.goto(visit)
    gate.check("visit being recorded", page, language)
    page.goto(f"{visit}observations/new/")
    gate.check("observation: session type", page, language)
    page.goto(f"{visit}observations/new/?rubric={world.rubric.pk}")
    gate.check("observation form", page, language)


def leader_pages(gate: Gate, page: Page, base: str, world: World, language: str) -> None:
    page.goto(f"{base}/{language}/supervision/visits/{world.submitted.public_id}/")
    expect(page.locator("form input[type=checkbox]")).to_have_count(1)
    gate.check("visit sign-off", page, language)


def coordinator_pages(gate: Gate, page: Page, base: str, world: World, language: str) -> None:
    page.goto(f"{base}/{language}/supervision/coverage/")
    gate.check("coordinator coverage", page, language)
    page.goto(f"{base}/{language}/programmes/{world.programme.code}/")
    gate.check("programme dashboard", page, language)
    page.goto(f"{base}/{language}/programmes/{world.programme.code}/regions/{world.region.code}/")
    gate.check("region drill-down", page, language)
    page.goto(f"{base}/{language}/programmes/imports/")
    gate.check("staff import", page, language)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_visible()
    gate.check("staff import with errors", page, language)
    page.goto(f"{base}/{language}/programmes/imports/{world.staff_import.public_id}/")
    expect(page.locator("[data-error-summary]")).to_be_visible()
    gate.check("staff import preview with problems", page, language)


def test_key_pages_pass_axe_in_every_language(
    browser: Browser,
    live_server: Any,
    settings: Any,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    use_temporary_storage(settings, tmp_path)
    settings.SITE_URL = live_server.url
    base = live_server.url
    world = build_world()
    gate = Gate()

    contexts = []
    anonymous_context, anonymous = new_page(browser, viewport=PHONE)
    learner_context, learner = new_page(browser, viewport=PHONE)
    sign_in(learner, base, world.learner)
    supervisor_context, supervisor = new_page(browser, viewport={"width": 820, "height": 1180})
    sign_in(supervisor, base, world.supervisor, secret=world.supervisor_secret)
    leader_context, leader = new_page(browser, viewport={"width": 820, "height": 1180})
    sign_in(leader, base, world.leader)
    coordinator_context, coordinator = new_page(browser)
    sign_in(coordinator, base, world.coordinator, secret=world.coordinator_secret)
    contexts = [
        anonymous_context,
        learner_context,
        supervisor_context,
        leader_context,
        coordinator_context,
    ]
    try:
        for language in LANGUAGES:
            anonymous_pages(gate, anonymous, base, world, language)
            learner_pages(gate, learner, base, world, language, monkeypatch)
            supervisor_pages(gate, supervisor, base, world, language)
            leader_pages(gate, leader, base, world, language)
            coordinator_pages(gate, coordinator, base, world, language)
    finally:
        for context in contexts:
            context.close()

    pages = {name for name, _language in gate.visited}
    assert len(pages) >= 20, sorted(pages)
    assert {language for _name, language in gate.visited} == set(LANGUAGES)
    assert gate.findings == [], gate.report()
