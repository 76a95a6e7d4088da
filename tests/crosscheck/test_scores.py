"""A match's score told by two outlets (issue 11, session 15). Sentences written for the test; expected
outcomes written before the first run."""

from __future__ import annotations

from tests.crosscheck.two_outlets import article, check, conflicting

from recoupe.crosscheck.scores import scores_told


def test_a_score_is_read_set_by_set_and_only_where_it_is_one() -> None:
    assert [s for s, _ in scores_told("Nadal s'est imposé 6-4, 3-6, 7-5 en finale.")] == [((6, 4), (3, 6), (7, 5))]
    assert [s for s, _ in scores_told("Lyon a battu Marseille 3 à 1 dimanche soir.")] == [((3, 1),)]
    assert scores_told("La réforme s'appliquera sur la période 2024-2027.") == []  # years, not a score
    assert scores_told("Le festival se tiendra les 14-15 juillet.") == []  # two days
    assert scores_told("Les bureaux ouvrent de 8 à 18 heures.") == []  # hours, and no result announced
    assert scores_told("Le prix passe de 3 à 4 euros.") == []


def _final(score: str, outlet: str = "Sport Express") -> object:
    return article(
        outlet,
        "2023-06-10T23:30",
        "Ligue des champions : Manchester City sacré",
        f"Manchester City a remporté samedi à Istanbul la première Ligue des champions de son histoire en battant "
        f"l'Inter Milan {score} grâce à un but de Rodri à la 68e minute.",
    )


def test_each_articles_only_score_told_two_ways_is_compared() -> None:
    b = article(
        "Le Journal des Sports",
        "2023-06-11T08:00",
        "City enfin roi d'Europe",
        "Sur le score de 2 à 0, les Citizens se sont imposés face aux Milanais samedi soir en Turquie. Rodri a "
        "marqué l'unique but de la rencontre à la 68e minute.",
    )
    assert conflicting(check(_final("1-0"), b), "1-0", "2 à 0")
    same = _final("1 à 0", "Radio Stade")
    assert not [c for v in check(_final("1-0"), same).verdicts for c, _, _ in v.conflicts if "(score)" in c.detail]
