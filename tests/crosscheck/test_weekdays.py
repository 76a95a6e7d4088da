"""The day of one event told as two different weekdays (issue 11, session 13).

The kind of error was seen on report3 and report4 (each scored blind once, tuning material since); every
sentence below is written for the test in the manner of French press, none is from a set. Expected outcomes
were written with the sentences, before the tests were run.
"""

from __future__ import annotations

from tests.crosscheck.two_outlets import article, check, tagged


def test_two_weekdays_for_one_crash_conflict() -> None:
    a = article(
        "Le Journal du Sport",
        "2020-01-27T07:10",
        "Kobe Bryant tué dans un accident d'hélicoptère",
        "La légende des Lakers Kobe Bryant a trouvé la mort dimanche dans le crash de son hélicoptère, "
        "sur les collines de Calabasas, en Californie. Neuf personnes étaient à bord.",
    )
    b = article(
        "Info Continue",
        "2020-01-27T09:45",
        "Crash de Calabasas : le monde du basket en deuil",
        "L'hélicoptère qui transportait Kobe Bryant s'est écrasé samedi sur une colline de Calabasas, "
        "en Californie, tuant ses neuf occupants. L'ancien joueur des Lakers avait 41 ans.",
    )
    assert ("conflicting", "dimanche vs samedi (jour)") in tagged(check(a, b), "(jour)")


def test_yesterday_and_the_weekday_it_was_agree() -> None:
    a = article(
        "Radio Bretagne",
        "2023-03-12T18:30",
        "Un chalutier chavire au large de Lorient",
        "Un chalutier a chaviré dimanche matin au large de Lorient ; les trois marins ont été hélitreuillés.",
    )
    b = article(
        "Le Courrier de l'Ouest",
        "2023-03-13T06:50",
        "Lorient : trois marins sauvés après le naufrage de leur chalutier",
        "Trois marins ont été hélitreuillés hier matin après le chavirage de leur chalutier au large de Lorient.",
    )
    assert not tagged(check(a, b), "(jour)")


def test_a_day_told_after_another_is_no_conflict() -> None:
    a = article(
        "Le Fil Monde",
        "2021-08-26T22:30",
        "Double attentat à l'aéroport de Kaboul",
        "Deux explosions ont frappé jeudi en fin d'après-midi les abords de l'aéroport de Kaboul, où des "
        "milliers d'Afghans tentent de fuir le pays.",
    )
    b = article(
        "Courrier International Express",
        "2021-08-27T13:00",
        "Kaboul : les évacuations reprennent",
        "Les vols d'évacuation ont repris vendredi à l'aéroport de Kaboul, au lendemain du double attentat "
        "qui a ensanglanté ses abords.",
    )
    assert not tagged(check(a, b), "(jour)")
