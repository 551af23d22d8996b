"""The Content-Security-Policy header: strict on the product's pages (no inline code), its
own looser policy in the Wagtail admin, and no inline code left in the product's templates."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from allauth.account.models import EmailAddress
from django.conf import settings
from django.test import Client
from django.urls import reverse

from people.roles import Role
from tests.factories import SchoolFactory, UserFactory, activate_totp, admin_in_english, grant
from tests.factories.courses import catalogue, course_page

ROOT = Path(__file__).resolve().parents[2]
TEMPLATES = ROOT / "templates"

PRODUCT_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "worker-src": ["'self'"],
    "manifest-src": ["'self'"],
    "media-src": ["'self'", "blob:"],
    "frame-ancestors": ["'none'"],
    "form-action": ["'self'"],
    "base-uri": ["'self'"],
    "object-src": ["'none'"],
}


def policy(response: Any) -> dict[str, list[str]]:
    """The response's Content-Security-Policy header as {directive: [sources]}."""
    header = response.headers.get("Content-Security-Policy")
    assert header, f"no Content-Security-Policy on {response.request['PATH_INFO']}"
    directives: dict[str, list[str]] = {}
    for part in header.split(";"):
        name, *sources = part.split()
        assert name not in directives, f"{name} twice in {header}"
        directives[name] = sources
    return directives


def assert_product_policy(response: Any) -> None:
    directives = policy(response)
    assert directives == PRODUCT_POLICY
    header = response.headers["Content-Security-Policy"]
    assert "unsafe-inline" not in header
    assert "unsafe-eval" not in header


@pytest.fixture(autouse=True)
def _no_mfa(settings: Any) -> None:
    settings.LMS_MFA_REQUIRED_FOR_PROGRAMME_ROLES = False


@pytest.fixture
def tutor(db: None) -> Any:
    person = UserFactory(full_name="Tutor One")
    grant(person, Role.TUTOR, school=SchoolFactory())
    return person


@pytest.mark.django_db
@pytest.mark.parametrize(
    "path",
    [
        "/en/accounts/login/",
        "/kk/accounts/login/",
        "/en/",
        "/en/accounts/password/reset/",
        "/en/verify/",
        "/en/verify/NO-SUCH-CODE/",
        "/en/no-such-page/",
    ],
)
def test_public_pages_carry_the_strict_policy(client: Client, path: str) -> None:
    response = client.get(path)
    assert response.status_code in (200, 404)
    assert_product_policy(response)


@pytest.mark.django_db
def test_signed_in_product_pages_carry_the_strict_policy(client: Client, tutor: Any) -> None:
    course = course_page("Inclusive classrooms", language="en")
    client.force_login(tutor)
    for path in (
        reverse("home"),
        catalogue("en").url,
        course.url,
        reverse("certificate_verify_form"),
        reverse("my_certificates"),
        reverse("profile"),
        reverse("account_email"),
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert_product_policy(response)


@pytest.mark.django_db
def test_the_pending_e_mail_change_form_is_hidden_without_an_inline_style(
    client: Client, tutor: Any
) -> None:
    EmailAddress.objects.create(user=tutor, email="new@example.org", verified=False)
    client.force_login(tutor)
    response = client.get(reverse("account_email"))
    assert response.status_code == 200
    html = response.content.decode()
    assert re.search(r'<form hidden\s+id="pending-email"', html)
    assert "style=" not in html
    assert_product_policy(response)


@pytest.mark.django_db
def test_redirects_and_the_offline_worker_carry_the_strict_policy(client: Client) -> None:
    # A redirect to sign in, and the supervision pages' service worker (a worker's own
    # policy comes from its script's response).
    assert_product_policy(client.get(reverse("my_certificates")))
    worker = client.get(reverse("supervision:service_worker"))
    assert worker.status_code == 200
    assert_product_policy(worker)


@pytest.mark.django_db
def test_the_admin_has_its_own_policy(client: Client) -> None:
    administrator = UserFactory()
    grant(administrator, Role.ADMINISTRATOR)
    activate_totp(administrator)
    admin_in_english(administrator)
    client.force_login(administrator)
    for path in ("/admin/", "/admin/pages/", "/admin/reports/site-history/"):
        response = client.get(path)
        assert response.status_code == 200, path
        directives = policy(response)
        assert directives == settings.LMS_ADMIN_CONTENT_SECURITY_POLICY["DIRECTIVES"]
        assert "'unsafe-inline'" in directives["script-src"]
        assert "'unsafe-inline'" in directives["style-src"]
        # Still the product's own origin only, and framed only by itself (page previews).
        assert directives["default-src"] == ["'self'"]
        assert directives["frame-ancestors"] == ["'self'"]
        assert directives["object-src"] == ["'none'"]
        assert "'unsafe-eval'" not in directives["script-src"]


@pytest.mark.django_db
def test_the_admin_policy_stays_under_the_admin_prefix(client: Client, tutor: Any) -> None:
    # A learner who tries the admin is sent to sign in or refused, never given the admin's
    # looser policy on a product page; a path that merely starts with "admin" is a product path.
    client.force_login(tutor)
    assert_product_policy(client.get("/en/administration/"))
    refused = client.get("/admin/")
    assert "unsafe-inline" in refused.headers["Content-Security-Policy"]  # the admin's prefix
    assert_product_policy(client.get(reverse("home")))


def test_the_settings_never_allow_inline_code_on_product_pages() -> None:
    directives = settings.CONTENT_SECURITY_POLICY["DIRECTIVES"]
    for name, sources in directives.items():
        assert "'unsafe-inline'" not in sources, name
        assert "'unsafe-eval'" not in sources, name
        assert "'unsafe-hashes'" not in sources, name
    assert not settings.CONTENT_SECURITY_POLICY.get("EXCLUDE_URL_PREFIXES")
    assert "lms.csp.ContentSecurityPolicyMiddleware" in settings.MIDDLEWARE
    # The admin shows no third-party avatars (blocked by the policy, and a privacy leak).
    assert settings.WAGTAIL_GRAVATAR_PROVIDER_URL is None


# --- No inline code in the product's templates ------------------------------------------------

# E-mails are not web pages, and WeasyPrint renders the PDF templates (with their own styles).
EXEMPT = ("email/", "certificates/pdf/", "supervision/report/", "programmes/pdf/")
INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>")
INLINE_STYLE = re.compile(r"<style\b|\sstyle\s*=", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"<[a-zA-Z][^>]*\son[a-z]+\s*=", re.IGNORECASE)
JAVASCRIPT_URL = re.compile(r"\b(href|src|action)\s*=\s*[\"']?\s*javascript:", re.IGNORECASE)


def product_templates() -> list[Path]:
    return sorted(
        path
        for path in TEMPLATES.rglob("*.html")
        if not path.relative_to(TEMPLATES).as_posix().startswith(EXEMPT)
    )


def test_product_templates_hold_no_inline_code() -> None:
    templates = product_templates()
    assert len(templates) > 50
    found = []
    for path in templates:
        text = path.read_text(encoding="utf-8")
        for name, pattern in (
            ("inline script", INLINE_SCRIPT),
            ("inline style", INLINE_STYLE),
            ("event handler", EVENT_HANDLER),
            ("javascript: URL", JAVASCRIPT_URL),
        ):
            for match in pattern.finditer(text):
                line = text.count("\n", 0, match.start()) + 1
                found.append(f"{path.relative_to(ROOT)}:{line}: {name}")
    assert found == []


def test_the_template_scan_finds_what_it_looks_for() -> None:
    assert INLINE_SCRIPT.search("<script>alert(1)</script>")
    assert not INLINE_SCRIPT.search('<script src="/static/js/app.js" defer></script>')
    assert not INLINE_SCRIPT.search('<script type="application/json" id="data">{}</script>')
    assert INLINE_STYLE.search('<div style="width: 40%">')
    assert INLINE_STYLE.search("<style>p { color: red }</style>")
    assert EVENT_HANDLER.search('<button type="button" onclick="go()">')
    assert not EVENT_HANDLER.search('<button type="button" data-once="true">')
    assert JAVASCRIPT_URL.search('<a href="javascript:void(0)">')
