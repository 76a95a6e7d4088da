"""French ordinals written in words: "premier", "seconde", "douzième", "vingt-et-unième" (``ordinal_value``),
read by the periods of ``statements`` ("le quinzième jour") and the ranks of ``ranks`` ("la soixante-neuvième
minute")."""

from __future__ import annotations

import re

from text_to_num import text2num  # type: ignore[import-untyped]

__all__ = ["ORDINAL_WORD", "ordinal_value"]

#: ordinals written in words: "premier", "seconde", "douzième", "vingt-et-unième" (``ordinal_value``)
ORDINAL_WORD = r"premi(?:er|ère)|seconde?|(?:[a-zé]+-)*[a-zé]+ième"
#: the cardinal under an ordinal's stem where it is not the stem itself ("cinquième" of "cinq")
_ORDINAL_STEMS = {"cinqu": "cinq", "neuv": "neuf", "quatr": "quatre", "onz": "onze", "douz": "douze", "treiz": "treize",
                  "quatorz": "quatorze", "quinz": "quinze", "seiz": "seize", "trent": "trente", "quarant": "quarante",
                  "cinquant": "cinquante", "soixant": "soixante", "mill": "mille"}  # fmt: skip


def ordinal_value(word: str) -> int | None:
    """The number of a French ordinal in words ("douzième" 12, "vingt-et-unième" 21; ``None`` if not one)."""
    folded = word.casefold()
    if folded in {"premier", "première"}:
        return 1
    if folded in {"second", "seconde"}:
        return 2
    if not folded.endswith("ième"):
        return None
    parts = re.split(r"([ \-]+)", folded[: -len("ième")])
    parts[-1] = _ORDINAL_STEMS.get(parts[-1], parts[-1])
    try:
        return int(text2num("".join(parts), "fr"))
    except ValueError:
        return None
