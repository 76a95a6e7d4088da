"""A real webhook receiver on the loopback (a thread serving HTTP) for the alert tests."""

from __future__ import annotations

from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler

import pytest
from tests.procs import http_server


class Receiver:
    """A webhook endpoint: answers each POST with the next status of ``script`` (then 200), keeps what came."""

    def __init__(self, script: list[int]) -> None:
        self.script = list(script)
        self.got: list[tuple[int, dict[str, str], bytes]] = []
        self.url = ""


def _handler(receiver: Receiver) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - the base class's name
            pass

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers["Content-Length"]))
            status = receiver.script.pop(0) if receiver.script else 200
            receiver.got.append((status, dict(self.headers.items()), body))
            self.send_response(status)
            self.send_header("Content-Length", "2")
            self.end_headers()
            self.wfile.write(b"ok")

    return Handler


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    found = Receiver([])
    with http_server(_handler(found)) as url:
        found.url = f"{url}/hook"
        yield found
