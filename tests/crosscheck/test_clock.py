"""The hour an event happened, told by two outlets (issue 11, session 12).

Sentences written for the test; expected outcomes written before the first run.
"""

from __future__ import annotations

from tests.crosscheck.two_outlets import article, check

from recoupe.crosscheck.clock import clock_interval, clock_span
from recoupe.crosscheck.statements import is_statement
from recoupe.model import Article


def test_each_hedge_gives_the_hour_its_interval() -> None:
    assert clock_interval("L'incendie s'est déclaré vers 19h.")[:2] == (18 * 60 + 40, 19 * 60 + 20)  # type: ignore[index]
    assert clock_interval("Le train est reparti peu avant 20 heures.")[:2] == (19 * 60 + 30, 20 * 60)  # type: ignore[index]
    assert clock_interval("Les secours sont arrivés peu après 14 heures.")[:2] == (14 * 60, 14 * 60 + 30)  # type: ignore[index]
    assert clock_interval("Le cessez-le-feu entre en vigueur à minuit.")[:2] == (24 * 60 - 5, 24 * 60 + 5)  # type: ignore[index]


def test_a_time_told_to_the_minute_is_hedged_by_less() -> None:
    assert clock_interval("Le tireur a ouvert le feu vers 11h15.")[:2] == (11 * 60 + 5, 11 * 60 + 25)  # type: ignore[index]


def test_two_hours_a_live_stamp_or_none_are_not_read() -> None:
    assert clock_interval("Le trafic, coupé à 7 h, a repris à 9 h 30.") is None  # a timeline, not one hour
    assert clock_interval("10h15 - Les pompiers sont sur place.") is None  # a live blog's stamp
    assert clock_interval("Les pompiers sont sur place depuis le matin.") is None


def test_the_hour_of_one_event_told_an_hour_apart_is_a_conflict() -> None:
    a = article(
        "Le Quotidien du Rail",
        "2024-01-09T22:10",
        "Le RER B coupé après une panne de signalisation",
        "Une panne de signalisation s'est produite vers 18h sur le RER B, au nord de Paris. "
        "Le trafic a été interrompu entre Gare-du-Nord et Aulnay-sous-Bois pendant deux heures.",
    )
    b = article(
        "Île-de-France Direct",
        "2024-01-10T07:30",
        "RER B : soirée noire pour les voyageurs",
        "La panne de signalisation est survenue peu après 19 heures sur le RER B, au nord de Paris. "
        "Des milliers de voyageurs ont attendu sur les quais.",
    )
    found = check(a, b)
    hours = [c for v in found.verdicts for c, _, _ in v.conflicts if c.kind == "date" and "heure" in c.detail]
    assert hours
    assert hours[0].relation == "conflicting"


def test_hours_in_two_time_zones_are_not_compared() -> None:
    # session 14: written before the first run; "heure locale" and "heure de Paris" are two clocks
    a = article(
        "Agence du Monde",
        "2024-01-01T12:30",
        "Un séisme frappe le centre du Japon",
        "Le séisme, d'une magnitude de 7,5, a frappé la péninsule de Noto lundi vers 16h10 heure locale. "
        "Des maisons se sont effondrées à Wajima.",
    )
    b = article(
        "Radio Continent",
        "2024-01-01T13:00",
        "Japon : un fort séisme secoue la péninsule de Noto",
        "Le séisme, de magnitude 7,5, a secoué la péninsule de Noto lundi vers 8h10, heure de Paris. "
        "Plusieurs maisons se sont effondrées à Wajima.",
    )
    found = check(a, b)
    assert not [c for v in found.verdicts for c, _, _ in v.conflicts if c.detail.endswith("(heure)")]
    # one zone named on both sides: the hours are compared
    c = article(
        "Radio Continent",
        "2024-01-01T13:00",
        "Japon : un fort séisme secoue la péninsule de Noto",
        "Le séisme, de magnitude 7,5, a secoué la péninsule de Noto lundi vers 18h30 heure locale. "
        "Plusieurs maisons se sont effondrées à Wajima.",
    )
    found = check(a, c)
    assert [c for v in found.verdicts for c, _, _ in v.conflicts if c.detail.endswith("(heure)")]


def _hours(found: object) -> list[str]:
    return [
        c.detail
        for v in found.verdicts  # type: ignore[attr-defined]
        for c, _, _ in v.conflicts
        if c.relation == "conflicting" and c.detail.endswith("(heure)")
    ]


def _vierzon_fire() -> Article:
    return article(
        "Le Courrier du Centre",
        "2022-12-03T09:00",
        "Un entrepôt détruit par les flammes à Vierzon",
        "Un entrepôt de pneus a entièrement brûlé dans la nuit de vendredi à samedi à Vierzon. "
        "Les secours ont été prévenus vers 2h15. Aucun blessé n'est à déplorer.",
    )


def test_each_articles_only_hour_is_compared_however_the_sentences_are_worded() -> None:
    # session 14: written before the first run. Each article gives one clock time, in sentences that share no
    # word: the hour of one event, told an hour apart.
    a = _vierzon_fire()
    b = article(
        "Berry Info",
        "2022-12-03T11:30",
        "Vierzon : un stock de pneus part en fumée",
        "Le feu a pris dans un entrepôt de pneus de Vierzon. C'est un voisin qui a donné l'alerte, peu après "
        "3h15, en voyant une épaisse fumée noire. Personne n'a été blessé.",
    )
    assert _hours(check(a, b))


def test_only_hours_far_apart_tell_two_moments() -> None:
    # session 14: written before the first run. The fire at night, the press conference in the afternoon.
    a = _vierzon_fire()
    b = article(
        "Berry Info",
        "2022-12-03T18:30",
        "Vierzon : le maire promet d'aider l'entreprise",
        "Le feu a ravagé un entrepôt de pneus de Vierzon. Le maire a tenu une conférence de presse "
        "vers 15 heures devant les décombres. Personne n'a été blessé.",
    )
    assert not _hours(check(a, b))


def test_spans_of_hours_are_compared_end_by_end() -> None:
    # session 14: written before the first run
    assert clock_span("Le préavis court de 6 heures à 18h30.") is not None
    assert clock_interval("Le préavis court de 6 heures à 18h30.") is None  # a span, not the hour of an event
    a = article(
        "Info Continue",
        "2023-03-06T08:00",
        "Grève des contrôleurs aériens à Orly mardi",
        "Les contrôleurs aériens d'Orly seront en grève mardi de 6 heures à 18 heures, a annoncé leur syndicat. "
        "La DGAC demande aux compagnies de réduire leurs vols de moitié.",
    )
    b = article(
        "Radio Horizon Info",
        "2023-03-06T09:30",
        "Orly : la moitié des vols annulés mardi",
        "À Orly, la grève des contrôleurs aériens, mardi, s'étendra entre 6 heures et 20 heures. La DGAC a "
        "demandé aux compagnies d'annuler un vol sur deux.",
    )
    assert _hours(check(a, b)) == ["18 heures vs 20 heures (heure)"]
    c = article(
        "Radio Horizon Info",
        "2023-03-06T09:30",
        "Orly : la moitié des vols annulés mardi",
        "À Orly, la grève des contrôleurs aériens, mardi, s'étendra entre 6h et 18h. La DGAC a "
        "demandé aux compagnies d'annuler un vol sur deux.",
    )
    assert not _hours(check(a, c))


def test_an_hour_told_as_it_was_is_read_to_the_minute() -> None:
    # session 15: written before the first run ("Il était 17h40 quand…": no hedge word, an exact hour)
    assert clock_interval("Il était 17h40 quand le car a quitté la route.")[:2] == (17 * 60 + 35, 17 * 60 + 45)  # type: ignore[index]
    assert clock_interval("Il est 6h20 quand l'alarme retentit.")[:2] == (6 * 60 + 15, 6 * 60 + 25)  # type: ignore[index]


def _ferry(time: str) -> Article:
    return article(
        "Les Nouvelles de la Mer",
        "2023-06-14T20:00",
        "Un ferry s'échoue au large de la Crète",
        f"Un ferry transportant 300 passagers s'est échoué {time} près du port de Souda. "
        "Les garde-côtes grecs ont évacué tous les passagers.",
    )


def test_minutes_no_time_zone_explains_conflict_when_one_side_names_its_zone() -> None:
    # session 15: written before the first run. One outlet says "heure locale", the other gives no zone: an hour
    # apart may be Paris time against local time; half an hour apart (in Europe, Greece) cannot.
    a = _ferry("mercredi vers 9h15, heure locale,")
    half_hour = article(
        "Radio Littoral",
        "2023-06-14T21:30",
        "Crète : évacuation d'un ferry échoué",
        "Le navire, avec 300 passagers à son bord, a touché le fond vers 9h45 à l'entrée de la baie de Souda. "
        "Tous les passagers ont été évacués par les garde-côtes.",
    )
    assert _hours(check(a, half_hour))
    one_hour = article(
        "Radio Littoral",
        "2023-06-14T21:30",
        "Crète : évacuation d'un ferry échoué",
        "Le navire, avec 300 passagers à son bord, a touché le fond vers 8h15 à l'entrée de la baie de Souda. "
        "Tous les passagers ont été évacués par les garde-côtes.",
    )
    assert not _hours(check(a, one_hour))


def test_a_question_asking_how_something_told_happened_tells_it() -> None:
    # session 15: written before the first run. "Comment … a-t-il pu céder, mardi vers 12h36 ?" presupposes the
    # hour; a question that asks whether, or tells no figure, asserts nothing.
    asked = "Comment un pont de 40 mètres a-t-il pu s'effondrer ainsi, mardi vers 14h20, sans le moindre signe ?"
    assert is_statement(asked, asked)
    assert not is_statement("Le pont va-t-il être reconstruit avant l'hiver ?", "Le pont va-t-il être reconstruit ?")
    assert not is_statement("Comment expliquer un tel drame ?", "Comment expliquer un tel drame ?")
    a = article(
        "La Gazette du Val",
        "2024-03-12T19:00",
        "Un pont s'effondre sur la Durance",
        "Le pont suspendu de Manosque s'est effondré mardi vers 14h20 sur la Durance. Aucun véhicule ne "
        "circulait sur l'ouvrage au moment de l'effondrement.",
    )
    b = article(
        "Provence Soir",
        "2024-03-13T08:00",
        "Effondrement du pont de Manosque : les questions",
        "Comment un pont de 40 mètres a-t-il pu s'effondrer ainsi sur la Durance, mardi vers 15h20, sans le "
        "moindre signe ? Aucun véhicule ne circulait sur le pont de Manosque.",
    )
    assert _hours(check(a, b))
