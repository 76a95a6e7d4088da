"""The README stays honest: it starts with the two commands, and documents every CLI command and exit code."""

from __future__ import annotations

from pathlib import Path

from recoupe import errors
from recoupe.cli.main import COMMANDS

ROOT = Path(__file__).parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_starts_with_the_two_commands() -> None:
    first_block = README.split("```", 2)[1]
    assert "scripts/demo" in first_block
    assert "scripts/test" in first_block
    assert "scripts/test" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_every_command_is_in_the_readme() -> None:
    for name in COMMANDS:  # every command, registered lazily from this table
        assert f"recoupe {name}" in README, name


def test_every_exit_code_is_in_the_readme() -> None:
    codes = {
        cls.exit_code for cls in vars(errors).values() if isinstance(cls, type) and issubclass(cls, errors.RecoupeError)
    }
    for code in codes:
        assert f"`{code}`" in README, code
