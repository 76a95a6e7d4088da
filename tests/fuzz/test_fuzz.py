"""A short fuzz run of every target in ``fuzz_targets`` (a few hundred inputs, seconds): no reader, parser or
search escaping raises anything but its documented errors. The long run is ``bench/fuzz_readers.py``."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from .fuzz_targets import TARGETS, Target


@pytest.mark.parametrize("target", TARGETS, ids=[target.name for target in TARGETS])
def test_fuzz_target(target: Target) -> None:
    @settings(
        max_examples=40,
        deadline=None,
        database=None,
        derandomize=True,  # the same inputs on every run: a failure here is reproducible
        suppress_health_check=list(HealthCheck),
    )
    @given(target.strategy)
    def run(data: Any) -> None:
        target.run(data)

    run()
