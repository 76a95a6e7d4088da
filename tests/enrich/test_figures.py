"""Figures on real sentences (seeds, gold articles) and on odd input."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

import pytest

from recoupe.enrich.figures import extract_figures
from recoupe.enrich.nlp import NlpModels
from recoupe.extract import extract
from recoupe.model import DatePrecision, Figure, PublishedDate
from recoupe.sources.pages import read_text_file

if TYPE_CHECKING:
    from pathlib import Path

    from recoupe.config import Settings

PUBLISHED = PublishedDate(datetime(2025, 2, 12), DatePrecision.DAY)  # noqa: DTZ001 - a Wednesday, zone unknown


@pytest.fixture(scope="module")
def models() -> NlpModels:
    return NlpModels()


def figures(text: str, models: NlpModels | None = None, language: str = "fr") -> list[Figure]:
    doc = models.parse(text, language) if models else None
    return extract_figures(text, language, PUBLISHED, doc)


def one(text: str, needle: str, models: NlpModels | None = None, language: str = "fr") -> Figure:
    found = [f for f in figures(text, models, language) if needle in f.text]
    assert len(found) == 1, found
    return found[0]


# --- seeds -------------------------------------------------------------------------------------------


def _seed(seeds_dir: Path, settings: Settings, prefix: str) -> str:
    path = next(seeds_dir.glob(f"{prefix}_*.txt"))
    return extract(read_text_file(path, settings), settings).text


@pytest.mark.parametrize("prefix", ["000", "001"])
def test_seed_offer(seeds_dir: Path, settings: Settings, models: NlpModels, prefix: str) -> None:
    text = _seed(seeds_dir, settings, prefix)
    offers = [f for f in figures(text, models) if f.text == "97,4 milliards de dollars"]
    assert offers
    for figure in offers:
        assert (figure.kind, figure.value, figure.unit) == ("money", 97_400_000_000, "USD")
        assert figure.about is not None
        assert figure.about.startswith("offre")
        assert text[figure.start : figure.end] == figure.text


def test_seed_001_valuation_and_fundraising(seeds_dir: Path, settings: Settings, models: NlpModels) -> None:
    found = {f.text: f for f in figures(_seed(seeds_dir, settings, "001"), models)}
    valuation, fundraising = found["300 milliards de dollars"], found["40 milliards de dollars"]
    assert (valuation.value, valuation.unit, valuation.about) == (300e9, "USD", "valorisation")
    assert (fundraising.value, fundraising.unit, fundraising.about) == (40e9, "USD", "levée de fonds")


def test_seed_000_title_amount_takes_the_article_currency(seeds_dir: Path, settings: Settings) -> None:
    title = one(_seed(seeds_dir, settings, "000"), "97,4 Milliards")
    assert (title.kind, title.value, title.unit) == ("money", 97.4e9, "USD")


# --- money -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle", "value", "unit"),
    [
        ("il manque 1,3 milliard d'euros pour répondre à la crise", "1,3 milliard d'euros", 1.3e9, "EUR"),
        ("Le budget atteint 1,2 M€ cette année.", "1,2 M€", 1.2e6, "EUR"),
        ("La baguette augmente de 95 centimes.", "95 centimes", 0.95, "EUR"),
        ("ces mesures se résument pour 2020 à moins de 300 millions supplémentaires", "300 millions", 3e8, "EUR"),
        ("Une amende de 500.000 euros a été requise.", "500.000 euros", 5e5, "EUR"),
        ("Il a touché 3 000 francs suisses.", "3 000 francs suisses", 3000, "CHF"),
        ("un jackpot d'un million d'euros", "un million d'euros", 1e6, "EUR"),
    ],
)
def test_money(text: str, needle: str, value: float, unit: str, models: NlpModels) -> None:
    figure = one(text, needle, models)
    assert (figure.kind, figure.text, figure.value, figure.unit) == ("money", needle, pytest.approx(value), unit)


def test_implicit_currency_comes_from_the_nearest_earlier_one() -> None:
    text = "Il a offert 97,4 milliards de dollars. Puis 40 milliards, et 20 millions d'euros, puis 5 millions."
    found = {f.text: f.unit for f in figures(text)}
    assert found == {"97,4 milliards de dollars": "USD", "40 milliards": "USD", "20 millions d'euros": "EUR",
                     "5 millions": "EUR"}  # fmt: skip


def test_english_money(models: NlpModels) -> None:
    figure = one("OpenAI rejected Elon Musk's $97.4 billion offer.", "97.4", models, "en")
    assert (figure.text, figure.kind, figure.value, figure.unit) == ("$97.4 billion", "money", 97.4e9, "USD")
    assert figure.about == "offer"


# --- percent, count, quantity -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "needle", "value"),
    [
        ("aux législatives et à la présidentielle (6,36 % des voix)", "6,36 %", 6.36),
        ("Au départ et à destination de Paris, 8 TER sur 10 seront assurés.", "8 TER sur 10", 80),
        ("avec trois Transilien sur quatre en moyenne", "trois Transilien sur quatre", 75),
        ("Quinze à 20% des salariés", "Quinze", 15),
        ("Quinze à 20% des salariés", "20%", 20),
    ],
)
def test_percent(text: str, needle: str, value: float) -> None:
    figure = one(text, needle)
    assert (figure.kind, figure.text, figure.value, figure.unit) == ("percent", needle, value, "%")


def test_ratio_with_another_noun_is_not_a_percent() -> None:
    assert all(f.kind != "percent" for f in figures("Dans ces 22 cas sur 150.000 policiers, il y a faute."))


@pytest.mark.parametrize(
    ("text", "needle", "value", "unit"),
    [
        ("un homme d'une quarantaine d'années, domicilié à Annecy", "une quarantaine d'années", 40, "an"),
        ("Le chanteur Christophe, 74 ans, interprète", "74 ans", 74, "an"),
        ("durant les 18 premiers mois du quinquennat", "18 premiers mois", 18, "mois"),
        ("dans les cinquante jours au moins et soixante-cinq jours au plus", "soixante-cinq jours", 65, "jour"),
        ("un règne de soixante-dix-neuf jours", "soixante-dix-neuf jours", 79, "jour"),  # three parts joined
        ("il est mort à quatre-vingt-douze ans", "quatre-vingt-douze ans", 92, "an"),
        ("le barrage s'élève à 230 m de haut", "230 m", 230, "m"),
        ("un lâcher d'eau de 2.830 m3 par seconde", "2.830 m3 par seconde", 2830, "m3/s"),
        ("à une trentaine de kilomètres au nord-ouest", "une trentaine de kilomètres", 30, "km"),
        ("au moins égal à 1,5 fois le nombre de points", "1,5 fois", 1.5, "fois"),
        ("au bout de deux ans et demi", "deux ans et demi", 2.5, "an"),
        ("en 1:48.64 sur 800 mètres", "1:48.64", 108.64, "seconde"),
    ],
)
def test_quantity(text: str, needle: str, value: float, unit: str) -> None:
    figure = one(text, needle)
    assert (figure.kind, figure.text, figure.value, figure.unit) == ("quantity", needle, pytest.approx(value), unit)


@pytest.mark.parametrize(
    ("text", "needle", "value", "unit"),
    [
        ("Ils étaient une centaine de personnes devant la mairie.", "une centaine de personnes", 100, "personne"),
        ("Plus de 10.000 droits de retrait ont été exercés.", "10.000 droits de retrait", 10_000, "droit de retrait"),
        ("Seize personnes sont décédées lundi", "Seize personnes", 16, "personne"),
        ("Plus de 130 000 hommes, et près de 7 000 navires", "130 000 hommes", 130_000, "homme"),
        ("Les deux anciens géants du ring pourraient", "deux anciens géants", 2, "géant"),
        ("Le Dauphiné Libéré parle de 195 fois en 24 heures.", "195 fois", 195, "fois"),
        ("Trois des motoneigistes ont été retrouvés.", "Trois des motoneigistes", 3, "motoneigiste"),
    ],
)
def test_count(text: str, needle: str, value: float, unit: str, models: NlpModels) -> None:
    figure = one(text, needle, models)
    assert (figure.kind, figure.text, figure.value, figure.unit) == ("count", needle, value, unit)


def test_elided_noun_is_restored() -> None:
    text = "30 députés élus sous l'étiquette PS, contre 295 en 2012."
    found = {f.text: (f.kind, f.value, f.unit) for f in figures(text)}
    assert found["295"] == ("count", 295, "député")
    assert found["2012"] == ("date", "2012", None)


def test_list_members_take_the_unit_of_the_last() -> None:
    found = [(f.text, f.value, f.unit) for f in figures('"On peut se donner trois, quatre, cinq mois" avant')]
    assert found == [("trois", 3, "mois"), ("quatre", 4, "mois"), ("cinq mois", 5, "mois")]


# --- dates ---------------------------------------------------------------------------------------------


def test_dates() -> None:
    text = (
        "Les jeux se sont déroulés du 18 au 27 octobre 2019. Il a confirmé ce lundi 22 octobre, puis en janvier "
        "2019, le 1er janvier, le 9 ou le 10 décembre, l'été 2016 et le 12 mai dernier."
    )
    found = [(f.text, f.value) for f in figures(text) if f.kind == "date"]
    assert found == [
        ("18", "2019-10-18"), ("27 octobre 2019", "2019-10-27"), ("22 octobre", "--10-22"),
        ("janvier 2019", "2019-01"), ("1er janvier", "--01-01"), ("9", "--12-09"), ("10 décembre", "--12-10"),
        ("2016", "2016"), ("12 mai", "--05-12"),
    ]  # fmt: skip
    assert not any(f.relative for f in figures(text))


def test_relative_dates_resolved_against_publication() -> None:
    text = "Hier, il a parlé. Mardi dernier, la semaine dernière et l'an dernier aussi."
    found = [(f.text, f.value) for f in figures(text) if f.relative]
    assert found == [("Hier", "2025-02-11"), ("Mardi dernier", "2025-02-11"), ("la semaine dernière", "2025-W06"),
                     ("l'an dernier", "2024")]  # fmt: skip
    assert not [f for f in extract_figures(text, "fr", None) if f.relative]


def test_english_dates_and_relative(models: NlpModels) -> None:
    found = [(f.text, f.value, f.relative) for f in figures("He left yesterday, on February 10, 2025.", models, "en")]
    assert found == [("yesterday", "2025-02-11", True), ("February 10, 2025", "2025-02-10", False)]


# --- exclusions (gold guide §4.1) ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "le 43e jour de grève, la 3e place, au XIXe siècle",
        "le journal de 20 heures, à 15H30, vers 20h36",
        "appelez le 17 ou le 112",
        "selon l'article 23 du règlement",
        "le Covid-19 en Ligue 1 sur M6, la Porsche 911 et le KC-130",
        "un délai d'un an, une nuit",
        "des dizaines de manifestants, plusieurs centaines, des milliers de personnes",
        "les années 2000",
        "à deux pas, dans les deux sens, les deux ne se côtoient pas",
        "une quarantaine de 14 jours",
        "la ligne 11 du métro et le numéro 10",
    ],
)
def test_exclusions(text: str, models: NlpModels) -> None:
    found = [f.text for f in figures(text, models) if f.text != "14 jours"]
    assert found == []


# --- robustness ------------------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ["", "   \n", "sans chiffre aucun"])
def test_empty(text: str) -> None:
    assert extract_figures(text, "fr", None) == []


def test_huge_and_unpunctuated_text_returns() -> None:
    """A 1 MB unpunctuated text is read whole (its speed is measured in bench/, not asserted here)."""
    big = "le projet coûte 12 millions d'euros et mesure 3 km sans aucune ponctuation " * 14_000  # about 1 MB
    found = extract_figures(big, "fr", PUBLISHED)
    assert len(found) == 28_000
    assert extract_figures("9" * 1_000_000, "fr", None) == []
    assert extract_figures("a" * 1_000_000, "en", None) == []


def test_offsets_hold_with_a_truncated_parse(models: NlpModels) -> None:
    text = "Il a payé 30 euros. " * 5
    doc = models.parse(text[:40], "fr")
    for figure in extract_figures(text, "fr", None, doc):
        assert text[figure.start : figure.end] == figure.text
