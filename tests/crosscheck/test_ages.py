"""Whose age a number of years is, and two ages of one person (issue 11, session 12).

Sentences written for the test; expected outcomes written before the first run.
"""

from __future__ import annotations

from tests.crosscheck.two_outlets import article, check, conflicting

from recoupe.crosscheck.ages import age_holder, same_holder
from recoupe.model import Figure


def _years(text: str, written: str, value: float) -> Figure:
    start = text.index(written)
    return Figure(start, start + len(written), written, "quantity", value, "an")


def test_the_name_right_before_an_age_holds_it() -> None:
    text = "Le navigateur Jean-Yves Le Goff, 64 ans, a été secouru au large de Brest."
    assert age_holder(text, _years(text, "64 ans", 64)) == "Jean-Yves Le Goff"
    text = "La sénatrice Marie-Claire Dubois (58 ans) a annoncé sa candidature."
    assert age_holder(text, _years(text, "58 ans", 58)) == "Marie-Claire Dubois"
    text = "Le tireur, âgé de 20 ans, a été abattu."  # a description: no one named
    assert age_holder(text, _years(text, "20 ans", 20)) is None
    text = "Le contrat court sur cinq ans, selon Bercy."  # a length, not an age
    assert age_holder(text, _years(text, "cinq ans", 5)) is None
    assert same_holder("Jean-Yves Le Goff", "Jean-Yves Le Goff")
    assert not same_holder("Jean-Yves Le Goff", "Jean-Yves Martin")


def test_two_ages_of_one_person_named_in_two_articles_conflict() -> None:
    a = article(
        "Le Télégramme du Large",
        "2024-06-03T09:00",
        "Un navigateur secouru au large de Brest",
        "Le navigateur Jean-Yves Le Goff, 64 ans, a été hélitreuillé dimanche soir à 40 milles de Brest. "
        "Son voilier avait démâté dans la tempête.",
    )
    b = article(
        "Ouest Radio",
        "2024-06-03T11:30",
        "Tempête : le skipper Jean-Yves Le Goff hélitreuillé",
        "La Marine nationale a secouru dimanche un skipper en difficulté au large du Finistère. "
        "Jean-Yves Le Goff, 61 ans, est sain et sauf.",
    )
    assert conflicting(check(a, b), "64", "61")


def test_the_only_age_each_article_gives_is_one_figure() -> None:
    a = article(
        "Le Journal des Sports",
        "2022-05-15T10:00",
        "Mort d'une légende du handball",
        "L'ancien gardien de l'équipe de France est mort samedi à 61 ans, des suites d'une longue maladie. "
        "Double champion du monde, il avait entraîné Montpellier pendant dix saisons.",
    )
    b = article(
        "Sud Sport",
        "2022-05-15T12:00",
        "Le handball perd son gardien de légende",
        "Il avait 63 ans. L'ancien portier des Bleus, double champion du monde, s'est éteint samedi après une "
        "longue maladie. Il avait entraîné Montpellier pendant dix saisons.",
    )
    assert conflicting(check(a, b), "61", "63")


def test_ages_of_two_named_people_are_two_figures() -> None:
    a = article(
        "Le Courrier du Var",
        "2021-08-10T09:00",
        "Toulon : un suspect interpellé",
        "Le suspect, Karim Bensaïd, 25 ans, a été interpellé lundi à Toulon après une rixe.",
    )
    b = article(
        "Var Direct",
        "2021-08-10T11:00",
        "Rixe à Toulon : la victime hospitalisée",
        "La victime, Julien Moreau, 31 ans, a été hospitalisée lundi à Toulon après une rixe.",
    )
    found = check(a, b)
    assert not any("25" in c.detail and "31" in c.detail for v in found.verdicts for c, _, _ in v.conflicts)


def test_an_only_age_the_other_article_gives_to_a_named_person_is_not_a_conflict() -> None:
    # session 14: written before the first run. The other article gives two ages: the victim's (37) and the
    # attacker's, named (42): the first article's only age, 42, is the attacker's, not a second age of anyone.
    a = article(
        "Info Continue",
        "2023-05-12T22:00",
        "Attaque au couteau devant une école de Nantes",
        "Un homme a blessé un enseignant au couteau vendredi devant une école de Nantes. "
        "Âgé de 42 ans, l'assaillant a été interpellé sur place par des policiers.",
    )
    b = article(
        "Le Courrier de l'Estuaire",
        "2023-05-13T08:00",
        "Nantes : l'enseignant agressé hors de danger",
        "Il avait 37 ans et enseignait l'histoire depuis dix ans dans l'établissement. "
        "Son agresseur, Marc Delorme, 42 ans, a été placé en garde à vue vendredi soir.",
    )
    assert not conflicting(check(a, b), "42 ans", "37 ans")


def test_the_ages_both_give_aside_the_one_age_left_in_each_is_one_persons() -> None:
    # session 14: written before the first run. Both give the son's age (8 ans); the father's is 44 in one,
    # 46 in the other.
    a = article(
        "Le Courrier du Centre",
        "2024-07-21T09:00",
        "Un père et son fils emportés par une vague à Biarritz",
        "Un homme de 44 ans est mort samedi après avoir tenté de secourir son fils, âgé de 8 ans, emporté par "
        "une vague sur la plage de la Côte des Basques. L'enfant a été sauvé par les nageurs-sauveteurs.",
    )
    b = article(
        "Sud Matin",
        "2024-07-21T12:00",
        "Biarritz : drame sur la plage de la Côte des Basques",
        "Il avait 46 ans. Samedi, ce père de famille s'est jeté à l'eau pour rattraper son garçon, 8 ans, "
        "pris par le courant. Les sauveteurs ont ramené l'enfant sur la plage, mais n'ont pu ranimer son père.",
    )
    assert conflicting(check(a, b), "44 ans", "46 ans")


def test_an_age_in_a_decade_word_is_an_age() -> None:
    # session 14: written before the first run
    a = article(
        "Info Continue",
        "2023-09-02T18:00",
        "Un cycliste renversé par un camion à Lyon",
        "Un cycliste d'une trentaine d'années a été grièvement blessé samedi, renversé par un camion sur le "
        "quai Augagneur à Lyon. Le chauffeur a été entendu par la police.",
    )
    b = article(
        "Lyon Direct",
        "2023-09-02T20:00",
        "Lyon : un cycliste entre la vie et la mort",
        "Percuté par un poids lourd sur le quai Augagneur, un cycliste âgé de 55 ans est entre la vie et la "
        "mort. Le conducteur du camion n'était pas sous l'emprise de l'alcool.",
    )
    assert conflicting(check(a, b), "trentaine", "55 ans")


def test_an_age_of_another_person_set_apart_by_a_comma_is_not_left_over() -> None:
    # session 14: written before the first run. Both give the winner's age (31) and the runner-up's (24: named
    # in one, described in the other); the 20 of the second is his age at his first title, another year.
    a = article(
        "Sport Plus",
        "2024-06-09T19:00",
        "Tennis : Martin Lefèvre sacré à Lyon",
        "À 31 ans, Martin Lefèvre a remporté dimanche le tournoi de Lyon en battant Jonas Berg, 24 ans, en deux sets.",
    )
    b = article(
        "Le Journal du Soir",
        "2024-06-09T21:00",
        "Lefèvre, l'éternel retour",
        "À 31 ans, Martin Lefèvre s'est imposé à Lyon face à son jeune adversaire suédois, 24 ans. Son premier "
        "titre remontait à 2013, à 20 ans.",
    )
    assert not conflicting(check(a, b), "24 ans", "20 ans")
    assert not conflicting(check(a, b), "31 ans", "20 ans")


def test_the_name_set_after_a_descriptions_age_holds_it() -> None:
    # session 15: written before the first run
    text = "L'avion s'est écrasé avec à son bord un pilote de quarante-six ans, Marc Leroy, originaire de Tours."
    assert age_holder(text, _years(text, "quarante-six ans", 46)) == "Marc Leroy"
    text = "À 45 ans, Paul Martin a pris sa retraite."  # an age opening a sentence: no description before it
    assert age_holder(text, _years(text, "45 ans", 45)) is None


def test_once_a_named_persons_ages_are_paired_the_age_left_in_each_is_the_other_persons() -> None:
    # session 15: written before the first run. The pilot named in both (51 / 46: a conflict), and the one age left
    # in each, the passenger's (24 / 22: a conflict too)
    a = article(
        "Le Ciel Info",
        "2022-07-08T18:00",
        "Un petit avion s'écrase près de Tours",
        "Un avion de tourisme s'est écrasé vendredi près de Tours. Le pilote, Marc Leroy, 51 ans, est mort sur le "
        "coup. Son passager, Hugo Petit, 24 ans, a été grièvement blessé.",
    )
    b = article(
        "Touraine Soir",
        "2022-07-08T21:00",
        "Crash d'un avion de tourisme en Touraine",
        "Un pilote de quarante-six ans, Marc Leroy, a trouvé la mort vendredi dans le crash de son avion près de "
        "Tours. Le passager de vingt-deux ans a été transporté à l'hôpital dans un état grave.",
    )
    found = check(a, b)
    assert conflicting(found, "51 ans", "quarante-six ans")
    assert conflicting(found, "24 ans", "vingt-deux ans")
