"""Which inputs to read: files, folders (recursively), glob patterns and ``-`` for standard input.

The kind of each file comes from its extension; a file with an unknown extension is sniffed
(``<`` first → HTML, ``{`` first → JSONL, ``WARC/`` first → a web archive, otherwise plain text).
"""

from __future__ import annotations

import glob
import gzip
from collections.abc import Iterator
from pathlib import Path
from typing import IO, cast

from recoupe.errors import InputError
from recoupe.model import Failure, Provenance

__all__ = ["GZIP_MAX_RATIO", "KINDS", "BoundedGzipFile", "expand_paths", "is_gzip", "kind_of", "open_binary"]

KINDS: dict[str, str] = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".tsv": "tsv",
    ".warc": "warc",  # web archives, read by recoupe.sources.warc
    ".arc": "warc",
}
_SKIP_NAMES = {"NOTICE", "NOTICE.md", "LICENSE", "LICENSE.md", "README", "README.md", "SOURCES.md"}


def is_gzip(path: Path) -> bool:
    """True for ``.gz`` files: every reader decompresses them on the fly (``page.html.gz``, ``dump.jsonl.gz``)."""
    return path.suffix.lower() == ".gz"


#: a gzipped file may not decompress to more than this many times its size (plus 1 MB): text and JSON
#: compress 5 to 20 times; a file of blank lines or one repeated byte, a gzip bomb, 1000 times
GZIP_MAX_RATIO = 100
_GZIP_SLACK = 1024 * 1024


class BoundedGzipFile(gzip.GzipFile):
    """A ``GzipFile`` that raises ``InputError`` once it has decompressed more than ``bound`` bytes."""

    def __init__(self, path: Path, bound: int) -> None:
        super().__init__(path, "rb")
        self.bound = bound
        self.where = str(path)

    def _check(self, data: bytes) -> bytes:
        if self.tell() > self.bound:
            raise InputError(
                f"decompresses to more than {GZIP_MAX_RATIO} times its size (over {self.bound} bytes): "
                "not read further",
                where=self.where,
            )
        return data

    def read(self, size: int | None = -1) -> bytes:
        return self._check(super().read(size))

    def read1(self, size: int = -1) -> bytes:
        return self._check(super().read1(size))

    def readline(self, size: int | None = -1) -> bytes:
        return self._check(super().readline(size))

    def peek(self, n: int) -> bytes:
        return self._check(super().peek(n))


def open_binary(path: Path) -> IO[bytes]:
    """The file's bytes, decompressed when it is gzipped (at most ``GZIP_MAX_RATIO`` times its size)."""
    if is_gzip(path):
        bound = GZIP_MAX_RATIO * path.stat().st_size + _GZIP_SLACK
        return cast("IO[bytes]", BoundedGzipFile(path, bound))  # typeshed's GzipFile is not an IO[bytes]
    return path.open("rb")


def kind_of(path: Path) -> str:
    """The reader for ``path``: from the extension (``.gz`` looked through), else by sniffing the first bytes."""
    name = path.with_suffix("") if is_gzip(path) else path
    kind = KINDS.get(name.suffix.lower())
    if kind:
        return kind
    with open_binary(path) as handle:
        head = handle.read(512).lstrip()
    if head.startswith(b"\xef\xbb\xbf"):
        head = head[3:].lstrip()
    if head[:1] == b"<":
        return "html"
    if head[:1] == b"{":
        return "jsonl"
    if head.startswith(b"WARC/"):
        return "warc"
    return "text"


def _walk(folder: Path) -> Iterator[Path]:
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.name.startswith(".") and path.name not in _SKIP_NAMES:
            yield path


def expand_paths(arguments: list[str]) -> Iterator[Path | str | Failure]:
    """Yield each input file once, in a stable order; ``-`` is passed through for standard input.

    A folder yields its files (recursively, hidden files and NOTICE/LICENSE/README skipped); a pattern
    with ``*``, ``?`` or ``[`` is expanded. A path that does not exist is yielded as a ``Failure``.
    """
    seen: set[Path] = set()
    for argument in arguments:
        if argument == "-":
            yield "-"
            continue
        if any(ch in argument for ch in "*?[") and not Path(argument).exists():
            matches = sorted(Path(match) for match in glob.glob(argument, recursive=True))  # noqa: PTH207 - absolute patterns
            if not matches:
                yield Failure(Provenance(argument, "pattern"), "no file matches this pattern")
                continue
            candidates: list[Path] = []
            for match in matches:
                candidates.extend(_walk(match) if match.is_dir() else [match])
        else:
            path = Path(argument)
            if not path.exists():
                yield Failure(Provenance(argument, "path"), "no such file or folder")
                continue
            candidates = list(_walk(path)) if path.is_dir() else [path]
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                yield candidate
