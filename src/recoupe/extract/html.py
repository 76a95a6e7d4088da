"""HTML page → ``Article``, with trafilatura for the main text and metadata and htmldate for the date.

What is taken from where:

- body: trafilatura's main text (comments left out), one paragraph a line; a short leading byline
  ("Orange avec AFP, publié le ...", the author's name) is dropped.
- lead: the page's standfirst. When the page's description (trafilatura's ``description``, i.e.
  ``<meta name=description>`` / og:description / JSON-LD) is the first paragraph of the main text, or starts
  with it, that paragraph is the lead and leaves the body; a description not found in the text at all is
  the lead as is; a description that merely excerpts the body gives no lead.
- title: trafilatura's (og:title, JSON-LD headline, ``<h1>``, ``<title>``) without a segment naming the site.
- published: ``htmldate.find_date`` (called by trafilatura with the parameters below), day precision, or
  minute precision with the UTC offset when the page gives a time.
- url / canonical_url: the record's URL, and the page's canonical link or og:url (normalised by courlan).
- language: ``<html lang>``, else ``<meta http-equiv=content-language>`` or og:locale; ``None`` otherwise.

Bytes are decoded here, once: the record's encoding hint, UTF-8, the page's declared charset, then
charset-normalizer's guess.
"""

from __future__ import annotations

import codecs
import re
from datetime import datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin, urlsplit

import trafilatura
from courlan import normalize_url
from trafilatura.settings import Document
from trafilatura.utils import load_html

from recoupe.errors import ExtractionError, InputError
from recoupe.extract.titles import fold, strip_site_name
from recoupe.model import Article, DatePrecision, PublishedDate

if TYPE_CHECKING:
    from lxml.html import HtmlElement

    from recoupe.config import Settings
    from recoupe.model import Record

__all__ = ["FOCUSES", "extract_html"]

#: trafilatura's focus settings as (favor_precision, favor_recall); bench/extract.py compares them
#: (``balanced`` scored best on the French sets, see bench/README.md).
FOCUSES: dict[str, tuple[bool, bool]] = {
    "balanced": (False, False),
    "precision": (True, False),
    "recall": (False, True),
}
#: htmldate's ``find_date`` parameters; the output keeps the time and offset when the page has them.
DATE_FORMAT = "%Y-%m-%dT%H:%M:%S%z"
DATE_OPTIONS: dict[str, Any] = {"original_date": True, "extensive_search": True, "outputformat": DATE_FORMAT}

_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_BYLINE_CUE = re.compile(
    r"\b(?:publi[ée]e?s?|mis à jour|modifi[ée]e?|actualis[ée]e?|published|updated|posted)\b", re.IGNORECASE
)
_BYLINE_MAX_CHARS = 120
_LEAD_MAX_CHARS = 700
_EXCERPT_WORDS = 12
_PROSE_MIN_WORDS = 6
_PROSE_MIN_CHARS = 60
_ELLIPSIS = re.compile(r"(?:\.\.\.|\u2026|\[\u2026\]|\[\.\.\.\])\s*$")


def _decode(data: bytes, hint: str | None) -> str:
    """The page as text: the hint, a BOM, UTF-8, the declared charset, then a guess."""
    candidates: list[str] = []
    if hint:
        candidates.append(hint)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates.append("utf-16")
    candidates.append("utf-8-sig")
    declared = _CHARSET.search(data[:4096])
    if declared:
        candidates.append(declared.group(1).decode("ascii", "replace"))
    for encoding in candidates:
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeDecodeError):
            continue
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    # on mostly-ASCII markup any single-byte Latin code page fits about as well; the web's usual one
    # (the WHATWG default for undeclared Western pages) is windows-1252, so it wins among them
    if best is None or _is_latin_single_byte(best.encoding):
        try:
            return data.decode("cp1252")
        except UnicodeDecodeError:
            pass
    if best is not None:
        return str(best)
    return data.decode("cp1252", errors="replace")


def _is_latin_single_byte(encoding: str) -> bool:
    name = codecs.lookup(encoding).name
    return name.startswith(("cp125", "iso8859", "latin", "mac-")) and name not in {
        "cp1251",  # Cyrillic
        "cp1253",  # Greek
        "cp1255",  # Hebrew
        "cp1256",  # Arabic
        "iso8859-5",
        "iso8859-6",
        "iso8859-7",
        "iso8859-8",
        "mac-cyrillic",
        "mac-greek",
    }


def _language(tree: HtmlElement) -> str | None:
    values = [tree.get("lang"), tree.get("{http://www.w3.org/XML/1998/namespace}lang")]
    values += tree.xpath(
        './/head/meta[translate(@http-equiv, "CONTENTLAGU", "contentlagu")="content-language"]/@content'
    )
    values += tree.xpath('.//head/meta[@property="og:locale"]/@content')
    for value in values:
        code = str(value).strip().replace("_", "-").split("-")[0].split(",")[0].lower()
        if code.isalpha() and 2 <= len(code) <= 3:
            return code
    return None


def _clean_url(value: str | None, base: str | None) -> str | None:
    if not value:
        return None
    url = urljoin(base, value.strip()) if base else value.strip()
    if urlsplit(url).scheme not in {"http", "https"}:
        return None
    try:
        return str(normalize_url(url))
    except ValueError:
        return url


def _published(value: str | None) -> PublishedDate | None:
    if not value:
        return None
    try:
        moment = datetime.strptime(value, DATE_FORMAT)  # noqa: DTZ007 - %z is in the format, empty when unknown
    except ValueError:
        try:
            moment = datetime.strptime(value[:10], "%Y-%m-%d")  # noqa: DTZ007 - no zone given
        except ValueError:
            return None
    offset = moment.utcoffset()
    if offset is None and (moment.hour, moment.minute) == (0, 0):
        return PublishedDate(moment.replace(second=0), DatePrecision.DAY)
    tz = None
    if offset is not None:
        minutes = int(offset.total_seconds()) // 60
        sign = "+" if minutes >= 0 else "-"
        tz = f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
    return PublishedDate(moment.replace(second=0, microsecond=0), DatePrecision.MINUTE, tz)


def _split_people(value: str | None) -> tuple[str, ...]:
    if not value:
        return ()
    return _unique(part.strip() for part in value.split(";"))


def _unique(values: Any) -> tuple[str, ...]:
    seen: set[str] = set()
    kept: list[str] = []
    for value in values:
        text = " ".join(str(value).split())
        key = fold(text)
        if text and key not in seen:
            seen.add(key)
            kept.append(text)
    return tuple(kept)


def _is_byline(paragraph: str, authors: tuple[str, ...]) -> bool:
    if len(paragraph) > _BYLINE_MAX_CHARS:
        return False
    folded = fold(paragraph)
    if any(fold(author) and folded.startswith(fold(author)) for author in authors):
        return True
    return bool(_BYLINE_CUE.search(paragraph)) and any(ch.isdigit() for ch in paragraph)


def _lead_and_body(paragraphs: list[str], description: str | None) -> tuple[str, list[str]]:
    """Split the standfirst off the paragraphs, guided by the page's description."""
    desc = " ".join((description or "").split())
    if not desc or not paragraphs:
        return "", paragraphs
    desc_key = fold(_ELLIPSIS.sub("", desc))
    first_key = fold(paragraphs[0])
    if not desc_key or not first_key:
        return "", paragraphs
    if desc_key == first_key or (desc_key.startswith(first_key) and len(paragraphs) > 1):
        if len(paragraphs[0]) <= _LEAD_MAX_CHARS:
            return paragraphs[0], paragraphs[1:]
        return "", paragraphs
    # a description whose opening words are in the text excerpts it (often cut short): not a standfirst
    opening = " ".join(desc_key.split()[:_EXCERPT_WORDS])
    if opening in fold(" ".join(paragraphs)):
        return "", paragraphs
    return desc, paragraphs


def _first_sentence(text: str, limit: int = 160) -> str:
    """A stand-in title for a page without one: the first sentence, cut at a word near ``limit``."""
    first = re.split(r"(?<=[.!?])\s+", text.split("\n", 1)[0], maxsplit=1)[0]
    if len(first) <= limit:
        return first
    return first[:limit].rsplit(" ", 1)[0] + "\u2026"


def _word_count(text: str) -> int:
    return len(text.split())


def extract_html(record: Record, settings: Settings, *, focus: str = "balanced") -> Article:
    """The article in an HTML page (``record.data``, raw bytes; ``record.url`` when known).

    ``focus`` is trafilatura's trade-off between precision and recall (a key of ``FOCUSES``).

    Raises ``ExtractionError`` (with ``where`` naming the record) when the page is empty or has no main
    text of at least ``settings.min_body_chars`` characters, ``InputError`` when it is not HTML at all.
    """
    if focus not in FOCUSES:
        raise ValueError(f"unknown focus {focus!r}; one of {', '.join(FOCUSES)}")
    where = record.provenance.where()
    data = record.data if record.data is not None else (record.text or "").encode("utf-8")
    if not data.strip():
        raise ExtractionError("empty page", where=where)
    if len(data) > settings.max_file_bytes:
        raise InputError(f"page too large ({len(data)} bytes > max_file_mb)", where=where)
    tree = load_html(_decode(data, record.provenance.encoding))
    if tree is None:
        raise InputError("not an HTML page", where=where)
    page_words = _word_count(" ".join(tree.xpath("//body//text()")))

    precision, recall = FOCUSES[focus]
    found = trafilatura.bare_extraction(
        tree,
        url=record.url,
        date_extraction_params={**DATE_OPTIONS, "max_date": datetime.now().astimezone().strftime("%Y-%m-%d")},
        favor_precision=precision,
        favor_recall=recall,
        include_comments=False,  # reader comments are not the article
        include_tables=True,
        with_metadata=True,
    )
    document: dict[str, Any] = found.as_dict() if isinstance(found, Document) else {}
    text: str = document.get("text") or ""
    if not text.strip():
        raise ExtractionError(f"no article text found (page has {page_words} words of text)", where=where)

    authors = _split_people(document.get("author"))
    paragraphs = [" ".join(line.split()) for line in text.split("\n")]
    paragraphs = [p for p in paragraphs if p]
    for _ in range(2):
        if len(paragraphs) > 1 and _is_byline(paragraphs[0], authors):
            paragraphs = paragraphs[1:]
    lead, paragraphs = _lead_and_body(paragraphs, document.get("description"))
    body = "\n".join(paragraphs)
    # menus and link lists are short lines: only paragraphs of a few words (or, for scripts written without
    # spaces, of some length) count as article text
    prose = sum(len(p) for p in paragraphs if _word_count(p) >= _PROSE_MIN_WORDS or len(p) >= _PROSE_MIN_CHARS)
    if prose < settings.min_body_chars:
        raise ExtractionError(
            f"no article text found (main text has {_word_count(body)} words, {prose} characters in"
            f" paragraphs of {_PROSE_MIN_WORDS}+ words; at least {settings.min_body_chars} needed)",
            where=where,
        )

    canonical = _clean_url(document.get("url"), record.url)
    title = strip_site_name(document.get("title") or "", document.get("sitename"), document.get("hostname"))
    title_derived = not title
    if title_derived:
        title = _first_sentence(lead or body)
    categories = list(document.get("categories") or [])
    return Article.build(
        title=title,
        title_derived=title_derived,
        body=body,
        provenance=record.provenance,
        canonical_url=canonical,
        lead=lead,
        url=record.url or canonical,
        outlet=(document.get("sitename") or "").strip() or None,
        published=_published(document.get("date")),
        language=_language(tree),
        tags=_unique([*categories, *(document.get("tags") or [])]),
        authors=authors,
        section=categories[0].strip() if categories else None,
    )
