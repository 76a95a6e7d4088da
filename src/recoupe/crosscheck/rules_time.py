"""Time in the conflict rules: dates as intervals of days, lengths of time in days.

``days_of`` reads the ISO forms the figures carry (``2025``, ``2025-02``, ``2025-02-11``, ``--02-11`` without a
year, ``2025-W07`` for a week) as (has a year, first day, last day); two dates are compatible when their days
overlap. A length ("un mois", "deux semaines") is compared in days (``duration_unit``), a month or a year
loosely (``MONTH_SLACK``).
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from recoupe.crosscheck.rules_lexicon import DATE_OPENINGS
from recoupe.folding import fold

if TYPE_CHECKING:
    from recoupe.model import Figure

__all__ = [
    "DURATION_DAYS",
    "MONTH_SLACK",
    "date_opening",
    "dates_comparable",
    "dates_compatible",
    "dates_compatible_as_told",
    "days_of",
    "duration_unit",
]


def days_of(value: str) -> tuple[bool, date, date] | None:  # noqa: PLR0911 - one return per date form
    """(has a year, first day, last day); a date without a year is put in leap year 2000."""
    try:
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            first = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return True, first, first + timedelta(days=6)
        if m := re.fullmatch(r"--(\d{2})-(\d{2})", value):
            day = date(2000, int(m.group(1)), int(m.group(2)))
            return False, day, day
        if m := re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T.*)?", value):
            year, month, dom = int(m.group(1)), m.group(2), m.group(3)
            if month is None:
                return True, date(year, 1, 1), date(year, 12, 31)
            if dom is None:
                following = date(year + (month == "12"), int(month) % 12 + 1, 1)
                return True, date(year, int(month), 1), following - timedelta(days=1)
            day = date(year, int(month), int(dom))
            return True, day, day
    except ValueError:
        return None
    return None


def dates_compatible(a: str, b: str) -> bool:
    """Whether two ISO dates (or years, months, weeks, days without a year) can be the same day."""
    da, db = days_of(a), days_of(b)
    if da is None or db is None:
        return True  # what cannot be read is not a conflict
    if not (da[0] and db[0]):  # no year on one side: compare the month and day only
        if (da[0] and da[1].year != da[2].year) or (db[0] and db[1].year != db[2].year):
            return True  # a whole year, or a week across new year, holds every day
        da = (False, da[1].replace(year=2000), da[2].replace(year=2000))
        db = (False, db[1].replace(year=2000), db[2].replace(year=2000))
    return da[1] <= db[2] and db[1] <= da[2]


def date_opening(before: str) -> str:
    """``exact``, or what the word before a date opens: ``since``, ``until``, ``deadline``, ``after``."""
    return next((name for name, pattern in DATE_OPENINGS if pattern.search(before)), "exact")


def dates_compatible_as_told(a: Figure, b: Figure, hedge_a: str, hedge_b: str) -> bool:
    """Two dates of one slot: the same opening word ("d'ici octobre" / "d'ici septembre", "depuis le 2" /
    "depuis le 3"), or a state's first day against a day told bare ("fermées le 26 mars" / "fermées à partir du
    16 mars"), are compared as days; a deadline, an end or a floor against a day is no conflict."""
    pair = {hedge_a, hedge_b}
    if "range" in pair or (hedge_a != hedge_b and pair != {"since", "exact"}):
        return True
    return dates_compatible(str(a.value), str(b.value))


#: a duration's unit in days ("un mois" and "deux semaines" are compared in days)
DURATION_DAYS = {
    "heure": 1 / 24, "h": 1 / 24, "hour": 1 / 24, "jour": 1.0, "j": 1.0, "day": 1.0, "semaine": 7.0, "week": 7.0,
    "mois": 30.4, "month": 30.4, "an": 365.25, "annee": 365.25, "year": 365.25,
}  # fmt: skip
MONTH_SLACK = 0.1  # a month is 28 to 31 days; a year in days is as loose


def duration_unit(figure: Figure) -> float | None:
    """Days in one unit of a duration figure ("deux semaines": 7), ``None`` for anything else."""
    if figure.kind != "quantity" or not figure.unit:
        return None
    unit = fold(figure.unit)
    return DURATION_DAYS.get(unit, DURATION_DAYS.get(unit.rstrip("s")))


def whole_year(days: tuple[bool, date, date]) -> bool:
    return days[0] and days[1] == date(days[1].year, 1, 1) and days[2] == date(days[1].year, 12, 31)


def dates_comparable(a: str, b: str) -> bool:
    """A year alone ("en 2015") and a day without its year ("le 21 février") say nothing about each other."""
    da, db = days_of(a), days_of(b)
    if da is None or db is None:
        return True
    return not ((not da[0] and whole_year(db)) or (not db[0] and whole_year(da)))
