"""Plain-text records, the layout of recoupe's seed articles (one article per file).

What the reader accepts, top to bottom (every part is optional but the body):

1. **A title line**: the first line, when it is at most 200 characters, does not end like a sentence
   (``. ! ? … : ; ,``) and more text follows.
2. **A date line**: ``date YYYY[-MM[-DD[THH:MM[±hh:mm]]]]`` (``date:`` also accepted) as the first or
   second line. The date keeps its precision (``date 2025-02`` is February 2025, month precision). Text
   after the date on that line is the article's **lead** (an aggregator's summary).
3. **The body**: every other line. Runs of blank lines become one blank line; the text is otherwise kept as is.
4. **A metadata tail**: up to three short blocks after the body, each one line (at most 120 characters, not
   ending like a sentence) separated from the body and from each other by blank lines, read in order as the
   **outlet**, the **tags** and the **section**. Tags separated by ``, ; |`` are split there; tags
   separated by spaces only ("Intelligence Artificielle Openai Elon Musk") are split into the longest runs
   of words that occur together in the article, other words standing alone.

What it guesses: with no title line, the title is the first sentence of the lead (or of the body) and the
article is flagged ``title_derived``. The tail is recognised by its shape alone, so a body that ends with
short unpunctuated lines after a blank line (a byline, a "Lire aussi") can be read as outlet/tags.
"""

from __future__ import annotations

import re

from recoupe.config import Settings
from recoupe.errors import ExtractionError
from recoupe.extract.dates import parse_date
from recoupe.folding import fold
from recoupe.model import Article, PublishedDate, Record

__all__ = ["derive_title", "extract_text", "split_tags"]

_DATE_LINE = re.compile(
    r"^\s*date\s*:?\s+(?P<date>\d{4}(?:-\d{2}(?:-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?)"
    r"(?=\s|$)\s*(?P<lead>.*)$",
    re.IGNORECASE,
)
_SENTENCE_END = ".!?…:;,"
_TITLE_MAX = 200
_TAIL_LINE_MAX = 120
_DERIVED_TITLE_MAX = 160
_ABBREVIATIONS = {
    "m",
    "mm",
    "mme",
    "mmes",
    "mlle",
    "dr",
    "pr",
    "me",
    "st",
    "ste",
    "mr",
    "mrs",
    "ms",
    "etc",
    "cf",
    "p",
    "n",
    "no",
    "av",
    "apr",
    "j.-c",
}
_SENTENCE = re.compile(r"[.!?…]+(?=[\s»\"”)]|$)")
_SEPARATORS = re.compile(r"\s*[,;|]\s*")


def _fold(text: str) -> str:
    return " ".join(fold(text.replace("\u2019", "'")).split())


def derive_title(text: str) -> str:
    """The first sentence of ``text`` (abbreviations such as "M." do not end it), cut at 160 characters."""
    text = " ".join(text.split())
    for match in _SENTENCE.finditer(text):
        before = text[: match.start()].rsplit(" ", 1)[-1].casefold()
        if before in _ABBREVIATIONS or (len(before) == 1 and before.isalpha()):
            continue
        sentence = text[: match.start()] + (match.group() if match.group()[0] in "!?" else "")
        if len(sentence) >= 15:
            text = sentence
            break
    if len(text) > _DERIVED_TITLE_MAX:
        cut = text[:_DERIVED_TITLE_MAX].rsplit(" ", 1)[0]
        text = cut.rstrip(",;:") + "…"
    return text.strip()


def split_tags(line: str, article_text: str) -> tuple[str, ...]:
    """Tags from one line: on ``, ; |`` when present, else the longest word runs found in the article."""
    line = line.strip()
    if _SEPARATORS.search(line):
        return tuple(tag for tag in _SEPARATORS.split(line) if tag)
    words = line.split()
    haystack = f" {_fold(article_text)} "
    tags: list[str] = []
    index = 0
    while index < len(words):
        size = min(4, len(words) - index)
        while size > 1 and f" {_fold(' '.join(words[index : index + size]))} " not in haystack.replace("'", " "):
            size -= 1
        tags.append(" ".join(words[index : index + size]))
        index += size
    return tuple(tags)


def _looks_like_title(line: str, rest: list[str]) -> bool:
    stripped = line.strip()
    return (
        0 < len(stripped) <= _TITLE_MAX and stripped[-1] not in _SENTENCE_END and any(other.strip() for other in rest)
    )


def _is_tail_line(line: str) -> bool:
    stripped = line.strip()
    return 0 < len(stripped) <= _TAIL_LINE_MAX and stripped[-1] not in ".!?…:;"


def _split_tail(lines: list[str]) -> tuple[list[str], list[str]]:
    """Split trailing metadata blocks (outlet, tags, section) off the body lines."""
    blocks: list[str] = []
    end = len(lines)
    while len(blocks) < 3:
        while end > 0 and not lines[end - 1].strip():
            end -= 1
        start = end
        while start > 0 and lines[start - 1].strip():
            start -= 1
        block = lines[start:end]
        before_is_blank = start > 0 and not lines[start - 1].strip()
        has_body_before = any(line.strip() for line in lines[:start])
        if len(block) != 1 or not _is_tail_line(block[0]) or not before_is_blank or not has_body_before:
            break
        blocks.insert(0, block[0].strip())
        end = start
    return lines[:end], blocks


def _collapse(lines: list[str]) -> str:
    out: list[str] = []
    for line in lines:
        if line.strip() or (out and out[-1]):
            out.append(line.strip())
    return "\n".join(out).strip()


def extract_text(record: Record, settings: Settings) -> Article:
    """An ``Article`` from a plain-text record laid out as described in this module's docstring."""
    where = record.provenance.where()
    text = (record.text or "").replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.rstrip() for line in text.split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise ExtractionError("no text", where=where)

    title = ""
    if _looks_like_title(lines[0], lines[1:]) and not _DATE_LINE.match(lines[0]):
        title = lines.pop(0).strip()
        while lines and not lines[0].strip():
            lines.pop(0)

    published: PublishedDate | None = None
    lead = ""
    if lines and (match := _DATE_LINE.match(lines[0])):
        published = parse_date(match.group("date"))
        lead = match.group("lead").strip()
        lines.pop(0)

    body_lines, tail = _split_tail(lines)
    body = _collapse(body_lines)
    if len(body) < settings.min_body_chars and not (lead and body):
        raise ExtractionError(
            f"no article: body has {len(body)} characters (min_body_chars={settings.min_body_chars})", where=where
        )
    outlet = tail[0] if tail else None
    tags = split_tags(tail[1], "\n".join((title, lead, body))) if len(tail) > 1 else ()
    section = tail[2] if len(tail) > 2 else None

    derived = not title
    if derived:
        title = derive_title(lead or body)
    return Article.build(
        title=title,
        body=body,
        provenance=record.provenance,
        canonical_url=None,
        lead=lead,
        title_derived=derived,
        url=record.url,
        outlet=outlet,
        published=published,
        tags=tags,
        section=section,
    )
