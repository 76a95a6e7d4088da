"""Turns of a dialogue told in prose: the pronoun of a reply ("« … », a-t-il répondu", "rétorque-t-elle")
names the other person of the exchange, not the one who just spoke.

``replied`` answers ``referents.reply_turn``, a rule of ``referents.RULES`` that runs before the resolver's
answer is kept: when the cue is a verb of replying, the speaker phrase is a pronoun and the resolver gave
the last speaker, the reply goes to

1. ``addressee``: the person the previous turn was addressed to, named as its object close before
   ("a lancé Jean-Luc Mélenchon à Gabriel Attal", "Valérie Pécresse a interpellé Anne Hidalgo");
2. ``other_speaker`` (for "rétorquer", "répliquer", "riposter" only, which never answer oneself): the
   person who spoke before the last speaker, close before.

Otherwise the rule does not answer (a reply to a journalist's question is the speaker's own).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from recoupe.enrich.coref import compatible, pronoun_gender
from recoupe.enrich.speech import fold

if TYPE_CHECKING:
    from recoupe.enrich.referents import Ask, Referent
    from recoupe.model import Mention

__all__ = ["addressee", "other_speaker", "replied"]

#: the previous turn is at most this many characters before the reply
TURN_REACH = 700

_REPLY = re.compile(r"\b(?:repon|retorqu|repliqu|ripost|contre-attaqu|objecte)")
_RETORT = re.compile(r"\b(?:retorqu|repliqu|ripost|contre-attaqu|objecte)")
_PRONOUNS = frozenset({"il", "elle", "he", "she"})
_ADDRESSED = re.compile(
    r"(?:\b(?:a|au|aux)\s+(?:l'adresse\s+de\s+)?"
    r"|\b(?:interpell|interroge|questionn|apostroph|accus|attaqu|tacl|critiqu|reproch|vis|cibl)\w*\s+)"
    r"(?:(?:le|la|l'|son|sa)\s+)?(?:[\w'-]+\s+){0,3}$"
)


def _replying(ask: Ask) -> bool:
    """A pronoun subject of a verb of replying, resolved to whoever spoke last."""
    if not ask.cue or not ask.before or ask.start is None or ask.end is None:
        return False
    if not _REPLY.search(fold(ask.cue)) or fold(ask.ctx.text[ask.start : ask.end]) not in _PRONOUNS:
        return False
    pos, last = ask.before[-1]
    return ask.at - pos <= TURN_REACH and last.key is not None and ask.key in {last.key, None}


def _gender_fits(ask: Ask, m: Mention) -> bool:
    """The pronoun agrees with the name's own gender (the title before it is left out: "la Première
    ministre" is tagged masculine)."""
    pronoun = ask.ctx.text[ask.start or 0 : ask.end or 0]
    first = ask.ctx.doc[ask.ctx.token_covering(m.start)]
    genders = first.morph.get("Gender", [])
    return compatible(pronoun_gender(pronoun), genders[0] if genders else None)


def addressee(ask: Ask) -> Mention | None:
    """The person the previous turn was addressed to: a person named after "à" or after a verb of
    addressing ("interpelle", "accuse", "répond à") since the sentence before the previous turn."""
    ctx = ask.ctx
    pos, last = ask.before[-1]
    lo = ctx.sentence_of(max(0, ctx.sentence_of(pos)[0] - 1))[0]
    found: Mention | None = None
    for m in ctx.mentions:
        if m.start < lo or m.start >= ask.at or m.label != "PER" or m.key == last.key or ctx.quoted(m.start):
            continue
        before = fold(ctx.text[max(lo, m.start - 40) : m.start])
        if _ADDRESSED.search(before) and _gender_fits(ask, m):
            found = m  # the nearest to the reply wins
    return found


def other_speaker(ask: Ask) -> Referent | None:
    """The person who spoke before the last speaker, close before (a retort answers someone else)."""
    _, last = ask.before[-1]
    for pos, ref in reversed(ask.before[:-1]):
        if ask.at - pos > TURN_REACH * 2:
            return None
        if ref.key is not None and ref.key != last.key and ref.kind == "PER":
            return ref
    return None


def replied(ask: Ask) -> tuple[str, str] | None:
    """ "« … », a-t-il répondu" after a turn addressed to someone: that person; "rétorque-t-elle" after
    two people spoke: the one who did not speak last. The name and entity key, or None."""
    if not _replying(ask):
        return None
    m = addressee(ask)
    if m is not None:
        return m.canonical, m.key
    ref = other_speaker(ask) if _RETORT.search(fold(ask.cue or "")) else None
    if ref is not None and ref.name is not None and ref.key is not None:
        return ref.name, ref.key
    return None
