"""The object every command receives: settings, consoles, and the store opened on first use."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click
from rich.console import Console

from recoupe.config import Settings, database_file, load_settings, require_database

if TYPE_CHECKING:
    from recoupe.enrich.nlp import NlpModels
    from recoupe.model import SearchHit
    from recoupe.store import Store
    from recoupe.stories.assign import StoryEngine

__all__ = ["AppContext"]


@dataclass(slots=True)
class AppContext:
    """What every command gets: its settings, consoles, and the store opened on first use."""

    settings: Settings
    config_file: Path | None = None
    flags: dict[str, Any] = field(default_factory=dict)
    out: Console = field(default_factory=lambda: Console(soft_wrap=False))
    err: Console = field(default_factory=lambda: Console(stderr=True))
    _store: Store | None = None

    def settings_with(self, **flags: Any) -> Settings:
        """The settings again, with a command's own flags on top (``None`` means not given)."""
        return load_settings({**self.flags, **flags}, config_file=self.config_file)

    def nlp_models(self) -> NlpModels:
        """The spaCy models enrichment uses (loaded lazily, in each worker process)."""
        from recoupe.enrich.nlp import NlpModels

        return NlpModels(gazetteer=Path(self.settings.gazetteer) if self.settings.gazetteer else None)

    def story_engine(self, settings: Settings | None = None, *, threads: int = 1) -> StoryEngine:
        """The story engine over this command's store (embedder and calibration from the settings)."""
        from recoupe.enrich.embed import make_embedder
        from recoupe.stories.assign import StoryEngine

        settings = settings or self.settings
        embedder = make_embedder(settings.embedder, threads=threads, max_tokens=settings.embed_max_tokens)
        return StoryEngine.from_settings(self.store(), settings, threads=threads, embedder=embedder)

    def store(self, *, create: bool = False) -> Store:
        """The store, opened on first use. Only commands that write pass ``create``: for the others a
        database file that does not exist is an error ("no database at ..."), never a new empty one."""
        if self._store is None:
            if not create:
                require_database(self.settings)
            from recoupe.store import open_store  # SQLAlchemy only for commands that read the store

            self._store = open_store(self.settings.db)
        return self._store

    def search(self, query: str, **filters: Any) -> list[SearchHit]:
        """``Store.search``; on an SQLite file at the current schema through the lean read path
        (``recoupe.store.lean``: ``sqlite3`` alone, no SQLAlchemy to import), the same hits."""
        if self._store is None:
            require_database(self.settings)
            path = database_file(self.settings.db)
            if path is not None:
                from recoupe.store import lean

                hits = lean.search(path, query, **filters)
                if hits is not None:
                    return hits
        return self.store().search(query, **filters)

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def emit_json(self, data: Any) -> None:
        """Machine-readable output on stdout, UTF-8, not escaped."""
        click.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))
