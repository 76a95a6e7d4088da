"""How to read a conflict between two statements: *updated*, *differs-by-source* or *conflicting*.

A count that moves over a day (a toll, a turnout, arrests: ``EVOLVING``), given at two known moments, is an
update: the later value replaces the earlier one (``moved``, ``timeline_of``). Values that the outlets attribute
to different sources, or that one attributes and the other states, differ by source. The rest conflict
(``relation``). ``verdict.judge`` asks these of every conflict its rules find.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from recoupe.crosscheck.attribution import moment_rank, office_and_name, same_source, source_key
from recoupe.crosscheck.frames import concept
from recoupe.crosscheck.rules import values_compatible
from recoupe.crosscheck.slots_lexicon import CROWDS, GENERIC, TOLLS
from recoupe.folding import fold

if TYPE_CHECKING:
    from recoupe.crosscheck.rules import Conflict
    from recoupe.crosscheck.statements import Statement

__all__ = ["EVOLVING", "EVOLVING_SHARES", "UPDATE_HOURS", "moved", "relation", "timeline_of"]

#: what a count that moves over a day measures (concepts of ``slots.CONCEPTS``): a toll, a turnout, arrests
EVOLVING = frozenset(
    {"mort", "blesse", "interpellation", "manifestant", "participation", "evacue", "disparu", "foyer",
     "hospitalise", "sinistre", "secouru", "rescued", "cas", "contamination", "hectare", "victime", "vigilance",
     "pompier", "ha"}
)  # fmt: skip
#: what sources count each their own way (besides tolls and generic counts of people)
DISPUTED = EVOLVING | CROWDS
#: what a share that moves over a day measures (a turnout at noon and at 17:00, a strike rate)
EVOLVING_SHARES = frozenset({"participation", "greve"})


def moved(a: Statement, b: Statement) -> bool:
    """A count that moves, given at two known moments, with two values as written (hedges aside: "au moins
    1 419" then "1 941" is the toll rising, not two compatible floors)."""
    if a.figure is None or b.figure is None or a.figure.kind not in {"count", "percent", "quantity"}:
        return False
    if not _evolving(a, b) or relation(a, b, "figure") != "updated":
        return False
    return not values_compatible(a.figure, b.figure) and fold(a.figure.text) != fold(b.figure.text)


def _evolving(a: Statement, b: Statement) -> bool:
    """Whether the two figures count something that moves over time (a toll, a turnout, arrests)."""
    if "provisional" in {a.when, b.when} or "final" in {a.when, b.when}:
        return True
    words: set[str] = set()
    for statement in (a, b):
        if statement.frame is not None:
            words |= statement.frame.concepts
        if statement.figure is not None and statement.figure.unit:
            words.add(concept(statement.figure.unit))
    if a.figure is not None and a.figure.kind == "percent":  # a share of deaths or of cases does not move
        return bool(words & EVOLVING_SHARES)  # over a day; a turnout, a strike rate do
    return bool(words & EVOLVING)


def relation(a: Statement, b: Statement, kind: str) -> str:
    """How to read a conflict between ``a`` and ``b``: ``differs-by-source``, ``updated`` or ``conflicting``.

    Two different sources named (not a person and an office they may hold): each outlet reports its own,
    unless both give a toll at two known moments, one said provisional or last (it rose). Then a count that
    moves, given at two known moments: an update. Then one side naming a source the other does not: each
    reports another account — for figures and claims, not for a ``date`` (the day or hour of an event is no
    source's account: "publiées jeudi par l'ONDRP" / "rendu public mercredi" conflict)."""
    key_a, key_b = source_key(a.attributed_to), source_key(b.attributed_to)
    named_apart = not same_source(key_a, key_b) and not office_and_name(a.attributed_to, b.attributed_to)
    updated = kind == "figure" and _updated(a, b)
    if key_a and key_b and named_apart and kind in {"figure", "claim", "date"}:
        # a provisional toll given by the rescuers at noon and the prosecutor's the next day: the toll rose;
        # two sources' tolls with nothing said of a provisional or last count (the authorities' 471, the US
        # intelligence's 100 to 300) and two sources' counts of one crowd differ by source
        told_moving = {a.when, b.when} & {"provisional", "final"}
        return "updated" if updated and told_moving and _a_toll(a, b) else "differs-by-source"
    if updated:
        return "updated"
    if bool(key_a) != bool(key_b) and kind in {"figure", "claim"}:
        # one side's account against the other's statement: a count sources dispute (a crowd, a toll, a rate)
        # differs by source; a fact they do not (a speed, a crew, an age) conflicts
        return "differs-by-source" if kind == "claim" or _disputed(a, b) else "conflicting"
    return "conflicting"


def _disputed(a: Statement, b: Statement) -> bool:
    """Figures of what sources count each their own way: a crowd, a toll, a share or rate, an amount, a
    forecast."""
    for statement in (a, b):
        figure = statement.figure
        if figure is None:
            continue
        if figure.kind in {"percent", "money"} or (
            statement.frame is not None and statement.frame.modality == "forecast"
        ):
            return True  # … or a forecast ("les économistes attendaient 845 000 embauches"): someone's account
        words = {concept(figure.unit)} if figure.unit else set()
        if statement.frame is not None:
            words |= statement.frame.concepts
        if words & (DISPUTED | TOLLS) or (figure.unit and concept(figure.unit) in GENERIC):
            return True
    return False


def _updated(a: Statement, b: Statement) -> bool:
    """A count that moves, given at two known moments."""
    if a.figure is None or a.figure.kind not in {"count", "percent", "quantity"} or not _evolving(a, b):
        return False
    if a.figure.kind == "quantity" and concept(a.figure.unit or "") not in EVOLVING:  # "11 000 hectares", not
        return False  # a length of time near a toll
    moment_a, moment_b = moment_rank(a.published, a.when), moment_rank(b.published, b.when)
    # a rate (a turnout, a strike rate) is updated at the hours the sentences give ("26,4 % à midi"); told
    # with no hour, it is the day's last, whenever the articles came out. A count told with no moment in
    # articles published hours apart moved only when a sentence says it stands at a moment ("désormais",
    # "toujours"): "deux blessés" at night and "trois blessés" the next morning, told as facts, disagree
    timed_only = a.figure.kind == "percent"
    said = bool(a.when or b.when) or (
        not timed_only and _hours_apart(a.published, b.published) >= UPDATE_HOURS and (a.standing or b.standing)
    )
    # "lundi, environ 400 personnes" / "hier, plus de 200 personnes" the next day: one day's count, no time
    # given on either side — told after the fact, not updated
    same_day = bool(
        a.day and a.day == b.day and not (a.when or b.when) and (a.published or "")[:10] != (b.published or "")[:10]
    )
    return moment_a is not None and moment_b is not None and moment_a != moment_b and said and not same_day


def _a_toll(a: Statement, b: Statement) -> bool:
    """Both count a toll: the dead, the injured, the missing, arrests, evacuations (``slots_lexicon.TOLLS``)."""
    return all(
        statement.figure is not None and statement.figure.unit and concept(statement.figure.unit) in TOLLS
        for statement in (a, b)
    )


#: publication times this far apart date two values of a count even when the sentences give no time
UPDATE_HOURS = 3.0


def _hours_apart(a: str | None, b: str | None) -> float:
    try:
        first, second = datetime.fromisoformat(a or ""), datetime.fromisoformat(b or "")
    except ValueError:
        return 0.0
    if (first.tzinfo is None) != (second.tzinfo is None):
        first, second = first.replace(tzinfo=None), second.replace(tzinfo=None)
    return abs((second - first).total_seconds()) / 3600


def timeline_of(
    statements: tuple[Statement, ...], conflicts: list[tuple[Conflict, Statement, Statement]]
) -> tuple[int, ...]:
    """The statements of the updated pairs, from the earliest moment to the latest."""
    moved = {id(s) for c, a, b in conflicts if c.relation == "updated" for s in (a, b)}
    indices = [i for i, s in enumerate(statements) if id(s) in moved]
    return tuple(sorted(indices, key=lambda i: moment_rank(statements[i].published, statements[i].when) or ("", "", 1)))
