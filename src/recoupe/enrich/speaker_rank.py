"""A learned speaker chooser: the rules' speaker of a quote against the article's other persons and
organisations, scored by a logistic regression over features that do not depend on the article's words.

For each quote ``candidates`` lists who may speak it: the rules' choice (``quotes.rule_quotes``), every
person or organisation the article names outside quotation marks (and any entity the rules made a speaker),
and the speaker phrase as written when the rules named nobody for it (never a description in place of the
name the rules resolved it to: the lenient metric would count that right while it names less). Each
candidate gets ``FEATURES``: whether the rules chose it, how the quote was found and which referent rule
answered, its kind, whether the speaker phrase or the cue's subject names it, how far before and after the
quote it is named, in the same or the previous sentence, as a main-clause subject or a complement, inside
the quote itself, how often the article names it and the rules quote it, whether it spoke the previous
quote, and whether its gender agrees with a pronoun speaker. ``choose`` takes the candidate with the
highest score under the weights of ``data/speaker_rank.json`` (written by ``bench/speaker_rank.py``, which
measures it); ``rerank`` applies it, in plain Python, and ``quotes.extract_quotes`` uses it for French: left
out of its training, report4 (never tuned on) rose 2.3 points of speaker accuracy and every other set gained,
no speaker the rules had right turned wrong (bench/README.md, session 13).
"""

from __future__ import annotations

import bisect
import json
import math
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from recoupe.enrich import referent_words as lex
from recoupe.enrich.coref import entity_gender, pronoun_gender
from recoupe.enrich.referent_speakable import can_speak, kind_of_head
from recoupe.enrich.speakers_describe import complement, first_person_singular, opens_sentence
from recoupe.enrich.speech import fold

if TYPE_CHECKING:
    from collections.abc import Sequence

    from recoupe.enrich.quotes_direct import Attribution
    from recoupe.enrich.quotes_parse import Context, NounPhrase
    from recoupe.model import Mention, Quote

__all__ = [
    "FEATURES",
    "Candidate",
    "Found",
    "Speaking",
    "candidates",
    "choose",
    "load_weights",
    "rerank",
    "with_speaker",
]

WEIGHTS = Path(__file__).parent / "data" / "speaker_rank.json"

_HOWS = ("cue", "after", "continuation", "turn", "unattributed", "block")
#: the referent rules (``referents.RULES``) that gave the rules' choice, in groups
_BY = {
    "named_entity": "named",
    "name_inside": "named",
    "reply_turn": "reply",
    "pronoun_subject": "pronoun",
    "demonstrative": "pronoun",
    "demonstrative_description": "pronoun",
    "carrier_source": "carrier",
    "not_a_speaker": "replaced",
    "role_of_entity": "role",
    "role_next_to_name": "role",
    "organisation_named": "role",
    "last_speaker_in_role": "salient",
    "salient_person": "salient",
    "salient_organisation": "salient",
    "continued_description": "salient",
}
_GROUPS = ("named", "reply", "pronoun", "carrier", "replaced", "role", "salient")

#: the features of a candidate, in order
FEATURES: tuple[str, ...] = (
    "rule",
    *(f"rule_{how}" for how in (*_HOWS, "other")),
    "rule_pronoun",
    "rule_unresolved",
    "rule_none",
    "rule_phrase_name",
    *(f"by_{group}" for group in _GROUPS),
    "description",
    "mute",
    "one_word",
    "per",
    "org",
    "media",
    "in_phrase",
    "cue_subject",
    "before",
    "before_far",
    "after",
    "after_far",
    "same_sentence",
    "previous_sentence",
    "subject_near",
    "complement_near",
    "in_quote",
    "count",
    "top",
    "previous_speaker",
    "quotes_given",
    "sentences_before",
    "gender_agrees",
    "gender_clashes",
    "first_person_org",
    "first_named",
)


@dataclass(frozen=True, slots=True)
class Found:
    """A quote as the rules attribute it: the attribution read (its phrase the one the speaker was resolved
    from) and the name of the referent rule that answered (``Referent.rule``)."""

    quote: Quote
    attribution: Attribution
    rule: str | None = None


@dataclass(frozen=True, slots=True)
class Candidate:
    """One possible speaker of a quote and its features (``FEATURES`` order)."""

    name: str | None
    key: str | None
    kind: str | None
    start: int | None
    end: int | None
    unresolved: bool
    rule: bool
    features: tuple[float, ...]


@dataclass(frozen=True, slots=True)
class _Entity:
    key: str
    name: str
    kind: str
    mentions: tuple[tuple[int, int], ...]  # spans of its mentions outside quotation marks, in text order
    inside: tuple[int, ...]  # starts of its mentions inside quotation marks
    gender: str | None


def _entities(ctx: Context, rule_kinds: dict[str, str]) -> list[_Entity]:
    """The persons and organisations of the article, and whatever else the rules made a speaker."""
    groups: dict[str, list[Mention]] = {}
    for m in ctx.mentions:
        if m.label in {"PER", "ORG"} or m.key in rule_kinds:
            groups.setdefault(m.key, []).append(m)
    out = []
    for key, ms in groups.items():
        outside = tuple((m.start, m.end) for m in ms if not ctx.quoted(m.start))
        labels = [m.label for m in ms]
        kind = rule_kinds.get(key) or ("PER" if "PER" in labels else "ORG")
        if kind == "ORG" and any(fold(m.canonical) in lex.MEDIA_NAMES for m in ms):
            kind = "MEDIA"  # a known outlet ("Le Parisien"), as ``quotes_speakers.outlet`` reads it
        name = max((m.canonical for m in ms), key=len)
        inside = tuple(m.start for m in ms if ctx.quoted(m.start))
        out.append(_Entity(key, name, kind, outside, inside, entity_gender(ctx, ms) if kind == "PER" else None))
    return out


@dataclass(frozen=True, slots=True)
class _Article:
    entities: tuple[_Entity, ...]
    top: str | None  # key of the person named most
    first: int  # where the first mention starts
    given: dict[str, int]  # how many quotes the rules gave each entity


def _log(chars: float) -> float:
    return math.log1p(max(0.0, chars)) / 8


def candidates(ctx: Context, found: Sequence[Found]) -> list[list[Candidate]]:
    """The candidates of each quote of ``found`` (the rules' quotes and attributions), the rules' first."""
    rule_kinds = {f.quote.speaker_key: f.quote.speaker_kind or "ORG" for f in found if f.quote.speaker_key}
    entities = _entities(ctx, {k: v for k, v in rule_kinds.items() if k})
    top = max((e for e in entities if e.kind == "PER"), key=lambda e: len(e.mentions), default=None)
    first = min((m.start for m in ctx.mentions), default=-1)
    given: dict[str, int] = {}
    for f in found:
        if f.quote.speaker_key:
            given[f.quote.speaker_key] = given.get(f.quote.speaker_key, 0) + 1
    article = _Article(tuple(entities), top.key if top is not None else None, first, given)
    out = []
    previous: str | None = None
    for f in found:
        out.append(_of_quote(ctx, article, f, previous))
        previous = f.quote.speaker_key or previous
    return out


def _of_quote(ctx: Context, article: _Article, found: Found, previous: str | None) -> list[Candidate]:
    quote, attribution = found.quote, found.attribution
    phrase = attribution.phrase
    how = attribution.how if attribution.how in _HOWS else "other"
    group = _BY.get(found.rule or "")
    rule_feats = {
        "rule": 1.0,
        f"rule_{how}": 1.0,
        "rule_pronoun": float(phrase is not None and phrase.pronoun),
        "rule_unresolved": float(quote.unresolved),
        "rule_none": float(quote.speaker is None),
        "rule_phrase_name": float(
            phrase is not None and phrase.mention is not None and phrase.mention.key == quote.speaker_key
        ),
    }
    if group is not None:
        rule_feats[f"by_{group}"] = 1.0
    by_key = {e.key: e for e in article.entities}
    rule_entity = by_key.get(quote.speaker_key or "")
    gender = pronoun_gender(phrase.text) if phrase is not None and phrase.pronoun else None
    sentence = ctx.sentence_of(quote.start)
    cue_sentence = ctx.sentence_of(attribution.cue_start) if attribution.cue_start is not None else sentence
    scene = _Scene(
        quote,
        phrase,
        _cue_subjects(ctx, attribution.cue_start),
        (sentence, cue_sentence),
        ctx.sentence_of(max(0, sentence[0] - 1)),
        first_person_singular(quote.text),
        gender,
        previous,
    )
    if rule_entity is not None:
        rule_feats |= _features(ctx, rule_entity, scene, article)
    elif quote.speaker is not None and quote.speaker_start is not None and quote.speaker_end is not None:
        described = _description(ctx, quote.speaker, quote.speaker_start, quote.speaker_end)
        rule_feats |= _features(ctx, described, scene, article)
    rows: list[tuple[Candidate, dict[str, float]]] = [
        (
            Candidate(
                quote.speaker,
                quote.speaker_key,
                quote.speaker_kind,
                quote.speaker_start,
                quote.speaker_end,
                quote.unresolved,
                rule=True,
                features=(),
            ),
            rule_feats,
        )
    ]
    for e in article.entities:
        if e is rule_entity or not e.mentions:
            continue
        near = min(e.mentions, key=lambda span: abs(span[0] - quote.start))
        feats = _features(ctx, e, scene, article)
        rows.append((Candidate(e.name, e.key, e.kind, near[0], near[1], False, False, ()), feats))
    if (
        phrase is not None
        and not phrase.pronoun
        and phrase.mention is None
        and rule_entity is None
        and phrase.text.strip() != quote.speaker
    ):  # never the description back where the rules named whom it describes
        described = _description(ctx, phrase.text, phrase.start, phrase.end)
        feats = _features(ctx, described, scene, article)
        rows.append((Candidate(phrase.text.strip(), None, None, phrase.start, phrase.end, True, False, ()), feats))
    return [replace(c, features=_vector(f)) for c, f in rows]


def _description(ctx: Context, text: str, start: int, end: int) -> _Entity:
    """A description as written, as a one-mention entity of no key, ``PER``/``ORG``/``MEDIA`` after its
    head noun, ``NONE`` when it cannot speak (``referent_speakable``)."""
    kind = (kind_of_head(lex.description_head(text)) or "") if can_speak(ctx, text, start) else "NONE"
    return _Entity("", text, kind, ((start, end),), (), None)


@dataclass(frozen=True, slots=True)
class _Scene:
    """What the features of every candidate of one quote read."""

    quote: Quote
    phrase: NounPhrase | None
    subjects: frozenset[int]  # offsets of the cue verb's subject tokens
    sentences: tuple[tuple[int, int], ...]  # the quote's and the cue's sentences
    prior: tuple[int, int]  # the sentence before the quote's
    first_person: bool
    gender: str | None  # of a pronoun speaker phrase
    previous: str | None  # key of the previous quote's speaker


def _features(ctx: Context, e: _Entity, scene: _Scene, article: _Article) -> dict[str, float]:
    q, ph = scene.quote, scene.phrase
    feats: dict[str, float] = {e.kind.lower(): 1.0} if e.kind in {"PER", "ORG", "MEDIA"} else {}
    if not e.key:
        feats["description"] = 1.0
        feats["mute"] = float(e.kind == "NONE")
        feats["one_word"] = float(len(e.name.split()) < 2)
    spans = e.mentions
    if ph is not None and any(ph.start <= a < ph.end or a <= ph.start < b for a, b in spans):
        feats["in_phrase"] = 1.0
    if any(any(a <= x < b for x in scene.subjects) for a, b in spans):
        feats["cue_subject"] = 1.0
    before = [(a, b) for a, b in spans if b <= q.start]
    after = [(a, b) for a, b in spans if a >= q.end]
    feats["before"] = float(bool(before))
    feats["before_far"] = _log(q.start - before[-1][1]) if before else 1.5
    feats["after"] = float(bool(after))
    feats["after_far"] = _log(after[0][0] - q.end) if after else 1.5
    if any(lo <= a < hi for a, _ in spans for lo, hi in scene.sentences):
        feats["same_sentence"] = 1.0
    lo, hi = scene.prior
    if any(lo <= a < hi for a, _ in spans):
        feats["previous_sentence"] = 1.0
    if before:
        last = before[-1][0]
        feats["subject_near"] = float(_subject(ctx, last))
        feats["complement_near"] = float(complement(ctx.text, last))
        between = bisect.bisect_right(ctx.breaks, q.start) - bisect.bisect_right(ctx.breaks, last)
        feats["sentences_before"] = min(between, 5) / 5
    else:
        feats["sentences_before"] = 1.0
    feats["in_quote"] = float(any(q.start <= a < q.end for a in e.inside))
    if e.key:
        feats["count"] = math.log1p(len(spans))
        feats["top"] = float(article.top == e.key)
        feats["previous_speaker"] = float(scene.previous == e.key)
        feats["quotes_given"] = math.log1p(article.given.get(e.key, 0))
        feats["first_named"] = float(bool(spans) and spans[0][0] == article.first)
    if scene.gender is not None and e.gender is not None:
        feats["gender_agrees" if scene.gender == e.gender else "gender_clashes"] = 1.0
    feats["first_person_org"] = float(scene.first_person and e.kind in {"ORG", "MEDIA"})
    return feats


def _subject(ctx: Context, start: int) -> bool:
    """Whether the name at ``start`` is a main-clause subject (or opens its sentence)."""
    tok = ctx.doc[ctx.token_covering(start)]
    while tok.head.i != tok.i and tok.dep_ == "flat:name":
        tok = tok.head
    return (tok.dep_.startswith("nsubj") and tok.head.dep_ == "ROOT") or opens_sentence(ctx, start)


def _cue_subjects(ctx: Context, cue_start: int | None) -> frozenset[int]:
    """Character offsets of the tokens the parse makes subjects of the cue's verb."""
    if cue_start is None:
        return frozenset()
    doc = ctx.doc
    i = ctx.token_at(cue_start)
    out: set[int] = set()
    for tok in doc[i : min(len(doc), i + 4)]:
        if tok.pos_ in {"VERB", "AUX"}:
            head = tok.head if tok.pos_ == "AUX" else tok
            for child in head.children:
                if child.dep_.startswith("nsubj"):
                    out.update(t.idx for t in child.subtree)
            break
    return frozenset(out)


def _vector(feats: dict[str, float]) -> tuple[float, ...]:
    return tuple(feats.get(name, 0.0) for name in FEATURES)


@cache
def load_weights(path: Path = WEIGHTS) -> tuple[float, ...]:
    """The trained weights, in ``FEATURES`` order (a feature the file lacks weighs nothing)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    weights: dict[str, float] = data["weights"]
    return tuple(float(weights.get(name, 0.0)) for name in FEATURES)


def choose(options: Sequence[Candidate], weights: Sequence[float]) -> Candidate:
    """The candidate with the highest score (the rules' choice on a tie)."""
    best = options[0]
    best_score = _score(best, weights)
    for c in options[1:]:
        score = _score(c, weights)
        if score > best_score:
            best, best_score = c, score
    return best


def _score(c: Candidate, weights: Sequence[float]) -> float:
    return sum(x * w for x, w in zip(c.features, weights, strict=True))


def rerank(ctx: Context, found: Sequence[Found], weights: Sequence[float] | None = None) -> list[Quote]:
    """The quotes of ``found`` with the speaker the weights choose."""
    weights = load_weights() if weights is None else weights
    out = []
    for f, options in zip(found, candidates(ctx, found), strict=True):
        best = choose(options, weights)
        if best.rule:
            out.append(f.quote)
            continue
        out.append(with_speaker(f.quote, best))
    return out


class Speaking(Protocol):
    """Who speaks, as a referent rule (``referents.Referent``) or the chooser (``Candidate``) gives it."""

    @property
    def name(self) -> str | None: ...
    @property
    def key(self) -> str | None: ...
    @property
    def kind(self) -> str | None: ...
    @property
    def start(self) -> int | None: ...
    @property
    def end(self) -> int | None: ...
    @property
    def unresolved(self) -> bool: ...


def with_speaker(quote: Quote, who: Speaking) -> Quote:
    """``quote`` spoken by ``who``: its speaker fields (name, key, kind, mention span, unresolved) set."""
    return replace(
        quote,
        speaker=who.name,
        speaker_key=who.key,
        speaker_start=who.start,
        speaker_end=who.end,
        speaker_kind=who.kind,
        unresolved=who.unresolved,
    )
