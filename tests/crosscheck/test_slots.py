"""Figure slots on a running story (real sentences of French press on the "gilets jaunes" Saturdays, 2019):
the story's own words, a generic count against a specific one, and the places a sentence names."""

from __future__ import annotations

from recoupe.crosscheck.frames import Frame, frame_of
from recoupe.crosscheck.slots import counted_alike, distinct, same_referent, topic_concepts
from recoupe.model import Figure


def _figure(
    sentence: str, written: str, value: float | str, unit: str | None, kind: str = "count"
) -> tuple[Figure, Frame]:
    start = sentence.index(written)
    figure = Figure(start, start + len(written), written, kind, value, unit)
    return figure, frame_of(sentence, (start, start + len(written)), [], "fr")


WOMEN = _figure(
    "Vers la place des Invalides, en fin d'après-midi, quatre femmes « gilets jaunes » cherchaient le métro.",
    "quatre femmes",
    4,
    "femme",
)
TOULOUSE = _figure(
    "« Gilets jaunes » : mobilisation record des gilets jaunes avec 10.000 manifestants",
    "10.000 manifestants",
    10_000,
    "manifestant",
)


def test_a_generic_count_is_not_a_specific_one_by_the_story_words_alone() -> None:
    # both sentences say "gilets jaunes", as every article of the story does around its figures: four women
    # looking for the metro are not the day's turnout
    topic = topic_concepts([(f"article-{i}", frame) for i in range(4) for frame in (WOMEN[1], TOULOUSE[1])])
    assert not same_referent(*WOMEN, *TOULOUSE, topic=topic)
    # a generic count whose own words name the specific noun is that count
    arrested = _figure(
        "En fin de journée, douze personnes avaient été interpellées à Paris.", "douze personnes", 12, "personne"
    )
    arrests = _figure(
        "Dix interpellations avaient été effectuées à Paris.",
        "Dix interpellations",
        10,
        "interpellation",
    )
    assert same_referent(*arrested, *arrests)


def test_the_story_words_are_no_evidence() -> None:
    a = _figure("Les gilets jaunes étaient 7000 à défiler dans la capitale samedi.", "7000", 7000, "personne")
    b = _figure("Les gilets jaunes étaient 300 à défiler devant la préfecture samedi.", "300", 300, "personne")
    assert same_referent(*a, *b)  # alone, "gilets", "jaunes", "défiler" look like one slot
    frames = [(f"article-{i}", frame) for i in range(4) for frame in (a[1], b[1])]
    topic = topic_concepts(frames)
    assert {"gilet", "jaune"} <= topic
    assert not same_referent(*a, *b, topic=topic)
    assert topic_concepts(frames[:4]) == frozenset()  # two articles: no story words to tell


def test_a_figure_of_another_city_is_another_slot() -> None:
    paris = _figure(
        "À Paris, la police parlait de 7000 manifestants en fin d'après-midi.", "7000 manifestants", 7000, "manifestant"
    )
    bordeaux = _figure(
        "À Bordeaux, la police parlait de 4000 manifestants en fin d'après-midi.",
        "4000 manifestants",
        4000,
        "manifestant",
    )
    assert not same_referent(*paris, *bordeaux)
    again = _figure(
        "À Paris, la police comptait 8000 manifestants en fin d'après-midi.", "8000 manifestants", 8000, "manifestant"
    )
    assert same_referent(*paris, *again)


def test_an_earlier_event_told_in_the_pluperfect_is_another_slot() -> None:
    # Le Point and Le Figaro, 3 January 2019: two arrests of one man, not two dates for one arrest
    now = _figure(
        "Éric Drouet a été interpellé mercredi 2 janvier près des Champs-Élysées.",
        "mercredi 2 janvier",
        "2019-01-02",
        None,
        "date",
    )
    before = _figure(
        "Le 22 décembre, Éric Drouet avait été interpellé lors de l'acte VI à Paris.",
        "22 décembre",
        "2018-12-22",
        None,
        "date",
    )
    assert not same_referent(*now, *before)
    also_now = _figure(
        "Éric Drouet a été interpellé le 3 janvier près des Champs-Élysées.", "3 janvier", "2019-01-03", None, "date"
    )
    assert same_referent(*now, *also_now)


def test_a_part_is_not_the_whole_and_last_week_is_not_today() -> None:
    injured = _figure(
        "À la suite de divers incidents, huit personnes ont été légèrement blessées.", "huit personnes", 8, "personne"
    )
    police = _figure(
        "Dix manifestants ont été interpellés et quinze policiers légèrement blessés.",
        "quinze policiers",
        15,
        "policier",
    )
    assert not same_referent(*injured, *police)
    today = _figure(
        "Selon le ministère, 7.000 manifestants défilaient à Paris à 14H00.", "7.000 manifestants", 7000, "manifestant"
    )
    last_week = _figure(
        "Ils étaient 8.000 manifestants à défiler à Paris la semaine dernière.",
        "8.000 manifestants",
        8000,
        "manifestant",
    )
    assert not same_referent(*today, *last_week)
    also_today = _figure(
        "Vers 14H00, 9.000 manifestants défilaient à Paris.", "9.000 manifestants", 9000, "manifestant"
    )
    assert same_referent(*today, *also_today)


def test_two_peoples_ages_are_two_slots() -> None:
    # La Presse and L'Humanité, January 2019: two "gilets jaunes" quoted, each with his age
    jean_jacques = _figure(
        "estime par exemple un Gilet jaune à Strasbourg, Jean-Jacques, 59 ans.", "59 ans", 59, "an", "quantity"
    )
    adrien = _figure("expliquait Adrien, un gilet jaune de Strasbourg de 38 ans.", "38 ans", 38, "an", "quantity")
    assert not same_referent(*jean_jacques, *adrien)


def test_last_month_and_the_month_named() -> None:
    # one monthly figure, "le mois dernier" in one outlet and the month's name in the other
    last_month = _figure(
        "L'économie canadienne a créé 31 000 emplois le mois dernier, selon Statistique Canada.",
        "31 000 emplois",
        31000,
        "emploi",
    )
    named = _figure("Les employeurs ont ajouté 54 000 postes en novembre.", "54 000 postes", 54000, "poste")
    assert not distinct(*last_month, *named)
    assert same_referent(*last_month, *named, similar=True)


def test_two_sources_counting_one_crowd() -> None:
    police = _figure(
        "La préfecture a dénombré 12 000 participants dans le cortège.", "12 000 participants", 12000, "participant"
    )
    organisers = _figure(
        "Les syndicats revendiquent 40 000 personnes rassemblées devant la mairie.",
        "40 000 personnes",
        40000,
        "personne",
    )
    officers = _figure("Quelque 1 500 policiers étaient mobilisés.", "1 500 policiers", 1500, "policier")
    assert counted_alike(*police, *organisers)
    assert not counted_alike(*police, *officers)
    assert not counted_alike(*organisers, *officers)


def test_a_frame_stops_where_the_sentence_turns_to_another_fact() -> None:
    monday = _figure(
        "Les secours recensaient lundi au moins 2 500 blessés, tandis que des centaines de maisons se sont effondrées.",
        "2 500 blessés",
        2500,
        "blessé",
    )
    assert "maison" not in monday[1].concepts
    tuesday = _figure("Les autorités font désormais état de 4 100 blessés.", "4 100 blessés", 4100, "blessé")
    assert same_referent(*monday, *tuesday)


def test_another_days_count_and_a_total_since_the_start_are_other_slots() -> None:
    # real sentences of the gilets jaunes Saturdays (La Presse, Le Point, Le Figaro, January 2019)
    last_week = _figure(
        "Les « gilets jaunes » ont mobilisé bien plus que les 32 000 manifestants du 29 décembre.",
        "32 000 manifestants",
        32000,
        "manifestant",
    )
    today = _figure("L'acte VIII a rassemblé 50 000 personnes samedi en France.", "50 000 personnes", 50000, "personne")
    assert last_week[1].last_period
    assert not today[1].last_period
    assert distinct(*last_week, *today)
    total = _figure(
        "Depuis le début du mouvement, plus de 1.600 personnes ont été blessées dont 58 gravement.",
        "58",
        58,
        "blessé",
    )
    evacuated = _figure("Trois blessés ont été évacués, selon les journalistes.", "Trois blessés", 3, "blessé")
    assert total[1].last_period
    assert not same_referent(*total, *evacuated)


def test_a_hyphenated_noun_counts_its_head() -> None:
    # session 15: written before the first run. "72 wagons-citernes" counts wagons; "sans-abri" is no "sans"
    from recoupe.crosscheck.slots import unit_concept
    from recoupe.model import Figure

    def unit(noun: str) -> str | None:
        return unit_concept(Figure(0, 2, "72", "count", 72.0, noun))

    assert unit("wagons-citernes") == unit("wagons")
    assert unit("camions-bennes") == unit("camions")
    assert unit("sapeurs-pompiers") == unit("pompiers")  # the lexicon's word first
    assert unit("sans-abri") != unit("sans")
    assert unit("voix-pour") != unit("voix-contre")  # a tally's two sides (``votes``) stay two slots
