"""``recoupe edit`` and ``recoupe delete`` on the seeds (one story of two articles): what users see change."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from recoupe.cli.main import cli
from recoupe.corrections import parse_published
from recoupe.errors import QueryError
from recoupe.model import DatePrecision

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"
CLUBIC = "24228c4d0fe6d424"  # Clubic, February 2025
UNNAMED = "3e01d607154afc45"  # no outlet, no date


@pytest.fixture
def db(tmp_path: Path) -> Path:
    path = tmp_path / "edit.db"
    result = CliRunner().invoke(cli, ["--db", str(path), "ingest", str(SEEDS), "--no-enrich"])
    assert result.exit_code == 0, result.output
    return path


def _json(db: Path, *args: str) -> Any:
    result = CliRunner().invoke(cli, ["--db", str(db), *args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_edit_outlet_and_date_recomputes_the_story(db: Path) -> None:
    (before,) = _json(db, "stories")
    assert (before["first_seen"], before["last_seen"]) == ("2025-02-01T00:00:00", "2025-02-01T00:00:00")
    edited = _json(db, "edit", UNNAMED[:8], "--outlet", "Le Figaro", "--date", "2025-02-11")
    assert edited["changed"] == ["outlet", "published"]
    assert edited["article"] == {
        "title": "Elon Musk : Son Offre de 97,4 Milliards pour OpenAI Rejetée",
        "outlet": "Le Figaro",
        "published": "2025-02-11",
    }
    assert edited["story_recomputed"] is True
    (after,) = _json(db, "stories")
    assert after["id"] == before["id"]
    assert (after["first_seen"], after["last_seen"]) == ("2025-02-01T00:00:00", "2025-02-11T00:00:00")
    shown = _json(db, "show", UNNAMED, "--revisions")
    assert shown["outlet"] == "Le Figaro"
    assert [rev["article"]["outlet"] for rev in shown["revisions"]] == [None]
    # ingesting the same file again keeps the correction
    again = CliRunner().invoke(cli, ["--db", str(db), "ingest", str(SEEDS / "000_8aee5ca2760b0c1d.txt"), "--json"])
    assert json.loads(again.stdout)["unchanged"] == 1
    assert _json(db, "show", UNNAMED)["outlet"] == "Le Figaro"


def test_delete_asks_first_then_takes_the_article_out(db: Path) -> None:
    runner = CliRunner()
    refused = runner.invoke(cli, ["--db", str(db), "delete", CLUBIC[:8]], input="n\n")
    assert refused.exit_code == 1  # aborted: nothing deleted
    assert len(_json(db, "articles")) == 2
    done = _json(db, "delete", CLUBIC[:8], "--yes")
    assert (done["deleted"], done["story_gone"]) == (True, False)
    assert [a["id"] for a in _json(db, "articles")] == [UNNAMED]
    assert _json(db, "search", "Clubic") == []
    (story,) = _json(db, "stories")
    assert story["articles"] == 1
    gone = _json(db, "delete", UNNAMED, "--yes")
    assert gone["story_gone"] is True
    assert _json(db, "stories") == []
    assert runner.invoke(cli, ["--db", str(db), "check"]).exit_code == 0


def test_ingest_outlet_fills_stored_articles_without_one(db: Path) -> None:
    result = _json(db, "ingest", str(SEEDS), "--outlet", "Mon Journal", "--no-enrich")
    assert (result["unchanged"], result["outlet_filled"]) == (2, 1)
    outlets = {a["id"]: a["outlet"] for a in _json(db, "articles")}
    assert outlets == {CLUBIC: "Clubic", UNNAMED: "Mon Journal"}


def test_edit_needs_something_to_change_and_a_date_it_can_read(db: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["--db", str(db), "edit", CLUBIC]).exit_code == 2
    bad = runner.invoke(cli, ["--db", str(db), "edit", CLUBIC, "--date", "11/02/2025"])
    assert bad.exit_code == 64
    assert parse_published("2025").precision is DatePrecision.YEAR
    assert parse_published("2025-02").iso() == "2025-02"
    minute = parse_published("2025-02-11T14:05+01:00")
    assert (minute.precision, minute.tz) == (DatePrecision.MINUTE, "+01:00")
    with pytest.raises(QueryError):
        parse_published("2025-13-01")
