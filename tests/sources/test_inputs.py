"""Readers for files, folders, globs, JSONL, CSV and bad input: every problem is a Failure with a reason."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from recoupe.config import Settings
from recoupe.errors import InputError
from recoupe.extract import extract
from recoupe.model import Failure, Record
from recoupe.sources import read_inputs
from recoupe.sources.decode import decode_bytes
from recoupe.sources.tabular import map_fields, read_jsonl

BODY = (
    "Le Parlement européen a adopté mercredi à Strasbourg un texte encadrant l'intelligence artificielle, "
    "après des mois de négociations entre les États membres."
)


def _split(items: list[Record | Failure]) -> tuple[list[Record], list[Failure]]:
    return [i for i in items if isinstance(i, Record)], [i for i in items if isinstance(i, Failure)]


def test_jsonl_good_and_bad_lines(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "dump.jsonl"
    lines = [
        json.dumps({"title": "Vote à Strasbourg", "text": BODY, "source": "Le Monde", "date": "2024-03-13"}),
        "{not json",
        "",
        json.dumps(["a", "list"]),
        json.dumps({"headline": "Autre titre", "content": BODY + " Suite.", "source": {"name": "AFP"}}),
    ]
    path.write_bytes(("\n".join(lines) + "\n").encode() + b'{"title": "caf\xe9"}\n')
    records, failures = _split(list(read_inputs([str(path)], settings)))
    assert [r.provenance.line for r in records] == [1, 5]
    assert records[1].fields["outlet"] == "AFP"
    reasons = {f.provenance.line: f.reason for f in failures}
    assert reasons[2].startswith("not JSON")
    assert "expected a JSON object" in reasons[4]
    assert "invalid UTF-8" in reasons[6]
    assert all(f.provenance.source == str(path) for f in failures)


def test_jsonl_record_over_limit_is_skipped_not_loaded(settings: Settings) -> None:
    small = Settings(max_record_mb=0.001)  # ~1 KB
    data = json.dumps({"text": "x" * 5000}).encode() + b"\n" + json.dumps({"text": BODY}).encode() + b"\n"
    items = list(read_jsonl(io.BytesIO(data), "big.jsonl", small))
    records, failures = _split(items)
    assert [f.provenance.line for f in failures] == [1]
    assert "larger than max_record_mb" in failures[0].reason
    assert [r.provenance.line for r in records] == [2]


def test_field_mapping_defaults_and_override() -> None:
    row = {"Headline": "T", "newBody": ["p1", "p2"], "pubDate": "Tue, 11 Feb 2025 10:00:00 +0100", "extra": 1}
    fields = map_fields(row)
    assert fields["title"] == "T"
    assert fields["body"] == ["p1", "p2"]
    assert fields["date"].startswith("Tue")
    assert fields["extra"] == {"extra": 1}
    assert map_fields({"corps": "texte", "text": "autre"}, {"body": "corps"})["body"] == "texte"
    assert map_fields({"meta": {"site": "Ouest-France"}}, {"outlet": "meta.site"})["outlet"] == "Ouest-France"


def test_csv_in_windows_1252(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "export.csv"
    text = f'titre,texte,source,date\n"Grève à la SNCF","{BODY} Les syndicats dénoncent.","Libération","12/03/2024"\n'
    path.write_bytes(text.encode("cp1252"))
    records, failures = _split(list(read_inputs([str(path)], settings, mapping={"title": "titre", "body": "texte"})))
    assert not failures
    article = extract(records[0], settings)
    assert article.title == "Grève à la SNCF"
    assert "dénoncent" in article.body
    assert article.outlet == "Libération"


def test_bad_files_are_failures_with_reasons(tmp_path: Path, settings: Settings) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "blank.html").write_bytes(b"   \n\n")
    (tmp_path / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    big = tmp_path / "big.html"
    with big.open("wb") as handle:
        handle.write(b"<html><body><p>" + b"a" * (50 * 1024 * 1024) + b"</p></body></html>")
    items = list(read_inputs([str(tmp_path), str(tmp_path / "missing.txt")], settings))
    records, failures = _split(items)
    assert records == []
    reasons = {Path(f.provenance.source).name: f.reason for f in failures}
    assert reasons["empty.txt"] == "empty file"
    assert reasons["blank.html"].startswith("empty file")
    assert reasons["image.txt"].startswith("binary content")
    assert "file too large (50.0 MB" in reasons["big.html"]
    assert reasons["missing.txt"] == "no such file or folder"


def test_globs_folders_and_stdin(tmp_path: Path, settings: Settings, seeds_dir: Path) -> None:
    items = list(read_inputs([str(seeds_dir / "*.txt"), str(seeds_dir)], settings))
    assert len(items) == 2  # the folder repeats the glob's files: each is read once
    stdin = io.BytesIO(json.dumps({"title": "Par l'entrée standard", "body": BODY}).encode() + b"\n")
    records, failures = _split(list(read_inputs(["-"], settings, stdin=stdin)))
    assert not failures
    assert records[0].provenance.where() == "<stdin>:1"
    (failure,) = read_inputs([str(tmp_path / "*.nothing")], settings)
    assert isinstance(failure, Failure)
    assert failure.reason == "no file matches this pattern"


def test_decode_latin1_text_and_refuse_binary() -> None:
    text, encoding = decode_bytes("Les élèves de l'école ont préparé un goûter à Noël.".encode("latin-1"), where="x")
    assert "élèves" in text
    assert encoding != "utf-8"
    with pytest.raises(InputError, match="binary"):
        decode_bytes(b"\x00\x01\x02\x03" * 100, where="x")


def test_text_file_in_latin1_is_read(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "latin1.txt"
    path.write_bytes(("Grève générale\n" + BODY + " Les élèves sont restés chez eux.").encode("latin-1"))
    records, failures = _split(list(read_inputs([str(path)], settings)))
    assert not failures
    article = extract(records[0], settings)
    assert article.title == "Grève générale"
    assert "élèves" in article.body
    assert records[0].provenance.encoding not in (None, "utf-8")


def test_lone_surrogate_in_json_is_replaced(tmp_path: Path, settings: Settings) -> None:
    path = tmp_path / "surrogate.jsonl"
    path.write_text('{"title": "Un titre \\ud800 cassé", "text": "' + BODY + '"}\n', encoding="utf-8")
    (record,) = read_inputs([str(path)], settings)
    assert isinstance(record, Record)
    article = extract(record, settings)
    assert article.title == "Un titre ? cassé"
    article.title.encode("utf-8")  # storable
