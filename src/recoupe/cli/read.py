"""Read commands: ``articles``, ``show``, ``search``, ``check``. Each takes ``--json``."""

from __future__ import annotations

from datetime import date
from typing import Any

import click
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from recoupe.cli.context import AppContext
from recoupe.cli.paging import showing
from recoupe.errors import QueryError
from recoupe.model import Article, Enrichment

__all__ = ["COMMANDS", "json_option", "parse_day"]

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")


def parse_day(value: str | None, flag: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise QueryError(f"{flag} takes a date as YYYY-MM-DD, got {value!r}") from exc


def _published(article: Article) -> str:
    return article.published.iso() if article.published else "—"


def _summary(article: Article) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "published": article.published.iso() if article.published else None,
        "language": article.language,
        "url": article.url,
    }


@click.command("articles")
@click.option("--outlet", help="Only this outlet (case-insensitive).")
@click.option("--language", help="Only this language (ISO 639-1, e.g. fr).")
@click.option("--since", metavar="YYYY-MM-DD", help="Published on or after this day.")
@click.option("--until", metavar="YYYY-MM-DD", help="Published on or before this day.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True, help="Articles per page.")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True, help="Articles to skip.")
@json_option
@click.pass_obj
def articles_command(
    app: AppContext,
    outlet: str | None,
    language: str | None,
    since: str | None,
    until: str | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """List stored articles, newest first."""
    filters: dict[str, Any] = {
        "outlet": outlet,
        "language": language,
        "since": parse_day(since, "--since"),
        "until": parse_day(until, "--until"),
    }
    store = app.store()
    rows = store.articles(**filters, limit=limit, offset=offset)
    if as_json:
        app.emit_json([_summary(article) for article in rows])
        return
    total = store.count(**filters)
    table = Table(title=showing(("article", "articles"), offset, len(rows), total))
    table.add_column("id", no_wrap=True)
    table.add_column("published", no_wrap=True)
    table.add_column("outlet", no_wrap=True, overflow="ellipsis", max_width=14)
    table.add_column("lang", no_wrap=True)
    table.add_column("title", min_width=20, ratio=1)
    for article in rows:
        day = _published(article)[:10]  # the list shows the day; `show` gives the full date and its precision
        # a 10-character prefix is enough for `recoupe show`; --json gives whole ids
        table.add_row(
            article.id[:10], day, escape(article.outlet or "—"), article.language or "—", escape(article.title)
        )
    app.out.print(table)


@click.command("show")
@click.argument("article_id")
@click.option("--revisions", is_flag=True, help="Also list earlier versions of the article.")
@json_option
@click.pass_obj
def show_command(app: AppContext, article_id: str, revisions: bool, as_json: bool) -> None:
    """Show one article (ARTICLE_ID, or a unique prefix of at least 6 characters)."""
    store = app.store()
    article = store.get(article_id)
    earlier = store.revisions(article.id) if revisions else []
    enrichment = store.enrichment(article.id)
    if as_json:
        data = article.to_dict()
        data["enrichment"] = enrichment.to_dict() if enrichment else None
        if revisions:
            data["revisions"] = [
                {"revision": rev.revision, "stored_at": rev.stored_at.isoformat(), "article": rev.article.to_dict()}
                for rev in earlier
            ]
        app.emit_json(data)
        return
    meta = Table.grid(padding=(0, 2))
    meta.add_column(style="bold")
    meta.add_column()
    rows = [
        ("title", "derived from the first sentence" if article.title_derived else "given by the source"),
        ("id", article.id),
        ("outlet", article.outlet or "unknown"),
        ("published", (_published(article) + (f" ({article.published.precision})" if article.published else ""))),
        ("language", article.language or "unknown"),
        ("url", article.url or "—"),
        ("authors", ", ".join(article.authors) or "—"),
        ("section", article.section or "—"),
        ("tags", ", ".join(article.tags) or "—"),
        ("source", article.provenance.where()),
    ]
    for key, value in rows:
        meta.add_row(key, Text(value))
    app.out.print(Text(article.title, style="bold"))
    app.out.print(Panel(meta, title_align="left"))
    app.out.print(_highlighted(article, enrichment))
    if enrichment is not None:
        from recoupe.cli.enrichment import render_enrichment  # not imported by the other read commands

        app.out.print(render_enrichment(article, enrichment))
    else:
        app.out.print(Text("not enriched yet (recoupe enrich)", style="dim"))
    for rev in earlier:
        app.out.print(
            Text(f"revision {rev.revision} stored {rev.stored_at:%Y-%m-%d %H:%M} — {rev.article.title}", style="dim")
        )


def _highlighted(article: Article, enrichment: Enrichment | None) -> Text:
    """The article's text with quotes in italics, entities coloured by type and figures underlined."""
    text = Text(article.text)
    text.stylize("bold", 0, len(article.title))
    if enrichment is None:
        return text
    from recoupe.cli.enrichment import LABEL_STYLE

    for quote in enrichment.quotes:
        text.stylize("italic", quote.start, quote.end)
    for mention in enrichment.mentions:
        text.stylize(LABEL_STYLE.get(mention.label, "bold"), mention.start, mention.end)
    for figure in enrichment.figures:
        text.stylize("underline", figure.start, figure.end)
    return text


@click.command("search")
@click.argument("query")
@click.option("--outlet", help="Only this outlet.")
@click.option("--language", help="Only this language.")
@click.option("--limit", type=click.IntRange(1, 1000), default=20, show_default=True, help="Best hits shown.")
@json_option
@click.pass_obj
def search_command(
    app: AppContext, query: str, outlet: str | None, language: str | None, limit: int, as_json: bool
) -> None:
    """Full-text search over titles, leads and bodies (accents and case ignored), best first.

    Words are all required; "a phrase" in quotes must match as written; a trailing * matches a prefix.
    """
    hits = app.search(query, limit=limit, outlet=outlet, language=language)
    best = max((hit.score for hit in hits), default=0.0)
    if as_json:
        app.emit_json(
            [
                # relevance: the hit's score as a share of the best hit's (100 for the best); score: the engine's
                {
                    **_summary(hit.article),
                    "relevance": _relevance(hit.score, best),
                    "score": hit.score,
                    "snippet": hit.snippet,
                }
                for hit in hits
            ]
        )
        return
    if not hits:
        app.out.print(f"No article matches {query!r}.", highlight=False, markup=False)
        return
    for rank, hit in enumerate(hits, 1):
        header = Text(f"{rank}. ", style="bold")
        header.append(hit.article.title, style="bold")
        header.append(
            f"  {hit.article.outlet or 'outlet not given'} · {_published(hit.article)} · {hit.article.id}"
            f" · relevance {_relevance(hit.score, best)}%",
            style="dim",
        )
        snippet = Text(hit.snippet.replace("\n", " "))  # same length: highlight spans still line up
        for start, end in hit.highlights:
            snippet.stylize("bold yellow", start, end)
        app.out.print(header)
        app.out.print(snippet)
        app.out.print()


def _relevance(score: float, best: float) -> int:
    """A score people can read: a percentage of the best hit's score (engines' raw scores are not comparable)."""
    return round(100 * score / best) if best > 0 else 0


@click.command("check")
@json_option
@click.pass_obj
def check_command(app: AppContext, as_json: bool) -> None:
    """Check the store's integrity (database, full-text index, duplicates, vector index). Exit 1 on a problem."""
    from recoupe.stories.assign import check_vector_index

    problems = app.store().check_integrity() + check_vector_index(app.store(), app.settings)
    if as_json:
        app.emit_json({"ok": not problems, "problems": problems})
    elif problems:
        for problem in problems:
            app.err.print(f"[red]problem[/] {escape(problem)}", highlight=False)
    else:
        app.out.print("store OK")
    if problems:
        raise SystemExit(1)


COMMANDS = [articles_command, show_command, search_command, check_command]
