"""The gazetteer: known names with their label and aliases, turned into spaCy ``entity_ruler`` patterns.

A gazetteer file is JSON Lines, one entry a line::

    {"label": "ORG", "pattern": "SoftBank", "aliases": ["Softbank", "SoftBank Group"]}

``pattern`` is the canonical display name; each alias is another way of writing it. Matching is exact on
the token text (case-sensitive: "Orange" the company is not "orange" the colour). The shipped file
``data/gazetteer.jsonl`` lists well-known organisations (tech companies, French and international
institutions, media and wire agencies); a user file is merged over it, its entries replacing shipped
entries with the same key (``label`` may change that way: a user line ``{"label": "LOC", "pattern":
"Tesla"}`` makes Tesla a place). Blank lines and lines starting with ``#`` are skipped.

What the ruler resolves: a matched span gets the entry's label, and ``ent_id_`` = the canonical name, so
every alias maps to the canonical name and key. What it cannot know: context. "Tesla" in "Nikola Tesla"
would be the company, unless a longer entry (shipped: ``Nikola Tesla`` PER) matches; the longest match wins.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from recoupe.errors import ConfigError

__all__ = ["LABELS", "Gazetteer", "GazetteerEntry", "load_gazetteer", "shipped_gazetteer_text"]

#: the labels an entry may carry (recoupe's coarse types)
LABELS = frozenset({"PER", "ORG", "LOC", "MISC"})


@dataclass(frozen=True, slots=True)
class GazetteerEntry:
    """One known name: its canonical form, label and aliases."""

    label: str
    pattern: str
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """Entries by folded canonical name; the later source wins on a clash."""

    entries: tuple[GazetteerEntry, ...]

    def ruler_patterns(self) -> list[dict[str, Any]]:
        """spaCy ``entity_ruler`` patterns: one per form, ``id`` = the canonical name."""
        return [
            {"label": entry.label, "pattern": form, "id": entry.pattern}
            for entry in self.entries
            for form in (entry.pattern, *entry.aliases)
        ]

    def canonical(self) -> dict[str, GazetteerEntry]:
        """Every form (exact text) → its entry."""
        return {form: entry for entry in self.entries for form in (entry.pattern, *entry.aliases)}


def shipped_gazetteer_text() -> str:
    """The text of the gazetteer shipped as package data."""
    return resources.files("recoupe.enrich").joinpath("data", "gazetteer.jsonl").read_text(encoding="utf-8")


def _parse(text: str, where: str) -> list[GazetteerEntry]:
    entries = []
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        try:
            data = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ConfigError(f"gazetteer line is not JSON: {exc}", where=f"{where}:{number}") from exc
        if not isinstance(data, dict):
            raise ConfigError("gazetteer line must be a JSON object", where=f"{where}:{number}")
        label, pattern, aliases = data.get("label"), data.get("pattern"), data.get("aliases", [])
        if label not in LABELS:
            raise ConfigError(
                f"gazetteer label must be one of {sorted(LABELS)}, got {label!r}", where=f"{where}:{number}"
            )
        if not isinstance(pattern, str) or not pattern.strip():
            raise ConfigError("gazetteer 'pattern' must be a non-empty string", where=f"{where}:{number}")
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            raise ConfigError("gazetteer 'aliases' must be a list of strings", where=f"{where}:{number}")
        entries.append(GazetteerEntry(label, pattern.strip(), tuple(a.strip() for a in aliases)))
    return entries


def load_gazetteer(user_files: Iterable[Path] = (), *, shipped: bool = True) -> Gazetteer:
    """The shipped gazetteer (unless ``shipped=False``) with ``user_files`` merged over it, in order."""
    from recoupe.enrich.entities import entity_key

    merged: dict[str, GazetteerEntry] = {}
    sources: list[tuple[str, str]] = (
        [("recoupe:enrich/data/gazetteer.jsonl", shipped_gazetteer_text())] if shipped else []
    )
    for path in user_files:
        try:
            sources.append((str(path), Path(path).read_text(encoding="utf-8")))
        except OSError as exc:
            raise ConfigError(f"cannot read gazetteer: {exc.strerror}", where=str(path)) from exc
    for where, text in sources:
        for entry in _parse(text, where):
            key = entity_key(entry.pattern)
            merged.pop(key, None)  # re-inserting puts the newer entry last
            # a form claimed by an earlier entry under another key now belongs to this one
            forms = {entry.pattern, *entry.aliases}
            for other_key, other in list(merged.items()):
                if forms & {other.pattern, *other.aliases}:
                    kept = tuple(a for a in other.aliases if a not in forms)
                    merged[other_key] = GazetteerEntry(other.label, other.pattern, kept)
            merged[key] = entry
    return Gazetteer(tuple(merged.values()))
