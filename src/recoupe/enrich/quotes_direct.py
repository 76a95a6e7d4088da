"""Direct quotes: passages between quotation marks and block quotes signed by a dash line.

For each quoted passage the attribution is looked for, in this order:

1. right after the closing mark: a verb group with an inverted subject or a ``-t-il`` clitic
   (``", a confirmé l'Élysée"``, ``", a-t-il dit"``, any verb: inversion after a quote is speech), or
   ``selon X`` / ``according to X``; in English also ``," Smith said``;
2. before the opening mark, in the same sentence: the nearest cue verb (``X a déclaré : "…"``,
   ``dénonce une "opération"``, ``s'est dit "écoeuré"``) whose subject comes from the parse, or
   ``Selon X, "…"``;
3. later in the same sentence: ``, a confirmé l'Élysée`` after the quote.

A passage with no attribution is kept as a *continuation* of the previous quote's speaker (a full
sentence shortly after an attributed quote), as a *headline* quote with no speaker (an intertitle glued to
the next sentence, or between dashes), as an unattributed quote when it is a long sentence, and dropped
otherwise (scare quotes, labels, titles). Short passages in title case, or right after a naming word
("intitulé", "baptisé", "surnommé"), are names or titles of works, not quotes; so are terms in guillemets
with no attribution right after them (« gilets jaunes », « grand débat national »: ``quotes_terms``).
Incises written without closing the marks (``"A, raconte-t-elle. B"``) split the passage in two.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from recoupe.enrich import referent_words as lex
from recoupe.enrich.coref import apposed_subject, quoted_subject
from recoupe.enrich.quotes_cue_subject import bare_participle, bare_role_subject, incise_person, object_not_subject
from recoupe.enrich.quotes_marks import QUOTE_CHARS, Marked
from recoupe.enrich.quotes_parse import Context, NounPhrase, VerbGroup
from recoupe.enrich.quotes_terms import is_term
from recoupe.enrich.speakers_describe import gerund_after_cue
from recoupe.enrich.speech import fold

__all__ = [
    "Attribution",
    "DirectCandidate",
    "block_quotes",
    "direct_candidates",
    "group_before",
    "named_before",
    "passive_agent",
]

_NAMING = frozenset(
    {
        "intitule",
        "intitulee",
        "baptise",
        "baptisee",
        "surnomme",
        "surnommee",
        "appele",
        "appelee",
        "nomme",
        "nommee",
        "titre",
        "emission",
        "film",
        "chanson",
        "album",
        "livre",
        "serie",
        "hashtag",
        "slogan",
        "mot-cle",
        "operation",
        "label",
        "alias",
        "dit",
        "dite",
        "surnom",
        "titled",
        "called",
        "dubbed",
        "nicknamed",
        "named",
        "show",
        "song",
        "book",
        "movie",
        "pancarte",
        "pancartes",
        "banderole",
        "mention",
        "rubrique",
        "interprete",
    }
)
_SELON = frozenset({"selon", "d'apres"})
_END_PUNCT = ".!?…"
_DASHES = "-\u2013\u2014"


@dataclass(frozen=True, slots=True)
class Attribution:
    """Who a quote is from and how the text says it."""

    phrase: NounPhrase | None
    cue: str | None = None
    cue_start: int | None = None
    how: str = "cue"  # cue | after | continuation | headline | unattributed | block
    role: str | None = None


@dataclass(frozen=True, slots=True)
class DirectCandidate:
    start: int
    end: int
    attribution: Attribution | None
    marked: Marked | None


def group_before(ctx: Context, verb: int, floor: int) -> int:
    """Token index where the verb group ending at ``verb`` starts (auxiliaries, clitics, adverbs)."""
    doc = ctx.doc
    k = verb
    while k - 1 >= floor and verb - k < 5:
        tok = doc[k - 1]
        low = fold(tok.text)
        if tok.pos_ in {"AUX", "ADV"} or low in {
            "a",
            "ont",
            "avait",
            "avaient",
            "s'",
            "se",
            "est",
            "sont",
            "fait",
            "l'",
            "-t-il",
            "-t-elle",
            "a-t-il",
            "a-t-elle",
            "-t",
            "-il",
            "-elle",
            "has",
            "have",
            "had",
        }:
            if low in {"ne", "n'", "pas", "not", "que", "qu'"}:
                break
            k -= 1
            continue
        break
    return k


def _cue_text(ctx: Context, first: int, verb: int) -> tuple[str, int]:
    start = ctx.doc[first].idx
    end = ctx.doc[verb].idx + len(ctx.doc[verb].text)
    return ctx.text[start:end], start


def _after(ctx: Context, span: Marked) -> Attribution | None:  # noqa: PLR0911 - one return per cue pattern, in order
    """Attribution written right after the closing mark."""
    doc, n = ctx.doc, len(ctx.doc)
    i = ctx.token_at(span.close_at + 1)
    _, sent_end = ctx.sentence_of(span.close_at)
    while i < n and (doc[i].text in {",", ")", "(", "...", "…"} or doc[i].text in QUOTE_CHARS):
        i += 1
    if i >= n or doc[i].idx > span.close_at + 6 or _glued_quote(ctx, span) or ctx.quoted(doc[i].idx):
        return None  # nothing close after it, or another quote ('"LA MOITIÉ""J'ai déjà dit …"', '"…", "…"')
    low = fold(doc[i].text)
    limit = ctx.token_at(max(sent_end, doc[i].idx + 1))
    if low in _SELON or (low == "according" and i + 1 < n and fold(doc[i + 1].text) == "to"):
        start = i + 2 if low == "according" else i + 1
        cue = doc[i].text if low != "according" else "according to"
        return Attribution(ctx.phrase_from(start, limit), cue, doc[i].idx, "after")
    ended = ctx.text[span.close_at - 1 : span.close_at] in {".", "!", "?", "…"}  # '…impliqué." Pour X, …'
    if low == "pour" and ctx.language == "fr" and not ended:  # '"indigent" pour le socialiste Boris Vallaud'
        phrase = ctx.phrase_from(i + 1, limit)
        if phrase is not None and phrase.mention is not None and phrase.mention.label == "PER":
            return Attribution(phrase, doc[i].text, doc[i].idx, "after")
    comma = any(t.text == "," for t in doc[ctx.token_at(span.close_at + 1) : i])
    group = ctx.verb_group_at(i, any_verb=ctx.language == "fr" and comma)
    # '"…", rejoint par Stéphane Viry': a participial phrase, no cue
    group = None if group is not None and bare_participle(ctx, group) else group
    if group is not None:
        subject = ctx.inverted_subject(group, limit)
        if subject is None and not ctx.is_say(doc[group.verb]):
            return None
        if subject is None and ctx.language == "en":
            subject = ctx.subject_of(group.verb)
        if subject is None:
            return None
        return Attribution(subject, ctx.text[group.start : group.end], group.start, "after")
    if ctx.language == "en":
        phrase = ctx.phrase_from(i, limit)
        if phrase is not None:
            j = _past_apposition(ctx, ctx.token_at(phrase.end), limit)
            group = ctx.verb_group_at(j) if j < n else None
            if group is not None:
                return Attribution(phrase, ctx.text[group.start : group.end], group.start, "after")
    return None


def _pour_person(ctx: Context, k: int, before: int) -> NounPhrase | None:
    """``Pour Patrick Kanner (sénateur du Nord), "…"``: the person named right after a sentence-initial
    ``Pour`` (a parenthesis aside), with the comma before the quotation."""
    phrase = ctx.phrase_from(k + 1, ctx.token_at(before))
    if phrase is None or phrase.mention is None or phrase.mention.label != "PER":
        return None
    rest = re.sub(r"\([^()]{0,80}\)", "", ctx.text[phrase.end : before]).strip()
    return phrase if rest == "," else None


def relative_antecedent(ctx: Context, begin: int) -> NounPhrase | None:
    """``Sébastien Lecornu (secrétaire d'État) qui parle d'une "…"``: the name a relative ``qui`` right
    before the verb group at token ``begin`` stands for (a parenthesis in between aside)."""
    doc = ctx.doc
    if begin < 2 or fold(doc[begin - 1].text) != "qui":
        return None
    k = begin - 2
    if doc[k].text == ")":
        while k > 0 and doc[k].text != "(" and begin - k < 30:
            k -= 1
        k -= 1
    if k < 0 or doc[k].text == ",":
        return None
    m = ctx.mention_at(doc[k].idx, doc[k].idx + len(doc[k].text))
    if m is None or m.label not in {"PER", "ORG"} or ctx.quoted(m.start):
        return None
    return NounPhrase(m.start, m.end, m.text, m)


def _past_apposition(ctx: Context, j: int, limit: int) -> int:
    """The token after an apposition that starts at token ``j`` (``, the city manager,`` in
    ``"…," Michael Cernech, the city manager, said``) when a reporting verb follows it; else ``j``."""
    doc = ctx.doc
    if j >= min(limit, len(doc)) or doc[j].text != ",":
        return j
    k = j + 1
    while k < min(limit, len(doc), j + 25) and doc[k].text != "," and doc[k].text not in QUOTE_CHARS:
        k += 1
    if k + 1 < min(limit, len(doc)) and doc[k].text == ",":
        group = ctx.verb_group_at(k + 1)
        if group is not None and ctx.is_say(doc[group.verb]):
            return k + 1
    return j


def _before(ctx: Context, span: Marked, short: bool) -> Attribution | None:
    """The nearest cue before the opening mark in the same sentence."""
    doc = ctx.doc
    sent_start, _ = ctx.sentence_of(span.open_at)
    first = ctx.token_at(sent_start)
    k = ctx.token_covering(span.open_at)
    if doc[k].idx >= span.open_at:
        k -= 1
    reach = 15 if short else 45
    steps = 0
    while k >= first and steps < reach:
        tok = doc[k]
        steps += 1
        if ctx.quoted(tok.idx):
            k -= 1
            continue
        low = fold(tok.text)
        person = _pour_person(ctx, k, span.open_at) if low == "pour" and k == first else None
        if person is not None:
            return Attribution(person, tok.text, tok.idx)
        if low == "qui" and k >= 3 and fold(doc[k - 1].text) == "pour" and doc[k - 2].text == ",":
            named = ctx.mention_at(doc[k - 3].idx, doc[k - 3].idx + len(doc[k - 3].text))
            if named is not None and named.label == "PER":  # "le MoDem X, pour qui elles sont "…""
                relative = NounPhrase(named.start, named.end, named.text, named)
                return Attribution(relative, f"{doc[k - 1].text} {tok.text}", doc[k - 1].idx)
        if low in _SELON or (low == "according" and fold(doc[k + 1].text) == "to"):
            spoken = _verb_around_source(ctx, span, k, (first, sent_start))
            if spoken is not None:
                return spoken
            start = k + 2 if low == "according" else k + 1
            phrase = ctx.phrase_from(start, ctx.token_at(span.open_at))
            return Attribution(phrase, tok.text if low != "according" else "according to", tok.idx)
        reflexive_only = (
            k > 0 and fold(doc[k - 1].text) in {"s'", "se"} and fold(tok.lemma_) in {"annoncer", "presenter"}
        )
        if (
            ctx.is_say(tok)
            and tok.pos_ in {"VERB", "NOUN", "PROPN", "ADJ"}
            and not _negated(ctx, k)
            and not reflexive_only
        ):
            begin = group_before(ctx, k, first)
            cue, cue_start = _cue_text(ctx, begin, k)
            subject = _cue_subject(ctx, span, k, begin, (first, sent_start))
            return Attribution(subject, cue, cue_start)
        k -= 1
    return None


def _verb_around_source(ctx: Context, span: Marked, k: int, bounds: tuple[int, int]) -> Attribution | None:
    """A source set between commas right after a cue ("X avance, selon le JDD, trois raisons : "…""): the outlet
    vouches for the report, the quoted words are the cue's subject's."""
    doc = ctx.doc
    first = bounds[0]
    if k - 2 < first or doc[k - 1].text != ",":
        return None
    verb = doc[k - 2]
    if not ctx.is_say(verb) or verb.pos_ not in {"VERB", "NOUN", "PROPN", "ADJ"} or _negated(ctx, k - 2):
        return None
    begin = group_before(ctx, k - 2, first)
    subject = _cue_subject(ctx, span, k - 2, begin, bounds)
    if subject is not None and subject.end > verb.idx:  # "Le maire avance": a cue the tagger read as a noun
        text = ctx.text[subject.start : verb.idx].rstrip()
        subject = NounPhrase(subject.start, subject.start + len(text), text, subject.mention, subject.pronoun)
    if subject is None or not _speaking_subject(subject):
        return None  # "Le chantier avance, selon X : "…"" is X's
    cue, cue_start = _cue_text(ctx, begin, k - 2)
    return Attribution(subject, cue, cue_start)


def _speaking_subject(subject: NounPhrase) -> bool:
    """A subject that can say words: a person or organisation named, a pronoun ("il", "celui qui …") or a
    description headed by a person or organisation noun ("le maire"), not "le chantier"."""
    if subject.mention is not None:
        return subject.mention.label in {"PER", "ORG"}
    head = lex.description_head(subject.text)
    return subject.pronoun or head in {"celui", "celle"} or head in lex.PERSON_NOUNS or head in lex.ORG_NOUNS


def infinitive_after(ctx: Context, char: int) -> bool:
    """An infinitive follows character ``char`` (quotation marks aside): the phrase before it is whom the
    speaker told, and what was said is that infinitive clause."""
    doc = ctx.doc
    k = ctx.token_at(char)
    while k < len(doc) and doc[k].text in QUOTE_CHARS:
        k += 1
    return k < len(doc) and "Inf" in doc[k].morph.get("VerbForm", [])


def _cue_subject(ctx: Context, span: Marked, k: int, begin: int, floors: tuple[int, int]) -> NounPhrase | None:
    """Who speaks through the cue verb at token ``k`` (its group starting at ``begin``) before a quote:
    an inverted clitic or subject, the agent of a passive, the name before the group, the parsed
    subject, an apposed or nearby name, in that order. ``floors``: the sentence's first token and char."""
    doc = ctx.doc
    first, sent_start = floors
    group = ctx.verb_group_at(begin)
    subject = None
    if group is not None and group.clitic is not None:
        subject = ctx.inverted_subject(group, k + 3)
    inverted = begin > 0 and (doc[begin - 1].text in {",", *QUOTE_CHARS} or doc[begin - 1].text[-1:] in QUOTE_CHARS)
    if subject is None and begin > 0 and doc[begin - 1].text in QUOTE_CHARS:
        subject = quoted_subject(ctx, doc[begin - 1].idx)
    gerund = "Part" in doc[k].morph.get("VerbForm", []) and "Pres" in doc[k].morph.get("Tense", [])
    if subject is None and inverted and group is not None and not gerund:  # ", appelant la Grèce à …": its object
        subject = ctx.inverted_subject(group, ctx.token_at(span.open_at))
        if subject is not None and infinitive_after(ctx, subject.end):
            subject = None  # "X, qui …, a déclaré au quotidien Y être "anéantie"": Y is told
        if subject is not None:  # "X, …, a qualifié Y de "…"": Y is the object, X speaks
            subject = object_not_subject(ctx, k, subject) or subject
    if subject is None:  # the agent of a passive speaks, not the person described
        subject = (
            gerund_after_cue(ctx, k)
            or passive_agent(ctx, k)
            or named_before(ctx, begin)
            or relative_antecedent(ctx, begin)
        )
    if subject is None:
        subject = ctx.subject_of(k)
    if subject is None:
        subject = apposed_subject(ctx, begin, first) or _nearest_before(ctx, doc[k].idx, sent_start)
    if subject is None and k + 1 < len(doc):
        subject = ctx.inverted_subject(VerbGroup(doc[k].idx, doc[k].idx, k), ctx.token_at(span.open_at))
    return bare_role_subject(ctx, subject) or subject if subject is not None else None


def passive_agent(ctx: Context, k: int) -> NounPhrase | None:
    """The agent of a passive cue: who describes, not who is described ("Dutroux avait été décrit par les
    experts comme un "vrai psychopathe"" → les experts)."""
    verb = ctx.doc[k]
    if "Pass" not in verb.morph.get("Voice", []) and not any(c.dep_ == "aux:pass" for c in verb.children):
        return None
    agent = next((c for c in verb.children if c.dep_ == "obl:agent"), None)
    if agent is None or ctx.quoted(agent.idx):
        return None
    first = agent.left_edge.i + (1 if fold(agent.left_edge.text) == "par" else 0)
    return ctx.phrase_from(first, agent.i + 1)


def named_before(ctx: Context, begin: int) -> NounPhrase | None:
    """A person or organisation named right before the verb group at token ``begin`` ("Marine Le Pen a nié");
    a country or a city there speaks for its government ("la Corée du Sud avait indiqué")."""
    if begin == 0:
        return None
    prev = ctx.doc[begin - 1]
    m = ctx.mention_at(prev.idx, prev.idx + len(prev.text))
    if (
        m is not None
        and m.label in {"PER", "ORG", "LOC"}
        and m.text[:1].isupper()  # "police de l'État …" tagged as a name ends a role: "X, le chef de la police de …"
        and m.end >= prev.idx + len(prev.text) - 1
        and not ctx.quoted(m.start)
    ):
        start = m.start
        if fold(ctx.text[max(0, start - 4) : start]).endswith(("de ", "du ", "des ", "d'", "de la ")):
            return None
        if AGENT_BEFORE.search(ctx.text[max(0, start - 40) : start]):
            return None  # "Des passagers cités par le journal West Australian ont raconté": not the subject
        if fold(ctx.text[max(0, start - 7) : start]).endswith(("de la ", "de l'")):
            return None
        det = ctx.text[max(0, start - 3) : start]
        if det.lower() in {"le ", "la ", "les"} or det.endswith("l'"):
            start -= 3 if not det.endswith("l'") else 2
        return NounPhrase(start, m.end, ctx.text[start : m.end], m)
    return None


def _negated(ctx: Context, k: int) -> bool:
    doc = ctx.doc
    window = [fold(doc[j].text) for j in range(max(0, k - 3), min(len(doc), k + 2))]
    return ("ne" in window or "n'" in window) and any(w in {"pas", "jamais", "rien", "guere"} for w in window)


#: a name right after one of these is a complement ("cités par LCI", "au quotidien X"), not a subject
_AGENT = r"\b(?:par|by)\s+(?:(?:l'|l’|le|la|les|the)\s*)?(?:[a-zà-öø-ÿœ-]+\s+){0,2}$"  # "cités par le journal X"
#: the agent of a participle right before a name ("cités par le journal X"): X carries, does not speak
AGENT_BEFORE = re.compile(_AGENT, re.IGNORECASE)
COMPLEMENT_BEFORE = re.compile(
    r"(?:\b(?:par|de|du|des|à|au|aux|avec|pour|sur|via|chez|dans|by|of|to|from|with|for|at)|\bd'|\bd’)\s*$|" + _AGENT,
    re.IGNORECASE,
)


def _nearest_before(ctx: Context, char: int, floor: int) -> NounPhrase | None:
    """The nearest person or organisation named before ``char`` (down to ``floor``) as a subject can be:
    outside quotes, not the complement of a preposition ("Les tabloïds …, cités par LCI, affirment")."""
    for m in ctx.mentions_before(char):
        if m.start < floor:
            break
        if m.label in {"PER", "ORG"} and not ctx.quoted(m.start):
            if COMPLEMENT_BEFORE.search(ctx.text[max(0, m.start - 12) : m.start]):
                continue
            return NounPhrase(m.start, m.end, m.text, m)
    return None


def _glued_quote(ctx: Context, span: Marked) -> bool:
    """Whether another quotation opens right at this one's closing mark (an intertitle glued to the text)."""
    return ctx.marked_at(span.close_at + 1) is not None


def _later(ctx: Context, span: Marked) -> Attribution | None:
    """``…"fragment" …, a confirmé l'Élysée.``: an inverted cue later in the sentence."""
    doc = ctx.doc
    _, sent_end = ctx.sentence_of(span.close_at)
    k, limit = ctx.token_at(span.close_at + 1), ctx.token_at(sent_end)
    if _glued_quote(ctx, span):
        return None  # '"Un petit pays""Nous sommes …", a dit X': an intertitle, the cue is the next quote's
    while k < limit:
        tok = doc[k]
        if tok.text == "," and not ctx.quoted(tok.idx):
            group = ctx.verb_group_at(k + 1)
            if group is not None and ctx.is_say(doc[group.verb]):
                subject = ctx.inverted_subject(group, limit)
                if subject is not None:
                    return Attribution(subject, ctx.text[group.start : group.end], group.start)
        k += 1
    return None


def _is_name_or_title(ctx: Context, span: Marked) -> bool:
    content = ctx.text[span.start : span.end]
    words = re.findall(r"\w[\w'’-]*", content)
    if not words or len(words) > 5 or content[-1] in _END_PUNCT:
        return False
    before = re.findall(r"[\w'’-]+", ctx.text[max(0, span.open_at - 40) : span.open_at])
    if before and any(fold(w).split("'")[-1] in _NAMING for w in before[-3:]):
        return True
    letters = [w for w in words if w[0].isalpha()]
    small = {"de", "du", "des", "la", "le", "les", "et", "of", "the", "and", "d", "l", "a", "à", "en"}
    titled = [w for w in letters if fold(w) not in small]
    return bool(titled) and all(w[0].isupper() for w in titled) and (len(titled) > 1 or len(words) == 1)


def _is_headline(ctx: Context, span: Marked) -> bool:
    text = ctx.text
    content = text[span.start : span.end]
    if not content or content[-1] in _END_PUNCT + ",;:":
        return False
    after = text[span.close_at + 1 : span.close_at + 3]
    before = text[max(0, span.open_at - 2) : span.open_at]
    glued = bool(after) and (after[0].isupper() or after[0] in QUOTE_CHARS)
    dashed = before.strip() in set(_DASHES) and after.strip()[:1] in set(_DASHES)
    return glued or dashed


def _incise_at(ctx: Context, k: int, limit: int) -> tuple[VerbGroup, int] | None:
    """The incise opening at the comma token ``k``: its verb group and the token that ends it (``,`` or
    ``.``): an inverted clitic (``, raconte-t-elle.``) or a verb of saying with a person named after it
    (``, regrette de son côté l'Insoumise Clémentine Autain.``)."""
    doc = ctx.doc
    group = ctx.verb_group_at(k + 1)
    if group is None:
        return None
    stop = ctx.token_at(group.end)
    if group.clitic is None:
        if not ctx.is_say(doc[group.verb]):
            return None
        stop = next((j for j in range(stop, min(limit, stop + 30)) if doc[j].text == "."), limit)
        subject = ctx.inverted_subject(group, stop) if stop < limit else None
        if subject is None or not incise_person(ctx, subject):
            return None
    if stop < limit and doc[stop].text in {",", "."}:
        return group, stop
    return None


def _incise_split(ctx: Context, span: Marked) -> list[tuple[int, int, Attribution | None]]:
    """``"A, raconte-t-elle. B"`` → A and B with the clitic's speaker (or a person named after the verb:
    ``"A, regrette X. B"``); else the whole span."""
    doc = ctx.doc
    k, limit = ctx.token_at(span.start), ctx.token_at(span.end)
    while k < limit:
        found = _incise_at(ctx, k, limit) if doc[k].text == "," else None
        if found is not None:
            group, stop = found
            subject = ctx.inverted_subject(group, stop)
            attribution = Attribution(subject, ctx.text[group.start : group.end], group.start)
            rest = doc[stop].idx + 1
            while rest < span.end and ctx.text[rest].isspace():
                rest += 1
            return [(span.start, doc[k].idx, attribution), (rest, span.end, attribution)]
        k += 1
    return [(span.start, span.end, None)]


def direct_candidates(ctx: Context) -> list[DirectCandidate]:
    """Quoted passages with their attribution (``None`` when the text gives none)."""
    out: list[DirectCandidate] = []
    for span in ctx.marked:
        content = ctx.text[span.start : span.end]
        if not any(ch.isalpha() for ch in content):
            continue
        words = len(content.split())
        after = _after(ctx, span)
        if after is None and (_is_name_or_title(ctx, span) or quoted_subject(ctx, span.close_at)):
            continue
        pieces = _incise_split(ctx, span) if words > 4 else [(span.start, span.end, None)]
        attribution = after or _before(ctx, span, words <= 4) or _later(ctx, span)
        headline = attribution is None and _is_headline(ctx, span)
        if not headline and is_term(ctx, span, after=after is not None):
            continue  # « gilets jaunes », « grand débat national »: a term in guillemets (quotes_terms)
        if headline:
            attribution = Attribution(None, how="headline")
        for start, end, own in pieces:
            out.append(DirectCandidate(start, end, own or attribution, span))
    return out


def block_quotes(ctx: Context) -> list[DirectCandidate]:
    """A paragraph line followed by a short ``– Name, role`` line: a quote of that name with that role."""
    text = ctx.text
    out: list[DirectCandidate] = []
    lines: list[tuple[int, int]] = []
    pos = 0
    for raw in text.split("\n"):
        lines.append((pos, pos + len(raw)))
        pos += len(raw) + 1
    previous: tuple[int, int] | None = None
    for start, end in lines:
        line = text[start:end].strip()
        if not line:
            continue
        signed = _signature(line)
        if signed is not None and previous is not None:
            p_start, p_end = previous
            body = text[p_start:p_end]
            if len(body.split()) >= 4 and body.strip()[0] not in _DASHES:
                q_start = p_start + (len(body) - len(body.lstrip()))
                q_end = p_end - (len(body) - len(body.rstrip()))
                if text[q_start] in QUOTE_CHARS and text[q_end - 1] in QUOTE_CHARS:
                    q_start, q_end = q_start + 1, q_end - 1
                name, role = signed
                offset = start + (len(text[start:end]) - len(text[start:end].lstrip()))
                name_start = text.index(name, offset)
                phrase = NounPhrase(
                    name_start, name_start + len(name), name, ctx.mention_at(name_start, name_start + len(name))
                )
                out.append(DirectCandidate(q_start, q_end, Attribution(phrase, None, None, "block", role), None))
        previous = None if signed is not None else (start, end)
    return out


def _signature(line: str) -> tuple[str, str | None] | None:
    if len(line) > 140 or line[0] not in _DASHES or line[-1] in _END_PUNCT + ":;,":
        return None
    rest = line.lstrip(_DASHES).strip()
    if not rest or not rest[0].isupper():
        return None
    name, _, role = rest.partition(",")
    name, role = name.strip(), role.strip()
    if not name or len(name.split()) > 6 or any(ch in name for ch in ":;!?"):
        return None
    return name, role or None
