"""Quote rules: the same quote worded differently, or given to different speakers (see ``rules``).

Two quotes are the same quote when, over folded words, at least ``QUOTE_SAME`` of the shorter one's words
match in order (difflib) and the shorter has at least ``QUOTE_MIN_WORDS`` words; a speaker conflict needs
``SPEAKER_MIN_WORDS`` (a short phrase can be said by two people).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from functools import lru_cache
from itertools import pairwise
from typing import TYPE_CHECKING

from recoupe.crosscheck.rules_base import Conflict, folded_words, stop_words
from recoupe.folding import fold

if TYPE_CHECKING:
    from recoupe.model import Quote

__all__ = ["QUOTE_MIN_WORDS", "QUOTE_SAME", "SPEAKER_MIN_WORDS", "quote_conflicts", "same_speaker"]

QUOTE_SAME = 0.6  # share of the shorter quote's words found in order in the other
QUOTE_MIN_WORDS = 4
#: words a quote told word for word by two outlets needs for two speakers of it to conflict (shorter: a phrase
#: anyone may say, "c'est une honte")
SAME_WORDS_MIN = 7
#: a shorter quote ("grave et préoccupant") is compared only word for word: one word replaced, the rest equal
SHORT_QUOTE_WORDS = 3
#: a quote given to two speakers must be this long: two people can say "OpenAI n'est pas à vendre"
SPEAKER_MIN_WORDS = 8

_ELLIPSIS = re.compile(r"\.\.\.|…|\[\.\.\.\]|\(\.\.\.\)|\[…\]|\(…\)")
_NAME_PARTICLES = frozenset({"de", "du", "des", "d", "la", "le", "van", "von", "der", "den", "al", "el", "bin", "ben"})


def _is_name(speaker: str) -> bool:
    words = speaker.replace("-", " ").split()
    return bool(words) and all(w[:1].isupper() or fold(w) in _NAME_PARTICLES for w in words)


def same_speaker(a: Quote, b: Quote) -> bool | None:
    """True / False when it can be told, ``None`` when one side has no speaker or only a description."""
    if a.speaker_key and b.speaker_key and a.speaker_key == b.speaker_key:
        return True
    if not (a.speaker and b.speaker):
        return None
    names_a = {w for w, _, _ in folded_words(a.speaker) if w not in _NAME_PARTICLES}
    names_b = {w for w, _, _ in folded_words(b.speaker) if w not in _NAME_PARTICLES}
    if names_a and names_b and (names_a <= names_b or names_b <= names_a):
        return True
    if (a.speaker_key and b.speaker_key) or (_is_name(a.speaker) and _is_name(b.speaker)):
        return False
    return None


def _word_span(words: list[tuple[str, int, int]], lo: int, hi: int, offset: int) -> tuple[int, int]:
    if lo < hi:
        return (offset + words[lo][1], offset + words[hi - 1][2])
    at = offset + (words[lo][1] if lo < len(words) else (words[-1][2] if words else 0))
    return (at, at)


def _truncated(words_a: list[str], words_b: list[str]) -> bool:
    """One side's last words are the start of the other's: a quote cut mid-word ("platform i")."""
    left, right = " ".join(words_a), " ".join(words_b)
    return bool(left and right) and (left.startswith(right) or right.startswith(left))


_ELIDED = {"l": "le", "d": "de", "qu": "que", "j": "je", "n": "ne", "s": "se", "m": "me", "t": "te", "c": "ce"}


def _adapted(word_a: str, word_b: str, *, clipped: bool = False) -> bool:
    """Two forms of one word: agreement ("préoccupant"/"préoccupante"), elision ("l'"/"le"), plural; with
    ``clipped``, a word and its clipping ("info"/"information", "manif"/"manifestation")."""
    if _ELIDED.get(word_a, word_a) == _ELIDED.get(word_b, word_b):
        return True
    short, long_ = sorted((_stem(word_a), _stem(word_b)), key=len)
    return len(short) >= 4 and long_.startswith(short) and (clipped or len(long_) - len(short) <= 3)


def _stem(word: str) -> str:
    """A word without its number and gender endings: "inquiètes" and "inquiets" both give "inquiet"."""
    return word.rstrip("sx").removesuffix("e")


def _adapted_run(words_a: list[str], words_b: list[str]) -> bool:
    """The same words adapted to the writer's sentence: word for word ("info" for "information" when it is the
    only word), or the same content words once grammar words are left out ("des Gilets jaunes" / "gilet
    jaune")."""
    if len(words_a) == len(words_b) == 1:
        return _adapted(words_a[0], words_b[0], clipped=True)
    if len(words_a) == len(words_b) and all(_adapted(x, y) for x, y in zip(words_a, words_b, strict=True)):
        return True
    grammar = _grammar()
    content_a, content_b = [w for w in words_a if w not in grammar], [w for w in words_b if w not in grammar]
    return (
        bool(content_a)
        and len(content_a) == len(content_b)
        and all(_adapted(x, y) for x, y in zip(content_a, content_b, strict=True))
    )


def _between(text: str, words: list[tuple[str, int, int]], lo: int, hi: int) -> str:
    """The text of words ``lo:hi`` of a quote with what stands between them and their neighbours."""
    start = words[lo - 1][2] if lo > 0 else 0
    end = words[hi][1] if hi < len(words) else len(text)
    return text[start:end]


_SENTENCE_END = re.compile(r"[.!?…]\s*$")
_SENTENCE_START = re.compile(r"^\s*(?:[.!?…]|$)")


def _whole_sentences(text: str, words: list[tuple[str, int, int]], lo: int, hi: int) -> bool:
    """Whether words ``lo:hi`` of a quote, left out of the other version, are whole sentences of it: a cut
    between sentences, not inside one. A run of repeated words may be left out at several places ("Courage,
    Marc. On t'aime, Marc. On est avec toi"): any of them will do."""
    size = hi - lo
    if size <= 0:
        return False
    places = {lo}
    k = lo
    while k > 0 and words[k - 1][0] == words[k - 1 + size][0]:
        k -= 1
        places.add(k)
    k = lo
    while k + size < len(words) and words[k][0] == words[k + size][0]:
        k += 1
        places.add(k)
    for at in places:
        start, end = words[at][1], words[at + size - 1][2]
        if (start == 0 or _SENTENCE_END.search(text[:start])) and _SENTENCE_START.match(text[end:]):
            return True
    return False


_UNITS = ("zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze",
          "treize", "quatorze", "quinze", "seize")  # fmt: skip
_NUMBER_WORDS = {word: value for value, word in enumerate(_UNITS)} | {
    "une": 1, "vingt": 20, "trente": 30, "quarante": 40, "cinquante": 50, "cent": 100, "mille": 1000
}  # fmt: skip


def _number(word: str) -> int | None:
    """A folded word read as a number: digits or a French number word ("dix")."""
    return int(word) if word.isdigit() else _NUMBER_WORDS.get(word)


#: words that change what a quote says however small: never a mere adaptation
_MEANING_WORDS = frozenset(
    {"pas", "plus", "jamais", "rien", "aucun", "aucune", "personne", "sans", "non", "ni", "guere", "not", "no",
     "never", "nothing", "none", "nor", "without", "tous", "tout", "toute", "toutes", "seul", "seule", "all",
     "only", "deja", "encore", "toujours", "already", "still", "always", "tres", "trop", "very", "too"}
)  # fmt: skip


def _function_words_only(words: list[str]) -> bool:
    """Only grammar changed: "parce que" / "car", "de bâtir" / "à bâtir", "l'internet" / "Internet", the "ne"
    of a negation dropped ("il y en a pas"). A negation, a quantifier or an intensifier is not grammar."""
    if not words:
        return False
    grammar = _grammar()
    return all(w in grammar or (len(w) == 1 and not w.isdigit()) for w in words)


@lru_cache(maxsize=1)
def _grammar() -> frozenset[str]:
    return (stop_words("fr") | stop_words("en")) - _MEANING_WORDS


#: an incise inside a quote ("« Il ne faut pas, a-t-il ajouté, raconter… »"): "t" then a subject pronoun
_INCISE_SUBJECTS = frozenset({"il", "elle", "ils", "elles", "on"})


def _incise(words: list[str]) -> bool:
    return any(w == "t" and nxt in _INCISE_SUBJECTS for w, nxt in pairwise(words))


def _bracketed(text: str, words: list[tuple[str, int, int]], lo: int, hi: int) -> bool:
    """Whether words ``lo:hi`` of a quote stand in brackets or parentheses: the writer's aside."""
    if lo >= hi:
        return False
    before, after = text[: words[lo][1]].rstrip(), text[words[hi - 1][2] :].lstrip()
    return before[-1:] in {"(", "["} and after[:1] in {")", "]"}


_CIVILITIES = frozenset({"m", "mme", "mlle", "mr", "mrs", "ms", "monsieur", "madame"})


def _civility(run_a: list[str], run_b: list[str]) -> bool:
    """A civility against a first name ("M." / "Jérôme") before the same surname."""
    return len(run_a) == 1 and len(run_b) == 1 and (run_a[0] in _CIVILITIES) != (run_b[0] in _CIVILITIES)


def _handle(run_a: list[str], run_b: list[str]) -> bool:
    """A tweet's handle against the name it stands for: one word holding a name of the other run."""
    for one, other in ((run_a, run_b), (run_b, run_a)):
        if len(one) == 1 and any(len(w) >= 4 and w in one[0] and w != one[0] for w in other):
            return True
    return False


def _short_conflicts(
    a: Quote, b: Quote, words_a: list[tuple[str, int, int]], words_b: list[tuple[str, int, int]]
) -> list[Conflict]:
    """Two short quotes of one speaker, word for word but one word: "grave et préoccupant" / "grave et inquiétant"."""
    keys_a, keys_b = [w for w, _, _ in words_a], [w for w, _, _ in words_b]
    if len(keys_a) != len(keys_b) or len(keys_a) < SHORT_QUOTE_WORDS or same_speaker(a, b) is False:
        return []
    if not (a.speaker and b.speaker) or not (_is_name(a.speaker) or _is_name(b.speaker)):
        return []  # words in guillemets nobody is named saying: a term («grand débat national»), a placard
    if (a.text[:1].isupper() or b.text[:1].isupper()) and not _utterance(keys_a):
        return []  # a capitalised phrase that says nothing: a name or a slogan («Grand débat national»)
    changed = [i for i, (x, y) in enumerate(zip(keys_a, keys_b, strict=True)) if x != y]
    if len(changed) != 1 or _adapted(keys_a[changed[0]], keys_b[changed[0]]) or keys_a[changed[0]].isdigit():
        return []
    i = changed[0]
    a_span, b_span = (
        (a.start + words_a[i][1], a.start + words_a[i][2]),
        (b.start + words_b[i][1], b.start + words_b[i][2]),
    )
    text_a, text_b = a.text[words_a[i][1] : words_a[i][2]], b.text[words_b[i][1] : words_b[i][2]]
    return [Conflict("quote_wording", f"« {text_a} » vs « {text_b} »", a_span, b_span)]


def quote_conflicts(a: Quote, b: Quote, *, same_report: bool = False, shortened_ok: bool = False) -> list[Conflict]:
    """Wording and speaker conflicts between two quotes that are the same quote (spans into the articles).

    ``same_report``: the sentences around the two quotes say the same thing (the caller compared them);
    the same quote given to two named speakers there is a speaker conflict however short the quote.
    ``shortened_ok``: one of the articles also carries the other's wording, so words missing from one
    version are its own shortening, not a conflict (replaced words still are). A change of a number inside
    a quote is left to the figure rules.
    """
    words_a, words_b = folded_words(a.text), folded_words(b.text)
    keys_a, keys_b = [w for w, _, _ in words_a], [w for w, _, _ in words_b]
    shorter = min(len(keys_a), len(keys_b))
    said = _utterance(keys_a)  # a term in guillemets ("destruction involontaire par incendie") has no speaker
    # the same words given to two named speakers, a sentence long, in the same report or word for word ("C'est la
    # SNCF qui est responsable", a déclaré X / a affirmé Y): one quote, two speakers
    word_for_word = keys_a == keys_b and len(keys_a) >= SAME_WORDS_MIN
    if (same_report or word_for_word) and keys_a == keys_b and said and same_speaker(a, b) is False:
        return [_speaker_conflict(a, b)]
    if shorter < QUOTE_MIN_WORDS:
        return _short_conflicts(a, b, words_a, words_b)
    matcher = difflib.SequenceMatcher(None, keys_a, keys_b, autojunk=False)
    blocks = [m for m in matcher.get_matching_blocks() if m.size]
    if not blocks or sum(m.size for m in blocks) / shorter < QUOTE_SAME:
        return []
    # the same words in another order ("Nous rebâtirons cette cathédrale" / "Cette cathédrale, nous la
    # rebâtirons"): a quote fitted to the writer's sentence, no wording changed
    same_words = _content(keys_a) == _content(keys_b)
    found = [] if same_words else _wording_conflicts(a, b, words_a, words_b, matcher, shortened_ok=shortened_ok)
    if (shorter >= SPEAKER_MIN_WORDS or same_report) and said and same_speaker(a, b) is False:
        found.append(_speaker_conflict(a, b))
    return found


#: words that make a quote something said (a person, a verb of being or saying), not a term
_SAID = frozenset(
    {"je", "j", "nous", "on", "vous", "tu", "c", "est", "sont", "suis", "sommes", "etes", "sera", "serons", "ai",
     "avons", "avez", "faut", "doit", "peut", "veut", "va", "allons", "i", "we", "you", "is", "are", "was", "will",
     "must", "can", "me", "moi", "mon", "ma", "mes", "notre", "nos", "my", "our"}
)  # fmt: skip


def _utterance(words: list[str]) -> bool:
    """Whether quoted words read as something a person said: a first or second person, a common verb, or
    a sentence's length (``SPEAKER_MIN_WORDS``); a short noun phrase is a term the writer quotes."""
    return len(words) >= SPEAKER_MIN_WORDS or any(w in _SAID for w in words)


def _content(words: list[str]) -> Counter[str]:
    """A quote's words that carry meaning, whatever their order (grammar words left out)."""
    grammar = _grammar()
    return Counter(w for w in words if w not in grammar and not (len(w) == 1 and not w.isdigit()))


def _wording_conflicts(
    a: Quote,
    b: Quote,
    words_a: list[tuple[str, int, int]],
    words_b: list[tuple[str, int, int]],
    matcher: difflib.SequenceMatcher[str],
    *,
    shortened_ok: bool,
) -> list[Conflict]:
    """The words one version of a quote changes against the other, leaving out what is no change of wording."""
    keys_a, keys_b = [w for w, _, _ in words_a], [w for w, _, _ in words_b]
    blocks = [m for m in matcher.get_matching_blocks() if m.size]
    found: list[Conflict] = []
    cut = bool(_ELLIPSIS.search(a.text) or _ELLIPSIS.search(b.text))
    first, last = blocks[0], blocks[-1]
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            continue
        outside = (i2 <= first.a and j2 <= first.b) or (i1 >= last.a + last.size and j1 >= last.b + last.size)
        # "pas de toxicité aiguë" / "pas de toxicité": a qualifier cut off the end changes what was said
        qualifier = not (cut or shortened_ok) and (
            (op == "delete" and _qualifier_cut(a.text, words_a, i1, i2))
            or (op == "insert" and _qualifier_cut(b.text, words_b, j1, j2))
        )
        if (
            not qualifier
            and outside
            and (
                op != "replace"
                or cut  # an ellipsis marks the quote as cut: its ends are where each outlet cut it
                or _truncated(keys_a[i1:i2], keys_b[j1:j2])
                or _function_words_only(keys_a[i1:i2])
                or _function_words_only(keys_b[j1:j2])
            )
        ):
            continue  # a quote cut shorter at an end (its first word fitted to the writer's sentence: "visent « à »")
        whole = _whole_sentences(a.text, words_a, i1, i2) or _whole_sentences(b.text, words_b, j1, j2)
        if cut and (
            _ELLIPSIS.search(_between(a.text, words_a, i1, i2)) or _ELLIPSIS.search(_between(b.text, words_b, j1, j2))
        ):
            continue  # the words around an ellipsis: what one outlet left out ("… mouvement gilet jaune. […] Assez")
        if op != "replace" and (cut or shortened_ok or whole):
            continue  # an ellipsis marks words left out; the article quotes the full wording elsewhere; or whole
            # sentences left out ("Jérôme, courage. Jérôme, on t'aime. Jérôme, on est avec toi")
        if op == "replace" and all(_number(w) is not None for w in keys_a[i1:i2] + keys_b[j1:j2]):
            continue  # another number ("Dix" / "10" is the same): the figure rules report a change
        if op == "replace" and _adapted_run(keys_a[i1:i2], keys_b[j1:j2]):
            continue  # agreement or elision: the quote adapted to its sentence
        if _function_words_only(keys_a[i1:i2] + keys_b[j1:j2]):
            continue  # grammar only: "de bâtir" / "à bâtir", "parce que" / "car", a dropped "ne"
        if _incise(keys_a[i1:i2]) or _incise(keys_b[j1:j2]):
            continue  # the writer's incise inside the quote marks, not the speaker's words
        if _bracketed(a.text, words_a, i1, i2) or _bracketed(b.text, words_b, j1, j2):
            continue  # the writer's aside in brackets ("pas de caméras (piétons)", "Demain (ces policiers)
            # seront" for "Demain ils seront"), left out or put for the speaker's words by the other
        if op == "replace" and _civility(keys_a[i1:i2], keys_b[j1:j2]):
            continue  # "M. Rodrigues" / "Jérôme Rodrigues": one person named two ways
        if op == "replace" and _handle(keys_a[i1:i2], keys_b[j1:j2]):
            continue  # a tweet's handle and the name it stands for ("@CCastaner" / "Christophe Castaner")
        a_span = _word_span(words_a, i1, i2, a.start)
        b_span = _word_span(words_b, j1, j2, b.start)
        text_a = a.text[words_a[i1][1] : words_a[i2 - 1][2]] if i1 < i2 else "∅"
        text_b = b.text[words_b[j1][1] : words_b[j2 - 1][2]] if j1 < j2 else "∅"
        found.append(Conflict("quote_wording", f"« {text_a} » vs « {text_b} »", a_span, b_span))
    return found


#: a quote's last words, left out of the other version, that still belong to its last clause: at most this many
QUALIFIER_WORDS = 3


def _qualifier_cut(text: str, words: list[tuple[str, int, int]], lo: int, hi: int) -> bool:
    """Words ``lo:hi`` end the quote, one to three of them, the first a content word, in the clause of the
    words before: a qualifier the other version cuts off ("Il n'y a pas de toxicité aiguë" / "Il n'y a pas de
    toxicité"). A cut between clauses or sentences ("…les meilleurs délais, 1h15 pour toute la ligne"), or
    before a complement ("… dans un collège", "… de l'histoire"), is a quote cut shorter, not a change."""
    if hi != len(words) or not 0 < hi - lo <= QUALIFIER_WORDS or lo == 0:
        return False
    tail = [w for w, _, _ in words[lo:hi]]
    if tail[0] in _grammar() or all(_number(w) is not None for w in tail):
        return False
    gap = text[words[lo - 1][2] : words[lo][1]]
    return not re.search(r"[,;:.!?()«»\u2013\u2014-]", gap)


def _speaker_conflict(a: Quote, b: Quote) -> Conflict:
    a_span = (a.speaker_start, a.speaker_end) if a.speaker_start is not None and a.speaker_end else (a.start, a.end)
    b_span = (b.speaker_start, b.speaker_end) if b.speaker_start is not None and b.speaker_end else (b.start, b.end)
    return Conflict("speaker", f"{a.speaker} vs {b.speaker}", a_span, b_span)
