"""Extractive lead summary: the first sentences of the lead and body, within about 400 characters.

News puts the essentials first, so the lead sentences are a strong, faithful baseline (nothing is
rewritten). Sentences are split by a regular-expression splitter that needs no model (it works for every
language): it does not cut after titles and common abbreviations ("M.", "Mme.", "Dr.", "etc.", "p. ex.",
"U.S."), initials ("J. Dupont"), or inside numbers ("97,4", "3.5").

Two cheap improvements over "first N sentences":

- lines that are not prose are skipped: a heading-like line without final punctuation, a byline or a
  dateline ("Par Jean Dupont", "PARIS (AFP) -" is cut off the sentence), a line of tags;
- a sentence that repeats the title (the lead often restates it) is skipped when the title is known;
- press furniture ("LIRE AUSSI", "VIDÉO -", captions, credits, "EN DIRECT - Suivez …", newsletter lines)
  and agency stamps are removed first (``recoupe.extract.furniture``).

What is guessed: that the article is written lead-first; for an opinion piece or a live blog the first
sentences are a poor summary.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from recoupe.extract.furniture import strip_furniture, strip_stamps
from recoupe.folding import fold

if TYPE_CHECKING:
    from recoupe.model import Article

__all__ = ["lead_summary", "split_sentences", "summarize"]

#: the summary's target length in characters
SUMMARY_CHARS = 400
#: at most this many sentences
SUMMARY_SENTENCES = 3

# words after which a full stop does not end a sentence (case-insensitive, without the dot)
_ABBREVIATIONS = frozenset(
    [
        "m",
        "mm",
        "mme",
        "mmes",
        "mlle",
        "mlles",
        "mr",
        "mrs",
        "ms",
        "dr",
        "drs",
        "pr",
        "prof",
        "me",
        "mgr",
        "st",
        "ste",
        "sr",
        "jr",
        "gen",
        "gal",
        "col",
        "cdt",
        "lt",
        "sgt",
        "capt",
        "gov",
        "sen",
        "rep",
        "rev",
        "hon",
        "av",
        "bd",
        "bld",
        "boul",
        "etc",
        "cf",
        "ex",
        "env",
        "vol",
        "no",
        "nos",
        "nr",
        "art",
        "chap",
        "fig",
        "p",
        "pp",
        "ibid",
        "op",
        "vs",
        "approx",
        "inc",
        "ltd",
        "co",
        "corp",
        "jan",
        "janv",
        "feb",
        "fev",
        "fevr",
        "mar",
        "apr",
        "avr",
        "jun",
        "jul",
        "juil",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        "mio",
        "mrd",
        "md",
        "bn",
        "mln",
        "tel",
    ]
)
# a candidate boundary: end punctuation (with closing quotes or brackets), spaces, then an upper-case
# letter, a digit or an opening quote/dash
_BOUNDARY = re.compile(r"""([.!?…]+[\"'»”)\]]*)(\s+)(?=[\"'«“(\[–—-]?\s*[\w])""")
_WORD_BEFORE = re.compile(r"(\w+)\.$")
_DATELINE = re.compile(r"^[A-ZÀ-Ý][A-ZÀ-Ý' -]{2,40}(?:\([^)]{1,20}\))?\s*[-–—]\s+")
_BYLINE = re.compile(r"^(?:par|by|de notre|from)\s+[A-ZÀ-Ý]", re.IGNORECASE)


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^\w\s]", " ", fold(text)).split())


def _is_boundary(text: str, end: int) -> bool:
    """Whether the punctuation ending at ``end`` (exclusive, the dot included) ends a sentence."""
    if text[end - 1] != ".":
        return True
    before = _WORD_BEFORE.search(text[max(0, end - 12) : end])
    if before is None:
        return True
    word = before.group(1)
    if word.casefold() in _ABBREVIATIONS:
        return False
    if len(word) == 1 and word.isalpha():
        return False  # an initial ("J. Dupont") or an acronym's letter ("U.S.")
    following = text[end:].lstrip()
    # "3. " followed by lower case (an enumeration inside a sentence) is not a boundary
    return not (word.isdigit() and following[:1].islower())


def split_sentences(text: str) -> list[str]:
    """Sentences of ``text``; line breaks always end a sentence (titles, list items, paragraphs)."""
    sentences: list[str] = []
    for line in text.splitlines():
        start = 0
        for match in _BOUNDARY.finditer(line):
            end = match.end(1)
            following = line[match.end() :]
            if not _is_boundary(line, end) or following[:1].islower():
                continue
            sentences.append(line[start:end].strip())
            start = match.end()
        sentences.append(line[start:].strip())
    return [s for s in sentences if s]


def _is_prose(sentence: str) -> bool:
    if _BYLINE.match(sentence) and len(sentence) < 80:
        return False
    words = sentence.split()
    return len(words) >= 3 and sentence[-1] in ".!?…»\"”)'"


def summarize(text: str, *, title: str = "", max_chars: int = SUMMARY_CHARS) -> str:
    """The first prose sentences of ``text`` up to ``max_chars`` (at least one sentence, cut if too long)."""
    title_key = _fold(title)
    chosen: list[str] = []
    length = 0
    for sentence in split_sentences(strip_stamps(strip_furniture(text))):
        sentence = _DATELINE.sub("", sentence)  # noqa: PLW2901 - cleaned in place
        if not _is_prose(sentence) or (title_key and _fold(sentence) == title_key):
            continue
        if chosen and length + 1 + len(sentence) > max_chars:
            break
        chosen.append(sentence)
        length += len(sentence) + (1 if length else 0)
        if len(chosen) == SUMMARY_SENTENCES:
            break
    summary = " ".join(chosen)
    if len(summary) > max_chars:
        cut = summary[:max_chars].rsplit(" ", 1)[0]
        summary = cut.rstrip(",;:") + "…"
    return summary


def lead_summary(article: Article, *, max_chars: int = SUMMARY_CHARS) -> str:
    """The article's extractive summary from its lead and body (the title when there is nothing else)."""
    text = "\n".join(part for part in (article.lead, article.body) if part)
    # a title derived from the first sentence is that sentence: it must not be skipped as a repeat
    title = "" if article.title_derived else article.title
    summary = summarize(text, title=title, max_chars=max_chars)
    return summary or article.title[:max_chars]
