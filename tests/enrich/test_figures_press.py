"""Figures as the French press writes them (issue 11): fractions and ratios, thin-space thousands, range bounds,
dot thousands, and what a percent measures. Sentences are written the way the papers write them (several are
taken from the gj-dev corpus: Le Point, L'Humanité, Le Figaro, with their U+2009 thin spaces)."""

from __future__ import annotations

import pytest

from recoupe.enrich.figures import extract_figures
from recoupe.enrich.nlp import NlpModels
from recoupe.model import Figure

THIN = "\u2009"
NNBSP = "\u202f"
NBSP = "\u00a0"


@pytest.fixture(scope="module")
def models() -> NlpModels:
    return NlpModels()


def figures(text: str, models: NlpModels | None = None, language: str = "fr") -> list[Figure]:
    doc = models.parse(text, language) if models else None
    return extract_figures(text, language, None, doc)


def both(text: str, models: NlpModels, language: str = "fr") -> list[list[Figure]]:
    """The figures without a parse, then with it."""
    return [figures(text, None, language), figures(text, models, language)]


# --- fractions and ratios ---------------------------------------------------------------------------------

FRACTIONS = [
    ("fr", "Un TGV sur deux circulera mardi, selon la SNCF.", "Un TGV sur deux", 50.0, "TGV"),
    ("fr", "Un élève sur quatre était absent lundi.", "Un élève sur quatre", 25.0, "élève"),
    ("fr", "Près d'une entreprise sur dix est concernée.", "une entreprise sur dix", 10.0, "entreprise"),
    ("fr", "Un Français sur trois renonce à se soigner.", "Un Français sur trois", 100 / 3, "Français"),
    ("fr", "Deux tiers des cadres sont concernés par la réforme.", "Deux tiers des cadres", 200 / 3, "cadres"),
    ("fr", "La moitié des salariés a fait grève jeudi.", "La moitié des salariés", 50.0, "salariés"),
    ("fr", "Plus de la moitié des Français soutiennent le mouvement.", "la moitié des Français", 50.0, "Français"),
    ("fr", "Un quart des sondés ne se prononce pas.", "Un quart des sondés", 25.0, "sondés"),
    ("fr", "Les trois quarts des commerces ont rouvert.", "trois quarts des commerces", 75.0, "commerces"),
    ("fr", "Un tiers des électeurs s'est abstenu.", "Un tiers des électeurs", 100 / 3, "électeurs"),
    # a verb the parser takes for a noun after the denominator: a noun after "trois" would be plural
    ("fr", "Un salarié sur trois télétravaille au moins un jour.", "Un salarié sur trois", 100 / 3, "salarié"),
    ("fr", "Le chiffre d'affaires a fondu d'un tiers en un an.", "un tiers", 100 / 3, None),
    ("en", "One in three voters backed the measure.", "One in three voters", 100 / 3, "voters"),
    ("en", "Half of the workers walked out.", "Half of the workers", 50.0, "workers"),
    ("en", "Two thirds of voters said no.", "Two thirds of voters", 200 / 3, "voters"),
    ("en", "A quarter of the staff were laid off.", "A quarter of the staff", 25.0, "staff"),
    ("en", "Nearly two-thirds of Americans approve.", "two-thirds of Americans", 200 / 3, "Americans"),
]


@pytest.mark.parametrize(
    ("language", "text", "expected"),
    [(lang, text, (phrase, value, about)) for lang, text, phrase, value, about in FRACTIONS],
)
def test_fraction_is_a_percent(
    models: NlpModels, language: str, text: str, expected: tuple[str, float, str | None]
) -> None:
    phrase, value, about = expected
    for found in both(text, models, language):
        fractions = [f for f in found if f.kind == "percent"]
        assert len(fractions) == 1, found
        figure = fractions[0]
        assert (figure.text, figure.unit, figure.about) == (phrase, "%", about)
        assert figure.value == pytest.approx(value, abs=1e-4)
        assert text[figure.start : figure.end] == phrase
        assert not [f for f in found if f.kind == "count"], found  # no "deux circulera" left over


def test_two_outlets_give_two_ratios_for_the_same_noun(models: NlpModels) -> None:
    first = figures("Un TGV sur deux circulera mardi.", models)
    second = figures("Mardi, seul un TGV sur trois roulera.", models)
    assert [(f.value, f.about) for f in first] == [(50.0, "TGV")]
    assert [(round(float(f.value or 0), 3), f.about) for f in second] == [(33.333, "TGV")]


@pytest.mark.parametrize(
    ("language", "text"),
    [
        ("fr", "Le verre est à moitié vide."),
        ("fr", "Il a regardé la seconde moitié du match."),
        ("fr", "La réunion a duré trois quarts d'heure."),
        ("fr", "Il a attendu un quart d'heure devant la mairie."),
        ("fr", "Nantes affrontera Lyon en quart de finale."),
        ("fr", "Le tiers payant sera généralisé."),
        ("fr", "Il réclame un cinquième mandat."),
        ("fr", "Il vient une semaine sur deux."),
        ("en", "He scored in the second half of the game."),
        ("en", "They met a quarter of an hour later."),
        ("en", "The third quarter of 2019 was weak."),
        ("en", "He won one in 2019."),
    ],
)
def test_not_a_fraction(models: NlpModels, language: str, text: str) -> None:
    for found in both(text, models, language):
        assert [f for f in found if f.kind == "percent"] == [], found


def test_digit_ratios_keep_their_noun(models: NlpModels) -> None:
    for found in both("Au départ de Paris, 8 TER sur 10 seront assurés.", models):
        assert [(f.text, f.value, f.about) for f in found] == [("8 TER sur 10", 80.0, "TER")]


# --- numbers: separators, line starts, ranges, dot thousands ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        (f"Le 8 septembre, 130{THIN}000 personnes marchaient à travers le pays.", f"130{THIN}000 personnes",
         ("count", 130_000, "personne")),
        (f"À Londres, il a récolté 800{THIN}000 euros (contre 30{THIN}000 euros levés).", f"800{THIN}000 euros",
         ("money", 800_000, "EUR")),
        (f"contre 30{THIN}000 euros levés dans la journée", f"30{THIN}000 euros", ("money", 30_000, "EUR")),
        (f"Il a saisi 50{THIN}000 gilets.", f"50{THIN}000 gilets", ("count", 50_000, "gilet")),
        (f"(12{THIN}000 manifestants en France contre 50{THIN}000 la semaine précédente)",
         f"12{THIN}000 manifestants", ("count", 12_000, "manifestant")),
        (f"les 174{THIN}024 hectares de forêt", f"174{THIN}024 hectares", ("quantity", 174_024, "ha")),
        (f"Le prix est de 1{NNBSP}000 euros.", f"1{NNBSP}000 euros", ("money", 1000, "EUR")),
        (f"Le prix est de 1{NBSP}000 euros.", f"1{NBSP}000 euros", ("money", 1000, "EUR")),
        ("Le prix\n1 000 euros, pas plus.", "1 000 euros", ("money", 1000, "EUR")),
        ("La prime (1 000 euros) sera versée.", "1 000 euros", ("money", 1000, "EUR")),
        (f"«{THIN}J'ai 4{THIN}000 mètres carrés de terrain", f"4{THIN}000 mètres carrés", ("quantity", 4000, "m2")),
        ("Ils étaient 287.000 manifestants selon le ministère.", "287.000 manifestants", ("count", 287_000,
         "manifestant")),
        ("quelque 50.000 «gilets jaunes» ont défilé samedi", "50.000 «gilets jaunes»", ("count", 50_000,
         "gilet jaune")),
    ],
)  # fmt: skip
def test_thousands(models: NlpModels, text: str, phrase: str, expected: tuple[str, float, str]) -> None:
    for found in both(text, models):
        hit = next((f for f in found if f.text == phrase), None)
        assert hit is not None, found
        assert (hit.kind, hit.value, hit.unit) == expected
        assert not [f for f in found if f.text.startswith("0")], found  # never "000 euros"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Une prime entre 1 200 et 2 000 euros.",
         [("1 200", "money", 1200, "EUR"), ("2 000 euros", "money", 2000, "EUR")]),
        (f"Une prime entre 1{THIN}200 et 2{THIN}000 euros.",
         [(f"1{THIN}200", "money", 1200, "EUR"), (f"2{THIN}000 euros", "money", 2000, "EUR")]),
        ("une contravention de 5e classe, allant de 1500 à 3000 euros.",
         [("1500", "money", 1500, "EUR"), ("3000 euros", "money", 3000, "EUR")]),
        ("Les aidants peuvent recevoir entre 1000 et 6500 euros par an.",
         [("1000", "money", 1000, "EUR"), ("6500 euros", "money", 6500, "EUR")]),
        ("De 1 500 à 2 000 personnes ont manifesté.",
         [("1 500", "count", 1500, "personne"), ("2 000 personnes", "count", 2000, "personne")]),
        ("De 1500 à 2000 personnes ont manifesté.",
         [("1500", "count", 1500, "personne"), ("2000 personnes", "count", 2000, "personne")]),
        ("La saison 2018-2019 a été difficile.", [("2018", "date", "2018", None), ("2019", "date", "2019", None)]),
        ("Il a siégé entre 1986 et 1988 à Bonn.", [("1986", "date", "1986", None), ("1988", "date", "1988", None)]),
        ("pendant la crise de 2007-2008, la plus grave",
         [("2007", "date", "2007", None), ("2008", "date", "2008", None)]),
    ],
)  # fmt: skip
def test_ranges(models: NlpModels, text: str, expected: list[tuple[str, str, object, str | None]]) -> None:
    for found in both(text, models):
        assert [(f.text, f.kind, f.value, f.unit) for f in found] == expected


# --- what a percent measures --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "about"),
    [
        ("Le gouvernement annonce une hausse de 5 % des salaires.", "hausse des salaires"),
        ("Le gouvernement annonce une augmentation de 7 % des salaires.", "augmentation des salaires"),
        ("Le gouvernement annonce une augmentation des salaires de 7 %.", "augmentation des salaires"),
        ("La hausse de 5 % des prix de l'énergie inquiète.", "hausse des prix"),
        ("Les salaires augmentent de 5 % cette année.", "augmentation des salaires"),
        ("Le chômage a reculé de 0,3 % au troisième trimestre.", "recul du chômage"),
        ("Le chômage a reculé de 0,3 %.", "recul du chômage"),
    ],
)
def test_percent_about_keeps_the_measured_noun(models: NlpModels, text: str, about: str) -> None:
    [figure] = [f for f in figures(text, models) if f.kind == "percent"]
    assert figure.about == about


def test_money_about_unchanged(models: NlpModels) -> None:
    [figure] = figures("Il a fait une offre de rachat de 97,4 milliards de dollars.", models)
    assert figure.about == "offre de rachat"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ce qui revient à une intervention sur 3 500.", [("une intervention sur 3 500", 0.028571, "intervention")]),
        ("et le tiers de ceux des catégories moyennes", [("le tiers de ceux", 33.333333, None)]),
        ("offrir une perspective sur vingt ou trente ans", []),
    ],
)
def test_ratio_edges_from_the_press(text: str, expected: list[tuple[str, float, str | None]]) -> None:
    assert [(f.text, f.value, f.about) for f in figures(text) if f.kind == "percent"] == expected


# --- "et demi", and people counted without a noun ------------------------------------------------------------

HALVES = [
    ("fr", "Un million et demi de personnes ont manifesté samedi.", "count", 1_500_000.0, "personne"),
    ("fr", "L'État a versé deux millions et demi d'euros aux communes.", "money", 2_500_000.0, "EUR"),
    ("fr", "Ils étaient un million dans les rues, selon la CGT.", "count", 1_000_000.0, "personne"),
    ("fr", "Elles étaient près de 2 millions à signer la pétition.", "count", 2_000_000.0, "personne"),
    ("en", "They were 2 million in the streets, organisers said.", "count", 2_000_000.0, "people"),
    ("fr", "Le budget du festival atteint 3 millions.", "money", 3_000_000.0, "EUR"),
]


@pytest.mark.parametrize("case", HALVES)
def test_half_scales_and_headcounts(models: NlpModels, case: tuple[str, str, str, float, str]) -> None:
    language, text, kind, value, unit = case
    for found in both(text, models, language):
        assert [(f.kind, f.value, f.unit) for f in found] == [(kind, value, unit)]


def test_people_counted_by_their_nationality(models: NlpModels) -> None:
    # written for the test; a count of people named by a demonym is a count, not a name ("60 Afghans")
    for found in both("Au moins 60 Afghans et treize Américains ont été tués jeudi.", models):
        assert [(f.text, f.kind, f.value, f.unit) for f in found] == [
            ("60 Afghans", "count", 60.0, "afghan"),
            ("treize Américains", "count", 13.0, "américain"),
        ]
    # a year before a capitalised word is still a year; a capitalised word that is no people is no counted noun
    assert [(f.text, f.kind) for f in figures("En 2018 Français et Allemands ont signé.")] == [("2018", "date")]
    assert figures("Il a vendu 300 Renault.") == []


@pytest.mark.parametrize(
    ("text", "language", "found"),
    [
        ("Le bilan s'est alourdi à 14 dans la soirée.", "fr", [("14", "count", 14.0, "mort")]),
        ("Le dernier bilan a atteint 61.", "fr", [("61", "count", 61.0, "mort")]),
        ("The death toll from the storm rose to 23 on Monday.", "en", [("23", "count", 23.0, "death")]),
        # a "bilan" that is no toll, a time of day: no count of deaths
        ("Le bilan de la réunion est prévu à 15.", "fr", []),
        ("Le bilan sera fait à 17 h.", "fr", []),
    ],
)
def test_a_toll_given_as_a_bare_number(text: str, language: str, found: list[tuple[str, str, float, str]]) -> None:
    assert [(f.text, f.kind, f.value, f.unit) for f in figures(text, None, language)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # a time of day is no length of time (written for the test)
        ("Le conducteur a perdu le contrôle de son véhicule peu après 14 heures, mercredi.", []),
        ("L'alerte a été donnée aux alentours de 21 heures.", []),
        ("Le feu a été maîtrisé peu avant 23 heures.", []),
        # a length stays one
        ("Il a été libéré après 48 heures de garde à vue.", [("48 heures", "quantity", 48.0, "heure")]),
    ],
)
def test_a_time_of_day_after_peu_apres_is_no_duration(text: str, found: list[tuple[str, str, float, str]]) -> None:
    assert [(f.text, f.kind, f.value, f.unit) for f in figures(text)] == found


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # written for the test: a list after a scaled count counts the same noun
        (
            "Le pays a accueilli 3,1 millions de visiteurs, suivis des Belges (1,4 million, + 8 %).",
            [
                ("3,1 millions de visiteurs", "count", "visiteur"),
                ("1,4 million", "count", "visiteur"),
                ("8 %", "percent", "%"),
            ],
        ),
        # the object of a verb, or another sentence, keeps its guessed currency
        (
            "La mesure touchera 3 millions de foyers et coûtera 40 milliards.",
            [("3 millions de foyers", "count", "foyer"), ("40 milliards", "money", "EUR")],
        ),
        (
            "La mesure touchera 3 millions de foyers. Le plan, 40 milliards, sera voté.",
            [("3 millions de foyers", "count", "foyer"), ("40 milliards", "money", "EUR")],
        ),
    ],
)
def test_a_bare_scaled_number_in_a_list_after_a_count_counts_its_noun(
    text: str, found: list[tuple[str, str, str]]
) -> None:
    assert [(f.text, f.kind, f.unit) for f in figures(text)] == found


# --- a union's claim quoted in guillemets (session 13) -------------------------------------------------------


def test_a_count_quoted_in_guillemets_keeps_its_noun(models: NlpModels) -> None:
    """« plus de 2,8 millions » de manifestants: the noun comes after the closing guillemet; the count after
    « dont » takes it too."""
    text = (
        "La CGT a revendiqué « plus de 2,8 millions » de manifestants mardi dans tout le pays, "
        "dont 500 000 dans la capitale."
    )
    for found in both(text, models):
        counts = [(f.value, f.unit) for f in found if f.kind == "count"]
        assert counts == [(2_800_000.0, "manifestant"), (500_000.0, "manifestant")]


def test_a_participle_after_a_number_in_words_is_the_counted_noun(models: NlpModels) -> None:
    """The parser tags "invités" a verb after "deux mille deux cents": still the people counted."""
    text = (
        "Samedi, Charles III, 74 ans, a été sacré en l'abbaye de Westminster devant deux mille deux cents invités, "
        "au cours de la première cérémonie de ce type depuis 1953."
    )
    for found in both(text, models):
        assert [(f.value, f.unit) for f in found if f.kind == "count"] == [(2200.0, "invité")]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Un séisme d'une magnitude de 4,9 a secoué l'Ardèche lundi.", 4.9),
        ("Magnitude : 6,1. La secousse a été ressentie jusqu'à Lyon.", 6.1),
        ("Un tremblement de terre de 5,8 sur l'échelle de Richter a frappé la Crète.", 5.8),
    ],
)
def test_an_earthquake_magnitude_is_a_figure(text: str, value: float) -> None:
    """A magnitude is a measure (unit "magnitude"), so two outlets' magnitudes of one quake are compared."""
    assert [(f.value, f.unit) for f in figures(text) if f.kind == "quantity"] == [(value, "magnitude")]


def test_the_magnitude_of_a_problem_is_no_figure() -> None:
    assert not [f for f in figures("La magnitude du problème dépasse les prévisions.") if f.unit == "magnitude"]
