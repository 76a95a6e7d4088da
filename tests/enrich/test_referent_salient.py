"""The person an article is about takes up a bare description of a person (``referents.salient_person``,
``recoupe.enrich.referent_salient``). Sentences written for these tests; expected speakers by hand."""

from __future__ import annotations

from tests.enrich.french_quotes import MODELS
from tests.enrich.french_quotes import quotes_of as _quotes

from recoupe.enrich import referents as rules
from recoupe.enrich.entities import find_mentions
from recoupe.enrich.quotes_parse import Context
from recoupe.enrich.roles import find_roles


def _speaker(text: str, quoted: str) -> str | None:
    return next(q for q in _quotes(text) if quoted in q.text).speaker


def test_a_hypernym_of_the_protagonists_office_is_that_person() -> None:
    text = (
        "La ville de Lyon ferme ses parcs à partir de lundi, a annoncé Marc Dubreuil, adjoint à la sécurité "
        "à la mairie. \"Nous n'avons pas le choix, les rassemblements se multiplient\", a ajouté l'élu."
    )
    assert _speaker(text, "pas le choix") == "Marc Dubreuil"


def test_a_title_never_written_next_to_the_name_is_the_person_the_article_follows() -> None:
    text = (
        "Sophie Marchand a défendu mardi sur France Inter la réforme des bourses. Sophie Marchand a rappelé "
        'que le budget avait doublé. "Nous tiendrons nos engagements", a assuré la porte-parole du '
        "gouvernement."
    )
    assert _speaker(text, "engagements") == "Sophie Marchand"


def test_a_person_the_article_describes_by_another_noun_is_not_taken_up() -> None:
    text = (
        "Paul, un riverain, a été mordu par une araignée. Paul a passé la nuit à l'hôpital. \"Votre sang "
        'commençait à être infecté", a expliqué le médecin.'
    )
    assert _speaker(text, "sang") == "le médecin"


def test_no_one_stands_out_when_two_people_are_named_alike() -> None:
    text = (
        "Marc Dubreuil et Paul Ferrand se sont affrontés au conseil municipal. Le vote a été reporté à juin. "
        '"Ce projet est une erreur", a lancé le conseiller.'
    )
    assert _speaker(text, "erreur") == "le conseiller"


def test_the_union_is_the_union_the_article_is_about() -> None:
    text = (
        "La CGT a déposé un préavis de grève à l'usine de Vénissieux. Selon la CGT, la direction refuse toute "
        'discussion. "Nous irons jusqu\'au bout", a prévenu le syndicat.'
    )
    assert _speaker(text, "jusqu'au bout") == "CGT"


def test_a_body_of_another_kind_is_not_the_association() -> None:
    text = (
        "Le ministère de l'Intérieur a publié un bilan. Le ministère de l'Intérieur a ensuite réuni les préfets. "
        '"Ces chiffres sont faux", a répondu l\'association.'
    )
    assert _speaker(text, "chiffres sont faux") == "l'association"


def test_a_label_right_after_a_person_spoke_is_that_person() -> None:
    text = (
        '"Face à ces violences, la peur doit changer de camp", estime Claire Fontaine dans un entretien. '
        "Pour l'ex-LR, \"l'angle mort de la politique du gouvernement, c'est la sécurité\"."
    )
    assert _speaker(text, "angle mort") == "Claire Fontaine"


def test_a_role_the_last_speaker_was_never_given_is_someone_else() -> None:
    text = (
        "\"Je n'ai rien vu ce soir-là\", affirme Paul Durand devant la cour. L'audience a repris après une courte "
        'pause. "Il était pourtant présent sur les lieux", a répliqué l\'avocat général.'
    )
    assert _speaker(text, "présent sur les lieux") == "l'avocat général"


def test_the_accused_is_the_person_on_trial() -> None:
    text = (
        "Marc Durand est jugé depuis lundi par la cour d'assises de Paris. Marc Durand encourt la réclusion "
        "criminelle à perpétuité. Le procès doit durer deux semaines. L'accusé nie toute participation."
    )
    doc = MODELS.parse(text, "fr")
    ctx = Context(doc, "fr", find_mentions(doc, "fr"))
    start = text.index("L'accusé")
    ask = rules.Ask(ctx, "L'accusé", None, start, start + 8, start, roles=find_roles(doc, ctx.mentions))
    found = rules.salient_person(ask)
    assert found is not None
    assert found.name == "Marc Durand"
