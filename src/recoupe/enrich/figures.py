"""Figures an article gives: money, percents, counts, quantities and dates, normalised.

``extract_figures(text, language, published, doc)`` → ``Figure`` list, sorted by offset. French first,
English too; any other language is read with the French rules.

What does what:

- numbers (``numbers.py``): our linear regexes for digits and their separators; ``text2num`` (library)
  values number words (``soixante-cinq``, ``twenty-five``);
- dates (``dates_rel.py``): rules for calendar dates and relative dates;
- ``figure_lexicon.py``: our word lists (currencies → ISO codes, units, time nouns, exclusion words);
- here: rules for what follows each number (currency, ``%``, unit, time noun, counted noun, ``X sur
  Y``), the gold guide's exclusions (ordinals, times of day, phone numbers, identifiers such as
  ``Ligue 1`` or ``article 23``, ``un``/``une`` alone, vague quantities, decades) and the spaCy parse
  (when ``doc`` is given) for the counted noun's lemma, for vetoing verbs taken for nouns and for
  ``about``.

recognizers-text-suite was measured and not kept in the extraction path: loading its French models
takes about 3 s each, it parses about 27 µs per character (half a minute per model on a 1 MB text), and
its French currency model names currencies (``Dollar``, ``Livre``) instead of giving ISO codes.

Guessed, and said so in the figure: an implicit currency (``40 milliards`` with no currency word) is the
nearest explicit currency earlier in the text, else EUR for French (none for English); a bare number
after ``dont``/``contre``/``serons`` … counts the noun of the nearest earlier count; relative dates are
marked ``relative=True``. ``about`` is the noun the figure depends on in the parse (``offre de
rachat``, ``levée de fonds``), or the noun for a few verbs (``valorisé à`` → ``valorisation``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from recoupe.enrich.dates_rel import find_dates, find_relative_dates
from recoupe.enrich.entities import is_demonym
from recoupe.enrich.figure_about import figure_about, singular
from recoupe.enrich.figure_drafts import Draft as _Draft
from recoupe.enrich.figure_drafts import inherit_lists, restore_elided
from recoupe.enrich.figure_lexicon import (
    ATHLETICS_AFTER,
    BARE_OK_BEFORE,
    CURRENCY_AFTER,
    CURRENCY_BEFORE,
    CURRENCY_FIRST,
    CURRENCY_WORDS,
    DECADE_BEFORE,
    FIXED_EXPRESSIONS,
    FOIS_AFTER,
    FUNCTION_WORDS,
    IDENTIFIER_NOUNS,
    MULTIPLIER_AFTER,
    ONE_WORDS,
    PERCENT_AFTER,
    PRENOMINAL,
    RATIO,
    SPACE,
    SUBUNIT_AFTER,
    SUBUNITS,
    TIME_AFTER,
    TIME_OF_DAY_BEFORE,
    TIME_OF_DAY_GLUED,
    TIME_UNITS,
    UNIT_AFTER,
    UNITS,
)
from recoupe.enrich.fractions import find_fractions
from recoupe.enrich.numbers import NumberMatch, find_numbers
from recoupe.model import Figure

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from recoupe.model import PublishedDate

__all__ = ["extract_figures"]


class _Context:
    """The text with its optional parse, and lookups into it."""

    def __init__(self, text: str, language: str, doc: Doc | None) -> None:
        self.text = text
        self.language = "en" if language == "en" else "fr"
        doc_text = doc.text if doc is not None else ""  # Doc.text joins every token: read it once
        usable = doc is not None and len(doc_text) <= len(text) and text.startswith(doc_text)
        self.doc = doc if usable else None
        self._doc_len = len(doc_text)
        self._token_at: dict[int, int] = {}
        if self.doc is not None:
            for token in self.doc:
                self._token_at[token.idx] = token.i

    def token(self, start: int) -> Token | None:
        if self.doc is None:
            return None
        index = self._token_at.get(start)
        return None if index is None else self.doc[index]

    def pos_at(self, start: int) -> str | None:
        """The POS of the token starting at ``start`` (``None`` without a parse or off a token)."""
        token = self.token(start)
        return None if token is None else token.pos_

    def span_root(self, start: int, end: int) -> Token | None:
        if self.doc is None or end > self._doc_len:
            return None
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None or len(span) == 0:
            return None
        return span.root


def _word_before(text: str, start: int) -> str:
    match = re.search(r"([\w°\-]+)[ \u00a0\u202f\u2009]*$", text[max(0, start - 40) : start])
    return match.group(1) if match else ""


_NEXT_WORD = re.compile(rf"{SPACE}*(?P<w>[^\W\d_][a-zà-ÿœæ\-]*)")


def _next_word(text: str, pos: int) -> re.Match[str] | None:
    """The word at ``pos``, cut before a capital glued to it (``habitantsLe``: an intertitle follows)."""
    return _NEXT_WORD.match(text, pos)


_QUOTED_NOUN = re.compile(
    rf"{SPACE}*[«“\"]{SPACE}*(?P<q>[a-zà-ÿœæ][a-zà-ÿœæ\-]*(?:{SPACE}[a-zà-ÿœæ][a-zà-ÿœæ\-]*){{0,2}}){SPACE}*[»”\"]"
)


def _skip_to_noun(text: str, pos: int, *, after_de: bool) -> int:
    """Past a partitive (``des``, ``d'entre les``, ``of the``; ``de`` when ``after_de``) and up to two
    pre-nominal adjectives after ``pos``."""
    cursor = pos
    partitive = re.compile(rf"{SPACE}+(?:des|d['’]entre{SPACE}+(?:les|eux|elles)|of{SPACE}+the){SPACE}+", re.IGNORECASE)
    m_part = partitive.match(text, cursor)
    if after_de:
        m_part = re.compile(rf"{SPACE}*(?:de|d['’]|of){SPACE}*", re.IGNORECASE).match(text, cursor)
    if m_part:
        cursor = m_part.end()
    prenominal = re.compile(rf"{SPACE}*(?:{PRENOMINAL}){SPACE}+", re.IGNORECASE)
    for _ in range(2):
        adj = prenominal.match(text, cursor)
        if adj is None:
            break
        cursor = adj.end()
    return cursor


def _noun_after(
    ctx: _Context, pos: int, *, scaled: bool = False, after_de: bool = False
) -> tuple[int, int, str] | None:
    """The counted noun after ``pos`` (pre-nominal adjectives and a partitive ``des`` skipped):
    (start, end, unit) where unit is the lemma plus a determiner-less ``de``/``à`` complement."""
    text = ctx.text
    cursor = _skip_to_noun(text, pos, after_de=after_de)
    quoted = _QUOTED_NOUN.match(text, cursor)
    if quoted:  # 50.000 «gilets jaunes»: the quoted name is the counted noun
        words = quoted.group("q").split()
        return quoted.start("q"), quoted.end(), " ".join(singular(w, ctx.language) for w in words)
    word = _next_word(text, cursor)
    if word is None or (word.start("w") - cursor) > 2:
        return None
    noun = word.group("w")
    people = not noun[0].islower() and is_demonym(noun)  # "60 Afghans", "treize Américains": a count of people
    if noun.lower() in FUNCTION_WORDS or not (noun[0].islower() or people) or "-" in noun.strip("-")[:1]:
        return None
    token = ctx.token(word.start("w"))
    if (
        token is not None
        and token.pos_ in {"VERB", "AUX", "ADV", "PRON", "DET", "ADP", "CCONJ", "SCONJ", "PUNCT"}
        and not _participle_as_noun(token)
    ):
        return None
    if scaled and token is not None and token.pos_ == "ADJ":
        return None  # "300 millions supplémentaires": an amount
    if people:
        lemma = singular(noun.lower(), ctx.language)
    elif token is not None and token.text == noun and token.pos_ == "NOUN" and token.lemma_ and ctx.language == "fr":
        lemma = token.lemma_.lower()
    else:
        lemma = singular(noun, ctx.language)
    end = word.end("w")
    complement = re.compile(rf"{SPACE}+(?P<p>de{SPACE}+|d['’]{SPACE}*|à{SPACE}+)(?P<n>[a-zà-ÿœæ][a-zà-ÿœæ\-]*)").match(
        text, end
    )
    if complement and ctx.language == "fr":
        cnoun = complement.group("n")
        ctoken = ctx.token(complement.start("n"))
        aligned = ctoken is not None and ctoken.text == cnoun
        is_noun = ctoken.pos_ == "NOUN" if ctoken is not None and aligned else cnoun.lower() not in FUNCTION_WORDS
        if is_noun and cnoun[0].islower() and cnoun.lower() not in FUNCTION_WORDS:
            prep = complement.group("p").strip().replace("’", "'")
            lemma = f"{lemma} {prep}{'' if prep.endswith(chr(39)) else ' '}{cnoun.lower()}"
            end = complement.end("n")
    return word.start("w"), end, lemma


def _participle_as_noun(token: Token) -> bool:
    """A plural past participle right after a number counts people ("deux mille deux cents invités", "trois
    tués"): the parser may tag it a verb."""
    return (
        token.pos_ == "VERB"
        and "Part" in token.morph.get("VerbForm", [])
        and "Plur" in token.morph.get("Number", [])
        and token.i > 0
        and (token.nbor(-1).like_num or token.nbor(-1).lower_ in {"cents", "mille", "millions", "milliers"})
    )


# "ils étaient un million", "they were 2 million": people counted, not an amount of money
_HEADCOUNT_BEFORE = re.compile(
    r"\b(?:(?:ils|elles|nous|vous) (?:étaient|sont|seraient|ont été|furent|étions|sommes|serons)|"
    r"(?:they|we) (?:were|are|will be))(?: (?:environ|près de|plus d['’]|moins d['’]|about|nearly|over))?\s*$",
    re.IGNORECASE,
)


def _classify(ctx: _Context, number: NumberMatch, currency: str | None) -> _Draft | None:  # noqa: PLR0911
    """What ``number`` is, from the words around it; ``None`` when it is not a figure."""
    text = ctx.text
    start, end, value = number.start, number.end, number.value
    before = text[max(0, start - 30) : start]
    prev = _word_before(text, start)
    prev_lower = prev.lower().replace("’", "'")
    if number.ordinal or _ROUND_THE_CLOCK.search(before):
        return None  # ordinals; the second 24 of "24 heures sur 24"
    is_one = number.words and text[start:end].split()[0].lower() in ONE_WORDS
    window = text[max(0, start - 12) : min(len(text), end + 12)]
    if number.words and FIXED_EXPRESSIONS.search(window):
        return None
    # currency symbol before: $97.4 billion, £3m, € 5
    symbol = CURRENCY_BEFORE.search(before)
    if symbol:
        return _Draft(
            symbol.start() + start - len(before),
            end,
            "money",
            value,
            CURRENCY_WORDS[symbol.group("cur").lower()],
            number=number,
            explicit_currency=True,
        )
    if number.approx:
        de = re.compile(rf"{SPACE}+(?:de|d['’]|of){SPACE}*(?=[^\W\d_])", re.IGNORECASE).match(text, end)
        if de is None:
            return None  # "une quarantaine" alone: a quarantine
        return _after_noun_kind(ctx, number, end, currency, allow_bare=False)
    percent = PERCENT_AFTER.match(text, end)
    if percent:
        return _Draft(start, percent.end(), "percent", value, "%", number=number)
    # race times "1:48.64" are found separately (``_written_apart``); times of day are not figures
    if TIME_OF_DAY_GLUED.match(text, end) and not number.words:
        return None
    return _after_noun_kind(ctx, number, end, currency, allow_bare=not is_one, prev=prev_lower, before=before)


_CLOSING_BEFORE_DE = re.compile(rf"{SPACE}*[»”\"](?={SPACE}+(?:de|d['’]|of){SPACE}*[^\W\d_])", re.IGNORECASE)


def _after_noun_kind(  # noqa: PLR0911, PLR0912, PLR0915 - one rule after the other, in the guide's order
    ctx: _Context,
    number: NumberMatch,
    pos: int,
    currency: str | None,
    *,
    allow_bare: bool,
    prev: str = "",
    before: str = "",
) -> _Draft | None:
    text, lang = ctx.text, ctx.language
    start, value = number.start, number.value
    cur = CURRENCY_AFTER.match(text, pos)
    if cur and not (
        cur.group("cur").lower() in {"livre", "livres"}
        and not number.scaled
        and lang == "fr"
        and not re.match(rf"{SPACE}*sterling", text[cur.end() :])
    ):
        return _Draft(
            start,
            cur.end(),
            "money",
            value,
            CURRENCY_WORDS[cur.group("cur").lower()],
            number=number,
            explicit_currency=True,
        )
    sub = SUBUNIT_AFTER.match(text, pos)
    if sub and not number.scaled:
        code = SUBUNITS[sub.group("cur").lower()] or currency or ("EUR" if lang == "fr" else "USD")
        return _Draft(start, sub.end(), "money", value / 100, code, number=number)
    if MULTIPLIER_AFTER.match(text, pos) or (number.decimal and FOIS_AFTER.match(text, pos)):
        fois = FOIS_AFTER.match(text, pos)
        assert fois is not None
        return _Draft(start, fois.end(), "quantity", value, "fois", number=number)
    fois = FOIS_AFTER.match(text, pos)
    if fois:
        return _Draft(start, fois.end(), "count", value, "fois", number=number)
    time_unit = TIME_AFTER.match(text, pos)
    if time_unit and _title_case(time_unit.group("unit")):
        return None  # "20 Minutes": a name
    if time_unit:
        if time_unit.group("unit"):
            unit = TIME_UNITS[time_unit.group("unit").lower()]
            if unit == "heure" and TIME_OF_DAY_BEFORE.search(before):
                return None  # "à 20 heures", "journal de 20 heures"
            if unit == "heure" and time_unit.group("unit").lower() == "h" and re.match(r"\d", text[time_unit.end() :]):
                return None
        else:
            unit = TIME_UNITS[(time_unit.group("yo") or time_unit.group("hy")).lower()]
        half = _HALF_AFTER.match(text, time_unit.end())
        if half:  # "deux ans et demi"
            return _Draft(start, half.end(), "quantity", value + 0.5, unit, number=number)
        return _Draft(start, time_unit.end(), "quantity", value, unit, number=number)
    if ATHLETICS_AFTER.match(text, pos):
        return None
    unit_match = UNIT_AFTER.match(text, pos)
    if unit_match:
        unit_word = unit_match.group("unit").lower()
        unit = UNITS[unit_word]
        short = len(unit_word) <= 2
        after_de = short and unit_match.group(0).lstrip().lower().startswith(("de", "d'", "d’", "of"))
        far = unit_word in {"a", "l", "t", "g", "to", "mo", "go"} and unit_match.start("unit") - pos > 1
        if not after_de and not far:  # "3 t" yes, "3 de t" or "3   t" no
            return _Draft(start, unit_match.end(), "quantity", value, unit, number=number)
    ratio = RATIO.match(text, pos)
    if ratio and not number.scaled and not number.decimal:
        denominator = _denominator(ratio.group("d"), lang)
        noun = ratio.group("n")
        after = _noun_after(ctx, ratio.end())
        same_noun = after is None or (noun is not None and singular(noun, lang) == after[2])
        plain = noun is None or noun.lower() not in FUNCTION_WORDS
        if denominator and value <= denominator and same_noun and plain:
            share = round(100 * value / denominator, 6)
            return _Draft(start, ratio.end(), "percent", share, "%", number=number, about=noun)
    if number.scaled or number.approx:
        # "« plus de 2,8 millions » de manifestants": a quoted claim, its noun after the closing guillemet
        closing = _CLOSING_BEFORE_DE.match(text, pos)
        at = closing.end() if closing else pos
        de_noun = re.compile(rf"{SPACE}+(?:de|d['’]|of){SPACE}*(?=[^\W\d_])", re.IGNORECASE).match(text, at)
        if de_noun:
            counted = _noun_after(ctx, at, scaled=True, after_de=True)
            if counted:
                return _Draft(start, counted[1], "count", value, counted[2], number=number)
            if number.approx:
                return None
        if number.approx or _noun_after(ctx, pos, scaled=True) is None:
            if _HEADCOUNT_BEFORE.search(before):
                people = "personne" if lang == "fr" else "people"  # "ils étaient un million"
                return _Draft(start, number.end, "count", value, people, number=number)
            return _Draft(start, number.end, "money", value, currency, number=number)
    # a year
    if number.plain_digits and 1000 <= value <= 2100 and len(text[start : number.end]) == 4:
        if DECADE_BEFORE.search(text[max(0, start - 20) : start]):
            return None
        if re.search(r"(?:\b[A-Z]{2,}|\d|[A-Z]+-\d+)[ \u00a0\u202f\u2009]*$", before):
            return None  # "911 RSR 2020": a model name
        if _bound_of_amount(ctx, number.end):
            return None  # "de 1500 à 3000 euros": the first bound takes the second's unit (figure_drafts.inherit_lists)
        noun = _noun_after(ctx, pos)
        if noun is None or text[noun[0]].isupper():  # "en 2018 Français et Allemands …": a year, not people
            return _Draft(start, number.end, "date", f"{int(value):04d}", None, number=number)
    noun = _noun_after(ctx, pos)
    if noun is not None:
        if _is_identifier(ctx, number, prev) or (number.words and value == 1):
            return None
        return _Draft(start, noun[1], "count", value, noun[2], number=number, noun_start=noun[0], noun_end=noun[1])
    if allow_bare and not number.decimal and _TOLL_BEFORE.search(text, max(0, start - 80), start):
        return _Draft(start, number.end, "count", value, "mort" if lang == "fr" else "death", number=number)
    if allow_bare and prev in BARE_OK_BEFORE and not number.decimal:
        return _Draft(start, number.end, "count", value, None, number=number)
    return None


#: a toll given as a bare number ("le bilan s'est alourdi à 12", "the death toll rose to 24"): a count of deaths
_TOLL_BEFORE = re.compile(
    r"\b(?:death toll|toll|bilan)\b[^.;:!?\d]{0,60}?\b(?:(?:rose|risen|climbed|stood|jumped|increased|grew|"
    r"alourdi|s['’]élève|s['’]établit|passé|passe|grimpé|monté|porté)\s+(?:to|at|à)|a atteint|atteint|reached)\s*$",
    re.IGNORECASE,
)


_RANGE_NEXT = re.compile(
    rf"{SPACE}*(?:et|à|-|–|to|and){SPACE}*(?:\d{{1,3}}(?:{SPACE}\d{{3}})+|\d{{1,3}}(?:\.\d{{3}})+|\d+)(?:,\d+)?(?![\d.,-])"
)


def _bound_of_amount(ctx: _Context, pos: int) -> bool:
    """A range's second bound right after ``pos`` that is an amount (currency, unit, %, counted noun), not a year:
    ``entre 1000 et 6500 euros``, ``de 1500 à 2000 personnes`` (but not ``entre 1998 et 2017``)."""
    bound = _RANGE_NEXT.match(ctx.text, pos)
    if bound is None:
        return False
    end = bound.end()
    text = ctx.text
    if PERCENT_AFTER.match(text, end) or CURRENCY_AFTER.match(text, end) or UNIT_AFTER.match(text, end):
        return True
    return bool(re.match(rf"{SPACE}*(?:millions?|milliards?)\b", text[end:])) or _noun_after(ctx, end) is not None


def _title_case(word: str | None) -> bool:
    return bool(word) and len(word or "") > 1 and (word or "")[0].isupper() and (word or "")[1:].islower()


def _denominator(raw: str, language: str) -> float | None:
    if raw.isdigit():
        return float(raw) or None
    words = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9, "dix": 10,
             "two": 2, "three": 3, "four": 4, "five": 5, "ten": 10}  # fmt: skip
    del language
    value = words.get(raw.lower())
    return float(value) if value else None


def _is_identifier(ctx: _Context, number: NumberMatch, prev: str) -> bool:
    """``ligne 11``, ``Ligue 1``, ``article 23``: a number in digits right after a noun or a name names
    something (number words never do: ``ce dimanche trois médias``)."""
    text = ctx.text
    if number.words:
        return False
    gap = text[max(0, number.start - 2) : number.start]
    if not gap or gap[-1] not in " \u00a0\u202f\u2009" or not prev:
        return False
    if gap[0] in ",;:(" or prev.lower() in FUNCTION_WORDS:
        return False
    if prev.lower() in IDENTIFIER_NOUNS:
        return True
    token = ctx.token(number.start)
    if token is not None and token.i > 0:
        previous = ctx.doc[token.i - 1] if ctx.doc is not None else None
        return previous is not None and previous.pos_ in {"PROPN", "NOUN"} and previous.text == prev
    return prev[:1].isupper() and number.start - len(prev) - 1 > 0 and text[number.start - len(prev) - 2] not in ".!?\n"


def _about(ctx: _Context, draft: _Draft) -> str | None:
    """What the figure measures (see ``figure_about``); a count's noun is its unit, durations have none."""
    if draft.kind not in {"money", "percent", "quantity"} or draft.unit in TIME_UNITS.values():
        return None
    return figure_about(ctx.span_root(draft.start, draft.end), draft.start, draft.end, draft.kind, ctx.language)


_HALF_AFTER = re.compile(rf"{SPACE}+(?:et{SPACE}+demie?|and{SPACE}+a{SPACE}+half)\b", re.IGNORECASE)
_ROUND_THE_CLOCK = re.compile(rf"(?:heures|jours|h|j){SPACE}*(?:sur|/){SPACE}*$", re.IGNORECASE)
_RACE_TIME = re.compile(r"(?<![\d:])(\d{1,2}):([0-5]\d)[.,](\d{1,3})(?![\d:])")
_MAGNITUDE = re.compile(
    rf"\bmagnitude{SPACE}*(?:(?:de|d['’]|:){SPACE}*)?(?P<after>\d(?:[.,]\d{{1,2}})?)(?![\d.,]\d)"
    rf"|(?<![\d.,])(?P<before>\d(?:[.,]\d{{1,2}})?){SPACE}+(?:sur|on){SPACE}+(?:l['’]|the){SPACE}*"
    rf"(?:[ée]chelle|scale)(?:{SPACE}+ouverte)?{SPACE}+(?:de{SPACE}+)?Richter",
    re.IGNORECASE,
)


def extract_figures(text: str, language: str, published: PublishedDate | None, doc: Doc | None = None) -> list[Figure]:
    """The figures ``text`` gives, sorted by offset (see the module docstring for what is found).

    ``doc`` is a spaCy parse of ``text`` (or of its beginning); without it the counted noun is singularised
    by rule and ``about`` stays empty. Never raises on odd input (empty, huge, unpunctuated text).
    """
    if not text or not text.strip():
        return []
    ctx = _Context(text, language, doc)
    drafts: list[_Draft] = []
    taken = bytearray(len(text) + 1)

    def claim(draft: _Draft) -> None:
        taken[draft.start : draft.end] = b"\x01" * (draft.end - draft.start)
        drafts.append(draft)

    for date in find_dates(text, ctx.language):
        claim(_Draft(date.start, date.end, "date", date.value))
    for date in find_relative_dates(text, ctx.language, published):
        if not any(taken[date.start : date.end]):
            claim(_Draft(date.start, date.end, "date", date.value, relative=True))
    for early in _written_apart(ctx):
        if not any(taken[early.start : early.end]):
            claim(early)

    currency_marks: list[tuple[int, str]] = []  # (offset, ISO) of explicit currencies, in order
    default_currency = "EUR" if ctx.language == "fr" else None
    pending: list[NumberMatch] = []
    first = CURRENCY_FIRST.search(text)
    first_currency = CURRENCY_WORDS.get(first.group("cur").lower()) if first else None
    for number in find_numbers(text, ctx.language):
        if any(taken[number.start : number.end]) or re.match(r"[\d]", text[number.end : number.end + 1]):
            continue
        currency = currency_marks[-1][1] if currency_marks else (first_currency or default_currency)
        draft = _classify(ctx, number, currency)
        if draft is None:
            pending.append(number)
            continue
        if any(taken[draft.start : draft.end]):
            draft = replace(draft, end=number.end) if not any(taken[number.start : number.end]) else None
            if draft is None:
                continue
        if draft.explicit_currency and isinstance(draft.unit, str):
            currency_marks.append((draft.start, draft.unit))
        claim(draft)

    drafts = inherit_lists(text, drafts, pending, taken)
    drafts = restore_elided(drafts, text)
    return [
        Figure(
            start=d.start,
            end=d.end,
            text=text[d.start : d.end],
            kind=d.kind,
            value=d.value,
            unit=d.unit,
            about=d.about or (_about(ctx, d) if d.kind != "date" else None),
            relative=d.relative,
        )
        for d in sorted(drafts, key=lambda d: d.start)
        if not (d.kind == "count" and d.unit is None)
    ]


def _written_apart(ctx: _Context) -> list[_Draft]:
    """Race times (``1:48.64`` → 108.64 s), an earthquake's magnitude (``magnitude de 5,4``, ``5,2 sur l'échelle
    de Richter``: a quantity in unit ``magnitude``) and shares in words (``un TGV sur deux`` → 50 %, see
    ``fractions``)."""
    text = ctx.text
    drafts = []
    for m in _RACE_TIME.finditer(text):
        seconds = int(m.group(1)) * 60 + float(f"{m.group(2)}.{m.group(3)}")
        drafts.append(_Draft(m.start(), m.end(), "quantity", round(seconds, 6), "seconde"))
    for m in _MAGNITUDE.finditer(text):
        value = float((m.group("before") or m.group("after")).replace(",", "."))
        start, end = m.span("before") if m.group("before") else m.span("after")
        drafts.append(_Draft(start, end, "quantity", value, "magnitude"))
    for share in find_fractions(text, ctx.language, ctx.pos_at):
        noun = text[share.noun_start : share.noun_end] if share.noun_start >= 0 else None
        drafts.append(_Draft(share.start, share.end, "percent", share.value, "%", about=noun))
    return drafts
