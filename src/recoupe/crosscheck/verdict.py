"""Verdicts: for each group of aligned statements, what do the sources make of it?

- **conflicting**: two statements of *different* independent sources in the group are incompatible by the
  rules of ``recoupe.crosscheck.rules``: the same figure slot with values that rounding cannot reconcile,
  two different years or days, a quote whose words differ beyond punctuation or that is given to different
  speakers, a negated or opposite predicate — for the *same* attributed source or for none. Each conflict
  cites the exact span in each article (offsets into the article's text). In a figure slot, a value one
  source shares with the other is agreement even if the other also gives a different value there (a total
  and a part; two people's ages). Only direct quotes can conflict on wording: reported speech is paraphrase.
- **updated**: incompatible values of a count that moves (a toll, a turnout, arrests: ``updates.EVOLVING``, or a
  sentence that says "bilan provisoire" / "dernier bilan") given at two known, different moments (the
  articles' publication times, a time in the sentence): the later value replaces the earlier one; the
  verdict's ``timeline`` orders the statements.
- **differs-by-source**: incompatible values or claims that the outlets attribute to different sources
  ("selon la préfecture, 8 000" / "selon les organisateurs, 30 000"), or that one attributes to a source and
  the other states: each outlet reports what someone says; shown as "X says a, Y says b".
- **corroborated**: no conflict and at least two independent sources. A wire copy counts for the outlet of
  the article it copies: five sites running one AFP dispatch corroborate nothing by themselves; the copies
  are listed as copies.
- **differing**: kept for reports stored by earlier versions (entity co-mention, which is not a verdict);
  no rule gives it now.
- **single-source**: one independent source says it.

A group takes the most telling relation among its pairs: conflicting, then updated, then differs-by-source.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from recoupe.crosscheck.clock import clock_conflicts
from recoupe.crosscheck.frames import concept
from recoupe.crosscheck.places import place_conflicts
from recoupe.crosscheck.ranks import rank_conflicts
from recoupe.crosscheck.roads import road_conflicts
from recoupe.crosscheck.rules import (
    Conflict,
    compatible_in,
    figure_conflict,
    polarity_conflicts,
    quote_conflicts,
    values_compatible,
)
from recoupe.crosscheck.rules_quotes import same_speaker
from recoupe.crosscheck.scores import score_conflicts
from recoupe.crosscheck.updates import moved, relation, timeline_of
from recoupe.crosscheck.weekdays import day_conflicts
from recoupe.folding import fold

if TYPE_CHECKING:
    from collections.abc import Mapping

    from recoupe.crosscheck.align import Group
    from recoupe.crosscheck.statements import Statement
    from recoupe.enrich.nlp import NlpModels
    from recoupe.model import Quote

__all__ = ["VERDICTS", "Verdict", "judge", "one_reading"]

VERDICTS = ("conflicting", "updated", "differs-by-source", "corroborated", "differing", "single-source")
#: share of words two sentences around one quote have in common (difflib ratio) to be one report of it
SAME_REPORT = 0.6
SEVERITY = ("conflicting", "updated", "differs-by-source")


@dataclass(frozen=True, slots=True)
class Verdict:
    """A group of statements with its verdict, the independent sources behind it and its conflicts.

    ``conflicts`` pairs each ``Conflict`` with the two statements it was found between.
    """

    kind: str
    verdict: str
    subject: str
    statements: tuple[Statement, ...]
    sources: tuple[str, ...]  # independent sources, by name
    copies: tuple[tuple[str, str], ...]  # (article id, id of the article it copies)
    conflicts: tuple[tuple[Conflict, Statement, Statement], ...] = ()
    details: tuple[tuple[int, int, int], ...] = ()  # (statement index, start, end): what only that source adds
    timeline: tuple[int, ...] = ()  # updated: statement indices from the earliest value to the latest
    score: float = 0.0  # how central the statement is to the story (0..1; orders single-source rows)

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "verdict": self.verdict,
            "subject": self.subject,
            "sources": list(self.sources),
            "statements": [s.to_dict() for s in self.statements],
            "copies": [{"article_id": a, "copy_of": b} for a, b in self.copies],
            "details": [
                {
                    "statement": index,
                    "article_id": self.statements[index].article_id,
                    "start": start,
                    "end": end,
                    "text": self.statements[index].text[start:end],
                }
                for index, start, end in self.details
            ],
            "timeline": [
                {
                    "statement": index,
                    "article_id": self.statements[index].article_id,
                    "published": self.statements[index].published,
                    "when": self.statements[index].when,
                    "text": self.statements[index].text,
                }
                for index in self.timeline
            ],
            "score": round(self.score, 4),
            "conflicts": [
                {
                    **c.to_dict(),
                    "a_article": a.article_id,
                    "b_article": b.article_id,
                    "a_statement": self.statements.index(a),
                    "b_statement": self.statements.index(b),
                }
                for c, a, b in self.conflicts
            ],
        }


def _absolute(found: list[Conflict], a: Statement, b: Statement) -> list[Conflict]:
    """Conflicts found on the statements' texts, with spans moved to their articles' text."""
    return [
        replace(
            c,
            a_span=(c.a_span[0] + a.start, c.a_span[1] + a.start),
            b_span=(c.b_span[0] + b.start, c.b_span[1] + b.start),
        )
        for c in found
    ]


def _sentence_words(statement: Statement, texts: Mapping[str, str] | None) -> list[str] | None:
    if texts is None or statement.article_id not in texts:
        return None
    start, end = statement.sentence
    return _folded(texts[statement.article_id][start:end])


def _folded(text: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in fold(text).casefold()).split()


def _counterparts(statements: tuple[Statement, ...], source_of: Mapping[str, str]) -> set[tuple[int, int]]:
    """Pairs (i < j) of quotes where one is the other's closest wording in its source: an article that
    carries a quote twice, or cut two ways, is compared through its closest version only."""
    words = [_folded(s.text) for s in statements]
    pairs: set[tuple[int, int]] = set()
    for i, statement in enumerate(statements):
        best: dict[str, tuple[float, int]] = {}
        for j, other in enumerate(statements):
            source = source_of[other.article_id]
            if source == source_of[statement.article_id]:
                continue
            score = difflib.SequenceMatcher(None, words[i], words[j], autojunk=False).ratio()
            if source not in best or score > best[source][0]:
                best[source] = (score, j)
        pairs.update((min(i, j), max(i, j)) for _, j in best.values())
    return pairs


def _linked(statements: tuple[Statement, ...], links: frozenset[tuple[int, int]]) -> list[tuple[Statement, ...]]:
    """For each statement of a group, those aligned with it directly (one slot with it)."""
    aligned: list[list[Statement]] = [[] for _ in statements]
    for i, j in links:
        aligned[i].append(statements[j])
        aligned[j].append(statements[i])
    return [tuple(found) for found in aligned]


def _pair_conflicts(
    a: Statement,
    b: Statement,
    group: tuple[Statement, ...],
    kind: str,
    nlp: NlpModels | None,
    *,
    texts: Mapping[str, str] | None = None,
    parallel: bool = False,
    slots: tuple[tuple[Statement, ...], tuple[Statement, ...]] | None = None,
) -> list[Conflict]:
    """Conflicts between two statements of different sources; spans are offsets into each article's text.
    ``parallel``: the two figures stand at one place of one sentence (``align``): another value the article
    gives elsewhere (a lead not updated with its body) does not excuse the change. ``slots``: the statements
    aligned with ``a`` and with ``b`` (a partner that excuses a value is one of them, not any figure of a
    group chained through other slots)."""
    if kind == "figure" and a.figure is not None and b.figure is not None:
        if moved(a, b):  # "au moins 1 419 morts" on Monday, "1 941" on Tuesday: the toll rose
            return [figure_conflict(a.figure, b.figure)]
        slot_a, slot_b = slots if slots is not None else (group, group)
        if (
            _compatible(a, b, texts)
            or (not parallel and _has_partner(a, b.article_id, slot_a, texts))
            or (not parallel and _has_partner(b, a.article_id, slot_b, texts))
            or (a.figure.kind == "date" and fold(a.figure.text) == fold(b.figure.text))  # "le 26" of two ranges
        ):
            return []
        return [figure_conflict(a.figure, b.figure)]
    if kind == "quote" and a.quote is not None and b.quote is not None:
        return _quote_pair_conflicts(a, b, group, texts)
    if kind == "claim" and a.language == b.language:  # figures are compared in their own groups
        found = _absolute(polarity_conflicts(a.text, b.text, a.language or "fr", nlp), a, b)
        french = (a.language or "fr") == "fr"
        rules = (
            (clock_conflicts, day_conflicts, place_conflicts, rank_conflicts, road_conflicts, score_conflicts)
            if french
            else ()
        )
        return found + [c for rule in rules for c in rule(a, b)]
    return []


def _where(conflict: Conflict) -> bool:
    """A conflict on where the event happened: a place (``places``) or a road (``roads``)."""
    return conflict.detail.endswith(("(lieu)", "(route)"))


def _quote_pair_conflicts(
    a: Statement, b: Statement, group: tuple[Statement, ...], texts: Mapping[str, str] | None
) -> list[Conflict]:
    """Wording and speaker conflicts between two quotes of different sources (``_pair_conflicts``)."""
    quote_a, quote_b = a.quote, b.quote
    if quote_a is None or quote_b is None:
        return []
    # a charge quoted as its legal wording ("jugé pour « organisation de manifestations sans déclaration
    # préalable »") is the name of an offence, cut or reworded at will: no wording to conflict over
    both_direct = quote_a.kind == "direct" and quote_b.kind == "direct" and not (_charge(a, texts) or _charge(b, texts))
    named = _named(quote_a) and _named(quote_b)
    sentence_a, sentence_b = _sentence_words(a, texts), _sentence_words(b, texts)
    same_report = (
        sentence_a is not None
        and sentence_b is not None
        and difflib.SequenceMatcher(None, sentence_a, sentence_b, autojunk=False).ratio() >= SAME_REPORT
    )
    # the same words all around the quote: a different speaker is the attribution's doing, not the outlets'
    window_a, window_b = _window_words(a, texts), _window_words(b, texts)
    same_words_around = window_a is not None and window_a == window_b
    # an article that also carries the other's wording word for word: a shorter version of its own
    # (a lead quoting less) is not a conflict; a word replaced still is
    shortened_ok = _carries(a.article_id, b, group) or _carries(b.article_id, a, group)
    # a speaker conflict needs both articles to write a name there: "il" or "le ministre" against a name is
    # an attribution gap, and a pronoun tied to the wrong person is the enrichment's most common slip
    speaker_ok = (
        named
        and not same_words_around
        and _name_written(a, texts)
        and _name_written(b, texts)
        and not _doubtful_speaker(quote_a, quote_b)
    )
    # two people, each named where the outlet quotes them, saying other words: two quotes, neither one quote
    # worded two ways nor one quote given to two people ("il ne faut pas faire d'amalgame" / "il ne faut pas
    # tout confondre")
    found = quote_conflicts(quote_a, quote_b, same_report=same_report, shortened_ok=shortened_ok)
    if speaker_ok and same_speaker(quote_a, quote_b) is False and any(c.kind == "quote_wording" for c in found):
        return []
    # reported speech is paraphrase: its wording may differ; a direct quote's may not
    return [c for c in found if (c.kind != "quote_wording" or both_direct) and (c.kind != "speaker" or speaker_ok)]


#: what stands before a charge in quotation marks: "jugé pour l'«", "du chef «d'", "pour des faits de «"
_CHARGE_BEFORE = re.compile(
    r"\b(?:pour|chef|faits|motif|charged\s+with|accused\s+of)\s+(?:(?:de|des|d['’]|du|l['’]|la|les)\s*)?[«\"“]\s*$",
    re.IGNORECASE,
)


def _charge(statement: Statement, texts: Mapping[str, str] | None) -> bool:
    """Whether the quote is a charge quoted as written in law ("pour « injure publique … »")."""
    if texts is None or statement.article_id not in texts or statement.quote is None:
        return False
    text = texts[statement.article_id]
    return bool(_CHARGE_BEFORE.search(text[max(0, statement.start - 40) : statement.start]))


def _named(quote: Quote) -> bool:
    """A speaker the enrichment tied to an entity and written with a name ("prince Harry", not "il")."""
    words = re.sub(r"^(?:la|le|les|l['’]|the)\s*", "", quote.speaker or "", flags=re.IGNORECASE).split()
    # a name begins with a capital ("prince Harry" aside; "la CGT", "le Medef": an organisation's name after its
    # article): "ministre de la Transformation" is a description
    # an acronym is a name however short ("la CGT", "FO", "l'ONU"); "il", "on" are not
    long_enough = len(quote.speaker or "") > 3 or (len(words) == 1 and len(words[0]) >= 2 and words[0].isupper())
    return bool(quote.speaker_key) and long_enough and bool(words) and words[0][:1].isupper()


def _doubtful_speaker(a: Quote, b: Quote) -> bool:
    """A speaker that is more likely the enrichment's slip than the outlet's word: one named inside the
    quote itself (the person the quote is about: « De nouveau Éric Drouet interpellé… »), or a medium (the
    venue of "a déclaré sur Europe 1 le ministre")."""
    for quote in (a, b):
        if quote.speaker_kind == "MEDIA":
            return True
        surname = fold((quote.speaker or "").split()[-1]) if quote.speaker else ""
        quoted = fold(a.text) + " " + fold(b.text)
        if len(surname) > 2 and re.search(rf"\b{re.escape(surname)}\b", quoted):
            return True
    return False


def _name_written(statement: Statement, texts: Mapping[str, str] | None) -> bool:
    """Whether the mention tying the quote to its speaker is a name in the article (not "il", "who")."""
    quote = statement.quote
    if quote is None or quote.speaker_start is None or quote.speaker_end is None:
        return False
    if texts is None or statement.article_id not in texts:
        return True  # nothing to read it in: the speaker's name stands
    text = texts[statement.article_id]
    mention = text[quote.speaker_start : quote.speaker_end]
    # the speaker's own name, not any capital: "le président du groupe LR" resolved to another president
    # is a description the enrichment tied to someone, not a name the outlet wrote
    surname = fold(quote.speaker.split()[-1]) if quote.speaker else ""
    written = bool(surname) and surname in fold(mention) and any(word[:1].isupper() for word in mention.split())
    # "a commenté la ministre de la Santé, Agnès Buzyn": the name set right after the description, or after the
    # rest of it ("a salué le ministre [de l'Intérieur], Bernard Cazeneuve")
    apposed = re.match(
        r"[^,.;:!?«»()]{0,40}?,\s*([^,.;:!?«»()]{2,40})", text[quote.speaker_end : quote.speaker_end + 100]
    )
    written = written or bool(
        surname and apposed and surname in fold(apposed.group(1)) and apposed.group(1)[:1].isupper()
    )
    # … and written at the quote: its sentence, or the incise right after it ("« … », a déclaré X")
    lo, hi = statement.sentence
    near = lo - NAME_BEFORE <= quote.speaker_start and quote.speaker_end <= max(hi, statement.end) + NAME_AFTER
    return (written and near) or _antecedent_next(quote, text)


#: how far from a quote's sentence the name of its speaker may stand to count as written there
NAME_BEFORE, NAME_AFTER = 20, 120


#: characters read before a quote for the name a pronoun ("ajoute-t-il") stands for
ANTECEDENT_CHARS = 300
_CAPITALISED = re.compile(r"(?<![.!?«\n]\s)(?<!^)\b[A-ZÀ-Ý][\w’'-]+")


def _antecedent_next(quote: Quote, text: str) -> bool:
    """Whether the pronoun naming the speaker ("ajoute-t-il") stands for the speaker of the quote just before.

    "« … », raconte Patrick Lemoine. « … », ajoute-t-il.": a chain of one person's quotes. The name is the
    attribution of the previous quote of the same paragraph (right after its closing mark), and no
    capitalised word other than a sentence's first comes between it and this quote. A pronoun after a
    name that no quote precedes ("X était là. « … », a-t-il dit") stays unwritten: its antecedent is a guess.
    """
    if not quote.speaker:
        return False
    surname = quote.speaker.split()[-1]
    start = min(quote.start, quote.speaker_start or quote.start)
    before = text[max(0, start - ANTECEDENT_CHARS) : start]
    before = before[before.rfind("\n\n") + 1 :]
    at = before.rfind(surname)
    if len(surname) < 3 or at < 0:
        return False
    closing = max(before.rfind("»", 0, at), before.rfind('"', 0, at), before.rfind("”", 0, at))
    attributes_previous = closing >= 0 and _ATTRIBUTION_GAP.fullmatch(before[closing + 1 : at]) is not None
    return attributes_previous and not any(_CAPITALISED.finditer(before, at + len(surname)))


#: what lies between a quote's closing mark and its speaker's name: ", raconte", ", a déclaré le maire"
_ATTRIBUTION_GAP = re.compile(r"[^.!?«»\n]{0,80}")


#: characters read on each side of a quote to tell whether two articles word its surroundings alike
WINDOW = 200


def _window_words(statement: Statement, texts: Mapping[str, str] | None) -> list[str] | None:
    if texts is None or statement.article_id not in texts:
        return None
    text = texts[statement.article_id]
    return _folded(text[max(0, statement.start - WINDOW) : statement.end + WINDOW])


def _carries(article_id: str, statement: Statement, group: tuple[Statement, ...]) -> bool:
    """Whether ``article_id`` has, in the group, a quote worded exactly as ``statement``."""
    words = _folded(statement.text)
    return any(s.article_id == article_id and _folded(s.text) == words for s in group)


def _compatible(a: Statement, b: Statement, texts: Mapping[str, str] | None) -> bool:
    """Whether two figure statements can give the same value, hedges written around them included."""
    if a.figure is None or b.figure is None:
        return False
    if texts is None or a.article_id not in texts or b.article_id not in texts:
        return values_compatible(a.figure, b.figure)
    return compatible_in(texts[a.article_id], a.figure, texts[b.article_id], b.figure)


def _has_partner(
    statement: Statement, other_article: str, group: tuple[Statement, ...], texts: Mapping[str, str] | None
) -> bool:
    """Whether the other article gives, in this slot, a value compatible with ``statement``'s (a total
    and a part, two people's ages: one of them matching is agreement, not conflict)."""
    return any(s.article_id == other_article and _compatible(statement, s, texts) for s in group)


def _local(figure: Any, offset: int) -> Any:
    """A figure with offsets relative to its statement's text (the rules work on the statement alone)."""
    return replace(figure, start=figure.start - offset, end=figure.end - offset)


def judge(
    group: Group,
    source_of: Mapping[str, str],
    copy_of: Mapping[str, str],
    nlp: NlpModels | None = None,
    texts: Mapping[str, str] | None = None,
) -> Verdict:
    """The verdict of ``group``; ``source_of`` maps an article to its independent source, ``copy_of`` copies,
    ``texts`` an article to its text (to read the sentence around a quote)."""
    statements = group.statements
    sources = tuple(dict.fromkeys(source_of[s.article_id] for s in statements))
    copies = tuple((a, copy_of[a]) for a in group.articles if a in copy_of)
    conflicts: list[tuple[Conflict, Statement, Statement]] = []
    closest = _counterparts(statements, source_of) if group.kind == "quote" else None
    aligned = None if group.links is None else _linked(statements, group.links)
    for i, a in enumerate(statements):
        for j in range(i + 1, len(statements)):
            b = statements[j]
            if source_of[a.article_id] == source_of[b.article_id]:
                continue
            unlinked = group.links is not None and (i, j) not in group.links
            if unlinked or (closest is not None and (i, j) not in closest):
                continue
            found = _pair_conflicts(
                a,
                b,
                statements,
                group.kind,
                nlp,
                texts=texts,
                parallel=(i, j) in group.parallel,
                slots=None if aligned is None else (aligned[i], aligned[j]),
            )
            if found:  # an hour or a place told two ways in two claims is when or where the event happened, no
                # source's account: a source named on one side does not excuse it
                conflicts.extend(
                    (replace(c, relation=relation(a, b, "date" if c.kind == "date" or _where(c) else group.kind)), a, b)
                    for c in found
                )
    relations = {c.relation for c, _, _ in conflicts}
    if relations:
        verdict = next(name for name in SEVERITY if name in relations)
    elif len(sources) > 1:
        verdict = "corroborated"
    else:
        verdict = "single-source"
    details = _details(statements, source_of) if verdict == "corroborated" and group.kind == "claim" else ()
    timeline = timeline_of(statements, conflicts) if verdict == "updated" else ()
    return Verdict(group.kind, verdict, group.subject, statements, sources, copies, tuple(conflicts), details, timeline)


_WORD = re.compile(r"\w{4,}")
_STEM = 5  # "rejeté" and "rejet" share their first letters: one word for this purpose


def _stems(text: str) -> set[str]:
    return {w[:_STEM] for w in _WORD.findall(fold(text).casefold())}


def _details(statements: tuple[Statement, ...], source_of: Mapping[str, str]) -> tuple[tuple[int, int, int], ...]:
    """Runs of words one source's sentence has and no other source's sentence in the same language has.

    In a corroborated claim ("OpenAI a rejeté l'offre de Musk *et d'un consortium d'investisseurs*"), what
    only one outlet adds is itself single-source. Sentences in another language are not compared word by word.
    """
    found: list[tuple[int, int, int]] = []
    for index, statement in enumerate(statements):
        others = [
            s
            for s in statements
            if source_of[s.article_id] != source_of[statement.article_id] and s.language == statement.language
        ]
        if not others:
            continue
        known = set().union(*(_stems(s.text) for s in others))
        run: tuple[int, int] | None = None
        for match in _WORD.finditer(statement.text):
            new = fold(match.group()).casefold()[:_STEM] not in known
            if new and run is not None and _joinable(statement.text[run[1] : match.start()]):
                run = (run[0], match.end())
            elif new:
                if run is not None:
                    found.append((index, *run))
                run = (match.start(), match.end())
            elif run is not None:
                found.append((index, *run))
                run = None
        if run is not None:
            found.append((index, *run))
    return tuple(d for d in found if _is_fact(statements[d[0]].text, d[1], d[2]))


_SENTENCE_START = re.compile(r"(^|[.!?:«\"“]\s*)$")


def _is_fact(text: str, start: int, end: int) -> bool:
    """A detail worth showing names something: a number, a name (a capital not opening the sentence), or a
    noun phrase of two content words ("consortium d'investisseurs"); "part", "pour", "dollars" alone are
    words, not facts."""
    run = text[start:end]
    if any(c.isdigit() for c in run):
        return True
    opening = bool(_SENTENCE_START.search(text[:start]))
    words = run.split()
    if any(w[:1].isupper() for w in words[1 if opening else 0 :]):
        return True
    return len([w for w in _WORD.findall(fold(run).casefold()) if w not in _FUNCTION_WORDS]) >= 2


_FUNCTION_WORDS = frozenset(
    {"pour", "dans", "avec", "sans", "sous", "vers", "chez", "mais", "donc", "alors", "elle", "elles", "leur",
     "leurs", "cette", "ces", "sont", "était", "etait", "avait", "plus", "moins", "tres", "aussi", "encore",
     "that", "this", "with", "from", "have", "been", "were", "their", "they", "also", "more", "than", "into"}
)  # fmt: skip


def _joinable(gap: str) -> bool:
    """Words separated by at most a short function word ("de", "d'un", "et") belong to one detail."""
    return len(gap) <= 6 and not any(c in gap for c in ",.;:()")


def _values(a: Statement, b: Statement) -> tuple[tuple[str, object, str], tuple[str, object, str]] | None:
    """The two figures' (article, value, concept of the unit), in article order; ``None`` for no figures."""
    if a.figure is None or b.figure is None:
        return None
    one = (a.article_id, a.figure.value, concept(a.figure.unit or ""))
    other = (b.article_id, b.figure.value, concept(b.figure.unit or ""))
    return (one, other) if one[0] <= other[0] else (other, one)


def one_reading(verdicts: list[Verdict]) -> list[Verdict]:
    """Two values of one count read as an update somewhere are an update wherever they meet again: the title's
    "quatorze départements" against the evening's "treize départements" moved as the body's "14 départements"
    of the morning did (the title gives no time to read it by)."""
    moving = {
        pair
        for v in verdicts
        for c, a, b in v.conflicts
        if c.relation == "updated" and (pair := _values(a, b)) is not None
    }
    if not moving:
        return verdicts
    out = []
    for v in verdicts:
        conflicts = tuple(
            (replace(c, relation="updated"), a, b)
            if c.relation == "conflicting" and c.kind == "figure" and _values(a, b) in moving
            else (c, a, b)
            for c, a, b in v.conflicts
        )
        if conflicts == v.conflicts:
            out.append(v)
            continue
        verdict = next(name for name in SEVERITY if name in {c.relation for c, _, _ in conflicts})
        timeline = timeline_of(v.statements, list(conflicts)) if verdict == "updated" else ()
        out.append(replace(v, conflicts=conflicts, verdict=verdict, timeline=timeline))
    return out
