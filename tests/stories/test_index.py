"""``VectorIndex`` on real usearch indexes: the window filter (within and across months or weeks, undated articles),
replacing and removing, save/load and corrupted files, rebuild, and agreement with numpy brute force."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pytest
from numpy.typing import NDArray

import recoupe.stories.index as index_module
from recoupe.errors import StoreError
from recoupe.stories.index import Tuning, VectorIndex, shard_name

DIM = 32
MARCH_10 = date(2024, 3, 10).toordinal()


def _unit(rng: np.random.Generator, rows: int, dim: int = DIM) -> NDArray[np.float32]:
    vectors = rng.standard_normal((rows, dim)).astype(np.float32)
    out: NDArray[np.float32] = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    return out


def _id(number: int) -> str:
    return f"{number:016x}"


def _near(base: NDArray[np.float32], rng: np.random.Generator, noise: float = 0.05) -> NDArray[np.float32]:
    """A vector close to ``base``."""
    vector = base + noise * rng.standard_normal(base.shape).astype(np.float32)
    out: NDArray[np.float32] = vector / np.linalg.norm(vector)
    return out


@pytest.fixture
def rng() -> np.random.Generator:
    return np.random.default_rng(7)


def test_window_filter_is_exact_on_stored_days(rng: np.random.Generator) -> None:
    base = _unit(rng, 1)[0]
    index = VectorIndex(DIM)
    for offset in (-4, -3, 0, 3, 4):
        index.add(_id(100 + offset), MARCH_10 + offset, _near(base, rng))
    found = {article_id for article_id, _ in index.search(base, MARCH_10, window=3, k=10)}
    assert found == {_id(97), _id(100), _id(103)}
    assert {a for a, _ in index.search(base, MARCH_10, window=0, k=10)} == {_id(100)}


@pytest.mark.parametrize("period", ["month", "week"])
def test_window_reaches_into_the_next_and_previous_shard(
    rng: np.random.Generator, monkeypatch: pytest.MonkeyPatch, period: str
) -> None:
    monkeypatch.setattr(index_module, "SHARD_PERIOD", period)
    base = _unit(rng, 1)[0]
    march_30 = date(2024, 3, 30).toordinal()
    index = VectorIndex(DIM)
    index.add(_id(1), date(2024, 4, 2).toordinal(), _near(base, rng))  # 3 days later, next week's shard
    index.add(_id(2), date(2024, 4, 3).toordinal(), _near(base, rng))  # 4 days later
    index.add(_id(3), date(2024, 2, 28).toordinal(), _near(base, rng))
    if period == "week":
        assert index.counts() == {"2024-W09": 1, "2024-W14": 2}  # March 30 is a Saturday, in week 13
    else:
        assert index.counts() == {"2024-02": 1, "2024-04": 2}
    assert [a for a, _ in index.search(base, march_30, window=3)] == [_id(1)]
    march_2 = date(2024, 3, 2).toordinal()
    assert [a for a, _ in index.search(base, march_2, window=3)] == [_id(3)]


def test_undated_articles_match_dated_queries_and_undated_queries_see_all(rng: np.random.Generator) -> None:
    vectors = _unit(rng, 4)
    index = VectorIndex(DIM)
    index.add_many(
        [_id(1), _id(2), _id(3), _id(4)],
        [MARCH_10, date(2023, 1, 5).toordinal(), date(2025, 7, 1).toordinal(), None],
        vectors,
    )
    assert set(index.counts()) == {"2024-03", "2023-01", "2025-07", "undated"}
    assert {a for a, _ in index.search(vectors[0], MARCH_10, window=2)} == {_id(1), _id(4)}
    assert {a for a, _ in index.search(vectors[0], None, window=2)} == {_id(1), _id(2), _id(3), _id(4)}
    assert index.day_of(_id(4)) is None
    assert index.day_of(_id(1)) == MARCH_10


def test_re_adding_an_id_replaces_it_and_moves_it_to_its_new_shard(rng: np.random.Generator) -> None:
    first, second = _unit(rng, 2)
    may_1 = date(2024, 5, 1).toordinal()
    index = VectorIndex(DIM)
    index.add(_id(9), MARCH_10, first)
    index.add(_id(10), MARCH_10, _near(first, rng))
    index.add(_id(9), may_1, second)
    assert len(index) == 2
    assert index.counts() == {"2024-03": 1, "2024-05": 1}
    assert index.day_of(_id(9)) == may_1
    assert [a for a, _ in index.search(first, MARCH_10, window=3)] == [_id(10)]
    hits = index.search(second, may_1, window=3)
    assert [a for a, _ in hits] == [_id(9)]
    assert hits[0][1] == pytest.approx(1.0, abs=1e-3)
    index.add(_id(9), None, second)
    assert index.counts() == {"2024-03": 1, "undated": 1}


def test_a_repeated_id_in_one_batch_keeps_the_last(rng: np.random.Generator) -> None:
    vectors = _unit(rng, 3)
    index = VectorIndex(DIM)
    index.add_many([_id(1), _id(2), _id(1)], [MARCH_10, MARCH_10, None], vectors)
    assert len(index) == 2
    assert index.day_of(_id(1)) is None
    assert index.search(vectors[2], None, window=0, k=1)[0][0] == _id(1)


def test_remove(rng: np.random.Generator) -> None:
    vectors = _unit(rng, 2)
    index = VectorIndex(DIM)
    index.add_many([_id(1), _id(2)], [MARCH_10, None], vectors)
    index.remove(_id(1))
    index.remove(_id(1))  # absent: no error
    index.remove(_id(12345))
    assert _id(1) not in index
    assert _id(2) in index
    assert len(index) == 1
    assert index.counts() == {"undated": 1}
    assert [a for a, _ in index.search(vectors[0], MARCH_10, window=3)] == [_id(2)]
    with pytest.raises(KeyError):
        index.day_of(_id(1))


def test_ties_are_broken_by_id(rng: np.random.Generator) -> None:
    vector = _unit(rng, 1)[0]
    index = VectorIndex(DIM)
    ids = [_id(n) for n in (50, 7, 31, 2)]
    index.add_many(ids, [MARCH_10, MARCH_10 + 1, None, date(2024, 4, 1).toordinal()], np.stack([vector] * 4))
    assert [a for a, _ in index.search(vector, MARCH_10, window=30)] == sorted(ids)
    assert [a for a, _ in index.search(vector, MARCH_10, window=30, k=2)] == sorted(ids)[:2]


def test_bad_input_is_a_value_error(rng: np.random.Generator) -> None:
    index = VectorIndex(DIM)
    vector = _unit(rng, 1)[0]
    for bad_id in ("ABCDEF0123456789", "abc", "0x0123456789abcd", " 0123456789abcde", "0123456789abcdeg"):
        with pytest.raises(ValueError, match="16 lowercase hex"):
            index.add(bad_id, MARCH_10, vector)
    with pytest.raises(ValueError, match="dimensions"):
        index.add(_id(1), MARCH_10, _unit(rng, 1, DIM + 1)[0])
    with pytest.raises(ValueError, match="dimensions"):
        index.search(_unit(rng, 1, DIM - 1)[0], MARCH_10, window=3)
    with pytest.raises(ValueError, match="ids but"):
        index.add_many([_id(1)], [MARCH_10, MARCH_10], _unit(rng, 2))
    with pytest.raises(ValueError, match="zeros"):
        index.add(_id(1), MARCH_10, np.zeros(DIM, dtype=np.float32))
    with pytest.raises(ValueError, match="ordinal"):
        index.add(_id(1), -5, vector)
    with pytest.raises(ValueError, match="dtype"):
        VectorIndex(DIM, dtype="f8")
    assert len(index) == 0
    assert 12 not in index
    assert "not an id" not in index


def _corpus(rng: np.random.Generator, count: int, dim: int) -> tuple[list[str], list[int | None], NDArray[np.float32]]:
    """``count`` random unit vectors on random days of January to March 2024, one in 20 undated."""
    start = date(2024, 1, 1).toordinal()
    days: list[int | None] = [int(d) for d in rng.integers(start, start + 91, count)]
    for row in range(0, count, 20):
        days[row + 7 if row + 7 < count else row] = None
    ids = [f"{n:016x}" for n in rng.choice(2**62, count, replace=False)]
    return ids, days, _unit(rng, count, dim)


def _brute_force(
    corpus: tuple[list[str], list[int | None], NDArray[np.float32]],
    query: NDArray[np.float32],
    *,
    day: int | None,
    window: int,
) -> list[str]:
    """Ids by cosine, best first, of the undated articles and those dated within the window (all when ``day`` is
    None), with vectors as the index stores them: rounded to f16."""
    ids, days, vectors = corpus
    stored = vectors.astype(np.float16).astype(np.float64)
    stored /= np.linalg.norm(stored, axis=1, keepdims=True)
    rounded = query.astype(np.float16).astype(np.float64)
    scores = stored @ (rounded / np.linalg.norm(rounded))
    inside = [row for row, d in enumerate(days) if day is None or d is None or abs(d - day) <= window]
    return [ids[row] for row in sorted(inside, key=lambda row: (-scores[row], ids[row]))]


def _query_day(days: list[int | None], row: int, rng: np.random.Generator) -> int:
    return (days[row] or date(2024, 2, 1).toordinal()) + int(rng.integers(-5, 6))


def test_exact_shards_agree_with_brute_force(rng: np.random.Generator) -> None:
    corpus = _corpus(rng, 2000, 64)
    ids, days, vectors = corpus
    index = VectorIndex(64)
    index.add_many(ids, days, vectors)
    assert max(index.counts().values()) < index.tuning.exact_threshold
    for row in range(40):
        query, day = _near(vectors[row], rng, noise=0.5), _query_day(days, row, rng)
        for window in (0, 3, 20):
            assert [a for a, _ in index.search(query, day, window=window, k=10)] == _brute_force(
                corpus, query, day=day, window=window
            )[:10]
    for row in range(5):
        assert [a for a, _ in index.search(vectors[row], None, window=0, k=10)] == _brute_force(
            corpus, vectors[row], day=None, window=0
        )[:10]
    hits = index.search(vectors[0], days[0], window=0, k=1)
    assert hits[0][0] == ids[0]
    assert hits[0][1] == pytest.approx(1.0, abs=1e-3)


def test_min_similarity_leaves_out_less_similar_articles(rng: np.random.Generator) -> None:
    corpus = _corpus(rng, 1000, 64)
    ids, days, vectors = corpus
    index = VectorIndex(64, tuning=Tuning(exact_threshold=100))
    index.add_many(ids, days, vectors)
    for row in range(20):
        query, day = _near(vectors[row], rng, noise=0.3), _query_day(days, row, rng)
        full = index.search(query, day, window=10, k=20)
        floored = index.search(query, day, window=10, k=20, min_similarity=0.1)
        assert floored == [hit for hit in full if hit[1] >= 0.1]


def test_a_large_k_with_a_floor_returns_every_article_above_it_and_stops_early(rng: np.random.Generator) -> None:
    """The assignment step's call: ``k`` far above the matches, ``min_similarity`` the floor."""
    count, dim, monday = 3000, 64, date(2024, 3, 4).toordinal()
    days: list[int | None] = [monday + int(d) for d in rng.integers(0, 7, count)]  # one exact shard
    days[::50] = [None] * len(days[::50])
    ids = [_id(n) for n in range(1, count + 1)]
    vectors = _unit(rng, count, dim)
    corpus = (ids, days, vectors)
    index = VectorIndex(dim)
    index.add_many(ids, days, vectors)
    shard = index._shards[shard_name(monday)]
    assert len(shard.index) < index.tuning.exact_threshold
    asked: list[int] = []
    search = shard.index.search
    shard.index.search = lambda query, count, **kw: asked.append(count) or search(query, count, **kw)
    ids_array, stored = np.array(ids), vectors.astype(np.float16).astype(np.float64)
    stored /= np.linalg.norm(stored, axis=1, keepdims=True)
    floor = 0.25
    for row in range(30):
        query = _near(vectors[row], rng, noise=0.6)
        day, window = monday + int(rng.integers(0, 7)), int(rng.integers(0, 4))
        asked.clear()
        hits = index.search(query, day, window=window, k=4096, min_similarity=floor)
        rounded = query.astype(np.float16).astype(np.float64)
        scores = stored @ (rounded / np.linalg.norm(rounded))
        inside = np.array([d is None or abs(d - day) <= window for d in days])
        sure, maybe = (
            set(ids_array[inside & (scores >= floor + 1e-3)]),
            set(ids_array[inside & (scores >= floor - 1e-3)]),
        )
        found = {article_id for article_id, _ in hits}
        assert sure <= found <= maybe  # exactly the brute-force set (up to f16 rounding at the floor)
        assert all(similarity >= floor for _, similarity in hits)
        assert [a for a, _ in hits] == [a for a in _brute_force(corpus, query, day=day, window=window) if a in found]
        assert max(asked) < len(shard.index) / 4  # a few hundred matches asked for, not the whole shard


def test_hnsw_shards_keep_recall_at_10(rng: np.random.Generator) -> None:
    corpus = _corpus(rng, 6000, 64)  # months of ~1,900, searched by HNSW under this threshold
    ids, days, vectors = corpus
    index = VectorIndex(64, tuning=Tuning(exact_threshold=100))
    index.add_many(ids, days, vectors)
    recalled = 0
    queries = 60
    for row in range(queries):
        query, day = _near(vectors[row], rng, noise=0.5), _query_day(days, row, rng)
        expected = set(_brute_force(corpus, query, day=day, window=3)[:10])
        recalled += len(expected & {a for a, _ in index.search(query, day, window=3, k=10)})
    assert recalled / (10 * queries) >= 0.95
    assert index.search(vectors[5], None, window=0, k=1)[0][0] == ids[5]


def test_save_then_load_gives_the_same_results(tmp_path: Path, rng: np.random.Generator) -> None:
    ids, days, vectors = _corpus(rng, 600, DIM)
    folder = tmp_path / "vectors"
    index = VectorIndex(DIM, path=folder)
    index.add_many([*ids, _id(1)], [*days, None], np.vstack([vectors, _unit(rng, 1)]))
    index.save()
    queries = _unit(rng, 10)
    before = [index.search(q, days[n], window=3, k=8) for n, q in enumerate(queries)]
    again = VectorIndex.load(folder, dim=DIM, dtype="f16")
    assert len(again) == len(index)
    assert again.counts() == index.counts()
    assert again.day_of(ids[3]) == days[3]
    assert again.day_of(_id(1)) is None
    assert [again.search(q, days[n], window=3, k=8) for n, q in enumerate(queries)] == before
    # change one month and save again: only that shard is rewritten, old files are cleaned up
    files = {p.name for p in folder.iterdir()}
    march = next(n for n, d in enumerate(days) if d is not None and shard_name(d) == "2024-03")
    again.remove(ids[march])
    again.save()
    after = {p.name for p in folder.iterdir()}
    assert len(after) == len(files)
    assert len(after - files) == 1
    assert next(iter(after - files)).startswith("2024-03.")
    third = VectorIndex.load(folder)
    assert ids[march] not in third
    assert third.counts() == again.counts()


def test_in_memory_save_is_a_no_op_and_an_existing_folder_is_not_overwritten(tmp_path: Path) -> None:
    VectorIndex(DIM).save()
    index = VectorIndex(DIM, path=tmp_path)
    index.save()
    assert json.loads((tmp_path / "manifest.json").read_text())["shards"] == {}
    with pytest.raises(StoreError, match="already"):
        VectorIndex(DIM, path=tmp_path)


def test_load_refuses_corrupt_or_mismatched_folders(tmp_path: Path, rng: np.random.Generator) -> None:
    ids, days, vectors = _corpus(rng, 300, DIM)
    folder = tmp_path / "vectors"
    VectorIndex.rebuild(DIM, folder, zip(ids, days, vectors, strict=True))
    with pytest.raises(StoreError, match="manifest"):
        VectorIndex.load(tmp_path / "nowhere")
    with pytest.raises(StoreError, match="32-dim f16"):
        VectorIndex.load(folder, dim=DIM + 1)
    with pytest.raises(StoreError, match="32-dim f16"):
        VectorIndex.load(folder, dtype="i8")
    shard = min(folder.glob("2024-02.*.npz"))
    data = shard.read_bytes()
    flipped = bytearray(data)
    flipped[len(data) // 2] ^= 0xFF
    shard.write_bytes(bytes(flipped))
    with pytest.raises(StoreError, match="2024-02"):
        VectorIndex.load(folder)
    shard.write_bytes(data[: len(data) // 3])
    with pytest.raises(StoreError, match="unreadable"):
        VectorIndex.load(folder)
    shard.unlink()
    with pytest.raises(StoreError, match="unreadable"):
        VectorIndex.load(folder)
    manifest = folder / "manifest.json"
    manifest.write_text("{not json")
    with pytest.raises(StoreError, match="manifest"):
        VectorIndex.load(folder)
    manifest.write_text(json.dumps({"format": "recoupe-vector-index", "version": 99}))
    with pytest.raises(StoreError, match="not format 2"):
        VectorIndex.load(folder)


def test_an_index_of_the_old_format_or_another_period_does_not_load(
    tmp_path: Path, rng: np.random.Generator, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids, days, vectors = _corpus(rng, 100, DIM)
    folder = tmp_path / "vectors"
    VectorIndex.rebuild(DIM, folder, zip(ids, days, vectors, strict=True))
    manifest = json.loads((folder / "manifest.json").read_text())
    assert manifest["version"] == 2
    assert manifest["period"] == "month"
    old = {key: value for key, value in manifest.items() if key != "period"} | {"version": 1}
    (folder / "manifest.json").write_text(json.dumps(old))  # what format 1 (month shards, no period) wrote
    with pytest.raises(StoreError, match=r"format 1, month shards, not format 2, month shards: rebuild"):
        VectorIndex.load(folder)
    monkeypatch.setattr(index_module, "SHARD_PERIOD", "week")
    weeks = VectorIndex.rebuild(DIM, tmp_path / "weeks", zip(ids, days, vectors, strict=True))
    assert len(weeks.counts()) > 4
    assert VectorIndex.load(tmp_path / "weeks").counts() == weeks.counts()
    monkeypatch.setattr(index_module, "SHARD_PERIOD", "month")
    with pytest.raises(StoreError, match="week shards"):
        VectorIndex.load(tmp_path / "weeks")


def test_count_mismatch_is_reported(tmp_path: Path, rng: np.random.Generator) -> None:
    ids, days, vectors = _corpus(rng, 50, DIM)
    folder = tmp_path / "vectors"
    VectorIndex.rebuild(DIM, folder, zip(ids, days, vectors, strict=True))
    manifest = json.loads((folder / "manifest.json").read_text())
    name = min(manifest["shards"])
    manifest["shards"][name]["count"] += 1
    (folder / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(StoreError, match=name):
        VectorIndex.load(folder)
    manifest["shards"][name]["count"] = "many"
    (folder / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(StoreError, match="bad shard entry"):
        VectorIndex.load(folder)


def test_rebuild_replaces_the_saved_index(tmp_path: Path, rng: np.random.Generator) -> None:
    ids, days, vectors = _corpus(rng, 400, DIM)
    folder = tmp_path / "vectors"
    VectorIndex.rebuild(DIM, folder, zip(ids, days, vectors, strict=True), batch=64)
    fresh = VectorIndex.rebuild(DIM, folder, zip(ids[:100], days[:100], vectors[:100], strict=True), batch=64)
    assert len(fresh) == 100
    loaded = VectorIndex.load(folder)
    assert loaded.counts() == fresh.counts()
    assert sum(loaded.counts().values()) == 100
    assert {p.name for p in folder.iterdir()} == {"manifest.json"} | {
        f"{name}.{file.split('.')[1]}.npz"
        for name, file in (
            (n, e["file"]) for n, e in json.loads((folder / "manifest.json").read_text())["shards"].items()
        )
    }
    assert loaded.memory_bytes() > 0
    in_memory = VectorIndex.rebuild(DIM, None, zip(ids, days, vectors, strict=True))
    assert len(in_memory) == 400
    assert in_memory.path is None
    with pytest.raises(ValueError, match="shape"):
        VectorIndex.rebuild(DIM, None, [(ids[0], days[0], vectors[0][:5])])
    start = date(2024, 1, 1)
    assert shard_name((start + timedelta(days=31)).toordinal()) == "2024-02"
    assert shard_name(None) == "undated"


def test_week_shards_are_iso_weeks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(index_module, "SHARD_PERIOD", "week")
    assert shard_name(date(2024, 2, 1).toordinal()) == "2024-W05"
    assert shard_name(date(2024, 12, 30).toordinal()) == "2025-W01"  # Monday to Sunday, ISO years
    assert shard_name(date(2021, 1, 3).toordinal()) == "2020-W53"
