"""Serve the product for the page benchmarks the way production serves it.

The demo programme is built in a SQLite database of the benchmark's own (migrate and
``seed_demo``), static files are collected into a directory of its own (whitenoise's
compressed, hashed storage), and gunicorn serves the product with ``DJANGO_DEBUG=false``
and a secret key made for the run. Only HTTPS is relaxed: the server is reached over
plain HTTP on ``localhost`` (where browsers still keep ``Secure`` cookies).

Used by ``bench/page_weight.py`` and ``bench/lighthouse.sh``. On its own:

    .venv/bin/python bench/_server.py [--workdir DIR] [--ready-file FILE]

builds (or reuses) the data in DIR, starts the server, signs in as the demo tutor, writes
a JSON file with the base address, the session cookie and the learner pages, and serves
until it is stopped (SIGTERM or SIGINT) or ``--max-seconds`` pass.
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
GUNICORN = str(VENV_BIN / "gunicorn") if (VENV_BIN / "gunicorn").exists() else "gunicorn"
CHROMIUM = os.environ.get("CHROME_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]

Log = Callable[[str], object]

LEARNER_EMAIL = "tutor@qamqor.example"
LEARNER_PASSWORD = "Qamqor-demo-2026"  # noqa: S105 - the documented demo password

# Prints the learner pages of the demo tutor as JSON: run inside the product's settings.
TARGETS_SCRIPT = """
import json
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from courses.models import Enrolment
from courses.selectors import catalogue_url, module_state_for
from people.models import User

person = User.objects.get(email=EMAIL)
# The pages the learner reads: in their own language.
language = person.preferred_language or settings.LANGUAGE_CODE
translation.activate(language)
enrolments = Enrolment.objects.filter(person=person).exclude(status="left")
course = module = None
# Courses in progress first, then finished ones (the demo tutor has finished theirs).
for enrolment in sorted(enrolments, key=lambda row: (row.status != "active", row.pk)):
    candidate = enrolment.course.specific.localized
    for page in candidate.get_children().live().specific().order_by("path"):
        state = module_state_for(user=person, module=page)
        if page.knowledge_check is not None and not state.locked:
            course, module = candidate, page
            break
    if module is not None:
        break
if module is None:
    raise SystemExit("The demo tutor has no open module with a knowledge check.")
print(json.dumps({
    "home": reverse("home"),
    "login": reverse("account_login"),
    "catalogue": catalogue_url(),
    "course": course.url,
    "module": module.url,
    "my_learning": reverse("my_learning"),
    "my_certificates": reverse("my_certificates"),
}))
"""


@dataclass
class Running:
    """A server that answers, and who is signed in to it."""

    base_url: str
    pages: dict[str, str]
    cookies: list[dict]

    @property
    def cookie_header(self) -> str:
        return "; ".join(f"{c['name']}={c['value']}" for c in self.cookies)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def product_env(workdir: Path, port: int) -> dict[str, str]:
    """Production settings, with this run's own database, files and secret."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "EMAIL_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="localhost,127.0.0.1",
        DJANGO_SECURE_SSL_REDIRECT="false",
        SITE_URL=f"http://localhost:{port}",
        DATABASE_URL=f"sqlite:///{workdir / 'db.sqlite3'}",
        STATIC_ROOT=str(workdir / "static"),
        MEDIA_ROOT=str(workdir / "media"),
        PRIVATE_MEDIA_ROOT=str(workdir / "private"),
        LOG_LEVEL="WARNING",
        PYTHONUNBUFFERED="1",
    )
    return env


def manage(env: dict[str, str], *args: str, timeout: float = 600) -> str:
    result = subprocess.run(  # noqa: S603 - fixed arguments
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise SystemExit(f"manage.py {args[0]} failed ({result.returncode})")
    return result.stdout


def prepare(workdir: Path, env: dict[str, str], log: Log = print) -> dict[str, str]:
    """Collect static files, build the demo data once per work directory, and name the
    learner pages to measure. Static files come first, as in a deployment: certificates
    issued while seeding refer to them by their hashed names."""
    workdir.mkdir(parents=True, exist_ok=True)
    collected = workdir / "collected"
    fingerprint = static_fingerprint()
    if not collected.exists() or collected.read_text() != fingerprint:
        log("# collecting static files (compressed, hashed)...")
        manage(env, "collectstatic", "--no-input", "--clear", "-v", "0")
        collected.write_text(fingerprint)
    marker = workdir / "seeded"
    if not marker.exists():
        started = time.monotonic()
        log("# building the demo programme (migrate, seed_demo)...")
        manage(env, "migrate", "--no-input", "-v", "0")
        manage(env, "seed_demo")
        marker.write_text("ok\n")
        log(f"# demo programme ready in {time.monotonic() - started:.0f} s")
    script = f"EMAIL = {LEARNER_EMAIL!r}\n" + TARGETS_SCRIPT
    output = manage(env, "shell", "-c", script).strip().splitlines()[-1]
    return dict(json.loads(output))


def static_fingerprint() -> str:
    """Names, sizes and times of the product's own static files (the libraries' are pinned)."""
    digest = hashlib.sha256()
    for directory in sorted([ROOT / "static", *ROOT.glob("*/static")]):
        for path in sorted(directory.rglob("*")):
            if path.is_file():
                stat = path.stat()
                digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}\n".encode())
    return digest.hexdigest()


def wait_until_up(base_url: str, process: subprocess.Popen, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped ({process.returncode})")
        with (
            contextlib.suppress(OSError, urllib.error.URLError),
            urllib.request.urlopen(f"{base_url}/healthz/", timeout=5) as response,  # noqa: S310
        ):
            if response.status == 200:
                return
        time.sleep(0.3)
    raise SystemExit("gunicorn did not answer in time")


def stop(process: subprocess.Popen) -> None:
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


@contextlib.contextmanager
def gunicorn(env: dict[str, str], port: int, workdir: Path) -> Iterator[str]:
    """gunicorn as ``make serve`` runs it, on a loopback port; stopped on leaving."""
    base_url = f"http://localhost:{port}"
    log = (workdir / "gunicorn.log").open("a")
    process = subprocess.Popen(  # noqa: S603 - fixed arguments
        [GUNICORN, "lms.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        wait_until_up(base_url, process)
        yield base_url
    finally:
        stop(process)
        log.close()


def sign_in(base_url: str, login_path: str) -> list[dict]:
    """Sign in through the sign-in page as the demo tutor; return the browser's cookies."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            context = browser.new_context()
            page = context.new_page()
            page.goto(f"{base_url}{login_path}")
            page.fill("input[name=login]", LEARNER_EMAIL)
            page.fill("input[name=password]", LEARNER_PASSWORD)
            page.locator("main button[type=submit]").click()
            page.wait_for_url(lambda url: "/accounts/" not in url, timeout=30_000)
            cookies = [dict(cookie) for cookie in context.cookies()]
        finally:
            browser.close()
    if not any(cookie["name"] == "sessionid" for cookie in cookies):
        raise SystemExit("signing in as the demo tutor gave no session")
    return cookies


@contextlib.contextmanager
def running_product(workdir: Path | None = None, log: Log = print) -> Iterator[Running]:
    """Data built, static files collected, gunicorn up and the demo tutor signed in."""
    with contextlib.ExitStack() as stack:
        if workdir is None:
            workdir = Path(stack.enter_context(tempfile.TemporaryDirectory(prefix="lms-bench-")))
        port = free_port()
        env = product_env(workdir, port)
        pages = prepare(workdir, env, log=log)
        base_url = stack.enter_context(gunicorn(env, port, workdir))
        cookies = sign_in(base_url, pages.pop("login"))
        yield Running(base_url=base_url, pages=pages, cookies=cookies)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--ready-file", type=Path, default=None)
    parser.add_argument("--max-seconds", type=float, default=900)
    args = parser.parse_args()

    def stop_serving(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    def log(text: str) -> None:
        print(text, file=sys.stderr)

    signal.signal(signal.SIGTERM, stop_serving)
    with contextlib.suppress(KeyboardInterrupt), running_product(args.workdir, log) as product:
        ready = json.dumps({**asdict(product), "cookie_header": product.cookie_header})
        if args.ready_file:  # whole or not at all: a reader waits for it to appear
            partial = args.ready_file.with_name(args.ready_file.name + ".partial")
            partial.write_text(ready)
            partial.replace(args.ready_file)
        else:
            print(ready, flush=True)
        time.sleep(args.max_seconds)


if __name__ == "__main__":
    main()
