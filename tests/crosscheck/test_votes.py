"""A vote's tally, its two sides read apart (issue 11, session 15). Sentences written for the test; expected
outcomes written before the first run."""

from __future__ import annotations

from tests.crosscheck.two_outlets import article, check, conflicting

from recoupe.crosscheck.votes import AGAINST, FOR, votes_told
from recoupe.model import Figure


def _votes(text: str, written: str, value: float) -> Figure:
    start = text.index(written)
    return Figure(start, start + len(written), written, "count", value, "voix")


def test_each_side_of_a_tally_is_read_with_its_side() -> None:
    text = "Le texte a été adopté par 351 voix pour et 167 contre."
    assert [(f.text, f.unit) for f in votes_told(text, [_votes(text, "351 voix", 351)])] == [
        ("351 voix", FOR),
        ("167", AGAINST),
    ]
    text = "La motion de censure a été rejetée par 289 voix contre 241."  # "contre" as "to": 289 for
    assert [(f.value, f.unit) for f in votes_told(text, [_votes(text, "289 voix", 289)])] == [
        (289.0, FOR),
        (241.0, AGAINST),
    ]
    # the enrichment may have read the number after "contre" already (lending it "voix"): read once, against
    both = [
        _votes(text, "289 voix", 289),
        Figure(text.index("241"), text.index("241") + 3, "241", "count", 241, "voix"),
    ]
    assert [(f.value, f.unit) for f in votes_told(text, both)] == [(289.0, FOR), (241.0, AGAINST)]
    text = "Résultat : 512 voix contre, une majorité nette."
    assert [f.unit for f in votes_told(text, [_votes(text, "512 voix", 512)])] == [AGAINST]


def test_two_outlets_giving_the_votes_against_two_values_conflict_and_the_sides_never_do() -> None:
    a = article(
        "Le Quotidien Parlementaire",
        "2024-04-11T19:00",
        "La loi sur la fin de vie adoptée en première lecture",
        "Les députés ont adopté jeudi en première lecture le projet de loi sur la fin de vie, par 412 voix contre "
        "120. Le texte part maintenant au Sénat.",
    )
    b = article(
        "Radio Hémicycle",
        "2024-04-11T21:30",
        "Fin de vie : feu vert de l'Assemblée",
        "Jeudi, l'Assemblée nationale a voté le texte sur la fin de vie : 412 voix pour et cent trente contre. "
        "Le Sénat doit maintenant l'examiner.",
    )
    found = check(a, b)
    assert conflicting(found, "120", "cent trente")
    assert not conflicting(found, "412", "cent trente")
    assert not conflicting(found, "412", "120")
