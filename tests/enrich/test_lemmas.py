"""Lemmas of the French rule lemmatizer, which the quote enricher reads (reporting verbs) and the figure enricher
(the counted noun): loading turns its lists of known lemmas into sets (``nlp._index_as_sets``), the same lemmas."""

from __future__ import annotations

import pytest

from recoupe.enrich import NlpModels


@pytest.fixture(scope="module")
def models() -> NlpModels:
    return NlpModels()


def test_french_reporting_verbs_and_nouns_get_their_lemmas(models: NlpModels) -> None:
    doc = models.parse(
        "Les manifestants ont affirmé que les policiers avaient chargé, a déclaré la préfecture, qui dénombre "
        "trois blessés.",
        "fr",
    )
    lemmas = {token.text: token.lemma_ for token in doc}
    assert lemmas["manifestants"] == "manifestant"
    assert lemmas["affirmé"] == "affirmer"
    assert lemmas["policiers"] == "policier"
    assert lemmas["déclaré"] == "déclarer"
    assert lemmas["dénombre"] == "dénombrer"
    assert lemmas["blessés"] == "blessé"
