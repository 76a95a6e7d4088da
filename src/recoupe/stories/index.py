"""Nearest-neighbour search over article embeddings within a time window: candidates for story assignment.

``VectorIndex`` keeps L2-normalised float32 embeddings keyed by article id (16 lowercase hex characters,
stored as the uint64 ``int(article_id, 16)``) in usearch indexes, compared by cosine similarity.

**Shards.** One usearch index per calendar month of the article's day (a proleptic ordinal), "2024-03",
plus "undated". A dated query (``day``, ``window``) reads the months that ``[day - window, day + window]``
touches and "undated"; an undated query reads every shard. Re-adding an id replaces it, in its new month.
``SHARD_PERIOD = "week"`` shards by ISO week ("2024-W10", Monday to Sunday) instead, kept to measure: at
1,000 articles a day a week (7,000) falls under the exact threshold, so a window's 1-2 weeks are searched
exhaustively: exact, but about 3x the time of one HNSW month (``bench/README_stories_scale.md``). The
manifest records the period; an index of another period or format version does not load.

**Window filter.** usearch has no filtered search in Python: a shard is asked for its ``count`` nearest
articles and those dated outside the window are dropped (undated ones are kept). ``count`` starts at
``k / (share of the shard in the window) x OVERSAMPLE`` and doubles until the shard's in-window top ``k`` is
settled (a less similar match came after the k-th) or the last match is below the bar: the k-th best of
the shards read before (fullest first, so a shard the window only clips takes one small probe) or
``min_similarity``, which (set to the caller's attach threshold) saves most of the work at scale. With a
bar, the first probe is small (``EXPANSION_SEARCH`` matches, or the share of earlier shards that passed) and
grows until a match falls below it, so ``search(k=4096, min_similarity=floor)`` costs about what the
matches above the floor do: every in-window article at or above the floor (exactly so on exact shards).

**Exactness.** Shards of at most ``Tuning.exact_threshold`` articles (10,000) are searched exhaustively:
exact results, for 1.8x the time of HNSW at 10k f16 vectors, 1.4x at 5k (``bench/stories_scale.py``).
Larger shards use HNSW (recall@10 about 0.98 at 1M articles), exhaustive once ``count`` passes
``size / EXHAUSTIVE_RATIO``. Results are sorted by similarity, then id: exhaustive shards answer the same
for the same content; HNSW shards within one build (a graph built by several threads varies).

**Persistence.** ``save`` writes each changed shard to a new ``<shard>.<random>.npz`` (a CRC-checked zip:
usearch loads damaged bytes without complaint) with the usearch index, keys and days, then
``manifest.json`` (format version, dim, dtype, file and count per shard), each by temporary file, fsync and
``os.replace``, then deletes unlisted files: the manifest switch commits, a crash keeps the last snapshot.
``load`` raises ``StoreError`` on a missing, damaged or inconsistent folder.

**Rebuild.** The store is the source of truth, this index a cache: compare ``counts()`` (per shard) with
the store (a crash between a database commit and ``save`` leaves them apart) and ``VectorIndex.rebuild``
from ``(id, day, vector)`` items when they differ.

**Threads and processes.** Not thread-safe: one lock around writes (``add*``, ``remove``, ``save``) and
searches. ``add_many`` uses ``Tuning.threads`` usearch threads (0: all cores), a search one. A forked
worker can search (and change) its own copy; its changes reach neither the parent nor the files.
"""

from __future__ import annotations

import calendar
import heapq
import io
import itertools
import json
import math
import operator
import os
import re
import secrets
import sys
import zipfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
from numpy.typing import NDArray
from usearch.index import Index

from recoupe.errors import StoreError

__all__ = ["DTYPES", "EXACT_THRESHOLD", "UNDATED", "Tuning", "VectorIndex", "shard_name"]

FORMAT = "recoupe-vector-index"
FORMAT_VERSION = 2  # 1: month shards, no "period" in the manifest
MANIFEST = "manifest.json"
UNDATED = "undated"
DTYPES = ("f32", "f16", "i8")  # how usearch stores vectors: f16 halves f32 memory; i8 is coarser still
PERIODS = ("week", "month")
SHARD_PERIOD = "month"  # how dated articles are sharded; "week" to measure the difference
EXACT_THRESHOLD = 10_000  # shards up to this size are searched exhaustively (exact results)
CONNECTIVITY = 16  # HNSW edges per node ("M")
EXPANSION_ADD = 64  # HNSW build depth: 1.5x faster than usearch's 128 for 0.5 point of recall@10
EXPANSION_SEARCH = 64  # HNSW search depth; a query for more than this many matches searches deeper
OVERSAMPLE = 1.3  # first query asks the shard for k / (share inside the window) x this
GROWTH = 2  # next query asks for this many times more
EXHAUSTIVE_RATIO = 25  # HNSW for `count` matches costs what exhaustive search of 25 x `count` vectors does
_ENTRY_BYTES = 72  # per article in the id -> day map: a dict slot, a 64-bit int key, a share of a day int
_ID = re.compile(r"[0-9a-f]{16}")
_SHARD = re.compile(r"\d{4}-W?\d{2}|undated")
_FILE = re.compile(r"(?:\d{4}-W?\d{2}|undated)\.[0-9a-f]{8}\.npz(?:\.tmp)?|manifest\.json\.tmp")
_MAX_DAY = date.max.toordinal()
_NO_DAY = 0  # the stored day of an undated article (ordinals start at 1)
Item = tuple[str, int | None, NDArray[np.float32]]  # what rebuild takes: (article_id, day, vector)


def _key(article_id: str) -> int:
    if not isinstance(article_id, str) or _ID.fullmatch(article_id) is None:
        raise ValueError(f"an article id is 16 lowercase hex characters, not {article_id!r}")
    return int(article_id, 16)


def _day(day: int | None) -> int:
    value = _NO_DAY if day is None else operator.index(day)  # TypeError for a float or a str
    if day is not None and not 1 <= value <= _MAX_DAY:
        raise ValueError(f"day {value} is not a date ordinal (1 to {_MAX_DAY})")
    return value


def shard_name(day: int | None) -> str:
    """The shard of an article published on ``day`` (a date ordinal): its month "YYYY-MM" (or ISO week
    "YYYY-Www" under ``SHARD_PERIOD = "week"``), or "undated"."""
    return _shard_name(day, SHARD_PERIOD)


@lru_cache(maxsize=1 << 16)
def _shard_name(day: int | None, period: str) -> str:
    if day is None or day == _NO_DAY:
        return UNDATED
    when = date.fromordinal(day)
    if period == "week":
        year, week, _ = when.isocalendar()
        return f"{year:04d}-W{week:02d}"
    return f"{when.year:04d}-{when.month:02d}"


def _span(name: str) -> tuple[int, int]:
    """The first and last day ordinals of a dated shard."""
    year = int(name[:4])
    if name[5] == "W":
        first = date.fromisocalendar(year, int(name[6:]), 1).toordinal()
        return first, first + 6
    month = int(name[5:])
    first = date(year, month, 1).toordinal()
    return first, first + calendar.monthrange(year, month)[1] - 1


def _new_usearch(dim: int, dtype: str) -> Any:  # usearch's Index, whose methods return loose unions
    return Index(
        ndim=dim,
        metric="cos",
        dtype=dtype,
        connectivity=CONNECTIVITY,
        expansion_add=EXPANSION_ADD,
        expansion_search=EXPANSION_SEARCH,
    )


@dataclass(slots=True, eq=False)
class _Shard:
    """One month (or week, or "undated"): its usearch index and how many of its articles fall on each day."""

    name: str
    index: Any
    per_day: dict[int, int] = field(default_factory=dict)
    first: int = 0  # the shard's first and last day ordinals (0, 0 for "undated")
    last: int = 0

    @classmethod
    def new(cls, name: str, index: Any) -> _Shard:
        if name == UNDATED:
            return cls(name, index)
        first, last = _span(name)
        return cls(name, index, first=first, last=last)

    def inside(self, low: int | None, high: int | None) -> int:
        """How many of this shard's articles a query for days ``low..high`` (``None``: any) accepts."""
        size: int = len(self.index)
        if low is None or high is None or self.name == UNDATED or (low <= self.first and self.last <= high):
            return size
        if self.last < low or self.first > high:
            return 0
        return sum(count for day, count in self.per_day.items() if low <= day <= high)


@dataclass(frozen=True, slots=True)
class Tuning:
    """How an index is searched and built; not stored with it. ``threads``: usearch threads for ``add_many``
    (0: all cores). ``exact_threshold``: shards up to this size are searched exhaustively (exact)."""

    exact_threshold: int = EXACT_THRESHOLD
    threads: int = 0


def _write_atomic(path: Path, data: bytes) -> None:
    temporary = path.with_name(path.name + ".tmp")
    try:
        with temporary.open("wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        temporary.replace(path)
    finally:
        temporary.unlink(missing_ok=True)


class VectorIndex:
    """Month-sharded cosine index of article embeddings; see the module docstring."""

    def __init__(self, dim: int, *, path: Path | None = None, dtype: str = "f16", tuning: Tuning = Tuning()) -> None:
        if isinstance(dim, bool) or not isinstance(dim, int) or dim < 1:
            raise ValueError(f"dim must be a positive int, not {dim!r}")
        if dtype not in DTYPES:
            raise ValueError(f"dtype must be one of {', '.join(DTYPES)}, not {dtype!r}")
        if path is not None and (Path(path) / MANIFEST).exists():
            raise StoreError("holds a vector index already: VectorIndex.load or .rebuild it", where=str(path))
        self._dim = dim
        self._dtype = dtype
        self._path = None if path is None else Path(path)
        self.tuning = tuning
        self._shards: dict[str, _Shard] = {}
        self._days: dict[int, int] = {}  # key -> day ordinal (_NO_DAY when undated)
        self._dirty: set[str] = set()
        self._files: dict[str, str] = {}  # shard -> its file in path, as last saved or loaded

    @property
    def dim(self) -> int:
        return self._dim

    @property
    def dtype(self) -> str:
        return self._dtype

    @property
    def path(self) -> Path | None:
        return self._path

    def __len__(self) -> int:
        return len(self._days)

    def __contains__(self, article_id: object) -> bool:
        return (
            isinstance(article_id, str) and _ID.fullmatch(article_id) is not None and int(article_id, 16) in self._days
        )

    def day_of(self, article_id: str) -> int | None:
        """The day stored with ``article_id`` (``None``: undated); ``KeyError`` if it is not indexed."""
        day = self._days.get(_key(article_id))
        if day is None:
            raise KeyError(article_id)
        return None if day == _NO_DAY else day

    def counts(self) -> dict[str, int]:
        """Articles per shard, by shard name, to compare with the store."""
        return {name: len(self._shards[name].index) for name in sorted(self._shards)}

    def memory_bytes(self) -> int:
        """Approximate memory held: the usearch indexes (their serialized size: vectors, graph, keys; usearch's
        ``memory_usage`` counts its 16 MiB arenas whole, 36 x 16 MiB for 10k articles) and the id -> day map."""
        held: int = sum(shard.index.serialized_length for shard in self._shards.values())
        return held + sys.getsizeof(self._days) + _ENTRY_BYTES * len(self._days)

    def _matrix(self, vectors: NDArray[np.float32], rows: int) -> NDArray[np.float32]:
        matrix = np.asarray(vectors, dtype=np.float32)
        if matrix.ndim == 1 and rows == 1:
            matrix = matrix.reshape(1, -1)
        if matrix.shape != (rows, self._dim):
            raise ValueError(f"expected {rows} vector(s) of {self._dim} dimensions, got shape {matrix.shape}")
        if not (np.isfinite(matrix).all() and matrix.any(axis=1).all()):
            bad = np.flatnonzero(~np.isfinite(matrix).all(axis=1) | ~matrix.any(axis=1))
            raise ValueError(f"vector {int(bad[0])} is all zeros or not finite: it has no direction to compare")
        return np.ascontiguousarray(matrix)

    def add(self, article_id: str, day: int | None, vector: NDArray[np.float32]) -> None:
        """Index ``vector`` for ``article_id`` published on ``day``, replacing any earlier entry."""
        self.add_many([article_id], [day], np.asarray(vector, dtype=np.float32).reshape(1, -1))

    def add_many(self, ids: Sequence[str], days: Sequence[int | None], vectors: NDArray[np.float32]) -> None:
        """``add`` for many articles at once (one usearch call per shard); a repeated id: the last wins."""
        if len(days) != len(ids):
            raise ValueError(f"{len(ids)} ids but {len(days)} days")
        matrix = self._matrix(vectors, len(ids))
        keys = [_key(article_id) for article_id in ids]
        ordinals = [_day(day) for day in days]
        last = {key: row for row, key in enumerate(keys)}
        rows = range(len(keys)) if len(last) == len(keys) else sorted(last.values())
        self._discard([key for key in last if key in self._days])
        groups: dict[str, list[int]] = {}
        for row in rows:
            groups.setdefault(shard_name(ordinals[row]), []).append(row)
        for name, members in groups.items():
            shard = self._shards.get(name)
            if shard is None:
                shard = self._shards[name] = _Shard.new(name, _new_usearch(self._dim, self._dtype))
            shard_keys = np.fromiter((keys[row] for row in members), dtype=np.uint64, count=len(members))
            shard.index.add(shard_keys, matrix[members], threads=self.tuning.threads)
            for row in members:
                day = ordinals[row]
                self._days[keys[row]] = day
                shard.per_day[day] = shard.per_day.get(day, 0) + 1
            self._dirty.add(name)

    def remove(self, article_id: str) -> None:
        """Drop ``article_id`` from the index; nothing happens if it is not there."""
        self._discard([_key(article_id)])

    def _discard(self, keys: list[int]) -> None:
        groups: dict[str, list[int]] = {}
        for key in keys:
            day = self._days.pop(key, None)
            if day is not None:
                groups.setdefault(shard_name(day), []).append(key)
                shard = self._shards[shard_name(day)]
                shard.per_day[day] -= 1
                if not shard.per_day[day]:
                    del shard.per_day[day]
        for name, members in groups.items():
            self._shards[name].index.remove(np.asarray(members, dtype=np.uint64))
            self._dirty.add(name)
            if not len(self._shards[name].index):
                del self._shards[name]

    def search(
        self,
        vector: NDArray[np.float32],
        day: int | None,
        *,
        window: int,
        k: int = 32,
        min_similarity: float | None = None,
    ) -> list[tuple[str, float]]:
        """The ``k`` indexed articles most similar to ``vector``: ``(article_id, cosine)``, best first.

        With a ``day``: only articles dated ``day - window`` to ``day + window``, plus undated ones. With
        ``day=None``: all articles. The query's own article, if indexed, is not left out. With
        ``min_similarity``, less similar articles are left out, which saves most of the work at scale.
        """
        query = self._matrix(vector, 1)[0]
        window, k = operator.index(window), operator.index(k)
        if window < 0 or k < 1:
            raise ValueError(f"window must be >= 0 and k >= 1, not window={window}, k={k}")
        low = high = None
        shards = list(self._shards.values())
        if day is not None:
            low, high = _day(day) - window, _day(day) + window
            if high - low < 800:  # the shards the window touches, found by stepping no more than a shard
                first, last, step = max(low, 1), min(high, _MAX_DAY), 7 if SHARD_PERIOD == "week" else 28
                names = {shard_name(d) for d in range(first, last, step)} | {shard_name(last), UNDATED}
                shards = [self._shards[name] for name in names if name in self._shards]
        plan = [(inside, shard) for shard in shards if (inside := shard.inside(low, high))]
        plan.sort(key=lambda item: (-item[0] / len(item[1].index), item[1].name))  # fullest first
        floor = -math.inf if min_similarity is None else float(min_similarity)
        found: list[tuple[float, int]] = []
        seen = 0  # in-window articles in the shards searched so far
        for inside, shard in plan:
            bar = max(floor, heapq.nlargest(k, found)[-1][0] if len(found) >= k else -math.inf)
            share = sum(1 for hit in found if hit[0] >= bar) / seen if seen else 0.0
            found += self._search_shard(shard, query, (low, high), k=k, bar=bar, share=share)
            seen += inside
        found.sort(key=lambda hit: (-hit[0], hit[1]))
        return [(f"{key:016x}", similarity) for similarity, key in found[:k] if similarity >= floor]

    def _search_shard(
        self,
        shard: _Shard,
        query: NDArray[np.float32],
        days: tuple[int | None, int | None],
        *,
        k: int,
        bar: float,
        share: float,
    ) -> list[tuple[float, int]]:
        """The shard's in-window ``(similarity, key)`` matches that can be in the top ``k``: its own top ``k``
        (with ties), or fewer when the rest are below ``bar`` (the k-th best of earlier shards, or the floor);
        ``share``: the part of the earlier shards' in-window articles that passed the bar."""
        size: int = len(shard.index)
        low, high = days
        inside = shard.inside(low, high)
        want = min(k, inside)
        # nothing to filter out: one more than wanted shows whether the last one ties; else enough to hold `want`
        count = want + 1 if inside == size else math.ceil(want * size / inside * OVERSAMPLE)
        if bar > -math.inf:  # about `share` of this shard passes the bar too: a probe for those may be enough
            count = min(count, max(EXPANSION_SEARCH, math.ceil(share * size * OVERSAMPLE)))
        count = min(count, size)
        exact = size <= self.tuning.exact_threshold
        while True:
            exact = exact or count * EXHAUSTIVE_RATIO >= size  # then exhaustive is faster, and exact
            matches = shard.index.search(query, count, exact=exact, threads=1)
            keys, similarities = matches.keys, 1.0 - matches.distances.astype(np.float64)
            last = 1.0 - float(matches.distances[-1]) if len(keys) else -math.inf  # the least similar match
            if low is not None and high is not None and inside < size:
                stored = np.fromiter(map(self._days.__getitem__, keys.tolist()), dtype=np.int64, count=len(keys))
                keep = (stored >= low) & (stored <= high)
                keys, similarities = keys[keep], similarities[keep]
            if len(keys) >= want and last < similarities[want - 1]:
                keep = similarities >= max(bar, similarities[want - 1])  # a lesser match came after: settled
                return list(zip(similarities[keep].tolist(), keys[keep].tolist(), strict=True))
            # nothing unseen is more similar than the last match (exactly so when exhaustive)
            if count >= size or last < bar or not len(matches.keys):
                keep = similarities >= bar  # the rest cannot be among the top `k` (or are under the floor)
                return list(zip(similarities[keep].tolist(), keys[keep].tolist(), strict=True))
            count = min(size, count * GROWTH)

    def save(self) -> None:
        """Write the changed shards, then the manifest (the commit); a no-op for an in-memory index."""
        if self._path is None:
            return
        folder = self._path
        files = {name: file for name, file in self._files.items() if name in self._shards}
        try:
            folder.mkdir(parents=True, exist_ok=True)
            for name in sorted(self._dirty | (self._shards.keys() - files.keys())):
                files.pop(name, None)
                if name in self._shards:
                    files[name] = f"{name}.{secrets.token_hex(4)}.npz"
                    _write_atomic(folder / files[name], self._dump(self._shards[name]))
            shards = {name: {"file": files[name], "count": len(self._shards[name].index)} for name in sorted(files)}
            head = {"format": FORMAT, "version": FORMAT_VERSION, "dim": self._dim, "dtype": self._dtype}
            manifest = head | {"metric": "cos", "period": SHARD_PERIOD, "shards": shards}
            _write_atomic(folder / MANIFEST, json.dumps(manifest, indent=1, sort_keys=True).encode("utf-8"))
            if os.name == "posix":  # make the renames durable
                handle = os.open(folder, os.O_RDONLY)
                try:
                    os.fsync(handle)
                finally:
                    os.close(handle)
        except OSError as error:
            raise StoreError(f"cannot write the vector index: {error}", where=str(folder)) from error
        self._files = files
        self._dirty.clear()
        keep = set(files.values())
        for leftover in folder.iterdir():
            if _FILE.fullmatch(leftover.name) and leftover.name not in keep:
                leftover.unlink(missing_ok=True)

    def _dump(self, shard: _Shard) -> bytes:
        keys = shard.index.keys[0 : len(shard.index)].astype(np.uint64)
        days = np.fromiter((self._days[key] for key in keys.tolist()), dtype=np.int64, count=len(keys))
        stream = io.BytesIO()
        np.savez(stream, keys=keys, days=days, index=np.frombuffer(shard.index.save(), dtype=np.uint8))
        return stream.getvalue()

    @classmethod
    def load(
        cls, path: Path, *, dim: int | None = None, dtype: str | None = None, tuning: Tuning = Tuning()
    ) -> VectorIndex:
        """Reopen what ``save`` wrote at ``path``; ``dim``/``dtype``, when given, must match it.

        Raises ``StoreError`` when the folder has no index, a file is unreadable or corrupt, or the manifest,
        the files and the expected ``dim``/``dtype`` disagree.
        """
        folder = Path(path)
        try:
            manifest = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            raise StoreError(f"no readable vector index manifest: {error}", where=str(folder)) from error
        manifest = manifest if isinstance(manifest, dict) else {}
        stored_dim, stored_dtype, shards = manifest.get("dim"), manifest.get("dtype"), manifest.get("shards")
        if manifest.get("version") != FORMAT_VERSION or manifest.get("period") != SHARD_PERIOD:
            found = f"format {manifest.get('version')!r}, {manifest.get('period') or 'month'} shards"
            raise StoreError(
                f"vector index of {found}, not format {FORMAT_VERSION}, {SHARD_PERIOD} shards: rebuild it",
                where=str(folder),
            )
        if manifest.get("format") != FORMAT or not isinstance(stored_dim, int) or stored_dtype not in DTYPES:
            raise StoreError("manifest.json is not a valid recoupe vector index manifest", where=str(folder))
        for wanted, stored in ((dim, stored_dim), (dtype, stored_dtype)):
            if wanted is not None and wanted != stored:
                raise StoreError(
                    f"index holds {stored_dim}-dim {stored_dtype} vectors, not {wanted}", where=str(folder)
                )
        index = cls(stored_dim, dtype=str(stored_dtype), tuning=tuning)
        index._path = folder
        for name, entry in sorted(shards.items() if isinstance(shards, dict) else [("", None)]):
            file, count = (entry.get("file"), entry.get("count")) if isinstance(entry, dict) else (None, None)
            if not (_SHARD.fullmatch(name) and isinstance(file, str) and _FILE.fullmatch(file) and type(count) is int):
                raise StoreError(f"manifest.json has a bad shard entry {name!r}: {entry!r}", where=str(folder))
            index._restore(name, folder / file, count)
            index._files[name] = file
        return index

    def _restore(self, name: str, file: Path, count: int) -> None:
        try:
            with file.open("rb") as stream, np.load(stream, allow_pickle=False) as data:
                keys, days, blob = data["keys"], data["days"], data["index"]
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as error:
            raise StoreError(f"unreadable index shard ({error}): rebuild the index", where=str(file)) from error
        if keys.dtype != np.uint64 or days.dtype != np.int64 or keys.shape != (count,) or days.shape != (count,):
            raise StoreError(f"shard file does not hold {count} keys and days as the manifest says", where=str(file))
        fresh = _new_usearch(self._dim, self._dtype)
        try:
            meta = Index.metadata(blob) or {}
            described = (meta.get("dimensions"), meta.get("kind_scalar"), meta.get("count_present"))
            if described == (self._dim, fresh.dtype, count):
                fresh.load(blob)
        except (RuntimeError, ValueError) as error:
            raise StoreError(f"unreadable usearch data: {error}", where=str(file)) from error
        unique_days, inverse, per_day = np.unique(days, return_inverse=True, return_counts=True)
        day_objects = unique_days.tolist()  # one int object per distinct day, shared by its articles
        if len(fresh) != count or not fresh.contains(keys).all() or any(shard_name(d) != name for d in day_objects):
            raise StoreError(f"usearch data, keys and days disagree (manifest: {count})", where=str(file))
        before = len(self._days)
        self._days.update(zip(keys.tolist(), [day_objects[i] for i in inverse.tolist()], strict=True))
        if len(self._days) != before + count:
            raise StoreError("an article appears twice (in this shard or an earlier one)", where=str(file))
        self._shards[name] = _Shard.new(name, fresh)
        self._shards[name].per_day = dict(zip(day_objects, per_day.tolist(), strict=True))

    @classmethod
    def rebuild(
        cls,
        dim: int,
        path: Path | None,
        items: Iterable[Item],
        dtype: str = "f16",
        *,
        batch: int = 50_000,
        tuning: Tuning = Tuning(),
    ) -> VectorIndex:
        """A new index of ``items`` (``(article_id, day, vector)``), added ``batch`` at a time, saved over
        whatever index ``path`` held (``None``: in memory only)."""
        index = cls(dim, dtype=dtype, tuning=tuning)
        stream = iter(items)
        while chunk := list(itertools.islice(stream, batch)):
            for article_id, _, vector in chunk:
                if np.shape(vector) != (dim,):
                    raise ValueError(f"vector of {article_id!r} has shape {np.shape(vector)}, expected ({dim},)")
            index.add_many([c[0] for c in chunk], [c[1] for c in chunk], np.stack([c[2] for c in chunk]))
        if path is not None:
            index._path = Path(path)
            index.save()
        return index
