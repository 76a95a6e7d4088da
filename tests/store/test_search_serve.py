"""``recoupe serve`` answers searches over a flooded article and stops within seconds on SIGTERM while they run.

A real ``recoupe serve`` process on loopback (issue 17 item 1: before the bounds, one search over an
article holding a word tens of thousands of times ran for minutes and kept ``serve`` from stopping).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from recoupe.store import open_store

from .corpus import MUSK_BODY, article

pytestmark = pytest.mark.sqlite_only

STOP_WITHIN_S = 10.0  # serve's grace (3 s) plus the interpreter's exit, with room on a loaded machine


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


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
    port = _free_port()
    env = {**os.environ, "RECOUPE_DB": str(db)}
    log = tmp_path / "serve.log"
    with log.open("wb") as sink:
        server = subprocess.Popen(
            [sys.executable, "-m", "recoupe.cli", "serve", "--port", str(port)],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=sink,
        )
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                status, body = _get(f"{base}/api/search?q=zorglub")
                break
            except OSError:
                assert server.poll() is None, log.read_text(errors="replace")
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
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
    finally:
        if server.poll() is None:
            server.kill()
            server.wait()
