"""Words that tell one event from another within a running topic: TF-IDF of the title and lead.

On a corpus where every article shares a topic (a month of one protest movement), embeddings of the
articles of a week all read alike; what tells the Saturday protest from the minister's press conference
the same day are the words the other articles of the period do not use ("boxeur", "ministère",
"fourgon"). ``LexicalIndex`` keeps the document frequency of words over the articles the story engine has
seen (those published around the ones it assigns), and gives each article a TF-IDF vector of its title,
lead and start of body: ``1 + log(count)`` times ``log((1 + n) / (1 + df)) + 1``, L2-normalised. Words are
folded (case, accents) and of three letters or more; frequent words weigh little by their document
frequency, so no stop-word list is needed.

Its document frequencies grow with what the engine has read: a vector computed early weighs words against
fewer articles than a full ``recluster`` does (``recoupe recluster`` recomputes every vector).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping

from recoupe.folding import fold

__all__ = ["LexicalIndex", "cosine", "lexical_text", "words"]

_WORD = re.compile(r"\w{3,}")
HEAD_CHARS = 600  # characters of the lead and body read (as ``StoryMember.head``)


def lexical_text(title: str, head: str) -> str:
    """The text an article's words come from: its title and the first 400 characters of its head."""
    return f"{title}\n{head[:400]}"


def words(text: str) -> Counter[str]:
    """Folded words of three letters or more, with their counts."""
    return Counter(_WORD.findall(fold(text).casefold()))


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(weight * b.get(word, 0.0) for word, weight in a.items())


class LexicalIndex:
    """Document frequencies of words over the articles added (each article counted once, by id)."""

    def __init__(self) -> None:
        self._seen: dict[str, frozenset[str]] = {}
        self._df: Counter[str] = Counter()

    def __len__(self) -> int:
        return len(self._seen)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._seen

    def add(self, article_id: str, text: str) -> None:
        """Count ``text``'s words for ``article_id`` (replacing what an earlier text of it counted)."""
        new = frozenset(words(text))
        old = self._seen.get(article_id)
        if old == new:
            return
        if old is not None:
            self._df.subtract(old)
        self._df.update(new)
        self._seen[article_id] = new

    def vector(self, text: str) -> dict[str, float]:
        """The L2-normalised TF-IDF vector of ``text`` against the articles added."""
        n = len(self._seen)
        weights = {
            word: (1.0 + math.log(count)) * (math.log((1 + n) / (1 + self._df.get(word, 0))) + 1.0)
            for word, count in words(text).items()
        }
        norm = math.sqrt(sum(w * w for w in weights.values()))
        return {word: w / norm for word, w in weights.items()} if norm else {}
