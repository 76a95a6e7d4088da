"""Former holders of a role (issue 12, session 12).

News recalls who held an office before: "le ministre de l'Intérieur de l'époque, Gérard Collomb", "le
procureur de la République Jean-Yves Coquillat, alors en poste". A description in the present ("Le
ministre de l'Intérieur a fait savoir", "le procureur de la République à Grenoble") is then someone else,
named or not: the former holder is not taken up, unless the description itself speaks of the past
("l'ancien ministre", "le procureur de l'époque").

``past_holder`` tells whether a person's mention is marked as a former holder (a time marker right after
the name, or between a title and the name right before it); ``past_description`` whether a description
speaks of the past. Used by ``entities._titles_held`` and by ``referents.role_of_entity`` and
``role_next_to_name``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from recoupe.folding import fold

if TYPE_CHECKING:
    from collections.abc import Iterable

    from recoupe.model import Mention

__all__ = ["past_description", "past_holder", "past_key"]

#: a time marker that makes a role a former one ("de l'époque", "d'alors", "à l'époque", "alors en poste")
_MARKER = r"(?:de l'epoque|a l'epoque|d'alors|alors en (?:poste|fonction|exercice)|alors)"
#: right after the name: ", alors en poste", " (à l'époque)", ", à l'époque ministre"
_AFTER = re.compile(rf"^\s*[,(]?\s*{_MARKER}\b")
#: right before the name, after its title: "le ministre de l'Intérieur de l'époque, Gérard Collomb"
_BEFORE = re.compile(rf"\b{_MARKER}\s*,?\s*$")
_PAST_WORDS = re.compile(rf"\b(?:ancien|ancienne|ex|former|{_MARKER})\b")


def _folded(text: str) -> str:
    return fold(text).replace("’", "'")


def past_holder(text: str, m: Mention) -> bool:
    """Whether the mention ``m`` is written as a former holder of the role next to it."""
    after = _folded(text[m.end : m.end + 30])
    before = _folded(text[max(0, m.start - 30) : m.start])
    return bool(_AFTER.search(after) or _BEFORE.search(before))


def past_key(text: str, mentions: Iterable[Mention], key: str) -> bool:
    """Whether any mention of the entity ``key`` is written as a former holder."""
    return any(m.key == key and past_holder(text, m) for m in mentions)


def past_description(description: str) -> bool:
    """Whether a description speaks of a former holder ("l'ancien ministre", "le préfet de l'époque")."""
    return bool(_PAST_WORDS.search(_folded(description)))
