"""The README's usage lines run as written on a fresh clone: every line that needs no network, no server and
no file of the reader's own (``dump.jsonl``, ``pages/``), in the README's order, against a new database."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from recoupe.cli.main import cli

ROOT = Path(__file__).resolve().parents[1]
#: lines that need what a fresh clone has not: the network, a server, a cluster, the reader's own files
NOT_HERE = re.compile(r"example\.org(?!/hook)|dump\.jsonl|\bpages/|\bURL\b|dask://|^recoupe (serve|watch) ")


def usage_lines() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    block = text.split("## Using recoupe", 1)[1].split("```bash", 1)[1].split("```", 1)[0]
    lines = [re.sub(r"\s+#.*$", "", line).strip() for line in block.splitlines()]
    return [line for line in lines if line.startswith("recoupe ")]


def test_the_usage_block_is_read() -> None:
    lines = usage_lines()
    assert lines[0] == "recoupe ingest demo/corpus/seeds"  # a path a fresh clone has
    assert "recoupe crosscheck 3a65c774" in lines


@pytest.mark.slow
def test_readme_usage_lines_run_as_written(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "demo").symlink_to(ROOT / "demo")  # the README's paths are relative to the clone
    runner = CliRunner(env={"RECOUPE_DB": str(tmp_path / "recoupe.db")})
    ran = []
    for line in usage_lines():
        if NOT_HERE.search(line):
            continue
        result = runner.invoke(cli, shlex.split(line)[1:], input="y\n")
        assert result.exit_code == 0, f"{line}\n{result.output}"
        ran.append(line)
    assert len(ran) >= 25
    assert (tmp_path / "seeds.html").is_file()
    assert (tmp_path / "checks.csv").is_file()
