"""Speaker rules of session 14 (issue 12, helper), on sentences written for these tests."""

from __future__ import annotations

from tests.enrich.french_quotes import quote_of, quotes_of


def direct_of(text: str, quoted: str) -> str | None:
    """The speaker of the first direct quote of ``text`` holding ``quoted``."""
    return next(q.speaker for q in quotes_of(text) if q.kind == "direct" and quoted in q.text)


def test_pronoun_never_takes_up_the_outlet_that_reported_the_last_quote() -> None:
    # ``quotes_speakers.reported_by``: "il" after a quote sourced to a paper is the person, not the paper
    text = (
        "Le maire de Lyon, Grégory Doucet, a présenté son plan lundi. "
        "La rue sera fermée aux voitures dès septembre, selon Le Parisien. "
        '"Nous allons consulter les riverains", a-t-il ajouté.'
    )
    q = quote_of(text, "consulter les riverains")
    assert q.speaker == "Grégory Doucet"


def test_quoted_words_of_a_person_inside_what_an_outlet_reports_are_the_persons() -> None:
    # ``quotes._own_cue``: the outlet vouches for the clause, the quoted words are its subject's
    text = 'Selon Le Parisien, le ministre Jean Dupont a promis de "tout changer" avant l\'été.'
    assert direct_of(text, "tout changer") == "Jean Dupont"
    text = 'Selon Le Point, Marie Durand a insisté pour ne pas "être blessante" envers ses collègues.'
    assert direct_of(text, "blessante") == "Marie Durand"


def test_quoted_words_inside_what_an_outlet_reports_with_no_person_stay_the_outlets() -> None:
    text = 'Selon Le Parisien, le projet devrait "tout changer" dans le quartier.'
    assert direct_of(text, "tout changer") == "Le Parisien"


def test_continuation_takes_a_person_subject_of_a_clause_parsed_beside_the_root() -> None:
    # ``coref.main_clause_verb``: "S'il …, X concède …" parsed as two clauses side by side (parataxis); X is
    # introduced between the outlet's quote and the continuation
    text = (
        "Le chantier sera reporté, selon Le Figaro. « Les coûts ont explosé. » S'il n'hésite pas à écrire aux "
        "élus afin de leur donner des conseils, Paul Renard concède toutefois au quotidien qu'il est rarement "
        "écouté. « Nous attendions un autre calendrier pour ce chantier. »"
    )
    assert quote_of(text, "autre calendrier").speaker == "Paul Renard"


def test_source_between_commas_after_a_cue_leaves_the_quote_to_the_cues_subject() -> None:
    # ``quotes_direct._verb_around_source``: "X avance, selon Le Parisien, …: "…"" is X's words
    text = "Jean Dupont avance, selon Le Parisien, deux arguments : « Le budget est tenu. Les travaux avancent. »"
    assert direct_of(text, "budget est tenu") == "Jean Dupont"
    text = "Le maire avance, selon Le Monde, une explication : « Je ne démissionnerai pas. »"
    assert direct_of(text, "démissionnerai") == "Le maire"


def test_source_between_commas_after_a_thing_keeps_the_source() -> None:
    text = "Le chantier avance, selon Le Parisien : « Les travaux ont repris lundi. »"
    assert direct_of(text, "ont repris") == "Le Parisien"


def test_person_description_takes_the_one_subject_named_a_few_sentences_before() -> None:
    # ``Resolver._paragraph_subject``: nobody named next to "ministre" nor in the previous sentence
    text = (
        "Paul Martin s'est rendu mardi à Lille pour inaugurer la nouvelle gare. Le ministre a longuement "
        "visité le chantier avant de saluer les ouvriers. « Ce projet est une fierté pour la région », a "
        "déclaré le ministre."
    )
    assert quote_of(text, "fierté").speaker == "Paul Martin"


def test_person_description_stays_as_written_when_two_persons_were_named() -> None:
    text = (
        "Paul Martin et Marc Petit se sont rendus mardi à Lille. La visite a duré deux heures. « Ce projet "
        "est une fierté pour la région », a déclaré le ministre."
    )
    assert quote_of(text, "fierté").speaker == "le ministre"


def test_a_quote_right_after_a_quote_is_no_cue() -> None:
    # ``quotes_direct._after``: in '"…", "ne pas serrer la main"' the second quote's verb is not a cue whose
    # subject ("la main") speaks the first
    text = (
        "La ministre Claire Martin a rappelé mardi qu'il faudra « éviter les fêtes de famille », « ne pas "
        "serrer la main » et « porter un masque » jusqu'à l'automne."
    )
    assert direct_of(text, "fêtes de famille") == "Claire Martin"


def test_feminine_description_is_not_the_man_named_next_to_its_noun() -> None:
    # ``referents._agrees``: "la présidente" written before "son père Paul Martin" is not Paul Martin
    text = (
        "La présidente du club va céder ses parts à son père Paul Martin d'ici l'été. "
        "« Nous avons besoin de nouveaux investisseurs », a-t-elle expliqué."
    )
    assert quote_of(text, "investisseurs").speaker != "Paul Martin"


def test_description_is_not_a_person_the_article_names_only_after_the_quote() -> None:
    # ``referents._named_only_after``: "le chanteur" is not "le chanteur Marc Petit" of the last line when the
    # article named someone before the quote
    text = (
        "Le comédien Paul Martin a annoncé lundi une tournée d'adieu. Le chanteur a rempli trois salles à "
        "Lyon. "
        "« Je veux remercier mon public », a-t-il confié. "
        "Son dernier album a été enregistré avec le chanteur Marc Petit."
    )
    assert quote_of(text, "remercier mon public").speaker != "Marc Petit"


def test_participle_with_a_later_agent_after_a_quote_is_no_cue() -> None:
    # ``quotes_cue_subject.bare_participle``: "« … » annoncé dès le printemps par la mairie" says who announced
    # the thing quoted, not who speaks
    text = (
        "« Ce budget est un renoncement », regrette la conseillère d'opposition Claire Martin, pour qui "
        "« ce devait être le grand chantier » annoncé dès le printemps par la mairie."
    )
    assert direct_of(text, "grand chantier") == "Claire Martin"


def test_elle_takes_up_an_embassy_subject() -> None:
    # ``ORG_NOUNS``: "l'ambassade" is an organisation a pronoun takes up, not the man named before it
    text = (
        "Jean Dupont a été tué lundi. L'ambassade de France au Chili a fait part dans un communiqué de sa "
        "tristesse. Elle ajoute être en « contact étroit avec les autorités locales »."
    )
    assert (quote_of(text, "contact étroit").speaker or "").startswith("L'ambassade")


def test_incise_with_a_person_description_splits_the_quote() -> None:
    # ``quotes_cue_subject._person_description``: "« A, regrette le maire du village. B »" is the mayor's, in two
    text = (
        "La Poste fermera son bureau en mars, annonce La Dépêche. « Nous avons tout essayé pour le garder, "
        "regrette le maire du village. Mais la décision vient de Paris. »"
    )
    assert quote_of(text, "tout essayé").speaker == "le maire du village"
    assert quote_of(text, "vient de Paris").speaker == "le maire du village"
