"""``recoupe``: the command group, its global options and the error edge."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click
from rich.console import Console

from recoupe.cli.context import AppContext
from recoupe.config import load_settings
from recoupe.errors import RecoupeError

__all__ = ["cli", "main"]


class RecoupeGroup(click.Group):
    """Turns ``RecoupeError`` into a one-line message on stderr and the error's exit code."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RecoupeError as exc:
            Console(stderr=True).print(f"[bold red]Error:[/] {exc}", highlight=False, markup=True)
            ctx.exit(exc.exit_code)


@click.group(cls=RecoupeGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", metavar="PATH|URL", help="Database file or SQLAlchemy URL [env RECOUPE_DB].")
@click.option(
    "--config",
    "config_file",
    type=click.Path(dir_okay=False, path_type=Path),
    help="Settings file (default ./recoupe.toml) [env RECOUPE_CONFIG].",
)
@click.version_option(package_name="recoupe")
@click.pass_context
def cli(ctx: click.Context, db: str | None, config_file: Path | None) -> None:
    """recoupe: cross-check the news. Read articles from many outlets, find them again, compare them."""
    try:
        settings = load_settings({"db": db}, config_file=config_file)
    except RecoupeError as exc:
        Console(stderr=True).print(f"[bold red]Error:[/] {exc}", highlight=False)
        ctx.exit(exc.exit_code)
    app = AppContext(settings, config_file=config_file, flags={"db": db})
    ctx.obj = app
    ctx.call_on_close(app.close)


def _register() -> None:
    from recoupe.cli import archive, crosscheck, enrichment, ingest, read, serve, stories, watch

    cli.add_command(ingest.ingest_command)
    cli.add_command(watch.watch_command)
    commands = [*read.COMMANDS, *enrichment.COMMANDS, *stories.COMMANDS, *crosscheck.COMMANDS, *serve.COMMANDS]
    for command in [*commands, *archive.COMMANDS]:
        cli.add_command(command)


_register()


def main() -> None:
    """Console-script entry point."""
    sys.exit(cli.main(prog_name="recoupe", standalone_mode=True))
