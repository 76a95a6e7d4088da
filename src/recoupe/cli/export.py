"""``recoupe export TABLE``: articles, stories, statements with verdicts, quotes, figures or entities as
CSV, JSON Lines or Parquet, streamed (memory stays flat on a large archive)."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from recoupe.cli.context import AppContext
from recoupe.cli.read import parse_day
from recoupe.errors import InputError

__all__ = ["COMMANDS"]

# the names, here rather than imported from recoupe.export, so that `recoupe --help` stays light
TABLES = ("articles", "stories", "statements", "quotes", "figures", "entities")
FORMATS = ("csv", "jsonl", "parquet")
_SUFFIXES = {".csv": "csv", ".jsonl": "jsonl", ".ndjson": "jsonl", ".parquet": "parquet", ".pq": "parquet"}


@click.command("export")
@click.argument("table", type=click.Choice(TABLES))
@click.option(
    "-o",
    "--output",
    type=click.Path(dir_okay=False, path_type=Path),
    help="File to write (default: standard output; Parquet needs a file).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(FORMATS),
    help="csv, jsonl or parquet [default: from the --output suffix, else csv].",
)
@click.option("--outlet", help="Only this outlet (case-insensitive); statements: only its statements.")
@click.option("--language", help="Only this language (ISO 639-1, e.g. fr).")
@click.option("--since", metavar="YYYY-MM-DD", help="Published (stories: seen) on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Published (stories: seen) on or before this day.")
@click.option("--story", "story_id", metavar="ID", help="Only this story's articles, statements, quotes ...")
@click.option(
    "--batch-size", type=click.IntRange(1, 100_000), default=500, show_default=True, help="Items read per query."
)
@click.pass_obj
def export_command(
    app: AppContext,
    table: str,
    output: Path | None,
    fmt: str | None,
    outlet: str | None,
    language: str | None,
    since: str | None,
    until: str | None,
    story_id: str | None,
    batch_size: int,
) -> None:
    """Export TABLE: articles, stories, statements (with the verdicts of stored cross-checks), quotes, figures
    or entities (one row per entity an article names), as CSV, JSON Lines or Parquet.

    Columns are the same in every format; in CSV a list is joined with "; ". Statements come from the
    cross-checks already computed (recoupe crosscheck ID, or the story's web page); stories without one are
    counted on stderr.
    """
    from recoupe.export import ExportFilter, export

    chosen = fmt or (_SUFFIXES.get(output.suffix.lower(), "csv") if output else "csv")
    if chosen == "parquet" and output is None:
        raise InputError("Parquet is written to a file: give --output FILE.parquet")
    filters = ExportFilter(
        outlet=outlet,
        language=language,
        since=parse_day(since, "--since"),
        until=parse_day(until, "--until"),
        story=story_id,
    )
    store = app.store()
    if output is None:
        summary = export(store, table, chosen, sys.stdout.buffer, filters, batch_size=batch_size)
        sys.stdout.buffer.flush()
    else:
        partial = output.with_name(output.name + ".part")
        try:
            with partial.open("wb") as out:
                summary = export(store, table, chosen, out, filters, batch_size=batch_size)
            partial.replace(output)
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    where = f" to {output}" if output else ""
    app.err.print(f"exported {summary.rows} {table} row(s) as {chosen}{where}", highlight=False, markup=False)
    if summary.not_crosschecked:
        app.err.print(
            f"{summary.not_crosschecked} story(ies) have no stored cross-check yet (recoupe crosscheck ID)",
            highlight=False,
            markup=False,
        )


COMMANDS = [export_command]
