"""Whole-file readers: an HTML page or a plain-text record, one file each."""

from __future__ import annotations

from pathlib import Path

from recoupe.config import Settings
from recoupe.errors import InputError
from recoupe.model import Provenance, Record
from recoupe.sources.decode import decode_bytes, looks_binary
from recoupe.sources.files import open_binary

__all__ = ["read_html_file", "read_text_file"]


def _too_large(size: int, settings: Settings, path: Path) -> InputError:
    return InputError(
        f"file too large ({size / 1_048_576:.1f} MB > max_file_mb={settings.max_file_mb:g}); "
        "raise max_file_mb to read it",
        where=str(path),
    )


def _read_bounded(path: Path, settings: Settings) -> bytes:
    size = path.stat().st_size
    if size > settings.max_file_bytes:
        raise _too_large(size, settings, path)
    with open_binary(path) as handle:
        data = handle.read(settings.max_file_bytes + 1)
    if len(data) > settings.max_file_bytes:
        raise _too_large(len(data), settings, path)
    if not data.strip():
        raise InputError("empty file (only whitespace)", where=str(path))
    return data


def read_text_file(path: Path, settings: Settings) -> Record:
    """A plain-text record (see ``recoupe.extract.text`` for the layout it accepts)."""
    data = _read_bounded(path, settings)
    text, encoding = decode_bytes(data, where=str(path))
    return Record(kind="text", provenance=Provenance(str(path), "text", encoding=encoding), text=text)


def read_html_file(path: Path, settings: Settings) -> Record:
    """An HTML page as raw bytes; the HTML extractor decodes it with the page's own charset."""
    data = _read_bounded(path, settings)
    if looks_binary(data):
        raise InputError("binary content, not HTML", where=str(path))
    return Record(kind="html", provenance=Provenance(str(path), "html"), data=data)
