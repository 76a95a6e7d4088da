"""The day an event happened, told in two sentences that say the same thing.

"L'hélicoptère s'est écrasé ce dimanche" / "… s'est écrasé samedi": two outlets, one event, two days. A
weekday is not a figure (only dates are), so figure slots never compare it; two claims aligned as one
statement do. Each sentence's day is the one ``attribution.day_of`` reads against its article's publication
day ("samedi" in an article of Monday is the Saturday before; "hier", "aujourd'hui"); two different days are a
conflict when each sentence names one day word and no day relative to it ("au lendemain de"), neither
speaks of a day to come ("samedi prochain", "d'ici jeudi") nor of a habit ("chaque samedi"), the two days
are at most ``DAYS_APART`` apart (further, they are two events of a running story), and the counts in the
two sentences agree (a toll of Saturday and another of Sunday is an update).
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from recoupe.crosscheck.attribution import DAY_WORD
from recoupe.crosscheck.clock import counts_differ
from recoupe.crosscheck.rules_base import Conflict, between
from recoupe.crosscheck.rules_time import date_opening
from recoupe.folding import fold

if TYPE_CHECKING:
    from recoupe.crosscheck.statements import Statement

__all__ = ["DAYS_APART", "day_conflicts"]

#: two days further apart than this are two events of a running story, not one event told two ways
DAYS_APART = 2
#: a habit, not a day ("chaque samedi", "tous les lundis"); a day to come or since is ``rules_time.date_opening``
_HABIT = re.compile(r"\b(chaque|tous les|toutes les)\s+$")
_AFTER = re.compile(r"^\s+(prochain|suivant|soir prochain|matin prochain)\b")
#: a second day told relative to the first ("au lendemain de l'attentat", "la veille"): two days in one sentence
_RELATIVE_DAY = re.compile(r"\b(lendemain|surlendemain|veille|avant-veille|la nuit de|the day after|the day before)\b")


def _day_word(text: str) -> tuple[int, int] | None:
    """The span of the one day word of ``text`` told as the day of its facts, else ``None``."""
    found = list(DAY_WORD.finditer(text.replace("’", "'")))
    if _RELATIVE_DAY.search(fold(text).casefold()) or not found or len({m.group().casefold() for m in found}) != 1:
        return None
    match = found[0]
    before = fold(text[max(0, match.start() - 20) : match.start()]).casefold().replace("’", "'")
    after = fold(text[match.end() : match.end() + 20]).casefold()
    if date_opening(before) != "exact" or _HABIT.search(before) or _AFTER.match(after):
        return None
    return match.start(), match.end()


def day_conflicts(a: Statement, b: Statement) -> list[Conflict]:
    """The conflict between the days two aligned claims give for what they tell (spans: the day words in
    each article's text), if any."""
    if a.day is None or b.day is None or a.day == b.day or counts_differ(a, b):
        return []
    try:
        apart = abs((date.fromisoformat(a.day) - date.fromisoformat(b.day)).days)
    except ValueError:
        return []
    span_a, span_b = _day_word(a.text), _day_word(b.text)
    if apart > DAYS_APART or span_a is None or span_b is None:
        return []
    return [between(a, span_a, b, span_b, kind="date", tag="jour")]
