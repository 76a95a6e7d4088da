"""Quality floors on real French press: gj-dev (``../shared/data/gj-dev``, one month of one running story).

The corpus has no licence and is not distributed with recoupe: on a fresh clone or in CI these tests skip
with that reason. Only the hand-written event labels are in the repository (``bench/data/gj_dev_events.json``:
URLs, event names, dates; ``bench/data/gj_dev_events_report2.json``, a second reporting half). Floors are
checked on the labels' **tuning half** and, at the level they were scored once, on the two reporting halves
(``bench/press.py --half report`` / ``report2``, see ``bench/README.md``).

1. Without a store (reads the corpus file): genres, agency stamps and press furniture.
2. With a store (``RECOUPE_GJ_DB`` = a database where gj-dev was ingested; copied, never written): the
   stories re-assigned by the current code against the tuning half, and no mutual copy marks.
"""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Callable
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest

from recoupe.extract.furniture import strip_furniture
from recoupe.stories.genre import genre_of, is_news
from recoupe.stories.wire import Credit, dispatch_of

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "data" / "gj-dev" / "articles.jsonl"
LABELS = ROOT / "bench" / "data" / "gj_dev_events.json"
#: tuning half, B-cubed F1: measured 0.959 (P 1.000, R 0.921) when pinned, 0.956 on session 10's ingest, 0.942 on a
#: fresh ingest in session 11 with the code before and after that session's changes (ingests differ by the order
#: the workers store articles in); 0.967 in session 12 (rare names give the day penalty back, follow-ups over two
#: days); one story per day 0.737
FLOOR = 0.94
MARGIN = 0.15  # over the one-story-per-day baseline on the same articles
#: reporting half, scored once (end of session 5): 0.929 (P 0.973, R 0.889); one story per day 0.722; tuned on since
#: session 11: 0.963 (P 1.000) in session 12
REPORT_FLOOR = 0.94
#: the second reporting half (41 events labelled blind in session 9), scored once at the end of session 10:
#: 0.939 (P 0.973, R 0.908) against 0.636 for one story per day; 0.948 (P 1.000, R 0.901) in session 11 with
#: groups joined on shared specifics (the same ingest gives 0.936 with the code before); 0.969 in session 12
REPORT2_FLOOR = 0.94
#: the third reporting half (30 events, 52 articles, labelled blind in session 11 by a reader who never ran
#: recoupe), scored once at the end of session 11: 0.932 (P 0.962, R 0.904) against 0.634 for one story per day;
#: tuned on in session 12: 0.952
REPORT3_FLOOR = 0.93
#: the fourth reporting half (51 events, 57 articles, 45 events of one article; labelled blind in session 12),
#: scored once at the end of session 12: 0.937 (P 0.982, R 0.895) against 0.764 for one story per day
REPORT4_FLOOR = 0.91

needs_corpus = pytest.mark.skipif(
    not CORPUS.is_file(), reason="gj-dev is not distributed with recoupe (no licence): ../shared/data/gj-dev absent"
)


def _rows() -> list[dict[str, str]]:
    return [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line.strip()]


def _tune_urls() -> set[str]:
    doc = json.loads(LABELS.read_text(encoding="utf-8"))
    return {a["url"] for e in doc["events"] if e["half"] == "tune" for a in e["articles"]}


@needs_corpus
def test_labelled_news_reads_as_news_and_le_point_dispatches_carry_their_time() -> None:
    rows, tune = _rows(), _tune_urls()
    labelled = [r for r in rows if r["url"] in tune]
    assert len(labelled) == len(tune)
    assert [
        r["title"] for r in labelled if not is_news(genre_of(r.get("title") or "", r["text"][:600], r["url"]))
    ] == []
    stamped = [r for r in rows if re.search(r"©\s*\d{4}\s*AFP\s*$", r["text"])]
    assert len(stamped) >= 250
    for row in stamped:
        found = dispatch_of(row["text"], date.fromisoformat(row["date"][:10]))
        assert found is not None, row["url"]
        assert (found.agency, found.credit) == ("AFP", Credit.DISPATCH)
        assert found.stamped_at is not None, row["url"]
    humanite = [r for r in rows if r["outlet"] == "humanite.fr"]
    assert sum(1 for r in humanite if (d := dispatch_of(r["text"])) and d.credit is Credit.DISPATCH) <= 1


@needs_corpus
def test_no_cross_link_or_live_line_survives_extraction() -> None:
    furniture = re.compile(r"LIRE AUSSI|Regarder sur Figaro Live|Consultez notre dossier|^VIDÉOS?\s*[-.]", re.MULTILINE)
    left = [r["url"] for r in _rows() if furniture.search(strip_furniture(r["text"]))]
    assert left == []


@pytest.mark.slow
@needs_corpus
@pytest.mark.skipif(not os.environ.get("RECOUPE_GJ_DB"), reason="RECOUPE_GJ_DB (a store holding gj-dev) not set")
def test_events_floor_on_the_tuning_half(tmp_path: Path, bench_script: Callable[[str], ModuleType]) -> None:
    from recoupe.config import load_settings
    from recoupe.store import open_store
    from recoupe.stories.assign import StoryEngine

    source = Path(os.environ["RECOUPE_GJ_DB"])
    db = tmp_path / "gj.db"
    shutil.copy(source, db)
    if source.with_name(source.name + ".vectors").is_dir():
        shutil.copytree(source.with_name(source.name + ".vectors"), tmp_path / "gj.db.vectors")
    press = bench_script("press")
    store = open_store(str(db))
    engine = StoryEngine.from_settings(store, load_settings({"db": str(db)}, env={}, config_file=None), threads=2)
    engine.recluster()
    engine.close()
    result = press.events_block(store, "tune")
    report = press.events_block(store, "report")
    report2 = press.events_block(store, "report2")
    report3 = press.events_block(store, "report3")
    report4 = press.events_block(store, "report4")
    wire = press.wire_block(store, 0)
    store.close()
    f1, baseline = result["bcubed"][2], result["baseline"][2]
    assert f1 >= FLOOR
    assert f1 >= baseline + MARGIN
    # the reporting half, scored once (end of session 5): F1 0.929 against 0.722 for one story per day
    assert report["bcubed"][2] >= REPORT_FLOOR
    assert report["bcubed"][2] >= report["baseline"][2] + MARGIN
    assert report2["bcubed"][2] >= REPORT2_FLOOR
    assert report2["bcubed"][2] >= report2["baseline"][2] + MARGIN
    assert report3["bcubed"][2] >= REPORT3_FLOOR
    assert report3["bcubed"][2] >= report3["baseline"][2] + MARGIN
    assert report4["bcubed"][2] >= REPORT4_FLOOR
    assert report4["bcubed"][2] >= report4["baseline"][2] + MARGIN
    assert wire["mutual"] == 0
