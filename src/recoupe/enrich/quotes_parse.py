"""Shared reading of one parsed article for quote extraction: the quotation-mark spans and sentence limits of
``quotes_marks`` with the parse, cue verb groups and the noun phrase that names a speaker.

spaCy's parse of French news is noisy (glued sentences such as ``l'Élysée.Après``, quotes stuck to words,
inverted subjects tagged as objects), so the rules here lean on characters and on the cue lexicon and use
the dependency parse where it is usually right: the subject of a verb written before it.
Everything is linear in the text length, apart from bounded look-arounds (a few dozen tokens).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from recoupe.enrich import referent_words as lex
from recoupe.enrich.quotes_marks import QUOTE_CHARS, Marked, find_marked, sentence_breaks
from recoupe.enrich.speech import AUX_FR, FILLERS_FR, Lexicon, fold, lexicon

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from recoupe.model import Mention

__all__ = ["Context", "NounPhrase", "VerbGroup"]

_CLITICS = frozenset({"-t", "-il", "-elle", "-ils", "-elles", "-on", "-t-il", "-t-elle", "-t-on", "-he", "-she"})
_SUBJECT_CLITICS = lex.word_set("-il -elle -ils -elles -on -t-il -t-elle -t-on il elle ils elles on")
_AUX_EN = frozenset({"has", "have", "had", "was", "were", "is", "are", "will", "would", "also", "then", "later", "did"})
_NP_STOP_FR = frozenset({"qui", "que", "qu'", "dont", "ou", "lequel", "laquelle", "mais", "car", "si"})
_NP_LINK_FR = frozenset({"de", "d'", "du", "des", "et"})
_NP_LINK_EN = frozenset({"of", "and", "'s"})
_NAME_LABELS = frozenset({"PER", "ORG", "MISC", "LOC"})
_ARTICLES = frozenset({"l'", "la", "le", "les", "un", "une", "the", "a"})
_DEMONSTRATIVE_DET = frozenset({"ce", "cet", "cette", "ces", "this", "that", "these", "those"})
_PERSONAL = frozenset({"il", "elle", "ils", "elles", "lui", "eux", "he", "she", "they", "him", "her", "them"})


@dataclass(frozen=True, slots=True)
class VerbGroup:
    """A reporting verb group as written (``a-t-il notamment raconté``), its main verb and, when the
    subject is a clitic inside the group (``-t-il``), that clitic's token index."""

    start: int
    end: int
    verb: int
    clitic: int | None = None


@dataclass(frozen=True, slots=True)
class NounPhrase:
    """A phrase naming a speaker: its characters and the mention it contains, if any."""

    start: int
    end: int
    text: str
    mention: Mention | None = None
    pronoun: bool = False


def _glued_to(before: Token, tok: Token) -> bool:
    """``tok`` starts a capitalised word stuck to the lower-case word ``before`` (no space)."""
    return (
        not before.whitespace_
        and before.text[-1:].isalpha()
        and before.text[-1:].islower()
        and tok.text[:1].isupper()
        and tok.text[1:2].islower()
    )


def _own(phrase: NounPhrase | None) -> NounPhrase | None:
    """A phrase cut out of a longer name ("Eric Zemmour" from "Express Eric Zemmour") loses that name."""
    if phrase is None or phrase.mention is None or phrase.mention.start >= phrase.start:
        return phrase
    return NounPhrase(phrase.start, phrase.end, phrase.text)


@dataclass
class Context:
    """One article being read: its parse, mentions, cue lexicon, quoted spans and sentence breaks."""

    doc: Doc
    language: str
    mentions: list[Mention]
    lex: Lexicon = field(init=False)
    text: str = field(init=False)
    marked: list[Marked] = field(init=False)
    breaks: list[int] = field(init=False)
    _starts: list[int] = field(init=False)
    _mention_starts: list[int] = field(init=False)
    _inside: bytearray = field(init=False)
    _open_marks: list[int] = field(init=False)

    def __post_init__(self) -> None:
        self.lex = lexicon(self.language)
        self.text = self.doc.text
        self.mentions = sorted(self.mentions, key=lambda m: m.start)
        self.marked = find_marked(self.text, self.language)
        self.breaks = sentence_breaks(self.text, self.marked, self.language)
        self._starts = [t.idx for t in self.doc]
        self._mention_starts = [m.start for m in self.mentions]
        self._open_marks = [m.open_at for m in self.marked]
        self._inside = bytearray(len(self.text) + 1)
        for span in self.marked:
            self._inside[span.open_at : span.close_at + 1] = b"\x01" * (span.close_at + 1 - span.open_at)

    def marked_at(self, open_at: int) -> Marked | None:
        """The quoted span whose opening mark is at ``open_at``."""
        k = bisect.bisect_left(self._open_marks, open_at)
        return self.marked[k] if k < len(self.marked) and self.marked[k].open_at == open_at else None

    # --- positions ------------------------------------------------------------------------------
    def token_at(self, char: int) -> int:
        """Index of the first token starting at or after ``char`` (``len(doc)`` when none)."""
        return bisect.bisect_left(self._starts, char)

    def token_covering(self, char: int) -> int:
        """Index of the token that contains ``char`` (or the last one before it)."""
        return max(0, bisect.bisect_right(self._starts, char) - 1)

    def sentence_of(self, char: int) -> tuple[int, int]:
        """Start and end offsets of the sentence around ``char``."""
        k = bisect.bisect_right(self.breaks, char) - 1
        start = self.breaks[max(k, 0)]
        end = self.breaks[k + 1] if k + 1 < len(self.breaks) else len(self.text)
        return start, end

    def quoted(self, char: int) -> bool:
        """Whether ``char`` lies inside quotation marks (marks included)."""
        return 0 <= char < len(self._inside) and bool(self._inside[char])

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The first mention overlapping ``start:end``."""
        k = bisect.bisect_left(self._mention_starts, start)
        for m in self.mentions[max(0, k - 1) : k + 4]:
            if m.start < end and m.end > start:
                return m
        return None

    def mentions_before(self, char: int, limit: int = 60) -> list[Mention]:
        """Up to ``limit`` mentions that end before ``char``, nearest first."""
        k = bisect.bisect_left(self._mention_starts, char)
        return [m for m in reversed(self.mentions[max(0, k - limit) : k]) if m.end <= char]

    # --- cue verbs -----------------------------------------------------------------------------
    def is_say(self, tok: Token) -> bool:
        return self.lex.is_say(tok.lemma_, tok.text) and tok.pos_ not in {"ADP", "DET", "CCONJ", "PUNCT"}

    def is_report(self, tok: Token) -> bool:
        return self.lex.is_report(tok.lemma_, tok.text) and tok.pos_ not in {"ADP", "DET", "CCONJ", "PUNCT"}

    def verb_group_at(self, i: int, *, any_verb: bool = False) -> VerbGroup | None:  # noqa: PLR0912 - token classes in order
        """A reporting verb group starting at token ``i``: auxiliaries, ``-t-il`` clitics and adverbs, then
        a cue verb (any verb with ``any_verb``, when an inverted subject follows), then trailing clitics."""
        doc, n = self.doc, len(self.doc)
        aux = AUX_FR if self.language == "fr" else _AUX_EN
        j, clitic = i, None
        while j < n and j - i < 8:
            tok = doc[j]
            low = fold(tok.text)
            if (
                j == i
                and low in {"pour", "par", "et", "ce", "cette", "de", "d'", "en", "y", "lui", "leur", "l'"}
                and not self.is_say(tok)
            ):
                return None
            if self.is_say(tok) and (low not in aux or tok.pos_ == "VERB"):
                break
            if low in _CLITICS or low.startswith("-t-") or (low in {"-il", "-elle"}):
                if low in _SUBJECT_CLITICS or low.startswith("-t-"):
                    clitic = j
                j += 1
                continue
            if low in aux or tok.pos_ == "AUX" or (self.language == "fr" and low in FILLERS_FR) or tok.pos_ == "ADV":
                j += 1
                continue
            if any_verb and tok.pos_ == "VERB" and j > i - 1:
                break
            return None
        else:
            return None
        if j >= n:
            return None
        verb = j
        tok = doc[verb]
        if not self.is_say(tok) and not (any_verb and tok.pos_ == "VERB"):
            return None
        end_tok = verb
        k = verb + 1
        while k < n and k - verb < 3:
            low = fold(doc[k].text)
            split = lex.split_clitic([(t.text, bool(t.whitespace_)) for t in doc[k : k + 4]])
            if split is not None:  # "explique-t-il.Arrivé" cut into "-", "t", "-", "il" by the glue splitter
                clitic = end_tok = k + split
                k += split + 1
                continue
            if low in _CLITICS or low.startswith("-t-"):
                if low in _SUBJECT_CLITICS or low.startswith("-t-"):
                    clitic = k
                end_tok = k
                k += 1
                continue
            if low in {"valoir", "garde", "hommage"} and self.language == "fr":
                end_tok = k
                k += 1
                continue
            break
        # "fait-il valoir", "a-t-il notamment raconté": the cue text runs to the verb (or "valoir")
        last = doc[end_tok]
        cue_end = last.idx + len(last.text)
        if clitic is not None and clitic == end_tok:
            cue_end = doc[clitic].idx + len(doc[clitic].text)
        return VerbGroup(doc[i].idx, cue_end, verb, clitic)

    # --- noun phrases --------------------------------------------------------------------------
    def phrase_from(self, k: int, limit: int) -> NounPhrase | None:
        """The noun phrase starting at token ``k`` (determiner, nouns, adjectives, names, ``de``
        complements), stopping at punctuation, verbs, relatives and other prepositions."""
        doc = self.doc
        if k >= min(limit, len(doc)):
            return None
        opening = self._opening(k, limit)
        if opening is not None:
            return opening
        links = _NP_LINK_FR if self.language == "fr" else _NP_LINK_EN
        j = k
        while j < min(limit, len(doc), k + 14):
            t = doc[j]
            low = fold(t.text)
            if (t.is_punct and t.text not in {"-", "'"}) or t.text in QUOTE_CHARS:
                break
            if j > k and _glued_to(doc[j - 1], t):
                break  # "Pepy|Concernant": the next sentence, glued by a lost line break
            if low in _NP_STOP_FR or (t.pos_ in {"VERB", "AUX", "SCONJ"} and not self.mention_at(t.idx, t.idx + 1)):
                break
            pronoun = t.pos_ == "PRON" and "Yes" not in t.morph.get("Poss", [])
            named = (
                self.mention_at(t.idx, t.idx + len(t.text) + 1) if low == "l'" else self.mention_at(t.idx, t.idx + 1)
            )
            if j > k and (pronoun or low in {"s'", "n'", "l'", "se", "ne"}) and not named:
                break
            if self.quoted(t.idx) != self.quoted(doc[k].idx):
                break
            if t.pos_ == "ADP" and low not in links:
                break
            if low in {"de", "d'", "et", "of", "and"} and j == k:
                break
            j += 1
        while j > k and fold(doc[j - 1].text) in links | {"et", "and"}:
            j -= 1
        if j == k:
            return None
        start, end = doc[k].idx, doc[j - 1].idx + len(doc[j - 1].text)
        return NounPhrase(start, end, self.text[start:end], self._head_mention(start, end))

    def _opening(self, k: int, limit: int) -> NounPhrase | None:
        """A phrase settled by its first token: a pronoun ("il", "-t-elle"), or one of a group ("l'un d'eux",
        "l'une des victimes", "un des membres de l'ONG": a description, the group's phrase after it)."""
        doc = self.doc
        tok = doc[k]
        low = fold(tok.text)
        if lex.partitive([fold(t.text) for t in doc[k : k + 4]]):
            j = k + (2 if low in {"l'", "l’"} else 1)  # the "de" / "des" / "d'" token
            if j + 1 < len(doc) and fold(doc[j + 1].text) in {"eux", "elles"}:
                end = doc[j + 1].idx + len(doc[j + 1].text)  # "l'un d'eux"
            else:
                group = self.phrase_from(j + (fold(doc[j].text) != "des"), limit)
                end = group.end if group is not None else doc[j - 1].idx + len(doc[j - 1].text)
            return NounPhrase(tok.idx, end, self.text[tok.idx : end], None)
        possessive = "Yes" in tok.morph.get("Poss", [])
        determiner = low in _DEMONSTRATIVE_DET and k + 1 < len(doc) and doc[k + 1].pos_ == "NOUN"  # "Cet été"
        if (tok.pos_ == "PRON" and not possessive and not determiner) or low.lstrip("-") in _PERSONAL:
            return NounPhrase(tok.idx, tok.idx + len(tok.text), tok.text.lstrip("-"), None, pronoun=True)
        return None

    def _head_mention(self, start: int, end: int) -> Mention | None:
        """The name in a phrase when it is the phrase's head or an apposition to it ("le député Éric
        Woerth", "le magazine Gala"), not when it is a complement ("le ministère des Armées")."""
        k = bisect.bisect_left(self._mention_starts, start)
        found: Mention | None = None  # a name that is not a person's: a person's name further on wins
        for m in self.mentions[max(0, k - 1) : k + 6]:
            if m.start >= end:
                break
            if m.end <= start or m.label not in _NAME_LABELS:
                continue
            before = fold(self.text[start : max(start, m.start)])
            words = re.findall(r"[\w'-]+", before)
            if not words or words in (["le"], ["la"], ["les"], ["l'"], ["the"]) or before.strip() in {"l'", "d'"}:
                if m.label == "PER":
                    return m
                found = found or m
                continue
            apposed = found is not None and not self.text[found.end : m.start].strip()  # "ministre de la Culture X"
            if m.label == "PER" and apposed:
                return m
            if m.label != "PER" or any(w in {"de", "d'", "du", "des", "of"} or w.startswith("d'") for w in words):
                return found
            return m
        return found

    def inverted_subject(self, group: VerbGroup, limit: int) -> NounPhrase | None:
        """The subject written after a verb group ("a confirmé l'Élysée à BFMTV", "a dit à l'AFP Vasilos
        Topalis"): prepositional phrases and time words between verb and subject are skipped."""
        doc = self.doc
        if group.clitic is not None:
            tok = doc[group.clitic]
            word = tok.text.split("-")[-1]
            start = tok.idx + len(tok.text) - len(word)
            return NounPhrase(start, start + len(word), word, None, pronoun=True)
        k = group.verb + 1
        end = min(limit, len(doc))
        steps = 0
        while k < end and steps < 25:
            steps += 1
            tok = doc[k]
            low = fold(tok.text)
            named = self.marked_at(tok.idx) if tok.text in QUOTE_CHARS | {"'"} else None
            title = named is not None and all(w[:1].isupper() for w in self.text[named.start : named.end].split()[:5])
            if named is not None and title and named.end - named.start < 60:
                return NounPhrase(
                    named.start, named.end, self.text[named.start : named.end], self.mention_at(named.start, named.end)
                )
            if tok.text == "," and steps > 1 and k + 1 < end and self._person_starts(k + 1):
                k += 1  # "se justifie auprès de BFMTV, Olivier Faure": the name after the complement
                continue
            skip = self._filler_length(k, end)
            if skip:
                k += skip
                continue
            if tok.is_punct or tok.text in QUOTE_CHARS:
                return None
            if tok.pos_ == "ADP" or low in {"au", "aux", "auprès", "to", "in", "on", "at", "with"}:
                k = self._skip_prepositional(k + 1, end)
                continue
            if self.language == "en" and low in {"that", "the", "a"} and tok.pos_ == "SCONJ":
                return None
            return _own(self.phrase_from(k, end))
        return None

    def _filler_length(self, k: int, end: int) -> int:
        """How many tokens from ``k`` stand between a cue verb and its inverted subject without being it:
        adverbs, fillers, times and dates ("indique franceinfo dimanche 31 mars"), numbers (not "un des
        membres"), "de son côté", a detached adjective between commas ("a lancé dimanche, scandalisée, X")."""
        doc = self.doc
        tok = doc[k]
        low = fold(tok.text)
        if tok.text == "," and k + 2 < end and doc[k + 2].text == "," and _detached_adjective(doc[k + 1]):
            return 3
        if low in {"son", "sa", "leur"} and k + 1 < end and fold(doc[k + 1].text) in {"cote", "part"}:
            return 2
        numeral = tok.like_num or (tok.pos_ == "NUM" and any(ch.isdigit() for ch in tok.text))  # not "franceinfo"
        one = (
            low in {"valoir", "garde", "hommage"}
            or (low in FILLERS_FR and self.mention_at(tok.idx, tok.idx + 1) is None and low not in _POSSESSIVE_DET)
            or ((tok.pos_ == "ADV" or numeral) and not lex.partitive([low, fold(doc[k + 1].text)]))
            or (tok.text.islower() and (low in lex.MONTHS or low in lex.TIME_WORDS))
        )
        return int(one)

    def _person_starts(self, k: int) -> bool:
        tok = self.doc[k]
        m = self.mention_at(tok.idx, tok.idx + 1)
        return m is not None and m.label == "PER" and m.start == tok.idx

    def _skip_prepositional(self, k: int, end: int) -> int:
        doc = self.doc
        if k < end and fold(doc[k].text) in {"que", "qu'"}:  # "avant que X …": no subject after it
            return end
        while k < end and (doc[k].pos_ == "DET" or fold(doc[k].text) in _ARTICLES):
            k += 1
        if k >= end or doc[k].text in QUOTE_CHARS:  # a speaker is never quoted text
            return k
        m = self.mention_at(doc[k].idx, doc[k].idx + 1)
        if m is not None:
            j = k + 1  # to the name's end, or to a person's name the recogniser ran into an ORG ("L'Express Eric Z")
            while j < end and doc[j].idx < m.end and (m.label == "PER" or doc[j].dep_ != "appos"):
                j += 1
            return j
        j = k + 1
        while j < end and doc[j].pos_ == "ADJ":
            j += 1
        return j

    def subject_of(self, i: int) -> NounPhrase | None:
        """The subject of the verb at token ``i`` from the parse, climbing from a participle, gerund,
        infinitive or coordinated verb to the verb that has one ("tout en rappelant", "avant d'ajouter",
        "a nié … mais a confirmé"); a relative ``qui`` is replaced by its antecedent."""
        tok = self.doc[i]
        for step in range(4):
            # a subject the parse hung on the auxiliary ("Il|a présenté", "Il" under "a") is the verb's
            near = [*tok.children, *(g for c in tok.children if c.dep_.startswith("aux") for g in c.children)]
            subjects = [c for c in near if c.dep_.startswith("nsubj")]
            if step and tok.dep_ == "ccomp" and tok.head.i != tok.i:
                subjects = []  # "X a dit que les succès … lui faisaient plaisir, en ajoutant": X adds, not "succès"
            subjects = [c for c in subjects if fold(c.text) not in {"-t", "ce", "c'", "cela", "ca", "it"}]
            sentence_start = self.sentence_of(self.doc[i].idx)[0]
            if len(subjects) > 1:  # a misparse: the subject in the verb's sentence, a name or pronoun first
                subjects = [c for c in subjects if c.idx >= sentence_start] or subjects
                # a name or pronoun first, then the one next to the verb (not "Jugeant l'incident …, la direction a")
                subjects.sort(
                    key=lambda c: (
                        not (fold(c.text) in _PERSONAL or self.mention_at(c.idx, c.idx + 1)),
                        abs(tok.i - c.i),
                    )
                )
            if subjects:
                subj = subjects[0]
                if "Rel" in subj.morph.get("PronType", []) and tok.dep_.startswith("acl"):
                    subj = tok.head
                if subj.idx < sentence_start:  # a subject in the sentence before
                    return None
                if self.quoted(subj.idx) or subj.pos_ not in {"NOUN", "PROPN", "PRON", "DET", "NUM", "X"}:
                    return None
                if (subj.like_num or subj.text == "%") and subj.right_edge.i - subj.left_edge.i < 10:
                    first, last = self.doc[subj.left_edge.i], self.doc[subj.right_edge.i]  # "Nearly nine out of 10"
                    start, end = first.idx, last.idx + len(last.text)
                    return NounPhrase(start, end, self.text[start:end])
                left = subj.i
                floor = subj.left_edge.i
                while left - 1 >= floor and self.doc[left - 1].pos_ in {"DET", "ADJ", "NOUN", "PROPN", "NUM"}:
                    left -= 1
                return self.phrase_from(left, subj.i + 12)
            if tok.dep_ == "ROOT" or tok.head.i == tok.i:
                break
            tok = tok.head
        return None


_POSSESSIVE_DET = frozenset({"son", "sa", "leur", "ce", "cette"})


def _detached_adjective(tok: Token) -> bool:
    """An adjective or past participle standing alone between commas ("scandalisée", "furieux")."""
    return tok.pos_ == "ADJ" or (tok.pos_ == "VERB" and "Part" in tok.morph.get("VerbForm", []))
