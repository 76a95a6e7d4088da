"""``recoupe ingest``: read files, folders, globs, stdin, web pages or feeds into the store, with a summary."""

from __future__ import annotations

import sys
from datetime import datetime

import click
from rich.markup import escape
from rich.table import Table

from recoupe.cli.context import AppContext
from recoupe.cli.progress import IngestProgress, input_sizes
from recoupe.cli.watch import fetch_ingest
from recoupe.errors import ConfigError
from recoupe.execute import make_executor
from recoupe.pipeline import IngestReport
from recoupe.sources import is_url_argument, read_inputs
from recoupe.sources.tabular import FIELD_NAMES

__all__ = ["ingest_command"]


def _parse_mapping(values: tuple[str, ...]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for value in values:
        name, sep, column = value.partition("=")
        if not sep or not column or name not in FIELD_NAMES:
            known = ", ".join(FIELD_NAMES)
            raise ConfigError(f"--map takes FIELD=COLUMN with FIELD one of {known}; got {value!r}")
        mapping[name] = column
    return mapping


def _summary(report: IngestReport, not_modified: int = 0) -> Table:
    table = Table(title="Ingest summary", show_header=False, box=None)
    table.add_row("[green]new[/]", str(report.new))
    table.add_row("[cyan]updated[/]", str(report.updated))
    table.add_row("unchanged", str(report.unchanged))
    if not_modified:
        table.add_row("not modified (HTTP 304)", str(not_modified))
    table.add_row("enriched", str(report.enriched))
    if report.stories is not None:
        table.add_row("embedded", f"{report.stories.embedded} (+{report.stories.reused} reused)")
        table.add_row("wire copies", str(report.stories.copies))
        table.add_row("stories updated", str(report.stories.stories))
    table.add_row("[red]failed[/]" if report.failures else "failed", str(len(report.failures)))
    return table


@click.command("ingest")
@click.argument("paths", nargs=-1)
@click.option(
    "--feed", "feeds", multiple=True, metavar="URL|FILE", help="Read an RSS/Atom feed's entries (repeatable)."
)
@click.option("--sitemap", "sitemaps", multiple=True, metavar="URL|FILE", help="Read a sitemap's pages (repeatable).")
@click.option("--since", type=click.DateTime(["%Y-%m-%d"]), help="Skip sitemap entries older than this day.")
@click.option("--map", "mappings", multiple=True, metavar="FIELD=COLUMN", help="Read FIELD from COLUMN (JSONL/CSV).")
@click.option(
    "--outlet", help="Outlet name for articles whose source does not say it (stored ones without an outlet too)."
)
@click.option("--strict", is_flag=True, default=None, help="Exit non-zero when any input fails.")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Extraction processes.")
@click.option(
    "--executor",
    "executor_spec",
    metavar="SPEC",
    help="Where extraction and enrichment run: local, dask (a local Dask cluster) or dask://HOST:PORT.",
)
@click.option("--batch-size", type=click.IntRange(1), help="Articles per transaction [default 200].")
@click.option("--enrich/--no-enrich", default=None, help="Find entities, quotes and figures [default: on].")
@click.option("--stories/--no-stories", default=None, help="Group articles into stories [default: on].")
@click.option(
    "--progress-every",
    type=click.FloatRange(0),
    default=10.0,
    show_default=True,
    metavar="SECONDS",
    help="When stderr is not a terminal: a progress line this often (0: none).",
)
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_obj
def ingest_command(
    app: AppContext,
    paths: tuple[str, ...],
    feeds: tuple[str, ...],
    sitemaps: tuple[str, ...],
    since: datetime | None,
    mappings: tuple[str, ...],
    outlet: str | None,
    strict: bool | None,
    workers: int,
    executor_spec: str | None,
    batch_size: int | None,
    enrich: bool | None,
    stories: bool | None,
    progress_every: float,
    as_json: bool,
) -> None:
    """Read articles from PATHS (files, folders, globs; - for JSONL on stdin; http(s) URLs) into the store.

    Formats: plain-text records (.txt), HTML pages (.html), JSON Lines (.jsonl), JSON arrays (.json),
    CSV/TSV, WARC/ARC archives (.warc, .warc.gz: every HTML response in them); a URL is fetched as a page.
    --feed reads each entry of an RSS/Atom feed (its page, else the entry's own text). --sitemap reads the
    pages a sitemap (or sitemap index, gzipped or not) lists. Pages are fetched politely (robots.txt, a delay
    per host) and conditionally (unchanged pages are skipped). Inputs that cannot be read are listed with
    the reason, and the run goes on.
    """
    if not paths and not feeds and not sitemaps:
        raise click.UsageError("give PATHS or --feed (or --sitemap)")
    settings = app.settings_with(
        strict=strict, batch_size=batch_size, enrich=enrich, stories=stories, executor=executor_spec
    )
    mapping = _parse_mapping(mappings)
    store = app.store(create=True)  # the one command that starts a database (with watch)
    models = app.nlp_models() if settings.enrich else None
    engine = app.story_engine(settings, threads=workers) if settings.stories else None
    executor = make_executor(workers, settings.executor)
    sizes = None if feeds or sitemaps else input_sizes(list(paths))
    progress = IngestProgress(app.err, sizes, every=progress_every)

    try:
        with progress:
            report, not_modified = fetch_ingest(
                lambda fetcher: progress.wrap(
                    read_inputs(
                        list(paths),
                        settings,
                        mapping=mapping,
                        stdin=sys.stdin.buffer,
                        feeds=feeds,
                        sitemaps=sitemaps,
                        since=since.date() if since else None,
                        fetcher=fetcher,
                    )
                ),
                store,
                settings,
                executor=executor,
                default_outlet=outlet,
                models=models,
                stories=engine,
                on_progress=progress.stored,
            )
        filled = store.fill_outlets(report.article_ids, outlet) if outlet else []
        if filled and engine is not None:  # their stories count one more outlet: recompute them
            engine.update(sorted({m for item in filled for m in item.members}), force=True)
    finally:
        executor.close()
        if engine is not None:
            engine.close()

    if as_json:
        fetched = any(is_url_argument(path) for path in paths) or feeds or sitemaps
        data = {**report.to_dict(), "not_modified": not_modified} if fetched else report.to_dict()
        if filled:
            data["outlet_filled"] = len(filled)
        app.emit_json(data)
    else:
        for failure in report.failures:
            where, reason = escape(failure.provenance.where()), escape(failure.reason)
            app.err.print(f"[red]failed[/] {where}: {reason}", highlight=False, soft_wrap=True)
        app.out.print(_summary(report, not_modified))
        if filled:
            app.out.print(f"outlet {outlet!r} given to {len(filled)} stored article(s) that had none", markup=False)
    app.err.print(f"database: {store.where}", highlight=False, markup=False, soft_wrap=True)
    if report.failures and (settings.strict or report.read == 0):
        raise SystemExit(65 if report.read == 0 else 1)
