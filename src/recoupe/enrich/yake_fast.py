"""YAKE 0.7.3's hot loops, the same arithmetic in fewer Python steps: the same keywords and scores, less CPU.

YAKE builds, for every word of a text, its term, its co-occurrence edges and every 1- to 3-word candidate
phrase ending at it; then it scores each term from its co-occurrence graph and the median sentence of its
occurrences. In 0.7.3 each step goes through ``networkx`` views, ``numpy.median`` on a few integers and a new
``ComposedWord`` per phrase occurrence (88,000 for 100 OrangeSum pages): about 3.3 CPU-s per 100 pages, 10 % of
the whole French ingest. ``install`` replaces four methods with versions that read the graph's adjacency dicts
directly, take the median of the sentence numbers in plain Python (the same float: the middle value, or the
mean of the two middle ones) and build a ``ComposedWord`` only for a phrase not seen before (a phrase seen again
only adds its tag sequence and one to its count, as ``add_or_update_composedword`` does). Every state YAKE keeps
is the same, in the same order, so its scores and ranking are: ``tests/enrich/test_yake_fast.py`` compares
every keyword and score with the unpatched library. Another YAKE version is left as it is.
"""

from __future__ import annotations

import math
from importlib.metadata import PackageNotFoundError, version
from typing import Any

__all__ = ["install"]

#: the YAKE release whose internals these replacements mirror
VERSION = "0.7.3"

_installed: list[bool] = []
#: the library's own methods that ``install`` replaced, by (class, name)
SHIPPED: dict[tuple[type, str], Any] = {}


def _median(values: list[int]) -> float:
    """``numpy.median`` of a few integers, as the same float."""
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2


def _graph_metrics(self: Any) -> dict[str, float]:
    """``SingleWord.get_graph_metrics``: edges counted and summed from the adjacency dicts, in the same order."""
    cached = self._graph_metrics_cache
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    out_edges = self.g._succ[self.id]
    in_edges = self.g._pred[self.id]
    wdr = len(out_edges)
    wir = sum(data["tf"] for data in out_edges.values())
    wdl = len(in_edges)
    wil = sum(data["tf"] for data in in_edges.values())
    self._graph_metrics_cache = {
        "wdr": wdr,
        "wir": wir,
        "pwr": 0 if wir == 0 else wdr / wir,
        "wdl": wdl,
        "wil": wil,
        "pwl": 0 if wil == 0 else wdl / wil,
    }
    return self._graph_metrics_cache  # type: ignore[no-any-return]


def _update_h(self: Any, stats: dict[str, Any], features: list[str] | None = None) -> None:
    """``SingleWord.update_h`` with the median sentence taken by ``_median``."""
    max_tf = stats["max_tf"]
    graph = self.get_graph_metrics()
    data = self.data
    tf = data["tf"]
    if features is None or "wrel" in features:
        data["pl"] = graph["wdl"] / max_tf
        data["pr"] = graph["wdr"] / max_tf
        data["wrel"] = (0.5 + (graph["pwl"] * (tf / max_tf))) + (0.5 + (graph["pwr"] * (tf / max_tf)))
    if features is None or "wfreq" in features:
        data["wfreq"] = tf / (stats["avg_tf"] + stats["std_tf"])
    if features is None or "wspread" in features:
        data["wspread"] = len(data["occurs"]) / stats["number_of_sentences"]
    if features is None or "wcase" in features:
        data["wcase"] = max(data["tf_a"], data["tf_n"]) / (1.0 + math.log(tf))
    if features is None or "wpos" in features:
        data["wpos"] = math.log(math.log(3.0 + _median(list(data["occurs"]))))
    data["h"] = (data["wpos"] * data["wrel"]) / (
        data["wcase"] + (data["wfreq"] / data["wrel"]) + (data["wspread"] / data["wrel"])
    )


def _get_term(self: Any, str_word: str, save_non_seen: bool = True) -> Any:
    """``DataCore.get_term`` with the punctuation removed by one ``str.translate`` (YAKE's ``exclude`` holds single
    characters, each removed by its own ``replace``)."""
    from yake.data.single_word import SingleWord  # type: ignore[import-untyped]

    unique_term = str_word.lower()
    simple_stopword = unique_term in self.stopword_set
    if unique_term.endswith("s") and len(unique_term) > 3:
        unique_term = unique_term[:-1]
    terms = self.terms
    known = terms.get(unique_term)
    if known is not None:
        return known
    exclude = self.exclude
    if exclude not in _DELETE:
        single = all(len(char) == 1 for char in exclude)
        _DELETE[exclude] = {ord(char): None for char in exclude} if single else None
    table = _DELETE[exclude]
    letters = unique_term
    if table is not None:
        letters = letters.translate(table)
    else:
        for part in exclude:
            letters = letters.replace(part, "")
    term = SingleWord(unique_term, len(terms), self.g)
    term.stopword = simple_stopword or unique_term in self.stopword_set or len(letters) < 3
    if save_non_seen:
        self.g.add_node(term.id)
        terms[unique_term] = term
    return term


#: ``str.translate`` tables deleting a set of characters, by set (``None``: not all single characters)
_DELETE: dict[frozenset[str], dict[int, None] | None] = {}


def _process_word(self: Any, word: str, pos_text: int, context: dict[str, Any], word_context: dict[str, Any]) -> int:
    """``DataCore._process_word`` with ``_update_cooccurrence``, ``add_cooccur``, ``_generate_candidates`` and
    ``add_or_update_composedword`` inlined."""
    from yake.data.composed_word import ComposedWord  # type: ignore[import-untyped]

    pos_sent = word_context["pos_sent"]
    block = word_context["block_of_word_obj"]
    tag = self.get_tag(word, pos_sent)
    term = self.get_term(word)
    term.add_occur(tag, context["sentence_id"], pos_sent, pos_text)
    discard = self.tags_to_discard
    if tag not in discard:
        graph = self.g
        successors = graph._succ
        for before in block[max(0, len(block) - context["windows_size"]) :]:
            if before[0] in discard:
                continue
            left = before[2]
            edge = successors[left.id].get(term.id)
            if edge is None:
                graph.add_edge(left.id, term.id, tf=0.0)
                edge = successors[left.id][term.id]
            edge["tf"] += 1.0
            left.invalidate_graph_cache()
            term.invalidate_graph_cache()
    candidates = self.candidates
    freq_ns = self.freq_ns
    phrase: list[tuple[str, str, Any]] = [(tag, word, term)]
    for at in [-1, *range(len(block) - 1, max(0, len(block) - (context["n"] - 1)) - 1, -1)]:
        if at >= 0:
            phrase.append(block[at])
            freq_ns[len(phrase)] += 1.0
        words = phrase[::-1]
        key = " ".join([w[1] for w in words]).lower()
        known = candidates.get(key)
        if known is None:
            known = candidates[key] = ComposedWord(words)
        else:
            known.tags.add("".join([w[0] for w in words]))
        known.tf += 1.0
    block.append((tag, word, term))
    return pos_text + 1


def install() -> None:
    """Replace the four methods in YAKE 0.7.3 (once per process); any other version is left alone."""
    if _installed:
        return
    _installed.append(True)
    try:
        if version("yake") != VERSION:
            return
    except PackageNotFoundError:
        return
    from yake.data.core import DataCore  # type: ignore[import-untyped]
    from yake.data.single_word import SingleWord

    for owner, name, method in (
        (SingleWord, "get_graph_metrics", _graph_metrics),
        (SingleWord, "update_h", _update_h),
        (DataCore, "_process_word", _process_word),
        (DataCore, "get_term", _get_term),
    ):
        SHIPPED[owner, name] = getattr(owner, name)
        setattr(owner, name, method)
