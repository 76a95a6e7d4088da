"""Enrich: ``Article`` → ``Enrichment`` (entities, quotes with speakers, figures, keywords, summary).

French and English articles get full enrichment through spaCy (``nlp.NlpModels``); articles in other
languages get keywords and an extractive summary and are marked ``partial``; an article whose
language is unknown gets what works without one. Offsets are into ``Article.text``.

``ENRICHER_VERSION`` is stored with each enrichment: raise it when a change to the enrichers should
make recoupe enrich stored articles again.
"""

from __future__ import annotations

from recoupe.enrich.entities import entity_refs, find_mentions
from recoupe.enrich.figures import extract_figures
from recoupe.enrich.keywords import extract_keywords
from recoupe.enrich.nlp import NlpModels
from recoupe.enrich.quotes import extract_quotes
from recoupe.enrich.summary import lead_summary
from recoupe.model import Article, Enrichment, EnrichmentLevel

__all__ = ["ENRICHER_VERSION", "NlpModels", "enrich"]

ENRICHER_VERSION = 12  # 2: French titles as roles, scare quotes as terms, speakers resolved (issues 12, 13); 3:
# speakers resolved by salience, source documents, parse repairs (issue 12, session 11); 4: person names the NER missed,
# former office holders, cue subjects checked against the parse (issue 12, session 12); 5: "un X sur N" before a
# verb the parser tags as a noun, number words of three parts ("soixante-dix-neuf") (issue 11, session 12); 6: a
# count quoted in guillemets keeps its noun ("« plus de 2,8 millions » de manifestants") (issue 11), French
# speakers chosen by the learned ranker (speaker_rank, issue 12) (session 13); 7: more French indirect quotes
# (issue 12, session 13): que-clauses and infinitives read from the parse, "mais que" / "et n'avoir" as second
# quotes, a trailing "comme le rapporte X", "Et selon X,"; 8: "… selon Le Parisien." ending a sentence, a que
# after a relative clause ("rappelle aux habitants qui … que"), "Pour <frame>, …, a précisé X" (session 13); 9:
# "il"/"elle" named only later, "l'ancien ministre" not the present holder, ranker refit on eight sets (session 13); 10:
# an earthquake's magnitude is a figure ("magnitude de 5,4") (issue 11, session 13); 11: French speakers (issue 12,
# session 14): no pronoun takes up an outlet, "selon X, Y a insisté pour « … »" is Y's, no cue inside the next quote,
# gender and order checks on descriptions, participles with a later agent are no cues; 12: "le Premier ministre" is not
# another minister, a long description's apposed name speaks, "du rappeur X" names a person, "Répondant au président
# du groupe LR X, il …" is not X's (issue 12, session 15)


def _closed(part: str) -> str:
    part = part.rstrip()
    return part if part[-1:] in {".", "!", "?", "…", "»", '"'} else part + "."


def enrich(article: Article, models: NlpModels) -> Enrichment:
    """Everything recoupe finds in ``article``; never raises for odd text (empty, huge, unpunctuated)."""
    text = article.text
    language = article.language
    if not text.strip():
        return Enrichment(article.id, language, EnrichmentLevel.NONE, notes=("empty text",))
    notes: list[str] = []
    # the title and lead end no sentence in Article.text: close them so no keyword spans two parts
    parts = (article.title, article.lead, article.body)
    keywords = tuple(extract_keywords("\n\n".join(_closed(part) for part in parts if part), language))
    summary = lead_summary(article)
    if not models.supports(language):
        level = EnrichmentLevel.PARTIAL if language else EnrichmentLevel.NONE
        notes.append(f"no entity, quote or figure model for language {language or 'unknown'}")
        return Enrichment(article.id, language, level, keywords=keywords, summary=summary, notes=tuple(notes))
    assert language is not None
    if len(text) > models.max_chars:
        notes.append(f"analysed the first {models.max_chars} of {len(text)} characters")
    doc = models.parse(text, language)
    mentions = find_mentions(doc, language)
    quotes = extract_quotes(doc, mentions, language)
    figures = extract_figures(doc.text, language, article.published, doc)
    if article.title_derived:
        # a derived title repeats the first sentence: its quotes and figures would be counted twice
        title_end = len(article.title)
        quotes = [quote for quote in quotes if quote.start >= title_end]
        figures = [figure for figure in figures if figure.start >= title_end]
    return Enrichment(
        article_id=article.id,
        language=language,
        level=EnrichmentLevel.FULL,
        mentions=tuple(mentions),
        entities=tuple(entity_refs(doc, mentions)),
        quotes=tuple(quotes),
        figures=tuple(figures),
        keywords=keywords,
        summary=summary,
        notes=tuple(notes),
    )
