"""``recoupe crosscheck STORY_ID``: what every source of a story says, verdict by verdict."""

from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape
from rich.table import Table

from recoupe.cli.context import AppContext
from recoupe.cli.read import json_option

__all__ = ["COMMANDS"]

STYLE = {"conflicting": "bold red", "corroborated": "green", "differing": "yellow", "single-source": "dim"}


def _snippet(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


@click.command("crosscheck")
@click.argument("story_id")
@click.option(
    "--html", "html_file", type=click.Path(dir_okay=False, path_type=Path), help="Also write a standalone HTML page."
)
@click.option("--refresh", is_flag=True, help="Compute again even if the stored cross-check is current.")
@click.option(
    "--verdict",
    "only",
    multiple=True,
    type=click.Choice(["conflicting", "corroborated", "differing", "single-source"]),
    help="Only these verdicts (repeatable).",
)
@json_option
@click.pass_obj
def crosscheck_command(
    app: AppContext, story_id: str, html_file: Path | None, refresh: bool, only: tuple[str, ...], as_json: bool
) -> None:
    """Cross-check a story: statements corroborated by several independent sources, carried by one,
    conflicting (figures, dates, quotes, speakers, negations) or differing, each with its source.

    STORY_ID is a story's id, a unique prefix of it, or ``all``: every story told by two independent
    outlets or more whose stored cross-check is missing or out of date is computed and stored (the web UI
    and the API then show it at once)."""
    from recoupe.crosscheck.html import render_html
    from recoupe.crosscheck.report import load_or_compute
    from recoupe.enrich.embed import make_embedder

    store = app.store()
    if story_id == "all":
        _crosscheck_all(app, refresh=refresh, as_json=as_json)
        return
    row = store.story_row(story_id)
    result = load_or_compute(store, row.id, make_embedder(app.settings.embedder), app.nlp_models(), refresh=refresh)
    verdicts = [v for v in result.verdicts if not only or v.verdict in only]
    if html_file is not None:
        html_file.write_text(render_html(result, row.title), encoding="utf-8")
    if as_json:
        data = result.to_dict()
        data["verdicts"] = [v.to_dict() for v in verdicts]
        app.emit_json(data)
        return
    counts = " · ".join(f"[{STYLE[v]}]{n} {v}[/]" for v, n in result.counts().items())
    app.out.print(f"[bold]{escape(row.title)}[/]\n{counts}", highlight=False)
    sources = list(dict.fromkeys(str(a["source"]) for a in result.articles))
    table = Table(show_lines=True)
    table.add_column("verdict", no_wrap=True)
    for source in sources:
        table.add_column(escape(source))
    source_of = {str(a["id"]): str(a["source"]) for a in result.articles}
    for verdict in verdicts:
        cells = {source: [] for source in sources}  # type: dict[str, list[str]]
        for statement in verdict.statements:
            cells[source_of[statement.article_id]].append(escape(_snippet(statement.text)))
        subject = escape(_snippet(verdict.subject, 40))
        label = f"[{STYLE[verdict.verdict]}]{verdict.verdict}[/]\n[dim]{verdict.kind}: {subject}[/]"
        for conflict, _, _ in verdict.conflicts:
            label += f"\n[red]{escape(conflict.detail)}[/]"
        for index, start, end in verdict.details[:4]:
            statement = verdict.statements[index]
            label += f"\n[dim]only {escape(source_of[statement.article_id])}: {escape(statement.text[start:end])}[/]"
        if verdict.copies:
            label += f"\n[dim]{len(verdict.copies)} wire cop{'y' if len(verdict.copies) == 1 else 'ies'}[/]"
        table.add_row(label, *("\n".join(cells[s]) for s in sources))
    app.out.print(table)
    if html_file is not None:
        app.out.print(f"HTML page: {html_file}")


def _crosscheck_all(app: AppContext, *, refresh: bool, as_json: bool) -> None:
    """Bring every multi-outlet story's stored cross-check up to date; report how many were computed."""
    from recoupe.crosscheck.report import bring_up_to_date
    from recoupe.enrich.embed import make_embedder

    store = app.store()
    embedder, nlp = make_embedder(app.settings.embedder), app.nlp_models()
    rows, offset = [], 0
    while page := store.stories(min_outlets=2, order="oldest", limit=500, offset=offset):
        rows.extend(page)
        offset += len(page)
    totals = {"stories": len(rows), "computed": 0}
    counts: dict[str, int] = {}
    for index, row in enumerate(rows, 1):
        result, computed = bring_up_to_date(store, row.id, embedder, nlp, refresh=refresh)
        totals["computed"] += computed
        for verdict, n in result.counts().items():
            counts[verdict] = counts.get(verdict, 0) + n
        if not as_json:
            app.err.print(f"\r{index}/{len(rows)} stories", end="", highlight=False)
    if as_json:
        app.emit_json({**totals, "verdicts": counts})
        return
    app.err.print("")
    app.out.print(
        f"{totals['stories']} stories told by 2+ independent outlets; {totals['computed']} cross-checked now, "
        f"the rest were current. Verdicts: " + ", ".join(f"{n} {v}" for v, n in counts.items()),
        highlight=False,
    )


COMMANDS = [crosscheck_command]
