"""Storing enrichment: replaced as a whole, re-done when the text changes, entities merged across articles."""

from __future__ import annotations

from recoupe.model import Enrichment, EnrichmentLevel, EntityRef, Figure, Mention, Quote
from recoupe.store import Store

from .corpus import CLUBIC_BODY, CLUBIC_TITLE, article

VERSION = 7


def _enrichment(article_id: str, *, quote_text: str = "OpenAI n'est pas à vendre") -> Enrichment:
    musk = EntityRef("elon musk", "Elon Musk", "PER", ("Musk", "M. Musk"), ("patron de Tesla",), 3)
    taylor = EntityRef("bret taylor", "Bret Taylor", "PER", (), ("président d'OpenAI",), 1)
    return Enrichment(
        article_id=article_id,
        language="fr",
        level=EnrichmentLevel.FULL,
        mentions=(Mention(0, 9, "Elon Musk", "PER", "Elon Musk", "elon musk"),),
        entities=(musk, taylor),
        quotes=(Quote(10, 10 + len(quote_text), quote_text, "direct", "Bret Taylor", "bret taylor", role="président"),),
        figures=(
            Figure(20, 45, "97,4 milliards de dollars", "money", 97.4e9, "USD", "offre"),
            Figure(50, 57, "2025-02", "date", "2025-02"),
        ),
        keywords=("OpenAI", "Elon Musk"),
        summary="Elon Musk : son offre rejetée.",
    )


def test_round_trip_and_replace(store: Store) -> None:
    ((article_id, _),) = store.add([article()])
    store.save_enrichments([_enrichment(article_id)], VERSION)
    loaded = store.enrichment(article_id)
    assert loaded == _enrichment(article_id)
    store.save_enrichments([_enrichment(article_id, quote_text="Nouvelle citation")], VERSION)
    again = store.enrichment(article_id)
    assert again is not None
    assert [q.text for q in again.quotes] == ["Nouvelle citation"]  # replaced, not appended


def test_missing_follows_version_and_text(store: Store) -> None:
    first = article(url="https://example.fr/offre")
    ((article_id, _),) = store.add([first])
    assert store.missing_enrichment([article_id], VERSION) == [article_id]
    store.save_enrichments([_enrichment(article_id)], VERSION)
    assert store.missing_enrichment([article_id], VERSION) == []
    assert store.missing_enrichment([article_id], VERSION + 1) == [article_id]  # a newer enricher
    assert store.unenriched(VERSION) == []
    changed = article(CLUBIC_TITLE, CLUBIC_BODY, url="https://example.fr/offre")  # same URL, new text
    store.add([changed])
    assert store.missing_enrichment([article_id], VERSION) == [article_id]
    assert store.unenriched(VERSION) == [article_id]


def test_entities_merge_and_quote_filter(store: Store) -> None:
    ids = [article_id for article_id, _ in store.add([article(), article(CLUBIC_TITLE, CLUBIC_BODY)])]
    store.save_enrichments([_enrichment(ids[0])], VERSION)
    other = _enrichment(ids[1])
    musk_elsewhere = EntityRef("elon musk", "Elon Musk", "PER", ("Elon",), ("fondateur de xAI",), 1)
    store.save_enrichments([Enrichment(ids[1], "fr", EnrichmentLevel.FULL, entities=(musk_elsewhere,))], VERSION)
    people = {row.key: row for row in store.entities(label="PER")}
    assert people["elon musk"].articles == 2
    assert set(people["elon musk"].aliases) == {"Musk", "M. Musk", "Elon"}
    assert set(people["elon musk"].roles) == {"patron de Tesla", "fondateur de xAI"}
    assert people["bret taylor"].quotes == 1
    assert [row.key for row in store.entities(name="taylor")] == ["bret taylor"]
    assert [hit.quote.speaker for hit in store.quotes(speaker_key="taylor")] == ["Bret Taylor"]
    assert store.quotes(speaker_key="altman") == []
    assert other.article_id == ids[1]


def test_corpus_label_is_the_majority(store: Store) -> None:
    ids = [
        article_id
        for article_id, _ in store.add(
            [article(), article(CLUBIC_TITLE, CLUBIC_BODY), article("Autre", CLUBIC_BODY + " Fin.")]
        )
    ]
    labels = ["ORG", "PER", "PER"]  # the first article's model got it wrong
    store.save_enrichments(
        [
            Enrichment(
                article_id, "en", EnrichmentLevel.FULL, entities=(EntityRef("biden", "Biden", label, (), (), 1),)
            )
            for article_id, label in zip(ids, labels, strict=True)
        ],
        VERSION,
    )
    (biden,) = store.entities(name="biden")
    assert biden.label == "PER"
    assert biden.articles == 3


def _people(store: Store, ids: list[str], names: list[tuple[str, str]]) -> None:
    store.save_enrichments(
        [
            Enrichment(
                article_id,
                "en",
                EnrichmentLevel.FULL,
                entities=(EntityRef(key, canonical, "PER", (), (), 1),),
                quotes=(Quote(0, 5, "Hello", "direct", canonical, key),),
            )
            for article_id, (key, canonical) in zip(ids, names, strict=True)
        ],
        VERSION,
    )


def test_surname_alone_joins_the_full_name_in_either_order(store: Store) -> None:
    texts = [article(f"Titre {n}", CLUBIC_BODY + f" Paragraphe {n}.") for n in range(4)]
    ids = [article_id for article_id, _ in store.add(texts)]
    _people(store, ids[:2], [("biden", "Biden"), ("biden", "Biden")])  # the short form first
    _people(store, ids[2:3], [("joe biden", "Joe Biden")])
    (biden,) = store.entities(name="biden")
    assert biden.key == "joe biden"
    assert biden.articles == 3
    assert "Biden" in biden.aliases
    assert biden.quotes == 3
    _people(store, ids[3:], [("biden", "Biden")])  # and after the full name is known
    (biden,) = store.entities(name="biden")
    assert biden.articles == 4
    assert len(store.quotes(speaker_key="joe biden")) == 4


def test_ambiguous_surname_is_not_merged(store: Store) -> None:
    texts = [article(f"Titre {n}", CLUBIC_BODY + f" Paragraphe {n}.") for n in range(3)]
    ids = [article_id for article_id, _ in store.add(texts)]
    _people(store, ids, [("donald trump", "Donald Trump"), ("melania trump", "Melania Trump"), ("trump", "Trump")])
    assert {row.key for row in store.entities(name="trump")} == {"donald trump", "melania trump", "trump"}
