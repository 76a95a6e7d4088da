"""Realistic French articles for the store tests (sentences from the project's seeds)."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from recoupe.model import Article, DatePrecision, Provenance, PublishedDate

MUSK_TITLE = "Elon Musk : Son Offre de 97,4 Milliards pour OpenAI Rejetée"
MUSK_BODY = (
    "Alors que ChatGPT continue de fasciner le monde, les coulisses de l'intelligence artificielle "
    "s'agitent. Elon Musk, le milliardaire iconoclaste à l'origine de Tesla et SpaceX, vient en effet "
    "d'essuyer un revers avec le rejet de son offre de rachat d'OpenAI à hauteur de 97,4 milliards de "
    "dollars. Un épisode de plus dans la saga mouvementée qui l'oppose à son ancienne création."
)
CLUBIC_TITLE = "OpenAI repousse l'offre d'Elon Musk"
CLUBIC_BODY = (
    "Musk, qui est également le fondateur de Tesla et de xAI, a déclaré vouloir racheter OpenAI pour "
    "revenir aux valeurs de son origine : un organisme à but non lucratif dédié au développement d'une "
    "IA bénéfique pour toute l'humanité. OpenAI a besoin de plusieurs dizaines de milliards de dollars "
    "pour financer ses projets ambitieux, très gourmands en énergie et en puissance de calcul."
)
SUMMIT_TITLE = "Le Sommet pour l'Action sur l'Intelligence Artificielle s'ouvre à Paris"
SUMMIT_BODY = (
    "Cette annonce a provoqué un tremblement de terre dans le monde tech et économique, surtout lors du "
    "Sommet pour l'Action sur l'Intelligence Artificielle à Paris. L'été dernier déjà, la crise du "
    "covid-19 avait montré combien les données de santé comptent."
)


def provenance(source: str = "seeds/000.txt", line: int = 1) -> Provenance:
    return Provenance(source=source, kind="text", line=line)


def article(
    title: str = MUSK_TITLE,
    body: str = MUSK_BODY,
    *,
    url: str | None = None,
    day: date | None = None,
    **extra: Any,
) -> Article:
    """An article; ``url`` is its canonical URL, ``day`` its publication day."""
    published = PublishedDate.from_date(day) if day else extra.pop("published", None)
    return Article.build(
        title=title,
        body=body,
        provenance=extra.pop("provenance", provenance()),
        canonical_url=url,
        url=url,
        published=published,
        **extra,
    )


def make_corpus(count: int) -> list[Article]:
    """``count`` distinct, deterministic articles (half with a canonical URL, varied outlets and dates)."""
    outlets = ("Le Monde", "Clubic", "Libération", "Ouest-France")
    items = []
    for index in range(count):
        day = date(2025, 1 + index % 12, 1 + index % 28)
        items.append(
            Article.build(
                title=f"Dépêche n°{index} : l'IA bénéfique en débat",
                body=f"{CLUBIC_BODY} Mise à jour {index}, rédigée à Paris.",
                provenance=Provenance(source="corpus.jsonl", kind="fields", line=index + 1),
                canonical_url=f"https://exemple.fr/depeche/{index}" if index % 2 == 0 else None,
                outlet=outlets[index % len(outlets)],
                published=PublishedDate(
                    datetime(day.year, day.month, day.day, 8, 30),  # noqa: DTZ001 - a source that gave no zone
                    DatePrecision.MINUTE,
                ),
                language="fr",
                lead="Le point sur le rachat d'OpenAI.",
                tags=("IA", "économie"),
                authors=("Rédaction",),
                section="Tech",
            )
        )
    return items
