"""Articles to table rows and back (shared by ``articles`` and ``article_revisions``)."""

from __future__ import annotations

import json
from datetime import datetime
from typing import TYPE_CHECKING, Any

from recoupe.model import Article, DatePrecision, Provenance, PublishedDate

if TYPE_CHECKING:
    from collections.abc import Mapping

    from sqlalchemy import RowMapping

__all__ = ["article_from_row", "article_values", "outlet_key"]

# Columns of the text/metadata part, identical in both tables.
TEXT_COLUMNS = (
    "url",
    "canonical_url",
    "title",
    "title_derived",
    "lead",
    "body",
    "outlet",
    "outlet_key",
    "published_value",
    "published_precision",
    "published_tz",
    "published_sort",
    "language",
    "tags",
    "authors",
    "section",
    "content_hash",
    "provenance",
)


def outlet_key(outlet: str | None) -> str | None:
    """The case-insensitive form outlets are matched on."""
    return outlet.strip().casefold() if outlet else None


def article_values(article: Article) -> dict[str, Any]:
    """The text/metadata column values of an article (no id, no timestamps)."""
    published = article.published
    return {
        "url": article.url,
        "canonical_url": article.canonical_url,
        "title": article.title,
        "title_derived": article.title_derived,
        "lead": article.lead,
        "body": article.body,
        "outlet": article.outlet,
        "outlet_key": outlet_key(article.outlet),
        "published_value": published.value.isoformat() if published else None,
        "published_precision": published.precision.value if published else None,
        "published_tz": published.tz if published else None,
        "published_sort": published.sort_key() if published else None,
        "language": article.language,
        "tags": json.dumps(list(article.tags), ensure_ascii=False),
        "authors": json.dumps(list(article.authors), ensure_ascii=False),
        "section": article.section,
        "content_hash": article.content_hash,
        "provenance": json.dumps(article.provenance.to_dict(), ensure_ascii=False),
    }


def article_from_row(row: RowMapping | Mapping[str, Any], *, article_id: str) -> Article:
    """Rebuild an ``Article`` from a row of either table."""
    published = None
    if row["published_value"] is not None:
        published = PublishedDate(
            datetime.fromisoformat(row["published_value"]),
            DatePrecision(row["published_precision"]),
            row["published_tz"],
        )
    return Article(
        id=article_id,
        title=row["title"],
        body=row["body"],
        content_hash=row["content_hash"],
        provenance=Provenance.from_dict(json.loads(row["provenance"])),
        lead=row["lead"],
        title_derived=bool(row["title_derived"]),
        url=row["url"],
        canonical_url=row["canonical_url"],
        outlet=row["outlet"],
        published=published,
        language=row["language"],
        tags=tuple(json.loads(row["tags"])),
        authors=tuple(json.loads(row["authors"])),
        section=row["section"],
    )
