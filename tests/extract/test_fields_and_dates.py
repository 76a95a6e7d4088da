"""Structured rows to articles, and publication dates with their precision."""

from __future__ import annotations

from datetime import datetime

import pytest

from recoupe.config import Settings
from recoupe.errors import ExtractionError
from recoupe.extract import extract
from recoupe.extract.dates import parse_date
from recoupe.model import DatePrecision, Provenance, Record
from recoupe.sources.tabular import map_fields

BODY = (
    "Le gouvernement a présenté jeudi son projet de loi de finances, qui prévoit 40 milliards d'euros "
    "d'économies. L'opposition dénonce un budget d'austérité."
)


def _row(**fields: object) -> Record:
    return Record(kind="fields", provenance=Provenance("rows.jsonl", "jsonl", line=3), fields=map_fields(fields))


def test_row_to_article(settings: Settings) -> None:
    article = extract(
        _row(
            title="Budget 2025",
            text=BODY,
            url="https://www.example.fr/eco/budget?utm_source=rss#top",
            source="Les Échos",
            date="2024-10-10T08:30:00+02:00",
            tags="Budget; Économie",
            author="Anne Martin et Paul Roy",
        ),
        settings,
    )
    assert article.title == "Budget 2025"
    assert article.canonical_url == "https://www.example.fr/eco/budget"
    assert article.outlet == "Les Échos"
    assert article.tags == ("Budget", "Économie")
    assert article.authors == ("Anne Martin", "Paul Roy")
    assert article.published is not None
    assert article.published.precision is DatePrecision.MINUTE
    assert article.language == "fr"


def test_row_without_title_gets_derived_title(settings: Settings) -> None:
    article = extract(_row(text=BODY), settings)
    assert article.title_derived
    assert article.title == BODY.split(". ", maxsplit=1)[0]


def test_row_without_body_says_which_fields(settings: Settings) -> None:
    with pytest.raises(ExtractionError, match="no body text") as info:
        extract(_row(title="Seulement un titre"), settings)
    assert info.value.where == "rows.jsonl:3"


@pytest.mark.parametrize(
    ("text", "iso", "precision"),
    [
        ("2025", "2025", DatePrecision.YEAR),
        ("2025-02", "2025-02", DatePrecision.MONTH),
        ("2025-02-11", "2025-02-11", DatePrecision.DAY),
        ("2025-02-11T10:30:00Z", "2025-02-11T10:30+00:00", DatePrecision.MINUTE),
        ("Tue, 11 Feb 2025 10:30:00 +0100", "2025-02-11T10:30+01:00", DatePrecision.MINUTE),
        ("11 février 2025", "2025-02-11", DatePrecision.DAY),
        ("1er mars 2025 à 10h30", "2025-03-01T10:30", DatePrecision.MINUTE),
        ("Publié le 3 août 2019", "2019-08-03", DatePrecision.DAY),
        ("février 2025", "2025-02", DatePrecision.MONTH),
        ("Feb. 11, 2025", "2025-02-11", DatePrecision.DAY),
        ("October 19, 2021", "2021-10-19", DatePrecision.DAY),
    ],
)
def test_parse_date(text: str, iso: str, precision: DatePrecision) -> None:
    parsed = parse_date(text)
    assert parsed is not None
    assert parsed.iso() == iso
    assert parsed.precision is precision


@pytest.mark.parametrize("text", ["", "hier", "31 février 2025", "2025-13", "not a date", "99999"])
def test_unreadable_dates_stay_unknown(text: str) -> None:
    assert parse_date(text) is None


def test_timestamp() -> None:
    parsed = parse_date(1739269800)
    assert parsed is not None
    assert parsed.value.replace(tzinfo=None) == datetime(2025, 2, 11, 10, 30)  # noqa: DTZ001
