"""YAKE 0.7.3's hot loops, the same arithmetic in fewer Python steps: the same keywords and scores, less CPU.

YAKE builds, for every word of a text, its term, its co-occurrence edges and every 1- to 3-word candidate
phrase ending at it; then it scores each term from its co-occurrence graph and the median sentence of its
occurrences. In 0.7.3 each step goes through ``networkx`` views, ``numpy.median`` on a few integers and a new
``ComposedWord`` per phrase occurrence (88,000 for 100 OrangeSum pages): about 3.3 CPU-s per 100 pages, 10 % of
the whole French ingest. ``install`` replaces six methods with versions that read the graph's adjacency dicts
directly, take the median of the sentence numbers in plain Python (the same float: the middle value, or the
mean of the two middle ones) and build a ``ComposedWord`` only for a phrase not seen before (a phrase seen again
only adds its tag sequence and one to its count, as ``add_or_update_composedword`` does); ``_build`` runs the
whole per-word loop in one function, with memos of what depends on a word alone, and ``_mult_terms_features``
scores the phrases without a property or ``networkx`` call per word (session 12). Every state YAKE keeps is the
same, in the same order, so its scores and ranking are: ``tests/enrich/test_yake_fast.py`` compares every
keyword and score, and every ``DataCore`` state, with the unpatched library. Another YAKE version is left as
it is.
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
    table = _delete_table(exclude)
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


def _delete_table(exclude: frozenset[str]) -> dict[int, None] | None:
    """The ``str.translate`` table deleting ``exclude`` (``None`` when some are not single characters)."""
    if exclude not in _DELETE:
        single = all(len(char) == 1 for char in exclude)
        _DELETE[exclude] = {ord(char): None for char in exclude} if single else None
    return _DELETE[exclude]


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


#: memos of pure functions of a word, per set of excluded characters (or of stop words): whether every character of
#: the word is excluded (a punctuation token); its tag first in a sentence and later (``get_tag`` reads the position
#: only as ``i > 0``); its term key and whether it is a stop word as written (``get_term``'s first steps)
_PUNCTUATION: dict[frozenset[str], dict[str, bool]] = {}
_TAGS: dict[tuple[frozenset[str], bool], dict[str, str]] = {}
_NORMAL: dict[tuple[int, frozenset[str]], tuple[Any, dict[str, tuple[str, bool]]]] = {}
#: words a memo holds before it starts again (only a cache: the answers are the same)
_MEMO_MAX = 200_000


def _memo(memos: dict[Any, Any], key: Any) -> Any:
    memo = memos.setdefault(key, {})
    if len(memo) > _MEMO_MAX:
        memo.clear()
    return memo


def _normal_memo(stopwords: Any, exclude: frozenset[str]) -> dict[str, tuple[str, bool]]:
    """The memo of ``_normal`` for this stop-word set (kept by identity: an extractor keeps its set)."""
    held = _NORMAL.get((id(stopwords), exclude))
    if held is None or held[0] is not stopwords:
        held = _NORMAL[id(stopwords), exclude] = (stopwords, {})
    if len(held[1]) > _MEMO_MAX:
        held[1].clear()
    return held[1]


def _normal(word: str, stopwords: Any, exclude: frozenset[str]) -> tuple[str, bool]:
    """``get_term``'s key of ``word`` (lower case, a final "s" dropped past three letters) and whether its term is a
    stop word (the word or its key in the list, or fewer than three letters less the excluded characters)."""
    unique_term = word.lower()
    simple_stopword = unique_term in stopwords
    if unique_term.endswith("s") and len(unique_term) > 3:
        unique_term = unique_term[:-1]
    letters = unique_term
    table = _delete_table(exclude)
    if table is not None:
        letters = letters.translate(table)
    else:
        for part in exclude:
            letters = letters.replace(part, "")
    return unique_term, simple_stopword or unique_term in stopwords or len(letters) < 3


def _build(self: Any, text: str, windows_size: int, n: int) -> None:  # noqa: PLR0912, PLR0915 - one loop, inlined
    """``DataCore._build`` with ``_process_sentence`` and ``_process_word`` (as above) inlined in one loop: the
    same terms, graph, candidates and sentences, in the same order, without a call and two dicts per word. A
    phrase's words, key and tags grow by one word to the left at a time; a new phrase's ``ComposedWord`` gets
    its fields as ``ComposedWord.__init__`` sets them (its tag string, words, lower-case key, size, terms, 0
    occurrences, integrity and score 1, whether a stop word starts or ends it)."""
    from yake.data.composed_word import ComposedWord
    from yake.data.single_word import SingleWord
    from yake.data.utils import get_tag, pre_filter, tokenize_sentences  # type: ignore[import-untyped]

    new_word = SingleWord

    sentences = tokenize_sentences(pre_filter(text))
    self.sentences_str = sentences
    self.number_of_sentences = len(sentences)
    exclude = self.exclude
    punctuation = _memo(_PUNCTUATION, exclude)
    first_tags, later_tags = _memo(_TAGS, (exclude, False)), _memo(_TAGS, (exclude, True))
    stopwords = self.stopword_set
    normal = _normal_memo(stopwords, exclude)
    discard = self.tags_to_discard
    terms = self.terms
    graph = self.g
    successors = graph._succ
    add_edge = graph.add_edge
    add_node = graph.add_node
    candidates = self.candidates
    freq_ns = self.freq_ns
    sentences_obj = self.sentences_obj
    new_composed = ComposedWord.__new__
    pos_text = 0
    for sentence_id, sentence in enumerate(sentences):
        blocks: list[list[tuple[str, str, Any]]] = []
        block: list[tuple[str, str, Any]] = []
        for pos_sent, word in enumerate(sentence):
            is_punctuation = punctuation.get(word)
            if is_punctuation is None:
                is_punctuation = punctuation[word] = all(char in exclude for char in word)
            if is_punctuation:
                if block:
                    blocks.append(block)
                    block = []
                continue
            tags = later_tags if pos_sent else first_tags
            tag = tags.get(word)
            if tag is None:
                tag = tags[word] = get_tag(word, pos_sent, exclude)
            known_normal = normal.get(word)
            if known_normal is None:
                known_normal = normal[word] = _normal(word, stopwords, exclude)
            term = terms.get(known_normal[0])
            if term is None:  # DataCore.get_term: a new term
                term = new_word(known_normal[0], len(terms), graph)
                term.stopword = known_normal[1]
                add_node(term.id)
                terms[known_normal[0]] = term
            data = term.data  # SingleWord.add_occur
            occurs = data["occurs"]
            if sentence_id not in occurs:
                occurs[sentence_id] = []
            occurs[sentence_id].append((pos_sent, pos_text))
            data["tf"] += 1.0
            if tag == "a":
                data["tf_a"] += 1.0
            elif tag == "n":
                data["tf_n"] += 1.0
            pos_text += 1
            size = len(block)
            if tag not in discard:  # DataCore._update_cooccurrence
                term_id = term.id
                for before in block[max(0, size - windows_size) :]:
                    if before[0] in discard:
                        continue
                    left = before[2]
                    edge = successors[left.id].get(term_id)
                    if edge is None:
                        add_edge(left.id, term_id, tf=0.0)
                        edge = successors[left.id][term_id]
                    edge["tf"] += 1.0
                    left._graph_metrics_cache = None
                    left._graph_version += 1
                    term._graph_metrics_cache = None
                    term._graph_version += 1
            # DataCore._generate_candidates: the phrases of 1 to n words that end here
            kw, phrase_tags, phrase_terms, length, at = word, tag, [term], 1, size
            last = max(0, size - (n - 1))
            while True:
                key = kw.lower()
                known = candidates.get(key)
                if known is None:
                    known = candidates[key] = new_composed(ComposedWord)
                    known._tags = {phrase_tags}
                    known._kw = kw
                    known._unique_kw = key
                    known._size = length
                    known._terms = phrase_terms
                    known._tf = 0.0
                    known._integrity = 1.0
                    known._h = 1.0
                    known._start_or_end_stopwords = phrase_terms[0].stopword or phrase_terms[-1].stopword
                else:
                    known._tags.add(phrase_tags)
                known._tf += 1.0
                at -= 1
                if at < last:
                    break
                before_tag, before_word, before_term = block[at]
                kw = f"{before_word} {kw}"
                phrase_tags = before_tag + phrase_tags
                phrase_terms = [before_term, *phrase_terms]
                length += 1
                freq_ns[length] += 1.0
            block.append((tag, word, term))
        if block:
            blocks.append(block)
        if blocks:
            sentences_obj.append(blocks)
    self.number_of_words = pos_text


def _mult_terms_features(self: Any, features: list[str] | None = None) -> None:
    """``DataCore.build_mult_terms_features``: each valid candidate's score as ``ComposedWord.update_h`` computes it
    with the stop-word weight "bi" (each stop word weighted by the chance of the edges to its neighbours), in the
    same order of operations, the graph's edges read from its adjacency dicts; another weight runs the library's."""
    from yake.data import composed_word  # type: ignore[import-untyped]

    if composed_word.STOPWORD_WEIGHT != "bi":
        SHIPPED[type(self), "build_mult_terms_features"](self, features)
        return
    successors = self.g._succ
    with_tf = features is None or "KPF" in features
    for candidate in self.candidates.values():
        if candidate._start_or_end_stopwords or all("u" in tag or "d" in tag for tag in candidate._tags):
            continue  # ComposedWord.is_valid
        sum_h = 0.0
        prod_h = 1.0
        terms = candidate._terms
        last = len(terms) - 1
        for at, term in enumerate(terms):
            data = term.data
            if not data["stopword"]:
                sum_h += data["h"]
                prod_h *= data["h"]
                continue
            prob_t1 = 0.0
            if at > 0:
                edge = successors[terms[at - 1].id].get(term.id)
                if edge is not None:
                    prob_t1 = edge["tf"] / terms[at - 1].data["tf"]
            prob_t2 = 0.0
            if at < last:
                edge = successors[term.id].get(terms[at + 1].id)
                if edge is not None:
                    prob_t2 = edge["tf"] / terms[at + 1].data["tf"]
            prob = prob_t1 * prob_t2
            prod_h *= 1 + (1 - prob)
            sum_h -= 1 - prob
        candidate._h = prod_h / ((sum_h + 1) * (candidate._tf if with_tf else 1.0))


def install() -> None:
    """Replace the six methods in YAKE 0.7.3 (once per process); any other version is left alone."""
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
        (DataCore, "_build", _build),
        (DataCore, "build_mult_terms_features", _mult_terms_features),
    ):
        SHIPPED[owner, name] = getattr(owner, name)
        setattr(owner, name, method)
