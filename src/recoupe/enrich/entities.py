"""Named entities: spaCy NER, corrected by a gazetteer, cleaned, with names resolved within the article.

Pipeline (``NlpModels`` adds the gazetteer ruler before spaCy's NER, so known names are preset entities
with their label and canonical name in ``ent_id_``):

1. **Labels**: spaCy's labels map to PER / ORG / LOC / MISC (English PERSON→PER, GPE/LOC/FAC→LOC,
   NORP/EVENT/PRODUCT/WORK_OF_ART/LAW/LANGUAGE→MISC; dates, amounts and numbers are dropped).
2. **Clean-up** (general rules, not cases): a mention is split at line breaks; leading punctuation and
   lower-case determiners, trailing punctuation, prepositions, determiners, elided articles ("l'", "d'")
   and English "'s" are cut off, and so is everything from a lower-case verb on (not in MISC: titles);
   a sentence-initial capitalised common word left alone ("Cofondateur" of "Cofondateur d'OpenAI") is
   dropped; so is a mention with no letter. An honorific right before a person ("M.", "Mme", "Dr") joins
   the mention, as in "M. Musk" (the canonical name drops it).
3. **Within the article** (resolved): a person's short form ("Musk", "M. Musk", "Elon") takes the fullest
   name whose words contain it in order ("Elon Musk"), when exactly one such name exists; titles (M.,
   Mme, Dr, président…) are stripped first. A mention that another label gave to a person's surname
   becomes PER. An organisation's acronym takes the long form whose initials it spells ("OMS" →
   "Organisation mondiale de la santé"), and a one-word short form the only longer name it starts, when
   unambiguous. Gazetteer matches keep the gazetteer's canonical name.
4. **Across the corpus**: ``entity_key`` folds case, accents, titles, hyphens, dots and name particles,
   and the forms of well-known names (``entity_aliases.py``: "U.S." / "United States" / "USA" /
   "États-Unis"; "Republicans" / "GOP"; "Democrats" / "Democratic Party") to one key, shown under the
   article language's name. Demonyms ("Americans", "les Français", "Russes") name peoples, not entities:
   they are dropped whatever label the NER gave them.

What is guessed: the NER itself (statistical, news-trained); two people sharing a surname in one
article without a full name stay apart as the bare surname; first-name-only matches are accepted.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from recoupe.enrich.entity_aliases import DEMONYMS_EN, DEMONYMS_FR, KNOWN_NAMES
from recoupe.enrich.entity_repeats import aged, missed_persons, occupied
from recoupe.enrich.referent_past import past_description, past_holder, past_key
from recoupe.enrich.roles import find_roles, role_key, title_end
from recoupe.folding import fold
from recoupe.model import EntityRef, Mention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

__all__ = ["entity_key", "entity_refs", "find_mentions", "is_demonym", "strip_titles"]

_LABELS = {
    "PER": "PER",
    "PERSON": "PER",
    "ORG": "ORG",
    "LOC": "LOC",
    "GPE": "LOC",
    "FAC": "LOC",
    "MISC": "MISC",
    "NORP": "MISC",
    "EVENT": "MISC",
    "PRODUCT": "MISC",
    "WORK_OF_ART": "MISC",
    "LAW": "MISC",
    "LANGUAGE": "MISC",
}
_TITLE_WORDS = (
    r"m|mm|mme|mmes|mlle|mr|mrs|ms|miss|dr|pr|prof|me|mgr|sir|dame|lord|lady|"
    r"président|présidente|president|sénateur|sénatrice|senator|député|députée|"
    r"général|general|gen|gov|governor|rep|sen|maître|monsieur|madame|mademoiselle"
)
_TITLES = re.compile(rf"^(?:(?:{_TITLE_WORDS})\.?\s+)+", re.IGNORECASE)
#: name particles folded away in keys (never the first word)
_PARTICLES = frozenset({"de", "d", "du", "des", "von", "van", "der", "den", "di", "da", "del", "della", "dos", "das"})
#: words left out of an acronym's initials
_ACRONYM_SKIP = frozenset({"de", "d", "du", "des", "la", "le", "les", "l", "of", "the", "and", "et", "for", "pour"})
#: honorifics written right before a person's name become part of the mention ("M. Musk", "Mme Lagarde")
_HONORIFICS = frozenset({"m", "mm", "mme", "mmes", "mlle", "mlles", "mr", "mrs", "ms", "dr", "pr", "me", "mgr", "sir"})
_TRIM_POS = frozenset({"PUNCT", "ADP", "DET", "CCONJ", "SCONJ", "PART", "SPACE", "PRON"})


def strip_titles(name: str) -> str:
    """``name`` without leading titles ("M. Musk" → "Musk"); a bare title is kept as it is."""
    stripped = _TITLES.sub("", name.strip())
    return stripped or name.strip()


def _fold(text: str) -> str:
    return fold(text)


def entity_key(name: str) -> str:
    """The matching key of a name: case, accents, leading titles, hyphens, dots and particles folded, and
    the forms of a well-known name (``entity_aliases.KNOWN_NAMES``) folded to one.

    "M. Élon  Musk" → "elon musk"; "Charles de Gaulle" → "charles gaulle"; "Jean-Luc Mélenchon" →
    "jean luc melenchon"; "The Guardian" → "guardian"; "U.S.", "the United States", "USA" → "etats unis";
    "Republicans", "GOP" → "parti republicain". For matching only: display the canonical name, never the key.
    """
    return _known_key(_base_key(name))


def _base_key(name: str) -> str:
    """``entity_key`` without the well-known names."""
    name = unicodedata.normalize("NFKC", name).replace("\u2019", "'").replace("`", "'")
    name = strip_titles(name)
    folded = _fold(name).replace(".", "")
    words = [w for w in re.split(r"[\s\-\u2010-\u2015'_/]+", folded) if w]
    words = [re.sub(r"[^\w&+]", "", w) for w in words]
    words = [w for w in words if w]
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    kept = words[:1] + [w for w in words[1:] if w not in _PARTICLES]
    return " ".join(kept)


# --- well-known names and demonyms ----------------------------------------------------------------------


@lru_cache(maxsize=1)
def _known() -> tuple[dict[str, str], dict[str, tuple[str, str, str]]]:
    """(base key of every form → the entry's key, the entry's key → its label, French and English names)."""
    keys: dict[str, str] = {}
    names: dict[str, tuple[str, str, str]] = {}
    for label, french, english, forms in KNOWN_NAMES:
        key = _base_key(french)
        names[key] = (label, french, english)
        for form in (french, english, *forms):
            keys[_base_key(form)] = key
    return keys, names


def _known_key(base: str) -> str:
    """The key of a well-known name's form; a plural of a form counts ("Democrats" as "Democrat")."""
    keys = _known()[0]
    if base in keys:
        return keys[base]
    if base.endswith("s") and base[:-1] in keys and " " not in base:
        return keys[base[:-1]]
    return base


def _known_name(key: str, language: str) -> tuple[str, str] | None:
    """The label and the name to show of a well-known entity in ``language`` (French unless English)."""
    entry = _known()[1].get(key)
    if entry is None:
        return None
    label, french, english = entry
    return label, english if language == "en" else french


def _french_demonym_forms(masculine: str) -> set[str]:
    """``américain`` → américain(e)(s); ``parisien`` → parisienne(s); ``occidental`` → occidentaux."""
    feminine = masculine if masculine.endswith("e") else masculine + ("ne" if masculine.endswith("ien") else "e")
    plural = masculine if masculine.endswith(("s", "x")) else masculine + "s"
    forms = {masculine, feminine, feminine + "s", plural}
    if masculine.endswith("al"):
        forms.add(masculine[:-2] + "aux")
    return forms


@lru_cache(maxsize=1)
def _demonym_keys() -> frozenset[str]:
    forms = {form for masculine in DEMONYMS_FR for form in _french_demonym_forms(masculine)}
    return frozenset(_base_key(form) for form in (*forms, *DEMONYMS_EN))


def is_demonym(name: str) -> bool:
    """Whether ``name`` names a people ("Americans", "les Français", "Russes"), which is not an entity."""
    words = _base_key(name).split()
    if len(words) > 1 and words[0] in {"les", "le", "la", "l", "des", "the"}:
        words = words[1:]
    return " ".join(words) in _demonym_keys()


# --- clean-up of spaCy spans -------------------------------------------------------------------------


def _runs(span: Span) -> list[list[Token]]:
    """The span's tokens split at line breaks, and where a lost line break glued a word to the next
    sentence (``Guillaume PepyConcernant``: the tokenizer splits it, the NER may not)."""
    runs: list[list[Token]] = [[]]
    for token in span:
        if token.is_space or "\n" in token.text:
            runs.append([])
            continue
        runs[-1].append(token)
        if "\n" in token.whitespace_ or _glued(token):
            runs.append([])
    return [run for run in runs if run]


def _glued(token: Token) -> bool:
    """``token`` ends a lower-case word with no space before a capitalised word."""
    if token.whitespace_ or token.i + 1 >= len(token.doc):
        return False
    nxt = token.doc[token.i + 1].text
    return token.text[-1:].islower() and token.text[-1:].isalpha() and nxt[:1].isupper() and nxt[1:2].islower()


def _elided(token: Token) -> bool:
    return len(token.text) <= 3 and token.text[-1:] in "'’"


def _clean(run: list[Token], gazetteer: bool, label: str) -> list[Token]:
    if gazetteer:
        return run
    if label != "MISC":  # titles of works may hold verbs; names do not: cut at a lower-case verb
        verb = next((i for i, t in enumerate(run) if i and t.pos_ in {"VERB", "AUX"} and t.text.islower()), None)
        run = run[:verb] if verb is not None else run
    while run and (run[0].is_punct or (run[0].pos_ == "DET" and run[0].text.islower()) or _elided(run[0])):
        run = run[1:]
    while run and (run[-1].pos_ in _TRIM_POS or run[-1].is_punct or _elided(run[-1]) or run[-1].text in {"'s", "’s"}):
        run = run[:-1]
    if not run or not any(ch.isalpha() for token in run for ch in token.text):
        return []
    first = run[0]
    sentence_initial = first.is_sent_start or first.i == 0 or first.nbor(-1).is_punct or first.nbor(-1).is_space
    if len(run) == 1 and first.pos_ in {"NOUN", "ADJ", "VERB", "ADV", "AUX"} and sentence_initial:
        return []  # a capitalised common word at the start of a sentence ("Cofondateur d'…")
    if len(run) == 1 and sentence_initial and label == "PER" and _written_lower(first):
        return []  # "Bourreaux et agents …" when the article also writes "des bourreaux": a common word
    return run


def _written_lower(token: Token) -> bool:
    """Whether the article also writes this capitalised word in lower case elsewhere."""
    lower = token.text.lower()
    return lower != token.text and any(t.text == lower for t in token.doc)


def _with_honorific(run: list[Token]) -> list[Token]:
    """``run`` extended leftwards over an honorific ("M." or "M" "."), if one comes right before it."""
    doc, first = run[0].doc, run[0].i
    if first >= 1 and doc[first - 1].text.rstrip(".").lower() in _HONORIFICS and doc[first - 1].text[:1].isupper():
        return [doc[first - 1], *run]
    if (
        first >= 2
        and doc[first - 1].text == "."
        and doc[first - 2].text.lower() in _HONORIFICS
        and doc[first - 2].text[:1].isupper()
    ):
        return [doc[first - 2], doc[first - 1], *run]
    return run


#: (start, end, label, gazetteer canonical) of a cleaned entity
_Raw = tuple[int, int, str, "str | None"]
#: (start, end) of a title with its institution, and the start of the name the same span gave it, if any
_Title = tuple[int, int, "int | None"]


def _raw_mentions(doc: Doc) -> tuple[list[_Raw], list[_Title]]:
    """(start, end, label, gazetteer canonical) for each cleaned entity of ``doc``, and the titles cut off
    the NER's spans (French: see ``_split_title``)."""
    found: list[_Raw] = []
    titles: list[_Title] = []
    for ent in doc.ents:
        label = _LABELS.get(ent.label_)
        if label is None:
            continue
        canonical = ent.ent_id_ or None
        for run in _runs(ent):
            kept = _clean(run, canonical is not None, label)
            if kept and canonical is None and doc.lang_ == "fr":
                kept, label_kept, title = _split_title(kept, label)
                if title is not None:
                    titles.append((*title, kept[0].idx if kept and label_kept == "PER" else None))
            else:
                label_kept = label
            if kept and label_kept == "PER" and canonical is None:
                kept = _with_honorific(kept)
            if kept:
                found.append((kept[0].idx, kept[-1].idx + len(kept[-1].text), label_kept, canonical))
    return found, titles


def _span(tokens: list[Token]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)


def _named(tokens: list[Token]) -> list[Token]:
    """``tokens`` from their first capitalised word on: the name after a title ("Emmanuel Macron")."""
    first = next((k for k, t in enumerate(tokens) if t.text[:1].isupper() and t.text[:1].isalpha()), None)
    return [] if first is None else tokens[first:]


def _person(tokens: list[Token], shortest: int) -> list[Token]:
    """The name after a title, if it has ``shortest`` words or more ("Nicole Belloubet" after "[ministre de
    la] Justice"; not "Sembilan" after "[chef de la] police de l'État de Negeri")."""
    name = _named(tokens)
    return name if len([t for t in name if t.text[:1].isupper()]) >= shortest else []


def _split_title(run: list[Token], label: str) -> tuple[list[Token], str, tuple[int, int] | None]:
    """A NER span less the title it holds (``roles.title_end``): "président de la République" (read as a
    person, its name "de la République" once "président" is stripped) is a title and no entity; in
    "président de la République Emmanuel Macron" or "[ministre de la] Justice Nicole Belloubet" the name
    after the title is a person. Returns the tokens kept, their label, and the title's offsets (or None)."""
    doc, first, stop = run[0].doc, run[0].i, run[-1].i + 1
    # a span the NER read as a person may leave a surname ("président Macron"); another, a first and last name
    shortest = 1 if label == "PER" else 2
    end = title_end(doc, first, stop)
    if end is not None:  # the span opens with a title
        name = _person(run[end - first :], shortest)
        title = _span(run[: end - first])
        if name:
            return name, "PER", title
        institution = _named(run[1 : end - first])
        keep = institution and (label == "LOC" or (label != "PER" and len(institution) >= 2))
        # "président de la Commission européenne" read as an organisation: the organisation is named in it
        return (institution if keep else []), label, title
    for begin in range(first - 1, max(-1, first - 8), -1):  # the span opens inside a title's institution
        if doc[begin].is_punct:
            break
        end = title_end(doc, begin, stop)
        if end is not None and end > first:
            name = _person(run[end - first :], shortest)
            if name:
                return name, "PER", (doc[begin].idx, name[0].idx)
            return ([] if label == "PER" else run), label, None
    return run, label, None


# --- resolution within the article --------------------------------------------------------------------


@lru_cache(maxsize=4096)
def _words(name: str) -> tuple[str, ...]:
    return tuple(entity_key(name).split())


def _is_subsequence(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    position = iter(long)
    return all(word in position for word in short)


def _person_canonical(bare: str, full_names: list[str]) -> str:
    words = _words(bare)
    if not words:
        return bare
    holders = [name for name in full_names if len(_words(name)) > len(words) and _is_subsequence(words, _words(name))]
    maximal = {
        entity_key(n): n
        for n in holders
        if not any(_is_subsequence(_words(n), _words(o)) and len(_words(o)) > len(_words(n)) for o in holders)
    }
    return next(iter(maximal.values())) if len(maximal) == 1 else bare


def _initials(name: str) -> str:
    words = [w for w in re.split(r"[\s\-']+", _fold(name)) if w and w not in _ACRONYM_SKIP]
    return "".join(w[0] for w in words)


def _org_canonical(text: str, long_names: list[str]) -> str:
    if text.isupper() and 2 <= len(text) <= 7 and " " not in text:
        spelled = [n for n in long_names if len(n.split()) >= 2 and _initials(n) == _fold(text)]
        if len({entity_key(n) for n in spelled}) == 1:
            return spelled[0]
    words = _words(text)
    if len(words) == 1:
        longer = {entity_key(n): n for n in long_names if len(_words(n)) > 1 and _words(n)[0] == words[0]}
        if len(longer) == 1:
            return next(iter(longer.values()))
    return text


def find_mentions(doc: Doc, language: str) -> list[Mention]:
    """Entity mentions of ``doc`` in text order, with their canonical name within the article (a well-known
    name's in ``language``); demonyms are not mentions."""
    text = doc.text
    raw, titles = _raw_mentions(doc)
    missed = missed_persons(doc, raw)
    if missed:  # names the NER missed where it found them elsewhere, or before an age (``entity_repeats``)
        raw = sorted([*raw, *((s, e, "PER", None) for s, e in missed)])
    # "Nevila Gjermeni, 38 ans" read as a place or an organisation, "du rappeur Black M" as a work: a person
    raw = [
        (
            s,
            e,
            "PER"
            if canon is None
            and ((label in {"LOC", "ORG"} and aged(text, e)) or (label in {"LOC", "ORG", "MISC"} and occupied(text, s)))
            else label,
            canon,
        )
        for s, e, label, canon in raw
    ]
    persons = [strip_titles(text[s:e]) for s, e, label, canon in raw if label == "PER" and canon is None]
    full_names = list(dict.fromkeys(name for name in persons if len(_words(name)) >= 2))
    surnames = {_words(name)[-1] for name in full_names}
    org_names = list(dict.fromkeys(canon or text[s:e] for s, e, label, canon in raw if label == "ORG"))
    resolved: dict[tuple[str, str], str] = {}  # (label, written) → canonical: each form is resolved once

    mentions = []
    for start, end, label, gazetteer_name in raw:
        written = text[start:end]
        if label != "PER" and gazetteer_name is None and is_demonym(written):
            continue
        if gazetteer_name is not None:
            canonical = gazetteer_name
        else:
            if label != "PER" and entity_key(written) in surnames:
                label = "PER"  # noqa: PLW2901 - a surname of a person named in this article
            if (label, written) not in resolved:
                if label == "PER":
                    resolved[label, written] = _person_canonical(strip_titles(written), full_names)
                elif label == "ORG":
                    resolved[label, written] = _org_canonical(written, [n for n in org_names if n != written])
                else:
                    resolved[label, written] = written
            canonical = resolved[label, written]
        key = entity_key(canonical)
        known = _known_name(key, language)
        if known is not None:
            label, canonical = known  # noqa: PLW2901 - a well-known name has one label
        mentions.append(Mention(start, end, written, label, canonical, key))
    if titles:
        mentions = sorted([*mentions, *_titles_held(doc, titles, mentions)], key=lambda m: (m.start, m.end))
    return mentions


def _titles_held(doc: Doc, titles: list[_Title], mentions: list[Mention]) -> list[Mention]:
    """The titles that the article gives to exactly one person, as mentions of that person: in the span of
    the title itself ("le président de la République Emmanuel Macron") or by apposition ("Emmanuel Macron,
    le président de la République"; ``roles.find_roles``). Titles held by nobody or by two are no entity."""
    persons = {m.start: m for m in mentions if m.label == "PER"}
    holders: dict[str, set[str]] = {}
    former: set[tuple[str, str]] = set()  # (role, key): a former holder ("X, alors en poste"; ``referent_past``)
    for start, end, name_at in titles:
        if name_at is not None and name_at in persons:
            holders.setdefault(role_key(doc.text[start:end]), set()).add(persons[name_at].key)
            if past_holder(doc.text, persons[name_at]):
                former.add((role_key(doc.text[start:end]), persons[name_at].key))
    for key, roles in find_roles(doc, mentions).items():
        for role in roles:
            holders.setdefault(role_key(role), set()).add(key)
            if past_key(doc.text, mentions, key) and not past_description(role):
                former.add((role_key(role), key))
    canonical = {m.key: m.canonical for m in mentions if m.label == "PER"}
    held = []
    for start, end, name_at in titles:
        role = role_key(doc.text[start:end])
        now = not past_description(doc.text[max(0, start - 12) : end + 16])
        keys = {k for k in holders.get(role, set()) if k in canonical and not (now and (role, k) in former)}
        if name_at is None and len(keys) == 1:
            key = next(iter(keys))
            held.append(Mention(start, end, doc.text[start:end], "PER", canonical[key], key))
    return held


def entity_refs(doc: Doc, mentions: list[Mention]) -> list[EntityRef]:
    """One ``EntityRef`` per entity key (first-mention order): canonical name, majority label, the other
    forms written, roles from appositions (see ``recoupe.enrich.roles``), number of mentions."""
    grouped: dict[str, list[Mention]] = {}
    for mention in mentions:
        grouped.setdefault(mention.key, []).append(mention)
    roles = find_roles(doc, mentions)
    refs = []
    for key, group in grouped.items():
        canonical = Counter(m.canonical for m in group).most_common(1)[0][0]
        label = Counter(m.label for m in group).most_common(1)[0][0]
        aliases = tuple(sorted({m.text for m in group} - {canonical}))
        refs.append(EntityRef(key, canonical, label, aliases, tuple(roles.get(key, ())), len(group)))
    return refs
