"""One town, two regions (issue 11, session 12). Sentences written for the test; outcomes written first."""

from __future__ import annotations

from tests.crosscheck.two_outlets import article, check, conflicting

from recoupe.crosscheck.places import places_told


def test_a_town_and_its_region_are_read_in_brackets_or_after_a_comma() -> None:
    assert [p[:2] for p in places_told("L'accident a eu lieu à Saint-Agrève (Ardèche) lundi.")] == [
        ("saint-agreve", "ardeche")
    ]
    assert [p[:2] for p in places_told("à Dayton, dans l'Ohio, mardi")] == [("dayton", "ohio")]
    assert places_told("PARIS (AFP) - Le gouvernement a annoncé") == []  # a dateline's agency
    assert places_told("Jordan Bardella (RN) a réagi.") == []  # a party's acronym


def test_one_town_put_in_two_departements_is_a_conflict() -> None:
    a = article(
        "Le Dauphiné du Soir",
        "2023-10-02T18:00",
        "Un cycliste tué par un chauffard",
        "Un cycliste de 45 ans a été tué dimanche matin à Saint-Agrève (Ardèche) par un automobiliste qui a pris "
        "la fuite. Le conducteur s'est rendu aux gendarmes dans l'après-midi.",
    )
    b = article(
        "Radio Vivarais",
        "2023-10-02T20:00",
        "Saint-Agrève : le chauffard s'est rendu",
        "L'automobiliste qui avait renversé un cycliste dimanche à Saint-Agrève (Haute-Loire) s'est présenté "
        "à la gendarmerie. La victime, âgée de 45 ans, est morte sur le coup.",
    )
    assert conflicting(check(a, b), "Ardèche", "Haute-Loire")


def test_a_dateline_in_capitals_names_its_town_too() -> None:
    """ "LA BRESSE (Vosges) -" is La Bresse, the town a body writes "La Bresse (Haute-Saône)" (session 13)."""
    assert [p[:2] for p in places_told("LA BRESSE (Vosges) - La station a fermé ses pistes.")] == [
        ("la bresse", "vosges")
    ]
    assert [p[:2] for p in places_told("GRENOBLE (AFP) - Le préfet a annoncé")] == []  # the agency again
    a = article(
        "Le Républicain de l'Est",
        "2024-02-10T09:00",
        "Faute de neige, La Bresse ferme ses pistes",
        "LA BRESSE (Vosges) - Faute de neige, la station de La Bresse a fermé samedi ses pistes de ski alpin.",
    )
    b = article(
        "Info Montagne",
        "2024-02-10T12:30",
        "Les pistes de La Bresse fermées",
        "La station de La Bresse (Haute-Saône) a fermé samedi ses pistes de ski alpin, faute de neige.",
    )
    assert conflicting(check(a, b), "Vosges", "Haute-Saône")
