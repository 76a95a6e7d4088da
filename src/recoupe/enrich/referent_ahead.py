"""A singular pronoun speaker with nothing before it to take up: the person the article names after it.

Articles cut from their lead often open on a quote spoken by "il" or "elle" and name the speaker a few
sentences later ("« Je ne regrette rien », a-t-elle confié. … Marie Durand quittera la mairie"). When no
person is named before the pronoun outside quotation marks, ``named_ahead`` gives the first person named
after it whose gender (``coref.entity_gender``, all its mentions) agrees with the pronoun's (an unknown one
agrees); a person of the other gender, or named as a complement ("promise par X"), is skipped.
``referents.pronoun_subject`` asks it last, before leaving the pronoun as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from recoupe.enrich.coref import compatible, entity_gender, pronoun_gender
from recoupe.enrich.speakers_describe import complement
from recoupe.enrich.speech import fold

if TYPE_CHECKING:
    from recoupe.enrich.quotes_parse import Context
    from recoupe.model import Mention

__all__ = ["named_ahead"]

_SINGULAR = frozenset({"il", "elle"})


def named_ahead(ctx: Context, pronoun: str, where: int) -> Mention | None:
    """The first person named after ``where`` whose gender agrees with ``pronoun`` ("il"/"elle"), when the
    article names no person before ``where`` outside quotation marks; else None."""
    word = fold(pronoun).strip().lstrip("-").removeprefix("t-")
    gender = pronoun_gender(word)
    if word not in _SINGULAR or gender is None:
        return None
    persons = [m for m in ctx.mentions if m.label == "PER" and not ctx.quoted(m.start)]
    if any(m.start < where for m in persons):
        return None
    by_key: dict[str, list[Mention]] = {}
    for m in persons:
        by_key.setdefault(m.key, []).append(m)
    for m in sorted(persons, key=lambda m: m.start):
        if complement(ctx.text, m.start):
            continue  # "promise par Nicolas Sarkozy": the person spoken about, not the speaker
        if compatible(gender, entity_gender(ctx, by_key[m.key])):
            return m
    return None
