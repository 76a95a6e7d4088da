"""Full-text search: accents, ranking, snippets, and query text that must never break FTS5."""

from __future__ import annotations

import random

import pytest

from recoupe.errors import QueryError
from recoupe.store import Store, fts_match
from recoupe.store.query import MAX_TERMS, parse_query

from .corpus import CLUBIC_BODY, CLUBIC_TITLE, MUSK_BODY, MUSK_TITLE, SUMMIT_BODY, SUMMIT_TITLE, article

NASTY = [
    "covid-19",
    "l'été",
    "l’été",
    '"crise',
    'crise"',
    '""',
    '"""',
    '" "',
    "AND",
    "OR",
    "NOT",
    "a AND",
    "OR OR",
    "NOT NOT crise",
    "Macron:",
    "title:Musk",
    "{title lead}: musk",
    "-musk",
    "+musk",
    "^musk",
    "*",
    "**",
    "musk*",
    "*musk",
    "mu*sk",
    "NEAR(",
    "NEAR(musk openai, 2)",
    "(",
    ")",
    "()",
    "musk)",
    "",
    "   ",
    "!!!",
    "?,;.:/",
    "'",
    "--",
    "😀",
    "👩‍💻 IA",
    "\x00",
    "musk\x00openai",
    "\ud800",
    "\u0301",
    "e\u0301te\u0301",
    "\ue000musk\ue001",
    "ﬁnance",
    "ǅ",
    "٣",
    "日本語",
    "x" * 5000,
    "é" * 300,
]


@pytest.fixture
def filled(store: Store) -> Store:
    store.add(
        [
            article(MUSK_TITLE, MUSK_BODY, outlet="Le Monde", language="fr"),
            article(CLUBIC_TITLE, CLUBIC_BODY, outlet="Clubic", language="fr"),
            article(SUMMIT_TITLE, SUMMIT_BODY, outlet="Ouest-France", language="fr", lead="Paris accueille."),
        ]
    )
    return store


def _titles(store: Store, query: str, *, outlet: str | None = None, language: str | None = None) -> list[str]:
    return [hit.article.title for hit in store.search(query, outlet=outlet, language=language)]


def test_diacritics_and_case_are_folded(filled: Store) -> None:
    assert _titles(filled, "benefique") == [CLUBIC_TITLE]
    assert _titles(filled, "BÉNÉFIQUE") == [CLUBIC_TITLE]
    assert _titles(filled, "ete") == [SUMMIT_TITLE]
    assert _titles(filled, "l'ete") == [SUMMIT_TITLE]
    assert _titles(filled, "Ete derNIER") == [SUMMIT_TITLE]
    assert _titles(filled, "e\u0301te\u0301") == [SUMMIT_TITLE]  # decomposed accents too


def test_hyphenated_and_apostrophe_words(filled: Store) -> None:
    assert _titles(filled, "covid-19") == [SUMMIT_TITLE]
    assert _titles(filled, "COVID") == [SUMMIT_TITLE]
    assert _titles(filled, "19-covid") == []  # hyphenated words are phrases: order matters


def test_all_words_are_required(filled: Store) -> None:
    assert set(_titles(filled, "OpenAI")) == {MUSK_TITLE, CLUBIC_TITLE}
    assert _titles(filled, "OpenAI humanité") == [CLUBIC_TITLE]
    assert _titles(filled, "OpenAI pizza") == []


def test_phrases_and_prefixes(filled: Store) -> None:
    assert _titles(filled, '"but non lucratif"') == [CLUBIC_TITLE]
    assert _titles(filled, '"non but lucratif"') == []
    assert set(_titles(filled, "milliard*")) == {MUSK_TITLE, CLUBIC_TITLE}
    if getattr(filled, "dialect", "sqlite") == "postgresql":  # French articles are matched on stems there
        assert set(_titles(filled, "milliard")) == {MUSK_TITLE, CLUBIC_TITLE}
        assert _titles(filled, "milli") == []
    else:
        assert _titles(filled, "milliard") == []


def test_operators_are_plain_words(store: Store) -> None:
    store.add([article("Pour ou contre", "Le vote OR et AND du Parlement, NOT voted. " * 3)])
    assert len(store.search("OR AND")) == 1
    assert len(store.search("NOT")) == 1
    assert store.search("NEAR") == []


def test_title_hit_ranks_above_body_hit(store: Store) -> None:
    in_title = article("Tesla accélère en Europe", CLUBIC_BODY)
    in_body = article(SUMMIT_TITLE, SUMMIT_BODY + " Tesla y présentait ses voitures.")
    store.add([in_body, in_title])
    hits = store.search("tesla")
    assert [hit.article.id for hit in hits] == [in_title.id, in_body.id]
    assert hits[0].score > hits[1].score > 0


def test_lead_hit_ranks_above_body_hit(store: Store) -> None:
    in_body = article("Semaine agitée", CLUBIC_BODY + " Le sommet de Paris commence.", lead="Résumé.")
    in_lead = article("Semaine calme", MUSK_BODY, lead="Le sommet de Paris commence.")
    store.add([in_body, in_lead])
    assert [hit.article.id for hit in store.search("sommet")] == [in_lead.id, in_body.id]


def test_snippet_highlights_point_at_matched_words(filled: Store) -> None:
    (hit,) = filled.search("benefique humanite")
    assert "\ue000" not in hit.snippet
    assert "\ue001" not in hit.snippet
    assert [hit.snippet[start:end] for start, end in hit.highlights] == ["bénéfique", "humanité"]
    assert hit.snippet.startswith("…")
    assert hit.snippet.endswith("…")
    assert hit.snippet.strip("…") in CLUBIC_BODY

    (hit,) = filled.search("covid-19")
    assert [hit.snippet[start:end] for start, end in hit.highlights] == ["covid-19"]


def test_search_filters_and_limit(filled: Store) -> None:
    assert _titles(filled, "OpenAI", outlet="clubic") == [CLUBIC_TITLE]
    assert _titles(filled, "OpenAI", outlet="Clubic", language="en") == []
    assert len(filled.search("OpenAI", limit=1)) == 1
    assert filled.search("OpenAI", limit=0) == []
    with pytest.raises(QueryError):
        filled.search("OpenAI", limit=-1)


def test_private_use_markers_in_text_do_not_corrupt_snippets(store: Store) -> None:
    store.add([article("Marqueurs \ue000 étranges \ue001", "Un texte avec \ue001 des marqueurs \ue000 dedans.")])
    (hit,) = store.search("marqueurs")
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["Marqueurs"]
    (hit,) = store.search("dedans")
    assert [hit.snippet[s:e] for s, e in hit.highlights] == ["dedans"]
    assert store.get(hit.article.id).body == "Un texte avec \ue001 des marqueurs \ue000 dedans."


@pytest.mark.parametrize("query", NASTY)
def test_nasty_queries_never_raise(filled: Store, query: str) -> None:
    hits = filled.search(query)
    assert isinstance(hits, list)


@pytest.mark.parametrize("query", ["", "   ", "!!!", "*", "😀", '""', "\x00", "?,;.:/", "--"])
def test_queries_without_words_return_nothing(filled: Store, query: str) -> None:
    assert fts_match(query) is None
    assert filled.search(query) == []


def test_too_many_terms_is_a_query_error(filled: Store) -> None:
    assert len(filled.search(" ".join(["sommet"] * MAX_TERMS))) == 1
    with pytest.raises(QueryError, match="terms"):
        filled.search(" ".join(["musk"] * (MAX_TERMS + 1)))


def test_match_expression_shape() -> None:
    assert fts_match("covid-19 l'été") == '"covid-19" AND "l\'été"'
    assert fts_match('NEAR( "crise politique" macro*') == '"NEAR(" AND "crise politique" AND "macro"*'
    assert fts_match('OR "crise') == '"OR" AND "crise"'
    assert [t.prefix for t in parse_query("a* b c**")] == [True, False, True]


def _alphabet() -> list[str]:
    chars = [chr(c) for c in range(32, 127)]
    chars += list("éèêàçœÉÀ’«»—–…\u00a0\u202f\u0301\ue000\ue001\x00\t\n")
    chars += ["😀", "👩‍💻", "日", "本", "ß", "ﬁ", "ǅ", "٣", "\ud800", "\U0010ffff", "\u200b", "\ufeff"]
    return chars


def test_random_queries_never_raise(filled: Store) -> None:
    rng = random.Random(20250211)
    alphabet = _alphabet()
    weighted = alphabet + list('"*()-:^+ ') * 4 + ["AND ", "OR ", "NOT ", "NEAR"] * 4
    for _ in range(1500):
        query = "".join(rng.choice(weighted) for _ in range(rng.randint(0, 24)))
        try:
            filled.search(query)
        except Exception as exc:  # noqa: BLE001 - report the query that broke
            pytest.fail(f"search({query!r}) raised {exc!r}")
