"""Roles from appositions: what the article says a person or organisation is, as written.

Resolved, for PER and ORG mentions, in this order (the first that applies, per mention):

1. after the name: ``NAME , [det] ROLE`` up to the next punctuation, verb or relative pronoun
   ("Bret Taylor, président d'OpenAI"; "Sam Altman , le PDG d'OpenAI" → "PDG d'OpenAI";
   "Bret Taylor, OpenAI's chairman");
2. before the name: ``[prep] [det] ROLE , NAME`` where ROLE opens the clause ("Le président d'OpenAI,
   Bret Taylor" → "président d'OpenAI");
3. a title compound right before the name: ``[ORG] role NAME`` ("OpenAI chairman Bret Taylor",
   "le milliardaire Elon Musk" → "milliardaire");
4. a dependency ``appos`` child of the name's head that is a common noun (what the parser found and
   the patterns missed).

A ROLE must start with a common noun or adjective written in lower case or as a short acronym
("PDG", "CEO"), or with an organisation's name followed by "'s"; it has no verb and at most
``MAX_ROLE_TOKENS`` tokens; leading determiners are dropped. What is guessed: any descriptive noun
phrase in apposition counts ("le milliardaire iconoclaste"), not only job titles.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from recoupe.model import Mention

__all__ = ["MAX_ROLE_TOKENS", "find_roles"]

#: longest role kept, in tokens
MAX_ROLE_TOKENS = 10
_STOP_WORDS = frozenset({"qui", "que", "dont", "où", "who", "whom", "which", "that", "whose", "lequel", "laquelle"})
_LEADING = frozenset({"DET"})
_OPENERS = frozenset({"ADP", "ADV", "CCONJ", "SCONJ"})
_CLOSE_PUNCT = frozenset({",", ";", ":", "(", ")", ".", "!", "?", "«", "»", '"', "–", "—"})


def _ends_phrase(token: Token) -> bool:
    return (
        token.is_space
        or "\n" in token.text
        or token.text in _CLOSE_PUNCT
        or token.pos_ in {"VERB", "AUX"}
        or token.lower_ in _STOP_WORDS
    )


def _role_start(token: Token, entity_at: dict[int, Mention]) -> bool:
    if token.i in entity_at:
        mention = entity_at[token.i]
        after = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        # "OpenAI's chairman": an organisation in the genitive opens the role
        while after is not None and after.i in entity_at and entity_at[after.i] is mention:
            after = token.doc[after.i + 1] if after.i + 1 < len(token.doc) else None
        return mention.label == "ORG" and after is not None and after.text in {"'s", "’s"}
    if token.pos_ not in {"NOUN", "ADJ", "PROPN"}:
        return False
    text = token.text
    return text.islower() or (text.isupper() and 2 <= len(text) <= 5)


def _text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    return tokens[0].doc[tokens[0].i : tokens[-1].i + 1].text  # never doc.text: it is rebuilt on each call


def _valid(tokens: list[Token], entity_at: dict[int, Mention]) -> str | None:
    while tokens and tokens[0].pos_ in _LEADING:
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].pos_ in {"ADP", "DET", "CCONJ"}):
        tokens = tokens[:-1]
    if not tokens or len(tokens) > MAX_ROLE_TOKENS or not _role_start(tokens[0], entity_at):
        return None
    # a role names a thing: it must contain a common noun (or short acronym) outside any entity
    if not any(
        t.i not in entity_at and t.pos_ in {"NOUN", "PROPN"} and (t.text.islower() or t.text.isupper()) for t in tokens
    ):
        return None
    return _text(tokens)


def _after(doc: Doc, end: int, entity_at: dict[int, Mention]) -> str | None:
    if end >= len(doc) or doc[end].text != ",":
        return None
    tokens: list[Token] = []
    for token in doc[end + 1 : end + 2 + MAX_ROLE_TOKENS]:
        if _ends_phrase(token) and token.i not in entity_at:
            if token.pos_ in {"VERB", "AUX"}:
                return None  # "NAME, la guerre est déclarée": the comma closed a clause, not a name
            break
        tokens.append(token)
    return _valid(tokens, entity_at)


def _before(doc: Doc, start: int, entity_at: dict[int, Mention]) -> str | None:
    if start < 2 or doc[start - 1].text != ",":
        return None
    tokens: list[Token] = []
    index = start - 2
    while index >= 0 and len(tokens) <= MAX_ROLE_TOKENS:
        token = doc[index]
        if _ends_phrase(token) and index not in entity_at:
            if token.pos_ in {"VERB", "AUX"} or token.lower_ in _STOP_WORDS:
                return None  # inside a clause: not an apposition
            break
        tokens.insert(0, token)
        if token.is_sent_start:
            break
        index -= 1
    while tokens and tokens[0].pos_ in _OPENERS:
        tokens = tokens[1:]
    return _valid(tokens, entity_at)


def _compound(doc: Doc, start: int, entity_at: dict[int, Mention]) -> str | None:
    tokens: list[Token] = []
    index = start - 1
    while index >= 0:
        token = doc[index]
        in_org = index in entity_at and entity_at[index].label == "ORG"
        is_title = index not in entity_at and token.pos_ in {"NOUN", "ADJ"} and token.text.islower()
        if not (is_title or (in_org and tokens)):
            break
        tokens.insert(0, token)
        index -= 1
    while tokens and tokens[0].i in entity_at and tokens[-1].i in entity_at:
        tokens = tokens[1:]
    if not tokens or not any(t.i not in entity_at and t.pos_ == "NOUN" for t in tokens):
        return None
    if tokens[0].i in entity_at:  # "OpenAI chairman"
        return _text(tokens) if len(tokens) <= MAX_ROLE_TOKENS else None
    return _valid(tokens, entity_at)


def _appos(doc: Doc, start: int, end: int, entity_at: dict[int, Mention]) -> str | None:
    head = doc[start:end].root
    for child in head.children:
        if child.dep_ == "appos" and child.i >= end and child.pos_ == "NOUN" and child.i not in entity_at:
            tokens = []
            for token in doc[child.left_edge.i : child.right_edge.i + 1]:
                if _ends_phrase(token) and token.i > child.i:
                    break
                tokens.append(token)
            return _valid(tokens, entity_at)
    return None


def find_roles(doc: Doc, mentions: list[Mention]) -> dict[str, list[str]]:
    """Entity key → roles in text order (deduplicated), for PER and ORG mentions of ``doc``."""
    entity_at: dict[int, Mention] = {}
    spans: list[tuple[Mention, int, int]] = []
    for mention in mentions:
        span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
        if span is None:
            continue
        for token in span:
            entity_at[token.i] = mention
        spans.append((mention, span.start, span.end))
    roles: dict[str, list[str]] = {}
    for mention, start, end in spans:
        if mention.label not in {"PER", "ORG"}:
            continue
        # "l'ego d'Elon Musk, l'affrontement…": a name in a complement carries no apposition of its own
        complement = start > 0 and doc[start - 1].pos_ == "ADP"
        role = (
            (None if complement else _after(doc, end, entity_at))
            or _before(doc, start, entity_at)
            or (_compound(doc, start, entity_at) if mention.label == "PER" else None)
            or _appos(doc, start, end, entity_at)
        )
        if role and role not in roles.setdefault(mention.key, []):
            roles[mention.key].append(role)
    return roles
