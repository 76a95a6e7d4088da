"""Pairs of adjacent lexemes of a PostgreSQL ``tsvector``: the filter that makes a rare phrase fast there.

A GIN index over a ``tsvector`` keeps no positions, so a phrase query finds every article holding all its
words and reads each one's ``tsvector`` to check the positions: a phrase of common words that (almost)
never stand together (``"gouvernement emmanuel"``) read every article with both, 3.6 s at 1 M articles.
``articles_fts.pairs`` holds, for each pair of lexemes at adjacent positions of the article's
``tsvector``, a 32-bit hash (the first four bytes of the md5 of ``"a b"``, computed here, so the same on
every server and encoding), with a GIN index per text search configuration. A phrase's own adjacent
pairs, read the same way from ``to_tsvector`` of the phrase (the positions ``phraseto_tsquery`` uses),
are all in the ``pairs`` of any article the phrase matches: the search requires them, and the planner
starts from the rare pair instead of the common words. It only filters (a hash collision lets an article
through, and the ``tsvector`` still decides), and it holds because recoupe's dictionaries give one lexeme
per word. Pairs across a gap (a stop word: ``'premi' <-> 'ministr' <3> 'franc'``) are not required.

The pairs are computed from the ``tsvector``'s text form (``document::text``), which the server gives
exactly: no SQL function runs per article (one in SQL took about 2 ms an article).
"""

from __future__ import annotations

import hashlib
import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlalchemy import Connection

__all__ = ["fill", "pairs_of"]

# a lexeme of tsvector's text form: quoted, ' doubled and \ doubled, then its positions (with weights)
_LEXEME = re.compile(r"'((?:''|\\\\|[^'\\])*)'(?::([0-9A-D,]+))?")
_UNESCAPE = re.compile(r"''|\\\\")
#: rows read and written at a time when the pairs are filled for stored articles
FILL_BATCH = 5_000


def _hash(first: str, second: str) -> int:
    return int.from_bytes(hashlib.md5(f"{first} {second}".encode()).digest()[:4], "big", signed=True)  # noqa: S324 - not a security use


def pairs_of(vector: str) -> list[int]:
    """The hashes of the pairs of lexemes at adjacent positions of a ``tsvector`` given as text, sorted."""
    at: dict[int, list[str]] = {}
    for match in _LEXEME.finditer(vector):
        lexeme = _UNESCAPE.sub(lambda escaped: escaped.group(0)[0], match.group(1))
        for position in (match.group(2) or "").split(","):
            if position:
                at.setdefault(int(position.rstrip("ABCD")), []).append(lexeme)
    return sorted({_hash(a, b) for position, firsts in at.items() for a in firsts for b in at.get(position + 1, ())})


def fill(conn: Connection) -> int:
    """Compute ``pairs`` for every row of ``articles_fts`` (migration step 12); how many rows."""
    from sqlalchemy import text

    # by the primary key, one batch after another: a condition on pairs would let the planner sort the whole
    # table for each batch, turning every tsvector into text each time
    select = text(
        "SELECT article_id, CAST(document AS TEXT) FROM articles_fts WHERE article_id > :last "
        "ORDER BY article_id LIMIT :batch"
    )
    update = text(
        "UPDATE articles_fts AS f SET pairs = CAST(v.pairs AS INTEGER[]) "
        "FROM unnest(CAST(:ids AS TEXT[]), CAST(:pairs AS TEXT[])) AS v(id, pairs) WHERE f.article_id = v.id"
    )
    last, filled = "", 0
    while rows := conn.execute(select, {"last": last, "batch": FILL_BATCH}).all():
        values = ["{" + ",".join(str(pair) for pair in pairs_of(str(vector))) + "}" for _, vector in rows]
        conn.execute(update, {"ids": [str(article_id) for article_id, _ in rows], "pairs": values})
        last, filled = str(rows[-1][0]), filled + len(rows)
    return filled
