"""French quotes of a text as the enrichment finds them: what the speaker-rule tests build on."""

from __future__ import annotations

from recoupe.enrich.entities import find_mentions
from recoupe.enrich.nlp import NlpModels
from recoupe.enrich.quotes import extract_quotes
from recoupe.model import Quote

MODELS = NlpModels()


def quotes_of(text: str) -> list[Quote]:
    """The quotes found in a French ``text``, parsed as ingest parses it."""
    doc = MODELS.parse(text, "fr")
    return extract_quotes(doc, find_mentions(doc, "fr"), "fr")


def quote_of(text: str, quoted: str) -> Quote:
    """The first quote found in ``text`` holding ``quoted``."""
    return next(q for q in quotes_of(text) if quoted in q.text)
