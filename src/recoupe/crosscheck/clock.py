"""The hour an event happened, told in two sentences that say the same thing.

"Le pont s'est effondré vers 11h36" / "… vers 12h36": two outlets, one event, two hours. A clock time is
not a figure (``statements.is_moment``), so figure slots never compare it; two claims aligned as one
statement do. Each hour is read as the interval its words allow ("vers 19h": 18:40-19:20, "peu avant 20
heures": 19:30-20:00, "peu après 14 heures": 14:00-14:30, "à 14h30": 14:25-14:35; "vers 11h15", told to
the minute: 11:05-11:25) and two intervals that do not meet are a conflict. Only a sentence with one clock
time is read (two are a timeline), never a live blog's stamp ("10h15 -"), never when the two do not name one
time zone ("11h56 heure locale" / "8h11, heure de Paris"); when only one names its zone ("vers 11h15, heure
locale" / "vers 11h45"), only minutes no whole hour of time difference explains conflict; and never in
sentences whose counts differ (a toll "à 14 heures" and another "à 18 heures" is an update, not two times of
one event). A span of hours ("un couvre-feu de 21 heures à 6 heures" / "entre 21 heures et 7 heures") is
compared with a span, end by end. A sentence with a clock time is a claim even when it names nothing
(``clock_told``); the only clock time of each of two articles, at most ``APART`` apart, is one event's hour
however the two sentences are worded (``sole_clocks``, linked by ``align``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from recoupe.crosscheck.rules_base import between, sole_claims
from recoupe.folding import fold, fold_in_place

if TYPE_CHECKING:
    from collections.abc import Sequence

    from recoupe.crosscheck.rules_base import Conflict
    from recoupe.crosscheck.statements import Statement

__all__ = [
    "clock_conflicts",
    "clock_interval",
    "clock_span",
    "clock_told",
    "counts_differ",
    "one_clock",
    "one_moment",
    "sole_clocks",
    "zone_shifts",
]

_SPACE = r"[\s\u00a0\u202f]"
_CLOCK = re.compile(
    rf"(?P<hedge>\b(?:peu avant|peu apres|juste avant|juste apres|aux alentours de|autour de|vers|a|des|"
    rf"avant|apres|environ|il etait|il est)){_SPACE}+(?P<h>[01]?\d|2[0-3]){_SPACE}*(?:h|heures?)"
    rf"(?:{_SPACE}*(?P<m>[0-5]\d))?\b"
    rf"(?P<night>{_SPACE}+du matin)?",
)
_MIDNIGHT = re.compile(r"\b(?P<hedge>peu avant|peu apres|vers|a)\s+(?P<word>minuit|midi)\b")
_STAMP = re.compile(rf"^{_SPACE}*[-–]")
_ZONE = re.compile(r"\b(heure locale|heure de paris|heure francaise|gmt|utc|temps universel)\b")
#: minutes before and after the hour each hedge allows
_SLACK = {
    "vers": (20, 20),
    "environ": (20, 20),
    "aux alentours de": (20, 20),
    "autour de": (20, 20),
    "peu avant": (30, 0),
    "juste avant": (15, 0),
    "avant": (120, 0),
    "peu apres": (0, 30),
    "juste apres": (0, 15),
    "apres": (0, 120),
    "des": (0, 60),
    "a": (5, 5),
    "il etait": (5, 5),  # "Il était 17h40 quand le train a quitté les rails"
    "il est": (5, 5),
}


_HOUR = rf"(?:[01]?\d|2[0-3]){_SPACE}*(?:h|heures?)(?:{_SPACE}*[0-5]\d)?"
#: a span of hours: "de 21 heures à 6 heures", "entre 21 heures et 7 heures", "de 6h à 18h30"
_SPAN = re.compile(
    rf"\b(?:de|entre){_SPACE}+(?P<first>{_HOUR})\b{_SPACE}+(?:a|et|jusqu['’]a){_SPACE}+(?P<last>{_HOUR})\b"
)


def _minute(hour: str) -> int:
    """The minute of the day of an hour as written ("21 heures", "18h30")."""
    numbers = re.findall(r"\d+", hour)
    return int(numbers[0]) * 60 + (int(numbers[1]) if len(numbers) > 1 else 0)


def clock_span(sentence: str) -> tuple[tuple[int, int, int], tuple[int, int, int]] | None:
    """The sentence's only span of hours ("un couvre-feu de 21 heures à 6 heures"): (minute, start, end) of its
    first and last hour, offsets into ``sentence``; ``None`` when it gives none or several."""
    spans = list(_SPAN.finditer(fold_in_place(sentence)))
    if len(spans) != 1:
        return None
    match = spans[0]
    return (
        (_minute(match.group("first")), match.start("first"), match.end("first")),
        (_minute(match.group("last")), match.start("last"), match.end("last")),
    )


def _clock_times(sentence: str) -> list[tuple[int, str, int, int]]:
    """Every clock time of a sentence (live blogs' stamps and spans of hours aside): its minute of the day, hedge
    and span."""
    folded = fold_in_place(sentence)
    found = []
    spans = [m.span() for m in _SPAN.finditer(folded)]
    for match in _CLOCK.finditer(folded):
        if _STAMP.match(folded, match.end()) or any(lo <= match.start("h") < hi for lo, hi in spans):
            continue
        minute = int(match.group("h")) * 60 + int(match.group("m") or 0)
        found.append((minute, match.group("hedge"), match.start("h"), match.end()))
    for match in _MIDNIGHT.finditer(folded):
        minute = 24 * 60 if match.group("word") == "minuit" else 12 * 60
        found.append((minute, match.group("hedge"), match.start("word"), match.end()))
    return found


def clock_told(sentence: str) -> bool:
    """Whether a sentence gives a clock time ("L'alerte a été donnée vers 0h40."): a claim even when it names
    nothing and counts nothing."""
    return bool(_clock_times(sentence)) or clock_span(sentence) is not None


def clock_interval(sentence: str) -> tuple[int, int, int, int] | None:
    """(earliest, latest) minute of the day the sentence's only clock time allows, and its span; ``None``
    when the sentence gives no clock time, several, or a live blog's stamp."""
    found = _clock_times(sentence)
    if len(found) != 1:
        return None
    minute, hedge, start, end = found[0]
    before, after = _SLACK.get(hedge, (5, 5))
    if minute % 30:  # "vers 11h15": a time told to the minute is hedged by less than a round hour
        before, after = min(before, 10), min(after, 10)
    return minute - before, minute + after, start, end


def counts_differ(a: Statement, b: Statement) -> bool:
    values_a = {f.value for f in a.figures if f.kind in {"count", "percent"}}
    values_b = {f.value for f in b.figures if f.kind in {"count", "percent"}}
    return bool(values_a and values_b and values_a != values_b)


#: names of one time zone
_ZONES = {"heure francaise": "heure de paris", "gmt": "utc", "temps universel": "utc"}


def _zone(text: str) -> str | None:
    """The time zone a sentence names ("heure locale", "heure de Paris" = "heure française"), if any."""
    match = _ZONE.search(fold(text).casefold())
    return None if match is None else _ZONES.get(match.group(), match.group())


def one_clock(a: str, b: str) -> bool:
    """Whether two sentences' hours may be read on one clock: both name one time zone, neither names any, or one
    names a zone the other leaves unsaid (``zone_shifts`` then allows the other's hour in any zone)."""
    zone_a, zone_b = _zone(a), _zone(b)
    return zone_a == zone_b or zone_a is None or zone_b is None


#: minutes in a day; hours of one moment meet across midnight ("vers minuit" / "vers 0h10")
_DAY = 24 * 60


def zone_shifts(a: str, b: str) -> tuple[int, ...]:
    """The shifts (minutes) that may turn one sentence's hour into the other's clock: across midnight when both
    name one zone or none; by any whole hour too when one names a zone and the other none ("vers 11h15, heure
    locale" / "vers 12h15" may be one moment told in Paris time; "vers 11h45" cannot)."""
    if _zone(a) == _zone(b):
        return (-_DAY, 0, _DAY)
    return tuple(range(-_DAY, _DAY + 1, 60))


#: how far apart (minutes) two hours may be and still be read as the hour of one event, told twice (an hour's
#: slip, a time zone left unnamed); further apart, they tell two moments of the story (a fire at night, the
#: mayor's press conference in the afternoon)
APART = 180


def one_moment(a: str, b: str) -> bool:
    """Whether two sentences' hours may be one event's: on one clock (``one_clock``), at most ``APART`` apart."""
    hours_a, hours_b = _clock_times(a), _clock_times(b)
    if not (hours_a and hours_b and one_clock(a, b)):
        return False
    return min(abs(x[0] - y[0] + shift) for x in hours_a for y in hours_b for shift in (-_DAY, 0, _DAY)) <= APART


def clock_conflicts(a: Statement, b: Statement) -> list[Conflict]:
    """The conflict between the hours two aligned claims give for what they tell (spans: the hours in each
    article's text), if any."""
    if not one_clock(a.text, b.text):
        return []
    span_a, span_b = clock_span(a.text), clock_span(b.text)
    if span_a is not None or span_b is not None:  # a span of hours (a curfew, a strike's hours) is compared
        # with a span, end by end, whatever else the sentences count, on one named clock
        both = span_a is not None and span_b is not None and _zone(a.text) == _zone(b.text)
        return _span_conflicts(a, span_a, b, span_b) if both else []  # type: ignore[arg-type]
    if counts_differ(a, b):
        return []
    one, other = clock_interval(a.text), clock_interval(b.text)
    if one is None or other is None:
        return []
    lo_a, hi_a, start_a, end_a = one
    lo_b, hi_b, start_b, end_b = other
    if any(lo_a <= hi_b + shift and lo_b + shift <= hi_a for shift in zone_shifts(a.text, b.text)):
        return []
    return [between(a, (start_a, end_a), b, (start_b, end_b), kind="date", tag="heure")]


def _span_conflicts(
    a: Statement,
    span_a: tuple[tuple[int, int, int], tuple[int, int, int]],
    b: Statement,
    span_b: tuple[tuple[int, int, int], tuple[int, int, int]],
) -> list[Conflict]:
    """The ends of two spans of hours that differ ("de 21 heures à 6 heures" / "entre 21 heures et 7 heures")."""
    return [
        between(a, x[1:], b, y[1:], kind="date", tag="heure")
        for x, y in zip(span_a, span_b, strict=True)
        if x[0] % _DAY != y[0] % _DAY
    ]


def sole_clocks(claims: Sequence[Statement]) -> list[tuple[int, int]]:
    """Pairs (indices into ``claims``) of claims of two articles that each give their article's only clock time,
    of one moment (``one_moment``) ("L'alerte a été donnée vers 0h40" / "Les premiers appels sont parvenus aux
    secours vers 1h40"): what one article times once, the other times once, and the same moment, however the
    two sentences are worded, when both name one time zone or none. ``clock_conflicts`` then compares them."""
    return [
        (i, j)
        for i, j in sole_claims(claims, lambda text: [("clock", minute) for minute, _, _, _ in _clock_times(text)])
        if clock_interval(claims[i].text)
        and clock_interval(claims[j].text)
        and one_moment(claims[i].text, claims[j].text)
    ]
