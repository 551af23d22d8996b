"""Certificates in a real browser: a tutor finds and downloads her certificate, and an
official opens its public verification page (as from the QR code) without signing in;
every page passes axe-core's WCAG 2.2 A/AA rules."""

from __future__ import annotations

import hashlib
import re
from pathlib import Path
from typing import Any

import pytest
from django.conf import settings as django_settings
from playwright.sync_api import Browser, Page, expect

from certificates import services
from certificates.models import Certificate
from people.roles import Role
from tests.factories import SchoolFactory, TrainingAreaFactory, UserFactory, activate_totp, grant
from tests.factories.certificates import complete
from tests.factories.courses import course_page

from .conftest import assert_accessible
from .test_foundation_pages import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def private_dir(settings: Any, tmp_path: Path) -> Path:
    folder = tmp_path / "private"
    settings.STORAGES = {
        **django_settings.STORAGES,
        "private": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(folder), "base_url": None},
        },
    }
    return folder


@pytest.fixture
def certificate(settings: Any, live_server: Any) -> Certificate:
    settings.SITE_URL = live_server.url
    course = course_page("Supporting a child with autism", modules=2)
    tutor = UserFactory(
        full_name="Әйгерім Сейітова", full_name_alt="Aigerim Seiitova", preferred_language="en"
    )
    grant(tutor, Role.TUTOR, school=SchoolFactory(), training_area=TrainingAreaFactory())
    complete(tutor, course)  # outside a test transaction, the certificate is issued at once
    return Certificate.objects.get()


def test_a_tutor_finds_and_downloads_her_certificate(
    page: Page, live_server: Any, certificate: Certificate
) -> None:
    base = live_server.url
    sign_in(page, base, certificate.person)
    page.goto(f"{base}/en/learning/")
    page.get_by_role("link", name=re.compile("^Certificate ?: Supporting")).click()
    expect(page.locator("h1")).to_have_text("Supporting a child with autism")
    expect(page.locator(".cert-status")).to_have_text(re.compile("Valid"))
    assert_accessible(page)

    page.get_by_role("link", name="My certificates").first.click()
    expect(page.locator(".cert-card")).to_contain_text(certificate.grouped_code)
    assert_accessible(page)
    with page.expect_download() as download_info:
        page.get_by_role("link", name=re.compile("Download PDF")).click()
    download = download_info.value
    assert download.suggested_filename == f"certificate-{certificate.grouped_code}.pdf"
    data = Path(download.path()).read_bytes()
    assert hashlib.sha256(data).hexdigest() == certificate.pdf_sha256


def test_an_official_verifies_a_certificate_without_signing_in(
    browser: Browser, live_server: Any, certificate: Certificate
) -> None:
    base = live_server.url
    context = browser.new_context(viewport={"width": 390, "height": 844}, locale="ru-RU")
    page = context.new_page()
    page.goto(f"{base}/VERIFY/{certificate.grouped_code}/")  # as the QR code holds it
    expect(page.locator("html")).to_have_attribute("lang", "ru")
    expect(page.locator(".verify-result--valid")).to_contain_text("Әйгерім Сейітова")
    assert_accessible(page)

    page.goto(f"{base}/en/verify/")
    assert_accessible(page)
    page.get_by_label("Certificate code").fill("0000 0000 0000 0000 0000")
    page.get_by_role("button", name="Check").click()
    expect(page.locator(".verify-result--not-found")).to_contain_text("Not found")
    assert_accessible(page)
    page.get_by_label("Certificate code").fill(certificate.code.lower())
    page.get_by_role("button", name="Check").click()
    expect(page).to_have_url(f"{base}/en/verify/{certificate.grouped_code}/")
    expect(page.locator(".verify-result--valid")).to_be_visible()
    context.close()


def test_a_manager_revokes_and_the_verification_page_says_so(
    browser: Browser, live_server: Any, certificate: Certificate
) -> None:
    base = live_server.url
    manager = UserFactory(full_name="Manager", preferred_language="en")
    grant(manager, Role.PROGRAMME_MANAGER)
    secret = activate_totp(manager)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    sign_in(page, base, manager, secret=secret)
    page.goto(f"{base}/en/certificates/register/")
    assert_accessible(page)
    page.get_by_role("link", name="Әйгерім Сейітова").click()
    page.get_by_role("link", name="Revoke").click()
    assert_accessible(page)
    page.get_by_role("button", name="Revoke certificate").click()
    expect(page.locator("[data-error-summary]")).to_contain_text("Say why")
    assert_accessible(page)
    page.get_by_label("Reason").fill("Completion recorded on the wrong account.")
    page.get_by_role("button", name="Revoke certificate").click()
    expect(page.locator(".messages")).to_contain_text("revoked")
    assert_accessible(page)
    page.goto(f"{base}/en/certificates/jobs/")
    assert_accessible(page)
    context.close()

    public = browser.new_context().new_page()
    public.goto(f"{base}{certificate.verify_path}")
    expect(public.locator(".verify-result--revoked")).to_contain_text("revoked on")
    assert_accessible(public)
    public.context.close()
    assert services.may_manage(manager)
