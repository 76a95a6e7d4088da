"""Rebuild demo/corpus/ from the shared evaluation data (../shared/data, ../shared/seeds).

The demo corpus is committed, so a fresh clone needs none of this; the script documents exactly how it
was made. Run: python scripts/build_demo_corpus.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "demo" / "corpus"
_RATING = re.compile(r"\s*\((?:Online News|News|Opinion|Online)\)\s*$")


def build_allsides(shared: Path) -> int:
    """One JSONL row per article of the NeuS/AllSides dev stories, with the story's date and id."""
    source = shared / "data" / "neus-allsides-dev" / "stories_dev.jsonl"
    out = OUT / "allsides" / "neus-allsides-dev.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with source.open(encoding="utf-8") as lines, out.open("w", encoding="utf-8") as sink:
        for line in lines:
            story = json.loads(line)
            for side, item in sorted(story["news"].items()):
                row = {
                    "title": item["newsTitle"],
                    "text": item["newBody"],
                    "source": _RATING.sub("", item["newsSource"]),
                    "url": item["newsLink"],
                    "date": story["date"],
                    "section": story["topic"],
                    "allsides_story": story["id"],
                    "allsides_issue": story["issue"],
                    "stance": side,
                }
                sink.write(json.dumps(row, ensure_ascii=False) + "\n")
                count += 1
    return count


def build_orangesum(shared: Path) -> int:
    """The 200 OrangeSum pages, gzipped (recoupe reads .html.gz directly)."""
    source = shared / "data" / "orangesum" / "html_sample" / "raw"
    out = OUT / "orangesum"
    out.mkdir(parents=True, exist_ok=True)
    pages = sorted(source.glob("*.html"))
    for page in pages:
        with page.open("rb") as raw, gzip.GzipFile(out / (page.name + ".gz"), "wb", mtime=0) as packed:
            shutil.copyfileobj(raw, packed)
    return len(pages)


def build_seeds(shared: Path) -> int:
    out = OUT / "seeds"
    out.mkdir(parents=True, exist_ok=True)
    seeds = sorted((shared / "seeds").glob("*.txt"))
    for seed in seeds:
        shutil.copyfile(seed, out / seed.name)
    return len(seeds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = parser.parse_args()
    print(f"seeds: {build_seeds(args.shared)}")
    print(f"orangesum pages: {build_orangesum(args.shared)}")
    print(f"allsides articles: {build_allsides(args.shared)}")


if __name__ == "__main__":
    main()
