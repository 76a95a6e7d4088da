"""Bytes to text: UTF-8 first, then charset detection (charset-normalizer) for files that are not UTF-8.

UTF-16 and UTF-32 with a byte-order mark are read as such. Binary content (NUL bytes, or no encoding that
yields mostly printable text) is refused with a reason.
"""

from __future__ import annotations

import codecs
import unicodedata

from charset_normalizer import from_bytes

from recoupe.errors import InputError

__all__ = ["decode_bytes", "looks_binary", "wide_encoding"]

_SNIFF = 8192


#: byte-order marks of the encodings whose text holds NUL bytes (UTF-32 first: its LE mark starts like UTF-16's)
_WIDE_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def wide_encoding(data: bytes) -> str | None:
    """``utf-16`` or ``utf-32`` when ``data`` opens with that encoding's byte-order mark, else ``None``."""
    for bom, encoding in _WIDE_BOMS:
        if data.startswith(bom):
            return encoding
    return None


def looks_binary(data: bytes) -> bool:
    """True for content with NUL bytes or mostly control characters in its first 8 KB.

    UTF-16 and UTF-32 text with its byte-order mark is judged on its decoded characters (NUL bytes are
    part of those encodings)."""
    wide = wide_encoding(data)
    if wide is not None:
        sample = data[: _SNIFF * 2].decode(wide, errors="replace")
        return "\x00" in sample or _printable_share(sample) < 0.95
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for byte in head if byte < 32 and byte not in (9, 10, 12, 13, 27))
    return controls / len(head) > 0.05


def _printable_share(text: str) -> float:
    sample = text[:_SNIFF]
    if not sample:
        return 1.0
    good = sum(1 for ch in sample if ch.isprintable() or ch in "\n\r\t")
    return good / len(sample)


_PREFERRED = ("cp1252", "iso8859_15", "latin_1")


def _guess_legacy_encoding(data: bytes) -> str | None:
    """The encoding of non-UTF-8 bytes: charset-normalizer's cleanest candidates, Windows-1252 first.

    On short texts charset-normalizer often ranks a Baltic or Central European code page first although
    Windows-1252 decodes the bytes just as cleanly; for news from Western Europe 1252 is the likely one.
    """
    matches = list(from_bytes(data[: 1024 * 1024]))
    if not matches:
        return None
    least_chaos = min(match.chaos for match in matches)
    clean = [match.encoding for match in matches if match.chaos <= least_chaos + 1e-9]
    for preferred in _PREFERRED:
        if preferred in clean:
            return preferred
    best = clean[0]
    return None if best in {"utf_8", "utf-8"} else best


def decode_bytes(data: bytes, *, where: str) -> tuple[str, str]:
    """Decode ``data`` and return ``(text, encoding)``. Raises ``InputError`` for binary or undecodable data.

    A UTF-8 byte-order mark is dropped. Text is returned in NFC.
    """
    if looks_binary(data):
        raise InputError("binary content, not text", where=where)
    wide = wide_encoding(data)
    if wide is not None:
        try:
            text = data.decode(wide)  # the codec reads the mark and drops it
        except UnicodeDecodeError as exc:
            raise InputError(f"invalid {wide.upper()} at byte {exc.start}", where=where) from exc
        return unicodedata.normalize("NFC", text), wide
    try:
        text = data.decode("utf-8-sig")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        guess = _guess_legacy_encoding(data)
        if guess is None:
            raise InputError(f"invalid UTF-8 at byte {exc.start} and no other encoding fits", where=where) from exc
        encoding = guess
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as exc2:
            raise InputError(f"cannot decode as {encoding}: {exc2}", where=where) from exc2
        if _printable_share(text) < 0.95:
            raise InputError(
                f"invalid UTF-8 at byte {exc.start}; not readable as {encoding} either", where=where
            ) from exc
    return unicodedata.normalize("NFC", text), encoding
