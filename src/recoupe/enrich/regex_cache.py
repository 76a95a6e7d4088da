"""Huge regular expressions compiled once per machine instead of once per process.

spaCy's French tokenizer matches exceptions with one 1.45-million-character pattern (``TOKEN_MATCH`` in
``spacy.lang.fr.tokenizer_exceptions``, compiled when ``spacy.lang.fr`` is imported): Python's ``re`` spends
about 3.7 CPU-s compiling it (its many Unicode letter classes), almost half of what loading
``fr_core_news_md`` costs, in every process that loads the model (each ``--workers`` process, each command).

``install`` wraps ``re``'s compiler so that a pattern of at least ``MIN_CHARS`` characters is compiled once
and its compiled program (the list of SRE codes that ``re`` hands to ``_sre.compile``) is kept in a file of the
user's cache folder, keyed by the pattern, its flags and the Python build; a later process reads the program
back (a few milliseconds) instead of compiling. The pattern object is the one ``re.compile`` would give:
patterns compare equal, code included (``tests/enrich/test_regex_cache.py``). ``_sre.compile`` checks the
program it is given; a file that cannot be read, does not match its checksum or is refused is compiled again
and rewritten. Shorter patterns, and everything when the cache folder cannot be written, go to ``re`` as before.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import re
import sys
import threading
from array import array
from pathlib import Path
from typing import Any

__all__ = ["MIN_CHARS", "compile_cached", "compile_uncached", "default_folder", "install"]

#: patterns shorter than this are compiled by ``re`` as usual
MIN_CHARS = 100_000

_LOCK = threading.Lock()
#: ``re``'s compiler as it was before ``install``
_ORIGINAL: Any = getattr(importlib.import_module("re._compiler"), "compile", None)
_installed: list[Path] = []


def compile_uncached(pattern: str, flags: int = 0) -> Any:
    """``pattern`` compiled by ``re``'s own compiler, whether or not ``install`` ran (what the cache must equal)."""
    return _ORIGINAL(pattern, flags)


def default_folder() -> Path:
    """``regex`` under the user's cache folder for recoupe (``XDG_CACHE_HOME`` on Linux)."""
    import platformdirs

    return Path(platformdirs.user_cache_dir("recoupe", appauthor=False)) / "regex"


def _internals() -> tuple[Any, Any, Any]:
    """``re``'s parser and compiler modules and ``_sre`` (no typing stubs: private modules)."""
    names = ("re._parser", "re._compiler", "_sre")
    parser, compiler, sre = (importlib.import_module(name) for name in names)
    return parser, compiler, sre


def _key(pattern: str, flags: int) -> str:
    _, _, _sre = _internals()
    build = f"{sys.version}\0{sys.implementation.cache_tag}\0{_sre.MAGIC}\0{_sre.CODESIZE}\0{int(flags)}\0"
    return hashlib.sha256((build + pattern).encode("utf-8", "surrogatepass")).hexdigest()[:40]


def _read(path: Path, pattern: str) -> Any:
    _, _, _sre = _internals()

    data = path.read_bytes()
    head, _, body = data.partition(b"\n")
    meta = json.loads(head)
    if meta["sha256"] != hashlib.sha256(body).hexdigest():
        raise ValueError("checksum")
    code = array("I")
    code.frombytes(body)
    indexgroup = tuple(meta["indexgroup"])
    return _sre.compile(pattern, meta["flags"], code.tolist(), meta["groups"], meta["groupindex"], indexgroup)


def _compile_and_write(path: Path, pattern: str, flags: int) -> Any:
    """``re._compiler.compile`` step by step (``re/_compiler.py``), keeping the program it builds."""
    _parser, _compiler, _sre = _internals()
    parsed = _parser.parse(pattern, flags)
    code = _compiler._code(parsed, flags)  # the program re builds, kept to skip building it again
    groupindex = dict(parsed.state.groupdict)
    indexgroup: list[str | None] = [None] * parsed.state.groups
    for name, index in groupindex.items():
        indexgroup[index] = name
    meta_flags = int(flags | parsed.state.flags)
    compiled = _sre.compile(pattern, meta_flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
    body = array("I", [int(c) for c in code]).tobytes()
    meta = {
        "flags": meta_flags,
        "groups": parsed.state.groups - 1,
        "groupindex": groupindex,
        "indexgroup": indexgroup,
        "sha256": hashlib.sha256(body).hexdigest(),
    }
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(f"{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
        temporary.write_bytes(json.dumps(meta).encode() + b"\n" + body)
        temporary.replace(path)  # atomic: a reader sees the old file, none, or the whole new one
    except OSError:
        pass  # a read-only or full cache folder: compiled all the same
    return compiled


def compile_cached(pattern: str, flags: int, folder: Path) -> Any:
    """The compiled ``pattern``, its program read from ``folder`` when it was compiled there before."""
    path = folder / f"re-{_key(pattern, flags)}.bin"
    try:
        return _read(path, pattern)
    except (OSError, ValueError, KeyError, TypeError, RuntimeError):  # absent, cut, stale or refused by _sre
        return _compile_and_write(path, pattern, flags)


def install(folder: Path | None = None) -> None:
    """Route ``re``'s compilation of huge patterns through ``compile_cached`` (once per process; idempotent).

    Does nothing on a Python whose ``re`` lacks the internals used here (``re._compiler``, ``_sre.compile``).
    """
    with _LOCK:
        if _installed:
            return
        try:
            _, _compiler, _ = _internals()
        except ImportError:
            return
        original = _ORIGINAL
        if original is None or not hasattr(_compiler, "_code"):
            return
        target = folder or default_folder()

        def compile_with_cache(p: Any, flags: int = 0) -> Any:
            if isinstance(p, str) and len(p) >= MIN_CHARS and not flags & _compiler.SRE_FLAG_DEBUG:
                try:
                    return compile_cached(p, int(flags), target)
                except re.error:
                    raise
                except Exception:  # noqa: BLE001 - internals changed: compile as re always does
                    return original(p, flags)
            return original(p, flags)

        _compiler.compile = compile_with_cache
        _installed.append(target)
