"""Calendar dates written in an article, absolute and relative (French and English).

Absolute dates (rules, no library): ``22 octobre``, ``1er janvier``, ``janvier 2019``, ``9 avril 2015``,
``February 11, 2025``, ``11 February 2025``, ``12/05/2019`` (day first in French, month first in
English), ``2019-05-12``; ranges and alternatives inherit the month and year written later (``du 18 au
27 octobre 2019`` → 2019-10-18 and 2019-10-27; ``le 9 ou le 10 décembre`` → --12-09). The span holds
only the calendar core: no determiner, weekday or preposition. The year is never guessed: a date
without one is ``--MM-DD``. Bare years (``en 2019``) are found by ``figures.py`` with the other numbers.

Relative dates (rules): French ``hier``, ``avant-hier``, ``demain``, ``après-demain``, ``lundi
dernier``/``prochain``, ``ce lundi``, a bare weekday (``a déclaré lundi``: the last such day on or before
publication, the news convention), ``la semaine dernière``/``prochaine`` (an ISO week ``YYYY-Www``),
``le mois dernier``/``prochain``, ``l'an dernier``, ``l'année dernière``/``prochaine``, ``cette année``;
English ``yesterday``, ``tomorrow``, ``last/next Monday``, ``on Monday``, ``last/next week``, ``last/next
month``, ``last/next year``, ``this year``. They are resolved only against a publication date precise
enough (a day for day and week expressions, a month or a year for the others) and are marked relative.
dateparser was tried for these and not kept: its ``search_dates`` also fires on ordinary words and is
slow; the fixed list above is what news text uses.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from recoupe.model import DatePrecision

if TYPE_CHECKING:
    from recoupe.model import PublishedDate

__all__ = ["DateMatch", "find_dates", "find_relative_dates"]

_FR_MONTHS = {
    "janvier": 1, "janv": 1, "février": 2, "fevrier": 2, "févr": 2, "mars": 3, "avril": 4, "avr": 4, "mai": 5,
    "juin": 6, "juillet": 7, "juil": 7, "août": 8, "aout": 8, "septembre": 9, "sept": 9, "octobre": 10,
    "oct": 10, "novembre": 11, "nov": 11, "décembre": 12, "decembre": 12, "déc": 12, "dec": 12,
}  # fmt: skip
_EN_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
_FR_WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}
_EN_WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip


def _alternation(words: dict[str, int]) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_S = r"[ \u00a0\u202f]+"
_FR_DAY = r"(?P<day>1er|1ᵉʳ|[12]\d|3[01]|0?[1-9])"
_FR_DATE = re.compile(
    rf"(?<![\w\-/.,])(?:{_FR_DAY}{_S})?(?P<month>{_alternation(_FR_MONTHS)})\.?(?:{_S}(?P<year>1[5-9]\d\d|2[01]\d\d)(?![\d]))?(?!(?-i:[a-zà-ÿ]))",
    re.IGNORECASE,
)
_EN_DATE = re.compile(
    rf"(?<![\w\-/.,])(?:(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?{_S}(?:of{_S})?)?"
    rf"(?P<month>{_alternation(_EN_MONTHS)})\b\.?"
    rf"(?:{_S}(?P<day2>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?\b)?"
    rf"(?:,?{_S}(?P<year>1[5-9]\d\d|2[01]\d\d)(?![\d]))?",
    re.IGNORECASE,
)
_NUMERIC_DATE = re.compile(
    r"(?<![\w/.\-])(?:(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d\d)|(?P<iy>(?:19|20)\d\d)-(?P<im>\d\d)-(?P<id>\d\d))(?![\w/])"
)
_YEAR_RANGE = re.compile(r"(?<![\w\-/.,])(1[89]\d\d|20\d\d)[-–](1[89]\d\d|20\d\d)(?![\w\-/])")
# what may stand before a date whose month comes later: "18 au", "9 ou le", "3, 4 et"
_FR_LINK = re.compile(
    r"(?P<day>1er|[12]\d|3[01]|0?[1-9])(?:[ \u00a0]*(?:,|au|et|ou|à|-|–)[ \u00a0]*(?:le[ \u00a0]+)?)$",
    re.IGNORECASE,
)
_EN_LINK = re.compile(r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?[ \u00a0]*(?:,|to|and|or|-|–)[ \u00a0]*$")


@dataclass(frozen=True, slots=True)
class DateMatch:
    """A date at ``start:end`` with its ISO value (``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``--MM-DD``,
    or ``YYYY-Www`` for a relative week)."""

    start: int
    end: int
    value: str
    relative: bool = False


def _iso(year: str | None, month: int, day: int | None) -> str:
    if day is None:
        return f"{int(year):04d}-{month:02d}" if year else ""
    if year:
        return f"{int(year):04d}-{month:02d}-{day:02d}"
    return f"--{month:02d}-{day:02d}"


def _valid(month: int, day: int | None) -> bool:
    if day is None:
        return True
    return 1 <= month <= 12 and 1 <= day <= (29 if month == 2 else 30 if month in {4, 6, 9, 11} else 31)


def _day_number(raw: str) -> int:
    return 1 if raw.lower().startswith("1e") or raw.startswith("1ᵉ") else int(raw)


def find_dates(text: str, language: str) -> list[DateMatch]:  # noqa: PLR0912 - one branch per form
    """Absolute calendar dates with a day or a year (a month alone is not a date here)."""
    english = language == "en"
    pattern = _EN_DATE if english else _FR_DATE
    months = _EN_MONTHS if english else _FR_MONTHS
    link = _EN_LINK if english else _FR_LINK
    found: list[DateMatch] = []
    for m in pattern.finditer(text):
        month_word = m.group("month")
        month = months[month_word.lower()]
        raw_day = m.group("day") or (m.groupdict().get("day2") if english else None)
        day = _day_number(raw_day) if raw_day else None
        year = m.group("year")
        if day is None and year is None:
            continue
        short_forms = {"mai", "juin", "mars", "may", "june", "july"}
        if day is None and len(month_word) <= 4 and month_word.lower() not in short_forms:
            continue  # abbreviations only with a day ("12 janv. 2020")
        if not _valid(month, day):
            continue
        start = m.start() if m.group("day") else m.start("month")
        end = m.end()
        if year is None and text[end - 1] == "." and len(month_word) > 4:
            end -= 1  # the sentence's full stop, not an abbreviation's
        found.append(DateMatch(start, end, _iso(year, month, day)))
        # earlier days of a range or list take this month and year
        cursor = start
        while True:
            before = link.search(text, max(0, cursor - 16), cursor)
            if before is None:
                break
            earlier = _day_number(before.group("day"))
            if day is None or not _valid(month, earlier) or (before.start() > 0 and text[before.start() - 1].isalnum()):
                break
            found.append(
                DateMatch(before.start(), before.start() + len(before.group("day")), _iso(year, month, earlier))
            )
            cursor = before.start()
    for m in _YEAR_RANGE.finditer(text):  # "(1958-1977)": both years
        found.extend((DateMatch(m.start(1), m.end(1), m.group(1)), DateMatch(m.start(2), m.end(2), m.group(2))))
    for m in _NUMERIC_DATE.finditer(text):
        if m.group("iy"):
            month, day = int(m.group("im")), int(m.group("id"))
            year = m.group("iy")
        else:
            first, second = int(m.group("a")), int(m.group("b"))
            day, month = (second, first) if english else (first, second)
            year = m.group("y")
        if _valid(month, day) and 1 <= month <= 12:
            found.append(DateMatch(m.start(), m.end(), _iso(year, month, day)))
    found.sort(key=lambda d: d.start)
    return found


_FR_RELATIVE = re.compile(
    r"(?<![\w\-])(?:(?P<dayword>avant-hier|après-demain|apres-demain|hier|demain)"
    rf"|(?P<wd>{_alternation(_FR_WEEKDAYS)})(?:[ \u00a0]+(?P<dir>dernier|prochain))?"
    r"|(?P<unit_the>la[ \u00a0]+semaine|le[ \u00a0]+mois|l'an|l’an|l'année|l’année)"
    r"[ \u00a0]+(?P<dir2>derni[eè]re?|prochaine?|passée?)"
    r"|(?P<this>cette[ \u00a0]+année))(?![\w\-])",
    re.IGNORECASE,
)
_EN_RELATIVE = re.compile(
    r"(?<![\w\-])(?:(?P<dayword>yesterday|tomorrow)"
    rf"|(?:(?P<dir>last|next|this)[ \u00a0]+)?(?P<wd>{_alternation(_EN_WEEKDAYS)})"
    r"|(?P<dir2>last|next|past)[ \u00a0]+(?P<unit_the>week|month|year)"
    r"|(?P<this>this[ \u00a0]+year))(?![\w\-])",
    re.IGNORECASE,
)
_DAY_OFFSETS = {"avant-hier": -2, "hier": -1, "demain": 1, "après-demain": 2, "apres-demain": 2,
                "yesterday": -1, "tomorrow": 1}  # fmt: skip
# "le lundi", "chaque lundi", "tous les lundis": habits, not a date
_HABIT_BEFORE = re.compile(r"(?:\b(?:le|les|chaque|tous[ \u00a0]+les|every|on[ \u00a0]+the)[ \u00a0]+)$", re.IGNORECASE)
_FOLLOWED_BY_DAY = re.compile(r"[ \u00a0]+(?:1er|\d{1,2})\b|[ \u00a0]+(?:the[ \u00a0]+)?\d")


def _month_shift(day: date, months: int) -> tuple[int, int]:
    index = day.year * 12 + day.month - 1 + months
    return index // 12, index % 12 + 1


def find_relative_dates(  # noqa: PLR0912 - one branch per expression
    text: str, language: str, published: PublishedDate | None
) -> list[DateMatch]:
    """Relative dates resolved against ``published``; none when it is missing or too coarse."""
    if published is None:
        return []
    precision = published.precision
    has_day = precision in {DatePrecision.DAY, DatePrecision.MINUTE}
    has_month = has_day or precision is DatePrecision.MONTH
    base = published.value.date()
    english = language == "en"
    pattern = _EN_RELATIVE if english else _FR_RELATIVE
    weekdays = _EN_WEEKDAYS if english else _FR_WEEKDAYS
    found: list[DateMatch] = []
    for m in pattern.finditer(text):
        value: str | None = None
        if m.group("dayword") and has_day:
            value = (base + timedelta(days=_DAY_OFFSETS[m.group("dayword").lower()])).isoformat()
        elif m.group("wd") and has_day:
            if _FOLLOWED_BY_DAY.match(text, m.end()) or _HABIT_BEFORE.search(text, max(0, m.start() - 16), m.start()):
                continue  # "lundi 22 octobre" is an absolute date; "le lundi" a habit
            target = weekdays[m.group("wd").lower()]
            direction = (m.group("dir") or "").lower()
            if direction in {"prochain", "next"}:
                delta = (target - base.weekday()) % 7 or 7
            elif direction in {"dernier", "last"}:
                delta = -((base.weekday() - target) % 7 or 7)
            else:
                delta = -((base.weekday() - target) % 7)
            value = (base + timedelta(days=delta)).isoformat()
        elif m.group("unit_the"):
            unit = m.group("unit_the").lower()
            step = 1 if m.group("dir2").lower().startswith(("prochain", "next")) else -1
            if "semaine" in unit or unit == "week":
                if has_day:
                    year, week, _ = (base + timedelta(weeks=step)).isocalendar()
                    value = f"{year:04d}-W{week:02d}"
            elif "mois" in unit or unit == "month":
                if has_month:
                    year, month = _month_shift(base, step)
                    value = f"{year:04d}-{month:02d}"
            else:
                value = f"{base.year + step:04d}"
        elif m.group("this"):
            value = f"{base.year:04d}"
        if value:
            found.append(DateMatch(m.start(), m.end(), value, relative=True))
    return found
