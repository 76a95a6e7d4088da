"""Person names the NER missed, found from the names it did find (issue 12, session 12).

A statistical tagger reads each occurrence of a name on its own: in one article it may find "M. Le Gendre"
twice and miss "Gilles Le Gendre" (glued to "La République en marche" before it) and "Gilles Le Gendre,
62 ans"; or find "Nevila" and miss "Nevila Gjermeni, 38 ans". A speaker named only where the tagger missed
the name is then taken for someone else. Two rules, each over the document's tokens:

- ``repeated_names``: the words of a person the tagger found ("Le Gendre", "Nevila"), written again where no
  entity is, with at least one more capitalised proper noun next to them ("Gilles Le Gendre", "Nevila
  Gjermeni"), are that person's fuller name. A name found once with two words or more ("Le Gendre") is also
  taken up where it stands alone.
- ``aged_names``: two or three capitalised proper nouns followed by an age apposition (", 38 ans",
  ", 62 ans,") are a person; so is an entity the NER labelled otherwise there (``aged``: "Nevila
  Gjermeni, 38 ans" read as a place).

Both return ``(start, end)`` character spans that overlap no entity found; ``entities.find_mentions`` adds
them as persons before names are resolved within the article.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from recoupe.folding import fold

if TYPE_CHECKING:
    from collections.abc import Sequence

    from spacy.tokens import Doc, Token

__all__ = ["aged", "aged_names", "missed_persons", "repeated_names"]

#: words of a found name that are titles, not name words
_TITLE_WORDS = frozenset({"m", "m.", "mme", "mlle", "me", "dr", "pr", "mr", "mrs", "ms", "."})
_AGE = re.compile(r"\s*,\s*(?:âgée?s?\s+de\s+)?\d{1,3}\s+ans\b")


def _name_word(tok: Token) -> bool:
    """A capitalised proper noun that can be part of a person's name."""
    text = tok.text
    return (
        text[:1].isupper()
        and (text.replace("-", "").replace("'", "").isalpha())
        and tok.pos_ == "PROPN"
        and not text.isupper()
    )


def _free(start: int, end: int, taken: Sequence[tuple[int, int]]) -> bool:
    return all(end <= a or b <= start for a, b in taken)


def repeated_names(
    doc: Doc, persons: Sequence[tuple[int, int]], taken: Sequence[tuple[int, int]]
) -> list[tuple[int, int]]:
    """Spans where the words of a found person (``persons``: their spans) are written again outside any
    entity (``taken``), extended over adjacent capitalised proper nouns; kept when extended, or when the
    found words are two or more."""
    words: set[tuple[str, ...]] = set()
    for start, end in persons:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        name = tuple(t.text for t in span if t.text.lower() not in _TITLE_WORDS)
        if name and all(w[:1].isupper() for w in name):
            words.add(name)
    texts = [t.text for t in doc]
    found: list[tuple[int, int]] = []
    for name in sorted(words, key=len, reverse=True):
        n = len(name)
        for i in range(len(texts) - n + 1):
            if tuple(texts[i : i + n]) != name:
                continue
            first, last = i, i + n - 1
            if not _free(doc[first].idx, doc[last].idx + len(doc[last].text), [*taken, *found]):
                continue
            while first > 0 and _name_word(doc[first - 1]) and doc[first - 1].whitespace_:
                first -= 1
            while last + 1 < len(doc) and _name_word(doc[last + 1]) and not doc[last + 1].is_sent_start:
                last += 1
            if (first, last) == (i, i + n - 1) and n < 2:
                continue
            start, end = doc[first].idx, doc[last].idx + len(doc[last].text)
            if _free(start, end, [*taken, *found]):
                found.append((start, end))
    return sorted(found)


#: occupations whose name right after them is a person's ("du rappeur Black M", "la chanteuse Angèle"), however
#: the NER labelled it (a stage name read as a work, a first name read as a place)
_OCCUPATIONS = (
    "rappeur|rappeuse|chanteur|chanteuse|musicien|musicienne|compositeur|compositrice|acteur|actrice|comedien|"
    "comedienne|humoriste|animateur|animatrice|realisateur|realisatrice|ecrivain|ecrivaine|romancier|romanciere|"
    "journaliste|photographe|mannequin|danseur|danseuse|youtubeur|youtubeuse|influenceur|influenceuse|styliste|"
    "footballeur|footballeuse|joueur|joueuse|tennisman|boxeur|boxeuse|nageur|nageuse|cycliste|patissier|"
    "patissiere|cuisinier|cuisiniere|dj"
)
_OCCUPIED = re.compile(
    rf"\b(?:le|la|l'|du|de la|au|a la)\s+(?:(?:jeune|celebre|ancien|ancienne|star|grand|grande)\s+)?"
    rf"(?:{_OCCUPATIONS})\s+$"
)


def occupied(text: str, start: int) -> bool:
    """Whether an occupation with its article stands right before character ``start`` ("du rappeur ")."""
    return _OCCUPIED.search(fold(text[max(0, start - 40) : start]).casefold().replace("’", "'")) is not None


def aged(text: str, end: int) -> bool:
    """Whether an age apposition (", 38 ans") follows character ``end``."""
    return _AGE.match(text, end) is not None


def aged_names(doc: Doc, taken: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Two or three capitalised proper nouns right before an age apposition (", 38 ans"), outside entities."""
    found: list[tuple[int, int]] = []
    text = doc.text
    i = 0
    while i < len(doc):
        if not _name_word(doc[i]):
            i += 1
            continue
        j = i
        while j + 1 < len(doc) and _name_word(doc[j + 1]):
            j += 1
        start, end = doc[i].idx, doc[j].idx + len(doc[j].text)
        if 2 <= j - i + 1 <= 3 and _AGE.match(text, end) and _free(start, end, taken):
            found.append((start, end))
        i = j + 1
    return found


def missed_persons(doc: Doc, raw: Sequence[tuple[int, int, str, str | None]]) -> list[tuple[int, int]]:
    """Spans of persons the NER missed in ``doc`` (French and English), given the entities it found
    (``(start, end, label, gazetteer canonical)``)."""
    taken = [(s, e) for s, e, _, _ in raw]
    persons = [(s, e) for s, e, label, canon in raw if label == "PER" and canon is None]
    repeated = repeated_names(doc, persons, taken)
    return sorted([*repeated, *aged_names(doc, [*taken, *repeated])])
