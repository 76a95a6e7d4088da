"""Wire copies decided by agency stamps, never mutual; op-eds kept out of a story and shown as related.

The bodies are a real OrangeSum article (tests/fixtures/orangesum, CC BY-SA 4.0); the stamps are added the way
French sites print AFP's (``Paris (AFP) -`` before the text, ``© 2019 AFP`` after it).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np
from numpy.typing import NDArray

from recoupe.model import Article, Provenance, PublishedDate
from recoupe.store import Store, open_store
from recoupe.store import stories as story_rows
from recoupe.stories.assign import StoryEngine
from recoupe.stories.cluster import StoryParams
from recoupe.stories.story import load_story

PARSED = Path(__file__).parents[1] / "fixtures" / "orangesum" / "parsed"
PARAMS = StoryParams(threshold=0.88, day_penalty=0.03, entity_weight=0.0)


@dataclass(frozen=True)
class TitleEmbedder:
    """Every article gets the vector of its title's first word (so the test places them)."""

    vectors: dict[str, NDArray[np.float32]]
    name: str = "placed"
    dim: int = 4

    def embed(self, texts: list[str]) -> NDArray[np.float32]:
        return np.stack([self.vectors[text.split(" ", 1)[0]] for text in texts]).astype(np.float32)


def _body() -> str:
    page = json.loads(min(PARSED.glob("*.json")).read_text(encoding="utf-8"))
    text = page["article"]
    return "\n".join(text) if isinstance(text, list) else str(text)


def _article(title: str, body: str, outlet: str, day: date, url: str) -> Article:
    return Article.build(
        title=title,
        body=body,
        outlet=outlet,
        language="fr",
        published=PublishedDate.from_date(day),
        provenance=Provenance(f"{url}.txt", "text"),
        canonical_url=f"https://{outlet}/{url}",
    )


def _engine(tmp_path: Path) -> tuple[Store, StoryEngine]:
    vectors = {
        "Événement": np.array([1.0, 0, 0, 0], dtype=np.float32),
        "Éditorial.": np.array([1.0, 0, 0, 0], dtype=np.float32),
    }
    store = open_store(str(tmp_path / "wire.db"))
    return store, StoryEngine(store, TitleEmbedder(vectors), PARAMS)


def _marks(store: Store) -> dict[str, tuple[str, float]]:
    with store.transaction(write=False) as conn:
        return story_rows.copies_of(conn, [a.id for a in store.articles(limit=100)])


def test_two_reprints_stored_together_make_one_copy_mark_towards_the_stamped_dispatch(tmp_path: Path) -> None:
    body, day = _body(), date(2019, 1, 5)
    store, engine = _engine(tmp_path)
    reprint = _article("Événement repris", body, "quebec.example", day, "reprise")
    dispatch = _article("Événement (dépêche)", f"Paris (AFP) - {body}\n© 2019 AFP", "site.example", day, "depeche")
    ids = [i for i, _ in store.add([reprint, dispatch])]
    engine.update(ids)
    marks = _marks(store)
    assert marks.keys() == {ids[0]}  # the reprint only: never both ways
    assert marks[ids[0]][0] == ids[1]
    engine.recluster()
    assert _marks(store).keys() == {ids[0]}
    story = store.story_of(ids[0])
    assert story is not None
    assert store.story_of(ids[1]) == story
    row = store.story_row(story)
    assert (row.outlets, row.independent) == (2, 1)  # one AFP dispatch run twice is one source
    assert load_story(store, story).sources == ("AFP (agency)",)


def test_the_earlier_stamp_time_is_the_original(tmp_path: Path) -> None:
    body, day = _body(), date(2019, 1, 5)
    store, engine = _engine(tmp_path)
    late = _article(
        "Événement (tard)", f"{body}\n05/01/2019 21:42:55 -\nParis (AFP) -\n© 2019 AFP", "a.example", day, "a"
    )
    early = _article(
        "Événement (tôt)", f"{body}\n05/01/2019 09:10:00 -\nParis (AFP) -\n© 2019 AFP", "b.example", day, "b"
    )
    ids = [i for i, _ in store.add([late, early])]
    engine.update(ids)
    assert {k: v[0] for k, v in _marks(store).items()} == {ids[0]: ids[1]}


def test_an_editorial_is_related_not_a_member(tmp_path: Path) -> None:
    day = date(2019, 1, 5)
    store, engine = _engine(tmp_path)
    news = [
        _article(
            "Événement à Paris",
            "Les manifestants ont défilé samedi dans le centre de Paris, selon la préfecture.",
            "a.example",
            day,
            "n1",
        ),
        _article(
            "Événement à Paris, bilan",
            "Le cortège a réuni plusieurs milliers de personnes samedi à Paris.",
            "b.example",
            day,
            "n2",
        ),
    ]
    opinion = _article(
        "Éditorial. Le cortège",
        "L'éditorial de Jean Dupont Ce samedi, Paris a vu défiler la colère.",
        "c.example",
        day,
        "op",
    )
    ids = [i for i, _ in store.add([*news, opinion])]
    engine.update(ids)
    story = store.story_of(ids[0])
    assert story is not None
    assert store.story_of(ids[1]) == story
    assert store.story_of(ids[2]) != story
    page = load_story(store, story)
    assert [item.article.id for item in page.timeline] == ids[:2]
    assert [(item.article.id, item.genre) for item in page.related] == [(ids[2], "opinion")]
    assert store.story_row(story).title.startswith("Événement")


def test_reprints_dated_before_their_dispatch_are_its_copies_not_each_others(tmp_path: Path) -> None:
    body = _body()
    store, engine = _engine(tmp_path)
    rewrite = _article(
        "Événement : la reprise",
        f"{body}\nNotre rédaction a joint la préfecture, qui n'a pas souhaité commenter.",
        "figaro.example",
        date(2019, 1, 5),
        "reprise",
    )
    own = _article(
        "Événement : notre version",
        f"{body}\nLes manifestants doivent se retrouver à nouveau samedi prochain.",
        "point.example",
        date(2019, 1, 5),
        "version",
    )
    dispatch = _article(
        "Événement (dépêche)",
        f"06/01/2019 08:10:00 -\nParis (AFP) - {body}\n© 2019 AFP",
        "point.example",  # the site runs the dispatch its own version rewrites, dated the next morning
        date(2019, 1, 6),
        "depeche",
    )
    ids = [i for i, _ in store.add([rewrite, own, dispatch])]
    engine.update(ids)
    assert {k: v[0] for k, v in _marks(store).items()} == {ids[0]: ids[2], ids[1]: ids[2]}
    engine.recluster()  # every article read again, in another run: the same marks
    assert {k: v[0] for k, v in _marks(store).items()} == {ids[0]: ids[2], ids[1]: ids[2]}
