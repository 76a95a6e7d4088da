"""extract_html on real OrangeSum pages (checked against their gold JSON and the pages' own metadata)."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path
from typing import Any

import pytest
from lxml import html as lxml_html

from recoupe.config import Settings
from recoupe.errors import ExtractionError, InputError
from recoupe.evaluate.extraction import body_f1, load_gold, norm
from recoupe.extract.html import extract_html
from recoupe.extract.titles import strip_site_name
from recoupe.model import DatePrecision, Provenance, Record

ORANGESUM = Path(__file__).resolve().parent.parent / "fixtures" / "orangesum"

NAV_ONLY_PAGE = b"""<!DOCTYPE html>
<html lang="fr"><head><meta charset="utf-8"><title>Rubrique Politique - Le Quotidien du Soir</title>
<meta property="og:site_name" content="Le Quotidien du Soir"></head>
<body>
<header><a href="/">Le Quotidien du Soir</a>
<nav><ul><li><a href="/politique">Politique</a></li><li><a href="/monde">Monde</a></li>
<li><a href="/economie">Economie</a></li><li><a href="/sport">Sport</a></li></ul></nav></header>
<main><h1>Politique</h1><p><a href="/connexion">Se connecter</a> pour lire la suite.</p></main>
<footer><p>Mentions legales - Contact - Plan du site</p><p>(c) 2020 Le Quotidien du Soir</p></footer>
</body></html>
"""


def html_record(data: bytes, source: str = "page.html", url: str | None = None) -> Record:
    return Record(kind="html", provenance=Provenance(source=source, kind="html"), data=data, url=url)


def orangesum_page(name: str) -> tuple[Record, dict[str, Any]]:
    path = ORANGESUM / "raw" / f"{name}.html"
    return html_record(path.read_bytes(), str(path)), load_gold(ORANGESUM / "parsed" / f"{name}.json")


def page_meta(record: Record, prop: str) -> str:
    """A ``<meta property=...>`` value read straight from the page (lxml, not the extractor)."""
    assert record.data is not None
    values = lxml_html.fromstring(record.data).xpath(f'//meta[@property="{prop}"]/@content')
    return str(values[0])


def test_known_page_matches_gold(settings: Settings) -> None:
    record, gold = orangesum_page("10686")
    article = extract_html(record, settings)

    assert norm(article.title) == norm(gold["title"])
    assert norm(article.lead) == norm(gold["heading"])
    assert body_f1(article.body, gold["article"])[2] >= 0.95
    # the standfirst is the lead, not repeated as the body's first paragraph
    assert not norm(article.body).startswith(norm(gold["heading"]))
    assert norm(article.body).startswith(norm(gold["article"])[:60])
    assert article.published is not None
    assert article.published.value.date().isoformat() == gold["date"]
    # the page gives a time with an offset: minute precision with the zone kept
    assert article.published.precision is DatePrecision.MINUTE
    published_meta = page_meta(record, "article:published_time")  # 2018-10-24T08:50:00+02:00
    assert article.published.value.isoformat(timespec="minutes") == published_meta[:16] + published_meta[19:]
    assert article.published.tz == published_meta[19:]
    assert article.published.value.utcoffset() == timedelta(hours=2)
    assert article.canonical_url == page_meta(record, "og:url")
    assert article.outlet == page_meta(record, "og:site_name")
    assert article.authors == (page_meta(record, "article:author"),)
    assert article.section == page_meta(record, "article:section")
    assert page_meta(record, "article:section") in article.tags
    assert article.language == "fr"
    assert article.provenance is record.provenance
    assert not article.title_derived


def test_seo_suffix_is_not_copied_into_the_title(settings: Settings) -> None:
    # the gold title is the page's <title>, which ends with " : actualité automobile, infos, scoop"
    record, gold = orangesum_page("32647")
    article = extract_html(record, settings)
    headline, suffix = gold["title"].rsplit(" : ", 1)
    assert "automobile" in suffix
    assert norm(article.title) == norm(headline)


def test_no_article_page_is_refused_with_a_reason(settings: Settings) -> None:
    record = html_record(NAV_ONLY_PAGE, "nav-only.html")
    with pytest.raises(ExtractionError) as caught:
        extract_html(record, settings)
    assert caught.value.where == "nav-only.html"
    assert "no article text found" in caught.value.message
    assert re.search(r"\d+ words", caught.value.message)


@pytest.mark.parametrize("data", [b"", b"   \n\t  ", b"\n\n"])
def test_empty_page_is_refused(settings: Settings, data: bytes) -> None:
    with pytest.raises(ExtractionError, match="empty page") as caught:
        extract_html(html_record(data, "blank.html"), settings)
    assert caught.value.where == "blank.html"


def test_short_body_is_refused_at_min_body_chars(settings: Settings) -> None:
    record, gold = orangesum_page("10686")
    strict = Settings(db=settings.db, min_body_chars=len(gold["article"]) * 3)
    with pytest.raises(ExtractionError, match=f"at least {strict.min_body_chars} needed"):
        extract_html(record, strict)


def test_oversized_page_is_an_input_error(settings: Settings) -> None:
    record, _ = orangesum_page("10686")
    tiny = Settings(db=settings.db, max_file_mb=0.001)
    with pytest.raises(InputError, match="too large"):
        extract_html(record, tiny)


def _as_cp1252(data: bytes, declared: str) -> bytes:
    text = data.decode("utf-8").replace('<meta charset="utf-8"/>', f'<meta charset="{declared}"/>')
    return text.encode("cp1252", errors="xmlcharrefreplace")


@pytest.mark.parametrize("declared", ["windows-1252", "utf-8"], ids=["declared", "mislabelled"])
def test_non_utf8_page(settings: Settings, declared: str) -> None:
    record, gold = orangesum_page("10686")
    assert record.data is not None
    encoded = _as_cp1252(record.data, declared)
    with pytest.raises(UnicodeDecodeError):
        encoded.decode("utf-8")
    article = extract_html(html_record(encoded, "cp1252.html"), settings)
    assert norm(article.title) == norm(gold["title"])  # "L'Élysée ... appelé ..." with its accents
    assert norm(article.lead) == norm(gold["heading"])
    assert body_f1(article.body, gold["article"])[2] >= 0.95


def test_record_url_is_kept_next_to_the_canonical_one(settings: Settings) -> None:
    record, _ = orangesum_page("10686")
    fetched = html_record(record.data or b"", "fetch", url="https://actu.orange.fr/x?utm_source=feed")
    article = extract_html(fetched, settings)
    assert article.url == "https://actu.orange.fr/x?utm_source=feed"
    assert article.canonical_url == page_meta(record, "og:url")


@pytest.mark.parametrize(
    ("title", "sitename", "expected"),
    [
        ("Le chômage recule - Orange Actualités", "Orange Actualités", "Le chômage recule"),
        ("Le chômage recule | ORANGE ACTUALITES", "Orange Actualités", "Le chômage recule"),
        ("Le Monde.fr - Le chômage recule", "Le Monde", "Le chômage recule"),
        ("Bac 2019 : une réforme contestée", "Orange Actualités", "Bac 2019 : une réforme contestée"),
        ("Allemagne : manifestation - Orange", "Orange Actualités", "Allemagne : manifestation"),
        ("Orange Actualités", "Orange Actualités", "Orange Actualités"),
    ],
)
def test_strip_site_name(title: str, sitename: str, expected: str) -> None:
    assert strip_site_name(title, sitename) == expected


def test_strip_site_name_uses_the_domain() -> None:
    assert strip_site_name("Grève à la SNCF | liberation.fr", None, "www.liberation.fr") == "Grève à la SNCF"
