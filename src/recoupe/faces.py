"""``Faces``: what the REST API and the web pages both read (settings, the store, models loaded on first use).

Both routers depend on this module, never on each other; ``recoupe.app`` assembles them into one
application. Every response carries ``SECURITY_HEADERS`` (a strict ``CSP``: no inline script or style,
nothing from another origin); an API error has one JSON shape (``error_body``).
"""

from __future__ import annotations

import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from fastapi import Request

from recoupe.config import Settings
from recoupe.store import Store

if TYPE_CHECKING:
    from recoupe.crosscheck.report import CrossCheck
    from recoupe.enrich.embed import Embedder
    from recoupe.enrich.nlp import NlpModels
    from recoupe.stories.assign import StoryEngine

__all__ = ["CSP", "SECURITY_HEADERS", "Faces", "error_body", "faces_of"]

#: no inline script or style, no plugin, no framing, nothing from another origin
CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; object-src 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}


@dataclass(slots=True)
class Faces:
    """What the API and the pages read: settings, the store, and the cross-check models (loaded lazily).

    Three locks, so that a ready answer never waits behind work: ``_models_lock`` while a model object is
    made; ``_compute_lock`` around a cross-check's computation (one at a time: they share the models and
    the CPU); and none for a stored cross-check that is current, read by whichever thread asks.
    """

    settings: Settings
    store: Store
    _embedder: Embedder | None = None
    _nlp: NlpModels | None = None
    _models_lock: threading.Lock = field(default_factory=threading.Lock)
    _compute_lock: threading.Lock = field(default_factory=threading.Lock)
    #: one ingest at a time (``POST /api/ingest``); reads go on meanwhile
    ingest_lock: threading.Lock = field(default_factory=threading.Lock)
    #: cross-checks being computed for pages (``crosscheck_within``), by story id
    _pending: dict[str, Future[CrossCheck]] = field(default_factory=dict)
    _pending_lock: threading.Lock = field(default_factory=threading.Lock)
    _pool: ThreadPoolExecutor | None = None

    def embedder(self) -> Embedder:
        from recoupe.enrich.embed import make_embedder

        with self._models_lock:
            if self._embedder is None:
                self._embedder = make_embedder(self.settings.embedder, max_tokens=self.settings.embed_max_tokens)
            return self._embedder

    def nlp(self) -> NlpModels:
        from pathlib import Path

        from recoupe.enrich.nlp import NlpModels

        with self._models_lock:
            if self._nlp is None:
                gazetteer = Path(self.settings.gazetteer) if self.settings.gazetteer else None
                self._nlp = NlpModels(gazetteer=gazetteer)
            return self._nlp

    def story_engine(self) -> StoryEngine:
        """A story engine over the store, sharing this application's embedder (close it after use: it saves
        the vector index beside the database)."""
        from recoupe.stories.assign import StoryEngine

        return StoryEngine.from_settings(self.store, self.settings, embedder=self.embedder())

    def stored_crosscheck(self, story_id: str) -> CrossCheck | None:
        """The story's stored cross-check if its articles are unchanged since (else ``None``): read at once,
        whatever is being computed meanwhile. No model is loaded (the signature needs the embedder's name)."""
        from recoupe.crosscheck.report import load_current

        return load_current(self.store, story_id, self.embedder().name)

    def crosscheck(self, story_id: str) -> CrossCheck:
        """The story's stored cross-check while it is current (at once); computed (and stored) otherwise.

        ``story_id`` may be a prefix or a merged story's old id. One computation at a time: a story asked
        while it is being computed waits for that computation and reads its result, never computes it twice.
        """
        from recoupe.crosscheck.report import load_or_compute

        stored = self.stored_crosscheck(story_id)
        if stored is not None:
            return stored
        embedder, nlp = self.embedder(), self.nlp()
        with self._compute_lock:  # load_or_compute reads the store again: what the last computation stored
            return load_or_compute(self.store, self.store.story_row(story_id).id, embedder, nlp)

    def crosscheck_within(self, story_id: str, seconds: float) -> CrossCheck | None:
        """``crosscheck(story_id)`` if it is ready within ``seconds`` (a stored, current one is, at once, even
        while another story is computed); else ``None`` while it goes on being computed in the background, for
        a page that says it is working and asks again (each story computed once however many times it is
        asked; its errors are raised here, to the next one who asks)."""
        with self._pending_lock:
            future = self._pending.get(story_id)
            if future is not None and future.done():
                del self._pending[story_id]
                future.result()  # its error, if it failed; else what it computed is stored: read as below
                future = None
        if future is None:
            stored = self.stored_crosscheck(story_id)
            if stored is not None:
                return stored
            with self._pending_lock:
                future = self._pending.get(story_id)
                if future is None:
                    if self._pool is None:
                        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="recoupe-crosscheck")
                    future = self._pool.submit(self.crosscheck, story_id)
                    self._pending[story_id] = future
        try:
            return future.result(timeout=seconds)
        except TimeoutError:
            return None
        finally:
            if future.done():
                with self._pending_lock:
                    if self._pending.get(story_id) is future:
                        del self._pending[story_id]


def error_body(status: int, kind: str, message: str) -> dict[str, Any]:
    """The one JSON shape of every API error."""
    return {"error": {"status": status, "type": kind, "message": message}}


def faces_of(request: Request) -> Faces:
    """The ``Faces`` of the application serving ``request`` (a FastAPI dependency)."""
    faces: Faces = request.app.state.faces
    return faces
