"""``Faces``: what the REST API and the web pages both read (settings, the store, models loaded on first use).

Both routers depend on this module, never on each other; ``recoupe.app`` assembles them into one
application. Every response carries ``SECURITY_HEADERS`` (a strict ``CSP``: no inline script or style,
nothing from another origin); an API error has one JSON shape (``error_body``).
"""

from __future__ import annotations

import threading
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
    """What the API and the pages read: settings, the store, and the cross-check models (loaded lazily)."""

    settings: Settings
    store: Store
    _embedder: Embedder | None = None
    _nlp: NlpModels | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)
    #: one ingest at a time (``POST /api/ingest``); reads go on meanwhile
    ingest_lock: threading.Lock = field(default_factory=threading.Lock)

    def embedder(self) -> Embedder:
        from recoupe.enrich.embed import make_embedder

        with self._lock:
            if self._embedder is None:
                self._embedder = make_embedder(self.settings.embedder)
            return self._embedder

    def nlp(self) -> NlpModels:
        from pathlib import Path

        from recoupe.enrich.nlp import NlpModels

        with self._lock:
            if self._nlp is None:
                gazetteer = Path(self.settings.gazetteer) if self.settings.gazetteer else None
                self._nlp = NlpModels(gazetteer=gazetteer)
            return self._nlp

    def story_engine(self) -> StoryEngine:
        """A story engine over the store, sharing this application's embedder (close it after use: it saves
        the vector index beside the database)."""
        from recoupe.stories.assign import StoryEngine

        return StoryEngine.from_settings(self.store, self.settings, embedder=self.embedder())

    def crosscheck(self, story_id: str) -> CrossCheck:
        """The story's stored cross-check while it is current; computed (and stored) otherwise.

        ``story_id`` may be a prefix or a merged story's old id. One computation at a time.
        """
        from recoupe.crosscheck.report import load_or_compute

        embedder, nlp = self.embedder(), self.nlp()
        with self._lock:
            return load_or_compute(self.store, self.store.story_row(story_id).id, embedder, nlp)


def error_body(status: int, kind: str, message: str) -> dict[str, Any]:
    """The one JSON shape of every API error."""
    return {"error": {"status": status, "type": kind, "message": message}}


def faces_of(request: Request) -> Faces:
    """The ``Faces`` of the application serving ``request`` (a FastAPI dependency)."""
    faces: Faces = request.app.state.faces
    return faces
