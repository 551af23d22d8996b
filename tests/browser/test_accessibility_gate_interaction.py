"""The accessibility gate, beyond what axe-core sees: the learner's journey by keyboard
alone, target sizes on a phone, a visible focus indicator on everything that takes focus,
no motion for people who ask for less, and form errors that are announced and lead to
their fields."""

from __future__ import annotations

import re
from pathlib import Path
from pprint import pformat
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from courses.models import ModulePage
from people.roles import Role
from tests.factories import PASSWORD, SchoolFactory, UserFactory, grant
from tests.factories.courses import catalogue, course_page, module_page

from .a11y_world import PHONE, World, build_world, new_page, sign_in, use_temporary_storage

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

CSS = Path(__file__).resolve().parents[2] / "static" / "css"
CHECKS = (Path(__file__).with_name("a11y_checks.js")).read_text(encoding="utf-8") + "\n;undefined"


def run(page: Page, check: str) -> Any:
    """Run one of the checks in ``a11y_checks.js`` on the page."""
    if not page.evaluate("() => !!window.__a11y"):
        page.evaluate(CHECKS)
    return page.evaluate(f"() => window.__a11y.{check}()")


# --- Keyboard only ---------------------------------------------------------------------------


def tab_to(page: Page, matches: str, *, backwards: bool = False, limit: int = 80) -> None:
    """Press Tab (or Shift+Tab) until the focused element matches the JavaScript predicate
    ``matches`` (given ``el``)."""
    key = "Shift+Tab" if backwards else "Tab"
    for _ in range(limit):
        page.keyboard.press(key)
        if page.evaluate(f"() => {{ const el = document.activeElement; return !!({matches}); }}"):
            return
    raise AssertionError(f"{limit} presses of {key} did not reach {matches} on {page.url}")


def text_is(pattern: str) -> str:
    return f"el && /{pattern}/.test(el.textContent)"


def test_a_learner_completes_a_course_and_downloads_the_certificate_by_keyboard(
    browser: Browser, live_server: Any, settings: Any, tmp_path: Path
) -> None:
    use_temporary_storage(settings, tmp_path)
    settings.SITE_URL = live_server.url
    base = live_server.url
    course = course_page("Keyboard course", modules=[], language="en")
    module_page(
        course, "Check your understanding", completion=ModulePage.Completion.KNOWLEDGE_CHECK
    )
    learner = UserFactory(full_name="Әйгерім Сейітова", preferred_language="en")
    grant(learner, Role.TUTOR, school=SchoolFactory())

    context, page = new_page(browser, viewport=PHONE, accept_downloads=True)
    page.goto(f"{base}/en/accounts/login/")
    tab_to(page, "el.name === 'login'")
    page.keyboard.type(learner.email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/$"))

    # Home → the catalogue → the course → enrol → the first module.
    tab_to(page, f"el.getAttribute('href') === {catalogue('en').url!r}")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/en/courses/$"))
    tab_to(page, text_is("Keyboard course"))
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Keyboard course")
    tab_to(page, "el.tagName === 'BUTTON' && el.type === 'submit' && /Enrol/.test(el.textContent)")
    page.keyboard.press("Space")
    expect(page.locator(".messages")).to_contain_text("You are enrolled")
    tab_to(page, text_is("Start the first module"))
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Check your understanding")

    # The knowledge check: arrow keys move within the radio group, Space ticks boxes.
    tab_to(page, "el.type === 'radio'")
    page.keyboard.press("ArrowDown")
    expect(page.get_by_role("radio", name="Five")).to_be_checked()
    page.keyboard.press("ArrowUp")
    expect(page.get_by_role("radio", name="Four")).to_be_checked()
    tab_to(page, "el.type === 'checkbox' && el.labels[0].textContent === 'Two'")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    expect(page.get_by_role("checkbox", name="Four")).to_be_checked()
    # Back past the boxes to check the order is kept, then on to the button.
    page.keyboard.press("Shift+Tab")
    expect(page.get_by_role("checkbox", name="Two")).to_be_focused()
    tab_to(page, text_is("Check my answers"))
    page.keyboard.press("Enter")
    expect(page.locator(".check-result")).to_contain_text("You passed")

    # Back to the course, whose certificate is ready, and download it.
    tab_to(page, "el.rel !== 'prev' && el.classList.contains('pager__link')")
    page.keyboard.press("Enter")
    expect(page.locator(".progress-panel")).to_contain_text("100%")
    tab_to(page, text_is("Your certificate"))
    page.keyboard.press("Enter")
    expect(page.locator("h1")).to_have_text("Keyboard course")
    tab_to(page, text_is("Download PDF"))
    with page.expect_download() as download_info:
        page.keyboard.press("Enter")
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    assert Path(download.path()).read_bytes().startswith(b"%PDF-")
    context.close()


# --- Pages for the checks below ------------------------------------------------------------


def learner_paths(world: World) -> list[str]:
    course = world.courses["en"]
    return [
        "/en/",
        catalogue("en").url,
        course.course.url,
        course.video.url,
        course.check.url,
        course.reflection.url,
        "/en/learning/",
        "/en/certificates/",
        f"/en/certificates/{world.certificate.grouped_code}/",
        "/en/account/profile/",
    ]


def public_paths(world: World) -> list[str]:
    return ["/en/accounts/login/", "/en/verify/", f"/en/verify/{world.certificate.grouped_code}/"]


def supervisor_paths(world: World) -> list[str]:
    visit = f"/en/supervision/visits/{world.recording.public_id}/"
    return [
        "/en/supervision/caseload/",
        visit,
        f"{visit}observations/new/?rubric={world.rubric.pk}",
    ]


def coordinator_paths(world: World) -> list[str]:
    return [
        "/en/supervision/coverage/",
        f"/en/programmes/{world.programme.code}/",
        f"/en/programmes/{world.programme.code}/regions/{world.region.code}/",
        "/en/programmes/imports/",
        f"/en/programmes/imports/{world.staff_import.public_id}/",
    ]


@pytest.fixture
def world(live_server: Any, settings: Any, tmp_path: Path) -> World:
    use_temporary_storage(settings, tmp_path)
    settings.SITE_URL = live_server.url
    return build_world()


def survey(
    browser: Browser,
    base: str,
    world: World,
    inspect: Any,
    *,
    staff: bool = False,
    **options: Any,
) -> dict[str, Any]:
    """Run ``inspect(page)`` on the public pages, the learner's pages and, with ``staff``,
    a supervisor's and a coordinator's; return what it found per page."""
    found: dict[str, Any] = {}

    def visit(page: Page, paths: list[str]) -> None:
        for path in paths:
            page.goto(f"{base}{path}")
            if result := inspect(page):
                found[path] = result

    context, page = new_page(browser, **{"viewport": PHONE, **options})
    visit(page, public_paths(world))
    sign_in(page, base, world.learner)
    visit(page, learner_paths(world))
    context.close()
    if staff:
        context, page = new_page(browser, **options)
        sign_in(page, base, world.supervisor, secret=world.supervisor_secret)
        visit(page, supervisor_paths(world))
        context.close()
        context, page = new_page(browser, **options)
        sign_in(page, base, world.coordinator, secret=world.coordinator_secret)
        visit(page, coordinator_paths(world))
        context.close()
    return found


# --- Target size (WCAG 2.5.8) -----------------------------------------------------------------


def test_targets_are_at_least_24_pixels_on_a_phone(
    browser: Browser, live_server: Any, world: World
) -> None:
    found = survey(browser, live_server.url, world, lambda page: run(page, "smallTargets"))
    assert found == {}, pformat(found)


def test_pages_fit_a_phone_without_sideways_scrolling(
    browser: Browser, live_server: Any, world: World
) -> None:
    """WCAG 1.4.10, at 320 CSS pixels wide (1280 pixels zoomed to 400%)."""
    found = survey(
        browser,
        live_server.url,
        world,
        lambda page: run(page, "overflow"),
        viewport={"width": 320, "height": 640},
    )
    assert found == {}, pformat(found)


# --- Visible focus (WCAG 2.4.7) ---------------------------------------------------------------


def focus_problems(page: Page) -> list[str]:
    """Tab through the whole page: every element that takes focus must look different."""
    page.mouse.move(0, 0)
    run(page, "markFocusable")
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    problems = []
    seen: set[int] = set()
    for _ in range(150):
        page.keyboard.press("Tab")
        focused = run(page, "focused")
        if focused is None:
            break
        if focused["index"] is None:
            continue  # inside a native control (the video player draws its own ring)
        if focused["index"] in seen:
            break
        seen.add(focused["index"])
        if not focused["changed"]:
            problems.append(focused["label"])
    assert seen, f"nothing took focus on {page.url}"
    return problems


def test_every_focusable_element_shows_focus(
    browser: Browser, live_server: Any, world: World
) -> None:
    found = survey(browser, live_server.url, world, focus_problems, staff=True)
    assert found == {}, pformat(found)


# --- Motion (WCAG 2.3.3) ----------------------------------------------------------------------


def moving(page: Page) -> list[str]:
    page.keyboard.press("Tab")  # focus styles may bring transitions too
    return list(run(page, "moving"))


def test_nothing_moves_when_reduced_motion_is_asked_for(
    browser: Browser, live_server: Any, world: World
) -> None:
    found = survey(browser, live_server.url, world, moving, staff=True, reduced_motion="reduce")
    assert found == {}, pformat(found)


MOTION = re.compile(
    r"(?<![-\w])(animation(?:-name|-duration)?|transition(?:-duration)?|scroll-behavior)"
    r"\s*:\s*([^;}]+)"
)


def css_rules(text: str) -> list[tuple[list[str], str]]:
    """Each block's declarations, with the at-rules around it."""
    text = re.sub(r"/\*.*?\*/", "", text, flags=re.DOTALL)
    rules: list[tuple[list[str], str]] = []
    stack: list[str] = []
    start = 0
    for position, char in enumerate(text):
        if char == "{":
            stack.append(text[start:position].strip())
            start = position + 1
        elif char == "}":
            rules.append(([s for s in stack[:-1] if s.startswith("@")], text[start:position]))
            if stack:
                stack.pop()
            start = position + 1
    return rules


def unguarded_motion(text: str) -> list[str]:
    """Motion declared outside ``@media (prefers-reduced-motion: no-preference)`` (or a
    ``reduce`` block that turns it off)."""
    problems = []
    for conditions, body in css_rules(text):
        if any(
            re.search(r"prefers-reduced-motion\s*:\s*(no-preference|reduce)", c) for c in conditions
        ):
            continue
        for name, value in MOTION.findall(body):
            value = value.strip()
            if value.startswith("none") or value in ("auto", "0", "0s"):
                continue
            durations = [
                float(number) / (1000 if unit == "ms" else 1)
                for number, unit in re.findall(r"(\d*\.?\d+)(ms|s)\b", value)
            ]
            if name == "scroll-behavior" or not durations or max(durations) > 0.01:
                problems.append(f"{name}: {value}")
    return problems


def test_style_sheets_keep_motion_behind_prefers_reduced_motion() -> None:
    assert unguarded_motion(".spinner { animation: spin 1s linear infinite; }")
    assert unguarded_motion("@media (min-width: 40rem) { .card { transition: color 0.2s; } }")
    assert not unguarded_motion(
        "@media (prefers-reduced-motion: no-preference) { .card { transition: color 0.2s; } }"
    )
    found = {
        sheet.name: problems
        for sheet in sorted(CSS.glob("*.css"))
        if (problems := unguarded_motion(sheet.read_text(encoding="utf-8")))
    }
    assert found == {}, pformat(found)


# --- Form errors (WCAG 3.3.1, 1.3.1, 4.1.3) ---------------------------------------------------


def assert_errors_are_announced_and_linked(page: Page) -> None:
    found = run(page, "formErrors")
    assert found["summary"], f"no error summary on {page.url}"
    assert found["role"] == "alert" or found["focused"], found
    assert found["links"], f"the error summary on {page.url} links to no field"
    for link in found["links"]:
        assert link["found"], link
        assert link["invalid"] == "true", link
        assert link["messages"], link
    assert found["unlinked"] == [], found["unlinked"]
    # Following the first link puts the keyboard in the field.
    page.locator("[data-error-summary] a[href^='#']").first.focus()
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.id") == found["links"][0]["href"]


def test_form_errors_are_announced_and_lead_to_their_fields(
    browser: Browser, live_server: Any, world: World
) -> None:
    base = live_server.url
    context, page = new_page(browser, viewport=PHONE)
    page.goto(f"{base}/en/accounts/login/")
    page.locator("main button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    assert_errors_are_announced_and_linked(page)

    sign_in(page, base, world.learner)
    # A knowledge check with a question left unanswered.
    page.goto(f"{base}{world.courses['en'].check.url}")
    page.get_by_role("radio", name="Four").check()
    page.get_by_role("button", name="Check my answers").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    assert_errors_are_announced_and_linked(page)
    expect(
        page.get_by_role("group", name=re.compile("Which are even"))
    ).to_have_accessible_description(re.compile("Choose an answer"))

    page.goto(f"{base}{world.courses['en'].reflection.url}")
    page.get_by_label("Your reflection").fill("Too short")
    page.locator(".reflection button[type=submit]").click()
    expect(page.locator("[data-error-summary]")).to_be_focused()
    assert_errors_are_announced_and_linked(page)
    context.close()

    context, page = new_page(browser)
    sign_in(page, base, world.coordinator, secret=world.coordinator_secret)
    for path in ("/en/programmes/imports/", "/en/people/add/"):
        page.goto(f"{base}{path}")
        page.locator("main form button[type=submit]").click()
        expect(page.locator("[data-error-summary]")).to_be_focused()
        assert_errors_are_announced_and_linked(page)
    context.close()

    # A group of choices: the message belongs to the whole group.
    context, page = new_page(browser)
    sign_in(page, base, world.supervisor, secret=world.supervisor_secret)
    page.goto(f"{base}/en/supervision/visits/{world.recording.public_id}/observations/new/?rubric=")
    expect(page.locator("[data-error-summary]")).to_be_focused()
    assert_errors_are_announced_and_linked(page)
    context.close()


# --- The checks themselves --------------------------------------------------------------------

BAD_PAGE = """<!doctype html><html lang="en"><head><title>Bad</title><style>
  *:focus { outline: none; }
  .spinner { width: 30px; height: 30px; animation: spin 2s linear infinite; }
  @keyframes spin { to { transform: rotate(1turn); } }
</style></head><body><main>
  <p><a href="#a">Alone</a></p><button style="width: 16px; height: 16px">x</button>
  <p>A sentence with <a href="#b">a link</a> inside it.</p>
  <div class="spinner"></div>
  <div data-error-summary role="alert"><a href="#name">Name: required</a></div>
  <input id="name" aria-invalid="true">
</main></body></html>"""


def test_the_checks_find_what_they_look_for(browser: Browser) -> None:
    context, page = new_page(browser, viewport=PHONE, reduced_motion="reduce")
    page.set_content(BAD_PAGE)
    small = run(page, "smallTargets")
    assert any('"Alone"' in item for item in small), small
    assert any("button" in item for item in small), small
    assert not any("a link" in item for item in small), small
    assert focus_problems(page)
    assert any("spin" in item for item in run(page, "moving"))
    errors = run(page, "formErrors")
    assert errors["links"][0]["messages"] == []
    context.close()
