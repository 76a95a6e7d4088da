"""``recoupe export`` on the seed articles: every table read back with the csv module and pyarrow.

The store is the two real seed articles (enriched, one story) plus a cross-check report written by hand for
their story, so that the statements table is checked against statements we know.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from recoupe.cli.main import cli
from recoupe.store import open_store

CLUBIC = "24228c4d0fe6d424"  # seed 001: Clubic, February 2025
UNNAMED = "3e01d607154afc45"  # seed 000: no outlet, no date

#: a cross-check as ``CrossCheck.to_dict`` stores it: two groups, one with a conflict between the two outlets
REPORT = {
    "story_id": None,  # set to the story's id
    "signature": "hand-written",
    "computed_at": "2025-02-12T10:00:00+00:00",
    "counts": {"conflicting": 1, "single-source": 1},
    "articles": [],
    "verdicts": [
        {
            "kind": "figure",
            "verdict": "conflicting",
            "subject": "offre",
            "sources": ["Clubic", "outlet not given (3e01d607)"],
            "statements": [
                {"article_id": CLUBIC, "outlet": "Clubic", "language": "fr", "kind": "figure", "start": 218,
                 "end": 243, "text": "97,4 milliards de dollars", "published": "2025-02"},
                {"article_id": UNNAMED, "outlet": None, "language": "fr", "kind": "figure", "start": 25,
                 "end": 39, "text": "97 milliards", "published": None},
            ],
            "copies": [],
            "conflicts": [{"kind": "figure", "detail": "97.4 bn vs 97 bn", "a_span": [0, 4], "b_span": [0, 2],
                           "a_statement": 0, "b_statement": 1}],
        },
        {
            "kind": "quote",
            "verdict": "single-source",
            "subject": "Sam Altman",
            "sources": ["Clubic"],
            "statements": [
                {"article_id": CLUBIC, "outlet": "Clubic", "language": "fr", "kind": "quote", "start": 1407,
                 "end": 1522, "text": "cette tentative de rachat", "published": "2025-02",
                 "attributed_to": "Sam Altman"},
            ],
            "copies": [],
            "conflicts": [],
        },
    ],
}  # fmt: skip


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path) -> tuple[Path, str]:
    """The seeds ingested (enriched, one story) with the hand-written cross-check stored for that story."""
    db = tmp_path_factory.mktemp("export") / "export.db"
    result = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(seeds_dir), "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    with open_store(str(db)) as store:
        (story,) = store.stories()
        report = {**REPORT, "story_id": story.id}
        store.save_crosscheck(story.id, "hand-written", {"conflicting": 1, "single-source": 1}, json.dumps(report))
    return db, story.id


@pytest.fixture(scope="module")
def seeds_dir() -> Path:
    return Path(__file__).parents[1] / "fixtures" / "seeds"


def _export(db: Path, *args: str) -> tuple[str, str]:
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), "export", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout, result.stderr


def _csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_articles_csv_with_filters(seeded: tuple[Path, str]) -> None:
    db, story = seeded
    out, err = _export(db, "articles")
    rows = _csv(out)
    assert {row["id"]: row["outlet"] for row in rows} == {CLUBIC: "Clubic", UNNAMED: ""}
    clubic = next(row for row in rows if row["id"] == CLUBIC)
    assert (clubic["published"], clubic["date_precision"], clubic["language"]) == ("2025-02", "month", "fr")
    assert clubic["tags"] == "Intelligence Artificielle; Openai; Elon Musk; Rachat; Sam Altman"
    assert clubic["story_id"] == story
    assert clubic["copy_of"] == ""
    assert "Elon Musk" in clubic["body"]
    assert "exported 2 articles row(s) as csv" in err

    assert [row["id"] for row in _csv(_export(db, "articles", "--outlet", "CLUBIC")[0])] == [CLUBIC]
    # an undated article is left out by a date filter; the Clubic one (February 2025) is in
    assert [row["id"] for row in _csv(_export(db, "articles", "--since", "2025-02-01")[0])] == [CLUBIC]
    assert _csv(_export(db, "articles", "--until", "2024-12-31")[0]) == []
    assert _csv(_export(db, "articles", "--language", "en")[0]) == []


def test_statements_with_verdicts_in_every_format(seeded: tuple[Path, str], tmp_path: Path) -> None:
    db, story = seeded
    rows = _csv(_export(db, "statements")[0])
    expected = [
        (story, "1", "conflicting", "figure", "Clubic", "97,4 milliards de dollars", "97.4 bn vs 97 bn"),
        (story, "1", "conflicting", "figure", "", "97 milliards", "97.4 bn vs 97 bn"),
        (story, "2", "single-source", "quote", "Clubic", "cette tentative de rachat", ""),
    ]
    found = [(r["story_id"], r["group"], r["verdict"], r["kind"], r["outlet"], r["text"], r["conflicts"]) for r in rows]
    assert found == expected
    assert rows[0]["sources"] == "Clubic; outlet not given (3e01d607)"
    assert rows[2]["attributed_to"] == "Sam Altman"

    lines = _export(db, "statements", "--format", "jsonl", "--outlet", "clubic")[0].splitlines()
    items = [json.loads(line) for line in lines]
    assert [(item["group"], item["text"]) for item in items] == [
        (1, "97,4 milliards de dollars"),
        (2, "cette tentative de rachat"),
    ]
    assert items[0]["sources"] == ["Clubic", "outlet not given (3e01d607)"]
    assert items[0]["conflicts"] == ["97.4 bn vs 97 bn"]

    target = tmp_path / "statements.parquet"
    _export(db, "statements", "-o", str(target))
    table = pq.read_table(target)
    assert table.num_rows == 3
    assert table.column("group").to_pylist() == [1, 1, 2]
    assert table.column("outlet").to_pylist() == ["Clubic", None, "Clubic"]
    assert table.column("sources").to_pylist()[2] == ["Clubic"]  # a list, not a joined string


def test_stories_carry_their_verdict_counts(seeded: tuple[Path, str]) -> None:
    db, story = seeded
    (row,) = _csv(_export(db, "stories")[0])
    assert (row["id"], row["articles"], row["languages"]) == (story, "2", "fr")
    assert (row["conflicting"], row["single_source"], row["corroborated"], row["crosschecked"]) == (
        "1",
        "1",
        "0",
        "true",
    )


def test_figures_and_entities_to_parquet(seeded: tuple[Path, str], tmp_path: Path) -> None:
    db, _ = seeded
    figures = tmp_path / "figures.parquet"
    _export(db, "figures", "--outlet", "Clubic", "-o", str(figures))
    rows = pq.read_table(figures).to_pylist()
    # "97,4 milliards de dollars" is written twice in the Clubic article, "300 milliards de dollars" once
    money = [(r["text"], r["value"], r["unit"]) for r in rows if r["kind"] == "money"]
    assert ("97,4 milliards de dollars", 97_400_000_000.0, "USD") in money
    assert ("300 milliards de dollars", 300_000_000_000.0, "USD") in money
    assert {r["article_id"] for r in rows} == {CLUBIC}

    entities = tmp_path / "entities.parquet"
    _export(db, "entities", "--story", seeded[1][:8], "-o", str(entities))
    by_name = {(r["article_id"], r["name"]): r for r in pq.read_table(entities).to_pylist()}
    musk = by_name[(CLUBIC, "Elon Musk")]
    assert (musk["label"], musk["aliases"]) == ("PER", ["Musk"])
    assert by_name[(CLUBIC, "Sam Altman")]["roles"] == ["PDG d'OpenAI"]
    assert (UNNAMED, "OpenAI") in by_name


def test_quotes_jsonl_and_batches_change_nothing(seeded: tuple[Path, str]) -> None:
    db, _ = seeded
    whole = _export(db, "quotes", "--format", "jsonl")[0]
    paged = _export(db, "quotes", "--format", "jsonl", "--batch-size", "1")[0]
    assert whole == paged
    speakers = {(q["article_id"], q["speaker"]) for q in map(json.loads, whole.splitlines())}
    assert (CLUBIC, "Elon Musk") in speakers
    assert (CLUBIC, "Sam Altman") in speakers


def test_parquet_needs_a_file_and_an_unknown_story_is_an_error(seeded: tuple[Path, str]) -> None:
    db, _ = seeded
    runner = CliRunner()
    result = runner.invoke(cli, ["--db", str(db), "export", "articles", "--format", "parquet"])
    assert result.exit_code == 65
    assert "--output" in result.stderr
    result = runner.invoke(cli, ["--db", str(db), "export", "statements", "--story", "000000"])
    assert result.exit_code == 66
    assert "no story" in result.stderr
