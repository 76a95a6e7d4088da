"""Issue 11's acceptance cases, written before the rules: paraphrased figures conflict, attributed figures
differ by source, a toll given at two moments is updated, and sources and moments are read as written."""

from __future__ import annotations

import pytest
from tests.crosscheck.two_outlets import article as _article
from tests.crosscheck.two_outlets import check as _check
from tests.crosscheck.two_outlets import relations as _relations

from recoupe.crosscheck.attribution import moment_of, same_source, source_for
from recoupe.crosscheck.statements import compared_periods, is_moment
from recoupe.model import Figure


@pytest.mark.slow
def test_paraphrased_figures_conflict() -> None:
    a = _article(
        "Le Matin",
        "2025-03-04T09:00",
        "Accord dans la métallurgie",
        "Les syndicats et la direction ont signé un accord prévoyant une hausse de 5 % des salaires dès avril.\n\n"
        "Un TGV sur deux circulera mardi en raison de la grève des contrôleurs.",
    )
    b = _article(
        "Le Soir",
        "2025-03-04T10:00",
        "Les salaires revalorisés dans la métallurgie",
        "La direction et les syndicats sont parvenus à un accord : il prévoit une augmentation de 7 % des "
        "salaires à partir d'avril.\n\nMardi, un TGV sur trois circulera à cause de la grève des contrôleurs.",
    )
    found = _relations(_check(a, b))
    assert any(r == "conflicting" and "5 %" in d and "7 %" in d for r, d in found)
    assert any(r == "conflicting" and "sur deux" in d and "sur trois" in d for r, d in found)


@pytest.mark.slow
def test_sources_differ_and_a_toll_is_updated() -> None:
    a = _article(
        "Le Matin",
        "2019-01-12T19:00",
        "Acte IX des gilets jaunes",
        "Selon la préfecture, 8 000 manifestants ont défilé samedi à Paris. "
        "Un bilan provisoire fait état de 3 blessés graves à 14 heures.",
    )
    b = _article(
        "Le Soir",
        "2019-01-12T23:30",
        "Les gilets jaunes de retour dans la rue",
        "Les organisateurs revendiquent 30 000 participants samedi à Paris. "
        "Selon le dernier bilan, 5 blessés graves ont été hospitalisés en fin de journée.",
    )
    check = _check(a, b)
    found = _relations(check)
    assert any(r == "differs-by-source" and "8 000" in d and "30 000" in d for r, d in found)
    assert any(r == "updated" and "3 blessés" in d and "5 blessés" in d for r, d in found)
    assert check.counts()["conflicting"] == 0
    (updated,) = [v for v in check.verdicts if v.verdict == "updated"]
    assert [updated.statements[i].article_id for i in updated.timeline] == [a.id, b.id]


def test_sources_and_moments_as_written() -> None:
    sentence = "Selon la préfecture, 8 000 manifestants ont défilé, 30 000 selon les organisateurs."
    first, second = (sentence.index("8 000"), sentence.index("8 000") + 5), (sentence.index("30 000"), 0)
    second = (second[0], second[0] + 6)
    assert source_for(sentence, first, [second]) == "la préfecture"
    assert source_for(sentence, second, [first]) == "les organisateurs"
    assert source_for("Selon le dernier bilan, 5 personnes sont mortes.", (24, 25)) is None
    assert same_source("la Protection civile", "la Protection civile haïtienne")
    assert not same_source("la police", "les organisateurs")
    # a subject before "affirment avoir rassemblé", a name after a guillemet; never a verb taken for a name
    crowd = "Les organisateurs du collectif « Stop Bassines » affirment avoir rassemblé 9 000 personnes."
    assert source_for(crowd, (crowd.index("9 000"), crowd.index("9 000") + 5)) == "Les organisateurs du collectif"
    said = "« Nous étions nombreux », assurent avoir compté les militants sur place."
    assert source_for(said, (0, 5)) is None
    assert moment_of("Le taux de participation s'élevait à 25 % à 17 heures.") == "17:00"
    assert moment_of("Un bilan provisoire fait état de 3 morts.") == "provisional"
    assert moment_of("Le dernier bilan fait état de 5 morts.") == "final"


def test_periods_the_enrichment_leaves_out_are_compared() -> None:
    text = (
        "La grève entre dans son 12e jour. Le chantier a été suspendu pendant une semaine. "
        "Au 2e tour, il l'emporte avec 3 points d'avance. Il y a un an, la troisième semaine de grève avait commencé."
    )
    found = [(f.text, f.kind, f.value, f.unit) for f in compared_periods(text, [])]
    assert found == [
        ("une semaine", "quantity", 1.0, "semaine"),
        ("un an", "quantity", 1.0, "an"),
        ("12e jour", "count", 12.0, "jour"),
        ("troisième semaine", "count", 3.0, "semaine"),
    ]
    taken = Figure(text.index("une semaine"), text.index("une semaine") + 11, "une semaine", "quantity", 1.0, "semaine")
    assert [f.text for f in compared_periods(text, [taken])] == ["un an", "12e jour", "troisième semaine"]


def test_a_length_written_as_a_moment_is_not_compared() -> None:
    def length(text: str, written: str, value: float, unit: str) -> tuple[str, Figure]:
        start = text.index(written)
        return text, Figure(start, start + len(written), written, "quantity", value, unit)

    assert is_moment(*length("Au bout de deux heures, le ministre a recadré le débat.", "deux heures", 2, "heure"))
    assert is_moment(*length("Sur les coups de 21 heures, le président tombe la veste.", "21 heures", 21, "heure"))
    assert is_moment(*length("Après trois semaines de grève, la direction cède.", "trois semaines", 3, "semaine"))
    assert not is_moment(*length("Pendant près de sept heures, le président a répondu.", "sept heures", 7, "heure"))
    assert not is_moment(*length("Il a été condamné à deux ans de prison ferme.", "deux ans", 2, "an"))


@pytest.mark.slow
def test_the_same_sentence_with_one_date_changed_is_a_conflict() -> None:
    # written for the test: a reprint that changes one of the two dates of a sentence, nothing else; the words
    # around the changed date share one concept only ("loi"), too few to tell a slot without the sentence
    sentence = "Cette amende avait été créée en mars 2014, par la loi de Bruno Le Maire (LR, alors UMP) de juillet {}."
    a = _article("Le Matin", "2025-03-04T09:00", "Une amende ancienne", sentence.format(2011))
    b = _article("Le Soir", "2025-03-04T10:00", "Retour sur une amende", sentence.format(2009))
    found = _relations(_check(a, b))
    assert ("conflicting", "juillet 2011 vs juillet 2009") in found
    assert not any("mars 2014" in detail for _, detail in found)


@pytest.mark.slow
def test_a_dateline_date_is_no_statement() -> None:
    # written for the test: a dispatch's dateline gives the day it was filed; the other outlet's "depuis août
    # 2020" is another date altogether, and neither is a fact the two outlets disagree on
    a = _article(
        "Agence",
        "2021-08-06T15:00",
        "Emploi américain",
        "WASHINGTON, 6 août 2021 (AFP) - L'économie américaine a créé 943 000 emplois en juillet, selon le "
        "département du Travail.",
    )
    b = _article(
        "Le Fil",
        "2021-08-06T16:00",
        "Les embauches accélèrent",
        "En juillet, les employeurs ont créé 943 000 postes, la meilleure performance depuis août 2020, selon "
        "le Bureau des statistiques du travail.",
    )
    check = _check(a, b)
    assert not any("6 août" in d for _, d in _relations(check))
    assert not any(s.text.startswith("6 août") for v in check.verdicts for s in v.statements)
    claims = [s.text for v in check.verdicts for s in v.statements if s.kind == "claim" and "943 000 emplois" in s.text]
    assert claims
    assert all(c.startswith("L'économie") for c in claims)


@pytest.mark.slow
def test_a_short_quote_given_to_two_unions_is_a_speaker_conflict() -> None:
    # written for the test: the same seven words, given by one outlet to the CGT (an acronym of three letters
    # is a name) and by the other to Force ouvrière
    a = _article(
        "Le Matin",
        "2022-12-14T09:00",
        "Le Smic revalorisé",
        "Le Smic sera revalorisé de 1,8 % au 1er janvier. « Ce n'est pas à la hauteur », a réagi la CGT.",
    )
    b = _article(
        "Le Soir",
        "2022-12-14T10:00",
        "Hausse du Smic",
        "Le salaire minimum augmentera de 1,8 % au 1er janvier. « Ce n'est pas à la hauteur », estime Force ouvrière.",
    )
    found = _relations(_check(a, b))
    assert ("conflicting", "CGT vs Force ouvrière") in found


@pytest.mark.slow
def test_a_charge_quoted_two_ways_is_no_wording_conflict() -> None:
    # written for the test: the offence's legal wording, cut by one outlet (a conflict before the rule); the
    # lawyer's words, changed by one outlet, still conflict
    a = _article(
        "Le Matin",
        "2019-02-15T09:00",
        "Enquête ouverte après des messages haineux",
        "Le parquet de Lyon a annoncé avoir ouvert une enquête du chef « de provocation à la haine à l'égard d'un "
        "groupe de personnes à raison de leur origine, par un moyen de communication au public par voie "
        "électronique ». « Mon client n'a jamais appelé à la violence, il a toujours respecté la loi », a déclaré "
        "son avocat, Maître Durand.",
    )
    b = _article(
        "Le Soir",
        "2019-02-15T10:00",
        "Messages haineux : le parquet saisi",
        "Une enquête a été ouverte pour « provocation à la haine à l'égard d'un groupe de personnes à raison de "
        "leur origine, par un moyen de communication électronique », a précisé le parquet de Lyon. « Mon client "
        "n'a jamais appelé à la haine, il a toujours respecté la loi », a déclaré son avocat, Maître Durand.",
    )
    found = _relations(_check(a, b))
    assert not any("voie" in d for _, d in found)
    assert ("conflicting", "« violence » vs « haine »") in found


@pytest.mark.slow
def test_a_figure_changed_in_a_sentence_that_opens_with_a_dateline() -> None:
    # written for the test: one reprint of a dispatch changes one number of its dateline sentence; the claim
    # starts after the dateline, its figures' sentence before it: they must still be read as one sentence
    sentence = (
        "GRENOBLE (AFP) - Les autorités ont décidé d'évacuer près de {} habitants installés dans la vallée "
        "menacée par la crue du torrent, a annoncé la préfecture de l'Isère."
    )
    a = _article("Le Matin", "2025-03-04T09:00", "Crue en Isère", sentence.format("2 000"))
    b = _article("Le Soir", "2025-03-04T10:00", "Évacuations en Isère", sentence.format("4 000"))
    found = _relations(_check(a, b))
    assert any(r == "conflicting" and "2 000" in d and "4 000" in d for r, d in found)


@pytest.mark.slow
def test_two_amounts_of_one_budget_story_worded_apart_are_no_conflict() -> None:
    # written for the test (session 10, the kind read on gj-dev stories 40-69): alike sentences of one story,
    # whose words around the amounts share nothing, give two amounts; one amount reworded still conflicts
    a = _article(
        "Le Matin",
        "2025-01-15T09:00",
        "Le déficit de l'État moins élevé que prévu",
        "Le déficit de l'État s'est établi à 76 milliards d'euros. Les dépenses ont été inférieures de 400 "
        "millions d'euros au niveau attendu.",
    )
    b = _article(
        "Le Soir",
        "2025-01-15T10:00",
        "Un déficit de 76 milliards",
        "Le déficit de l'État atteint 76 milliards d'euros. Les allègements de charges devraient coûter 4 "
        "milliards d'euros de manque à gagner à la Sécurité sociale.",
    )
    assert not any("400 millions" in d for _, d in _relations(_check(a, b)))
    c = _article(
        "Le Soir",
        "2025-01-15T10:00",
        "Un déficit de 76 milliards",
        "Le déficit de l'État atteint 76 milliards d'euros. Les dépenses ont été inférieures de 900 millions "
        "d'euros au niveau prévu.",
    )
    assert any("400 millions" in d and "900 millions" in d for r, d in _relations(_check(a, c)) if r == "conflicting")


@pytest.mark.slow
def test_de_meme_source_is_the_source_named_before() -> None:
    # written for the test (read on gj-dev): "de même source" refers to the ministry named just before, so
    # the two counts are the same source's, not two sources'
    a = _article(
        "Le Matin",
        "2025-01-12T20:00",
        "Mobilisation nationale",
        "Selon le ministère de l'Intérieur, 50 000 personnes ont manifesté samedi en France. De même source, "
        "on comptait 120 interpellations samedi soir.",
    )
    b = _article(
        "Le Soir",
        "2025-01-12T20:30",
        "Samedi de manifestations",
        "Le ministère de l'Intérieur a fait état de 50 000 manifestants samedi en France. Le ministère comptait "
        "aussi 180 interpellations samedi soir.",
    )
    found = _relations(_check(a, b))
    assert ("conflicting", "120 interpellations vs 180 interpellations") in found
    assert not any(r == "differs-by-source" for r, _ in found)


def test_a_provisional_toll_then_another_sources_toll_the_next_day_is_an_update() -> None:
    # session 14: written before the first run
    from tests.crosscheck.two_outlets import article, check, relations

    a = article(
        "Info Continue",
        "2024-11-12T11:00",
        "Explosion dans une usine chimique près de Rouen",
        "Un bilan provisoire fait état d'au moins 4 morts, selon les pompiers, après l'explosion survenue lundi "
        "soir dans une usine chimique de Petit-Couronne.",
    )
    b = article(
        "Le Quotidien de l'Ouest",
        "2024-11-13T18:00",
        "Petit-Couronne : le bilan de l'explosion s'alourdit",
        "Le parquet de Rouen a fait état mercredi de 7 morts après l'explosion de l'usine chimique de "
        "Petit-Couronne. L'enquête se concentre sur une cuve de solvant.",
    )
    found = relations(check(a, b))
    assert any(relation == "updated" and "4 morts" in detail and "7 morts" in detail for relation, detail in found)


def test_a_fact_one_outlet_attributes_and_the_other_states_conflicts() -> None:
    # session 14: written before the first run. The train's speed is no source's account: one outlet citing
    # the rail company does not make 120 and 160 km/h two accounts (a crowd counted by the police would be).
    from tests.crosscheck.two_outlets import article, check, relations

    a = article(
        "Info Continue",
        "2024-05-02T20:00",
        "Un TER percute un camion près de Nevers",
        "Selon la SNCF, le TER roulait à 120 km/h quand il a percuté un camion bloqué sur un passage à niveau "
        "près de Nevers. Le conducteur du camion a pu sortir à temps.",
    )
    b = article(
        "Le Courrier du Centre",
        "2024-05-02T22:00",
        "Nevers : collision entre un TER et un poids lourd",
        "Le TER, qui circulait à 160 km/h, a heurté un poids lourd immobilisé sur un passage à niveau près de "
        "Nevers. Le chauffeur du camion avait quitté sa cabine.",
    )
    found = relations(check(a, b))
    assert any(relation == "conflicting" and "120" in detail and "160" in detail for relation, detail in found)


def test_a_burnt_area_told_two_days_apart_is_an_update() -> None:
    # session 14: written before the first run
    from tests.crosscheck.two_outlets import article, check, relations

    a = article(
        "Sud Matin",
        "2022-08-10T12:00",
        "Incendie dans les Landes : 3 000 hectares brûlés",
        "L'incendie de Saint-Magne a déjà parcouru près de 3 000 hectares, selon la préfecture.",
    )
    b = article(
        "Le Journal du Soir",
        "2022-08-12T19:00",
        "Landes : le feu de Saint-Magne toujours actif",
        "Le feu de Saint-Magne a franchi le cap des 6 500 hectares brûlés jeudi soir.",
    )
    found = relations(check(a, b))
    assert any(relation == "updated" and "3 000" in detail and "6 500" in detail for relation, detail in found)


def test_a_count_said_after_it_to_be_someones_has_that_source() -> None:
    # session 14: written before the first run
    sentence = (
        "Un million de personnes dans les rues samedi, dont 200 000 à Paris : c'est le décompte de la CGT "
        "pour cette troisième journée."
    )

    def span(written: str) -> tuple[int, int]:
        return sentence.index(written), sentence.index(written) + len(written)

    total, part, rank = span("Un million de personnes"), span("200 000"), span("troisième journée")
    figures = [total, part, rank]
    assert source_for(sentence, total, figures) == "la CGT"
    assert source_for(sentence, part, figures) == "la CGT"
    assert source_for("Un million de personnes ont défilé samedi : c'est un record.", (0, 23)) is None


def test_a_toll_told_as_plain_facts_hours_apart_is_a_conflict() -> None:
    # session 15: written before the first run. Two outlets, eleven hours apart, each state the injured as a fact
    # with no moment and no word saying the count may move: they disagree (no update to read).
    from tests.crosscheck.two_outlets import article, check, conflicting

    a = article(
        "Le Courrier du Nord",
        "2023-05-12T22:30",
        "Collision entre un bus et un camion près de Douai",
        "Un bus scolaire vide et un camion se sont percutés vendredi sur la départementale près de Douai. "
        "Deux personnes ont été blessées, dont le chauffeur du bus.",
    )
    b = article(
        "Flandre Matin",
        "2023-05-13T09:40",
        "Douai : un bus et un poids lourd se percutent",
        "Vendredi, un bus de ramassage scolaire, sans élèves à bord, a heurté un poids lourd près de Douai. "
        "L'accident a fait quatre blessés, dont le chauffeur du bus.",
    )
    assert conflicting(check(a, b), "Deux personnes", "quatre blessés") or conflicting(check(a, b), "Deux", "quatre")


def test_a_toll_said_to_stand_at_a_moment_hours_apart_is_an_update() -> None:
    # session 15: written before the first run. "au moins" the night before, "désormais" the next morning.
    from tests.crosscheck.two_outlets import article, check, relations

    a = article(
        "Le Courrier du Nord",
        "2023-05-12T22:30",
        "Collision entre un bus et un camion près de Douai",
        "Un bus et un camion se sont percutés vendredi sur la départementale près de Douai. "
        "L'accident a fait au moins deux blessés, selon les pompiers.",
    )
    b = article(
        "Flandre Matin",
        "2023-05-13T09:40",
        "Douai : un bus et un poids lourd se percutent",
        "Vendredi, un bus a heurté un poids lourd près de Douai. Les pompiers comptent désormais quatre blessés.",
    )
    found = relations(check(a, b))
    assert any(relation == "updated" and "deux" in detail and "quatre" in detail for relation, detail in found)
    assert not any(relation == "conflicting" for relation, _ in found)


def test_two_values_read_as_an_update_are_one_wherever_they_meet() -> None:
    # session 15: written before the first run. The morning's body gives its count "ce mardi matin", the title
    # repeats it with no time; the evening's count is an update of both.
    from tests.crosscheck.two_outlets import article, check, relations

    a = article(
        "Le Midi Libre-Échange",
        "2024-10-15T08:30",
        "Crues dans l'Hérault : neuf communes évacuées",
        "Ce mardi matin, neuf communes ont été évacuées dans l'Hérault, où le niveau de l'Orb monte encore. "
        "Les pompiers sont mobilisés depuis la nuit.",
    )
    b = article(
        "Radio Languedoc",
        "2024-10-15T20:15",
        "Hérault : la crue de l'Orb s'étend",
        "Ce mardi soir, douze communes ont été évacuées dans l'Hérault. La crue de l'Orb s'étend vers la mer.",
    )
    found = relations(check(a, b))
    assert any(relation == "updated" for relation, _ in found)
    assert not any(relation == "conflicting" for relation, _ in found)
