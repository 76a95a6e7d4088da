"""French titles are roles, never names (issue 13, item 3): "le président de la République" is no person "de la
République", and resolves to the person the article gives it to. Sentences written for these tests in the
style of the French press."""

from __future__ import annotations

import pytest

from recoupe.enrich.entities import entity_refs, find_mentions
from recoupe.enrich.nlp import NlpModels
from recoupe.enrich.roles import role_key, title_end
from recoupe.model import EntityRef, Mention


@pytest.fixture(scope="module")
def models() -> NlpModels:
    return NlpModels()


def _analyse(models: NlpModels, text: str) -> tuple[list[Mention], dict[str, EntityRef]]:
    doc = models.parse(text, "fr")
    mentions = find_mentions(doc, "fr")
    return mentions, {ref.canonical: ref for ref in entity_refs(doc, mentions)}


def _no_fragment(mentions: list[Mention]) -> None:
    for m in mentions:
        assert not m.canonical.lower().startswith(("de la ", "de l'", "du ", "des ")), m
        assert not (m.label == "PER" and role_key(m.canonical).startswith(("president", "ministre", "premier"))), m


@pytest.mark.parametrize(
    "text",
    [
        "Le président de la République a reçu les représentants des syndicats à l'Élysée mardi soir.",
        "Jeudi, le président de la République s'est rendu en Normandie pour lancer la consultation.",
        "La ministre des Armées a confirmé l'envoi de renforts dans la soirée.",
        "Le président du Conseil constitutionnel a rappelé les règles du scrutin.",
        "Une lettre a été adressée au président de l'Assemblée nationale par les députés de l'opposition.",
        "Le Premier ministre a reçu les partenaires sociaux à Matignon.",
    ],
)
def test_a_title_alone_is_no_entity(models: NlpModels, text: str) -> None:
    mentions, refs = _analyse(models, text)
    _no_fragment(mentions)
    assert not [r for r in refs.values() if r.label == "PER"]


def test_the_institution_of_a_title_stays_an_organisation(models: NlpModels) -> None:
    mentions, _ = _analyse(models, "Le président du Conseil constitutionnel a rappelé les règles du scrutin.")
    assert [m.canonical for m in mentions if m.label == "ORG"] == ["Conseil constitutionnel"]


@pytest.mark.parametrize(
    ("text", "person", "role"),
    [
        (
            "Le président de la République Emmanuel Macron a promis une réponse avant la fin du mois.",
            "Emmanuel Macron",
            "président de la République",
        ),
        (
            "La ministre de la Justice Nicole Belloubet a présenté une circulaire aux procureurs.",
            "Nicole Belloubet",
            "ministre de la Justice",
        ),
        (
            "Le ministre de l'Intérieur Christophe Castaner a annoncé des renforts pour samedi.",
            "Christophe Castaner",
            "ministre de l'Intérieur",
        ),
        (
            "Emmanuel Macron, le président de la République, s'exprimera lundi soir à la télévision.",
            "Emmanuel Macron",
            "président de la République",
        ),
    ],
)
def test_the_name_next_to_a_title_is_the_person_holding_it(
    models: NlpModels, text: str, person: str, role: str
) -> None:
    mentions, refs = _analyse(models, text)
    _no_fragment(mentions)
    assert refs[person].label == "PER"
    assert role in refs[person].roles


def test_a_title_resolves_to_the_person_the_article_gives_it_to(models: NlpModels) -> None:
    text = (
        "Emmanuel Macron, le président de la République, a écrit aux Français dimanche. "
        "Dans cette lettre, le président de la République propose trente-cinq questions. "
        "Le Premier ministre Édouard Philippe doit en présenter le calendrier. Le Premier ministre sera à Caen."
    )
    mentions, refs = _analyse(models, text)
    _no_fragment(mentions)
    titles = {m.text: m.canonical for m in mentions if m.text[:1].lower() == "p" and m.label == "PER"}
    assert titles == {"président de la République": "Emmanuel Macron", "Premier ministre": "Édouard Philippe"}
    assert refs["Emmanuel Macron"].mentions == 3
    assert "Premier ministre" in refs["Édouard Philippe"].aliases


def test_a_title_two_people_hold_resolves_to_nobody(models: NlpModels) -> None:
    text = (
        "En 2017, le ministre de l'Intérieur Gérard Collomb avait promis une réforme ; un an plus tard, le ministre "
        "de l'Intérieur Christophe Castaner l'a enterrée. Le ministre de l'Intérieur a reçu les syndicats de police."
    )
    mentions, _ = _analyse(models, text)
    _no_fragment(mentions)
    assert all(m.text != "ministre de l'Intérieur" for m in mentions)


def test_a_name_particle_is_no_title(models: NlpModels) -> None:
    mentions, refs = _analyse(models, "Bruno Le Maire a défendu le budget. Selon M. Le Maire, la croissance tiendra.")
    assert "Bruno Le Maire" in refs
    assert refs["Bruno Le Maire"].label == "PER"
    assert all(m.canonical != "" for m in mentions)


@pytest.mark.parametrize(
    ("text", "title"),
    [
        ("le président de la République Emmanuel Macron", "président de la République"),
        ("la ministre de la Transition écologique et solidaire", "ministre de la Transition écologique et solidaire"),
        ("le garde des Sceaux a signé", "garde des Sceaux"),
        ("le président de la Cour des comptes Didier Migaud", "président de la Cour des comptes"),
        ("le porte-parole du gouvernement Benjamin Griveaux", "porte-parole du gouvernement"),
        ("le secrétaire d'État au Numérique", "secrétaire d'État"),
    ],
)
def test_title_end(models: NlpModels, text: str, title: str) -> None:
    doc = models.parse(text, "fr")
    end = title_end(doc, 1, len(doc))
    assert end is not None
    assert doc[1:end].text == title
