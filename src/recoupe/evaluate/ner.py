"""Score entity mentions against HIPE-2022 gold files (coarse literal types), as the HIPE scorer does.

Used by ``bench/enrich_ner.py`` (dev and test files) and ``tests/test_quality_ner.py`` (a slice).

Reading: a HIPE TSV file holds documents (``# hipe2022:document_id`` lines), one token a line with the
IOB tag of ``NE-COARSE-LIT`` in column 2 and flags in column 10. A document's text is its tokens joined
by a space, none after ``NoSpaceAfter``; a line-end hyphenation mark (``¬`` at ``EndOfLine``) is dropped
from the text we analyse, so "ex¬" + "cessif" reads "excessif" (the token keeps its place). The NewsEye
gold often (not always) splits a name hyphenated over two lines into two mentions (B- on the
continuation); ``split_hyphenated=True`` splits ours there too. Off by default: the gold is inconsistent
and splitting lowered every score (test strict F1 0.319 → 0.303).

Our mentions (character spans) become token spans: every token a mention overlaps. Types: our PER, LOC,
ORG map to HIPE's PER, LOC, ORG; MISC has no HIPE counterpart (HumanProd is newspapers and works, which
MISC mostly is not) and is dropped, as the HIPE scorer drops any predicted type the gold file lacks;
HumanProd gold mentions therefore all count as missed.

Scoring follows ``hipe_evaluation/ner_eval.py`` (HIPE-scorer, after SemEval-2013 task 9.1 /
nervaluate), one segment per document (HIPE-2022 files have no segment lines). For each predicted
mention in order: an exact gold match (same tokens, same type) is *correct* in both schemes; otherwise
the first gold mention with the same tokens but another type is *incorrect* in both; otherwise the first
overlapping gold mention not yet overlapped is *correct* under fuzzy when the types agree (*incorrect*
under strict), *incorrect* in both when they differ; a prediction overlapping nothing is *spurious*;
gold mentions never overlapped are *missed*. Then precision = correct / (correct + incorrect +
spurious), recall = correct / (correct + incorrect + missed), micro-averaged over all documents.
Strict is the scorer's ``strict`` scheme, fuzzy its ``ent_type`` scheme.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

__all__ = [
    "HIPE_TYPES",
    "Counts",
    "HipeDocument",
    "NerScores",
    "Span",
    "document_text",
    "hyphen_breaks",
    "read_hipe",
    "score_document",
    "score_documents",
    "to_token_spans",
]

#: our label → HIPE coarse type (labels not here are not scored)
HIPE_TYPES = {"PER": "PER", "LOC": "LOC", "ORG": "ORG"}


@dataclass(frozen=True, slots=True)
class Span:
    """A mention as token indices (``end`` inclusive, like the HIPE scorer) with its type."""

    type: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class HipeDocument:
    """One HIPE document: tokens, their flags, and the gold coarse mentions."""

    id: str
    tokens: tuple[str, ...]
    no_space_after: tuple[bool, ...]
    end_of_line: tuple[bool, ...]
    gold: tuple[Span, ...]


def _spans_from_tags(tags: list[str]) -> list[Span]:
    spans: list[Span] = []
    kind: str | None = None
    start = 0
    for index, tag in enumerate([*tags, "O"]):
        tag = tag.upper()  # noqa: PLW2901 - the scorer upper-cases every tag
        inside = tag not in {"O", "_", "-", ""}
        label = tag[2:] if inside else None
        if kind is not None and (not inside or label != kind or tag.startswith("B-")):
            spans.append(Span(kind, start, index - 1))
            kind = None
        if inside and kind is None:
            kind, start = label, index
    return spans


def read_hipe(path: Path) -> list[HipeDocument]:
    """The documents of a HIPE-2022 TSV file."""
    documents: list[HipeDocument] = []
    current: dict[str, list[str] | list[bool]] | None = None
    doc_id = ""

    def close() -> None:
        if current and current["tokens"]:
            tags = [str(t) for t in current["tags"]]
            documents.append(
                HipeDocument(
                    doc_id,
                    tuple(str(t) for t in current["tokens"]),
                    tuple(bool(x) for x in current["nsa"]),
                    tuple(bool(x) for x in current["eol"]),
                    tuple(_spans_from_tags(tags)),
                )
            )

    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# hipe2022:document_id"):
            close()
            doc_id = line.split("=", 1)[1].strip()
            current = {"tokens": [], "tags": [], "nsa": [], "eol": []}
            continue
        if not line.strip() or line.startswith(("#", "TOKEN\t")) or current is None:
            continue
        columns = line.split("\t")
        flags = columns[9].split("|") if len(columns) > 9 else []
        current["tokens"].append(columns[0])  # type: ignore[arg-type]
        current["tags"].append(columns[1] if len(columns) > 1 else "O")  # type: ignore[arg-type]
        current["nsa"].append("NoSpaceAfter" in flags)  # type: ignore[arg-type]
        current["eol"].append("EndOfLine" in flags)  # type: ignore[arg-type]
    close()
    return documents


def document_text(document: HipeDocument) -> tuple[str, list[tuple[int, int]]]:
    """The document's text and each token's character span in it."""
    parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    position = 0
    for token, no_space, eol in zip(document.tokens, document.no_space_after, document.end_of_line, strict=True):
        shown = token[:-1] if eol and token.endswith("¬") and len(token) > 1 else token
        offsets.append((position, position + len(shown)))
        parts.append(shown)
        position += len(shown)
        if not no_space:
            parts.append(" ")
            position += 1
    return "".join(parts), offsets


def to_token_spans(
    mentions: Iterable[tuple[int, int, str]],
    offsets: list[tuple[int, int]],
    hyphen_breaks: Iterable[int] = (),
) -> list[Span]:
    """Character mentions ``(start, end, our label)`` → token spans with HIPE types (unscored labels dropped).

    ``hyphen_breaks``: indices of tokens ending a line with a hyphenation mark; a mention running over
    one is split there, as the NewsEye gold does ("Constan¬" B-LOC, "tinople" B-LOC).
    """
    breaks = set(hyphen_breaks)
    spans = []
    for start, end, label in mentions:
        kind = HIPE_TYPES.get(label)
        if kind is None:
            continue
        covered = [i for i, (a, b) in enumerate(offsets) if a < end and start < b and b > a]
        if not covered:
            continue
        first = covered[0]
        for index in covered:
            if index in breaks and index != covered[-1]:
                spans.append(Span(kind, first, index))
                first = index + 1
        spans.append(Span(kind, first, covered[-1]))
    return spans


def hyphen_breaks(document: HipeDocument) -> list[int]:
    """Tokens that end a line with a hyphenation mark (``¬``)."""
    return [
        i
        for i, (t, eol) in enumerate(zip(document.tokens, document.end_of_line, strict=True))
        if eol and t.endswith("¬")
    ]


@dataclass(slots=True)
class Counts:
    """Correct, incorrect, spurious, missed for one scheme."""

    correct: int = 0
    incorrect: int = 0
    spurious: int = 0
    missed: int = 0

    def add(self, other: Counts) -> None:
        self.correct += other.correct
        self.incorrect += other.incorrect
        self.spurious += other.spurious
        self.missed += other.missed

    @property
    def precision(self) -> float:
        actual = self.correct + self.incorrect + self.spurious
        return self.correct / actual if actual else 0.0

    @property
    def recall(self) -> float:
        possible = self.correct + self.incorrect + self.missed
        return self.correct / possible if possible else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class NerScores:
    """Strict and fuzzy counts, overall and per gold type."""

    strict: Counts = field(default_factory=Counts)
    fuzzy: Counts = field(default_factory=Counts)
    per_type: dict[str, tuple[Counts, Counts]] = field(default_factory=dict)

    def _typed(self, kind: str) -> tuple[Counts, Counts]:
        return self.per_type.setdefault(kind, (Counts(), Counts()))

    def add(self, other: NerScores) -> None:
        self.strict.add(other.strict)
        self.fuzzy.add(other.fuzzy)
        for kind, (strict, fuzzy) in other.per_type.items():
            mine = self._typed(kind)
            mine[0].add(strict)
            mine[1].add(fuzzy)


def score_document(gold: Iterable[Span], predicted: Iterable[Span], tags: set[str] | None = None) -> NerScores:
    """HIPE-scorer counts for one segment (see the module docstring). ``tags``: the types scored
    (default: the gold's); predictions of other types are ignored, as the scorer does."""
    gold = list(gold)
    tags = tags if tags is not None else {g.type for g in gold}
    gold = [g for g in gold if g.type in tags]
    scores = NerScores()
    overlapped: list[Span] = []

    def count(kind: str, strict: str, fuzzy: str) -> None:
        for counts, outcome in zip((scores.strict, scores.fuzzy), (strict, fuzzy), strict=True):
            setattr(counts, outcome, getattr(counts, outcome) + 1)
        for counts, outcome in zip(scores._typed(kind), (strict, fuzzy), strict=True):
            setattr(counts, outcome, getattr(counts, outcome) + 1)

    for pred in (p for p in predicted if p.type in tags):
        exact = next((g for g in gold if g == pred), None)
        if exact is not None:
            overlapped.append(exact)
            count(exact.type, "correct", "correct")
            continue
        for true in gold:
            if true.start == pred.start and true.end == pred.end:
                overlapped.append(true)
                count(true.type, "incorrect", "incorrect")
                break
            if true.start <= pred.end and pred.start <= true.end and true not in overlapped:
                overlapped.append(true)
                count(true.type, "incorrect", "correct" if true.type == pred.type else "incorrect")
                break
        else:
            count(pred.type, "spurious", "spurious")
    for true in gold:
        if true not in overlapped:
            count(true.type, "missed", "missed")
    return scores


def score_documents(
    documents: Iterable[HipeDocument],
    predict: Callable[[str], Iterable[tuple[int, int, str]]],
    tags: set[str] | None = None,
    *,
    split_hyphenated: bool = False,
) -> NerScores:
    """Micro-averaged scores of ``predict`` (text → character mentions) over ``documents``.

    ``tags`` defaults to every gold type of the documents, as the HIPE scorer takes the file's types.
    ``split_hyphenated``: split predictions at line-end hyphenation as the gold does (see ``to_token_spans``).
    """
    documents = list(documents)
    tags = tags if tags is not None else {g.type for d in documents for g in d.gold}
    total = NerScores()
    for document in documents:
        text, offsets = document_text(document)
        breaks = hyphen_breaks(document) if split_hyphenated else []
        total.add(score_document(document.gold, to_token_spans(predict(text), offsets, breaks), tags))
    return total
