"""Light coreference for quote speakers: grammatical gender and number of speakers, main-clause subjects
that a subject pronoun can pick up, and the few constructions that name a speaker indirectly.

French third-person pronouns agree with their antecedent, so ``il``/``elle`` only take an antecedent of
the same gender (when that gender is known). The gender of a phrase comes from the parse's morphology:
the determiner or noun of a description ("la chanteuse", "l'exécutif"), a title ("M.", "Mme") or the
first name of a person (spaCy's French model tags common first names with a gender), or the determiner
or noun right before a name in apposition ("la chanteuse Diam's"). Unknown genders agree with anything.

Also here: ``, Name,`` written in apposition after a description ("Le gouverneur du Mississippi, Phil
Bryant, a …"), the agent of a passive participle in a ``selon`` source ("selon des chiffres fournis par
la direction" → "la direction"), the place of an impersonal ``on`` ("explique-t-on à l'Élysée"), the
name before a comma-delimited apposition ("SUD PTT, 3e syndicat de La Poste, parle") and a quoted term
used as a subject ("la « poste anglaise » s'est excusée").
Everything is a bounded look-around (linear in the text).
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import TYPE_CHECKING

from recoupe.enrich import referent_words as lex
from recoupe.enrich.quotes_marks import QUOTE_CHARS
from recoupe.enrich.quotes_parse import Context, NounPhrase
from recoupe.enrich.speech import fold

if TYPE_CHECKING:
    from collections.abc import Iterable

    from spacy.tokens import Token

    from recoupe.model import Mention

__all__ = [
    "agent_source",
    "apposed_name",
    "apposed_subject",
    "compatible",
    "fronted_subject",
    "impersonal_place",
    "person_keys",
    "phrase_gender",
    "pronoun_gender",
    "quoted_subject",
    "sentence_subjects",
    "subject_candidates",
]

_TITLES_MASC = frozenset({"m", "m.", "monsieur", "mr", "mr."})
_TITLES_FEM = frozenset({"mme", "mme.", "madame", "mlle", "mademoiselle", "mrs", "ms"})
_SUBJECT_POS = frozenset({"NOUN", "PROPN"})
_DEFINITE = frozenset({"le", "la", "l'"})


def pronoun_gender(pronoun: str) -> str | None:
    """``Masc`` for il/ils/he, ``Fem`` for elle/elles/she, else ``None``."""
    word = fold(pronoun).lstrip("-").removeprefix("t-")
    if word in {"il", "ils", "he", "lui", "eux"}:
        return "Masc"
    if word in {"elle", "elles", "she"}:
        return "Fem"
    return None


def compatible(a: str | None, b: str | None) -> bool:
    """Whether two genders can agree (an unknown one agrees with anything)."""
    return a is None or b is None or a == b


def _gender(tok: Token) -> str | None:
    values = tok.morph.get("Gender", [])
    return values[0] if len(values) == 1 else None


def person_keys(ctx: Context) -> frozenset[str]:
    """Keys of the entities tagged as a person at least once (NER labels vary between mentions)."""
    return frozenset(m.key for m in ctx.mentions if m.label == "PER")


def _mention_gender(ctx: Context, m: Mention, *, own_word: bool = True) -> str | None:
    """The gender a mention's title or the noun before it tells, else (``own_word``) its first word's."""
    doc = ctx.doc
    first = ctx.token_covering(m.start)
    low = fold(doc[first].text)
    if low.rstrip(".") in {t.rstrip(".") for t in _TITLES_MASC}:
        return "Masc"
    if low.rstrip(".") in {t.rstrip(".") for t in _TITLES_FEM}:
        return "Fem"
    if first > 0:
        prev = doc[first - 1]
        if prev.pos_ in {"NOUN", "DET"} and fold(prev.text) not in {"de", "d'", "du", "des"} and prev.text.islower():
            gender = _gender(prev)
            if gender is not None and prev.pos_ == "NOUN":
                return gender
    if own_word and m.label == "PER" and doc[first].pos_ in {"PROPN", "NOUN"}:
        return _gender(doc[first])
    if own_word and m.label == "ORG" and doc[first].pos_ == "NOUN":
        return _gender(doc[first])  # "l'Autorité de …" is "elle", not "il"
    return None


def entity_gender(ctx: Context, mentions: Iterable[Mention]) -> str | None:
    """The gender of an entity from all its mentions: the one most of them tell (the first told on a tie), so
    one misread ("La République en marche Gilles Le Gendre": the noun "marche" before the name) is outvoted.
    A title or a noun before the name ("M.", "l'humoriste") outvotes the tagger's reading of the name itself
    (spaCy reads "Yassine" as feminine): those votes count alone when there are any."""
    mentions = list(mentions)
    votes = [g for g in (_mention_gender(ctx, m, own_word=False) for m in mentions) if g is not None]
    if not votes:
        votes = [g for g in (phrase_gender(ctx, NounPhrase(m.start, m.end, m.text, m)) for m in mentions) if g]
    if not votes:
        return None
    counts = Counter(votes)
    return max(counts, key=lambda g: (counts[g], -votes.index(g)))


def phrase_gender(ctx: Context, phrase: NounPhrase) -> str | None:
    """The grammatical gender of a speaker phrase, when the parse tells it."""
    if phrase.pronoun:
        return pronoun_gender(phrase.text)
    if phrase.mention is not None and phrase.mention.start <= phrase.start + 3:
        return _mention_gender(ctx, phrase.mention)
    doc = ctx.doc
    k = ctx.token_covering(phrase.start)
    while k < len(doc) and doc[k].idx < phrase.end:
        tok = doc[k]
        if tok.pos_ in {"DET", "NOUN"} and fold(tok.text) not in {"l'", "les", "des", "d'", "de"}:
            gender = _gender(tok)
            if gender is not None:
                return gender
        if tok.pos_ == "NOUN":
            break
        k += 1
    if phrase.mention is not None:
        return _mention_gender(ctx, phrase.mention)
    return None


def subject_candidates(
    ctx: Context,
    lo: int,
    hi: int,
    org_nouns: frozenset[str],
    skip: list[tuple[int, int]],
    *,
    descriptions: bool = False,
) -> list[NounPhrase]:
    """Subjects of main clauses (outside quotation marks and outside the spans in ``skip``, the reported
    clauses) between characters ``lo`` and ``hi``, nearest first: names (or descriptions with a name in
    apposition), definite descriptions of organisations ("l'exécutif a décidé") and subject pronouns
    (returned as pronoun phrases: they corefer with an earlier candidate). With ``descriptions``, any
    definite description ("le trublion a fait …") is a candidate too."""
    doc = ctx.doc
    out: list[NounPhrase] = []
    k = min(ctx.token_at(hi), len(doc)) - 1
    floor = max(0, ctx.token_at(lo))
    steps = 0
    while k >= floor and steps < 400:
        steps += 1
        tok = doc[k]
        k -= 1
        if not tok.dep_.startswith("nsubj") or ctx.quoted(tok.idx) or any(a <= tok.idx < b for a, b in skip):
            continue
        head = tok.head
        if ctx.quoted(head.idx) or not main_clause_verb(head):
            continue
        if tok.pos_ == "PRON" and fold(tok.text) in {"il", "elle"}:
            out.append(NounPhrase(tok.idx, tok.idx + len(tok.text), tok.text, None, pronoun=True))
            continue
        if tok.pos_ not in _SUBJECT_POS:
            continue
        left = tok.i
        while left - 1 >= tok.left_edge.i and doc[left - 1].pos_ in {"DET", "ADJ", "NOUN", "PROPN"}:
            left -= 1
        phrase = ctx.phrase_from(left, tok.i + 12)
        if descriptions:
            phrase = _apposed_person(ctx, tok) or phrase
        if phrase is None:
            continue
        m = phrase.mention
        definite = m is None and tok.pos_ == "NOUN" and fold(doc[left].text) in _DEFINITE
        if (m is not None and m.label in {"PER", "ORG"}) or (
            definite and (descriptions or fold(tok.lemma_) in org_nouns)
        ):
            out.append(phrase)
    return out


def main_clause_verb(verb: Token) -> bool:
    """A verb of the sentence's main clause: its root, a verb coordinated with it, or a clause the parser set
    beside it ("S'il n'hésite pas à …, X concède que …": ``concède`` read as a parataxis of ``hésite``)."""
    return verb.dep_ == "ROOT" or (verb.dep_ in {"conj", "parataxis"} and verb.head.dep_ == "ROOT")


def lead_in_subjects(ctx: Context, at: int, org_nouns: frozenset[str], skip: list[tuple[int, int]]) -> list[NounPhrase]:
    """Who an unattributed quote at ``at`` may be from: the main-clause subjects of the sentence before it and
    of its own sentence before it, nearest first ("L'acteur s'est longuement confié au Monde. "Je vais vous
    dire …""). Outside the reported clauses in ``skip``."""
    sent_start, _ = ctx.sentence_of(at)
    lo = ctx.sentence_of(max(0, sent_start - 2))[0]
    return subject_candidates(ctx, lo, at, org_nouns, skip, descriptions=True)


def sentence_subjects(ctx: Context, lo: int, hi: int) -> list[NounPhrase]:
    """Noun phrases opening a sentence between ``lo`` and ``hi`` right before a verb ("Le député … Eric
    Ciotti a …"), nearest first: subjects even where the parse of a broken sentence misses them."""
    k = bisect.bisect_right(ctx.breaks, lo)
    out: list[NounPhrase] = []
    for start in ctx.breaks[k : bisect.bisect_left(ctx.breaks, hi)]:
        i = ctx.token_at(start)
        if i >= len(ctx.doc) or ctx.quoted(ctx.doc[i].idx):
            continue
        phrase = ctx.phrase_from(i, i + 14)
        j = ctx.token_at(phrase.end) if phrase is not None else len(ctx.doc)
        if phrase is not None and not phrase.pronoun and j < len(ctx.doc) and ctx.doc[j].pos_ in {"AUX", "VERB"}:
            out.append(phrase)
    return out[::-1]


def _apposed_person(ctx: Context, tok: Token) -> NounPhrase | None:
    """A person's name in apposition to a subject ("Sur Twitter, Pierre Lescure, président …, a …" when
    the parse takes "Twitter" for the subject)."""
    if tok.pos_ != "PROPN":
        return None
    for child in tok.children:
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            m = ctx.mention_at(child.idx, child.idx + 1)
            if m is not None and m.label == "PER" and m.start == child.idx:
                return NounPhrase(m.start, m.end, m.text, m)
    return None


#: the complement a description may carry before the name set beside it ("le directeur de l'agence nationale pour la
#: sécurité et le contre-terrorisme (NCTV), Pieter-Jaap Aalbersberg,")
_APPOSED = re.compile(r"[^,.;:!?\"«»()]{0,80}?,\s*$")
_ASIDE = re.compile(r"\s*\([^()]{0,40}\)")


def apposed_name(ctx: Context, phrase: NounPhrase) -> Mention | None:
    """The person named in apposition right after a description: ``le gouverneur du Mississippi, Phil
    Bryant,`` / ``un porte-parole du département des ressources en eau, Doug Carlson, cité …``."""
    text = ctx.text
    # "Selon les enquêteurs du Kerala (sud de l'Inde), Sooraj, 27 ans, …": no aside skipped after several
    several = fold(phrase.text).split()[:1] in (["les"], ["des"], ["ces"])
    k = ctx.token_at(phrase.end)
    for _ in range(16):
        tok = ctx.doc[k] if k < len(ctx.doc) else None
        if tok is not None and tok.text == "(" and not several:  # "l'usine de Jussey (Haute-Saône), X": an aside
            k = next((j for j in range(k + 1, min(k + 8, len(ctx.doc))) if ctx.doc[j].text == ")"), k) + 1
            tok = ctx.doc[k] if ctx.doc[k - 1].text == ")" and k < len(ctx.doc) else None
        if tok is None or tok.text == ",":
            break
        if tok.pos_ in {"VERB", "AUX"} or tok.text in QUOTE_CHARS or tok.is_punct:
            return None
        k += 1
    else:
        return None
    if k >= len(ctx.doc) or ctx.doc[k].text != ",":
        return None
    comma = ctx.doc[k].idx
    if not _APPOSED.match(_ASIDE.sub("", text[phrase.end : comma + 1])):
        return None
    m = ctx.mention_at(comma + 1, comma + 4)
    if m is None or text[comma + 1 : m.start].strip() or not (m.label == "PER" or _person_named(phrase, m)):
        return None
    after = text[m.end : m.end + 2].strip()[:1]
    return m if after in {",", ".", ")", ""} else None


def _person_named(phrase: NounPhrase, m: Mention) -> bool:
    """A name of two words or more that the NER labelled otherwise, in apposition to a description of a
    person ("la directrice de Covid 1, Najada Como" with "Najada Como" read as a place)."""
    head = lex.description_head(phrase.text)
    person = head in lex.PERSON_NOUNS or bool(lex.AGENT.search(head))
    return person and m.label in {"LOC", "ORG"} and len(m.text.split()) >= 2


def agent_source(ctx: Context, phrase: NounPhrase) -> NounPhrase | None:
    """``des chiffres fournis par la direction``: the agent after a passive participle in a source phrase
    (figures, data, documents reported by someone)."""
    doc = ctx.doc
    k = ctx.token_at(phrase.end)
    if k + 2 >= len(doc):
        return None
    part, par = doc[k], doc[k + 1]
    if "Part" not in part.morph.get("VerbForm", []) or fold(par.text) != "par":
        return None
    words = [w for w in fold(phrase.text).replace("'", "' ").split() if w not in lex.DETERMINERS]
    if words and (
        words[0] in lex.PERSON_NOUNS
        or lex.MEDIA_NOUNS & {words[0], words[0].rstrip("sx")}
        or lex.AGENT.search(words[0])
    ):
        return None  # "des passagers cités par le journal X", "des médias relayés par X": they speak, X carries it
    return ctx.phrase_from(k + 2, k + 14)


def impersonal_place(ctx: Context, phrase: NounPhrase) -> NounPhrase | None:
    """``explique-t-on à l'Élysée`` / ``on indique chez Renault``: the place an impersonal ``on`` speaks
    for, when it is an organisation."""
    if fold(phrase.text) != "on":
        return None
    match = re.match(r"\s*(?:\w+\s+){0,2}?(?:à|au|chez)\s+", ctx.text[phrase.end : phrase.end + 40])
    if match is None:
        return None
    start = phrase.end + match.end()
    m = ctx.mention_at(start, start + 4)
    if m is None or m.label not in {"ORG", "LOC"}:
        return None
    det = ctx.text[start : m.start]
    if fold(det.strip()) not in {"", "l'", "la", "le"}:
        return None
    return NounPhrase(start, m.end, ctx.text[start : m.end], m)


_FRONTED = re.compile(
    r"(?:^|[.!?»\"]\s*)(?:s'|si|quand|lorsqu'|lorsque|bien qu'|alors qu'|puisqu'|meme s'|meme si)\s*(?:il|elle)\b"
    r"[^,;:.\"«»]{0,140},\s*$"
)


def fronted_subject(ctx: Context, phrase: NounPhrase) -> NounPhrase | None:
    """The pronoun of a clause put before its main clause stands for the person named as that main
    clause's subject ("S'il n'a pas exclu une candidature, François Ruffin s'était montré prudent")."""
    if fold(phrase.text) not in {"il", "elle"}:
        return None
    start = max(ctx.sentence_of(phrase.start)[0], phrase.start - 16)
    for m in ctx.mentions:
        if m.start <= phrase.end or m.label != "PER":
            continue
        if m.start - start > 200:
            return None
        if _FRONTED.search(fold(ctx.text[start : m.start])):
            return NounPhrase(m.start, m.end, m.text, m)
    return None


def apposed_subject(ctx: Context, begin: int, floor: int) -> NounPhrase | None:
    """``SUD PTT, 3e syndicat de La Poste, parle``: the name opening the sentence (token ``floor``) before
    a comma-delimited apposition that ends right before the verb group at token ``begin``; not a name
    inside the apposition."""
    doc = ctx.doc
    if begin - 2 <= floor or doc[begin - 1].text != ",":
        return None
    k = begin - 2
    while k > floor and begin - k < 12 and doc[k].text != ",":
        if doc[k].pos_ in {"VERB", "AUX"} or doc[k].is_punct or ctx.quoted(doc[k].idx):
            return None
        k -= 1
    if k <= floor or doc[k].text != ",":
        return None
    m = ctx.mention_at(doc[k - 1].idx, doc[k].idx)
    if m is None or m.label not in {"PER", "ORG"} or ctx.quoted(m.start) or m.end > doc[k].idx:
        return None
    if fold(ctx.text[doc[floor].idx : m.start].strip()) not in {"", "le", "la", "les", "l'"}:
        return None
    return NounPhrase(m.start, m.end, m.text, m)


_QUOTED_NP = re.compile(r"(?:\b(?:le|la|les|l'|the)\s*)$", re.IGNORECASE)


def quoted_subject(ctx: Context, close_at: int) -> NounPhrase | None:
    """``la « poste anglaise » s'est excusée``: a short quoted term after a determiner and right before a
    verb is a noun phrase (the subject), not a quote."""
    span = next((s for s in ctx.marked if s.close_at == close_at), None)
    if span is None or len(ctx.text[span.start : span.end].split()) > 3:
        return None
    det = _QUOTED_NP.search(ctx.text[max(0, span.open_at - 5) : span.open_at])
    k = ctx.token_at(close_at + 1)
    if det is None or k >= len(ctx.doc):
        return None
    tok = ctx.doc[k]
    finite = tok.pos_ in {"VERB", "AUX"} and not {"Part", "Inf", "Ger"} & set(tok.morph.get("VerbForm", []))
    if not finite and fold(tok.text) not in {"s'", "se", "n'", "ne"}:
        return None
    start = span.open_at - len(det.group(0))
    return NounPhrase(start, close_at + 1, ctx.text[start : close_at + 1])


def pronoun_candidates(
    ctx: Context, lo: int, hi: int, org_nouns: frozenset[str], skip: list[tuple[int, int]]
) -> list[NounPhrase]:
    """Main-clause subjects a pronoun may take up, nearest first: those of ``subject_candidates`` and
    definite descriptions of a person with no name in them ("Le cuisinier sait qu'il va être renvoyé.
    "…" ajoute-t-il")."""
    found = subject_candidates(ctx, lo, hi, org_nouns, skip)
    starts = {p.start for p in found}
    for phrase in subject_candidates(ctx, lo, hi, org_nouns, skip, descriptions=True):
        if phrase.start in starts or phrase.mention is not None or phrase.pronoun:
            continue
        words = [w for w in fold(phrase.text).replace("'", "' ").split() if w not in lex.DETERMINERS]
        if words and (words[0] in lex.PERSON_NOUNS or lex.AGENT.search(words[0])):
            found.append(phrase)
    return sorted(found, key=lambda p: -p.start)


def party_members(m: Mention) -> bool:
    """A mention that names a party's members or qualifies a noun ("Democrats", "Republican", "socialistes")
    while its canonical name is the party's ("Democratic Party", "Parti socialiste")."""
    canonical, written = fold(m.canonical).split(), fold(m.text).split()
    party = {"party", "parti"}
    return bool(party & set(canonical)) and not party & set(written)
