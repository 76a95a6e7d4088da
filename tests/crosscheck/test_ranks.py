"""A rank told two ways in aligned sentences (issue 11, session 13).

The kind of error was seen on report3 and report4 (each scored blind once, tuning material since); every
sentence below is written for the test in the manner of French press, none is from a set. Expected outcomes
were written with the sentences, before the tests were run.
"""

from __future__ import annotations

from tests.crosscheck.two_outlets import article, check, tagged

from recoupe.crosscheck.ranks import rank_conflicts
from recoupe.crosscheck.statements import Statement


def test_the_minute_of_one_goal_told_two_ways_conflicts() -> None:
    a = article(
        "Sport Direct",
        "2024-05-25T23:10",
        "Coupe de France : Lyon sacré au bout de la prolongation",
        "Lyon a remporté la Coupe de France samedi soir au Stade de France : Rayan Cherki a marqué le but "
        "de la victoire à la 104e minute, d'une frappe croisée.",
    )
    b = article(
        "Le Quotidien des Sports",
        "2024-05-26T08:30",
        "L'OL s'offre la Coupe de France",
        "D'une frappe croisée à la 106e minute, Rayan Cherki a offert la Coupe de France à Lyon samedi soir "
        "au Stade de France, en prolongation.",
    )
    assert {r for r, _ in tagged(check(a, b), "(rang)")} == {"conflicting"}


def _claim(article_id: str, text: str) -> Statement:
    return Statement(article_id, article_id, "fr", "claim", 0, len(text), text, (0, len(text)))


def test_ranks_of_two_nouns_are_two_things() -> None:
    """ "le cinquième Français" and "la quatrième fois" rank two things; "troisième au classement" has no
    noun after its ordinal."""
    five = _claim("a", "Il devient le cinquième Français à remporter le trophée.")
    assert [c.detail for c in rank_conflicts(five, _claim("b", "Il devient le quatrième Français sacré."))] == [
        "cinquième Français vs quatrième Français (rang)"
    ]
    assert not rank_conflicts(five, _claim("b", "C'est la quatrième fois que le trophée revient au Real."))
    assert not rank_conflicts(
        _claim("a", "Il finit troisième au classement."), _claim("b", "Il finit quatrième au classement.")
    )


def test_ranks_in_words_with_et_and_in_roman_numerals() -> None:
    """ "vingt et unième" is 21, "XVIIe" 17; "Ce matin" and "Le" are no Roman ranks."""
    titles = rank_conflicts(
        _claim("a", "Nadal remporte le 22e titre du Grand Chelem de sa carrière."),
        _claim("b", "Ce matin, Nadal fête le vingt et unième titre du Grand Chelem de sa carrière."),
    )
    assert [c.detail for c in titles] == ["22e titre vs vingt et unième titre (rang)"]
    centuries = rank_conflicts(
        _claim("a", "Le violon volé date du XVIIe siècle."), _claim("b", "Le violon volé date du XVe siècle.")
    )
    assert [c.detail for c in centuries] == ["XVIIe siècle vs XVe siècle (rang)"]


def test_each_articles_only_rank_of_one_noun_is_one_rank_however_worded() -> None:
    # session 14: written before the first run. The minute of the only goal, in sentences worded apart; the
    # second sentence also ranks another noun (a trophy).
    a = article(
        "Sport Plus",
        "2021-05-29T23:30",
        "Chelsea remporte la Ligue des champions",
        "Chelsea a battu Manchester City 1-0 samedi à Porto. L'unique but du match a été marqué à la 42e minute "
        "par Kai Havertz, servi par Mason Mount.",
    )
    b = article(
        "Le Journal du Soir",
        "2021-05-30T08:00",
        "Havertz offre l'Europe à Chelsea",
        "À Porto, Manchester City a longtemps dominé. Juste avant la pause, à la quarante-septième minute, Kai "
        "Havertz a trompé Ederson et offert à Chelsea sa deuxième Ligue des champions.",
    )
    assert tagged(check(a, b), "(rang)")


def test_a_sentence_that_only_ranks_something_is_compared() -> None:
    # session 14: written before the first run. "Elle n'est que la troisième femme …" names nobody.
    a = article(
        "Info Continue",
        "2024-03-08T12:00",
        "Marie Dupont élue à la tête de l'Académie des sciences morales",
        "Marie Dupont a été élue jeudi présidente de l'Académie des sciences morales. "
        "Elle devient la deuxième femme à occuper ce poste depuis 1832.",
    )
    b = article(
        "Le Courrier du Centre",
        "2024-03-08T15:00",
        "Une historienne à la tête de l'Académie",
        "L'historienne Marie Dupont a été élue jeudi à la présidence de l'Académie des sciences morales. "
        "Elle n'est que la troisième femme à occuper cette fonction.",
    )
    assert tagged(check(a, b), "(rang)")
