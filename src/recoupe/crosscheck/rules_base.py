"""The ``Conflict`` the rules return, and the word splitting they share (see ``recoupe.crosscheck.rules``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from recoupe.folding import fold

__all__ = ["KINDS", "Conflict", "folded_words"]

#: what a conflict can be about
KINDS = ("figure", "date", "negation", "antonym", "quote_wording", "speaker")

_WORD = re.compile(r"\w+", re.UNICODE)
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "’": "'", "ʼ": "'", "‘": "'"})


@dataclass(frozen=True, slots=True)
class Conflict:
    """Two statements that cannot both be right, and why.

    ``kind`` is one of ``KINDS``; ``detail`` says it for a person ("97,4 milliards de dollars vs 300 milliards
    de dollars (offre)"); ``a_span``/``b_span`` are the character offsets (end exclusive) of the conflicting
    figure, word or words in each text.
    """

    kind: str
    detail: str
    a_span: tuple[int, int]
    b_span: tuple[int, int]

    def to_dict(self) -> dict[str, Any]:
        return {"kind": self.kind, "detail": self.detail, "a_span": list(self.a_span), "b_span": list(self.b_span)}


def folded_words(text: str) -> list[tuple[str, int, int]]:
    """``(folded word, start, end)`` for each run of letters or digits of ``text`` (offsets into ``text``).

    Ligatures are expanded before folding, which keeps offsets (each folded word is rebuilt from its slice).
    """
    return [(fold(m.group().translate(_LIGATURES)), m.start(), m.end()) for m in _WORD.finditer(text)]
