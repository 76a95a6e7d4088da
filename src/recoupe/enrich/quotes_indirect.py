"""Indirect quotes: reported content without quotation marks (gold guide §3.2).

Accepted, for a reporting verb of the narrow lexicon (``speech.Lexicon.report``), not negated:

- a ``que``/``qu'`` clause within 30 tokens of the verb (``a affirmé, dans un entretien, qu'elle…``);
  ``que A et que B`` gives two quotes; English: the verb's ``ccomp`` from the parse (``that`` optional);
- French infinitival complements of ``dire, affirmer, assurer, confirmer, nier, reconnaître, …``
  (``a nié avoir proposé``, ``lui avoir proposé``, ``de l'accuser de tenir``) and ``se dire`` + adjective;
- ``Selon X, …``, ``D'après X, …``, ``Pour X, …`` (X a name, a pronoun or an agent noun) and
  ``According to X, …``; a trailing ``…, selon X`` / ``…, according to X``;
- ``Comme le révèle X, …`` / ``Comme l'a révélé X, …`` at a sentence start (révéler, relever, rapporter,
  indiquer, …): the source frames the whole clause, which may itself report someone's words (nested);
- inversion after the content: ``…, a précisé le parquet.`` (the content runs from the sentence start).

The span starts after the complementiser, the ``selon X,`` phrase or at the infinitive (with its clitics),
and ends at the end of the sentence, cut before ``, selon X``, before an inverted reporting clause, before
``mais``/``et`` + another reporting verb and before an ``(…, ndlr)`` note; trailing punctuation is dropped.
A clause whose words outside quotation marks are all function words is left to the direct quotes; so is a
clause opening on a quotation with no finite verb outside the marks (a journalist's gloss).
What is guessed: the clause end (the sentence end, not the parse constituent, which is often wrong on
glued text) and journalist framing at the start of an inverted sentence, which is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from recoupe.enrich import referent_words as lex
from recoupe.enrich.quotes_complement import (
    SPEECH_INFINITIVE_VERBS,
    connectors_only,
    coordinated_start,
    ends_sentence,
    in_relative,
    infinitive_complement,
    que_opens_clause,
)
from recoupe.enrich.quotes_direct import (
    COMPLEMENT_BEFORE,
    Attribution,
    group_before,
    infinitive_after,
    named_before,
)
from recoupe.enrich.quotes_marks import QUOTE_CHARS
from recoupe.enrich.quotes_parse import Context, NounPhrase
from recoupe.enrich.speakers_describe import gerund_after_cue
from recoupe.enrich.speech import fold

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["IndirectCandidate", "indirect_candidates", "name_opening_clause"]

_INF_VERBS = SPEECH_INFINITIVE_VERBS
_BAD_BEFORE_QUE = frozenset(
    {
        "ce",
        "alors",
        "parce",
        "bien",
        "tandis",
        "pour",
        "avant",
        "apres",
        "sans",
        "des",
        "plus",
        "moins",
        "autant",
        "tel",
        "telle",
        "meme",
        "ainsi",
        "sauf",
        "sinon",
        "afin",
        "pendant",
        "depuis",
        "jusqu'a",
        "lors",
        "encore",
        "ne",
        "n'",
        "rien",
        "aussi",
        "si",
        "tant",
        "de",
        "d'",
    }
)
_CLITIC_OBJ = frozenset(
    {
        "lui",
        "leur",
        "l'",
        "le",
        "la",
        "les",
        "y",
        "en",
        "se",
        "s'",
        "me",
        "m'",
        "nous",
        "vous",
        "ne",
        "n'",
        "pas",
        "plus",
        "jamais",
    }
)
_SELON_STOP = frozenset({"que", "qu'", "les termes", "le cas", "les cas", "les modalites", "les regles"})
_COMME_VERBS = frozenset(
    {"reveler", "relever", "rapporter", "indiquer", "souligner", "preciser", "expliquer", "raconter", "ecrire"}
    | {"rappeler", "affirmer", "assurer", "confirmer"}
)
_DETERMINERS = frozenset(
    {"le", "la", "l'", "les", "un", "une", "des", "ce", "cet", "cette", "ces", "son", "sa", "ses", "leur", "leurs"}
)
#: heads of descriptions of people and organisations that the agent-noun suffixes miss
_SPEAKER_NOUNS = frozenset(
    {
        "homme",
        "femme",
        "fils",
        "fille",
        "pere",
        "mere",
        "frere",
        "soeur",
        "ministre",
        "chef",
        "juge",
        "maire",
        "elu",
        "elue",
        "patron",
        "patronne",
        "porte-parole",
        "famille",
        "proche",
        "proches",
        "entourage",
        "star",
        "vedette",
        "reine",
        "roi",
        "prince",
        "princesse",
        "artiste",
        "acteur",
        "actrice",
        "auteur",
        "gouvernement",
        "ministere",
        "syndicat",
        "parti",
        "groupe",
        "societe",
        "entreprise",
        "direction",
        "mairie",
        "police",
        "parquet",
        "association",
        "collectif",
        "club",
        "equipe",
        "opposition",
        "majorite",
    }
)
_AGENT = re.compile(r"(aires?|eurs?|iens?|istes?|ants?|ents?|ats?|ices?|ues?|aux|ais|es)$")


@dataclass(frozen=True, slots=True)
class IndirectCandidate:
    start: int
    end: int
    attribution: Attribution


def _trim(ctx: Context, start: int, end: int) -> tuple[int, int]:
    text = ctx.text
    while start < end and (text[start].isspace() or text[start] in ",:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ".,;:…"):
        end -= 1
    return start, end


def _clause_pieces(ctx: Context, start: int) -> list[tuple[int, int]]:
    """The reported clause from ``start``: to the sentence end with the cuts listed in the module doc;
    ``et que`` starts a second piece."""
    doc, text = ctx.doc, ctx.text
    _, sent_end = ctx.sentence_of(start)
    pieces: list[tuple[int, int]] = []
    k, limit = ctx.token_at(start), ctx.token_at(sent_end)
    piece_start = start
    infinitival = any("Inf" in t.morph.get("VerbForm", []) for t in doc[k : min(k + 4, limit)])
    complement, french = fold(text[max(0, start - 4) : start]).rstrip().endswith(("que", "qu'")), ctx.language == "fr"
    while k < limit:
        tok = doc[k]
        low = fold(tok.text)
        if ctx.quoted(tok.idx) and tok.text not in QUOTE_CHARS:
            k += 1
            continue
        second = coordinated_start(doc, k, complement=complement, infinitival=infinitival) if french else None
        if second is not None and second < limit:
            pieces.append((piece_start, tok.idx))
            piece_start, k = doc[second].idx, second
            continue
        nxt = fold(doc[k + 1].text) if k + 1 < len(doc) else ""
        if low == "," and nxt in {"selon", "d'apres", "according"}:
            break
        if low == "selon" and k > 0 and doc[k - 1].text in QUOTE_CHARS:
            break
        if low == "," and k + 1 < limit:
            group = ctx.verb_group_at(k + 1)
            if group is not None and ctx.is_say(doc[group.verb]) and ctx.inverted_subject(group, limit) is not None:
                break
        if low in {"mais", "et", "but"} and k + 1 < limit:
            if low == "et" and nxt in {"que", "qu'"}:
                pieces.append((piece_start, tok.idx))
                piece_start = doc[k + 1].idx + len(doc[k + 1].text)
                k += 2
                continue
            group = ctx.verb_group_at(k + 1)
            if group is not None and ctx.is_report(doc[group.verb]):
                break
        if tok.text == "(" and "ndlr" in fold(text[tok.idx : tok.idx + 80].split(")")[0]):
            break
        k += 1
    stop = doc[k].idx if k < limit else sent_end
    pieces.append((piece_start, stop))
    return [_trim(ctx, a, b) for a, b in pieces if b > a]


def _keep(ctx: Context, start: int, end: int) -> bool:
    """Whether a clause has its own lexical content outside quotation marks (else the direct quote
    alone is annotated)."""
    if end - start < 3:
        return False
    outside = [t for t in ctx.doc[ctx.token_at(start) : ctx.token_at(end)] if not ctx.quoted(t.idx) and not t.is_punct]
    if not any(fold(t.text) not in ctx.lex.function_words for t in outside):
        return False
    if ctx.text[start] in QUOTE_CHARS:
        return any(t.pos_ in {"VERB", "AUX"} and t.morph.get("Mood", []) for t in outside)
    return True


def _speaker(ctx: Context, verb: int) -> NounPhrase | None:
    first = group_before(ctx, verb, 0)
    group = ctx.verb_group_at(first)
    if group is not None and group.clitic is not None:
        return ctx.inverted_subject(group, verb + 3)
    subject = named_before(ctx, first) or gerund_after_cue(ctx, verb) or ctx.subject_of(verb)
    if subject is None:
        sent_start, _ = ctx.sentence_of(ctx.doc[verb].idx)
        for m in ctx.mentions_before(ctx.doc[verb].idx):
            if m.start < sent_start:
                break
            # not "Sur Twitter, …", not "…, cités par LCI, affirment"
            complement = COMPLEMENT_BEFORE.search(
                ctx.text[max(0, m.start - 12) : m.start]
            ) or lex.PREPOSITION_BEFORE.search(
                fold(ctx.text[max(0, m.start - 12) : m.start])
            )  # "le chef de la police de …": a complement
            if m.label in {"PER", "ORG"} and not ctx.quoted(m.start) and complement is None and m.text[:1].isupper():
                return NounPhrase(m.start, m.end, m.text, m)
        return name_opening_clause(ctx, first)
    return subject


def name_opening_clause(ctx: Context, first: int) -> NounPhrase | None:
    """A capitalised name the tagger missed that opens the clause of the cue at token ``first``
    (": Météo-France prévient que", ". Matignon assure que"): the subject."""
    doc = ctx.doc
    k = first
    while k > 0 and (doc[k - 1].text.lstrip("-")[:1].isupper() or doc[k - 1].text == "-"):
        k -= 1  # "Météo-France", cut or not at its hyphen
    if k == first or first - k > 4 or not doc[k].text[:1].isupper() or ctx.quoted(doc[k].idx):
        return None
    if k > 0 and doc[k - 1].text not in {":", ".", ";", "!", "?", "\n"} and not doc[k].is_sent_start:
        return None
    start, end = doc[k].idx, doc[first - 1].idx + len(doc[first - 1].text)
    return NounPhrase(start, end, ctx.text[start:end], ctx.mention_at(start, end))


def _animate(phrase: NounPhrase | None) -> bool:
    """Whether a subject can speak: a pronoun, a name, or a description whose head noun names a person or
    a group (an agent noun such as "les enquêteurs", or a known human or organisation noun)."""
    if phrase is None or phrase.pronoun or phrase.mention is not None:
        return phrase is not None
    words = [w for w in fold(phrase.text).replace("'", "' ").split() if w not in _DETERMINERS]
    head = words[0] if words else ""
    return head in _SPEAKER_NOUNS or _AGENT.search(head) is not None


def _negated(ctx: Context, verb: int) -> bool:
    doc = ctx.doc
    left = [fold(doc[j].text) for j in range(max(0, verb - 3), verb)]
    right = [fold(doc[j].text) for j in range(verb + 1, min(len(doc), verb + 3))]
    return ("ne" in left or "n'" in left) and any(w in {"pas", "jamais", "rien", "guere"} for w in left + right)


def _from_verb(ctx: Context, verb: int) -> list[IndirectCandidate]:  # noqa: PLR0912 - que / infinitive / se dire, one scan
    doc = ctx.doc
    tok = doc[verb]
    first = group_before(ctx, verb, 0)
    cue = ctx.text[doc[first].idx : tok.idx + len(tok.text)]
    _, sent_end = ctx.sentence_of(tok.idx)
    limit = min(ctx.token_at(sent_end), verb + 30)
    start: int | None = None
    if ctx.language == "en":
        for child in tok.children:
            if child.dep_ == "ccomp" and child.i > verb:
                left = child.left_edge
                if fold(left.text) == "that":
                    left = doc[left.i + 1]
                start = left.idx
                break
    else:
        reflexive = any(fold(doc[j].text) in {"s'", "se"} for j in range(first, verb))
        k = verb + 1
        while k < limit:
            t = doc[k]
            low = fold(t.text)
            if (t.text in QUOTE_CHARS and not ctx.quoted(t.idx + 1)) or low in {":", "."}:
                break
            if low in {"que", "qu'"} and que_opens_clause(t, verb) and fold(doc[k - 1].text) not in _BAD_BEFORE_QUE:
                start = t.idx + len(t.text)
                break
            if k == verb + 1 or all(
                fold(doc[j].text) in _CLITIC_OBJ | {"de", "d'", "aussi", "egalement"} for j in range(verb + 1, k)
            ):
                is_inf = "Inf" in t.morph.get("VerbForm", []) and t.pos_ in {"VERB", "AUX"}
                lemma = fold(tok.lemma_) if fold(tok.lemma_) in ctx.lex.report else ""
                de_ok = lemma == "accuser" or not any(fold(doc[j].text) in {"de", "d'"} for j in range(verb + 1, k))
                if is_inf and de_ok and (lemma in _INF_VERBS or fold(tok.text) in {"dit", "disent"}):
                    j = k
                    while j - 1 > verb and fold(doc[j - 1].text) in _CLITIC_OBJ:
                        j -= 1
                    start = doc[j].idx
                    break
                if reflexive and fold(tok.lemma_) == "dire" and t.pos_ in {"ADJ", "VERB"} and k == verb + 1:
                    start = t.idx
                    break
            if t.pos_ in {"VERB", "AUX"} and t.morph.get("Mood", []) and k > verb + 1 and not in_relative(t):
                break
            k += 1
        if start is None and not reflexive:
            inf = infinitive_complement(tok, limit)
            start = doc[inf].idx if inf is not None else None
    if start is None:
        return []
    phrase = _speaker(ctx, verb)
    if ctx.language == "fr" and reflexive and not _animate(phrase):
        return []  # "le chemin s'annonce semé d'embûches": a thing's description, not reported speech
    attribution = Attribution(phrase, cue, doc[first].idx)
    return [IndirectCandidate(a, b, attribution) for a, b in _clause_pieces(ctx, start) if _keep(ctx, a, b)]


def _selon(ctx: Context, k: int) -> list[IndirectCandidate]:
    """``Selon X, content`` (sentence start) or ``content, selon X`` (trailing)."""
    doc, text = ctx.doc, ctx.text
    tok = doc[k]
    low = fold(tok.text)
    word_end = k + (2 if low in {"according", "d'"} else 1)  # "according to", "D'après" (two tokens)
    sent_start, sent_end = ctx.sentence_of(tok.idx)
    limit = ctx.token_at(sent_end)
    if (
        fold(text[doc[word_end].idx : doc[word_end].idx + 12]).startswith(tuple(_SELON_STOP))
        if word_end < len(doc)
        else True
    ):
        return []
    phrase = ctx.phrase_from(word_end, limit)
    if phrase is None:
        return []
    cue = text[tok.idx : doc[word_end - 1].idx + len(doc[word_end - 1].text)]
    attribution = Attribution(phrase, cue, tok.idx)
    head = text[sent_start : tok.idx].strip()
    if not head or head[-1:] in {"(", "-"} or connectors_only(head):
        comma = text.find(",", phrase.end, sent_end)
        if comma < 0 or comma - phrase.end > 40:
            return []
        return [IndirectCandidate(a, b, attribution) for a, b in _clause_pieces(ctx, comma + 1) if _keep(ctx, a, b)]
    return _selon_after(ctx, k, phrase, attribution)


def _selon_after(ctx: Context, k: int, phrase: NounPhrase, attribution: Attribution) -> list[IndirectCandidate]:
    """``content, selon X`` (or ``content selon X.`` ending the sentence, X a name)."""
    doc, text = ctx.doc, ctx.text
    tok = doc[k]
    sent_start, sent_end = ctx.sentence_of(tok.idx)
    before = text[tok.idx - 2 : tok.idx].strip()
    if before in {",", *QUOTE_CHARS}:
        colon = text.rfind(": ", sent_start, tok.idx)
        begin = colon + 2 if colon >= 0 and not ctx.quoted(colon) else sent_start
        a, b = _trim(ctx, begin, tok.idx)
        if _keep(ctx, a, b):
            return [IndirectCandidate(a, b, attribution)]
    elif (
        ends_sentence(text, phrase.end, sent_end)
        and phrase.mention is not None
        and phrase.mention.label in {"PER", "ORG"}
    ):
        a, b = _trim(ctx, sent_start, tok.idx)  # "… provoquer des vertiges selon Le Parisien."
        finite = [t for t in doc[ctx.token_at(a) : k] if t.pos_ in {"VERB", "AUX"} and t.morph.get("Mood", [])]
        if finite and text[a] not in QUOTE_CHARS and len(text[a:b].split()) >= 4 and _keep(ctx, a, b):
            return [IndirectCandidate(a, b, attribution)]
    return []


def _comme(ctx: Context, k: int) -> list[IndirectCandidate]:
    """``Comme le révèle X, content`` / ``Comme l'a révélé X, content`` at a sentence start."""
    doc, text = ctx.doc, ctx.text
    _, sent_end = ctx.sentence_of(doc[k].idx)
    limit = ctx.token_at(sent_end)
    j = k + 1
    if j >= limit or fold(doc[j].text) not in {"le", "l'"}:
        return []
    j += 1
    if j < limit and doc[j].pos_ == "AUX":
        j += 1
    if j >= limit or fold(doc[j].lemma_) not in _COMME_VERBS:
        return []
    phrase = ctx.phrase_from(j + 1, limit)
    if phrase is None or phrase.pronoun or text[phrase.end : phrase.end + 1] != ",":
        return []
    if phrase.mention is not None and phrase.mention.label not in {"PER", "ORG"}:
        return []
    cue = text[doc[k].idx : doc[j].idx + len(doc[j].text)]
    attribution = Attribution(phrase, cue, doc[k].idx)
    return [IndirectCandidate(a, b, attribution) for a, b in _clause_pieces(ctx, phrase.end + 1) if _keep(ctx, a, b)]


def _comme_cue(ctx: Context, k: int, limit: int) -> int | None:
    """Index of the verb of ``comme le révèle`` / ``comme l'a révélé`` opened by ``comme`` at token ``k``."""
    doc = ctx.doc
    j = k + 1
    if j >= limit or fold(doc[j].text) not in {"le", "l'"}:
        return None
    j += 1
    if j < limit and doc[j].pos_ == "AUX":
        j += 1
    if j >= limit:
        return None
    low = fold(doc[j].text)  # "rapporte" is tagged a noun with itself as lemma
    known = fold(doc[j].lemma_) in _COMME_VERBS or any(low.startswith(v[:-2]) for v in _COMME_VERBS)
    return j if known and ctx.is_report(doc[j]) else None


def _comme_after(ctx: Context, k: int) -> list[IndirectCandidate]:
    """``content, comme le rapporte X.``: a trailing ``comme le``-clause ending the sentence gives X the
    clause before it (from the sentence start or a colon)."""
    doc, text = ctx.doc, ctx.text
    sent_start, sent_end = ctx.sentence_of(doc[k].idx)
    limit = ctx.token_at(sent_end)
    j = _comme_cue(ctx, k, limit)
    phrase = ctx.phrase_from(j + 1, limit) if j is not None else None
    if j is None or phrase is None or phrase.pronoun or text[phrase.end : sent_end].strip(" .,;)\n") != "":
        return []
    colon = text.rfind(": ", sent_start, doc[k].idx)
    a, b = _trim(ctx, colon + 2 if colon >= 0 and not ctx.quoted(colon) else sent_start, doc[k].idx)
    finite = [t for t in doc[ctx.token_at(a) : k] if t.pos_ in {"VERB", "AUX"} and t.morph.get("Mood", [])]
    if b - a < 20 or text[a] in QUOTE_CHARS or not finite or not _keep(ctx, a, b):
        return []
    cue = text[doc[k].idx : doc[j].idx + len(doc[j].text)]
    return [IndirectCandidate(a, b, Attribution(phrase, cue, doc[k].idx))]


def _pour(ctx: Context, k: int) -> list[IndirectCandidate]:
    """``Pour X, content`` at a sentence start, X a name, a pronoun or an agent noun ("les signataires")."""
    doc, text = ctx.doc, ctx.text
    _, sent_end = ctx.sentence_of(doc[k].idx)
    phrase = ctx.phrase_from(k + 1, ctx.token_at(sent_end))
    if phrase is None:
        return []
    comma = phrase.end
    if text[comma : comma + 1] != ",":
        return []
    words = phrase.text.split()
    agent = (
        len(words) <= 3
        and words[0].lower() in {"les", "le", "la", "l'", "ces", "ce"}
        and _AGENT.search(fold(words[-1])) is not None
    )
    if phrase.mention is None and not phrase.pronoun and not agent:
        return []
    if phrase.mention is not None and phrase.mention.label not in {"PER", "ORG"}:
        return []
    attribution = Attribution(phrase, doc[k].text, doc[k].idx)
    return [IndirectCandidate(a, b, attribution) for a, b in _clause_pieces(ctx, comma + 1) if _keep(ctx, a, b)]


def _gerund(tok: Token) -> bool:
    return "Part" in tok.morph.get("VerbForm", []) and "Pres" in tok.morph.get("Tense", [])


def _inverted(ctx: Context, k: int) -> list[IndirectCandidate]:
    """``content, a précisé le parquet.``: the comma at token ``k`` precedes an inverted reporting clause."""
    doc, text = ctx.doc, ctx.text
    group = ctx.verb_group_at(k + 1)
    if group is None or not ctx.is_report(doc[group.verb]) or (ctx.language == "fr" and _gerund(doc[group.verb])):
        return []  # ", confirmant une information de X": a gerund's object, not an inverted subject
    sent_start, sent_end = ctx.sentence_of(doc[k].idx)
    subject = ctx.inverted_subject(group, ctx.token_at(sent_end))
    if subject is None or infinitive_after(ctx, subject.end):
        return []  # "X, qui …, a déclaré au quotidien Y être anéantie": X speaks, Y is told
    a, b = _trim(ctx, sent_start, doc[k].idx)
    if b <= a or text[a] in QUOTE_CHARS or len(text[a:b].split()) < 4:
        return []  # a content may end with a quotation (X était une "très proche amie", a-t-elle déclaré)
    # the quotation itself (''We wanted it,'' Mr. X, the manager, said), or a source given first ("Pour X, Y
    # "…", a-t-il témoigné": "pour X" speaks); "Pour le reste de la population, …, a-t-il estimé" with no
    # quotation is a frame of the content, not a source
    opening = fold(text[a : a + 8]).split()[:1]
    quoting = any(ch in QUOTE_CHARS for ch in text[a:b])
    if (
        ctx.marked_at(a) is not None
        or opening in (["selon"], ["d'apres"])
        or (opening == ["pour"] and (quoting or _pour(ctx, ctx.token_at(a))))
    ):
        return []
    verbs = [t for t in doc[ctx.token_at(a) : k] if t.pos_ in {"VERB", "AUX"}]
    if not verbs or not _keep(ctx, a, b) or _introduces_its_quotation(ctx, a, b, verbs):
        return []
    return [IndirectCandidate(a, b, Attribution(subject, text[group.start : group.end], group.start))]


def _introduces_its_quotation(ctx: Context, a: int, b: int, verbs: list[Token]) -> bool:
    """A content ``a:b`` ending with a quotation that it introduces itself: a reporting verb of its own
    ('X a répondu : « … » « … », a déclaré Y') or a colon before the quotation ('X a tenu à apporter des
    précisions : "…", indique-t-il'). Such a clause is not what the later cue reports."""
    text = ctx.text
    if text[b - 1] not in QUOTE_CHARS:
        return False
    if any(ctx.is_say(t) and not ctx.quoted(t.idx) for t in verbs):
        return True
    span = next((m for m in ctx.marked if m.close_at == b - 1), None)
    return span is not None and text[a : span.open_at].rstrip().endswith(":")


def indirect_candidates(ctx: Context) -> list[IndirectCandidate]:
    """Every indirect quote found, in text order (overlaps are settled by the caller)."""
    out: list[IndirectCandidate] = []
    doc = ctx.doc
    for k, tok in enumerate(doc):
        if ctx.quoted(tok.idx):
            continue
        low = fold(tok.text)
        after = fold(doc[k + 1].text) if k + 1 < len(doc) else ""
        if low in {"selon", "d'apres"} or (low, after) in {("according", "to"), ("d'", "apres")}:
            out.extend(_selon(ctx, k))
        elif low == "comme" and ctx.sentence_of(tok.idx)[0] == tok.idx:
            out.extend(_comme(ctx, k))
        elif low == "comme":
            out.extend(_comme_after(ctx, k))
        elif (low == "pour" and tok.is_sent_start) or (low == "pour" and ctx.sentence_of(tok.idx)[0] == tok.idx):
            out.extend(_pour(ctx, k))
        elif low == "," and k + 1 < len(doc):
            out.extend(_inverted(ctx, k))
        elif ctx.is_report(tok) and tok.pos_ in {"VERB", "NOUN", "ADJ", "PROPN"} and not _negated(ctx, k):
            out.extend(_from_verb(ctx, k))
    out.sort(key=lambda c: (c.start, -c.end))
    return out
