"""Rules that say whether two aligned statements conflict, and where: figures, dates, polarity, quotes.

No NLI model ships on PyPI, so ``crosscheck/align.py`` decides *which* two statements speak of the same
thing and these rules decide whether they *conflict*. They are built for precision: a false "conflicting"
in front of a journalist is worse than a miss, so every rule stands back when in doubt. Each ``Conflict``
gives its kind, a detail for people and the exact spans in both texts.

**Figures** (kinds ``figure``, ``date``; ``figure_conflicts``)

- *Same slot* (``same_slot``): same kind; money in the same currency (or one unknown); counts and
  quantities with the same unit (folded); when both figures say what they measure (``about``), the two
  must share a word ("offre" / "offre de rachat"; "offre" / "valorisation" never conflict). With spaCy
  parses and no ``about`` on either side, the verbs governing the figures must agree too ("3 personnes
  arrêtées" / "5 personnes blessées" are different slots), up to a few synonyms (``SLOT_SYNONYMS``).
- *Compatible values* (``values_compatible``): each figure stands for an interval. A written number covers
  its rounding (``97,4`` covers 97,35-97,45; ``97`` covers 96,5-98: rounded or truncated); an integer with
  trailing zeros may be rounded (``300`` covers ±5 %, at most half of its last non-zero digit); a hedge
  before it widens it (``environ``, ``près de``, ``about``: ±10 %; ``plus de``, ``at least``: upwards;
  ``moins de``, ``up to``: downwards); one end of a range (``entre 2 et 5``) covers everything. Two figures
  are compatible when their intervals meet. Dates are intervals of days: ``2025`` contains ``2025-02``,
  a week contains its days, ``--02-14`` (no year) matches any 14 February; 2019 vs 2018 do not meet.
- *Unambiguous pairs only*: a figure of one side with a compatible figure of the same slot on the other
  side is not in conflict (an article often gives a total and a part); otherwise it conflicts with the
  nearest-valued figure of that slot that has no compatible partner either, each figure used once.
  Relative dates ("hier", "mardi") are never reported (they depend on the publication date), but they do
  count as compatible partners.

**Polarity** (kinds ``negation``, ``antonym``; ``polarity_conflicts``, in ``rules_polarity``)

- *Negation*: one side negates a predicate the other asserts, compared on lemmas: ``ne ... pas``, ``ne ...
  plus/jamais/guère/rien/personne``, ``aucun``/``nul`` as determiner of the subject or object (the verb is
  negated), ``sans`` + infinitive; English ``not``/``n't``/``never``, ``no`` + noun, ``nobody``/``nothing``.
  ``ne ... que``, ``pas seulement``, ``not only`` are not negations. Light verbs (être, avoir, faire, be,
  have) never carry a negation conflict.
- *Antonym*: one side uses a predicate, the other its opposite (``ANTONYMS``: rejeter/accepter,
  démentir/confirmer, hausse/baisse, gagner/perdre, ouvrir/fermer, autoriser/interdire,
  condamner/acquitter, vivant/mort, bénéfice/perte, vrai/faux, légal/illégal, libérer/emprisonner and their
  English equivalents), neither negated; a side that uses both directions is left alone. Converse pairs
  (gagner/perdre) need the same subject: "X bat Y" is "Y perd contre X".
- *Guards*: the two sentences must share content words (nouns and names, the compared predicates left
  out: at least ``MIN_SHARED`` and ``MIN_SHARED_RATIO`` of the smaller side); with parses, the predicates'
  subjects (or "par" agents) and objects (or passive subjects) must not differ when both are given, and
  must share something; a predicate under a condition (si, if), a modal or an intent (pourrait, devrait,
  promettre de, could, will), in the conditional mood ("aurait rejeté": alleged) or in a question is
  never compared.
- Without ``nlp``: folded words with a crude suffix stemmer stand for lemmas, negation is found by
  pattern (``ne``/``n'`` + particle within four words; ``not``/``never`` + the next content word), roles
  are unknown and converse pairs are skipped. Expect lower recall and somewhat lower precision.

**Quotes** (kinds ``quote_wording``, ``speaker``; ``quote_conflicts``)

Two quotes are *the same quote* when, over folded words (case, accents, punctuation, typographic quotes,
elision spacing and ligatures removed), at least ``QUOTE_SAME`` of the shorter one's words match in order
(difflib) and the shorter has at least ``QUOTE_MIN_WORDS`` words. Then: words replaced, or added or
dropped inside the quote with no ellipsis marked, are ``quote_wording`` (one conflict per difference,
spans on the words); a quote cut shorter at either end is not a difference. ``speaker``: both have speakers
written as names (or both have entity keys) and they are not the same person; a surname matches a full
name, equal keys match. A description ("un porte-parole") is never opposed to a name.

**Limits**: no world knowledge (DACCORD's "une pièce de raffinerie" vs "un missile"), no paraphrase of
predicates beyond the lists, no reasoning on quantities ("61,6 % contre" vs "approuve"), no tense or time
reasoning ("a rejeté" then "a accepté" a week later is reported as a conflict by the antonym rule if the
aligned sentences carry no date), relations between two named entities ("X est une filiale de Y" vs
"Y est une filiale de X") are not compared. ``bench/crosscheck_nli.py`` measures how far the rules go.
"""

from __future__ import annotations

import difflib
import math
import re
from datetime import date, timedelta
from typing import TYPE_CHECKING

from recoupe.crosscheck.rules_base import KINDS, Conflict, folded_words
from recoupe.crosscheck.rules_lexicon import (
    APPROX_BEFORE,
    DATE_OPEN_BEFORE,
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
    Sentence,
    Word,
    polarity_conflicts,
    polarity_conflicts_docs,
    same_participants,
    sentence_of,
)
from recoupe.folding import fold

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc

    from recoupe.enrich.nlp import NlpModels
    from recoupe.enrich.numbers import NumberMatch
    from recoupe.model import Figure, PublishedDate, Quote

__all__ = [
    "KINDS",
    "MIN_SHARED",
    "MIN_SHARED_RATIO",
    "QUOTE_MIN_WORDS",
    "QUOTE_SAME",
    "Conflict",
    "contradicts",
    "figure_conflicts",
    "find_conflicts",
    "polarity_conflicts",
    "quote_conflicts",
    "same_slot",
    "values_compatible",
]

APPROX = 0.10  # "environ", "près de", "about": ±10 %
ROUND_SHARE = 0.05  # an integer with trailing zeros may be rounded by up to 5 %
QUOTE_SAME = 0.6  # share of the shorter quote's words found in order in the other
QUOTE_MIN_WORDS = 4

_NUMBER = re.compile(r"\d(?:[\d\s\u00a0\u202f.,']*\d)?")
_ELLIPSIS = re.compile(r"\.\.\.|…|\[\.\.\.\]|\(\.\.\.\)|\[…\]|\(…\)")
_NAME_PARTICLES = frozenset({"de", "du", "des", "d", "la", "le", "van", "von", "der", "den", "al", "el", "bin", "ben"})
_ABOUT_STOP = frozenset({"de", "du", "des", "la", "le", "les", "d", "l", "un", "une", "of", "the", "a", "an", "en"})

Interval = tuple[float, float]


# -- figures ---------------------------------------------------------------------------------------------------
def _written(figure: Figure) -> tuple[float, float, float]:
    """(value, half-width of its rounding, width of a truncation) from how the number is written."""
    value = float(figure.value) if isinstance(figure.value, int | float) else math.nan
    match = _NUMBER.search(figure.text)
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
    if decimals == 0 and number >= 10:
        digits = str(int(number))
        zeros = len(digits) - len(digits.rstrip("0"))
        if zeros:
            half = max(half, min(10.0**zeros / 2, ROUND_SHARE * number) * scale)
    return value, half, step


def _hedge(figure: Figure, before: str, after: str) -> str:
    before = fold(before)[-30:]
    after = fold(after)[:20]
    if RANGE_BEFORE.search(before) or RANGE_AFTER.match(after):
        return "range"
    if figure.kind == "date":
        return "range" if DATE_OPEN_BEFORE.search(before) else "exact"
    if APPROX_BEFORE.search(before):
        return "approx"
    if LOWER_BEFORE.search(before) or LOWER_AFTER.match(after):
        return "lower"
    if UPPER_BEFORE.search(before):
        return "upper"
    folded = fold(figure.text)
    for name, pattern in (("approx", APPROX_BEFORE), ("lower", LOWER_BEFORE), ("upper", UPPER_BEFORE)):
        head = folded[: _NUMBER.search(folded).start()] if _NUMBER.search(folded) else ""
        if head and pattern.search(head):
            return name
    return "exact"


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
    return (value - half, value + max(half, step))


def _days(value: str) -> tuple[bool, date, date] | None:
    """(has a year, first day, last day); a date without a year is put in leap year 2000."""
    try:
        if m := re.fullmatch(r"(\d{4})-W(\d{2})", value):
            first = date.fromisocalendar(int(m.group(1)), int(m.group(2)), 1)
            return True, first, first + timedelta(days=6)
        if m := re.fullmatch(r"--(\d{2})-(\d{2})", value):
            day = date(2000, int(m.group(1)), int(m.group(2)))
            return False, day, day
        if m := re.fullmatch(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?(?:T.*)?", value):
            year, month, dom = int(m.group(1)), m.group(2), m.group(3)
            if month is None:
                return True, date(year, 1, 1), date(year, 12, 31)
            if dom is None:
                following = date(year + (month == "12"), int(month) % 12 + 1, 1)
                return True, date(year, int(month), 1), following - timedelta(days=1)
            day = date(year, int(month), int(dom))
            return True, day, day
    except ValueError:
        return None
    return None


def _dates_compatible(a: str, b: str) -> bool:
    da, db = _days(a), _days(b)
    if da is None or db is None:
        return True  # what cannot be read is not a conflict
    if not (da[0] and db[0]):  # no year on one side: compare the month and day only
        if (da[0] and da[1].year != da[2].year) or (db[0] and db[1].year != db[2].year):
            return True  # a whole year, or a week across new year, holds every day
        da = (False, da[1].replace(year=2000), da[2].replace(year=2000))
        db = (False, db[1].replace(year=2000), db[2].replace(year=2000))
    return da[1] <= db[2] and db[1] <= da[2]


def _compatible(a: Figure, b: Figure, hedge_a: str, hedge_b: str) -> bool:
    if a.kind != b.kind:
        return False
    if a.kind == "date":
        return "range" in {hedge_a, hedge_b} or _dates_compatible(str(a.value), str(b.value))
    lo_a, hi_a = _interval(a, hedge_a)
    lo_b, hi_b = _interval(b, hedge_b)
    return lo_a <= hi_b and lo_b <= hi_a


def values_compatible(a: Figure, b: Figure) -> bool:
    """Whether ``a`` and ``b`` can give the same value (rounding, hedges in their text, dates containing each other).

    Figures of different kinds are not compatible (they are not comparable either: see ``same_slot``).
    Hedges written before a figure are outside ``Figure.text``; ``figure_conflicts`` reads them in the text.
    """
    return _compatible(a, b, _hedge(a, "", ""), _hedge(b, "", ""))


def _about_words(about: str) -> set[str]:
    words = {w for w, _, _ in folded_words(about) if w not in _ABOUT_STOP and len(w) > 2}
    return {w.rstrip("sx") if len(w) > 4 else w for w in words}


def same_slot(a: Figure, b: Figure) -> bool:
    """Whether ``a`` and ``b`` measure the same thing (kind, currency or unit, and ``about`` when both say it)."""
    if a.kind != b.kind:
        return False
    if a.kind in {"money", "count", "quantity"} and a.unit and b.unit:
        unit_a, unit_b = fold(a.unit), fold(b.unit)
        if a.kind != "money":
            unit_a, unit_b = unit_a.rstrip("sx") or unit_a, unit_b.rstrip("sx") or unit_b
        if unit_a != unit_b:
            return False
    if a.about and b.about:
        return bool(_about_words(a.about) & _about_words(b.about))
    return True


def _governor(sent: Sentence | None, figure: Figure) -> Word | None:
    """The verb the figure depends on in the parse (``None`` without a parse or a verb within three steps)."""
    if sent is None or not sent.parsed:
        return None
    inside = [w for w in sent.toks if figure.start <= w.start < figure.end]
    if not inside:
        return None
    word = next((w for w in inside if not figure.start <= sent.toks[w.head].start < figure.end), inside[0])
    for _ in range(3):
        if word.head < 0 or word.head == word.i:
            return None
        word = sent.toks[word.head]
        if word.pos in {"VERB", "AUX"}:
            return word
    return None


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
            return bool(figures_a[i].about and figures_b[j].about)
        if not (figures_a[i].about and figures_b[j].about) and not _same_governor(ga.key, gb.key):
            return False
        return same_participants(sent_a, ga, sent_b, gb, shared=False)

    def ok(i: int, j: int) -> bool:
        return _compatible(figures_a[i], figures_b[j], hedges_a[i], hedges_b[j])

    slots = [[same_slot(fa, fb) for fb in figures_b] for fa in figures_a]
    settled_a = {
        i
        for i, fa in enumerate(figures_a)
        if any(slots[i][j] and ok(i, j) for j in range(len(figures_b))) or _said_elsewhere(fa, hedges_a[i], numbers_b)
    }
    settled_b = {
        j
        for j, fb in enumerate(figures_b)
        if any(slots[i][j] and ok(i, j) for i in range(len(figures_a))) or _said_elsewhere(fb, hedges_b[j], numbers_a)
    }
    found: list[Conflict] = []
    used: set[int] = set()
    for i, fa in enumerate(figures_a):
        if i in settled_a or fa.relative:
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
        fb = figures_b[j]
        about = fa.about or fb.about
        detail = f"{fa.text} vs {fb.text}" + (f" ({about})" if about else "")
        kind = "date" if fa.kind == "date" else "figure"
        found.append(Conflict(kind, detail, (fa.start, fa.end), (fb.start, fb.end)))
    return found


def _distance(a: Figure, b: Figure) -> float:
    if isinstance(a.value, int | float) and isinstance(b.value, int | float) and a.value and b.value:
        return abs(math.log(abs(float(a.value))) - math.log(abs(float(b.value))))
    return 0.0


# -- quotes ----------------------------------------------------------------------------------------------------
def _is_name(speaker: str) -> bool:
    words = speaker.replace("-", " ").split()
    return bool(words) and all(w[:1].isupper() or fold(w) in _NAME_PARTICLES for w in words)


def _same_speaker(a: Quote, b: Quote) -> bool | None:
    """True / False when it can be told, ``None`` when one side has no speaker or only a description."""
    if a.speaker_key and b.speaker_key and a.speaker_key == b.speaker_key:
        return True
    if not (a.speaker and b.speaker):
        return None
    names_a = {w for w, _, _ in folded_words(a.speaker) if w not in _NAME_PARTICLES}
    names_b = {w for w, _, _ in folded_words(b.speaker) if w not in _NAME_PARTICLES}
    if names_a and names_b and (names_a <= names_b or names_b <= names_a):
        return True
    if (a.speaker_key and b.speaker_key) or (_is_name(a.speaker) and _is_name(b.speaker)):
        return False
    return None


def _word_span(words: list[tuple[str, int, int]], lo: int, hi: int, offset: int) -> tuple[int, int]:
    if lo < hi:
        return (offset + words[lo][1], offset + words[hi - 1][2])
    at = offset + (words[lo][1] if lo < len(words) else (words[-1][2] if words else 0))
    return (at, at)


def quote_conflicts(a: Quote, b: Quote) -> list[Conflict]:
    """Wording and speaker conflicts between two quotes that are the same quote (spans into the articles)."""
    words_a, words_b = folded_words(a.text), folded_words(b.text)
    keys_a, keys_b = [w for w, _, _ in words_a], [w for w, _, _ in words_b]
    shorter = min(len(keys_a), len(keys_b))
    if shorter < QUOTE_MIN_WORDS:
        return []
    matcher = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size]
    if not blocks or sum(m.size for m in blocks) / shorter < QUOTE_SAME:
        return []
    found: list[Conflict] = []
    cut = bool(_ELLIPSIS.search(a.text) or _ELLIPSIS.search(b.text))
    first, last = blocks[0], blocks[-1]
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        outside = (i2 <= first.a and j2 <= first.b) or (i1 >= last.a + last.size and j1 >= last.b + last.size)
        if outside or (op != "replace" and cut):
            continue  # a quote cut shorter at an end, or an ellipsis: not a change of wording
        a_span = _word_span(words_a, i1, i2, a.start)
        b_span = _word_span(words_b, j1, j2, b.start)
        text_a = " ".join(w for w, _, _ in words_a[i1:i2]) or "∅"
        text_b = " ".join(w for w, _, _ in words_b[j1:j2]) or "∅"
        found.append(Conflict("quote_wording", f"« {text_a} » vs « {text_b} »", a_span, b_span))
    if _same_speaker(a, b) is False:
        a_span = (a.speaker_start, a.speaker_end) if a.speaker_start is not None and a.speaker_end else (a.start, a.end)
        b_span = (b.speaker_start, b.speaker_end) if b.speaker_start is not None and b.speaker_end else (b.start, b.end)
        found.append(Conflict("speaker", f"{a.speaker} vs {b.speaker}", a_span, b_span))
    return found


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
    found.extend(polarity_conflicts_docs(text_a, text_b, lang, doc_a, doc_b))
    return found


def contradicts(premise: str, hypothesis: str, language: str = "fr", nlp: NlpModels | None = None) -> bool:
    """Whether the rules find any conflict between ``premise`` and ``hypothesis`` (an NLI-style yes/no)."""
    return bool(find_conflicts(premise, hypothesis, language, nlp=nlp))
