"""Wire provenance: which agency dispatch an article is, and when the agency sent it.

News agencies (AFP, Reuters, AP, Belga, ATS, Presse Canadienne, dpa, ANSA, EFE) leave stamps in the text
that a site reprints. ``dispatch_of`` reads them:

- a **dateline credit**: ``Paris (AFP) -``, ``PARIS (Reuters) -``, ``Grand Bourgtheroulde (France) (AFP) -``,
  ``Paris, 11 jan 2019 (AFP) - 01/11/19 08:34`` (the agency's own end stamp, with its date and time);
- a **time stamp** before the dateline, as sites print the dispatch's header or footer
  (``05/01/2019 21:42:55 -`` on the line before ``Paris (AFP) -``), or ``AFP - 11:10`` / ``AFP – 11h10``;
- a **copyright** line: ``© 2019 AFP``, ``© AFP``;
- a **signature** line ending the text: ``Agence France-Presse``, ``La Presse Canadienne``, ``(AFP)``;
- a **shared byline**: ``(Avec AFP)``, ``Le Figaro avec AFP et Reuters``, ``Avec la collaboration de
  l'Agence France-Presse``: the outlet's own article written with agency material.

The first four make the article the agency's **dispatch** (``Credit.DISPATCH``): reprinted, it is the
agency's text, and counts as the agency's in a story's independent sources. The last one is
``Credit.WITH``: the outlet's article, the agency a contributor (it still counts as the outlet's).

What is not a stamp: an attribution in the prose ("a indiqué à l'AFP", "selon l'Agence France-Presse
(AFP)", "a constaté un journaliste de l'AFP") and a photo credit ("Photo AFP", "AFP PHOTO /"): neither
makes the article a dispatch.

``stamped_at`` is the time the stamp gives (the agency's local clock, no zone), or ``None``; a numeric
date that reads two ways (``01/11/19``: 1 November or 11 January) is read the way that falls on the
article's publication day when one does. It orders wire copies when the site gave only a day.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum

__all__ = ["AGENCIES", "Credit", "Dispatch", "agency_name", "dispatch_of", "find_dispatches"]

#: canonical agency name -> the names and abbreviations a stamp may use
AGENCIES: dict[str, tuple[str, ...]] = {
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "Reuters": ("Reuters",),
    "AP": ("AP", "Associated Press"),
    "Belga": ("Belga",),
    "ATS": ("ATS", "Keystone-ATS", "ATS-Keystone"),
    "Presse Canadienne": ("Presse Canadienne", "La Presse Canadienne", "PC"),
    "dpa": ("dpa", "DPA"),
    "ANSA": ("ANSA",),
    "EFE": ("EFE",),
}
_BY_NAME = {name.casefold(): canonical for canonical, names in AGENCIES.items() for name in names}
_ALL = sorted((n for names in AGENCIES.values() for n in names), key=len, reverse=True)
_AGENCY = "(?P<agency>" + "|".join(re.escape(n) for n in _ALL) + ")"
# agencies a text names in a stamp without parentheses (no two-letter abbreviations: "AP", "PC" are words)
_LONG = "(?P<agency>" + "|".join(re.escape(n) for n in _ALL if len(n) > 2) + ")"

_MONTHS = {
    "jan": 1, "janv": 1, "janvier": 1, "fev": 2, "fév": 2, "févr": 2, "fevr": 2, "février": 2, "feb": 2,
    "mar": 3, "mars": 3, "avr": 4, "avril": 4, "apr": 4, "mai": 5, "may": 5, "jui": 6, "juin": 6, "jun": 6,
    "juil": 7, "juillet": 7, "jul": 7, "aou": 8, "aoû": 8, "août": 8, "aug": 8, "sep": 9, "sept": 9,
    "septembre": 9, "oct": 10, "octobre": 10, "nov": 11, "novembre": 11, "dec": 12, "déc": 12, "décembre": 12,
}  # fmt: skip

_NUMERIC_TIME = r"(?P<numeric>\d{1,2}/\d{1,2}/\d{2,4})\s+(?P<clock>\d{1,2}:\d{2})(?::\d{2})?"
# a dateline credit, as in the module docstring
_DATELINE = re.compile(
    r"(?P<place>[A-ZÀ-Ý][\w'’.\-]*(?:[ \-][A-ZÀ-Ýa-zà-ÿ][\w'’.\-]*){0,3}?(?: \([\w'’ .\-]+\))?)?"
    r"(?:,\s*(?P<day>\d{1,2})\s+(?P<month>[a-zéèûô]{3,9})\.?\s+(?P<year>\d{4}))?"
    r"\s*\(" + _AGENCY + r"\)\s*[-–—]"
    r"(?:[ \t]*" + _NUMERIC_TIME + r")?"
)
# a day and time alone on the line before the dateline
_HEADER_TIME = re.compile(
    r"(?m)^[ \t]*" + _NUMERIC_TIME + r"[ \t]*[-–—]?[ \t]*\n[ \t]*(?=\S[^\n]*\([A-Za-z\-]+\)\s*[-–—])"
)
# an agency then a clock time
_AGENCY_CLOCK = re.compile(r"\b" + _AGENCY + r"\s*[-–—]\s*(?P<hour>\d{1,2})[:h](?P<minute>\d{2})\b")
_COPYRIGHT = re.compile(r"(?:©|\(c\)|Copyright)\s*(?:\d{4}\s*)?" + _AGENCY + r"\b", re.IGNORECASE)
_SIGNATURE = re.compile(r"(?m)^[ \t]*[-–—]?[ \t]*\(?" + _LONG + r"\)?[ \t]*\.?[ \t]*\Z")
_WITH = re.compile(
    r"(?:\bavec\s+(?:la\s+collaboration\s+de\s+)?(?:l['’]\s*)?|\bwith\s+)"
    + _LONG
    + r"(?:\s+et\s+(?:l['’]\s*)?(?P<agency2>"
    + "|".join(re.escape(n) for n in _ALL if len(n) > 2)
    + r"))?\b",
    re.IGNORECASE,
)


class Credit(Enum):
    """How an article credits an agency."""

    DISPATCH = "dispatch"  # the text is the agency's dispatch (dateline, copyright, signature)
    WITH = "with"  # the outlet's own text, written with the agency's material ("avec AFP")


@dataclass(frozen=True, slots=True)
class Dispatch:
    """One agency credit found in an article."""

    agency: str  # canonical name (a key of ``AGENCIES``)
    credit: Credit
    stamp: str  # the text of the stamp, as found
    place: str | None = None  # the dateline's place
    stamped_at: datetime | None = None  # the time the stamp gives (agency clock), if any

    def to_dict(self) -> dict[str, str | None]:
        return {
            "agency": self.agency,
            "credit": self.credit.value,
            "stamp": self.stamp,
            "place": self.place,
            "stamped_at": self.stamped_at.isoformat(timespec="minutes") if self.stamped_at else None,
        }


def agency_name(name: str) -> str | None:
    """The canonical agency for a name or abbreviation ("Agence France-Presse" -> "AFP"), else ``None``."""
    return _BY_NAME.get(" ".join(name.split()).casefold())


def _numeric(text: str, clock: str, published: date | None) -> datetime | None:
    """``dd/mm/yy[yy] hh:mm`` or ``mm/dd/yy`` (AFP's own), the reading on ``published`` first."""
    first, second, year = (int(part) for part in text.split("/"))
    year += 2000 if year < 100 else 0
    hour, minute = (int(part) for part in clock.split(":"))
    readings = []
    for day, month in ((first, second), (second, first)):
        try:
            readings.append(datetime(year, month, day, hour, minute))  # noqa: DTZ001 - the agency's clock
        except ValueError:
            continue
    if not readings:
        return None
    if published is not None:
        for reading in readings:
            if reading.date() == published:
                return reading
    return readings[0]


def _worded(day: str, month: str, year: str) -> date | None:
    number = _MONTHS.get(month.casefold().rstrip("."))
    if number is None:
        return None
    try:
        return date(int(year), number, int(day))
    except ValueError:
        return None


def _is_attribution(text: str, start: int) -> bool:
    """Whether the parenthesised agency at ``start`` follows prose ("a indiqué à l'Agence France-Presse (AFP)")."""
    before = text[max(0, start - 40) : start]
    return bool(re.search(r"(?:\b(?:à|de|par|selon|auprès)\s+(?:l['’]\s*)?[\w\- ]*|['’])$", before, re.IGNORECASE))


def _datelines(text: str, published: date | None) -> list[Dispatch]:
    found = []
    header = {m.end(): m for m in _HEADER_TIME.finditer(text)}
    for match in _DATELINE.finditer(text):
        agency = agency_name(match["agency"])
        if agency is None or _is_attribution(text, match.start("agency") - 1):
            continue
        place = (match["place"] or "").strip() or None
        if place and re.match(r"[a-z]+(?=[A-Z])", place):  # AFP's initials glued to the place: "bmaParis"
            place = re.sub(r"^[a-z]+", "", place)
        stamped: datetime | None = None
        if match["numeric"]:
            stamped = _numeric(match["numeric"], match["clock"], published)
        elif match["day"]:
            worded = _worded(match["day"], match["month"], match["year"])
            stamped = None if worded is None else datetime.combine(worded, datetime.min.time())
        before = header.get(match.start()) or (header.get(match.start("place")) if match["place"] else None)
        if before is not None:
            stamped = _numeric(before["numeric"], before["clock"], published) or stamped
        found.append(Dispatch(agency, Credit.DISPATCH, match.group(0).strip(), place, stamped))
    return found


def _clocks(text: str, published: date | None) -> list[Dispatch]:
    found = []
    for match in _AGENCY_CLOCK.finditer(text):
        agency = agency_name(match["agency"])
        if agency is None:
            continue
        stamped = None
        if published is not None:
            stamped = datetime.combine(published, datetime.min.time()).replace(
                hour=int(match["hour"]), minute=int(match["minute"])
            )
        found.append(Dispatch(agency, Credit.DISPATCH, match.group(0), None, stamped))
    return found


def _footers(text: str) -> list[Dispatch]:
    """Copyright lines anywhere, a signature on the last line."""
    found = [
        Dispatch(agency, Credit.DISPATCH, match.group(0))
        for match in _COPYRIGHT.finditer(text)
        if (agency := agency_name(match["agency"])) is not None
    ]
    signature = _SIGNATURE.search(text.rstrip()[-200:])
    if signature is not None and (agency := agency_name(signature["agency"])) is not None:
        found.append(Dispatch(agency, Credit.DISPATCH, signature.group(0).strip()))
    return found


def _shared_bylines(text: str) -> list[Dispatch]:
    return [
        Dispatch(agency, Credit.WITH, match.group(0))
        for match in _WITH.finditer(text)
        for name in (match["agency"], match["agency2"])
        if name and (agency := agency_name(name)) is not None
    ]


def find_dispatches(text: str, published: date | None = None) -> list[Dispatch]:
    """Every agency stamp and shared byline in ``text``, in the order found (see the module docstring)."""
    return _datelines(text, published) + _clocks(text, published) + _footers(text) + _shared_bylines(text)


def dispatch_of(text: str, published: date | None = None) -> Dispatch | None:
    """The agency whose dispatch ``text`` is, or that it credits: a dispatch before a shared byline,
    a stamp with a time before one without, the first found otherwise; ``None`` without a stamp.

    An article that credits an agency with "avec AFP" is ``Credit.WITH`` even when it quotes a dateline.
    """
    found = find_dispatches(text, published)
    if not found:
        return None
    if any(d.credit is Credit.WITH for d in found):
        shared = next(d for d in found if d.credit is Credit.WITH)
        at = next((d.stamped_at for d in found if d.stamped_at is not None), None)
        return Dispatch(shared.agency, Credit.WITH, shared.stamp, shared.place, at)
    timed = [d for d in found if d.stamped_at is not None]
    best = timed[0] if timed else found[0]
    place = best.place or next((d.place for d in found if d.place), None)
    return Dispatch(best.agency, best.credit, best.stamp, place, best.stamped_at)
