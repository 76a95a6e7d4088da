"""Named entities: spaCy NER, corrected by a gazetteer, with names resolved within the article.

FIRST VERSION (to be completed): spaCy entities mapped to PER/ORG/LOC/MISC; a short person name
("Musk", "M. Musk") resolves to the fullest name in the article that ends with it.
"""

from __future__ import annotations

import re
import unicodedata
from typing import TYPE_CHECKING

from recoupe.model import EntityRef, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["entity_key", "entity_refs", "find_mentions"]

_LABELS = {"PER": "PER", "PERSON": "PER", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC", "NORP": "MISC"}
_TITLES = re.compile(r"^(?:m|mme|mlle|mr|mrs|ms|dr|pr|me|sir|président|presidente?)\.?\s+", re.IGNORECASE)


def entity_key(name: str) -> str:
    """Case, accents, titles and spacing folded: the same entity gets the same key everywhere."""
    name = _TITLES.sub("", name.strip())
    decomposed = unicodedata.normalize("NFKD", name.casefold().replace("\u2019", "'"))
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


def find_mentions(doc: Doc, language: str) -> list[Mention]:
    """Entity mentions of ``doc`` with their canonical name within the article."""
    raw = [(ent.start_char, ent.end_char, ent.text, _LABELS.get(ent.label_, "MISC")) for ent in doc.ents]
    people = sorted({text for _, _, text, label in raw if label == "PER"}, key=len, reverse=True)
    mentions = []
    for start, end, text, label in raw:
        canonical = text
        if label == "PER":
            bare = _TITLES.sub("", text)
            canonical = next((full for full in people if full != text and full.endswith(" " + bare)), bare)
        mentions.append(Mention(start, end, text, label, canonical, entity_key(canonical)))
    return mentions


def entity_refs(doc: Doc, mentions: list[Mention]) -> list[EntityRef]:
    """One ``EntityRef`` per entity key, with the forms used and the number of mentions."""
    grouped: dict[str, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.key, []).append(mention)
    refs = []
    for key, group in grouped.items():
        aliases = tuple(sorted({m.text for m in group} - {group[0].canonical}))
        refs.append(EntityRef(key, group[0].canonical, group[0].label, aliases, (), len(group)))
    return refs
