"""Whether a phrase can speak at all (``can_speak``) and what kind of speaker a description's head noun
names (``kind_of_head``): the tests ``referents`` runs before resolving a phrase, on words and the parse."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from recoupe.enrich import referent_words as lex
from recoupe.enrich.speech import fold

if TYPE_CHECKING:
    from recoupe.enrich.quotes_parse import Context

__all__ = ["can_speak", "kind_of_head"]


def can_speak(ctx: Context, text: str, start: int | None) -> bool:
    """Whether a phrase without an entity can be a speaker: a noun phrase headed by a person,
    organisation or media noun (or an agent noun), a share of people polled, or a capitalised name that is
    not a place, a month or a fragment."""
    raw = text.strip()
    if not raw or lex.GLUED.search(raw) or raw[:1] in "'’-–" or raw.endswith(("'", "’")):
        return False  # a fragment or two words glued across a missing space ("DJ.\"I")
    if lex.SHARE.search(fold(raw)) or lex.PARTITIVE.match(fold(raw).replace("’", "'")):
        return True  # a share of people polled ("49%", "Nearly a third", "deux tiers des Français")
    head = lex.description_head(raw)
    if not head or head in lex.MONTHS or head in lex.TIME_WORDS or head.isdigit() or _is_place(ctx, raw, start):
        return False
    first = next((w for w in re.findall(r"[\w'-]+", raw) if fold(w) not in lex.DETERMINERS), "")
    if (first[:1].isupper() and not raw[:1].islower()) or first.isupper():
        return head not in lex.NOT_SPEAKERS  # a name the entity tagger missed ("Matignon", "Vpourverdict")
    return _speaking_noun(ctx, head, start)


def _is_place(ctx: Context, raw: str, start: int | None) -> bool:
    if start is None:
        return False
    m = ctx.mention_at(start, start + len(raw))
    if m is None or m.label != "LOC" or not m.text[:1].isupper():
        return False  # "préfète du Rhône" tagged as a place is a role
    return " ".join(lex.description_words(m.text)) == " ".join(lex.description_words(raw))


def _speaking_noun(ctx: Context, head: str, start: int | None) -> bool:
    base = head[:-1] if head.endswith(("s", "x")) else head
    if {head, base} & (lex.PERSON_NOUNS | lex.ORG_NOUNS | lex.MEDIA_NOUNS):
        return True
    if head in lex.NOT_SPEAKERS or (lex.ABSTRACT if ctx.language == "fr" else lex.ABSTRACT_EN).search(head):
        return False
    return _head_pos(ctx, start, head) in {"NOUN", "PROPN", "ADJ", None}


def _head_pos(ctx: Context, start: int | None, head: str) -> str | None:
    """The part of speech of the head word in the parse (None when the phrase is not found)."""
    if start is None:
        return None
    k = ctx.token_covering(start)
    for tok in ctx.doc[k : k + 8]:
        if fold(tok.text).endswith(head):
            return str(tok.pos_)
    return None


def kind_of_head(head: str) -> str | None:
    """What a description's head noun names: ``MEDIA``, ``ORG``, ``PER`` (a person or agent noun) or None."""
    if head in lex.MEDIA_NOUNS:
        return "MEDIA"
    if head in lex.ORG_NOUNS:
        return "ORG"
    if head in lex.PERSON_NOUNS or lex.AGENT.search(head):
        return "PER"
    return None
