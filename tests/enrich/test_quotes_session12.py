"""Speaker rules of session 12 (issue 12), each on sentences written for the test; expected speakers by hand."""

from __future__ import annotations

from tests.enrich.french_quotes import MODELS
from tests.enrich.french_quotes import quote_of as _quote
from tests.enrich.french_quotes import quotes_of as _quotes

from recoupe.enrich.entities import find_mentions
from recoupe.enrich.entity_repeats import aged, aged_names, missed_persons
from recoupe.enrich.referent_past import past_description, past_holder
from recoupe.enrich.referent_salient import office_like
from recoupe.model import Mention

# --- entity_repeats: names the NER missed --------------------------------------------------------------------


def test_a_known_surname_written_again_with_a_first_name_is_that_person() -> None:
    text = (
        "Le chef des sénateurs centristes Hervé Le Moal a présenté sa démission. "
        'Hervé Le Moal, 58 ans, le dit sans détour. "Je pars la tête haute", explique M. Le Moal.'
    )
    doc = MODELS.parse(text, "fr")
    persons = {m.text for m in find_mentions(doc, "fr") if m.label == "PER"}
    assert "Hervé Le Moal" in persons


def test_repeats_extend_over_adjacent_proper_nouns_only() -> None:
    doc = MODELS.parse("M. Le Moal est arrivé. Hervé Le Moal a parlé.", "fr")
    start = doc.text.index("M. Le Moal")
    found = missed_persons(doc, [(start, start + len("M. Le Moal"), "PER", None)])
    assert [doc.text[s:e] for s, e in found] == ["Hervé Le Moal"]


def test_two_capitalised_names_before_an_age_are_a_person() -> None:
    doc = MODELS.parse("Dans le service, Arta Kelmendi, 41 ans, travaille de nuit.", "fr")
    assert [doc.text[s:e] for s, e in aged_names(doc, [])] == ["Arta Kelmendi"]
    assert aged(doc.text, doc.text.index(", 41"))
    assert not aged("Arta Kelmendi, 41 euros", len("Arta Kelmendi"))


# --- referent_past: former holders of a role ----------------------------------------------------------------


def test_a_role_held_then_is_not_the_role_now() -> None:
    text = (
        "Le ministre de l'Intérieur a annoncé jeudi une opération de police. "
        "\"L'État ne reculera pas\", a-t-il assuré. En 2018, le ministre de l'Intérieur de l'époque, "
        "Paul Garnier, avait promis des renforts."
    )
    q = _quote(text, "ne reculera pas")
    assert q.speaker != "Paul Garnier"


def test_past_markers() -> None:
    text = "le procureur Jean Marchal, alors en poste, avait parlé. Le préfet de l'époque, Anne Roux, aussi."
    for name in ("Jean Marchal", "Anne Roux"):
        start = text.index(name)
        assert past_holder(text, Mention(start, start + len(name), name, "PER", name, name.lower()))
    start = text.index("le procureur")
    assert not past_holder(text, Mention(start, start + 12, "le procureur", "PER", "x", "x"))
    assert past_description("l'ancien ministre")
    assert not past_description("le ministre de l'Intérieur")


# --- a title's holder named in apposition ------------------------------------------------------------------


def test_a_title_with_its_holder_in_apposition_is_that_holder() -> None:
    text = (
        '"Inacceptable", a réagi le procureur de la République à Lyon, Marc Duval. '
        "Un an plus tôt, le procureur de la République Luc Sorel, alors en poste, avait alerté la mairie."
    )
    assert _quote(text, "Inacceptable").speaker == "Marc Duval"


# --- quotes_cue_subject ---------------------------------------------------------------------------------------


def test_a_bare_role_read_as_subject_is_the_person_before_it() -> None:
    text = (
        "Julien Morel, dans les colonnes du Figaro, lui aussi député du parti, a qualifié Paul Garnier "
        'de "provocateur".'
    )
    assert _quote(text, "provocateur").speaker == "Julien Morel"


def test_a_participle_after_a_quote_is_no_cue() -> None:
    text = (
        'Pierre Dumas a dénoncé un "trouble compulsif" du gouvernement, appelant ses collègues à "résister", '
        'rejoint par Marc Vigier qui a plaidé pour ne pas "dénaturer le mandat".'
    )
    assert _quote(text, "résister").speaker == "Pierre Dumas"
    assert _quote(text, "dénaturer").speaker == "Marc Vigier"


def test_an_incise_with_a_described_speaker_and_an_aside_splits_the_quote() -> None:
    text = (
        "\"Nos commandes sont en hausse de 10 % par jour, explique dans Le Parisien le directeur de l'usine de "
        'Jussey (Haute-Saône), Emmanuel Garret. Nous tenons le rythme."'
    )
    assert {q.speaker for q in _quotes(text)} == {"Emmanuel Garret"}


# --- salient descriptions and genders -----------------------------------------------------------------------


def test_office_like_heads() -> None:
    assert office_like("cheffe")
    assert office_like("presentateur")
    assert not office_like("avocat")
    assert not office_like("quartier")


def test_a_presenter_described_after_being_named_is_that_person() -> None:
    text = (
        "Jean-Paul Vernet va bien. C'est ce qu'il a déclaré à Isabelle Morin sur Canal +. Le présentateur du JT "
        "de TF1 avait annoncé avoir été opéré. Il a expliqué avoir été encouragé par sa femme pour en parler."
    )
    assert _quote(text, "encouragé").speaker == "Jean-Paul Vernet"


def test_a_pronoun_continues_a_description_the_rules_named() -> None:
    text = (
        "Le chef de file des députés Hervé Le Moal a annoncé qu'il quittait ses fonctions. Dans un entretien, "
        "l'élu de Paris assure qu'il n'a pas été poussé. \"Cette décision, je l'ai prise seul\", explique-t-il."
    )
    assert _quote(text, "prise seul").speaker == "Hervé Le Moal"


def test_a_description_takes_up_a_name_whose_own_sentence_holds_its_noun() -> None:
    text = (
        "Maria Keller a été prise de violents tremblements lors d'une cérémonie menée avec le président ukrainien, "
        "Petro Vasylenko, mardi à Berlin. La chancelière a été victime d'un malaise. Sur une vidéo, on voit "
        "Maria Keller tenter de s'équilibrer. Une heure après, la "
        "chancelière a retrouvé ses esprits : \"J'ai bu trois verres d'eau et je me sens très bien\"."
    )
    assert _quote(text, "trois verres").speaker == "Maria Keller"
