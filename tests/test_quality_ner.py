"""Quality floor: NER on a committed HIPE-2022 NewsEye French slice, scored as the HIPE scorer does.

The slice (tests/fixtures/hipe2022/, see NOTICE.md) is the first 10 documents of the dev file: 201 gold
mentions of 19th-20th century OCR newspaper text. Measured on it (fr_core_news_md 3.8 + gazetteer +
clean-up): strict F1 0.371, fuzzy F1 0.581. Floors sit a little under; the full figures come from
``bench/enrich_ner.py``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from recoupe.enrich.entities import find_mentions
from recoupe.enrich.nlp import NlpModels
from recoupe.evaluate.ner import Span, read_hipe, score_document, score_documents

SLICE = Path(__file__).parent / "fixtures" / "hipe2022" / "HIPE-2022-v2.1-newseye-dev-fr.first10.tsv"

STRICT_F1_FLOOR = 0.35
FUZZY_F1_FLOOR = 0.55


@pytest.mark.slow
def test_ner_floors_on_hipe_slice() -> None:
    models = NlpModels()
    documents = read_hipe(SLICE)
    assert len(documents) == 10
    assert sum(len(d.gold) for d in documents) == 201

    def predict(text: str) -> list[tuple[int, int, str]]:
        return [(m.start, m.end, m.label) for m in find_mentions(models.parse(text, "fr"), "fr")]

    scores = score_documents(documents, predict)
    assert scores.strict.f1 >= STRICT_F1_FLOOR, scores.strict
    assert scores.fuzzy.f1 >= FUZZY_F1_FLOOR, scores.fuzzy


def test_scorer_schemes() -> None:
    """The HIPE scorer's scenarios: exact, same span other type, overlap same type, overlap other type,
    spurious, missed."""
    gold = [Span("PER", 0, 1), Span("LOC", 3, 3), Span("ORG", 5, 6), Span("LOC", 8, 8), Span("PER", 10, 10)]
    pred = [Span("PER", 0, 1), Span("ORG", 3, 3), Span("ORG", 6, 7), Span("PER", 8, 9), Span("LOC", 12, 12)]
    scores = score_document(gold, pred)
    strict, fuzzy = scores.strict, scores.fuzzy
    assert (strict.correct, strict.incorrect, strict.spurious, strict.missed) == (1, 3, 1, 1)
    assert (fuzzy.correct, fuzzy.incorrect, fuzzy.spurious, fuzzy.missed) == (2, 2, 1, 1)
    assert strict.precision == pytest.approx(1 / 5)
    assert strict.recall == pytest.approx(1 / 5)
    assert fuzzy.f1 == pytest.approx(2 / 5)


def test_scorer_ignores_types_not_in_gold() -> None:
    scores = score_document([Span("PER", 0, 0)], [Span("MISC", 2, 2), Span("PER", 0, 0)])
    assert scores.strict.f1 == 1.0


def test_reader_rebuilds_text_and_spans() -> None:
    documents = read_hipe(SLICE)
    first = documents[0]
    assert first.id == "dev_fr_1"
    assert len(first.tokens) == len(first.no_space_after)
    gold = first.gold[0]
    assert gold.type in {"PER", "LOC", "ORG", "HUMANPROD"}
    assert gold.start <= gold.end
