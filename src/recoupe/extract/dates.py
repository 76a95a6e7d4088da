"""Publication dates from the forms news data uses, keeping the precision they were given at.

Accepted: ISO 8601 cut at any precision (``2025``, ``2025-02``, ``2025-02-11``, ``2025-02-11T10:30+01:00``),
RFC 2822 (RSS ``pubDate``), Unix timestamps, and written dates in French and English
(``11 février 2025``, ``1er mars 2025 à 10h30``, ``février 2025``, ``Feb. 11, 2025``, ``11 Feb 2025``).
Anything else gives ``None``: a date we cannot read is left unknown, never guessed. So is a date outside
the years 1000 to 2999 (``YEARS``): a placeholder (``0001-01-01``) or a sentinel (``9999-12-31``) is no
publication date, and one at the edge of Python's calendar broke later arithmetic (``9999-12-31T23:00-14:00``
cannot be moved to UTC: storing it raised ``OverflowError``; the story window around ``9999-12-31`` raised
``ValueError``), which stopped a whole ingest.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

from recoupe.folding import fold
from recoupe.model import DatePrecision, PublishedDate

__all__ = ["YEARS", "parse_date"]

#: the years a publication date may fall in
YEARS = range(1000, 3000)

_MONTHS = {
    # French
    "janvier": 1,
    "janv": 1,
    "fevrier": 2,
    "fevr": 2,
    "fev": 2,
    "mars": 3,
    "avril": 4,
    "avr": 4,
    "mai": 5,
    "juin": 6,
    "juillet": 7,
    "juil": 7,
    "aout": 8,
    "septembre": 9,
    "sept": 9,
    "octobre": 10,
    "oct": 10,
    "novembre": 11,
    "nov": 11,
    "decembre": 12,
    "dec": 12,
    # English
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sep": 9,
    "october": 10,
    "november": 11,
    "december": 12,
}
_ISO_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2}))?$")
_DAY_MONTH_YEAR = re.compile(
    r"(?P<day>\d{1,2})(?:er|st|nd|rd|th)?\s+(?P<month>[a-z]{3,9})\.?,?\s+(?P<year>\d{4})"
    r"(?:\D{1,6}?(?P<hour>\d{1,2})\s*[h:]\s*(?P<minute>\d{2}))?"
)
_MONTH_DAY_YEAR = re.compile(
    r"(?P<month>[a-z]{3,9})\.?\s+(?P<day>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<year>\d{4})"
    r"(?:\D{1,6}?(?P<hour>\d{1,2})\s*[h:]\s*(?P<minute>\d{2}))?"
)
_MONTH_YEAR = re.compile(r"^(?:en\s+|in\s+)?(?P<month>[a-z]{3,9})\.?\s+(?P<year>\d{4})$")


def _fold(text: str) -> str:
    return fold(text).strip()


def _tz_name(value: datetime) -> str | None:
    offset = value.utcoffset()
    if offset is None:
        return None
    minutes = int(offset.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def _from_datetime(value: datetime, has_time: bool) -> PublishedDate:
    if not has_time:
        day = datetime(value.year, value.month, value.day)  # noqa: DTZ001 - a calendar day has no zone
        return PublishedDate(day, DatePrecision.DAY)
    return PublishedDate(value.replace(second=0, microsecond=0), DatePrecision.MINUTE, _tz_name(value))


def _iso(text: str) -> PublishedDate | None:
    partial = _ISO_PARTIAL.match(text)
    if partial:
        year, month = int(partial.group(1)), partial.group(2)
        if year not in YEARS:
            return None
        if month is None:
            return PublishedDate(datetime(year, 1, 1), DatePrecision.YEAR)  # noqa: DTZ001
        if not 1 <= int(month) <= 12:
            return None
        return PublishedDate(datetime(year, int(month), 1), DatePrecision.MONTH)  # noqa: DTZ001
    candidate = text.replace("Z", "+00:00").replace("z", "+00:00")
    try:
        value = datetime.fromisoformat(candidate)
    except ValueError:
        return None
    has_time = "T" in candidate or ":" in candidate
    return _from_datetime(value, has_time)


def _written(text: str) -> PublishedDate | None:
    folded = _fold(text)
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.search(folded)
        if match and match.group("month") in _MONTHS:
            try:
                hour, minute = match.group("hour"), match.group("minute")
                value = datetime(  # noqa: DTZ001 - written dates carry no zone
                    int(match.group("year")),
                    _MONTHS[match.group("month")],
                    int(match.group("day")),
                    int(hour) if hour else 0,
                    int(minute) if minute else 0,
                )
            except ValueError:
                return None
            if hour:
                return PublishedDate(value, DatePrecision.MINUTE)
            return PublishedDate(value, DatePrecision.DAY)
    match = _MONTH_YEAR.match(folded)
    if match and match.group("month") in _MONTHS:
        return PublishedDate(datetime(int(match.group("year")), _MONTHS[match.group("month")], 1), DatePrecision.MONTH)  # noqa: DTZ001
    return None


def parse_date(value: object) -> PublishedDate | None:
    """A ``PublishedDate`` from a string, timestamp or datetime; ``None`` when it cannot be read, or falls
    outside ``YEARS``."""
    parsed = _parse(value)
    return parsed if parsed is not None and parsed.value.year in YEARS else None


def _parse(value: object) -> PublishedDate | None:  # noqa: PLR0911 - one return per accepted form
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return _from_datetime(value, True)
    if isinstance(value, int | float):
        seconds = float(value) / 1000 if value > 1e11 else float(value)
        try:
            return _from_datetime(datetime.fromtimestamp(seconds, tz=UTC), True)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    if text.isdigit() and len(text) >= 9:
        return _parse(int(text))
    parsed = _iso(text)
    if parsed:
        return parsed
    try:
        return _from_datetime(parsedate_to_datetime(text), True)
    except (TypeError, ValueError, IndexError):
        pass
    return _written(text)
