"""The objects that flow through recoupe, frozen and slotted.

``Record`` is raw input with its provenance (where it came from, down to the line or byte offset).
``extract`` turns a record into an ``Article``. Later stages add entities, quotes, figures and stories,
always by building new objects, never by mutating these.

Every object has ``to_dict`` / ``from_dict`` for the wire (JSON output, the REST API, exports).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field, fields, replace
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import numpy as np
    from numpy.typing import NDArray

__all__ = [
    "Article",
    "DatePrecision",
    "EmbeddingRow",
    "Enrichment",
    "EnrichmentLevel",
    "EntityRef",
    "EntityStat",
    "Failure",
    "FetchState",
    "Figure",
    "IngestOutcome",
    "Mention",
    "Provenance",
    "PublishedDate",
    "Quote",
    "QuoteHit",
    "Record",
    "Revision",
    "SearchHit",
    "StoryMember",
    "StoryRow",
    "article_id_for",
    "content_hash",
    "normalize_text",
]


class DatePrecision(StrEnum):
    """How much of a publication date is known."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"
    MINUTE = "minute"


@dataclass(frozen=True, slots=True)
class PublishedDate:
    """A publication date with the precision it was given at.

    ``value`` is the first instant of the period (2025-02 with month precision is 2025-02-01 00:00).
    ``tz`` is the UTC offset or zone name when the source said it, else ``None`` (then ``value`` is naive).
    """

    value: datetime
    precision: DatePrecision
    tz: str | None = None

    def iso(self) -> str:
        """ISO 8601 text cut at the known precision: ``2025``, ``2025-02``, ``2025-02-11``, or a full time."""
        if self.precision is DatePrecision.YEAR:
            return f"{self.value.year:04d}"
        if self.precision is DatePrecision.MONTH:
            return f"{self.value.year:04d}-{self.value.month:02d}"
        if self.precision is DatePrecision.DAY:
            return self.value.date().isoformat()
        return self.value.isoformat(timespec="minutes")

    def sort_key(self) -> str:
        """A string that sorts chronologically whatever the precision (UTC when the offset is known)."""
        value = self.value.astimezone(UTC).replace(tzinfo=None) if self.value.tzinfo else self.value
        return value.isoformat(timespec="seconds")

    @classmethod
    def from_date(cls, day: date) -> PublishedDate:
        return cls(datetime(day.year, day.month, day.day), DatePrecision.DAY)  # noqa: DTZ001 - zone unknown

    def to_dict(self) -> dict[str, Any]:
        return {"value": self.value.isoformat(), "precision": self.precision.value, "tz": self.tz}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> PublishedDate:
        return cls(datetime.fromisoformat(data["value"]), DatePrecision(data["precision"]), data.get("tz"))


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a record came from: a file with its line or byte offset, or a URL with its fetch time."""

    source: str
    kind: str
    line: int | None = None
    offset: int | None = None
    fetched_at: datetime | None = None
    encoding: str | None = None

    def where(self) -> str:
        """Human-readable location: ``path:line`` or ``path@offset`` or the bare source."""
        if self.line is not None:
            return f"{self.source}:{self.line}"
        if self.offset is not None:
            return f"{self.source}@{self.offset}"
        return self.source

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        if self.fetched_at is not None:
            data["fetched_at"] = self.fetched_at.isoformat()
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Provenance:
        values = dict(data)
        if values.get("fetched_at"):
            values["fetched_at"] = datetime.fromisoformat(values["fetched_at"])
        return cls(**values)


@dataclass(frozen=True, slots=True)
class Record:
    """Raw input before extraction.

    ``text`` holds decoded text (plain-text records), ``data`` raw bytes (HTML, decoded by the extractor),
    ``fields`` already-structured values (a JSONL or CSV row after field mapping). ``kind`` names the
    extractor that reads it: ``text``, ``html`` or ``fields``.
    """

    kind: str
    provenance: Provenance
    text: str | None = None
    data: bytes | None = None
    fields: dict[str, Any] = field(default_factory=dict)
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be read, with the reason. The run reports it and goes on."""

    provenance: Provenance
    reason: str
    error: str = "InputError"

    def to_dict(self) -> dict[str, Any]:
        return {"where": self.provenance.where(), "reason": self.reason, "error": self.error}


class IngestOutcome(StrEnum):
    """What storing an article did."""

    NEW = "new"
    UPDATED = "updated"
    UNCHANGED = "unchanged"


_SPACES = re.compile(r"\s+")


def normalize_text(text: str) -> str:
    """NFC, unified apostrophes and quotes, whitespace collapsed: the form hashes are computed on."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\u2019", "'").replace("\u00a0", " ").replace("\u202f", " ")
    return _SPACES.sub(" ", text).strip()


def content_hash(title: str, body: str) -> str:
    """SHA-256 of the normalised title and body, case-folded: equal texts hash equal whatever their layout."""
    payload = normalize_text(title).casefold() + "\n" + normalize_text(body).casefold()
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def article_id_for(canonical_url: str | None, digest: str) -> str:
    """Stable article id: from the canonical URL when known (revisions keep the id), else from the content."""
    basis = ("url:" + canonical_url) if canonical_url else ("hash:" + digest)
    return hashlib.sha256(basis.encode("utf-8")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Article:
    """A news article with clean text and metadata.

    ``title_derived`` is true when the source gave no title and it was taken from the first sentence.
    ``outlet`` is the publishing source's name (site name, aggregator-given source), ``None`` when unknown.
    """

    id: str
    title: str
    body: str
    content_hash: str
    provenance: Provenance
    lead: str = ""
    title_derived: bool = False
    url: str | None = None
    canonical_url: str | None = None
    outlet: str | None = None
    published: PublishedDate | None = None
    language: str | None = None
    tags: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    section: str | None = None

    @classmethod
    def build(
        cls,
        *,
        title: str,
        body: str,
        provenance: Provenance,
        canonical_url: str | None = None,
        **extra: Any,
    ) -> Article:
        """Make an article, computing its content hash and id."""
        digest = content_hash(title, body)
        return cls(
            id=article_id_for(canonical_url, digest),
            title=title,
            body=body,
            content_hash=digest,
            provenance=provenance,
            canonical_url=canonical_url,
            **extra,
        )

    def with_changes(self, **changes: Any) -> Article:
        """A copy with some fields changed; id and hash are recomputed when text or URL change."""
        updated = replace(self, **changes)
        digest = content_hash(updated.title, updated.body)
        return replace(updated, content_hash=digest, id=article_id_for(updated.canonical_url, digest))

    @property
    def text(self) -> str:
        """Title, lead and body joined: what full-text search and later stages read."""
        return "\n\n".join(part for part in (self.title, self.lead, self.body) if part)

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        data["published"] = self.published.to_dict() if self.published else None
        data["provenance"] = self.provenance.to_dict()
        data["tags"] = list(self.tags)
        data["authors"] = list(self.authors)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Article:
        values = dict(data)
        values["published"] = PublishedDate.from_dict(data["published"]) if data.get("published") else None
        values["provenance"] = Provenance.from_dict(data["provenance"])
        values["tags"] = tuple(data.get("tags") or ())
        values["authors"] = tuple(data.get("authors") or ())
        return cls(**values)


# --- enrichment: what an article names, quotes and counts -------------------------------------------
#
# Offsets (``start``/``end``, Python ``str`` indices, end exclusive) are into ``Article.text``: the title,
# lead and body joined by blank lines. An article with no title and no lead has offsets into its body.


class EnrichmentLevel(StrEnum):
    """How much enrichment an article got: ``full`` (French, English), ``partial`` (other languages:
    keywords and summary only), ``none`` (language unknown or text empty)."""

    FULL = "full"
    PARTIAL = "partial"
    NONE = "none"


@dataclass(frozen=True, slots=True)
class Mention:
    """A named entity as written at ``start:end``, with the entity it refers to in this article.

    ``label`` is ``PER``, ``ORG``, ``LOC`` or ``MISC``. ``canonical`` is the fullest name the article gives
    for that entity ("Musk" and "M. Musk" → "Elon Musk"); ``key`` folds case, accents, titles and
    particles so the same entity gets the same key in every article.
    """

    start: int
    end: int
    text: str
    label: str
    canonical: str
    key: str

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class EntityRef:
    """One entity of an article: its canonical name, label, the forms used for it, and roles given to it
    by appositions ("Bret Taylor, président d'OpenAI" → role "président d'OpenAI")."""

    key: str
    canonical: str
    label: str
    aliases: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    mentions: int = 0

    def to_dict(self) -> dict[str, Any]:
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        data["aliases"], data["roles"] = list(self.aliases), list(self.roles)
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EntityRef:
        return cls(**{**data, "aliases": tuple(data.get("aliases") or ()), "roles": tuple(data.get("roles") or ())})


@dataclass(frozen=True, slots=True)
class Quote:
    """Reported speech: ``direct`` (between quotation marks, span without the marks) or ``indirect``.

    ``speaker`` is the fullest name (or, for an unnamed speaker, the description) the article gives;
    ``speaker_key`` the entity key when the speaker is a known entity; ``speaker_start``/``speaker_end``
    the mention nearest the quote that names or refers to the speaker (a pronoun included); ``cue`` the
    reporting verb group or cue word as written ("a déclaré", "selon"), with its offsets.
    ``speaker_kind`` is ``PER``, ``ORG`` or ``MEDIA`` (a news outlet as source) when known; ``unresolved``
    is true when the speaker is a description (or pronoun) that names nobody the article names ("un
    magistrat", "la préfecture"): the description as written, never a fragment of the text.
    """

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None = None
    speaker_key: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    cue: str | None = None
    cue_start: int | None = None
    role: str | None = None
    speaker_kind: str | None = None
    unresolved: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class Figure:
    """A number the article gives, normalised.

    ``kind``: ``money`` (value in units of ``unit``, an ISO 4217 code), ``percent`` (unit ``%``), ``count``
    (unit = the counted noun, singular), ``quantity`` (unit ``km``, ``an`` for ages and durations, …) or
    ``date`` (``value`` an ISO 8601 string: ``YYYY``, ``YYYY-MM``, ``YYYY-MM-DD``, ``--MM-DD`` when no year
    is written, ``YYYY-Www`` for "la semaine dernière"; ``relative`` when it was resolved from "hier",
    "mardi dernier" … against the publication date). ``about`` says what
    the figure measures when the sentence says it ("offre", "valorisation", "levée de fonds").
    """

    start: int
    end: int
    text: str
    kind: str
    value: float | str | None
    unit: str | None = None
    about: str | None = None
    relative: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}


@dataclass(frozen=True, slots=True)
class Enrichment:
    """Everything ``enrich`` found in one article."""

    article_id: str
    language: str | None
    level: EnrichmentLevel
    mentions: tuple[Mention, ...] = ()
    entities: tuple[EntityRef, ...] = ()
    quotes: tuple[Quote, ...] = ()
    figures: tuple[Figure, ...] = ()
    keywords: tuple[str, ...] = ()
    summary: str = ""
    notes: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "language": self.language,
            "level": self.level.value,
            "mentions": [m.to_dict() for m in self.mentions],
            "entities": [e.to_dict() for e in self.entities],
            "quotes": [q.to_dict() for q in self.quotes],
            "figures": [f.to_dict() for f in self.figures],
            "keywords": list(self.keywords),
            "summary": self.summary,
            "notes": list(self.notes),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Enrichment:
        return cls(
            article_id=data["article_id"],
            language=data.get("language"),
            level=EnrichmentLevel(data["level"]),
            mentions=tuple(Mention(**m) for m in data.get("mentions", ())),
            entities=tuple(EntityRef.from_dict(e) for e in data.get("entities", ())),
            quotes=tuple(Quote(**q) for q in data.get("quotes", ())),
            figures=tuple(Figure(**f) for f in data.get("figures", ())),
            keywords=tuple(data.get("keywords", ())),
            summary=data.get("summary", ""),
            notes=tuple(data.get("notes", ())),
        )


# -- what the store gives back (plain data: stages and faces read these, never table rows) -----------


@dataclass(frozen=True, slots=True)
class FetchState:
    """The last fetch of a URL: its validators (``ETag``, ``Last-Modified``), when, and the HTTP status."""

    url: str
    etag: str | None
    last_modified: str | None
    fetched_at: datetime
    status: int


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: the article, its relevance (higher is better) and a highlighted snippet.

    ``highlights`` are ``(start, end)`` character spans of the matched terms inside ``snippet``.
    """

    article: Article
    score: float
    snippet: str
    highlights: tuple[tuple[int, int], ...]


@dataclass(frozen=True, slots=True)
class Revision:
    """An earlier version of an article, stored at ``stored_at`` and replaced at ``replaced_at``."""

    article: Article
    revision: int
    stored_at: datetime
    replaced_at: datetime


@dataclass(frozen=True, slots=True)
class EntityStat:
    """A corpus entity with how many articles mention it and how many quotes it is given."""

    key: str
    canonical: str
    label: str
    aliases: tuple[str, ...]
    roles: tuple[str, ...]
    articles: int
    quotes: int

    def to_dict(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "canonical": self.canonical,
            "label": self.label,
            "aliases": list(self.aliases),
            "roles": list(self.roles),
            "articles": self.articles,
            "quotes": self.quotes,
        }


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """A stored quote with the article it comes from."""

    quote: Quote
    article_id: str
    title: str
    outlet: str | None

    def to_dict(self) -> dict[str, Any]:
        return {**self.quote.to_dict(), "article_id": self.article_id, "title": self.title, "outlet": self.outlet}


@dataclass(frozen=True, slots=True)
class EmbeddingRow:
    """An article's embedding as stored: the model, the hash of the embedded text, the vector and its days."""

    article_id: str
    model: str
    text_hash: str
    vector: NDArray[np.float32]
    days: tuple[int, int] | None

    @property
    def day(self) -> int | None:
        """The day the vector index files it under: ``None`` unless the date is known to the day."""
        return self.days[0] if self.days and self.days[0] == self.days[1] else None


@dataclass(frozen=True, slots=True)
class StoryMember:
    """What story assignment reads about one article."""

    id: str
    title: str
    outlet: str | None
    language: str | None
    order: str  # published_sort, or "~" (after every date) when undated
    days: tuple[int, int] | None
    vector: NDArray[np.float32]
    entities: frozenset[str]
    url: str | None = None
    head: str = ""  # the lead and the start of the body: genre and agency stamps are read there
    tail: str = ""  # the end of the body: where sites print an agency's footer


@dataclass(frozen=True, slots=True)
class StoryRow:
    """A story's stored summary row."""

    id: str
    title: str
    title_article: str
    articles: int
    outlets: int
    independent: int
    languages: tuple[str, ...]
    first_seen: str | None
    last_seen: str | None
    created_at: datetime
    updated_at: datetime

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "title_article": self.title_article,
            "articles": self.articles,
            "outlets": self.outlets,
            "independent_outlets": self.independent,
            "languages": list(self.languages),
            "first_seen": self.first_seen,
            "last_seen": self.last_seen,
            "created_at": self.created_at.isoformat(),
            "updated_at": self.updated_at.isoformat(),
        }
