"""Sources: everything that yields ``Record``s with their provenance.

``read_inputs`` reads files, folders, globs and standard input (web archives, ``.warc``/``.arc``, through
``recoupe.sources.warc``), fetches the arguments that are URLs
(``recoupe.sources.web``) and reads feeds (``recoupe.sources.feeds``). Per-item problems are yielded as
``Failure`` objects (file, line or URL, and reason) so a run can report them and go on; whatever a reader
raises on one input (``recoupe.sources.guard``) is that input's ``Failure`` too, after the records read
before it.
"""

from __future__ import annotations

import re
import sys
import zlib
from collections.abc import Iterator, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from recoupe.config import Settings
from recoupe.errors import InputError
from recoupe.model import Failure, Provenance, Record
from recoupe.sources.files import expand_paths, kind_of, open_binary
from recoupe.sources.guard import failure_of, guarded
from recoupe.sources.pages import read_html_file, read_text_file
from recoupe.sources.tabular import read_csv, read_json_array, read_jsonl

if TYPE_CHECKING:
    from recoupe.sources.web import Fetcher

__all__ = ["is_url_argument", "read_inputs", "read_path"]

_URL_ARGUMENT = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://|^(?:javascript|data|mailto):", re.IGNORECASE)


def is_url_argument(argument: str) -> bool:
    """True for an argument written as a URL (``https://…``, ``ftp://…``): fetched, or refused with a reason."""
    return bool(_URL_ARGUMENT.match(argument.strip()))


def read_path(path: Path, settings: Settings, mapping: Mapping[str, str] | None = None) -> Iterator[Record | Failure]:
    """Records from one file, by its kind; a file that cannot be opened is one ``Failure``."""
    where = str(path)
    try:
        size = path.stat().st_size
        kind = kind_of(path)
    except OSError as exc:
        yield Failure(Provenance(where, "file"), f"cannot read: {exc.strerror or exc}")
        return
    if size == 0:
        yield Failure(Provenance(where, kind), "empty file")
        return
    try:
        if kind == "jsonl":
            with open_binary(path) as handle:
                yield from read_jsonl(handle, where, settings, mapping)
        elif kind in {"csv", "tsv"}:
            with open_binary(path) as handle:
                yield from read_csv(handle, where, settings, mapping, delimiter="\t" if kind == "tsv" else ",")
        elif kind == "json":
            yield from read_json_array(path, settings, mapping)
        elif kind == "html":
            yield read_html_file(path, settings)
        elif kind == "warc":
            from recoupe.sources.warc import read_warc  # warcio only when an archive is read

            yield from read_warc(path, settings)
        else:
            yield read_text_file(path, settings)
    except InputError as exc:
        yield Failure(Provenance(where, kind), exc.message, type(exc).__name__)
    except (OSError, EOFError, zlib.error) as exc:  # gzip raises BadGzipFile (an OSError), EOFError, zlib.error
        yield Failure(Provenance(where, kind), f"cannot read: {getattr(exc, 'strerror', None) or exc}")
    except Exception as exc:  # noqa: BLE001 - what a library raises on one hostile file is that file's failure
        yield failure_of(exc, Provenance(where, kind))


def read_inputs(
    arguments: list[str],
    settings: Settings,
    *,
    mapping: Mapping[str, str] | None = None,
    stdin: BinaryIO | None = None,
    feeds: Sequence[str] = (),
    sitemaps: Sequence[str] = (),
    since: date | None = None,
    fetcher: Fetcher | None = None,
) -> Iterator[Record | Failure]:
    """Records from every input named in ``arguments`` (``-`` reads JSONL from ``stdin``), then ``feeds``.

    Files come first, then the arguments that are URLs (fetched over one HTTP client, only http and https),
    then the entries of each feed (a URL or a feed file), then the pages of each sitemap (``since``: see
    ``recoupe.sources.sitemaps``).
    """
    urls = [argument for argument in arguments if is_url_argument(argument)]
    paths = [argument for argument in arguments if not is_url_argument(argument)]
    for item in expand_paths(paths):
        if isinstance(item, Failure):
            yield item
        elif isinstance(item, str):
            reading = read_jsonl(stdin or sys.stdin.buffer, "<stdin>", settings, mapping)
            yield from guarded(reading, Provenance("<stdin>", "jsonl"))
        else:
            yield from read_path(item, settings, mapping)
    if urls or feeds or sitemaps:
        from recoupe.sources.feeds import read_feeds  # httpx and feedparser only when the web is read
        from recoupe.sources.sitemaps import read_sitemaps
        from recoupe.sources.web import fetch_urls, fetcher_for

        with fetcher_for(settings, fetcher) as client:  # one polite client (``fetcher``'s when given)
            for url in dict.fromkeys(urls):  # each once, in order
                yield from guarded(fetch_urls([url], settings, client=client), Provenance(url, "url"))
            for feed in feeds:
                yield from guarded(read_feeds([feed], settings, client=client), Provenance(feed, "feed"))
            for sitemap in sitemaps:
                reading = read_sitemaps([sitemap], settings, since=since, client=client)
                yield from guarded(reading, Provenance(sitemap, "sitemap"))
