"""Feedback on long ingests: counts, the share of the input read and the time left, a line at a time when
stderr is not a terminal; silent with --progress-every 0."""

from __future__ import annotations

import io
from pathlib import Path

from click.testing import CliRunner
from rich.console import Console

from recoupe.cli.main import cli
from recoupe.cli.progress import IngestProgress, input_sizes
from recoupe.model import Failure, Provenance, Record

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"
WARC = Path(__file__).parents[1] / "fixtures" / "warc"


def _record(source: str, *, offset: int | None = None, line: int | None = None) -> Record | Failure:
    return Failure(Provenance(source, "warc" if offset is not None else "text", line=line, offset=offset), "test")


def _lines(sizes: dict[str, int] | None, items: list[Record | Failure]) -> list[str]:
    out = io.StringIO()
    console = Console(file=out, force_terminal=False, width=200)
    with IngestProgress(console, sizes, every=1e-9) as progress:  # a line at every record
        assert list(progress.wrap(items)) == items  # records pass through unchanged
    return out.getvalue().splitlines()


def test_files_count_when_the_next_one_starts() -> None:
    items = [_record("a.txt"), _record("b.txt"), _record("c.txt")]
    lines = _lines({"a.txt": 100, "b.txt": 200, "c.txt": 700}, items)
    assert [line.split(" · ")[0:4] for line in lines] == [
        ["ingesting: 1 read", "0 stored", "0 failed", "0 B of 1.0 kB (0 %)"],
        ["ingesting: 2 read", "0 stored", "0 failed", "100 B of 1.0 kB (10 %)"],
        ["ingesting: 3 read", "0 stored", "0 failed", "300 B of 1.0 kB (30 %)"],
    ]
    assert "left" in lines[1]  # with some progress made, the time left is estimated
    assert "left" not in lines[0]


def test_an_archive_moves_by_its_record_offsets() -> None:
    items = [_record("x.warc.gz", offset=0), _record("x.warc.gz", offset=5_000), _record("x.warc.gz", offset=7_500)]
    lines = _lines({"x.warc.gz": 10_000}, items)
    assert [line.split(" · ")[3] for line in lines] == [
        "0 B of 10.0 kB (0 %)",
        "5.0 kB of 10.0 kB (50 %)",
        "7.5 kB of 10.0 kB (75 %)",
    ]


def test_without_a_total_the_counts_alone_move() -> None:
    lines = _lines(None, [_record("<stdin>", line=1), _record("<stdin>", line=2)])
    assert [line.split(" · ")[:3] for line in lines] == [
        ["ingesting: 1 read", "0 stored", "0 failed"],
        ["ingesting: 2 read", "0 stored", "0 failed"],
    ]
    assert all(" of " not in line and "left" not in line for line in lines)


def test_input_sizes_of_files_folders_and_streams(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("x" * 10, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "two.txt").write_text("y" * 25, encoding="utf-8")
    assert input_sizes([str(tmp_path)]) == {str(tmp_path / "one.txt"): 10, str(tmp_path / "sub" / "two.txt"): 25}
    assert input_sizes(["-"]) is None  # standard input has no size
    assert input_sizes([str(tmp_path), "https://example.org/a.html"]) is None


def test_ingest_writes_progress_lines_when_stderr_is_not_a_terminal(tmp_path: Path) -> None:
    runner = CliRunner()
    args = ["--db", str(tmp_path / "p.db"), "ingest", str(WARC), str(SEEDS), "--no-enrich", "--no-stories"]
    result = runner.invoke(cli, [*args, "--batch-size", "1", "--progress-every", "0.000001"])
    assert result.exit_code == 0, result.output
    lines = [line for line in result.stderr.splitlines() if line.startswith("ingesting: ")]
    assert lines
    total = sum(p.stat().st_size for p in [*WARC.glob("*.warc.gz"), *SEEDS.glob("*.txt")])
    assert all(f" of {total / 1000:.1f} kB (" in line for line in lines)
    assert "6 read" in lines[-1]
    quiet = runner.invoke(cli, [*args, "--progress-every", "0"])
    assert "ingesting: " not in quiet.stderr
