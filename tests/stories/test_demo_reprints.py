"""The demo shows wire copies: OrangeSum pages signed AFP, reprinted by two derived outlets
(``demo/corpus/reprints``, built by ``scripts/build_demo_corpus.py``), are one story of one independent source."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from recoupe.cli.main import cli

DEMO = Path(__file__).parents[2] / "demo" / "corpus"


@pytest.mark.slow
def test_reprints_of_one_dispatch_are_copies_of_one_source(tmp_path: Path) -> None:
    lines = (DEMO / "reprints" / "afp-reprints.jsonl").read_text(encoding="utf-8").splitlines()
    rows = [json.loads(line) for line in lines]
    reprints = [r for r in rows if r["reprint_of"] == "orangesum:10887"]  # Bundesliga back, 16 May 2020
    assert {r["source"] for r in reprints} == {"Le Relais (démo : reprise AFP)", "Info Continu (démo : reprise AFP)"}
    (tmp_path / "reprints.jsonl").write_text("".join(json.dumps(r) + "\n" for r in reprints), encoding="utf-8")
    runner = CliRunner(env={"RECOUPE_DB": str(tmp_path / "demo.db")})
    ingest = runner.invoke(cli, ["ingest", str(DEMO / "orangesum" / "10887.html.gz"), str(tmp_path / "reprints.jsonl")])
    assert ingest.exit_code == 0, ingest.output
    stories = json.loads(runner.invoke(cli, ["stories", "--json"], catch_exceptions=False).stdout)
    assert [(s["articles"], s["outlets"], s["independent_outlets"]) for s in stories] == [(3, 3, 1)]
    story = json.loads(runner.invoke(cli, ["story", stories[0]["id"], "--json"], catch_exceptions=False).stdout)
    original = next(a for a in story["timeline"] if a["outlet"] == "Orange Actualités")
    copies = [a for a in story["timeline"] if a["outlet"] != "Orange Actualités"]
    assert original["copy_of"] is None
    assert [a["copy_of"] for a in copies] == [original["id"], original["id"]]
    assert story["sources"] == ["orange actualités"]  # the reprints count for the page they copy
