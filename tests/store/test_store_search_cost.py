"""Search cost bounded whatever an article holds or how many articles match (issue 17 item 1, issue 14 item 4).

FTS5's ``snippet()`` took time in the square of a word's occurrences in one article (40 k occurrences:
10 s of CPU per search). These tests count the work by what a snippet was built from (the window of
``recoupe.store.snippet``) and check the limits and filters apply inside the ranking; the time itself is
measured by ``bench/store.py``, not asserted here.
"""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from recoupe.errors import StoreError
from recoupe.store import Store, fts_text, snippet
from recoupe.store.query import parse_query, tokens_of
from recoupe.store.snippet import MAX_MATCHES, TOKENS, WINDOW_CHARS, marked_snippet
from recoupe.store.sqlite import FTS_TOKENIZE, fts_rowid

from .corpus import CLUBIC_BODY, CLUBIC_TITLE, MUSK_BODY, MUSK_TITLE, article, make_corpus

REPEATS = 40_000  # the case: 10 s of CPU per search before the snippets were bounded


def test_word_repeated_forty_thousand_times_gives_a_bounded_snippet(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    flood = article("Un article ordinaire", " ".join(["zorglub est là."] * REPEATS), url="https://ex.fr/flood")
    plain = article("Zorglub revient", MUSK_BODY, url="https://ex.fr/plain")
    store.add([flood, plain])
    # the work of the Python snippets (SQLite): matches looked at and tokens read, per column
    work: list[tuple[int, int]] = []
    read = snippet._tokens

    def counted_tokens(folded: str, matches: list[tuple[int, int, int]]) -> tuple[list[tuple[int, int]], bool]:
        spans, more = read(folded, matches)
        work.append((len(matches), len(spans)))
        return spans, more

    monkeypatch.setattr(snippet, "_tokens", counted_tokens)
    hits = store.search("zorglub")
    if store.dialect == "sqlite":  # type: ignore[attr-defined] - SqlStore's own
        assert max(matches for matches, _ in work) == MAX_MATCHES  # 40 000 in the text, 256 looked at
        assert max(tokens for _, tokens in work) < 4 * MAX_MATCHES  # ~3 tokens a match, and the lookahead
    assert {hit.article.id for hit in hits} == {flood.id, plain.id}
    for hit in hits:
        assert len(tokens_of(hit.snippet)) <= TOKENS
        assert [hit.snippet[a:b].lower() for a, b in hit.highlights][:1] == ["zorglub"]
    flooded = next(hit for hit in hits if hit.article.id == flood.id)
    assert flooded.snippet.endswith("…")


def test_snippet_reads_only_its_window() -> None:
    terms = parse_query("zorglub")
    far = "mot " * (WINDOW_CHARS // 4) + "zorglub."  # the word starts past the window
    snippet = marked_snippet(("Titre", "", far), terms)
    assert "\ue000" not in snippet  # no highlight: the match was never read
    assert snippet == "Titre"  # no column shows a match: the first one with text is shown
    near = "zorglub " + far
    assert marked_snippet(("Titre", "", near), terms).startswith("\ue000zorglub\ue001 mot mot")


def test_snippet_looks_at_a_bounded_number_of_matches() -> None:
    # the best fragment (both words) lies after the first MAX_MATCHES matches: it is not looked for
    terms = parse_query("alpha beta")
    body = "alpha " * MAX_MATCHES + "alpha beta"
    snippet = marked_snippet(("", "", body), terms)
    assert "beta" not in snippet
    body = "alpha " * (MAX_MATCHES - 10) + "alpha beta"
    assert "\ue000beta\ue001" in marked_snippet(("", "", body), terms)


def test_snippet_marks_phrases_prefixes_and_folds_accents() -> None:
    snippet = marked_snippet(("", "", CLUBIC_BODY), parse_query('benefique "toute l humanite" financ*'))
    assert "\ue000bénéfique\ue001" in snippet
    assert "\ue000toute l'humanité\ue001" in snippet
    assert snippet.startswith("…")
    assert snippet.endswith("…")
    assert marked_snippet(("Court", "", ""), parse_query("court")) == "\ue000Court\ue001"


def test_filters_apply_before_the_limit(store: Store) -> None:
    # the best match overall (the word in its title) is from another outlet: the outlet's only match
    # must still come back with limit=1, i.e. the filter is inside the ranking, not after it
    best = article("Zorglub zorglub", "Zorglub partout.", url="https://ex.fr/1", outlet="Le Monde", language="fr")
    other = article("Un titre", "Il est question de zorglub.", url="https://ex.fr/2", outlet="Clubic", language="en")
    store.add([best, other])
    assert [hit.article.id for hit in store.search("zorglub", limit=1)] == [best.id]
    assert [hit.article.id for hit in store.search("zorglub", limit=1, outlet="clubic")] == [other.id]
    assert [hit.article.id for hit in store.search("zorglub", limit=1, language="en")] == [other.id]


def test_search_by_dates(store: Store) -> None:
    january = article("Zorglub en janvier", CLUBIC_BODY, url="https://ex.fr/jan", day=date(2025, 1, 31))
    february = article("Zorglub en février", CLUBIC_BODY, url="https://ex.fr/feb", day=date(2025, 2, 1))
    undated = article("Zorglub sans date", CLUBIC_BODY, url="https://ex.fr/none")
    store.add([january, february, undated])
    assert len(store.search("zorglub")) == 3

    def found(**bounds: date) -> set[str]:
        return {hit.article.title for hit in store.search("zorglub", **bounds)}

    assert found(since=date(2025, 2, 1)) == {"Zorglub en février"}
    assert found(until=date(2025, 1, 31)) == {"Zorglub en janvier"}
    assert found(since=date(2025, 1, 31), until=date(2025, 2, 1)) == {"Zorglub en janvier", "Zorglub en février"}
    assert found(since=date(2025, 2, 2)) == set()


def test_a_search_past_its_budget_is_a_store_error(store: Store) -> None:
    store.add(make_corpus(3000))
    assert len(store.search("bénéfique", limit=5)) == 5
    store.search_budget_s = 0.0005  # type: ignore[attr-defined] - the store's own setting
    with pytest.raises(StoreError, match="was stopped"):
        store.search("bénéfique", limit=5)
    store.search_budget_s = None  # type: ignore[attr-defined]
    assert len(store.search("bénéfique", limit=5)) == 5  # the store is still usable


def test_ranking_looks_at_a_bounded_number_of_matches(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """Past ``SEARCH_CANDIDATES`` matches, the best of the first candidates in the index's order come back
    (the trade for a cost that does not grow with the matches); up to it, and whenever the limit asks for
    every match, the ranking is exact."""
    monkeypatch.setattr(fts_text, "SEARCH_CANDIDATES", 10)
    plain = [
        article(f"Dépêche {i}", f"Il est question de zorglub ({i}).", url=f"https://ex.fr/{i}", outlet="Agence")
        for i in range(40)
    ]
    store.add(plain)
    # stored last (PostgreSQL's order: the table's) with an id past the 10 smallest (SQLite's: the rowid's)
    tenth = sorted(fts_rowid(item.id) for item in plain)[9]
    bests = (article("Zorglub zorglub", "Zorglub.", url=f"https://ex.fr/b{n}", outlet="Le Monde") for n in range(99))
    best = next(candidate for candidate in bests if fts_rowid(candidate.id) > tenth)
    store.add([best])
    assert store.search("zorglub", limit=41)[0].article.id == best.id  # the limit covers every match: exact
    assert best.id not in {hit.article.id for hit in store.search("zorglub", limit=3)}  # ranked: 10 of 41
    assert store.search("zorglub", limit=3, outlet="Le Monde")[0].article.id == best.id  # 1 match: exact
    monkeypatch.setattr(fts_text, "SEARCH_CANDIDATES", 41)
    assert store.search("zorglub", limit=3)[0].article.id == best.id


@pytest.mark.sqlite_only
def test_a_stop_word_like_term_or_a_prefix_is_ranked_in_tiers(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite: bm25 would read a common term's whole list for its idf; such a query (and a prefix) is ranked
    title first, then the rest, each in the index's order, with the tier as the score."""
    body_only = [
        article(f"Dépêche {i}", f"Il est question de zorglub ({i}).", url=f"https://ex.fr/{i}") for i in range(8)
    ]
    titled = article("Zorglub au conseil", "Le conseil a parlé de zorglub.", url="https://ex.fr/t")
    store.add([*body_only, titled])
    exact = store.search("zorglub", limit=3)  # 9 articles: under COMMON_DOCS, bm25
    assert exact[0].article.id == titled.id
    assert exact[0].score not in {fts_text.TITLE_TIER, fts_text.OTHER_TIER}
    monkeypatch.setattr(fts_text, "COMMON_DOCS", 5)
    tiered = store.search("zorglub", limit=3)
    assert [hit.article.id for hit in tiered][:1] == [titled.id]
    assert [hit.score for hit in tiered] == [fts_text.TITLE_TIER, fts_text.OTHER_TIER, fts_text.OTHER_TIER]
    assert {hit.article.id for hit in tiered[1:]} <= {item.id for item in body_only}
    monkeypatch.setattr(fts_text, "COMMON_DOCS", 10_000)
    prefixed = store.search("zorg*", limit=20)
    assert [hit.score for hit in prefixed] == [fts_text.TITLE_TIER] + [fts_text.OTHER_TIER] * 8
    assert prefixed[0].article.id == titled.id
    assert store.search("zorg* conseil", limit=20)[0].article.id == titled.id  # both in the title


@pytest.mark.sqlite_only
def test_a_rare_phrase_of_common_words_is_ranked_in_tiers(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite: bm25's idf of a phrase walks the lists of its words however rare the phrase is, so a phrase is
    probed word by word; when every match is among the first ``2 * limit``, the tiers come from that one walk."""
    both = [
        article(f"Dépêche {i}", f"Le conseil a parlé du zorglub ({i}).", url=f"https://ex.fr/{i}") for i in range(8)
    ]
    in_body = article("Une dépêche", "Il parle du conseil zorglub.", url="https://ex.fr/body")
    in_title = article("Le conseil zorglub se réunit", "Rien de plus.", url="https://ex.fr/title")
    store.add([*both, in_body, in_title])
    exact = store.search('"conseil zorglub"', limit=5)  # 10 articles hold each word: under COMMON_DOCS, bm25
    assert [hit.article.id for hit in exact] == [in_title.id, in_body.id]
    assert exact[0].score not in {fts_text.TITLE_TIER, fts_text.OTHER_TIER}
    monkeypatch.setattr(fts_text, "COMMON_DOCS", 5)  # each word is common, the phrase (2 articles) is not
    tiered = store.search('"conseil zorglub"', limit=5)
    assert [(hit.article.id, hit.score) for hit in tiered] == [
        (in_title.id, fts_text.TITLE_TIER),
        (in_body.id, fts_text.OTHER_TIER),
    ]
    assert store.search('"zorglub conseil"', limit=5) == []
    words = store.search("zorglub conseil", limit=20)  # two terms: the title tier from its own query
    assert [hit.score for hit in words] == [fts_text.TITLE_TIER] + [fts_text.OTHER_TIER] * 9
    assert words[0].article.id == in_title.id
    assert [hit.article.id for hit in store.search("zorglub conseil", limit=2)][:1] == [in_title.id]
    monkeypatch.setattr(fts_text, "COMMON_DOCS", 100)
    assert [hit.article.id for hit in store.search('"conseil zorglub" dépêche', limit=5)] == [in_body.id]


def test_the_prefix_folding_agrees_with_the_tokenizer() -> None:
    """``fts_text.FOLDABLE``: each letter (and its capital) is folded by ``_fold_prefix`` as FTS5's
    ``unicode61 remove_diacritics 2`` folds it; letters outside it are left to FTS5."""
    conn = sqlite3.connect(":memory:")
    conn.execute(f"CREATE VIRTUAL TABLE t USING fts5(x, tokenize = '{FTS_TOKENIZE}')")
    conn.execute("CREATE VIRTUAL TABLE v USING fts5vocab(t, instance)")
    letters = sorted(fts_text.FOLDABLE | {char.upper() for char in fts_text.FOLDABLE})
    conn.execute("INSERT INTO t VALUES (?)", (" ".join(f"q{char}q" for char in letters),))
    folded = [term for (term,) in conn.execute('SELECT term FROM v ORDER BY "offset"')]
    assert folded == [f"q{fts_text._fold_prefix(char)}q" for char in letters]
    assert fts_text._fold_prefix("ſ") is None  # FTS5 folds it to s, Python's lower() does not
    assert fts_text._fold_prefix("Œuv") is None


@pytest.mark.sqlite_only
def test_a_prefix_expanded_into_its_words_finds_what_fts5_finds(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite: a prefix becomes the OR of the indexed words it stands for; the same articles, tiers and order
    as FTS5's own prefix query (``PREFIX_WORDS = 0``), for prefixes of every word of the corpus."""
    items = [
        article(MUSK_TITLE, MUSK_BODY, url="https://ex.fr/m"),
        article(CLUBIC_TITLE, CLUBIC_BODY, url="https://ex.fr/c"),
    ]
    items += [
        article(
            f"Dépêche {i} : Œuvre, ſtyle", f"{i} COVID-19 covid-{i}9 l'été ÉTÉ {CLUBIC_BODY}", url=f"https://ex.fr/{i}"
        )
        for i in range(12)
    ]
    store.add(items)
    words = {word for item in items for word in f"{item.title} {item.body}".split()}
    prefixes = {f"{word[:size]}*" for word in words for size in (1, 2, 4, 6) if word[:size].strip("*")}
    prefixes |= {"covid-1*", "COVID-*", "l'ét*", "été*", "ÉTÉ*", "zzz*", "mil* musk", "open* offr*"}
    assert fts_text._indexed(store._engine.raw_connection().driver_connection) == len(items)  # type: ignore[attr-defined]
    monkeypatch.setattr(fts_text, "EXPAND_FROM_DOCS", 0)  # the corpus is small
    calls: list[str] = []
    expand = fts_text._prefix_words
    monkeypatch.setattr(fts_text, "_prefix_words", lambda conn, term: calls.append(term.text) or expand(conn, term))

    def found(query: str) -> list[tuple[str, float]]:
        return [(hit.article.id, hit.score) for hit in store.search(query, limit=10)]

    expanded = {query: found(query) for query in sorted(prefixes)}
    monkeypatch.setattr(fts_text, "PREFIX_WORDS", 0)
    for query, hits in expanded.items():
        assert hits == found(query), query
    assert sum(bool(hits) for hits in expanded.values()) > len(prefixes) // 2
    assert calls  # the expansion was asked for
