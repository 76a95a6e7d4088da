"""recoupe: cross-check the news.

Data flow: ``sources`` (inputs → ``Record``) → ``extract`` (``Record`` → ``Article``) → ``store``
(SQLite/PostgreSQL through SQLAlchemy Core) → faces (``cli``). ``pipeline`` composes the stages.
"""

from __future__ import annotations

#: pyproject.toml's version, written here: asking importlib.metadata costs about 0.05 CPU-s at every
#: start of every command (tests/test_startup.py checks the two agree)
__version__ = "0.1.0"

__all__ = ["__version__"]
