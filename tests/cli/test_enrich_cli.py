"""Issue 3's acceptance on the seeds, through the command line: entities, quotes, figures stored and shown."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from recoupe.cli.main import cli


@pytest.fixture(scope="module")
def seeded(tmp_path_factory: pytest.TempPathFactory) -> tuple[CliRunner, dict[str, str]]:
    db = tmp_path_factory.mktemp("enrich") / "seeds.db"
    runner = CliRunner(env={"RECOUPE_DB": str(db)})
    seeds = Path(__file__).parents[1] / "fixtures" / "seeds"
    result = runner.invoke(cli, ["ingest", str(seeds), "--json"], catch_exceptions=False)
    assert json.loads(result.stdout)["enriched"] == 2
    listed = json.loads(runner.invoke(cli, ["articles", "--json"]).stdout)
    ids = {("clubic" if item["outlet"] == "Clubic" else "rewrite"): item["id"] for item in listed}
    return runner, ids


def _json(runner: CliRunner, *args: str) -> object:
    result = runner.invoke(cli, [*args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_organisations_are_organisations(seeded: tuple[CliRunner, dict[str, str]]) -> None:
    runner, _ = seeded
    orgs = {row["canonical"] for row in _json(runner, "entities", "--label", "ORG", "--limit", "200")}  # type: ignore[union-attr]
    assert {"Tesla", "SpaceX", "SoftBank", "OpenAI", "xAI", "Microsoft"} <= orgs


def test_musk_is_one_person_across_both_outlets(seeded: tuple[CliRunner, dict[str, str]]) -> None:
    runner, _ = seeded
    (musk,) = _json(runner, "entities", "--name", "musk")  # type: ignore[misc]
    assert musk["canonical"] == "Elon Musk"
    assert musk["label"] == "PER"
    assert musk["articles"] == 2


def test_bret_taylor_quote_with_role(seeded: tuple[CliRunner, dict[str, str]]) -> None:
    runner, _ = seeded
    (quote,) = _json(runner, "quotes", "--speaker", "bret taylor")  # type: ignore[misc]
    assert quote["text"].startswith("OpenAI n'est pas à vendre")
    assert quote["speaker"] == "Bret Taylor"
    assert quote["role"] == "président d'OpenAI"
    openai = _json(runner, "quotes", "--speaker", "OpenAI")
    assert any(q["text"].startswith("Toute réorganisation potentielle d'OpenAI") for q in openai)  # type: ignore[union-attr]


def _money(runner: CliRunner, article_id: str) -> list[dict[str, object]]:
    shown = _json(runner, "show", article_id)
    assert isinstance(shown, dict)
    return [f for f in shown["enrichment"]["figures"] if f["kind"] == "money"]


def test_the_bid_in_both_seeds(seeded: tuple[CliRunner, dict[str, str]]) -> None:
    runner, ids = seeded
    for article_id in ids.values():
        bids = [f for f in _money(runner, article_id) if f["value"] == pytest.approx(97.4e9)]
        assert bids, article_id
        assert all(f["unit"] == "USD" for f in bids)
        assert any("offre" in str(f["about"]) for f in bids)


def test_valuation_and_fundraising_in_clubic(seeded: tuple[CliRunner, dict[str, str]]) -> None:
    runner, ids = seeded
    money = {f["value"]: f for f in _money(runner, ids["clubic"])}
    assert money[300e9]["unit"] == "USD"
    assert "valorisation" in str(money[300e9]["about"])
    assert money[40e9]["unit"] == "USD"
    assert "levée de fonds" in str(money[40e9]["about"])


def test_show_highlights_and_lists(seeded: tuple[CliRunner, dict[str, str]]) -> None:
    runner, ids = seeded
    result = runner.invoke(cli, ["show", ids["rewrite"]])
    assert result.exit_code == 0
    assert "Bret Taylor, président d'OpenAI" in result.stdout
    assert "enrichment: full (fr)" in result.stdout


def test_user_gazetteer_through_the_environment(tmp_path: Path) -> None:
    gazetteer = tmp_path / "mine.jsonl"
    gazetteer.write_text('{"label": "ORG", "pattern": "Clubic"}\n', encoding="utf-8")
    page = tmp_path / "note.txt"
    page.write_text(
        "Un site de tests\nClubic a publié mardi un comparatif de vingt ordinateurs portables, "
        "selon lequel les modèles les moins chers tiennent le mieux la charge.\n",
        encoding="utf-8",
    )
    runner = CliRunner(env={"RECOUPE_DB": str(tmp_path / "g.db"), "RECOUPE_GAZETTEER": str(gazetteer)})
    assert runner.invoke(cli, ["ingest", str(page)]).exit_code == 0
    orgs = _json(runner, "entities", "--label", "ORG")
    assert [row["canonical"] for row in orgs] == ["Clubic"]  # type: ignore[index, union-attr]
    missing = CliRunner(env={"RECOUPE_GAZETTEER": str(tmp_path / "nope.jsonl")}).invoke(cli, ["articles"])
    assert missing.exit_code == 78
    assert "gazetteer file not found" in missing.stderr


def test_enrich_backfills_articles_ingested_without_it(tmp_path: Path) -> None:
    runner = CliRunner(env={"RECOUPE_DB": str(tmp_path / "late.db")})
    seeds = Path(__file__).parents[1] / "fixtures" / "seeds"
    assert json.loads(runner.invoke(cli, ["ingest", str(seeds), "--no-enrich", "--json"]).stdout)["enriched"] == 0
    assert _json(runner, "quotes") == []
    assert _json(runner, "enrich", "--batch-size", "1") == {"enriched": 2, "failures": []}
    assert _json(runner, "enrich") == {"enriched": 0, "failures": []}  # nothing left to do
    assert any(q["speaker"] == "Bret Taylor" for q in _json(runner, "quotes"))  # type: ignore[union-attr]
