"""Speaker rules of session 15 (issue 12), on sentences written for these tests (expected speakers written
before the first run)."""

from __future__ import annotations

from tests.enrich.french_quotes import quote_of

from recoupe.enrich.entities import find_mentions
from recoupe.enrich.nlp import NlpModels


def test_the_prime_minister_is_not_the_minister_named_before() -> None:
    # ``quotes_speakers._office``: "le Premier ministre" (or "le chef du gouvernement") is not "le ministre de
    # l'Économie X"; the Prime Minister who just spoke is
    text = (
        "Le ministre de l'Économie Bruno Le Maire a présenté lundi le budget. "
        '"Ce budget protège les Français", a déclaré Élisabeth Borne devant les députés. '
        '"Nous tiendrons nos engagements", a ajouté la Première ministre.'
    )
    assert quote_of(text, "Nous tiendrons").speaker == "Élisabeth Borne"
    text = (
        "Le ministre de l'Intérieur Gérald Darmanin s'est rendu à Marseille. "
        '"La sécurité est notre priorité", a affirmé Jean Castex lors des questions au gouvernement. '
        '"Nous ne reculerons pas", a poursuivi le chef du gouvernement.'
    )
    assert quote_of(text, "Nous ne reculerons pas").speaker == "Jean Castex"


def test_a_name_set_beside_a_long_description_speaks() -> None:
    # ``coref.apposed_name``: the description's complement may run on before the name
    text = (
        "Le directeur de l'agence nationale pour la sûreté et le contre-terrorisme (ANSC), Hans-Peter Vermeulen, "
        "a ensuite précisé lors d'une conférence de presse que des perquisitions avaient eu lieu à Lille."
    )
    assert quote_of(text, "des perquisitions").speaker == "Hans-Peter Vermeulen"


def test_a_stage_name_after_an_occupation_is_a_person() -> None:
    # ``entity_repeats.occupied``: "du rappeur X" names a person whatever label the NER gave the name
    doc = NlpModels().parse("Le clip du rappeur Black M a été vu un million de fois.", "fr")
    assert [(m.text, m.label) for m in find_mentions(doc, "fr")] == [("Black M", "PER")]
    doc = NlpModels().parse("Le club de Chelsea a gagné la finale.", "fr")
    assert all(m.label != "PER" for m in find_mentions(doc, "fr"))


def test_a_name_behind_its_title_after_a_preposition_is_spoken_to_not_speaking() -> None:
    # ``speakers_describe.complement``: "Répondant au président du groupe X Paul Martin, il …": Paul Martin is
    # the one answered, never the "il" who speaks
    text = (
        "Le Premier ministre a défendu mardi sa réforme devant les députés. Répondant au président du groupe "
        "Horizons Paul Martin, il a écarté tout report. « Le calendrier sera tenu jusqu'au bout », a-t-il assuré."
    )
    assert quote_of(text, "Le calendrier sera tenu").speaker != "Paul Martin"
