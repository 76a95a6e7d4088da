"""Paraphrased plantings for ``bench/crosscheck.py``: one fact told in two wordings, with a planted difference.

A *frame* is a kind of fact news reports (a turnout, a toll, arrests, evacuations, a workforce, a strike, a
change in percent, a share) with several sentence templates per language, the synonyms its nouns and verbs
take, the sources that report it and, for running counts, the markers of a provisional and a later count.
``render`` writes one sentence of a frame for a value (digits, words, fraction or percent) and returns the
span of the value in it, so the expected answer is known before recoupe reads anything.

``paraphrase(kind, language, rng)`` returns the sentence for article A, the sentence for article B and the
span of the planted value in each:

* ``figure_paraphrase``: another template, other synonyms, the figure in words or as a fraction, another value;
* ``none_paraphrase``: the same, with the same value (and, sometimes, the same source worded otherwise);
* ``attributed``: the same template with another value, each given for another source (police / organisers);
* ``update``: a running count that grew, with a provisional / later marker, and/or publication times hours
  apart (returned as ``timing``).

``words_in_body`` rewrites a small count of a real article in words (another value or the same), the
real-text side of the paraphrase kinds; ``swap_synonyms`` swaps a few nouns of a real text for synonyms of
the same gender.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from crosscheck_frames import FRAMES, Frame

SENTINEL = "\x00"

# --- numbers in words ------------------------------------------------------------------------------

_FR_UNITS = [
    "zéro",
    "un",
    "deux",
    "trois",
    "quatre",
    "cinq",
    "six",
    "sept",
    "huit",
    "neuf",
    "dix",
    "onze",
    "douze",
    "treize",
    "quatorze",
    "quinze",
    "seize",
    "dix-sept",
    "dix-huit",
    "dix-neuf",
]
_FR_TENS = {20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}
_EN_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_TENS = {20: "twenty", 30: "thirty", 40: "forty", 50: "fifty", 60: "sixty"}


def in_words(value: int, language: str) -> str | None:
    """``value`` (0-69) in words, ``None`` beyond."""
    units, tens = (_FR_UNITS, _FR_TENS) if language == "fr" else (_EN_UNITS, _EN_TENS)
    if value < 20:
        return units[value]
    ten, unit = divmod(value, 10)
    if ten * 10 not in tens:
        return None
    if unit == 0:
        return tens[ten * 10]
    if language == "fr":
        return f"{tens[ten * 10]}-et-un" if unit == 1 else f"{tens[ten * 10]}-{units[unit]}"
    return f"{tens[ten * 10]}-{units[unit]}"


def in_digits(value: float, language: str, rng: random.Random) -> str:
    """``value`` as a paper prints it: ``8 000`` / ``4,5`` in French, ``8,000`` / ``4.5`` in English."""
    if value != int(value):
        text = f"{value:.1f}"
        return text.replace(".", ",") if language == "fr" else text
    number = int(value)
    if number < 1000:
        return str(number)
    if language == "en":
        return f"{number:,}"
    return f"{number:,}".replace(",", rng.choice((" ", " ", "\u00a0")))


#: a value-free template count per kind, for the docs: share values have 2 templates x 3 written forms
SHARES = ((1, 2), (1, 3), (2, 3), (1, 4), (3, 4))
_FR_FRACTIONS = {
    (1, 2): "la moitié",
    (1, 3): "un tiers",
    (2, 3): "deux tiers",
    (1, 4): "un quart",
    (3, 4): "trois quarts",
}
_EN_FRACTIONS = {
    (1, 2): "half of the",
    (1, 3): "a third of the",
    (2, 3): "two thirds of the",
    (1, 4): "a quarter of the",
    (3, 4): "three quarters of the",
}
_PERCENT_SHARES = {(1, 2): 50, (1, 4): 25, (3, 4): 75}

UPDATE_MARKERS = {
    "fr": (
        ("à la mi-journée", "en fin de journée"),
        ("dans la matinée", "dans la soirée"),
        ("en début d'après-midi", "en fin de soirée"),
    ),
    "en": (
        ("by midday", "by the end of the day"),
        ("early in the day", "late in the evening"),
        ("by early afternoon", "by nightfall"),
    ),
}
TOLL_MARKERS = {
    "fr": (
        ("selon un bilan provisoire", "selon le dernier bilan"),
        ("selon un premier bilan", "selon un nouveau bilan"),
        ("d'après un bilan encore provisoire", "d'après le bilan définitif"),
    ),
    "en": (
        ("according to a provisional toll", "according to the latest toll"),
        ("in an initial count", "in the latest count"),
        ("according to early figures", "according to the final count"),
    ),
}


@dataclass(frozen=True, slots=True)
class Rendered:
    text: str
    value: tuple[int, int]  # span of the value in ``text``
    template: int


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _value_text(  # noqa: PLR0911 - one way out per written form
    frame: Frame, value: float, form: str, rng: random.Random, scene: dict[str, str]
) -> tuple[str, bool]:
    """The value as written (and whether a share's verb is plural)."""
    lang = frame.language
    if frame.kind == "percent":
        number = in_digits(value, lang, rng)
        if lang == "fr":
            return f"{number}{rng.choice((' ', chr(0xA0)))}%", True
        return f"{number}{rng.choice(('%', ' percent'))}", True
    if frame.kind == "share":
        num, den = int(value // 10), int(value % 10)
        if form == "percent":
            pct = _PERCENT_SHARES[(num, den)]
            return (f"{pct} % des {scene['pl']}" if lang == "fr" else f"{pct}% of {scene['pl']}"), True
        if form == "fraction":
            if lang == "fr":
                return f"{_FR_FRACTIONS[(num, den)]} des {scene['pl']}", True
            return f"{_EN_FRACTIONS[(num, den)]} {scene['pl']}", True
        if lang == "fr":
            head = scene["un"] if num == 1 else in_words(num, "fr")
            return f"{head} {scene['sg'] if num == 1 else scene['pl']} sur {in_words(den, 'fr')}", num > 1
        return f"{in_words(num, 'en')} in {in_words(den, 'en')} {scene['pl']}", True
    number = int(value)
    if form == "words":
        words = in_words(number, lang)
        if words is not None:
            return words, True
    return in_digits(number, lang, rng), True


def forms(frame: Frame, value: float) -> list[str]:
    """The ways ``value`` can be written in ``frame``: digits, words, fraction, percent, "one in N"."""
    if frame.kind == "share":
        num, den = int(value // 10), int(value % 10)
        out = ["fraction", "in"]
        if (num, den) in _PERCENT_SHARES:
            out.append("percent")
        return out
    if frame.kind == "count" and in_words(int(value), frame.language) is not None and value <= 20:
        return ["digits", "words"]
    return ["digits"]


def render(
    frame: Frame, scene: dict[str, str], value: float, form: str, *, template: int, rng: random.Random
) -> Rendered:
    """One sentence of ``frame`` for ``value``, its synonyms drawn from ``rng``; the value's span in it."""
    written, plural = _value_text(frame, value, form, rng, scene)
    slots = dict(scene)
    for slot, words in frame.synonyms.items():
        slots[slot] = rng.choice(words)
    if frame.kind == "share":
        slots["verbe"] = scene["verbe_pl"] if plural else scene["verbe_sg"]
    slots["v"] = SENTINEL
    text = frame.templates[template].format(**slots)
    start = text.index(SENTINEL)
    text = text.replace(SENTINEL, written)
    return Rendered(text, (start, start + len(written)), template)


def _value(frame: Frame, rng: random.Random) -> float:
    if frame.kind == "share":
        num, den = rng.choice(SHARES)
        return num * 10 + den
    if frame.kind == "percent":
        return round(rng.uniform(frame.low, frame.high), rng.choice((0, 1)))
    if frame.high <= 60:
        return rng.randint(int(frame.low), int(frame.high))
    step = 500 if frame.high > 5000 else 10
    return rng.randrange(int(frame.low) // step, int(frame.high) // step + 1) * step


def _other_value(frame: Frame, value: float, rng: random.Random, *, larger: bool = False) -> float:
    """A value no rounding reconciles with ``value`` (larger when asked: a toll that grew, organisers' count)."""
    if frame.kind == "share":
        choices = [
            n * 10 + d for n, d in SHARES if n * 10 + d != value and abs(n / d - (value // 10) / (value % 10)) > 0.1
        ]
        return rng.choice(choices)
    if frame.kind == "percent":
        new = value + rng.choice((1.5, 2, 3, 4.5)) * (1 if larger or rng.random() < 0.5 or value < 4 else -1)
        return round(new, 1)
    if value <= 20:
        return value + rng.randint(2, 8) if larger or value < 6 or rng.random() < 0.5 else value - rng.randint(2, 4)
    factor = rng.choice((1.5, 2, 2.5, 3)) if larger or rng.random() < 0.6 else rng.choice((0.4, 0.5, 0.6))
    step = 500 if value >= 5000 else 10 if value >= 100 else 1
    return max(step, round(value * factor / step) * step)


def _attribution(sentence: str, source: str, language: str, rng: random.Random) -> tuple[str, int]:
    """``sentence`` given for ``source`` (before it or after it); the shift of the sentence's offsets."""
    if language == "fr":
        if rng.random() < 0.6:
            prefix = rng.choice(("selon", "d'après")) + f" {source}, "
            return prefix + sentence, len(prefix)
        plural = source.startswith(("les ", "des "))
        verb = rng.choice(("indiqué", "affirmé", "annoncé", "précisé"))
        return f"{sentence[:-1]}, {'ont' if plural else 'a'} {verb} {source}.", 0
    if rng.random() < 0.6:
        prefix = f"according to {source}, "
        return prefix + sentence, len(prefix)
    return f"{sentence[:-1]}, {source} {rng.choice(('said', 'reported', 'announced'))}.", 0


@dataclass(frozen=True, slots=True)
class Paraphrase:
    """Sentences for A and B and the value's span in each; ``timing``: ``None`` (minutes apart) or ``hours``."""

    frame: str
    a: str
    b: str
    a_value: tuple[int, int]
    b_value: tuple[int, int]
    note: str  # how B differs from A, for ``--show``
    timing: str | None = None


def _finish(text: str, span: tuple[int, int]) -> tuple[str, tuple[int, int]]:
    return _capital(text), span


def paraphrase(kind: str, language: str, rng: random.Random) -> Paraphrase:
    """A pair of sentences for ``kind`` (figure_paraphrase, none_paraphrase, attributed, update)."""
    frames = [f for f in FRAMES if f.language == language]
    if kind == "update":
        frames = [f for f in frames if f.running]
    if kind == "attributed":
        frames = [f for f in frames if f.official or f.kind == "share"]
    frame = rng.choice(frames)
    scene = rng.choice(frame.scenes)
    value = _value(frame, rng)
    n = len(frame.templates)
    if kind in {"figure_paraphrase", "none_paraphrase"}:
        t_a, t_b = rng.sample(range(n), 2)
        new = _other_value(frame, value, rng) if kind == "figure_paraphrase" else value
        f_a = rng.choice(forms(frame, value))
        other_forms = [f for f in forms(frame, new) if f != f_a] or forms(frame, new)
        f_b = rng.choice(other_forms)
        a = render(frame, scene, value, f_a, template=t_a, rng=rng)
        b = render(frame, scene, new, f_b, template=t_b, rng=rng)
        a_text, b_text, a_span, b_span = a.text, b.text, a.value, b.value
        note = f"template {t_a}->{t_b}, {f_a}->{f_b}"
        if kind == "none_paraphrase" and frame.official and rng.random() < 0.3:  # the same source, worded otherwise
            source = rng.choice(frame.official)
            a_text, shift_a = _attribution(a_text, source, language, rng)
            b_text, shift_b = _attribution(b_text, source, language, rng)
            a_span = (a_span[0] + shift_a, a_span[1] + shift_a)
            b_span = (b_span[0] + shift_b, b_span[1] + shift_b)
            note += f", both for {source}"
        a_text, a_span = _finish(a_text, a_span)
        b_text, b_span = _finish(b_text, b_span)
        return Paraphrase(frame.name, a_text, b_text, a_span, b_span, note)
    t_a = rng.randrange(n)
    t_b = t_a if rng.random() < 0.67 else rng.choice([t for t in range(n) if t != t_a])
    new = _other_value(frame, value, rng, larger=True)
    f_a = rng.choice(forms(frame, value))
    f_b = f_a if f_a in forms(frame, new) else rng.choice(forms(frame, new))
    a = render(frame, scene, value, f_a, template=t_a, rng=rng)
    b = render(frame, scene, new, f_b, template=t_b, rng=rng)
    if kind == "attributed":
        first, second = (
            (scene["src1"], scene["src2"])
            if frame.kind == "share"
            else (rng.choice(frame.official), rng.choice(frame.other))
        )
        a_text, shift_a = _attribution(a.text, first, language, rng)
        b_text, shift_b = _attribution(b.text, second, language, rng)
        note = f"A for {first}, B for {second}; template {t_a}->{t_b}"
        timing = None
    else:
        timing = rng.choice(("both", "both", "hours", "markers"))
        if timing == "hours":
            a_text, shift_a, b_text, shift_b = a.text, 0, b.text, 0
            note = "A published 8:00, B 21:00, no marker"
        else:
            pairs = UPDATE_MARKERS[language] + (TOLL_MARKERS[language] if frame.tolls else ())
            early, late = rng.choice(pairs)
            a_text, b_text = f"{early}, {a.text}", f"{late}, {b.text}"
            shift_a, shift_b = len(early) + 2, len(late) + 2
            note = f"'{early}' -> '{late}'" + (", A published 8:00, B 21:00" if timing == "both" else ", minutes apart")
        note += f"; template {t_a}->{t_b}"
    a_span = (a.value[0] + shift_a, a.value[1] + shift_a)
    b_span = (b.value[0] + shift_b, b.value[1] + shift_b)
    a_text, a_span = _finish(a_text, a_span)
    b_text, b_span = _finish(b_text, b_span)
    return Paraphrase(frame.name, a_text, b_text, a_span, b_span, note, None if timing == "markers" else timing)


# --- real text: a count in words, synonyms ---------------------------------------------------------

_MONTHS = {
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
}
_NOT_NOUNS = {
    "de",
    "du",
    "des",
    "la",
    "le",
    "les",
    "et",
    "à",
    "au",
    "aux",
    "en",
    "sur",
    "pour",
    "par",
    "ou",
    "of",
    "the",
    "and",
    "in",
    "to",
    "on",
    "at",
    "or",
    "for",
    "by",
    "per",
    "from",
    "heures",
    "minutes",
    "secondes",
    "hours",
    "seconds",
    "points",
    "millions",
    "milliards",
    "million",
    "billion",
    "mille",
    "fois",
    "times",
    "cent",
    "percent",
    "h",
    "ans",
    "years",
    "year",
    "an",
    "mois",
    "months",
    "jours",
    "days",
    "semaines",
    "weeks",
    "fr",
    "km",
    "kg",
}
_SMALL_COUNT = re.compile(r"(?<![\d.,:/\-\w])(\d{1,2})([ \u00a0])([a-zà-ÿ][a-zà-ÿ'’-]{2,})")


def small_counts(body: str) -> list[re.Match[str]]:
    """Counts of 2 to 20 written in digits before a noun ("3 joueurs"), outside quotes, not dates or units."""
    quoted = [m.span() for m in re.finditer(r"«[^»]*»|“[^”]*”|\"[^\"]*\"", body)]
    out = []
    for match in _SMALL_COUNT.finditer(body):
        value = int(match.group(1))
        before = body[max(0, match.start() - 2) : match.start()]
        if not 2 <= value <= 20 or re.search(r"\d\s$", before) or match.group(3).lower() in _NOT_NOUNS:
            continue
        if match.group(3).lower() in _MONTHS or any(s <= match.start() < e for s, e in quoted):
            continue
        if re.match(r"[ \u00a0]?\d", body[match.end(3) : match.end(3) + 2]):
            continue
        out.append(match)
    return out


def words_in_body(
    body: str, language: str, rng: random.Random, *, change: bool
) -> tuple[str, tuple[int, int], str] | None:
    """``body`` with one small count written in words (another value when ``change``); its span, the old text."""
    options = small_counts(body)
    if not options:
        return None
    match = rng.choice(options)
    value = int(match.group(1))
    if change:
        value = value + rng.randint(2, 6) if value < 6 or rng.random() < 0.5 else value - rng.randint(2, 3)
    words = in_words(value, language)
    assert words is not None
    start = match.start(1)
    if start == 0 or body[start - 2 : start] in {". ", "\n\n"} or body[start - 1] == "\n":
        words = _capital(words)
    return body[:start] + words + body[match.end(1) :], (start, start + len(words)), match.group(0)


SYNONYM_SETS = {
    "fr": (
        ("manifestants", "protestataires", "participants"),
        ("morts", "tués"),
        ("salariés", "employés", "travailleurs"),
        ("hausse", "augmentation", "progression"),
        ("baisse", "diminution"),
        ("recul", "repli"),
    ),
    "en": (
        ("protesters", "demonstrators"),
        ("workers", "employees"),
        ("rise", "increase"),
        ("decline", "drop"),
    ),
}


def swap_synonyms(body: str, language: str, rng: random.Random) -> str:
    """``body`` with each word of a synonym set (same gender and number) replaced by another, outside quotes."""
    for words in SYNONYM_SETS[language]:
        quoted = [m.span() for m in re.finditer(r"«[^»]*»|“[^”]*”|\"[^\"]*\"", body)]
        pattern = re.compile(r"\b(" + "|".join(words) + r")\b")
        pieces: list[str] = []
        last = 0
        for match in pattern.finditer(body):
            if any(s <= match.start() < e for s, e in quoted):
                continue
            pieces.extend((body[last : match.start()], rng.choice([w for w in words if w != match.group()])))
            last = match.end()
        pieces.append(body[last:])
        body = "".join(pieces)
    return body


def template_counts() -> dict[str, int]:
    """Templates per frame and language ("fr turnout": 5 …), for the docs and ``--show``."""
    return {f"{f.language} {f.name}": len(f.templates) for f in FRAMES}
