"""One exception tree for recoupe.

Every error recoupe raises on purpose is a ``RecoupeError``. Each class knows how users see it: the exit
code of the ``recoupe`` command (sysexits values) and the HTTP status of the REST API. Errors carry the
thing they are about (``where``: a file and line, a URL) so a message can say which input failed.

    RecoupeError                 exit 1   HTTP 500   anything recoupe itself reports
    ├── InputError               exit 65  HTTP 422   input that cannot be read (empty, binary, not JSON, too large)
    │   └── ExtractionError      exit 65  HTTP 422   readable input with no article in it
    ├── FetchError               exit 69  HTTP 502   a URL or feed that could not be fetched
    ├── NotFoundError            exit 66  HTTP 404   an id or file that does not exist
    ├── StoreError               exit 74  HTTP 503   the database cannot be opened, written or migrated
    ├── ConfigError              exit 78  HTTP 500   a setting with a wrong value or type
    └── QueryError               exit 64  HTTP 400   a search or filter that cannot be understood

Library code raises these; only the faces (CLI, API) turn them into messages and statuses.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "ExtractionError",
    "FetchError",
    "InputError",
    "NotFoundError",
    "QueryError",
    "RecoupeError",
    "StoreError",
]


class RecoupeError(Exception):
    """Base of every error recoupe reports. ``where`` names the input it is about, when there is one."""

    exit_code: int = 1
    http_status: int = 500

    def __init__(self, message: str, *, where: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.where = where

    def __str__(self) -> str:
        return f"{self.where}: {self.message}" if self.where else self.message


class InputError(RecoupeError):
    """Input that cannot be read: empty, binary, badly encoded, malformed, too large."""

    exit_code = 65
    http_status = 422


class ExtractionError(InputError):
    """Readable input in which no article could be found."""


class FetchError(RecoupeError):
    """A URL or feed that could not be fetched."""

    exit_code = 69
    http_status = 502


class NotFoundError(RecoupeError):
    """An article, story, entity or path that does not exist."""

    exit_code = 66
    http_status = 404


class StoreError(RecoupeError):
    """The database cannot be opened, migrated, read or written."""

    exit_code = 74
    http_status = 503


class ConfigError(RecoupeError):
    """A setting with a wrong value or type, from a flag, the environment or recoupe.toml."""

    exit_code = 78
    http_status = 500


class QueryError(RecoupeError):
    """A search or filter that cannot be understood (a bad date, an unknown field)."""

    exit_code = 64
    http_status = 400
