"""The person an article is about: what a bare description of a person ("le président", "l'élu", "la
porte-parole du gouvernement", "le médecin") refers to when nothing next to it names anyone.

News articles introduce their protagonist by name once or twice and then take them up by role or title
("Emmanuel Macron s'est rendu … a répondu le président"); a hypernym ("l'élu" for "Nicolas Nordman,
adjoint à la sécurité") or a synonym the article never writes next to the name is still that person.
``person`` answers ``referents.salient_person``, a rule run after the rules that read a role written
next to a name: among the persons the article names (outside quotes, not as a complement "de X"), whose
gender agrees with the description and who carry no other person role than the description's, the one
the article gives the most weight (its mentions plus the quotes already given to it). It answers only
when that person stands out: strictly ahead of the next one, and named at least twice when others are
named at all, so a description of an unnamed bystander in an article about several people stays a
description.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from recoupe.enrich import referent_words as lex
from recoupe.enrich.coref import compatible, entity_gender, phrase_gender
from recoupe.enrich.quotes_parse import NounPhrase
from recoupe.enrich.referent_words import other_role
from recoupe.enrich.speakers_describe import complement, looks_plural
from recoupe.enrich.speech import fold

if TYPE_CHECKING:
    from collections.abc import Collection

    from recoupe.enrich.referents import Ask, Referent
    from recoupe.model import Mention

__all__ = ["ORGANISATION_TYPES", "continued", "office_like", "organisation", "person"]

#: ``continued``: the previous quote's speaker spoke at most this many characters before the description
CONTINUED_REACH = 500
#: first words of a description of someone new, or of several people
_NEW = lex.word_set("un une des les ces plusieurs deux trois certains certaines d'autres autre autres another a an")

#: nouns that name a kind of organisation, not one institution ("le syndicat", "l'association", "le
#: groupe"): the article's leading organisation is meant; "le gouvernement", "la direction", "le ministère"
#: are left as written (folded)
ORGANISATION_TYPES = lex.word_set(
    "syndicat association parti ong entreprise societe groupe federation collectif mouvement club fondation "
    "firme constructeur compagnie enseigne operateur organisme institut laboratoire"
)


#: endings of nouns that name a person by what they do ("le présentateur", "la réalisatrice", "le
#: syndicaliste"); professions met in any story ("l'avocat", "le policier") are listed in
#: ``referent_words.PERSON_NOUNS`` and stay out
_DOER = re.compile(r"(?:eur|euse|rice|iste)$")
#: feminine endings and their masculine ("la cheffe" → "chef", "la directrice" → "directeur")
_FEMININE = (("ffe", "f"), ("trice", "teur"), ("euse", "eur"), ("enne", "en"), ("ere", "er"), ("e", ""))


def _masculine(head: str) -> str:
    return next((head[: -len(fem)] + masc for fem, masc in _FEMININE if head.endswith(fem)), head)


def office_like(head: str) -> bool:
    """Whether a description's head noun (folded, singular) can be the title an article gives its
    protagonist: an office (``referent_words.OFFICES``, feminine forms included: "la cheffe"), or a noun of
    a doer ("le présentateur", "le réalisateur") that is no common profession, organisation or medium."""
    if head in lex.OFFICES or _masculine(head) in lex.OFFICES:
        return True
    other = lex.PERSON_NOUNS | lex.ORG_NOUNS | lex.MEDIA_NOUNS | ORGANISATION_TYPES
    return bool(_DOER.search(head)) and head not in other and _masculine(head) not in other


def _gender_of(ask: Ask, mentions: list[Mention]) -> str | None:
    return entity_gender(ask.ctx, mentions)


def person(ask: Ask, head: str) -> Mention | None:
    """The article's most weighted person that the description at ``ask`` (head noun ``head``, folded) can
    take up, or None when no one stands out. A person the article describes by another noun
    (``referent_words.other_role``: "Thierry, un riverain" for "le médecin") is not taken up."""
    ctx = ask.ctx
    gender = None
    if ask.start is not None and ask.end is not None:
        gender = phrase_gender(ctx, NounPhrase(ask.start, ask.end, ctx.text[ask.start : ask.end], None))
    persons = {m.key for m in ctx.mentions if m.label == "PER"}
    named: dict[str, list[Mention]] = {}
    for m in ctx.mentions:
        if m.key in persons and m.start < ask.at and not ctx.quoted(m.start) and not complement(ctx.text, m.start):
            named.setdefault(m.key, []).append(m)
    spoke = Counter(ref.key for _, ref in ask.before if ref.key is not None and ref.kind == "PER")
    weights = sorted(
        ((len(found) + spoke[key], key) for key, found in named.items()),
        reverse=True,
    )
    fitting = [
        (weight, key)
        for weight, key in weights
        if not other_role(ask.roles.get(key, ()), head) and compatible(gender, _gender_of(ask, named[key]))
    ]
    if not fitting:
        return None
    weight, key = fitting[0]
    runner_up = next((w for w, k in weights if k != key), 0)
    if weight <= runner_up or (runner_up and len(named[key]) < 2):
        return None
    return min(named[key], key=lambda m: abs(ask.at - m.start))


def organisation(ask: Ask, head: str, outlets: Collection[str]) -> Mention | None:
    """The organisation the article is about, for a description naming its kind ("le syndicat" → "la CGT"):
    the organisation (no person, no outlet: keys in ``outlets``) named most before the quote, outside
    quotes, when it stands out and is named at least twice."""
    if head not in ORGANISATION_TYPES:
        return None
    ctx = ask.ctx
    persons = {m.key for m in ctx.mentions if m.label == "PER"}
    named: dict[str, list[Mention]] = {}
    for m in ctx.mentions:
        kind = fold(m.canonical).replace("'", "' ").split()[:1]
        other_kind = bool(kind) and kind[0] in lex.ORG_NOUNS and kind[0] != head  # "ministère de …" is no union
        if m.label != "ORG" or m.key in persons or m.key in outlets or other_kind:
            continue
        if m.start < ask.at and not ctx.quoted(m.start):
            named.setdefault(m.key, []).append(m)
    weights = sorted(((len(found), key) for key, found in named.items()), reverse=True)
    if not weights or weights[0][0] < 2 or (len(weights) > 1 and weights[1][0] >= weights[0][0]):
        return None
    return min(named[weights[0][1]], key=lambda m: abs(ask.at - m.start))


def continued(ask: Ask, head: str) -> Referent | None:
    """The person who spoke just before, for a singular description that nothing else resolved and that
    names no one new ("… estime Valérie Pécresse. Pour l'ex-LR, "…""; "a ajouté l'ancien ministre"): the
    previous quote's speaker, a person, close before with no other person named in between, whom the
    article gives no other role. French only: on PolNeAR English dev the same rule lost 1.4 points of
    speaker accuracy (82.0 -> 80.6), English reports naming a new source by description right after."""
    if not ask.before or ask.start is None or not ask.name or ask.ctx.language != "fr":
        return None
    words = fold(ask.name).replace("'", "' ").split()
    if not words or words[0] in _NEW or words[1:2] in (["un"], ["une"]) or (ask.name.islower() and len(words) == 1):
        return None  # "l'un des plaignants", a bare "enquêteur": someone new
    if looks_plural(ask.name) or head in lex.ORG_NOUNS or head in lex.MEDIA_NOUNS:
        return None
    pos, ref = ask.before[-1]
    roles = [lex.description_head(r)[:5] for r in ask.roles.get(ref.key or "", ())]
    if (head in lex.PERSON_NOUNS or head in lex.TITLES) and head[:5] not in roles:
        return None  # "l'avocat général" after the accused spoke: a role the speaker was never given
    if (
        ref.key is None
        or ref.kind != "PER"
        or ask.at - pos > CONTINUED_REACH
        or other_role(ask.roles.get(ref.key, ()), head)
    ):
        return None
    ctx = ask.ctx
    between = [
        m
        for m in ctx.mentions
        if pos < m.start < ask.start and m.label == "PER" and m.key != ref.key and not ctx.quoted(m.start)
    ]
    return None if between else ref
