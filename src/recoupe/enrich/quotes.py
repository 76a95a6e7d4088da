"""Reported speech in an article: direct quotes (between quotation marks, or a block quote signed by a
dash line) and indirect quotes (``X a affirmé que …``, ``selon X, …``), with their speaker.

``extract_quotes(doc, mentions, language)`` reads a spaCy ``Doc`` of ``Article.text`` (French or English)
and the article's entity mentions; offsets of the returned ``Quote`` objects are into ``doc.text``.
The rules for each kind are in ``quotes_direct`` and ``quotes_indirect``; this module settles overlaps
and resolves speakers:

- a phrase that is or contains a name (as head or apposition) takes the mention's canonical name and key;
- a pronoun (il/elle/ils/elles, he/she/they, the ``-t-il`` of an inversion) takes, for the singular, the
  last person named as subject of a main clause (outside quotation marks) after the last singular speaker,
  else that speaker; for the plural, the last speaker that looks plural ("les signataires", "X et Y").
  This is a guess: no gender agreement is checked;
- a definite description ("le musicien", "l'élu LR") takes the person named next to the same noun earlier
  ("le musicien Jean-Michel Jarre"); "ce dernier" the last person named; descriptions of organisations
  ("le ministère", "la direction") and unmatched ones stay as written;
- a description with no name ("un policier", "la direction de la Poste") is kept as written.

A quote with no attribution that follows an attributed one closely is a continuation (same speaker, no
cue); headline quotes keep no speaker.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from recoupe.enrich.quotes_direct import Attribution, DirectCandidate, block_quotes, direct_candidates
from recoupe.enrich.quotes_indirect import indirect_candidates
from recoupe.enrich.quotes_parse import Context, NounPhrase
from recoupe.enrich.speech import fold
from recoupe.model import Quote

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Doc

    from recoupe.model import Mention

__all__ = ["extract_quotes"]

#: a continuation quote starts at most this many characters after the previous quote ends
CONTINUATION_GAP = 400
#: how many earlier speakers a pronoun looks back at
HISTORY = 30
#: a cue whose subject is not found takes the last speaker when it spoke at most this far before
CUE_REACH = 500
#: an unattributed quote with at least this many words is kept (with no speaker)
LONG_QUOTE_WORDS = 8

_PLURAL = frozenset({"ils", "elles", "they", "eux"})
_FEMININE = frozenset({"elle", "elles", "she"})
_DEFINITE = frozenset({"le", "la", "l'", "ce", "cette", "the", "this"})
_MODIFIERS = frozenset(
    {
        "ancien",
        "ancienne",
        "ex",
        "jeune",
        "nouveau",
        "nouvelle",
        "premier",
        "premiere",
        "actuel",
        "actuelle",
        "former",
        "new",
    }
)
_ORG_NOUNS = frozenset(
    [
        "ministere",
        "direction",
        "syndicat",
        "federation",
        "journal",
        "magazine",
        "quotidien",
        "hebdomadaire",
        "chaine",
        "parquet",
        "entourage",
        "gouvernement",
        "police",
        "gendarmerie",
        "mairie",
        "prefecture",
        "site",
        "agence",
        "societe",
        "entreprise",
        "groupe",
        "compagnie",
        "association",
        "tribunal",
        "cour",
        "rapport",
        "etude",
        "sondage",
        "organisme",
        "institut",
        "collectif",
        "conseil",
        "commission",
        "parti",
        "service",
        "departement",
        "armee",
        "poste",
        "reglement",
        "article",
        "texte",
        "communique",
        "document",
        "ville",
        "etat",
        "pays",
        "club",
        "equipe",
        "fondation",
        "office",
        "bureau",
        "administration",
        "autorite",
        "autorites",
        "medias",
        "media",
        "executif",
        "elysee",
        "palais",
        "assemblee",
        "senat",
        "union",
        "radio",
        "television",
        "station",
        "presse",
        "revue",
        "tabloid",
        "company",
        "government",
        "ministry",
        "police",
        "office",
        "report",
        "study",
        "newspaper",
    ]
)
#: a definite description refers to a person named next to the same noun at most this far before it
DESCRIPTION_REACH = 1500
_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "lui", "eux", "he", "she", "they", "him", "her", "them"})


@dataclass(frozen=True, slots=True)
class _Speaker:
    name: str | None
    key: str | None
    start: int | None
    end: int | None


class _Resolver:
    """Resolves phrases to speakers in text order, remembering who spoke where."""

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.history: list[tuple[int, _Speaker]] = []

    def resolve(self, phrase: NounPhrase | None, at: int, *, cued: bool = False) -> _Speaker:
        if phrase is None:
            # a cue with no subject found ("en précisant que", "Avant d'ajouter que"): the last speaker
            if cued and self.history and at - self.history[-1][0] <= CUE_REACH:
                return self.history[-1][1]
            return _Speaker(None, None, None, None)
        before = min(at, phrase.start)
        if phrase.pronoun or fold(phrase.text) in _PRONOUNS:
            found = self._antecedent(fold(phrase.text), before)
            speaker = _Speaker(
                found.name if found else phrase.text, found.key if found else None, phrase.start, phrase.end
            )
        elif phrase.mention is not None:
            m = phrase.mention
            speaker = _Speaker(m.canonical, m.key, phrase.start, phrase.end)
        else:
            text = phrase.text.strip()
            person = self._described(text, before)
            if person is not None:
                speaker = _Speaker(person.canonical, person.key, phrase.start, phrase.end)
            else:
                speaker = _Speaker(text, None, phrase.start, phrase.end)
        if speaker.name and fold(speaker.name) not in _PRONOUNS:
            self.history.append((before, speaker))
        return speaker

    def _persons_before(self, char: int) -> list[Mention]:
        return [m for m in self.ctx.mentions_before(char) if m.label == "PER" and not self.ctx.quoted(m.start)]

    def _described(self, text: str, before: int) -> Mention | None:
        """The person a definite description refers to ("le musicien" → the musician named earlier):
        a person named next to the description's noun earlier on, else the last person named within
        ``DESCRIPTION_REACH`` characters. Descriptions of organisations are left alone."""
        words = fold(text).replace("'", "' ").split()
        if len(words) < 2 or words[0] not in _DEFINITE:
            return None
        nouns = [w for w in words[1:] if w not in _MODIFIERS]
        if not nouns or nouns[0] in _ORG_NOUNS or words[0] in {"les", "ces"}:
            return None
        head = nouns[0]
        persons = self._persons_before(before)
        if words[:2] == ["ce", "dernier"] or words[:2] == ["cette", "derniere"]:
            return persons[0] if persons else None
        for m in persons:
            around = fold(self.ctx.text[max(0, m.start - 40) : m.end + 50])
            if re.search(rf"\b{re.escape(head)}\b", around) and before - m.end <= DESCRIPTION_REACH:
                return m
        return None

    def _antecedent(self, pronoun: str, before: int) -> _Speaker | None:
        history = [(pos, s) for pos, s in self.history[-HISTORY:] if pos <= before]
        if pronoun in _PLURAL:
            plural = [(pos, s) for pos, s in history if s.name and _looks_plural(s.name)]
            return plural[-1][1] if plural else None
        singular = [(pos, s) for pos, s in history if s.name and not _looks_plural(s.name)]
        last_pos, last = singular[-1] if singular else (-1, None)
        persons = self._persons_before(before)
        subject = next((m for m in persons if m.start > last_pos and self._is_subject(m)), None)
        if subject is not None:
            return _Speaker(subject.canonical, subject.key, subject.start, subject.end)
        if last is not None:
            return last
        if persons:
            return _Speaker(persons[0].canonical, persons[0].key, persons[0].start, persons[0].end)
        return None

    def _is_subject(self, m: Mention) -> bool:
        ctx = self.ctx
        tok = ctx.doc[ctx.token_covering(m.start)]
        if tok.dep_ in {"appos", "flat:name"}:
            tok = tok.head
        return tok.dep_.startswith("nsubj") and tok.head.dep_ == "ROOT"


def _looks_plural(name: str) -> bool:
    words = fold(name).split()
    return bool(words) and (words[0] in {"les", "des", "ces", "plusieurs"} or " et " in f" {fold(name)} ")


def _sentence_like(text: str) -> bool:
    return bool(text) and (text[0].isupper() or len(text.split()) >= 4)


@dataclass(frozen=True, slots=True)
class _Item:
    start: int
    end: int
    kind: str
    attribution: Attribution
    anchor: int  # where the quote's closing mark (or end) is, for continuation distances


def _indirects(ctx: Context) -> list[_Item]:
    items: list[_Item] = []
    reach = -1  # candidates come sorted by start: one nested in an earlier one ends before ``reach``
    for c in indirect_candidates(ctx):
        if c.end <= reach:
            continue
        reach = max(reach, c.end)
        items.append(_Item(c.start, c.end, "indirect", c.attribution, c.end))
    return items


def _directs(ctx: Context, indirects: list[_Item]) -> list[_Item]:
    """Direct quotes: block quotes, then quoted passages; a passage inside an indirect quote takes that
    quote's attribution unless a cue follows it directly; unattributed ones become continuations of the
    nearest earlier quote, headline quotes, long unattributed quotes, or are dropped."""
    blocks = block_quotes(ctx)
    out = [_Item(b.start, b.end, "direct", b.attribution, b.end) for b in blocks if b.attribution is not None]
    taken = [(b.start, b.end) for b in blocks]
    candidates = [c for c in direct_candidates(ctx) if not any(a <= c.start and c.end <= b for a, b in taken)]
    candidates = _chain(ctx, candidates)
    ends = [i.end for i in indirects]  # indirects are sorted and not nested: ends grow with starts
    previous: _Item | None = None
    for cand in candidates:
        attribution = cand.attribution
        anchor = cand.marked.close_at if cand.marked is not None else cand.end
        opening = cand.marked.open_at if cand.marked is not None else cand.start
        k = bisect.bisect_left(ends, cand.end)
        outer = indirects[k] if k < len(indirects) and indirects[k].start <= cand.start else None
        if outer is not None and (attribution is None or attribution.how != "after"):
            attribution = outer.attribution
        content = ctx.text[cand.start : cand.end]
        if attribution is None:
            last = previous
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
        item = _Item(cand.start, cand.end, "direct", attribution, anchor)
        out.append(item)
        if attribution.phrase is not None:
            previous = item
    return out


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
        if len(gap.split()) <= 4 and ctx.sentence_of(here.marked.close_at) == ctx.sentence_of(nxt.marked.open_at):
            out[k] = DirectCandidate(here.start, here.end, nxt.attribution, here.marked)
    return out


def extract_quotes(doc: Doc, mentions: Iterable[Mention], language: str) -> list[Quote]:
    """Direct and indirect quotes of ``doc``, sorted by start offset, with resolved speakers."""
    ctx = Context(doc, language, list(mentions))
    indirects = _indirects(ctx)
    directs = _directs(ctx, indirects)
    spans = {(d.start, d.end) for d in directs}
    items = directs + [i for i in indirects if (i.start, i.end) not in spans]
    items.sort(key=lambda item: (item.start, -item.end))
    resolver = _Resolver(ctx)
    quotes: list[Quote] = []
    for item in items:
        attribution = item.attribution
        speaker = resolver.resolve(attribution.phrase, item.start, cued=attribution.cue is not None)
        quotes.append(
            Quote(
                start=item.start,
                end=item.end,
                text=ctx.text[item.start : item.end],
                kind=item.kind,
                speaker=speaker.name,
                speaker_key=speaker.key,
                speaker_start=speaker.start,
                speaker_end=speaker.end,
                cue=attribution.cue,
                cue_start=attribution.cue_start,
                role=attribution.role,
            )
        )
    return quotes
