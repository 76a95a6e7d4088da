"""Conflict rules on real-looking sentences: figures, dates, negation, antonyms, quotes (``recoupe.crosscheck.rules``).

Sentences retell the seed story (``tests/fixtures/seeds/``: Elon Musk's offer for OpenAI) and a few others.
"""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.crosscheck.rules import (
    KINDS,
    Conflict,
    compatible_in,
    contradicts,
    figure_conflicts,
    find_conflicts,
    polarity_conflicts,
    quote_conflicts,
    same_slot,
    values_compatible,
)
from recoupe.enrich.figures import extract_figures
from recoupe.enrich.nlp import NlpModels
from recoupe.model import Figure, Quote

OFFER_97 = "OpenAI a rejeté une offre de rachat de 97,4 milliards de dollars de la part d'Elon Musk."
OFFER_300 = "OpenAI a rejeté une offre de rachat de 300 milliards de dollars de la part d'Elon Musk."
TAYLOR = (
    "OpenAI n'est pas à vendre et le conseil d'administration a rejeté à l'unanimité la dernière tentative de "
    "M. Musk visant à perturber la concurrence."
)


@pytest.fixture(scope="module")
def nlp() -> NlpModels:
    models = NlpModels()
    models.parse("Échauffement.", "fr")
    return models


def money(text: str, value: float, about: str | None = None, unit: str | None = "USD") -> Figure:
    return Figure(0, len(text), text, "money", value, unit, about)


def date(text: str, value: str) -> Figure:
    return Figure(0, len(text), text, "date", value)


def spans(text_a: str, text_b: str, conflict: Conflict) -> tuple[str, str]:
    return text_a[conflict.a_span[0] : conflict.a_span[1]], text_b[conflict.b_span[0] : conflict.b_span[1]]


def quote(text: str, speaker: str | None, key: str | None = None, start: int = 100) -> Quote:
    return Quote(start, start + len(text), text, "direct", speaker=speaker, speaker_key=key)


# -- values and slots --------------------------------------------------------------------------------------------
def test_rounded_values_are_compatible() -> None:
    assert values_compatible(money("97,4 milliards de dollars", 97.4e9), money("97 milliards de dollars", 97e9))
    assert values_compatible(money("1,5 million", 1.5e6), money("1 520 000 dollars", 1.52e6))
    assert not values_compatible(money("97,4 milliards de dollars", 97.4e9), money("300 milliards", 300e9))
    assert not values_compatible(money("300 milliards", 300e9), money("157 milliards", 157e9))


def percent(text: str, value: float) -> Figure:
    return Figure(0, len(text), text, "percent", value, "%")


def test_a_rate_and_its_rounding() -> None:
    # a rate rounded to the unit rounds half up: "4,8 %" is "5 %"; "3,5 %" would be "4 %", never "3 %"
    assert values_compatible(percent("4,8 %", 4.8), percent("5 %", 5.0))
    assert values_compatible(percent("2,6 %", 2.6), percent("3 %", 3.0))
    assert not values_compatible(percent("3,5 %", 3.5), percent("3 %", 3.0))
    assert not values_compatible(percent("3 %", 3.0), percent("3,5 %", 3.5))
    assert not values_compatible(percent("5,2 %", 5.2), percent("4,8 %", 4.8))


def test_a_day_of_the_month_after_a_figure_is_no_range() -> None:
    raise_ = "Le point d'indice sera revalorisé de 2,5 % au 1er octobre."
    other = "Le gouvernement annonce une hausse de 4 % du point d'indice."
    at, at_other = raise_.index("2,5 %"), other.index("4 %")
    figure = Figure(at, at + 5, "2,5 %", "percent", 2.5, "%")
    other_figure = Figure(at_other, at_other + 3, "4 %", "percent", 4.0, "%")
    assert not compatible_in(raise_, figure, other, other_figure)
    ranged = "Les loyers augmenteront de 2,5 % à 4 % selon les villes."
    assert compatible_in(ranged, Figure(27, 32, "2,5 %", "percent", 2.5, "%"), other, other_figure)


def test_lengths_of_time_in_other_units() -> None:
    def length(text: str, value: float, unit: str) -> Figure:
        return Figure(0, len(text), text, "quantity", value, unit)

    assert not values_compatible(length("un mois", 1, "mois"), length("deux semaines", 2, "semaine"))
    assert values_compatible(length("quinze jours", 15, "jour"), length("deux semaines", 2, "semaine"))
    assert values_compatible(length("15 jours", 15, "jour"), length("deux semaines", 2, "semaine"))
    assert not values_compatible(length("trois jours", 3, "jour"), length("quatre jours", 4, "jour"))


def test_hedged_values() -> None:
    assert values_compatible(money("près de 100 milliards", 100e9), money("97,4 milliards", 97.4e9))
    assert values_compatible(money("plus de 90 milliards", 90e9), money("97,4 milliards", 97.4e9))
    assert not values_compatible(money("plus de 200 milliards", 200e9), money("97,4 milliards", 97.4e9))
    assert not values_compatible(money("moins de 50 milliards", 50e9), money("97,4 milliards", 97.4e9))


def test_dates_contain_each_other() -> None:
    assert values_compatible(date("2025", "2025"), date("février 2025", "2025-02"))
    assert values_compatible(date("14 février", "--02-14"), date("14 février 2025", "2025-02-14"))
    assert values_compatible(date("la semaine dernière", "2025-W07"), date("le 14 février 2025", "2025-02-14"))
    assert not values_compatible(date("2019", "2019"), date("2018", "2018"))
    assert not values_compatible(date("14 février", "--02-14"), date("15 février 2025", "2025-02-15"))


def test_same_slot() -> None:
    assert same_slot(money("x", 1, "offre"), money("y", 2, "offre de rachat"))
    assert not same_slot(money("x", 1, "offre"), money("y", 2, "valorisation"))
    assert not same_slot(money("x", 1, unit="USD"), money("y", 2, unit="EUR"))
    assert same_slot(money("x", 1, unit=None), money("y", 2, unit="EUR"))
    deaths = Figure(0, 9, "trois morts", "count", 3.0, "mort")
    assert same_slot(deaths, Figure(0, 9, "cinq Morts", "count", 5.0, "morts"))
    assert not same_slot(deaths, Figure(0, 9, "cinq blessés", "count", 5.0, "blessé"))
    assert not same_slot(deaths, date("2019", "2019"))


# -- figures in sentences ----------------------------------------------------------------------------------------------
def test_offer_figures_conflict_with_spans(nlp: NlpModels) -> None:
    found = find_conflicts(OFFER_97, OFFER_300, "fr", nlp=nlp)
    assert [c.kind for c in found] == ["figure"]
    assert spans(OFFER_97, OFFER_300, found[0]) == ("97,4 milliards de dollars", "300 milliards de dollars")
    assert "97,4 milliards de dollars vs 300 milliards de dollars" in found[0].detail


def test_rounding_is_no_conflict(nlp: NlpModels) -> None:
    rounded = OFFER_97.replace("97,4", "97")
    assert find_conflicts(OFFER_97, rounded, "fr", nlp=nlp) == []
    about = "Elon Musk a proposé près de 100 milliards de dollars pour racheter OpenAI."
    exact = "Elon Musk a proposé 97,4 milliards de dollars pour racheter OpenAI."
    assert find_conflicts(about, exact, "fr", nlp=nlp) == []
    assert find_conflicts(about, exact, "fr") == []


def test_different_slots_never_conflict(nlp: NlpModels) -> None:
    valued = "OpenAI, valorisé à 300 milliards de dollars, a rejeté l'offre de rachat d'Elon Musk."
    assert find_conflicts(OFFER_97, valued, "fr", nlp=nlp) == []
    a = "Trois personnes ont été arrêtées mardi à Paris."
    b = "Cinq personnes ont été blessées mardi à Paris."
    assert find_conflicts(a, b, "fr", nlp=nlp) == []
    assert find_conflicts(a, b, "fr") == []


def test_total_and_part_are_no_conflict(nlp: NlpModels) -> None:
    a = "L'attentat a fait 12 morts, dont 3 enfants, selon le parquet."
    b = "L'attentat a fait 12 morts, selon le parquet."
    assert find_conflicts(a, b, "fr", nlp=nlp) == []
    text_a, text_b = "soit 12 morts et 3 morts", "soit 3 morts"
    figures_a = extract_figures(text_a, "fr", None)
    figures_b = extract_figures(text_b, "fr", None)
    assert figure_conflicts(text_a, figures_a, text_b, figures_b) == []


def test_year_conflict(nlp: NlpModels) -> None:
    a = "Elon Musk a quitté l'organisation en 2019, en désaccord avec sa stratégie."
    b = "Elon Musk a quitté l'organisation en 2018, en désaccord avec sa stratégie."
    for models in (nlp, None):
        found = find_conflicts(a, b, "fr", nlp=models)
        assert [c.kind for c in found] == ["date"]
        assert spans(a, b, found[0]) == ("2019", "2018")


def test_periods_and_other_events_are_no_date_conflict(nlp: NlpModels) -> None:
    a = "Elon Musk a cofondé OpenAI en 2015 avec Sam Altman."
    b = "Elon Musk a quitté OpenAI en 2019, en désaccord avec sa stratégie."
    assert find_conflicts(a, b, "fr", nlp=nlp) == []
    a = "Elon Musk dirige Tesla depuis 2008."
    b = "Elon Musk dirige Tesla, qu'il a rejoint en 2004."
    assert find_conflicts(a, b, "fr", nlp=nlp) == []


def test_one_phrase_with_another_number(nlp: NlpModels) -> None:
    # the same words around two figures: compared number to number, ranges and neighbours included
    a = "Une BMW 850 CSi de 1994 (180 000 à 220 000 £) et une 2002 Turbo de 1974 (110 000 à 130 000 £)."
    b = "Une BMW 850 CSi de 1994 (540 000 à 220 000 £) et une 2002 Turbo de 1974 (110 000 à 130 000 £)."
    for models in (nlp, None):
        found = find_conflicts(a, b, "fr", nlp=models)
        assert [spans(a, b, c) for c in found] == [("180 000", "540 000")]
    a = "Ce week-end des 26 et 27 janvier 2019, ils refont la télé sur RTL."
    b = "Ce week-end des 26 et 27 janvier 2017, ils refont la télé sur RTL."
    found = find_conflicts(a, b, "fr", nlp=nlp)
    assert [spans(a, b, c) for c in found] == [("27 janvier 2019", "27 janvier 2017")]  # not "26 vs 26"
    assert find_conflicts(a, a.replace("des 26 et 27", "du 26 au 27"), "fr", nlp=nlp) == []


def test_a_year_and_a_day_without_year_say_nothing_of_each_other(nlp: NlpModels) -> None:
    a = "Les attentats de Paris en 2015 ; sa mort avait été annoncée le 21 février par des sources à Paris."
    b = "Les attentats de Paris en 2012 ; sa mort avait été annoncée le 21 février par des sources à Paris."
    found = find_conflicts(a, b, "fr", nlp=nlp)
    assert [spans(a, b, c) for c in found] == [("2015", "2012")]
    assert not same_slot(date("2015", "2015"), date("21 février", "--02-21"))
    assert same_slot(date("2015", "2015"), date("21 février 2015", "2015-02-21"))


def test_english_figures(nlp: NlpModels) -> None:
    a = "Musk offered $97.4 billion for OpenAI in February 2025."
    b = "Musk offered $300 billion for OpenAI in February 2025."
    found = find_conflicts(a, b, "en", nlp=nlp)
    assert [(c.kind, *spans(a, b, c)) for c in found] == [("figure", "$97.4 billion", "$300 billion")]
    assert find_conflicts("Musk offered about $100 billion for OpenAI.", a, "en", nlp=nlp) == []


# -- polarity --------------------------------------------------------------------------------------------------
def test_antonym(nlp: NlpModels) -> None:
    a = "OpenAI a rejeté l'offre de rachat d'Elon Musk."
    b = "OpenAI a accepté l'offre de rachat d'Elon Musk."
    for models in (nlp, None):
        found = find_conflicts(a, b, "fr", nlp=models)
        assert [c.kind for c in found] == ["antonym"]
        assert spans(a, b, found[0]) == ("rejeté", "accepté")


def test_negation(nlp: NlpModels) -> None:
    a = "OpenAI n'a pas rejeté l'offre de rachat d'Elon Musk."
    b = "OpenAI a rejeté l'offre de rachat d'Elon Musk."
    for models in (nlp, None):
        found = polarity_conflicts(a, b, "fr", models)
        assert [c.kind for c in found] == ["negation"]
        assert spans(a, b, found[0]) == ("n'a pas rejeté", "rejeté")
        assert found[0].detail == "« n'a pas rejeté » vs « rejeté »"
    swapped = polarity_conflicts(b, a, "fr", nlp)
    assert [spans(b, a, c) for c in swapped] == [("rejeté", "n'a pas rejeté")]


def test_negation_words(nlp: NlpModels) -> None:
    positive = "Le ministère a signalé des arrestations de supporters ukrainiens."
    negative = "Le ministère n'a signalé aucune arrestation de supporters ukrainiens."
    assert [c.kind for c in polarity_conflicts(negative, positive, "fr", nlp)] == ["negation"]
    # "ne ... que" restricts, it does not negate
    a = "La flûte n'avait que sept trous jusqu'aux années 1970."
    b = "La flûte avait sept trous jusqu'aux années 1970."
    assert polarity_conflicts(a, b, "fr", nlp) == []
    # "ne ... pas moins": nonetheless, not a negation
    a = "Les écologistes n'en soutiendront pas moins la candidature du maire sortant."
    b = "Les écologistes soutiendront la candidature du maire sortant."
    assert polarity_conflicts(a, b, "fr", nlp) == []
    # both sides say the same thing in other words
    a = "Le Haut Conseil ne recommande pas l'utilisation de l'ivermectine contre le Covid-19."
    b = "Le Haut Conseil recommande de ne pas utiliser l'ivermectine contre le Covid-19."
    assert polarity_conflicts(a, b, "fr", nlp) == []
    assert polarity_conflicts(a, b, "fr", None) == []


def test_english_polarity(nlp: NlpModels) -> None:
    a = "OpenAI's board did not reject Elon Musk's offer."
    b = "OpenAI's board rejected Elon Musk's offer."
    for models in (nlp, None):
        assert [c.kind for c in polarity_conflicts(a, b, "en", models)] == ["negation"]
    a = "OpenAI's board accepted Elon Musk's offer on Friday."
    assert [spans(a, b, c) for c in polarity_conflicts(a, b, "en", nlp)] == [("accepted", "rejected")]


def test_unrelated_sentences_never_conflict(nlp: NlpModels) -> None:
    a = "Le Sénat a rejeté mardi le projet de loi sur l'immigration."
    b = "OpenAI a accepté l'offre de rachat d'Elon Musk."
    c = "L'Assemblée nationale a adopté mardi le projet de loi sur l'immigration."
    d = "Le chômage est en hausse ce trimestre en France."
    e = "L'emploi en France baisse ce trimestre."
    for models in (nlp, None):
        assert find_conflicts(a, b, "fr", nlp=models) == []
        assert find_conflicts(a, c, "fr", nlp=models) == []  # two chambers, two votes
    assert find_conflicts(d, e, "fr", nlp=nlp) == []  # unemployment up, employment down: no conflict


def test_converse_and_hedged_predicates(nlp: NlpModels) -> None:
    win = "Le PSG a gagné contre l'OM dimanche au Vélodrome."
    assert polarity_conflicts(win, "L'OM a perdu contre le PSG dimanche au Vélodrome.", "fr", nlp) == []
    lost = "Le PSG a perdu contre l'OM dimanche au Vélodrome."
    assert [c.kind for c in polarity_conflicts(win, lost, "fr", nlp)] == ["antonym"]
    accepted = "OpenAI a accepté l'offre d'Elon Musk."
    for hedged in (
        "Si OpenAI n'accepte pas l'offre d'Elon Musk, il ira en justice.",
        "OpenAI pourrait rejeter l'offre d'Elon Musk.",
        "OpenAI aurait rejeté l'offre d'Elon Musk.",
        "OpenAI a-t-il rejeté l'offre d'Elon Musk ?",
    ):
        assert polarity_conflicts(hedged, accepted, "fr", nlp) == [], hedged


# -- quotes ----------------------------------------------------------------------------------------------------
def test_quote_one_word_changed() -> None:
    changed = TAYLOR.replace("a rejeté", "a refusé")
    a, b = quote(TAYLOR, "Bret Taylor"), quote(changed, "Bret Taylor", start=40)
    found = quote_conflicts(a, b)
    assert [c.kind for c in found] == ["quote_wording"]
    assert found[0].detail == "« rejeté » vs « refusé »"
    at = TAYLOR.index("rejeté")
    assert found[0].a_span == (100 + at, 100 + at + len("rejeté"))
    assert found[0].b_span == (40 + at, 40 + at + len("refusé"))


def test_quote_with_a_word_dropped() -> None:
    dropped = TAYLOR.replace(" à l'unanimité", "")
    found = quote_conflicts(quote(TAYLOR, "Bret Taylor"), quote(dropped, "Bret Taylor"))
    assert [c.kind for c in found] == ["quote_wording"]
    assert "à l'unanimité" in found[0].detail
    with_ellipsis = TAYLOR.replace(" à l'unanimité", " (...)")
    assert quote_conflicts(quote(TAYLOR, "Bret Taylor"), quote(with_ellipsis, "Bret Taylor")) == []


def test_same_quote_other_speaker() -> None:
    found = quote_conflicts(quote(TAYLOR, "Bret Taylor", "bret-taylor"), quote(TAYLOR, "Sam Altman", "sam-altman"))
    assert [c.kind for c in found] == ["speaker"]
    assert found[0].detail == "Bret Taylor vs Sam Altman"


def test_last_word_of_a_quote_replaced() -> None:
    a = quote("Je l'ai embrassée et ça avait un goût de chocolat", "Barack Obama", "barack obama")
    b = quote("Je l'ai embrassée et ça avait un goût de mercredi", "Barack Obama", "barack obama")
    assert [c.detail for c in quote_conflicts(a, b)] == ["« chocolat » vs « mercredi »"]
    cut = quote("Je l'ai embrassée et ça avait un goût de choc", "Barack Obama", "barack obama")
    assert quote_conflicts(a, cut) == []  # cut mid-word at a length limit: not another wording
    other_number = quote("Je l'ai embrassée 3 fois et ça avait un goût de chocolat", "Barack Obama", "barack obama")
    four = quote("Je l'ai embrassée 4 fois et ça avait un goût de chocolat", "Barack Obama", "barack obama")
    assert quote_conflicts(other_number, four) == []  # a number: the figure rules report it


def test_short_quote_given_to_another_speaker_in_one_report() -> None:
    a = quote("there was a lot of hype", "Biden", "biden")
    b = quote("there was a lot of hype", "Claire Vasseur", "claire vasseur")
    assert quote_conflicts(a, b) == []  # short: two people can say it
    assert [c.detail for c in quote_conflicts(a, b, same_report=True)] == ["Biden vs Claire Vasseur"]


def test_a_shorter_version_beside_the_full_one_is_no_conflict() -> None:
    full = quote("Voilà ce que dit cette crise. C'est aux puissants et aux plus riches de faire des efforts.", "F", "f")
    short = quote("Voilà ce que dit cette crise. C'est aux plus riches de faire des efforts.", "F", "f")
    assert [c.kind for c in quote_conflicts(full, short)] == ["quote_wording"]
    assert quote_conflicts(full, short, shortened_ok=True) == []
    replaced = quote(full.text.replace("puissants", "pauvres"), "F", "f")
    assert [c.kind for c in quote_conflicts(full, replaced, shortened_ok=True)] == ["quote_wording"]


def test_a_short_quote_with_one_word_replaced() -> None:
    a = quote("grave et préoccupant", "Alexandre de Bosschère", "alexandre de bosschere")
    b = quote("grave et inquiétant", "le procureur")
    assert [c.detail for c in quote_conflicts(a, b)] == ["« préoccupant » vs « inquiétant »"]
    assert quote_conflicts(a, quote("grave et préoccupante", "le procureur")) == []  # agreement
    assert quote_conflicts(a, quote("grave et inquiétant", "Éric Dupond-Moretti", "eric dupond-moretti")) == []
    assert quote_conflicts(quote("très grave", "X"), quote("très inquiétant", "X")) == []  # two words: too short


def test_a_quote_adapted_to_its_sentence_is_the_same_quote() -> None:
    a = quote("Nous sommes très inquiets pour l'avenir de la filière laitière", "F", "f")
    b = quote("nous sommes très inquiètes pour le avenir de la filière laitière", "F", "f")
    assert [c.detail for c in quote_conflicts(a, b)] == []
    c = quote("Nous sommes très soucieux pour l'avenir de la filière laitière", "F", "f")
    assert [c.kind for c in quote_conflicts(a, c)] == ["quote_wording"]


def test_quote_differences_that_are_not_conflicts() -> None:
    typographic = TAYLOR.replace("'", "’").replace("vendre et", "vendre, et").upper()
    a = quote(TAYLOR, "Bret Taylor", "bret-taylor")
    assert quote_conflicts(a, quote(typographic, "Taylor")) == []  # punctuation, case, surname
    assert quote_conflicts(a, quote(TAYLOR, "le président d'OpenAI")) == []  # a description is not a name
    assert quote_conflicts(a, quote(TAYLOR.partition(" et ")[0], "Bret Taylor")) == []  # quoted shorter
    assert quote_conflicts(a, quote("OpenAI n'est pas à vendre", "Sam Altman")) == []  # two can say it
    assert quote_conflicts(a, quote("Nous allons investir dans des centres de données.", "Sam Altman")) == []


# -- the API ---------------------------------------------------------------------------------------------------
def test_conflict_to_dict_and_contradicts(nlp: NlpModels) -> None:
    conflict = Conflict("figure", "1 vs 2", (0, 1), (3, 4))
    data: dict[str, Any] = conflict.to_dict()
    assert data == {"kind": "figure", "detail": "1 vs 2", "a_span": [0, 1], "b_span": [3, 4], "relation": "conflicting"}
    assert set(KINDS) == {"figure", "date", "negation", "antonym", "quote_wording", "speaker"}
    assert contradicts(OFFER_97, OFFER_300, "fr", nlp)
    assert not contradicts(OFFER_97, OFFER_97, "fr", nlp)
    assert not contradicts("", "", "fr")


def test_grammar_changed_around_a_quote_is_the_same_quote() -> None:
    # real wordings of one quote of Emmanuel Macron in La Presse and L'Humanité (January 2019)
    a = quote(
        "permettront de bâtir un nouveau contrat pour la Nation, de structurer l'action du Gouvernement et du "
        "Parlement",
        "Emmanuel Macron",
        "emmanuel macron",
    )
    b = quote(
        "à bâtir un nouveau contrat pour la Nation, à structurer l’action du gouvernement et du Parlement",
        "Emmanuel Macron",
        "emmanuel macron",
    )
    assert quote_conflicts(a, b) == []
    said = quote("On cherche à nous mettre des responsabilités sur le dos, alors qu'il n'y en a pas du tout", "X", "x")
    spoken = quote("On cherche à nous mettre des responsabilités sur le dos, alors qu'il y en a pas du tout", "X", "x")
    assert quote_conflicts(said, spoken) == []  # the "ne" of a negation dropped
    denied = quote("On cherche à nous mettre des responsabilités sur le dos, alors qu'il y en a du tout", "X", "x")
    assert [c.kind for c in quote_conflicts(said, denied)] == ["quote_wording"]  # "pas" is not grammar


def test_an_incise_inside_the_marks_is_not_the_speakers_words() -> None:
    a = quote("Il ne faut pas raconter de craques, c'est pas parce qu'on rétablira l'ISF que ça ira mieux", "M", "m")
    b = quote(
        "Il ne faut pas raconter de craques, a-t-il ajouté un peu plus tard, c'est pas parce qu'on rétablira "
        "l'ISF que ça ira mieux",
        "M",
        "m",
    )
    assert quote_conflicts(a, b) == []


def test_a_term_in_guillemets_is_no_short_quote() -> None:
    # «grand débat national» (a term) and a placard "Grand débat, mascarade": nobody is quoted
    assert quote_conflicts(quote("grand débat national", ""), quote("Grand débat, mascarade", "")) == []


def test_a_number_in_words_or_digits_is_the_same_quote() -> None:
    # Le Point and Le Figaro quote one prefecture statement (Toulouse, January 2019)
    a = quote("On dénombre actuellement un blessé en urgence relative. Dix personnes ont été interpellées", "P", "p")
    b = quote("On dénombre actuellement un blessé en urgence relative. 10 personnes ont été interpellées", "P", "p")
    assert quote_conflicts(a, b) == []


def test_a_short_quote_nobody_is_named_saying_is_no_conflict() -> None:
    # «grand débat national» in one article, a placard "Grand débat, mascarade" read by "on" in the other
    assert (
        quote_conflicts(quote("grand débat national", "le gouvernement"), quote("Grand débat, mascarade", "on")) == []
    )
