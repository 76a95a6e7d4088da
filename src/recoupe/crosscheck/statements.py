"""Statements: what an article asserts that can be checked against other outlets.

An article's text (title, lead and body, as ``Article.text``) is cut into sentences (spaCy's rule-based
``sentencizer``; a line never runs into the next, so subheadings and attribution lines stay apart). From the
sentences and the article's enrichment come three kinds of statement:

- **figure**: one per number the article gives (money, percent, count, quantity, date; not relative dates
  like "hier", which only restate the publication date), with the sentence it is in;
- **quote**: one per quote (direct or indirect) with its speaker;
- **claim**: a sentence that names at least one entity or gives a figure: a checkable assertion about the
  story's people, organisations and places. Sentences of fewer than five words, and questions, are left out.

A statement keeps its article, its offsets into ``Article.text``, the entity keys named inside it, and its
figure or quote.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Iterator

    from spacy.language import Language

    from recoupe.model import Article, Enrichment, Figure, Quote

__all__ = ["Statement", "sentences", "statements_of"]

MIN_WORDS = 5
CHECKED_FIGURES = frozenset({"money", "percent", "count", "quantity", "date"})


@dataclass(frozen=True, slots=True)
class Statement:
    """One checkable thing an article says, at ``start:end`` of its text."""

    article_id: str
    outlet: str | None
    language: str | None
    kind: str  # figure | quote | claim
    start: int
    end: int
    text: str
    sentence: tuple[int, int]  # the sentence the statement is in
    entities: frozenset[str] = frozenset()
    figure: Figure | None = None
    quote: Quote | None = None
    figures: tuple[Figure, ...] = field(default=())  # every figure of the sentence (for claims)
    attributed_to: str | None = None  # the source the sentence gives for it ("la préfecture"), as written
    published: str | None = None  # the article's publication date, ISO 8601 at its precision
    when: str | None = None  # the moment the sentence gives ("14:00", "provisional", "final")

    @property
    def key(self) -> tuple[str, str, int, int]:
        return (self.article_id, self.kind, self.start, self.end)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "article_id": self.article_id,
            "outlet": self.outlet,
            "language": self.language,
            "kind": self.kind,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "entities": sorted(self.entities),
            "attributed_to": self.attributed_to,
            "published": self.published,
            "when": self.when,
        }
        if self.figure is not None:
            data["figure"] = self.figure.to_dict()
        if self.quote is not None:
            data["quote"] = self.quote.to_dict()
        return data


@lru_cache(maxsize=4)
def _sentencizer(language: str) -> Language:
    import spacy

    try:
        nlp = spacy.blank(language)
    except (ImportError, KeyError, ValueError):  # a language spaCy has no tokenizer rules for
        nlp = spacy.blank("xx")
    nlp.add_pipe("sentencizer")
    return nlp


def sentences(text: str, language: str | None) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, stripped; lines are never joined."""
    nlp = _sentencizer(language or "xx")
    offset = 0
    for line in text.split("\n"):
        if line.strip():
            for sentence in nlp(line).sents:
                start = offset + sentence.start_char
                end = offset + sentence.end_char
                while start < end and text[start].isspace():
                    start += 1
                while end > start and text[end - 1].isspace():
                    end -= 1
                if end > start:
                    yield start, end
        offset += len(line) + 1


def _inside(span: tuple[int, int], start: int, end: int) -> bool:
    return span[0] <= start and end <= span[1]


def statements_of(article: Article, enrichment: Enrichment | None) -> list[Statement]:
    """The statements of one article, in text order (figures and quotes need its enrichment)."""
    text = article.text
    spans = list(sentences(text, article.language))
    mentions = enrichment.mentions if enrichment else ()
    figures = [f for f in (enrichment.figures if enrichment else ()) if f.kind in CHECKED_FIGURES and not f.relative]
    quotes = enrichment.quotes if enrichment else ()

    def sentence_of(start: int, end: int) -> tuple[int, int]:
        for span in spans:
            if span[0] <= start < span[1]:
                return (span[0], max(span[1], end))
        return (start, end)

    def keys(start: int, end: int) -> frozenset[str]:
        return frozenset(m.key for m in mentions if start <= m.start and m.end <= end)

    def make(kind: str, start: int, end: int, **extra: Any) -> Statement:
        sentence = sentence_of(start, end)
        return Statement(
            article.id,
            article.outlet,
            article.language,
            kind,
            start,
            end,
            text[start:end],
            sentence,
            keys(*sentence),
            **extra,
        )

    found: list[Statement] = []
    found.extend(make("figure", f.start, f.end, figure=f) for f in figures)
    found.extend(make("quote", q.start, q.end, quote=q) for q in quotes)
    for start, end in spans:
        sentence = text[start:end]
        if len(sentence.split()) < MIN_WORDS or sentence.rstrip().endswith("?"):
            continue
        inside = tuple(f for f in figures if _inside((start, end), f.start, f.end))
        if keys(start, end) or inside:
            found.append(make("claim", start, end, figures=inside))
    found.sort(key=lambda s: (s.start, s.kind))
    return found
