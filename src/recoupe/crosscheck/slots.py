"""Figure slots by meaning: do two figures of one story measure the same thing?

Two outlets rarely use the same noun: "une hausse de 5 % des salaires" and "une augmentation de 7 % des
salaires" speak of one thing; "8 000 manifestants" and "8 000 personnes mobilisées" too; "5 % de chômage" and
"5 % des voix" do not, though both are percentages. A figure's **frame** (``recoupe.crosscheck.frames``) is
what the words around it say it measures: its concepts (``CONCEPTS``: hausse = augmentation = progression =
croissance; morts = décès = victimes = tués …), places and days; this module compares two frames. Places
("à Paris", "in Ohio") and days ("samedi") say *which* event, and two different ones make two slots.

``same_referent`` asks: the same kind (and currency, or counted noun up to ``CONCEPTS``); at least one shared
concept in the frames besides the counted noun itself (never the unit alone: "personnes" pools everything);
no two different places, days or years; not one rising and the other falling ("hausse de 5 %" vs "baisse de
5 %" is a polarity question, left to the polarity rules); for dates, the same event words.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from recoupe.crosscheck.frames import ANCHOR, BIRTH, TOKEN, Frame, concept
from recoupe.crosscheck.rules import same_slot
from recoupe.crosscheck.rules_base import stop_words
from recoupe.crosscheck.rules_time import duration_unit
from recoupe.crosscheck.slots_lexicon import (
    AGED_PERSONS,
    CONCEPTS,
    CROWDS,
    CUMULATIVE,
    EXCLUSIVE,
    GENERIC,
    MEASURES,
    TOLLS,
)
from recoupe.crosscheck.slots_lexicon import DOWN as _DOWN
from recoupe.crosscheck.slots_lexicon import HEADS as _HEADS
from recoupe.crosscheck.slots_lexicon import PERSONS as _PERSONS
from recoupe.crosscheck.slots_lexicon import UP as _UP
from recoupe.folding import fold

if TYPE_CHECKING:
    from collections.abc import Sequence

    from recoupe.model import Figure

__all__ = [
    "CONCEPTS",
    "anchored_alike",
    "counted_alike",
    "distinct",
    "many_places",
    "same_referent",
    "topic_concepts",
    "unit_concept",
    "units_agree",
    "years_told",
]

#: share of the smaller frame's concepts the two frames must have in common
SHARED_SHARE = 0.4


def _told_apart(a: Figure, frame_a: Frame, frame_b: Frame) -> bool:
    """A threshold and a measure, a forecast and a result: two slots, whatever they count (not for dates)."""
    if a.kind == "date" or frame_a.modality == frame_b.modality:
        return False
    modalities = {frame_a.modality, frame_b.modality}
    return "threshold" in modalities or modalities == {"forecast", "observed"}


def unit_concept(figure: Figure) -> str | None:
    if duration_unit(figure) is not None:  # "un mois" and "deux semaines": one length, in other units
        return "duree"
    if figure.kind not in {"count", "quantity"} or not figure.unit:
        return None
    words = figure.unit.split()
    if len(words) > 1:  # "créations de postes": the word the concepts know ("poste": jobs), else the head
        known = [concept(w) for w in words if concept(w) in _HEADS]
        return known[-1] if known else concept(words[0])
    word = concept(figure.unit)
    head = figure.unit.split("-")[0]
    if "-" in figure.unit and word not in _HEADS and len(head) >= 4 and fold(head) not in _NOT_HEADS:
        return concept(head)  # "72 wagons-citernes" counts wagons ("soixante-trois wagons")
    return word


#: first parts of hyphenated nouns that are no head ("sans-abri", "porte-parole", "demi-finales")
_NOT_HEADS = frozenset({"porte", "garde", "mini", "micro", "demi", "grand", "grande", "petit", "petite", "haut",
                        "haute", "arriere", "avant", "sous", "vice", "anti", "auto", "semi", "belle", "beau",
                        "multi", "super", "hyper", "contre", "entre", "outre", "sans", "tele", "radio",
                        "voix"})  # fmt: skip  # "voix-pour" / "voix-contre": a tally's two sides (``votes``)


def _about_concepts(figure: Figure) -> frozenset[str]:
    return frozenset(concept(w) for w in TOKEN.findall(figure.about or "") if len(w) > 2)


def _whole_of(figure: Figure, frame: Frame) -> frozenset[str]:
    """What a share is of: the noun after it, or the noun of a fraction ("quatre décès sur dix")."""
    return frame.whole | (_about_concepts(figure) if " sur " in figure.text else frozenset())


def units_agree(a: Figure, b: Figure) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "money":
        return not (a.unit and b.unit) or a.unit == b.unit
    unit_a, unit_b = unit_concept(a), unit_concept(b)
    if duration_unit(a) is not None and duration_unit(b) is not None:  # "un mois" / "deux semaines"
        return True
    if unit_a and unit_b and unit_a != unit_b:
        return unit_a in GENERIC or unit_b in GENERIC  # "30 000 personnes" may be "30 000 manifestants"
    return True


def _apart(a: Figure, frame_a: Frame, b: Figure, frame_b: Frame) -> bool:
    """Whether the frames name two different places, days or years (a figure with no year is of its
    article's year when the other names one)."""
    if frame_a.places and frame_b.places and not frame_a.places & frame_b.places:
        return True
    if a.kind == "date" or b.kind == "date":  # "lundi 16 juillet": the weekday is the date's own
        return False
    # a turnout on Saturday and one on Sunday are two counts; a toll is a running total: Wednesday's 48 dead and
    # Thursday's 61 are one toll, updated
    toll = unit_concept(a) in CUMULATIVE and unit_concept(b) in CUMULATIVE
    if frame_a.days and frame_b.days and not frame_a.days & frame_b.days and not toll:
        return True
    years_a = frame_a.years or ({frame_a.default_year} if frame_a.default_year and frame_b.years else set())
    years_b = frame_b.years or ({frame_b.default_year} if frame_b.default_year and frame_a.years else set())
    return bool(years_a and years_b and not years_a & years_b)


def _unspecific(a: Figure, b: Figure) -> bool:
    """Neither figure counts a specific noun (rates, amounts, "personnes"): the words around them say what
    they measure. A count of "interpellations" says it itself, whatever else its sentence names."""
    return all(unit_concept(f) is None or unit_concept(f) in GENERIC for f in (a, b))


def _measures_apart(concepts_a: frozenset[str], concepts_b: frozenset[str]) -> bool:
    """Each frame names what it measures and they name different things ("taux de chômage" / "taux de
    participation")."""
    measures_a, measures_b = concepts_a & MEASURES, concepts_b & MEASURES
    return bool(measures_a and measures_b and not measures_a & measures_b)


def _contrasted(concepts_a: frozenset[str], concepts_b: frozenset[str]) -> bool:
    """One rises and the other falls ("hausse" / "baisse": a polarity question, left to the polarity rules),
    or the frames hold two concepts of one ``EXCLUSIVE`` group ("sur un an" / "sur un mois")."""
    if {_UP, _DOWN} <= (concepts_a | concepts_b) and not ({_UP, _DOWN} & concepts_a & concepts_b):
        return True
    return any(
        (concepts_a & group) and (concepts_b & group) and not (concepts_a & concepts_b & group) for group in EXCLUSIVE
    )


def _counted_noun_agrees(a: Figure, concepts_a: frozenset[str], b: Figure, concepts_b: frozenset[str]) -> bool:
    """The two figures count the same specific thing: "8 000 manifestants" / "8 000 participants", or a
    generic count whose words say it ("8 000 personnes ont manifesté", "douze personnes interpellées")."""
    unit_a, unit_b = unit_concept(a), unit_concept(b)
    if not unit_a or not unit_b:
        return False
    if unit_a == unit_b:
        return unit_a not in GENERIC
    if unit_a in GENERIC and unit_b not in GENERIC:
        return unit_b in concepts_a
    if unit_b in GENERIC and unit_a not in GENERIC:
        return unit_a in concepts_b
    return False


def counted_alike(a: Figure, frame_a: Frame, b: Figure, frame_b: Frame, *, many_places: bool = False) -> bool:
    """Whether two counts count the same thing by their counted noun alone ("340 000 participants" /
    "800 000 personnes rassemblées"; "167 cas avérés" / "300 cas avérés"), nothing telling them apart: what
    two figures given by two different sources must share to be one slot (``recoupe.crosscheck.align``)."""
    if a.kind != "count" or b.kind != "count":
        return False
    unit_a, unit_b = unit_concept(a), unit_concept(b)
    # "5 500 personnes ont bravé l'interdiction pour se rassembler": people that the words say are a crowd
    crowd_a = unit_a in CROWDS or (unit_a in _PERSONS and bool(frame_a.concepts & CROWDS))
    crowd_b = unit_b in CROWDS or (unit_b in _PERSONS and bool(frame_b.concepts & CROWDS))
    if (
        {unit_a, unit_b} & _PERSONS
        and (crowd_a or crowd_b)
        and not _counted_noun_agrees(a, frame_a.concepts, b, frame_b.concepts)
    ):
        # "À Paris, la CGT a compté 550 000 personnes" / "À Paris, la préfecture a compté 112 000 manifestants":
        # the same place, and nothing around the people says they are anything else
        generic = frame_a if unit_a in _PERSONS else frame_b
        where_a, where_b = frame_a.places | frame_a.area, frame_b.places | frame_b.area
        return (
            bool(where_a & where_b)
            and not _elsewhere(a, frame_a, b, frame_b, many_places)
            and not generic.concepts & MEASURES
        )
    if distinct(a, frame_a, b, frame_b, many_places=many_places):
        return False
    if _counted_noun_agrees(a, frame_a.concepts, b, frame_b.concepts):
        return True
    return (  # a generic noun ("cas", "personnes") with the same words after it
        unit_a is not None
        and unit_a == unit_b
        and fold(a.unit or "") == fold(b.unit or "")
        and (bool((frame_a.concepts & frame_b.concepts) - GENERIC))
    )


#: distinct places named around a story's figures from which a figure's place must match to be "the same"
MANY_PLACES = 4


def many_places(frames: Sequence[tuple[str, Frame]], *, least: int = 3) -> bool:
    """Whether a story's figures (article id, frame) are of ``MANY_PLACES`` places or more, in ``least``
    articles or more: a round-up of a national day of protest, city by city (see ``same_referent``)."""
    if len({article_id for article_id, _ in frames}) < least:
        return False
    return len({place for _, frame in frames for place in frame.places | frame.area}) >= MANY_PLACES


def _where(frame: Frame, many: bool) -> frozenset[str]:
    return frame.places or (frame.area if many else frozenset())


def topic_concepts(frames: Sequence[tuple[str, Frame]], *, share: float = 0.5, least: int = 3) -> frozenset[str]:
    """Concepts in the figure frames of at least ``share`` of a story's articles (and ``least`` of them).

    ``frames``: (article id, frame) of every figure of the story. On a running story every sentence says
    "gilets jaunes" or "mobilisation": words that every article uses around its figures say which story,
    not which figure, and two figures sharing only them are not one slot (``same_referent``'s ``topic``).
    """
    articles: dict[str, set[str]] = {}
    for article_id, frame in frames:
        articles.setdefault(article_id, set()).update(frame.concepts)
    if len(articles) < least:
        return frozenset()
    counts: dict[str, int] = {}
    for concepts in articles.values():
        for word in concepts:
            counts[word] = counts.get(word, 0) + 1
    bar = max(least, share * len(articles))
    return frozenset(word for word, n in counts.items() if n >= bar)


#: rates that move over one day: a turnout, a strike rate
_RATES_OF_THE_DAY = frozenset({"participation", "greve"})


def _other_event(a: Figure, frame_a: Frame, frame_b: Frame) -> bool:
    """Told as another event or of another one: an earlier date, a previous period, another person's age."""
    if a.kind == "date" and (BIRTH in frame_a.concepts) != (BIRTH in frame_b.concepts):
        return True  # "née le 22 janvier 2019" / "a annoncé le parc ce mardi 9 juillet": a birth, an announcement
    if frame_a.earlier != frame_b.earlier and (
        a.kind == "date"
        or (a.kind in {"percent", "money"} and not (frame_a.concepts | frame_b.concepts) & _RATES_OF_THE_DAY)
    ):
        # "a été interpellé le 2 janvier" / "avait été interpellé le 22 décembre": two arrests; "sera revalorisé
        # de 1,8 %" / "avait déjà progressé de 2,01 %": two rises. Not a count (a toll told in the pluperfect is
        # the toll), nor a rate of the day ("26,41 % avaient voté à 12 heures" is the turnout, at noon)
        return True
    if frame_a.part != frame_b.part and a.kind == "count":
        return True  # "150 grands patrons" / "six grands patrons sur les 140 réunis": the total, a part of another
    if frame_a.gap != frame_b.gap and a.kind in {"count", "quantity"}:
        return True  # "à 44 sièges de la majorité absolue" / "88 députés": a gap is not a count
    if frame_a.last_period != frame_b.last_period and not (frame_b if frame_a.last_period else frame_a).months:
        # "7 000 manifestants à 14 h" / "contre 8 000 la semaine dernière"; but "194 000 emplois le mois
        # dernier" / "149 000 postes en septembre" name one month two ways
        return True
    # "Jean-Jacques, 59 ans" / "Adrien, un gilet jaune de 38 ans": two people's ages; "Nathalie Loiseau (LREM)
    # … à 13 %" / "Jordan Bardella (RN) … à 10 %": two people's scores
    return (a.unit == "an" or a.kind == "percent") and bool(
        frame_a.names and frame_b.names and not frame_a.names & frame_b.names
    )


def _elsewhere(a: Figure, frame_a: Frame, b: Figure, frame_b: Frame, many_places: bool) -> bool:
    """Two places, days or years, another event or period, another person's age: figures of other things.

    On a story of many places (a round-up of a day of protest, city by city) a figure's area counts as its
    place, and a count whose place is not said is not the count of a city."""
    if _apart(a, frame_a, b, frame_b) or _other_event(a, frame_a, frame_b) or _told_apart(a, frame_a, frame_b):
        return True
    where_a, where_b = _where(frame_a, many_places), _where(frame_b, many_places)
    return bool(where_a and where_b and not where_a & where_b) or (many_places and bool(where_a) != bool(where_b))


def _qualified_apart(a: Figure, frame_a: Frame, frame_b: Frame) -> bool:
    """Two counts or lengths each qualified by the word right after it, and not by the same one: "trois ans
    d'emprisonnement" / "deux ans avec sursis", "cinq ans de prison" / "cinq ans d'inéligibilité"."""
    return (
        a.kind in {"count", "quantity"}
        and bool(frame_a.qualifier and frame_b.qualifier)
        and not frame_a.qualifier & frame_b.qualifier
    )


_AGED = frozenset({"age", "agee", "ages", "agees"})
_FOR = frozenset({"depuis", "pendant", "durant", "for", "since"})
_HAS_AGE = frozenset({"a", "avait", "aura", "aurait", "ses", "son"})
#: "une quarantaine d'années" with nothing before it that says a length ("d'une quarantaine d'années"): an age
_DECADE = re.compile(r"^une? \w+aines? d['’]annees$")


def years_told(figure: Figure, frame: Frame) -> str | None:
    """What a number of years is, from the words before it and the word after: an ``age`` ("morte à 96 ans",
    "âgé de 39 ans"), a time ``ago`` or a length ("il y a cinq ans", "depuis dix ans"), a ``qualified``
    length ("soixante-dix ans de règne"); ``None`` when nothing says."""
    if figure.kind != "quantity" or fold(figure.unit or "").rstrip("s") not in {"an", "year"}:
        return None
    if frame.qualifier:
        return "qualified"
    anchor = tuple(re.sub(r"^\w+['’]", "", word) for word in frame.anchor)  # "à l'âge de": "age", "de"
    if anchor[-2:] == ("y", "a") or (anchor and anchor[-1] in _FOR) or (anchor and anchor[-1] == "ago"):
        return "ago"
    if (anchor and anchor[-1] in _HAS_AGE) or (
        len(anchor) >= 2 and anchor[-1] == "de" and (anchor[-2] in _AGED or anchor[-2] in AGED_PERSONS)
    ):
        return "age"  # "morte à 96 ans", "il avait 42 ans", "fêter ses 38 ans", "âgé de 39 ans", "un homme de 50 ans"
    written = fold(figure.text).casefold()
    if written.rstrip("s").endswith("genaire") or (not anchor and _DECADE.match(written)):
        return "age"  # "un quinquagénaire", "un homme d'une trentaine d'années"
    return None


def _years_apart(a: Figure, frame_a: Frame, b: Figure, frame_b: Frame) -> bool:
    """Two numbers of years told as two things: an age and a reign, an age and a time ago."""
    told_a, told_b = years_told(a, frame_a), years_told(b, frame_b)
    return told_a is not None and told_b is not None and told_a != told_b


def _qualified_alike(a: Figure, frame_a: Frame, frame_b: Frame) -> bool:
    """Two lengths or quantities qualified by the same word right after them ("dix ans d'inéligibilité" / "5 ans
    d'inéligibilité"): that word says what they measure (not counts: "350 cas de rougeole" and "24 cas de
    rougeole" are a nation's and a region's)."""
    return a.kind == "quantity" and bool(frame_a.qualifier & frame_b.qualifier)


def anchored_alike(a: Figure, frame_a: Frame, b: Figure, frame_b: Frame, *, many_places: bool = False) -> bool:
    """The same words right before both figures, two of them content words ("rachetée par Lactalis en 2011" /
    "rachetée par Lactalis en 2012"), of one kind and unit, nothing telling them apart: one slot."""
    if len(frame_a.anchor) < ANCHOR or frame_a.anchor != frame_b.anchor or not same_slot(a, b):
        return False
    stop = stop_words("fr") | stop_words("en")
    content = [w for w in frame_a.anchor if len(w) > 2 and w not in stop and not w.isdigit()]
    return len(content) >= 2 and not distinct(a, frame_a, b, frame_b, many_places=many_places)


def distinct(a: Figure, frame_a: Frame, b: Figure, frame_b: Frame, *, many_places: bool = False) -> bool:
    """Whether the frames say the two figures are of different things whatever their sentences: elsewhere
    (``_elsewhere``), or two different counted nouns."""
    if _elsewhere(a, frame_a, b, frame_b, many_places) or (
        _unspecific(a, b) and _measures_apart(frame_a.concepts, frame_b.concepts)
    ):
        return True
    if _qualified_apart(a, frame_a, frame_b) or _years_apart(a, frame_a, b, frame_b):
        return True
    unit_a, unit_b = unit_concept(a), unit_concept(b)  # "18 personnes" / "une centaine d'armes"
    return bool(
        unit_a and unit_b and unit_a != unit_b and not _counted_noun_agrees(a, frame_a.concepts, b, frame_b.concepts)
    )


def same_referent(  # noqa: PLR0911 - one way out per reason
    a: Figure,
    frame_a: Frame,
    b: Figure,
    frame_b: Frame,
    *,
    similar: bool = False,
    topic: frozenset[str] = frozenset(),
    many_places: bool = False,
) -> bool:
    """Whether figures ``a`` and ``b`` (with their frames) measure the same thing of the same event.

    ``similar``: their sentences say the same thing (embeddings): then a counted noun that agrees, or a money
    or percent figure that is the only one of its kind in each sentence, needs no other shared word.
    ``topic``: the story's own words (``topic_concepts``), no evidence that two figures are one slot.
    ``many_places``: the story's figures are of many places (``MANY_PLACES``: a round-up of a national day
    of protest, city by city): then a figure with a place and one without are not "the same sentence"."""
    if not units_agree(a, b) or (a.kind == "date" and not same_slot(a, b)):  # a year alone, a day alone
        return False
    about_a, about_b = _about_concepts(a), _about_concepts(b)
    if about_a and about_b and not about_a & about_b:  # "offre" and "valorisation": two things
        return False
    concepts_a, concepts_b = frame_a.concepts | about_a, frame_b.concepts | about_b
    if _elsewhere(a, frame_a, b, frame_b, many_places) or _contrasted(concepts_a, concepts_b):
        return False
    if (
        (_unspecific(a, b) and _measures_apart(concepts_a - topic, concepts_b - topic))
        or _qualified_apart(a, frame_a, frame_b)
        or _years_apart(a, frame_a, b, frame_b)  # "morte à 96 ans" / "soixante-dix ans de règne"
    ):
        return False
    if _qualified_alike(a, frame_a, frame_b) and not (frame_a.qualifier <= topic):
        return True
    agrees = _counted_noun_agrees(a, concepts_a, b, concepts_b)
    # an amount or a share in alike sentences: one slot unless the words around them have nothing in common
    # ("les dépenses ont été inférieures de 400 millions" / "des baisses de charges qui devraient coûter 4
    # milliards": two sentences of one budget story, two amounts)
    worded_alike = bool((concepts_a & concepts_b) - topic) or not (concepts_a and concepts_b)
    if (similar and (agrees or (a.kind in {"money", "percent"} and worded_alike))) or (
        agrees and a.kind == "count" and (frame_a.names & frame_b.names or (frame_a.gap and frame_b.gap))
    ):
        return True  # sentences that say the same thing; the same thing counted of one name ("Michelin compte
        # 21 500 salariés" / "21 500 salariés travaillent pour Michelin"), not two lengths of time near "l'État"
    if a.kind == "percent" and not (_RATES_OF_THE_DAY | {_UP, _DOWN}) & (concepts_a | concepts_b):  # two shares
        # of one whole ("9 % de ces décès" / "quatre décès sur dix"): one slot only when something else than the
        # whole is shared (a turnout, a strike rate: the share of voters, of staff, is what is measured)
        wholes = _whole_of(a, frame_a) | _whole_of(b, frame_b)
        concepts_a, concepts_b = concepts_a - wholes, concepts_b - wholes
    units = {u for u in (unit_concept(a), unit_concept(b)) if u}
    if agrees:  # "douze personnes interpellées" counts "interpellations"
        units -= GENERIC
    concepts_a, concepts_b = concepts_a - topic, concepts_b - topic
    shared = (concepts_a & concepts_b) - units - GENERIC
    smaller = min(len(concepts_a - units - GENERIC), len(concepts_b - units - GENERIC))
    if shared and len(shared) < SHARED_SHARE * smaller:  # "grève" shared, "primaire" and "lycée" not
        return False
    if units and units <= TOLLS:  # a toll: nothing else said on either side is enough ("3 morts" / "5 morts, selon le
        # dernier bilan"); the counted noun agrees
        return bool(shared) or (len(concepts_a - units) <= 1 and len(concepts_b - units) <= 1)
    if agrees:  # the counted noun agrees: one more shared word (the event, a modifier) is enough, or both
        return bool(shared) or frame_a.modality == frame_b.modality == "forecast"  # being expected
    if units - GENERIC:  # "huit personnes blessées" / "quinze policiers blessés": a part is not the whole
        return False
    return len(shared) >= (1 if a.kind in {"money", "percent"} else 2)
