"""Word lists and patterns for ``referents``: what can speak (person, organisation and media nouns), what
cannot (months, abstract nouns, fragments glued across a missing space), titles and known outlets. All
words are folded (lower case, no accents: ``speech.fold``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from recoupe.enrich.speech import fold

if TYPE_CHECKING:
    from collections.abc import Sequence

__all__ = [
    "ABSTRACT",
    "ABSTRACT_EN",
    "AGENT",
    "CARRIERS",
    "COLLECTIVE_MEDIA",
    "DEMONSTRATIVES",
    "DETERMINERS",
    "GLUED",
    "MEDIA_NAMES",
    "MEDIA_NOUNS",
    "MONTHS",
    "NOT_SPEAKERS",
    "NUMBER",
    "OFFICES",
    "ORG_NOUNS",
    "PARTITIVE",
    "PERSON_NOUNS",
    "PREPOSITION_BEFORE",
    "PRONOUNS",
    "QUANTIFIERS",
    "SHARE",
    "TIME_WORDS",
    "TITLES",
    "description_head",
    "description_words",
    "office_pattern",
    "other_role",
    "partitive",
    "same_office",
    "split_clitic",
    "word_set",
]


def word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


DETERMINERS = word_set(
    "le la les l' un une des du de d' ce cet cette ces son sa ses leur leurs notre nos votre vos the a an this "
    "that these those his her their its our tout toute tous toutes plusieurs certains certaines"
)
PRONOUNS = word_set(
    "il elle ils elles lui eux on he she they him her them celui celle ceux celles celui-ci celle-ci "
    "ceux-ci celles-ci ce dernier cette derniere"
)
QUANTIFIERS = word_set(
    "one two three four five some many most several nearly about just other another deux trois "
    "quatre cinq quelques nombreux nombreuses global"
)
DEMONSTRATIVES = re.compile(r"^(?:celui|celle|ceux|celles)(?:-ci|-la)?$|^(?:ce|cette) derni[eè]re?s?$")
MONTHS = word_set(
    "janvier fevrier mars avril mai juin juillet aout septembre octobre novembre decembre january february "
    "march april june july august september october november december"
)
#: days and other time nouns: "ce samedi", "la première fois", "cette semaine" never speak
TIME_WORDS = word_set(
    "lundi mardi mercredi jeudi vendredi samedi dimanche matin matinee soir soiree nuit jour journee semaine "
    "week-end mois annee an fois heure heures minute lendemain veille monday tuesday wednesday thursday friday "
    "saturday sunday morning evening night day week month year time"
)
#: head nouns of news outlets
MEDIA_NOUNS = word_set(
    "journal quotidien hebdomadaire magazine mensuel chaine radio television tele site tabloid revue presse "
    "media medias agence-de-presse newspaper daily weekly tabloid channel network outlet station broadcaster"
)
ORG_NOUNS = word_set(
    "syndicat ministere gouvernement direction parquet prefecture mairie agence association ong fondation "
    "federation societe entreprise groupe compagnie enseigne collectif conseil commission parti institut "
    "organisation organisme office observatoire autorite autorites administration executif elysee matignon "
    "palais police gendarmerie armee regiment tribunal cour justice ville region departement etat club "
    "equipe service services universite hopital ecole banque fabricant constructeur plateforme plate-forme "
    "start-up firme laboratoire rapport etude sondage communique document texte bilan descriptif lettre "
    "courrier entourage union majorite jury mouvement opposition poste article reglement assemblee senat capitainerie "
    "company government ministry department agency ambassade consulat embassy consulate "
    "union party committee campaign administration office report study survey poll court firm group team "
    "spokesman spokeswoman"
)
PERSON_NOUNS = word_set(
    "homme femme fils fille pere mere frere soeur epoux epouse mari ministre chef juge maire elu elue "
    "depute deputee senateur senatrice president presidente patron patronne porte-parole proche proches "
    "star vedette reine roi prince princesse artiste acteur actrice auteur avocat avocate procureur "
    "procureure magistrat magistrate policier policiere gendarme enqueteur enqueteurs medecin docteur "
    "professeur pr dr expert experts temoin temoins habitant habitante voisin voisine passant victime "
    "internaute internautes utilisateur utilisatrice militant militante membre membres candidat candidate "
    "secretaire directeur directrice responsable delegue deleguee conseiller conseillere dirigeant "
    "dirigeante fondateur fondatrice createur createur chercheur chercheuse scientifique specialiste "
    "sportif sportive joueur joueuse entraineur selectionneur pilote chanteur chanteuse dj producteur "
    "compositeur ecrivain journaliste redacteur photographe animateur animatrice humoriste comedien "
    "comedienne mannequin jury juges signataires eleve etudiant etudiante parent parents famille ami amie "
    "amis collegue salarie salariee salaries employe employee ouvrier agriculteur commercant pharmacien "
    "infirmier infirmiere pompier pompiers sapeurs-pompiers soldat militaire officier commandant general "
    "capitaine colonel athlete champion championne adjoint adjointe vice-president prefet prefete recteur "
    "eveque pape cardinal imam "
    "rabbin pretre source sources autre autres insoumise insoumis ecologiste centriste socialiste republicain "
    "trentenaire quadragenaire quinquagenaire sexagenaire septuagenaire octogenaire adolescent enfant "
    "mother father son daughter wife husband minister president senator congressman congresswoman "
    "representative governor mayor candidate nominee chairman chairwoman director official officials "
    "spokesperson aide aides adviser advisor lawyer attorney judge prosecutor officer police expert analyst "
    "strategist donor voter voters supporter supporters critic critics leader leaders member members "
    "secretary manager founder executive ceo author writer reporter host anchor friend man woman people "
    "source sources democrat democrats republican republicans"
)
NUMBER = re.compile(r"[\d.,\s%]+|one|two|three|four|five|six|seven|eight|nine|ten|deux|trois|quatre|cinq|dix")
SHARE = re.compile(
    r"\d+ ?%|\bper ?cent\b|\bpercent\b|\bpour ?cent\b|\b(?:third|thirds|half|majority|quarter|tiers|moitie|majorite)\b"
    r"|\bout of \d+\b|\bsur (?:\d+|dix)\b"
)
#: a name right after one of these (folded text) is a complement: the person spoken about or to
PREPOSITION_BEFORE = re.compile(
    r"(?:\b(?:de|du|des|sur|chez|contre|avec|pour|envers|a|aux|par)\s+|\bd')(?:l'|la\s+|le\s+|les\s+)?$"
)
#: media nouns that stand for many outlets at once ("la presse italienne", "les médias")
COLLECTIVE_MEDIA = word_set("presse medias media press")
#: one or some of a group ("l'un d'eux", "l'une des victimes", "un des membres de l'ONG", "tous deux"): a
#: description
PARTITIVE = re.compile(
    r"^(?:l' ?)?(?:un|une|certains|certaines|plusieurs|chacun|chacune)\s+(?:des?\b|d'|d'entre\b)"
    r"|^(?:tous|toutes) (?:les )?deux$|^les deux$|^both$"
)
_PARTITIVE_HEADS = word_set("un une certains certaines plusieurs chacun chacune aucun")


def partitive(words: list[str]) -> bool:
    """Whether folded words open one of a group: "l' un d' eux", "l' une des victimes", "un des membres"."""
    if words[:1] in (["l'"], ["l’"]):
        words = words[1:]
    return len(words) >= 2 and words[0] in _PARTITIVE_HEADS and words[1] in {"des", "de", "d'", "d’", "d'entre"}


_PRONOUN_CLITICS = word_set("il elle ils elles on")


def split_clitic(tokens: list[tuple[str, bool]]) -> int | None:
    """For tokens ``(text, followed by a space)`` opening with a subject clitic written in pieces ("-", "t",
    "-", "il": the glue splitter cut "-t-il.Arrivé"), the offset of the pronoun; else None."""
    texts = [fold(t) for t, _ in tokens]
    if texts[:1] != ["-"] or len(texts) < 2 or tokens[0][1]:
        return None
    if texts[1] in _PRONOUN_CLITICS:
        return 1
    glued = len(texts) == 4 and not tokens[1][1] and not tokens[2][1]
    return 3 if glued and texts[1:3] == ["t", "-"] and texts[3] in _PRONOUN_CLITICS else None


#: nouns that carry what an outlet or a person said ("selon des informations de Mediapart")
CARRIERS = word_set("information informations revelations revelation propos colonnes confidences")
#: common nouns that end like agent nouns but do not speak
NOT_SPEAKERS = word_set(
    "lien mesure polemique enquete demande chiffre serie decision question tweet video message loi projet "
    "reforme texte-de-loi amendement proposition affaire cas fait faits dossier plan programme image photo "
    "information informations"
)
#: abstract nouns and participles ("la polémique", "une mesure", "l'enquête", "tué")
ABSTRACT = re.compile(r"(?:tion|sion|ment|ite|ure|ence|ance|isme|age|ique|ete|ude|ee)s?$")
ABSTRACT_EN = re.compile(r"(?:tion|sion|ment|ness|ity|ism|ance|ence)s?$")
#: two words glued across a missing space or a quotation mark ("DJ.\"I", "Paris.Le")
GLUED = re.compile(r"[a-zà-ÿ][.!?;:][A-ZÀ-Ý]|[\"«»“”]\w|\w[\"«»“”]")
AGENT = re.compile(r"(?:eur|euse|rice|ien|ienne|iste|ant|ante|aire|ier|iere|ais|aise|ois|oise|er|or|ist|ian)s?$")

MEDIA_NAMES = frozenset(
    fold(n)
    for n in (
        "AFP",
        "Reuters",
        "AP",
        "Associated Press",
        "Le Parisien",
        "Le Monde",
        "Le Figaro",
        "Libération",
        "Mediapart",
        "BFMTV",
        "BFM TV",
        "LCI",
        "TF1",
        "France 2",
        "France 3",
        "Franceinfo",
        "France Info",
        "France Inter",
        "RTL",
        "RMC",
        "Europe 1",
        "CNews",
        "Le Point",
        "L'Express",
        "L'Obs",
        "Le JDD",
        "JDD",
        "Journal du Dimanche",
        "Ouest France",
        "Ouest-France",
        "La Voix du Nord",
        "La Dépêche",
        "Le Dauphiné Libéré",
        "Nice-Matin",
        "20 Minutes",
        "Closer",
        "Voici",
        "Gala",
        "Paris Match",
        "Le Canard enchaîné",
        "Streetpress",
        "Konbini",
        "Huffington Post",
        "HuffPost",
        "Le HuffPost",
        "Daily Mail",
        "DailyMail",
        "The Sun",
        "Le Sun",
        "New York Times",
        "The New York Times",
        "Washington Post",
        "The Washington Post",
        "CNN",
        "Fox News",
        "MSNBC",
        "NBC",
        "ABC",
        "CBS",
        "Politico",
        "Breitbart",
        "USA Today",
        "Corriere della Sera",
    )
)

#: offices and public roles a description of an article's protagonist names ("le président", "l'élu", "la
#: porte-parole", and the one on trial, "l'accusé"): not professions met in any story ("l'avocat", "le
#: médecin", "l'enquêteur")
OFFICES = word_set(
    "ministre president presidente elu elue depute deputee senateur senatrice maire porte-parole patron "
    "patronne dirigeant dirigeante responsable candidat candidate chef secretaire prefet prefete edile "
    "eurodepute eurodeputee conseiller conseillere adjoint adjointe premier star chanteur chanteuse acteur "
    "actrice animateur animatrice humoriste sportif sportive joueur joueuse entraineur selectionneur pilote "
    "president-directeur pdg accuse accusee prevenu prevenue minister senator governor mayor nominee candidate "
    "spokesman spokeswoman chairman "
    "secretary congressman congresswoman leader"
)

#: titles a journalist uses for the person just quoted ("le ministre", "l'élu", "le DJ")
TITLES = word_set(
    "ministre president presidente elu elue depute deputee senateur senatrice maire dj procureur procureure "
    "prefet prefete patron patronne chef candidat candidate minister president senator governor mayor "
    "candidate nominee"
)


# --- descriptions ---------------------------------------------------------------------------------------


def description_words(text: str) -> list[str]:
    """The folded words of a description, determiners left out."""
    folded = fold(text).replace("'", "' ")
    return [w for w in re.findall(r"[\w'-]+", folded) if w not in DETERMINERS and w.rstrip("'") not in DETERMINERS]


def description_head(text: str) -> str:
    """The head noun, skipping pre-nominal adjectives and numbers ("l'ancien président" → "president")."""
    for w in description_words(text):
        if w.isdigit() or w in QUANTIFIERS:
            continue
        if w not in {"ancien", "ancienne", "ex", "jeune", "nouveau", "nouvelle", "premier", "premiere", "former"}:
            return w
    return ""


def other_role(roles: Sequence[str], head: str) -> bool:
    """Whether an entity's roles describe it by another noun than ``head`` ("Le procureur de Charente,
    Jean-David Cavaillé" is not "la préfète"; "Thierry, un riverain" is not "le médecin"): a role whose head
    noun has another stem, none with the same. A hypernym of offices ("l'élu", "le responsable") clashes
    with none ("X, adjoint au maire" is an elected official)."""
    if head in _HYPERNYMS:
        return False
    # a body read as a role ("Entendue par la commission d'enquête, X": "commission") says nothing of X's own
    heads = [h for h in (description_head(r) for r in roles) if h not in ORG_NOUNS and h not in MEDIA_NOUNS]
    nouns = [h for h in heads if h and not h.isdigit() and h not in MONTHS]
    return bool(nouns) and not any(h[:5] == head[:5] or same_office(h, head) for h in heads)


#: head nouns that name the same position ("le patron du groupe" is "Jean-Pierre Farandou, le PDG de
#: l'entreprise"; "le praticien" is "le médecin")
_SYNONYMS = (
    word_set("patron patronne pdg dirigeant dirigeante directeur directrice president-directeur ceo boss"),
    word_set("medecin docteur praticien chirurgien dr"),
    word_set("acteur actrice comedien comedienne"),
    word_set("chanteur chanteuse interprete"),
)


def same_office(a: str, b: str) -> bool:
    """Whether two folded head nouns name the same role: the same word, or synonyms (``_SYNONYMS``)."""
    return a == b or any(a in group and b in group for group in _SYNONYMS)


_HYPERNYMS = frozenset({"elu", "elue", "elus", "responsable", "dirigeant", "dirigeante", "official"})


#: offices named by a phrase whose head alone names another: "le Premier ministre" (= "le chef du gouvernement")
#: is not "le ministre de l'Intérieur X"
_HEAD_GOVERNMENT = r"\b(?:premiere? ministre|chef du gouvernement)\b"


def office_pattern(description: str, head: str) -> str:
    """The pattern of the office a folded description names, to find beside a name: its head noun, or the
    whole office when the head alone names another ("premier ministre", "chef du gouvernement")."""
    if re.search(_HEAD_GOVERNMENT, description):
        return _HEAD_GOVERNMENT
    return rf"\b{re.escape(head)}\b"
