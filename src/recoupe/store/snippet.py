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
from bisect import bisect_left
from functools import lru_cache
from typing import TYPE_CHECKING

from recoupe.store.query import tokens_of
from recoupe.store.sqlite import FTS_MARK_END, FTS_MARK_START

if TYPE_CHECKING:
    from collections.abc import Sequence

    from recoupe.store.query import Term

__all__ = ["MAX_MATCHES", "TOKENS", "WINDOW_CHARS", "fold", "marked_snippet"]

#: characters of each column a snippet is read from
WINDOW_CHARS = 32_768
#: matches looked at per column (the first ones in the window)
MAX_MATCHES = 256
#: tokens in a snippet (as FTS5's snippet() was asked for)
TOKENS = 24

_TOKEN = re.compile(r"[^\W_]+")


@lru_cache(maxsize=65_536)
def fold(token: str) -> str:
    """A token with case and diacritics removed, as the full-text index compares them."""
    decomposed = unicodedata.normalize("NFD", token.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _phrases(terms: Sequence[Term]) -> list[tuple[tuple[str, ...], bool]]:
    """Each term as (folded tokens, last token is a prefix); terms without a token are left out."""
    phrases = []
    for term in terms:
        tokens = tuple(fold(token) for token in tokens_of(term.text))
        if tokens:
            phrases.append((tokens, term.prefix))
    return phrases


def _matches(folded: list[str], phrases: list[tuple[tuple[str, ...], bool]]) -> list[tuple[int, int, int]]:
    """``(first token, last token, phrase index)`` of phrase instances in token order, at most ``MAX_MATCHES``."""
    by_first: dict[str, list[int]] = {}
    open_prefixes: list[int] = []  # one-token prefix terms: any token starting with it
    for which, (tokens, prefix) in enumerate(phrases):
        if prefix and len(tokens) == 1:
            open_prefixes.append(which)
        else:
            by_first.setdefault(tokens[0], []).append(which)
    found: list[tuple[int, int, int]] = []
    for index, token in enumerate(folded):
        candidates = by_first.get(token, []) + [w for w in open_prefixes if token.startswith(phrases[w][0][0])]
        for which in candidates:
            tokens, prefix = phrases[which]
            end = index + len(tokens)
            if end > len(folded) or folded[index + 1 : end - 1] != list(tokens[1:-1]):
                continue
            last = folded[end - 1]
            if last == tokens[-1] or (prefix and last.startswith(tokens[-1])):
                found.append((index, end - 1, which))
                break
        if len(found) >= MAX_MATCHES:
            break
    return found


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
    best: tuple[tuple[int, int], str, list[tuple[int, int]], list[tuple[int, int, int]], int, bool] | None = None
    for column in columns:
        text = column[:WINDOW_CHARS].replace(FTS_MARK_START, "").replace(FTS_MARK_END, "")
        spans = [match.span() for match in _TOKEN.finditer(text)]
        if not spans:
            continue
        matches = _matches([fold(text[a:b]) for a, b in spans], phrases) if phrases else []
        distinct, instances, start = _best_fragment(matches, len(spans)) if matches else (0, 0, 0)
        if best is None or (distinct, instances) > best[0]:
            best = ((distinct, instances), text, spans, matches, start, len(column) > WINDOW_CHARS)
    if best is None:
        return ""
    _, text, spans, matches, start, cut = best
    return _render(text, spans, matches, start, cut=cut)
