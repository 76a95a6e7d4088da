"""The learned speaker chooser (``recoupe.enrich.speaker_rank``): candidates, features, weights, choice."""

from __future__ import annotations

import json

from tests.enrich.french_quotes import MODELS

from recoupe.enrich.entities import find_mentions
from recoupe.enrich.quotes import extract_quotes, rule_quotes
from recoupe.enrich.quotes_parse import Context
from recoupe.enrich.speaker_rank import (
    FEATURES,
    WEIGHTS,
    Candidate,
    Found,
    candidates,
    choose,
    load_weights,
    rerank,
)

TEXT = (
    "Le maire de Lyon, Grégory Doucet, a reçu lundi la ministre Agnès Pannier-Runacher. "
    '"Nous avons besoin de moyens pour nos transports", a déclaré Grégory Doucet. '
    "La ministre a promis une réponse rapide."
)


def _read(text: str = TEXT) -> tuple[Context, list[Found]]:
    doc = MODELS.parse(text, "fr")
    return rule_quotes(doc, find_mentions(doc, "fr"), "fr")


def test_rule_quotes_are_the_quotes_extract_quotes_gives() -> None:
    doc = MODELS.parse(TEXT, "fr")
    _, found = rule_quotes(doc, find_mentions(doc, "fr"), "fr")
    assert [f.quote for f in found] == extract_quotes(doc, find_mentions(doc, "fr"), "fr")
    quote = next(f for f in found if "moyens" in f.quote.text)
    assert quote.quote.speaker == "Grégory Doucet"
    assert quote.rule == "named_entity"  # the referent rule that answered
    assert quote.attribution.phrase is not None


def test_candidates_put_the_rules_choice_first_and_the_article_persons_after() -> None:
    ctx, found = _read()
    options = candidates(ctx, found)
    assert len(options) == len(found)
    for f, cands in zip(found, options, strict=True):
        assert cands[0].rule
        assert cands[0].name == f.quote.speaker
        assert all(len(c.features) == len(FEATURES) for c in cands)
        assert not any(c.rule for c in cands[1:])
    names = {c.name for c in options[0]}
    assert "Agnès Pannier-Runacher" in names  # the other person of the article
    rule = dict(zip(FEATURES, options[0][0].features, strict=True))
    assert rule["rule"] == 1.0
    assert rule["by_named"] == 1.0
    assert rule["in_phrase"] == 1.0


def test_zero_weights_keep_the_rules_speakers() -> None:
    ctx, found = _read()
    assert rerank(ctx, found, [0.0] * len(FEATURES)) == [f.quote for f in found]


def test_weights_against_the_rules_choose_another_named_speaker() -> None:
    ctx, found = _read()
    weights = [0.0] * len(FEATURES)
    weights[FEATURES.index("rule")] = -10.0
    weights[FEATURES.index("per")] = 1.0
    quote = next(q for q in rerank(ctx, found, weights) if "moyens" in q.text)
    assert quote.speaker == "Agnès Pannier-Runacher"
    assert quote.speaker_key is not None
    assert not quote.unresolved
    assert quote.speaker_kind == "PER"


def test_choose_keeps_the_first_on_a_tie() -> None:
    a = Candidate("A", "a", "PER", 0, 1, False, True, (1.0, 0.0))
    b = Candidate("B", "b", "PER", 2, 3, False, False, (0.0, 1.0))
    assert choose([a, b], [1.0, 1.0]) is a
    assert choose([a, b], [1.0, 2.0]) is b


def test_the_stored_weights_cover_every_feature_and_no_blind_set() -> None:
    record = json.loads(WEIGHTS.read_text(encoding="utf-8"))
    assert set(record["weights"]) == set(FEATURES)
    assert not {"report6", "report7"} & set(record["trained_on"])
    assert len(load_weights()) == len(FEATURES)
