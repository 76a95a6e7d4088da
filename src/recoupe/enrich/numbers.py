"""Find the numbers a French or English text writes, in digits or in words, with their value.

This is the first layer of figure extraction (``figures.py`` decides what each number counts).

Accepted:

- digits with the language's separators: French ``10.000``, ``130 000`` (space, no-break space, narrow
  no-break space U+202F, thin space U+2009 or figure space U+2007 between groups of three: the press uses
  all of them), decimal comma ``97,4``; English ``1,000`` and ``97.4``;
- a scale word after the number: ``millions``, ``milliard(s)``, ``billion(s)``, ``M``/``Md``/``Mds`` (in
  ``1,2 M€``), English ``million``/``billion``/``trillion``/``bn``/``m`` (in ``$3m``);
- cardinal number words (French from ``deux`` up, ``soixante-cinq``, ``vingt et un``; English ``two``,
  ``twenty-five``), valued by ``text2num`` (the library; no rules of ours for word arithmetic);
  ``un``/``une``/``one`` only before a scale word (``un million``);
- approximate collective numerals with a definite base: ``une dizaine`` → 10, ``une centaine`` → 100,
  ``un millier`` → 1000 (the caller checks that a ``de`` + noun follows: ``une quarantaine`` alone is a
  quarantine).

Not numbers here: digits glued to letters other than a known unit suffix (``M6``, ``90auto``,
``6MEDIAS``), digits inside hyphenated identifiers (``Covid-19``, ``KC-130``), ordinals (``43e``,
``1er``: reported with ``ordinal=True`` so dates can use ``1er``).

All patterns are linear (no nested quantifiers over the same characters): a 1 MB text is scanned in
well under a second.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from text_to_num import text2num  # type: ignore[import-untyped]

__all__ = ["COLLECTIVE_VALUES", "NumberMatch", "find_numbers"]


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number at ``start:end`` (scale word included) worth ``value``."""

    start: int
    end: int
    value: float
    words: bool = False  # written in words
    decimal: bool = False  # has a decimal part
    scaled: bool = False  # carries a scale word (millions, milliards …)
    ordinal: bool = False  # 1er, 43e …
    approx: bool = False  # une dizaine, une centaine …
    plain_digits: bool = False  # an integer written with digits only, no separator (a possible year)


_MAX_DIGITS = 15

_FR_DIGITS = re.compile(
    r"(?<![\w.,\-/:])(?:\d{1,3}(?:\.\d{3})+(?![\d])|\d{1,3}(?:[ \u00a0\u202f\u2009\u2007]\d{3})+(?![\d])|\d+)(?:,\d+)?"
)
_EN_DIGITS = re.compile(r"(?<![\w.,\-/:])(?:\d{1,3}(?:,\d{3})+(?![\d])|\d+)(?:\.\d+)?")
# a dot after digits in French: decimal only when not three digits (10.000 is ten thousand)
_FR_DOT_DECIMAL = re.compile(r"\.(\d{1,2}|\d{4,})(?![\d])")

_ORDINAL_SUFFIX = re.compile(r"(?:er|re|ère|e|ème|eme|ième|nd|nde|st|nd|rd|th)\b", re.IGNORECASE)
# letters that may follow digits directly: units and currencies (glued: 90km, 20%, 1,2M€, 48h)
_GLUED_OK = re.compile(r"(?:km/h|km²|km2|km|m²|m2|m3|cm|mm|kg|ha|m|t|h|M€|Md€|Mds€|Mrd€|MM€|k€|€|%|\$|£)(?![\w])")

_SCALES_FR = {
    "million": 1e6,
    "millions": 1e6,
    "milliard": 1e9,
    "milliards": 1e9,
    "billion": 1e12,
    "billions": 1e12,
    "mille": 1e3,
}
_SCALES_EN = {
    "million": 1e6,
    "millions": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "trillion": 1e12,
    "trillions": 1e12,
    "thousand": 1e3,
    "bn": 1e9,
    "m": 1e6,
}
# abbreviations glued to a currency symbol: 1,2 M€, 3 Md€
_SCALE_ABBREV = re.compile(r"(M|Md|Mds|Mrd|Mrds|MM|k)(?=[ \u00a0\u202f\u2009\u2007]?[€$£])")
_SCALE_WORD = re.compile(r"[ \u00a0\u202f\u2009\u2007]*([A-Za-zé]+)\b")
# "un million et demi", "deux milliards et demi": half a scale unit more
_AND_A_HALF = re.compile(r"[ \u00a0]et[ \u00a0]demie?\b|[ \u00a0]and[ \u00a0]a[ \u00a0]half\b", re.IGNORECASE)


def _half_after(text: str, end: int) -> int | None:
    """Where "et demi" / "and a half" right after a scale word ends (None when absent)."""
    half = _AND_A_HALF.match(text, end)
    return half.end() if half else None


_FR_UNITS = (
    "deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|treize|quatorze|quinze|seize|"
    "vingts?|trente|quarante|cinquante|soixante|cents?|mille"
)
_EN_UNITS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand"
)
_FR_WORDS = re.compile(
    rf"(?<![\w\-])(?:{_FR_UNITS})"
    # "soixante-dix-neuf", "quatre-vingt-douze": a hyphen may join a third part
    rf"(?:(?:-et-|[ \u00a0]et[ \u00a0]|-|[ \u00a0])(?:{_FR_UNITS}|une?)(?!\w))*(?![\w\-])",
    re.IGNORECASE,
)
_EN_WORDS = re.compile(
    rf"(?<![\w\-])(?:{_EN_UNITS})(?:(?:-|[ \u00a0](?:and[ \u00a0])?)(?:{_EN_UNITS}|one)(?![\w\-]))*(?![\w\-])",
    re.IGNORECASE,
)
_ONE_SCALED = {
    "fr": re.compile(r"(?<![\w\-])(une?)[ \u00a0](millions?|milliards?)\b", re.IGNORECASE),
    "en": re.compile(r"(?<![\w\-])(one|a)[ \u00a0](million|billion|trillion)\b", re.IGNORECASE),
}
#: French nouns that tell a round number ("une trentaine"), with the number
COLLECTIVE_VALUES = {
    "dizaine": 10,
    "douzaine": 12,
    "quinzaine": 15,
    "vingtaine": 20,
    "trentaine": 30,
    "quarantaine": 40,
    "cinquantaine": 50,
    "soixantaine": 60,
    "centaine": 100,
    "millier": 1000,
}
_COLLECTIVE = re.compile(
    r"(?<![\w\-])(?:une?)[ \u00a0](dizaine|douzaine|quinzaine|vingtaine|trentaine|quarantaine|cinquantaine|"
    r"soixantaine|centaine|millier)\b",
    re.IGNORECASE,
)
_EN_COLLECTIVE = re.compile(r"(?<![\w\-])(?:a|one)[ \u00a0](dozen)\b", re.IGNORECASE)


def _digit_value(raw: str, language: str) -> tuple[float, bool] | None:
    """Value of a digit string and whether it has a decimal part."""
    if language == "fr":
        cleaned = re.sub(r"[ \u00a0\u202f\u2009\u2007]", "", raw)
        if "," in cleaned:
            whole, frac = cleaned.split(",", 1)
            return float(whole.replace(".", "") + "." + frac), True
        return float(cleaned.replace(".", "")), False
    cleaned = raw.replace(",", "")
    return float(cleaned), "." in cleaned


def _scale_after(text: str, end: int, language: str) -> tuple[float, int]:
    """A scale word right after ``end``: its multiplier and where it ends (``1.0, end`` when none)."""
    abbrev = _SCALE_ABBREV.match(text, end) or _SCALE_ABBREV.match(text, end + 1) if end < len(text) else None
    if abbrev and (abbrev.start() == end or text[end] in " \u00a0\u202f\u2009\u2007"):
        factor = {"k": 1e3, "M": 1e6, "MM": 1e9}.get(abbrev.group(1), 1e9)
        return factor, abbrev.end()
    word = _SCALE_WORD.match(text, end)
    if word is None:
        return 1.0, end
    token = word.group(1)
    scales = _SCALES_FR if language == "fr" else _SCALES_EN
    found = scales.get(token.lower())
    if found is None:
        return 1.0, end
    factor = found
    if token in {"m", "bn"} and word.start(1) != end:  # "$3m" only glued
        return 1.0, end
    if token.lower() == "mille" and language == "fr":
        return factor, word.end()
    return factor, word.end()


def _word_value(words: str, language: str) -> float | None:
    try:
        value = text2num(words.lower().replace("\u00a0", " "), language)
    except ValueError:
        return None
    return float(value)


def find_numbers(text: str, language: str) -> list[NumberMatch]:  # noqa: PLR0912, PLR0915 - one pass per form
    """Every number in ``text`` (French rules unless ``language`` is ``"en"``), sorted by position."""
    lang = "en" if language == "en" else "fr"
    found: list[NumberMatch] = []
    taken = bytearray(len(text) + 1)

    def add(match: NumberMatch) -> None:
        if any(taken[match.start : match.end]):
            return
        taken[match.start : match.end] = b"\x01" * (match.end - match.start)
        found.append(match)

    collective = _COLLECTIVE if lang == "fr" else _EN_COLLECTIVE
    for m in collective.finditer(text):
        base = COLLECTIVE_VALUES.get(m.group(1).lower(), 12)
        add(NumberMatch(m.start(), m.end(), float(base), words=True, approx=True))
    for m in _ONE_SCALED[lang].finditer(text):
        scales = _SCALES_FR if lang == "fr" else _SCALES_EN
        scale = scales[m.group(2).lower()]
        half = _half_after(text, m.end())
        value = scale * 1.5 if half else scale
        add(NumberMatch(m.start(), half or m.end(), value, words=True, scaled=True))

    digits = _FR_DIGITS if lang == "fr" else _EN_DIGITS
    for m in digits.finditer(text):
        start, end = m.start(), m.end()
        raw = m.group(0)
        if lang == "fr":
            dot = _FR_DOT_DECIMAL.match(text, end)
            if dot and "," not in raw and re.fullmatch(r"\d+", raw):
                raw, end = raw + "," + dot.group(1), dot.end()
        # glued letters: units are fine, ordinals are flagged, anything else is an identifier
        if end < len(text) and (text[end].isalpha() or text[end] in "€$£%"):
            if _ORDINAL_SUFFIX.match(text, end) and not _GLUED_OK.match(text, end):
                ordinal_end = _ORDINAL_SUFFIX.match(text, end)
                assert ordinal_end is not None
                add(
                    NumberMatch(
                        start, ordinal_end.end(), float(raw.replace(" ", "")) if raw.isdigit() else 0.0, ordinal=True
                    )
                )
                continue
            if not _GLUED_OK.match(text, end) and not _SCALE_ABBREV.match(text, end):
                continue
        if sum(c.isdigit() for c in raw) > _MAX_DIGITS:
            continue  # a serial number or garbage, not an amount
        parsed = _digit_value(raw, lang)
        if parsed is None:
            continue
        value, decimal = parsed
        factor, scale_end = _scale_after(text, end, lang)
        half = _half_after(text, scale_end) if factor != 1.0 and not decimal else None
        if half:
            value, scale_end = value + 0.5, half
        add(
            NumberMatch(
                start,
                scale_end,
                value * factor,
                decimal=decimal,
                scaled=factor != 1.0,
                plain_digits=raw.isdigit(),
            )
        )

    words = _FR_WORDS if lang == "fr" else _EN_WORDS
    for m in words.finditer(text):
        phrase = m.group(0)
        worded = _word_value(phrase, lang)
        if worded is None:
            # "deux trois": value the first word only
            first = re.match(r"[^\s\-]+", phrase)
            if first is None:
                continue
            worded = _word_value(first.group(0), lang)
            if worded is None:
                continue
            m_end = m.start() + first.end()
        else:
            m_end = m.end()
        factor, scale_end = _scale_after(text, m_end, lang)
        half = _half_after(text, scale_end) if factor != 1.0 else None
        if half:
            worded, scale_end = worded + 0.5, half
        add(NumberMatch(m.start(), scale_end, worded * factor, words=True, scaled=factor != 1.0))
    found.sort(key=lambda n: n.start)
    return found
