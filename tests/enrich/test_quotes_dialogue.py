"""Interviews and dialogues (``recoupe.enrich.quotes_dialogue``): each layout rule, then who gets each turn.

The texts are written for these tests in the layouts French outlets use (AFP ``Q:``/``R:``, Le Figaro's
``LE FIGARO. -`` / ``NAME. -``, Le Point's ``Le Point :`` / ``Name :``, dash questions, questions whose
bold was lost, court dialogues in dash lines); the expected speakers were written before running them."""

from __future__ import annotations

import pytest
from tests.enrich.french_quotes import MODELS
from tests.enrich.french_quotes import quotes_of as _quotes

from recoupe.enrich import quotes_dialogue as dialogue
from recoupe.enrich.entities import find_mentions
from recoupe.enrich.quotes_parse import Context

AFP = """Retraites : « Le gouvernement joue la montre », selon la syndicaliste Sophie Binet

La secrétaire générale de la CGT, Sophie Binet, estime que l'exécutif cherche à gagner du temps avant l'examen du texte.

Q: Le gouvernement a proposé mardi une nouvelle réunion. Allez-vous y participer ?
R: Nous irons, parce que nous ne pratiquons pas la politique de la chaise vide. Mais nous n'attendons rien.
Le Premier ministre nous convoque pour faire semblant de négocier.
Q: Une nouvelle journée de mobilisation est-elle prévue ?
R: "Oui, nous appelons à la grève le 12 octobre. Les salariés sont prêts à se mobiliser."
Propos recueillis par Julien Martin"""

FIGARO = """Marine Le Pen : « Je serai candidate en 2027 »

ENTRETIEN - La présidente du groupe RN à l'Assemblée répond aux questions du Figaro.

LE FIGARO. - Pensez-vous que la dissolution était une erreur ?
MARINE LE PEN. - C'était une décision précipitée. Le président a voulu nous piéger, il a échoué.
LE FIGARO. - Serez-vous candidate ?
MARINE LE PEN. - Je serai candidate si rien ne m'en empêche."""

DEBATE = """Débat : faut-il taxer les superprofits ?

Nous avons réuni l'économiste Thomas Piketty et le député Jean-Philippe Tanguy.

Thomas Piketty : Les profits records de certaines entreprises justifient une contribution exceptionnelle.
Jean-Philippe Tanguy : Je suis d'accord sur le principe, mais pas sur la méthode.
Thomas Piketty : La méthode existe déjà, c'est l'impôt sur les sociétés."""

DASH_QUESTIONS = """Le maire de Lyon Grégory Doucet répond à nos questions

Le maire écologiste défend son bilan à un an des municipales.

– Vous avez renoncé à la piétonnisation de la Presqu'île. Pourquoi ?
Nous n'avons renoncé à rien. Le calendrier a changé, c'est tout.
– Les commerçants sont inquiets…
Je les ai reçus la semaine dernière et je les recevrai encore."""

BOLD_LOST = """Agriculture : « Nous ne sommes pas entendus »

Entretien avec Arnaud Rousseau, président de la FNSEA, avant le Salon de l'agriculture.

Que demandez-vous au gouvernement ?
Des prix justes. Les agriculteurs travaillent à perte depuis trop longtemps.
Les annonces de janvier vous ont-elles rassuré ?
Non. Elles sont restées lettre morte sur le terrain."""

COURT = """Au tribunal correctionnel de Bobigny, le prévenu, Karim B., 24 ans, a comparu mardi pour violences.
– Pourquoi avez-vous frappé ce policier ? demande la présidente, Isabelle Roux.
– Je ne l'ai pas frappé, je me suis défendu.
– Les images montrent le contraire.
– Les images ne montrent pas tout, répond le prévenu."""


def _ctx(text: str) -> Context:
    doc = MODELS.parse(text, "fr")
    return Context(doc, "fr", find_mentions(doc, "fr"))


def _said(text: str) -> list[tuple[str, str | None]]:
    return [(q.text, q.speaker) for q in _quotes(text) if q.kind == "direct"]


def _turns(text: str, layout: dialogue.Layout) -> list[tuple[str, bool, str | None]]:
    ctx = _ctx(text)
    found = layout(ctx, dialogue.lines_of(text)) or []
    return [(text[t.start : t.end], t.question, t.speaker.text if t.speaker else None) for t in found]


def test_qa_prefixes_reads_questions_answers_and_answer_paragraphs() -> None:
    turns = _turns(AFP, dialogue.qa_prefixes)
    assert [(words[:22], question) for words, question, _ in turns] == [
        ("Le gouvernement a prop", True),
        ("Nous irons, parce que ", False),
        ("Le Premier ministre no", False),
        ("Une nouvelle journée d", True),
        ("Oui, nous appelons à l", False),  # the quotation marks around the whole answer are left out
    ]


def test_name_prefixes_outlet_asks_and_named_person_answers() -> None:
    turns = _turns(FIGARO, dialogue.name_prefixes)
    assert [(question, speaker) for _, question, speaker in turns] == [
        (True, None),
        (False, "Marine Le Pen"),  # the name in capitals is written as a name
        (True, None),
        (False, "Marine Le Pen"),
    ]


def test_name_prefixes_two_speakers_of_a_debate() -> None:
    turns = _turns(DEBATE, dialogue.name_prefixes)
    assert [speaker for _, _, speaker in turns] == ["Thomas Piketty", "Jean-Philippe Tanguy", "Thomas Piketty"]


def test_name_prefixes_is_not_a_title_or_scattered_captions() -> None:
    text = (
        "Gilets jaunes : 84 000 manifestants pour l'acte X\n\n"
        "La mobilisation reste semblable à celle du samedi précédent.\n"
        "Gérald Darmanin : «Je trouve normal que la police arrête les casseurs» - Regarder sur Figaro Live\n"
        "En région aussi, plusieurs milliers de personnes défilent.\n"
        "Le cortège est parti de la place de la Bastille vers 14 heures.\n"
        "Des échauffourées ont eu lieu en fin de journée.\n"
        "François-Xavier Bellamy : Sur les ronds-points, les gens disent qu'ils sont seuls.\n"
        "Les chiffres seront publiés dimanche."
    )
    assert dialogue.name_prefixes(_ctx(text), dialogue.lines_of(text)) is None


def test_dash_questions_answers_go_to_the_announced_interviewee() -> None:
    turns = _turns(DASH_QUESTIONS, dialogue.dash_questions)
    assert [question for _, question, _ in turns] == [True, False, True, False]
    assert _said(DASH_QUESTIONS) == [
        ("Nous n'avons renoncé à rien. Le calendrier a changé, c'est tout.", "Grégory Doucet"),
        ("Je les ai reçus la semaine dernière et je les recevrai encore.", "Grégory Doucet"),
    ]


def test_question_lines_of_an_announced_interview() -> None:
    turns = _turns(BOLD_LOST, dialogue.question_lines)
    assert [question for _, question, _ in turns] == [True, False, True, False]
    said = dict(_said(BOLD_LOST))
    assert said["Non. Elles sont restées lettre morte sur le terrain."] == "Arnaud Rousseau"
    assert said["Des prix justes. Les agriculteurs travaillent à perte depuis trop longtemps."] == "Arnaud Rousseau"


def test_question_lines_need_an_announced_interview() -> None:
    text = (
        "Faut-il avoir peur de l'inflation ?\n\n"
        "Les prix ont augmenté de 5 % en un an.\n"
        "Que faire ?\n"
        "Les économistes sont partagés sur la réponse à apporter.\n"
        "Combien de temps cela durera-t-il ?\n"
        "Personne ne le sait."
    )
    assert dialogue.question_lines(_ctx(text), dialogue.lines_of(text)) is None


def test_answer_opened_by_the_interviewee_name_in_lost_bold() -> None:
    text = (
        "Parlement : « Il faut savoir se remettre en cause »\n\n"
        "Marc Fesneau répond à nos questions.\n"
        "Quel regard portez-vous sur le mouvement ?\n"
        "Marc Fesneau Cette crise est le miroir de ce qui s'est exprimé en 2017.\n"
        "La réforme des institutions sera-t-elle revisitée ?\n"
        "Marc Fesneau Je le souhaite."
    )
    assert _said(text)[-2:] == [
        ("Cette crise est le miroir de ce qui s'est exprimé en 2017.", "Marc Fesneau"),
        ("Je le souhaite.", "Marc Fesneau"),
    ]


def test_dash_dialogue_turns_alternate_between_two_people() -> None:
    assert _said(COURT) == [
        ("Pourquoi avez-vous frappé ce policier ?", "Isabelle Roux"),
        ("Je ne l'ai pas frappé, je me suis défendu.", "Karim B."),
        ("Les images montrent le contraire.", "Isabelle Roux"),
        ("Les images ne montrent pas tout", "Karim B."),
    ]


def test_dash_list_is_no_dialogue() -> None:
    text = (
        "Le gouvernement a présenté trois mesures.\n"
        "- une prime de 100 euros pour les ménages modestes, versée en décembre ;\n"
        "- la baisse des taxes sur le carburant, prolongée jusqu'en mars ;\n"
        "- un chèque énergie élargi à deux millions de foyers, selon Bercy."
    )
    assert dialogue.dash_dialogue(_ctx(text), dialogue.lines_of(text)) is None


def test_name_colon_quote_title_is_the_named_person() -> None:
    assert _said(FIGARO)[0] == ("Je serai candidate en 2027", "Marine Le Pen")
    text = (
        "INTERVIEW. Édouard Philippe : « Je ne serai pas candidat contre le président »\n\n"
        "L'ancien Premier ministre s'est confié au Parisien."
    )
    assert _said(text) == [("Je ne serai pas candidat contre le président", "Édouard Philippe")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (AFP, ["Sophie Binet"] * 4),  # the person of the lead speaks the answers
        (FIGARO, ["Marine Le Pen"] * 3),
    ],
)
def test_interview_answers_all_go_to_the_interviewee(text: str, expected: list[str]) -> None:
    assert [speaker for _, speaker in _said(text)] == expected


def test_questions_are_no_quotes() -> None:
    texts = {q.text for q in _quotes(AFP)}
    assert not any("Allez-vous y participer" in t for t in texts)
    assert not any("est-elle prévue" in t for t in texts)


def test_interviewee_announced_in_title_or_lead() -> None:
    for text, name in [
        ("Interview exclusive de Jean Castex sur la crise sanitaire.\nQuestion ?", "Jean Castex"),
        ("Le maire de Lyon Grégory Doucet répond à nos questions.\nQuestion ?", "Grégory Doucet"),
        ("Entretien avec Arnaud Rousseau, président de la FNSEA.\nQuestion ?", "Arnaud Rousseau"),
    ]:
        found = dialogue.interviewee(_ctx(text), text.index("Question"))
        assert found is not None
        assert found.mention is not None
        assert found.mention.canonical == name


def test_explainer_intertitles_are_no_interview() -> None:
    text = (
        "Réforme des retraites : ce qui change au 1er septembre\n\n"
        "Le texte, adopté après une rencontre avec Emmanuel Macron et les partenaires sociaux, entre en vigueur.\n"
        "Qui est concerné ?\n"
        "Les salariés nés après le 1er septembre 1961 devront travailler plus longtemps.\n"
        "Que se passe-t-il pour les carrières longues ?\n"
        "Un dispositif permet de partir plus tôt à ceux qui ont commencé à travailler jeunes."
    )
    ctx = _ctx(text)
    lines = dialogue.lines_of(text)
    assert dialogue.question_lines(ctx, lines) is None
    assert dialogue.dash_questions(ctx, lines) is None
    assert not [q for q in _quotes(text) if "salariés nés" in q.text or "dispositif" in q.text]


def test_dash_intertitles_of_an_explainer_are_no_interview() -> None:
    text = (
        "Ce que contient le budget 2025\n\n"
        "– Quelles économies ?\n"
        "Le gouvernement prévoit 40 milliards d'euros d'économies sur les dépenses de l'Etat.\n"
        "– Quels impôts augmentent ?\n"
        "Les grandes entreprises paieront une contribution exceptionnelle pendant deux ans."
    )
    assert dialogue.dash_questions(_ctx(text), dialogue.lines_of(text)) is None


def test_live_headlines_opened_by_names_are_no_debate() -> None:
    text = (
        "Coronavirus : les annonces du jour en direct\n\n"
        "Olivier Véran : le ministre annonce de nouvelles restrictions dans six départements\n"
        "Jean Castex : le Premier ministre se rendra à Marseille jeudi\n"
        "Olivier Véran : la vaccination ouverte aux plus de 50 ans dès lundi"
    )
    assert dialogue.name_prefixes(_ctx(text), dialogue.lines_of(text)) is None
    assert _said(text) == []


def test_title_of_a_column_names_no_speaker() -> None:
    text = "L'éditorial du Figaro : « Sans illusions »\n\nLe gouvernement a présenté son plan mardi."
    ctx = _ctx(text)
    assert dialogue.name_colon_quotes(ctx, dialogue.lines_of(text)) == []
