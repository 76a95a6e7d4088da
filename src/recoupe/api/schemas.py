"""The REST API's wire shapes: pydantic models at the edge only, so the OpenAPI spec says exactly what users get.

Inside recoupe everything is a frozen dataclass with ``to_dict``; routes hand those dicts to FastAPI,
which validates them against these models (unknown keys are dropped, so nothing leaks that is not
declared here). Dates are ISO 8601 strings at the precision the source gave (``2025``, ``2025-02``,
``2025-02-11`` or a full time). Offsets (``start``/``end``) are Python string indices into the
article's text: its title, lead and body joined by blank lines.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

__all__ = [
    "MAX_INGEST_RECORDS",
    "MAX_INGEST_URLS",
    "ArticleDetail",
    "ArticlePage",
    "ArticleSummary",
    "CrossCheckOut",
    "CrossCheckPending",
    "EntityDetail",
    "EntityOut",
    "EntityPage",
    "ErrorBody",
    "Health",
    "IngestRequest",
    "IngestResult",
    "OutletList",
    "QuotePage",
    "SearchResults",
    "StoryDetail",
    "StoryPage",
]

MAX_INGEST_RECORDS = 1000
MAX_INGEST_URLS = 50

#: a cross-check's verdicts, in display order (``recoupe.crosscheck.verdict.VERDICTS``)
VerdictName = Literal["conflicting", "updated", "differs-by-source", "corroborated", "differing", "single-source"]
RelationName = Literal["conflicting", "updated", "differs-by-source"]


class _Out(BaseModel):
    model_config = ConfigDict(extra="ignore")


# -- errors and health ---------------------------------------------------------------------------------


class ErrorDetail(_Out):
    status: int = Field(description="The HTTP status, repeated.")
    type: str = Field(description="The error's class: NotFoundError, QueryError, ValidationError, HTTPError...")
    message: str


class ErrorBody(_Out):
    """Every error of the API has this shape."""

    error: ErrorDetail


class Health(_Out):
    status: Literal["ok"]
    version: str = Field(description="recoupe's version.")
    schema_version: int = Field(description="The database schema version.")
    articles: int
    stories: int
    ingest_enabled: bool = Field(description="Whether POST /api/ingest accepts a token (an api_token is set).")


# -- articles ------------------------------------------------------------------------------------------


class ArticleSummary(_Out):
    id: str
    title: str
    outlet: str | None
    published: str | None = Field(description="ISO 8601 at the precision the source gave.")
    language: str | None
    url: str | None


class ArticlePage(_Out):
    items: list[ArticleSummary]
    total: int = Field(description="Articles matching the filters, all pages.")
    limit: int
    offset: int
    next: str | None = Field(description="The next page's path and query, null on the last page.")


class MentionOut(_Out):
    start: int
    end: int
    text: str
    label: str
    canonical: str
    key: str


class EntityRefOut(_Out):
    key: str
    canonical: str
    label: str
    aliases: list[str]
    roles: list[str]
    mentions: int


class QuoteOut(_Out):
    start: int
    end: int
    text: str
    kind: str = Field(description="direct or indirect")
    speaker: str | None
    speaker_key: str | None
    speaker_start: int | None
    speaker_end: int | None
    cue: str | None
    cue_start: int | None
    role: str | None
    speaker_kind: str | None = Field(None, description="PER, ORG or MEDIA (a news outlet as source), when known")
    unresolved: bool = Field(
        False, description="the speaker is a description that names nobody the article names ('un magistrat')"
    )


class FigureOut(_Out):
    start: int
    end: int
    text: str
    kind: str = Field(description="money, percent, count, quantity or date")
    value: float | str | None
    unit: str | None
    about: str | None
    relative: bool


class EnrichmentOut(_Out):
    level: str = Field(description="full, partial or none")
    language: str | None
    entities: list[EntityRefOut]
    mentions: list[MentionOut]
    quotes: list[QuoteOut]
    figures: list[FigureOut]
    keywords: list[str]
    summary: str
    notes: list[str]


class CopyMark(_Out):
    id: str = Field(description="The article this one copies.")
    similarity: float


class ArticleDetail(_Out):
    id: str
    title: str
    title_derived: bool = Field(description="True when the source gave no title and it was taken from the text.")
    lead: str
    body: str
    text: str = Field(description="Title, lead and body joined by blank lines: what offsets point into.")
    outlet: str | None
    published: str | None
    published_precision: str | None = Field(description="year, month, day or minute")
    language: str | None
    url: str | None
    canonical_url: str | None
    authors: list[str]
    tags: list[str]
    section: str | None
    content_hash: str
    source_kind: str = Field(description="How it was read: text, html, jsonl, csv, api, url...")
    fetched_at: str | None
    story_id: str | None = Field(description="Its story, null before it is assigned to one.")
    copy_of: CopyMark | None = Field(description="The earlier article of another outlet it copies (a wire copy).")
    enrichment: EnrichmentOut | None = Field(description="Entities, quotes, figures, keywords; null before enrichment.")


class SearchHitOut(ArticleSummary):
    relevance: int = Field(description="The hit's score as a share of the best hit's, in percent (100: the best).")
    score: float = Field(description="The engine's own score, higher is better (not comparable across engines).")
    snippet: str
    highlights: list[list[int]] = Field(description="[start, end] of each matched term inside snippet.")


class SearchResults(_Out):
    query: str
    items: list[SearchHitOut]
    limit: int
    offset: int
    next: str | None


class OutletOut(_Out):
    name: str
    articles: int
    copies: int = Field(description="Articles that are wire copies of an earlier article from another outlet.")
    copy_share: float = Field(description="copies / articles")


class OutletList(_Out):
    items: list[OutletOut]


# -- entities and quotes ---------------------------------------------------------------------------------


class EntityOut(_Out):
    key: str = Field(description="The folded key (case, accents, titles) that identifies the entity.")
    canonical: str
    label: str = Field(description="PER, ORG, LOC or MISC")
    aliases: list[str]
    roles: list[str]
    articles: int
    quotes: int


class EntityPage(_Out):
    items: list[EntityOut]
    limit: int
    offset: int
    next: str | None


class QuoteHitOut(QuoteOut):
    article_id: str
    title: str
    outlet: str | None


class QuotePage(_Out):
    items: list[QuoteHitOut]
    limit: int
    offset: int
    next: str | None


# -- stories ------------------------------------------------------------------------------------------


class StoryOut(_Out):
    id: str
    title: str
    title_article: str = Field(description="The article whose headline is the story's title.")
    articles: int
    outlets: int
    independent_outlets: int = Field(description="Outlets once each wire copy counts for its original's outlet.")
    languages: list[str]
    first_seen: str | None
    last_seen: str | None
    created_at: str
    updated_at: str


class StoryPage(_Out):
    items: list[StoryOut]
    limit: int
    offset: int
    next: str | None


class EntityOfStory(_Out):
    name: str
    label: str
    articles: int = Field(description="The story's articles naming it.")


class WireStamp(_Out):
    agency: str = Field(description="AFP, Reuters, AP, Belga, ATS, Presse Canadienne, dpa, ANSA or EFE.")
    credit: str = Field(description="dispatch: the agency's text; with: the outlet's article written with it.")
    stamp: str
    place: str | None
    stamped_at: str | None = Field(description="The time the stamp gives (the agency's clock), if any.")


class TimelineItem(_Out):
    id: str
    title: str
    outlet: str | None
    published: str | None
    language: str | None
    url: str | None
    copy_of: str | None = Field(description="The article it copies, when it is a wire copy.")
    copy_similarity: float | None
    genre: str = Field(
        default="news", description="news, opinion, analysis, explainer, interview, live or digest (press conventions)."
    )
    wire: WireStamp | None = Field(default=None, description="The agency stamp the article carries, if any.")


class SummarySentence(_Out):
    article_id: str
    sentence: str


class StoryDetail(StoryOut):
    requested_id: str = Field(description="The id asked for: a prefix, or a merged story's id, resolves to id.")
    outlet_names: list[str]
    summary: list[SummarySentence]
    entities: list[EntityOfStory]
    timeline: list[TimelineItem] = Field(description="The story's articles, oldest first, with copy marks.")
    related: list[TimelineItem] = Field(
        default_factory=list, description="Opinion, analysis, explainers, live pages linked to it: not its articles."
    )
    sources: list[str] = Field(
        default_factory=list, description="Independent sources: agencies ('AFP (agency)') and outlets."
    )
    crosscheck: str = Field(description="Path of the story's cross-check.")


class StatementOut(_Out):
    article_id: str
    outlet: str | None
    language: str | None
    kind: str = Field(description="figure, quote, claim or entity")
    start: int
    end: int
    text: str
    entities: list[str]
    figure: FigureOut | None = None
    quote: QuoteOut | None = None
    attributed_to: str | None = Field(
        description='The source the sentence gives for it, as written ("la préfecture"); null if none.'
    )
    published: str | None = Field(description="The article's publication date, ISO 8601 at its precision.")
    when: str | None = Field(
        description='The moment the sentence gives ("14:00", "provisional", "final"); null if none.'
    )


class CopyPair(_Out):
    article_id: str
    copy_of: str


class DetailOut(_Out):
    statement: int = Field(description="Index into statements.")
    article_id: str
    start: int
    end: int
    text: str


class TimelineStepOut(_Out):
    statement: int = Field(description="Index into statements.")
    article_id: str
    published: str | None
    when: str | None
    text: str


class ConflictOut(_Out):
    kind: str
    detail: str
    relation: RelationName = Field(
        description="How to read the pair: conflicting (the outlets disagree), updated (a count given at two "
        "moments, the later replaces the earlier) or differs-by-source (each reports what another source says).",
    )
    a_span: list[int]
    b_span: list[int]
    a_article: str
    b_article: str
    a_statement: int
    b_statement: int


class VerdictOut(_Out):
    kind: str = Field(description="figure, quote, claim or entity")
    verdict: VerdictName
    subject: str
    sources: list[str] = Field(description="The independent sources behind it.")
    statements: list[StatementOut]
    copies: list[CopyPair]
    details: list[DetailOut] = Field(description="What only one source adds to a corroborated statement.")
    conflicts: list[ConflictOut] = Field(description="Each pair with its relation; the verdict is the most severe.")
    timeline: list[TimelineStepOut] = Field(description="updated: the values from the earliest to the latest.")
    score: float = Field(description="How central the statement is to the story, 0 to 1 (orders single-source rows).")


class CrossCheckArticle(_Out):
    id: str
    outlet: str | None
    title: str
    language: str | None
    copy_of: str | None
    source: str = Field(description="The independent source it counts for.")


class CrossCheckOut(_Out):
    story_id: str
    signature: str
    computed_at: str
    counts: dict[str, int] = Field(description="Verdicts of each kind, before any verdict filter.")
    articles: list[CrossCheckArticle]
    verdicts: list[VerdictOut]


class CrossCheckPending(_Out):
    """A cross-check not computed yet (``202 Accepted``): it is being computed in the background."""

    status: Literal["computing"]
    story_id: str = Field(description="The story's own id (whatever id or prefix was asked for).")
    poll: str = Field(description="Where to ask again (also the `Location` header), with the same query.")
    retry_after: int = Field(description="Seconds to wait before asking again (also the `Retry-After` header).")
    message: str


class EntityDetail(EntityOut):
    stories: list[StoryOut] = Field(description="Stories naming it, oldest first.")
    quotes_given: list[QuoteHitOut] = Field(description="What it is quoted as saying, newest articles first.")


# -- ingest ---------------------------------------------------------------------------------------------


class IngestRequest(BaseModel):
    """One of ``records``, ``urls`` or ``feed``."""

    model_config = ConfigDict(extra="forbid")

    records: list[Any] | None = Field(
        None,
        max_length=MAX_INGEST_RECORDS,
        description="Objects like JSONL records: title, text/body, date, url, outlet, tags, author, language...",
    )
    urls: list[str] | None = Field(None, max_length=MAX_INGEST_URLS, description="http(s) pages to fetch.")
    feed: str | None = Field(None, max_length=2000, description="An RSS/Atom feed: each entry's page is fetched.")
    outlet: str | None = Field(None, max_length=200, description="Outlet for articles whose source does not say.")


class IngestFailure(_Out):
    where: str = Field(description="records[i], a URL, or the feed.")
    reason: str
    error: str


class IngestStories(_Out):
    embedded: int
    reused_vectors: int
    copies: int
    assigned: int
    stories_updated: int
    merged: int


class IngestResult(_Out):
    new: int
    updated: int
    unchanged: int
    enriched: int
    failed: int
    failures: list[IngestFailure]
    article_ids: list[str]
    stories: IngestStories | None
