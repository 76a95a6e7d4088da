"""Who stands behind a document or a piece of news given as a source: "selon les statistiques du ministère
de l'Éducation", "d'après une enquête Ifop", "selon une information du portail Numerama", "selon le
communiqué de la préfecture".

A phrase headed by a noun that carries what someone said or counted (``CARRIER_NOUNS``: information,
statistiques, enquête, sondage, rapport, communiqué …) does not speak itself; its source is the
organisation or person named in it (the first name after the head), else its ``de`` complement ("du
ministère de la Santé" → "le ministère de la Santé"). ``source`` answers ``referents.carrier_source``;
a phrase whose head is no carrier, or that names no one after it, is left to the other rules.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from recoupe.enrich import referent_words as lex
from recoupe.enrich.quotes_parse import NounPhrase
from recoupe.enrich.speech import fold

if TYPE_CHECKING:
    from recoupe.enrich.referents import Ask

__all__ = ["CARRIER_NOUNS", "source"]

#: nouns of documents and news that carry someone's words or figures (folded)
CARRIER_NOUNS = lex.CARRIERS | lex.word_set(
    "statistiques statistique chiffres donnees enquete enquetes sondage sondages etude etudes rapport rapports "
    "communique communiques bilan bilans estimation estimations releve decompte comptage projection projections "
    "termes documents document note notes courrier lettre"
)

#: the complement that says whose the carrier is: "du ministère", "de la préfecture", "des associations"
_OF = re.compile(r"\s+(?:(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*)", re.IGNORECASE)


#: the article a ``de`` complement takes when written as a phrase of its own ("du ministère" → "le ministère")
_ARTICLES = {"du": "le ", "des": "les ", "de la": "la ", "de l'": "l'", "de l’": "l'"}


def source(ask: Ask, head: str) -> NounPhrase | None:
    """The phrase that names the source of the carrier phrase at ``ask`` (head noun ``head``), or None."""
    if head not in CARRIER_NOUNS or ask.start is None or ask.end is None or not ask.name:
        return None
    ctx = ask.ctx
    at = fold(ask.name).find(head)
    if at < 0:
        return None
    after = ask.start + at + len(head)
    named = [m for m in ctx.mentions if after <= m.start and m.end <= ask.end and m.label in {"ORG", "PER", "MISC"}]
    if named:
        m = named[0]
        return NounPhrase(m.start, m.end, m.text, m)
    of = _OF.match(ctx.text, after, ask.end)
    if of is None or of.end() >= ask.end:
        return None
    article = _ARTICLES.get(re.sub(r"\s+", " ", fold(of.group(0)).strip()), "")
    words = ctx.text[of.end() : ask.end]
    return NounPhrase(of.end(), ask.end, article + words, ctx.mention_at(of.end(), ask.end))
