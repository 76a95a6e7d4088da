"""Structured records (JSONL, JSON, CSV rows already mapped to recoupe's field names) to ``Article``.

A row with a ``body`` is read as is; a row with only ``html`` goes through the HTML extractor and the
row's own fields (title, date, outlet, …) win over what the page says. A row with neither is refused.
"""

from __future__ import annotations

import re
from typing import Any

from recoupe.config import Settings
from recoupe.errors import ExtractionError
from recoupe.extract.dates import parse_date
from recoupe.extract.text import derive_title
from recoupe.extract.urls import canonical_url
from recoupe.model import Article, Record

__all__ = ["extract_fields"]

_LIST_SEPARATORS = re.compile(r"\s*[,;|]\s*")
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:[,;|]|\bet\b|\band\b|&)\s*")


def _text(value: Any) -> str:
    if isinstance(value, list):
        return "\n\n".join(part.strip() for part in value if isinstance(part, str) and part.strip())
    if value is None:
        return ""
    return str(value).strip()


def _as_tuple(value: Any, separators: re.Pattern[str]) -> tuple[str, ...]:
    items = value if isinstance(value, list) else separators.split(value) if isinstance(value, str) else []
    seen: dict[str, None] = {}
    for item in items:
        text = str(item).strip()
        if text and text.casefold() not in {key.casefold() for key in seen}:
            seen[text] = None
    return tuple(seen)


def _from_html(record: Record, settings: Settings, html: str) -> Article:
    from recoupe.extract.html import extract_html

    page = Record(kind="html", provenance=record.provenance, data=html.encode("utf-8"), url=record.url)
    return extract_html(page, settings)


def extract_fields(record: Record, settings: Settings) -> Article:
    """An ``Article`` from a mapped row; ``ExtractionError`` says which field was missing."""
    fields = record.fields
    where = record.provenance.where()
    body = _text(fields.get("body"))
    lead = _text(fields.get("lead"))
    title = " ".join(_text(fields.get("title")).split())
    url = fields.get("url") if isinstance(fields.get("url"), str) else None
    canonical = canonical_url(fields.get("canonical_url")) or canonical_url(url)

    base: Article | None = None
    if not body and isinstance(fields.get("html"), str):
        base = _from_html(record, settings, fields["html"])
        body = base.body
        lead = lead or base.lead
        title = title or base.title
        canonical = canonical or base.canonical_url
    if not body:
        raise ExtractionError(
            "no body text (looked for text, body, content, html …; map yours with --map)", where=where
        )
    if len(body) < settings.min_body_chars and not lead:
        raise ExtractionError(
            f"no article: body has {len(body)} characters (min_body_chars={settings.min_body_chars})", where=where
        )
    derived = not title
    if derived:
        title = base.title if base and not base.title_derived else derive_title(lead or body)

    published = parse_date(fields.get("date")) or (base.published if base else None)
    language = fields.get("language") if isinstance(fields.get("language"), str) else None
    return Article.build(
        title=title,
        body=body,
        provenance=record.provenance,
        canonical_url=canonical,
        lead=lead,
        title_derived=derived,
        url=url or (base.url if base else None),
        outlet=_text(fields.get("outlet")) or (base.outlet if base else None),
        published=published,
        language=(language or "").split("-")[0].split("_")[0].lower() or (base.language if base else None),
        tags=_as_tuple(fields.get("tags"), _LIST_SEPARATORS) or (base.tags if base else ()),
        authors=_as_tuple(fields.get("authors"), _AUTHOR_SEPARATORS) or (base.authors if base else ()),
        section=_text(fields.get("section")) or (base.section if base else None),
    )
