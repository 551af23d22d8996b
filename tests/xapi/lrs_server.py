"""A small LRS stand-in for the sending tests: records each POST to ``/statements`` (its
headers and statements) and answers with the status the test sets, by default storing the
statements and answering 200 with their ids, or 409 for an id it already holds."""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any


@dataclass
class Recorder:
    url: str = ""
    requests: list[dict[str, Any]] = field(default_factory=list)
    stored: dict[str, dict[str, Any]] = field(default_factory=dict)
    # Given the statements, the status to answer; None means store them (409 on a stored id).
    answer: Callable[[list[dict[str, Any]]], int | None] = lambda statements: None


@contextmanager
def lrs_server() -> Iterator[Recorder]:
    recorder = Recorder()

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: Any) -> None:
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            statements = json.loads(body)
            recorder.requests.append(
                {"path": self.path, "headers": dict(self.headers), "statements": statements}
            )
            status = recorder.answer(statements)
            if status is None:
                if any(s["id"] in recorder.stored for s in statements):
                    status = 409
                else:
                    recorder.stored.update({s["id"]: s for s in statements})
                    status = 200
            payload = json.dumps([s["id"] for s in statements]).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    recorder.url = f"http://127.0.0.1:{server.server_address[1]}/xAPI"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield recorder
    finally:
        server.shutdown()
        server.server_close()
