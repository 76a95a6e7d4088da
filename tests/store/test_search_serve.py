"""``recoupe serve`` answers searches over a flooded article and stops within seconds on SIGTERM while they run.

A real ``recoupe serve`` process on loopback (issue 17 item 1: before the bounds, one search over an
article holding a word tens of thousands of times ran for minutes and kept ``serve`` from stopping).
"""

from __future__ import annotations

import signal
import subprocess
import threading
import time
import urllib.request
from pathlib import Path

import pytest
from tests.procs import free_port, recoupe, recoupe_env, running, wait_for_http

from recoupe.store import open_store

from .corpus import MUSK_BODY, article

pytestmark = pytest.mark.sqlite_only

STOP_WITHIN_S = 10.0  # serve's grace (3 s) plus the interpreter's exit, with room on a loaded machine


def _get(url: str, timeout: float = 30) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=timeout) as answer:
        return int(answer.status), answer.read()


def test_serve_answers_flooded_searches_and_stops_on_sigterm(tmp_path: Path) -> None:
    db = tmp_path / "flood.db"
    with open_store(str(db)) as store:
        store.add(
            [
                article("Inondation", " ".join(["zorglub est là."] * 40_000), url="https://ex.fr/flood"),
                article("Zorglub", MUSK_BODY, url="https://ex.fr/plain"),
            ]
        )
    port = free_port()
    log = tmp_path / "serve.log"
    with log.open("wb") as sink:
        server = recoupe("serve", "--port", str(port), env=recoupe_env(db), stdout=subprocess.DEVNULL, stderr=sink)
    with running(server):
        base = f"http://127.0.0.1:{port}"
        status, body = wait_for_http(
            f"{base}/api/search?q=zorglub", server, lambda: log.read_text(errors="replace"), 60
        )
        assert status == 200
        assert b"Inondation" in body
        status, page = _get(f"{base}/search?q=zorglub")
        assert status == 200
        assert b"Inondation" in page

        # searches in flight when SIGTERM comes
        def hammer() -> None:
            for _ in range(50):
                try:
                    _get(f"{base}/api/search?q=zorglub+est", timeout=15)
                except OSError:
                    return

        workers = [threading.Thread(target=hammer, daemon=True) for _ in range(4)]
        for worker in workers:
            worker.start()
        time.sleep(0.5)
        sent = time.monotonic()
        server.send_signal(signal.SIGTERM)
        code = server.wait(timeout=60)
        assert time.monotonic() - sent < STOP_WITHIN_S
        assert code in {0, -signal.SIGTERM}  # uvicorn re-raises the signal once it has shut down
