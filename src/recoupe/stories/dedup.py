"""Wire copies and near-duplicates: which earlier article does this one mostly reproduce?

A body is cut into word shingles (5 consecutive words, after ``normalize_text`` and ``fold``: case-folded,
accents removed, so "ETAT" typed in capitals or "Etat" retyped without its accent still matches "État";
punctuation is dropped, so a re-punctuated copy matches too). Each shingle is hashed to a 64-bit integer.

Two steps find a copy:

1. **Candidates**: a datasketch ``MinHashLSH`` queried at a low *Jaccard* threshold (``candidate_threshold``,
   0.2 by default, weighted towards recall). Plain Jaccard drops when a paragraph is added or cut (a dispatch
   with a second dispatch appended has Jaccard about 0.5 with either), so LSH only proposes.
2. **Verification**: exact shingle **containment** over the stored shingle sets,
   ``|A ∩ B| / min(|A|, |B|)``, accepted at ``threshold`` (0.6 by default, see ``bench/dedup.py``). A copy
   that adds a paragraph, cuts one or gets a new title or first sentence keeps a containment near 1; two
   articles on the same topic share a few stock phrases, well under 0.2.

``CopyMatch.similarity`` is that exact containment (not an estimate). A body whose folded text is identical
to an earlier body is found by hash before any shingling (similarity 1.0).

**Same outlet.** A site republishing its own article (an update, a re-post under a new URL) is not a wire
copy: candidates from the same outlet (names compared case-folded) are skipped, unless the candidate is an
agency dispatch the site hosts (``prefer``: its text is the agency's) and the article is not itself one (a
new version of a dispatch is the agency's, not a copy), so ``add`` returns ``None``
when the only earlier match is the outlet's own article, or the best match from another outlet when there is
one. An article with no outlet (``outlet is None``) is treated as a different outlet from every other.
Re-adding an article id (a revision) replaces its earlier entry and never matches itself.

The index is in memory; a persisted index comes later.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Container, Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from datasketch import MinHash, MinHashLSH

from recoupe.model import Article, normalize_text

__all__ = ["CopyIndex", "CopyMatch", "containment", "shingles"]

SHINGLE_WORDS = 5
DEFAULT_THRESHOLD = 0.6
DEFAULT_CANDIDATE_THRESHOLD = 0.2
MIN_OVERLAP = 8  # shared shingles needed (unless the sets are equal): two stock sentences are not a copy
_SEED = 1
_WORDS = re.compile(r"\w+")
# the combining-mark blocks: removing them after NFKD is ``recoupe.folding.fold`` for Latin, Greek, Cyrillic
_COMBINING = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]")
_MULTIPLIER = np.uint64(0x100000001B3)  # the 64-bit FNV prime
_LOW32 = 0xFFFFFFFF


@dataclass(frozen=True, slots=True)
class CopyMatch:
    """``article_id`` mostly reproduces the body of the earlier ``copy_of``.

    ``similarity`` is the exact shingle containment ``|A ∩ B| / min(|A|, |B|)`` (1.0 for identical bodies).
    """

    article_id: str
    copy_of: str
    similarity: float


@lru_cache(maxsize=1 << 17)
def _word_hash(word: str) -> int:
    return int.from_bytes(hashlib.blake2b(word.encode("utf-8"), digest_size=8).digest(), "little")


def _words(body: str) -> list[str]:
    """Words of ``body`` folded like ``recoupe.folding.fold`` (case-folded, combining accents removed)."""
    decomposed = unicodedata.normalize("NFKD", normalize_text(body).casefold())
    return _WORDS.findall(_COMBINING.sub("", decomposed))


def _shingle_hashes(words: list[str], size: int) -> frozenset[int]:
    """A stable 64-bit polynomial hash of each run of ``size`` words (numpy, wrapping uint64 arithmetic)."""
    if not words:
        return frozenset()
    hashes = np.fromiter((_word_hash(w) for w in words), dtype=np.uint64, count=len(words))
    size = min(size, len(hashes))
    count = len(hashes) - size + 1
    combined = np.zeros(count, dtype=np.uint64)
    for k in range(size):
        combined = combined * _MULTIPLIER + hashes[k : k + count]
    return frozenset(combined.tolist())


def shingles(body: str, size: int = SHINGLE_WORDS) -> frozenset[int]:
    """The 64-bit hashes of the ``size``-word shingles of ``body`` (folded); a shorter body is one shingle."""
    return _shingle_hashes(_words(body), size)


def _low32(value: int) -> int:
    return value & _LOW32


def containment(a: frozenset[int], b: frozenset[int]) -> float:
    """``|a ∩ b| / min(|a|, |b|)``, 0.0 when either is empty."""
    if not a or not b:
        return 0.0
    small, large = (a, b) if len(a) <= len(b) else (b, a)
    return len(small & large) / len(small)


@dataclass(frozen=True, slots=True)
class _Entry:
    outlet: str | None
    shingles: frozenset[int]
    body_key: str
    order: int


class CopyIndex:
    """In-memory wire-copy index: ``add`` articles in publication order; each is checked, then indexed.

    ``threshold`` is the containment an article must reach to be a copy; ``candidate_threshold`` the
    Jaccard threshold the LSH is tuned for (candidates only, every one is verified exactly).
    """

    def __init__(
        self,
        threshold: float = DEFAULT_THRESHOLD,
        num_perm: int = 128,
        *,
        candidate_threshold: float = DEFAULT_CANDIDATE_THRESHOLD,
        shingle_words: int = SHINGLE_WORDS,
    ) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], got {threshold}")
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle_words = shingle_words
        self._lsh = MinHashLSH(threshold=candidate_threshold, num_perm=num_perm, weights=(0.2, 0.8))
        self._permutations = MinHash(num_perm=num_perm, seed=_SEED).permutations
        self._entries: dict[str, _Entry] = {}
        self._by_body: dict[str, list[str]] = {}
        self._added = 0

    def __len__(self) -> int:
        return len(self._entries)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._entries

    def _minhash(self, values: Iterable[int]) -> MinHash:
        minhash = MinHash(
            num_perm=self.num_perm,
            seed=_SEED,
            hashfunc=_low32,
            permutations=self._permutations,
            scheme="affine32",
        )
        minhash.update_batch(list(values))
        return minhash

    def find(self, article: Article) -> CopyMatch | None:
        """The earlier article from another (or unknown) outlet whose body ``article`` mostly reproduces."""
        match, _, _, _ = self._find(article)
        return match

    def add(self, article: Article, prefer: Container[str] = frozenset()) -> CopyMatch | None:
        """Check ``article`` against the index (see ``find``), then index it; return the match or ``None``.

        ``prefer``: ids to match first when several earlier articles pass the threshold (the story engine
        passes the agency dispatches: a reprint is the copy of the agency's text, not of another reprint).
        """
        match, body_key, values, minhash = self._find(article, prefer)
        self._remove(article.id)
        if values:
            self._entries[article.id] = _Entry(_outlet_key(article.outlet), values, body_key, self._added)
            self._by_body.setdefault(body_key, []).append(article.id)
            self._lsh.insert(article.id, minhash if minhash is not None else self._minhash(values))
            self._added += 1
        return match

    def _find(
        self, article: Article, prefer: Container[str] = frozenset()
    ) -> tuple[CopyMatch | None, str, frozenset[int], MinHash | None]:
        words = _words(article.body)
        body_key = hashlib.sha256(" ".join(words).encode("utf-8")).hexdigest()
        outlet = _outlet_key(article.outlet)

        def hosted(other_id: str) -> bool:  # a dispatch the site hosts, and this article is not the agency's
            return other_id in prefer and article.id not in prefer

        for other_id in self._by_body.get(body_key, ()):
            same = _same_outlet(outlet, self._entries[other_id].outlet) and not hosted(other_id)
            if other_id != article.id and not same:
                return CopyMatch(article.id, other_id, 1.0), body_key, self._entries[other_id].shingles, None
        values = _shingle_hashes(words, self.shingle_words)
        if not values or not self._entries:
            return None, body_key, values, None
        minhash = self._minhash(values)
        best: tuple[bool, float, int, str] | None = None
        for other_id in self._lsh.query(minhash):
            entry = self._entries[other_id]
            # a site's own article is no copy of its own earlier one, but it is of the agency dispatch the site
            # hosts (``prefer``): Le Point's rewrite of the AFP text it also runs copies AFP, not a reprint
            if other_id == article.id or (_same_outlet(outlet, entry.outlet) and not hosted(other_id)):
                continue
            score = self._containment(values, entry.shingles)
            if score is None:
                continue
            # best containment first; on a tie, the earliest indexed article (the original, not a copy of it)
            preferred = other_id in prefer
            if best is None or (preferred, score, -entry.order) > (best[0], best[1], -best[2]):
                best = (preferred, score, entry.order, other_id)
        if best is None:
            return None, body_key, values, minhash
        return CopyMatch(article.id, best[3], round(best[1], 4)), body_key, values, minhash

    def _containment(self, a: frozenset[int], b: frozenset[int]) -> float | None:
        """How much of the shorter of two bodies' shingles the other holds, if enough for a copy (at least
        ``threshold`` and ``MIN_OVERLAP`` shingles, or the same shingles); ``None`` otherwise."""
        shared = len(a & b)
        score = shared / min(len(a), len(b))
        if score < self.threshold or (shared < MIN_OVERLAP and a != b):
            return None
        return score

    def copies_of(self, article_id: str, prefer: Container[str] = frozenset()) -> list[CopyMatch]:
        """The indexed articles whose body mostly reproduces the indexed ``article_id``'s (each a ``CopyMatch``
        of that article to ``article_id``), the other way round from ``find``: by the same rules, a site's own
        article counting as the copy of a ``prefer``-ed dispatch the site hosts whichever was read first.

        The story engine asks it of an agency dispatch it has just read, so that reprints read before the
        dispatch (a page dated before the agency's stamp) are the dispatch's copies, not another site's.
        """
        entry = self._entries.get(article_id)
        if entry is None:
            return []
        found = []
        for other_id in self._lsh.query(self._minhash(entry.shingles)):
            other = self._entries[other_id]
            hosted = (other_id in prefer) != (article_id in prefer)
            if other_id == article_id or (_same_outlet(entry.outlet, other.outlet) and not hosted):
                continue
            score = self._containment(other.shingles, entry.shingles)
            if score is not None:
                found.append(CopyMatch(other_id, article_id, round(score, 4)))
        return sorted(found, key=lambda match: (-match.similarity, match.article_id))

    def _remove(self, article_id: str) -> None:
        entry = self._entries.pop(article_id, None)
        if entry is None:
            return
        self._lsh.remove(article_id)
        ids = self._by_body[entry.body_key]
        ids.remove(article_id)
        if not ids:
            del self._by_body[entry.body_key]


def _outlet_key(outlet: str | None) -> str | None:
    return normalize_text(outlet).casefold() if outlet and outlet.strip() else None


def _same_outlet(a: str | None, b: str | None) -> bool:
    return a is not None and a == b
