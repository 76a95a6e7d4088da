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

**Titles** (French press, ``title_end``): a title from ``TITLES`` ("président", "Premier ministre",
"secrétaire d'État", "garde des Sceaux") and its institution ("de la République", "de l'Intérieur", "du
Conseil constitutionnel", "des Armées", "de la Transition écologique et solidaire") is a role, never a
name: ``entities`` cuts it off the NER's spans ("président de la République" read as a person, "Justice
Nicole Belloubet" read as an organisation) and resolves it to the person the article gives it to. Before a
name it is that name's role ("le président de la République Emmanuel Macron").
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from recoupe.enrich.referent_words import word_set
from recoupe.folding import fold

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from recoupe.model import Mention

__all__ = ["MAX_ROLE_TOKENS", "TITLES", "find_roles", "is_title", "role_key", "title_end"]

#: longest role kept, in tokens
MAX_ROLE_TOKENS = 10
_STOP_WORDS = frozenset({"qui", "que", "dont", "où", "who", "whom", "which", "that", "whose", "lequel", "laquelle"})
_LEADING = frozenset({"DET"})
_OPENERS = frozenset({"ADP", "ADV", "CCONJ", "SCONJ"})
_CLOSE_PUNCT = frozenset({",", ";", ":", "(", ")", ".", "!", "?", "«", "»", '"', "–", "—"})

#: titles and functions (folded, words as the tokenizer splits them): the gazetteer of roles
TITLES = word_set(
    "president presidente vice-president vice-presidente ministre prefet prefete procureur procureure "
    "maire depute deputee senateur senatrice porte-parole directeur directrice patron patronne commissaire "
    "haut-commissaire haute-commissaire gouverneur ambassadeur ambassadrice rapporteur rapporteure "
    "secretaire pdg chef cheffe"
) | frozenset(
    {
        "premier ministre",
        "premiere ministre",
        "garde des sceaux",
        "secretaire d' etat",
        "chef de l' etat",
        "chef du gouvernement",
        "premier secretaire",
        "premiere secretaire",
        "president-directeur general",
        "presidente-directrice generale",
    }
)
#: words written between a title and its institution ("ministre déléguée chargée des Transports")
_TITLE_MODIFIERS = word_set(
    "delegue deleguee adjoint adjointe charge chargee general generale sortant sortante national nationale interimaire"
)
#: the link from a title to its institution
_LINKS = (("de", "la"), ("de", "l'"), ("du",), ("des",), ("d'",), ("de",))


#: what the first token of a title folds to: a whole title, or a title's words before one of its spaces
_TITLE_STARTS = TITLES | frozenset(title[:at] for title in TITLES for at, char in enumerate(title) if char == " ")


@lru_cache(maxsize=1 << 16)
def _norm_text(text: str) -> str:
    """A token's text folded, its typographic apostrophe made straight (memoised: ``title_end`` is asked about
    most tokens near a name, some 20,000 times per 100 French pages)."""
    return fold(text).replace("\u2019", "'")


def _norm(token: Token) -> str:
    return _norm_text(token.text)


def _link_at(doc: Doc, i: int, stop: int) -> int:
    """How many tokens the link at ``i`` spans ("de la", "du", "d'"): 0 when none."""
    for link in _LINKS:
        if i + len(link) <= stop and all(_norm(doc[i + k]) == word for k, word in enumerate(link)):
            return len(link)
    return 0


def _title_words(doc: Doc, i: int, stop: int) -> int:
    """How many tokens the title at ``i`` spans (longest first), 0 when none; written in lower case, or
    capitalised where the press does ("le Premier ministre", "Le président", "le Président de la
    République"), never as a name's particle ("Bruno Le Maire")."""
    if i >= stop or _norm(doc[i]) not in _TITLE_STARTS:
        return 0  # no title of one to three tokens joins to a string that starts with this token's
    for n in (3, 2, 1):
        if i + n > stop or " ".join(_norm(t) for t in doc[i : i + n]) not in TITLES:
            continue
        first = doc[i]
        if first.text[:1].islower() or (n > 1 and doc[i + 1].text[:1].islower()):
            return n
        before = _norm(doc[i - 1]) if i > 0 else ""
        if i == 0 or first.is_sent_start or before in {"le", "la", "l'", "du", "au", "ce", "cette", "son", "sa"}:
            return n
        if _link_at(doc, i + n, stop) and i + n + 2 < stop and doc[i + n + 2].text[:1].isupper():
            return n  # "du nouveau Président de la République"
        return 0
    return 0


def _institution_word(token: Token, right_after_head: bool) -> bool:
    """A word that goes on an institution after a link: capitalised ("Conseil d'État"), or a common noun
    right after its first word ("Cour des comptes")."""
    return token.text[:1].isupper() or (right_after_head and token.text.islower() and token.pos_ == "NOUN")


def title_end(doc: Doc, i: int, stop: int) -> int | None:
    """The token after the title that starts at token ``i`` (before ``stop``) with its institution ("président
    de la République", "ministre de l'Intérieur", "porte-parole du gouvernement"); None when no title
    starts there. A capitalised word without a link ends it: "président de la République *Emmanuel*"."""
    n = _title_words(doc, i, stop)
    if not n:
        return None
    j = i + n
    while j < stop and _norm(doc[j]) in _TITLE_MODIFIERS:
        j += 1
    link = _link_at(doc, j, stop)
    if not link or j + link >= stop:
        return j
    head = j + link
    if not (doc[head].text[:1].isupper() or (doc[head].text.islower() and doc[head].pos_ == "NOUN")):
        return j
    k = head + 1
    while k < stop and (step := _institution_goes_on(doc, k, stop, head)):
        k += step
    return k


def _institution_goes_on(doc: Doc, k: int, stop: int, head: int) -> int:
    """How many tokens at ``k`` still belong to the institution whose first word is at ``head``: an
    adjective ("nationale"), "et" before another ("écologique et solidaire", "de l'Économie et des Finances"),
    a link and a word ("Conseil d'État", "Cour des comptes"); 0 where it ends."""
    token = doc[k]
    if token.text.islower() and token.pos_ == "ADJ":
        return 1
    if token.text == "et" and k + 1 < stop and (doc[k + 1].pos_ == "ADJ" or _link_at(doc, k + 1, stop)):
        return 1
    link = _link_at(doc, k, stop)
    if link and k + link < stop and _institution_word(doc[k + link], k == head + 1):
        return link + 1
    return 0


def role_key(text: str) -> str:
    """A title as compared across mentions: folded, determiners and spacing away ("le Président de la
    République" → "president de la republique")."""
    words = fold(text).replace("\u2019", "'").replace("'", "' ").split()
    while words and words[0] in {"le", "la", "l'", "les"}:
        words = words[1:]
    return " ".join(words)


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
    bare = index >= 0 and doc[index].pos_ == "ADP" and not doc[index].morph.get("Definite", [])
    if bare and tokens[0].i not in entity_at:
        return None  # "La République en marche Gilles Le Gendre": a bare complement, no role ("au chanteur X" is)
    if tokens[0].i in entity_at:  # "OpenAI chairman"
        return _text(tokens) if len(tokens) <= MAX_ROLE_TOKENS else None
    return _valid(tokens, entity_at)


def _title_before(doc: Doc, start: int) -> str | None:
    """``le président de la République Emmanuel Macron``: a title with its institution right before the name."""
    found = None  # the longest: "Premier ministre", not "ministre"
    for begin in range(start - 1, max(-1, start - MAX_ROLE_TOKENS), -1):
        if doc[begin].is_punct or (begin < start - 1 and doc[begin].is_sent_end):
            break
        if title_end(doc, begin, start) == start:
            found = _text(list(doc[begin:start]))
    return found


def is_title(doc: Doc, start: int, end: int) -> bool:
    """Whether tokens ``start:end`` are a title with its institution and nothing else."""
    return title_end(doc, start, end) == end


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
        if span is None or is_title(doc, span.start, span.end):
            continue  # a title resolved to its holder is the role, not the holder's name
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
            or (_title_before(doc, start) if mention.label == "PER" else None)
            or (_compound(doc, start, entity_at) if mention.label == "PER" else None)
            or _appos(doc, start, end, entity_at)
        )
        if role and role not in roles.setdefault(mention.key, []):
            roles[mention.key].append(role)
    return roles
