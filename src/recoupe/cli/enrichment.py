"""Enrichment commands: ``enrich`` (backfill), ``entities``, ``quotes``; and the enrichment part of ``show``."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click
from rich.console import Group
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from recoupe.cli.context import AppContext
from recoupe.cli.paging import showing
from recoupe.model import Article, Enrichment, Quote

if TYPE_CHECKING:
    from recoupe.model import QuoteHit

__all__ = ["COMMANDS", "LABEL_STYLE", "render_enrichment"]

json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of a table.")
LABEL_STYLE = {"PER": "bold cyan", "ORG": "bold magenta", "LOC": "bold green", "MISC": "bold yellow"}


def _fold(name: str) -> str:
    from recoupe.enrich.entities import entity_key

    return entity_key(name)


def render_enrichment(article: Article, enrichment: Enrichment) -> Group:
    """Entities, quotes, figures, keywords and summary of one article, for the terminal."""
    parts: list[Text | Table] = []
    if enrichment.summary:
        parts.append(Text.assemble(("summary ", "bold"), enrichment.summary))
    if enrichment.keywords:
        parts.append(Text.assemble(("keywords ", "bold"), ", ".join(enrichment.keywords)))
    if enrichment.entities:
        line = Text("entities ", style="bold")
        for index, entity in enumerate(enrichment.entities[:25]):
            if index:
                line.append(" · ")
            line.append(entity.canonical, style=LABEL_STYLE.get(entity.label, "bold"))
            line.append(f" {entity.label}" + (f" ({entity.roles[0]})" if entity.roles else ""), style="dim")
        parts.append(line)
    if enrichment.quotes:
        table = Table(title="quotes", title_justify="left", show_lines=False, expand=True)
        table.add_column("speaker", max_width=24)
        table.add_column("kind", no_wrap=True)
        table.add_column("quote", ratio=1)
        for quote in enrichment.quotes:
            speaker = _speaker_label(quote)
            if quote.role:
                speaker += f", {quote.role}"
            table.add_row(Text(speaker), quote.kind, Text(quote.text))
        parts.append(table)
    if enrichment.figures:
        table = Table(title="figures", title_justify="left", expand=True)
        for column in ("kind", "as written", "value", "unit", "about"):
            table.add_column(column, ratio=1 if column == "as written" else None)
        for figure in enrichment.figures:
            value = figure.value if not isinstance(figure.value, float) else f"{figure.value:,.10g}"
            table.add_row(
                figure.kind + (" (relative)" if figure.relative else ""),
                Text(figure.text),
                Text(str(value) if value is not None else "—"),
                Text(figure.unit or "—"),
                Text(figure.about or "—"),
            )
        parts.append(table)
    if enrichment.notes:
        parts.append(Text("notes: " + "; ".join(enrichment.notes), style="dim"))
    parts.append(Text(f"enrichment: {enrichment.level.value} ({article.language or 'language unknown'})", style="dim"))
    return Group(*parts)


@click.command("enrich")
@click.option("--workers", type=click.IntRange(1, 64), default=1, show_default=True, help="Processes.")
@click.option("--batch-size", type=click.IntRange(1), default=100, show_default=True, help="Articles per batch.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.pass_obj
def enrich_command(app: AppContext, workers: int, batch_size: int, as_json: bool) -> None:
    """Enrich stored articles that have no current enrichment (new, changed, or from an older recoupe)."""
    from recoupe.enrich import ENRICHER_VERSION
    from recoupe.execute import make_executor
    from recoupe.pipeline import IngestReport, enrich_stored

    store = app.store()
    models = app.nlp_models()
    report = IngestReport()
    executor = make_executor(workers)
    try:
        tried: set[str] = set()  # an article that failed stays unenriched: try it once per run
        while True:
            pending = store.unenriched(ENRICHER_VERSION, limit=batch_size + len(tried))
            ids = [article_id for article_id in pending if article_id not in tried][:batch_size]
            if not ids:
                break
            tried.update(ids)
            enrich_stored(store, ids, models, executor, report)
    finally:
        executor.close()
    if as_json:
        app.emit_json({"enriched": report.enriched, "failures": [f.to_dict() for f in report.failures]})
        return
    for failure in report.failures:
        app.err.print(f"[red]failed[/] {escape(failure.provenance.where())}: {escape(failure.reason)}", soft_wrap=True)
    app.out.print(f"enriched {report.enriched} article(s)")


@click.command("entities")
@click.option("--label", type=click.Choice(["PER", "ORG", "LOC", "MISC"], case_sensitive=False), help="Only this type.")
@click.option("--name", help="Only entities whose name contains this (accents and case ignored).")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True, help="Entities per page.")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True, help="Entities to skip.")
@json_option
@click.pass_obj
def entities_command(
    app: AppContext, label: str | None, name: str | None, limit: int, offset: int, as_json: bool
) -> None:
    """List the people, organisations and places named in the corpus, most-covered first."""
    rows = app.store().entities(label=label, name=_fold(name) if name else None, limit=limit + 1, offset=offset)
    more, rows = len(rows) > limit, rows[:limit]
    if as_json:
        app.emit_json([row.to_dict() for row in rows])
        return
    total = None if more else offset + len(rows)
    table = Table(title=showing(("entity", "entities"), offset, len(rows), total))
    table.add_column("entity", ratio=1)
    table.add_column("type", no_wrap=True)
    table.add_column("articles", justify="right", no_wrap=True)
    table.add_column("quotes", justify="right", no_wrap=True)
    table.add_column("also written / roles", ratio=1)
    for row in rows:
        # roles from appositions are reliable enough for people; for organisations they are mostly noise
        roles = row.roles[:2] if row.label == "PER" else ()
        extra = ", ".join([*row.aliases[:4], *roles])
        table.add_row(Text(row.canonical), row.label, str(row.articles), str(row.quotes), Text(extra))
    app.out.print(table)


def _speaker_label(quote: Quote) -> str:
    """A speaker as faces show it: the name, its kind for organisations and outlets, and a flag when it
    is a description that names nobody ("un magistrat (unresolved)")."""
    if not quote.speaker:
        return "—"
    label = quote.speaker
    if quote.speaker_kind in {"ORG", "MEDIA"}:
        label += f" [{quote.speaker_kind.lower()}]"
    if quote.unresolved:
        label += " (unresolved)"
    return label


#: quotes read per store call when ``--unresolved`` filters them
_PAGE = 500


def _unresolved_hits(
    app: AppContext, speaker_key: str | None, article_id: str | None, limit: int, offset: int
) -> list[QuoteHit]:
    """Quotes whose speaker is unresolved, newest articles first, read page by page from the store."""
    found: list[QuoteHit] = []
    start = 0
    while len(found) < offset + limit:
        page = app.store().quotes(speaker_key=speaker_key, article_id=article_id, limit=_PAGE, offset=start)
        found += [hit for hit in page if hit.quote.unresolved]
        if len(page) < _PAGE:
            break
        start += _PAGE
    return found[offset : offset + limit]


@click.command("quotes")
@click.option("--speaker", help="Only quotes of this speaker (a name or part of it; accents and case ignored).")
@click.option(
    "--unresolved",
    is_flag=True,
    help="Only quotes whose speaker could not be resolved to a named person or organisation "
    "(a description such as 'un magistrat', kept as written).",
)
@click.option("--article", "article_id", help="Only quotes from this article (id or prefix).")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True, help="Quotes per page.")
@click.option("--offset", type=click.IntRange(0), default=0, show_default=True, help="Quotes to skip.")
@json_option
@click.pass_obj
def quotes_command(
    app: AppContext,
    speaker: str | None,
    unresolved: bool,
    article_id: str | None,
    limit: int,
    offset: int,
    as_json: bool,
) -> None:
    """List quotes with their speakers, newest articles first (--unresolved: only those whose speaker
    is a description that names nobody)."""
    key = _fold(speaker) if speaker else None
    if unresolved:
        hits = _unresolved_hits(app, key, article_id, limit + 1, offset)
    else:
        hits = app.store().quotes(speaker_key=key, article_id=article_id, limit=limit + 1, offset=offset)
    more, hits = len(hits) > limit, hits[:limit]
    if as_json:
        app.emit_json([hit.to_dict() for hit in hits])
        return
    if not hits:
        app.out.print("No quote found.")
        return
    for hit in hits:
        quote = hit.quote
        header = Text(_speaker_label(quote) if quote.speaker else "unattributed", style="bold")
        if quote.role:
            header.append(f", {quote.role}", style="italic")
        header.append(f"  {quote.kind} · {hit.outlet or 'outlet not given'} · {hit.article_id}", style="dim")
        app.out.print(header)
        app.out.print(Text(("« " + quote.text + " »") if quote.kind == "direct" else quote.text))
        app.out.print()
    if more or offset:
        total = None if more else offset + len(hits)
        app.out.print(showing(("quote", "quotes"), offset, len(hits), total), style="dim", highlight=False)


COMMANDS = [enrich_command, entities_command, quotes_command]
