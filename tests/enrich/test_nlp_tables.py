"""Lookup tables filled by ``nlp._table`` (C-level loops) are the tables spaCy's ``Lookups.from_bytes`` makes: the same
keys, values, order, Bloom filter bits and attributes, for every ``lookups.bin`` of the default models."""

from __future__ import annotations

from typing import Any

import pytest

from recoupe.enrich import nlp


def _lookup_files() -> list[Any]:
    from spacy.util import get_package_path

    files = []
    for package in nlp.DEFAULT_MODELS.values():
        try:
            files.extend(sorted(get_package_path(package).rglob("lookups.bin")))
        except Exception:  # noqa: BLE001 - a model not installed has no tables to compare
            continue
    return files


@pytest.mark.parametrize("path", _lookup_files(), ids=lambda path: "/".join(path.parts[-4:]))
def test_tables_as_spacy_builds_them(path: Any) -> None:
    from spacy.lookups import Lookups, Table

    data = path.read_bytes()
    shipped = Lookups().from_bytes(data)
    fast = nlp._lookups_from_bytes(Lookups(), data)
    assert shipped.tables == fast.tables
    for name in shipped.tables:
        one, other = shipped.get_table(name), fast.get_table(name)
        assert type(other) is Table
        assert list(one.items()) == list(other.items())
        assert vars(one).keys() == vars(other).keys()
        assert (one.name, one.default_size) == (other.name, other.default_size)
        assert one.bloom.to_bytes() == other.bloom.to_bytes()
        for key in list(one)[:50]:
            assert key in other
            assert other[key] == one[key]


def test_the_library_method_is_put_back() -> None:
    from spacy.lookups import Lookups

    shipped = Lookups.from_bytes
    with nlp._tables_built_in_c():
        assert Lookups.from_bytes is nlp._lookups_from_bytes
    assert Lookups.from_bytes is shipped
