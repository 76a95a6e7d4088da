"""The hour an event happened, told in two sentences that say the same thing.

"Le pont s'est effondré vers 11h36" / "… vers 12h36": two outlets, one event, two hours. A clock time is
not a figure (``statements.is_moment``), so figure slots never compare it; two claims aligned as one
statement do. Each hour is read as the interval its words allow ("vers 19h": 18:40-19:20, "peu avant 20
heures": 19:30-20:00, "peu après 14 heures": 14:00-14:30, "à 14h30": 14:25-14:35; "vers 11h15", told to
the minute: 11:05-11:25) and two intervals that do not meet are a conflict. Only a sentence with one clock
time is read (two are a timeline), never a live blog's stamp ("10h15 -"), never when the two do not name one
time zone ("11h56 heure locale" / "8h11, heure de Paris"; "heure locale" on one side only), and never in
sentences whose counts differ (a toll "à 14 heures" and another "à 18 heures" is an update, not two times of
one event).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from recoupe.crosscheck.rules_base import Conflict
from recoupe.folding import fold

if TYPE_CHECKING:
    from recoupe.crosscheck.statements import Statement

__all__ = ["clock_conflicts", "clock_interval", "counts_differ"]

_SPACE = r"[\s\u00a0\u202f]"
_CLOCK = re.compile(
    rf"(?P<hedge>\b(?:peu avant|peu apres|juste avant|juste apres|aux alentours de|autour de|vers|a|des|"
    rf"avant|apres|environ)){_SPACE}+(?P<h>[01]?\d|2[0-3]){_SPACE}*(?:h|heures?)(?:{_SPACE}*(?P<m>[0-5]\d))?\b"
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
}


def _flat(text: str) -> str:
    """``text`` folded letter by letter, so that offsets into it are offsets into ``text``."""
    return "".join(fold(c)[:1] or " " for c in text)


def clock_interval(sentence: str) -> tuple[int, int, int, int] | None:
    """(earliest, latest) minute of the day the sentence's only clock time allows, and its span; ``None``
    when the sentence gives no clock time, several, or a live blog's stamp."""
    folded = _flat(sentence)
    found = []
    for match in _CLOCK.finditer(folded):
        if _STAMP.match(folded, match.end()):
            continue
        minute = int(match.group("h")) * 60 + int(match.group("m") or 0)
        found.append((minute, match.group("hedge"), match.start("h"), match.end()))
    for match in _MIDNIGHT.finditer(folded):
        minute = 24 * 60 if match.group("word") == "minuit" else 12 * 60
        found.append((minute, match.group("hedge"), match.start("word"), match.end()))
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


def clock_conflicts(a: Statement, b: Statement) -> list[Conflict]:
    """The conflict between the hours two aligned claims give for what they tell (spans: the hours in each
    article's text), if any."""
    if counts_differ(a, b) or _zone(a.text) != _zone(b.text):
        return []
    one, other = clock_interval(a.text), clock_interval(b.text)
    if one is None or other is None:
        return []
    lo_a, hi_a, start_a, end_a = one
    lo_b, hi_b, start_b, end_b = other
    day = 24 * 60  # "vers minuit" and "vers 0h10" meet across midnight
    if any(lo_a <= hi_b + shift and lo_b + shift <= hi_a for shift in (-day, 0, day)):
        return []
    written_a, written_b = a.text[start_a:end_a], b.text[start_b:end_b]
    return [
        Conflict(
            "date",
            f"{written_a} vs {written_b} (heure)",
            (a.start + start_a, a.start + end_a),
            (b.start + start_b, b.start + end_b),
        )
    ]
