"""Export what the store holds as flat tables: CSV, JSON Lines or Parquet, streamed in batches.

Six tables (``TABLES``): ``articles``, ``stories``, ``statements`` (each statement of a story's *stored*
cross-check with its verdict: nothing is computed here), ``quotes``, ``figures`` and ``entities`` (one row
per entity an article names). Each has fixed columns (``COLUMNS``), the same in every format; a list is a
list in JSON Lines and Parquet and ``;``-joined in CSV; a missing value is empty in CSV and null elsewhere.

Everything is read through the ``Store`` protocol, one page of ``batch_size`` items at a time, and written
as it comes: memory stays flat however large the archive (``bench/export.py`` measures it). Filters are the
read commands' (``outlet``, ``language``, ``since``/``until`` on publication days, ``story``); a table of
stories keeps the stories with at least one article that passes them.

    with open_store("news.db") as store, open("articles.csv", "wb") as out:
        summary = export(store, "articles", "csv", out, ExportFilter(outlet="Le Monde"))
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from recoupe.errors import QueryError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence
    from datetime import date

    from recoupe.model import Article, Enrichment, StoryRow
    from recoupe.store import Store

__all__ = [
    "COLUMNS",
    "FORMATS",
    "TABLES",
    "ExportFilter",
    "ExportSummary",
    "csv_bytes",
    "export",
    "rows_of",
    "statement_rows",
    "write_rows",
]

FORMATS = ("csv", "jsonl", "parquet")
#: a column's kind: str, int, float, bool or list (of strings)
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("id", "str"),
        ("title", "str"),
        ("outlet", "str"),
        ("published", "str"),
        ("date_precision", "str"),
        ("language", "str"),
        ("url", "str"),
        ("authors", "list"),
        ("tags", "list"),
        ("section", "str"),
        ("story_id", "str"),
        ("copy_of", "str"),
        ("lead", "str"),
        ("body", "str"),
    ),
    "stories": (
        ("id", "str"),
        ("title", "str"),
        ("articles", "int"),
        ("outlets", "int"),
        ("independent_outlets", "int"),
        ("languages", "list"),
        ("first_seen", "str"),
        ("last_seen", "str"),
        ("corroborated", "int"),
        ("conflicting", "int"),
        ("single_source", "int"),
        ("crosschecked", "bool"),
    ),
    "statements": (
        ("story_id", "str"),
        ("group", "int"),
        ("verdict", "str"),
        ("kind", "str"),
        ("subject", "str"),
        ("sources", "list"),
        ("article_id", "str"),
        ("outlet", "str"),
        ("language", "str"),
        ("published", "str"),
        ("text", "str"),
        ("attributed_to", "str"),
        ("conflicts", "list"),
        ("computed_at", "str"),
    ),
    "quotes": (
        ("article_id", "str"),
        ("outlet", "str"),
        ("published", "str"),
        ("language", "str"),
        ("kind", "str"),
        ("text", "str"),
        ("speaker", "str"),
        ("speaker_key", "str"),
        ("speaker_kind", "str"),
        ("cue", "str"),
        ("start", "int"),
        ("end", "int"),
    ),
    "figures": (
        ("article_id", "str"),
        ("outlet", "str"),
        ("published", "str"),
        ("language", "str"),
        ("kind", "str"),
        ("text", "str"),
        ("value", "float"),
        ("value_text", "str"),
        ("unit", "str"),
        ("about", "str"),
        ("start", "int"),
        ("end", "int"),
    ),
    "entities": (
        ("article_id", "str"),
        ("outlet", "str"),
        ("published", "str"),
        ("language", "str"),
        ("key", "str"),
        ("name", "str"),
        ("label", "str"),
        ("aliases", "list"),
        ("roles", "list"),
        ("mentions", "int"),
    ),
}
TABLES = tuple(COLUMNS)
#: rows per Parquet row group (batches are held until there are this many): memory stays bounded by it
PARQUET_ROW_GROUP = 10_000
#: verdicts that get a column of their own in the stories table (the others are in the statements table)
_COUNTED = ("corroborated", "conflicting", "single-source")


@dataclass(frozen=True, slots=True)
class ExportFilter:
    """Which rows to export; ``None`` means no filter. Dates are inclusive publication days."""

    outlet: str | None = None
    language: str | None = None
    since: date | None = None
    until: date | None = None
    story: str | None = None


@dataclass(frozen=True, slots=True)
class ExportSummary:
    """What an export wrote: rows, and the stories left out of ``statements`` for want of a cross-check."""

    table: str
    rows: int
    not_crosschecked: int = 0


def _published(article: Article) -> str | None:
    return article.published.iso() if article.published else None


def _article_keeps(article: Article, filters: ExportFilter) -> bool:
    if filters.outlet and (article.outlet or "").casefold() != filters.outlet.casefold():
        return False
    if filters.language and article.language != filters.language:
        return False
    if filters.since or filters.until:
        if article.published is None:
            return False
        day = article.published.iso()[:10]
        if filters.since and day < filters.since.isoformat():
            return False
        if filters.until and day > filters.until.isoformat():
            return False
    return True


def _articles(store: Store, filters: ExportFilter, batch_size: int) -> Iterator[list[Article]]:
    """The filtered articles, a page at a time (a story's articles in one page)."""
    if filters.story:
        yield [article for article, _ in store.story_articles(filters.story) if _article_keeps(article, filters)]
        return
    offset = 0
    while True:
        page = store.articles(
            outlet=filters.outlet,
            language=filters.language,
            since=filters.since,
            until=filters.until,
            limit=batch_size,
            offset=offset,
        )
        if page:
            yield page
        if len(page) < batch_size:
            return
        offset += batch_size


def _stories(store: Store, filters: ExportFilter, batch_size: int) -> Iterator[list[StoryRow]]:
    """The stories, a page at a time; with an outlet filter, those an article of that outlet is in."""
    if filters.story:
        yield [store.story_row(filters.story)]
        return
    offset = 0
    while True:
        page = store.stories(
            order="oldest",
            language=filters.language,
            since=filters.since,
            until=filters.until,
            limit=batch_size,
            offset=offset,
        )
        kept = page
        if filters.outlet:
            kept = [
                row
                for row in page
                if any(_article_keeps(a, ExportFilter(outlet=filters.outlet)) for a, _ in store.story_articles(row.id))
            ]
        if kept:
            yield kept
        if len(page) < batch_size:
            return
        offset += batch_size


def _article_rows(store: Store, page: Sequence[Article]) -> list[dict[str, Any]]:
    """The rows of a page of articles: their stories and copy marks read in two queries for the page."""
    ids = [article.id for article in page]
    with store.story_tx(write=False) as tx:
        stories, marks = tx.memberships(ids), tx.copies_of(ids)
    return [_article_row(article, stories.get(article.id), marks.get(article.id)) for article in page]


def _article_row(article: Article, story_id: str | None, copy: tuple[str, float] | None) -> dict[str, Any]:
    return {
        "id": article.id,
        "title": article.title,
        "outlet": article.outlet,
        "published": _published(article),
        "date_precision": article.published.precision.value if article.published else None,
        "language": article.language,
        "url": article.url,
        "authors": list(article.authors),
        "tags": list(article.tags),
        "section": article.section,
        "story_id": story_id,
        "copy_of": copy[0] if copy else None,
        "lead": article.lead,
        "body": article.body,
    }


def _story_row(row: StoryRow, counts: dict[str, Any] | None) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": row.id,
        "title": row.title,
        "articles": row.articles,
        "outlets": row.outlets,
        "independent_outlets": row.independent,
        "languages": list(row.languages),
        "first_seen": row.first_seen,
        "last_seen": row.last_seen,
        "crosschecked": counts is not None,
    }
    for verdict in _COUNTED:
        data[verdict.replace("-", "_")] = int(counts.get(verdict, 0)) if counts is not None else None
    return data


def statement_rows(report: dict[str, Any], filters: ExportFilter | None = None) -> Iterator[dict[str, Any]]:
    """One row per statement of a stored cross-check report (``CrossCheck.to_dict``), with its group's verdict.

    ``group`` numbers the verdict groups from 1 in the report's order (most telling first): statements with
    the same group were found to say the same thing. ``conflicts`` lists what the statement conflicts on.
    """
    story_id = report.get("story_id")
    for group, verdict in enumerate(report.get("verdicts", ()), 1):
        statements = verdict.get("statements", ())
        notes: dict[int, list[str]] = {}
        for conflict in verdict.get("conflicts", ()):
            for side in ("a_statement", "b_statement"):
                notes.setdefault(int(conflict[side]), []).append(str(conflict.get("detail", "")))
        for index, statement in enumerate(statements):
            outlet, language = statement.get("outlet"), statement.get("language")
            if filters is not None:
                if filters.outlet and (outlet or "").casefold() != filters.outlet.casefold():
                    continue
                if filters.language and language != filters.language:
                    continue
            yield {
                "story_id": story_id,
                "group": group,
                "verdict": verdict.get("verdict"),
                "kind": verdict.get("kind"),
                "subject": verdict.get("subject"),
                "sources": list(verdict.get("sources", ())),
                "article_id": statement.get("article_id"),
                "outlet": outlet,
                "language": language,
                "published": statement.get("published"),
                "text": statement.get("text"),
                "attributed_to": statement.get("attributed_to"),
                "conflicts": notes.get(index, []),
                "computed_at": report.get("computed_at"),
            }


def _enrichment_rows(table: str, article: Article, enrichment: Enrichment) -> Iterator[dict[str, Any]]:
    base = {
        "article_id": article.id,
        "outlet": article.outlet,
        "published": _published(article),
        "language": article.language,
    }
    if table == "quotes":
        for quote in enrichment.quotes:
            yield {
                **base,
                "kind": quote.kind,
                "text": quote.text,
                "speaker": quote.speaker,
                "speaker_key": quote.speaker_key,
                "speaker_kind": quote.speaker_kind,
                "cue": quote.cue,
                "start": quote.start,
                "end": quote.end,
            }
    elif table == "figures":
        for figure in enrichment.figures:
            number = isinstance(figure.value, int | float) and not isinstance(figure.value, bool)
            yield {
                **base,
                "kind": figure.kind,
                "text": figure.text,
                "value": float(figure.value) if number and figure.value is not None else None,
                "value_text": None if number or figure.value is None else str(figure.value),
                "unit": figure.unit,
                "about": figure.about,
                "start": figure.start,
                "end": figure.end,
            }
    else:
        for entity in enrichment.entities:
            yield {
                **base,
                "key": entity.key,
                "name": entity.canonical,
                "label": entity.label,
                "aliases": list(entity.aliases),
                "roles": list(entity.roles),
                "mentions": entity.mentions,
            }


def rows_of(
    store: Store,
    table: str,
    filters: ExportFilter | None = None,
    *,
    batch_size: int = 500,
    not_crosschecked: list[str] | None = None,
) -> Iterator[list[dict[str, Any]]]:
    """The rows of ``table`` (one of ``TABLES``), in batches of about ``batch_size`` items read.

    For ``statements``, the ids of stories with no stored cross-check are appended to ``not_crosschecked``.
    """
    if table not in COLUMNS:
        raise QueryError(f"unknown export table {table!r} (known: {', '.join(TABLES)})")
    filters = filters or ExportFilter()
    if table == "articles":
        for page in _articles(store, filters, batch_size):
            yield _article_rows(store, page)
    elif table == "stories":
        for stories in _stories(store, filters, batch_size):
            counts = store.crosscheck_counts([row.id for row in stories])
            yield [_story_row(row, counts.get(row.id)) for row in stories]
    elif table == "statements":
        missing = not_crosschecked if not_crosschecked is not None else []
        yield from _statement_batches(store, filters, batch_size, missing)
    else:
        for page in _articles(store, filters, batch_size):
            batch: list[dict[str, Any]] = []
            for article in page:
                enrichment = store.enrichment(article.id)
                if enrichment is not None:
                    batch.extend(_enrichment_rows(table, article, enrichment))
            if batch:
                yield batch


def _statement_batches(
    store: Store, filters: ExportFilter, batch_size: int, missing: list[str]
) -> Iterator[list[dict[str, Any]]]:
    """Statements of every story's stored cross-check (outlet and language filter the statements)."""
    story_filters = ExportFilter(since=filters.since, until=filters.until, story=filters.story)
    for stories in _stories(store, story_filters, batch_size):
        batch: list[dict[str, Any]] = []
        for row in stories:
            stored = store.crosscheck_report(row.id)
            if stored is None:
                missing.append(row.id)
                continue
            batch.extend(statement_rows(json.loads(stored[1]), filters))
        if batch:
            yield batch


def _csv_cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, list):
        return "; ".join(str(item) for item in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return value


def _arrow_schema(columns: Sequence[tuple[str, str]]) -> Any:
    import pyarrow as pa

    kinds = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_()}
    return pa.schema([(name, kinds.get(kind, pa.list_(pa.string()))) for name, kind in columns])


def write_rows(
    batches: Iterable[list[dict[str, Any]]], columns: Sequence[tuple[str, str]], fmt: str, out: BinaryIO
) -> int:
    """Write ``batches`` of rows (dicts with ``columns``' names) to the binary stream ``out``; the row count.

    CSV is UTF-8 with a header line (no BOM); JSON Lines is one UTF-8 object per line; Parquet is one file
    with row groups of ``PARQUET_ROW_GROUP`` rows (it needs ``pyarrow``: ``pip install 'recoupe[parquet]'``).
    """
    names = [name for name, _ in columns]
    written = 0
    if fmt == "parquet":
        try:
            import pyarrow as pa
            import pyarrow.parquet as pq
        except ImportError as exc:
            raise QueryError("Parquet export needs pyarrow: pip install 'recoupe[parquet]'") from exc
        schema = _arrow_schema(columns)
        with pq.ParquetWriter(out, schema) as writer:
            pending: list[Any] = []  # batches held until a row group's worth (few, large row groups read best)
            held = 0
            for batch in batches:
                pending.append(pa.Table.from_pylist(batch, schema=schema))
                held += len(batch)
                written += len(batch)
                if held >= PARQUET_ROW_GROUP:
                    writer.write_table(pa.concat_tables(pending))
                    pending, held = [], 0
            if pending or not written:
                writer.write_table(pa.concat_tables(pending) if pending else schema.empty_table())
        return written
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        if fmt == "csv":
            writer_csv = csv.writer(text, lineterminator="\n")
            writer_csv.writerow(names)
            for batch in batches:
                writer_csv.writerows([_csv_cell(row.get(name)) for name in names] for row in batch)
                written += len(batch)
        elif fmt == "jsonl":
            for batch in batches:
                text.write(
                    "".join(
                        json.dumps({name: row.get(name) for name in names}, ensure_ascii=False) + "\n" for row in batch
                    )
                )
                written += len(batch)
        else:
            raise QueryError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
        text.flush()
    finally:
        text.detach()  # the caller owns ``out``
    return written


def export(
    store: Store,
    table: str,
    fmt: str,
    out: BinaryIO,
    filters: ExportFilter | None = None,
    *,
    batch_size: int = 500,
) -> ExportSummary:
    """Write ``table`` from ``store`` to ``out`` in ``fmt`` (``csv``, ``jsonl`` or ``parquet``)."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format {fmt!r} (known: {', '.join(FORMATS)})")
    missing: list[str] = []
    batches = rows_of(store, table, filters, batch_size=batch_size, not_crosschecked=missing)
    rows = write_rows(batches, COLUMNS[table], fmt, out)
    return ExportSummary(table=table, rows=rows, not_crosschecked=len(missing))


def csv_bytes(rows: Iterable[dict[str, Any]], columns: Sequence[str] | None = None) -> bytes:
    """Rows as one CSV document (header first) with the export's cell rules; columns default to the first row's."""
    items = list(rows)
    names = list(columns) if columns is not None else (list(items[0]) if items else [])
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(names)
    for row in items:
        writer.writerow([_csv_cell(_flat(row.get(name))) for name in names])
    return buffer.getvalue().encode("utf-8")


def _flat(value: Any) -> Any:
    """A nested value as CSV can hold it: a list of plain values stays a list (joined), anything else JSON."""
    if isinstance(value, dict) or (isinstance(value, list) and any(isinstance(v, dict | list) for v in value)):
        return json.dumps(value, ensure_ascii=False)
    return value
