"""Story assignment for stored articles: embed, find wire copies, link, re-cluster the touched component.

``StoryEngine.update(ids)`` runs after articles are stored and enriched (entities weigh in the score):

1. **Embed** each article whose embedded text (``embedding_text``) is new; a text already embedded for any
   article reuses that vector, so nothing is embedded twice. Vectors go to the store (float16) and to the
   vector index (``VectorIndex``, beside the database; a rebuildable cache, rebuilt from the store when
   its counts disagree, e.g. after a crash between the two writes).
2. **Wire copies**: each new article is checked against the articles published within the window around
   it (``CopyIndex``); a copy is marked ``copy_of`` its original (the earlier one of the two).
3. **Edges**: the index's nearest neighbours within ``window_days`` are scored (``cluster.pair_scores``);
   pairs at or above the threshold are stored as edges.
4. **Re-cluster** the connected component of the new articles (whole stories only) with average link and
   store each article's story, the stories' rows and the redirects of merged stories (``cluster``).

Every write of one call happens in one transaction, so a killed run leaves the store consistent; an
article embedded but not assigned (killed in between) is picked up by the next ``update`` or ``recluster``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from recoupe.enrich.embed import Embedder, embedding_text
from recoupe.model import DatePrecision, EmbeddingRow
from recoupe.stories.cluster import ClusterItem, StoryParams, cluster_items, idf_of, name_clusters, pair_scores
from recoupe.stories.dedup import CopyIndex
from recoupe.stories.genre import genre_of, is_news
from recoupe.stories.index import MANIFEST, VectorIndex
from recoupe.stories.lexical import HEAD_CHARS, LexicalIndex, lexical_text
from recoupe.stories.story import summarise
from recoupe.stories.wire import Credit, dispatch_of

if TYPE_CHECKING:
    from recoupe.config import Settings
    from recoupe.model import Article, StoryMember
    from recoupe.store import Store, StoryTx

__all__ = [
    "StoryEngine",
    "StoryReport",
    "check_vector_index",
    "index_path_for",
    "manifest_stamp",
    "vector_index_problems",
]

MAX_NEIGHBOURS = 4096  # candidates asked of the index at most, per article


@dataclass(slots=True)
class StoryReport:
    """What an update did."""

    embedded: int = 0
    reused: int = 0
    copies: int = 0
    assigned: int = 0
    stories: int = 0
    merged: int = 0

    def add(self, other: StoryReport) -> None:
        for name in ("embedded", "reused", "copies", "assigned", "stories", "merged"):
            setattr(self, name, getattr(self, name) + getattr(other, name))

    def to_dict(self) -> dict[str, int]:
        return {
            "embedded": self.embedded,
            "reused_vectors": self.reused,
            "copies": self.copies,
            "assigned": self.assigned,
            "stories_updated": self.stories,
            "merged": self.merged,
        }


def index_path_for(db: str) -> Path | None:
    """The vector index folder beside an SQLite database file (``None`` for in-memory or server databases)."""
    if "://" in db:
        if not db.startswith("sqlite:///"):
            return None
        db = db.removeprefix("sqlite:///")
    if not db or db == ":memory:" or db.startswith("file:"):
        return None
    return Path(db).expanduser().with_name(Path(db).name + ".vectors")


def _text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _head(article: Article) -> str:
    """The article's head as ``StoryMember.head`` reads it: lead and start of the body."""
    return "\n".join(part for part in (article.lead, article.body[:HEAD_CHARS]) if part)


def manifest_stamp(path: Path | None) -> tuple[int, int] | None:
    """When and how the vector index at ``path`` was last written (its manifest's change time and inode)."""
    if path is None:
        return None
    try:
        status = (path / MANIFEST).stat()
    except OSError:
        return None
    return status.st_mtime_ns, status.st_ino


def check_vector_index(store: Store, settings: Settings) -> list[str]:
    """``vector_index_problems`` for the index of the settings' database and embedder (no model is loaded)."""
    from recoupe.enrich.embed import make_embedder

    path = index_path_for(settings.db)
    embedder = make_embedder(settings.embedder)
    return [] if path is None else vector_index_problems(store, embedder.name, path, dim=embedder.dim)


def vector_index_problems(store: Store, embedder_name: str, path: Path, *, dim: int | None = None) -> list[str]:
    """What is wrong with the vector index at ``path`` against the store's vectors of ``embedder_name``:
    unreadable, vectors missing from it, or vectors the store does not hold (``recoupe check``).

    No index yet is no problem (it is built when stories are next assigned), and neither is the index of
    another embedder (``dim`` differs: a run with these settings rebuilds it; there is nothing to compare).
    """
    if not (path / MANIFEST).is_file():
        return []
    try:
        index = VectorIndex.load(path)
    except Exception as exc:  # noqa: BLE001 - whatever the damage, the check reports it
        return [f"vector index {path}: cannot be read ({type(exc).__name__}: {exc})"]
    if dim is not None and index.dim != dim:
        return []
    with store.story_tx(write=False) as tx:
        stored = [article_id for article_id, _day, _vector in tx.iter_embeddings(embedder_name)]
    missing = sum(1 for article_id in stored if article_id not in index)
    extra = len(index) - (len(stored) - missing)
    if not missing and not extra:
        return []
    problem = (
        f"vector index {path}: {len(stored) - missing} of the store's {len(stored)} vectors "
        f"({missing} missing, {extra} not in the store); a cache: delete it and it is rebuilt from the store "
        "when stories are next assigned"
    )
    return [problem]


class StoryEngine:
    """Assigns stored articles to stories. One per process; ``close`` saves the vector index."""

    def __init__(
        self,
        store: Store,
        embedder: Embedder,
        params: StoryParams,
        *,
        index_path: Path | None = None,
        copy_threshold: float = 0.6,
    ) -> None:
        self.store = store
        self.embedder = embedder
        self.params = params
        self.copy_threshold = copy_threshold
        self._index_path = index_path
        self._index: VectorIndex | None = None
        self._stamp: tuple[int, int] | None = None  # the index manifest as this engine last loaded or wrote it
        self._copies = CopyIndex(copy_threshold)
        self._copy_days: set[int] = set()
        self._order: dict[str, str] = {}
        self._lexical = LexicalIndex()  # document frequencies of the words of the articles read
        self._agency: set[str] = set()  # articles that are an agency's dispatch (their stamps say so)
        self._rank: dict[str, int] = {}  # the order the engine first read articles in (first seen, first)

    @classmethod
    def from_settings(
        cls, store: Store, settings: Settings, *, threads: int = 1, embedder: Embedder | None = None
    ) -> StoryEngine:
        """The engine the settings describe: their embedder and calibration, the index beside the database.

        ``embedder``: one already loaded (a server shares its own) instead of a new one from the settings.
        """
        from recoupe.enrich.embed import make_embedder

        embedder = embedder or make_embedder(settings.embedder, threads=threads)
        params = StoryParams.resolve(
            embedder.name, threshold=settings.story_threshold, window_days=settings.story_window_days
        )
        return cls(
            store,
            embedder,
            params,
            index_path=index_path_for(settings.db),
            copy_threshold=settings.copy_threshold,
        )

    # -- the vector index ---------------------------------------------------------------------------

    @property
    def index(self) -> VectorIndex:
        if self._index is None:
            self._index = self._open_index()
            self._stamp = manifest_stamp(self._index_path)
        return self._index

    def _open_index(self) -> VectorIndex:
        model, dim, path = self.embedder.name, self.embedder.dim, self._index_path
        with self.store.story_tx(write=False) as tx:
            stored = tx.embedding_count(model)
        if path is not None and (path / "manifest.json").is_file():
            try:
                index = VectorIndex.load(path)
                if index.dim == dim and len(index) == stored:
                    return index
            except Exception:  # noqa: BLE001, S110 - an unreadable cache is rebuilt from the store below
                pass
        with self.store.story_tx(write=False) as tx:
            items = list(tx.iter_embeddings(model))
        return VectorIndex.rebuild(dim, path, items)  # saved as it is built

    def close(self) -> None:
        """Save the vector index, unless another engine (another process) wrote a newer one meanwhile.

        Saved under ``Store.assigning``: an engine closing after another one stored more vectors would
        otherwise write its older copy over the newer one (a lagging index; ``recoupe check`` says so).
        """
        if self._index is None:
            return
        with self.store.assigning():
            if manifest_stamp(self._index_path) == self._stamp:
                self._save_index()

    # -- update -------------------------------------------------------------------------------------

    def update(self, ids: Sequence[str], *, force: bool = False) -> StoryReport:
        """Embed, mark copies and assign to stories the stored articles ``ids`` that need it.

        An article needs it when it has no embedding for its current text or is in no story; with
        ``force``, every article in ``ids`` is linked and re-clustered again (``recluster``).
        """
        if not ids:
            return StoryReport()
        with self.store.assigning():  # one assignment at a time, across processes
            self._catch_up()
            return self._update(ids, force=force)

    def _catch_up(self) -> None:
        """Forget what this engine keeps in memory when another engine (another process) assigned meanwhile.

        The vector index then no longer holds as many vectors as the store: it is reopened (rebuilt from the
        store), and the copy index is primed again, so that articles the other engine stored are found.
        """
        if self._index is None:
            return
        with self.store.story_tx(write=False) as tx:
            stored = tx.embedding_count(self.embedder.name)
        if stored != len(self._index) or manifest_stamp(self._index_path) != self._stamp:
            self._index = None
            self._copies = CopyIndex(self.copy_threshold)
            self._copy_days = set()

    def _update(self, ids: Sequence[str], *, force: bool) -> StoryReport:
        report = StoryReport()
        model = self.embedder.name
        with self.store.story_tx(write=False) as tx:
            hashes = tx.embedded_hashes(ids, model)
            assigned = tx.memberships(ids)
        articles = {a.id: a for a in (self.store.get(i) for i in dict.fromkeys(ids))}
        texts = {i: embedding_text(a) for i, a in articles.items()}
        changed = [i for i in articles if hashes.get(i) != _text_hash(texts[i])]
        todo = list(articles) if force else [i for i in articles if i in changed or i not in assigned]
        if not todo:
            return report
        rows = self._embed([articles[i] for i in changed], texts, report)
        self.index  # noqa: B018 - open (or rebuild) the index before writing new rows, so counts agree
        with self.store.story_tx(write=True) as tx:
            tx.save_embeddings(rows)
            found = self._find_copies([articles[i] for i in (todo if force else changed)], tx)
            tx.save_copies(found)
            report.copies += sum(1 for match in found.values() if match)
            self.index.add_many([r.article_id for r in rows], [r.day for r in rows], _stack(rows, self.embedder.dim))
            self._link(tx, todo)
            self._recluster(tx, todo, report)
        self._save_index()
        return report

    def _save_index(self) -> None:
        self.index.save()
        self._stamp = manifest_stamp(self._index_path)

    def _embed(self, changed: list[Article], texts: dict[str, str], report: StoryReport) -> list[EmbeddingRow]:
        model = self.embedder.name
        wanted = {a.id: _text_hash(texts[a.id]) for a in changed}
        with self.store.story_tx(write=False) as tx:
            known = tx.vectors_for_hashes(sorted(set(wanted.values())), model)
            days = tx.publication_days(list(wanted))
        missing = sorted({h for h in wanted.values() if h not in known})
        by_hash = {_text_hash(texts[a.id]): texts[a.id] for a in changed}
        if missing:
            vectors = self.embedder.embed([by_hash[h] for h in missing])
            known.update(zip(missing, vectors, strict=True))
        report.embedded += len(missing)
        report.reused += len(changed) - len(missing)
        return [EmbeddingRow(i, model, h, known[h], days.get(i)) for i, h in wanted.items()]

    def _find_copies(self, changed: list[Article], tx: StoryTx) -> dict[str, tuple[str, float] | None]:
        """Copy marks of the changed articles (and of earlier-stored articles they turn out to be the original of).

        Of two articles sharing a text, the **original** is the agency's dispatch (the text with the stamp)
        when only one of them is; otherwise the one known to come first by the time the page or the
        agency stamp gives (``_order``); otherwise the one read first. A reprint matching several earlier
        texts is marked the copy of a dispatch among them first.
        The rule is antisymmetric, and a mark is never written the other way round from a stored one: no
        two articles are ever each the copy of the other.
        """
        self._prime_copies(changed)
        found: dict[str, tuple[str, float] | None] = {}
        for article in sorted(changed, key=lambda a: (_order(a), a.id)):
            self._note(article)
            match = self._copies.add(article, prefer=self._agency)
            found[article.id] = None
            if match is None:
                continue
            if self._original_first(match.copy_of, article.id):
                found[article.id] = (match.copy_of, match.similarity)
            else:
                found[match.copy_of] = (article.id, match.similarity)  # the stored one is the copy
        self._repoint_to_dispatches(changed, found, tx)
        stored = tx.copies_of(sorted({m[0] for m in found.values() if m} - set(found)))
        for copy, mark in list(found.items()):
            if mark is not None and stored.get(mark[0], ("",))[0] == copy:
                found[mark[0]] = None  # an older mark the other way round: the rule above decides
        return found

    def _repoint_to_dispatches(
        self, changed: list[Article], found: dict[str, tuple[str, float] | None], tx: StoryTx
    ) -> None:
        """Mark as the copy of each changed agency dispatch the reprints of it read before it.

        A site's page may be dated before the agency's stamp (Le Point's own version of the dispatch it
        hosts, a reprint the site dated by the day it posted it): read first, such a reprint was marked the
        copy of another site's rewrite of the dispatch, or of nothing. Once the dispatch is read, each article
        reproducing it whose mark points to no agency dispatch is its copy (the best-matching dispatch when
        several are); marks to a dispatch are kept.
        """
        dispatches = [a.id for a in changed if a.id in self._agency]
        if not dispatches:
            return
        offers: dict[str, tuple[str, float]] = {}
        for dispatch in dispatches:
            for match in self._copies.copies_of(dispatch, prefer=self._agency):
                if match.article_id in self._agency:
                    continue  # another dispatch: ordered by time and stamps in ``_find_copies``
                best = offers.get(match.article_id)
                if best is None or match.similarity > best[1]:
                    offers[match.article_id] = (dispatch, match.similarity)
        current = tx.copies_of(sorted(set(offers) - set(found)))
        for copy, (dispatch, similarity) in offers.items():
            mark = found[copy] if copy in found else current.get(copy)
            if mark is None or mark[0] not in self._agency:
                found[copy] = (dispatch, similarity)

    def _item(self, member: StoryMember) -> ClusterItem:
        news = is_news(genre_of(member.title, member.head, member.url))
        text = lexical_text(member.title, member.head)
        if member.id not in self._lexical:
            self._lexical.add(member.id, text)
        words = self._lexical.vector(text) if self.params.lexical_weight else None
        return ClusterItem(member.id, member.vector, member.days, member.entities, member.order, news, words)

    def _note(self, article: Article) -> None:
        self._lexical.add(article.id, lexical_text(article.title, _head(article)))
        self._rank.setdefault(article.id, len(self._rank))
        self._order[article.id] = _order(article)
        day = article.published.value.date() if article.published else None
        dispatch = dispatch_of(article.body, day)
        if dispatch is not None and dispatch.credit is Credit.DISPATCH:
            self._agency.add(article.id)
            if dispatch.stamped_at is not None and len(self._order[article.id]) <= 10:
                stamped = dispatch.stamped_at.isoformat(timespec="seconds")
                if self._order[article.id] in ("~", stamped[:10]):
                    self._order[article.id] = stamped  # the agency's time, on the day the page gives
        else:
            self._agency.discard(article.id)

    def _original_first(self, a: str, b: str) -> bool:
        """Whether ``a`` is the original of ``b`` (see ``_find_copies``); ``not _original_first(b, a)``."""
        if (a in self._agency) != (b in self._agency):
            return a in self._agency  # agencies do not copy newspapers: a site's page date says little
        first, second = self._order.get(a, "~"), self._order.get(b, "~")
        if _later(first, second):
            return False
        if _later(second, first):
            return True
        return (first[:10], self._rank.get(a, -1), a) < (second[:10], self._rank.get(b, -1), b)

    def _prime_copies(self, changed: list[Article]) -> None:
        """Index, for copy detection, the stored articles published within the window of ``changed``.

        The changed articles themselves are left out: each is indexed when it is checked, so two of them
        are never each found as the other's earlier match.
        """
        window = self.params.window_days
        days = {a.published.value.date().toordinal() for a in changed if a.published is not None}
        wanted = {d + k for d in days for k in range(-window, window + 1)} - self._copy_days
        if not wanted:
            return
        first, last = date.fromordinal(min(wanted)), date.fromordinal(max(wanted))
        stored = []
        offset = 0
        while batch := self.store.articles(since=first, until=last, limit=1000, offset=offset):
            stored.extend(batch)
            offset += len(batch)
        self._copy_days |= set(range(min(wanted), max(wanted) + 1))
        skip = {a.id for a in changed}
        for article in sorted(stored, key=lambda a: (_order(a), a.id)):
            if article.id not in self._copies and article.id not in skip:
                self._note(article)
                self._copies.add(article)

    def _link(self, tx: StoryTx, todo: list[str]) -> None:
        """Store the edges of each article in ``todo`` to its neighbours in the index."""
        model = self.embedder.name
        own = {m.id: m for m in tx.load_members(todo, model)}
        neighbours: dict[str, list[str]] = {}
        for article_id, member in own.items():
            day = member.days[0] if member.days and member.days[0] == member.days[1] else None
            neighbours[article_id] = [hit for hit in self._candidates(member.vector, day) if hit != article_id]
        others = sorted({n for ids in neighbours.values() for n in ids} - set(own))
        members = own | {m.id: m for m in tx.load_members(others, model)}
        idf = self._idf(tx, members.values())
        edges: list[tuple[str, str, float]] = []
        for article_id, near in neighbours.items():
            items = [self._item(members[article_id])] + [self._item(members[n]) for n in near if n in members]
            scores = pair_scores(items, idf, self.params)
            edges.extend(
                (article_id, items[j].id, float(scores[0, j]))
                for j in range(1, len(items))
                if scores[0, j] >= self.params.threshold
            )
        tx.replace_edges(todo, edges)

    def _candidates(self, vector: Any, day: int | None) -> list[str]:
        """Every indexed article that could score at least the threshold with ``vector``.

        The entity and lexical terms add at most ``params.max_bonus`` and time only subtracts, so a neighbour
        with a cosine under ``threshold - max_bonus`` cannot make an edge: the search widens until the last
        hit is under that bound. Finding every possible edge, whatever the order articles came in, is
        what makes the stories independent of that order: the index returns every article of the window
        above that bound (exactly on shards under its exact-search size).
        """
        floor = self.params.threshold - self.params.max_bonus - 1e-3  # vectors are stored as float16
        hits = self.index.search(vector, day, window=self.params.window_days, k=MAX_NEIGHBOURS, min_similarity=floor)
        return [hit for hit, _ in hits]

    def _idf(self, tx: StoryTx, members: Any) -> dict[str, float]:
        frequency, total = tx.document_frequency({k for m in members for k in m.entities})
        return idf_of(frequency, total)

    def _recluster(self, tx: StoryTx, todo: list[str], report: StoryReport) -> None:
        done: set[str] = set()
        for seed in todo:
            if seed in done:
                continue
            ids = self._component(tx, seed)
            done |= ids
            self._cluster(tx, sorted(ids), report)
        report.assigned += len(todo)

    def _component(self, tx: StoryTx, seed: str) -> set[str]:
        """The articles to re-cluster with ``seed``: its edge component, closed over whole stories."""
        limit = self.params.max_component
        ids, complete = tx.component([seed], limit)
        while True:
            stories = set(tx.memberships(sorted(ids)).values())
            whole = tx.story_member_ids(stories) | ids
            if whole == ids:
                return ids
            if not complete or len(whole) > limit:
                return whole  # a capped component: whole stories only, so no story is split across two runs
            ids, complete = tx.component(sorted(whole), limit)

    def _cluster(self, tx: StoryTx, ids: list[str], report: StoryReport) -> None:
        members = {m.id: m for m in tx.load_members(ids, self.embedder.name)}
        idf = self._idf(tx, members.values())
        clusters = cluster_items([self._item(m) for m in members.values()], idf, self.params)
        previous = tx.memberships(list(members))
        names, redirects = name_clusters([[item.id for item in c] for c in clusters], previous)
        copies = tx.copies_of(list(members))
        original_outlets = tx.outlets_of(sorted({c for c, _ in copies.values()} - set(members)))
        now = datetime.now(UTC)
        rows = []
        assignment: dict[str, str] = {}
        for story_id, cluster in zip(names, clusters, strict=True):
            group = [members[item.id] for item in cluster]
            rows.append(summarise(story_id, group, copies, original_outlets, now))
            assignment.update(dict.fromkeys((m.id for m in group), story_id))
        tx.write_stories(assignment, rows, redirects, now)
        report.stories += len(rows)
        report.merged += len(redirects)

    # -- rebuild ------------------------------------------------------------------------------------

    def recluster(self, batch_size: int = 500) -> StoryReport:
        """Assign every stored article again, oldest first, from fresh edges (embeddings are kept).

        For when the story settings or the embedder changed. Story ids are kept where a story keeps
        most of its articles; a story that disappears redirects to the one that took most of them.
        """
        with self.store.story_tx(write=True) as tx:
            tx.clear_edges()
        report = StoryReport()
        offset = 0
        ids: list[str] = []
        while batch := self.store.articles(limit=5000, offset=offset):
            ids.extend(a.id for a in batch)
            offset += len(batch)
        ids.reverse()  # oldest first
        for start in range(0, len(ids), batch_size):
            report.add(self.update(ids[start : start + batch_size], force=True))
        with self.store.story_tx(write=True) as tx:
            tx.drop_empty_stories()
        return report


def _order(article: Article) -> str:
    """Chronological key: the time only when the source gave one (a day alone is not midnight)."""
    published = article.published
    if published is None:
        return "~"
    key = published.sort_key()
    return key if published.precision is DatePrecision.MINUTE else key[:10]


def _later(first: str, second: str) -> bool:
    """Whether ``first`` is known to come after ``second`` (undated and same-day-without-time are not)."""
    if "~" in (first, second):
        return False
    if first[:10] != second[:10]:
        return first[:10] > second[:10]
    return len(first) > 10 and len(second) > 10 and first > second


def _stack(rows: Sequence[EmbeddingRow], dim: int) -> np.ndarray[Any, np.dtype[np.float32]]:
    if not rows:
        return np.zeros((0, dim), dtype=np.float32)
    return np.stack([r.vector for r in rows]).astype(np.float32)
