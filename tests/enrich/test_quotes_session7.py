"""Speaker rules added for issue 12 on the tune2 set (each rule on a sentence written for the test)."""

from __future__ import annotations

import pytest

from recoupe.enrich.entities import find_mentions
from recoupe.enrich.nlp import NlpModels
from recoupe.enrich.quotes import extract_quotes
from recoupe.enrich.quotes_marks import find_marked
from recoupe.enrich.quotes_parse import Context
from recoupe.model import Quote

MODELS = NlpModels()


def _quotes(text: str, language: str = "fr") -> list[Quote]:
    doc = MODELS.parse(text, language)
    return extract_quotes(doc, find_mentions(doc, language), language)


def _of(quotes: list[Quote], quoted: str) -> Quote:
    return next(q for q in quotes if quoted in q.text)


def test_word_glued_to_the_next_sentence_is_two_tokens_and_two_sentences() -> None:
    text = "Le ministre est venu dimancheLes habitants l'attendaient."
    doc = MODELS.parse(text, "fr")
    assert [t.text for t in doc][3:6] == ["venu", "dimanche", "Les"]
    ctx = Context(doc, "fr", find_mentions(doc, "fr"))
    assert text.index("Les") in ctx.breaks


@pytest.mark.parametrize("name", ["LeHuffPost", "AirAsia", "BlaBlaCar", "MoDem"])
def test_names_in_camel_case_stay_whole(name: str) -> None:
    doc = MODELS.parse(f"Selon {name}, le projet avance.", "fr")
    assert name in [t.text for t in doc]


def test_a_name_glued_to_the_next_sentence_is_cut_at_the_join() -> None:
    text = "Des lignes rouvertes, selon Guillaume PepyConcernant l'avenir du réseau, rien ne change."
    doc = MODELS.parse(text, "fr")
    names = [m.text for m in find_mentions(doc, "fr")]
    assert "Guillaume Pepy" in names
    assert not any("Concernant" in n for n in names)


def test_two_apostrophes_mark_a_quotation_in_english() -> None:
    text = "''We wanted to control the real estate,'' Michael Cernech, the city manager, said on Monday."
    spans = [text[m.start : m.end] for m in find_marked(text, "en")]
    assert spans == ["We wanted to control the real estate,"]
    assert find_marked("It's John's car and Mary's.", "en") == []


def test_a_name_after_par_is_not_the_subject_of_the_cue() -> None:
    text = (
        "Les quotidiens britanniques The Sun et le Daily Mail, cités par LCI, affirment qu'elle a été vue "
        "dans son jardin avec un homme."
    )
    quote = _of(_quotes(text), "elle a été vue")
    assert quote.speaker != "LCI"


def test_whom_the_speaker_told_is_not_the_speaker() -> None:
    text = (
        "La productrice Hester Ruoff, qui avait travaillé avec la victime sur plusieurs films, a déclaré au "
        'quotidien The Daily Telegraph être "absolument anéantie".'
    )
    assert _of(_quotes(text), "absolument anéantie").speaker == "Hester Ruoff"


def test_a_pronoun_before_anyone_is_named_stays_unresolved() -> None:
    text = (
        'Cette loi sera, a-t-il promis, "une réponse très ambitieuse" pour le grand âge. La réforme avait '
        "déjà été promise par Nicolas Sarkozy en 2007."
    )
    quote = _of(_quotes(text), "une réponse très ambitieuse")
    assert quote.speaker == "il"
    assert quote.unresolved


def test_il_is_not_the_woman_named_in_the_sentence() -> None:
    text = (
        "Le texte arrive au Parlement. Accompagné de la ministre déléguée Brigitte Bourguignon, il a souligné "
        'que cette loi serait "très concrète".'
    )
    assert _of(_quotes(text), "très concrète").speaker != "Brigitte Bourguignon"


def test_a_demonstrative_determiner_is_not_the_speaker() -> None:
    text = (
        "Le président Emmanuel Macron était à Lyon. Cet été, il avait dit espérer boucler cette loi avant la "
        "fin de l'année."
    )
    assert _of(_quotes(text), "boucler cette loi").speaker == "Emmanuel Macron"


def test_english_name_with_an_apposition_before_the_verb_speaks() -> None:
    text = "''I would have been all in,'' Mr. Regalado, the mayor of Miami, said in his office on Monday."
    quotes = _quotes(text, "en")
    assert [(q.text, q.speaker) for q in quotes] == [("I would have been all in,", "Regalado")]


def test_party_members_are_not_the_party() -> None:
    assert _quotes("Democrats said that the law was deeply flawed.", "en")[0].speaker == "Democrats"
    assert _quotes("The Democratic Party said that it would apologize.", "en")[0].speaker == "Democratic Party"


def test_a_relative_qui_speaks_for_the_name_before_it() -> None:
    text = (
        'La maire de Lille, Martine Aubry, a salué un élu "de grande qualité". Sébastien Lecornu (secrétaire '
        "d'État) qui parle d'une \"grande tristesse\" était présent."
    )
    assert _of(_quotes(text), "grande tristesse").speaker == "Sébastien Lecornu"


def test_pour_and_a_name_before_a_quotation() -> None:
    text = (
        'La maire de Lille, Martine Aubry, a salué un élu "de grande qualité". Pour Patrick Kanner (sénateur du '
        'Nord), "ses valeurs humanistes manqueront à la vie politique de notre région".'
    )
    assert _of(_quotes(text), "ses valeurs humanistes").speaker == "Patrick Kanner"


def test_a_demonstrative_description_is_the_person_just_spoken_of() -> None:
    text = (
        "« Il faut parler de laïcité », a estimé Gérard Collomb dimanche. « Moi je pense que c'est par la "
        "pratique », a dit ce soutien de la première heure du chef de l'État."
    )
    assert _of(_quotes(text), "par la pratique").speaker == "Gérard Collomb"


def test_people_cited_by_a_paper_speak_not_the_paper() -> None:
    text = (
        "Des passagers du vol cités par le journal West Australian ont raconté avoir entendu un bruit sourd "
        "avant l'atterrissage."
    )
    quote = _of(_quotes(text), "avoir entendu un bruit")
    assert quote.speaker is not None
    assert "passagers" in quote.speaker


def test_a_pronoun_takes_up_a_person_described_as_subject() -> None:
    text = (
        "Ce soir-là, six convives sont à table. Le cuisinier sait qu'il va être renvoyé. « Il ne m'a jamais "
        "payé » ajoute-t-il."
    )
    speaker = _of(_quotes(text), "jamais payé").speaker
    assert speaker is not None
    assert "cuisinier" in speaker.lower()


def test_the_station_he_spoke_on_is_not_the_speaker() -> None:
    text = "Agé de 76 ans, il est revenu au micro de RTL sur son expérience. « Il m'adorait » témoigne-t-il."
    assert _of(_quotes(text), "Il m'adorait").speaker != "RTL"


def test_pour_and_a_name_after_a_quotation() -> None:
    text = 'Les oppositions dénoncent le recours aux ordonnances, "indigent" pour le socialiste Boris Vallaud.'
    assert _of(_quotes(text), "indigent").speaker == "Boris Vallaud"


def test_pour_qui_speaks_for_the_name_before_it() -> None:
    text = (
        "Des membres de la majorité ont défendu les ordonnances, comme le MoDem Jean-Paul Mattéi, pour qui "
        'elles constituent "un gage de sécurité juridique".'
    )
    assert _of(_quotes(text), "un gage de sécurité juridique").speaker == "Jean-Paul Mattéi"


def test_the_police_is_not_the_chief_of_police() -> None:
    text = (
        "Mohamad Mat Yusop, le chef de la police de l'État de Negeri Sembilan, a dit avoir inspecté le bungalow. "
        "La jeune fille avait péri des suites d'une hémorragie interne, avait conclu la police en août."
    )
    speaker = _of(_quotes(text), "avait péri").speaker
    assert speaker is not None
    assert speaker != "Mohamad Mat Yusop"
    assert "police" in speaker.lower()


def test_pour_after_a_quotation_that_ended_its_sentence_is_the_next_sentence() -> None:
    text = (
        'Ce à quoi la socialiste Valérie Rabault a répliqué: "Plus la réforme est importante, plus le Parlement '
        "doit être impliqué.\" Pour Pierre Dharréville, ce recours est le signe de l'impréparation du gouvernement."
    )
    assert _of(_quotes(text), "Plus la réforme").speaker == "Valérie Rabault"


def test_a_gerund_after_a_content_clause_belongs_to_the_main_speaker() -> None:
    text = (
        "M. Kim a dit à M. Xi que les succès de la Chine lui faisaient autant plaisir que ceux de la Corée du "
        "Nord, selon KCNA, en ajoutant qu'il envoyait des salutations à chacun des membres du Parti."
    )
    speaker = _of(_quotes(text), "envoyait des salutations").speaker
    assert speaker is not None
    assert "succès" not in speaker


def test_an_elided_article_glued_to_a_heading_starts_a_sentence() -> None:
    doc = MODELS.parse("Alerte sur les feux de forêtsL'été 2020 est sec.", "fr")
    assert [t.text for t in doc][5:8] == ["forêts", "L'", "été"]


def test_an_inverted_content_may_end_with_a_quotation() -> None:
    text = (
        "La productrice Hester Ruoff a travaillé avec la victime sur plusieurs films. Mme Garcia-Berteaux était "
        'une "très proche amie", a-t-elle déclaré.'
    )
    quotes = _quotes(text)
    clause = _of(quotes, "Mme Garcia-Berteaux était")
    assert clause.kind == "indirect"
    assert clause.speaker == "Hester Ruoff"


def test_a_share_of_people_polled_is_the_speaker_as_written() -> None:
    text = "Nearly nine out of 10 say they will need to develop new skills to advance their careers."
    quote = _quotes(text, "en")[0]
    assert quote.speaker == "Nearly nine out of 10"
    assert quote.unresolved


def test_outlets_with_a_number_in_their_name_keep_it() -> None:
    doc = MODELS.parse("L'information a été révélée par Europe 1, puis reprise par 20 Minutes et France 24.", "fr")
    names = {m.canonical for m in find_mentions(doc, "fr")}
    assert {"Europe 1", "20 Minutes", "France 24"} <= names
    assert "Europe" not in names


def test_pour_x_before_an_inverted_cue_keeps_x_as_speaker() -> None:
    text = (
        'Pour Xavier Bertrand, Philippe Rapeneau "était attachant comme personne. Il aimait la vie", a-t-il '
        "témoigné sur les réseaux sociaux."
    )
    assert _of(_quotes(text), "attachant comme personne").speaker == "Xavier Bertrand"
