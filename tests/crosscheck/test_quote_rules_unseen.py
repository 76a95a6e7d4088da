"""Quote rules as a second set of pairs written blind showed them wrong (issue 11, session 8): a quote
reordered to fit the writer's sentence is the same quote, and a term in guillemets has no speaker to
conflict over. The sentences are written for the test."""

from __future__ import annotations

from recoupe.crosscheck.rules_quotes import quote_conflicts
from recoupe.model import Quote


def _quote(text: str, speaker: str, key: str | None = None) -> Quote:
    return Quote(0, len(text), text, "direct", speaker=speaker, speaker_key=key)


def test_a_quote_reordered_to_fit_the_sentence_is_the_same_quote() -> None:
    a = _quote("Nous rebâtirons cette cathédrale tous ensemble", "Emmanuel Macron", "emmanuel macron")
    b = _quote("Cette cathédrale, nous la rebâtirons tous ensemble", "Emmanuel Macron", "emmanuel macron")
    assert quote_conflicts(a, b) == []
    # a word that changes what is said still conflicts, in any order
    c = _quote("Cette cathédrale, nous ne la rebâtirons pas tous ensemble", "Emmanuel Macron", "emmanuel macron")
    assert [x.kind for x in quote_conflicts(a, c)] == ["quote_wording"]


def test_a_term_in_guillemets_has_no_speaker_to_conflict_over() -> None:
    term_a = _quote("destruction involontaire par incendie", "François Pinault", "francois pinault")
    term_b = _quote("destruction involontaire par incendie", "Bernard Arnault", "bernard arnault")
    assert quote_conflicts(term_a, term_b, same_report=True) == []
    said_a = _quote("Ce n'est pas à la hauteur", "Sophie Binet", "sophie binet")
    said_b = _quote("Ce n'est pas à la hauteur", "Frédéric Souillot", "frederic souillot")
    assert [x.kind for x in quote_conflicts(said_a, said_b, same_report=True)] == ["speaker"]
