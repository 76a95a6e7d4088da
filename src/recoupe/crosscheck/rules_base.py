"""What the rules share (see ``recoupe.crosscheck.rules``): the ``Conflict`` they return, and a text read as
``Word``s, from a spaCy parse (lemma, POS, dependencies) or, without one, from its folded words."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from recoupe.folding import fold

if TYPE_CHECKING:
    from collections.abc import Callable, Hashable, Iterable, Sequence

    from spacy.tokens import Doc

    from recoupe.crosscheck.statements import Statement

__all__ = [
    "KINDS",
    "LIGHT_FORMS",
    "Conflict",
    "Sentence",
    "Word",
    "between",
    "folded_words",
    "sentence_of",
    "sole_claims",
    "stem",
    "stop_words",
]

#: what a conflict can be about
KINDS = ("figure", "date", "negation", "antonym", "quote_wording", "speaker")

_WORD = re.compile(r"\w+", re.UNICODE)
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "’": "'", "ʼ": "'", "‘": "'"})


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two statements that cannot both be right, and why.

    ``kind`` is one of ``KINDS``; ``detail`` says it for a person ("97,4 milliards de dollars vs 300 milliards
    de dollars (offre)"); ``a_span``/``b_span`` are the character offsets (end exclusive) of the conflicting
    figure, word or words in each text. ``relation`` is what the verdict step made of it: ``conflicting`` (the
    outlets disagree), ``updated`` (a count given at two moments: the later value replaces the earlier) or
    ``differs-by-source`` (each outlet reports what another source says).
    """

    kind: str
    detail: str
    a_span: tuple[int, int]
    b_span: tuple[int, int]
    relation: str = "conflicting"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "detail": self.detail,
            "a_span": list(self.a_span),
            "b_span": list(self.b_span),
            "relation": self.relation,
        }


def between(
    a: Statement, span_a: tuple[int, int], b: Statement, span_b: tuple[int, int], *, kind: str, tag: str
) -> Conflict:
    """The conflict between the words at ``span_a`` of claim ``a`` and ``span_b`` of claim ``b`` (offsets into
    each claim's text), told "x vs y (tag)", its spans in each article's text."""
    return Conflict(
        kind,
        f"{a.text[span_a[0] : span_a[1]]} vs {b.text[span_b[0] : span_b[1]]} ({tag})",
        (a.start + span_a[0], a.start + span_a[1]),
        (b.start + span_b[0], b.start + span_b[1]),
    )


def sole_claims(
    claims: Sequence[Statement], told: Callable[[str], Iterable[tuple[str, Hashable]]]
) -> list[tuple[int, int]]:
    """Pairs (indices into ``claims``) of claims of two articles that give the same slot, each article one value of
    it (however often it repeats it): the first claim giving it in each. ``told`` lists a text's (slot, value)
    pairs: each article's only road, only clock time, only rank of one noun."""
    values: dict[tuple[str, str], set[Hashable]] = {}
    first: dict[tuple[str, str], int] = {}
    for index, claim in enumerate(claims):
        for slot, value in told(claim.text):
            values.setdefault((claim.article_id, slot), set()).add(value)
            first.setdefault((claim.article_id, slot), index)
    sole = sorted(key for key, found in values.items() if len(found) == 1)
    return [(first[x], first[y]) for i, x in enumerate(sole) for y in sole[i + 1 :] if x[1] == y[1] and x[0] != y[0]]


def folded_words(text: str) -> list[tuple[str, int, int]]:
    """``(folded word, start, end)`` for each run of letters or digits of ``text`` (offsets into ``text``).

    Ligatures are expanded before folding, which keeps offsets (each folded word is rebuilt from its slice).
    """
    return [(fold(m.group().translate(_LIGATURES)), m.start(), m.end()) for m in _WORD.finditer(text)]


#: conjugated forms of the light verbs, for text read without a parse
LIGHT_FORMS = frozenset(
    {"est", "sont", "etait", "etaient", "sera", "seront", "serait", "fut", "ete", "etre", "a", "ont", "avait",
     "avaient", "aura", "auront", "aurait", "eu", "avoir", "fait", "font", "faisait", "faire", "is", "are", "was",
     "were", "been", "has", "have", "had", "does", "did", "do", "done", "made", "makes", "got", "gets"}
)  # fmt: skip
_FR_ENDINGS = ("aient", "erent", "ions", "ees", "ait", "ant", "ent", "ons", "ire", "ee", "es", "er", "ir",
               "re", "ez", "it", "is", "us", "ue", "e", "s", "i", "u")  # fmt: skip
_EN_ENDINGS = ("ying", "ing", "ied", "ies", "ed", "es", "s", "e")


@dataclass(slots=True)
class Word:
    """A word of a sentence as the rules see it: offsets, folded lemma, and its parse when there is one."""

    i: int
    start: int
    end: int
    key: str  # folded lemma (or stem without a parse)
    pos: str = ""
    dep: str = ""
    head: int = -1
    conditional: bool = False
    children: list[int] = field(default_factory=list)


@dataclass(slots=True)
class Sentence:
    """The words of a text; ``parsed`` when they come from a spaCy parse (with POS and dependencies)."""

    toks: list[Word]
    parsed: bool
    question: bool
    language: str

    def ancestors(self, tok: Word) -> list[Word]:
        out: list[Word] = []
        while tok.head >= 0 and tok.head != tok.i and len(out) < 12:
            tok = self.toks[tok.head]
            out.append(tok)
        return out

    def kids(self, tok: Word, deps: frozenset[str] | None = None) -> list[Word]:
        return [self.toks[c] for c in tok.children if deps is None or self.toks[c].dep in deps]


def stem(word: str, language: str) -> str:
    """A folded word without its inflection ending (crude: for comparing words when there is no parse)."""
    for ending in _EN_ENDINGS if language == "en" else _FR_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 4:
            return word[: -len(ending)]
    return word


@lru_cache(maxsize=4)
def stop_words(language: str) -> frozenset[str]:
    """spaCy's stop words of the language, folded, with the forms of the light verbs."""
    if language == "en":
        from spacy.lang.en.stop_words import STOP_WORDS as EN_STOP

        return frozenset(fold(w) for w in EN_STOP) | LIGHT_FORMS
    from recoupe.enrich import regex_cache

    regex_cache.install()  # importing spacy.lang.fr compiles its huge token pattern: once per machine
    from spacy.lang.fr.stop_words import STOP_WORDS as FR_STOP

    return frozenset(fold(w) for w in FR_STOP) | LIGHT_FORMS


def _from_doc(doc: Doc, language: str) -> Sentence:
    toks: list[Word] = []
    for t in doc:
        key = fold(t.lemma_ or t.text)
        pos = t.pos_
        if pos == "VERB" and any(c.pos_ == "DET" for c in t.children):  # "l'offre" tagged as a verb
            key, pos = fold(t.text).rstrip("sx") or key, "NOUN"
        conditional = "Cnd" in t.morph.get("Mood", [])
        toks.append(Word(t.i, t.idx, t.idx + len(t.text), key, pos, t.dep_.lower(), t.head.i, conditional))
    for tok in toks:
        if tok.head != tok.i:
            toks[tok.head].children.append(tok.i)
    return Sentence(toks, True, doc.text.rstrip().endswith("?"), language)


def _from_words(text: str, language: str) -> Sentence:
    stop = stop_words(language)
    toks = [
        Word(i, s, e, w, "PROPN" if i and text[s].isupper() and w not in stop else "")  # a capital inside: a name
        for i, (w, s, e) in enumerate(folded_words(text))
    ]
    if language == "en":  # "didn't" is read "didn", "t": the "t" is the negation
        for prev, tok in itertools.pairwise(toks):
            if tok.key == "t" and prev.key.endswith("n") and prev.end == tok.start - 1:
                tok.key = "not"
    return Sentence(toks, False, text.rstrip().endswith("?"), language)


def sentence_of(text: str, language: str, doc: Doc | None) -> Sentence:
    """``text`` read for the rules: from its parse ``doc`` when given, else from its folded words."""
    return _from_doc(doc, language) if doc is not None else _from_words(text, language)
