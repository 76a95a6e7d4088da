"""Search snippets built in Python from a bounded window of an article's text.

FTS5's ``snippet()`` scores every candidate fragment against every instance of every phrase: its time
grows with the square of a word's occurrences in one article (5 k occurrences 0.16 s, 40 k 10 s of
CPU), so one stored article could hold a search for minutes. Here a snippet is read from the first
``WINDOW_CHARS`` characters of each column only, and at most ``MAX_MATCHES`` matches are looked at:
its cost is bounded whatever an article contains. A match past the window is not highlighted (the
article is still found and ranked by the index, which reads the whole text); the snippet then shows
the start of the column.

Matching follows the index (``unicode61 remove_diacritics 2``, see ``recoupe.store.query``): tokens are
runs of letters and digits, compared with case and accents folded; a term is a phrase of tokens, the
last one a prefix for ``macro*``. The column shown is the one whose best fragment holds the most
distinct terms (the title on a tie, then the lead), as FTS5 picks it; the fragment is ``TOKENS`` tokens
around its matches, with ``…`` where it starts after the column's start or ends before its end, and
each phrase instance is marked whole (``covid-19`` is one highlight).
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import TYPE_CHECKING

from recoupe.store.fts_text import FTS_MARK_END, FTS_MARK_START
from recoupe.store.query import tokens_of

if TYPE_CHECKING:
    from collections.abc import Sequence

    from recoupe.store.query import Term

__all__ = ["MAX_MATCHES", "TOKENS", "WINDOW_CHARS", "fold", "marked_snippet", "split_snippet"]

#: characters of each column a snippet is read from
WINDOW_CHARS = 32_768
#: matches looked at per column (the first ones in the window)
MAX_MATCHES = 256
#: tokens in a snippet (as FTS5's snippet() was asked for)
TOKENS = 24

#: characters tokenized past the last match looked at (the fragment needs at most TOKENS tokens after it)
LOOKAHEAD_CHARS = 600

_TOKEN = re.compile(r"[^\W_]+")
_GAP = re.compile(r"[\W_]")


@lru_cache(maxsize=65_536)
def fold(token: str) -> str:
    """A token with case and diacritics removed, as the full-text index compares them."""
    decomposed = unicodedata.normalize("NFD", token.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


class _CharFold(dict[int, int]):
    """``str.translate`` table folding one character into one (its ``fold`` when that is one character).

    Folding character by character keeps every offset, so spans found in the folded text are spans of
    the text. The few characters whose fold is longer or empty (``ß``, ligatures, lone accents) are
    lower-cased only: a match on them may go unmarked, the snippet is otherwise the same.
    """

    def __missing__(self, code: int) -> int:
        char = chr(code)
        folded = fold(char)
        if len(folded) != 1:
            folded = char.lower() if len(char.lower()) == 1 else char
        self[code] = ord(folded)
        return self[code]


_FOLD = _CharFold()


@lru_cache(maxsize=1_024)
def _pattern(phrases: tuple[tuple[tuple[str, ...], bool], ...]) -> re.Pattern[str]:
    """One regular expression finding any phrase in folded text, the phrase's index + 1 as its group."""
    parts = []
    for tokens, prefix in phrases:
        body = r"[\W_]+".join(re.escape(token) for token in tokens)
        tail = r"[^\W_]*" if prefix else ""
        parts.append(rf"(?<![^\W_])({body}{tail})(?![^\W_])")
    return re.compile("|".join(parts))


def _phrases(terms: Sequence[Term]) -> tuple[tuple[tuple[str, ...], bool], ...]:
    """Each term as (folded tokens, last token is a prefix); terms without a token are left out."""
    phrases = []
    for term in terms:
        tokens = tuple(fold(token) for token in tokens_of(term.text))
        if tokens:
            phrases.append((tokens, term.prefix))
    return tuple(phrases)


def _matches(folded: str, pattern: re.Pattern[str]) -> list[tuple[int, int, int]]:
    """``(start, end, phrase index)`` of phrase instances in text order, at most ``MAX_MATCHES``."""
    found: list[tuple[int, int, int]] = []
    for match in pattern.finditer(folded):
        found.append((match.start(), match.end(), (match.lastindex or 1) - 1))
        if len(found) >= MAX_MATCHES:
            break
    return found


def _tokens(folded: str, matches: list[tuple[int, int, int]]) -> tuple[list[tuple[int, int]], bool]:
    """Token spans up to a little past the last match (``LOOKAHEAD_CHARS``); whether text is left after them."""
    limit = (matches[-1][1] if matches else 0) + LOOKAHEAD_CHARS
    if limit < len(folded):
        gap = _GAP.search(folded, limit)
        limit = gap.start() if gap else len(folded)
    return [token.span() for token in _TOKEN.finditer(folded, 0, limit)], limit < len(folded)


def _token_matches(spans: list[tuple[int, int]], matches: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Character matches as ``(first token, last token, phrase index)``."""
    starts = [start for start, _ in spans]
    return [
        (bisect_right(starts, start) - 1, bisect_right(starts, end - 1) - 1, which) for start, end, which in matches
    ]


def _best_fragment(matches: list[tuple[int, int, int]], count: int) -> tuple[int, int, int]:
    """``(distinct phrases, instances, first token)`` of the best ``TOKENS``-token fragment."""
    starts = [first for first, _, _ in matches]
    best = (0, 0, 0)
    for position, (first, _, _) in enumerate(matches):
        inside = matches[position : bisect_left(starts, first + TOKENS, lo=position)]
        score = (len({which for _, _, which in inside}), len(inside))
        if score > best[:2]:
            covered = max(last for _, last, _ in inside) - first + 1
            lead = max(0, (TOKENS - covered) // 2)
            start = max(0, min(first - lead, count - TOKENS))
            best = (score[0], score[1], start)
    return best


def _render(
    text: str, spans: list[tuple[int, int]], matches: list[tuple[int, int, int]], start: int, *, cut: bool
) -> str:
    """The fragment of ``TOKENS`` tokens from token ``start``, marked; ``cut``: the column goes on past ``text``."""
    stop = min(len(spans), start + TOKENS)
    at_end = stop == len(spans) and not cut
    begin = 0 if start == 0 else spans[start][0]
    end = len(text) if at_end else spans[stop - 1][1]
    pieces: list[str] = []
    cursor = begin
    for first, last, _ in matches:
        if first < start or last >= stop or spans[first][0] < cursor:
            continue
        open_at, close_at = spans[first][0], spans[last][1]
        pieces += [text[cursor:open_at], FTS_MARK_START, text[open_at:close_at], FTS_MARK_END]
        cursor = close_at
    pieces.append(text[cursor:end])
    body = "".join(pieces).strip()
    return ("…" if start > 0 else "") + body + ("" if at_end else "…")


def marked_snippet(columns: Sequence[str], terms: Sequence[Term]) -> str:
    """The snippet of an article's columns (title, lead, body) for ``terms``, matched terms between marks."""
    phrases = _phrases(terms)
    pattern = _pattern(phrases) if phrases else None
    best: tuple[tuple[int, int], str, list[tuple[int, int]], list[tuple[int, int, int]], int, bool] | None = None
    for column in columns:
        text = column[:WINDOW_CHARS].replace(FTS_MARK_START, "").replace(FTS_MARK_END, "")
        folded = text.translate(_FOLD)
        found = _matches(folded, pattern) if pattern is not None else []
        spans, more = _tokens(folded, found)
        if not spans:
            continue
        matches = _token_matches(spans, found)
        distinct, instances, start = _best_fragment(matches, len(spans)) if matches else (0, 0, 0)
        if best is None or (distinct, instances) > best[0]:
            best = ((distinct, instances), text, spans, matches, start, more or len(column) > WINDOW_CHARS)
    if best is None:
        return ""
    _, text, spans, matches, start, cut = best
    return _render(text, spans, matches, start, cut=cut)


def split_snippet(marked: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """Remove the match markers from a snippet; return the text and the marked spans."""
    out: list[str] = []
    spans: list[tuple[int, int]] = []
    length, start = 0, -1
    for char in marked:
        if char == FTS_MARK_START:
            start = length
        elif char == FTS_MARK_END:
            if start >= 0 and length > start:
                spans.append((start, length))
            start = -1
        else:
            out.append(char)
            length += 1
    return "".join(out), tuple(spans)
