"""Speakers as resolved referents (``recoupe.enrich.referents``): each rule on real sentences.

The sentences are from OrangeSum test documents of the tune half of tests/fixtures/quotes_fr_test
(CC BY-SA 4.0), cut to the part each rule needs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tests.enrich.french_quotes import MODELS
from tests.enrich.french_quotes import quotes_of as _quotes

from recoupe.enrich import referents as rules
from recoupe.enrich.entities import find_mentions
from recoupe.enrich.quotes_parse import Context
from recoupe.enrich.roles import find_roles
from recoupe.model import Quote

TUNE = Path(__file__).resolve().parents[1] / "fixtures" / "quotes_fr_test" / "tune.jsonl"


def _ctx(text: str) -> Context:
    doc = MODELS.parse(text, "fr")
    return Context(doc, "fr", find_mentions(doc, "fr"))


def _ask(text: str, phrase: str, *, occurrence: int = 0, at: int | None = None) -> rules.Ask:
    ctx = _ctx(text)
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(phrase, start + 1)
    roles = find_roles(ctx.doc, ctx.mentions)
    return rules.Ask(ctx, phrase, None, start, start + len(phrase), start if at is None else at, roles=roles)


def _article(line: int) -> str:
    for row in TUNE.read_text(encoding="utf-8").splitlines():
        record = json.loads(row)
        if record["line"] == line:
            return str(record["article"])
    raise KeyError(line)


def _speaker_of_in(quotes: list[Quote], quoted: str) -> Quote:
    return next(q for q in quotes if quoted in q.text)


def _speaker_of(text: str, quoted: str) -> Quote:
    return next(q for q in _quotes(text) if quoted in q.text)


def test_no_speaker_phrase_gives_no_speaker() -> None:
    ask = rules.Ask(_ctx("Un petit pays."), None, None, None, None, 0)
    assert rules.no_speaker(ask) == rules.Referent(None)
    assert rules.no_speaker(rules.Ask(ask.ctx, "Matignon", None, 0, 8, 0)) is None


def test_named_entity_keeps_the_entity_with_its_kind() -> None:
    text = (
        '"Cette polémique des masques est insensée et infondée", a tweeté de son côté le PDG de Système U, '
        "Dominique Schelcher."
    )
    q = _speaker_of(text, "insensée")
    assert (q.speaker, q.speaker_kind, q.unresolved) == ("Dominique Schelcher", "PER", False)


def test_name_inside_a_media_description_is_the_outlet() -> None:
    text = "Le quotidien régional La Dépêche révèle mercredi 18 décembre les dessous d'une famille."
    found = rules.name_inside(_ask(text, "Le quotidien régional La Dépêche"))
    assert found is not None
    assert (found.name, found.kind, found.unresolved) == ("La Dépêche", "MEDIA", False)


def test_demonstrative_is_the_last_person_named() -> None:
    text = (
        "Pierre Bédier, président du conseil départemental des Yvelines (LR), dénonce l'hypocrisie du "
        "gouvernement. Selon un examen de son réseau, le département pourrait faire repasser 500 km de routes à "
        "90 km/h. Celui-ci dénonce des blocages techniques."
    )
    found = rules.demonstrative(_ask(text, "Celui"))
    assert found is not None
    assert found.name == "Pierre Bédier"
    assert rules.demonstrative(_ask(text, "le département")) is None


def test_pronoun_takes_the_organisation_just_named() -> None:
    text = (
        "Le démarchage téléphonique d'Engie a été épinglé par la répression des fraudes (DGCCRF), qui a infligé "
        "une amende de 900.000 euros au fournisseur d'énergie, a-t-elle indiqué vendredi 18 octobre."
    )
    q = _quotes(text)[0]
    assert q.speaker == "DGCCRF"
    assert not q.unresolved


@pytest.mark.parametrize(
    ("phrase", "speaks"),
    [
        ("mesure", False),
        ("la polémique", False),
        ("mai", False),
        ('DJ."I', False),
        ("'s rally", False),
        ("un magistrat", True),
        ("le délégué général", True),
        ("Matignon", True),
        ("les enseignes", True),
        ("Nearly a third", True),
    ],
)
def test_can_speak(phrase: str, speaks: bool) -> None:
    assert rules.can_speak(_ctx(f"Il y a {phrase} ici."), phrase, None) is speaks


def test_not_a_speaker_falls_back_to_the_subject_of_the_sentence() -> None:
    text = (
        '"Je trouve ça dégueulasse", a réagi le président du géant Leclerc, Michel-Édouard Leclerc, dans une '
        'interview au Journal du dimanche, jugeant la polémique "nulle, puérile, stérile".'
    )
    assert _speaker_of(text, "puérile").speaker == "Michel-Édouard Leclerc"


def test_role_of_entity_resolves_a_title_given_by_apposition() -> None:
    text = (
        "Le premier adjoint de la maire de Paris, Emmanuel Grégoire, a indiqué pour sa part que la Ville avait "
        "effectué des mesures. Le premier adjoint a rappelé que ces données sont publiques."
    )
    ask = _ask(text, "Le premier adjoint", occurrence=1)
    assert "emmanuel gregoire" in ask.roles
    found = rules.role_of_entity(ask)
    assert found is not None
    assert found.name == "Emmanuel Grégoire"


def test_role_next_to_a_name_later_in_the_article() -> None:
    text = (
        "\"L'idée est de laisser la main aux collectivités\", assure au Parisien le ministre de l'Intérieur, "
        "Christophe Castaner."
    )
    found = rules.role_next_to_name(_ask(text, "ministre de l'Intérieur", at=1))
    assert found is not None
    assert found.name == "Christophe Castaner"
    assert _speaker_of(text, "collectivités").speaker == "Christophe Castaner"
    text = (
        'La "quasi-totalité des masques" chirurgicaux le seront "à prix coûtant", a assuré le délégué général de '
        "la Fédération du commerce et de la distribution (FCD), Jacques Creyssel, samedi sur franceinfo."
    )
    assert _speaker_of(text, "prix coûtant").speaker == "Jacques Creyssel"


def test_organisation_named_resolves_the_agency_and_the_newspaper() -> None:
    text = (
        "Dans un communiqué publié jeudi 4 juillet, l'Agence régionale de santé (ARS) d'Île-de-France a cherché "
        "à rassurer. Pour l'extérieur, l'Agence explique qu'il n'existe aucune norme sanitaire en la matière."
    )
    found = rules.organisation_named(_ask(text, "l'Agence", occurrence=1))
    assert found is not None
    assert "Agence régionale de santé" in (found.name or "")
    assert found.kind == "ORG"


def test_media_as_sources_are_outlets() -> None:
    quotes = _quotes(_article(179))  # "D'après les informations de La Voix du Nord, …", "Franceinfo rappelle …"
    said = _speaker_of_in(quotes, "ils seraient arrivés vers 20 heures")
    assert (said.speaker, said.speaker_kind, said.cue) == ("La Voix du Nord", "MEDIA", "D'après")
    assert _speaker_of_in(quotes, "sept gendarmes").speaker_kind == "MEDIA"


def test_a_newspaper_description_is_the_outlet_named_before() -> None:
    text = (
        "Un homme de 37 ans cherche à récupérer la succession. La Dépêche rapporte qu'il a transmis des mails de "
        "menaces. Le quotidien a précisé que l'homme avait été interpellé."
    )
    found = rules.organisation_named(_ask(text, "Le quotidien"))
    assert found is not None
    assert (found.name, found.kind) == ("La Dépêche", "MEDIA")


def test_last_speaker_in_role_is_the_minister_just_quoted() -> None:
    quotes = _quotes(_article(334))
    said = _speaker_of_in(quotes, "Bien sûr cela crée des désorganisations")
    assert (said.speaker, said.unresolved) == ("Jean-Michel Blanquer", False)


def test_an_unnamed_speaker_is_the_description_flagged_unresolved() -> None:
    text = (
        "\"Cela a été mal compris d'autant que beaucoup de collègues avaient demandé d'être nommées au T.A de "
        "Paris\", s'insurge le même magistrat."
    )
    q = _speaker_of(text, "mal compris")
    assert q.unresolved
    assert q.speaker is not None
    assert "magistrat" in q.speaker


def test_a_label_between_guillemets_is_not_a_quote() -> None:
    text = (
        "Les \"gilets jaunes\" n'ont pas attendu le coup d'envoi pour lancer les hostilités. Alors que des "
        "manifestations sont organisées partout en France, certains ont pris position devant la villa."
    )
    assert _quotes(text) == []


def test_refer_runs_the_rules_in_order() -> None:
    assert rules.RULES[0] is rules.no_speaker
    assert rules.RULES[-1] is rules.description
    ask = _ask("Selon un examen de son réseau, le département pourrait faire mieux.", "un examen de son réseau")
    found = rules.refer(ask)
    assert found.unresolved
    assert found.name == "un examen de son réseau"


def test_a_mark_that_can_only_close_keeps_later_quotes_paired() -> None:
    text = (  # article 967: the opening mark of Lagarde's quote is missing
        "Le centriste Jean-Christophe Lagarde ne compte pas faire le déplacement. Si le vote a été décalé, c'est "
        "à cause d'un cafouillage de la République en marche!\", s'énerve le rpésident de l'UDI dans les "
        'colonnes du Parisien. "On aurait pu attendre la rentrée pour le voter." "L\'exécutif a des méthodes '
        "autoritaires, regrette de son côté l'Insoumise Clémentine Autain. Il aurait pu arrêter la session "
        'comme prévu."'
    )
    quotes = {q.text: q.speaker for q in _quotes(text)}
    assert "On aurait pu attendre la rentrée pour le voter." in quotes
    assert quotes["L'exécutif a des méthodes autoritaires"] == "Clémentine Autain"
    assert quotes["Il aurait pu arrêter la session comme prévu."] == "Clémentine Autain"


def test_role_of_entity_reads_a_synonym_of_the_role() -> None:
    """Written for session 11: "le patron du groupe" is the PDG the article named, not the minister."""
    text = (
        "Le ministre des Transports, Gérald Morin, recevra Jean-Pierre Martin, le PDG de l'entreprise ferroviaire, "
        'lundi. Gérald Morin a promis une aide de l\'État. Le trafic reste "très loin de la normale", selon le '
        "patron du groupe."
    )
    assert _speaker_of(text, "loin de la normale").speaker == "Jean-Pierre Martin"
