"""Speaker rules of session 11 (issue 12), each on sentences written for the test; expected speakers by hand."""

from __future__ import annotations

from recoupe.enrich.entities import find_mentions
from recoupe.enrich.nlp import NlpModels
from recoupe.enrich.quotes import extract_quotes
from recoupe.model import Quote

MODELS = NlpModels()


def _quotes(text: str) -> list[Quote]:
    doc = MODELS.parse(text, "fr")
    return extract_quotes(doc, find_mentions(doc, "fr"), "fr")


def _quote(text: str, quoted: str) -> Quote:
    return next(q for q in _quotes(text) if quoted in q.text)


def test_a_date_after_the_inverted_subject_is_not_the_speaker() -> None:
    text = (
        "Le maire a demandé aux habitants de rester chez eux pendant la tempête, indique franceinfo dimanche 31 mars."
    )
    q = _quote(text, "rester chez eux")
    assert (q.speaker, q.speaker_kind) == ("Franceinfo", "MEDIA")


def test_a_detached_adjective_between_verb_and_inverted_subject_is_skipped() -> None:
    text = (
        '"Jusqu\'où ira ce gouvernement dans la provocation ?", a lancé dimanche, scandalisée, Claire Dumont, '
        "présidente de l'association."
    )
    assert _quote(text, "provocation").speaker == "Claire Dumont"
