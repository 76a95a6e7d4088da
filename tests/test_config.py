"""Settings precedence: CLI flag > RECOUPE_* environment > recoupe.toml > default, and clear errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import recoupe.config
from recoupe.config import Settings, load_settings
from recoupe.errors import ConfigError


def test_precedence(tmp_path: Path) -> None:
    toml = tmp_path / "recoupe.toml"
    toml.write_text('db = "from-file.db"\nbatch_size = 10\nmax_file_mb = 3\n', encoding="utf-8")
    settings = load_settings(
        {"db": "from-flag.db", "batch_size": None},
        env={"RECOUPE_BATCH_SIZE": "20", "RECOUPE_STRICT": "yes"},
        config_file=toml,
    )
    assert settings.db == "from-flag.db"
    assert settings.batch_size == 20
    assert settings.strict is True
    assert settings.max_file_mb == 3.0
    assert settings.min_body_chars == Settings().min_body_chars
    assert settings.sources["db"] == "command line"
    assert settings.sources["batch_size"] == "RECOUPE_BATCH_SIZE"
    assert settings.sources["max_file_mb"] == str(toml)
    assert settings.sources["min_body_chars"] == "default"


def test_recoupe_table_in_toml(tmp_path: Path) -> None:
    toml = tmp_path / "recoupe.toml"
    toml.write_text("[recoupe]\nstrict = true\n", encoding="utf-8")
    assert load_settings(env={}, config_file=toml).strict is True


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"RECOUPE_BATCH_SIZE": "many"}, "batch_size"),
        ({"RECOUPE_STRICT": "maybe"}, "strict"),
        ({"RECOUPE_BATCH_SIZE": "0"}, "at least 1"),
    ],
)
def test_bad_values(env: dict[str, str], message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        load_settings(env=env, config_file=None)


def test_unknown_key_and_broken_file(tmp_path: Path) -> None:
    toml = tmp_path / "recoupe.toml"
    toml.write_text("colour = 'blue'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="unknown setting 'colour'"):
        load_settings(env={}, config_file=toml)
    toml.write_text("db = \n", encoding="utf-8")
    with pytest.raises(ConfigError, match="cannot parse"):
        load_settings(env={}, config_file=toml)
    with pytest.raises(ConfigError, match="not found"):
        load_settings(env={}, config_file=tmp_path / "missing.toml")


def test_every_setting_is_documented() -> None:
    doc = recoupe.config.__doc__ or ""
    documented = set(re.findall(r"^- ``(\w+)``", doc, flags=re.MULTILINE))
    names = {name for name in Settings.__dataclass_fields__ if name != "sources"}
    assert documented == names
