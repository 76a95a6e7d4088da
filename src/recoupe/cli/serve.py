"""``recoupe serve``: the web UI and the REST API over the database, with uvicorn.

The socket is bound before anything is printed: the banner's address is one that answers, and a port in
use is a one-line error (exit 78), not a banner followed by uvicorn's traceback.
"""

from __future__ import annotations

import errno
import socket

import click

from recoupe.cli.context import AppContext
from recoupe.errors import ConfigError

__all__ = ["COMMANDS", "STOP_GRACE_S", "bind"]

#: seconds ``serve`` waits for requests in flight after SIGTERM or Ctrl-C before it stops anyway
STOP_GRACE_S = 3


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option(
    "--log-level",
    default="warning",
    show_default=True,
    type=click.Choice(["debug", "info", "warning"]),
    help="What uvicorn logs (info: every request).",
)
@click.pass_obj
def serve_command(app: AppContext, host: str, port: int, log_level: str) -> None:
    """Serve the web UI at / and the REST API at /api (OpenAPI at /api/openapi.json).

    Reads are open. Writes need the api_token setting (RECOUPE_API_TOKEN): POST /api/ingest, PATCH and
    DELETE /api/articles/ID, and the article page's correction forms; without it the server is read-only."""
    import uvicorn

    from recoupe.app import create_app

    store = app.store()
    application = create_app(app.settings, store=store)
    sock = bind(host, port)
    port = sock.getsockname()[1]  # the one the system chose for --port 0
    shown = "localhost" if host in {"127.0.0.1", "::1"} else host
    app.err.print(
        f"recoupe serving {store.where}\n  web UI:  http://{shown}:{port}/\n  API:     http://{shown}:{port}/api/docs",
        highlight=False,
    )
    # SIGTERM: stop within seconds even with requests in flight (a search is bounded by its own budget)
    config = uvicorn.Config(application, log_level=log_level, timeout_graceful_shutdown=STOP_GRACE_S)
    try:
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()


def bind(host: str, port: int) -> socket.socket:
    """A listening TCP socket on ``host:port``; ``ConfigError`` naming the address when it is taken or wrong."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except socket.gaierror as exc:
        raise ConfigError(f"cannot listen on {host!r}: {exc.strerror}", where="--host") from exc
    sock = socket.socket(family, kind, proto)
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as exc:
        sock.close()
        if exc.errno == errno.EADDRINUSE:
            raise ConfigError(
                f"port {port} on {host} is already in use (another recoupe serve?); choose another with --port",
                where="--port",
            ) from exc
        raise ConfigError(f"cannot listen on {host}:{port}: {exc.strerror}", where="--host/--port") from exc
    sock.set_inheritable(True)
    return sock


COMMANDS = [serve_command]
