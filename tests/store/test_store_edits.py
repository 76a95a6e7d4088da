"""Corrections in the store, on SQLite and PostgreSQL: edits keep a revision, deletes keep the article,
search and stored cross-checks follow, an outlet is given only to articles that lack one."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from recoupe.errors import NotFoundError, QueryError
from recoupe.model import PublishedDate, StoryRow
from recoupe.store import Store

from .corpus import CLUBIC_BODY, CLUBIC_TITLE, MUSK_BODY, MUSK_TITLE, article

NOW = datetime(2025, 2, 12, 9, 0, tzinfo=UTC)


def _story(store: Store, story_id: str, members: list[str]) -> None:
    row = StoryRow(story_id, f"story {story_id}", members[0], len(members), 2, 2, ("fr",), None, None, NOW, NOW)
    with store.story_tx(write=True) as tx:
        tx.write_stories(dict.fromkeys(members, story_id), [row], {}, NOW)
    store.save_crosscheck(story_id, "sig", {"corroborated": 1}, json.dumps({"story_id": story_id, "verdicts": []}))


@pytest.fixture
def two(store: Store) -> tuple[str, str]:
    """Two articles of one story: one without an outlet (like seed 000), one from Clubic; cross-checked."""
    unnamed = article(MUSK_TITLE, MUSK_BODY, day=date(2025, 2, 11))
    clubic = article(CLUBIC_TITLE, CLUBIC_BODY, outlet="Clubic", day=date(2025, 2, 12))
    store.add([unnamed, clubic])
    _story(store, "s1", [unnamed.id, clubic.id])
    return unnamed.id, clubic.id


def test_edit_keeps_the_version_before_and_updates_search(store: Store, two: tuple[str, str]) -> None:
    unnamed, _ = two
    touched = store.edit_article(
        unnamed[:8],
        outlet="Le Figaro",
        title="Musk éconduit par OpenAI",
        published=PublishedDate.from_date(date(2025, 2, 10)),
    )
    assert touched.changed == ("outlet", "published", "title")
    assert (touched.story_id, touched.members) == ("s1", tuple(sorted(two)))
    now = store.get(unnamed)
    assert (now.outlet, now.title, now.published) == (
        "Le Figaro",
        "Musk éconduit par OpenAI",
        PublishedDate.from_date(date(2025, 2, 10)),
    )
    assert now.body == MUSK_BODY
    (before,) = store.revisions(unnamed)
    assert (before.article.outlet, before.article.title) == (None, MUSK_TITLE)
    # the new title is searched, the old one no longer (accents folded as ever)
    assert [hit.article.id for hit in store.search("econduit")] == [unnamed]
    assert store.search("Rejetée") == []
    assert [a.id for a in store.articles(outlet="le figaro")] == [unnamed]
    assert store.crosscheck_report("s1") is None  # dropped: computed again with the new outlet
    assert store.check_integrity() == []


def test_an_edit_that_changes_nothing_writes_nothing(store: Store, two: tuple[str, str]) -> None:
    _, clubic = two
    touched = store.edit_article(clubic, outlet="Clubic")
    assert touched.changed == ()
    assert store.revisions(clubic) == []
    assert store.crosscheck_report("s1") is not None
    with pytest.raises(QueryError):
        store.edit_article(clubic, title="  ")
    with pytest.raises(NotFoundError):
        store.edit_article("0123456789abcdef", outlet="x")


def test_delete_keeps_the_article_aside_and_empties_the_story_last(store: Store, two: tuple[str, str]) -> None:
    unnamed, clubic = two
    store.edit_article(unnamed, outlet="Le Figaro")  # a revision that must be kept with it
    touched = store.delete_article(unnamed)
    assert (touched.story_id, touched.members) == ("s1", (clubic,))
    with pytest.raises(NotFoundError):
        store.get(unnamed)
    assert store.search("Rejetée") == []
    assert store.count() == 1
    assert store.story_of(clubic) == "s1"
    assert store.crosscheck_report("s1") is None
    [(gone, title, outlet, _)] = store.deleted()
    assert (gone, title, outlet) == (unnamed, MUSK_TITLE, "Le Figaro")

    last = store.delete_article(clubic[:10])
    assert (last.story_id, last.members) == ("s1", ())
    assert store.stories() == []  # its last article gone, the story goes
    assert [row[0] for row in store.deleted()] == [clubic, unnamed]
    assert store.check_integrity() == []


def test_fill_outlets_only_where_there_is_none(store: Store, two: tuple[str, str]) -> None:
    unnamed, clubic = two
    filled = store.fill_outlets([unnamed, clubic], "Mon Journal")
    assert [item.article.id for item in filled] == [unnamed]
    assert store.get(unnamed).outlet == "Mon Journal"
    assert store.get(clubic).outlet == "Clubic"  # an outlet the source gave is never overwritten
    assert len(store.revisions(unnamed)) == 1
    assert store.fill_outlets([unnamed], "Autre") == []  # it has one now
    assert [a.id for a in store.articles(outlet="MON JOURNAL")] == [unnamed]
    assert store.crosscheck_report("s1") is None
