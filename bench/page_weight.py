"""Benchmark: bytes a learner's phone downloads for each learner page.

Builds the demo programme in a database of its own, serves the product as production does
(gunicorn, ``DJANGO_DEBUG=false``, whitenoise's compressed hashed static files; see
``bench/_server.py``), signs in as the demo tutor (a learner) and, in Chromium, loads each
learner page twice in one browser context: first with an empty cache, then again with the
cache warm (a repeat visit, as by following a link; not a reload, which revalidates).

Bytes are what crossed the network, headers included (the DevTools protocol's
``encodedDataLength``); lesson media (``/media/``: images and video) are left out. A
kilobyte here is 1,000 bytes.

    .venv/bin/python bench/page_weight.py [--workdir DIR] [--max-seconds 900]

``--workdir`` (or ``BENCH_WORKDIR``) keeps the built database for the next run; without
it everything is built in a temporary directory and removed. One line per page; the last
line is the heaviest page's figures (the goal is per page):
    first_kb=X repeat_kb=Y
Exits 1 when a page is over the goal (100 KB first, 20 KB repeat).
"""

from __future__ import annotations

import argparse
import os
import signal
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _server

FIRST_GOAL_KB = 100.0
REPEAT_GOAL_KB = 20.0
# A mid-range phone, as Lighthouse emulates one: image renditions are chosen for it.
PHONE_VIEWPORT = {"width": 412, "height": 823}
PHONE_SCALE = 1.75


@dataclass
class Transfer:
    """What one page load fetched over the network, lesson media left out."""

    bytes: int = 0
    requests: int = 0
    by_url: dict[str, int] = field(default_factory=dict)

    @property
    def kb(self) -> float:
        return self.bytes / 1000


def is_lesson_media(url: str) -> bool:
    return urlsplit(url).path.startswith("/media/")


def measure_load(context: Any, page: Any, url: str) -> Transfer:
    """Load ``url`` in ``page`` and add up the bytes of every response it needed."""
    cdp = context.new_cdp_session(page)
    urls: dict[str, str] = {}
    received: dict[str, int] = {}

    def on_request(event: dict) -> None:
        urls[event["requestId"]] = event["request"]["url"]

    def on_finished(event: dict) -> None:
        received[event["requestId"]] = int(event.get("encodedDataLength") or 0)

    cdp.on("Network.requestWillBeSent", on_request)
    cdp.on("Network.loadingFinished", on_finished)
    cdp.on("Network.loadingFailed", lambda event: received.setdefault(event["requestId"], 0))
    cdp.send("Network.enable")
    try:
        page.goto(url, wait_until="networkidle", timeout=60_000)
    finally:
        cdp.send("Network.disable")
        cdp.detach()

    transfer = Transfer()
    for request_id, size in received.items():
        request_url = urls.get(request_id, "")
        if not request_url.startswith("http") or is_lesson_media(request_url):
            continue
        if size == 0:  # served from the memory or disk cache
            continue
        transfer.bytes += size
        transfer.requests += 1
        transfer.by_url[urlsplit(request_url).path] = size
    return transfer


def measure(product: _server.Running) -> list[tuple[str, str, Transfer, Transfer]]:
    from playwright.sync_api import sync_playwright

    results = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=_server.CHROMIUM, args=_server.CHROMIUM_ARGS
        )
        try:
            for name, path in product.pages.items():
                # A fresh context per page: its cache starts empty, only the session kept.
                context = browser.new_context(
                    viewport=PHONE_VIEWPORT,  # type: ignore[arg-type]
                    device_scale_factor=PHONE_SCALE,
                    is_mobile=True,
                    has_touch=True,
                )
                context.add_cookies(product.cookies)  # type: ignore[arg-type]
                page = context.new_page()
                url = product.base_url + path
                first = measure_load(context, page, url)
                if "/accounts/login/" in page.url:
                    raise SystemExit(f"{name}: the session was not accepted")
                repeat = measure_load(context, page, url)
                context.close()
                results.append((name, path, first, repeat))
        finally:
            browser.close()
    return results


def detail(transfer: Transfer) -> str:
    return ", ".join(
        f"{path.rsplit('/', 1)[-1] or path} {size / 1000:.1f}"
        for path, size in sorted(transfer.by_url.items(), key=lambda item: -item[1])
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path(os.environ["BENCH_WORKDIR"]) if os.environ.get("BENCH_WORKDIR") else None,
    )
    parser.add_argument("--max-seconds", type=int, default=900)
    args = parser.parse_args()

    def give_up(signum: int, frame: object) -> None:
        raise SystemExit(f"stopped after {args.max_seconds} s" if signum == signal.SIGALRM else 1)

    # Bounded in time; the server and the browser are stopped on every way out.
    signal.signal(signal.SIGALRM, give_up)
    signal.signal(signal.SIGTERM, give_up)
    signal.alarm(args.max_seconds)

    with _server.running_product(args.workdir) as product:
        results = measure(product)
    signal.alarm(0)

    missed = []
    for name, path, first, repeat in results:
        print(
            f"{name:<16} first={first.kb:6.1f} KB ({first.requests} requests)  "
            f"repeat={repeat.kb:5.1f} KB ({repeat.requests} requests)  {path}"
        )
        print(f"{'':<16}   first: {detail(first)}")
        print(f"{'':<16}   repeat: {detail(repeat)}")
        if first.kb > FIRST_GOAL_KB or repeat.kb > REPEAT_GOAL_KB:
            missed.append(name)
    if missed:
        print(
            f"over the goal ({FIRST_GOAL_KB:g} KB first, {REPEAT_GOAL_KB:g} KB repeat): "
            + ", ".join(missed)
        )
    worst_first = max(first.kb for _, _, first, _ in results)
    worst_repeat = max(repeat.kb for _, _, _, repeat in results)
    print(f"first_kb={worst_first:.1f} repeat_kb={worst_repeat:.1f}")
    sys.exit(1 if missed else 0)


if __name__ == "__main__":
    main()
