"""Corrections as the faces apply them (``recoupe edit``/``delete``, ``PATCH``/``DELETE /api/articles/{id}``).

The store keeps what was there and drops the story's stored cross-check (``recoupe.store.edits``); here the
rest is brought up to date: the story rows (outlets, first and last seen, title) are recomputed by the story
engine over the story's members, and an article whose title changed is enriched again (its offsets count
from the title). ``parse_published`` reads the date a person types.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING

from recoupe.errors import QueryError
from recoupe.model import DatePrecision, PublishedDate

if TYPE_CHECKING:
    from recoupe.enrich.nlp import NlpModels
    from recoupe.store import Store
    from recoupe.store.edits import StoryTouched
    from recoupe.stories.assign import StoryEngine

__all__ = ["bring_up_to_date", "parse_published"]

_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2}([T ]\d{2}:\d{2}(:\d{2})?([+-]\d{2}:?\d{2}|Z)?)?)?)?$")


def parse_published(value: str) -> PublishedDate:
    """``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD`` or ``YYYY-MM-DDTHH:MM[+HH:MM]``, at the precision written."""
    text = value.strip()
    if not _DATE.match(text):
        raise QueryError(f"a date is YYYY, YYYY-MM, YYYY-MM-DD or YYYY-MM-DDTHH:MM; got {value!r}")
    # naive unless an offset is written: PublishedDate's rule (a date without a zone is local to the source)
    try:
        if len(text) == 4:
            return PublishedDate(datetime(int(text), 1, 1), DatePrecision.YEAR)  # noqa: DTZ001
        if len(text) == 7:
            return PublishedDate(datetime(int(text[:4]), int(text[5:7]), 1), DatePrecision.MONTH)  # noqa: DTZ001
        if len(text) == 10:
            return PublishedDate(datetime.fromisoformat(text), DatePrecision.DAY)
        moment = datetime.fromisoformat(text)
    except ValueError as exc:
        raise QueryError(f"not a date: {value!r} ({exc})") from exc
    tz = moment.strftime("%z") or None
    return PublishedDate(moment, DatePrecision.MINUTE, f"{tz[:3]}:{tz[3:]}" if tz else None)


def bring_up_to_date(
    store: Store,
    touched: StoryTouched,
    *,
    engine: Callable[[], StoryEngine] | None,
    models: NlpModels | None,
) -> tuple[bool, bool]:
    """After a correction: the story recomputed (with ``engine``, a factory; ``None``: stories are off) and a
    retitled article enriched again (with ``models``). Returns ``(story recomputed, enriched again)``."""
    enriched = False
    if "title" in touched.changed and models is not None:
        from recoupe.execute import InlineExecutor
        from recoupe.pipeline import IngestReport, enrich_stored

        report = IngestReport()
        enrich_stored(store, [touched.article.id], models, InlineExecutor(), report)
        enriched = report.enriched > 0
    recomputed = False
    deleted = "deleted" in touched.changed
    if engine is not None and touched.changed and (touched.members or deleted):
        stories = engine()
        try:
            if deleted:  # the vector index beside the database (a cache) still holds the article: rebuilt
                stories.index  # noqa: B018 - opening it rebuilds it when it holds other vectors than the store
            if touched.members:
                stories.update(list(touched.members), force=True)
                recomputed = True
        finally:
            stories.close()
    return recomputed, enriched
