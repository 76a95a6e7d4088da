"""``recoupe crosscheck STORY_ID``: what every source of a story says, verdict by verdict.

The table fits the terminal (``COLUMNS`` or its real width): the verdict column is narrow, the sources share
the rest, and a cell longer than a few lines is cut with an ellipsis (``--json`` has every word). Conflicting,
updated, differs-by-source, corroborated and differing rows lead; what only one outlet carries is one line per
outlet until ``--all`` (or ``--verdict single-source``) shows those rows, most central first.
"""

from __future__ import annotations

import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

import click
from rich.markup import escape
from rich.table import Table

from recoupe.cli.context import AppContext
from recoupe.cli.read import json_option
from recoupe.crosscheck.present import (
    attribution,
    collapse,
    label,
    moment,
    relation_lines,
    sources_of,
    symbol,
    timeline,
)
from recoupe.crosscheck.verdict import VERDICTS

if TYPE_CHECKING:
    from collections.abc import Sequence

    from rich.console import Console

    from recoupe.crosscheck.report import CrossCheck
    from recoupe.crosscheck.verdict import Verdict
    from recoupe.model import StoryRow

__all__ = ["COMMANDS", "print_table"]

STYLE = {
    "conflicting": "bold red",
    "updated": "cyan",
    "differs-by-source": "magenta",
    "corroborated": "green",
    "differing": "yellow",
    "single-source": "dim",
}
RELATION_STYLE = {"conflicting": "red", "updated": "cyan", "differs-by-source": "magenta"}
#: lines of a statement in a cell before it is cut with an ellipsis
CELL_LINES = 4
#: lines of one note (a conflict, a timeline step) in the verdict column
NOTE_LINES = 4
MIN_CELL = 8


def _clip(text: str, width: int, lines: int) -> list[str]:
    """``text`` wrapped to ``width`` columns, at most ``lines`` lines, the last one ending in "…" when cut."""
    width = max(width, 2)
    wrapped = textwrap.wrap(" ".join(text.split()), width, break_long_words=True, break_on_hyphens=False)
    if len(wrapped) <= lines:
        return wrapped
    kept = wrapped[:lines]
    last = kept[-1]
    kept[-1] = (last if len(last) < width else last[: width - 1]) + "…"
    return kept


def _widths(console_width: int, sources: int) -> tuple[int, int]:
    """The verdict column's width and each source column's: sources get what the narrow verdict column
    and the borders (one per column and two of padding) leave."""
    verdict = max(16, min(26, console_width // 5))
    left = console_width - verdict - (sources + 2) - 2 * (sources + 1)
    return verdict, max(MIN_CELL, left // max(sources, 1))


def _note(text: str, width: int, lines: int, style: str) -> str:
    """One note of the verdict column, clipped, escaped as a whole (a cut never splits an escape), styled."""
    return f"[{style}]{escape(chr(10).join(_clip(text, width, lines)))}[/]"


def _cell(verdict: Verdict, statements: list[int], width: int) -> str:
    lines: list[str] = []
    for index in statements:
        statement = verdict.statements[index]
        said = statement.text
        source = attribution(statement)
        if source:
            said = f"[{source}] {said}"
        if verdict.verdict == "updated" or statement.when:
            when = moment(statement)
            if when:
                said = f"({when}) {said}"
        lines.extend(_clip(said, width, CELL_LINES))
    return escape("\n".join(lines))


def _verdict_cell(verdict: Verdict, source_of: dict[str, str], width: int) -> str:
    head = f"[{STYLE.get(verdict.verdict, 'bold')}]{symbol(verdict.verdict)} {escape(label(verdict.verdict))}[/]"
    about = verdict.kind if verdict.kind == "claim" else f"{verdict.kind}: {verdict.subject}"
    notes = [head, _note(about, width, 2, "dim")]
    for relation, text in relation_lines(verdict, source_of):
        notes.append(_note(text, width, NOTE_LINES, RELATION_STYLE.get(relation, "red")))
    notes += [
        _note(f"→ {step.value}" + (f" ({step.moment})" if step.moment else ""), width, NOTE_LINES, "cyan")
        for step in timeline(verdict, source_of)
    ]
    for index, start, end in verdict.details[:4]:
        statement = verdict.statements[index]
        only = f"only {source_of.get(statement.article_id, '?')}: {statement.text[start:end]}"
        notes.append(_note(only, width, 2, "dim"))
    if verdict.copies:
        notes.append(f"[dim]{len(verdict.copies)} wire cop{'y' if len(verdict.copies) == 1 else 'ies'}[/]")
    return "\n".join(notes)


def print_table(
    console: Console, result: CrossCheck, title: str, verdicts: Sequence[Verdict], *, show_all: bool
) -> None:
    """The counts, the table of ``verdicts`` (leading rows; single-source ones too when ``show_all``) and,
    unless ``show_all``, one line per outlet saying how many statements only it carries."""
    counts = " · ".join(
        f"[{STYLE.get(v, 'bold')}]{symbol(v)} {n} {escape(label(v).lower())}[/]" for v, n in result.counts().items()
    )
    console.print(f"[bold]{escape(title)}[/]\n{counts}", highlight=False)
    sources, source_of = sources_of(result)
    leading, collapsed = collapse(verdicts, source_of, sources)
    rows = leading + ([v for group in collapsed for v in group.verdicts] if show_all else [])
    if rows:
        verdict_width, cell_width = _widths(console.width, len(sources))
        table = Table(show_lines=True)
        table.add_column("verdict", width=verdict_width, overflow="ellipsis")
        for source in sources:
            table.add_column(escape(source), width=cell_width, no_wrap=True, overflow="ellipsis")
        for verdict in rows:
            by_source: dict[str, list[int]] = {source: [] for source in sources}
            for index, statement in enumerate(verdict.statements):
                by_source.setdefault(source_of.get(statement.article_id, "?"), []).append(index)
            table.add_row(
                _verdict_cell(verdict, source_of, verdict_width),
                *(_cell(verdict, by_source[s], cell_width) for s in sources),
            )
        console.print(table)
    if not show_all:
        for group in collapsed:
            many = "statement" if group.count == 1 else "statements"
            console.print(
                f"[dim]{symbol('single-source')}[/] {escape(group.source)}: {group.count} {many} only this outlet "
                "carries (--all to show)",
                highlight=False,
            )


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
    type=click.Choice(VERDICTS),
    help="Only these verdicts (repeatable).",
)
@click.option(
    "--all",
    "show_all",
    is_flag=True,
    help="Show the statements only one outlet carries (by default: one line per outlet with their count).",
)
@json_option
@click.pass_obj
def crosscheck_command(
    app: AppContext,
    story_id: str,
    html_file: Path | None,
    refresh: bool,
    only: tuple[str, ...],
    show_all: bool,
    as_json: bool,
) -> None:
    """Cross-check a story: statements corroborated by several independent sources, carried by one,
    conflicting (figures, dates, quotes, speakers, negations), updated (a count given at two moments),
    differing by source (each outlet reports another source: police vs organisers) or differing, each
    with its source.

    STORY_ID is a story's id, a unique prefix of it, or ``all``: every story told by two outlets or more (an
    article whose outlet is not given counts here) whose stored cross-check is missing or out of date is
    computed and stored (the web UI
    and the API then show it at once). The table fits the terminal, cells cut with "…"; ``--json`` has
    every word and every verdict asked for."""
    from recoupe.crosscheck.html import render_html
    from recoupe.crosscheck.report import load_or_compute
    from recoupe.enrich.embed import make_embedder

    store = app.store()
    if story_id == "all":
        _crosscheck_all(app, refresh=refresh, as_json=as_json)
        return
    row = store.story_row(story_id)
    result = load_or_compute(
        store,
        row.id,
        make_embedder(app.settings.embedder, max_tokens=app.settings.embed_max_tokens),
        app.nlp_models(),
        refresh=refresh,
    )
    verdicts = [v for v in result.verdicts if not only or v.verdict in only]
    if html_file is not None:
        html_file.write_text(render_html(result, row.title), encoding="utf-8")
    if as_json:
        data = result.to_dict()
        data["verdicts"] = [v.to_dict() for v in verdicts]
        app.emit_json(data)
        return
    print_table(app.out, result, row.title, verdicts, show_all=show_all or "single-source" in only)
    if html_file is not None:
        app.out.print(f"HTML page: {html_file}")


def _crosscheck_all(app: AppContext, *, refresh: bool, as_json: bool) -> None:
    """Bring every multi-outlet story's stored cross-check up to date; report how many were computed."""
    from recoupe.crosscheck.report import bring_up_to_date
    from recoupe.enrich.embed import make_embedder

    store = app.store()
    embedder = make_embedder(app.settings.embedder, max_tokens=app.settings.embed_max_tokens)
    nlp = app.nlp_models()
    rows: list[StoryRow] = []
    offset = 0
    while page := store.stories(min_articles=2, order="oldest", limit=500, offset=offset):
        rows.extend(row for row in page if row.outlets >= 2)  # outlets not given count: their texts compare
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
        f"{totals['stories']} stories told by 2+ outlets; {totals['computed']} cross-checked now, "
        f"the rest were current. Verdicts: " + ", ".join(f"{n} {v}" for v, n in counts.items()),
        highlight=False,
    )


COMMANDS = [crosscheck_command]
