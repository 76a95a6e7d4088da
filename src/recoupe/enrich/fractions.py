"""Fractions and ratios written in words: ``un TGV sur deux``, ``deux tiers des cadres``, ``la moitié des
salariés``, ``one in three voters``, ``half of the workers``, ``a quarter of the staff``.

``find_fractions(text, language, pos_at)`` → ``FractionMatch`` list (sorted by offset); ``figures.py`` turns
each into a ``percent`` figure (value = the share in percent, ``about`` = the counted noun as written).

Each form is a small named rule in ``_RULES_FR`` / ``_RULES_EN``; the first rule to claim a span wins.
Precision first, so a rule needs the words that make the phrase a share:

- ``un/une X sur N``: X one or two words, not a time noun (``une semaine sur deux`` is a rhythm), and no
  noun right after N (``un débat sur trois dossiers`` is a topic);
- ``N tiers/quarts/cinquièmes … de X`` need a complement that is not a measure of time or a stage
  (``trois quarts d'heure``, ``quart de finale``, ``quart de siècle``); without one, ``tiers``/``quart``
  count only after ``de``/``d'``/``par`` (``a fondu d'un tiers``) or with a numerator of two or more
  (``les deux tiers ont voté``); ``cinquième`` … never alone (``un cinquième mandat`` is an ordinal);
- ``la moitié`` needs ``de``/``des``/``du``/``d'entre`` after it or ``dont``/``soit`` before it (``à moitié
  vide`` and ``la seconde moitié`` are not shares);
- English ``one in three`` (``out of``), ``half of``/``two thirds of``/``a quarter of`` + a noun; ``half``
  after ``first``/``second``/``last`` … is a part of a period, not a share.

``pos_at(offset)`` gives the spaCy POS of the token starting at ``offset`` when the caller has a parse
(``None`` otherwise): with it, a counted noun the parser reads as a verb vetoes the match, and a noun right
after the denominator is read from the parse instead of by spelling.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from recoupe.enrich.figure_lexicon import FUNCTION_WORDS, SPACE, TIME_UNITS

__all__ = ["FractionMatch", "find_fractions"]

PosAt = Callable[[int], str | None]


@dataclass(frozen=True, slots=True)
class FractionMatch:
    """A share at ``start:end`` worth ``value`` percent, counting the noun at ``noun_start:noun_end`` (-1: none)."""

    start: int
    end: int
    value: float
    noun_start: int = -1
    noun_end: int = -1


_S = f"{SPACE}+"
_WORD = r"[^\W\d_][\w\-’']*"
_FR_NUMERATORS = {"un": 1, "une": 1, "deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
                  "huit": 8, "neuf": 9, "dix": 10}  # fmt: skip
_FR_DENOMINATORS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
                    "dix": 10, "vingt": 20, "cent": 100, "mille": 1000}  # fmt: skip
_EN_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9, "ten": 10, "twenty": 20, "hundred": 100, "thousand": 1000}  # fmt: skip
_FR_PARTS = {"tiers": 3, "quart": 4, "quarts": 4, "cinquième": 5, "cinquièmes": 5, "sixième": 6,
             "sixièmes": 6, "huitième": 8, "huitièmes": 8, "dixième": 10, "dixièmes": 10, "centième": 100,
             "centièmes": 100}  # fmt: skip
_EN_PARTS = {"half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4,
             "fourths": 4, "fifth": 5, "fifths": 5, "tenth": 10, "tenths": 10}  # fmt: skip
#: complements after which a part is a measure, not a share: "trois quarts d'heure", "quart de finale"
_NOT_SHARED = frozenset(
    {*TIME_UNITS, "finale", "finales", "siècle", "siècles", "tour", "tours", "temps", "mi-temps", "monde",
     "état", "payant", "century", "centuries", "hour", "hours", "mile", "miles", "inch", "point", "points",
     "seconde", "secondes", "minute", "minutes", "decade", "decades", "season", "game", "match"}
)  # fmt: skip
#: words before "half" that make it a part of a period ("the second half of the game")
_HALF_PERIOD = frozenset({"first", "second", "last", "latter", "former", "back", "front", "other", "better", "top"})
_EN_NOT_NOUN = frozenset(
    {"says", "said", "is", "was", "has", "does", "goes", "thinks", "believes", "its", "his", "this"}
)
_DEMONSTRATIVES = frozenset({"ceux", "celles", "celui", "celle", "eux", "elles"})
_VERBISH = frozenset({"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PUNCT", "ADV", "NUM"})
_FR_DE = rf"(?:de{_S}la{_S}|de{_S}l['’]{SPACE}*|des{_S}|du{_S}|d['’]{SPACE}*|de{_S})"
_EN_DET = rf"(?:(?:the|their|its|his|her|our|all|those|these|them){_S})?"


def _alt(words: dict[str, int]) -> str:
    return "|".join(sorted(words, key=len, reverse=True))


def _number(raw: str, words: dict[str, int]) -> int | None:
    digits = re.sub(rf"{SPACE}", "", raw)
    if digits.isdigit():
        value = int(digits)
        return value if 2 <= value <= 1_000_000 else None
    return words.get(raw.lower())


def _percent(numerator: int, denominator: int) -> float | None:
    if not 0 < numerator < denominator:
        return None
    return round(100 * numerator / denominator, 6)


def _is_noun(text: str, start: int, end: int, pos_at: PosAt, language: str) -> bool:
    """Whether the word at ``start:end`` can be the counted noun (the parse decides when there is one)."""
    word = text[start:end]
    lower = word.lower()
    if lower in FUNCTION_WORDS or lower in _NOT_SHARED:
        return False
    pos = pos_at(start)
    if pos is not None:
        return pos not in _VERBISH
    return not (language == "en" and lower in _EN_NOT_NOUN)


def _noun_follows(text: str, pos: int, pos_at: PosAt, language: str) -> bool:
    """A noun right after a denominator makes ``sur N`` a phrase of its own (``un point sur trois dossiers``)."""
    word = re.compile(rf"{_S}(?P<w>{_WORD})").match(text, pos)
    if word is None:
        return False
    lower = word.group("w").lower()
    if lower in FUNCTION_WORDS:
        return False
    if lower in TIME_UNITS or lower in {"%", "pour", "km", "m"}:
        return True
    plural = lower.endswith(("s", "x", "z"))
    tag = pos_at(word.start("w"))
    if tag is not None:  # "un salarié sur trois télétravaille": after "trois" a noun is plural, a verb the parser
        return tag == "NOUN" and (plural or language != "fr")  # took for a noun is not
    return language == "fr" and plural and not word.group("w")[0].isupper()


# --- French rules -------------------------------------------------------------------------------------------

#: the last lookahead: "sur vingt ou trente ans" is a list of numbers, not a denominator
_ONE_IN_FR = re.compile(
    rf"(?<![\w\-])(?P<one>une?){_S}(?:(?P<noun>{_WORD})(?:{_S}(?P<adj>[a-zà-ÿœæ][\w\-]*))?{_S})?sur{_S}"
    rf"(?P<d>{_alt(_FR_DENOMINATORS)}|\d{{1,3}}(?:{SPACE}\d{{3}})*)(?![\w\-]|[.,]\d)"
    rf"(?!{_S}(?:ou|et|à){_S}(?:\d|{_alt(_FR_DENOMINATORS)}|onze|douze|quinze|trente|quarante|cinquante|soixante))",
    re.IGNORECASE,
)


def _fr_one_in(text: str, pos_at: PosAt) -> list[FractionMatch]:
    """``un TGV sur deux``, ``une entreprise sur dix``, ``un enfant pauvre sur cinq``, ``un sur trois``."""
    found = []
    for m in _ONE_IN_FR.finditer(text):
        denominator = _number(m.group("d"), _FR_DENOMINATORS)
        value = _percent(1, denominator) if denominator else None
        if value is None or _noun_follows(text, m.end(), pos_at, "fr"):
            continue
        noun = m.group("noun")
        if noun is not None:
            if not _is_noun(text, m.start("noun"), m.end("noun"), pos_at, "fr") or noun.lower() in TIME_UNITS:
                continue
            adj = m.group("adj")
            if adj is not None and (adj.lower() in FUNCTION_WORDS or pos_at(m.start("adj")) in _VERBISH):
                continue
            found.append(FractionMatch(m.start(), m.end(), value, m.start("noun"), m.end("noun")))
        else:
            found.append(FractionMatch(m.start(), m.end(), value))
    return found


_PART_FR = re.compile(
    rf"(?<![\w\-])(?P<num>{_alt(_FR_NUMERATORS)}|le|les){_S}(?P<part>{_alt(_FR_PARTS)})(?![\w\-])"
    rf"(?:{_S}{_FR_DE}(?P<noun>{_WORD}))?",
    re.IGNORECASE,
)
_BEFORE_CHANGE = re.compile(rf"(?:\b(?:de|par)|\bd['’]){SPACE}*$", re.IGNORECASE)


def _fr_part(text: str, pos_at: PosAt) -> list[FractionMatch]:
    """``deux tiers des cadres``, ``un quart des sondés``, ``le tiers des députés``, ``a fondu d'un tiers``."""
    found = []
    for m in _PART_FR.finditer(text):
        num, part = m.group("num").lower(), m.group("part").lower()
        numerator = 1 if num in {"le", "les"} else _FR_NUMERATORS[num]
        value = _percent(numerator, _FR_PARTS[part])
        if value is None or (num == "les" and numerator == 1):
            continue
        if (m.group("noun") or "").lower() in _DEMONSTRATIVES:  # "le tiers de ceux qui …": a share, no noun
            found.append(FractionMatch(m.start(), m.end(), value))
            continue
        if m.group("noun") is not None and _is_noun(text, m.start("noun"), m.end("noun"), pos_at, "fr"):
            found.append(FractionMatch(m.start(), m.end(), value, m.start("noun"), m.end("noun")))
            continue
        if m.group("noun") is not None and m.group("noun").lower() in _NOT_SHARED:
            continue  # "trois quarts d'heure", "un quart de finale"
        alone = part in {"tiers", "quart", "quarts"} and num not in {"le", "les"}
        changed = _BEFORE_CHANGE.search(text[max(0, m.start() - 6) : m.start()]) is not None
        if alone and (changed or numerator >= 2):
            found.append(FractionMatch(m.start(), m.end("part"), value))
    return found


_HALF_FR = re.compile(
    rf"(?<![\w\-])(?P<det>la){_S}moitié(?![\w\-])(?:{_S}(?:d['’]{SPACE}*entre{_S}(?:eux|elles|nous|vous)\b|{_FR_DE}"
    rf"(?P<noun>{_WORD})))?",
    re.IGNORECASE,
)
_HALF_LEAD = re.compile(rf"\b(?:dont|soit){_S}$", re.IGNORECASE)


def _fr_half(text: str, pos_at: PosAt) -> list[FractionMatch]:
    """``la moitié des salariés``, ``la moitié d'entre eux``, ``dont la moitié`` (never ``à moitié``)."""
    found = []
    for m in _HALF_FR.finditer(text):
        noun = m.group("noun")
        if noun is not None:
            if _is_noun(text, m.start("noun"), m.end("noun"), pos_at, "fr"):
                found.append(FractionMatch(m.start(), m.end(), 50.0, m.start("noun"), m.end("noun")))
            continue
        if m.end() > m.start() + len("la moitié") + 1 or _HALF_LEAD.search(text[max(0, m.start() - 8) : m.start()]):
            found.append(FractionMatch(m.start(), m.end(), 50.0))
    return found


# --- English rules ------------------------------------------------------------------------------------------

_ONE_IN_EN = re.compile(
    rf"(?<![\w\-])(?P<num>{_alt(_EN_NUMBERS)}|\d{{1,2}}){_S}(?:in|out{_S}of){_S}(?:every{_S})?"
    rf"(?P<d>{_alt(_EN_NUMBERS)}|\d{{1,3}})(?![\w\-]|[.,]\d)(?:{_S}(?:of{_S})?{_EN_DET}(?P<noun>{_WORD}))?",
    re.IGNORECASE,
)


def _en_one_in(text: str, pos_at: PosAt) -> list[FractionMatch]:
    """``one in three voters``, ``one out of five Americans``, ``two in three``."""
    found = []
    for m in _ONE_IN_EN.finditer(text):
        numerator = 1 if m.group("num").lower() in {"a", "an"} else _number(m.group("num"), _EN_NUMBERS)
        if m.group("num") == "1":
            numerator = 1
        denominator = _number(m.group("d"), _EN_NUMBERS)
        value = _percent(numerator, denominator) if numerator and denominator else None
        if value is None or m.group("num").lower() in {"a", "an"}:
            continue
        noun = m.group("noun")
        if noun is not None and _is_noun(text, m.start("noun"), m.end("noun"), pos_at, "en"):
            found.append(FractionMatch(m.start(), m.end(), value, m.start("noun"), m.end("noun")))
        else:
            found.append(FractionMatch(m.start(), m.end("d"), value))
    return found


_PART_EN = re.compile(
    rf"(?<![\w\-])(?:(?P<num>{_alt(_EN_NUMBERS)})(?:{_S}|-))?(?P<part>{_alt(_EN_PARTS)}){_S}of{_S}{_EN_DET}"
    rf"(?P<noun>{_WORD})",
    re.IGNORECASE,
)


def _en_part(text: str, pos_at: PosAt) -> list[FractionMatch]:
    """``half of the workers``, ``two thirds of voters``, ``a quarter of the staff``, ``two-thirds of``."""
    found = []
    for m in _PART_EN.finditer(text):
        part = m.group("part").lower()
        num = (m.group("num") or "").lower()
        if not num and part != "half":
            continue
        previous = re.search(r"(\w+)\W*$", text[max(0, m.start() - 20) : m.start()])
        if part == "half" and previous and previous.group(1).lower() in _HALF_PERIOD:
            continue
        value = _percent(_EN_NUMBERS.get(num, 1), _EN_PARTS[part])
        if value is None or not _is_noun(text, m.start("noun"), m.end("noun"), pos_at, "en"):
            continue
        found.append(FractionMatch(m.start(), m.end(), value, m.start("noun"), m.end("noun")))
    return found


_RULES_FR: tuple[Callable[[str, PosAt], list[FractionMatch]], ...] = (_fr_half, _fr_part, _fr_one_in)
_RULES_EN: tuple[Callable[[str, PosAt], list[FractionMatch]], ...] = (_en_part, _en_one_in)


def _no_parse(offset: int) -> str | None:
    del offset
    return None


def find_fractions(text: str, language: str, pos_at: PosAt = _no_parse) -> list[FractionMatch]:
    """Every share written in words in ``text`` (French rules unless ``language`` is ``"en"``), by offset."""
    rules = _RULES_EN if language == "en" else _RULES_FR
    taken = bytearray(len(text) + 1)
    found: list[FractionMatch] = []
    for rule in rules:
        for match in rule(text, pos_at):
            if any(taken[match.start : match.end]):
                continue
            taken[match.start : match.end] = b"\x01" * (match.end - match.start)
            found.append(match)
    return sorted(found, key=lambda f: f.start)
