"""User search text to safe terms: an FTS5 ``MATCH`` expression (SQLite), tsqueries (``recoupe.store.postgres``).

Nothing typed in a search box may reach FTS5 as syntax: every term is sent as an FTS5 string
(``"..."``, quotes doubled), so ``AND``, ``NEAR(``, ``Macron:``, ``*`` or a stray ``"`` are words or
separators, never operators. What users can ask for:

- words, all required (``crise énergie`` finds articles with both);
- a "quoted phrase" when its quotes are balanced (an unbalanced ``"`` is ignored);
- a trailing ``*`` on a word for a prefix (``macro*``).

Each whitespace-separated word is quoted whole and FTS5's own ``unicode61`` tokenizer splits it,
exactly as it split the indexed text: ``covid-19`` becomes the phrase ``covid 19`` and ``l'été`` the
phrase ``l été``. A word with no letter or digit in it (punctuation, emoji) is dropped, because an
empty FTS5 string would make the whole query match nothing.

A query with no word left (empty, only punctuation or emoji) gives ``None``: the store returns no
results for it rather than an error. A query of more than ``MAX_TERMS`` terms raises ``QueryError``.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from recoupe.errors import QueryError

__all__ = ["MAX_TERMS", "Term", "fts_match", "match_of", "parse_query", "search_terms", "tokens_of"]

MAX_TERMS = 64


@dataclass(frozen=True, slots=True)
class Term:
    """One required term: a word (possibly hyphenated) or a phrase, optionally a prefix."""

    text: str
    prefix: bool = False

    def to_fts(self) -> str:
        """This term as an FTS5 string, ``""``-escaped, with ``*`` when it is a prefix."""
        quoted = '"' + self.text.replace('"', '""') + '"'
        return quoted + "*" if self.prefix else quoted


def _is_token_char(char: str) -> bool:
    """True for the characters ``unicode61`` keeps in tokens: letters, numbers, private use."""
    category = unicodedata.category(char)
    return category[0] in "LN" or category == "Co"


def tokens_of(text: str) -> list[str]:
    """The tokens of ``text`` as ``unicode61`` splits it: runs of letters, numbers and private-use characters."""
    tokens: list[str] = []
    current: list[str] = []
    for char in text:
        if _is_token_char(char):
            current.append(char)
        elif current:
            tokens.append("".join(current))
            current = []
    if current:
        tokens.append("".join(current))
    return tokens


def _has_token(text: str) -> bool:
    return any(_is_token_char(char) for char in text)


def _clean(query: str) -> str:
    """NFC, and controls, surrogates and unassigned code points turned into spaces."""
    text = unicodedata.normalize("NFC", query)
    return "".join(" " if unicodedata.category(char) in {"Cc", "Cs", "Cn"} else char for char in text)


def _words(chunk: str) -> list[Term]:
    terms: list[Term] = []
    for word in chunk.split():
        stem = word.rstrip("*")
        prefix = stem != word and bool(stem) and _is_token_char(stem[-1])
        if _has_token(stem):
            terms.append(Term(stem if prefix else word, prefix=prefix))
    return terms


def parse_query(query: str) -> list[Term]:
    """The required terms of a user query, in order (may be empty)."""
    text = _clean(query)
    if text.count('"') % 2:  # an unbalanced quote: drop the last one
        cut = text.rindex('"')
        text = text[:cut] + " " + text[cut + 1 :]
    terms: list[Term] = []
    for index, part in enumerate(text.split('"')):
        if index % 2:  # inside a balanced pair of quotes
            phrase = " ".join(part.split())
            if _has_token(phrase):
                terms.append(Term(phrase))
        else:
            terms.extend(_words(part))
    return terms


def search_terms(query: str) -> list[Term]:
    """The terms of a user query (``[]``: nothing to search); ``QueryError`` past ``MAX_TERMS`` terms."""
    terms = parse_query(query)
    if len(terms) > MAX_TERMS:
        raise QueryError(f"the search has {len(terms)} terms; at most {MAX_TERMS} are allowed")
    return terms


def match_of(terms: list[Term]) -> str:
    """The FTS5 ``MATCH`` expression of parsed terms (all required)."""
    return " AND ".join(term.to_fts() for term in terms)


def fts_match(query: str) -> str | None:
    """The FTS5 ``MATCH`` expression for a user query; ``None`` when it has no searchable word."""
    terms = search_terms(query)
    return match_of(terms) if terms else None
