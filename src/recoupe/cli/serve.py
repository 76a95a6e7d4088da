"""``recoupe serve``: the web UI and the REST API over the database, with uvicorn."""

from __future__ import annotations

import click

from recoupe.cli.context import AppContext

__all__ = ["COMMANDS", "STOP_GRACE_S"]

#: seconds ``serve`` waits for requests in flight after SIGTERM or Ctrl-C before it stops anyway
STOP_GRACE_S = 3


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=click.IntRange(0, 65535), help="Port to listen on.")
@click.option("--log-level", default="warning", show_default=True, type=click.Choice(["debug", "info", "warning"]))
@click.pass_obj
def serve_command(app: AppContext, host: str, port: int, log_level: str) -> None:
    """Serve the web UI at / and the REST API at /api (OpenAPI at /api/openapi.json).

    Reads are open; POST /api/ingest needs the api_token setting (RECOUPE_API_TOKEN)."""
    import uvicorn

    from recoupe.app import create_app

    store = app.store()
    application = create_app(app.settings, store=store)
    shown = "localhost" if host in {"127.0.0.1", "::1"} else host
    app.err.print(
        f"recoupe serving {store.where}\n  web UI:  http://{shown}:{port}/\n  API:     http://{shown}:{port}/api/docs",
        highlight=False,
    )
    # SIGTERM: stop within seconds even with requests in flight (a search is bounded by its own budget)
    uvicorn.run(application, host=host, port=port, log_level=log_level, timeout_graceful_shutdown=STOP_GRACE_S)


COMMANDS = [serve_command]
