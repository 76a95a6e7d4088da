"""Charts as geometry for server-rendered SVG: no script, no style attribute, labels escaped by the template.

``timeline`` places a story's articles on a time axis, one row per outlet (wire copies hollow);
``histogram`` counts dated items per day, month or year (an entity's stories over time). Both return plain
dataclasses the templates draw with SVG elements and presentation attributes; colours come from the CSS.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["Bar", "Dot", "Histogram", "Tick", "Timeline", "histogram", "timeline"]

WIDTH = 720
LABEL_WIDTH = 170
ROW = 30
TOP = 14
AXIS = 34
MAX_ROWS = 16
MAX_LABEL = 24


@dataclass(frozen=True, slots=True)
class Dot:
    x: float
    y: float
    href: str
    title: str
    copy: bool


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
    rows: tuple[tuple[str, float], ...]  # (outlet label, y)
    dots: tuple[Dot, ...]
    ticks: tuple[Tick, ...]
    undated: int
    description: str


def _short(label: str) -> str:
    return label if len(label) <= MAX_LABEL else label[: MAX_LABEL - 1] + "…"


def _tick_label(moment: datetime, span: timedelta) -> str:
    if span <= timedelta(days=2):
        return moment.strftime("%d %b %H:%M")
    if span <= timedelta(days=400):
        return moment.strftime("%d %b %Y")
    return moment.strftime("%b %Y")


def _bounds(moments: Sequence[datetime]) -> tuple[datetime, datetime]:
    low, high = min(moments), max(moments)
    if high - low < timedelta(hours=2):
        low, high = low - timedelta(hours=12), high + timedelta(hours=12)
    pad = (high - low) * 0.04
    return low - pad, high + pad


def timeline(items: Sequence[tuple[str, datetime | None, bool, str, str]]) -> Timeline:
    """Items are ``(outlet, published or None, is a wire copy, link, tooltip)`` in any order."""
    outlets = list(dict.fromkeys(outlet for outlet, *_ in items))
    shown = outlets[:MAX_ROWS] if len(outlets) <= MAX_ROWS else [*outlets[: MAX_ROWS - 1], "other outlets"]
    row_of = {name: min(i, len(shown) - 1) for i, name in enumerate(outlets)}
    dated = [item for item in items if item[1] is not None]
    height = TOP + ROW * max(len(shown), 1) + AXIS
    axis_y = TOP + ROW * max(len(shown), 1)
    rows = tuple((_short(name), TOP + ROW * i + ROW / 2) for i, name in enumerate(shown))
    dots: list[Dot] = []
    ticks: list[Tick] = []
    if dated:
        moments = [moment for _, moment, *_ in dated if moment is not None]
        low, high = _bounds(moments)
        span = high - low
        plot = WIDTH - LABEL_WIDTH - 20

        def x_of(moment: datetime) -> float:
            return round(LABEL_WIDTH + plot * ((moment - low) / span), 1)

        for outlet, moment, copy, href, title in dated:
            assert moment is not None
            dots.append(Dot(x_of(moment), rows[row_of[outlet]][1], href, title, copy))
        count = 4
        ticks = [
            Tick(x_of(low + span * (i + 0.5) / count), _tick_label(low + span * (i + 0.5) / count, span))
            for i in range(count)
        ]
    description = (
        f"{len(items)} articles from {len(outlets)} outlets"
        + (f", {len(items) - len(dated)} undated" if len(dated) < len(items) else "")
        + (
            f", between {min(m for _, m, *_ in dated if m):%Y-%m-%d} and {max(m for _, m, *_ in dated if m):%Y-%m-%d}"
            if dated
            else ""
        )
    )
    return Timeline(
        WIDTH, height, LABEL_WIDTH, axis_y, rows, tuple(dots), tuple(ticks), len(items) - len(dated), description
    )


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


_FORMATS = {"day": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}


def _period(moment: datetime, unit: str) -> str:
    return moment.strftime(_FORMATS[unit])


def _periods(low: datetime, high: datetime, unit: str) -> list[str]:
    out: list[str] = []
    if unit == "day":
        current = low.date()
        while current <= high.date():
            out.append(current.isoformat())
            current += timedelta(days=1)
    elif unit == "month":
        year, month = low.year, low.month
        while (year, month) <= (high.year, high.month):
            out.append(f"{year:04d}-{month:02d}")
            year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    else:
        out = [f"{year:04d}" for year in range(low.year, high.year + 1)]
    return out


def histogram(moments: Sequence[datetime], *, what: str = "stories") -> Histogram | None:
    """How many of ``moments`` fall in each day, month or year (whichever gives at most 60 bars)."""
    if not moments:
        return None
    low, high = min(moments), max(moments)
    span = high - low
    unit = "day" if span <= timedelta(days=60) else "month" if span <= timedelta(days=5 * 366) else "year"
    counts = Counter(_period(m, unit) for m in moments)
    periods = _periods(low, high, unit)
    height, base, top = 180, 150, 12
    plot = WIDTH - 60
    step = plot / len(periods)
    peak = max(counts.values())
    bars = []
    for i, period in enumerate(periods):
        n = counts.get(period, 0)
        h = (base - top) * n / peak
        bars.append(
            Bar(round(40 + i * step + step * 0.1, 1), round(base - h, 1), round(step * 0.8, 1), round(h, 1), period, n)
        )
    every = max(1, len(periods) // 6)
    ticks = tuple(Tick(round(40 + i * step + step / 2, 1), p) for i, p in enumerate(periods) if i % every == 0)
    description = f"{len(moments)} {what} between {periods[0]} and {periods[-1]}, most in one {unit}: {peak}"
    return Histogram(WIDTH, height, base, tuple(bars), ticks, peak, unit, description)
