"""Crowd counts of one day of protest: a town's count and the nation's are two slots; a count told twice in
one article is still its only count (issue 11, session 13).

The kinds of error were seen on report4 (scored blind once in session 12, tuning material since); every
sentence below is written for the test in the manner of French press, none is from a set. Expected outcomes
were written with the sentences, before the tests were run.
"""

from __future__ import annotations

from tests.crosscheck.two_outlets import article, check, conflict_pairs, relations

from recoupe.crosscheck.rules import compatible_in
from recoupe.enrich.figures import extract_figures


def _pair(pairs: list[tuple[str, str, str]], one: str, other: str) -> set[str]:
    """The relations found between a statement holding ``one`` and one holding ``other``."""
    return {r for r, x, y in pairs if (one in x and other in y) or (other in x and one in y)}


def test_a_national_count_is_not_paired_with_the_capital_count_of_another_source() -> None:
    a = article(
        "Le Quotidien du Centre",
        "2023-03-07T19:40",
        "Retraites : 1,2 million de manifestants selon l'Intérieur",
        "Selon le ministère de l'Intérieur, 1,2 million de personnes ont manifesté mardi en France, "
        "dont 100 000 à Paris. Les cortèges se sont élancés en début d'après-midi.",
    )
    b = article(
        "Radio Hexagone",
        "2023-03-08T07:15",
        "La CGT revendique plus de trois millions de manifestants",
        "La CGT a revendiqué « plus de 3 millions » de manifestants mardi dans tout le pays, "
        "dont 450 000 dans la capitale. La centrale appelle à une nouvelle journée samedi.",
    )
    pairs = conflict_pairs(check(a, b))
    assert _pair(pairs, "1,2 million", "3 millions") == {"differs-by-source"}
    assert _pair(pairs, "100 000", "450 000") == {"differs-by-source"}
    assert not _pair(pairs, "1,2 million", "450 000")


def test_a_count_repeated_in_title_and_body_is_still_the_only_one() -> None:
    a = article(
        "Méditerranée Info",
        "2023-08-09T10:20",
        "Naufrage au large de Lampedusa : 41 corps repêchés",
        "Les garde-côtes italiens ont repêché 41 corps après le naufrage d'une embarcation partie de Sfax. "
        "Quatre rescapés ont raconté la traversée.",
    )
    b = article(
        "L'Écho du Sud",
        "2023-08-09T11:05",
        "Lampedusa : un nouveau naufrage meurtrier",
        "Quarante-trois corps ont été sortis de l'eau près de Lampedusa, où une embarcation venue de Sfax "
        "a chaviré. Les secours ont recueilli le témoignage de quatre survivants.",
    )
    assert "conflicting" in _pair(conflict_pairs(check(a, b)), "41 corps", "Quarante-trois corps")


def test_a_small_count_is_counted_not_rounded() -> None:
    """ "20 grands électeurs" is twenty, not 19 to 21: "21 grands électeurs" is another count."""
    text_a, text_b = "La Pennsylvanie et ses 20 grands électeurs.", "La Pennsylvanie et ses 21 grands électeurs."
    (fa,) = [f for f in extract_figures(text_a, "fr", None) if f.kind == "count"]
    (fb,) = [f for f in extract_figures(text_b, "fr", None) if f.kind == "count"]
    assert not compatible_in(text_a, fa, text_b, fb)
    text_c = "Un cortège de 2 300 personnes."
    (fc,) = [f for f in extract_figures(text_c, "fr", None) if f.kind == "count"]
    text_d = "Un cortège de 2 310 personnes."
    (fd,) = [f for f in extract_figures(text_d, "fr", None) if f.kind == "count"]
    assert compatible_in(text_c, fc, text_d, fd)  # a round count of a crowd may be rounded


def test_a_towns_part_of_a_crowd_told_without_a_noun_is_the_towns_count() -> None:
    # session 14: written before the first run. "dont 90 000 à Paris" follows "dans 200 villes": it counts
    # demonstrators in Paris, not towns; the two sources' Paris counts differ by source.
    a = article(
        "Info Continue",
        "2023-01-31T19:00",
        "Retraites : la CGT revendique 400 000 manifestants",
        "La CGT a revendiqué mardi 400 000 manifestants dans 200 villes, dont 90 000 à Paris, contre le report "
        "de l'âge de départ à la retraite.",
    )
    b = article(
        "Dépêche Hexagone",
        "2023-01-31T20:00",
        "Retraites : 150 000 manifestants selon la police",
        "Selon le ministère de l'Intérieur, 150 000 personnes ont manifesté mardi en France, dont 20 000 à "
        "Paris, contre la réforme des retraites.",
    )
    found = relations(check(a, b))
    assert any(
        relation == "differs-by-source" and "90 000" in detail and "20 000" in detail for relation, detail in found
    )
