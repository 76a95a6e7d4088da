"""The idempotent ingest rules, revisions and batch atomicity."""

from __future__ import annotations

import dataclasses
from datetime import date

import pytest

from recoupe.errors import StoreError
from recoupe.model import IngestOutcome
from recoupe.store import Store

from .corpus import CLUBIC_BODY, CLUBIC_TITLE, MUSK_BODY, MUSK_TITLE, article, make_corpus, provenance

NEW, UPDATED, UNCHANGED = IngestOutcome.NEW, IngestOutcome.UPDATED, IngestOutcome.UNCHANGED
URL = "https://www.lemonde.fr/economie/article/2025/02/11/openai-musk.html"


def test_new_articles_are_stored_whole(store: Store) -> None:
    first = article(
        url=URL,
        day=date(2025, 2, 11),
        outlet="Le Monde",
        language="fr",
        lead="Le conseil d'OpenAI dit non.",
        tags=("IA", "OpenAI"),
        authors=("A. Martin",),
        section="Économie",
        title_derived=True,
    )
    assert store.add([first]) == [(first.id, NEW)]
    assert store.get(first.id) == first


def test_same_file_twice_changes_nothing(store: Store) -> None:
    batch = make_corpus(10)
    assert [outcome for _, outcome in store.add(batch)] == [NEW] * 10
    assert store.add(batch) == [(item.id, UNCHANGED) for item in batch]
    assert store.count() == 10
    assert store.check_integrity() == []


def test_same_url_same_text_is_unchanged(store: Store) -> None:
    first = article(url=URL)
    store.add([first])
    again = article(url=URL, provenance=provenance("seeds/other.txt", 9))  # other file, same article
    assert store.add([again]) == [(first.id, UNCHANGED)]
    assert store.get(first.id).provenance == first.provenance


def test_same_url_new_text_is_updated_and_old_version_kept(store: Store) -> None:
    first = article(url=URL, day=date(2025, 2, 11))
    store.add([first])
    fixed = article(MUSK_TITLE, MUSK_BODY + " Mise à jour : OpenAI confirme son refus.", url=URL)
    assert store.add([fixed]) == [(first.id, UPDATED)]
    assert fixed.id == first.id
    assert store.get(first.id).body.endswith("confirme son refus.")
    assert store.count() == 1

    revisions = store.revisions(first.id)
    assert [r.revision for r in revisions] == [1]
    assert revisions[0].article == first
    assert revisions[0].stored_at <= revisions[0].replaced_at
    assert revisions[0].replaced_at.tzinfo is not None
    # The full-text index follows the new text, not the old one.
    assert [hit.article.id for hit in store.search("confirme refus")] == [first.id]
    assert store.check_integrity() == []


def test_successive_updates_number_revisions_oldest_first(store: Store) -> None:
    versions = [article(MUSK_TITLE, f"{MUSK_BODY} Version {n}.", url=URL) for n in range(4)]
    outcomes = [store.add([version])[0][1] for version in versions]
    assert outcomes == [NEW, UPDATED, UPDATED, UPDATED]
    revisions = store.revisions(versions[0].id[:8])
    assert [r.revision for r in revisions] == [1, 2, 3]
    assert [r.article.body for r in revisions] == [v.body for v in versions[:3]]
    assert revisions[0].replaced_at <= revisions[1].stored_at
    assert store.get(versions[0].id).body == versions[3].body


def test_same_text_elsewhere_is_stored_once(store: Store) -> None:
    wire = article(CLUBIC_TITLE, CLUBIC_BODY, url="https://www.clubic.com/openai.html")
    store.add([wire])
    # The same text from a file without URL, then from another site, with different spacing and case.
    from_file = article(CLUBIC_TITLE.upper(), CLUBIC_BODY.replace(" ", "  "))
    elsewhere = article(CLUBIC_TITLE, CLUBIC_BODY, url="https://www.other-site.fr/copie.html")
    assert store.add([from_file, elsewhere]) == [(wire.id, UNCHANGED), (wire.id, UNCHANGED)]
    assert store.count() == 1


def test_duplicates_inside_one_batch(store: Store) -> None:
    first = article(url=URL)
    copy = article(provenance=provenance("seeds/copy.txt"))
    updated = article(MUSK_TITLE, MUSK_BODY + " Ajout.", url=URL)
    same_again = article(MUSK_TITLE, MUSK_BODY + " Ajout.", url=URL)
    result = store.add([first, copy, updated, same_again, first])
    assert result == [
        (first.id, NEW),
        (first.id, UNCHANGED),
        (first.id, UPDATED),
        (first.id, UNCHANGED),
        # The original text is a revision now, no longer a current article: it comes back as an update.
        (first.id, UPDATED),
    ]
    assert store.count() == 1
    assert len(store.revisions(first.id)) == 2
    assert store.check_integrity() == []


def test_update_to_a_text_stored_elsewhere_keeps_it_once(store: Store) -> None:
    other = article(CLUBIC_TITLE, CLUBIC_BODY)
    mine = article(url=URL)
    store.add([other, mine])
    now_a_copy = article(CLUBIC_TITLE, CLUBIC_BODY, url=URL)
    assert store.add([now_a_copy]) == [(other.id, UNCHANGED)]
    assert store.get(mine.id).body == MUSK_BODY
    assert store.check_integrity() == []


def test_article_without_url_gets_a_content_id_stable_across_runs(store: Store) -> None:
    plain = article()
    again = article(provenance=provenance("seeds/renamed.txt"))
    assert plain.id == again.id
    assert store.add([plain]) == [(plain.id, NEW)]
    assert store.add([again]) == [(plain.id, UNCHANGED)]


def test_a_failing_batch_stores_nothing(store: Store) -> None:
    store.add([article(url=URL)])
    good = article(CLUBIC_TITLE, CLUBIC_BODY)
    # Same id as the stored article but another URL and text: the insert hits the primary key.
    clash = dataclasses.replace(article(CLUBIC_TITLE, "Autre texte.", url="https://x.fr/a"), id=article(url=URL).id)
    with pytest.raises(StoreError, match=r"(?i)unique") as caught:
        store.add([good, clash])
    assert caught.value.where is not None
    assert store.count() == 1  # `good` was rolled back with the batch
    assert store.check_integrity() == []


def test_empty_batch(store: Store) -> None:
    assert store.add([]) == []
