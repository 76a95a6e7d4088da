"""Which earlier days an article's title and lead look back to: "samedi", "hier", "la veille", "le 5 janvier".

A running story's next-day pieces report what happened the day before: the Sunday tally of a Saturday
protest ("Samedi, 50 000 personnes ont manifesté…"), the reactions to Monday's verdict published on
Wednesday ("condamné lundi"), a visit reported the morning after ("hier soir à Souillac"). Such a piece is
about the earlier day's event, and the day between the two publications says nothing against it: the
story score counts no day gap between two articles when the later one looks back to the earlier one's day
(``recoupe.stories.cluster``).

``days_referred(text, day)`` reads the French press's ways of naming a recent past day in the title and
the head (lead and start of the body) of an article published on ``day`` (a date ordinal):

- a weekday ("samedi", "dimanche soir"): the latest such day **before** ``day`` (a weekday names the
  coming one as often as the past one; only a past day matters here, and the same weekday is the
  publication day itself, not a day looked back to);
- "hier", "avant-hier", "la veille", "l'avant-veille";
- a day and month ("le 5 janvier", "samedi 5 janvier", "1er février"): that date in the publication's
  year (the year before for a December date read in January).

Days more than ``MAX_BACK`` days back are dropped (the story window is shorter). English is not read:
NeuS/AllSides files a next day's follow-up as a story of its own, and the French conventions above are
what this module is for.
"""

from __future__ import annotations

import re
from datetime import date

from recoupe.folding import fold

__all__ = ["MAX_BACK", "days_referred"]

MAX_BACK = 3  # days back a reference may reach (the story window)

_WEEKDAYS = {"lundi": 0, "mardi": 1, "mercredi": 2, "jeudi": 3, "vendredi": 4, "samedi": 5, "dimanche": 6}
_MONTHS = {
    "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7, "aout": 8,
    "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
}  # fmt: skip
_BACK = {"hier": 1, "avant-hier": 2, "la veille": 1, "l'avant-veille": 2}
_WEEKDAY = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")\b")
_RELATIVE = re.compile(r"(?<![\w-])(avant-hier|hier|la veille|l'avant-veille)\b")
_DATE = re.compile(r"\b(1er|[0-3]?\d)\s+(" + "|".join(_MONTHS) + r")\b(?:\s+(\d{4}))?")


def days_referred(text: str, day: int | None) -> frozenset[int]:
    """Ordinals of the days before ``day`` (at most ``MAX_BACK`` back) that ``text`` names (see the module)."""
    if day is None or not text:
        return frozenset()
    folded = fold(text).casefold().replace("’", "'")
    published = date.fromordinal(day)
    found: set[int] = set()
    for match in _WEEKDAY.finditer(folded):
        back = (published.weekday() - _WEEKDAYS[match[1]]) % 7
        if back:
            found.add(day - back)
    for match in _RELATIVE.finditer(folded):
        found.add(day - _BACK[match[1]])
    for match in _DATE.finditer(folded):
        number = 1 if match[1] == "1er" else int(match[1])
        month = _MONTHS[match[2]]
        year = int(match[3]) if match[3] else published.year - (month > published.month)
        try:
            found.add(date(year, month, number).toordinal())
        except ValueError:
            continue
    return frozenset(d for d in found if 0 < day - d <= MAX_BACK)
