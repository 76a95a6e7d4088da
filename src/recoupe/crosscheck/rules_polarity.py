"""Polarity rules: one sentence negates what the other asserts, or says the opposite (see ``rules``).

Both sentences become lists of ``Word`` (from a spaCy parse, or from folded words with no parse) and the
rules read only those: a negated predicate (``_negations``), a predicate that takes no side (``_blocked``),
the roles around a predicate (``_roles``) and the content words of the sentence (``_content``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from recoupe.crosscheck.rules_base import LIGHT_FORMS, Conflict, Sentence, Word, sentence_of, stem, stop_words
from recoupe.crosscheck.rules_lexicon import (
    ANTONYMS,
    EMBEDDING_LEMMAS,
    LIGHT_LEMMAS,
    NE_PARTICLES,
    NEGATION_DETS,
    NEGATION_EN,
    NEGATION_SYNONYMS,
    NOT_NEGATION_AFTER,
    VERB_ONLY,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from recoupe.enrich.nlp import NlpModels

__all__ = [
    "MIN_SHARED",
    "MIN_SHARED_RATIO",
    "polarity_conflicts",
    "polarity_conflicts_docs",
    "same_participants",
]

#: the sentences must share this many content words (nouns, names) besides the predicates compared ...
MIN_SHARED = 2
#: ... and this share of the content words of the sentence that has fewer (calibrated on DACCORD's first half
#: and RTE3-FR dev: see bench/crosscheck_nli.py)
MIN_SHARED_RATIO = 0.5

_PREDICATE_POS = frozenset({"VERB", "ADJ", "NOUN"})
_CONTENT_POS = frozenset({"NOUN", "PROPN"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubj:pass", "nsubjpass", "csubj"})
_AGENT_DEPS = frozenset({"obl:agent", "agent"})
_OBJECT_DEPS = frozenset({"obj", "dobj", "obl:arg", "attr", "iobj"})
_NAME_DEPS = frozenset({"flat:name", "flat", "flat:foreign", "compound"})
_COMPLEMENT_DEPS = frozenset({"nmod", "poss", "appos", "prep", "compound"})
_PARTICLES = frozenset({"de", "du", "des", "d", "la", "le", "van", "von", "der", "den", "al", "el", "bin", "ben",
                        "of", "the"})  # fmt: skip
_COP_DEPS = frozenset({"cop"})
_NEGATION_WORDS = frozenset({"ne", "n", "pas", "jamais", "aucun", "aucune", "sans", "ni", "nul", "nulle", "not",
                             "never", "no", "nor", "neither", "guere", "point", "rien"})  # fmt: skip
_DETERMINERS = {
    "fr": frozenset({"le", "la", "les", "l", "un", "une", "des", "du", "d", "ce", "cette", "ces", "son", "sa", "ses",
                     "leur", "leurs"}),
    "en": frozenset({"the", "a", "an", "this", "that", "its", "their"}),
}  # fmt: skip
_CONDITION_MARKS = frozenset({"si", "if", "unless", "whether", "lorsque", "quand"})
_CLAUSE_DEPS = frozenset({"xcomp", "ccomp", "csubj", "advcl", "acl", "conj", "acl:relcl", "relcl", "parataxis"})
_CLITICS = frozenset({"le", "la", "les", "l", "lui", "leur", "y", "en", "se", "s", "me", "m", "te", "t", "nous",
                      "vous"})  # fmt: skip
_EN_SKIP = frozenset({"be", "been", "being", "have", "has", "had", "ever", "yet", "already", "even", "is", "was",
                      "were", "are", "do", "did", "does", "to", "also", "really", "get", "got"})  # fmt: skip
_MODALS_FALLBACK = re.compile(
    r"^(pourr\w*|peu[tv]\w*|doi[tv]\w*|devr\w*|\w+rai(en)?t|could|might|may|would|should|will|can|must)$"
)


# -- content and roles -----------------------------------------------------------------------------------------
def _content(sent: Sentence) -> set[str]:
    if sent.parsed:
        return {t.key for t in sent.toks if t.pos in _CONTENT_POS and len(t.key) > 1}
    stop = stop_words(sent.language)
    return {stem(t.key, sent.language) for t in sent.toks if len(t.key) > 3 and t.key not in stop}


Item = tuple[bool, frozenset[str]]  # (is a name, its folded words): "Sam Altman" → (True, {sam, altman})


def _name(sent: Sentence, tok: Word) -> frozenset[str]:
    words = {tok.key}
    stack = sent.kids(tok, _NAME_DEPS)
    while stack:
        current = stack.pop()
        words.add(current.key)
        stack.extend(sent.kids(current, _NAME_DEPS))
    return frozenset(w for w in words if w not in _PARTICLES) or frozenset({tok.key})


def _item(sent: Sentence, tok: Word) -> Item | None:
    if tok.pos == "PROPN":
        return (True, _name(sent, tok))
    return (False, frozenset({tok.key})) if tok.pos == "NOUN" else None


def _phrase(sent: Sentence, tok: Word) -> list[Item]:
    """The participants a noun phrase names: its head (and heads joined by "et"), names depending on it
    ("l'offre d'Elon Musk"), a noun in apposition; not relative clauses nor deeper complements."""
    heads = [tok, *sent.kids(tok, frozenset({"conj"}))]
    if tok.pos == "ADP":  # English "by X"
        heads = sent.kids(tok, frozenset({"pobj"}))
    items: list[Item] = []
    for head in heads:
        item = _item(sent, head)
        if item:
            items.append(item)
        for kid in sent.kids(head, _COMPLEMENT_DEPS):
            targets = sent.kids(kid, frozenset({"pobj"})) if kid.dep == "prep" else [kid]
            for target in targets:
                sub = _item(sent, target)
                if sub and (sub[0] or kid.dep == "appos"):
                    items.append(sub)
    return items


@dataclass(slots=True)
class _Roles:
    subject: list[Item]
    object: list[Item]
    agent: list[Item]  # "par X", "by X"
    passive: bool

    def logical(self) -> tuple[list[Item], list[Item]]:
        """(who does it, what it is done to), the passive turned around."""
        if self.passive:
            return self.agent, self.subject + self.object
        return self.subject, self.object

    def everyone(self) -> list[Item]:
        return self.subject + self.object + self.agent


def _roles(sent: Sentence, tok: Word) -> _Roles:
    """The participants of predicate ``tok`` in the parse."""
    roles = _Roles([], [], [], passive=False)
    for kid in sent.kids(tok):
        if kid.dep in _SUBJECT_DEPS:
            roles.subject += _phrase(sent, kid)
            roles.passive |= kid.dep in {"nsubj:pass", "nsubjpass"}
        elif kid.dep in _AGENT_DEPS:
            roles.agent += _phrase(sent, kid)
        elif kid.dep in _OBJECT_DEPS or (tok.pos == "NOUN" and kid.dep in {"nmod", "prep"}):
            roles.object += _phrase(sent, kid)
        roles.passive |= kid.dep in {"aux:pass", "auxpass"}
    if tok.dep in {"acl", "amod"} and tok.head >= 0:  # "l'offre rejetée": the noun is what is rejected
        roles.object += [i for i in _phrase(sent, sent.toks[tok.head]) if tok.key not in i[1]]
    if not roles.subject and tok.dep in {"xcomp", "conj"} and tok.head >= 0:  # "a décidé de rejeter"
        for kid in sent.kids(sent.toks[tok.head], _SUBJECT_DEPS):
            roles.subject += _phrase(sent, kid)
    return roles


def _agree(a: list[Item], b: list[Item]) -> bool | None:
    """Whether two participant lists name the same thing (``None``: one is unknown). Names decide when both
    sides give names; a surname matches a full name."""
    if not a or not b:
        return None
    names_a, names_b = [i for i in a if i[0]], [i for i in b if i[0]]
    if names_a and names_b:
        a, b = names_a, names_b
    return any(x[1] <= y[1] or y[1] <= x[1] for x in a for y in b)


def same_participants(
    a: Sentence, ta: Word, b: Sentence, tb: Word, *, shared: bool = True, converse: bool = False
) -> bool:
    """No participant given differently on the two sides and, if ``shared``, some participant in common.

    Compared: who does it and what it is done to (passives turned around), and the grammatical subjects
    (each must be found among the other side's participants). ``converse`` asks for the same doer ("X
    gagne" / "X perd"). Without parses roles are unknown: true unless ``converse``.
    """
    if not (a.parsed and b.parsed):
        return not converse
    roles_a, roles_b = _roles(a, ta), _roles(b, tb)
    (doer_a, done_a), (doer_b, done_b) = roles_a.logical(), roles_b.logical()
    if _agree(doer_a, doer_b) is False or _agree(done_a, done_b) is False:
        return False
    everyone_a, everyone_b = roles_a.everyone(), roles_b.everyone()
    if (
        roles_a.subject
        and roles_b.subject
        and not _agree(roles_a.subject, everyone_b)
        and not _agree(roles_b.subject, everyone_a)
    ):
        return False
    if converse:
        return _agree(doer_a, doer_b) is True
    return not shared or _agree(everyone_a, everyone_b) is True


# -- negation and blocking ----------------------------------------------------------------------------------
def _negations(sent: Sentence) -> dict[int, list[int]]:
    """Predicate index → the indices of the words that negate it."""
    return _negations_parsed(sent) if sent.parsed else _negations_words(sent)


def _negations_parsed(sent: Sentence) -> dict[int, list[int]]:  # noqa: PLR0912 - one branch per negation form
    out: dict[int, list[int]] = {}
    toks = sent.toks
    for tok in toks:
        word = tok.key
        following = toks[tok.i + 1].key if tok.i + 1 < len(toks) else ""
        if following in NOT_NEGATION_AFTER or tok.head < 0:
            continue
        head = toks[tok.head]
        target: Word | None = None
        if sent.language == "en":
            if tok.dep == "neg" or (word in NEGATION_EN and tok.pos in {"PRON", "PART", "ADV"}):
                target = head
            elif word in NEGATION_DETS and tok.dep == "det" and head.head >= 0:
                target = toks[head.head]
        elif (word == "pas" and tok.pos == "ADV") or (
            word in NE_PARTICLES and any(toks[c].key == "ne" for c in head.children)
        ):
            target = head
        elif word in NEGATION_DETS and tok.dep == "det" and head.head >= 0:
            target = toks[head.head]
        elif word == "ni" and any(t.key == "ne" for w in (head, *sent.ancestors(head)[:2]) for t in sent.kids(w)):
            target = head  # "n'est ni mercenaire, ni décédée"
        elif word == "sans" and head.pos == "VERB":
            target = head
        if target is not None and target.pos in {"NOUN", "PROPN"} and not sent.kids(target, _COP_DEPS):
            target = None  # a noun is negated only as a predicate ("n'est pas coupable", "n'est pas un espion")
        if target is not None and target.i != tok.i:
            out.setdefault(target.i, []).append(tok.i)
            for kid in sent.kids(target):
                if kid.key == "ne":
                    out[target.i].append(kid.i)
    return out


def _fallback_predicate(sent: Sentence, after: int, before: int) -> int | None:
    """Without a parse: the participle or infinitive after the particle, else the verb after "ne"."""
    toks = sent.toks
    nxt = after + 1
    if nxt < len(toks) and len(toks[nxt].key) > 3 and toks[nxt].key not in stop_words(sent.language):
        return nxt
    for index in range(before + 1, after):
        if toks[index].key not in _CLITICS:
            return index
    return None


def _negations_words(sent: Sentence) -> dict[int, list[int]]:
    out: dict[int, list[int]] = {}
    toks = sent.toks
    for index, tok in enumerate(toks):
        following = toks[index + 1].key if index + 1 < len(toks) else ""
        if following in NOT_NEGATION_AFTER:
            continue
        if sent.language == "en" and tok.key in {"not", "never"}:
            nxt = index + 1
            while nxt < len(toks) and toks[nxt].key in _EN_SKIP:
                nxt += 1
            if nxt < len(toks):
                out.setdefault(nxt, []).append(index)
        elif sent.language != "en" and tok.key in {"pas"} | NE_PARTICLES:
            ne = next((j for j in range(index - 1, max(-1, index - 5), -1) if toks[j].key in {"ne", "n"}), None)
            if ne is None:
                continue
            predicate = _fallback_predicate(sent, index, ne)
            if predicate is not None:
                out.setdefault(predicate, []).extend([ne, index])
    return out


def _blocked(sent: Sentence, tok: Word) -> bool:  # noqa: PLR0911 - one return per reason
    """True when ``tok`` is said under a condition, a modal, an intent, or in a question: it takes no side."""
    if sent.question:
        return True
    if not sent.parsed:
        before = [t.key for t in sent.toks[max(0, tok.i - 3) : tok.i]]
        if any(_MODALS_FALLBACK.match(w) for w in before):
            return True
        return any(t.key in _CONDITION_MARKS for t in sent.toks[: tok.i])
    current = tok
    for _ in range(8):
        if current.conditional:
            return True
        for kid in sent.kids(current):
            if kid.dep == "mark" and kid.key in _CONDITION_MARKS:
                return True
            if kid.dep.startswith("aux") and (kid.conditional or kid.key in EMBEDDING_LEMMAS):
                return True
        if current.dep not in _CLAUSE_DEPS or current.head < 0 or current.head == current.i:
            return False
        head = sent.toks[current.head]
        if head.key in EMBEDDING_LEMMAS and current.dep in {"xcomp", "ccomp", "csubj"}:
            return True
        current = head
    return False


# -- the rules ------------------------------------------------------------------------------------------------------
def _shared_enough(a: Sentence, b: Sentence, drop: set[str]) -> bool:
    if not (a.parsed or b.parsed):  # no parse: names on both sides and none in common are other actors
        names_a = {t.key for t in a.toks if t.pos == "PROPN"}
        names_b = {t.key for t in b.toks if t.pos == "PROPN"}
        if names_a and names_b and not names_a & names_b:
            return False
    content_a, content_b = _content(a) - drop, _content(b) - drop
    shared = content_a & content_b
    smaller = min(len(content_a), len(content_b))
    return smaller > 0 and len(shared) >= min(MIN_SHARED, smaller) and len(shared) / smaller >= MIN_SHARED_RATIO


def _pkey(sent: Sentence, tok: Word) -> str:
    return tok.key if sent.parsed else stem(tok.key, sent.language)


def _same_predicate(a: str, b: str) -> bool:
    return a == b or any(a in group and b in group for group in NEGATION_SYNONYMS)


def _plain_assertion(sent: Sentence, tok: Word, negated: dict[int, list[int]]) -> bool:
    """``tok`` asserted as such: no negation word just before it, no "ne" ("ne ... que"), no negation in
    the clauses it governs ("recommande de ne pas utiliser") or that govern it, not a gerund ("en attendant")."""
    before = sent.toks[max(0, tok.i - 4) : tok.i]
    if any(t.key in _NEGATION_WORDS for t in before):
        return False
    if not sent.parsed:  # no parse: no negation just after either ("recommande de ne pas utiliser")
        return not any(t.key in _NEGATION_WORDS for t in sent.toks[tok.i + 1 : tok.i + 4])
    if any(kid.key == "ne" or (kid.key == "en" and tok.pos == "VERB") for kid in sent.kids(tok)):
        return False
    if any(t.i in negated for t in sent.ancestors(tok)):
        return False
    stack = sent.kids(tok, _CLAUSE_DEPS)
    while stack:
        current = stack.pop()
        if current.i in negated:
            return False
        stack.extend(sent.kids(current, _CLAUSE_DEPS))
    return True


def _negation_side(neg: Sentence, pos: Sentence) -> list[tuple[tuple[int, int], int]]:
    """For each negated predicate of ``neg`` asserted in ``pos``: (negated words' span in neg, index in pos)."""
    found: list[tuple[tuple[int, int], int]] = []
    negated = _negations(neg)
    negated_pos = _negations(pos)
    for index, particles in negated.items():
        tok = neg.toks[index]
        key = _pkey(neg, tok)
        if (
            key in LIGHT_LEMMAS
            or tok.key in LIGHT_FORMS
            or len(key) < 3
            or (neg.parsed and tok.pos not in _PREDICATE_POS)
            or _blocked(neg, tok)
        ):
            continue
        if any(_same_predicate(key, _pkey(neg, t)) and t.i not in negated for t in neg.toks if t.i != index):
            continue  # the same predicate also asserted on this side: which one the other echoes is unclear
        same = [
            t for t in pos.toks if _same_predicate(key, _pkey(pos, t)) and (not pos.parsed or t.pos in _PREDICATE_POS)
        ]
        if not same or any(t.i in negated_pos or not _plain_assertion(pos, t, negated_pos) for t in same):
            continue
        target = same[0]
        if not pos.parsed and target.i > 0 and pos.toks[target.i - 1].key in _DETERMINERS[pos.language]:
            continue  # without a parse, "un vote" is a noun, not the verb "voter" negated on the other side
        drop = {tok.key, target.key} if neg.parsed else {key}
        if _blocked(pos, target) or not _shared_enough(neg, pos, drop):
            continue
        if neg.parsed and not same_participants(neg, tok, pos, target):
            continue
        start = min(neg.toks[p].start for p in [*particles, index])
        end = max(neg.toks[p].end for p in [*particles, index])
        found.append(((start, end), target.i))
    return found


def _group_of(sent: Sentence, tok: Word) -> list[tuple[int, int]]:
    """(antonym pair index, side) for each pair whose word list holds ``tok``."""
    key = _pkey(sent, tok)
    out: list[tuple[int, int]] = []
    for pair, (left, right, _) in enumerate(ANTONYMS):
        for side, words in enumerate((left, right)):
            hit = key in words if sent.parsed else any(stem(w, sent.language) == key for w in words)
            if hit and (not sent.parsed or (tok.pos in _PREDICATE_POS and (tok.pos == "VERB" or key not in VERB_ONLY))):
                out.append((pair, side))
    return out


def _antonyms(a: Sentence, b: Sentence, text_a: str, text_b: str) -> list[Conflict]:
    found: list[Conflict] = []
    neg_a, neg_b = _negations(a), _negations(b)
    sides_a = {(t.i, g) for t in a.toks if len(t.key) > 2 for g in _group_of(a, t)}
    sides_b = {(t.i, g) for t in b.toks if len(t.key) > 2 for g in _group_of(b, t)}
    used: set[int] = set()
    for ia, (pair, side) in sorted(sides_a):
        if pair in used:
            continue
        if any(g == (pair, 1 - side) for _, g in sides_a) or any(g == (pair, side) for _, g in sides_b):
            continue  # both directions on one side ("rejeté l'un, adopté l'autre"): not a clear opposition
        converse = ANTONYMS[pair][2]
        if converse and not (a.parsed and b.parsed):
            continue
        for ib, g in sorted(sides_b):
            if g != (pair, 1 - side) or ia in neg_a or ib in neg_b:
                continue
            ta, tb = a.toks[ia], b.toks[ib]
            if not (_plain_assertion(a, ta, neg_a) and _plain_assertion(b, tb, neg_b)):
                continue
            if _blocked(a, ta) or _blocked(b, tb):
                continue
            if not _shared_enough(a, b, {_pkey(a, ta), _pkey(b, tb)}):
                continue
            if not same_participants(a, ta, b, tb, converse=converse):
                continue
            word_a, word_b = text_a[ta.start : ta.end], text_b[tb.start : tb.end]
            found.append(Conflict("antonym", f"« {word_a} » vs « {word_b} »", (ta.start, ta.end), (tb.start, tb.end)))
            used.add(pair)
            break
    return found


def _negation_conflict(text_a: str, a_span: tuple[int, int], text_b: str, b_span: tuple[int, int]) -> Conflict:
    detail = f"« {text_a[a_span[0] : a_span[1]]} » vs « {text_b[b_span[0] : b_span[1]]} »"
    return Conflict("negation", detail, a_span, b_span)


def polarity_conflicts_docs(
    text_a: str, text_b: str, language: str, doc_a: Doc | None, doc_b: Doc | None
) -> list[Conflict]:
    """``polarity_conflicts`` on parses already made (``None``: read the folded words)."""
    language = "en" if language == "en" else "fr"
    if (doc_a is None) != (doc_b is None):  # compare like with like
        doc_a = doc_b = None
    a, b = sentence_of(text_a, language, doc_a), sentence_of(text_b, language, doc_b)
    found: list[Conflict] = []
    for span, target in _negation_side(a, b):
        tok = b.toks[target]
        found.append(_negation_conflict(text_a, span, text_b, (tok.start, tok.end)))
    for span, target in _negation_side(b, a):
        tok = a.toks[target]
        found.append(_negation_conflict(text_a, (tok.start, tok.end), text_b, span))
    found.extend(_antonyms(a, b, text_a, text_b))
    return found


def polarity_conflicts(text_a: str, text_b: str, language: str, nlp: NlpModels | None = None) -> list[Conflict]:
    """Negation and antonym conflicts between two sentences of one language (rules in ``rules``' docstring)."""
    if nlp is not None and nlp.supports("en" if language == "en" else "fr"):
        lang = "en" if language == "en" else "fr"
        return polarity_conflicts_docs(text_a, text_b, lang, nlp.parse(text_a, lang), nlp.parse(text_b, lang))
    return polarity_conflicts_docs(text_a, text_b, language, None, None)
