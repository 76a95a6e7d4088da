"""Speaker phrases that describe rather than name: which persons a definite description ("le musicien",
"la préfète de Charente") may take up, and the word lists ``quotes_speakers.Resolver`` reads. Plain functions over
the parse (``quotes_parse.Context``); the rules that settle what is left are in ``referents``."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from recoupe.enrich import referent_words as lex
from recoupe.enrich.quotes_marks import QUOTE_CHARS
from recoupe.enrich.quotes_parse import NounPhrase
from recoupe.enrich.referent_words import word_set
from recoupe.enrich.speech import fold

if TYPE_CHECKING:
    from recoupe.enrich.quotes_parse import Context
    from recoupe.model import Mention

__all__ = [
    "DEFINITE",
    "MODIFIERS",
    "ORG_NOUNS",
    "apposed",
    "complement",
    "coordinated",
    "final_name",
    "first_person_singular",
    "gerund_after_cue",
    "looks_plural",
    "person_head",
    "plural_subject",
    "subject_rank",
    "title_only",
    "unquoted",
]

DEFINITE = frozenset({"le", "la", "l'", "ce", "cette", "the", "this"})
#: adjectives before a description's head noun ("l'ancien ministre")
MODIFIERS = word_set("ancien ancienne ex jeune nouveau nouvelle premier premiere actuel actuelle former new")
#: head nouns of organisations and documents: a description headed by one names no person
ORG_NOUNS = word_set(
    "ministere direction syndicat federation journal magazine quotidien hebdomadaire chaine parquet "
    "entourage gouvernement police gendarmerie mairie prefecture site agence societe entreprise "
    "groupe compagnie association tribunal cour rapport etude sondage organisme institut collectif "
    "conseil commission parti service departement armee poste reglement article texte communique "
    "document ville etat pays club equipe fondation office bureau administration autorite autorites "
    "medias media executif elysee palais assemblee senat union radio television station presse revue "
    "tabloid company government ministry police office report study newspaper ambassade consulat embassy"
)


#: a title's complement of place the parse leaves out of the phrase: "[le président du groupe LR] au Sénat Bruno
#: Retailleau", "[la ministre] de la Justice Nicole Belloubet"
_TITLE_TAIL = re.compile(r"\s+(?:au|aux|à\s+la|à\s+l['’]|de\s+la|de\s+l['’]|du|des)\s*[A-ZÀ-Ý][\w'’-]+\s+")


def final_name(ctx: Context, phrase: NounPhrase) -> Mention | None:
    """A person's name closing a description in apposition ("l'ancien patron du parti Jean-François Copé"),
    also after a complement of place the phrase left out ("le président du groupe LR au Sénat Bruno Retailleau")."""
    m = ctx.mention_at(max(phrase.start, phrase.end - 2), phrase.end)
    tail = _TITLE_TAIL.match(ctx.text, phrase.end)
    if (m is None or m.label != "PER") and tail is not None:
        after = ctx.mention_at(tail.end(), tail.end() + 1)
        if after is not None and after.label == "PER" and after.start == tail.end():
            return after
    if m is None or m.label != "PER" or m.end != phrase.end or m.start <= phrase.start:
        return None
    if " et " in f" {fold(ctx.text[phrase.start : m.start])}":
        return None  # "Paul Durand et Marie Petit": two people, not the last one
    return None if complement(ctx.text, m.start) else m


def title_only(m: Mention) -> bool:
    """A "name" the tagger made of a title ("Premier ministre", "Première ministre")."""
    words = fold(m.text).split()
    return bool(words) and all(w in lex.TITLES or w in {"premier", "premiere"} for w in words)


def complement(text: str, start: int) -> bool:
    """Whether a name at ``start`` is a prepositional complement ("l'épouse de Christophe", "tiré sur Yohan
    Cohen", "un poste chez Céline Dion"), also behind its title ("Répondant au président du groupe LR Christian
    Jacob, il …"): the person spoken about or to, not one a description takes up."""
    before = fold(text[max(0, start - 60) : start])
    if lex.PREPOSITION_BEFORE.search(before[-12:]) is not None:
        return True
    titled = _TITLED_COMPLEMENT.search(before)
    return titled is not None and titled.group(1) in lex.TITLES


#: a preposition, then a title of a few words right before a name: "au président du groupe LR "
_TITLED_COMPLEMENT = re.compile(
    r"\b(?:a|au|aux|avec|contre|chez|envers|sur|par)\s+(?:l'\s?|la\s+|le\s+|les\s+)?([\w-]+)(?:\s+[\w'-]+){0,5}\s+$"
)


def person_head(head: str) -> bool:
    """Whether a description's head noun can name a person: not an organisation ("le mouvement", "le
    jury", "la direction") nor an abstract noun."""
    if head in ORG_NOUNS or head in lex.ORG_NOUNS or head in lex.MEDIA_NOUNS:
        return False
    return head in lex.PERSON_NOUNS or not _ABSTRACT_HEAD.search(head)


_ABSTRACT_HEAD = re.compile(r"(?:tion|sion|ment|isme|ance|ence|ude)s?$")


def subject_rank(ctx: Context, m: Mention) -> tuple[int, int]:
    """Centering order of the persons a description may take up: the subject of a main clause first ("Lassana
    Bathily se trouvait …, lorsqu'Amédy Coulibaly avait fait irruption"), then another subject, then any
    other mention; the nearest first within a rank. A name opening a sentence is its subject even where the
    parse of the sentence broke ("Gilles Le Gendre, 62 ans, avait été …" parsed as three roots)."""
    tok = ctx.doc[ctx.token_covering(m.start)]
    while tok.head.i != tok.i and tok.dep_ == "flat:name":
        tok = tok.head
    if tok.dep_.startswith("nsubj"):
        return (0 if tok.head.dep_ == "ROOT" else 1, -m.start)
    if opens_sentence(ctx, m.start):
        return (0, -m.start)
    return (2, -m.start)


def opens_sentence(ctx: Context, start: int) -> bool:
    """Whether the text at ``start`` is the first word of a sentence (outside quotation marks)."""
    sent_start, _ = ctx.sentence_of(start)
    return not ctx.quoted(start) and not ctx.text[sent_start:start].strip()


def looks_plural(name: str) -> bool:
    """Whether "ils" / "elles" can take up a speaker: a plural ("les", "des", "plusieurs"), a coordination
    ("X et Y"), or a collective of people ("un collectif d'avocats", "un groupe de salariés")."""
    words = fold(name).replace("'", "' ").split()
    if not words:
        return False
    if words[0] in {"les", "des", "ces", "plusieurs"} or " et " in f" {fold(name)} ":
        return True
    return len(words) >= 3 and words[1] in _COLLECTIVES and words[2] in {"de", "d'", "des"}


_COLLECTIVES = frozenset({"collectif", "groupe", "poignee", "centaine", "dizaine", "millier", "coalition"})


def plural_subject(ctx: Context, lo: int, hi: int, skip: list[tuple[int, int]], *, feminine: bool) -> NounPhrase | None:
    """The nearest plural subject of a main clause between ``lo`` and ``hi`` (outside quotes and ``skip``)
    that "ils" / "elles" can take up: a plural noun ("40 donateurs de Leetchi ont saisi …", "Les
    sapeurs-pompiers … ont lancé") or a coordination ("plusieurs comédiennes et animatrices"); for
    "elles", one the parse does not call masculine."""
    doc = ctx.doc
    k = min(ctx.token_at(hi), len(doc)) - 1
    floor = max(0, ctx.token_at(lo))
    while k >= floor:
        tok = doc[k]
        k -= 1
        if not tok.dep_.startswith("nsubj") or tok.pos_ not in {"NOUN", "PROPN"}:
            continue
        if ctx.quoted(tok.idx) or any(a <= tok.idx < b for a, b in skip):
            continue
        head = tok.head
        if not (head.dep_ == "ROOT" or (head.dep_ == "conj" and head.head.dep_ == "ROOT")):
            continue
        coordinated = any(c.dep_ == "conj" for c in tok.children)
        if "Plur" not in tok.morph.get("Number", []) and not coordinated:
            continue
        if feminine and "Masc" in tok.morph.get("Gender", []) and not coordinated:
            continue
        if tok.pos_ == "NOUN" and not _can_speak_plural(fold(tok.text)):
            continue  # "les fonds", "les prix": things
        phrase = ctx.phrase_from(tok.left_edge.i, tok.i + 14)
        if phrase is None or phrase.pronoun or phrase.end <= tok.idx:
            continue
        m = phrase.mention
        whole = m is not None and (m.start, m.end) == (phrase.start, phrase.end)
        return NounPhrase(phrase.start, phrase.end, phrase.text, m if whole else None)
    return None


def _can_speak_plural(word: str) -> bool:
    """Whether a plural common noun names people or organisations ("donateurs", "élus", "syndicats")."""
    base = word[:-1] if word.endswith(("s", "x")) else word
    nouns = lex.PERSON_NOUNS | lex.ORG_NOUNS | lex.MEDIA_NOUNS
    return word in nouns or base in nouns or lex.AGENT.search(word) is not None


def coordinated(text: str, phrase: NounPhrase) -> bool:
    """Whether a phrase is one member of a coordination ("BFMTV et Le HuffPost ont exhumé"): the pair, not
    one of them, is the subject."""
    before = fold(text[max(0, phrase.start - 4) : phrase.start])
    after = fold(text[phrase.end : phrase.end + 4])
    return before.endswith(" et ") or after.startswith(" et ")


def first_person_singular(quote: str) -> bool:
    """Whether a quote speaks in the first person singular ("Moi j'ai été malade", "I was there"): a person
    speaks it, not an organisation."""
    return _FIRST_PERSON.search(fold(quote).replace("’", "'")) is not None


_FIRST_PERSON = re.compile(r"(?:^|[^\w'])(?:je|j'|moi|m'|mon|ma|mes|i|i'm|my)(?![\w-])")


def gerund_after_cue(ctx: Context, i: int) -> NounPhrase | None:
    """The subject of a gerund cue written after an inverted cue of the same sentence ("…, a ajouté cette
    source, précisant que …"; "a réagi le président de Leclerc, X, dans une interview, jugeant …"): the
    inverted subject of that cue, whatever the parse hangs the gerund on."""
    doc = ctx.doc
    tok = doc[i]
    if "Part" not in tok.morph.get("VerbForm", []) or "Pres" not in tok.morph.get("Tense", []):
        return None
    if i == 0 or doc[i - 1].text != ",":
        return None
    floor = max(ctx.token_at(ctx.sentence_of(tok.idx)[0]), i - 30)
    for k in range(i - 2, floor - 1, -1):
        if doc[k].text != "," or ctx.quoted(doc[k].idx):
            continue
        group = ctx.verb_group_at(k + 1)
        if group is None or group.verb >= i or not ctx.is_say(doc[group.verb]):
            continue
        subject = ctx.inverted_subject(group, i)
        if subject is None:
            return None
        if any(t.pos_ in {"VERB", "AUX"} or t.text in QUOTE_CHARS for t in doc[ctx.token_at(subject.end) : i]):
            return None  # "X a fustigé l'État pour son "défaut", estimant": l'État is the object
        return subject
    return None


def unquoted(ctx: Context, lo: int, hi: int) -> str:
    """The article's own words between ``lo`` and ``hi``: what is inside quotation marks is someone's speech
    ("ma femme et mes gosses"), not what the article says of a name."""
    return "".join(" " if ctx.quoted(i) else ch for i, ch in enumerate(ctx.text[lo:hi], lo))


def apposed(text: str, start: int, end: int, m: Mention) -> bool:
    """Whether the name ``m`` stands right next to the description at ``start:end`` ("le délégué général de
    la FCD, Jacques Creyssel", "Renaud Muselier, président de la région"): at most a comma, a bracket or a
    word between."""
    between = text[end : m.start] if m.start >= end else text[m.end : start]
    return len(between) <= 30 and len(between.split()) <= 1 and not re.search(r"[.!?\"«»“”]", between)
