"""Charts as geometry for server-rendered SVG: no script, no style attribute, labels escaped by the template.

``timeline`` places a story's articles on a time axis, one lane per outlet (wire copies hollow); an article
dated to the day only is drawn as that whole day (a band), never at a made-up hour. ``histogram`` counts
dated items per day, month or year (an entity's stories over time); it gives ``None`` when there is nothing
to compare (fewer than two items, or all in one period): the page lists them instead of one giant bar.

Each chart comes in two layouts drawn at their real size: ``wide`` (720 units, outlet names left of their
lane) and ``narrow`` (360 units for a phone, names above their lane); the stylesheet shows one by the
screen's width, so labels stay legible at 390 px. Dates are in the reader's words, in French like the
archive ("17 nov. 2018", "le 17 à 14 h"), never raw ISO text.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "Bar",
    "Dot",
    "Histogram",
    "Month",
    "Tick",
    "Timeline",
    "day_words",
    "histogram",
    "moment_words",
    "timeline",
]

Layout = Literal["wide", "narrow"]
WIDTHS: dict[str, int] = {"wide": 720, "narrow": 360}
LABEL_WIDTH = 170  # wide layout: room for the outlet names left of the lanes
ROW = {"wide": 30, "narrow": 44}  # narrow: the name sits above its lane
TOP = 14
AXIS = 34
MAX_ROWS = 16
MAX_LABEL = {"wide": 24, "narrow": 40}
MAX_TICKS = {"wide": 5, "narrow": 3}
DAY_MIN_WIDTH = 8.0

MONTHS = ("janv.", "févr.", "mars", "avr.", "mai", "juin", "juil.", "août", "sept.", "oct.", "nov.", "déc.")

# -- dates in words -------------------------------------------------------------------------------------


def day_words(day: date, *, year: bool = True) -> str:
    """``17 nov. 2018`` (``17 nov.`` without the year); the 1st is ``1er``."""
    number = "1er" if day.day == 1 else str(day.day)
    text = f"{number} {MONTHS[day.month - 1]}"
    return f"{text} {day.year}" if year else text


def hour_words(moment: datetime) -> str:
    """``14 h`` or ``14 h 05``."""
    return f"{moment.hour} h" if moment.minute == 0 else f"{moment.hour} h {moment.minute:02d}"


@dataclass(frozen=True, slots=True)
class Month:
    """A publication date known to the month only (drawn as a band over the month)."""

    year: int
    month: int


def moment_words(moment: datetime | date | Month) -> str:
    """A publication time in words: ``17 nov. 2018 à 14 h 05``, ``17 nov. 2018`` for a day, ``nov. 2018``."""
    if isinstance(moment, Month):
        return f"{MONTHS[moment.month - 1]} {moment.year}"
    if not isinstance(moment, datetime):
        return day_words(moment)
    return f"{day_words(moment.date())} à {hour_words(moment)}"


def month_words(moment: date) -> str:
    return f"{MONTHS[moment.month - 1]} {moment.year}"


# -- scales ---------------------------------------------------------------------------------------------

HOUR = timedelta(hours=1)
DAY = timedelta(days=1)
STEPS: tuple[tuple[str, timedelta], ...] = (
    ("hour", HOUR),
    ("hour", 3 * HOUR),
    ("hour", 6 * HOUR),
    ("hour", 12 * HOUR),
    ("day", DAY),
    ("day", 2 * DAY),
    ("day", 7 * DAY),
    ("month", 30 * DAY),
    ("month", 91 * DAY),
    ("year", 365 * DAY),
)


def _start(moment: date | datetime | Month) -> datetime:
    if isinstance(moment, Month):
        return datetime(moment.year, moment.month, 1)  # noqa: DTZ001 - chart times are wall-clock times
    return moment if isinstance(moment, datetime) else datetime.combine(moment, time())


def _end(moment: date | datetime | Month) -> datetime:
    if isinstance(moment, Month):
        return _next_month(_start(moment), 1)
    return moment if isinstance(moment, datetime) else datetime.combine(moment, time()) + DAY


def _next_month(moment: datetime, months: int) -> datetime:
    index = moment.year * 12 + moment.month - 1 + months
    return datetime(index // 12, index % 12 + 1, 1)  # noqa: DTZ001 - chart times are wall-clock times


def _ticks(low: datetime, high: datetime, most: int) -> list[tuple[datetime, str]]:
    """Round moments between ``low`` and ``high`` (at most ``most``), each with its label in words."""
    span = high - low
    kind, step = next(((k, s) for k, s in STEPS if span / s <= most), STEPS[-1])
    if kind == "year":
        years = max(1, -(-(high.year - low.year + 1) // most))
        moments = [datetime(y, 1, 1) for y in range(low.year, high.year + 2, years)]  # noqa: DTZ001
    elif kind == "month":
        months = 1 if step < 60 * DAY else 3
        first = _next_month(datetime(low.year, low.month, 1), 0)  # noqa: DTZ001
        moments = []
        current = first
        while current <= high:
            moments.append(current)
            current = _next_month(current, months)
    else:
        first = datetime.combine(low.date(), time())
        moments = []
        current = first
        while current <= high:
            moments.append(current)
            current += step
    inside = [m for m in moments if low <= m <= high]
    several_years = low.year != high.year
    return [(m, _tick_label(kind, m, inside[i - 1] if i else None, several_years)) for i, m in enumerate(inside)]


def _tick_label(kind: str, moment: datetime, before: datetime | None, several_years: bool) -> str:
    """A tick's words: ``le 17 à 14 h`` (then ``15 h``), ``17 nov.`` (a day, or midnight), ``nov. 2018``, ``2018``."""
    if kind == "hour":
        if moment.hour == 0 and moment.minute == 0:
            return day_words(moment.date(), year=False)  # midnight: the day itself
        if before is None or moment.date() != before.date():
            return f"le {moment.day} à {hour_words(moment)}"
        return hour_words(moment)
    if kind == "day":
        return day_words(moment.date(), year=several_years or before is None)
    if kind == "month":
        return month_words(moment.date())
    return str(moment.year)


def _bounds(items: Sequence[date | datetime | Month]) -> tuple[datetime, datetime]:
    low, high = min(_start(m) for m in items), max(_end(m) for m in items)
    if high - low < 2 * HOUR:
        low, high = low - HOUR, high + HOUR
    pad = (high - low) * 0.04
    return low - pad, high + pad


# -- timeline -------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Dot:
    """An article: a dot at its time, or (``day``) a band over the day it is dated to (``width`` wide)."""

    x: float
    y: float
    href: str
    title: str
    copy: bool
    day: bool = False
    width: float = 0.0


@dataclass(frozen=True, slots=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True, slots=True)
class Timeline:
    width: int
    height: int
    left: int
    axis_y: float
    rows: tuple[tuple[str, float], ...]  # (outlet label, lane y)
    dots: tuple[Dot, ...]
    ticks: tuple[Tick, ...]
    undated: int
    description: str
    layout: str = "wide"

    @property
    def label_y_offset(self) -> int:
        """Where an outlet's name sits from its lane: beside it (wide) or above it (narrow)."""
        return 4 if self.layout == "wide" else -12


def _short(label: str, layout: str) -> str:
    limit = MAX_LABEL[layout]
    return label if len(label) <= limit else label[: limit - 1] + "…"


def _span_words(low: date | datetime | Month, high: date | datetime | Month) -> str:
    first, last = _start(low).date(), _start(high).date()
    if first == last:
        return f"le {day_words(first)}"
    return f"du {day_words(first)} au {day_words(last)}"


def timeline(
    items: Sequence[tuple[str, datetime | date | Month | None, bool, str, str]], *, layout: Layout = "wide"
) -> Timeline:
    """Items are ``(outlet, published, is a wire copy, link, tooltip)`` in any order.

    ``published`` is a ``datetime`` (a known time: a dot), a ``date`` (the day only: a band over that day),
    a ``Month`` (a band over the month) or ``None`` (not drawn, counted as undated). The tooltip gets the
    date in words appended.
    """
    width = WIDTHS[layout]
    row = ROW[layout]
    left = LABEL_WIDTH if layout == "wide" else 12
    outlets = list(dict.fromkeys(outlet for outlet, *_ in items))
    shown = outlets[:MAX_ROWS] if len(outlets) <= MAX_ROWS else [*outlets[: MAX_ROWS - 1], "other outlets"]
    row_of = {name: min(i, len(shown) - 1) for i, name in enumerate(outlets)}
    dated = [item for item in items if item[1] is not None]
    top = TOP + (8 if layout == "narrow" else 0)
    axis_y = top + row * max(len(shown), 1)
    height = axis_y + AXIS
    lane = row / 2 + (6 if layout == "narrow" else 0)
    rows = tuple((_short(name, layout), top + row * i + lane) for i, name in enumerate(shown))
    dots: list[Dot] = []
    ticks: list[Tick] = []
    if dated:
        moments = [moment for _, moment, *_ in dated if moment is not None]
        low, high = _bounds(moments)
        span = high - low
        plot = width - left - 14

        def x_of(moment: datetime) -> float:
            return round(left + plot * ((moment - low) / span), 1)

        for outlet, moment, copy, href, title in dated:
            assert moment is not None
            y = rows[row_of[outlet]][1]
            said = f"{title}, {moment_words(moment)}"
            if isinstance(moment, datetime):
                dots.append(Dot(x_of(moment), y, href, said, copy))
            else:
                start, end = x_of(_start(moment)), x_of(_end(moment))
                band = max(end - start, DAY_MIN_WIDTH)
                middle = (start + end) / 2
                dots.append(Dot(round(middle - band / 2, 1), y, href, said, copy, day=True, width=round(band, 1)))
        ticks = [Tick(x_of(m), label) for m, label in _ticks(low, high, MAX_TICKS[layout])]
    description = f"{_plural(len(items), 'article')} from {_plural(len(outlets), 'outlet')}"
    if len(dated) < len(items):
        description += f", {len(items) - len(dated)} without a known day"
    if dated:
        drawn = [m for _, m, *_ in dated if m is not None]
        description += ", " + _span_words(min(drawn, key=_start), max(drawn, key=_start))
    return Timeline(
        width, height, left, axis_y, rows, tuple(dots), tuple(ticks), len(items) - len(dated), description, layout
    )


def _plural(count: int, word: str, many: str | None = None) -> str:
    return f"{count} {word if count == 1 else (many or word + 's')}"


# -- histogram ------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class Histogram:
    width: int
    height: int
    base: float
    bars: tuple[Bar, ...]
    ticks: tuple[Tick, ...]
    peak: int
    unit: str
    description: str
    layout: str = "wide"


def _period(moment: datetime, unit: str) -> date:
    if unit == "day":
        return moment.date()
    if unit == "month":
        return date(moment.year, moment.month, 1)
    return date(moment.year, 1, 1)


def _periods(low: datetime, high: datetime, unit: str) -> list[date]:
    out: list[date] = []
    current = _period(low, unit)
    last = _period(high, unit)
    while current <= last:
        out.append(current)
        if unit == "day":
            current += timedelta(days=1)
        elif unit == "month":
            current = _next_month(datetime.combine(current, time()), 1).date()
        else:
            current = date(current.year + 1, 1, 1)
    return out


def _period_words(period: date, unit: str, *, year: bool = True) -> str:
    if unit == "day":
        return day_words(period, year=year)
    if unit == "month":
        return month_words(period)
    return str(period.year)


def histogram(
    moments: Sequence[datetime], *, what: str = "stories", one: str = "story", layout: Layout = "wide"
) -> Histogram | None:
    """How many of ``moments`` fall in each day, month or year (whichever gives at most 60 bars).

    ``None`` when a chart would say nothing a list does not: fewer than two moments, or all in one period.
    """
    if len(moments) < 2:
        return None
    low, high = min(moments), max(moments)
    span = high - low
    unit = "day" if span <= timedelta(days=60) else "month" if span <= timedelta(days=5 * 366) else "year"
    counts = Counter(_period(m, unit) for m in moments)
    if len(counts) < 2:
        return None
    periods = _periods(low, high, unit)
    width = WIDTHS[layout]
    height, base, top, left = 180, 150, 12, 40
    plot = width - left - 20
    step = plot / len(periods)
    peak = max(counts.values())
    several_years = low.year != high.year
    bars = []
    for i, period in enumerate(periods):
        n = counts.get(period, 0)
        h = (base - top) * n / peak
        label = _period_words(period, unit)
        x = round(left + i * step + step * 0.1, 1)
        bars.append(Bar(x, round(base - h, 1), round(max(step * 0.8, 1.0), 1), round(h, 1), label, n))
    most = MAX_TICKS[layout]
    every = max(1, -(-len(periods) // most))
    ticks = tuple(
        Tick(round(left + i * step + step / 2, 1), _period_words(p, unit, year=several_years or i == 0))
        for i, p in enumerate(periods)
        if i % every == 0
    )
    first, last = _period_words(periods[0], unit), _period_words(periods[-1], unit)
    description = (
        f"{_plural(len(moments), one, what)} from {first} to {last}; at most {_plural(peak, one, what)} in one {unit}"
    )
    return Histogram(width, height, base, tuple(bars), ticks, peak, unit, description, layout)
