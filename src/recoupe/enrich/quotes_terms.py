"""Scare quotes: guillemets around a term or a name are not somebody's words (French press, issue 13).

French newspapers put in guillemets the names a movement or an event goes by (« gilets jaunes », « grand débat
national », « anticasseurs »), slogans used as nouns (« Macron démission »), names of groups (« La France en
colère »). The passage is then a noun of the journalist's sentence, not a quote. ``is_term`` says so when the
passage

1. is short (``TERM_WORDS`` words or fewer), holds no verb and no sentence punctuation, names something (a noun
   or a proper name in it), does not open after a colon (``a lancé : « Dehors »``) and is no intertitle;
2. and is a term: its words come back elsewhere in the article, twice more in guillemets of their own, or (two
   words or more) once outside any quotation, the article's own wording (a partial quote is written once); or
   it is a name with common words, capitalised inside a sentence, holding a name the NER found ("Macron");
3. with an attribution written right after it (``« gouffre », a-t-il dit``), only when the article uses the
   words three more times: an attributed short passage stays a quote.

What is guessed: a partial quote the article repeats in its own words ("aucun blocage" ... "aucun blocage n'a
été constaté") reads as a term; a term used once ("une commande de « jouets »") stays a quote.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from recoupe.enrich.quotes_marks import QUOTE_CHARS
from recoupe.enrich.speech import fold

if TYPE_CHECKING:
    from spacy.tokens import Token

    from recoupe.enrich.quotes_marks import Marked
    from recoupe.enrich.quotes_parse import Context

__all__ = ["TERM_WORDS", "is_term"]

#: the longest term, in words
TERM_WORDS = 4
_SENTENCE_PUNCT = re.compile(r"[.!?…,;:]")


def is_term(ctx: Context, span: Marked, *, after: bool = False) -> bool:
    """Whether the quoted passage ``span`` is a term or a name in the journalist's sentence (see the module);
    ``after``: whether an attribution follows the passage right after its closing mark."""
    text = ctx.text
    content = text[span.start : span.end]
    words = re.findall(r"\w[\w'’-]*", content)
    if not words or len(words) > TERM_WORDS or _SENTENCE_PUNCT.search(content):
        return False
    if text[max(0, span.open_at - 3) : span.open_at].strip().endswith(":"):
        return False
    tokens = list(ctx.doc[ctx.token_at(span.start) : ctx.token_at(span.end)])
    if not tokens or any(t.pos_ in {"VERB", "AUX"} for t in tokens):
        return False
    if not any(t.pos_ in {"NOUN", "PROPN"} for t in tokens):
        return False
    if after:  # « gouffre », a-t-il dit: a quote, unless the article keeps using the words
        return _used_again(ctx, span, words, times=3)
    return _named(ctx, span, tokens) or _used_again(ctx, span, words)


def _pattern(words: list[str]) -> re.Pattern[str]:
    """The passage's words, folded, singular or plural ("gilet jaune" and "gilets jaunes")."""
    parts = [re.escape(w.rstrip("sx")) + "[sx]?" if len(w) > 3 else re.escape(w) for w in (fold(w) for w in words)]
    return re.compile(r"(?<![\w])" + r"[\W_]+".join(parts) + r"(?![\w])")


def _named(ctx: Context, span: Marked, tokens: list[Token]) -> bool:
    """A name with common words, capitalised inside a sentence: « Macron démission », « La France en colère »
    (a name the NER found in it; its first word, after a determiner, capitalised; a word in lower case)."""
    first = tokens[1] if tokens[0].pos_ == "DET" and len(tokens) > 1 else tokens[0]
    sentence = ctx.sentence_of(span.open_at)[0]
    if not ctx.text[sentence : span.open_at].strip() or not first.text[:1].isupper():
        return False
    if not any(t.text.islower() and t.is_alpha and t.pos_ in {"NOUN", "ADJ"} for t in tokens):
        return False
    return any(e.label_ != "MISC" and span.start <= e.start_char < span.end for e in ctx.doc.ents)


@lru_cache(maxsize=4)
def _folded(text: str) -> str:
    """``text`` folded character by character, so that offsets stay ("…" is one character, not "...")."""
    return "".join((fold(ch) or ch)[0] for ch in text)


def _used_again(ctx: Context, span: Marked, words: list[str], times: int = 1) -> bool:
    """The passage's words come back elsewhere: in guillemets of their own twice more; or, for two words or
    more, once outside any quotation (the article's own wording); with ``times``: that often in all."""
    text = ctx.text
    folded = _folded(text)
    alone = unquoted = 0
    for found in _pattern(words).finditer(folded):
        if found.start() <= span.start < found.end() or span.start <= found.start() < span.end:
            continue
        before = text[max(0, found.start() - 2) : found.start()].strip()[-1:]
        after = text[found.end() : found.end() + 2].strip()[:1]
        if before and before in QUOTE_CHARS and after and after in QUOTE_CHARS:
            alone += 1
        elif not ctx.quoted(found.start()):
            unquoted += 1
    if times > 1:
        return alone + unquoted >= times
    return alone >= 2 or (len(words) >= 2 and unquoted >= 1)
