"""A cross-check as one standalone HTML page (``recoupe crosscheck ID --html FILE``).

Everything that comes from articles is escaped (``html.escape``); the page has no script, and its only
style is one ``<style>`` element, so it opens anywhere, offline.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from recoupe.crosscheck.report import CrossCheck
    from recoupe.crosscheck.verdict import Verdict

__all__ = ["render_html"]

_STYLE = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:.4rem;vertical-align:top}
th{background:#f1f1f1;text-align:left}.v{font-weight:600;white-space:nowrap}
.conflicting .v{color:#a40000}.corroborated .v{color:#0a6b16}.differing .v{color:#8a5a00}
.single-source .v{color:#444}mark{background:#ffe08a}.copy{color:#666;font-size:.85em}
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
        parts.append(f"<p>{''.join(out)}</p>")
    return "".join(parts)


def render_html(result: CrossCheck, title: str) -> str:
    """The page: the story's sources as columns, one row per group of statements, verdict first."""
    sources: dict[str, set[str]] = {}
    for article in result.articles:
        sources.setdefault(str(article["source"]), set()).add(str(article["id"]))
    head = "".join(f"<th scope='col'>{escape(name)}</th>" for name in sources)
    rows = []
    for verdict in result.verdicts:
        cells = "".join(f"<td>{_cell(verdict, ids)}</td>" for ids in sources.values())
        detail = "; ".join(escape(c.detail) for c, _, _ in verdict.conflicts)
        only = "".join(
            f"<div class='copy'>only one source: {escape(verdict.statements[i].text[a:b])}</div>"
            for i, a, b in verdict.details
        )
        copies = f"<div class='copy'>{len(verdict.copies)} wire cop{'y' if len(verdict.copies) == 1 else 'ies'}</div>"
        rows.append(
            f"<tr class='{escape(verdict.verdict)}'><td class='v'>{escape(verdict.verdict)}"
            f"<div class='copy'>{escape(verdict.kind)}: {escape(verdict.subject)}</div>"
            f"{f'<div>{detail}</div>' if detail else ''}{only}{copies if verdict.copies else ''}</td>{cells}</tr>"
        )
    counts = ", ".join(f"{n} {escape(v)}" for v, n in result.counts().items())
    articles = "".join(
        f"<li>{escape(str(a['source']))}: {escape(str(a['title']))}{' (wire copy)' if a.get('copy_of') else ''}</li>"
        for a in result.articles
    )
    return (
        "<!doctype html><html lang='fr'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width,initial-scale=1'>"
        f"<title>{escape(title)} — recoupe</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(title)}</h1><p>{counts}</p><ul>{articles}</ul>"
        f"<table><thead><tr><th scope='col'>verdict</th>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        "</body></html>"
    )
