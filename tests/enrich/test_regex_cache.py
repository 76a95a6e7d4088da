"""Huge patterns read back from the cache are the patterns ``re`` compiles (code included), on spaCy's real one."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from recoupe.enrich import regex_cache
from recoupe.enrich.regex_cache import MIN_CHARS, compile_cached, compile_uncached

WORDS = ["arc-en-ciel", "aujourd'hui", "porte-à-porte", "rendez-vous", "New-York", "c'est-à-dire", "x-y", "été"]


def _big_pattern(words: int = 400) -> str:
    """An alternation of anchored hyphen rules with letter classes, as spaCy writes (``compile_cached`` takes
    a pattern of any length; ``install`` sends it those of ``MIN_CHARS`` or more: 2,250 words)."""
    rules = [f"^{word}[-‐][a-zé]+$|^[a-z]{{2}}{word}\\d*$" for word in (f"mot{n}" for n in range(words))]
    return "(?iu)" + "|".join(f"(?:{rule})" for rule in rules)


def test_a_pattern_read_back_is_the_pattern_re_compiles(tmp_path: Path) -> None:
    pattern = _big_pattern()
    expected = compile_uncached(pattern)
    first = compile_cached(pattern, 0, tmp_path)
    files = list(tmp_path.iterdir())
    assert len(files) == 1
    second = compile_cached(pattern, 0, tmp_path)  # read from the file
    assert first == expected
    assert second == expected  # flags, pattern and the compiled program all equal
    for text in ["mot12-abc", "MOT12-Été", "xymot399", "mot400-a", "mot1", "bamot7"]:
        assert bool(second.match(text)) == bool(expected.match(text))


@pytest.mark.parametrize("damage", ["cut", "flip", "header"])
def test_a_damaged_file_is_compiled_again_and_rewritten(tmp_path: Path, damage: str) -> None:
    pattern = _big_pattern()
    compile_cached(pattern, 0, tmp_path)
    (path,) = tmp_path.iterdir()
    data = path.read_bytes()
    if damage == "cut":
        path.write_bytes(data[: len(data) // 2])
    elif damage == "flip":
        path.write_bytes(data[:-8] + bytes(8))
    else:
        path.write_bytes(b"{not json" + data[data.index(b"\n") :])
    again = compile_cached(pattern, 0, tmp_path)
    assert again == compile_uncached(pattern)
    assert path.read_bytes() == data


def test_flags_and_short_patterns(tmp_path: Path) -> None:
    pattern = _big_pattern().removeprefix("(?iu)")
    import re

    cached = compile_cached(pattern, re.IGNORECASE, tmp_path)
    assert cached == compile_uncached(pattern, re.IGNORECASE)
    assert cached.match("MOT5-ABC")
    assert not compile_cached(pattern, 0, tmp_path).match("MOT5-ABC")
    assert len(list(tmp_path.iterdir())) == 2  # one file per flags


def test_install_routes_huge_patterns_through_the_folder(tmp_path: Path) -> None:
    script = (
        "import re, sys; from pathlib import Path; from recoupe.enrich import regex_cache; "
        "regex_cache.install(Path(sys.argv[1])); "
        "assert re.compile('a|b').match('b'); "
        "from tests.enrich.test_regex_cache import _big_pattern; "
        "print(bool(re.compile(_big_pattern(2250)).match('mot9-xyz')))"
    )
    root = Path(__file__).parents[2]
    for _ in range(2):
        done = subprocess.run(
            [sys.executable, "-c", script, str(tmp_path)], capture_output=True, text=True, cwd=root, check=True
        )
        assert done.stdout.strip() == "True"
    assert len(_big_pattern(2250)) >= MIN_CHARS
    assert [path.suffix for path in tmp_path.iterdir()] == [".bin"]  # the short pattern was not kept


def test_spacy_french_token_match_read_back_equals_re(tmp_path: Path) -> None:
    """The pattern this exists for: spaCy's French tokenizer exceptions (1.45 M characters)."""
    regex_cache.install()  # what loading the model does; the module's own compile may come from the cache
    from spacy.lang.fr.tokenizer_exceptions import TOKEN_MATCH

    pattern = TOKEN_MATCH.__self__.pattern  # type: ignore[attr-defined]
    compile_cached(pattern, 0, tmp_path)
    read = compile_cached(pattern, 0, tmp_path)
    assert read == compile_uncached(pattern)
    for word in ["faux-vampire", "hip-hop", "saut-de-ski", "pet-en-l'air", "entr'abat", "bonjour", "a-b"]:
        assert bool(read.match(word)) == bool(TOKEN_MATCH(word))
