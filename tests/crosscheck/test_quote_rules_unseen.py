"""Quote rules as a second set of pairs written blind showed them wrong (issue 11, session 8): a quote
reordered to fit the writer's sentence is the same quote, and a term in guillemets has no speaker to
conflict over. The sentences are written for the test."""

from __future__ import annotations

from recoupe.crosscheck.rules_quotes import quote_conflicts
from recoupe.model import Quote


def _quote(text: str, speaker: str, key: str | None = None) -> Quote:
    return Quote(0, len(text), text, "direct", speaker=speaker, speaker_key=key)


def test_a_quote_reordered_to_fit_the_sentence_is_the_same_quote() -> None:
    a = _quote("Nous rebâtirons cette cathédrale tous ensemble", "Emmanuel Macron", "emmanuel macron")
    b = _quote("Cette cathédrale, nous la rebâtirons tous ensemble", "Emmanuel Macron", "emmanuel macron")
    assert quote_conflicts(a, b) == []
    # a word that changes what is said still conflicts, in any order
    c = _quote("Cette cathédrale, nous ne la rebâtirons pas tous ensemble", "Emmanuel Macron", "emmanuel macron")
    assert [x.kind for x in quote_conflicts(a, c)] == ["quote_wording"]


def test_a_term_in_guillemets_has_no_speaker_to_conflict_over() -> None:
    term_a = _quote("destruction involontaire par incendie", "François Pinault", "francois pinault")
    term_b = _quote("destruction involontaire par incendie", "Bernard Arnault", "bernard arnault")
    assert quote_conflicts(term_a, term_b, same_report=True) == []
    said_a = _quote("Ce n'est pas à la hauteur", "Sophie Binet", "sophie binet")
    said_b = _quote("Ce n'est pas à la hauteur", "Frédéric Souillot", "frederic souillot")
    assert [x.kind for x in quote_conflicts(said_a, said_b, same_report=True)] == ["speaker"]


# -- session 9: quotes as the press cuts them (gj-dev's biggest stories showed these; sentences written here)
def _wording(a: Quote, b: Quote) -> list[str]:
    return [c.detail for c in quote_conflicts(a, b) if c.kind == "quote_wording"]


def test_a_clipped_word_or_a_plural_fitted_to_the_sentence_is_the_same_quote() -> None:
    a = _quote("On vit au temps de l'information en continu, je ne changerai pas", "Jean Dupont", "jean dupont")
    b = _quote("On vit au temps de l'info en continu, je ne changerai pas", "Jean Dupont", "jean dupont")
    assert _wording(a, b) == []
    c = _quote("La police harcèle les animateurs du mouvement des Gilets jaunes", "Jean Dupont", "jean dupont")
    d = _quote("La police harcèle les animateurs du mouvement gilet jaune", "Jean Dupont", "jean dupont")
    assert _wording(c, d) == []
    # another word is still another word
    e = _quote("On vit au temps de l'indifférence en continu, je ne changerai pas", "Jean Dupont", "jean dupont")
    assert _wording(a, e) == ["« information » vs « indifférence »"]


def test_whole_sentences_left_out_or_an_ellipsis_are_cuts() -> None:
    full = _quote("Courage, Marc. On t'aime, Marc. On est avec toi", "des manifestants")
    cut = _quote("Courage, Marc. On est avec toi", "des manifestants")
    assert _wording(full, cut) == []
    told = _quote(
        "Une police politique harcèle les animateurs du mouvement. Assez de violences contre les manifestants",
        "Jean Dupont", "jean dupont",
    )  # fmt: skip
    elided = _quote(
        "Une police politique harcèle les animateurs du mouvement. […] Assez de violences contre les manifestants",
        "Jean Dupont", "jean dupont",
    )  # fmt: skip
    shorter = _quote(
        "Une police politique harcèle les animateurs. […] Assez de violences", "Jean Dupont", "jean dupont"
    )
    assert _wording(told, elided) == []
    assert _wording(told, shorter) == []
    # words left out inside a sentence change it: "nous ne sommes pas des casseurs, nous sommes des pacifistes"
    said = _quote("Nous ne sommes pas des casseurs, nous sommes des pacifistes", "Paul Martin", "paul martin")
    garbled = _quote("Nous ne sommes des pacifistes", "Paul Martin", "paul martin")
    assert _wording(said, garbled) != []


def test_a_capitalised_name_in_guillemets_is_no_short_quote() -> None:
    name = _quote("Grand débat national", "Michel")
    placard = _quote("Grand débat, mascarade", "la préfecture")
    assert _wording(name, placard) == []
    a = _quote("grave et préoccupant", "Alexandre Martin")
    b = _quote("grave et inquiétant", "le procureur")
    assert _wording(a, b) == ["« préoccupant » vs « inquiétant »"]


def test_an_aside_in_brackets_or_a_handle_is_no_change_of_wording() -> None:
    # written for the test (session 10, the kinds read on gj-dev's cross-check)
    speaker = "Marie Dubois"
    aside = _quote("Il n'y avait aucun agent (municipal) sur place, et personne pour fermer la rue.", speaker)
    plain = _quote("Il n'y avait aucun agent sur place, et personne pour fermer la rue.", speaker)
    assert _wording(aside, plain) == []
    handle = _quote("La maire, en accord avec le préfet @JeanMartinPref, a fermé les écoles jusqu'à lundi.", speaker)
    named = _quote("La maire, en accord avec le préfet Jean Martin, a fermé les écoles jusqu'à lundi.", speaker)
    assert _wording(handle, named) == []
    # a word changed outside brackets, or a handle against another name, still is
    other = _quote("Il n'y avait aucun policier sur place, et personne pour fermer la rue.", speaker)
    assert _wording(plain, other) == ["« agent » vs « policier »"]
    other_name = _quote("La maire, en accord avec le préfet Paul Girard, a fermé les écoles jusqu'à lundi.", speaker)
    assert _wording(handle, other_name) != []


def test_a_civility_for_a_first_name_or_a_bracketed_gloss_is_the_same_quote() -> None:
    # written for the test (session 10, the kinds read on gj-dev stories 19-39)
    speaker = "Paul Lenoir"
    civility = _quote("Je n'ai aucun élément qui permette de dire que le tir a touché M. Garnier hier.", speaker)
    first_name = _quote("Je n'ai aucun élément qui permette de dire que le tir a touché Marc Garnier hier.", speaker)
    assert _wording(civility, first_name) == []
    gloss = _quote("Demain (les pompiers) seront de nouveau sur le terrain pour protéger les habitants.", speaker)
    pronoun = _quote("Demain ils seront de nouveau sur le terrain pour protéger les habitants.", speaker)
    assert _wording(gloss, pronoun) == []
    # another name, or another word outside brackets, still conflicts
    other = _quote("Je n'ai aucun élément qui permette de dire que le tir a touché Luc Garnier hier.", speaker)
    assert _wording(first_name, other) == ["« Marc » vs « Luc »"]
