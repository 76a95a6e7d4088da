"""recoupe: cross-check the news.

Data flow: ``sources`` (inputs → ``Record``) → ``extract`` (``Record`` → ``Article``) → ``store``
(SQLite/PostgreSQL through SQLAlchemy Core) → faces (``cli``). ``pipeline`` composes the stages.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("recoupe")
except PackageNotFoundError:  # running from a source tree that was not installed
    __version__ = "0.0.0"

__all__ = ["__version__"]
