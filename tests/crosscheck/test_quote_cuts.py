"""A quote cut short: a qualifier cut off its end changes what was said (issue 11, session 12).

Sentences written for the test; expected outcomes written before the first run.
"""

from __future__ import annotations

from tests.crosscheck.two_outlets import article, check


def _wording(a_body: str, b_body: str) -> list[str]:
    a = article("Le Courrier de l'Estuaire", "2022-09-30T12:00", "Pollution : la préfecture rassure", a_body)
    b = article("Radio Seine-Maritime", "2022-09-30T15:00", "Pollution : les analyses publiées", b_body)
    return [c.detail for v in check(a, b).verdicts for c, _, _ in v.conflicts if c.kind == "quote_wording"]


def test_a_qualifier_cut_off_the_end_of_a_quote_is_a_change_of_wording() -> None:
    found = _wording(
        "Le préfet Jean Marchal l'a assuré vendredi : « Nous n'avons constaté aucune pollution durable » dans "
        "l'estuaire, selon les premières analyses.",
        "« Nous n'avons constaté aucune pollution », a assuré vendredi le préfet Jean Marchal, en présentant "
        "les premières analyses de l'estuaire.",
    )
    assert any("durable" in detail for detail in found)


def test_a_quote_cut_between_clauses_is_no_change() -> None:
    found = _wording(
        "Le préfet Jean Marchal l'a assuré vendredi : « La situation est sous contrôle, les équipes restent "
        "mobilisées » dans l'estuaire.",
        "« La situation est sous contrôle », a assuré vendredi le préfet Jean Marchal à propos de l'estuaire.",
    )
    assert found == []
