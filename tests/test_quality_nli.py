"""Quality floors for the conflict rules read as a contradiction detector (``bench/crosscheck_nli.py`` measures).

The slices in ``fixtures/nli/`` come from the held-out parts of the NLI sets (RTE3-FR test, DACCORD's second
half; see ``fixtures/NOTICE.md``). The rules are built for precision: most contradictions there need world
knowledge, so recall stays low, and what is pinned is that the rules keep firing rarely and rightly.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recoupe.crosscheck.rules import find_conflicts
from recoupe.enrich.nlp import NlpModels

NLI = Path(__file__).parent / "fixtures" / "nli"


def _score(name: str, nlp: NlpModels | None) -> tuple[int, int, int]:
    """(true alarms, false alarms, contradictions) of ``find_conflicts`` on a slice."""
    tp = fp = positives = 0
    with (NLI / f"{name}.jsonl").open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            gold = row["label"] == "no"
            fired = bool(find_conflicts(row["premise"], row["hypothesis"], "fr", nlp=nlp))
            positives += gold
            tp += fired and gold
            fp += fired and not gold
    return tp, fp, positives


@pytest.mark.slow
def test_nli_contradiction_floors() -> None:
    nlp = NlpModels()
    # measured 2026-11: RTE3-FR slice 1 true alarm, 0 false (73 contradictions); DACCORD slice 7 true, 0 false
    # (71 contradictions). One false alarm more would still pass; two would not.
    tp, fp, positives = _score("rte3_fr_slice", nlp)
    assert tp > 0
    assert fp <= 1
    tp_d, fp_d, positives_d = _score("daccord_slice", nlp)
    assert tp_d / positives_d >= 0.07
    assert (tp + tp_d) / (tp + tp_d + fp + fp_d) >= 0.85
    assert positives == 73
    assert positives_d == 71


@pytest.mark.slow
def test_nli_contradiction_floors_without_parse() -> None:
    # measured 2026-11: RTE3-FR slice 1 true, 0 false; DACCORD slice 9 true, 1 false
    tp, fp, _ = _score("rte3_fr_slice", None)
    tp_d, fp_d, _ = _score("daccord_slice", None)
    assert tp + tp_d >= 6
    assert (tp + tp_d) / (tp + tp_d + fp + fp_d) >= 0.75
