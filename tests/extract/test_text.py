"""The seed-style plain-text reader, on the project's two real seed articles and on edge cases."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from recoupe.config import Settings
from recoupe.errors import ExtractionError
from recoupe.extract import extract
from recoupe.extract.text import derive_title, split_tags
from recoupe.model import Article, DatePrecision, Provenance, Record
from recoupe.sources.pages import read_text_file


def _read(path: Path, settings: Settings) -> Article:
    return extract(read_text_file(path, settings), settings)


def _text_record(text: str) -> Record:
    return Record(kind="text", provenance=Provenance("inline.txt", "text"), text=text)


def test_seed_000_title_body_and_no_invented_metadata(seeds_dir: Path, settings: Settings) -> None:
    article = _read(seeds_dir / "000_8aee5ca2760b0c1d.txt", settings)
    assert article.title == "Elon Musk : Son Offre de 97,4 Milliards pour OpenAI Rejetée"
    assert not article.title_derived
    assert article.body.startswith("Alors que ChatGPT continue de fasciner le monde")
    assert article.body.endswith("Réponse dans les mois à venir...")
    assert "Elon Musk : Son Offre" not in article.body
    # block quote and its attribution line stay in the body, line by line
    assert "\n– Bret Taylor, président d'OpenAI\n" in article.body
    assert article.language == "fr"
    # the file carries no date, outlet or tags: none are invented
    assert article.published is None
    assert article.outlet is None
    assert article.tags == ()


def test_seed_001_aggregator_record(seeds_dir: Path, settings: Settings) -> None:
    article = _read(seeds_dir / "001_8e056252a4a22832.txt", settings)
    assert article.outlet == "Clubic"
    assert article.tags == ("Intelligence Artificielle", "Openai", "Elon Musk", "Rachat", "Sam Altman")
    assert article.section == "France Dernières Nouvelles, France Actualités"
    assert article.published is not None
    assert article.published.precision is DatePrecision.MONTH
    assert article.published.iso() == "2025-02"
    assert article.lead == (
        "OpenAI, le pionnier de l'intelligence artificielle, a repoussé une offre d'achat de 97,4 milliards "
        "de dollars de la part d'Elon Musk. Cette décision soulève des questions sur les véritables "
        "intentions de Musk et l'avenir de l'IA."
    )
    assert article.title_derived
    assert article.title == (
        "OpenAI, le pionnier de l'intelligence artificielle, a repoussé une offre d'achat de 97,4 milliards "
        "de dollars de la part d'Elon Musk"
    )
    assert article.body.startswith("OpenAI, le champion de l'intelligence artificielle, a rejeté")
    assert article.body.endswith("dans le domaine de l'IA")
    for tail in ("Clubic", "Rachat Sam Altman", "France Dernières Nouvelles"):
        assert tail not in article.body
    assert "\n\n\n" not in article.body
    assert "date 2025-02" not in article.body


def test_same_seed_twice_same_id(seeds_dir: Path, settings: Settings) -> None:
    first = _read(seeds_dir / "000_8aee5ca2760b0c1d.txt", settings)
    second = _read(seeds_dir / "000_8aee5ca2760b0c1d.txt", settings)
    assert first.id == second.id
    assert first.content_hash == second.content_hash


def test_date_line_precisions(settings: Settings) -> None:
    body = "Le conseil municipal a voté mardi le budget de la ville, après trois heures de débats animés en séance."
    cases = {
        "date 2024 ": DatePrecision.YEAR,
        "date 2024-06-03 ": DatePrecision.DAY,
        "date 2024-06-03T14:05+02:00 ": DatePrecision.MINUTE,
    }
    for marker, precision in cases.items():
        article = extract(_text_record(f"Un budget voté\n{marker}Le budget est adopté.\n\n{body}"), settings)
        assert article.published is not None
        assert article.published.precision is precision
        assert article.title == "Un budget voté"
        assert article.lead == "Le budget est adopté."
    timed = extract(_text_record(f"Un budget voté\ndate 2024-06-03T14:05+02:00\n\n{body}"), settings)
    assert timed.published is not None
    assert timed.published.value == datetime.fromisoformat("2024-06-03T14:05+02:00")
    assert timed.published.tz == "+02:00"


def test_derive_title_skips_abbreviations() -> None:
    text = "M. Dupont a annoncé sa démission jeudi. Il quitte ses fonctions lundi."
    assert derive_title(text) == "M. Dupont a annoncé sa démission jeudi"


def test_derive_title_cuts_long_sentences() -> None:
    title = derive_title("mot " * 100)
    assert len(title) <= 161
    assert title.endswith("…")


def test_split_tags_with_separators_and_word_runs() -> None:
    assert split_tags("Politique, Santé publique ; Europe", "") == ("Politique", "Santé publique", "Europe")
    text = "La Banque centrale européenne relève ses taux face à l'inflation."
    assert split_tags("Banque Centrale Européenne Inflation Taux", text) == (
        "Banque Centrale Européenne",
        "Inflation",
        "Taux",
    )


def test_too_short_text_is_refused_with_reason(settings: Settings) -> None:
    with pytest.raises(ExtractionError, match="min_body_chars") as info:
        extract(_text_record("Bonjour.\n"), settings)
    assert info.value.where == "inline.txt"


def test_windows_newlines_and_blank_padding(settings: Settings) -> None:
    text = (
        "Titre sans point\r\n\r\n\r\n"
        + "Première phrase du texte, assez longue pour compter. " * 3
        + "\r\n\r\n\r\n\r\nFin."
    )
    article = extract(_text_record(text), settings)
    assert article.title == "Titre sans point"
    assert "\r" not in article.body
    assert "\n\n\n" not in article.body
