"""One quote given to two people by two outlets (issue 11, session 15). Sentences written for the test;
expected outcomes written before the first run."""

from __future__ import annotations

from tests.crosscheck.two_outlets import article, check


def _speakers(found: object) -> list[str]:
    return [
        c.detail
        for v in found.verdicts  # type: ignore[attr-defined]
        for c, _, _ in v.conflicts
        if c.kind == "speaker" and c.relation == "conflicting"
    ]


def test_a_short_quote_word_for_word_given_to_two_named_people_conflicts() -> None:
    # (first written with the six words "Nous ne savons pas encore pourquoi"; the floor is seven words, since
    # test_rules' "there was a lot of hype", six words, is a phrase two people can say)
    a = article(
        "Le Courrier de l'Ouest",
        "2023-02-03T18:00",
        "Un ferry percute le quai à Saint-Malo",
        "Un ferry a percuté le quai du port de Saint-Malo vendredi matin, sans faire de blessé. « C'est la "
        "compagnie qui est responsable », a affirmé le directeur du port, Yann Le Goff. Une enquête est ouverte.",
    )
    b = article(
        "Bretagne Matin",
        "2023-02-03T20:30",
        "Saint-Malo : le ferry heurte le quai",
        "Vendredi matin, un ferry a heurté le quai de Saint-Malo. Aucun passager n'a été blessé. « C'est la "
        "compagnie qui est responsable », a déclaré la présidente de la région, Isabelle Morvan. Une enquête est "
        "ouverte.",
    )
    assert _speakers(check(a, b))


def test_a_common_phrase_of_few_words_given_to_two_people_does_not() -> None:
    a = article(
        "Le Courrier de l'Ouest",
        "2023-02-03T18:00",
        "Un ferry percute le quai à Saint-Malo",
        "Un ferry a percuté le quai du port de Saint-Malo vendredi matin, sans faire de blessé. « C'est "
        "inacceptable », a réagi le directeur du port, Yann Le Goff. Une enquête est ouverte.",
    )
    b = article(
        "Bretagne Matin",
        "2023-02-03T20:30",
        "Saint-Malo : le ferry heurte le quai",
        "Vendredi matin, un ferry a heurté le quai de Saint-Malo. Aucun passager n'a été blessé. « C'est "
        "inacceptable », a lancé la présidente de la région, Isabelle Morvan. Une enquête est ouverte.",
    )
    assert not _speakers(check(a, b))
