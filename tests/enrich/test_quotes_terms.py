"""Scare quotes (issue 13, item 3): a term or a name in guillemets is no quote; an attributed partial quote is.
Sentences written for these tests in the style of the French press."""

from __future__ import annotations

import pytest

from recoupe.enrich.entities import find_mentions
from recoupe.enrich.nlp import NlpModels
from recoupe.enrich.quotes import extract_quotes
from recoupe.model import Quote


@pytest.fixture(scope="module")
def models() -> NlpModels:
    return NlpModels()


def _quotes(models: NlpModels, text: str) -> list[Quote]:
    doc = models.parse(text, "fr")
    return [q for q in extract_quotes(doc, find_mentions(doc, "fr"), "fr") if q.kind == "direct"]


def _texts(models: NlpModels, text: str) -> list[str]:
    return [q.text for q in _quotes(models, text)]


@pytest.mark.parametrize(
    ("text", "term"),
    [
        (
            # the article's own wording elsewhere: a term
            (
                "Le préfet a reçu une délégation de « gilets jaunes » vendredi matin. Selon lui, les gilets jaunes "
                "du département souhaitent lever le barrage avant Noël."
            ),
            "gilets jaunes",
        ),
        (
            # a term the article keeps in guillemets, inside a reported clause
            (
                "La ministre a affirmé que les « foulards rouges » ne seraient pas reçus à Matignon. Les « foulards "
                "rouges » défileront dimanche à Paris."
            ),
            "foulards rouges",
        ),
        (
            # one word, kept in guillemets all along the article
            (
                "Le gouvernement veut une loi « anticasseurs ». Le texte « anticasseurs » sera examiné mardi. Les "
                "députés de l'opposition jugent la loi « anticasseurs » liberticide."
            ),
            "anticasseurs",
        ),
        (
            # a name: capitalised inside the sentence
            (
                "Place Bellecour, plusieurs centaines de manifestants ont défilé en scandant « Macron démission » "
                "jusqu'à la tombée de la nuit."
            ),
            "Macron démission",
        ),
        (
            "Dans la foule fusent des « Macron démission » et des chants contre le gouvernement.",
            "Macron démission",
        ),
        (
            "Le collectif « La France en colère » a annoncé qu'il ne participerait pas à la consultation.",
            "La France en colère",
        ),
        (
            # attributed right after, but the article goes on using the words
            (
                "Les blocages ont repris après le départ des « gilets jaunes », a ajouté la préfecture. Les « gilets "
                "jaunes » avaient quitté le rond-point vers midi. Une cinquantaine de gilets jaunes sont revenus le "
                "soir, et d'autres « gilets jaunes » les ont rejoints."
            ),
            "gilets jaunes",
        ),
    ],
)
def test_a_term_in_guillemets_is_no_quote(models: NlpModels, text: str, term: str) -> None:
    assert term not in _texts(models, text)


@pytest.mark.parametrize(
    ("text", "quote", "speaker"),
    [
        ("Ce projet est un « gouffre », a-t-il dit lundi devant les élus de la majorité.", "gouffre", None),
        (
            "Le député Jean Dupont a dénoncé mardi un « gouffre financier » pour les collectivités locales.",
            "gouffre financier",
            "Jean Dupont",
        ),
        (
            "L'avocate Marie Durand a dénoncé une garde à vue « totalement arbitraire » à la sortie du tribunal.",
            "totalement arbitraire",
            "Marie Durand",
        ),
        (
            # a word used once as the object of the reporting verb stays the speaker's word
            "Le maire Paul Martin a réclamé un « sursaut » des habitants avant la réunion publique de jeudi.",
            "sursaut",
            "Paul Martin",
        ),
        (
            "Le maire Paul Martin a dénoncé le « mépris » du gouvernement envers les communes rurales.",
            "mépris",
            "Paul Martin",
        ),
    ],
)
def test_an_attributed_partial_quote_stays(models: NlpModels, text: str, quote: str, speaker: str | None) -> None:
    found = {q.text: q for q in _quotes(models, text)}
    assert quote in found
    if speaker is not None:
        assert found[quote].speaker == speaker


def test_a_short_quote_after_a_colon_stays(models: NlpModels) -> None:
    text = "Devant les caméras, la porte-parole Claire Petit a lancé : « Pas de retrait ». La réunion a duré une heure."
    assert "Pas de retrait" in _texts(models, text)
