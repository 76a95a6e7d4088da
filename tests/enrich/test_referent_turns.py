"""Turns of a dialogue told in prose (``recoupe.enrich.referent_turns``, rule ``referents.reply_turn``): the
pronoun of a reply names the other person of the exchange. Sentences written for these tests in the way
French political reporting tells an exchange; the expected speakers were written before running them."""

from __future__ import annotations

from tests.enrich.french_quotes import quotes_of as _quotes

from recoupe.enrich import referents as rules


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in _quotes(text) if q.kind == "direct"]


def test_reply_turn_is_a_rule_before_the_resolver_answer_is_kept() -> None:
    assert rules.RULES.index(rules.reply_turn) < rules.RULES.index(rules.named_entity)


def test_reply_goes_to_the_person_the_turn_was_addressed_to() -> None:
    text = (
        '"Vous avez menti aux Français", a lancé Jean-Luc Mélenchon à Gabriel Attal lors des questions au '
        'gouvernement. "C\'est vous qui semez la peur", a-t-il répondu.'
    )
    assert _speakers(text) == ["Jean-Luc Mélenchon", "Gabriel Attal"]


def test_retort_goes_to_the_person_interpellated() -> None:
    text = (
        "Lors du débat, Valérie Pécresse a interpellé Anne Hidalgo sur la dette de la Ville. "
        '"Paris est au bord de la faillite", a-t-elle accusé. '
        '"La dette est maîtrisée et notre notation est excellente", rétorque-t-elle.'
    )
    assert _speakers(text) == ["Valérie Pécresse", "Anne Hidalgo"]


def test_retort_goes_to_the_one_who_spoke_before_the_last_speaker() -> None:
    text = (
        "« Nous baisserons les impôts de dix milliards », a promis Éric Ciotti sur le plateau. "
        "« Avec quel argent ? », a ironisé Olivier Faure. "
        "« Avec les économies que vous n'avez jamais faites », a-t-il rétorqué."
    )
    assert _speakers(text) == ["Éric Ciotti", "Olivier Faure", "Éric Ciotti"]


def test_answer_to_a_journalist_stays_with_the_speaker() -> None:
    text = (
        "Interrogé mardi sur France Inter, Gérald Darmanin a écarté toute ambition présidentielle. "
        "« Je ne suis pas candidat », a-t-il répondu. « Je suis au travail », a-t-il ajouté."
    )
    assert _speakers(text) == ["Gérald Darmanin", "Gérald Darmanin"]


def test_reply_goes_to_the_addressee_named_with_a_title() -> None:
    text = (
        "« Le gouvernement a échoué », a lancé Marine Le Pen à la Première ministre Élisabeth Borne. "
        "« Nous avons tenu nos engagements », a-t-elle répondu."
    )
    assert _speakers(text) == ["Marine Le Pen", "Élisabeth Borne"]


# --- the person speaking, not the person spoken about ---------------------------------------------------


def test_passive_cue_speaker_is_the_agent_not_the_person_described() -> None:
    # tune half, orangesum-test-1001 (CC BY-SA 4.0), cut
    text = (
        "Alors que lors de son procès, en 2004, Dutroux avait été décrit par les experts comme un "
        '"vrai psychopathe", un "pervers narcissique" et un "manipulateur", le criminel belge n\'a plus '
        "subi d'examen psychiatrique depuis 2013."
    )
    speakers = {q.text: q.speaker for q in _quotes(text)}
    assert speakers["vrai psychopathe"] == "les experts"
    assert speakers["pervers narcissique"] == "les experts"


def test_speaker_after_a_de_complement_is_the_name_not_the_title() -> None:
    text = (
        "« Il a été un grand président », a dit de Jacques Chirac son ancien Premier ministre Alain Juppé. "
        "« C'était un ami fidèle », a confié à propos de Jacques Chirac l'ancien ministre Jean-Louis Debré."
    )
    assert _speakers(text) == ["Alain Juppé", "Jean-Louis Debré"]


def test_speaker_named_after_a_complement_and_a_comma() -> None:
    # tune half, orangesum-test-967 (CC BY-SA 4.0), cut
    text = (
        "Chez Les Républicains, le président du groupe, Christian Jacob, a déjà prévu de faire l'aller-retour."
        '"J\'ai cinq enfants qui ont envie de partir, une femme qui a envie de partir elle aussi", se justifie '
        "de son côté auprès de BFMTV, Olivier Faure, le président du groupe Nouvelle Gauche."
    )
    assert _speakers(text) == ["Olivier Faure"]


def test_about_whom_is_not_the_speaker() -> None:
    text = (
        "Interrogé sur Nicolas Sarkozy, François Hollande a répondu : « Je ne commente pas les décisions de "
        "justice. » « C'est un homme courageux », a déclaré Édouard Philippe à propos de Jean Castex. Au sujet "
        "d'Emmanuel Macron, Marine Le Pen a estimé qu'il « ne comprend pas les Français »."
    )
    assert _speakers(text) == ["François Hollande", "Édouard Philippe", "Marine Le Pen"]


def test_pronoun_of_a_fronted_clause_is_the_main_clause_subject() -> None:
    # tune half, orangesum-test-569 (CC BY-SA 4.0), cut
    text = (
        "\"J'approuve l'état d'esprit de François\", a répondu le lendemain Jean-Luc Mélenchon, sur France 2. "
        "S'il n'a pas exclu une candidature, François Ruffin s'était toutefois montré prudent sur 2022, disant "
        '"laisser la porte ouverte à ce qui peut se passer dans le pays". "Cela ne veut pas dire que (j\'y pense) '
        'tous les matins en me rasant", avait-il relativisé.'
    )
    assert _speakers(text) == ["Jean-Luc Mélenchon", "François Ruffin", "François Ruffin"]
