"""URL canonicalisation: one form per article address, so the same page read twice is stored once."""

from __future__ import annotations

from courlan import normalize_url

__all__ = ["canonical_url"]


def canonical_url(url: object) -> str | None:
    """Lower-cased scheme and host, no fragment, tracking parameters (utm_* …) removed; ``None`` if not a web URL."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url.lower().startswith(("http://", "https://")):
        return None
    try:
        return str(normalize_url(url, strict=True))
    except ValueError:
        return None
