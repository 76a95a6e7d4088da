"""A figure's frame: what the words around it say it measures (``frame_of``).

The content words of the figure's clause (up to ``WINDOW`` words on each side, never across another figure, a
semicolon or a turn to another fact), each mapped to a concept (``concept``: hausse = augmentation =
progression …; other words by their folded stem), without the words that name the figure's source ("selon la
préfecture") or a time; places ("à Paris") and days ("samedi") kept apart; and how the figure is told: an
earlier event, another period, a part of a total, a forecast or a threshold. ``recoupe.crosscheck.slots``
compares two frames.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from recoupe.crosscheck.rules_base import stop_words
from recoupe.crosscheck.slots_lexicon import ATTRIBUTION as _ATTRIBUTION
from recoupe.crosscheck.slots_lexicon import CONCEPT_OF as _CONCEPT
from recoupe.crosscheck.slots_lexicon import DAYS as _DAYS
from recoupe.crosscheck.slots_lexicon import MONTHS as _MONTHS
from recoupe.crosscheck.slots_lexicon import TIME_WORDS as _TIME_WORDS
from recoupe.folding import fold

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = ["BIRTH", "TOKEN", "WINDOW", "Frame", "concept", "frame_of"]

WINDOW = 10

#: reporting and counting verbs, by their first letters: who says it is not what is measured
_REPORTING = re.compile(
    r"^(indiqu|annonc|affirm|precis|declar|estim|assur|expliqu|rapport|soulign|communiqu|recens|compt|denombr|"
    r"revendiqu|avanc|evalu|chiffr|ajout|confirm|said|says|told|report(?!e(?:e|es|s)?$|er$)|estimat|count|announc|claim|stat)"
)
_UPDATE_WORDS = frozenset({"s'alourdit", "alourdit", "s'est", "revu", "passe", "grimpe"})
TOKEN = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*", re.UNICODE)
#: an earlier event than the story's: the pluperfect of a verb with "avoir" ("avait été interpellé", "avaient
#: déjà manifesté", "s'était rendu") or a word that says so ("précédente interpellation", "auparavant")
_EARLIER = re.compile(
    r"\b(?:(?:avai(?:t|ent)|s['’]étai(?:t|ent))\s+(?:\w+\s+)?\w+(?:é|ée|és|ées|i|is|u|us|it|ts|int|ert)\b"
    r"|précédent(?:e|s|es)?\b|auparavant\b|had\s+(?:\w+\s+)?\w+ed\b|previous(?:ly)?\b)",
    re.IGNORECASE,
)
#: before "précédent": the base a change is measured against, not an earlier event ("une baisse de 0,3 point par
#: rapport au trimestre précédent", "sur le mois précédent")
_BASE_BEFORE = re.compile(
    r"\b(?:par rapport (?:au|à la|à l['’]|aux)|sur (?:le|la|l['’]|les)|comparé(?:e|s|es)? (?:au|à la|à l['’]|aux))"
    r"\s*\w+\s+$",
    re.IGNORECASE,
)
#: right after a figure, the previous period it is of ("8 000 la semaine dernière", "samedi dernier",
#: "un an plus tôt", "last week"); "comme la semaine dernière" says the values are alike, not which period
_LAST_PERIOD = re.compile(
    r"[\s\w'’]{0,20}?(?<!comme )\b(?:la semaine (?:dernière|précédente|passée)|(?:samedi|dimanche|lundi|mardi|"
    r"mercredi|jeudi|vendredi|le mois|l['’]an|l['’]année) (?:dernier|dernière|précédent|précédente|passé)|"
    r"la veille|(?:un|une) (?:an|année|semaine|mois) plus tôt|last (?:week|year|month|saturday|sunday)|"
    r"(?:a|one) (?:week|year|month) earlier)\b",
    re.IGNORECASE,
)
#: a comma and a conjunction that turns to another fact: a frame stops there
_TURN = re.compile(r",\s*(?:tandis qu|alors qu|mais\b|whereas\b|while\b|but\b)", re.IGNORECASE)
#: a part counted out of a total given right after it: "six grands patrons sur les 140 réunis", "3 sur 10"
_PART_OF = re.compile(r"\s+(?:sur|parmi|out\s+of|of\s+the)\s+(?:les\s+|des\s+|un\s+total\s+de\s+)?\d", re.IGNORECASE)
#: right after a count, the day it is of ("les 32 000 manifestants du 29 décembre"): another day's value
_OF_A_DAY = re.compile(
    r"[\s\w'’]{0,20}?\b(?:du|le|of)\s+(?:samedi |dimanche |lundi |mardi |mercredi |jeudi |vendredi )?\d{1,2}(?:er)?\s+"
    r"(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b",
    re.IGNORECASE,
)
#: before a count, a total since the start ("depuis le début du mouvement, … 58 blessés graves", "porte son total
#: à trois titres"): not a day's
_CUMULATIVE = re.compile(
    r"\b(?:depuis le (?:début|17 novembre|premier)|au total depuis|since the (?:start|beginning)|"
    # a career's running total ("porte son total à trois titres olympiques"), not the day's count
    r"(?:son|leur) total|(?:his|her|their) (?:career )?total)\b",
    re.IGNORECASE,
)
_CLOCK = re.compile(r"\d{1,2}h\d{0,2}")
_SINCE = re.compile(r"\b(?:depuis|since)\b", re.IGNORECASE)


def _since(sentence: str, figure_end: int, at: int) -> bool:
    """Whether "depuis" stands between the end of a figure and a year written after it."""
    return at >= figure_end and _SINCE.search(sentence, figure_end, at) is not None


#: a figure told as expected, not as measured ("pourrait culminer à 3,90 mètres", "tablaient sur 870 000",
#: "41 °C attendus samedi", "economists had expected 845,000"): a forecast is another slot than the result.
#: Not "prévoit"/"prévu": an agreement that "prévoit une hausse de 7 %" provides for it, it does not forecast it
_FORECAST = re.compile(
    r"(?<!qu['’])(?<!que )(?<!comme )(?<!than )(?<!as )"  # "bien plus qu'attendu", "than expected": a result
    r"\b(?:devrai(?:t|ent)|pourrai(?:t|ent)|prévision\w*|attendu(?:e|s|es)?|"
    r"attendai(?:t|ent)|"
    r"s['’]attend\w*|tabl\w* sur|anticip\w*|pronostic\w*|projections?|expected|forecasts?|projected|"
    r"predicted|anticipated)\b",
    re.IGNORECASE,
)
#: the figure told as measured: a past participle after "a"/"ont"/"est" ("a atteint", "est monté"), an
#: imperfect of a verb that is no forecast ("atteignait"), a record; English past forms
_OBSERVED = re.compile(
    r"(?<!['’])\b(?:(?:a|ont|est|sont|avait|avaient|été)\s+(?:\w+\s+)?(?!(?:prévu|attendu|anticipé|lundi|mardi|"
    r"mercredi|jeudi|vendredi|samedi|parti|aussi|ici|lui|celui)\b)\w+"
    r"(?:é|ée|és|ées|i|is|u|us|it|int|te)\b|(?!(?:tabl|attend|prév|pouv|dev|compt|espér|anticip|envisag)\w*)\w{3,}"
    r"(?:ait|aient)\b|record|reached|rose|fell|hit|climbed|recorded|added|created)\b",
    re.IGNORECASE,
)
#: how far before a figure the verb that says it was measured may be ("a atteint 3,27 mètres")
OBSERVED_CHARS = 40
#: a threshold, not a measure ("à partir de 3,45 mètres, la voie est fermée", "dès 3,45 m", "above 4 m")
_THRESHOLD = re.compile(
    r"\b(?:à partir d(?:e|u|es|['’])|dès|au-delà d(?:e|u|es|['’])|au-dessus d(?:e|u|es|['’])|from|above)\s*$",
    re.IGNORECASE,
)
#: between a figure's window and the year right after or before it ("contre 436 en 2015", "pour 2020 environ")
_YEAR_GAP = re.compile(r"[\s,]*(?:en|in|de|du|of|pour|for)?\s*", re.IGNORECASE)
_PLACE_BEFORE = frozenset({"a", "au", "aux", "en", "dans", "in", "at", "near", "pres"})


@dataclass(frozen=True, slots=True)
class Frame:
    """What the words around a figure say it measures: concepts, places, days and years named there."""

    concepts: frozenset[str]
    places: frozenset[str] = frozenset()
    #: the places its sentence (else its paragraph, before it) names: read only on a story of many places
    area: frozenset[str] = frozenset()
    days: frozenset[str] = frozenset()
    years: frozenset[str] = frozenset()
    default_year: str | None = None  # the article's year: a figure that names none is of its own time
    earlier: bool = False  # told as an earlier event: pluperfect ("avait été interpellé"), "précédente"
    last_period: bool = False  # another period's value: "contre 8 000 la semaine dernière", "du 29 décembre",
    # a total "depuis le début du mouvement"
    part: bool = False  # a part counted out of a total written after it ("six patrons sur les 140 réunis")
    names: frozenset[str] = frozenset()  # names around it (read for ages: whose age it is)
    months: frozenset[str] = frozenset()  # months named around it ("149 000 postes en septembre")
    #: how it is told: "forecast" (expected, not yet measured), "threshold" (a condition: "à partir de 3,45 m"),
    #: "observed" (measured: "a atteint", "atteignait"), "" when the words do not say
    modality: str = ""
    #: what a share is of: the noun right after "de" ("9 % de ces décès": décès), not what tells two shares apart
    whole: frozenset[str] = frozenset()
    #: the noun or word that qualifies it, written right after it: "dix ans d'inéligibilité" (inéligibilité),
    #: "deux ans avec sursis" (sursis), "un an ferme" (ferme); two figures qualified by different words are two
    #: slots, by the same word one
    qualifier: frozenset[str] = frozenset()
    #: a gap or a margin, not a measure: "à 44 sièges de la majorité absolue", "à neuf voix près", "à 10 km de
    #: Lyon"
    gap: bool = False
    #: the words written right before it, no punctuation between (folded, at most ``ANCHOR`` of them):
    #: "rachetée par Lactalis en" 2011
    anchor: tuple[str, ...] = ()


_ELISION = re.compile(r"^(?:[dlnsjmtc]|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)


@lru_cache(maxsize=4096)
def concept(word: str) -> str:
    """A folded word's concept: its ``CONCEPTS`` group, else its singular form ("l'élection" = "election")."""
    word = _ELISION.sub("", fold(word)).strip("'’")
    if word in _CONCEPT:
        return _CONCEPT[word]
    singular = word[:-1] if len(word) > 3 and word.endswith(("s", "x")) and not word.endswith("ss") else word
    if singular in _CONCEPT:
        return _CONCEPT[singular]
    for ending in ("ees", "ee", "es", "e"):  # participles: "mobilisées" -> "mobilise"
        if word.endswith(ending) and word[: -len(ending)] + "e" in _CONCEPT:
            return _CONCEPT[word[: -len(ending)] + "e"]
    for ending in ("es", "e"):  # participles in -u, -i: "disparues" -> "disparu", "détenue" -> "detenu"
        if word.endswith(ending) and word[: -len(ending)].endswith(("u", "i")) and word[: -len(ending)] in _CONCEPT:
            return _CONCEPT[word[: -len(ending)]]
    return singular


_AND = re.compile(r"\b(?:et|ou|and|or)\b", re.IGNORECASE)


def _clause_of(sentence: str, span: tuple[int, int], others: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """Where a figure's frame may reach: not across another figure, a semicolon, or a turn to another fact."""
    lo = max([o[1] for o in others if o[1] <= span[0]] + [sentence.rfind(";", 0, span[0]) + 1])
    if any(o[1] == lo for o in others):  # "42 % de grévistes dans le primaire et 35 % dans le secondaire": what
        # stands before the "et" is the previous figure's (not after a comma: "prévu le 28 juin, est repoussé au
        # lundi 1er et au mardi 2 juillet" lists two days of one new date)
        joins = list(_AND.finditer(sentence, lo, span[0]))
        if joins and "," not in sentence[lo : joins[-1].start()]:
            lo = joins[-1].end()
    hi = min([o[0] for o in others if o[0] >= span[1]] + [len(sentence)])
    semicolon = sentence.find(";", span[1])
    if 0 <= semicolon < hi:
        hi = semicolon
    for turn in _TURN.finditer(sentence, lo, hi):  # ", tandis que des milliers d'habitations …": another fact
        if turn.start() >= span[1]:
            return lo, turn.start()
        if turn.end() <= span[0]:
            lo = turn.end()
    return lo, hi


def frame_of(
    sentence: str,
    span: tuple[int, int],
    others: Sequence[tuple[int, int]],
    language: str | None,
    skip: Sequence[tuple[int, int]] = (),
) -> Frame:
    """The frame of the figure at ``span`` of ``sentence`` (``others``: the other figures' spans, not crossed;
    ``skip``: spans whose words are left out, such as the sources the sentence names)."""
    stop = stop_words("en" if language == "en" else "fr")
    left_end, right_start = span
    lo, hi = _clause_of(sentence, span, others)
    before = list(TOKEN.finditer(sentence, lo, left_end))[-WINDOW:]
    after = list(TOKEN.finditer(sentence, right_start, hi))[:WINDOW]
    concepts: set[str] = set()
    places: set[str] = set()
    days: set[str] = set()
    years: set[str] = set()
    names: set[str] = set()
    months: set[str] = set()
    previous = ""
    for match in [*before, *after]:
        if any(lo <= match.start() < hi for lo, hi in skip):
            continue
        raw = _ELISION.sub("", match.group())
        word = fold(raw)
        if _CLOCK.fullmatch(word):  # "14h", "17h30": a time
            pass
        elif word.isdigit():
            # "72,2 %, un niveau inédit depuis les législatives de 1992": the year a record is compared with,
            # not the figure's
            if len(word) == 4 and word[:2] in {"19", "20"} and not _since(sentence, right_start, match.start()):
                years.add(word)
        elif word in _DAYS or word in _MONTHS:
            (days if word in _DAYS else months).add(word)
        elif raw[:1].isupper() and previous in _PLACE_BEFORE:
            places.add(word)
        elif raw[:1].isupper() and match.start() > 0:  # a name: in every frame of its story, says nothing
            names.add(word)  # … but whose age it is ("Jean-Jacques, 59 ans")
        elif (
            word not in stop
            and word not in _UPDATE_WORDS
            and word not in _TIME_WORDS
            and word not in _ATTRIBUTION
            and not _REPORTING.match(word)
            and len(word) > 1
        ):
            concepts.add(concept(word))
        previous = word
    # "née le 22 janvier 2019": a birth (read as written: "né" folds to the negation "ne")
    concepts.update(BIRTH for match in [*before, *after] if match.group().casefold() in _BORN)
    for o_start, o_end in others:  # a date figure next to it ("contre 28 % en 2017") says which year
        reach = after[-1].end() if after else span[1]  # the window ends where the next figure starts
        start = before[0].start() if before else span[0]  # … or where the previous one ends
        near = (start <= o_start and o_end <= reach) or (
            _YEAR_GAP.fullmatch(sentence, reach, o_start) is not None  # "contre 436 en 2015"
            if o_start >= span[1]
            else o_end <= start and _YEAR_GAP.fullmatch(sentence, o_end, start) is not None  # "pour 2020 environ 300"
        )
        year = re.search(r"\b(19|20)\d\d\b", sentence[o_start:o_end])
        near = near and not _since(sentence, right_start, o_start)
        if near and year:
            years.add(year.group())
    if not names:  # "Nathalie Loiseau (LREM) gagne quatre points, à 13 %": the sentence's subject is whose it is
        names = _names_before(sentence, lo, skip)
    lo_window = before[0].start() if before else span[0]
    hi_window = after[-1].end() if after else span[1]
    earlier = any(
        not _BASE_BEFORE.search(sentence, 0, m.start()) for m in _EARLIER.finditer(sentence, lo_window, hi_window)
    )
    last_period = (
        _LAST_PERIOD.match(sentence, span[1])
        or _OF_A_DAY.match(sentence, span[1])
        or _CUMULATIVE.search(sentence, 0, span[0])
    )
    return Frame(
        frozenset(concepts),
        frozenset(places),
        days=frozenset(days),
        years=frozenset(years),
        earlier=earlier,
        last_period=last_period is not None,
        names=frozenset(names),
        months=frozenset(months),
        modality=_modality(sentence, span, lo_window, hi_window),
        whole=_whole(after),
        part=_PART_OF.match(sentence, span[1]) is not None,
        qualifier=_qualifier(sentence, span[1], after),
        anchor=_anchor(sentence, span[0], before),
        gap=_GAP_BEFORE.search(sentence, max(0, span[0] - 12), span[0]) is not None
        and _GAP_AFTER.match(sentence, span[1]) is not None,
    )


#: "à" right before a figure, not the end of a range ("de 10 à 12 sièges")
_GAP_BEFORE = re.compile(r"(?<![\d\s])(?<!\d\s)\s*\bà\s*$")
#: after a figure told as a gap: "près" ("à neuf voix près"), or "de" and a determiner or a name ("à 44 sièges
#: de la majorité", "à trois jours du scrutin", "à 10 km de Lyon"), not a bare noun ("à trois ans de prison")
_GAP_AFTER = re.compile(r"\s+(?:près\b|du\s|des\s|de\s+(?:la|l['’]|[A-ZÉ])|d['’][A-ZÉ])")
_WITH = frozenset({"avec", "sans", "with", "without"})
_BARE_QUALIFIERS = frozenset({"ferme", "fermes"})


#: how many words right before a figure make its anchor
ANCHOR = 4


def _anchor(sentence: str, start: int, before: Sequence[re.Match[str]]) -> tuple[str, ...]:
    """``Frame.anchor``: the last ``ANCHOR`` words before ``start`` with only spaces between them and it."""
    words: list[str] = []
    end = start
    for match in reversed(before):
        if sentence[match.end() : end].strip() or len(words) == ANCHOR:
            break
        words.append(fold(match.group()).casefold())
        end = match.start()
    return tuple(reversed(words))


def _qualifier(sentence: str, end: int, after: Sequence[re.Match[str]]) -> frozenset[str]:
    """``Frame.qualifier``: the bare noun right after the figure and "de", "avec" or "sans", or "ferme"."""
    if not after or sentence[end : after[0].start()].strip():  # a comma between: not its qualifier
        return frozenset()
    words = [fold(m.group()) for m in after[:4]]
    first = words[0]
    if first in _BARE_QUALIFIERS:
        return frozenset({"ferme"})
    if first.startswith(("d'", "d’")):
        words = [first[2:], *words[1:]]
    elif first in {"de", "of"} or first in _WITH:
        words = words[1:]
    else:  # "du", "des": a complement that refers ("43e jour du mouvement"), not a kind
        return frozenset()
    # a bare noun classifies ("ans de prison", "avec sursis"); after a determiner it refers to something
    # named in other words elsewhere ("du mouvement" / "du conflit")
    return frozenset({concept(words[0])}) if words and words[0] not in _OF_DETERMINERS else frozenset()


_OF = frozenset({"de", "des", "du", "of"})
_OF_DETERMINERS = frozenset({"ces", "ses", "leurs", "leur", "la", "le", "les", "l", "the", "these", "those", "their"})


def _whole(after: Sequence[re.Match[str]]) -> frozenset[str]:
    """The concept of the noun after "de" right after a figure ("9 % de ces décès"), if any."""
    words = [fold(m.group()) for m in after[:4]]
    if not words:
        return frozenset()
    first = words[0]
    if first.startswith(("d'", "d’")):
        words = [first[2:], *words[1:]]
    elif first in _OF:
        words = words[1:]
    else:
        return frozenset()
    nouns = [w for w in words if w not in _OF_DETERMINERS]
    return frozenset({concept(nouns[0])}) if nouns else frozenset()


def _names_before(sentence: str, end: int, skip: Sequence[tuple[int, int]]) -> set[str]:
    """The names written before ``end`` in the sentence's clause (from its last semicolon), not the sources
    it names (``skip``) nor places after a preposition, nor the sentence's first word."""
    names: set[str] = set()
    previous = ""
    for match in TOKEN.finditer(sentence, sentence.rfind(";", 0, end) + 1, end):
        word = fold(_ELISION.sub("", match.group()))
        if (
            match.group()[:1].isupper()
            and match.start() > 0
            and previous not in _PLACE_BEFORE
            and word not in _MONTHS
            and word not in _DAYS
            and not any(lo <= match.start() < hi for lo, hi in skip)
        ):
            names.add(word)
        previous = word
    return names


def _modality(sentence: str, span: tuple[int, int], lo: int, hi: int) -> str:
    """``Frame.modality``: a threshold by the words right before the figure, else a forecast by the words of
    its window, else a measure by a past tense before it ("" when the words say none)."""
    if _THRESHOLD.search(sentence, max(0, span[0] - 25), span[0]):
        return "threshold"
    clause = max(sentence.rfind(mark, 0, span[0]) for mark in ",;:") + 1  # "attendaient 845 000 embauches et un
    if _FORECAST.search(sentence, min(lo, clause), hi):  # taux de chômage de 5,7 %": both are expected
        return "forecast"
    return "observed" if _OBSERVED.search(sentence, max(lo, span[0] - OBSERVED_CHARS), span[0]) else ""


#: the birth concept of ``slots_lexicon.CONCEPTS`` ("née", "naissance", "born" map to it), and the words of a
#: birth the folding hides from it ("né", "nés" fold to the negation "ne", a stop word)
BIRTH = "naissance"
_BORN = frozenset({"né", "nés"})
