"""Crowd counts of a day of protest: the nation's and a town's are two slots.

French unions and the police each give a national count and a count for Paris ("1,27 million de
manifestants en France, dont 87 000 à Paris, selon l'Intérieur" / "plus de 2,8 millions, dont 500 000 dans la
capitale, selon la CGT"). Two sources' counts of one crowd are one slot told two ways (``differs-by-source``);
the police's Paris count and the union's national one are not. A count's **scope** is ``city`` when the words
around it name a town or "la capitale", ``country`` when they name the nation ("en France", "dans tout le
pays"), and otherwise ``country`` too when its article gives a town's count of people elsewhere (the count
it leaves unplaced is the total), else unknown ("").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from recoupe.crosscheck.slots import unit_concept
from recoupe.crosscheck.slots_lexicon import CROWDS, PERSONS

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from recoupe.crosscheck.frames import Frame
    from recoupe.crosscheck.statements import Statement

__all__ = ["both_in_town", "crowd_scope", "crowd_scopes", "scopes_apart"]

Key = tuple[str, str, int, int]

#: words that make a count a city's ("dans la capitale"), or say it is the nation's ("dans tout le pays")
CAPITAL = frozenset({"capitale"})
NATION = frozenset({"france", "pay", "hexagone"})


def crowd_scope(frame: Frame) -> str:
    """``city``, ``country`` or "" (the words around the count do not say)."""
    if (frame.places - NATION) or frame.concepts & CAPITAL:
        return "city"
    return "country" if (frame.places | frame.concepts) & NATION else ""


def _people(statement: Statement) -> bool:
    figure = statement.figure
    return figure is not None and figure.kind == "count" and unit_concept(figure) in CROWDS | PERSONS


def crowd_scopes(figures: Sequence[Statement]) -> dict[Key, str]:
    """The scope of every count of people: a count left unplaced in an article that gives a town's count of
    people elsewhere is the country's."""
    scopes = {s.key: crowd_scope(s.frame) for s in figures if s.frame is not None and _people(s)}
    with_town = {s.article_id for s in figures if scopes.get(s.key) == "city"}
    return {key: scope or ("country" if key[0] in with_town else "") for key, scope in scopes.items()}


def scopes_apart(a: Statement, b: Statement, scopes: Mapping[Key, str]) -> bool:
    """A town's count and the nation's."""
    return {scopes.get(a.key, ""), scopes.get(b.key, "")} == {"city", "country"}


def both_in_town(a: Statement, b: Statement, scopes: Mapping[Key, str]) -> bool:
    """Both counts are a town's."""
    return scopes.get(a.key) == scopes.get(b.key) == "city"
