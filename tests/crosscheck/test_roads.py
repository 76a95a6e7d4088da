"""The road an event happened on, told by two outlets (issue 11, session 14).

Sentences written for the test; expected outcomes written before the first run.
"""

from __future__ import annotations

from tests.crosscheck.two_outlets import article, check, tagged

from recoupe.crosscheck.roads import roads_told


def test_roads_are_read_by_their_number_after_the_words_that_introduce_one() -> None:
    assert [road for road, _ in roads_told("La circulation est coupée sur l'autoroute A61.")] == ["a61"]
    assert [road for road, _ in roads_told("La RN12 et la N12 : une seule route.")] == ["n12", "n12"]
    assert [road for road, _ in roads_told("Le camion roulait sur la D938.")] == ["d938"]
    assert roads_told("Un Airbus A320 s'est posé en urgence.") == []
    assert roads_told("Il a fini 4e du classement A2.") == []


def _truck(road: str) -> tuple[str, str]:
    return (
        "Un poids lourd renversé bloque la circulation",
        (
            f"Un poids lourd transportant des produits chimiques s'est renversé mardi matin sur {road}, près de "
            "Beaune. Le chauffeur, légèrement blessé, a été conduit à l'hôpital de Dijon."
        ),
    )


def test_each_articles_only_road_is_one_road() -> None:
    a = article("Le Bien Public Express", "2024-02-06T10:00", *_truck("l'A6"))
    b = article(
        "Radio Bourgogne",
        "2024-02-06T12:00",
        "Beaune : accident d'un camion-citerne",
        "Les pompiers sont intervenus toute la matinée près de Beaune. Un camion-citerne s'est couché en travers "
        "de l'autoroute A31. Son conducteur a été hospitalisé à Dijon.",
    )
    assert tagged(check(a, b), "(route)")
    c = article(
        "Radio Bourgogne",
        "2024-02-06T12:00",
        "Beaune : accident d'un camion-citerne",
        "Les pompiers sont intervenus toute la matinée près de Beaune. Un camion-citerne s'est couché en travers "
        "de l'autoroute A6. Son conducteur a été hospitalisé à Dijon.",
    )
    assert not tagged(check(a, c), "(route)")


def test_an_article_naming_two_roads_has_no_only_road() -> None:
    a = article("Le Bien Public Express", "2024-02-06T10:00", *_truck("l'A6"))
    b = article(
        "Radio Bourgogne",
        "2024-02-06T12:00",
        "Beaune : accident d'un camion-citerne",
        "Les pompiers sont intervenus toute la matinée près de Beaune, où un camion-citerne s'est couché. "
        "La circulation est déviée par la D974, puis par l'A31. Son conducteur a été hospitalisé à Dijon.",
    )
    assert not tagged(check(a, b), "(route)")
