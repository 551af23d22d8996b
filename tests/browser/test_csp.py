"""The Content-Security-Policy in a real browser: the key pages of every kind of user load,
run their scripts and styles, and work (offline too) without a single violation of the
strict policy and without a script error; the Wagtail admin works under its own policy."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from typing import Any

import pytest
from django.conf import settings as django_settings
from django.utils import timezone
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, WebError, expect

from certificates.models import Certificate, CertificateJob, CertificateJobItem
from courses import services as course_services
from courses.models import ModulePage
from people.models import User
from people.roles import Role
from programmes import services as programme_services
from programmes.models import Programme, RequiredCourse, Target, TrainedRule
from supervision.models import Visit
from tests.factories import (
    RegionFactory,
    SchoolFactory,
    TrainingAreaFactory,
    UserFactory,
    activate_totp,
    admin_in_english,
    grant,
)
from tests.factories.certificates import complete
from tests.factories.courses import catalogue, course_page, module_page
from tests.factories.supervision import RubricFactory, make_year, published

from .test_foundation_pages import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

MARK = "CSP violation:"
# Run before any of the page's own scripts (and not subject to the page's policy): every
# violation the page meets is written to the console, where the watch below reads it.
REPORT_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => {
  console.error(`MARK ${event.violatedDirective} blocked ${event.blockedURI || "inline code"}`
    + ` in ${event.sourceFile || event.documentURI}:${event.lineNumber}`);
});
""".replace("MARK", MARK)


class Watch:
    """Every policy violation and every uncaught script error in one browser context."""

    def __init__(self, context: BrowserContext) -> None:
        self.problems: list[str] = []
        context.add_init_script(REPORT_VIOLATIONS)
        context.on("console", self._console)
        context.on("weberror", self._error)

    def _console(self, message: ConsoleMessage) -> None:
        text = message.text
        if MARK in text or "Content Security Policy" in text or "Content-Security-Policy" in text:
            where = message.page.url if message.page else "a worker"
            self.problems.append(f"{where}: {text}")

    def _error(self, error: WebError) -> None:
        where = error.page.url if error.page else "a worker"
        self.problems.append(f"{where}: script error: {error.error}")

    def settle(self, page: Page) -> None:
        """Let the page finish loading and any violation event reach the console."""
        page.wait_for_load_state("load")
        page.evaluate("() => new Promise((resolve) => setTimeout(resolve, 150))")

    def visit(self, page: Page, url: str) -> None:
        response = page.goto(url)
        assert response is not None, url
        assert response.ok, f"{url}: {response.status}"
        self.settle(page)
        self.assert_clean()

    def assert_clean(self) -> None:
        assert self.problems == []


def open_context(browser: Browser, **options: Any) -> tuple[BrowserContext, Page, Watch]:
    options = {"viewport": {"width": 820, "height": 1180}, "locale": "en-GB", **options}
    context = browser.new_context(**options)
    watch = Watch(context)
    page = context.new_page()
    page.set_default_timeout(15_000)
    return context, page, watch


def assert_strict_policy(page: Page, url: str) -> None:
    response = page.request.get(url)
    header = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in header, header
    assert "unsafe-inline" not in header, header


@pytest.fixture(autouse=True)
def private_dir(settings: Any, tmp_path: Any) -> None:
    settings.STORAGES = {
        **django_settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path / "private"), "base_url": None},
        },
    }
    settings.MEDIA_ROOT = str(tmp_path / "media")


@pytest.fixture
def watched(browser: Browser) -> Iterator[tuple[Page, Watch]]:
    context, page, watch = open_context(browser)
    yield page, watch
    context.close()


def test_the_watch_sees_a_violation_and_lets_json_data_through(
    watched: tuple[Page, Watch], live_server: Any
) -> None:
    page, watch = watched
    watch.visit(page, f"{live_server.url}/en/accounts/login/")
    # JSON for a script (Django's json_script) is not run, so the policy lets it be.
    page.evaluate(
        """() => {
          const data = document.createElement("script");
          data.type = "application/json";
          data.id = "some-data";
          data.textContent = JSON.stringify({ answer: 42 });
          document.body.append(data);
        }"""
    )
    watch.settle(page)
    assert page.evaluate("JSON.parse(document.getElementById('some-data').textContent).answer")
    watch.assert_clean()
    # An inline script and an inline style are refused, and the watch says so.
    page.evaluate(
        """() => {
          const code = document.createElement("script");
          code.textContent = "window.ran = true";
          document.body.append(code);
          document.body.insertAdjacentHTML("beforeend", '<p style="color: red">x</p>');
        }"""
    )
    watch.settle(page)
    assert page.evaluate("window.ran === undefined")
    assert any("script-src" in problem for problem in watch.problems), watch.problems
    assert any("style-src" in problem for problem in watch.problems), watch.problems


def test_learners_and_the_public_meet_no_violation(
    browser: Browser, live_server: Any, settings: Any
) -> None:
    base = live_server.url
    settings.SITE_URL = base
    school = SchoolFactory()
    tutor = UserFactory(full_name="Әйгерім Сейітова", preferred_language="en")
    grant(tutor, Role.TUTOR, school=school, training_area=TrainingAreaFactory())
    finished = course_page("Supporting a child with autism", modules=1, language="en")
    complete(tutor, finished)  # outside a test transaction, the certificate is issued at once
    certificate = Certificate.objects.get()
    course = course_page("Adapting lessons", modules=1, language="en")
    check = module_page(
        course, "Check what you know", completion=ModulePage.Completion.KNOWLEDGE_CHECK
    )
    course_services.enrolment_create(actor=tutor, person=tutor, course=course)

    context, page, watch = open_context(browser)
    # Signed out: the landing page, sign-in, and the public verification of a certificate.
    watch.visit(page, f"{base}/en/")
    watch.visit(page, f"{base}/en/accounts/login/")
    watch.visit(page, f"{base}/en/verify/")
    page.get_by_label("Certificate code").fill(certificate.code.lower())
    page.get_by_role("button", name="Check").click()
    expect(page.locator(".verify-result--valid")).to_be_visible()
    watch.settle(page)
    watch.assert_clean()
    watch.visit(page, f"{base}/VERIFY/{certificate.grouped_code}/")

    sign_in(page, base, tutor)
    watch.settle(page)
    watch.assert_clean()
    for url in (
        f"{base}/en/",
        f"{base}{catalogue('en').url}",
        f"{base}{course.url}",
        f"{base}/en/learning/",
        f"{base}/en/certificates/",
        f"{base}/en/certificates/{certificate.grouped_code}/",
        f"{base}/en/accounts/email/",
    ):
        watch.visit(page, url)

    # A module with a knowledge check: answer it and read the result.
    watch.visit(page, f"{base}{check.url}")
    questions = page.locator(".knowledge-check fieldset")
    questions.nth(0).get_by_label("Four").check()
    questions.nth(1).get_by_label("Two").check()
    questions.nth(1).get_by_label("Four").check()
    page.get_by_role("button", name="Check my answers").click()
    expect(page.locator(".check-result")).to_be_visible()
    watch.settle(page)
    watch.assert_clean()
    assert_strict_policy(page, page.url)
    context.close()


def test_supervisors_offline_and_managers_meet_no_violation(
    browser: Browser, live_server: Any
) -> None:
    base = live_server.url
    region = RegionFactory()
    school = SchoolFactory(region=region, name_en="Lyceum No. 6")
    supervisor: User = UserFactory(full_name="Гүлнұр Тұрсынова")
    grant(supervisor, Role.SUPERVISOR, school=school)
    supervisor_secret = activate_totp(supervisor)
    teacher: User = UserFactory(full_name="Айгүл Сейітова")
    grant(teacher, Role.TEACHER, school=school)
    published(RubricFactory())
    today = timezone.localdate()
    year = make_year(school, [supervisor], starts_on=today - timedelta(days=60))
    visit = Visit.objects.create(year=year, school=school, planned_on=today, supervisor=supervisor)

    # A supervisor's caseload and visit; the visit kept on the device; the connection goes
    # and the observation form still opens, from the service worker, under the same policy.
    context, page, watch = open_context(browser, service_workers="allow")
    sign_in(page, base, supervisor, secret=supervisor_secret)
    watch.settle(page)
    watch.assert_clean()
    watch.visit(page, f"{base}/en/supervision/")
    watch.visit(page, f"{base}/en/supervision/caseload/")
    watch.visit(page, f"{base}/en/supervision/visits/{visit.public_id}/")
    page.get_by_role("button", name="Start recording").click()
    expect(page.locator("[data-offline-ready]")).to_be_visible()
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    watch.settle(page)
    watch.assert_clean()
    context.set_offline(True)
    response = page.reload()
    assert response is not None
    assert response.from_service_worker
    assert "unsafe-inline" not in (response.headers.get("content-security-policy") or "unsafe")
    expect(page.locator(".offline-banner")).to_contain_text("No connection")
    page.get_by_role("link", name="Add an observation").click()
    page.get_by_label("Lesson").check()
    page.get_by_role("button", name="Continue").click()
    expect(page.locator("h1")).to_have_text("Record an observation")
    watch.settle(page)
    watch.assert_clean()
    context.set_offline(False)
    context.close()

    # A programme manager's dashboard (targets as <progress>, the chart as SVG), and a bulk
    # certificate job whose page follows its progress from a static script.
    tutor = UserFactory(full_name="Tutor trained")
    area = TrainingAreaFactory()
    grant(tutor, Role.TUTOR, school=school, training_area=area)
    course = course_page("Autism support", modules=1, audiences=[("tutor", area, False)])
    complete(tutor, course)
    programme = Programme.objects.create(
        code="iesr",
        name_kk="Бағдарлама",
        name_ru="Программа",
        name_en="Programme",
        starts_on=today - timedelta(days=60),
        ends_on=today + timedelta(days=200),
    )
    programme.regions.add(region)
    programme.save()
    RequiredCourse.objects.create(
        programme=programme, role="tutor", training_area=area, course=course
    )
    TrainedRule.objects.create(programme=programme, role="tutor")
    Target.objects.create(programme=programme, number=4, deadline=today + timedelta(days=30))
    programme_services.statuses_refresh(programme=programme)
    manager = UserFactory(full_name="Manager", preferred_language="en")
    grant(manager, Role.PROGRAMME_MANAGER)
    manager_secret = activate_totp(manager)
    job = CertificateJob.objects.create(
        kind=CertificateJob.Kind.REGENERATE,
        course=course,
        requested_by=manager,
        started_at=timezone.now(),
        total=1,
    )
    item = CertificateJobItem.objects.create(job=job, certificate=Certificate.objects.get())

    context, page, watch = open_context(browser)
    sign_in(page, base, manager, secret=manager_secret)
    watch.settle(page)
    watch.assert_clean()
    watch.visit(page, f"{base}/en/programmes/iesr/")
    expect(page.locator("progress").first).to_be_visible()
    expect(page.locator("svg.chart__svg")).to_be_visible()
    watch.visit(page, f"{base}/en/certificates/jobs/{job.public_id}/")
    expect(page.locator("#job-done")).to_have_text("0")
    item.outcome = CertificateJobItem.Outcome.DONE
    item.save(update_fields=["outcome"])
    expect(page.locator("#job-done")).to_have_text("1")
    expect(page.locator("#job-progress")).to_have_attribute("value", "1")
    CertificateJob.objects.filter(pk=job.pk).update(finished_at=timezone.now())
    expect(page.locator("#job-state")).to_have_text("Finished")
    watch.settle(page)
    watch.assert_clean()
    context.close()


def test_the_admin_works_under_its_own_policy(browser: Browser, live_server: Any) -> None:
    base = live_server.url
    course = course_page("Supporting a child with autism", modules=1, language="en")
    module = ModulePage.objects.child_of(course).get()
    administrator = UserFactory(preferred_language="en")
    grant(administrator, Role.ADMINISTRATOR)
    secret = activate_totp(administrator)
    admin_in_english(administrator)

    context, page, watch = open_context(browser, viewport={"width": 1280, "height": 900})
    sign_in(page, base, administrator, secret=secret)
    for path in (
        "/admin/",
        f"/admin/pages/{course.pk}/",
        f"/admin/pages/{module.pk}/edit/",
        f"/admin/pages/{course.pk}/edit/",
        "/admin/images/",
        "/admin/documents/",
    ):
        watch.visit(page, f"{base}{path}")
        expect(page.locator("main, #main").first).to_be_visible()
        header = page.request.get(f"{base}{path}").headers["content-security-policy"]
        assert "'unsafe-inline'" in header
        assert "frame-ancestors 'self'" in header
    context.close()
