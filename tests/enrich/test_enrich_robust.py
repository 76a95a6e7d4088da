"""``enrich`` on odd input: empty, huge, unpunctuated, mixed-language and unbalanced text. It returns.

Time is not asserted here (speed is measured in bench/enrich.py); what is asserted is that each call
returns an enrichment with sane offsets instead of raising or hanging (pytest's own run time bounds it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from recoupe.config import Settings
from recoupe.enrich import NlpModels, enrich
from recoupe.extract import extract
from recoupe.model import Article, Enrichment, EnrichmentLevel, Provenance
from recoupe.sources.pages import read_text_file


@pytest.fixture(scope="module")
def models() -> NlpModels:
    return NlpModels()


def _article(body: str, title: str = "Un titre", language: str | None = "fr") -> Article:
    return Article.build(title=title, body=body, provenance=Provenance("inline", "text"), language=language)


def _offsets_ok(article: Article, enrichment: Enrichment) -> None:
    text = article.text
    for item in (*enrichment.mentions, *enrichment.quotes, *enrichment.figures):
        assert 0 <= item.start <= item.end <= len(text)
        assert text[item.start : item.end] == item.text


def test_empty_body(models: NlpModels) -> None:
    article = _article("", title="")
    result = enrich(article, models)
    assert result.level is EnrichmentLevel.NONE
    assert result.quotes == result.figures == ()


def test_one_megabyte_article(models: NlpModels) -> None:
    paragraph = (
        "Le maire de Lyon, Grégory Doucet, a annoncé mardi 12 millions d'euros pour les écoles. "
        "« C'est une priorité », a-t-il déclaré devant 300 personnes. "
    )
    article = _article(paragraph * (1_000_000 // len(paragraph)))
    result = enrich(article, models)
    assert result.level is EnrichmentLevel.FULL
    assert any("analysed the first" in note for note in result.notes)
    assert result.quotes
    assert result.figures
    _offsets_ok(article, result)


def test_text_without_punctuation(models: NlpModels) -> None:
    article = _article(" ".join(["le conseil municipal de Nantes vote le budget de la ville"] * 400))
    result = enrich(article, models)
    assert result.level is EnrichmentLevel.FULL
    _offsets_ok(article, result)


def test_unbalanced_quotation_marks(models: NlpModels) -> None:
    body = (
        '« Nous ne céderons pas, a déclaré le ministre. Le texte sera voté " coûte que coûte. '
        "Les syndicats dénoncent « un passage en force » et appellent à manifester le 5 décembre 2019. « "
    ) * 20
    article = _article(body)
    result = enrich(article, models)
    _offsets_ok(article, result)


def test_mixed_languages(models: NlpModels) -> None:
    body = (
        "Le président a déclaré que la réforme serait adoptée. "
        "The president said the reform would pass by a wide margin next week. "
        "Der Präsident sagte, die Reform werde nächste Woche verabschiedet. "
    ) * 10
    article = _article(body, language="fr")
    result = enrich(article, models)
    assert result.level is EnrichmentLevel.FULL
    _offsets_ok(article, result)


def test_other_language_is_partial(models: NlpModels) -> None:
    body = (
        "Die Bundesregierung hat am Mittwoch ein neues Klimaschutzgesetz beschlossen. Die Opposition "
        "kritisiert, dass die Maßnahmen nicht ausreichen, um die Ziele bis 2030 zu erreichen."
    )
    result = enrich(_article(body, title="Neues Klimaschutzgesetz", language="de"), models)
    assert result.level is EnrichmentLevel.PARTIAL
    assert result.keywords
    assert result.summary
    assert result.mentions == result.quotes == ()


def test_seeds_enrich_with_offsets(models: NlpModels, seeds_dir: Path, settings: Settings) -> None:
    for path in sorted(seeds_dir.glob("*.txt")):
        article = extract(read_text_file(path, settings), settings)
        result = enrich(article, models)
        assert result.level is EnrichmentLevel.FULL
        _offsets_ok(article, result)
