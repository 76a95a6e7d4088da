"""``recoupe``: the command group, its global options and the error edge.

Commands are registered lazily: ``COMMANDS`` names each one's ``module:attribute`` and the one-line help
``recoupe --help`` shows, so listing the commands or running one imports only that command's module (and
what it needs), never SQLAlchemy, numpy or spaCy for ``--help``. To add a command, add one row.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from recoupe.errors import RecoupeError

if TYPE_CHECKING:
    from rich.console import Console

__all__ = ["COMMANDS", "cli", "main"]

#: every command: name -> ("module:attribute" of its click command, the one line ``recoupe --help`` shows)
COMMANDS: dict[str, tuple[str, str]] = {
    "alerts": (
        "recoupe.cli.watchlist:alerts_command",
        "List alerts, newest first (the web UI shows them at /alerts, feed readers at /alerts.atom).",
    ),
    "articles": ("recoupe.cli.read:articles_command", "List stored articles, newest first."),
    "check": (
        "recoupe.cli.read:check_command",
        "Check the store's integrity (database, full-text index, duplicates).",
    ),
    "config": ("recoupe.cli.config:config_command", "Show every setting, its value and where it came from."),
    "copy": (
        "recoupe.cli.archive:copy_command",
        "Copy the archive at SOURCE into TARGET (files or URLs, e.g. news.db postgresql://host/db).",
    ),
    "crosscheck": (
        "recoupe.cli.crosscheck:crosscheck_command",
        "Cross-check a story: what several independent sources corroborate, what one carries, what conflicts.",
    ),
    "delete": ("recoupe.cli.edit:delete_command", "Delete an article; its story is recomputed without it."),
    "edit": ("recoupe.cli.edit:edit_command", "Correct an article's outlet, title or date (a revision is kept)."),
    "enrich": (
        "recoupe.cli.enrichment:enrich_command",
        "Enrich stored articles that have no current enrichment (new, changed, or from an older recoupe).",
    ),
    "entities": (
        "recoupe.cli.enrichment:entities_command",
        "List the people, organisations and places named in the corpus, most-covered first.",
    ),
    "export": ("recoupe.cli.export:export_command", "Export a table as CSV, JSONL or Parquet."),
    "ingest": (
        "recoupe.cli.ingest:ingest_command",
        "Read articles from PATHS (files, folders, globs; - for JSONL on stdin; http(s) URLs) into the store.",
    ),
    "outlets": (
        "recoupe.cli.outlets:outlets_command",
        "Outlet profiles: stories only it covers, wire copies, how its statements fare in cross-checks, blind spots.",
    ),
    "quotes": (
        "recoupe.cli.enrichment:quotes_command",
        "List quotes with their speakers, newest articles first.",
    ),
    "recluster": (
        "recoupe.cli.stories:recluster_command",
        "Rebuild every story from scratch (after changing the embedder or the story settings).",
    ),
    "search": (
        "recoupe.cli.read:search_command",
        "Full-text search over titles, leads and bodies (accents and case ignored), best first.",
    ),
    "serve": (
        "recoupe.cli.serve:serve_command",
        "Serve the web UI at / and the REST API at /api (OpenAPI at /api/openapi.json).",
    ),
    "show": (
        "recoupe.cli.read:show_command",
        "Show one article (ARTICLE_ID, or a unique prefix of at least 6 characters).",
    ),
    "stories": (
        "recoupe.cli.stories:stories_command",
        "List stories: articles from any outlet and language grouped by the event they cover.",
    ),
    "story": (
        "recoupe.cli.stories:story_command",
        "Show one story: its articles by time with outlet and copy marks, entities and summary.",
    ),
    "watch": (
        "recoupe.cli.watch:watch_command",
        "Poll feeds and sitemaps, ingest what is new; one summary line per round.",
    ),
    "watchlist": (
        "recoupe.cli.watchlist:watchlist_group",
        "Follow an entity, a keyword query or an outlet: alerts when a story appears or changes.",
    ),
}


def _shortened(text: str, limit: int) -> str:
    """``text`` cut at a word to fit ``limit`` characters, with ``...`` (as click shortens help lines)."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 3, 1)].rsplit(" ", 1)[0] + "..."


def _stderr() -> Console:
    from rich.console import Console

    return Console(stderr=True)


class RecoupeGroup(click.Group):
    """Loads commands from ``COMMANDS`` on first use; turns ``RecoupeError`` into a message and its exit code."""

    def list_commands(self, ctx: click.Context) -> list[str]:  # noqa: ARG002 - click's signature
        return sorted({*COMMANDS, *self.commands})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:  # noqa: ARG002 - click's
        if cmd_name not in self.commands and cmd_name in COMMANDS:
            module, _, attribute = COMMANDS[cmd_name][0].partition(":")
            command = getattr(importlib.import_module(module), attribute)
            if not isinstance(command, click.Command):  # pragma: no cover - a wrong row in COMMANDS
                raise TypeError(f"{COMMANDS[cmd_name][0]} is not a click command")
            self.commands[cmd_name] = command
        return self.commands.get(cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """The command list from ``COMMANDS``' help lines, without importing any command."""
        names = self.list_commands(ctx)
        if not names:
            return
        limit = formatter.width - 6 - max(len(name) for name in names)
        rows = []
        for name in names:
            loaded = self.commands.get(name)
            if loaded is not None and name not in COMMANDS:
                text = loaded.get_short_help_str(limit)
            else:
                text = _shortened(COMMANDS[name][1], limit)
            rows.append((name, text))
        with formatter.section("Commands"):
            formatter.write_dl(rows)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RecoupeError as exc:
            _stderr().print(f"[bold red]Error:[/] {exc}", highlight=False, markup=True)
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
    from recoupe.cli.context import AppContext
    from recoupe.config import load_settings

    try:
        settings = load_settings({"db": db}, config_file=config_file)
    except RecoupeError as exc:
        _stderr().print(f"[bold red]Error:[/] {exc}", highlight=False)
        ctx.exit(exc.exit_code)
    app = AppContext(settings, config_file=config_file, flags={"db": db})
    ctx.obj = app
    ctx.call_on_close(app.close)


def main() -> None:
    """Console-script entry point."""
    sys.exit(cli.main(prog_name="recoupe", standalone_mode=True))
