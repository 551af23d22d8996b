"""Benchmark: the product under load, served as production serves it, on this machine only.

    .venv/bin/python bench/load.py [--duration 60] [--soak] [--rebuild] [--nodes 2]

1. Data. A PostgreSQL database of its own (``bench_load``) holds the demo programme
   (``migrate``, ``seed_demo``) and the benchmark's people, added through the product's
   services by ``bench/_load_data.py``: 200 learners enrolled in the demo courses (some
   finished, with their certificates), 20 supervisors each recording a visit, and 5
   programme managers. It is built once and kept (``var/bench-load/prepared.json`` marks
   it ready; ``--rebuild`` builds it anew). Each run works on a fresh copy of it
   (``bench_load_run``, made with ``CREATE DATABASE ... TEMPLATE``) and of its files, so
   that what one run completes, the next can complete again.
2. The product, as in production: static files collected into a temporary directory
   (compressed, hashed), gunicorn with several workers, ``DJANGO_DEBUG=false``, a secret
   key made for the run, Redis database 13 as cache, session store and Celery broker, and
   a real Celery worker. The benchmark plays the TLS-terminating proxy: it sends
   ``X-Forwarded-Proto: https`` and, for each person, an ``X-Forwarded-For`` address of
   their own (the server trusts one proxy, ``TRUSTED_PROXY_COUNT=1``, so sign-in
   throttling counts people, not the proxy). Programme roles must protect their accounts
   with an authenticator app; the benchmark's supervisors and managers have none, so the
   server runs with ``LMS_MFA_REQUIRED=false``.
3. Load (locust, in this process, no web UI): 200 learners, 20 supervisors and 5 managers
   sign in once (two a second by default: a password check costs a worker about half a
   second of CPU), and each browser fetches the static files once; then they browse with
   think times for ``--duration`` seconds:
   - learners: home, catalogue, My learning, course and module pages, "Mark as done"
     (a POST with the CSRF token), My certificates and a certificate's PDF;
   - supervisors: caseload, visit pages, the observation form, the observation's autosave
     (the form's client id, ``X-Autosave``; up to three observations each, then edits)
     and the visit notes' autosave;
   - managers: the programme dashboard, a region's and a school's drill-down, the
     indicators and a CSV export.
   Think times are compressed (learners 0.5–2 s, supervisors 1–3 s, managers 2–5 s): 225
   people clicking this fast load the server as well over a thousand reading at a
   normal pace would.

Statistics are reset once every user has signed in; the table covers the measured window
only. ``--soak`` runs 10 minutes and samples the resident memory of every gunicorn and
Celery process every 15 s, then prints the series and its growth from the first to the
last minute. The machine's load average is printed before, during and after the run.

``--nodes 2`` runs the same load against two gunicorn nodes behind haproxy (round robin,
``/readyz/`` health checks), each with local folders of its own, on an S3 API server (moto's,
unless ``BENCH_STORAGE_URL`` names one), with one Celery worker for certificates and one for
the other queues (``bench/_nodes.py``). A third of the way in, node 1 is stopped (SIGTERM)
and started again a sixth later; failures within the retry window after either are counted
apart. Afterwards, supervisors upload visit attachments through one node and read them back
through the other. The last line then ends with ``nodes=2 cross_node_files=N`` (the files
read back identical), and ``errors`` counts the failures outside the retry window.

The last line printed is ``rps=X p95_ms=Y p99_ms=Z errors=N``; the exit status is 1 when
the goal (at least 150 requests/s, p95 at most 250 ms, no errors) is missed. gunicorn and
the Celery worker are stopped on every exit, Ctrl-C and SIGTERM included.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import gevent
import psutil
from locust import FastHttpUser, between, task
from locust.env import Environment
from locust.exception import StopUser
from locust.stats import StatsEntry

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
import _nodes  # noqa: E402
from _load_data import (  # noqa: E402
    LEARNERS,
    MANAGERS,
    PASSWORD,
    SUPERVISORS,
    learner_email,
    manager_email,
    supervisor_email,
)

VENV_BIN = ROOT / ".venv" / "bin"
PYTHON = str(VENV_BIN / "python") if (VENV_BIN / "python").exists() else sys.executable
GUNICORN = str(VENV_BIN / "gunicorn")
CELERY = str(VENV_BIN / "celery")
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
# On a machine shared with other engineers, each sets its own database name, Redis database
# and port range (BENCH_DB, BENCH_REDIS_URL, BENCH_PORT; BENCH_PORT_BASE for --nodes 2)
# so that runs do not collide.
PREPARED_DB = os.environ.get("BENCH_DB", "bench_load")
RUN_DB = f"{PREPARED_DB}_run"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/13")
WORKDIR = ROOT / "var" / "bench-load"
MARKER = WORKDIR / "prepared.json"
DATA_VERSION = 1  # raise when _load_data builds something different

GOAL_RPS = 150.0
GOAL_P95_MS = 250.0
SOAK_SECONDS = 600
SAMPLE_EVERY = 15

# --- Processes ---------------------------------------------------------------------------------

STARTED: list[subprocess.Popen] = []


def stop(process: subprocess.Popen) -> None:
    """Stop a process this script started, and everything in its session."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


def stop_all() -> None:
    while STARTED:
        stop(STARTED.pop())


def start(args: list[str], env: dict[str, str], log: Path) -> subprocess.Popen:
    with log.open("ab") as out:
        process = subprocess.Popen(  # noqa: S603 - fixed arguments
            args, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    STARTED.append(process)
    return process


def run(args: list[str], env: dict[str, str], timeout: float = 1800) -> None:
    result = subprocess.run(  # noqa: S603 - fixed arguments
        args, cwd=ROOT, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode != 0:
        sys.stderr.write(result.stdout[-4000:] + result.stderr[-4000:])
        raise SystemExit(f"{' '.join(args[1:3])} failed ({result.returncode})")


def free_port() -> int:
    if os.environ.get("BENCH_PORT"):
        return int(os.environ["BENCH_PORT"])
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def loadavg() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def say(text: str) -> None:
    print(f"# {time.strftime('%H:%M:%S')} {text}", flush=True)


# --- Data ----------------------------------------------------------------------------------------


def admin_sql(*statements: str) -> None:
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        for statement in statements:
            connection.execute(statement)


def database_exists(name: str) -> bool:
    import psycopg

    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        row = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
    return row is not None


def base_env() -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "EMAIL_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update(PYTHONUNBUFFERED="1", LOG_LEVEL="WARNING", LMS_MFA_REQUIRED="false")
    return env


def prepare(rebuild: bool) -> dict[str, Any]:
    """The prepared database and its files: reused when the marker says they are ready."""
    if not rebuild and MARKER.exists() and database_exists(PREPARED_DB):
        data = json.loads(MARKER.read_text())
        if data.get("version") == DATA_VERSION and data.get("database") == PREPARED_DB:
            say(f"reusing the prepared data ({MARKER.relative_to(ROOT)})")
            # The code may have moved on since: bring the prepared database up to date.
            env = base_env()
            env.update(DATABASE_URL=f"{POSTGRES}/{PREPARED_DB}")
            run([PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"], env)
            return dict(data)
    say("building the data: migrate, seed_demo, the benchmark's people (several minutes)")
    started = time.monotonic()
    MARKER.unlink(missing_ok=True)
    admin_sql(
        f'DROP DATABASE IF EXISTS "{RUN_DB}" WITH (FORCE)',
        f'DROP DATABASE IF EXISTS "{PREPARED_DB}" WITH (FORCE)',
        f'CREATE DATABASE "{PREPARED_DB}"',
    )
    for name in ("media", "private"):
        shutil.rmtree(WORKDIR / name, ignore_errors=True)
    WORKDIR.mkdir(parents=True, exist_ok=True)
    env = base_env()
    env.update(
        DATABASE_URL=f"{POSTGRES}/{PREPARED_DB}",
        CELERY_TASK_ALWAYS_EAGER="true",  # no worker yet: certificates are issued inline
        MEDIA_ROOT=str(WORKDIR / "media"),
        PRIVATE_MEDIA_ROOT=str(WORKDIR / "private"),
    )
    run([PYTHON, "manage.py", "migrate", "--no-input", "-v", "0"], env)
    run([PYTHON, "manage.py", "seed_demo"], env)
    result = WORKDIR / "people.json"
    run([PYTHON, str(ROOT / "bench" / "_load_data.py"), str(result)], env)
    data = json.loads(result.read_text())
    data.update(version=DATA_VERSION, database=PREPARED_DB)
    MARKER.write_text(json.dumps(data, indent=1))
    say(f"data ready in {time.monotonic() - started:.0f} s: " + _counts(data))
    return dict(data)


def _counts(data: dict[str, Any]) -> str:
    return " ".join(f"{k}={v}" for k, v in data.items() if isinstance(v, int) and k != "version")


def fresh_copy(tmp: Path) -> None:
    """A copy of the prepared database and files for this run, and an empty Redis db."""
    import redis

    admin_sql(
        f'DROP DATABASE IF EXISTS "{RUN_DB}" WITH (FORCE)',
        f'CREATE DATABASE "{RUN_DB}" TEMPLATE "{PREPARED_DB}"',
    )
    for name in ("media", "private"):
        source = WORKDIR / name
        if source.exists():
            shutil.copytree(source, tmp / name)
        else:
            (tmp / name).mkdir()
    redis.Redis.from_url(REDIS_URL).flushdb()


# --- The product -----------------------------------------------------------------------------


def server_env(tmp: Path, port: int) -> dict[str, str]:
    env = base_env()
    env.update(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        DJANGO_ALLOWED_HOSTS="127.0.0.1,localhost",
        SITE_URL=f"https://127.0.0.1:{port}",
        DATABASE_URL=f"{POSTGRES}/{RUN_DB}",
        REDIS_URL=REDIS_URL,
        STATIC_ROOT=str(tmp / "static"),
        MEDIA_ROOT=str(tmp / "media"),
        PRIVATE_MEDIA_ROOT=str(tmp / "private"),
        EMAIL_URL="dummymail://",
        TRUSTED_PROXY_COUNT="1",
    )
    return env


def wait_until_up(base_url: str, process: subprocess.Popen, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn stopped ({process.returncode})")
        with contextlib.suppress(OSError, urllib.error.URLError):
            request = urllib.request.Request(  # noqa: S310 - loopback
                f"{base_url}/healthz/", headers={"X-Forwarded-Proto": "https"}
            )
            with urllib.request.urlopen(request, timeout=5) as response:  # noqa: S310
                if response.status == 200:
                    return
        time.sleep(0.5)
    raise SystemExit("gunicorn did not answer in time")


@contextlib.contextmanager
def product(args: argparse.Namespace, tmp: Path) -> Iterator[tuple[str, Any, Any]]:
    """gunicorn and a Celery worker on this run's copy; both stopped on leaving."""
    port = free_port()
    env = server_env(tmp, port)
    run([PYTHON, "manage.py", "collectstatic", "--no-input", "-v", "0"], env)
    worker = start(
        [
            CELERY,
            "-A",
            "lms",
            "worker",
            "--loglevel=WARNING",
            f"--concurrency={args.celery_concurrency}",
            "--hostname=bench-load@%h",
        ],
        env,
        tmp / "celery.log",
    )
    gunicorn_args = [
        GUNICORN,
        "lms.wsgi",
        "--bind",
        f"127.0.0.1:{port}",
        "--workers",
        str(args.workers),
        "--worker-class",
        args.worker_class,
        "--error-logfile",
        "-",
    ]
    if args.worker_class == "gthread":
        gunicorn_args += ["--threads", str(args.threads)]
    server = start(gunicorn_args, env, tmp / "gunicorn.log")
    try:
        base_url = f"http://127.0.0.1:{port}"
        wait_until_up(base_url, server)
        say(
            f"gunicorn up: {args.workers} {args.worker_class} workers"
            + (f" x {args.threads} threads" if args.worker_class == "gthread" else "")
            + f"; celery worker concurrency {args.celery_concurrency}"
        )
        yield base_url, server, worker
    finally:
        stop(server)
        stop(worker)
        if args.show_logs:
            for name in ("gunicorn.log", "celery.log"):
                text = (tmp / name).read_text(errors="replace") if (tmp / name).exists() else ""
                print(f"\n--- {name} (last lines) ---\n" + "\n".join(text.splitlines()[-40:]))
        for process in (server, worker):
            with contextlib.suppress(ValueError):
                STARTED.remove(process)


# --- Virtual people ------------------------------------------------------------------------------


class Form(HTMLParser):
    """The fields of the forms on a page, keyed by each form's action."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.forms: dict[str, dict[str, Any]] = {}
        self._current: dict[str, Any] | None = None
        self._select: str | None = None
        self.feed(html)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {k: v or "" for k, v in attrs}
        if tag == "form":
            self._current = {"hidden": {}, "radios": {}, "selects": {}, "texts": []}
            self.forms[found.get("action", "")] = self._current
        elif self._current is None:
            return
        elif tag == "input":
            kind, name = found.get("type", "text"), found.get("name", "")
            if kind == "hidden":
                self._current["hidden"][name] = found.get("value", "")
            elif kind == "radio":
                self._current["radios"].setdefault(name, []).append(found.get("value", ""))
        elif tag == "select":
            self._select = found.get("name", "")
            self._current["selects"][self._select] = []
        elif tag == "option" and self._select and found.get("value"):
            self._current["selects"][self._select].append(found["value"])
        elif tag == "textarea":
            self._current["texts"].append(found.get("name", ""))

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._current = None
        elif tag == "select":
            self._select = None


NOTES = [
    "Сабақ құрылымы түсінікті, тапсырмалар қысқа қадамдарға бөлінген.",
    "Урок начался с визуального расписания; тьютор заранее предупреждал о смене деятельности.",
    "The teacher checked understanding with cards; a pupil used the quiet corner twice.",
]
HREF = re.compile(r'href="([^"#]+)"')


def unique(items: Iterable[str]) -> list[str]:
    """Each item once, in the order of the page."""
    return list(dict.fromkeys(items))


def local(location: str) -> str:
    """The path (and query) of a redirect's address, absolute or not."""
    parts = urlsplit(location)
    return parts.path + (f"?{parts.query}" if parts.query else "")


class BehindProxy(DefaultCookiePolicy):
    """The browser speaks HTTPS to the proxy, so it sends its ``Secure`` cookies; this
    client speaks plain HTTP on loopback in the proxy's place."""

    def return_ok_secure(self, cookie: Any, request: Any) -> bool:
        return True


class Person(FastHttpUser):
    abstract = True
    signed_in = 0  # how many virtual people have signed in (shared by all classes)
    people = 0
    accounts: list[str] = []
    default_headers = {"X-Forwarded-Proto": "https", "Accept-Language": "kk,ru;q=0.8,en;q=0.5"}
    network_timeout = 60.0
    connection_timeout = 30.0
    fetched_static: set[str] = set()

    def on_start(self) -> None:
        if not self.accounts:
            raise StopUser
        self.email = self.accounts.pop()
        # Each person has their own address; the proxy reports it in X-Forwarded-For.
        # (Loopback addresses: only a header, no traffic goes there.)
        Person.people += 1
        self.address = {
            "X-Forwarded-For": f"127.{1 + Person.people // 250}.{Person.people % 250}.1"
        }
        self.client.cookiejar.set_policy(BehindProxy())
        self.lang = "kk"
        self.sign_in()

    # -- requests like a browser's ----------------------------------------------------------

    def page(self, path: str, name: str, headers: dict[str, str] | None = None) -> Any:
        """GET a page; a redirect is followed as a browser would, as its own request."""
        with self.client.get(
            path,
            name=name,
            allow_redirects=False,
            headers={**self.address, **(headers or {})},
            catch_response=True,
        ) as response:
            if response.status_code == 302:
                response.success()
                return self.page(local(response.headers.get("Location", "")), name)
            if response.status_code != 200:
                response.failure(f"{path}: {response.status_code}")
            return response

    def post(
        self, path: str, data: dict[str, Any], name: str, headers: dict[str, str] | None = None
    ) -> Any:
        origin = (self.host or "").replace("http://", "https://")
        with self.client.post(
            path,
            data=data,
            name=name,
            allow_redirects=False,
            headers={**self.address, "Origin": origin, "Referer": origin + path, **(headers or {})},
            catch_response=True,
        ) as response:
            if response.status_code in (200, 302):
                response.success()
            else:
                response.failure(f"{path}: {response.status_code} {response.text[:200]!r}")
            return response

    def static(self, html: str) -> None:
        """Static files once per browser: whitenoise serves them cached for a year."""
        for path in re.findall(r'(?:src|href)="(/static/[^"]+)"', html):
            if path not in self.fetched_static:
                self.fetched_static = {*self.fetched_static, path}
                self.client.get(path, name="static file", headers=self.address)

    def sign_in(self) -> None:
        path = "/kk/accounts/login/"
        response = self.page(path, "sign-in page")
        html = response.text or ""
        self.static(html)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        answer = self.post(
            path,
            {
                "csrfmiddlewaretoken": token.group(1) if token else "",
                "login": self.email,
                "password": PASSWORD,
            },
            "sign in (POST)",
        )
        location = answer.headers.get("Location", "") if answer.status_code == 302 else ""
        if not location or "/accounts/" in location:
            say(f"{self.email} could not sign in: {answer.status_code} {location}")
            raise StopUser
        match = re.match(r"^(?:https?://[^/]+)?/(kk|ru|en)/", location)
        self.lang = match.group(1) if match else "kk"
        self.page(f"/{self.lang}/", "home")
        Person.signed_in += 1

    def think(self, low: float, high: float) -> None:
        gevent.sleep(random.uniform(low, high))

    def token(self, html: str) -> str:
        match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
        return match.group(1) if match else ""


class Learner(Person):
    wait_time = between(0.5, 2.0)

    def on_start(self) -> None:
        super().on_start()
        self.courses: list[str] = []
        self.modules: list[str] = []
        self.my_learning()

    @task(2)
    def home(self) -> None:
        self.page(f"/{self.lang}/", "home")

    @task(1)
    def catalogue(self) -> None:
        self.page(f"/{self.lang}/courses/", "catalogue")

    @task(2)
    def my_learning(self) -> None:
        html = self.page(f"/{self.lang}/learning/", "my learning").text or ""
        prefix = f"/{self.lang}/courses/"
        self.courses = unique(
            h for h in HREF.findall(html) if h.startswith(prefix) and h.count("/") == 4
        )

    @task(3)
    def course(self) -> None:
        if not self.courses:
            return self.catalogue()
        path = random.choice(self.courses)
        html = self.page(path, "course page").text or ""
        self.modules = unique(
            h for h in HREF.findall(html) if h.startswith(path) and h.count("/") == 5
        )

    @task(6)
    def module(self) -> None:
        if not self.modules:
            return self.course()
        # Mostly the next module to do; sometimes one read before.
        path = self.modules[0] if random.random() < 0.7 else random.choice(self.modules)
        html = self.page(path, "module page").text or ""
        done = re.search(r'action="(/[a-z]{2}/learning/modules/\d+/done/)"', html)
        if done:
            self.think(2, 5)  # reading the module
            self.post(
                done.group(1), {"csrfmiddlewaretoken": self.token(html)}, "module done (POST)"
            )
        if path in self.modules:
            self.modules.remove(path)

    @task(1)
    def certificates(self) -> None:
        html = self.page(f"/{self.lang}/certificates/", "my certificates").text or ""
        pdfs = re.findall(r'href="(/[a-z]{2}/certificates/[A-Z0-9-]+/download/)"', html)
        if pdfs:
            self.think(0.5, 2)
            with self.client.get(
                random.choice(pdfs),
                name="certificate PDF",
                headers=self.address,
                catch_response=True,
            ) as response:
                if not (response.content or b"").startswith(b"%PDF"):
                    response.failure("not a PDF")


class Supervisor(Person):
    wait_time = between(1.0, 3.0)
    recording: dict[str, str] = {}

    def on_start(self) -> None:
        super().on_start()
        self.visit = f"/{self.lang}/supervision/visits/{self.recording[self.email]}/"
        self.visits: list[str] = [self.visit]
        self.observations: list[str] = []
        self.caseload()

    @task(2)
    def caseload(self) -> None:
        html = self.page(f"/{self.lang}/supervision/caseload/", "caseload").text or ""
        prefix = f"/{self.lang}/supervision/visits/"
        self.visits = sorted({h for h in HREF.findall(html) if h.startswith(prefix)})

    @task(3)
    def visit_page(self) -> None:
        path = self.visit if random.random() < 0.6 else random.choice(self.visits or [self.visit])
        self.page(path, "visit page")

    @task(3)
    def observe(self) -> None:
        """Record an observation: the form, then its autosave as the supervisor types."""
        if len(self.observations) < 3:
            html = self.page(self.visit + "observations/new/", "observation form").text or ""
            rubrics = Form(html).forms.get("", {}).get("radios", {}).get("rubric", [])
            if not rubrics:
                return
            path = f"{self.visit}observations/new/?rubric={random.choice(rubrics)}"
            html = self.page(path, "observation form").text or ""
        else:
            path = random.choice(self.observations)
            html = self.page(path, "observation form").text or ""
        forms = Form(html).forms
        form = forms.get("") or next(
            (f for f in forms.values() if "client_id" in f["hidden"]), None
        )
        if form is None or "client_id" not in form["hidden"]:
            return
        data: dict[str, Any] = dict(form["hidden"])
        for name, values in form["selects"].items():
            data[name] = data.get(name) or (values[0] if values else "")
        for name, values in form["radios"].items():
            data[name] = random.choice(values)
        post_to = path.split("?")[0] if "/edit/" in path else path
        for round_ in range(2):
            self.think(2, 4)  # typing
            for name in form["texts"]:
                data[name] = " ".join(random.sample(NOTES, 2 + round_ % 2))
            response = self.post(
                post_to, data, "observation autosave (POST)", headers={"X-Autosave": "1"}
            )
            edit = response.headers.get("X-Edit-Url") if response.status_code == 200 else None
            if edit and edit not in self.observations:
                self.observations.append(edit)
                post_to = path = edit

    @task(1)
    def notes(self) -> None:
        html = self.page(self.visit, "visit page").text or ""
        self.think(2, 4)
        self.post(
            self.visit + "notes/",
            {
                "csrfmiddlewaretoken": self.token(html),
                "notes-notes": " ".join(random.sample(NOTES, 3)),
            },
            "visit notes autosave (POST)",
            headers={"X-Autosave": "1"},
        )


class Manager(Person):
    wait_time = between(2.0, 5.0)

    def on_start(self) -> None:
        super().on_start()
        self.regions: list[str] = []
        self.schools: list[str] = []
        self.board = ""
        self.dashboard()

    @task(3)
    def dashboard(self) -> None:
        response = self.page(f"/{self.lang}/programmes/", "programme dashboard")
        html = response.text or ""
        self.regions = sorted(
            set(re.findall(r'href="(/[a-z]{2}/programmes/[\w-]+/regions/[\w-]+/)"', html))
        )
        if self.regions:
            self.board = self.regions[0].split("regions/")[0]

    @task(3)
    def region(self) -> None:
        if not self.regions:
            return self.dashboard()
        html = self.page(random.choice(self.regions), "region drill-down").text or ""
        self.schools = sorted(
            set(re.findall(r'href="(/[a-z]{2}/programmes/[\w-]+/schools/[\w-]+/)"', html))
        )

    @task(1)
    def school(self) -> None:
        if not self.schools:
            return self.region()
        self.page(random.choice(self.schools), "school drill-down")

    @task(1)
    def indicators(self) -> None:
        if self.board:
            self.page(self.board + "indicators/", "indicators")

    @task(1)
    def export(self) -> None:
        if self.board:
            with self.client.get(
                self.board + "?export=csv&table=regions",
                name="dashboard export (CSV)",
                headers=self.address,
                catch_response=True,
            ) as response:
                if "csv" not in response.headers.get("Content-Type", ""):
                    response.failure("not a CSV file")


# --- Measuring ---------------------------------------------------------------------------------


def processes(running: Any) -> list[tuple[str, psutil.Process]]:
    """The gunicorn and Celery processes now running (``running()`` names their roots)."""
    servers, workers = running()
    found = []
    for label, roots in (("gunicorn", servers), ("celery", workers)):
        for root in roots:
            with contextlib.suppress(psutil.NoSuchProcess):
                parent = psutil.Process(root.pid)
                found.append((f"{label} main {parent.pid}", parent))
                for child in parent.children(recursive=True):
                    found.append((f"{label} worker {child.pid}", child))
    return found


class CpuLedger:
    """CPU seconds of the gunicorn and Celery processes since ``start``, by kind, counting
    processes that end meanwhile (a stopped node's) up to their last reading."""

    def __init__(self, running: Any) -> None:
        self.running = running
        self.first: dict[int, float] = {}
        self.last: dict[int, tuple[str, float]] = {}

    def read(self) -> None:
        for label, process in processes(self.running):
            with contextlib.suppress(psutil.NoSuchProcess):
                times = process.cpu_times()
                self.last[process.pid] = (label.split()[0], times.user + times.system)

    def start(self) -> None:
        self.last.clear()
        self.read()
        self.first = {pid: seconds for pid, (_kind, seconds) in self.last.items()}

    def seconds(self) -> dict[str, float]:
        self.read()
        totals: dict[str, float] = {"gunicorn": 0.0, "celery": 0.0}
        for pid, (kind, seconds) in self.last.items():
            totals[kind] = totals.get(kind, 0.0) + seconds - self.first.get(pid, 0.0)
        return totals


def table(stats: Any, seconds: float) -> None:
    rows = sorted(stats.entries.values(), key=lambda e: -e.num_requests)
    print(
        f"{'request':<32} {'count':>7} {'fails':>5} {'rps':>7} {'med ms':>7} "
        f"{'p95 ms':>7} {'p99 ms':>7} {'max ms':>7}"
    )
    for entry in [*rows, stats.total]:
        line(entry, seconds)


def line(entry: StatsEntry, elapsed: float) -> None:
    name = "TOTAL" if entry.name == "Aggregated" else f"{entry.method} {entry.name}"
    print(
        f"{name[:32]:<32} {entry.num_requests:>7} {entry.num_failures:>5} "
        f"{entry.num_requests / elapsed:>7.1f} {entry.median_response_time or 0:>7.0f} "
        f"{entry.get_response_time_percentile(0.95) or 0:>7.0f} "
        f"{entry.get_response_time_percentile(0.99) or 0:>7.0f} "
        f"{entry.max_response_time or 0:>7.0f}"
    )


def measure(
    args: argparse.Namespace,
    base_url: str,
    data: dict[str, Any],
    running: Any,
    cluster: Any = None,
) -> int:
    Learner.accounts = [learner_email(n) for n in range(args.learners)]
    Supervisor.accounts = [supervisor_email(n) for n in range(args.supervisors)]
    Supervisor.recording = data["recording_visits"]
    Manager.accounts = [manager_email(n) for n in range(args.managers)]
    random.shuffle(Learner.accounts)
    users = args.learners + args.supervisors + args.managers
    env = Environment(user_classes=[Learner, Supervisor, Manager], host=base_url)
    runner = env.create_local_runner()
    # Exactly one virtual person per account.
    Learner.fixed_count, Supervisor.fixed_count = args.learners, args.supervisors
    Manager.fixed_count = args.managers
    duration = SOAK_SECONDS if args.soak else args.duration
    say(f"ramp-up: {users} users at {args.spawn_rate}/s; load average {loadavg()}")
    ramp_started = time.monotonic()
    runner.start(users, spawn_rate=args.spawn_rate)
    deadline = time.monotonic() + users / args.spawn_rate + 120
    while Person.signed_in < users and time.monotonic() < deadline:
        gevent.sleep(0.5)
    say(f"{Person.signed_in} of {users} signed in; load average {loadavg()}")
    gevent.sleep(args.settle)
    print("\nRamp-up (sign-in included):")
    table(env.stats, time.monotonic() - ramp_started)
    errors_before = env.stats.total.num_failures
    for error in list(env.stats.errors.values())[:10]:
        print(f"  ! {error.occurrences} x {error.method} {error.name}: {error.error}")
    env.stats.reset_all()
    env.stats.clear_all()
    ledger = CpuLedger(running)
    ledger.start()
    own_before = sum(psutil.Process().cpu_times()[:2])
    samples: list[tuple[float, dict[str, int]]] = []
    loads: list[str] = []

    def sample() -> None:
        start_at = time.monotonic()
        while True:
            rss = {}
            for label, process in processes(running):
                with contextlib.suppress(psutil.NoSuchProcess):
                    rss[label] = process.memory_info().rss
            samples.append((time.monotonic() - start_at, rss))
            ledger.read()
            loads.append(loadavg())
            gevent.sleep(SAMPLE_EVERY)

    sampler = gevent.spawn(sample)
    say(f"measuring for {duration} s; load average {loadavg()}")
    started = time.monotonic()
    window_errors: list[int] = []
    restarter = (
        gevent.spawn(restart_one_node, cluster, env, duration, window_errors, ledger)
        if cluster is not None
        else None
    )
    gevent.sleep(duration)
    if restarter is not None:
        restarter.join(timeout=120)
    elapsed = time.monotonic() - started
    total = env.stats.total
    requests, p95 = total.num_requests, total.get_response_time_percentile(0.95) or 0
    p99 = total.get_response_time_percentile(0.99) or 0
    failures = total.num_failures
    cpu = ledger.seconds()
    own_after = sum(psutil.Process().cpu_times()[:2])
    end_load = loadavg()
    sampler.kill()
    runner.quit()
    rps = requests / elapsed
    server_cpu = cpu["gunicorn"]
    print(f"\nMeasured window ({elapsed:.0f} s, {users} users):")
    table(env.stats, elapsed)
    for error in list(env.stats.errors.values())[:10]:
        print(f"  ! {error.occurrences} x {error.method} {error.name}: {error.error}")
    print(
        "\nCPU seconds in the window: "
        + " ".join(f"{kind}={seconds:.0f}" for kind, seconds in cpu.items())
        + f" locust={own_after - own_before:.0f}; "
        + f"gunicorn CPU ms per request={1000 * server_cpu / max(requests, 1):.1f}"
    )
    print(f"load average (1, 5, 15 min): start {loads[0] if loads else '-'}, end {end_load}")
    if args.soak:
        memory_report(samples)
    if errors_before:
        print(f"(ramp-up had {errors_before} failed requests, not counted above)")
    if cluster is None:
        goal = rps >= GOAL_RPS and p95 <= GOAL_P95_MS and failures == 0
        verdict = "met" if goal else "MISSED"
        print(f"goal ({GOAL_RPS:.0f} rps, p95 <= {GOAL_P95_MS:.0f} ms, 0 errors): {verdict}")
        print(f"rps={rps:.1f} p95_ms={p95:.0f} p99_ms={p99:.0f} errors={failures}", flush=True)
        return 0 if goal else 1
    in_window = sum(window_errors)
    outside = failures - in_window
    print(
        f"node 1 stopped and started again mid-run; failed requests within "
        f"{_nodes.RETRY_WINDOW_SECONDS} s of the stop or the restart: {in_window}"
    )
    people = [
        (supervisor_email(n), data["recording_visits"][supervisor_email(n)])
        for n in range(min(args.supervisors, 10))
    ]
    say("files written through one node and read through the other...")
    good, bad = _nodes.cross_node_files(
        [cluster.node_url(0), cluster.node_url(1)], people, PASSWORD
    )
    print(f"cross-node files: {good} read back identical, {bad} not")
    goal = outside == 0 and good > 0 and bad == 0
    print(
        f"goal (0 errors after the retry window, cross-node files all correct): "
        f"{'met' if goal else 'MISSED'}"
    )
    print(
        f"rps={rps:.1f} p95_ms={p95:.0f} p99_ms={p99:.0f} errors={outside} "
        f"nodes=2 cross_node_files={good}",
        flush=True,
    )
    return 0 if goal else 1


def restart_one_node(
    cluster: Any, env: Environment, duration: int, window: list[int], ledger: CpuLedger
) -> None:
    """A third of the way in, stop node 1 (SIGTERM: it finishes its requests), and start it
    again a sixth later. Failures are forgiven only within the retry window right after the
    stop and right after node 1 is ready again; while it starts, node 2 carries the load
    alone and what fails then counts."""
    gevent.sleep(duration / 3)
    say("node 1: stop")
    ledger.read()  # the node's CPU up to its stop
    before = env.stats.total.num_failures
    cluster.stop_node(0)
    gevent.sleep(_nodes.RETRY_WINDOW_SECONDS)
    window.append(env.stats.total.num_failures - before)
    gevent.sleep(max(duration / 6 - _nodes.RETRY_WINDOW_SECONDS, 1))
    say("node 1: start")
    cluster.start_node(0)
    say("node 1 ready again")
    before = env.stats.total.num_failures
    gevent.sleep(_nodes.RETRY_WINDOW_SECONDS)
    window.append(env.stats.total.num_failures - before)


def memory_report(samples: list[tuple[float, dict[str, int]]]) -> None:
    labels = sorted({label for _t, rss in samples for label in rss})
    print("\nResident memory (MiB), every 15 s:")
    print(
        f"{'t (s)':>6} "
        + " ".join(f"{label.split()[0][:4]}{label.split()[-1]:>7}" for label in labels)
        + "   total"
    )
    for at, rss in samples:
        values = [rss.get(label, 0) / 2**20 for label in labels]
        print(f"{at:>6.0f} " + " ".join(f"{v:>11.1f}" for v in values) + f" {sum(values):>7.1f}")

    def mean(window: list[tuple[float, dict[str, int]]], label: str | None) -> float:
        values = [
            (sum(rss.values()) if label is None else rss.get(label, 0)) / 2**20
            for _t, rss in window
        ]
        return sum(values) / max(len(values), 1)

    last_t = samples[-1][0] if samples else 0
    first = [s for s in samples if s[0] < 60]
    last = [s for s in samples if s[0] > last_t - 60]
    print("\nGrowth, mean of the last minute against the first (MiB):")
    for label in [*labels, None]:
        before, after = mean(first, label), mean(last, label)
        name = label or "all processes"
        growth = after - before
        percent = 100 * growth / max(before, 1e-9)
        print(f"  {name:<28} {before:>8.1f} -> {after:>8.1f}  ({growth:+.1f}, {percent:+.1f}%)")


# --- Main ------------------------------------------------------------------------------------


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--duration", type=int, default=60, help="measured seconds (default 60)")
    parser.add_argument("--soak", action="store_true", help="10 minutes, with memory samples")
    parser.add_argument(
        "--nodes", type=int, default=1, choices=[1, 2], help="2: two nodes behind haproxy on S3"
    )
    parser.add_argument("--rebuild", action="store_true", help="build the data anew")
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--worker-class", default="sync", choices=["sync", "gthread"])
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--celery-concurrency", type=int, default=1)
    parser.add_argument("--show-logs", action="store_true", help="print the servers' logs")
    parser.add_argument("--learners", type=int, default=LEARNERS)
    parser.add_argument("--supervisors", type=int, default=SUPERVISORS)
    parser.add_argument("--managers", type=int, default=MANAGERS)
    parser.add_argument("--spawn-rate", type=float, default=2.0)
    parser.add_argument("--settle", type=float, default=10.0, help="seconds after ramp-up")
    args = parser.parse_args()

    def interrupted(signum: int, frame: object) -> None:
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, interrupted)
    status = 1
    try:
        data = prepare(args.rebuild)
        with tempfile.TemporaryDirectory(prefix="lms-load-") as tmp_name:
            tmp = Path(tmp_name)
            fresh_copy(tmp)
            if args.nodes == 2:
                cluster = _nodes.Cluster(sys.modules[__name__], args, tmp)
                with cluster.running():
                    status = measure(
                        args,
                        cluster.base_url,
                        data,
                        lambda: (cluster.processes(), cluster.workers),
                        cluster,
                    )
            else:
                with product(args, tmp) as (base_url, server, worker):
                    status = measure(args, base_url, data, lambda: ([server], [worker]))
    except KeyboardInterrupt:
        say("interrupted")
        status = 130
    finally:
        stop_all()
        with contextlib.suppress(Exception):
            admin_sql(f'DROP DATABASE IF EXISTS "{RUN_DB}" WITH (FORCE)')
    return status


if __name__ == "__main__":
    sys.exit(main())
