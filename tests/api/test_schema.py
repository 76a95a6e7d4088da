"""Schemathesis over every GET operation of the OpenAPI spec: no server error, answers as the spec says.

Schemathesis' pytest loader (``schemathesis.pytest.from_fixture``) does not run under pytest 9 (it reads a
node attribute pytest removed), and ``@schema.parametrize()`` needs the app at import time while the
database is a session fixture; so each operation's Hypothesis strategy is driven here directly, one test per
operation, with a bounded number of examples.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.core.result import Ok
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from recoupe.app import create_app
from recoupe.config import load_settings
from recoupe.store import open_store

if TYPE_CHECKING:
    from collections.abc import Iterator
    from pathlib import Path

    from schemathesis.generation.case import Case

EXAMPLES = 20  # per operation: enough to hit bounds, odd strings and unknown ids, fast enough for every run
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance]


def _get_paths() -> list[str]:
    """The GET paths of the spec (read from an app that is never served)."""
    with open_store(":memory:") as store:
        spec = create_app(load_settings({"db": ":memory:"}, env={}, config_file=None), store=store).openapi()
    return sorted(path for path, item in spec["paths"].items() if "get" in item)


@pytest.fixture(scope="session")
def api_schema(read_db: Path, kit: Any) -> Iterator[schemathesis.BaseSchema]:
    """The API's own spec, as the app serves it, over the shared stories database (the store is opened here:
    schemathesis runs the app's lifespan around each call, which closes a store the app opened itself)."""
    with open_store(str(read_db)) as store:
        yield schemathesis.openapi.from_asgi("/api/openapi.json", create_app(kit.settings(read_db), store=store))


@pytest.mark.parametrize("path", _get_paths())
def test_reads_conform_to_the_spec(api_schema: schemathesis.BaseSchema, path: str) -> None:
    operations = [result.ok() for result in api_schema.get_all_operations() if isinstance(result, Ok)]
    found = [op for op in operations if op.method.upper() == "GET" and op.full_path == path]
    assert len(found) == 1, path

    @given(found[0].as_strategy())
    @settings(
        max_examples=EXAMPLES, deadline=None, derandomize=True, database=None, suppress_health_check=list(HealthCheck)
    )
    def check(case: Case[Any]) -> None:
        case.call_and_validate(checks=CHECKS)

    check()
