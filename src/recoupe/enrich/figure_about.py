"""What a figure measures, read from the spaCy parse: ``about`` of a ``Figure``.

``figure_about(root, start, end, kind, language)``: ``root`` is the parse's root of the figure's span. Up
the tree from it (transparent nouns such as ``montant``, ``hauteur`` skipped):

- a noun head gives its noun phrase: ``offre de rachat`` from ``une offre de rachat de 97 milliards``;
  for a percent, the noun the share is *of* is kept with it, whether it hangs on the figure or on the head:
  ``une hausse de 5 % des salaires`` and ``une hausse des salaires de 5 %`` → ``hausse des salaires``;
- a verb head gives a noun for a few verbs: money ``valorisé à`` → ``valorisation``; percent ``les salaires
  augmentent de 5 %`` → ``augmentation des salaires`` (the verb's noun, then its subject), so two outlets
  writing it with a verb and with a noun get the same ``about``.

``singular`` (plural → singular by rule, when the parse gives no lemma) lives here too: both this module
and ``figures.py`` use it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from recoupe.enrich.figure_lexicon import MONEY_ABOUT_VERBS, PERCENT_ABOUT_VERBS, TIME_UNITS, TRANSPARENT_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

__all__ = ["figure_about", "singular"]

#: nouns that say when or against what, not what is measured ("0,3 % au troisième trimestre")
_NOT_MEASURED = frozenset({*TIME_UNITS, "trimestre", "semestre", "période", "rapport", "an", "année", "total"})
#: "de" + a determiner, as French writes it after a noun ("augmentation" + "les salaires" → "des salaires")
_DE_DET = {"le": "du ", "les": "des ", "la": "de la ", "l'": "de l'"}


def singular(word: str, language: str) -> str:  # noqa: PLR0911 - one return per ending
    """A plural noun made singular by rule (when the parse gives no lemma)."""
    lower = word.lower()
    if language == "fr":
        if lower.endswith("aux") and len(lower) > 4:
            return lower[:-3] + "al"
        if lower.endswith(("s", "x")) and not lower.endswith(("ss", "is", "us", "os")) and len(lower) > 3:
            return lower[:-1]
        return lower
    if lower.endswith("ies") and len(lower) > 4:
        return lower[:-3] + "y"
    if lower.endswith(("ches", "shes", "sses", "xes")):
        return lower[:-2]
    if lower.endswith("s") and not lower.endswith(("ss", "us", "is")) and len(lower) > 3:
        return lower[:-1]
    return lower


def figure_about(root: Token | None, start: int, end: int, kind: str, language: str) -> str | None:  # noqa: PLR0911
    """The noun (or nominalised verb) the figure at ``start:end`` depends on in the parse, when there is one."""
    if root is None or root.dep_ in {"conj", "appos"}:
        return None
    figure = root
    head = root.head
    for _ in range(4):
        if head.i == root.i or start <= head.idx < end:
            return None
        if head.pos_ == "NOUN" and head.lemma_.lower() in TRANSPARENT_NOUNS and head.head.i != head.i:
            root, head = head, head.head
            continue
        if head.pos_ == "NOUN":
            phrase = _noun_phrase(head, language)
            if kind == "percent" and phrase == _lemma(head, language):
                measured = _measured(figure, head, language)
                return f"{phrase} {measured}" if measured else phrase
            return phrase
        if head.pos_ == "VERB":
            lemma = (head.lemma_ or head.text).lower()
            if kind == "money":
                return MONEY_ABOUT_VERBS.get(lemma)
            if kind == "percent" and lemma in PERCENT_ABOUT_VERBS:
                return _verb_about(head, PERCENT_ABOUT_VERBS[lemma], language)
        return None
    return None


def _lemma(noun: Token, language: str) -> str:
    return (noun.lemma_ or noun.text).lower() if language == "fr" else singular(noun.text, "en")


def _noun_phrase(noun: Token, language: str) -> str:
    """``offre de rachat`` from ``rachat`` or ``offre``; ``levée de fonds`` from ``fonds``."""
    lemma = _lemma(noun, language)
    if _is_compound_complement(noun) and noun.head.pos_ == "NOUN":
        parent = noun.head
        case = next(t for t in noun.children if t.dep_ == "case")
        return _join(_lemma(parent, language), case.text, noun.text)
    for child in noun.children:
        if child.i > noun.i and child.pos_ == "NOUN" and _is_compound_complement(child) and child.text.islower():
            case = next(t for t in child.children if t.dep_ == "case")
            return _join(lemma, case.text, child.text)
    return lemma


def _join(head: str, case: str, complement: str) -> str:
    """``offre`` + ``d'`` + ``achat`` → ``offre d'achat``; ``levée`` + ``de`` + ``fonds`` → ``levée de fonds``."""
    case = case.lower().replace("’", "'")
    return f"{head} {case}{complement.lower()}" if case.endswith("'") else f"{head} {case} {complement.lower()}"


def _is_compound_complement(noun: Token) -> bool:
    cases = [t for t in noun.children if t.dep_ == "case"]
    has_det = any(t.dep_ == "det" for t in noun.children)
    return (
        noun.dep_ == "nmod"
        and len(cases) == 1
        and cases[0].lower_.replace("’", "'") in {"de", "à", "d'"}
        and not has_det
        and noun.text.islower()
        and cases[0].i == noun.i - 1
    )


def _measured(figure: Token, head: Token, language: str) -> str | None:
    """``des salaires`` in ``hausse de 5 % des salaires`` (on the figure) or ``hausse des salaires de 5 %``
    (on the head): the complement, as written from its preposition to the noun."""
    for owner in (figure, head):
        for child in owner.children:
            if child.i <= owner.i or child.i == figure.i or child.pos_ != "NOUN" or child.dep_ not in {"nmod", "obl"}:
                continue
            if not child.text.islower() or child.lemma_.lower() in _NOT_MEASURED or child.text in _NOT_MEASURED:
                continue
            complement = _complement_text(child, language)
            if complement:
                return complement
    return None


def _complement_text(noun: Token, language: str) -> str | None:
    """``des salaires``, ``de l'énergie``, ``du chômage``, ``of wages``: the preposition (and determiner)
    right before ``noun``, as written; ``None`` when the noun has no ``de``/``of`` right before it."""
    doc = noun.doc
    first = noun.i
    while first > 0 and doc[first - 1].pos_ in {"ADP", "DET"} and noun.i - first < 2:
        first -= 1
    words = [t.lower_.replace("’", "'") for t in doc[first : noun.i]]
    if not words or words[0] not in ({"of"} if language == "en" else {"de", "des", "du", "d'"}):
        return None
    text = ""
    for word in words:
        text += word if word.endswith("'") else f"{word} "
    return text + noun.lower_


def _verb_about(verb: Token, noun: str, language: str) -> str:
    """``augmentation des salaires`` for ``les salaires augmentent``; the noun alone without a noun subject."""
    subject = next((t for t in verb.children if t.dep_ in {"nsubj", "nsubj:pass"} and t.pos_ == "NOUN"), None)
    if subject is None or not subject.text.islower():
        return noun
    if language == "en":
        return f"{noun} of {subject.lower_}"
    det = next((t for t in subject.children if t.dep_ == "det" and t.i < subject.i), None)
    if det is None:
        return f"{noun} de {subject.lower_}"
    written = det.lower_.replace("’", "'")
    linked = _DE_DET.get(written, f"de {written} ")
    return f"{noun} {linked}{subject.lower_}"
