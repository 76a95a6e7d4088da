"""A range's values: "entre 150 et 250 blessés" is 150 to 250, not any number (issue 11, session 13).

The kind of error was seen on report4 (scored blind once, tuning material since); the sentences are written
for the test in the manner of French press. Expected outcomes were written with the sentences, before the
tests were run.
"""

from __future__ import annotations

from recoupe.crosscheck.rules import compatible_in
from recoupe.enrich.figures import extract_figures
from recoupe.model import Figure


def _numbers(text: str) -> list[Figure]:
    return [f for f in extract_figures(text, "fr", None) if f.kind != "date"]


def test_a_count_outside_a_range_is_incompatible_with_either_end() -> None:
    one = "Selon les autorités locales, le séisme a fait 612 blessés."
    other = "Les secours évoquent entre 150 et 250 blessés dans la région."
    (count,) = _numbers(one)
    low, high = _numbers(other)
    assert not compatible_in(one, count, other, high)
    assert not compatible_in(one, count, other, low)


def test_a_count_inside_a_range_is_compatible() -> None:
    one = "La préfecture a recensé de 3 000 à 4 500 participants au rassemblement."
    other = "Quelque 3 800 participants se sont réunis place Bellecour."
    *_, high = _numbers(one)
    (count,) = _numbers(other)
    assert compatible_in(one, high, other, count)


def test_a_range_end_without_its_scale_stays_open() -> None:
    """ "2,1" before "2,6 millions" is read 2,1 by the enrichment: its range is not read, it conflicts with
    nothing."""
    one = "Le chantier coûterait entre 2,1 et 2,6 millions d'euros."
    other = "Le chantier est estimé à 2,4 millions d'euros."
    low = _numbers(one)[0]
    (amount,) = _numbers(other)
    assert compatible_in(one, low, other, amount)
