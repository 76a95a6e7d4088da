"""Statements: what an article asserts that can be checked against other outlets.

An article's text (title, lead and body, as ``Article.text``) is cut into sentences (spaCy's rule-based
``sentencizer``; a line never runs into the next, so subheadings and attribution lines stay apart). From the
sentences and the article's enrichment come three kinds of statement:

- **figure**: one per number the article gives (money, percent, count, quantity, date; not relative dates
  like "hier", which only restate the publication date), with the sentence it is in;
- **quote**: one per quote (direct or indirect) with its speaker;
- **claim**: a sentence that names at least one entity or gives a figure: a checkable assertion about the
  story's people, organisations and places. Left out (``NOT_STATEMENTS``, an ordered list of named rules over
  the sentence's line): attribution lines ("– Bret Taylor, président d'OpenAI"), photo captions and credits,
  bylines, "LIRE AUSSI"-style navigation, headings (a line under the title with no closing punctuation),
  sentences of fewer than five words, questions, and sentences that are mostly a quote (the quote is the
  statement). A dateline ("PARIS (AFP) -") is cut off the sentence it opens.

A statement keeps its article, its offsets into ``Article.text``, the entity keys named inside it, its
figure or quote, the source the sentence attributes it to (``attribution.source_for``: "selon la
préfecture"; a figure inside a quote is its speaker's), the article's publication date and the moment the
sentence gives (``attribution.moment_of``), and, for a figure, its frame (``frames.frame_of``: what the words
around it say it measures).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from recoupe.crosscheck.ages import age_holder
from recoupe.crosscheck.attribution import day_of, moment_of, source_for, sources_in, standing
from recoupe.crosscheck.clock import clock_told
from recoupe.crosscheck.frames import Frame, frame_of
from recoupe.crosscheck.ordinals import ORDINAL_WORD, ordinal_value
from recoupe.crosscheck.ranks import ranks_told
from recoupe.crosscheck.roads import roads_told
from recoupe.crosscheck.scores import scores_told
from recoupe.crosscheck.slots import unit_concept
from recoupe.crosscheck.slots_lexicon import CROWDS, PERSONS
from recoupe.crosscheck.votes import votes_told
from recoupe.folding import fold
from recoupe.model import Figure

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence

    from spacy.language import Language

    from recoupe.model import Article, Enrichment, Mention, Quote

__all__ = ["NOT_STATEMENTS", "Statement", "compared_periods", "is_moment", "is_statement", "sentences", "statements_of"]

MIN_WORDS = 5
CHECKED_FIGURES = frozenset({"money", "percent", "count", "quantity", "date"})


@dataclass(frozen=True, slots=True)
class Statement:
    """One checkable thing an article says, at ``start:end`` of its text."""

    article_id: str
    outlet: str | None
    language: str | None
    kind: str  # figure | quote | claim
    start: int
    end: int
    text: str
    sentence: tuple[int, int]  # the sentence the statement is in
    entities: frozenset[str] = frozenset()
    figure: Figure | None = None
    quote: Quote | None = None
    figures: tuple[Figure, ...] = field(default=())  # every figure of the sentence (for claims)
    attributed_to: str | None = None  # the source the sentence gives for it ("la préfecture"), as written
    published: str | None = None  # the article's publication date, ISO 8601 at its precision
    when: str | None = None  # the moment the sentence gives ("14:00", "provisional", "final")
    frame: Frame | None = field(default=None, compare=False)  # a figure's frame (not stored)
    #: a figure written as a part of the figure right before it ("232 morts, dont 65 enfants"): that one's start
    part_of: int | None = field(default=None, compare=False)
    #: the day its sentence says it is of ("samedi", "hier", read against the publication day; ISO date)
    day: str | None = field(default=None, compare=False)
    #: whose age a number of years is, when a name stands right before it ("Paul-Henri Nargeolet, 77 ans")
    holder: str | None = field(default=None, compare=False)
    #: its sentence says the count stands at a moment ("désormais", "toujours"): ``attribution.standing``
    standing: bool = field(default=False, compare=False)

    @property
    def key(self) -> tuple[str, str, int, int]:
        return (self.article_id, self.kind, self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "article_id": self.article_id,
            "outlet": self.outlet,
            "language": self.language,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "entities": sorted(self.entities),
            "attributed_to": self.attributed_to,
            "published": self.published,
            "when": self.when,
        }
        if self.figure is not None:
            data["figure"] = self.figure.to_dict()
        if self.quote is not None:
            data["quote"] = self.quote.to_dict()
        return data


@lru_cache(maxsize=4)
def _sentencizer(language: str) -> Language:
    import spacy

    from recoupe.enrich import regex_cache

    regex_cache.install()  # spacy.blank("fr") compiles French's huge token pattern: once per machine

    try:
        nlp = spacy.blank(language)
    except (ImportError, KeyError, ValueError):  # a language spaCy has no tokenizer rules for
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def sentences(text: str, language: str | None) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, stripped; lines are never joined."""
    nlp = _sentencizer(language or "xx")
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            for sentence in nlp(line).sents:
                start = offset + sentence.start_char
                end = offset + sentence.end_char
                while start < end and text[start].isspace():
                    start += 1
                while end > start and text[end - 1].isspace():
                    end -= 1
                if end > start:
                    yield start, end
        offset += len(line) + 1


def _inside(span: tuple[int, int], start: int, end: int) -> bool:
    return span[0] <= start and end <= span[1]


# -- what is not a statement: each rule reads a sentence and the line it is on ---------------------------------
_CLOSING = tuple('.!?…»"”)')
_CREDIT = re.compile(
    r"^\W*(photos?|cr[ée]dits?( photo)?|©|illustration|image|l[ée]gende|vid[ée]o|infographie|archives?|"
    r"photo credit|pictured|caption)\b|©|\bcr[ée]dits? photo\b|\b(getty images|afp photo|reuters/)",
    re.IGNORECASE,
)
_NAVIGATION = re.compile(
    r"^\W*(lire aussi|[àa] lire( aussi)?|voir aussi|[àa] voir( aussi)?|en direct|live|read more|related|"
    r"sur le m[êe]me sujet|newsletter|abonnez-vous|publicit[ée]|partager|suivez|mis [àa] jour|publi[ée] le|"
    r"updated|advertisement|sign up|subscribe)\b",
    re.IGNORECASE,
)
_BYLINE = re.compile(r"^\W*(par|by)\s+[A-ZÀ-Þ][\w'’\-.]+(\s+[A-ZÀ-Þ][\w'’\-.]+){0,3}\b", re.UNICODE)
_DASH_LINE = re.compile(r"^\s*[\-–—]\s*[A-ZÀ-Þ]")
#: "PARIS (AFP) -", "Lyon, 12 mars (Reuters) –", "WASHINGTON —": cut off the sentence (``match`` at a sentence's
#: start: no "^", which would only match at the text's very beginning)
DATELINE = re.compile(
    r"[A-ZÀ-Þ][A-ZÀ-Þ'’\- ]{2,40}(?:,[^()\n]{0,30})?\s*(?:\((?:AFP|Reuters|AP|Belga|ATS|dpa)\)\s*)?[\-–—]\s+"
)


def _attribution_line(_sentence: str, line: str) -> bool:
    """ "– Bret Taylor, président d'OpenAI": a dash, a name, no closing punctuation."""
    return bool(_DASH_LINE.match(line)) and not line.rstrip().endswith(_CLOSING[:4]) and len(line.split()) <= 14


def _credit(_sentence: str, line: str) -> bool:
    return bool(_CREDIT.search(line)) and len(line.split()) <= 25


def _navigation(_sentence: str, line: str) -> bool:
    return bool(_NAVIGATION.match(line))


def _byline(_sentence: str, line: str) -> bool:
    return bool(_BYLINE.match(line)) and len(line.split()) <= 12 and not line.rstrip().endswith(_CLOSING[:4])


def _heading(_sentence: str, line: str) -> bool:
    """A line with no closing punctuation, short: a subheading (the title is never asked)."""
    return not line.rstrip().endswith(_CLOSING) and len(line.split()) <= 14


def _fragment(sentence: str, _line: str) -> bool:
    return len(sentence.split()) < MIN_WORDS


#: a question asking how or why something told happened presupposes it ("Comment un viaduc de 45 mètres a-t-il pu
#: céder, mardi vers 12h36 ?" tells the height and the hour)
_PRESUPPOSING = re.compile(r"^\W*(?:Comment|Pourquoi)\b")


def _question(sentence: str, _line: str) -> bool:
    """A question, unless it asks how or why about something it tells in figures (``_PRESUPPOSING``)."""
    asked = sentence.rstrip().rstrip('»"”) ').endswith("?")
    return asked and not (_PRESUPPOSING.match(sentence) and any(c.isdigit() for c in sentence))


#: the rules, in order: a sentence any of them accepts is not a statement (a claim)
NOT_STATEMENTS: tuple[Callable[[str, str], bool], ...] = (
    _attribution_line,
    _credit,
    _navigation,
    _byline,
    _heading,
    _fragment,
    _question,
)


def is_statement(sentence: str, line: str, *, title: bool = False) -> bool:
    """Whether a sentence (on ``line``) asserts something: no rule of ``NOT_STATEMENTS`` takes it.

    The title is a headline: it has no closing punctuation and is still a statement."""
    rules = [rule for rule in NOT_STATEMENTS if not (title and rule is _heading)]
    return not any(rule(sentence, line) for rule in rules)


def _line_of(text: str, start: int) -> str:
    lo = text.rfind("\n", 0, start) + 1
    hi = text.find("\n", start)
    return text[lo : hi if hi >= 0 else len(text)]


def _with_area(frame: Frame, places: Sequence[Mention]) -> Frame:
    """A frame's area: the places its sentence names ("lors de la manifestation de Bourg-en-Bresse, qui a
    réuni 300 personnes"), else the last its paragraph named before it. On a story of many places (a
    round-up, city by city) a figure of another city is another slot."""
    if not places:
        return frame
    return replace(frame, area=frozenset(fold(m.text).split()[-1] for m in places))


def _last_place(mentions: Sequence[Mention], start: int, end: int) -> list[Mention]:
    """The place named last in ``start:end`` (the paragraph before a sentence that names none): "À Bordeaux,
    la préfecture comptait 4 000 manifestants. Douze personnes ont été interpellées." counts Bordeaux."""
    places = [m for m in mentions if m.label == "LOC" and start <= m.start and m.end <= end]
    return places[-1:]


#: what the cross-check compares beyond the enrichment's figures (which, like the gold set, leave out "un"
#: alone and ordinals): "pendant un mois" against "pendant deux semaines", "le 43e jour de grève" against
#: "le 42e jour"; ordinals only of days, weeks and months, the count of a movement's length, never of a
#: round, a rank or a century ("2e tour", "3e place", "XIXe siècle" say which, not how many)
_ONE_PERIOD = re.compile(
    r"\b(?:pendant|durant|depuis|pour|en|d['’]|il y a|au bout d['’]|after|for)\s*(?P<n>une?|one|an?)\s+"
    r"(?P<unit>heure|jour|journée|semaine|mois|an|année|hour|day|week|month|year)s?\b",
    re.IGNORECASE,
)
_ORDINAL_PERIOD = re.compile(
    rf"\b(?P<n>\d{{1,4}}(?:e|ème|eme)|{ORDINAL_WORD})\s+(?P<unit>jour|journée|semaine|mois)\b",
    re.IGNORECASE,
)


#: before a length of time, words that make it a moment: "au bout de deux heures", "après trois jours" say
#: when, not how long; "à 21 heures", "vers 3 h", "sur les coups de 21 heures" are clock times
_ELAPSED_BEFORE = re.compile(
    r"(?:\bau bout (?:de|d['’])|\bapr[eè]s|\bafter)\s*(?:pr[eè]s (?:de|d['’])|environ)?\s*$", re.IGNORECASE
)
_CLOCK_BEFORE = re.compile(
    r"(?:\b[àa]|\bvers|\bd[eè]s|\bavant|\bjusqu['’][àa]|\bsur les coups (?:de|d['’])|\baux alentours (?:de|d['’])|"
    r"\bat|\bby)\s*$",
    re.IGNORECASE,
)
_HOURS = frozenset({"heure", "h", "hour"})


def is_moment(text: str, figure: Figure) -> bool:
    """Whether a length of time is written as a moment (``_ELAPSED_BEFORE``, ``_CLOCK_BEFORE``): compared
    with lengths, "au bout de deux heures" against "pendant sept heures" would be a false conflict."""
    if figure.kind != "quantity" or not figure.unit or not _DURATION_UNIT.fullmatch(fold(figure.unit).casefold()):
        return False
    before = text[max(0, figure.start - 30) : figure.start]
    if _ELAPSED_BEFORE.search(before):
        return True
    unit = fold(figure.unit).casefold().rstrip("s")
    if unit not in _HOURS:
        return False
    # "13 h 30", "de 13 h à 15 h": minutes after it, or the start of a span of clock times
    after = text[figure.end : figure.end + 12]
    return (
        _CLOCK_BEFORE.search(before) is not None
        or (_MINUTES_AFTER.match(after) is not None and _DURING_BEFORE.search(before) is None)
        or (_FROM_BEFORE.search(before) is not None and _CLOCK_UNTIL.match(after) is not None)
    )


#: minutes written after an hour ("13 h 30", "13 h 30 à 15 h"): a time of day
_MINUTES_AFTER = re.compile(r"[\s\u00a0\u202f]*[0-5]\d\b(?![\s\u00a0\u202f]*(?:%|ans?\b|minutes?\b|min\b))")
_FROM_BEFORE = re.compile(r"\bde\s*$", re.IGNORECASE)
#: "pendant 2 h 30", "en 1 h 45": a length of time, minutes included
_DURING_BEFORE = re.compile(r"\b(?:pendant|durant|en|during|for|in)\s*$", re.IGNORECASE)
#: "de 13 h à 15 h": the first of two clock times (folded or not)
_CLOCK_UNTIL = re.compile(
    r"[\s\u00a0\u202f]*(?:[àa]|jusqu['’][àa])[\s\u00a0\u202f]*\d{1,2}[\s\u00a0\u202f]*h", re.IGNORECASE
)


#: "ils étaient 15 000", "elles sont une trentaine": the words before a bare number that counts people
_THEY_WERE_WORDS = (
    r"\b(?:ils|elles|nous|they|we)\s+(?:étaient|étions|sont|seraient|ont été|avaient été|were|are)\s+"
    r"(?:(?:environ|près de|plus de|moins de|quelque|about|over|nearly|some)\s+)?"
)
_THEY_WERE = re.compile(_THEY_WERE_WORDS + "$", re.IGNORECASE)
_THEY_WERE_NUMBER = re.compile(_THEY_WERE_WORDS + r"(?=[\dun])", re.IGNORECASE)


#: between a total and a part of it: "232 morts, dont 65 enfants", "232 morts côté palestinien, dont 56 enfants",
#: "1,28 million de manifestants mardi dans toute la France, dont 81 000 à Paris"
_PART_OF_TOTAL = re.compile(
    r"(?:[\s\u00a0\u202f]+[\w'’-]+){0,6}[\s\u00a0\u202f]*,?[\s\u00a0\u202f]*"
    r"(?:dont|including|among them)[\s\u00a0\u202f]+"
)


def crowds_told(text: str, figures: Sequence[Figure], language: str | None) -> list[Figure]:
    """Counts of people the enrichment leaves out for want of a noun: "ils étaient 15 000 selon les
    organisateurs", "Ils étaient une quinzaine": a count of persons (French)."""
    from recoupe.enrich.numbers import find_numbers

    if language not in {None, "fr"}:
        return []
    found: list[Figure] = []
    for match in _THEY_WERE_NUMBER.finditer(text):
        if any(f.start <= match.end() < f.end or f.start == match.end() for f in figures):
            continue
        numbers = find_numbers(text[match.end() : match.end() + 30], "fr")
        if not numbers or numbers[0].start != 0 or numbers[0].ordinal or numbers[0].decimal:
            continue
        start, end = match.end(), match.end() + numbers[0].end
        if re.match(r"\s*(?:%|h\b|heures?\b|ans?\b)", text[end : end + 8]):
            continue
        found.append(Figure(start, end, text[start:end], "count", float(numbers[0].value), "personne"))
    return found


#: a part of a crowd told by its place, with no noun: "300 000 manifestants, dont 160 000 à Paris"
_PLACE_PART = re.compile(r",?[\s\u00a0]*\bdont[\s\u00a0]+(?=[\dun])", re.IGNORECASE)
_AT_PLACE = re.compile(r"[\s\u00a0]+(?:à|dans|en)[\s\u00a0]+(?:la[\s\u00a0]+|l['’])?[A-ZÀ-Ý]")


def _a_crowd(figure: Figure) -> bool:
    return unit_concept(figure) in CROWDS | PERSONS


def _ranked(sentence: str) -> bool:
    """Whether a sentence ranks something ("Il n'est que le quatrième Français à décrocher la récompense.")."""
    return bool(ranks_told(sentence))


def crowd_parts(text: str, figures: Sequence[Figure]) -> list[Figure]:
    """``figures`` with each part of a crowd told by its place and no noun ("300 000 manifestants dans près de
    150 villes, dont 160 000 à Paris") counted in the crowd's noun, which ``crowds`` scopes to its town: added
    where the enrichment left it out, given that noun where it lent the part the noun right before ("villes")."""
    from recoupe.enrich.numbers import find_numbers

    out = list(figures)
    for match in _PLACE_PART.finditer(text):
        crowd = [f for f in out if 0 <= match.start() - f.end <= 80 and f.kind == "count" and _a_crowd(f)]
        if not crowd or "." in text[crowd[-1].end : match.start()]:
            continue
        numbers = find_numbers(text[match.end() : match.end() + 30], "fr")
        if not numbers or numbers[0].start != 0 or numbers[0].ordinal or numbers[0].decimal:
            continue
        start, end = match.end(), match.end() + numbers[0].end
        if _AT_PLACE.match(text, end) is None:
            continue
        at = next((k for k, f in enumerate(out) if f.start == start), None)
        if at is not None and out[at].end == end:  # the bare number, with a lent noun
            out[at] = replace(out[at], unit=crowd[-1].unit)
        elif not any(f.start < end and start < f.end for f in out):
            out.append(Figure(start, end, text[start:end], "count", float(numbers[0].value), crowd[-1].unit))
    return sorted(out, key=lambda f: f.start)


def _people_counted(text: str, figure: Figure) -> Figure:
    """A count with no noun written that "ils étaient" says counts people: a count of persons (not the noun
    of an earlier figure the enrichment lent it)."""
    from recoupe.enrich.numbers import find_numbers

    if figure.kind != "count" or not _THEY_WERE.search(text, max(0, figure.start - 40), figure.start):
        return figure
    numbers = find_numbers(figure.text, "fr")  # what is left of its text once the number is read: its noun
    if not numbers or any(c.isalpha() for c in figure.text[numbers[0].end :]):
        return figure
    return replace(figure, unit="personne")


_DURATION_UNIT = re.compile(r"(?:heure|h|minute|min|jour|semaine|mois|an|annee|hour|day|week|month|year)s?")


#: an age by its decade ("une octogénaire": 80 to 89 years; ``rules`` reads the decade from the word)
_DECADE_AGE = re.compile(r"\b(?P<n>(?P<d>quadra|quinqua|sexa|septua|octo|nona)g[ée]naires?)\b(?P<unit>)", re.IGNORECASE)
_DECADES = {"quadra": 40, "quinqua": 50, "sexa": 60, "septua": 70, "octo": 80, "nona": 90}


def compared_periods(text: str, figures: Sequence[Figure]) -> list[Figure]:
    """Periods the enrichment leaves out, as figures for the cross-check only: "un mois" after a preposition
    of time (a quantity of 1), the ordinal of a day, week or month of a movement (a count: "43e jour" and
    "douzième journée" are the 43rd and the 12th, exactly) and an age by its decade ("octogénaire")."""
    taken = [(f.start, f.end) for f in figures]
    found: list[Figure] = []
    for match in [*_ONE_PERIOD.finditer(text), *_ORDINAL_PERIOD.finditer(text), *_DECADE_AGE.finditer(text)]:
        start, end = match.start("n"), match.end("unit")
        if any(lo < end and start < hi for lo, hi in taken):
            continue
        word, unit = match.group("n").casefold(), fold(match.group("unit")).casefold()
        unit = {"journee": "jour", "annee": "an"}.get(unit, unit)
        if match.re is _DECADE_AGE:
            decade = float(_DECADES[match.group("d").casefold()])
            found.append(Figure(start, end, text[start:end], "quantity", decade, "an"))
        elif match.re is _ONE_PERIOD:
            found.append(Figure(start, end, text[start:end], "quantity", 1.0, unit))
        else:
            value = ordinal_value(word) or int(re.sub(r"\D", "", word) or 0)
            if not value:
                continue
            found.append(Figure(start, end, text[start:end], "count", float(value), unit))
    return found


def statements_of(article: Article, enrichment: Enrichment | None) -> list[Statement]:
    """The statements of one article, in text order (figures and quotes need its enrichment)."""
    text = article.text
    spans = list(sentences(text, article.language))
    published = article.published.iso() if article.published else None
    title_end = len(article.title)
    mentions = enrichment.mentions if enrichment else ()
    figures = [f for f in (enrichment.figures if enrichment else ()) if f.kind in CHECKED_FIGURES and not f.relative]
    if enrichment is not None:
        figures = sorted([*figures, *compared_periods(text, figures)], key=lambda f: f.start)
        figures = [f for f in figures if not is_moment(text, f)]
        # the dateline's date ("WASHINGTON, 6 août 2021 (AFP) -") is when the dispatch was filed, not a fact
        datelines = [m.span() for first, end in spans if (m := DATELINE.match(text, first, end))]
        figures = [f for f in figures if not any(lo <= f.start < hi for lo, hi in datelines)]
        figures = sorted(
            [*(_people_counted(text, f) for f in figures), *crowds_told(text, figures, article.language)],
            key=lambda f: f.start,
        )
        if article.language in {None, "fr"}:
            figures = votes_told(text, crowd_parts(text, figures))  # a tally's two sides: two slots
    quotes = enrichment.quotes if enrichment else ()

    def sentence_of(start: int, end: int) -> tuple[int, int]:
        for span in spans:
            if span[0] <= start < span[1]:
                return (span[0], max(span[1], end))
        return (start, end)

    def keys(start: int, end: int) -> frozenset[str]:
        return frozenset(m.key for m in mentions if start <= m.start and m.end <= end)

    def make(kind: str, start: int, end: int, **extra: Any) -> Statement:
        sentence = sentence_of(start, end)
        return Statement(
            article.id,
            article.outlet,
            article.language,
            kind,
            start,
            end,
            text[start:end],
            sentence,
            keys(*sentence),
            published=published,
            when=moment_of(text[sentence[0] : sentence[1]]),
            day=day_of(text[sentence[0] : sentence[1]], published),
            standing=standing(text[sentence[0] : sentence[1]]),
            **extra,
        )

    def figure_statement(figure: Figure) -> Statement:
        lo, hi = sentence_of(figure.start, figure.end)
        local = (figure.start - lo, figure.end - lo)
        others = [(f.start - lo, f.end - lo) for f in figures if f is not figure and lo <= f.start < hi]
        speaker = next(  # a number inside a direct quote is its speaker's ("« Nous étions 30 000 »")
            (q.speaker for q in quotes if q.kind == "direct" and q.start <= figure.start and figure.end <= q.end), None
        )
        before = [f for f in figures if f.end <= figure.start and lo <= f.start]
        total = before[-1] if before and _PART_OF_TOTAL.fullmatch(text, before[-1].end, figure.start) else None
        return make(
            "figure",
            figure.start,
            figure.end,
            figure=figure,
            holder=age_holder(text, figure),
            part_of=total.start if total is not None else None,
            attributed_to=speaker or source_for(text[lo:hi], local, others),
            frame=_with_area(
                replace(
                    frame_of(
                        text[lo:hi],
                        local,
                        others,
                        article.language,
                        [(m.start, m.end) for m in sources_in(text[lo:hi])],
                    ),
                    default_year=published[:4] if published else None,
                ),
                [m for m in mentions if m.label == "LOC" and lo <= m.start and m.end <= hi]
                or _last_place(mentions, text.rfind("\n", 0, lo) + 1, lo),
            ),
        )

    found: list[Statement] = []
    found.extend(figure_statement(f) for f in figures)
    found.extend(make("quote", q.start, q.end, quote=q) for q in quotes)
    for first, end in spans:
        dateline = DATELINE.match(text, first, end)
        start = dateline.end() if dateline else first
        sentence = text[start:end]
        if not is_statement(sentence, _line_of(text, start), title=end <= title_end):
            continue
        quoted = sum(max(0, min(end, q.end) - max(start, q.start)) for q in quotes if q.kind == "direct")
        if quoted * 2 >= end - start:  # mostly a quote: the quote is the statement
            continue
        inside = tuple(f for f in figures if _inside((start, end), f.start, f.end))
        # "L'alerte a été donnée vers 0h40.", "La RN7 est coupée.", "Il n'est que le quatrième Français …": a
        # claim, naming nothing else
        if (
            keys(start, end)
            or inside
            or clock_told(sentence)
            or roads_told(sentence)
            or _ranked(sentence)
            or scores_told(sentence)
        ):
            markers = sources_in(sentence)
            found.append(make("claim", start, end, figures=inside, attributed_to=markers[0].text if markers else None))
    found.sort(key=lambda s: (s.start, s.kind))
    return _same_source_resolved(found, text)


#: a source named by reference to the one before ("de même source", "selon la même source", "same source")
_SAME_SOURCE = re.compile(r"\b(?:m[êe]mes?\s+sources?|same\s+sources?)\b", re.IGNORECASE)


def _same_source_resolved(statements: list[Statement], text: str) -> list[Statement]:
    """A source named by reference ("De même source, « une centaine d'interpellations »") is the last one the
    article named."""
    last: str | None = None
    out: list[Statement] = []
    for statement in statements:
        source = statement.attributed_to
        if (source and _SAME_SOURCE.search(source)) or (
            source is None and _SAME_SOURCE.search(text, *statement.sentence)
        ):
            statement = replace(statement, attributed_to=last)  # noqa: PLW2901
        elif source:
            last = source
        out.append(statement)
    return out
