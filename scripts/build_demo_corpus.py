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
from datetime import datetime, timedelta
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


#: derived outlets that reprint AFP dispatches of the OrangeSum pages ("avec AFP"), so the demo shows wire copies:
#: (outlet, hours after the original, reprints every n-th dispatch, its intro). Their names say they are derived;
#: each text differs (recoupe stores one text once, whatever the URL: an identical reprint would be "unchanged").
REPRINTERS = (
    ("Le Relais (démo : reprise AFP)", 2, 1, ""),
    (
        "Info Continu (démo : reprise AFP)",
        5,
        2,
        "Info Continu publie ci-dessous une dépêche de l'Agence France-Presse.",
    ),
)
REPRINTED = 6
_AUTHOR = re.compile(r'<meta content="([^"]*)" property="author"')
_PUBLISHED = re.compile(r'<meta content="([^"]*)" property="article:published_time"')


def build_reprints(shared: Path, count: int = REPRINTED) -> int:
    """Wire copies for the demo: the first ``count`` OrangeSum pages signed "AFP", reprinted by two derived
    outlets hours later, with Orange's title and heading, the same text and "(Avec AFP)" at the end (one
    outlet with an intro line saying it reprints a dispatch)."""
    parsed = shared / "data" / "orangesum" / "html_sample" / "parsed"
    out = OUT / "reprints" / "afp-reprints.jsonl"
    out.parent.mkdir(parents=True, exist_ok=True)
    dispatches = []
    for page in sorted((OUT / "orangesum").glob("*.html.gz")):
        with gzip.open(page, "rt", encoding="utf-8", errors="replace") as packed:
            html = packed.read()
        author, published = _AUTHOR.search(html), _PUBLISHED.search(html)
        if author and author.group(1) == "AFP" and published:
            dispatches.append((page.name.removesuffix(".html.gz"), datetime.fromisoformat(published.group(1))))
    rows = 0
    with out.open("w", encoding="utf-8") as sink:
        for index, (page_id, published) in enumerate(dispatches[:count]):
            source = json.loads((parsed / f"{page_id}.json").read_text(encoding="utf-8"))
            for outlet, hours, every, intro in REPRINTERS:
                if index % every:
                    continue
                text = f"{source['heading']}\n\n{source['article']}\n\n(Avec AFP)"
                host = re.sub(r"[^a-z]+", "-", outlet.split(" (")[0].lower()).strip("-")
                row = {
                    "title": source["title"],
                    "text": f"{intro}\n\n{text}" if intro else text,
                    "source": outlet,
                    "url": f"https://{host}.example/depeches/{page_id}",
                    "date": (published + timedelta(hours=hours)).isoformat(),
                    "reprint_of": f"orangesum:{page_id}",
                }
                sink.write(json.dumps(row, ensure_ascii=False) + "\n")
                rows += 1
    return rows


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
    print(f"AFP reprints: {build_reprints(args.shared)}")


if __name__ == "__main__":
    main()
