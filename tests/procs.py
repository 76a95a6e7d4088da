"""What tests (and benchmarks) start and stop: loopback HTTP servers in a thread, the app under uvicorn in a
thread, and ``recoupe`` command processes.

- ``http_server(Handler)``: a ``ThreadingHTTPServer`` on 127.0.0.1 (a free port) serving ``Handler`` from a
  daemon thread; yields its base URL and shuts it down afterwards;
- ``serve_app(settings)``: ``create_app(settings)`` under uvicorn on a free loopback port, from a thread;
- ``recoupe(*args, ...)``: ``python -m recoupe.cli ARGS`` as a ``subprocess.Popen`` (``recoupe_run``: run to
  its end); ``running(*processes)`` kills those still alive on the way out; ``wait_for_http(url, process)``
  polls until a started ``serve`` answers;
- ``recoupe_env(db, **values)``: the environment such a process runs in (``RECOUPE_<NAME>`` for each value);
- ``copy_db(source, folder)``: a writable copy of a database a server serves (with its ``.vectors`` folder).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

if TYPE_CHECKING:
    from recoupe.config import Settings


@contextmanager
def http_server(handler: Callable[..., BaseHTTPRequestHandler]) -> Iterator[str]:
    """``handler`` (a handler class, or a ``partial`` of one) served on 127.0.0.1 (a free port) from a daemon
    thread: ``with http_server(Handler) as base_url:``."""
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


@contextmanager
def serve_app(settings: Settings) -> Iterator[str]:
    """The app over ``settings`` under uvicorn on a free loopback port, from a thread; yields its base URL."""
    import uvicorn

    from recoupe.app import create_app

    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=0, log_level="warning", ws="none")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the test server did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def free_port() -> int:
    """A loopback port free now (for a process that binds its own, such as ``recoupe serve --port``)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def recoupe_env(db: object, **values: object) -> dict[str, str]:
    """This process's environment with ``RECOUPE_DB`` and ``RECOUPE_<NAME>`` for each of ``values``."""
    return {**os.environ, "RECOUPE_DB": str(db), **{f"RECOUPE_{name.upper()}": str(v) for name, v in values.items()}}


def recoupe(
    *args: str,
    env: dict[str, str] | None = None,
    cwd: Path | None = None,
    stdout: int | IO[Any] | None = subprocess.PIPE,
    stderr: int | IO[Any] | None = subprocess.PIPE,
) -> subprocess.Popen[str]:
    """``recoupe ARGS`` (``python -m recoupe.cli``) started in the background, its output read as text."""
    return subprocess.Popen(
        [sys.executable, "-m", "recoupe.cli", *args], env=env, cwd=cwd, stdout=stdout, stderr=stderr, text=True
    )


def recoupe_run(
    *args: str, env: dict[str, str] | None = None, cwd: Path | None = None
) -> subprocess.CompletedProcess[str]:
    """``recoupe ARGS`` run to its end, its output captured as text (its exit status is the caller's to check)."""
    return subprocess.run(
        [sys.executable, "-m", "recoupe.cli", *args], env=env, cwd=cwd, capture_output=True, text=True, check=False
    )


@contextmanager
def running(*processes: subprocess.Popen[Any]) -> Iterator[None]:
    """Kill (and reap) each of ``processes`` still running on the way out, whatever happened."""
    try:
        yield
    finally:
        for process in processes:
            if process.poll() is None:
                process.kill()
                process.wait()


def wait_for_http(
    url: str, process: subprocess.Popen[Any], log: Callable[[], str] = str, timeout: float = 120
) -> tuple[int, bytes]:
    """Poll ``url`` until it answers: its status and body; fail with ``log()`` if ``process`` exits first, or
    once ``timeout`` seconds have gone by."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            with urllib.request.urlopen(url, timeout=30) as answer:
                return int(answer.status), bytes(answer.read())
        except OSError:
            assert process.poll() is None, log()
            assert time.monotonic() < deadline, f"{url} did not answer within {timeout:g} s"
            time.sleep(0.1)


def copy_db(source: Path, folder: Path) -> Path:
    """A writable copy of the database ``source`` and its ``.vectors`` folder in ``folder``, for a test that
    writes to a database others read."""
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / source.name
    for suffix in ("", "-wal", "-shm"):
        if Path(f"{source}{suffix}").exists():
            shutil.copy2(f"{source}{suffix}", f"{target}{suffix}")
    vectors = Path(f"{source}.vectors")
    if vectors.is_dir():
        shutil.copytree(vectors, Path(f"{target}.vectors"))
    return target
