"""Dates at the edge of Python's calendar and NUL characters never stop an ingest (issue 17).

Before: a record dated ``9999-12-31T23:00-14:00`` (it cannot be moved to UTC) raised ``OverflowError`` in the
store, one dated ``9999-12-31`` or ``0001-01-01`` raised ``ValueError`` in the story engine, and a title
holding ``\\u0000`` raised ``StoreError`` on PostgreSQL: each stopped the whole ``recoupe ingest`` with a
traceback and lost the batch in hand. Such a date is now unknown (years 1000 to 2999, as for a bare year),
and NUL characters are dropped from an article's text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from recoupe.cli.main import cli
from recoupe.extract.dates import parse_date
from recoupe.store import open_store

BODY = (
    "Le conseil municipal de Rennes a voté jeudi soir un budget de douze millions d'euros pour la rénovation "
    "des écoles du quartier de Maurepas, a annoncé la mairie. Les travaux commenceront en septembre et "
    "dureront deux ans, soit moins que les trois ans prévus au départ."
)


@pytest.mark.parametrize(
    "text",
    [
        "9999-12-31T23:00:00-14:00",
        "Fri, 31 Dec 9999 23:00:00 -1400",
        "9999-12-31",
        "0001-01-01T00:00:00Z",
        "31 décembre 9999",
        "3000-01-01",
        "0999-12-31",
    ],
)
def test_a_date_outside_the_years_1000_to_2999_is_unknown(text: str) -> None:
    assert parse_date(text) is None


@pytest.mark.parametrize(
    ("text", "year"), [("1000-01-01", 1000), ("2999-12-31T23:00:00-14:00", 2999), ("13 Feb 2025 18:00 +0100", 2025)]
)
def test_dates_inside_the_years_are_read(text: str, year: int) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert parsed.value.year == year


@pytest.fixture(params=["sqlite", "postgresql"])
def db(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "postgresql":
        yield str(request.getfixturevalue("postgres_url"))
    else:
        yield str(tmp_path / "edge.db")


def test_an_ingest_of_edge_dates_and_nul_characters_goes_through(
    db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cases = {
        "beyond-utc": {"date": "9999-12-31T23:00:00-14:00", "title": "Budget voté à Brest"},
        "last-day": {"date": "9999-12-31", "title": "Budget voté à Vannes"},
        "first-day": {"date": "0001-01-01T00:00:00Z", "title": "Budget voté à Quimper"},
        "nul": {"date": "2025-02-13", "title": "Budget voté\u0000 à Lorient", "outlet": "Ouest\u0000-Éclair"},
    }
    lines = [
        json.dumps({"url": f"https://example.org/{name}", "text": BODY.replace("Rennes", name), **fields})
        for name, fields in cases.items()
    ]
    (tmp_path / "edge.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("RECOUPE_EMBEDDER", "fast-use")
    result = CliRunner().invoke(
        cli, ["--db", db, "ingest", "edge.jsonl", "--no-enrich", "--stories", "--json"], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["new"], report["failed"]) == (4, 0)
    with open_store(db) as store:
        stored = {article.url: article for article in store.articles(limit=10)}
        assert all(store.story_of(article.id) is not None for article in stored.values())
        assert store.check_integrity() == []
    assert [stored[f"https://example.org/{name}"].published for name in list(cases)[:3]] == [None, None, None]
    nul = stored["https://example.org/nul"]
    assert (nul.title, nul.outlet) == ("Budget voté à Lorient", "Ouest-Éclair")
