"""PostgreSQL phrase search with word pairs (``recoupe.store.phrase_pairs``): the pairs filter only.

A phrase search requires the phrase's adjacent lexeme pairs in ``articles_fts.pairs`` so that a rare phrase
of common words is not checked against every article holding its words. These tests check that the filter
never drops a match: every phrase of two and three words taken from real articles (stop words, hyphens,
apostrophes, figures, across the title and the body, in French, English and another language) finds exactly
the articles PostgreSQL's own ``phraseto_tsquery`` finds without it.
"""

from __future__ import annotations

import itertools

import pytest
from sqlalchemy import text

from recoupe.store import SqlStore, open_store
from recoupe.store.phrase_pairs import pairs_of

from .corpus import CLUBIC_BODY, CLUBIC_TITLE, MUSK_BODY, MUSK_TITLE, SUMMIT_BODY, SUMMIT_TITLE, article

TEXTS = ((MUSK_TITLE, MUSK_BODY), (CLUBIC_TITLE, CLUBIC_BODY), (SUMMIT_TITLE, SUMMIT_BODY))


def test_the_text_form_of_a_tsvector_is_read_with_its_escapes() -> None:
    both = pairs_of("'a:b':4 'it''s':1 'plain':3 'x\\\\y':2")  # as the server writes it
    assert both == pairs_of("'it''s':1 'x\\\\y':2 'plain':3 'a:b':4")  # the order of lexemes does not matter
    assert len(both) == 3  # it's-x\y, x\y-plain, plain-a:b
    assert pairs_of("'a':1A,3 'b':2B") == pairs_of("'a':1,3 'b':2")  # weights are not positions
    assert len(pairs_of("'a':1,3 'b':2")) == 2  # a-b and b-a
    assert pairs_of("'a':1 'b':3") == [] == pairs_of("'a' 'b'")  # a gap (a stop word), no positions


def test_a_phrase_finds_what_phraseto_tsquery_finds(postgres_url: str) -> None:
    items = []
    for index, ((title, body), language) in enumerate(itertools.product(TEXTS, ("fr", "en", "de"))):
        items.append(article(title, body, url=f"https://ex.fr/{index}", language=language))
    # the title of one article ends where another's body starts: a phrase across the two columns
    items.append(article(f"{SUMMIT_TITLE} Cette annonce", MUSK_BODY, url="https://ex.fr/across", language="fr"))
    phrases = set()
    for title, body in [*TEXTS, (f"{SUMMIT_TITLE} Cette annonce", MUSK_BODY)]:
        words = f"{title} {body}".replace('"', " ").split()
        for size in (2, 3):
            phrases.update(" ".join(words[i : i + size]) for i in range(len(words) - size + 1))
        phrases.update(f"{b} {a}" for a, b in itertools.pairwise(words))  # reversed: mostly nowhere
    with open_store(postgres_url) as store:
        assert isinstance(store, SqlStore)
        store.add(items)
        ids = {item.id for item in items}
        found_any = 0
        with store.transaction(write=False) as conn:
            expected = {
                phrase: {
                    str(row)
                    for row in conn.execute(
                        text(
                            "SELECT article_id FROM articles_fts "
                            "WHERE document @@ phraseto_tsquery(CAST(config AS regconfig), :phrase)"
                        ),
                        {"phrase": phrase},
                    ).scalars()
                }
                for phrase in sorted(phrases)
            }
        for phrase, wanted in expected.items():
            got = {hit.article.id for hit in store.search(f'"{phrase}"', limit=100)}
            assert got == wanted, phrase
            found_any += bool(got)
        assert found_any > len(phrases) // 3  # most phrases as written are found, and the others nowhere
        assert ids >= set().union(*expected.values())


@pytest.mark.parametrize("phrase", ['"gouvernement emmanuel"', '"emmanuel gouvernement"'])
def test_a_rare_phrase_of_common_words_is_found_through_its_pairs(postgres_url: str, phrase: str) -> None:
    common = [
        article(f"Dépêche {i}", "Le gouvernement a reçu Emmanuel hier.", url=f"https://ex.fr/{i}") for i in range(30)
    ]
    rare = article("Une dépêche", "Le gouvernement Emmanuel s'est réuni.", url="https://ex.fr/rare")
    with open_store(postgres_url) as store:
        store.add([*common, rare])
        hits = store.search(phrase)
    assert [hit.article.id for hit in hits] == ([rare.id] if phrase.startswith('"gouv') else [])
