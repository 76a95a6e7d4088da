"""Page titles without the site's name glued on.

Pages often title themselves ``Headline - Site`` or ``Site | Headline``. A segment is only removed when
it names the site (equals or contains the site name, or the site name contains it, or it is the site's
domain); a headline with a colon or a dash of its own is left alone.
"""

from __future__ import annotations

import re

from recoupe.folding import fold as folded

__all__ = ["fold", "strip_site_name"]

# " - ", " | ", " : ", " — ", " – ", " · ", " » ", " :: ": separators with spaces around them.
_SEPARATOR = re.compile(r"\s+(?:[-|:\u2013\u2014\u00b7\u00bb/]|::)\s+")
_MIN_KEPT_CHARS = 8


def fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive form used to compare names."""
    return " ".join(re.findall(r"\w+", folded(text)))


def _names_site(segment: str, names: list[str]) -> bool:
    folded = fold(segment)
    if not folded:
        return False
    return any(folded == name or name in folded or (len(folded) >= 4 and folded in name) for name in names)


def _site_names(sitename: str | None, hostname: str | None) -> list[str]:
    names = []
    if sitename:
        names.append(fold(sitename))
    if hostname:
        host = hostname.casefold().removeprefix("www.")
        names.append(fold(host))
        label = host.split(".")[0]
        if len(label) >= 4:
            names.append(fold(label))
    return [name for name in names if name]


def strip_site_name(title: str, sitename: str | None, hostname: str | None = None) -> str:
    """``title`` without a leading or trailing segment that names the site.

    >>> strip_site_name("Le chômage recule - Orange Actualités", "Orange Actualités")
    'Le chômage recule'
    >>> strip_site_name("Bac 2019 : une réforme contestée", "Orange Actualités")
    'Bac 2019 : une réforme contestée'
    """
    title = " ".join(title.split())
    names = _site_names(sitename, hostname)
    if not names:
        return title
    changed = True
    while changed:
        changed = False
        parts = list(_SEPARATOR.finditer(title))
        if not parts:
            break
        last, first = parts[-1], parts[0]
        tail, head = title[last.end() :], title[: first.start()]
        if _names_site(tail, names) and len(title[: last.start()]) >= _MIN_KEPT_CHARS:
            title, changed = title[: last.start()].rstrip(), True
        elif _names_site(head, names) and len(title[first.end() :]) >= _MIN_KEPT_CHARS:
            title, changed = title[first.end() :].lstrip(), True
    return title
