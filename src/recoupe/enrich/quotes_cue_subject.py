"""Checks on the subject found for a cue verb before a quotation (issue 12, session 12).

``quotes_direct._cue_subject`` reads a phrase after the cue verb as its inverted subject when the verb
follows a comma (", a déclaré le ministre : « … »"). When the parse says that phrase is the verb's
object and gives the verb a subject of its own before it, the subject speaks, not the object: "Alexis
Corbière, dans les colonnes du Figaro, lui aussi député …, a qualifié Gérard Collomb de « provocateur »"
is Corbière's word about Collomb.

Inside a quotation, an incise with a verb of saying splits it when a person speaks through it
(``incise_person``): a person named right after the verb, or a description with the person's name in
apposition ("…, explique dans Le Parisien le directeur de l'usine OGF de Jussey (Haute-Saône), Emmanuel
Garret. L'objectif …").

Inside a quotation, a definite description headed by a person noun speaks through an incise too ("…,
déplore le maire normand. …").

After a quotation, a past participle with no auxiliary followed by "par" ("« … », rejoint par Stéphane
Viry qui a plaidé …", "« … » promis seulement après l'été par l'exécutif") opens a participial phrase
about the speaker or the thing before, not an inverted cue (``bare_participle``).

A subject with no determiner that opens on a common noun in lower case ("député du parti" in "Alexis
Corbière, …, lui aussi député du parti …, a qualifié") cannot be a French subject: the parse took an
apposition for it, and the person it stands next to speaks (``bare_role_subject``): the first person named
in the sentence before it, outside quotation marks and not as a complement.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from recoupe.enrich import referent_words as lex
from recoupe.enrich.coref import apposed_name
from recoupe.enrich.quotes_parse import NounPhrase
from recoupe.enrich.speakers_describe import complement
from recoupe.enrich.speech import fold

if TYPE_CHECKING:
    from recoupe.enrich.quotes_parse import Context, VerbGroup

__all__ = ["bare_participle", "bare_role_subject", "incise_person", "object_not_subject"]

_OBJECTS = frozenset({"obj", "iobj"})


def object_not_subject(ctx: Context, k: int, phrase: NounPhrase) -> NounPhrase | None:
    """The parsed subject of the cue verb at token ``k``, when ``phrase`` (read after the verb) is the verb's
    object and that subject stands before the verb in its sentence; else None."""
    doc = ctx.doc
    first = ctx.token_covering(phrase.start)
    tok = doc[first]
    while tok.dep_ == "flat:name" and tok.head.i != tok.i:
        tok = tok.head
    if tok.dep_ not in _OBJECTS or tok.head.i != k:
        return None
    subject = ctx.subject_of(k)
    if subject is None or subject.start >= doc[k].idx or subject.pronoun:
        return None
    return subject


def bare_role_subject(ctx: Context, phrase: NounPhrase) -> NounPhrase | None:
    """The person a determiner-less role noun taken for the subject stands in apposition to (see the module
    docstring), or None."""
    if phrase.mention is not None or phrase.pronoun:
        return None
    tok = ctx.doc[ctx.token_covering(phrase.start)]
    if tok.pos_ != "NOUN" or not tok.text[:1].islower():
        return None
    sent_start, _ = ctx.sentence_of(phrase.start)
    for m in ctx.mentions:
        if m.start >= phrase.start:
            break
        if m.start < sent_start or m.label != "PER" or ctx.quoted(m.start) or complement(ctx.text, m.start):
            continue
        return NounPhrase(m.start, m.end, m.text, m)
    return None


def incise_person(ctx: Context, subject: NounPhrase) -> bool:
    """Whether the inverted subject of an incise inside a quotation is a person (see the module docstring)."""
    if subject.mention is not None and subject.mention.label == "PER":
        return True
    named = apposed_name(ctx, subject)
    return (named is not None and named.label == "PER") or _person_description(subject)


def _person_description(subject: NounPhrase) -> bool:
    """A definite description headed by a person noun ("…, déplore le maire normand. …"): a person speaks."""
    words = fold(subject.text).replace("'", "' ").split()
    return (
        subject.mention is None
        and words[:1] in (["le"], ["la"], ["l'"])
        and lex.description_head(subject.text) in lex.PERSON_NOUNS
    )


def bare_participle(ctx: Context, group: VerbGroup) -> bool:
    """Whether the verb group after a quotation is a past participle with no auxiliary followed by "par" (see
    the module docstring). French only."""
    if ctx.language != "fr":
        return False
    doc = ctx.doc
    verb = doc[group.verb]
    if "Part" not in verb.morph.get("VerbForm", []) or "Past" not in verb.morph.get("Tense", []):
        return False
    if any(t.pos_ == "AUX" for t in doc[ctx.token_at(group.start) : group.verb]):
        return False
    # "par" next, or after a few adverbs and time words ("promis seulement après l'été par l'exécutif")
    for tok in doc[group.verb + 1 : group.verb + 7]:
        if fold(tok.text) == "par":
            return True
        if tok.is_punct or tok.pos_ in {"VERB", "AUX"}:
            return False
    return False
