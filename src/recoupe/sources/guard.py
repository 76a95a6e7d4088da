"""One reader's exception becomes one ``Failure``: what a bad input can never do is stop the run.

Every reader reports the problems it knows (a line that is not JSON, a page that 404s) as ``Failure``
items and goes on. ``guarded`` is the net under them for what a library raises on input nobody foresaw
(``RecursionError`` from JSON nested ten thousand deep, ``UnicodeDecodeError`` from feedparser on an XML
declaration naming no real encoding, ``ValueError`` from an integer of 5000 digits): the items read before
are passed on (the pipeline stores them), then one ``Failure`` names the input and the reason, and the
run goes on with the next input. ``KeyboardInterrupt`` and ``SystemExit`` are not caught.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from recoupe.errors import RecoupeError
from recoupe.model import Failure, Provenance, Record

__all__ = ["failure_of", "guarded", "reason_of"]

_MAX_REASON = 300


def reason_of(exc: BaseException) -> str:
    """What went wrong, for a person: the message of a recoupe error, else the exception's type and text."""
    if isinstance(exc, RecoupeError):
        return exc.message
    if isinstance(exc, RecursionError):
        return "nested too deeply to be read (RecursionError)"
    if isinstance(exc, MemoryError):
        return "too large to be read in memory (MemoryError)"
    detail = " ".join(str(exc).split())
    reason = f"cannot read: {type(exc).__name__}: {detail}" if detail else f"cannot read: {type(exc).__name__}"
    return reason if len(reason) <= _MAX_REASON else reason[: _MAX_REASON - 1] + "…"


def failure_of(exc: BaseException, provenance: Provenance) -> Failure:
    """The ``Failure`` for ``exc`` raised while reading the input of ``provenance``."""
    error = type(exc).__name__ if isinstance(exc, RecoupeError) else "InputError"
    return Failure(provenance, reason_of(exc), error)


def guarded(items: Iterable[Record | Failure], provenance: Provenance) -> Iterator[Record | Failure]:
    """``items``, then a ``Failure`` for ``provenance`` in place of any exception reading them raised."""
    try:
        yield from items
    except Exception as exc:  # noqa: BLE001 - the point: no input may stop the run; the reason is reported
        yield failure_of(exc, provenance)
