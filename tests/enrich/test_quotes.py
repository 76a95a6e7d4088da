"""Quote extraction on real sentences: the seeds, sentences of the French gold articles, English news
sentences (AllSides demo corpus), and robustness cases (scare quotes, unbalanced marks, no punctuation,
1 MB of text)."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy

from recoupe.config import Settings
from recoupe.enrich.entities import find_mentions
from recoupe.enrich.nlp import NlpModels
from recoupe.enrich.quotes import extract_quotes
from recoupe.extract import extract
from recoupe.model import Quote
from recoupe.sources.pages import read_text_file

SEEDS = Path(__file__).resolve().parent.parent / "fixtures" / "seeds"


@pytest.fixture(scope="module")
def models() -> NlpModels:
    return NlpModels()


def quotes_of(models: NlpModels, text: str, language: str = "fr") -> list[Quote]:
    doc = models.parse(text, language)
    return extract_quotes(doc, find_mentions(doc, language), language)


def test_block_quotes_signed_by_a_dash_line(models: NlpModels, tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "db"))
    article = extract(read_text_file(SEEDS / "000_8aee5ca2760b0c1d.txt", settings), settings)
    doc = models.parse(article.text, "fr")
    quotes = extract_quotes(doc, find_mentions(doc, "fr"), "fr")
    by_text = {q.text: q for q in quotes}
    taylor = by_text[
        "OpenAI n'est pas à vendre et le conseil d'administration a rejeté à l'unanimité la dernière tentative "
        "de M. Musk visant à perturber la concurrence."
    ]
    assert taylor.kind == "direct"
    assert taylor.speaker == "Bret Taylor"
    assert taylor.role == "président d'OpenAI"
    assert article.text[taylor.start : taylor.end] == taylor.text
    openai = next(q for q in quotes if q.text.startswith("Toute réorganisation potentielle d'OpenAI"))
    assert openai.text.endswith("l'humanité.")
    assert openai.speaker == "OpenAI"
    # the bullet list at the end of the seed is not a signed quote
    assert not any(q.text.startswith("D'un côté") for q in quotes)


def test_inverted_cue_after_a_direct_quote(models: NlpModels) -> None:
    text = '"Une procédure administrative classique", précise le palais présidentiel. Il devra répondre de ses actes.'
    [quote] = quotes_of(models, text)
    assert (quote.text, quote.kind) == ("Une procédure administrative classique", "direct")
    assert quote.speaker == "le palais présidentiel"
    assert quote.cue == "précise"
    assert text[quote.speaker_start : quote.speaker_end] == "le palais présidentiel"


def test_pronoun_speaker_from_a_t_il(models: NlpModels) -> None:
    text = (
        "Parmi les premiers à réagir, le musicien Jean-Michel Jarre a salué la mémoire du chanteur. "
        '"C\'était un des plus grands chanteurs français", a-t-il déploré.'
    )
    quotes = quotes_of(models, text)
    quote = next(q for q in quotes if q.text.startswith("C'était"))
    assert quote.speaker == "Jean-Michel Jarre"
    assert quote.cue == "a-t-il déploré"
    assert text[quote.speaker_start : quote.speaker_end] == "il"


def test_mixed_indirect_quote_gives_both_spans(models: NlpModels) -> None:
    text = 'La direction de la Poste juge toutefois que ce chiffre n\'a "aucun fondement".'
    quotes = quotes_of(models, text)
    kinds = {(q.kind, q.text) for q in quotes}
    assert ("indirect", 'ce chiffre n\'a "aucun fondement"') in kinds
    assert ("direct", "aucun fondement") in kinds
    assert all(q.speaker is not None and "Poste" in q.speaker for q in quotes)


def test_selon_and_inverted_indirect_quotes(models: NlpModels) -> None:
    text = (
        "Selon Le Dauphiné Libéré, l'homme s'est rendu de lui-même au commissariat d'Annecy. "
        "Seize personnes sont décédées lundi dans le crash d'un avion militaire, ont annoncé des médias américains."
    )
    quotes = quotes_of(models, text)
    texts = {q.text: q for q in quotes if q.kind == "indirect"}
    selon = texts["l'homme s'est rendu de lui-même au commissariat d'Annecy"]
    assert selon.speaker == "Le Dauphiné Libéré"
    assert selon.cue == "Selon"
    inverted = texts["Seize personnes sont décédées lundi dans le crash d'un avion militaire"]
    assert inverted.speaker == "des médias américains"


def test_infinitive_complement_and_se_dire(models: NlpModels) -> None:
    text = (
        "Plus tôt dans la journée, Marine Le Pen a nié avoir proposé la tête de liste au polémiste. "
        "Edward Snowden s'est dit surpris et honoré."
    )
    quotes = {q.text: q for q in quotes_of(models, text)}
    assert quotes["avoir proposé la tête de liste au polémiste"].speaker == "Marine Le Pen"
    assert quotes["surpris et honoré"].speaker == "Edward Snowden"


def test_scare_quotes_titles_and_labels_are_not_quotes(models: NlpModels) -> None:
    text = (
        'Le chanteur de "Aline" est mort. Des "gilets jaunes" ont bloqué un rond-point samedi. '
        'Le documentaire intitulé "Beyond The Tryline" sort en mai. La situation reste "hors norme".'
    )
    assert quotes_of(models, text) == []


def test_unbalanced_marks_and_no_punctuation(models: NlpModels) -> None:
    text = "Il a déclaré « nous ne céderons pas et puis le texte continue sans jamais fermer la citation " * 20
    quotes = quotes_of(models, text)
    assert all(q.end - q.start <= 2000 for q in quotes)
    bare = "le ministre a dit que la réforme sera votée " * 200
    assert isinstance(quotes_of(models, bare), list)


def test_one_megabyte_returns() -> None:
    nlp = spacy.blank("fr")
    chunk = 'Le ministre a déclaré : « Nous ne céderons pas », a-t-il dit. Selon lui, rien ne change. " '
    doc = nlp(chunk * (1_000_000 // len(chunk)))
    quotes = extract_quotes(doc, [], "fr")
    assert quotes
    text = doc.text  # spaCy joins the tokens at each access
    assert all(text[q.start : q.end] == q.text for q in quotes)


def test_english_said_and_according_to(models: NlpModels) -> None:
    text = (
        "Colin Powell died Monday as a result of complications from Covid-19, according to his family. "
        '"We have lost a remarkable and loving husband, father, grandfather and a great American," his family said. '
        "White House assistant press secretary Kevin Munoz said in a tweet that the new policy will begin next month."
    )
    quotes = quotes_of(models, text, "en")
    direct = next(q for q in quotes if q.kind == "direct")
    assert direct.text.startswith("We have lost a remarkable")
    assert direct.speaker == "his family"
    indirect = {q.text: q for q in quotes if q.kind == "indirect"}
    according = next(q for t, q in indirect.items() if t.startswith("Colin Powell died Monday"))
    assert according.speaker == "his family"
    munoz = next(q for t, q in indirect.items() if t.startswith("the new policy will begin"))
    assert munoz.speaker == "Kevin Munoz"


def test_pronoun_agrees_in_gender_with_its_antecedent(models: NlpModels) -> None:
    text = (
        "Marie Dubois a rencontré Pierre Martin à Lyon. Elle a ensuite quitté la salle. "
        '"Je ne reviendrai pas", a-t-elle déclaré.'
    )
    quotes = quotes_of(models, text)
    assert [q.speaker for q in quotes if q.text == "Je ne reviendrai pas"] == ["Marie Dubois"]


def test_impersonal_on_speaks_for_its_place(models: NlpModels) -> None:
    text = 'La réforme avance. "Nous prenons le temps de discuter", explique-t-on à l\'Élysée.'
    quotes = quotes_of(models, text)
    assert [q.speaker for q in quotes] == ["Élysée"]


def test_description_takes_the_name_in_apposition(models: NlpModels) -> None:
    text = 'Le gouverneur du Mississippi, Phil Bryant, a salué "le courage de nos soldats".'
    quotes = quotes_of(models, text)
    assert [q.speaker for q in quotes] == ["Phil Bryant"]


def test_selon_figures_given_by_someone(models: NlpModels) -> None:
    text = "Huit trains sur dix rouleront jeudi, selon des chiffres fournis par la direction."
    quotes = quotes_of(models, text)
    assert [q.speaker for q in quotes] == ["la direction"]


def test_inanimate_subject_of_s_annoncer_is_no_speaker(models: NlpModels, tmp_path: Path) -> None:
    settings = Settings(db=str(tmp_path / "db"))
    article = extract(read_text_file(SEEDS / "000_8aee5ca2760b0c1d.txt", settings), settings)
    assert "le chemin s'annonce semé d'embûches" in article.text
    quotes = quotes_of(models, article.text)
    assert not any(q.speaker and q.speaker.lower() == "le chemin" for q in quotes)
    assert not any("semé d'embûches" in q.text for q in quotes)


def test_comme_le_revele_frames_the_following_clause(models: NlpModels) -> None:
    text = "Comme le révèle le magazine Gala, le prince Harry confie que le rugby a été un sport difficile pour lui."
    quotes = quotes_of(models, text)
    framed = [q for q in quotes if q.cue and q.cue.startswith("Comme le révèle")]
    assert framed
    assert framed[0].speaker is not None
    assert "Gala" in framed[0].speaker
    assert framed[0].text.startswith("le prince Harry confie")


def test_apposition_before_the_verb_and_no_quoted_speaker(models: NlpModels) -> None:
    # the subject is the name before ", apposition,", not a name inside the apposition nor quoted text
    text = (
        'Force Ouvrière, deuxième syndicat de Renault, parle de "centaines de départs" dans les usines et de '
        '"douze fermetures" en janvier.'
    )
    quotes = quotes_of(models, text)
    assert [q.text for q in quotes] == ["centaines de départs", "douze fermetures"]
    assert [q.speaker for q in quotes] == ["Force Ouvrière", "Force Ouvrière"]


def test_person_named_after_the_medium(models: NlpModels) -> None:
    # the recogniser runs "Figaro Jean-Marc Dubreuil" into one ORG: the speaker is the person after "au Figaro"
    [quote] = quotes_of(models, '"Nous irons jusqu\'au bout", a affirmé au Figaro Jean-Marc Dubreuil.')
    assert quote.speaker == "Jean-Marc Dubreuil"
    assert quote.cue == "a affirmé"


def test_sentence_glued_to_a_closing_mark(models: NlpModels) -> None:
    # `habituels"La SNCF met`: a new sentence, so the subject of the earlier sentence is not the speaker
    text = (
        'Les trains rouleront "selon les horaires habituels"La SNCF met toutefois en garde contre un '
        '"risque de retards".'
    )
    quote = next(q for q in quotes_of(models, text) if q.text == "risque de retards")
    assert quote.speaker == "SNCF"


def test_main_clause_subject_not_the_subordinate_one(models: NlpModels) -> None:
    # `la « banque verte » s'est justifiée avant que la rumeur …`: the quoted term is the subject, not a
    # quote; "la rumeur" is the subject of the subordinate clause; "Sur Facebook" is a place, not a speaker
    text = (
        "Sur Facebook, la « banque verte » s'est aussitôt justifiée avant que la rumeur ne grossisse : "
        '"Nous regrettons sincèrement cette erreur de calcul." Avant de promettre que les clients seraient remboursés.'
    )
    quotes = quotes_of(models, text)
    assert [q.kind for q in quotes] == ["direct", "indirect"]
    assert [q.speaker for q in quotes] == ["la « banque verte »", "la « banque verte »"]
