"""Rules that say whether two aligned statements conflict, and where: figures, dates, polarity, quotes.

No NLI model ships on PyPI, so ``crosscheck/align.py`` decides *which* two statements speak of the same
thing and these rules decide whether they *conflict*. They are built for precision: a false "conflicting"
in front of a journalist is worse than a miss, so every rule stands back when in doubt. Each ``Conflict``
gives its kind, a detail for people and the exact spans in both texts. Modules: this one (figures, dates,
``find_conflicts``), ``rules_polarity`` (negation, antonyms), ``rules_quotes``, ``rules_lexicon`` (every
word list), ``rules_base`` (``Conflict``, a text read as words with or without a parse).

**Figures** (kinds ``figure``, ``date``; ``figure_conflicts``)

- *Same slot* (``same_slot``): same kind; money in the same currency (or one unknown); counts and
  quantities with the same unit (folded, singular); when both figures say what they measure (``about``),
  the two must share a word ("offre" / "offre de rachat"; "offre" / "valorisation" never conflict).
- *Compatible values* (``values_compatible``): each figure stands for an interval. A written number covers
  its rounding (``97,4`` covers 97,35-97,45; ``97`` covers 96,5-98: rounded or truncated); an integer with
  trailing zeros may be rounded (``300`` covers ±5 %, at most half of its last non-zero digit); a hedge
  before it widens it (``environ``, ``près de``, ``about``: ±10 %; ``plus de``, ``at least``: upwards;
  ``moins de``, ``up to``: downwards); one end of a range (``entre 2 et 5``, ``de 1900 à 1946``) covers
  everything. Two figures are compatible when their intervals meet (so "plus de 100" meets 97,4: the 100
  may be rounded). Dates are intervals of days: ``2025`` contains ``2025-02``, a week contains its days,
  ``--02-14`` (no year) matches any 14 February; 2019 vs 2018 do not meet. A date after ``depuis``,
  ``avant``, ``jusqu'au``, ``since``, ``until`` … opens a period and never conflicts.
- *Unambiguous pairs only*: a figure with a compatible figure of the same slot on the other side, or whose
  value the other text writes anywhere (a bare "139" after "54 pays et"), is not in conflict (an article
  often gives a total and a part); otherwise it conflicts with the nearest-valued reportable figure of that
  slot that is unsettled too, each figure used once. Relative dates ("hier", "mardi") are never reported
  (they depend on the publication date), but they do settle a partner.
- *Reportable*: with spaCy parses of both texts, the two figures must hang on the same verb (up to
  ``SLOT_SYNONYMS``: "arrêtées" / "interpellées") or both say what they measure, and that verb's subjects
  and objects must not differ ("Io a un diamètre de 3 598 km" / "la Lune a un diamètre de 3 746 km": no).
  ``find_conflicts`` without parses asks instead that the nearest content words around the two figures
  agree. ``figure_conflicts`` without docs trusts the caller's alignment: same slot is enough.

**Polarity** (kinds ``negation``, ``antonym``; ``polarity_conflicts``, in ``rules_polarity``)

- *Negation*: one side negates a predicate the other asserts, compared on lemmas (or ``NEGATION_SYNONYMS``:
  "n'est pas décédée" / "est morte"): ``ne ... pas``, ``ne ... plus/jamais/guère/rien/personne``, ``ne
  ... ni``, ``aucun``/``nul`` as determiner of the subject or object (the verb is negated), ``sans`` +
  infinitive; English ``not``/``n't``/``never``, ``no`` + noun, ``nobody``/``nothing``. ``ne ... que``,
  ``pas seulement``, ``not only`` are not negations; light verbs (être, avoir, faire, be, have) and nouns
  that are not predicates never carry a negation conflict. The asserted side must be a plain assertion:
  no negation word just before it, no ``ne``, no negation in a clause it governs ("recommande de ne pas
  utiliser") or that governs it, not a gerund ("en attendant"); the same predicate both negated and
  asserted on one side is left alone.
- *Antonym*: one side uses a predicate, the other its opposite (``ANTONYMS``: rejeter/accepter,
  démentir/confirmer, hausse/baisse, gagner/perdre, ouvrir/fermer, autoriser/interdire,
  condamner/acquitter, vivant/mort, bénéfice/perte, vrai/faux, légal/illégal, libérer/emprisonner and their
  English equivalents), both plain assertions; a side that uses both directions is left alone. Converse
  pairs (gagner/perdre) need the same doer: "X bat Y" is "Y perd contre X".
- *Guards*: the two sentences must share content words (nouns and names, the compared predicates left
  out: at least ``MIN_SHARED`` and ``MIN_SHARED_RATIO`` of the smaller side); with parses, who does it and
  what it is done to (passives turned around) must not differ when both sides give them (a surname
  matches a full name; names decide over common nouns), the grammatical subjects must each be found among
  the other side's participants, and the two predicates must share a participant; a predicate under a
  condition (si, if), a modal or an intent (pourrait, promettre de, could, will), a negative implicative
  (cesser de, refuser de, fail to), in the conditional mood ("aurait rejeté": alleged) or in a question is
  never compared.
- Without ``nlp``: folded words with a crude suffix stemmer stand for lemmas, negation is found by
  pattern (``ne``/``n'`` + particle within four words; ``not``/``never`` + the next content word), roles
  are unknown and converse pairs are skipped; a word after a determiner is taken for a noun. Expect lower
  recall and lower precision.

**Quotes** (kinds ``quote_wording``, ``speaker``; ``quote_conflicts``, in ``rules_quotes``)

Two quotes are *the same quote* when, over folded words (case, accents, punctuation, typographic quotes,
elision spacing and ligatures removed), at least ``QUOTE_SAME`` of the shorter one's words match in order
(difflib) and the shorter has at least ``QUOTE_MIN_WORDS`` words. Then: words replaced, or added or
dropped inside the quote with no ellipsis marked, are ``quote_wording`` (one conflict per difference,
spans on the words); a quote cut shorter at either end is not a difference. ``speaker``: both have speakers
written as names (or both have entity keys) and they are not the same person, and the quote has at least
``SPEAKER_MIN_WORDS`` words (two people can both say "OpenAI n'est pas à vendre"); a surname matches a full
name, equal keys match. A description ("un porte-parole") is never opposed to a name.

**Limits**: no world knowledge (DACCORD's "une pièce de raffinerie" vs "un missile"), no paraphrase of
predicates beyond the lists ("n'est pas un organe de l'UE" / "est une institution de l'UE"), no reasoning
on quantities ("61,6 % contre" vs "approuve") or on time ("existait en 2019" vs "pris en 2022"), no tense
("a rejeté" then "a accepté" a week later is an antonym conflict if the sentences carry no date), and
relations between two named entities ("X est une filiale de Y" vs "Y ... de X") are not compared. The
parse decides roles: a wrong parse can hide a conflict and, more rarely, let one through.
``bench/crosscheck_nli.py`` measures how far the rules go (a few percent of NLI contradictions).
"""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from recoupe.crosscheck.ranges import range_bounds
from recoupe.crosscheck.rules_base import KINDS, Conflict, Sentence, Word, folded_words, sentence_of, stem, stop_words
from recoupe.crosscheck.rules_lexicon import (
    APPROX_BEFORE,
    COLLECTIVE,
    DAY_OF_MONTH_AFTER,
    LOWER_AFTER,
    LOWER_BEFORE,
    RANGE_AFTER,
    RANGE_BEFORE,
    SLOT_SYNONYMS,
    UPPER_BEFORE,
)
from recoupe.crosscheck.rules_polarity import (
    MIN_SHARED,
    MIN_SHARED_RATIO,
    polarity_conflicts,
    polarity_conflicts_docs,
    same_participants,
)
from recoupe.crosscheck.rules_quotes import QUOTE_MIN_WORDS, QUOTE_SAME, quote_conflicts
from recoupe.crosscheck.rules_time import (
    MONTH_SLACK,
    date_opening,
    dates_comparable,
    dates_compatible_as_told,
    duration_unit,
)
from recoupe.folding import fold

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from spacy.tokens import Doc

    from recoupe.enrich.nlp import NlpModels
    from recoupe.enrich.numbers import NumberMatch
    from recoupe.model import Figure, PublishedDate

__all__ = [
    "KINDS",
    "MIN_SHARED",
    "MIN_SHARED_RATIO",
    "QUOTE_MIN_WORDS",
    "QUOTE_SAME",
    "Conflict",
    "compatible_in",
    "contradicts",
    "figure_conflict",
    "figure_conflicts",
    "find_conflicts",
    "polarity_conflicts",
    "quote_conflicts",
    "same_slot",
    "values_compatible",
]

APPROX = 0.10  # "environ", "près de", "about": ±10 %
ROUND_SHARE = 0.05  # an integer with trailing zeros may be rounded by up to 5 %

_NUMBER = re.compile(r"\d(?:[\d\s\u00a0\u202f.,']*\d)?")
_ABOUT_STOP = frozenset({"de", "du", "des", "la", "le", "les", "d", "l", "un", "une", "of", "the", "a", "an", "en"})

Interval = tuple[float, float]


# -- figures ---------------------------------------------------------------------------------------------------
def _written(figure: Figure) -> tuple[float, float, float]:
    """(value, half-width of its rounding, width of a truncation) from how the number is written."""
    value = float(figure.value) if isinstance(figure.value, int | float) else math.nan
    if math.isnan(value) or math.isinf(value):
        return value, 0.0, 0.0
    match = _NUMBER.search(figure.text)
    if match is None and 0 < abs(value) < 1000:  # "deux semaines", "cent cinquante appels": said exactly
        return value, 0.0, 0.0
    if match is None or not value:  # number words: "trois millions"
        magnitude = 10 ** (3 * math.floor(math.log10(abs(value)) / 3)) if value and abs(value) >= 1000 else 1.0
        return value, magnitude / 2, magnitude
    raw = re.sub(r"[\s\u00a0\u202f']", "", match.group())
    candidates: list[tuple[float, int]] = []
    last = max(raw.rfind(","), raw.rfind("."))
    if last >= 0:
        integer = re.sub(r"[.,]", "", raw[:last])
        candidates.append((float(f"{integer}.{raw[last + 1 :]}"), len(raw) - last - 1))
    candidates.append((float(re.sub(r"[.,]", "", raw)), 0))
    number, decimals = candidates[0]
    for candidate, places in reversed(candidates) if len(raw) - last - 1 == 3 else candidates:
        ratio = abs(value) / candidate if candidate else 0
        if ratio and abs(math.log10(ratio) - round(math.log10(ratio))) < 1e-9:
            number, decimals = candidate, places
            break
    ratio = abs(value) / number if number else 0
    scale = (
        10.0 ** round(math.log10(ratio)) if ratio and abs(math.log10(ratio) - round(math.log10(ratio))) < 1e-9 else 1.0
    )
    step = 10.0**-decimals * scale
    half = step / 2
    counted = number < 100 or not str(int(number)).endswith("0")
    if figure.kind == "count" and decimals == 0 and scale == 1.0 and counted:
        return value, 0.0, 0.0  # "14 départements", "1 419 morts", "20 grands électeurs": counted, not rounded
    if decimals == 0 and number >= 10:
        digits = str(int(number))
        zeros = len(digits) - len(digits.rstrip("0"))
        if zeros:
            half = max(half, min(10.0**zeros / 2, ROUND_SHARE * number) * scale)
    return value, half, step


#: a live blog's time stamp and its dash before a figure ("10h15 - Quatre personnes"): not a range's lower end
_STAMP_DASH = re.compile(
    r"(?:\d{1,2}[\s\u00a0\u202f]*h[\s\u00a0\u202f]*\d{0,2}|\d{1,2}:\d{2})[\s\u00a0\u202f]*[-–][\s\u00a0\u202f]*$"
)
_AND_AFTER = re.compile(r"^[\s\u00a0\u202f]*(et|and)\b")
_BETWEEN_BEFORE = re.compile(r"\b(entre|between)\b")


def _hedge(figure: Figure, before: str, after: str) -> str:
    """``range``, ``approx``, ``lower``, ``upper`` or ``exact``: what the words around the figure make of it."""
    before, after = fold(before)[-30:], fold(after)[:20]
    counted = figure.kind != "date" and figure.text[-1:].isalpha()  # "61 décès et 2 876 cas": two counts
    # "le lundi 1er et le mardi 2 juillet": two days; "entre le 1er et le 3": a range
    listed = _AND_AFTER.match(after) is not None and not _BETWEEN_BEFORE.search(before)
    if (RANGE_BEFORE.search(before) and not _STAMP_DASH.search(before)) or (
        RANGE_AFTER.match(after)
        and not counted
        and not listed
        and (figure.kind == "date" or not DAY_OF_MONTH_AFTER.match(after))
    ):
        return "range"
    if figure.kind == "date":
        return date_opening(before)
    folded = fold(figure.text)
    number = _NUMBER.search(folded)
    inside = folded[: number.start()] if number else ""  # a hedge kept in the figure's own text
    hedges = (("approx", APPROX_BEFORE), ("lower", LOWER_BEFORE), ("upper", UPPER_BEFORE))
    found = next((name for name, pattern in hedges if pattern.search(before) or pattern.search(inside)), None)
    if found is None and LOWER_AFTER.match(after):
        found = "lower"
    if found is None and COLLECTIVE.search(folded):
        found = "approx"  # "une trentaine": 31 is it, "une quarantaine" is not
    return found or "exact"


def _interval(figure: Figure, hedge: str) -> Interval:
    value, half, step = _written(figure)
    if math.isnan(value) or hedge == "range":
        return (-math.inf, math.inf)
    if hedge == "approx":
        return (value * (1 - APPROX) - half, value * (1 + APPROX) + half)
    if hedge == "lower":
        return (value - half, math.inf)
    if hedge == "upper":
        return (-math.inf, value + max(half, step))
    return _as_written(figure, value, half, step)


def _as_written(figure: Figure, value: float, half: float, step: float) -> Interval:
    """The values an unhedged figure may stand for."""
    if figure.kind == "percent" and half:  # "3 %" is 2,5-3,5 % rounded, not 3,5 % cut: "3,5 %" is another rate
        return (value - half * 0.999, value + half * 0.999)
    if figure.unit == "an" and fold(figure.text).rstrip("s").endswith("genaire"):  # "octogénaire": 80 to 89
        return (value, value + 9.999)
    if _an_age(figure, step):  # "16 ans" is 16 to 17, never rounded up from 16,5: "17 ans" is another age
        return (value, value + step * 0.999)
    return (value - half, value + max(half, step))


def _an_age(figure: Figure, step: float) -> bool:
    """A whole number of years ("17 ans", "84 years"): an age, counted down, not rounded."""
    return figure.kind == "quantity" and step == 1.0 and fold(figure.unit or "") in {"an", "ans", "year", "years"}


def _compatible(a: Figure, b: Figure, hedge_a: str, hedge_b: str) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "date":
        return dates_compatible_as_told(a, b, hedge_a, hedge_b)
    if a.kind == "percent" and hedge_a == hedge_b == "exact":
        return _percents_compatible(a, b)
    lo_a, hi_a = _interval(a, hedge_a)
    lo_b, hi_b = _interval(b, hedge_b)
    days_a, days_b = duration_unit(a), duration_unit(b)
    if days_a is not None and days_b is not None and days_a != days_b:
        lo_a, hi_a = lo_a * days_a * (1 - MONTH_SLACK), hi_a * days_a * (1 + MONTH_SLACK)
        lo_b, hi_b = lo_b * days_b * (1 - MONTH_SLACK), hi_b * days_b * (1 + MONTH_SLACK)
    return lo_a <= hi_b and lo_b <= hi_a


def _percents_compatible(a: Figure, b: Figure) -> bool:
    """Two rates as written: the finer one, rounded half up to the coarser one's precision, gives it ("4,8 %"
    is "5 %" rounded; "3,5 %" is not "3 %", which would be "4 %")."""
    (value_a, half_a, _), (value_b, half_b, _) = _written(a), _written(b)
    if math.isnan(value_a) or math.isnan(value_b):
        return True
    (fine, _), (coarse, half) = sorted([(value_a, half_a), (value_b, half_b)], key=lambda pair: pair[1])
    if not half:
        return abs(fine - coarse) < 1e-9
    return coarse - half - 1e-9 <= fine < coarse + half - 1e-9


def values_compatible(a: Figure, b: Figure) -> bool:
    """Whether ``a`` and ``b`` can give the same value (rounding, hedges in their text, dates containing each other).

    Figures of different kinds are not compatible (they are not comparable either: see ``same_slot``).
    Hedges written before a figure are outside ``Figure.text``; ``figure_conflicts`` reads them in the text.
    """
    return _compatible(a, b, _hedge(a, "", ""), _hedge(b, "", ""))


def compatible_in(text_a: str, a: Figure, text_b: str, b: Figure) -> bool:
    """``values_compatible`` with the hedges each text writes around its figure ("plus de 1 000", "environ
    300", "entre 1 200 et 2 000"): offsets of ``a`` and ``b`` are into ``text_a`` and ``text_b``."""

    def hedge(text: str, figure: Figure) -> str:
        if not 0 <= figure.start <= figure.end <= len(text):
            return _hedge(figure, "", "")
        return _hedge(figure, text[: figure.start], text[figure.end :])

    hedge_a, hedge_b = hedge(text_a, a), hedge(text_b, b)
    if "range" in {hedge_a, hedge_b} and a.kind == b.kind and a.kind != "date":  # "entre 100 et 300 morts"
        lo_a, hi_a = (range_bounds(text_a, a) or _interval(a, "range")) if hedge_a == "range" else _interval(a, hedge_a)
        lo_b, hi_b = (range_bounds(text_b, b) or _interval(b, "range")) if hedge_b == "range" else _interval(b, hedge_b)
        return lo_a <= hi_b and lo_b <= hi_a
    if hedge_a == hedge_b and hedge_a in {"lower", "upper"}:  # "plus de 125 morts" / "plus de 165 morts": two
        return _compatible(a, b, "exact", "exact")  # floors of one count, compared as written
    return _compatible(a, b, hedge_a, hedge_b)


def figure_conflict(a: Figure, b: Figure) -> Conflict:
    """The conflict between two figures of one slot (spans: the figures' own offsets)."""
    return _figure_conflict(a, b)


def _about_words(about: str) -> set[str]:
    words = {w for w, _, _ in folded_words(about) if w not in _ABOUT_STOP and len(w) > 2}
    return {w.rstrip("sx") if len(w) > 4 else w for w in words}


def same_slot(a: Figure, b: Figure) -> bool:
    """Whether ``a`` and ``b`` measure the same thing (kind, currency or unit, and ``about`` when both say it)."""
    if a.kind != b.kind:
        return False
    if a.kind == "date" and not dates_comparable(str(a.value), str(b.value)):
        return False
    if a.kind in {"money", "count", "quantity"} and a.unit and b.unit:
        unit_a, unit_b = fold(a.unit), fold(b.unit)
        if a.kind != "money":
            unit_a, unit_b = unit_a.rstrip("sx") or unit_a, unit_b.rstrip("sx") or unit_b
        if unit_a != unit_b:
            return False
    about_a, about_b = _about_words(a.about or ""), _about_words(b.about or "")
    if about_a and about_b:  # an "about" of no word ("£") says nothing
        return bool(about_a & about_b)
    return True


def _governor(sent: Sentence | None, figure: Figure) -> Word | None:
    """The verb the figure depends on in the parse (within three steps), else the top of its clause
    ("Avec un diamètre de 5 230 km, Ganymède est le plus grand satellite": "satellite"); ``None`` without
    a parse."""
    if sent is None or not sent.parsed:
        return None
    inside = [w for w in sent.toks if figure.start <= w.start < figure.end]
    if not inside:
        return None
    word = next((w for w in inside if not figure.start <= sent.toks[w.head].start < figure.end), inside[0])
    for step in range(12):
        if word.head < 0 or word.head == word.i:
            return None if word in inside else word
        word = sent.toks[word.head]
        if word.pos in {"VERB", "AUX"} and step < 3:
            return word
    return word


def _same_governor(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in SLOT_SYNONYMS)


def _said_elsewhere(figure: Figure, hedge: str, numbers: Sequence[NumberMatch]) -> bool:
    """The other text writes a number the figure's value can be (a bare "139" after "54 pays et")."""
    if figure.kind == "date" or not isinstance(figure.value, int | float):
        return False
    lo, hi = _interval(figure, hedge)
    return any(lo <= n.value <= hi for n in numbers if not n.ordinal)


def figure_conflicts(
    text_a: str,
    figures_a: Sequence[Figure],
    text_b: str,
    figures_b: Sequence[Figure],
    *,
    doc_a: Doc | None = None,
    doc_b: Doc | None = None,
    language: str = "fr",
) -> list[Conflict]:
    """Figures of the same slot whose values cannot be reconciled (kinds ``figure``, ``date``).

    Offsets of the figures are into ``text_a``/``text_b`` (hedges before a figure are read there). With
    ``doc_a`` and ``doc_b``, spaCy parses of the texts, a pair is reported only when the figures depend on
    the same verb (or both say what they measure) and the verbs' subjects and objects do not differ.
    """

    def hedge(text: str, figure: Figure) -> str:
        inside = 0 <= figure.start <= figure.end <= len(text)
        return _hedge(figure, text[: figure.start], text[figure.end :]) if inside else _hedge(figure, "", "")

    from recoupe.enrich.numbers import find_numbers

    lang = "en" if language == "en" else "fr"
    hedges_a = [hedge(text_a, f) for f in figures_a]
    hedges_b = [hedge(text_b, f) for f in figures_b]
    parsed = doc_a is not None and doc_b is not None
    sent_a = sentence_of(text_a, lang, doc_a) if parsed else None
    sent_b = sentence_of(text_b, lang, doc_b) if parsed else None
    gov_a = [_governor(sent_a, f) for f in figures_a]
    gov_b = [_governor(sent_b, f) for f in figures_b]
    numbers_a, numbers_b = find_numbers(text_a, lang), find_numbers(text_b, lang)

    def reportable(i: int, j: int) -> bool:
        ga, gb = gov_a[i], gov_b[j]
        if sent_a is None or sent_b is None:
            return True
        if ga is None or gb is None:
            return False
        if not (figures_a[i].about and figures_b[j].about) and not _same_governor(ga.key, gb.key):
            return False
        return same_participants(sent_a, ga, sent_b, gb, shared=False)

    def ok(i: int, j: int) -> bool:
        return _compatible(figures_a[i], figures_b[j], hedges_a[i], hedges_b[j])

    slots = [[same_slot(fa, fb) for fb in figures_b] for fa in figures_a]
    counterpart = _counterparts(text_a, figures_a, text_b, figures_b, slots, lang)
    counterpart_of_b = {j: i for i, j in counterpart.items()}

    def framed_ok(i: int, j: int) -> bool:
        # the same words around both figures: one phrase with another number in it. A range's end or an
        # open date ("depuis 2012") is then compared as written, since both sides hedge it the same way
        if hedges_a[i] == hedges_b[j]:
            return _compatible(figures_a[i], figures_b[j], "exact", "exact")
        return ok(i, j)

    settled_a = {
        i
        for i, fa in enumerate(figures_a)
        if (framed_ok(i, counterpart[i]) if i in counterpart else _settled(i, slots, ok, len(figures_b)))
        or (i not in counterpart and _said_elsewhere(fa, hedges_a[i], numbers_b))
    }
    settled_b = {
        j
        for j, fb in enumerate(figures_b)
        if (
            framed_ok(counterpart_of_b[j], j)
            if j in counterpart_of_b
            else any(slots[i][j] and ok(i, j) for i in range(len(figures_a)))
        )
        or (j not in counterpart_of_b and _said_elsewhere(fb, hedges_b[j], numbers_a))
    }
    found: list[Conflict] = []
    used: set[int] = set()
    for i, fa in enumerate(figures_a):
        if i in settled_a or fa.relative:
            continue
        if i in counterpart:
            j = counterpart[i]
            same_words = fold(fa.text) == fold(figures_b[j].text)  # "le 26" of "26 et 27 janvier 2019": not it
            if j not in used and not same_words and not figures_b[j].relative and reportable(i, j):
                used.add(j)
                found.append(_figure_conflict(fa, figures_b[j]))
            continue
        options = [
            j
            for j, fb in enumerate(figures_b)
            if slots[i][j] and j not in settled_b and j not in used and not fb.relative and reportable(i, j)
        ]
        if not options:
            continue
        j = min(options, key=lambda k: _distance(fa, figures_b[k]))
        used.add(j)
        found.append(_figure_conflict(fa, figures_b[j]))
    return found


def _figure_conflict(fa: Figure, fb: Figure) -> Conflict:
    about = fa.about or fb.about
    detail = f"{fa.text} vs {fb.text}" + (f" ({about})" if about else "")
    kind = "date" if fa.kind == "date" else "figure"
    return Conflict(kind, detail, (fa.start, fa.end), (fb.start, fb.end))


def _settled(i: int, slots: list[list[bool]], ok: Callable[[int, int], bool], count: int) -> bool:
    return any(slots[i][j] and ok(i, j) for j in range(count))


def _counterparts(  # noqa: PLR0917 - the two texts with their figures, as figure_conflicts takes them
    text_a: str,
    figures_a: Sequence[Figure],
    text_b: str,
    figures_b: Sequence[Figure],
    slots: list[list[bool]],
    language: str,
) -> dict[int, int]:
    """Figures of ``a`` with exactly one figure of ``b`` in the same slot and the same words around it, and
    the other way round: the same phrase in both texts, whose numbers are compared with each other only."""
    framed = [
        [
            slots[i][j] and _same_context(text_a, (fa.start, fa.end), text_b, (fb.start, fb.end), language)
            for j, fb in enumerate(figures_b)
        ]
        for i, fa in enumerate(figures_a)
    ]
    frames_a = [_frame(text_a, f, figures_a) for f in figures_a]
    frames_b = [_frame(text_b, f, figures_b) for f in figures_b]
    for i, row in enumerate(framed):  # neighbours in a list ("de 180 000 à 220 000 £"): the exact words decide
        if sum(row) > 1:
            framed[i] = [hit and frames_a[i] == frames_b[j] for j, hit in enumerate(row)]
    pairs: dict[int, int] = {}
    for i, row in enumerate(framed):
        if sum(row) != 1:
            continue
        j = row.index(True)
        if sum(framed[k][j] for k in range(len(figures_a))) == 1:
            pairs[i] = j
    return pairs


def _frame(text: str, figure: Figure, figures: Sequence[Figure]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The three words before and after ``figure``, other figures' words left out, function words kept."""

    def words(lo: int, hi: int) -> list[str]:
        return [
            w for w, start, _ in folded_words(text[lo:hi]) if not any(f.start <= lo + start < f.end for f in figures)
        ]

    return tuple(words(max(0, figure.start - 80), figure.start)[-3:]), tuple(words(figure.end, figure.end + 80)[:3])


def _distance(a: Figure, b: Figure) -> float:
    if isinstance(a.value, int | float) and isinstance(b.value, int | float) and a.value and b.value:
        return abs(math.log(abs(float(a.value))) - math.log(abs(float(b.value))))
    return 0.0


def _context(text: str, span: tuple[int, int], language: str) -> tuple[str | None, str | None]:
    """Stems of the nearest content words before and after ``span`` (at most four words away)."""
    stop = stop_words(language)

    def content(chunk: str) -> list[str]:
        return [w for w, _, _ in folded_words(chunk) if w not in stop and not w.isdigit() and len(w) > 2]

    before = [w for w, _, _ in folded_words(text[max(0, span[0] - 80) : span[0]])][-4:]
    after = [w for w, _, _ in folded_words(text[span[1] : span[1] + 80])][:4]
    kept_before, kept_after = content(" ".join(before)), content(" ".join(after))
    return (
        stem(kept_before[-1], language) if kept_before else None,
        stem(kept_after[0], language) if kept_after else None,
    )


def _same_context(text_a: str, span_a: tuple[int, int], text_b: str, span_b: tuple[int, int], language: str) -> bool:
    """Without a parse: no word around the two figures differs, and at least one is the same on both sides."""
    pairs = list(zip(_context(text_a, span_a, language), _context(text_b, span_b, language), strict=True))
    known = [(x, y) for x, y in pairs if x is not None and y is not None]
    return bool(known) and all(x == y for x, y in known)


# -- two sentences ---------------------------------------------------------------------------------------------
def find_conflicts(
    text_a: str,
    text_b: str,
    language: str = "fr",
    *,
    nlp: NlpModels | None = None,
    published_a: PublishedDate | None = None,
    published_b: PublishedDate | None = None,
) -> list[Conflict]:
    """Figure, date, negation and antonym conflicts between two sentences (offsets into each text)."""
    from recoupe.enrich.figures import extract_figures

    lang = "en" if language == "en" else "fr"
    doc_a = doc_b = None
    if nlp is not None and nlp.supports(lang):
        doc_a, doc_b = nlp.parse(text_a, lang), nlp.parse(text_b, lang)
    figures_a = extract_figures(text_a, lang, published_a, doc_a)
    figures_b = extract_figures(text_b, lang, published_b, doc_b)
    found = figure_conflicts(text_a, figures_a, text_b, figures_b, doc_a=doc_a, doc_b=doc_b, language=lang)
    if doc_a is None:  # no parse to tell slots apart: the words around each figure must agree
        found = [
            c
            for c in found
            if c.kind not in {"figure", "date"} or _same_context(text_a, c.a_span, text_b, c.b_span, lang)
        ]
    found.extend(polarity_conflicts_docs(text_a, text_b, lang, doc_a, doc_b))
    return found


def contradicts(premise: str, hypothesis: str, language: str = "fr", nlp: NlpModels | None = None) -> bool:
    """Whether the rules find any conflict between ``premise`` and ``hypothesis`` (an NLI-style yes/no)."""
    return bool(find_conflicts(premise, hypothesis, language, nlp=nlp))
