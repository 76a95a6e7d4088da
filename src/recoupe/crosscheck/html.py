"""A cross-check as one standalone HTML page (``recoupe crosscheck ID --html FILE``).

Everything that comes from articles is escaped (``html.escape``); the page has no script, and its only
style is one ``<style>`` element, so it opens anywhere, offline. The outlets get the page's width (the verdict
column is narrow); conflicting, updated, differs-by-source, corroborated and differing rows lead, each with
the source its statements give, an update's values in time order and each conflict pair's relation; what
only one outlet carries is folded per outlet in ``<details>`` (no script needed), most central first.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

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

if TYPE_CHECKING:
    from recoupe.crosscheck.report import CrossCheck
    from recoupe.crosscheck.verdict import Verdict

__all__ = ["render_html"]

_STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem auto;max-width:120rem;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%;table-layout:fixed}th,td{border:1px solid #ccc;padding:.4rem;
vertical-align:top;overflow-wrap:anywhere}th{background:#f1f1f1;text-align:left}col.vcol{width:12rem}
td.v{font-size:.85em}.v b{white-space:nowrap;font-size:1.05em}.rel,.steps{font-size:.92em;margin:.2rem 0}
.steps{padding-left:1.1rem}p{margin:0 0 .4rem}
.conflicting .v b,.rel.conflicting{color:#a40000}.updated .v b,.rel.updated,.when{color:#005f7a}
.differs-by-source .v b,.rel.differs-by-source,.attr{color:#8a1f7e}.corroborated .v b{color:#0a6b16}
.differing .v b{color:#8a5a00}.single-source .v b{color:#444}
.conflicting .v{border-left:5px solid #a40000}.updated .v{border-left:5px solid #1b8fb3}
.differs-by-source .v{border-left:5px solid #b0479f}.corroborated .v{border-left:5px solid #0a6b16}
.differing .v{border-left:5px solid #c98a1b}.single-source .v{border-left:5px solid #8593a4}
.when,.attr{font-size:.85em;white-space:nowrap}mark{background:#ffe08a}.copy{color:#666;font-size:.85em}
details{border:1px solid #ccc;border-radius:6px;margin:.4rem 0;padding:.3rem .6rem}summary{cursor:pointer}
details table{margin-top:.4rem}
"""


def _cell(verdict: Verdict, article_ids: set[str]) -> str:
    marked: dict[int, list[tuple[int, int]]] = {}
    for conflict, a, b in verdict.conflicts:
        marked.setdefault(id(a), []).append(conflict.a_span)
        marked.setdefault(id(b), []).append(conflict.b_span)
    parts = []
    for statement in verdict.statements:
        if statement.article_id not in article_ids:
            continue
        text = statement.text
        spans = sorted((a - statement.start, b - statement.start) for a, b in marked.get(id(statement), []))
        out, last = [], 0
        for start, end in spans:
            if start < last or end > len(text):
                continue
            out.append(escape(text[last:start]))
            out.append(f"<mark>{escape(text[start:end])}</mark>")
            last = end
        out.append(escape(text[last:]))
        when = moment(statement) if verdict.verdict == "updated" or statement.when else ""
        source = attribution(statement)
        head = (f"<span class='when'>{escape(when)}</span> " if when else "") + (
            f"<span class='attr'>[{escape(source)}]</span> " if source else ""
        )
        parts.append(f"<p>{head}{''.join(out)}</p>")
    return "".join(parts)


def _verdict_cell(verdict: Verdict, source_of: dict[str, str]) -> str:
    about = escape(verdict.kind) + ("" if verdict.kind == "claim" else f": {escape(verdict.subject)}")
    out = [f"<b>{symbol(verdict.verdict)} {escape(label(verdict.verdict))}</b><div class='copy'>{about}</div>"]
    out += [f"<div class='rel {escape(rel)}'>{escape(text)}</div>" for rel, text in relation_lines(verdict, source_of)]
    steps = timeline(verdict, source_of)
    if steps:
        items = "".join(
            f"<li><strong>{escape(step.value)}</strong>"
            + (f" <span class='when'>{escape(step.moment)}</span>" if step.moment else "")
            + f" <span class='copy'>{escape(step.outlet)}</span></li>"
            for step in steps
        )
        out.append(f"<ol class='steps'>{items}</ol>")
    out += [
        f"<div class='copy'>only one source: {escape(verdict.statements[i].text[a:b])}</div>"
        for i, a, b in verdict.details
    ]
    if verdict.copies:
        out.append(
            f"<div class='copy'>{len(verdict.copies)} wire cop{'y' if len(verdict.copies) == 1 else 'ies'}</div>"
        )
    return "".join(out)


def _row(verdict: Verdict, columns: list[set[str]], source_of: dict[str, str]) -> str:
    cells = "".join(f"<td>{_cell(verdict, ids)}</td>" for ids in columns)
    return f"<tr class='{escape(verdict.verdict)}'><td class='v'>{_verdict_cell(verdict, source_of)}</td>{cells}</tr>"


def _table(head: list[str], rows: list[str]) -> str:
    cols = "<col class='vcol'>" + "<col>" * len(head)
    heads = "".join(f"<th scope='col'>{escape(name)}</th>" for name in head)
    return (
        f"<table><colgroup>{cols}</colgroup><thead><tr><th scope='col'>verdict</th>{heads}</tr></thead>"
        f"<tbody>{''.join(rows)}</tbody></table>"
    )


def render_html(result: CrossCheck, title: str) -> str:
    """The page: the story's sources as columns, one row per group of statements, verdict first; the
    single-source rows folded per outlet below the table."""
    sources, source_of = sources_of(result)
    ids: dict[str, set[str]] = {source: set() for source in sources}
    for article_id, source in source_of.items():
        ids[source].add(article_id)
    leading, collapsed = collapse(result.verdicts, source_of, sources)
    table = _table(list(sources), [_row(v, list(ids.values()), source_of) for v in leading]) if leading else ""
    folds = "".join(
        f"<details class='single-source'><summary><strong>{escape(group.source)}</strong>: {group.count} "
        f"statement{'' if group.count == 1 else 's'} only this outlet carries</summary>"
        + _table([group.source], [_row(v, [ids.get(group.source, set())], source_of) for v in group.verdicts])
        + "</details>"
        for group in collapsed
    )
    if folds:
        folds = f"<h2>{symbol('single-source')} Said by one outlet only (most central first)</h2>{folds}"
    counts = ", ".join(f"{symbol(v)} {n} {escape(label(v).lower())}" for v, n in result.counts().items())
    articles = "".join(
        f"<li>{escape(str(a['source']))}: {escape(str(a['title']))}{' (wire copy)' if a.get('copy_of') else ''}</li>"
        for a in result.articles
    )
    return (
        "<!doctype html><html lang='fr'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>{escape(title)} — recoupe</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(title)}</h1><p>{counts}</p><ul>{articles}</ul>{table}{folds}"
        "</body></html>"
    )
