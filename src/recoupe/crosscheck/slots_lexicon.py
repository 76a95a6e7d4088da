"""The words of figure slots (``recoupe.crosscheck.slots``): concepts that say the same thing about a figure,
what a figure measures, crowds, tolls, and the words of time and attribution a frame leaves out."""

from __future__ import annotations

#: words that say the same thing about a figure, folded and singular; the first word names the concept
CONCEPTS: tuple[tuple[str, ...], ...] = (
    ("hausse", "augmentation", "augmente", "augmenter", "progression", "progresse", "progresser", "croissance",
     "accroissement", "revalorisation", "bond", "envol", "grimpe", "rise", "increase", "growth", "grew", "rose",
     "risen", "gain", "jump", "climb"),
    ("baisse", "recul", "recule", "reculer", "diminution", "diminue", "diminuer", "chute", "repli", "contraction",
     "decline", "declined", "fall", "fell", "drop", "dropped", "decrease", "cut", "plunge"),
    ("manifestant", "mobilise", "mobilisation", "participant", "protestataire", "defile", "defiler", "manifeste",
     "manifester", "cortege", "rassemble", "rassembler", "rassemblement", "demonstrator", "protester", "marcher",
     "rally", "protest"),
    ("mort", "deces", "decede", "victime", "tue", "tuer", "perir", "peri", "dead", "death", "killed", "died",
     "fatalitie", "fatality", "toll", "mortel", "meurtrier", "meurtriere"),
    ("blesse", "blessure", "injured", "wounded", "injurie", "injury"),
    ("interpellation", "interpelle", "arrestation", "arrete", "arrest", "arrested", "detained"),
    ("garde", "custody"),  # "82 gardes à vue" of "244 interpellations": a part, not the same count
    ("salaire", "remuneration", "paie", "wage", "salary", "traitement"),
    ("chomage", "chomeur", "unemployment", "jobless"),
    ("prix", "tarif", "cout", "price", "cost"),
    ("participation", "votant", "turnout", "electeur", "vote", "voter", "inscrit"),
    ("voix", "suffrage"),
    ("supplementaire", "nouveau", "additionnel", "extra", "additional", "new"),
    ("vigilance", "alerte", "alert", "warning"),
    ("habitant", "resident", "inhabitant", "pensionnaire"),
    ("eleve", "etudiant", "student", "pupil", "lyceen", "collegien"),
    ("salarie", "employe", "travailleur", "worker", "employee", "staff", "effectif", "emploie", "emploient",
     "employait", "employaient", "employs", "employ"),
    ("evacue", "evacuation", "evacuated", "evacuee", "heliporte", "helitreuille", "airlifted"),
    ("foyer", "menage", "logement", "household", "home"),
    ("offre", "proposition", "offer", "bid"),
    ("rachat", "achat", "acquisition", "buyout", "takeover", "purchase"),
    ("greve", "grevistes", "gréviste", "strike", "striker"),
    ("disparu", "missing"),
    ("report", "reporte", "repousse", "repousser", "reporter", "decale", "decaler", "differe", "postponed",
     "delayed", "postpone", "delay"),
    ("policier", "gendarme", "agent", "officer", "police"),
    ("pompier", "sapeur-pompier", "sapeurs-pompier", "firefighter", "fireman", "firemen"),
    ("train", "tgv", "ter", "rame"),
    ("vol", "avion", "flight"),
    ("budget", "enveloppe", "credit"),
    ("amende", "penalite", "sanction", "fine", "penalty"),
    ("prison", "emprisonnement", "detention", "reclusion", "incarceration", "jail", "imprisonment"),
    ("age", "year-old"),
    ("naissance", "nee", "naitre", "born", "birth"),
    ("emploi", "poste", "embauche", "job", "payroll", "hire", "hiring"),
    ("annuel", "annuelle", "an", "annee", "year", "yearly", "annual"),
    ("mensuel", "mensuelle", "mois", "month", "monthly"),
    ("trimestriel", "trimestre", "quarter", "quarterly"),
)  # fmt: skip
CONCEPT_OF = {word: words[0] for words in CONCEPTS for word in words}
HEADS = frozenset(words[0] for words in CONCEPTS)
#: counted nouns that pool everything ("30 000 personnes", "200 people"): never a slot by themselves
GENERIC = frozenset({"personne", "people", "gen", "individu", "homme", "femme", "person", "fois", "cas", "unite"})
UP, DOWN = "hausse", "baisse"
#: concepts that name what a figure measures (the others say how it moves or over which period)
MEASURES = frozenset(words[0] for words in CONCEPTS) - {
    "hausse", "baisse", "supplementaire", "annuel", "mensuel", "trimestriel", "offre", "age", "naissance"
}  # fmt: skip
#: concepts that tell two slots apart when each frame has a different one ("sur un an" / "sur un mois")
EXCLUSIVE: tuple[frozenset[str], ...] = (
    frozenset({"annuel", "mensuel", "trimestriel"}),
    frozenset({"primaire", "college", "lycee", "universite", "maternelle", "elementaire", "secondaire"}),
    frozenset({"homme", "femme"}),
    frozenset({"naissance", "mort"}),
    frozenset({"adulte", "enfant", "mineur"}),
)
#: counted nouns of a crowd ("550 000 personnes" counted by a union may be its demonstrators), and the
#: generic nouns of people
CROWDS = frozenset({"manifestant", "greve"})
PERSONS = frozenset({"personne", "people", "gen", "individu", "person"})
#: counted nouns of a toll: two bare counts of them in one story are one slot
TOLLS = frozenset({"mort", "blesse", "disparu", "interpellation", "evacue"})
#: counted nouns of a running total (a toll, cases): their values on two days are one count, updated
CUMULATIVE = TOLLS | {"cas", "contamination", "hospitalise"}
TIME_WORDS = frozenset(
    {"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre",
     "decembre", "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december", "heure", "heures", "matin", "soir", "midi", "journee", "hier", "aujourd", "hui",
     "demain", "veille", "lendemain", "semaine", "today", "yesterday", "tomorrow", "week",
     "fin", "debut", "milieu", "mi", "soiree", "matinee", "apres", "end", "morning", "evening", "fois", "time"}
)  # fmt: skip
MONTHS = frozenset(
    {"janvier", "fevrier", "mars", "avril", "mai", "juin", "juillet", "aout", "septembre", "octobre", "novembre",
     "decembre", "january", "february", "march", "april", "june", "july", "august", "september", "october",
     "november", "december"}
)  # fmt: skip
DAYS = frozenset(
    {"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "monday", "tuesday", "wednesday",
     "thursday", "friday", "saturday", "sunday"}
)  # fmt: skip
ATTRIBUTION = frozenset(
    {"selon", "apres", "according", "indique", "affirme", "precise", "declare", "estime", "annonce", "recense",
     "compte", "denombre", "revendique", "avance", "said", "says", "told", "reported", "bilan", "provisoire",
     "dernier", "premier", "etat", "fait", "font", "chiffre", "source", "definitif", "latest", "alourdit",
     "alourdi", "grimpe", "passe", "environ", "contre", "tandis", "etablit", "etablissait", "etabli", "publie",
     "interroge", "interroges", "sonde", "sondes", "consulte", "consultes", "tablaient", "tablait", "attendaient",
     "attendait", "attendu", "attendus", "attendue", "attendues", "economiste", "economistes", "analyste",
     "analystes", "previsionniste", "previsionnistes", "expected", "forecast", "economists", "analysts"}
)  # fmt: skip
#: nouns of a person an age is written after, with "de" ("un homme de 50 ans", "un enseignant de 57 ans")
AGED_PERSONS = frozenset(
    {"homme", "femme", "garcon", "fille", "enfant", "jeune", "adolescent", "adolescente", "bebe", "retraite",
     "retraitee", "enseignant", "enseignante", "professeur", "eleve", "etudiant", "etudiante", "conducteur",
     "conductrice", "automobiliste", "motard", "cycliste", "pieton", "pietonne", "passager", "passagere",
     "victime", "suspect", "assaillant", "tireur", "agresseur", "individu", "touriste", "randonneur",
     "alpiniste", "skieur", "mere", "pere", "fils", "patient", "patiente", "detenu", "militant", "militante",
     "habitant", "habitante", "joueur", "joueuse", "policier", "gendarme", "pompier", "soldat", "militaire",
     "agriculteur", "ouvrier", "ouvriere", "salarie", "salariee", "chauffeur", "pilote", "nageur", "nageuse",
     "coureur", "coureuse"}
)  # fmt: skip
