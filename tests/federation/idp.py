"""The demo OpenID Connect provider (allauth's own, ``demo.idp``) run as a second Django
process for the tests, and a person signing in at it as a browser would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests
from django.conf import settings
from django.test import Client

PASSWORD = "idp-passphrase-2026"
PORT = int(os.environ.get("FEDERATION_IDP_PORT", "8781"))
CLIENT_ID = "qamqor-tests"
CLIENT_SECRET = "a-client-secret-for-tests"
SLUGS = ("ministry", "department")


@dataclass
class Provider:
    process: subprocess.Popen[bytes]
    issuer: str
    directory: Path


def callback_uris() -> list[str]:
    return [
        f"http://testserver/{language}/accounts/oidc/{slug}/login/callback/"
        for slug in SLUGS
        for language, _name in settings.LANGUAGES
    ]


def start(
    directory: Path,
    people: list[dict[str, Any]],
    *,
    port: int = PORT,
    redirect_uris: list[str] | None = None,
) -> Provider:
    """Set the provider up for ``people`` and serve it on ``port``; it sends people back
    only to ``redirect_uris`` (by default the test client's callbacks)."""
    env = {**os.environ, "DEMO_IDP_DIR": str(directory), "DEMO_IDP_FAST_HASHING": "1"}
    env.pop("DJANGO_SETTINGS_MODULE", None)
    env.pop("DATABASE_URL", None)
    for person in people:
        person.setdefault("password", PASSWORD)
    (directory / "people.json").write_text(json.dumps(people), encoding="utf-8")
    wanted = callback_uris() if redirect_uris is None else redirect_uris
    uris = [arg for uri in wanted for arg in ("--redirect-uri", uri)]
    command = [sys.executable, "-m", "demo.idp"]
    subprocess.run(
        [*command, "idp_setup", "--client-id", CLIENT_ID, "--client-secret", CLIENT_SECRET, *uris],
        check=True,
        env=env,
        cwd=settings.BASE_DIR,
        capture_output=True,
    )
    log = (directory / "server.log").open("wb")
    process = subprocess.Popen(
        [*command, "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=settings.BASE_DIR,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    issuer = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError((directory / "server.log").read_text())
        try:
            if requests.get(f"{issuer}/.well-known/openid-configuration", timeout=1).ok:
                return Provider(process=process, issuer=issuer, directory=directory)
        except requests.ConnectionError:
            time.sleep(0.2)
    process.terminate()
    raise RuntimeError("the demo identity provider did not start")


def sign_in_at_provider(authorize_url: str, email: str, password: str = PASSWORD) -> str:
    """Follow the provider's pages as a browser does: its sign-in form, then the
    authorisation; returns the address the provider sends the browser back to."""
    browser = requests.Session()
    response = browser.get(authorize_url, allow_redirects=False, timeout=10)
    assert response.status_code == 302, response.text[:500]
    login_url = urljoin(authorize_url, response.headers["Location"])
    browser.get(login_url, timeout=10)
    next_url = dict(
        part.split("=", 1) for part in urlsplit(login_url).query.split("&") if "=" in part
    )
    response = browser.post(
        login_url,
        data={
            "login": email,
            "password": password,
            "csrfmiddlewaretoken": browser.cookies["demo_idp_csrftoken"],
            "next": requests.utils.unquote(next_url.get("next", "")),
        },
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 302, response.text[:2000]
    response = browser.get(
        urljoin(login_url, response.headers["Location"]), allow_redirects=False, timeout=10
    )
    assert response.status_code == 302, response.text[:500]
    return response.headers["Location"]


def start_sign_in(client: Client, slug: str = "ministry", language: str = "en") -> str:
    """Press "Sign in with <organisation>" on the product's sign-in page."""
    response = client.post(f"/{language}/accounts/oidc/{slug}/login/")
    assert response.status_code == 302, response.content[:500]
    return response["Location"]


def oidc_sign_in(client: Client, email: str, slug: str = "ministry") -> Any:
    """The whole round trip; returns the product's answer to the provider's redirect."""
    back = sign_in_at_provider(start_sign_in(client, slug), email)
    parts = urlsplit(back)
    assert parts.netloc == "testserver", back
    return client.get(f"{parts.path}?{parts.query}")
