"""Speaker rules of session 11 (issue 12), each on sentences written for the test; expected speakers by hand."""

from __future__ import annotations

from tests.enrich.french_quotes import quote_of as _quote


def test_a_date_after_the_inverted_subject_is_not_the_speaker() -> None:
    text = (
        "Le maire a demandé aux habitants de rester chez eux pendant la tempête, indique franceinfo dimanche 31 mars."
    )
    q = _quote(text, "rester chez eux")
    assert (q.speaker, q.speaker_kind) == ("Franceinfo", "MEDIA")


def test_a_detached_adjective_between_verb_and_inverted_subject_is_skipped() -> None:
    text = (
        '"Jusqu\'où ira ce gouvernement dans la provocation ?", a lancé dimanche, scandalisée, Claire Dumont, '
        "présidente de l'association."
    )
    assert _quote(text, "provocation").speaker == "Claire Dumont"


def test_a_poll_speaks_for_the_institute_that_ran_it() -> None:
    text = "D'après une enquête Ifop publiée dimanche, 62 % des Français soutiennent la mesure."
    q = _quote(text, "62 %")
    assert (q.speaker, q.speaker_kind) == ("Ifop", "ORG")


def test_a_report_speaks_for_the_body_that_wrote_it() -> None:
    text = "Selon un rapport de la Cour des comptes, le chantier a coûté deux fois plus que prévu."
    assert _quote(text, "chantier").speaker == "Cour des comptes"


def test_a_press_release_with_no_name_speaks_for_its_de_complement() -> None:
    text = "Selon le communiqué de la préfecture, trois routes restent fermées."
    q = _quote(text, "trois routes")
    assert (q.speaker, q.speaker_kind, q.unresolved) == ("la préfecture", "ORG", True)


def test_an_unattributed_quote_is_from_the_person_the_sentence_before_is_about() -> None:
    text = (
        "L'actrice Julie Moreau s'est longuement confiée au Parisien sur ses débuts. \"Je n'avais que seize ans "
        "quand j'ai tourné mon premier film, et personne ne me prenait au sérieux sur le plateau.\""
    )
    assert _quote(text, "seize ans").speaker == "Julie Moreau"


def test_an_unattributed_quote_is_not_given_to_the_outlet_that_reports() -> None:
    text = (
        'Le Parisien a publié dimanche une longue enquête sur le quartier. "Nous vivons ici depuis vingt ans '
        "et nous n'avons jamais vu une chose pareille dans notre rue.\""
    )
    assert _quote(text, "vingt ans").speaker is None


def test_a_subject_the_parse_hangs_on_the_auxiliary_speaks_for_the_coordinated_cue() -> None:
    text = (
        "Marc Leroy, porte-parole du parti, a annoncé l'exclusion du militant. Il a par ailleurs présenté ses "
        'excuses à la famille du lieutenant-colonel Beltrame et a précisé "que ses propos ne sont pas ceux du '
        'parti".'
    )
    assert _quote(text, "ses propos").speaker == "Marc Leroy"


def test_a_pronoun_with_no_antecedent_is_not_the_person_spoken_about() -> None:
    text = (
        "Un message sur la mort d'Arnaud Durand a choqué toute la région. Des fleurs ont été déposées devant la "
        'maison d\'Arnaud Durand. "Je ne regrette rien, je le redirai demain devant tout le monde", a-t-il '
        "déclaré."
    )
    q = _quote(text, "regrette rien")
    assert (q.speaker, q.unresolved) == ("il", True)


def test_of_two_parsed_subjects_the_one_next_to_the_verb_speaks() -> None:
    text = (
        'Le candidat a été bousculé par un officier de sécurité. Jugeant l\'incident "grave", la direction de la '
        "chaîne avait adressé un courrier à l'équipe du candidat."
    )
    assert _quote(text, "grave").speaker == "la direction de la chaîne"


def test_the_object_of_a_gerund_cue_is_not_its_speaker() -> None:
    text = (
        'La Turquie ne fera "aucune concession" en Méditerranée, a affirmé mercredi le président turc Recep '
        'Erdogan, appelant la Grèce à se garder de commettre toute "erreur".'
    )
    assert _quote(text, "erreur").speaker == "Recep Erdogan"


def test_a_gerund_confirming_a_report_does_not_give_the_report_as_speaker() -> None:
    text = (
        "Le parquet de Lyon a ouvert, le 22 juin, une enquête visant ce youtubeur pour corruption de mineurs, "
        "a-t-il indiqué à l'AFP, confirmant une information du site Numerama."
    )
    q = _quote(text, "youtubeur")
    assert q.cue == "a-t-il indiqué"
    assert q.speaker != "Numerama"
