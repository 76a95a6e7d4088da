"""Alerts as an Atom feed (RFC 4287): what ``recoupe serve`` answers at ``/alerts.atom``.

Each alert is an entry with a stable id (``tag:`` URI of the alert's number), its kind and story title as
the title, the change in words as the summary, and a link to the story's page. Text goes through
ElementTree, so a title with ``<`` or ``&`` stays text.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from recoupe.alerts.model import Alert

__all__ = ["KIND_WORDS", "feed"]

ATOM = "http://www.w3.org/2005/Atom"
TAG = "tag:recoupe,2026:alert:"

#: how each kind of alert reads in a title
KIND_WORDS = {
    "new-story": "New story",
    "new-outlet": "New outlet",
    "conflicting": "Conflicting statement",
    "updated": "Updated statement",
}


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def _child(parent: ET.Element, name: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, name, attributes)
    if text is not None:
        element.text = text
    return element


def feed(alerts: Sequence[Alert], *, base_url: str, title: str = "recoupe alerts") -> bytes:
    """The Atom document (UTF-8 bytes) of ``alerts`` (newest first); links are under ``base_url``."""
    base = base_url.rstrip("/")
    root = ET.Element("feed", {"xmlns": ATOM})
    _child(root, "id", f"{base}/alerts.atom")
    _child(root, "title", title)
    newest = max((a.created_at for a in alerts), default=datetime(2000, 1, 1, tzinfo=UTC))
    _child(root, "updated", _stamp(newest))
    _child(root, "link", rel="self", href=f"{base}/alerts.atom", type="application/atom+xml")
    _child(root, "link", rel="alternate", href=f"{base}/alerts", type="text/html")
    author = _child(root, "author")
    _child(author, "name", "recoupe")
    _child(root, "generator", "recoupe")
    for alert in alerts:
        entry = _child(root, "entry")
        _child(entry, "id", f"{TAG}{alert.id}")
        _child(entry, "title", f"{KIND_WORDS.get(alert.kind, alert.kind)}: {alert.title}")
        _child(entry, "updated", _stamp(alert.created_at))
        _child(entry, "published", _stamp(alert.created_at))
        _child(entry, "link", rel="alternate", href=f"{base}/stories/{alert.story_id}", type="text/html")
        _child(entry, "category", term=alert.kind)
        _child(entry, "summary", f"{alert.detail} (watchlist {alert.watch_name})")
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document
