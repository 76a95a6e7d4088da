"""Shared helpers for the extraction tests: fixture pages as records, and their gold annotations."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from recoupe.config import Settings
from recoupe.extract.scoring import load_gold
from recoupe.model import Provenance, Record

ORANGESUM = Path(__file__).resolve().parent.parent / "fixtures" / "orangesum"


def html_record(data: bytes, source: str = "page.html", url: str | None = None) -> Record:
    return Record(kind="html", provenance=Provenance(source=source, kind="html"), data=data, url=url)


def orangesum_page(name: str) -> tuple[Record, dict[str, Any]]:
    path = ORANGESUM / "raw" / f"{name}.html"
    return html_record(path.read_bytes(), str(path)), load_gold(ORANGESUM / "parsed" / f"{name}.json")


@pytest.fixture
def settings() -> Settings:
    return Settings(db=":memory:")
