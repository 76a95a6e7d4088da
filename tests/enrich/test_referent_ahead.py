"""Speaker rules of session 13 (issue 12), on sentences written for these tests: a pronoun speaker the
article names only later ("…, a-t-elle expliqué. … Marie Durand …"), the first person named after it whose
gender agrees when no person is named before it (``referent_ahead``); "l'ancien ministre" is not the person
the article calls "ministre" in the present (``referents.role_of_entity``, ``role_next_to_name``)."""

from __future__ import annotations

from tests.enrich.french_quotes import quote_of


def test_pronoun_opening_the_article_takes_the_person_named_later() -> None:
    text = (
        '"Je ne regrette rien de ces six années", a-t-elle confié jeudi devant le conseil municipal. '
        "Très discrète depuis le début de la campagne, Marie Durand quittera la mairie en juin. "
        "Son adjoint, Paul Martin, devrait lui succéder."
    )
    q = quote_of(text, "regrette")
    assert (q.speaker, q.unresolved) == ("Marie Durand", False)


def test_pronoun_skips_a_person_of_the_other_gender_named_later() -> None:
    text = (
        '"Nous tiendrons nos engagements", a-t-il assuré mardi lors de la réunion. '
        "L'adjointe Sophie Leroy a salué la décision, tout comme le maire, Jean Dupont, élu en 2020."
    )
    q = quote_of(text, "engagements")
    assert (q.speaker, q.unresolved) == ("Jean Dupont", False)


def test_pronoun_after_a_named_person_is_left_to_the_antecedent_rules() -> None:
    text = (
        "Le maire, Jean Dupont, a présenté le budget mardi. "
        '"Nous tiendrons nos engagements", a-t-il assuré. '
        "L'opposant Marc Petit a dénoncé un budget insincère."
    )
    q = quote_of(text, "engagements")
    assert q.speaker == "Jean Dupont"


def test_former_holder_description_is_not_the_current_holder() -> None:
    # "l'ancien ministre" is not the man the article calls "ministre de l'Économie" (present), but the
    # speaker quoted just before (``referents.role_of_entity``, ``referent_past``)
    text = (
        "Paul Martin a réagi dimanche soir sur le plateau de la chaîne. "
        '"Il y a des règles qu\'on doit respecter", a expliqué le chef de file des députés. '
        '"La France est régie par des lois", a ajouté l\'ancien ministre. '
        "Jean Dupont, ministre de l'Économie, a refusé de commenter."
    )
    q = quote_of(text, "régie par des lois")
    assert q.speaker == "Paul Martin"


def test_former_holder_description_keeps_a_former_holder() -> None:
    text = (
        "Jean Dupont, ancien ministre de l'Économie, a réagi dimanche soir sur le plateau de la chaîne. "
        '"La France est régie par des lois", a ajouté l\'ancien ministre.'
    )
    q = quote_of(text, "régie par des lois")
    assert q.speaker == "Jean Dupont"
