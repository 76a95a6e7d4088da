"""Who a statement is attributed to, and when it holds: "selon la préfecture", "à 17 heures", "bilan provisoire".

"Selon la préfecture, 8 000 manifestants" and "selon les organisateurs, 30 000" are not two outlets
contradicting each other: they report two sources. And "un bilan provisoire de 3 morts" in the morning and
"le dernier bilan fait état de 5 morts" at night are one count at two moments. The verdict step needs both.

**Sources** (``sources_in``) are found by an ordered list of small rules, each a named function over one
sentence that returns ``Marker``s (the source as written, with its offsets):

1. ``_selon``: "selon X", "d'après X", "according to X" ("selon un bilan de la préfecture" gives the préfecture;
   "selon le dernier bilan" alone gives no source: a report, not who made it);
2. ``_inverted``: a reporting verb followed by its subject, after a comma or a closing quote (", a indiqué la
   préfecture", ", estiment les organisateurs", ", police said");
3. ``_subject``: a subject before a counting or reporting verb ("la préfecture a recensé", "les organisateurs
   revendiquent", "la CGT fait état de", "police estimated").

A figure takes the marker of its own clause (cut at commas, semicolons, dashes, parentheses), else the nearest
marker of the sentence whose clause holds no other figure ("Selon la préfecture, 8 000 manifestants ont
défilé, 30 000 selon les organisateurs": each number its own source). ``same_source`` compares two sources
once folded, without determiners, singular, with the police and the préfecture as one.

**Moments** (``moment_of``): a clock time in the sentence ("à 17 heures", "vers 9h30", "at 5 p.m.") as
``HH:MM``, a time of day ("à la mi-journée" 12:00, "en fin de journée" 20:00), or a marker of a count still
moving (``provisional``: "bilan provisoire", "premier bilan", "pour l'heure", "so far") or settled (``final``:
"dernier bilan", "bilan définitif", "s'est alourdi", "latest toll").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from recoupe.folding import fold

if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

__all__ = [
    "DAY_WORD", "Marker", "day_of", "moment_of", "moment_rank", "office_and_name", "same_source", "source_for",
    "source_key", "sources_in", "standing",
]  # fmt: skip


@dataclass(frozen=True, slots=True)
class Marker:
    """A source named in a sentence: ``text`` as written, at ``start:end`` of the sentence."""

    text: str
    start: int
    end: int
    #: it names whose the counts before it are ("… : c'est le décompte de la CGT"), whatever its own clause holds
    of_before: bool = False


_DET = r"(?:la |le |les |l'|l’|un |une |des |du |the |a |an )"
_NAME = r"[A-ZÀ-ÖØ-Þ][\w’'\-.]*"
_WORD = r"[\w’'\-]+"
#: a noun phrase naming a source: a determiner and up to five words ("la préfecture de police de Paris"),
#: or a capitalised name ("Météo-France", "la CGT")
_NP = rf"(?:{_DET}?{_WORD}(?:[ \-](?:de |d'|d’|du |des |of |the )?{_WORD}){{0,4}}|{_NAME}(?: {_NAME}){{0,3}})"
#: words that name a report rather than who made it ("selon le dernier bilan", "d'après nos informations")
_REPORTS = frozenset(
    {"bilan", "bilans", "chiffre", "chiffres", "estimation", "estimations", "decompte", "comptage", "donnees",
     "information", "informations", "releve", "releves", "premier", "premiers", "dernier", "derniers", "report",
     "reports", "figures", "count", "tally", "toll", "estimate", "estimates", "nos", "our", "source", "sources",
     "bulletin", "bulletins", "communique", "communiques", "point", "lui", "elle", "eux", "elles", "moi", "him",
     "her", "them", "ce", "cette", "ces", "early", "latest", "final", "initial", "new", "preliminary", "nouveau",
     "provisional", "official"}
)  # fmt: skip
_STOP_AT = re.compile(
    r"\b(qui|que|qu'|dont|où|ont|a|à|au|aux|est|sont|avait|avaient|were|was|has|have|had|who|which|that|et|and|mais|but|"
    r"pour|avec|dans|en|sur|lors|depuis|ce|cette|il|elle|ils|elles|on|hier|samedi|dimanche|lundi|mardi|mercredi|"
    r"jeudi|vendredi)\b"
)
_REPORTING = (
    r"indiqu\w*|annonc\w*|affirm\w*|précis\w*|declar\w*|déclar\w*|estim\w*|assur\w*|expliqu\w*|rapport\w*|"
    r"soulign\w*|communiqu\w*|recens\w*|compt\w*|dénombr\w*|denombr\w*|revendiqu\w*|avanc\w*|évalu\w*|"
    r"chiffr\w*|fait savoir|fait état|font état|ajout\w*|confirm\w*|said|says|told|reported|estimated|"
    r"counted|announced|claimed|stated|confirmed"
)
#: verbs whose subject is the source of a count ("la préfecture a recensé", "les organisateurs revendiquent"):
#: "Musk a annoncé une offre" makes Musk the actor, not a source the outlet reports
_COUNTING = (
    r"recens\w*|compt\w*|dénombr\w*|denombr\w*|revendiqu\w*|avanc\w*|évalu\w*|chiffr\w*|estim\w*|"
    r"fait état|font état|évoqu\w*|evoqu\w*|signal\w*|counted|estimated|claimed|put the (?:number|toll|figure)|"
    r"(?:affirm\w*|assur\w*|disent|dit|revendiqu\w*) avoir (?:rassembl\w*|réuni\w*|mobilis\w*|compt\w*|recens\w*)"
)
#: a name is capitalised whatever the pattern's flags ("affirment avoir rassemblé" is no name)
_CAPITALISED = rf"(?-i:{_NAME})"
_SELON = re.compile(rf"\b(?:selon|d'après|d’après|according to)\s+(?P<np>{_NP})", re.IGNORECASE)
_INVERTED = re.compile(
    rf"(?:,|»|”|\")\s*(?:(?:a|ont|avait|avaient|ont-ils|a-t-il|a-t-elle)\s+)?(?:{_REPORTING})(?:-t-il|-t-elle|-ils)?"
    rf"\s+(?P<np>{_DET}{_WORD}(?: (?:de |d'|d’|du |des )?{_WORD}){{0,4}}|{_CAPITALISED}(?: {_CAPITALISED}){{0,3}})",
    re.IGNORECASE,
)
#: a subject naming a source: a determiner and up to four words, or a capitalised name
_SUBJECT_NP = (
    rf"\b(?:{_DET}){_WORD}(?: (?:de |d'|d’|du |des )?{_WORD}){{0,3}}|\b{_CAPITALISED}(?: {_CAPITALISED}){{0,2}}"
)
_SUBJECT = re.compile(
    rf"(?P<np>{_SUBJECT_NP}|\b(?:police|officials|organizers|organisers|authorities))"
    # "les organisateurs de la « Manif pour tous »"
    rf"(?:\s+(?:de |du |des )?(?:la |le |l'|l’)?[«“][^»”]{{1,40}}[»”])?"
    # "Le SNUipp-FSU, premier syndicat du primaire, évalue à 70 %": an apposition between subject and verb
    rf"(?:\s*,[^,;.«»]{{3,60}},)?\s+"
    rf"(?:(?:a|ont|avait|avaient|en|y|has|have|had)\s+)*(?:{_COUNTING})\b",
    re.IGNORECASE,
)


def _clean(np: str) -> str | None:
    """The source's words up to the first word that starts a clause; ``None`` for a report or a pronoun."""
    cut = _STOP_AT.search(np, 1)
    words = (np[: cut.start()] if cut else np).strip(" ,;:.'’-").split()
    while words and fold(words[-1]) in {"de", "d", "du", "des", "of", "the", "la", "le", "les"}:
        words.pop()
    if not words:
        return None
    folded = [fold(w).strip("'’") for w in words]
    content = [w for w in folded if w not in {"la", "le", "les", "l", "un", "une", "the", "a", "an"}]
    if not content or content[0] in _REPORTS or content[0] in _NOT_SOURCES or len(content[0]) < 3:
        return None
    if any(w[:1].isdigit() or w in _NUMBER_WORDS for w in folded):  # "a confirmé la mort de huit élèves",
        return None  # "annonce un fonctionnement normal de la ligne 11": what is said, not who says it
    return " ".join(words)


_NUMBER_WORDS = frozenset(
    {"deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "quinze", "vingt",
     "trente", "quarante", "cinquante", "cent", "cents", "mille", "million", "millions", "milliard", "milliards",
     "two", "three", "four", "five", "seven", "eight", "nine", "ten", "hundred", "thousand"}
)  # fmt: skip


#: first words that never begin a source: possessives, weekdays, prepositions, "selon" itself
_NOT_SOURCES = frozenset(
    {"son", "sa", "ses", "leur", "leurs", "mon", "ma", "notre", "nos", "votre", "his", "her", "its", "their",
     "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "debut", "fin", "mi", "selon",
     "d'apres", "apres", "according", "ce", "cette", "ces", "cela", "ceci", "il", "elle", "ils", "elles", "on",
     "tout", "tous", "toute", "toutes", "plus", "moins", "chaque", "this", "that", "these", "those", "it",
     "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "en", "au", "aux", "dans"}
)  # fmt: skip


def _selon(sentence: str) -> list[Marker]:
    found = []
    for match in _SELON.finditer(sentence):
        np = match.group("np")
        source = _clean(np)
        if source is None:  # "selon un bilan communiqué par la préfecture": who made the report
            rest = match.string[match.start("np") : match.start("np") + 120]
            rest = re.split(r"[,;:.]", rest, maxsplit=1)[0]
            inner = list(re.finditer(rf"\b(?:par |by |de la |de l'|du |des |of )(?P<np>{_NP})", rest))
            source = _clean(inner[-1].group("np")) if inner else None
            if source is not None:
                at = match.start("np") + rest.find(source.split()[0], inner[-1].start())
                found.append(Marker(source, at, at + len(source)))
            continue
        if source is not None:
            at = match.start("np") + np.find(source.split()[0])
            found.append(Marker(source, at, at + len(source)))
    return found


def _inverted(sentence: str) -> list[Marker]:
    found = []
    for match in _INVERTED.finditer(sentence):
        source = _clean(match.group("np"))
        if source is not None:
            at = match.start("np")
            found.append(Marker(source, at, at + len(source)))
    return found


_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "on", "nous", "je", "he", "she", "they", "we", "i", "qui"})
_LINKS = frozenset({"while", "as", "but", "and", "et", "mais", "alors", "tandis", "whereas", "which", "who", "que"})


#: a subject set apart from its verb by a relative clause or an apposition: "La coordination, qui réunit
#: syndicats et associations, a revendiqué 500 000 manifestants"
_SUBJECT_APART = re.compile(
    rf"(?P<np>{_SUBJECT_NP})(?:\s+\S+)?,\s*(?:qui|dont|que|which|who)\b[^;.«»]{{1,120}}?,\s*"
    rf"(?:(?:a|ont|avait|avaient|en|y|has|have|had)\s+)*(?:{_COUNTING})\b",
    re.IGNORECASE,
)


_AUXILIARIES = frozenset({"a", "ont", "avait", "avaient", "aura", "auront", "aurait", "avoir", "ete"})


def _subject(sentence: str) -> list[Marker]:
    found = []
    for match in [*_SUBJECT.finditer(sentence), *_SUBJECT_APART.finditer(sentence)]:
        np, at = match.group("np"), match.start("np")
        while len(np.split()) > 1 and fold(np.split()[0]) in _LINKS:  # "while organizers claimed"
            first = np.split()[0]
            at += np.index(first) + len(first) + 1
            np = np[np.index(first) + len(first) + 1 :]
        if fold(np.split()[0]) in _PRONOUNS | _LINKS | {"un", "une", "des", "a", "an"}:
            continue  # an indefinite subject ("une revalorisation chiffrée à") reports nothing
        words = match.group(0).split()  # the noun phrase may hold the auxiliary ("la préfecture a" recensé)
        if words[-1].endswith(("é", "ée", "és", "ées")) and not {fold(w) for w in words[-4:-1]} & _AUXILIARIES:
            continue  # a participle after a noun ("l'attaque revendiquée par l'EI"): the noun is no subject
        source = _clean(np)
        if source is not None and len(source.split()) <= 6:
            found.append(Marker(source, at, at + len(source)))
    return found


#: "le bilan publié jeudi soir par la Direction générale de la santé", "les économistes interrogés par Refinitiv":
#: who made a report, a count or a forecast
_BY = re.compile(
    rf"\b(?:publié|communiqué|établi|diffusé|fourni|dressé|donné|rendu public|interrogé|sondé|consulté|released|"
    rf"published|issued|surveyed|polled)(?:e|s|es)?"
    rf"\s+(?:[\w’']+\s+){{0,3}}?(?:par|by)\s+(?P<np>{_NP})",
    re.IGNORECASE,
)


def _marker(match: re.Match[str], source: str | None, *, of_before: bool = False) -> list[Marker]:
    """The source read in a pattern's ``np`` group, placed where it stands in the sentence (none: nothing)."""
    if source is None:
        return []
    at = match.start("np") + match.group("np").find(source.split()[0])
    return [Marker(source, at, at + len(source), of_before=of_before)]


def _by(sentence: str) -> list[Marker]:
    found = []
    for match in _BY.finditer(sentence):
        name = _NAME_RUN.match(match.group("np"))  # "par Dow Jones attendaient 845 000": the name, not what follows
        found += _marker(match, name.group() if name else _clean(match.group("np")))
    return found


_NAME_RUN = re.compile(rf"{_CAPITALISED}(?: {_CAPITALISED})*")


#: a count said to be someone's after it: "…, dont 500 000 à Paris : c'est le décompte de la CGT"
_REPORT_OF = re.compile(
    rf"\b(?:c['’]est|ce sont|voilà|voici|tel est|tels sont)\s+(?:le|la|les|l['’])\s*"
    rf"(?:décompte|chiffre|bilan|estimation|comptage|calcul|pointage)s?\s+(?:de |d['’]|du |des )(?P<np>{_NP})",
    re.IGNORECASE,
)


def _report_of(sentence: str) -> list[Marker]:
    found = []
    for match in _REPORT_OF.finditer(sentence):
        # "la CGT", not "la CGT pour cette"
        name = re.match(rf"(?:{_DET})?{_CAPITALISED}(?: {_CAPITALISED})*", match.group("np"))
        found += _marker(match, _clean(name.group() if name else match.group("np")), of_before=True)
    return found


#: the rules, in order; a later rule's marker that overlaps an earlier one is dropped
RULES: tuple[Callable[[str], list[Marker]], ...] = (_selon, _inverted, _subject, _by, _report_of)


@lru_cache(maxsize=2048)
def sources_in(sentence: str) -> tuple[Marker, ...]:
    """Every source the sentence names, in text order (cached: a sentence's figures and claim all ask)."""
    kept: list[Marker] = []
    for rule in RULES:
        for marker in rule(sentence):
            if not any(marker.start < m.end and m.start < marker.end for m in kept):
                kept.append(marker)
    return tuple(sorted(kept, key=lambda m: m.start))


#: a clause that gives a part of the count before it ("…, dont 400 000 à Paris")
_PART = re.compile(r"(?:,|\()\s*(?:dont|including|among them|parmi lesquels|parmi lesquelles)\s+[^,;]*$", re.IGNORECASE)
_CLAUSE = re.compile(r"[,;:()\u2013\u2014]| - ")


def _clause(sentence: str, at: int) -> tuple[int, int]:
    start = max((m.end() for m in _CLAUSE.finditer(sentence, 0, at)), default=0)
    after = _CLAUSE.search(sentence, at)
    return start, after.start() if after else len(sentence)


def source_for(sentence: str, span: tuple[int, int], others: Sequence[tuple[int, int]] = ()) -> str | None:
    """The source of the figure or words at ``span`` of ``sentence`` (``others``: the other figures' spans)."""
    markers = sources_in(sentence)
    if not markers:
        return None
    own = _clause(sentence, span[0])
    inside = [m for m in markers if own[0] <= m.start < own[1]]
    if inside:
        return min(inside, key=lambda m: abs(m.start - span[0])).text
    if _PART.search(sentence, 0, span[0]) and own[0] > 0:  # "la CGT revendique 2 millions de manifestants,
        # dont 400 000 à Paris": a part of the count before it, by the same source
        before = [o for o in others if o[1] <= own[0]]
        if before:
            return source_for(sentence, max(before), [o for o in others if o != max(before)])
    free = [m for m in markers if m.of_before and span[0] < m.start]
    for marker in markers:
        clause = _clause(sentence, marker.start)
        if not any(clause[0] <= o[0] < clause[1] for o in others if o != span):
            free.append(marker)
    return min(free, key=lambda m: abs(m.start - span[0])).text if free else None


#: the same source under two names (the Paris police count is the préfecture's)
#: who heads an institution speaks for it ("le ministre de l'Intérieur" / "le ministère de l'Intérieur")
_HEAD_OF = {"directeur": "direction", "directrice": "direction", "ministre": "ministere", "prefet": "prefecture",
            "maire": "mairie", "generale": "general",
            # "les autorités sanitaires de Gaza" speak for "le ministère de la Santé de Gaza"
            "autorite": "ministere", "sanitaire": "sante"}  # fmt: skip
_SAME = {"prefecture": "police", "prefecture police": "police", "force ordre": "police", "policier": "police"}


def source_key(source: str | None) -> str | None:
    """A source folded for comparison: no determiner, singular words ("les organisateurs" = "organisateur")."""
    if not source:
        return None
    words = [w.strip("'’") for w in re.split(r"[\s'’\-]+", fold(source))]
    drop = {"la", "le", "les", "l", "un", "une", "des", "de", "du", "d", "the", "a", "an", "of", "paris"}
    kept = [w[:-1] if len(w) > 3 and w.endswith(("s", "x")) else w for w in words if w and w not in drop]
    kept = [_HEAD_OF.get(w, w) for w in kept]  # "le directeur général de la santé" speaks for its direction
    key = " ".join(kept)
    return _SAME.get(key, key) or None


def same_source(a: str | None, b: str | None) -> bool:
    """Whether two attributed sources are one (``None`` is no source, and equals only ``None``): the same
    words once folded, or one's words all in the other ("la Protection civile" / "la Protection civile
    haïtienne"; "Guerini" / "Stanislas Guerini")."""
    key_a, key_b = source_key(a), source_key(b)
    if key_a is None or key_b is None:
        return key_a == key_b
    words_a, words_b = set(key_a.split()), set(key_b.split())
    return words_a <= words_b or words_b <= words_a


#: the head of a description that names an office ("le ministre de l'Intérieur", "le procureur", "the sheriff"):
#: its holder may be the person another outlet names
_OFFICES = frozenset(
    {"ministre", "ministere", "prefet", "prefete", "prefecture", "president", "presidente", "maire", "procureur",
     "procureure", "parquet", "porte-parole", "gouvernement", "secretaire", "directeur", "directrice", "chef",
     "gouverneur", "sherif", "minister", "ministry", "prosecutor", "governor", "mayor", "spokesman",
     "spokeswoman", "spokesperson", "sheriff", "chief", "premier", "premiere"}
)  # fmt: skip
_DETERMINERS = frozenset({"la", "le", "les", "l", "un", "une", "the", "a", "an"})


def _a_name(source: str) -> bool:
    """A source written as a person's name: capitalised words, no determiner ("Gérald Darmanin")."""
    words = source.replace("’", "'").split()
    return 1 <= len(words) <= 4 and all(w[:1].isupper() for w in words) and fold(words[0]) not in _DETERMINERS


def office_and_name(a: str | None, b: str | None) -> bool:
    """One source is a person's name and the other an office ("Gérald Darmanin" / "le ministre de
    l'Intérieur"): the holder of the office may be that person, so the two are not told apart."""
    if not a or not b:
        return False
    for name, other in ((a, b), (b, a)):
        words = [w for w in re.split(r"[\s'’]+", fold(other)) if w]
        if _a_name(name) and not _a_name(other) and words and words[0] in _DETERMINERS:
            head = words[1] if len(words) > 1 else ""
            if head in _OFFICES:
                return True
    return False


# -- moments ----------------------------------------------------------------------------------------------
_CLOCK = re.compile(
    r"\b(?:à|a|vers|dès|des|avant|peu avant|après|at|by|around|about)\s+(?P<h>[01]?\d|2[0-3])\s*"
    r"(?:h|heures?)\s*(?P<m>[0-5]\d)?\b",
    re.IGNORECASE,
)
_CLOCK_EN = re.compile(r"\b(?P<h>1[0-2]|0?[1-9])(?::(?P<m>[0-5]\d))?\s*(?P<ap>[ap])\.?m\.?", re.IGNORECASE)
_DAYTIME = (
    (
        re.compile(
            r"\b(dans la matinee|en matinee|ce matin|en debut de matinee|en debut de journee|tot dans la "
            r"journee|this morning|in the morning|early in the day)\b"
        ),
        "09:00",
    ),
    (re.compile(r"\b(a la mi-journee|a midi|en milieu de journee|at midday|at noon|by midday|by noon)\b"), "12:00"),
    (re.compile(r"\b(en debut d'apres-midi|dans l'apres-midi|this afternoon)\b"), "15:00"),
    (re.compile(r"\b(en fin d'apres-midi)\b"), "17:00"),
    (re.compile(r"\b(en fin de soiree|tard dans la soiree|late at night)\b"), "23:00"),
    (
        re.compile(
            r"\b(en fin de journee|en soiree|dans la soiree|ce soir|in the evening|tonight|by the end of the "
            r"day|at the end of the day|late in the evening)\b"
        ),
        "20:00",
    ),
)
_PROVISIONAL = re.compile(
    r"\b(provisoire|premier bilan|premiers? chiffres?|pour l'heure|a ce stade|pour le moment|pour l'instant|"
    r"so far|preliminary|(initial|early) (toll|count|figures?|reports?)|at least for now)\b"
)
_FINAL = re.compile(
    r"\b(dernier bilan|nouveau bilan|bilan definitif|bilan final|s'est alourdi|s'alourdit|a ete revu|"
    r"revu a la hausse|revu a la baisse|latest (toll|count|figures?)|final (toll|count|figures?)|"
    r"has risen to|rose to|climbed to)\b"
)


def moment_of(sentence: str) -> str | None:
    """The moment a sentence gives for what it reports: ``HH:MM``, ``provisional``, ``final`` or ``None``."""
    match = _CLOCK.search(sentence)
    if match:
        return f"{int(match.group('h')):02d}:{int(match.group('m') or 0):02d}"
    match = _CLOCK_EN.search(sentence)
    if match:
        hour = int(match.group("h")) % 12 + (12 if match.group("ap").lower() == "p" else 0)
        return f"{hour:02d}:{int(match.group('m') or 0):02d}"
    folded = fold(sentence).replace("’", "'")
    for pattern, clock in _DAYTIME:
        if pattern.search(folded):
            return clock
    if _FINAL.search(folded):
        return "final"
    if _PROVISIONAL.search(folded):
        return "provisional"
    return None


#: words telling that a count stands at a moment and may move ("Quatre personnes ont désormais été arrêtées",
#: "deux personnes sont toujours recherchées", "porte à trois le nombre de morts"), or that it is a floor still
#: being counted ("au moins 51 morts", "plus de 1 500 morts", "le bilan s'élève à 49 morts")
_STANDING = re.compile(
    r"\b(?:desormais|deja|toujours|encore|actuellement|a present|porte a|portant a|portent a|passe a|grimpe a|"
    r"franchi le cap|cap des|au moins|plus de|pres de|pas moins de|s'eleve a|s'elevait a)\b"
)


def standing(sentence: str) -> bool:
    """Whether a sentence says its count stands at a moment and may move (``_STANDING``): what two articles
    published hours apart give as such is a count that moved, not a disagreement."""
    return bool(_STANDING.search(fold(sentence).casefold().replace("’", "'")))


def moment_rank(published: str | None, when: str | None) -> tuple[str, str, int] | None:
    """A sort key for a statement's moment: (day, clock, provisional 0 / plain 1 / final 2); ``None``: unknown.

    The sentence's clock wins over the article's time; the day is the article's.
    """
    if not published and not when:
        return None
    day, _, clock = (published or "").partition("T")
    if when and ":" in when:
        clock = when
    rank = {"provisional": 0, "final": 2}.get(when or "", 1)
    return day, clock[:5], rank


_WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
_WEEKDAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
DAY_WORD = re.compile(
    r"\b(?P<w>lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|"
    r"sunday)\b|\b(?P<y>hier|yesterday)\b|\b(?P<t>aujourd'hui|today)\b",
    re.IGNORECASE,
)


def day_of(sentence: str, published: str | None) -> str | None:
    """The day a sentence says its facts are of (ISO date), from one weekday, "hier" or "aujourd'hui" read
    against the article's publication day (a weekday is the latest such day up to it); ``None`` when the
    sentence names none, several, or the article has no date."""
    from datetime import date, timedelta

    try:
        today = date.fromisoformat((published or "")[:10])
    except ValueError:
        return None
    days = set()
    for match in DAY_WORD.finditer(sentence.replace("’", "'")):
        if match.group("w"):
            word = match.group("w").casefold()
            weekday = _WEEKDAYS.index(word) if word in _WEEKDAYS else _WEEKDAYS_EN.index(word)
            days.add(today - timedelta(days=(today.weekday() - weekday) % 7))
        else:
            days.add(today - timedelta(days=1) if match.group("y") else today)
    return days.pop().isoformat() if len(days) == 1 else None
