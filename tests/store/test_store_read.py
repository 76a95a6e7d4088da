"""Reading back: get by id or prefix, listing with filters and order, counts, outlets."""

from __future__ import annotations

import dataclasses
from datetime import UTC, date, datetime

import pytest

from recoupe.errors import NotFoundError, QueryError
from recoupe.model import DatePrecision, PublishedDate
from recoupe.store import Store

from .corpus import CLUBIC_BODY, CLUBIC_TITLE, SUMMIT_BODY, SUMMIT_TITLE, article, make_corpus


def test_get_by_id_and_unique_prefix(store: Store) -> None:
    stored = article()
    store.add([stored])
    assert store.get(stored.id) == stored
    assert store.get(stored.id[:6]) == stored
    assert store.get(stored.id[:10].upper()) == stored
    assert store.get(f"  {stored.id}  ") == stored


@pytest.mark.parametrize("wanted", ["", "abc", "zzzzzz", "0000000000000000", "%", "ab'cd\"ef", "é" * 8])
def test_get_unknown_ids(store: Store, wanted: str) -> None:
    store.add([article()])
    with pytest.raises(NotFoundError):
        store.get(wanted)


def test_short_prefix_is_not_enough(store: Store) -> None:
    stored = article()
    store.add([stored])
    with pytest.raises(NotFoundError):
        store.get(stored.id[:5])


def test_ambiguous_prefix(store: Store) -> None:
    one = dataclasses.replace(article(), id="abcdef0000000001")
    two = dataclasses.replace(article(CLUBIC_TITLE, CLUBIC_BODY), id="abcdef0000000002")
    store.add([one, two])
    with pytest.raises(QueryError, match="ambiguous"):
        store.get("abcdef")
    assert store.get("abcdef0000000002") == two
    assert store.get("abcdef0000000001") == one
    with pytest.raises(QueryError):
        store.revisions("abcdef0")


def test_revisions_of_unknown_article(store: Store) -> None:
    with pytest.raises(NotFoundError):
        store.revisions("0123456789abcdef")


def test_articles_newest_first_undated_last(store: Store) -> None:
    old = article(day=date(2024, 12, 31))
    undated = article(CLUBIC_TITLE, CLUBIC_BODY)
    aware = article(
        SUMMIT_TITLE,
        SUMMIT_BODY,
        published=PublishedDate(datetime.fromisoformat("2025-02-11T23:30+01:00"), DatePrecision.MINUTE, tz="+01:00"),
    )
    naive_later = article("Dépêche du soir", SUMMIT_BODY + " Suite.", day=date(2025, 2, 11))
    store.add([undated, old])
    store.add([aware, naive_later])
    listed = store.articles()
    # 22:30 UTC on the 11th sorts after midnight (naive) on the 11th.
    assert [a.id for a in listed] == [aware.id, naive_later.id, old.id, undated.id]
    assert listed[0].published == aware.published
    assert listed[0].published is not None
    assert listed[0].published.value.tzinfo is not None


def test_paging_and_counts(store: Store) -> None:
    corpus = make_corpus(30)
    store.add(corpus)
    first, second = store.articles(limit=20), store.articles(limit=20, offset=20)
    assert len(first) == 20
    assert len(second) == 10
    assert {a.id for a in first + second} == {a.id for a in corpus}
    assert store.articles(limit=0) == []
    with pytest.raises(QueryError):
        store.articles(limit=-1)
    assert store.count() == 30


def test_filters(store: Store) -> None:
    corpus = make_corpus(24)
    store.add(corpus)
    store.add([article(outlet="Le Monde", language="en")])
    by_outlet = store.articles(outlet="le monde", limit=100)
    assert {a.outlet for a in by_outlet} == {"Le Monde"}
    assert len(by_outlet) == store.count(outlet="LE MONDE") == 7
    assert store.count(outlet="libération") == store.count(outlet="LIBÉRATION") == 6
    assert store.count(language="FR") == 24
    assert store.count(outlet="Le Monde", language="en") == 1
    assert store.count(outlet="Inconnu") == 0

    def days(since: date | None, until: date | None) -> set[date]:
        found = store.articles(since=since, until=until, limit=100)
        assert len(found) == store.count(since=since, until=until)
        return {a.published.value.date() for a in found if a.published}

    assert days(date(2025, 3, 3), date(2025, 3, 3)) == {date(2025, 3, 3)}  # until is inclusive
    assert days(date(2025, 11, 1), None) == {
        date(2025, 11, 11),
        date(2025, 11, 23),
        date(2025, 12, 12),
        date(2025, 12, 24),
    }
    assert all(d < date(2025, 3, 1) for d in days(None, date(2025, 2, 28)))
    assert store.count(since=date(2026, 1, 1)) == 0
    # the last day there is, and the first, bound nothing (no overflow when the store adds a day)
    assert days(date.min, date.max) == days(None, None)
    assert store.stories(until=date.max) == store.stories()


def test_outlets(store: Store) -> None:
    store.add(make_corpus(8))
    store.add([article(outlet="LE MONDE"), article(CLUBIC_TITLE, CLUBIC_BODY)])
    outlets = dict(store.outlets())
    assert sum(outlets.values()) == 9  # the article without outlet is not listed
    assert [n for _, n in store.outlets()] == sorted(outlets.values(), reverse=True)
    assert {name.casefold() for name in outlets} == {"le monde", "clubic", "libération", "ouest-france"}
    assert outlets.get("LE MONDE", outlets.get("Le Monde")) == 3


def test_timestamps_are_aware_utc(store: Store) -> None:
    stored = article(CLUBIC_TITLE, CLUBIC_BODY, url="https://www.clubic.com/a.html")
    before = datetime.now(UTC)
    store.add([stored])
    store.add([article(CLUBIC_TITLE, CLUBIC_BODY + " Corrigé.", url="https://www.clubic.com/a.html")])
    (revision,) = store.revisions(stored.id)
    assert revision.stored_at.tzinfo is not None
    assert before <= revision.stored_at <= revision.replaced_at <= datetime.now(UTC)
