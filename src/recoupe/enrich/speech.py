"""Lexicons of reported speech for French and English: cue verbs, cue words, pronouns, function words.

Two verb lists per language:

- ``say``: verbs that attribute words between quotation marks to their subject (broad: ``dénoncer``,
  ``évoquer``, ``tweeter``, ``saluer`` … are cues for a quoted fragment, "dénonce une "opération"").
- ``report``: verbs whose ``que``/``that`` clause or infinitive is reported speech (narrow, as the gold
  guide §3.2 lists them: saying, stating and opinion verbs; no perception, cognition, decision or
  directive verbs).

spaCy's French lemmatiser and tagger are wrong on some forms ("juge" tagged as a noun, "tweeté" as a
proper noun), so a token is a cue when its lemma *or* its folded surface form is known: the surface
forms are generated from the lemmas (regular ``-er`` and ``-ir`` conjugation, plus a table of irregular
forms).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["AUX_FR", "FILLERS_FR", "Lexicon", "fold", "lexicon"]


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: auxiliaries, clitics and particles that may open a French reporting verb group ("a-t-il", "s'est")
AUX_FR = _word_set(
    """
a ont avait avaient aura aurait auraient avoir est sont etait etaient s' se s fait font faisait l' lui leur
nous vous ne n' va vont allait vient viennent venait de d' sera serait y en tenu tient a-t-il a-t-elle
"""
)
#: adverbs and time words allowed in a verb group or between a verb and its inverted subject
FILLERS_FR = _word_set(
    """
notamment encore egalement ainsi aussi d'abord abord neanmoins toutefois pourtant alors donc bien meme enfin
rapidement aussitot ensuite deja d'ores et nouveau ailleurs par son sa leur cote pour part tout plus tard
cependant souvent volontiers pas longtemps recemment immediatement simplement clairement ouvertement fermement
vivement sobrement mardi lundi mercredi jeudi vendredi samedi dimanche hier ce cette matin soir midi apres-midi
 dernier derniere aujourd'hui lors jour
"""
)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-cased, accents removed, typographic apostrophes unified."""
    decomposed = unicodedata.normalize("NFKD", text.casefold().replace("\u2019", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


_FR_REPORT = """
dire affirmer estimer juger assurer préciser expliquer indiquer annoncer confirmer ajouter souligner rappeler
promettre prévenir répondre raconter rapporter révéler nier conclure informer déclarer confier reconnaître
admettre avouer démentir écrire certifier jurer prétendre soutenir relever noter signaler considérer répéter
marteler insister plaider rétorquer répliquer témoigner accuser regretter déplorer dénoncer avancer
"""
_FR_SAY_EXTRA = """
lancer poursuivre continuer interroger questionner demander tweeter twitter publier commenter réagir
observer avertir alerter prédire analyser nuancer tacler ironiser exclamer insurger indigner fustiger
critiquer saluer évoquer parler qualifier décrire résumer détailler clamer proclamer défendre argumenter
protester excuser menacer reprocher glisser souffler lâcher confesser partager militer formuler exhorter
appeler réclamer exiger réaffirmer renchérir enchaîner admettre valoir garde mettre féliciter remercier
trancher tonner s'emporter emporter railler moquer mentionner citer souhaiter espérer réagir promettre
conseiller recommander suggérer raconter détailler écrire dénoncer vanter rassurer justifier plaisanter blaguer
"""
_FR_IRREGULAR = {
    "dire": "dit dits dite dites disent disait disaient disant dira diront dis",
    "écrire": "écrit écrits écrite écrivent écrivait écrivaient écrivant écrira",
    "reconnaître": "reconnaît reconnait reconnu reconnue reconnus reconnaissent reconnaissait reconnaissant",
    "admettre": "admet admis admise admettent admettait admettant",
    "promettre": "promet promis promise promettent promettait promettant",
    "mettre": "met mis mettent mettait mettant",
    "prévenir": "prévient prévenu prévenus préviennent prévenait prévenant",
    "répondre": "répond répondu répondent répondait répondant",
    "conclure": "conclut conclu concluent concluait concluant",
    "poursuivre": "poursuit poursuivi poursuivent poursuivait poursuivant",
    "démentir": "dément démenti démentent démentait démentant",
    "soutenir": "soutient soutenu soutiennent soutenait soutenant",
    "valoir": "valoir",
    "décrire": "décrit décrivent décrivait décrivant",
    "interroger": "interrogent interroge",
    "réagir": "réagit réagi réagissent réagissait réagissant",
    "avertir": "avertit averti avertissent avertissait avertissant",
    "prédire": "prédit prédisent prédisait prédisant",
    "confier": "confie confient confié confiée confiait confiant",
}

_EN_REPORT = """
say tell state add explain claim argue insist note write announce confirm deny admit acknowledge warn
report reveal assert suggest recall predict testify respond reply agree believe contend maintain concede
declare stress emphasize promise
"""
_EN_SAY_EXTRA = """
ask tweet post comment describe call urge add continue conclude wonder complain joke quip tout praise
criticize slam blast accuse vow pledge remark observe shout yell
"""
_EN_IRREGULAR = {
    "say": "says said saying",
    "tell": "tells told telling",
    "write": "writes wrote written writing",
    "deny": "denies denied denying",
    "testify": "testifies testified",
    "reply": "replies replied replying",
    "quip": "quipped quips",
}

#: content words that never make an indirect clause "lexical" (gold §3.2, mixed quotes)
_FR_FUNCTION = """
que qu' qu il elle ils elles on je j' nous vous tu lui leur le la les l' se s' y en ne n' pas plus jamais
est était sont étaient sera serait seront seraient a avait ont avaient aura aurait auraient être avoir
été eu doit devait doivent devrait peut pouvait peuvent pourrait faut fallait veut voulait va allait vont
ce c' cela ça si et ou mais d' de du des un une
"""
_EN_FUNCTION = """
that he she they it we i you is was are were be been has have had will would can could should must not
do does did the a an to of and or but
"""


def _regular_forms(lemma: str, language: str) -> set[str]:
    forms = {lemma}
    if language == "fr" and lemma.endswith("er"):
        stem = lemma[:-2]
        soft = stem + "e" if stem.endswith("g") else stem
        forms |= {stem + end for end in ("e", "es", "ent", "é", "ée", "és", "ées", "era", "eront")}
        forms |= {soft + end for end in ("ait", "aient", "ant", "a")}
        if stem.endswith("c"):
            forms |= {stem[:-1] + "ç" + end for end in ("ait", "aient", "ant", "a")}
    elif language == "fr" and lemma.endswith("ir"):
        stem = lemma[:-2]
        forms |= {stem + end for end in ("it", "i", "ie", "is", "issent", "issait", "issant")}
    elif language == "en":
        base = lemma.removesuffix("e")
        forms |= {lemma + "s", base + "ed", base + "ing"}
        if lemma.endswith("y"):
            forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied"}
    return forms


@dataclass(frozen=True)
class Lexicon:
    """Cue lexicon of one language, all entries folded (see ``fold``)."""

    language: str
    report: frozenset[str]
    say: frozenset[str]
    report_forms: frozenset[str]
    say_forms: frozenset[str]
    function_words: frozenset[str]

    def is_report(self, lemma: str, text: str) -> bool:
        """A verb whose ``que`` clause or infinitive is reported speech."""
        return fold(lemma) in self.report or fold(text) in self.report_forms

    def is_say(self, lemma: str, text: str) -> bool:
        """A verb that attributes a quoted passage (broader than ``is_report``)."""
        return fold(lemma) in self.say or fold(text) in self.say_forms


def _build(language: str, report_text: str, extra: str, irregular: dict[str, str], function: str) -> Lexicon:
    report = {fold(w) for w in report_text.split()}
    say = report | {fold(w) for w in extra.split()}

    def forms(lemmas: set[str]) -> frozenset[str]:
        out: set[str] = set()
        for lemma in lemmas:
            out |= {fold(f) for f in _regular_forms(lemma, language)}
            out |= {fold(f) for f in irregular.get(lemma, "").split()}
        return frozenset(out)

    irregular_folded = {fold(k): v for k, v in irregular.items()}
    irregular = irregular_folded
    return Lexicon(language, frozenset(report), frozenset(say), forms(report), forms(say), frozenset(function.split()))


@lru_cache(maxsize=4)
def lexicon(language: str) -> Lexicon:
    """The cue lexicon of ``language`` (``fr`` or ``en``; any other language gets the English one)."""
    if language == "fr":
        return _build("fr", _FR_REPORT, _FR_SAY_EXTRA, _FR_IRREGULAR, _FR_FUNCTION)
    return _build("en", _EN_REPORT, _EN_SAY_EXTRA, _EN_IRREGULAR, _EN_FUNCTION)
