"""Opening databases: creation, migrations, refusal of newer schemas, pragmas, errors."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import create_engine, select

from recoupe.errors import StoreError
from recoupe.store import SqlStore, Store, open_store
from recoupe.store import migrations as migrations_module
from recoupe.store import sqlite as sqlite_module
from recoupe.store.migrations import LATEST, MIGRATIONS
from recoupe.store.phrase_pairs import pairs_of
from recoupe.store.rows import article_values
from recoupe.store.schema import articles, schema_version

from .corpus import CLUBIC_BODY, CLUBIC_TITLE, article


def _versions(path: Path) -> list[int]:
    with sqlite3.connect(path) as conn:
        return [row[0] for row in conn.execute("SELECT version FROM schema_version ORDER BY version")]


def test_fresh_file_is_created_with_every_migration(db_path: Path) -> None:
    assert not db_path.parent.exists()
    with open_store(str(db_path)) as store:
        assert store.check_integrity() == []
    assert db_path.is_file()
    assert _versions(db_path) == [m.version for m in MIGRATIONS] == list(range(1, LATEST + 1))
    with sqlite3.connect(db_path) as conn:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    assert {"articles", "article_revisions", "schema_version", "articles_fts"} <= names


def test_reopen_keeps_data_and_runs_nothing_again(db_path: Path) -> None:
    with open_store(str(db_path)) as store:
        store.add([article()])
    with open_store(str(db_path)) as store:
        assert store.count() == 1
        assert len(store.search("milliardaire")) == 1
    assert _versions(db_path) == list(range(1, LATEST + 1))


def test_sqlalchemy_url_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "nested" / "via-url.db"
    with open_store(f"sqlite:///{path}") as store:
        store.add([article()])
    assert path.is_file()


def test_old_database_is_upgraded_and_its_articles_indexed(db_path: Path) -> None:
    # Build a version-1 database by hand: tables, one article, no full-text index yet.
    db_path.parent.mkdir(parents=True)
    engine = create_engine(f"sqlite:///{db_path}")
    old = article(CLUBIC_TITLE, CLUBIC_BODY, url="https://www.clubic.com/openai.html")
    now = datetime.now(UTC)
    with engine.begin() as conn:
        MIGRATIONS[0].step(conn, "sqlite")
        schema_version.create(conn)
        conn.execute(schema_version.insert().values(version=1, description="v1", applied_at=now))
        conn.execute(articles.insert().values(id=old.id, ingested_at=now, updated_at=now, **article_values(old)))
    engine.dispose()

    with open_store(str(db_path)) as store:
        assert store.check_integrity() == []
        hits = store.search("benefique")
        assert [hit.article.id for hit in hits] == [old.id]
    assert _versions(db_path) == list(range(1, LATEST + 1))


def test_newer_schema_is_refused_with_a_clear_message(db_path: Path) -> None:
    open_store(str(db_path)).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "INSERT INTO schema_version (version, description, applied_at) VALUES (?, 'future', ?)",
            (LATEST + 1, "2030-01-01 00:00:00"),
        )
    with pytest.raises(StoreError, match="newer recoupe") as caught:
        open_store(str(db_path))
    assert caught.value.where == str(db_path)
    assert str(db_path) in str(caught.value)


def test_failed_migration_leaves_previous_version_and_retries(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(conn: object, dialect: str) -> None:
        raise StoreError("boom")

    monkeypatch.setattr(MIGRATIONS[1], "step", broken)
    with pytest.raises(StoreError, match="boom"):
        open_store(str(db_path))
    assert _versions(db_path) == [1]
    monkeypatch.undo()
    with open_store(str(db_path)) as store:
        assert store.check_integrity() == []


@pytest.mark.sqlite_only
def test_connections_use_wal_and_pragmas(store: Store, db_path: Path) -> None:
    with store._engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1  # NORMAL
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == sqlite_module.BUSY_TIMEOUT_MS
    with sqlite3.connect(db_path) as raw:  # persisted in the file, not only per connection
        assert raw.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_file_that_is_not_a_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("Ceci n'est pas une base de données.\n" * 200, encoding="utf-8")
    with pytest.raises(StoreError, match="not a database") as caught:
        open_store(str(path))
    assert caught.value.where == str(path)


def test_a_directory_that_cannot_be_created_is_refused(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    with pytest.raises(StoreError, match="directory") as caught:
        open_store(str(blocker / "sub" / "recoupe.db"))
    assert str(blocker) in str(caught.value)


def test_a_directory_given_as_the_database_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="unable to open"):
        open_store(str(tmp_path))


def test_other_engines_are_refused() -> None:
    with pytest.raises(StoreError, match="not supported") as caught:
        open_store("mysql://user:secret@localhost/recoupe")
    assert "secret" not in str(caught.value)


def test_an_unreachable_postgresql_is_a_store_error_without_the_password() -> None:
    with pytest.raises(StoreError, match="database error") as caught:
        open_store("postgresql://user:secret@127.0.0.1:1/recoupe")
    assert "secret" not in str(caught.value)
    assert "127.0.0.1" in str(caught.value)


def test_missing_fts5_is_reported(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sqlite_module, "FTS5_PROBE", "CREATE VIRTUAL TABLE temp.recoupe_fts5_probe USING nofts(x)")
    with pytest.raises(StoreError, match="FTS5"):
        open_store(str(db_path))


def test_closed_store_refuses_work(db_path: Path) -> None:
    store = open_store(str(db_path))
    store.close()
    with pytest.raises(StoreError, match="closed"):
        store.count()


def test_latest_matches_the_migration_list() -> None:
    assert len(MIGRATIONS) == migrations_module.LATEST
    assert [m.version for m in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))


def _recorded_versions(store: SqlStore) -> list[int]:
    with store.transaction(write=False) as conn:
        return [
            int(v) for v in conn.execute(select(schema_version.c.version).order_by(schema_version.c.version)).scalars()
        ]


def test_either_engine_records_every_migration_once_and_refuses_a_newer_schema(db_url: str) -> None:
    with open_store(db_url) as store:
        assert _recorded_versions(store) == list(range(1, LATEST + 1))
        store.add([article()])
    with open_store(db_url) as store:  # a second open runs nothing again
        assert _recorded_versions(store) == list(range(1, LATEST + 1))
        assert len(store.search("milliardaire")) == 1
        with store.transaction(write=True) as conn:
            conn.execute(
                schema_version.insert().values(version=LATEST + 1, description="future", applied_at=datetime.now(UTC))
            )
    with pytest.raises(StoreError, match="newer recoupe"):
        open_store(db_url)


def test_two_processes_opening_a_new_database_at_once_both_succeed(db_url: str) -> None:
    from concurrent.futures import ThreadPoolExecutor

    def opened(_: int) -> int:
        with open_store(db_url) as store:  # each its own engine: both may try to migrate
            return store.count()

    with ThreadPoolExecutor(max_workers=2) as pool:
        assert list(pool.map(opened, range(2))) == [0, 0]
    with open_store(db_url) as store:
        assert _recorded_versions(store) == list(range(1, LATEST + 1))
        assert store.check_integrity() == []


def _fts_indexes(store: SqlStore) -> set[str]:
    with store.transaction(write=False) as conn:
        query = "SELECT indexname FROM pg_indexes WHERE tablename = 'articles_fts' AND schemaname = current_schema()"
        return {str(name) for name in conn.exec_driver_sql(query).scalars()}


def test_postgresql_full_text_indexes_and_word_pairs_after_migrations_11_and_12(postgres_url: str) -> None:
    """One GIN index per configuration (11), and the word pairs of each row with their own (12), on a store
    taken back to version 10 with its articles."""
    configs = ("recoupe_french", "recoupe_english", "recoupe_simple")
    per_config = {f"ix_articles_fts_{name}" for name in configs} | {f"ix_articles_fts_pairs_{name}" for name in configs}
    with open_store(postgres_url) as store:
        assert isinstance(store, SqlStore)
        assert _fts_indexes(store) == {"articles_fts_pkey", *per_config}
        store.add([article(), article(CLUBIC_TITLE, CLUBIC_BODY, language="en")])
        with store.transaction(write=True) as conn:  # back to version 10: one index over every configuration
            for name in per_config:
                conn.exec_driver_sql(f"DROP INDEX {name}")
            conn.exec_driver_sql("ALTER TABLE articles_fts DROP COLUMN pairs")
            conn.exec_driver_sql("CREATE INDEX ix_articles_fts_document ON articles_fts USING GIN (document)")
            conn.execute(schema_version.delete().where(schema_version.c.version >= 11))
    with open_store(postgres_url) as store:
        assert isinstance(store, SqlStore)
        assert _fts_indexes(store) == {"articles_fts_pkey", *per_config}
        assert _recorded_versions(store) == list(range(1, LATEST + 1))
        assert [hit.article.title for hit in store.search("bénéfique")] == [CLUBIC_TITLE]
        assert [hit.article.title for hit in store.search('"but non lucratif"')] == [CLUBIC_TITLE]
        with store.transaction(write=False) as conn:
            rows = conn.exec_driver_sql("SELECT CAST(document AS TEXT), pairs FROM articles_fts").all()
        assert len(rows) == 2
        assert all(list(pairs) == pairs_of(vector) and len(pairs) > 10 for vector, pairs in rows)
        assert store.check_integrity() == []
