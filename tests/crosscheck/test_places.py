"""One town, two regions (issue 11, session 12). Sentences written for the test; outcomes written first."""

from __future__ import annotations

from tests.crosscheck.two_outlets import article, check, conflicting

from recoupe.crosscheck.places import kinds_told, places_told


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


def test_a_place_is_read_by_its_kind_and_name() -> None:
    # session 15: written before the first run
    assert [p[:2] for p in kinds_told("Les combats ont repris dans la région de Kharkiv, dans le nord-est.")] == [
        ("region", "kharkiv")
    ]
    assert [p[:2] for p in kinds_told("Le département de l'Hérault est placé en vigilance rouge.")] == [
        ("departement", "herault")
    ]
    assert [p[:2] for p in kinds_told("Le camion s'est renversé à hauteur de Sélestat.")] == [("hauteur", "selestat")]
    assert kinds_told("Le gouvernement a décrété l'état d'urgence.") == []  # no State
    assert kinds_told("La région parisienne est touchée.") == []  # no name after "de"
    assert kinds_told("Il parlait devant une gare de Nara.") == []  # a station in Nara, not one named Nara


def _quake(where: str, outlet: str = "Radio Sud-Est") -> object:
    return article(
        outlet,
        "2023-09-09T08:00",
        "Un séisme de magnitude 6,8 frappe le Maroc",
        f"Un séisme de magnitude 6,8 a frappé vendredi soir le Maroc. L'épicentre a été localisé {where}, à "
        "environ 70 kilomètres de Marrakech. Des centaines de maisons se sont effondrées.",
    )


def test_each_articles_only_place_of_a_kind_named_two_ways_is_a_conflict() -> None:
    # session 15: written before the first run. The sentences are worded apart; each article names one province.
    a = _quake("dans la province d'Al-Haouz")
    b = article(
        "Le Journal du Maghreb",
        "2023-09-09T10:30",
        "Maroc : la terre a tremblé dans le Haut Atlas",
        "La secousse, d'une magnitude de 6,8, s'est produite vendredi à 23h11. Son épicentre se trouvait dans "
        "les montagnes de la province de Taroudant. Des centaines de maisons se sont effondrées.",
    )
    # (first written with "les villages de la province de Taroudant sont les plus touchés, selon les autorités":
    # not a conflict at all, since the worst-hit villages need not be at the epicentre; the rule cannot tell, so
    # the test says what a real disagreement looks like)
    assert conflicting(check(a, b), "Al-Haouz", "Taroudant")


def test_one_place_of_a_kind_named_the_same_or_two_in_one_article_is_no_conflict() -> None:
    # session 15: written before the first run
    a = _quake("dans la province d'Al-Haouz")
    same = _quake("au cœur de la province d'Al-Haouz", "Le Journal du Maghreb")
    assert not [c for v in check(a, same).verdicts for c, _, _ in v.conflicts if "(lieu)" in c.detail]
    two = article(
        "Le Journal du Maghreb",
        "2023-09-09T10:30",
        "Maroc : la terre a tremblé dans le Haut Atlas",
        "La secousse, d'une magnitude de 6,8, s'est produite vendredi soir. La province de Taroudant et la "
        "province de Chichaoua sont aussi touchées. Des centaines de maisons se sont effondrées.",
    )
    assert not [c for v in check(a, two).verdicts for c, _, _ in v.conflicts if "(lieu)" in c.detail]


def test_where_it_happened_is_no_sources_account() -> None:
    # session 15: written before the first run. One outlet names a source for the epicentre, the other does not:
    # still two places for one epicentre, a conflict (not "differs by source")
    a = _quake("dans la province d'Al-Haouz")
    b = article(
        "Le Journal du Maghreb",
        "2023-09-09T10:30",
        "Maroc : la terre a tremblé dans le Haut Atlas",
        "La secousse, d'une magnitude de 6,8, s'est produite vendredi à 23h11. Son épicentre se trouvait dans "
        "la province de Taroudant, selon l'Institut national de géophysique. Des centaines de maisons se sont "
        "effondrées.",
    )
    assert conflicting(check(a, b), "Al-Haouz", "Taroudant")


def test_a_town_in_its_state_and_in_its_country_is_one_place() -> None:
    # session 15: written before the first run. "Moore (Oklahoma)" and "Moore, aux États-Unis": a region and the
    # country holding it (CLDR's country names), not two places
    a = article(
        "Météo Monde",
        "2013-05-21T08:00",
        "Une tornade dévaste Moore",
        "Une tornade d'une rare violence a dévasté lundi la ville de Moore (Oklahoma), faisant au moins 24 morts.",
    )
    b = article(
        "Radio Continent",
        "2013-05-21T10:00",
        "Moore ravagée par une tornade",
        "La ville de Moore, aux États-Unis, a été ravagée lundi par une tornade qui a fait au moins 24 morts.",
    )
    assert not [c for v in check(a, b).verdicts for c, _, _ in v.conflicts if "(lieu)" in c.detail]
    c = article(
        "Radio Continent",
        "2013-05-21T10:00",
        "Moore ravagée par une tornade",
        "La ville de Moore (Kansas) a été ravagée lundi par une tornade qui a fait au moins 24 morts.",
    )
    assert conflicting(check(a, c), "Oklahoma", "Kansas")


def _ship(told: str, outlet: str) -> object:
    return article(
        outlet,
        "2023-06-15T12:00",
        "Un chalutier chargé de migrants chavire au large de la Grèce",
        f"Un chalutier surchargé de migrants a chaviré dans la nuit de mardi à mercredi au large de la Grèce. "
        f"{told} Les garde-côtes ont secouru une centaine de personnes.",
    )


def test_one_country_each_claim_names_that_the_other_does_not_conflicts() -> None:
    # session 15: written before the first run
    a = _ship("Le bateau était parti d'Égypte et se dirigeait vers l'Italie, selon les survivants.", "Radio Mer")
    b = _ship("Le bateau était parti de Libye et se dirigeait vers l'Italie, selon les survivants.", "Le Large")
    assert conflicting(check(a, b), "Égypte", "Libye")
    same = _ship("Le bateau était parti d'Égypte et faisait route vers l'Italie, selon les rescapés.", "Le Large")
    assert not [c for v in check(a, same).verdicts for c, _, _ in v.conflicts if "(lieu)" in c.detail]
