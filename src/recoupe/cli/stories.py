"""Story commands: ``stories`` (list), ``story ID`` (one story), ``recluster`` (rebuild). Each takes ``--json``."""

from __future__ import annotations

import click
from rich.markup import escape
from rich.table import Table

from recoupe.cli.context import AppContext
from recoupe.cli.paging import showing
from recoupe.cli.read import json_option, parse_day
from recoupe.enrich.entities import entity_key
from recoupe.stories.story import load_story

__all__ = ["COMMANDS"]


def _day(sort_key: str | None) -> str:
    return sort_key[:10] if sort_key else "—"


@click.command("stories")
@click.option(
    "--order",
    type=click.Choice(["latest", "biggest", "oldest"]),
    default="latest",
    show_default=True,
    help="latest: last seen first; biggest: most independent outlets first.",
)
@click.option(
    "--min-outlets", type=click.IntRange(1), default=1, show_default=True, help="Independent outlets at least."
)
@click.option("--min-articles", type=click.IntRange(1), default=1, show_default=True, help="Articles at least.")
@click.option("--language", help="Only stories with an article in this language (e.g. fr).")
@click.option("--entity", help="Only stories naming this entity (a name; accents and case ignored).")
@click.option("--since", metavar="YYYY-MM-DD", help="Seen on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Seen on or before this day.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=20, show_default=True, help="Stories per page.")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True, help="Stories to skip.")
@json_option
@click.pass_obj
def stories_command(
    app: AppContext,
    order: str,
    min_outlets: int,
    min_articles: int,
    language: str | None,
    entity: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """List stories: articles from any outlet and language grouped by the event they cover."""
    filters = {
        "order": order,
        "min_outlets": min_outlets,
        "min_articles": min_articles,
        "language": language,
        "entity": entity_key(entity) if entity else None,
        "since": parse_day(since, "--since"),
        "until": parse_day(until, "--until"),
    }
    rows = app.store().stories(**filters, limit=limit + 1, offset=offset)  # type: ignore[arg-type]
    more, rows = len(rows) > limit, rows[:limit]
    if as_json:
        app.emit_json([row.to_dict() for row in rows])
        return
    # the whole count only when there is more than this page (stories are far fewer than articles)
    total = len(app.store().stories(**filters, limit=10_000_000)) if more or offset else len(rows)  # type: ignore[arg-type]
    table = Table(title=f"{showing(('story', 'stories'), offset, len(rows), total)} ({order})")
    table.add_column("id", style="dim", no_wrap=True)
    table.add_column("first", no_wrap=True)
    table.add_column("last", no_wrap=True)
    table.add_column("art.", justify="right")
    table.add_column("outlets", justify="right", header_style="bold")
    table.add_column("lang")
    table.add_column("title")
    for row in rows:
        outlets = f"{row.independent}" + (f" ({row.outlets})" if row.outlets != row.independent else "")
        table.add_row(
            row.id[:10],
            _day(row.first_seen),
            _day(row.last_seen),
            str(row.articles),
            outlets,
            ",".join(row.languages),
            escape(row.title),
        )
    app.out.print(table)
    if any(row.outlets != row.independent for row in rows):
        app.out.print("[dim]outlets: independent (all, wire copies included)[/]")


@click.command("story")
@click.argument("story_id")
@json_option
@click.pass_obj
def story_command(app: AppContext, story_id: str, as_json: bool) -> None:
    """Show one story: its articles by time with outlet and copy marks, entities and summary."""
    story = load_story(app.store(), story_id)
    if as_json:
        app.emit_json(story.to_dict())
        return
    row = story.row
    app.out.print(f"[bold]{escape(row.title)}[/]", highlight=False)
    app.out.print(
        f"[dim]story {row.id} · {row.articles} article(s) · {row.independent} independent outlet(s) of "
        f"{row.outlets} · {', '.join(row.languages) or '?'} · {_day(row.first_seen)} → {_day(row.last_seen)}[/]"
    )
    if story.sources:
        app.out.print(f"[dim]independent sources: {escape(', '.join(story.sources))}[/]", highlight=False)
    if story.key_figures:
        shown = " · ".join(f"{text} ({count} sources)" for text, count in story.key_figures)
        app.out.print(f"key figures: {escape(shown)}", highlight=False)
    if story.summary:
        app.out.print("\n[bold]Summary[/]")
        for article_id, sentence in story.summary:
            app.out.print(f"  {escape(sentence)} [dim]({article_id[:8]})[/]", highlight=False)
    table = Table(title="Timeline")
    table.add_column("published", no_wrap=True)
    table.add_column("outlet")
    table.add_column("lang")
    table.add_column("id", style="dim", no_wrap=True)
    table.add_column("title")
    table.add_column("copy of", style="yellow")
    for item in story.timeline:
        a = item.article
        mark = f"{item.copy_of[:8]} ({item.similarity:.0%})" if item.copy_of and item.similarity is not None else ""
        if item.dispatch is not None:
            mark = " ".join(part for part in (mark, f"{item.dispatch.agency} {item.dispatch.credit.value}") if part)
        table.add_row(
            a.published.iso() if a.published else "—",
            escape(a.outlet or "?"),
            a.language or "?",
            a.id[:8],
            escape(a.title),
            mark,
        )
    app.out.print(table)
    if story.entities:
        names = ", ".join(f"{escape(name)} [dim]{label} ×{n}[/]" for name, label, n in story.entities)
        app.out.print(f"[bold]Entities[/] {names}", highlight=False)
    if story.related:
        app.out.print("\n[bold]Related[/] [dim](opinion, analysis, explainers, live pages: not its articles)[/]")
        for item in story.related:
            a = item.article
            app.out.print(
                f"  [dim]{item.genre}[/] {escape(a.outlet or '?')} · {escape(a.title)} [dim]({a.id[:8]})[/]",
                highlight=False,
            )


@click.command("recluster")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Embedding threads.")
@json_option
@click.pass_obj
def recluster_command(app: AppContext, workers: int, as_json: bool) -> None:
    """Rebuild every story from scratch (after changing the embedder or the story settings).

    Embeddings are kept (an article is embedded again only if its text or the embedder changed);
    wire-copy marks are kept. A story keeps its id when it keeps most of its articles; a story that
    disappears redirects to the one that took most of its articles.
    """
    engine = app.story_engine(threads=workers)
    try:
        report = engine.recluster()
    finally:
        engine.close()
    if as_json:
        app.emit_json(report.to_dict())
        return
    total = len(app.store().stories(limit=10_000_000))
    app.out.print(
        f"assigned {report.assigned} article(s) to {total} stories "
        f"(embedded {report.embedded}, reused {report.reused} vectors, {report.copies} new wire copies)"
    )


COMMANDS = [stories_command, story_command, recluster_command]
