"""``recoupe copy SOURCE TARGET``: move a whole archive between databases (SQLite, PostgreSQL), resumable."""

from __future__ import annotations

import click
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeElapsedColumn

from recoupe.cli.context import AppContext
from recoupe.cli.read import json_option
from recoupe.store import open_store
from recoupe.store.copy import copy_store

__all__ = ["COMMANDS"]


@click.command("copy")
@click.argument("source")
@click.argument("target")
@json_option
@click.pass_obj
def copy_command(app: AppContext, source: str, target: str, as_json: bool) -> None:
    """Copy the archive at SOURCE into TARGET (files or URLs, e.g. news.db postgresql://host/db).

    Articles (deleted ones included), revisions, enrichments, embeddings, stories, cross-checks, fetch
    state, watchlists, what they saw and their alerts; rows TARGET already has are kept, so an interrupted
    copy carries on when run again. TARGET is created if needed.
    """
    with open_store(source) as origin, open_store(target) as destination:
        tasks: dict[str, TaskID] = {}
        progress = Progress(
            TextColumn("{task.description:<18}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=app.err,
            disable=as_json,
        )

        def advance(table: str, done: int, total: int) -> None:
            if table not in tasks:
                tasks[table] = progress.add_task(table, total=total)
            progress.update(tasks[table], completed=done)

        with progress:
            report = copy_store(origin, destination, advance)
    if as_json:
        app.emit_json(report.to_dict())
        return
    written = sum(report.written.values())
    read = sum(report.read.values())
    app.out.print(f"copied {written} row(s) of {read} into {destination.where}; {read - written} already there")


COMMANDS = [copy_command]
