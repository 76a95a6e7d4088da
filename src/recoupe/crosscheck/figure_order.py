"""Figures in order: two sentences that say the same thing give their figures in the same order.

"Le texte a été adopté par 349 voix contre 186" and "… par 349 voix contre 168": the sentences are each
other's best match (``align``), both hold two counts of votes, the first pair gives one value; so the second
pair is one slot told two ways, whatever the words right around each number say. The same holds across
kinds: "retrouvés le 2 juillet par deux plongeurs britanniques" / "attendre le 3 juillet pour que deux
plongeurs britanniques les découvrent": one shared value anchors the sentences, and the only date of each is
one date. Without an anchor (no figure of the two sentences gives one value) nothing is paired here: two
alike sentences of one story may still tell two events (``align`` then asks the frames).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import replace
from typing import TYPE_CHECKING

from recoupe.crosscheck.ages import same_holder
from recoupe.crosscheck.frames import concept
from recoupe.crosscheck.rules import values_compatible
from recoupe.crosscheck.rules_time import duration_unit
from recoupe.crosscheck.slots import distinct, unit_concept, units_agree, years_told
from recoupe.crosscheck.slots_lexicon import GENERIC
from recoupe.folding import fold

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from recoupe.crosscheck.statements import Statement
    from recoupe.model import Figure

__all__ = ["ages_of_one_person", "ordered_figures", "sole_counts"]

Key = tuple[str, str, int, int]
_OTHER = re.compile(r"\b(autres?|other|another)\b")
SentenceKey = tuple[str, int]


def _slot_key(figure: Figure) -> tuple[str, str]:
    """What a figure measures, coarsely: its kind (and its currency): the nouns counted are compared pair by
    pair (``_frames_tell_apart``), as one writer's "personnes" is another's "patients"."""
    return figure.kind, (figure.unit or "") if figure.kind == "money" else ""


def _unit_head(figure: Figure) -> str:
    """The head of a figure's unit, singular ("références de steaks" counts "référence")."""
    head = fold(figure.unit or "").casefold().split()[:1]
    return head[0].rstrip("sx") or head[0] if head else ""


def _one_value(a: Figure, b: Figure) -> bool:
    """Both give one value of one slot, and a value that says something: not a year alone ("en 2018")."""
    if a.value != b.value or a.value is None or _slot_key(a) != _slot_key(b):
        return False
    if a.unit and b.unit and _unit_head(a) != _unit_head(b):
        return False
    return not _year_only(a)


def _frames_tell_apart(a: Statement, b: Statement) -> bool:
    """The frames tell the figures apart (places, days, counted nouns, qualifiers), the tense aside: one
    writer's pluperfect is another's passé composé when both tell one anchored fact."""
    if a.figure is None or b.figure is None or a.frame is None or b.frame is None:
        return False
    x, y = a.figure, b.figure
    if x.kind in {"count", "quantity"}:
        if not units_agree(x, y):
            return True
        # "22 614 personnes restent hospitalisées" / "22 164 patients": a generic noun counts the other's
        if unit_concept(x) in GENERIC:
            x = replace(x, unit=y.unit)
        elif unit_concept(y) in GENERIC:
            y = replace(y, unit=x.unit)
        elif _unit_head(x) != _unit_head(y) and unit_concept(x) != unit_concept(y):
            return True
    return distinct(x, a.frame, y, replace(b.frame, earlier=a.frame.earlier))


def _reordered(row_x: list[Statement], row_y: list[Statement]) -> bool:
    """A value given at one rank in one sentence and at another in the other ("un couple de nonagénaires et
    leur fils d'une soixantaine d'années" / "un homme d'une soixantaine d'années et ses parents, tous deux
    nonagénaires"): the writers ordered their figures differently, ranks say nothing."""
    return any(i != j and _same_number(x, y) for i, x in enumerate(row_x) for j, y in enumerate(row_y))


def ordered_figures(
    figures: Sequence[Statement], similar_sentences: Iterable[tuple[SentenceKey, SentenceKey]]
) -> set[tuple[Key, Key]]:
    """Pairs of figures (keys) that stand at the same rank of their kind in two sentences saying the same
    thing, where both sentences hold as many figures of that kind and some figure of theirs gives one value
    in both (the anchor): one slot each, whatever their frames' words."""
    by_sentence: dict[SentenceKey, list[Statement]] = defaultdict(list)
    for statement in figures:
        if statement.figure is not None:
            by_sentence[(statement.article_id, statement.sentence[0])].append(statement)
    found: set[tuple[Key, Key]] = set()
    for key_a, key_b in similar_sentences:
        if key_a >= key_b or key_a[0] == key_b[0]:  # each pair once (``align`` stores both directions)
            continue
        xs, ys = by_sentence.get(key_a, []), by_sentence.get(key_b, [])
        anchors = {
            (x.key, y.key)
            for x in xs
            for y in ys
            if x.figure is not None and y.figure is not None and _one_value(x.figure, y.figure)
        }
        # no value in common: a name in common anchors sentences whose only figure of a kind is a day
        named = bool(xs and ys and xs[0].entities & ys[0].entities)
        if not anchors and not named:
            continue
        ranks_x: dict[tuple[str, str], list[Statement]] = defaultdict(list)
        ranks_y: dict[tuple[str, str], list[Statement]] = defaultdict(list)
        for x in sorted(xs, key=lambda s: s.start):
            if not _a_year(x):  # "en 2017": the sentence's context, not one of its figures
                ranks_x[_slot_key(x.figure)].append(x)  # type: ignore[arg-type]  # figures only (filtered above)
        for y in sorted(ys, key=lambda s: s.start):
            if not _a_year(y):
                ranks_y[_slot_key(y.figure)].append(y)  # type: ignore[arg-type]
        differing = [
            (x, y)
            for slot, row_x in ranks_x.items()
            if len(row_x) == len(ranks_y.get(slot, [])) and not _reordered(row_x, ranks_y[slot])
            for x, y in zip(row_x, ranks_y[slot], strict=True)
            if (x.key, y.key) not in anchors and not _same_number(x, y)  # "douze adolescents" / "douze garçons"
        ]
        if not anchors:  # anchored by a name only: the same weekday on two dates ("dimanche 21 octobre" /
            # "dimanche 28 octobre") cannot be one day; two days in a row may be two events (a vote, its result)
            differing = [(x, y) for x, y in differing if _same_weekday(x, y)]
        # one figure changed in a sentence told alike: a transcription or an error; two or more changed, the
        # sentences list other things ("5,88 m en janvier 2018 et 8,62 m en 1910" / "… et 6,1 m en juin 2016")
        if len(differing) == 1 and _close(*differing[0]) and not _frames_tell_apart(*differing[0]):
            found.add((differing[0][0].key, differing[0][1].key))
    return found


def _same_number(x: Statement, y: Statement) -> bool:
    return x.figure is not None and y.figure is not None and x.figure.value == y.figure.value


_WEEKDAYS = frozenset({"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"})


def _weekday(statement: Statement) -> str | None:
    """The day of the week written right before a date ("le dimanche 28 octobre"), or in it."""
    figure, frame = statement.figure, statement.frame
    if figure is None or figure.kind != "date" or figure.relative or frame is None:  # "samedi" alone
        return None
    words = [w for w in fold(figure.text).split() if w in _WEEKDAYS]
    if words:
        return words[0]
    return frame.anchor[-1] if frame.anchor and frame.anchor[-1] in _WEEKDAYS else None


def _same_weekday(x: Statement, y: Statement) -> bool:
    """Both are days of a month told with one and the same day of the week ("dimanche 21 octobre" /
    "dimanche 28 octobre")."""
    day = _weekday(x)
    return day is not None and day == _weekday(y)


def _year_only(figure: Figure) -> bool:
    """A date that is a year alone ("en 2017")."""
    return figure.kind == "date" and len(str(figure.value)) == 4


def _a_year(statement: Statement) -> bool:
    return statement.figure is not None and _year_only(statement.figure)


#: two values of one slot told in two alike sentences are at most this many times apart, this factor included
#: ("186" / "168", "422" / "242", "en six heures" / "en douze heures"); further apart, a missed figure has
#: shifted the ranks ("un sur trois" / "deux tiers des bus")
ORDER_FACTOR = 2.0
#: generic nouns that still count one group when an article counts it once ("trois hommes lourdement armés" /
#: "un commando de deux hommes")
_SEXES = frozenset({"homme", "femme"})


def _close(x: Statement, y: Statement) -> bool:
    a, b = x.figure, y.figure
    if a is None or b is None:
        return False
    if not isinstance(a.value, int | float) or not isinstance(b.value, int | float):
        return True  # dates: any two days
    if a.value <= 0 or b.value <= 0:
        return False
    return max(a.value, b.value) / min(a.value, b.value) <= ORDER_FACTOR


def sole_counts(figures: Sequence[Statement]) -> set[tuple[Key, Key]]:
    """Pairs of counts of one specific noun (or measures in one unit, or shares of one noun), each the only one
    of its article ("quelque 422 navires attendaient" / "un embouteillage de 242 navires"; "a reculé de 0,4
    point" / "une diminution de 0,3 point"; "2,6 % des stations" / "une station sur vingt"): what one article
    counts once, the other counts once, and the same thing unless their frames tell them apart or the values
    are far apart."""
    by_article: dict[tuple[str, str], list[Statement]] = defaultdict(list)
    for statement in figures:
        figure = statement.figure
        # "deux autres victimes", "dont 65 enfants": a part of a count, not the count
        if figure is None or statement.part_of is not None or _OTHER.search(fold(figure.text).casefold()):
            continue
        # a count, or a measure in a unit that is not a length of time ("0,4 point", "46 °C"; "25 ans" may be
        # anyone's age, "trois jours" any period)
        if (figure.kind == "count" or (figure.kind == "quantity" and duration_unit(figure) is None)) and figure.unit:
            noun = unit_concept(figure)
            if noun and (noun not in GENERIC or noun in _SEXES):
                by_article[(statement.article_id, noun)].append(statement)
        elif figure.kind == "percent" and (noun := _share_of(statement)) and noun not in GENERIC:
            by_article[(statement.article_id, f"% {noun}")].append(statement)
    # one value told twice (the title's "78 corps" and the body's) is still the only count of its noun; a part
    # of a count the enrichment left without a noun ("une trentaine ont été blessées, dont six pompiers") is
    # not one of them when the article counts that noun otherwise too ("250 sapeurs-pompiers")
    sole = {}
    for key, found in by_article.items():
        whole = [s for s in found if not _a_part(s)] or found
        if len({_value(s) for s in whole}) == 1:
            sole[key] = whole
    pairs: set[tuple[Key, Key]] = set()
    for (article, noun), xs in sole.items():
        for (other, other_noun), ys in sole.items():
            if noun != other_noun or article >= other:
                continue
            pairs.update((x.key, y.key) for x in xs for y in ys if _close(x, y) and not _frames_tell_apart(x, y))
    return pairs


def _a_part(statement: Statement) -> bool:
    """A count written right after "dont" ("dont six pompiers"): a part of something counted before it."""
    return statement.frame is not None and statement.frame.anchor[-1:] in {("dont",), ("including",)}


def _share_of(statement: Statement) -> str | None:
    """What a share is of, in one word: "une station sur vingt" (station), "2,6 % des stations" (station)."""
    figure, frame = statement.figure, statement.frame
    if figure is None:
        return None
    ratio = " sur " in figure.text  # "une station sur vingt": its noun; "hausse de 1,8 %": no share of "hausse"
    words = ((figure.about or "").split() if ratio else []) or (sorted(frame.whole) if frame is not None else [])
    if len(words) == 1:
        return concept(words[0])
    # a turnout ("la participation a atteint 72,2 %" / "73,2 % des électeurs inscrits"), not the share of a
    # vote a region gave ("l'Écosse a voté à 62 %")
    if frame is not None and (set(frame.whole) | set(frame.anchor)) & _TURNOUT:
        return "participation"
    return None


#: the words of a turnout, written right before it or as its whole (folded)
_TURNOUT = frozenset({"participation", "votants", "inscrits", "electeurs", "turnout"})


def _value(statement: Statement) -> object:
    return statement.figure.value if statement.figure is not None else None


def ages_of_one_person(figures: Sequence[Statement]) -> set[tuple[Key, Key]]:
    """Pairs of ages of one person: named right before each in two articles ("Paul-Henri Nargeolet, 77 ans" /
    "Paul-Henri Nargeolet, 73 ans"), or the only age each article gives besides the ages both give ("mort à
    41 ans" / "il avait 42 ans", each beside his daughter's "13 ans"; unless both name its holder and they
    differ): one figure, whatever the sentences around them say."""
    aged = [s for s in figures if s.holder and s.figure is not None]
    pairs = {
        (x.key, y.key)
        for i, x in enumerate(aged)
        for y in aged[i + 1 :]
        if x.article_id != y.article_id and same_holder(x.holder, y.holder)
    }
    ages: dict[str, list[Statement]] = defaultdict(list)
    # … and what may be an age: a number of years set apart by punctuation ("son adversaire norvégien, 23 ans")
    maybe: dict[str, list[Statement]] = defaultdict(list)
    for statement in figures:
        figure, frame = statement.figure, statement.frame
        if figure is None or frame is None:
            continue
        told = years_told(figure, frame)
        # an age named by its holder ("Karim Cheurfi, 39 ans") is one of the article's ages too
        if statement.holder or told == "age":
            ages[statement.article_id].append(statement)
            maybe[statement.article_id].append(statement)
        elif told is None and not frame.anchor and not frame.qualifier and _years(figure):
            maybe[statement.article_id].append(statement)
    articles = sorted(ages)
    for i, first in enumerate(articles):
        for second in articles[i + 1 :]:
            # the ages both give (the daughter's "13 ans" in each) are told alike; what is left is the one
            # age each gives of the person both speak of ("à 41 ans" / "Il avait 42 ans")
            # … and the ages paired by their holder's name ("Keith Palmer, 48 ans" / "un policier de 45 ans, Keith
            # Palmer") are that person's: what is left is the other person's ("Khalid Masood, 52 ans" / "l'assaillant
            # de quarante-deux ans")
            named = {key for pair in pairs for key in pair}
            xs = [x for x in ages[first] if x.key not in named and not any(_same_age(x, y) for y in maybe[second])]
            ys = [y for y in ages[second] if y.key not in named and not any(_same_age(x, y) for x in maybe[first])]
            if len({_value(s) for s in xs}) != 1 or len({_value(s) for s in ys}) != 1:
                continue
            pairs.update(
                (x.key, y.key)
                for x in xs
                for y in ys
                if not (x.holder and y.holder and not same_holder(x.holder, y.holder)) and _close(x, y)
            )
    return pairs


def _years(figure: Figure) -> bool:
    """A number of years ("23 ans")."""
    return figure.kind == "quantity" and fold(figure.unit or "").rstrip("s") in {"an", "year"}


def _same_age(x: Statement, y: Statement) -> bool:
    """Two ages that may be one ("13 ans" / "13 ans", "50 ans" / "un quinquagénaire")."""
    return x.figure is not None and y.figure is not None and values_compatible(x.figure, y.figure)
