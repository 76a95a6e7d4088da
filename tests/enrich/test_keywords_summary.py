"""Keywords (YAKE) and the extractive lead summary, in French, English and German."""

from __future__ import annotations

import json
from pathlib import Path

from recoupe.enrich.keywords import extract_keywords
from recoupe.enrich.summary import lead_summary, split_sentences, summarize
from recoupe.model import Article, Provenance

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"
ALLSIDES = Path(__file__).parents[2] / "demo" / "corpus" / "allsides" / "neus-allsides-dev.jsonl"

GERMAN = (
    "Die Europäische Zentralbank hat den Leitzins erneut gesenkt. Die Notenbank reagiert damit auf die "
    "schwache Konjunktur in der Eurozone. Ökonomen hatten die Zinssenkung erwartet. Dr. Schmidt, Chefvolkswirt "
    "einer großen Bank, rechnet mit weiteren Schritten im Frühjahr. Die Inflation lag zuletzt bei 2,3 Prozent."
)


def _article(title: str, body: str, lead: str = "") -> Article:
    return Article.build(title=title, body=body, lead=lead, provenance=Provenance("test", "text"))


def test_french_keywords_from_a_seed() -> None:
    text = (SEEDS / "001_8e056252a4a22832.txt").read_text(encoding="utf-8")
    keywords = extract_keywords(text, "fr")
    assert 5 <= len(keywords) <= 10
    folded = " | ".join(keywords).casefold()
    assert "openai" in folded
    assert "musk" in folded
    assert all(k.casefold() not in {"de", "la", "le", "les", "des"} for k in keywords)
    # no phrase is contained in a better-ranked one
    for i, later in enumerate(keywords):
        assert not any(f" {later.casefold()} " in f" {earlier.casefold()} " for earlier in keywords[:i])


def test_english_keywords() -> None:
    record = json.loads(ALLSIDES.read_text(encoding="utf-8").splitlines()[0])
    text = record["title"] + "\n\n" + "\n\n".join(record["text"])
    keywords = extract_keywords(text, "en")
    assert any("Powell" in k for k in keywords)
    assert all(k.casefold() not in {"the", "and", "of"} for k in keywords)


def test_german_and_unknown_language_keywords() -> None:
    german = extract_keywords(GERMAN, "de")
    assert german
    assert any("Zentralbank" in k or "Leitzins" in k for k in german)
    assert all(k.casefold() not in {"die", "der", "den"} for k in german)
    assert extract_keywords(GERMAN, None)  # no language: the language-neutral stop list
    assert extract_keywords("", "fr") == []
    assert extract_keywords("!!! ???", "fr") == []


def test_sentence_splitter_respects_titles_abbreviations_and_numbers() -> None:
    text = (
        "M. Musk a proposé 97,4 milliards de dollars. Mme Dupont, Dr. House et J. Martin etc. ont réagi. "
        "La hausse atteint 3.5 % selon l'U.E. en 2024. Pourquoi ? Personne ne sait."
    )
    assert split_sentences(text) == [
        "M. Musk a proposé 97,4 milliards de dollars.",
        "Mme Dupont, Dr. House et J. Martin etc. ont réagi.",
        "La hausse atteint 3.5 % selon l'U.E. en 2024.",
        "Pourquoi ?",
        "Personne ne sait.",
    ]
    assert split_sentences("Titre sans point\nPremière phrase. Deuxième.") == [
        "Titre sans point",
        "Première phrase.",
        "Deuxième.",
    ]


def test_french_lead_summary_from_a_seed() -> None:
    text = (SEEDS / "001_8e056252a4a22832.txt").read_text(encoding="utf-8")
    first, _, body = text.partition("\n")
    lead = first.split("2025-02", 1)[1].strip()  # the aggregator's "date 2025-02" prefix, then the lead
    summary = lead_summary(_article("OpenAI rejette l'offre d'Elon Musk", body, lead=lead))
    assert summary.startswith("OpenAI, le pionnier de l'intelligence artificielle")
    assert 100 < len(summary) <= 400
    assert "date 2025-02" not in summary


def test_summary_skips_title_repeat_bylines_and_datelines() -> None:
    body = (
        "Par Jean Dupont\n"
        "Le gouvernement présente son budget.\n"
        "PARIS (AFP) - Le ministre a présenté mardi un budget en baisse de 2 %. Les syndicats protestent. "
        "L'opposition dénonce un texte injuste. Un quatrième point."
    )
    summary = lead_summary(_article("Le gouvernement présente son budget", body))
    assert summary == (
        "Le ministre a présenté mardi un budget en baisse de 2 %. Les syndicats protestent. "
        "L'opposition dénonce un texte injuste."
    )


def test_english_and_german_summaries_fit() -> None:
    record = json.loads(ALLSIDES.read_text(encoding="utf-8").splitlines()[0])
    summary = lead_summary(_article(record["title"], "\n\n".join(record["text"])))
    assert summary.startswith("Colin Powell, the first Black U.S. secretary of state")
    assert "U.S. secretary" in summary
    assert len(summary) <= 400
    german = summarize(GERMAN)
    assert german.startswith("Die Europäische Zentralbank hat den Leitzins erneut gesenkt. Die Notenbank")
    assert "Dr. Schmidt" not in german.split(". ")[0]


def test_summary_of_one_long_sentence_is_cut() -> None:
    long = "Une phrase " + "très " * 200 + "longue."
    summary = summarize(long)
    assert len(summary) <= 401
    assert summary.endswith("…")
    assert lead_summary(_article("Seulement un titre", "")) == "Seulement un titre"
