"""Complements of French reporting verbs read from the dependency parse (gold guide §3.2), for
``quotes_indirect``: what the token scan near the verb misses.

- ``que_opens_clause``: a ``que``/``qu'`` that the tagger calls a pronoun but whose parse makes it the
  complementiser of the verb's ``ccomp`` (``a révélé sur CNews qu'il a perdu``, ``a déclaré mercredi que``);
- ``infinitive_complement``: the infinitival ``xcomp`` of a reporting verb, past infinitives included, with
  time words, adverbs or a prepositional phrase between them (``a indiqué avoir saisi``, ``a annoncé samedi
  9 février avoir saisi``, ``avait promis lors de la campagne de maintenir``, ``reconnait avoir commis``);
- ``coordinated_start``: where a second reported clause starts inside the first (``mais qu'``, ``, que``,
  ``et n'avoir``), so that each gets its own quote.

- ``connectors_only``: what may stand before a sentence-opening ``Selon X,`` (``Et``, ``En effet,``,
  ``Toujours``, ``Pire,``).

What is guessed: that an infinitive the parser hangs on the reporting verb is its reported content (the
parser sometimes attaches a purpose clause ``pour + inf`` there: ``pour``, ``afin`` and ``sans`` stop it).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from recoupe.enrich.speech import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

__all__ = [
    "INFINITIVE_VERBS",
    "SPEECH_INFINITIVE_VERBS",
    "connectors_only",
    "coordinated_start",
    "ends_sentence",
    "in_relative",
    "infinitive_complement",
    "que_opens_clause",
    "report_lemma",
]

#: reporting verbs whose infinitival complement is reported speech ("indique avoir", "a promis de")
#: speech verbs whose infinitive complement is reported speech, as ``quotes_indirect`` first read them
SPEECH_INFINITIVE_VERBS = frozenset(
    {"dire", "affirmer", "assurer", "confirmer", "nier", "reconnaitre", "avouer", "admettre", "estimer", "declarer",
     "expliquer", "pretendre", "jurer", "certifier", "dementir", "accuser", "annoncer", "juger", "raconter"}
)  # fmt: skip
INFINITIVE_VERBS = SPEECH_INFINITIVE_VERBS | {
    "indiquer", "rappeler", "promettre", "reveler", "repeter", "soutenir", "preciser", "temoigner", "confier",
    "souligner",
}  # fmt: skip
#: verbs whose infinitive comes after ``de`` ("a promis de maintenir", "l'accuse de tenir")
_DE_VERBS = frozenset({"promettre", "accuser", "jurer"})
#: surface forms the lemmatiser gets wrong ("reconnait" → "reconner")
_FORMS = {"reconnait": "reconnaitre", "reconnaît": "reconnaitre", "reconnu": "reconnaitre", "promis": "promettre"}
_STOP = frozenset(
    {"pour", "afin", "sans", "avant", "apres", "au", "a", "en", "par", ":", ";", "(", "?", "!"}
    | {"comment", "pourquoi", "quand", "ou", "si", "quoi", "qui", "combien"}  # "leur expliquer comment utiliser"
)
_ENDINGS = ("er", "ir", "re", "oir")
_CLITIC_DEPS = frozenset({"aux:tense", "aux:pass", "expl:comp", "expl:pass", "expl:subj", "obj", "iobj", "advmod"})
_NEGATION = frozenset({"ne", "n'", "pas", "plus", "jamais", "rien"})


def report_lemma(tok: Token) -> str:
    """The folded lemma of a reporting verb, mended for forms the lemmatiser gets wrong."""
    lemma = fold(tok.lemma_)
    return lemma if lemma in INFINITIVE_VERBS else _FORMS.get(fold(tok.text), lemma)


def que_opens_clause(que: Token, verb: int) -> bool:
    """Whether ``que`` (any tag) is the complementiser of the clause the parse makes the complement of the
    token at ``verb`` (a relative ``que`` hangs on an ``acl:relcl`` and is refused)."""
    if que.pos_ == "SCONJ" or que.dep_ == "mark":
        return True
    head = que.head
    return head.dep_ == "ccomp" and head.head.i == verb and head.i > que.i


def _infinitive(tok: Token) -> bool:
    if tok.pos_ not in {"VERB", "AUX"} or not tok.text.islower():
        return False  # "le ministre Jean-Michel Blanquer": a name the tagger calls an infinitive
    if "Inf" in tok.morph.get("VerbForm", []):
        return fold(tok.text).endswith(_ENDINGS)  # "avoir été testé": the participle's auxiliaries are infinitives
    return any(c.dep_.startswith("aux") and "Inf" in c.morph.get("VerbForm", []) for c in tok.children)


def infinitive_complement(verb: Token, limit: int) -> int | None:
    """Index of the token that opens the infinitival complement of ``verb`` (its clitics and negation
    included, ``de`` left out), when ``verb`` is in ``INFINITIVE_VERBS`` and the parse gives it one before
    token ``limit``; ``None`` otherwise."""
    lemma = report_lemma(verb)
    if lemma not in INFINITIVE_VERBS:
        return None
    doc = verb.doc
    for child in verb.children:
        if child.dep_ != "xcomp" or not verb.i < child.i < limit or not _infinitive(child):
            continue
        opening = [c for c in child.children if c.i < child.i and c.dep_ in _CLITIC_DEPS]
        opening = [c for c in opening if c.dep_ != "advmod" or fold(c.text) in _NEGATION]
        first = min([child.i, *(c.i for c in opening)])
        between = [fold(t.text) for t in doc[verb.i + 1 : first]]
        if any(w in _STOP for w in between) or any(t.pos_ in {"VERB", "AUX"} for t in doc[verb.i + 1 : first]):
            continue
        if between[-1:] in (["de"], ["d'"]) and lemma not in _DE_VERBS:
            continue  # "a annoncé la décision de partir": the infinitive completes a noun
        if lemma in _DE_VERBS and between[-1:] not in (["de"], ["d'"]) and between:
            continue
        return first
    return None


def coordinated_start(doc: Doc, k: int, *, complement: bool, infinitival: bool) -> int | None:
    """When the token at ``k`` coordinates a second reported clause, the index of the first token of that
    clause: for a ``que`` content, ``mais que``/``mais qu'``/``, que`` when the parse makes the second clause a
    conjunct (not a relative: ", qu'il a présenté comme"), and for an infinitival content ``et``/``mais`` + an
    infinitive (``et n'avoir rien trouvé``); ``None`` otherwise."""
    low = fold(doc[k].text)
    if k + 1 >= len(doc) or low not in {"mais", ",", "et"}:
        return None
    nxt = doc[k + 1]
    if complement and fold(nxt.text) in {"que", "qu'"} and low in {"mais", ","}:
        if low == "," and not _enumeration_goes_on(doc, k + 2):
            return None  # ", qu'il a présenté comme …": a relative clause, unless "…, que B et que C"
        return k + 2 if nxt.dep_ in {"mark", "dep"} and nxt.head.dep_ in {"conj", "ccomp"} else None
    if infinitival and low in {"mais", "et"}:
        j = k + 1
        while j < len(doc) and fold(doc[j].text) in _NEGATION | {"l'", "le", "la", "les", "lui", "en", "y"}:
            j += 1
        if j < len(doc) and j - k <= 4 and "Inf" in doc[j].morph.get("VerbForm", []):
            return k + 1
    return None


def _enumeration_goes_on(doc: Doc, k: int) -> bool:
    """Whether ``et que``/``et qu'`` follows token ``k`` in its sentence (``que A, que B et que C``)."""
    for j in range(k, min(len(doc) - 1, k + 60)):
        low = fold(doc[j].text)
        if low in {".", "!", "?"}:
            return False
        if low == "et" and fold(doc[j + 1].text) in {"que", "qu'"}:
            return True
    return False


#: sentence connectors and adverbs that may open a sentence before ``selon X,``
_CONNECTORS = frozenset(
    {"et", "mais", "car", "or", "donc", "toujours", "en", "effet", "pire", "enfin", "ainsi", "aussi", "d'ailleurs"}
    | {"par", "ailleurs", "cependant", "pourtant", "surtout", "encore", "de", "plus", "outre", "mieux", "bref", "alors"}
)


def connectors_only(head: str) -> bool:
    """Whether ``head`` (the words before ``selon`` in its sentence) holds only connectors and commas."""
    words = fold(head).replace(",", " ").split()
    return bool(words) and len(words) <= 3 and all(w in _CONNECTORS for w in words)


def in_relative(tok: Token) -> bool:
    """Whether a finite verb belongs to a relative clause (``rappelle aux personnes qui utilisent … que``): the
    scan for the reporting verb's ``que`` goes on past it."""
    return tok.dep_ == "acl:relcl" or (tok.dep_.startswith(("aux", "cop")) and tok.head.dep_ == "acl:relcl")


def ends_sentence(text: str, end: int, sent_end: int) -> bool:
    """Whether only closing punctuation stands between ``end`` and the sentence end."""
    return not text[end:sent_end].strip(" .,;!?)\n")
