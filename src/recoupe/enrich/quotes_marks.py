"""Quotation marks and sentence limits in an article's characters, before any parse is read.

``find_marked`` pairs the quotation marks of a text (guillemets, curly and straight quotes, doubled and lone
marks) into ``Marked`` spans; ``sentence_breaks`` cuts the text into sentences without cutting inside a quote,
after an abbreviation, or at a full stop glued to the next word by a lost line break. Both are linear in the
text length. ``recoupe.enrich.quotes_parse.Context`` reads them with the parse.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recoupe.enrich import referent_words as lex
from recoupe.enrich.nlp import glued_opener
from recoupe.enrich.speech import fold

__all__ = ["MAX_QUOTE_CHARS", "QUOTE_CHARS", "Marked", "find_marked", "sentence_breaks"]

#: the longest quotation accepted, in characters (a lone mark must not swallow a whole article)
MAX_QUOTE_CHARS = 2000

_PAIRS = {"\u00ab": "\u00bb", "\u201c": "\u201d", "\u2039": "\u203a", "\u201e": "\u201c"}
_STRAIGHT = '"'
_CLOSERS = set(_PAIRS.values())
QUOTE_CHARS = frozenset('"\u00ab\u00bb\u201c\u201d\u2039\u203a\u201e')
_ABBREV = lex.word_set("m mm mme mmes mlle dr pr me st ste mr mrs ms jr etc no vs p")


@dataclass(frozen=True, slots=True)
class Marked:
    """Text between quotation marks: ``start:end`` is the content without the marks and inner spaces;
    ``open_at``/``close_at`` are the marks' offsets (``close_at`` the offset of the closing mark)."""

    start: int
    end: int
    open_at: int
    close_at: int


def _is_word_char(ch: str) -> bool:
    return ch.isalnum()


def find_marked(text: str, language: str) -> list[Marked]:  # noqa: PLR0912 - one linear scan over all mark kinds
    """Quoted passages of ``text``, left to right, without nesting (inner quotes are found separately).

    « », “ ”, ‹ › pair with their own closer; a straight ``"`` toggles, resynchronised at each paragraph,
    whenever an open quote would run past ``MAX_QUOTE_CHARS``, and at a mark that can only close
    (``…marche!", s'énerve`` after a missing opening mark). AFP-style single quotes (``'Mort-né'``)
    count only when the opening one follows a space or a dash and the closing one ends a word
    followed by a space or punctuation (French only: English uses ``'`` for possessives). Two
    apostrophes stand for a double mark (``''We wanted it,'' he said``: the New York Times' archive
    text); ``open_at`` is the first of the opening pair, ``close_at`` the last of the closing pair.
    An unclosed mark is dropped.
    """
    spans: list[Marked] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        closer: str | None = None
        if ch == "'" and text.startswith("''", i) and _doubled_opens(text, i):
            found = _doubled_close(text, i + 2, min(n, i + 2 + MAX_QUOTE_CHARS))
            if found >= 0:
                start, end = _stripped(text, i + 2, found)
                if end > start:
                    spans.append(Marked(start, end, i, found + 1))
                i = found + 2
                continue
            i += 2
            continue
        if ch in _PAIRS:
            closer = _PAIRS[ch]
        elif ch == _STRAIGHT and not _closing_shaped(text, i):
            closer = _STRAIGHT
        elif (
            ch == "'"
            and language == "fr"
            and (i == 0 or text[i - 1] in " \n\t(-\u2013")
            and i + 1 < n
            and text[i + 1].isalpha()
        ):
            closer = "'"
        if closer is None:
            i += 1
            continue
        limit = min(n, i + 1 + MAX_QUOTE_CHARS)
        j = i + 1
        found = -1
        while j < limit:
            c = text[j]
            if c == closer and (closer != "'" or _single_closes(text, j)):
                found = j
                break
            if c == "\n" and j + 1 < n and text[j + 1] == "\n" and closer in {_STRAIGHT, "'"}:
                break
            if closer == "'" and c in ".!?\n" and j - i > 200:
                break
            j += 1
        if found < 0:
            i += 1
            continue
        start, end = _stripped(text, i + 1, found)
        if end > start:
            spans.append(Marked(start, end, i, found))
        i = found + 1
    return spans


def _stripped(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _doubled_opens(text: str, i: int) -> bool:
    """Two apostrophes that open a quotation: at a text or word start, a word right after."""
    prev = text[i - 1] if i else " "
    nxt = text[i + 2] if i + 2 < len(text) else " "
    return (prev.isspace() or prev in "([\u2014\u2013-") and not nxt.isspace() and nxt != "'"


def _doubled_close(text: str, j: int, limit: int) -> int:
    """Offset of the two apostrophes that close a quotation opened by two, or -1 (none before a blank line)."""
    while j < limit:
        at = text.find("''", j, limit)
        blank = text.find("\n\n", j, limit)
        if at < 0 or (0 <= blank < at):
            return -1
        if not text[at - 1].isspace():
            return at
        j = at + 2
    return -1


def _closing_shaped(text: str, i: int) -> bool:
    """A straight ``"`` that can only close (``marche!", s'énerve``): a word or end punctuation before it,
    a space or punctuation after it. Seen where the opening mark is missing; it must not open a passage
    that would pair every later mark the wrong way round."""
    prev = text[i - 1] if i else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    return (prev.isalnum() or prev in ".!?…") and (nxt.isspace() or nxt in ",.;:)")


def _single_closes(text: str, j: int) -> bool:
    prev = text[j - 1] if j else " "
    nxt = text[j + 1] if j + 1 < len(text) else " "
    return (prev.isalnum() or prev in ".!?…") and (nxt.isspace() or nxt in ",.;:!?)-\u2013")


def sentence_breaks(text: str, marked: list[Marked], language: str = "fr") -> list[int]:
    """Offsets where a sentence starts (0 included), ignoring full stops inside quotation marks.

    A break follows ``.``/``!``/``?``/``…`` (and any closing mark after it) when the next visible
    character starts a sentence (upper case, digit, opening mark), glued or not (``l'Élysée.Après``),
    and not after a one-letter initial or a known abbreviation (``M.``); a line break is a break, and so
    is a French word glued to the next sentence by a lost line break (``nlp.glued_opener``).
    """
    inside = bytearray(len(text))
    for span in marked:
        for k in range(span.open_at + 1, span.close_at):
            inside[k] = 1
    breaks = [0]
    n = len(text)
    # ``exploitation"La RATP met``: a closing mark glued to the next sentence
    glued = {span.close_at + 1 for span in marked if 0 < span.close_at < n - 2 and _glued_clause(text, span.close_at)}
    if language == "fr":  # ``selon PepyConcernant l'avenir``: a lost line break
        glued |= {m.start() for m in re.finditer(glued_opener(), text) if not inside[m.start()]}
    i = 0
    while i < n:
        ch = text[i]
        if ch == "\n":
            j = i + 1
            while j < n and text[j].isspace():
                j += 1
            if j < n and j != breaks[-1]:
                breaks.append(j)
            i = j
            continue
        if i in glued and i != breaks[-1]:
            breaks.append(i)
        if ch in ".!?…" and not inside[i]:
            j, start = _after_stop(text, i)
            if start is not None:
                breaks.append(start)
            i = max(j, i + 1)
            continue
        i += 1
    return breaks


def _after_stop(text: str, i: int) -> tuple[int, int | None]:
    """After the end punctuation at ``i``: where the scan goes on, and where the next sentence starts
    (``None`` when it does not: lower case next, an initial or abbreviation, a decimal point)."""
    n = len(text)
    j = i + 1
    while j < n and (text[j] in ".!?…" or text[j] in _CLOSERS):
        j += 1
    k = j
    while k < n and text[k] in " \t\u00a0":
        k += 1
    if k < n and (text[k].isupper() or text[k].isdigit() or text[k] in QUOTE_CHARS or text[k] in "-–—"):
        word = re.search(r"(\w+)$", text[max(0, i - 12) : i])
        abbreviation = word is not None and (fold(word.group(1)) in _ABBREV or len(word.group(1)) == 1)
        if not abbreviation and not (text[i] == "." and i + 1 < n and text[i + 1].isdigit()):
            return j, k
    return j, None


#: words that open a sentence glued to a closing mark (``exploitation"La RATP met``)
_OPENERS = frozenset({"le", "la", "les", "l'", "un", "une", "il", "elle", "ils", "elles", "on", "the"})


def _glued_clause(text: str, i: int) -> bool:
    word = re.match(r"[A-ZÀ-Ý]\w*'?", text[i + 1 : i + 12])
    return (text[i - 1].isalpha() or text[i - 1] in ".!?…") and word is not None and fold(word[0]) in _OPENERS
