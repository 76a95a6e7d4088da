"""Word lists of the conflict rules (``recoupe.crosscheck.rules``): hedges, negations, opposite predicates.

Every word is folded (``recoupe.folding.fold``: lower case, no accents) and, for predicates, given as the
lemma spaCy's French or English pipeline gives (both the verb and its noun or adjective where they are
used: ``hausse`` and ``augmenter``). Lists are short on purpose: each entry is a way to tell a journalist
"these two sources disagree", and a wrong entry does that falsely.
"""

from __future__ import annotations

import re

from recoupe.enrich.numbers import COLLECTIVE_VALUES

__all__ = [
    "ANTONYMS",
    "APPROX_BEFORE",
    "COLLECTIVE",
    "DATE_OPENINGS",
    "DAY_OF_MONTH_AFTER",
    "EMBEDDING_LEMMAS",
    "LIGHT_LEMMAS",
    "LOWER_AFTER",
    "LOWER_BEFORE",
    "NEGATION_DETS",
    "NEGATION_EN",
    "NEGATION_SYNONYMS",
    "NE_PARTICLES",
    "NOT_NEGATION_AFTER",
    "RANGE_AFTER",
    "RANGE_BEFORE",
    "SLOT_SYNONYMS",
    "UPPER_BEFORE",
    "VERB_ONLY",
]

# -- hedges in front of a figure (the figure's own text never holds them), matched on folded text --------
_END = r"\s*$"
APPROX_BEFORE = re.compile(
    r"\b(environ|pres d(e|es|u|')|quelque|autour d(e|es|u|')|approximativement|a peu pres|grosso modo|presque|"
    r"pas loin d(e|')|de l'ordre d(e|')|estimee?s? a|en moyenne|about|around|nearly|almost|approximately|"
    r"roughly|some|close to|an estimated|estimated|~)" + _END
)
#: a number told as a collective noun is a round guess ("une trentaine de commerces": 31 is it, 40 is not)
COLLECTIVE = re.compile(rf"\b({'|'.join(COLLECTIVE_VALUES)})s?\b")
LOWER_BEFORE = re.compile(
    r"\b(plus d(e|es|u|')|au moins|au-dela d(e|es|u|')|superieure? a|superieurs? a|depass\w* (les |la |le )?|"
    r"more than|over|at least|upwards of|in excess of|above|exceed\w* )" + _END
)
UPPER_BEFORE = re.compile(
    r"\b(moins d(e|es|u|')|jusqu'a|au plus|au maximum|inferieure? a|inferieurs? a|sous (les |la |le )?|"
    r"less than|fewer than|under|up to|at most|no more than|below)" + _END
)
LOWER_AFTER = re.compile(r"^\s*(et plus|ou plus|au moins|or more|and more|plus)\b")
RANGE_BEFORE = re.compile(
    r"(\b(entre|between)( le| les| l'| the)?|\d[\s\u00a0\u202f]*(et|a|à|au|and|to|ou|or|-|–)( le)?)\s*$"
)
#: "de 2 à 5", "2 to 5"; never a clock time after it ("63 % à 17 heures", "à 17h30")
RANGE_AFTER = re.compile(
    r"^[\s\u00a0\u202f]*(a|à|au|to|-|–|et|and|ou|or)( le)?[\s\u00a0\u202f]*\d(?![\d\s\u00a0\u202f]*(h\b|h\d|heures?\b))"
)
#: "3 % au 1er juillet": the number after "au" is a day of a month, not a range's other end (folded text)
DAY_OF_MONTH_AFTER = re.compile(
    r"^[\s\u00a0\u202f]*(a|au|to|et|and|ou|or)( le)?[\s\u00a0\u202f]*\d{1,2}(er|e|st|nd|rd|th)?[\s\u00a0\u202f]+"
    r"(janv|fevr|mars|avr|mai|juin|juil|aout|sept|oct|nov|dec|jan|feb|mar|apr|may|jun|jul|aug|sep)"
)
#: a date after these opens a period, not the date of an event: what each opening word makes of it (folded
#: text): the day a state began ("fermées depuis le 16 mars" is the day they closed), the day it ends, a
#: deadline ("d'ici septembre") or a floor ("après le 3")
DATE_OPENINGS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(rf"\b({words})( le| la| l'| les| the| en| in)?\s*$"))
    for name, words in (
        ("since", r"depuis|des|a partir d(u|e|')|since|from"),
        ("until", r"jusqu'(au|a|en)|jusque|until|till|through"),
        ("deadline", r"avant|d'ici|before|by|prior to"),
        ("after", r"apres|after"),
    )
)

# -- slots: verbs that govern a figure the same way ("arrêtées" and "interpellées" count the same people) -
SLOT_SYNONYMS: tuple[frozenset[str], ...] = (
    frozenset({"proposer", "offrir", "offer", "propose", "bid"}),
    frozenset({"arreter", "interpeller", "arrest", "detain"}),
    frozenset({"tuer", "mourir", "deceder", "perir", "kill", "die"}),
    frozenset({"blesser", "injure", "wound"}),
    frozenset({"valoriser", "valoir", "estimer", "value", "worth"}),
    frozenset({"signer", "conclure", "sign"}),
    frozenset({"naitre", "bear"}),
    frozenset({"constituer", "composer", "representer", "former", "account", "represent", "make"}),
    frozenset({"concerner", "impliquer", "toucher", "involve", "concern", "affect"}),
    frozenset({"couter", "vendre", "acheter", "payer", "cost", "sell", "buy", "pay"}),
)

# -- negation ----------------------------------------------------------------------------------------------
#: French particles that negate only with "ne" in the clause ("ne ... plus"; "plus" alone is "more").
NE_PARTICLES = frozenset({"plus", "jamais", "guere", "point", "rien", "personne", "nullement", "aucunement"})
#: determiners / pronouns that negate the predicate their noun depends on ("aucune arrestation", "no deal").
NEGATION_DETS = frozenset({"aucun", "aucune", "nul", "nulle", "no"})
NEGATION_EN = frozenset({"not", "n't", "never", "nobody", "nothing", "none", "neither", "nor", "no"})
#: "pas seulement", "not only", "ne ... pas que": restrictive, not a negation of the predicate; "ne … pas
#: moins" ("n'essayeront pas moins de …"): nonetheless
NOT_NEGATION_AFTER = frozenset({"seulement", "uniquement", "que", "qu'", "only", "just", "merely", "mal", "moins"})

#: predicates that say the same thing, so that one negated and the other asserted conflict
#: ("n'est pas décédée" / "est morte"; "did not refuse" / "rejected").
NEGATION_SYNONYMS: tuple[frozenset[str], ...] = (
    frozenset({"mourir", "deceder", "mort", "perir", "die", "dead"}),
    frozenset({"rejeter", "refuser", "repousser", "reject", "refuse"}),
    frozenset({"accepter", "approuver", "accept", "approve"}),
    frozenset({"dementir", "nier", "deny"}),
    frozenset({"interdire", "prohiber", "ban", "forbid", "prohibit"}),
    frozenset({"autoriser", "authorize", "authorise", "allow", "permit"}),
    frozenset({"arreter", "interpeller", "arrest"}),
)

#: predicates that take no side: a negation under them or an opposite after them says nothing about the fact
#: ("promet de ne pas augmenter", "pourrait rejeter", "if it is not accepted").
EMBEDDING_LEMMAS = frozenset(
    {
        "pouvoir", "devoir", "vouloir", "falloir", "promettre", "envisager", "menacer", "esperer", "chercher",
        "tenter", "essayer", "prevoir", "demander", "exiger", "appeler", "craindre", "risquer", "souhaiter",
        "proposer", "projeter", "compter", "viser", "pretendre",
        "can", "could", "may", "might", "must", "should", "would", "will", "shall", "want", "plan", "threaten",
        "hope", "try", "seek", "ask", "urge", "call", "expect", "intend", "promise", "fear", "wish", "aim",
        "claim",
        # negative implicatives: "cesser de vendre" is "ne plus vendre", "refuse to sign" is "not sign"
        "cesser", "arreter", "renoncer", "refuser", "eviter", "empecher", "oublier", "stop", "quit", "refuse",
        "avoid", "fail", "prevent", "cease", "decline",
    }
)  # fmt: skip
#: predicates too general to carry a negation conflict on their own ("n'a pas de ..." vs "a un ...").
LIGHT_LEMMAS = frozenset({"etre", "avoir", "faire", "aller", "venir", "be", "have", "do", "get", "go", "make"})

#: English words that are opposite predicates only as verbs ("close to 100", "open letter", "free trade").
VERB_ONLY = frozenset({"close", "open", "release"})

# -- opposite predicates -------------------------------------------------------------------------------------
#: (one side, the other side, converse). ``converse``: the same event seen from the other party ("X gagne
#: contre Y" = "Y perd contre X"), so the pair conflicts only when both name the same subject.
ANTONYMS: tuple[tuple[frozenset[str], frozenset[str], bool], ...] = (
    (
        frozenset({"accepter", "approuver", "adopter", "valider", "ratifier", "enteriner", "agreer",
                   "accept", "approve", "adopt", "endorse", "ratify", "greenlight"}),
        frozenset({"rejeter", "refuser", "repousser", "rejet", "refus",
                   "reject", "refuse", "rebuff", "rejection", "veto"}),
        False,
    ),
    (
        frozenset({"confirmer", "reconnaitre", "admettre", "avouer", "confirmation",
                   "confirm", "acknowledge", "admit"}),
        frozenset({"dementir", "nier", "refuter", "infirmer", "dementi", "deny", "refute", "denial"}),
        False,
    ),
    (
        frozenset({"hausse", "augmenter", "augmentation", "progresser", "progression", "croitre", "accroitre",
                   "grimper", "bondir", "flamber", "envoler", "increase", "rise", "grow", "climb", "jump",
                   "surge", "soar", "growth"}),
        frozenset({"baisse", "baisser", "diminuer", "diminution", "reculer", "recul", "chuter", "decroitre",
                   "flechir", "regresser", "degringoler", "decrease", "fall", "drop", "decline", "shrink",
                   "slump", "plunge", "tumble"}),
        False,
    ),
    (
        frozenset({"gagner", "remporter", "win"}),
        frozenset({"perdre", "lose"}),
        True,
    ),
    (
        frozenset({"benefice", "profit", "excedent"}),
        frozenset({"perte", "deficit", "loss"}),
        False,
    ),
    (
        frozenset({"ouvrir", "rouvrir", "ouverture", "open", "reopen", "opening"}),
        frozenset({"fermer", "fermeture", "close", "shut", "closure"}),
        False,
    ),
    (
        frozenset({"autoriser", "legaliser", "autorisation", "allow", "permit", "authorize",
                   "authorise", "legalize", "legalise"}),
        frozenset({"interdire", "prohiber", "interdiction", "bannir", "ban", "forbid", "prohibit", "outlaw"}),
        False,
    ),
    (
        frozenset({"condamner", "condamnation", "coupable", "convict", "conviction", "guilty"}),
        frozenset({"acquitter", "relaxer", "acquittement", "relaxe", "innocent", "acquit", "acquittal"}),
        False,
    ),
    (
        frozenset({"vivant", "survivre", "survivant", "alive", "survive", "survivor"}),
        frozenset({"mort", "mourir", "deceder", "deces", "tuer", "dead", "die", "kill", "death"}),
        False,
    ),
    (
        frozenset({"vrai", "authentique", "veridique", "true", "genuine", "authentic"}),
        frozenset({"faux", "truquer", "falsifier", "false", "fake", "doctored", "fabricated"}),
        False,
    ),
    (
        frozenset({"legal", "constitutionnel", "licite", "lawful", "constitutional"}),
        frozenset({"illegal", "inconstitutionnel", "illicite", "unlawful", "unconstitutional"}),
        False,
    ),
    (
        frozenset({"liberer", "relacher", "release"}),
        frozenset({"emprisonner", "incarcerer", "ecrouer", "imprison", "jail", "incarcerate"}),
        False,
    ),
)  # fmt: skip
