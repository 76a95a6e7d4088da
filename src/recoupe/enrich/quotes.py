"""Reported speech in an article: direct quotes (between quotation marks, or a block quote signed by a
dash line) and indirect quotes (``X a affirmé que …``, ``selon X, …``), with their speaker.

``extract_quotes(doc, mentions, language)`` reads a spaCy ``Doc`` of ``Article.text`` and the article's
entity mentions (offsets into ``doc.text``). Rules per kind: ``quotes_direct``, ``quotes_indirect``; this
module settles overlaps and asks ``quotes_speakers`` who speaks: the speaker phrase resolved to a name, a
pronoun's antecedent or a description, then read by the referent rules (``referents``); in French,
``speaker_rank`` then picks among the article's candidates.

Interviews and dialogues (``quotes_dialogue``): each answer is a quote of the interviewee, questions are
none, dash-dialogue turns go to whoever speaks them; a replying pronoun goes to the other person of the
exchange (``referent_turns``).

A quote with no attribution that follows an attributed one closely is a continuation (same speaker, no
cue), unless another person is introduced as a main-clause subject in between (a name, or a description
resolved to a person): then that person; a long quote with no attribution and no quote close before is
from the main-clause subject of the sentence before it, unless that is an outlet; headline quotes keep no
speaker.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from recoupe.enrich.coref import lead_in_subjects
from recoupe.enrich.quotes_dialogue import Turn, interviewee, most_named, turns
from recoupe.enrich.quotes_direct import Attribution, DirectCandidate, block_quotes, direct_candidates
from recoupe.enrich.quotes_indirect import IndirectCandidate, indirect_candidates
from recoupe.enrich.quotes_parse import Context, NounPhrase
from recoupe.enrich.quotes_speakers import Resolver, outlet, refer_speaker
from recoupe.enrich.referents import Referent
from recoupe.enrich.roles import find_roles
from recoupe.enrich.speaker_rank import Found, rerank, with_speaker
from recoupe.enrich.speakers_describe import ORG_NOUNS, first_person_singular
from recoupe.enrich.speech import fold
from recoupe.model import Quote

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc

    from recoupe.model import Mention

__all__ = ["extract_quotes", "rule_quotes"]

#: a continuation quote starts at most this many characters after the previous quote ends
CONTINUATION_GAP = 400
#: an unattributed quote with at least this many words is kept (with no speaker)
LONG_QUOTE_WORDS = 8


def _sentence_like(text: str) -> bool:
    return bool(text) and (text[0].isupper() or len(text.split()) >= 4)


@dataclass(frozen=True, slots=True)
class _Item:
    start: int
    end: int
    kind: str
    attribution: Attribution
    anchor: int  # where the quote's closing mark (or end) is, for continuation distances
    after: int = -1  # for a continuation: where the quote it continues ends


def _indirects(ctx: Context) -> list[_Item]:
    items: list[_Item] = []
    reach = -1  # candidates come sorted by start: one nested in an earlier one ends before ``reach``
    framing = -1  # a ``Comme le révèle X,`` clause may hold another report ("…, X confie que …")
    for c in _nearest_cue_first(indirect_candidates(ctx)):
        if items and _reported_by_source(items[-1], c):
            items[-1] = _Item(c.start, c.end, "indirect", c.attribution, c.end)  # the person speaks, not the outlet
            continue
        if c.end <= reach and c.end > framing:
            continue
        if c.end <= reach:
            framing = -1
        reach = max(reach, c.end)
        if fold(c.attribution.cue or "").startswith("comme "):
            framing = c.end
        items.append(_Item(c.start, c.end, "indirect", c.attribution, c.end))
    return items


def _nearest_cue_first(candidates: list[IndirectCandidate]) -> list[IndirectCandidate]:
    """Of two readings of one clause ("…, a ajouté cette source, précisant que …": read from "a ajouté" and
    from "précisant"), the one from the gerund right before it comes first (and is kept)."""

    def cue(c: IndirectCandidate) -> int:
        at = c.attribution.cue_start
        gerund = fold(c.attribution.cue or "").endswith("ant")
        return -at if gerund and at is not None and at < c.start else 0

    return sorted(candidates, key=lambda c: (c.start, -c.end, cue(c)))


def _reported_by_source(outer: _Item, inner: IndirectCandidate) -> bool:
    """ "M. Kim a dit à M. Xi que …, selon KCNA": a ``selon`` source around a clause whose own cue has a
    subject (the outlet reports what that subject said)."""
    sources = ("selon", "d'apres", "according")
    source = fold(outer.attribution.cue or "").startswith(sources)
    own = inner.attribution.phrase is not None and not fold(inner.attribution.cue or "").startswith(sources)
    return source and own and outer.start < inner.start and inner.end == outer.end


def _directs(ctx: Context, indirects: list[_Item], dialogue: list[Turn]) -> list[_Item]:
    """Direct quotes: block quotes, turns of an interview or a dialogue, then quoted passages; a passage
    inside an indirect quote takes that quote's attribution unless a cue follows it directly; unattributed
    ones become continuations of the nearest earlier quote, headline quotes, long unattributed quotes, or
    are dropped. A passage inside a turn is part of it, unless a cue gives it a speaker of its own."""
    blocks = block_quotes(ctx)
    out = [_Item(b.start, b.end, "direct", b.attribution, b.end) for b in blocks if b.attribution is not None]
    out += [
        _Item(t.start, t.end, "direct", Attribution(t.speaker, t.cue, t.cue_start, "turn"), t.end)
        for t in dialogue
        if not t.question
    ]
    taken = [(b.start, b.end) for b in blocks]
    candidates = [
        c
        for c in direct_candidates(ctx)
        if not any(a <= c.start and c.end <= b for a, b in taken) and not _inside_turn(c, dialogue)
    ]
    candidates = _chain(ctx, candidates)
    ends = [i.end for i in indirects]  # indirects are sorted and not nested: ends grow with starts
    previous: _Item | None = None
    for cand in candidates:
        attribution = cand.attribution
        anchor = cand.marked.close_at if cand.marked is not None else cand.end
        opening = cand.marked.open_at if cand.marked is not None else cand.start
        k = bisect.bisect_left(ends, cand.end)
        outer = indirects[k] if k < len(indirects) and indirects[k].start <= cand.start else None
        if (
            outer is not None
            and (attribution is None or attribution.how != "after")
            and not _own_cue(outer, attribution)
        ):
            attribution = outer.attribution
        content = ctx.text[cand.start : cand.end]
        last = previous
        if attribution is None:
            j = bisect.bisect_right(ends, opening) - 1
            if j >= 0 and (last is None or indirects[j].end > last.anchor):
                last = indirects[j]
            close = last is not None and opening - last.anchor <= CONTINUATION_GAP
            if close and last is not None and last.attribution.phrase is not None and _sentence_like(content):
                attribution = Attribution(last.attribution.phrase, None, None, "continuation")
            elif len(content.split()) >= LONG_QUOTE_WORDS and content[0].isupper():
                attribution = Attribution(None, how="unattributed")
            else:
                continue
        after = last.anchor if attribution.how == "continuation" and last is not None else -1
        item = _Item(cand.start, cand.end, "direct", attribution, anchor, after)
        out.append(item)
        if attribution.phrase is not None:
            previous = item
    return out


def _own_cue(outer: _Item, attribution: Attribution | None) -> bool:
    """A quoted passage inside what a source reports, with a cue of its own in the reported clause: "Selon Le
    Point, X a insisté pour ne pas "être vexatoire"" is X's words, the outlet vouches for the clause."""
    if attribution is None or attribution.how != "cue" or attribution.phrase is None:
        return False
    named = attribution.phrase.mention
    if named is None or named.label != "PER" or named.start != attribution.phrase.start:
        return False  # a person named as the clause's subject, not "le gouvernement" nor "l'homme"
    source = fold(outer.attribution.cue or "").startswith(("selon", "d'apres", "according"))
    return source and attribution.cue_start is not None and outer.start <= attribution.cue_start < outer.end


def _inside_turn(cand: DirectCandidate, dialogue: list[Turn]) -> bool:
    """A quoted passage that is a turn's words, or lies in a turn with no cue of its own."""
    for t in dialogue:
        if t.line.start <= cand.start and cand.end <= t.line.end:
            own = cand.attribution is not None and cand.attribution.how in {"cue", "after"}
            return (
                (cand.start, cand.end) == (t.start, t.end)
                or not own
                or cand.attribution is None
                or (t.question and fold(cand.attribution.phrase.text if cand.attribution.phrase else "") in _ASKED)
            )
    return False


def _turn_cue(item: _Item, dialogue: list[Turn]) -> bool:
    """An indirect quote read from a turn's own incise (``– Non, répond le prévenu.``): the turn says it."""
    return any(t.cue_start is not None and item.attribution.cue_start == t.cue_start for t in dialogue)


_ASKED = frozenset({"vous", "tu", "nous", "on", "je", ""})


def _host(ctx: Context, dialogue: list[Turn], before: list[tuple[int, Referent]]) -> NounPhrase | None:
    """Who answers an interview's unnamed turns: the person announced, else the named person who spoke
    in the lead (before the first turn), else the person the article names most."""
    first = dialogue[0].line.start
    found = interviewee(ctx, first)
    if found is not None:
        return found
    for pos, ref in reversed(before):
        m = next((m for m in ctx.mentions if m.key == ref.key), None) if pos < first else None
        if m is not None and ref.kind == "PER" and ref.start is not None and ref.end is not None:
            return NounPhrase(ref.start, ref.end, ctx.text[ref.start : ref.end], m)
    return most_named(ctx, [(t.line.start, t.line.end) for t in dialogue])


def _chain(ctx: Context, candidates: list[DirectCandidate]) -> list[DirectCandidate]:
    """``"A" et "B", a-t-il ajouté``: a quote with no cue right after it takes the attribution of the next
    quote of the same sentence when only a few words separate them and that one has a cue right after it."""
    out = list(candidates)
    for k in range(len(out) - 2, -1, -1):
        here, nxt = out[k], out[k + 1]
        if here.marked is None or nxt.marked is None or nxt.attribution is None or nxt.attribution.how != "after":
            continue
        if here.attribution is not None and here.attribution.how == "after":
            continue
        gap = ctx.text[here.marked.close_at + 1 : nxt.marked.open_at]
        if ctx.text[here.start : here.end].rstrip().endswith((".", "!", "?", "…")):
            continue  # a whole sentence, not a fragment waiting for the next quote's cue
        if not gap.strip() and ctx.text[nxt.start : nxt.start + 1].isupper():
            continue  # '"Un petit pays""Nous sommes …", a-t-il dit': an intertitle glued to the next quote
        if len(gap.split()) <= 4 and ctx.sentence_of(here.marked.close_at) == ctx.sentence_of(nxt.marked.open_at):
            out[k] = DirectCandidate(here.start, here.end, nxt.attribution, here.marked)
    return out


def extract_quotes(doc: Doc, mentions: Iterable[Mention], language: str) -> list[Quote]:
    """Direct and indirect quotes of ``doc``, sorted by start offset, with resolved speakers."""
    ctx, found = rule_quotes(doc, mentions, language)
    return rerank(ctx, found) if language == "fr" else [f.quote for f in found]


def rule_quotes(doc: Doc, mentions: Iterable[Mention], language: str) -> tuple[Context, list[Found]]:
    """The article read and its quotes, each with the attribution read and the referent rule that answered."""
    ctx = Context(doc, language, list(mentions))
    dialogue = turns(ctx) if language == "fr" else []
    indirects = _indirects(ctx)
    directs = _directs(ctx, indirects, dialogue)
    spans = {(d.start, d.end) for d in directs}
    items = directs + [i for i in indirects if (i.start, i.end) not in spans and not _turn_cue(i, dialogue)]
    items.sort(key=lambda item: (item.start, -item.end))
    roles = find_roles(doc, ctx.mentions)
    resolver = Resolver(ctx, [(item.start, item.end) for item in items], roles)
    before: list[tuple[int, Referent]] = []
    quotes: list[Found] = []
    for item in items:
        attribution = item.attribution
        if attribution.how == "continuation":
            newer = resolver.introduced(item.after, item.start)
            if newer is not None:
                attribution = Attribution(newer, None, None, "continuation")
        if attribution.how == "turn" and attribution.phrase is None:
            attribution = Attribution(_host(ctx, dialogue, before), attribution.cue, attribution.cue_start, "turn")
        first_person = first_person_singular(ctx.text[item.start : item.end])
        phrase = attribution.phrase
        if attribution.how == "unattributed":  # the person the sentence before the quote is about
            lead_in = lead_in_subjects(ctx, item.start, ORG_NOUNS, resolver.reported)
            phrase = next((p for p in lead_in if not outlet(p)), None)
        speaker = resolver.resolve(phrase, item.start, cued=attribution.cue is not None, person=first_person)
        referent = refer_speaker(ctx, resolver, speaker, at=item.start, before=before, roles=roles, cue=attribution.cue)
        if referent.name:
            before.append((item.start, referent))
            resolver.settle(speaker, referent)
        quote = Quote(
            start=item.start,
            end=item.end,
            text=ctx.text[item.start : item.end],
            kind=item.kind,
            cue=attribution.cue,
            cue_start=attribution.cue_start,
            role=attribution.role,
        )
        quote = with_speaker(quote, referent)
        quotes.append(Found(quote, replace(attribution, phrase=phrase), referent.rule))
    return ctx, quotes
