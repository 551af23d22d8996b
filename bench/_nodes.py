"""Two web nodes behind haproxy, on a shared S3 store, for ``bench/load.py --nodes 2``.

Each node is a gunicorn of its own (``gunicorn.conf.py``) with local media and private
folders of its own, so the bucket is the only place files are shared. haproxy (Debian's
package) balances round robin and takes a node out while ``/readyz/`` does not answer 200
(checked every second, out after 2 failures, back after 2 successes); a request whose
connection is refused or closed unanswered is sent again to the other node
(``retries 3``, ``option redispatch``, ``retry-on conn-failure empty-response``). The S3 API
server is moto's standalone server (``moto[server]``, the dev requirements) unless
``BENCH_STORAGE_URL`` names another; the Celery workers are split by queue. Ports are free
ones, or ``BENCH_PORT_BASE`` and the three after it.

``cross_node_files`` uploads visit attachments through one node and reads each back through
the other (the person signed in on the first), alternating direction.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import shutil
import subprocess
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit

import requests

MEDIA_BUCKET = "bench-media"
PRIVATE_BUCKET = "bench-private"
# How long after a node is stopped a request may still fail: haproxy notices a refused
# connection at once and sends the request to the other node; only a request already on
# the stopped node's socket when it closed can fail, and gunicorn finishes those first.
RETRY_WINDOW_SECONDS = 3


def haproxy_config(port: int, nodes: list[int]) -> str:
    servers = "\n".join(
        f"  server node{index} 127.0.0.1:{node} check" for index, node in enumerate(nodes, 1)
    )
    return f"""global
  maxconn 4000

defaults
  mode http
  timeout connect 2s
  timeout client 90s
  timeout server 90s
  timeout http-request 30s
  # A node whose workers are all busy answers its health check late, not never: a check
  # may wait as long as a request, or a loaded pair is marked down together (503s).
  timeout check 10s
  retries 3
  option redispatch 1
  retry-on conn-failure empty-response
  option http-server-close

frontend web
  bind 127.0.0.1:{port}
  default_backend nodes

backend nodes
  balance roundrobin
  option httpchk
  http-check send meth GET uri /readyz/ ver HTTP/1.1 hdr Host 127.0.0.1 hdr X-Forwarded-Proto https
  http-check expect status 200
  default-server inter 2s fall 2 rise 2
{servers}
"""


def s3_client(storage_url: str) -> Any:
    import boto3

    parts = urlsplit(storage_url)
    scheme = "http" if parts.scheme == "s3+http" else "https"
    return boto3.client(
        "s3",
        endpoint_url=f"{scheme}://{parts.hostname}:{parts.port}",
        aws_access_key_id=parts.username,
        aws_secret_access_key=parts.password,
        region_name="us-east-1",
    )


def upload_tree(client: Any, bucket: str, folder: Path) -> int:
    """The prepared data's files into the bucket, under the names the rows hold."""
    count = 0
    if not folder.exists():
        return 0
    for path in folder.rglob("*"):
        if path.is_file():
            client.upload_file(str(path), bucket, path.relative_to(folder).as_posix())
            count += 1
    return count


class Cluster:
    """The S3 server, two nodes, haproxy and the workers; stopped on leaving."""

    def __init__(self, tools: ModuleType, args: Any, tmp: Path) -> None:
        self.tools, self.args, self.tmp = tools, args, tmp
        # BENCH_PORT_BASE keeps the benchmark to a range of ports: S3, haproxy, the nodes.
        base = int(os.environ.get("BENCH_PORT_BASE", "0"))
        ports = [base + n for n in range(4)] if base else [tools.free_port() for _ in range(4)]
        self.s3_port, self.port, *self.node_ports = ports
        self.nodes: list[subprocess.Popen | None] = [None, None]
        self.env: dict[str, str] = {}
        self.workers: list[subprocess.Popen] = []

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def node_url(self, index: int) -> str:
        return f"http://127.0.0.1:{self.node_ports[index]}"

    def start_store(self) -> str:
        url = os.environ.get("BENCH_STORAGE_URL", "")
        if not url:
            port = self.s3_port
            moto = str(Path(self.tools.VENV_BIN) / "moto_server")
            self.tools.start(
                [moto, "-H", "127.0.0.1", "-p", str(port)], os.environ.copy(), self.tmp / "s3.log"
            )
            url = f"s3+http://bench:bench@127.0.0.1:{port}/{MEDIA_BUCKET}?private={PRIVATE_BUCKET}"
        client = s3_client(url)
        for _attempt in range(150):
            with contextlib.suppress(Exception):
                client.list_buckets()
                break
            time.sleep(0.2)
        existing = {bucket["Name"] for bucket in client.list_buckets().get("Buckets", [])}
        for bucket in (MEDIA_BUCKET, PRIVATE_BUCKET):
            if bucket not in existing:
                client.create_bucket(Bucket=bucket)
        media = upload_tree(client, MEDIA_BUCKET, self.tmp / "media")
        private = upload_tree(client, PRIVATE_BUCKET, self.tmp / "private")
        self.tools.say(
            f"S3 store up; the prepared data's files uploaded: {media} media, {private} private"
        )
        return url

    def node_env(self, index: int) -> dict[str, str]:
        env = dict(self.env)
        folder = self.tmp / f"node-{index + 1}"
        (folder / "media").mkdir(parents=True, exist_ok=True)
        (folder / "private").mkdir(parents=True, exist_ok=True)
        env.update(
            MEDIA_ROOT=str(folder / "media"),
            PRIVATE_MEDIA_ROOT=str(folder / "private"),
            GUNICORN_BIND=f"127.0.0.1:{self.node_ports[index]}",
            WEB_CONCURRENCY=str(self.args.workers),
            GUNICORN_ACCESS_LOG="/dev/null",
        )
        return env

    def start_node(self, index: int) -> None:
        gunicorn = [
            self.tools.GUNICORN,
            "-c",
            str(self.tools.ROOT / "gunicorn.conf.py"),
            "lms.wsgi",
        ]
        process = self.tools.start(
            gunicorn, self.node_env(index), self.tmp / f"node-{index + 1}.log"
        )
        self.nodes[index] = process
        self.tools.wait_until_up(self.node_url(index), process)
        wait_ready(self.node_url(index))

    def stop_node(self, index: int) -> None:
        process = self.nodes[index]
        if process is not None:
            self.tools.stop(process)  # SIGTERM: gunicorn finishes what it serves, then exits
            with contextlib.suppress(ValueError):
                self.tools.STARTED.remove(process)
        self.nodes[index] = None

    def processes(self) -> list[subprocess.Popen]:
        return [node for node in self.nodes if node is not None]

    @contextlib.contextmanager
    def running(self) -> Iterator[Cluster]:
        tools = self.tools
        storage_url = self.start_store()
        self.env = tools.server_env(self.tmp, self.port)
        self.env.update(STORAGE_URL=storage_url)
        tools.run([tools.PYTHON, "manage.py", "collectstatic", "--no-input", "-v", "0"], self.env)
        for name, queues in (
            ("certificates", "certificates,default"),
            ("mail", "mail,imports,reports,reminders"),
        ):
            self.workers.append(
                tools.start(
                    [
                        tools.CELERY,
                        "-A",
                        "lms",
                        "worker",
                        "--loglevel=WARNING",
                        f"--concurrency={self.args.celery_concurrency}",
                        "-Q",
                        queues,
                        f"--hostname=bench-{name}@%h",
                    ],
                    self.env,
                    self.tmp / f"celery-{name}.log",
                )
            )
        for index in range(2):
            self.start_node(index)
        config = self.tmp / "haproxy.cfg"
        config.write_text(haproxy_config(self.port, self.node_ports))
        haproxy = shutil.which("haproxy") or "/usr/sbin/haproxy"
        balancer = tools.start(
            [haproxy, "-f", str(config), "-db"], self.env, self.tmp / "haproxy.log"
        )
        try:
            tools.wait_until_up(self.base_url, balancer)
            wait_ready(self.base_url)
            tools.say(
                f"haproxy up on {self.port}: 2 nodes x {self.args.workers} gunicorn workers; "
                "workers for certificates,default and mail,imports,reports,reminders"
            )
            yield self
        finally:
            tools.stop(balancer)
            for index in range(2):
                self.stop_node(index)
            for worker in self.workers:
                tools.stop(worker)
            if self.args.show_logs:
                for log in sorted(self.tmp.glob("*.log")):
                    text = log.read_text(errors="replace")
                    print(
                        f"\n--- {log.name} (last lines) ---\n" + "\n".join(text.splitlines()[-30:])
                    )


def wait_ready(base_url: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with contextlib.suppress(requests.RequestException):
            answer = requests.get(
                f"{base_url}/readyz/", headers={"X-Forwarded-Proto": "https"}, timeout=5
            )
            if answer.status_code == 200:
                return
        time.sleep(0.3)
    raise SystemExit(f"{base_url} is not ready")


# --- Files written through one node, read through the other -----------------------------------

ATTACHMENT = re.compile(r'href="(/[a-z]{2}/supervision/attachments/[\w-]+/)"')


class Browser:
    """One supervisor's session, sent to either node: the session lives in Redis and
    PostgreSQL, so a sign-in through one node holds on the other."""

    def __init__(self, urls: list[str], number: int) -> None:
        self.urls = urls
        self.session = requests.Session()
        # The person's own address, as the TLS proxy reports it.
        self.address = f"127.9.{number % 250}.1"

    def _headers(self, node: int, extra: dict[str, str] | None = None) -> dict[str, str]:
        origin = self.urls[node].replace("http://", "https://")
        return {
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.address,
            "Origin": origin,
            "Referer": origin + "/",
            **(extra or {}),
        }

    def _plain(self, response: requests.Response) -> requests.Response:
        # The cookies are Secure: the nodes are reached over plain HTTP in the TLS proxy's
        # place, so they are kept sendable, as a browser behind the proxy sends them.
        for cookie in self.session.cookies:
            cookie.secure = False
        return response

    def get(self, node: int, path: str) -> requests.Response:
        return self._plain(
            self.session.get(self.urls[node] + path, headers=self._headers(node), timeout=60)
        )

    def post(self, node: int, path: str, **kwargs: Any) -> requests.Response:
        return self._plain(
            self.session.post(
                self.urls[node] + path,
                headers=self._headers(node),
                timeout=60,
                allow_redirects=False,
                **kwargs,
            )
        )

    def sign_in(self, email: str, password: str) -> bool:
        page = self.get(0, "/kk/accounts/login/").text
        token = csrf(page)
        answer = self.post(
            0,
            "/kk/accounts/login/",
            data={
                "csrfmiddlewaretoken": token,
                "login": email,
                "password": password,
            },
        )
        return answer.status_code == 302 and "/accounts/" not in answer.headers.get("Location", "")


def csrf(html: str) -> str:
    match = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    return match.group(1) if match else ""


def photo(seed: int) -> bytes:
    from PIL import Image

    image = Image.new("RGB", (64, 48), ((seed * 37) % 256, (seed * 91) % 256, (seed * 53) % 256))
    output = io.BytesIO()
    image.save(output, format="PNG")
    return output.getvalue()


def cross_node_files(
    urls: list[str], people: list[tuple[str, str]], password: str, per_person: int = 2
) -> tuple[int, int]:
    """Upload attachments through one node and read them through the other; returns how
    many were read back identical and how many were not."""
    good = bad = 0
    for number, (email, visit) in enumerate(people):
        browser = Browser(urls, number)
        if not browser.sign_in(email, password):
            bad += 1
            continue
        visit_path = f"/kk/supervision/visits/{visit}/"
        for round_ in range(per_person):
            writer = (number + round_) % 2
            reader = 1 - writer
            page = browser.get(writer, visit_path).text
            before = set(ATTACHMENT.findall(page))
            answer = browser.post(
                writer,
                visit_path + "attachments/",
                data={
                    "csrfmiddlewaretoken": csrf(page),
                    "attachment-client_id": str(uuid.uuid4()),
                    "attachment-caption": f"bench {number}-{round_}",
                    "attachment-observation": "",
                },
                files={
                    "attachment-file": (
                        f"board-{number}-{round_}.png",
                        photo(number * 7 + round_),
                        "image/png",
                    )
                },
            )
            if answer.status_code not in (200, 302):
                bad += 1
                continue
            added = set(ATTACHMENT.findall(browser.get(reader, visit_path).text)) - before
            if len(added) != 1:
                bad += 1
                continue
            path = added.pop()
            through_reader = browser.get(reader, path)
            through_writer = browser.get(writer, path)
            same = (
                through_reader.status_code == 200
                and through_reader.content[:8] == b"\x89PNG\r\n\x1a\n"
                and hashlib.sha256(through_reader.content).digest()
                == hashlib.sha256(through_writer.content).digest()
            )
            good, bad = (good + 1, bad) if same else (good, bad + 1)
    return good, bad
