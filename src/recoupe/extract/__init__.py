"""Extract: ``Record`` → ``Article``. One extractor per record kind, registered by name.

``extract`` picks the extractor for ``record.kind``, removes press furniture from the title, lead and
body (``furniture.strip_furniture``: cross-links, captions, credits, kickers, editor's notes, newsletter
lines; agency stamps are kept) and fills the language with py3langid when the source did not give it.
Every extractor raises ``ExtractionError`` (with the record's location and a reason) for input that
holds no article; it never returns ``None``. NUL characters are dropped from every text field (PostgreSQL
text cannot hold one: a single ``\u0000`` in a title stopped a whole ingest there).
"""

from __future__ import annotations

from collections.abc import Callable

from recoupe.config import Settings
from recoupe.errors import ExtractionError
from recoupe.extract.fields import extract_fields
from recoupe.extract.furniture import strip_furniture
from recoupe.extract.language import detect_language
from recoupe.extract.text import extract_text
from recoupe.model import Article, Record

__all__ = ["EXTRACTORS", "Extractor", "clean_name", "extract"]

Extractor = Callable[[Record, Settings], Article]


def _extract_html(record: Record, settings: Settings) -> Article:
    from recoupe.extract.html import extract_html  # trafilatura is imported only when HTML is read

    return extract_html(record, settings)


#: record kind -> extractor. Built-ins use the same table a plugin would extend.
EXTRACTORS: dict[str, Extractor] = {
    "text": extract_text,
    "fields": extract_fields,
    "html": _extract_html,
}


def clean_name(name: str) -> str:
    """A name as it can be typed and linked: control and format characters (bidi overrides, zero-width
    spaces) dropped, spaces collapsed. An outlet's name is a page's address (``/outlets/<name>``), which
    drops them too: a name keeping them would have a page no link reaches."""
    return " ".join("".join(c if c.isprintable() else " " if c.isspace() else "" for c in name).split())


_TEXTS = ("title", "lead", "body", "url", "canonical_url", "outlet", "language", "section")


def _without_nul(article: Article, record: Record) -> Article:
    """``article`` with no NUL character in its text fields (``ExtractionError`` when no title or body is left)."""
    changes: dict[str, object] = {}
    for name in _TEXTS:
        value = getattr(article, name)
        if isinstance(value, str) and "\x00" in value:
            changes[name] = value.replace("\x00", "").strip()
    for name in ("tags", "authors"):
        values: tuple[str, ...] = getattr(article, name)
        if any("\x00" in value for value in values):
            changes[name] = tuple(kept for value in values if (kept := value.replace("\x00", "").strip()))
    if not changes:
        return article
    if not str(changes.get("title", article.title)).strip() or not str(changes.get("body", article.body)).strip():
        raise ExtractionError("no text once its NUL characters are dropped", where=record.provenance.where())
    return article.with_changes(**changes)


def extract(record: Record, settings: Settings) -> Article:
    """The article in ``record``; ``ExtractionError`` when there is none."""
    extractor = EXTRACTORS.get(record.kind)
    if extractor is None:
        raise ExtractionError(f"no extractor for records of kind {record.kind!r}", where=record.provenance.where())
    article = _without_nul(extractor(record, settings), record)
    cleaned = {
        name: strip_furniture(value)
        for name, value in (("title", article.title), ("lead", article.lead), ("body", article.body))
        if value and strip_furniture(value) != value
    }
    if cleaned.get("body", article.body) and cleaned.get("title", article.title):
        article = article.with_changes(**cleaned) if cleaned else article
    if article.outlet and clean_name(article.outlet) != article.outlet:
        article = article.with_changes(outlet=clean_name(article.outlet) or None)
    if article.language is None:
        language = detect_language(article.text)
        if language:
            article = article.with_changes(language=language)
    return article
