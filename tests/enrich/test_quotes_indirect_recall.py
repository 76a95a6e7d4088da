"""Indirect quotes the token scan missed (issue 12, session 13): complements read from the parse, coordinated
clauses, trailing ``comme le rapporte X``, ``selon X`` after a connector. Sentences written for the test;
expected quotes by hand."""

from __future__ import annotations

from tests.enrich.french_quotes import quotes_of

from recoupe.enrich.quotes_complement import connectors_only


def _indirect(text: str) -> list[str]:
    return [q.text for q in quotes_of(text) if q.kind == "indirect"]


def test_a_que_the_tagger_calls_a_pronoun_still_opens_the_clause() -> None:
    text = "La ministre a révélé sur France Info qu'elle a quitté le parti."
    assert _indirect(text) == ["elle a quitté le parti"]


def test_a_past_infinitive_after_a_reporting_verb_and_a_date() -> None:
    text = "Le maire de Nantes a annoncé lundi 3 mars avoir porté plainte contre la société."
    assert _indirect(text) == ["avoir porté plainte contre la société"]


def test_indiquer_takes_an_infinitive() -> None:
    text = "La préfecture a indiqué avoir procédé à douze interpellations."
    assert _indirect(text) == ["avoir procédé à douze interpellations"]


def test_an_indirect_question_is_not_reported_content() -> None:
    assert _indirect("Le gardien leur a expliqué comment ouvrir la porte du local.") == []


def test_coordinated_infinitives_are_two_quotes() -> None:
    text = "Le directeur a dit avoir vérifié les comptes et n'avoir trouvé aucune erreur."
    assert _indirect(text) == ["avoir vérifié les comptes", "n'avoir trouvé aucune erreur"]


def test_mais_que_starts_a_second_quote() -> None:
    text = "La syndicaliste a estimé que la grève était légitime mais qu'elle devait rester pacifique."
    assert _indirect(text) == ["la grève était légitime", "elle devait rester pacifique"]


def test_a_relative_after_a_comma_stays_in_the_clause() -> None:
    text = "Il a déclaré qu'il rencontrerait un avocat, qu'il a présenté comme un ami."
    assert _indirect(text) == ["il rencontrerait un avocat, qu'il a présenté comme un ami"]


def test_a_trailing_comme_le_rapporte_gives_the_source_the_sentence() -> None:
    text = "Le suspect a été relâché dans la soirée, comme le rapporte Le Télégramme."
    quotes = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert [q.text for q in quotes] == ["Le suspect a été relâché dans la soirée"]
    assert quotes[0].speaker == "Le Télégramme"


def test_comme_l_avait_annonce_is_the_journalist_s_frame() -> None:
    assert _indirect("Le projet a été adopté, comme l'avait annoncé le ministre.") == []


def test_selon_after_a_connector_opens_the_sentence() -> None:
    assert _indirect("Le bâtiment a brûlé. Et selon les enquêteurs, le feu est parti d'une cuisine.") == [
        "le feu est parti d'une cuisine"
    ]


def test_connectors_only() -> None:
    assert connectors_only("En effet,")
    assert connectors_only("Toujours")
    assert not connectors_only("Le soir même,")


def test_a_pour_frame_before_an_inverted_cue_belongs_to_the_content() -> None:
    text = "Pour la suite du chantier, la route restera fermée jusqu'en juin, a précisé le préfet."
    assert _indirect(text) == ["Pour la suite du chantier, la route restera fermée jusqu'en juin"]


def test_a_relative_clause_between_the_verb_and_que() -> None:
    text = "La mairie rappelle aux habitants qui possèdent un chien que les animaux doivent être tenus en laisse."
    assert _indirect(text) == ["les animaux doivent être tenus en laisse"]


def test_selon_a_name_ending_the_sentence_without_a_comma() -> None:
    text = "Le directeur du club aurait démissionné dans la nuit selon Le Parisien."
    quotes = [q for q in quotes_of(text) if q.kind == "indirect"]
    assert [q.text for q in quotes] == ["Le directeur du club aurait démissionné dans la nuit"]
    assert quotes[0].speaker == "Le Parisien"


def test_selon_a_procedure_is_no_source() -> None:
    assert _indirect("Le conseil a été élu selon la procédure habituelle.") == []
