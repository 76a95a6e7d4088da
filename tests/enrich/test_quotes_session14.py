"""Speaker rules of session 14 (issue 12, helper), on sentences written for these tests."""

from __future__ import annotations

from tests.enrich.french_quotes import quote_of


def test_pronoun_never_takes_up_the_outlet_that_reported_the_last_quote() -> None:
    # ``quotes_speakers.reported_by``: "il" after a quote sourced to a paper is the person, not the paper
    text = (
        "Le maire de Lyon, Grégory Doucet, a présenté son plan lundi. "
        "La rue sera fermée aux voitures dès septembre, selon Le Parisien. "
        '"Nous allons consulter les riverains", a-t-il ajouté.'
    )
    q = quote_of(text, "consulter les riverains")
    assert q.speaker == "Grégory Doucet"
