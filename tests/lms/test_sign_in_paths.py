"""Every way into a session goes through one flow: allauth's login flow and its stages
(e-mail verification, the second factor).

The product's own code is scanned for anything that signs a person in or sets a password
outside that flow; each one found must be on the allowed list below, with its reason, and
every entry on the list must still be found. The sign-in and password paths of the
libraries the product mounts (allauth, Wagtail, Django) are tried one by one: each goes
through the same flow or is closed.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from allauth.account import app_settings as allauth_settings
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.http import Http404
from django.test import Client, RequestFactory
from django.urls import resolve, reverse
from django.utils import translation

from lms import access
from people.roles import Role
from tests.factories import (
    PASSWORD,
    UserFactory,
    activate_totp,
    admin_in_english,
    grant,
    totp_code,
)

ROOT = Path(settings.BASE_DIR)
# Not the product: the tests themselves and the benchmarks, which drive it from outside.
NOT_PRODUCT = {"tests", "bench"}

# Calls that start a session, check a password, or record a sign-in step.
SIGN_IN_CALLS = frozenset(
    {
        "login",
        "force_login",
        "authenticate",
        "update_session_auth_hash",
        "perform_login",
        "perform_password_login",
        "resume_login",
        "record_authentication",
    }
)
# Calls that set a password.
PASSWORD_CALLS = frozenset({"set_password"})
# Forms and views that set a password or sign in (Django's, allauth's, Wagtail's).
PASSWORD_NAMES = re.compile(
    r"^\w*(SetPassword|ChangePassword|PasswordChange|PasswordReset|ResetPassword)\w*"
    r"(Form|View|Mixin)$|^\w*LoginView$|^\w*(UserCreationForm)$"
)

ANYWHERE = "*"
# (file, function or ANYWHERE in the file, what): why it is allowed.
ALLOWED = {
    (
        "people/adapters.py",
        "sign_in_with_new_password",
        "perform_password_login",
    ): "The hand-over to allauth's own login flow, with its stages, after an invitation.",
    ("people/services/invitations.py", "invitation_accept", "set_password"): (
        "The invitation: a single-use, expiring link for an account with neither a password "
        "nor an authenticator, checked under the row locks; it signs nobody in."
    ),
    ("people/models/accounts.py", "UserManager.create_user", "set_password"): (
        "Creating an account with a password (the demo, management commands); not a view."
    ),
    ("demo/idp/management/commands/idp_setup.py", "Command.handle", "set_password"): (
        "The demo identity provider's own accounts, in its own process and database: it "
        "stands in for an organisation's provider and is never part of the product's sign-in."
    ),
    ("lti/views.py", "launch", "login"): (
        "An LTI 1.3 launch from a platform registered in the admin, once PyLTI1p3 has "
        "verified its signed id_token (signature, state, nonce used once, audience, "
        "deployment): the person is the one linked to the platform's issuer and subject. "
        "Accounts with programme roles or an authenticator are refused (lti.services), so "
        "no second factor is skipped; no password is checked or set."
    ),
    ("people/admin_views.py", ANYWHERE, "UserCreationForm"): (
        "Wagtail's user form, adapted to the person model; with WAGTAILUSERS_PASSWORD_ENABLED "
        "off it has no password fields and leaves the password unusable (tested below)."
    ),
}


@dataclass(frozen=True)
class Finding:
    path: str
    function: str
    what: str
    line: int

    @property
    def allowed_as(self) -> tuple[str, str, str] | None:
        for key in ((self.path, self.function, self.what), (self.path, ANYWHERE, self.what)):
            if key in ALLOWED:
                return key
        return None


class _Scanner(ast.NodeVisitor):
    def __init__(self, path: str) -> None:
        self.path = path
        self.scope: list[str] = []
        self.aliases: dict[str, str] = {}
        self.found: list[Finding] = []

    def _add(self, what: str, node: ast.AST) -> None:
        function = ".".join(self.scope) or "<module>"
        self.found.append(Finding(self.path, function, what, getattr(node, "lineno", 0)))

    def _scoped(self, node: ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef) -> None:
        self.scope.append(node.name)
        self.generic_visit(node)
        self.scope.pop()

    visit_FunctionDef = visit_AsyncFunctionDef = visit_ClassDef = _scoped

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        for alias in node.names:
            if alias.name in SIGN_IN_CALLS | PASSWORD_CALLS:
                self.aliases[alias.asname or alias.name] = alias.name
            elif PASSWORD_NAMES.match(alias.name):
                self._add(alias.name, node)

    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = None
        if isinstance(func, ast.Name):
            name = self.aliases.get(func.id, func.id)
        elif isinstance(func, ast.Attribute):
            name = func.attr
        if name in SIGN_IN_CALLS | PASSWORD_CALLS:
            self._add(name, node)
        self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        if PASSWORD_NAMES.match(node.id):
            self._add(node.id, node)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        if PASSWORD_NAMES.match(node.attr):
            self._add(node.attr, node)
        self.generic_visit(node)


def scan_source(source: str, path: str) -> list[Finding]:
    scanner = _Scanner(path)
    scanner.visit(ast.parse(source))
    return scanner.found


def product_packages() -> list[Path]:
    return sorted(
        entry
        for entry in ROOT.iterdir()
        if entry.is_dir()
        and (entry / "__init__.py").exists()
        and entry.name not in NOT_PRODUCT
        and not entry.name.startswith(".")
    )


def scan_product() -> list[Finding]:
    found = []
    for package in product_packages():
        for file in sorted(package.rglob("*.py")):
            if "migrations" in file.parts:
                continue
            relative = file.relative_to(ROOT).as_posix()
            found += scan_source(file.read_text(encoding="utf-8"), relative)
    return found


def test_the_scan_covers_every_app_and_the_shell() -> None:
    names = {package.name for package in product_packages()}
    assert set(access.PRODUCT_APPS) <= names


def test_nothing_signs_in_or_sets_a_password_outside_the_allowed_flow() -> None:
    found = scan_product()
    outside = [
        f"{finding.path}:{finding.line} {finding.function}: {finding.what}"
        for finding in found
        if finding.allowed_as is None
    ]
    assert outside == [], (
        "Sign-in or password-setting outside allauth's flow; hand over to "
        "people.adapters.sign_in_with_new_password, or add it to ALLOWED with the reason."
    )
    stale = sorted(set(ALLOWED) - {finding.allowed_as for finding in found})
    assert stale == [], "ALLOWED lists what the code no longer does"


def test_the_scan_finds_what_it_looks_for() -> None:
    source = """
from django.contrib.auth import login as sign_in, views
from django.contrib.auth.forms import SetPasswordForm
from allauth.account.forms import ResetPasswordKeyForm

def accept(request, user):
    sign_in(request, user)

class Shortcut:
    def post(self, request):
        request.user.set_password("x")
        form = views.PasswordChangeView
        django.contrib.auth.login(request, request.user)
"""
    found = {(finding.function, finding.what) for finding in scan_source(source, "x.py")}
    assert found == {
        ("<module>", "SetPasswordForm"),
        ("<module>", "ResetPasswordKeyForm"),
        ("accept", "login"),
        ("Shortcut.post", "set_password"),
        ("Shortcut.post", "PasswordChangeView"),
        ("Shortcut.post", "login"),
    }
    harmless = (
        "def list_login(self):\n    self.logins.append(1)\n    person.set_unusable_password()\n"
    )
    assert scan_source(harmless, "y.py") == []


# --- The libraries' sign-in and password paths --------------------------------------------


def url(name: str, **kwargs: Any) -> str:
    with translation.override("en"):
        return reverse(name, kwargs=kwargs or None)


def signed_in_user(client: Client) -> Any:
    return client.get(url("profile")).wsgi_request.user


def sign_in(client: Client, email: str, password: str = PASSWORD) -> Any:
    return client.post(url("account_login"), {"login": email, "password": password})


def test_the_django_admin_is_not_installed() -> None:
    assert "django.contrib.admin" not in settings.INSTALLED_APPS


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("wagtailadmin_password_reset", {}),
        ("wagtailadmin_password_reset_done", {}),
        ("wagtailadmin_password_reset_confirm", {"uidb64": "MQ", "token": "set-password"}),
        ("wagtailadmin_password_reset_complete", {}),
    ],
)
@pytest.mark.parametrize("method", ["get", "post"])
def test_the_wagtail_admin_password_reset_is_closed(
    rf: RequestFactory, name: str, kwargs: dict[str, str], method: str
) -> None:
    """Wagtail's own reset would set a password outside allauth: its views answer 404."""
    path = reverse(name, kwargs=kwargs or None)
    match = resolve(path)
    request = getattr(rf, method)(path, {"new_password1": "x", "new_password2": "x"})
    request.user = AnonymousUser()
    try:
        status = match.func(request, *match.args, **match.kwargs).status_code
    except Http404:
        status = 404
    assert status == 404


@pytest.mark.django_db
def test_the_wagtail_admin_sets_no_password(client: Client) -> None:
    """Neither one's own admin account page nor an administrator's user form sets a password."""
    administrator = UserFactory()
    grant(administrator, Role.ADMINISTRATOR)
    activate_totp(administrator)
    admin_in_english(administrator)
    other = UserFactory()
    client.force_login(administrator)
    for path in (
        reverse("wagtailadmin_account"),
        reverse("wagtailusers_users:edit", args=[other.pk]),
        reverse("wagtailusers_users:add"),
    ):
        response = client.get(path)
        assert response.status_code == 200, path
        assert 'type="password"' not in response.content.decode(), path


@pytest.mark.django_db
def test_confirming_an_address_still_asks_for_the_second_factor(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    """Signing in with an unverified address sends a confirmation; confirming it resumes
    the same sign-in, which then asks for the authenticator's code."""
    person = UserFactory(verified=False)
    secret = activate_totp(person)
    with django_capture_on_commit_callbacks(execute=True):
        response = sign_in(client, person.email)
    assert response["Location"] == url("account_email_verification_sent")
    match = re.search(r"(/en/accounts/confirm-email/[^/\s]+/)", mail.outbox[-1].body)
    assert match
    response = client.post(match.group(1))
    assert response.status_code == 302
    assert response["Location"] == url("mfa_authenticate")
    assert not signed_in_user(client).is_authenticated
    client.post(url("mfa_authenticate"), {"code": totp_code(secret)})
    assert signed_in_user(client) == person


@pytest.mark.django_db
def test_a_password_reset_signs_nobody_in_and_the_code_is_still_asked(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    person = UserFactory()
    activate_totp(person)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("account_reset_password"), {"email": person.email})
    match = re.search(r"(/en/accounts/password/reset/key/\S+/)", mail.outbox[-1].body)
    assert match
    form = client.get(match.group(1))
    response = client.post(
        form["Location"], {"password1": "a-reset-passphrase-9", "password2": "a-reset-passphrase-9"}
    )
    assert response.status_code == 302
    assert not signed_in_user(client).is_authenticated
    response = sign_in(client, person.email, "a-reset-passphrase-9")
    assert response["Location"] == url("mfa_authenticate")
    assert not signed_in_user(client).is_authenticated


@pytest.mark.django_db
def test_open_sign_up_does_not_sign_in_before_the_address_is_confirmed(
    client: Client, settings: Any
) -> None:
    settings.LMS_OPEN_SIGNUP = True
    response = client.post(
        url("account_signup"),
        {
            "email": "self@example.org",
            "full_name": "Self Registered",
            "preferred_language": "en",
            "password1": "a-long-passphrase-42",
            "password2": "a-long-passphrase-42",
        },
    )
    assert response["Location"] == url("account_email_verification_sent")
    assert not signed_in_user(client).is_authenticated


@pytest.mark.django_db
def test_sign_in_by_e_mailed_code_is_off(client: Client) -> None:
    assert not allauth_settings.LOGIN_BY_CODE_ENABLED
    UserFactory()
    response = client.post(url("account_confirm_login_code"), {"code": "123456"})
    assert response.status_code == 302
    assert not signed_in_user(client).is_authenticated
