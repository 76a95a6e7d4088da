"""Well-known names written several ways across a corpus, and demonyms (which name people, not entities).

Pure data, read by ``entities.py``: ``entity_key`` folds every form of an entry below to one key, so "U.S.",
"US", "United States", "the United States", "USA" and "États-Unis" are one entity in every article and
every face's lookup; the canonical name shown is the entry's name in the article's language.

The gazetteer (``gazetteer.py``) resolves exact, case-sensitive forms inside the spaCy pipeline; this table
works on keys after NER, whatever label the model gave, and so also joins the forms the NER labels
differently (English NORP "Republicans" and ORG "GOP"). French "Les Républicains" (the French party) is not
in it: only the US parties are.

Demonyms ("Americans", "les Français", "Russes") name groups of people; the NER labels them LOC, MISC or
ORG, and two articles mentioning "Américains" do not share an entity. ``DEMONYMS`` lists the masculine
singular forms; ``entities.py`` derives the feminine and plural forms by rule and drops such mentions.
"""

from __future__ import annotations

__all__ = ["DEMONYMS_EN", "DEMONYMS_FR", "KNOWN_NAMES", "KnownName"]

#: (label, French name, English name, other forms): every form gets the key of the French name and the label
KnownName = tuple[str, str, str, tuple[str, ...]]

KNOWN_NAMES: tuple[KnownName, ...] = (
    ("LOC", "États-Unis", "United States", ("U.S.", "US", "U.S.A.", "USA", "United States of America",
                                     "États-Unis d'Amérique", "Etats-Unis", "Etats Unis")),
    ("LOC", "Royaume-Uni", "United Kingdom", ("UK", "U.K.", "Royaume Uni", "Grande-Bretagne", "Great Britain",
                                       "Britain")),
    ("ORG", "Union européenne", "European Union", ("UE", "EU", "E.U.")),
    ("ORG", "Parti républicain", "Republican Party", ("Republican", "Republicans", "GOP", "G.O.P.", "Grand Old Party",
                                               "the Republican Party", "Parti républicain américain")),
    ("ORG", "Parti démocrate", "Democratic Party", ("Democrat", "Democrats", "Democratic", "Dems",
                                             "the Democratic Party", "Parti démocrate américain")),
)  # fmt: skip

#: French demonyms, masculine singular (feminine and plural forms are derived by rule)
DEMONYMS_FR: tuple[str, ...] = (
    "français", "américain", "russe", "chinois", "allemand", "anglais", "britannique", "italien", "espagnol",
    "ukrainien", "israélien", "palestinien", "iranien", "syrien", "turc", "japonais", "belge", "suisse",
    "canadien", "québécois", "européen", "africain", "algérien", "marocain", "tunisien", "libanais", "irakien",
    "afghan", "indien", "pakistanais", "brésilien", "mexicain", "grec", "polonais", "portugais", "néerlandais",
    "hongrois", "roumain", "saoudien", "égyptien", "coréen", "nord-coréen", "sud-coréen", "vénézuélien",
    "argentin", "australien", "kurde", "arménien", "géorgien", "biélorusse", "serbe", "croate", "irlandais",
    "écossais", "suédois", "norvégien", "danois", "finlandais", "autrichien", "libyen", "malien", "sénégalais",
    "ivoirien", "congolais", "nigérian", "éthiopien", "soudanais", "yéménite", "qatari", "émirati", "turque",
    "parisien", "marseillais", "lyonnais", "corse", "breton", "alsacien", "francilien", "occidental",
)  # fmt: skip

#: English demonyms, every form written (English plurals are not regular enough for a rule)
DEMONYMS_EN: tuple[str, ...] = (
    "American", "Americans", "French", "Frenchman", "Frenchmen", "Russian", "Russians", "Chinese", "German",
    "Germans", "British", "Briton", "Britons", "Brit", "Brits", "English", "Italian", "Italians", "Spanish",
    "Spaniard", "Spaniards", "Ukrainian", "Ukrainians", "Israeli", "Israelis", "Palestinian", "Palestinians",
    "Iranian", "Iranians", "Syrian", "Syrians", "Turk", "Turks", "Turkish", "Japanese", "Canadian", "Canadians",
    "European", "Europeans", "African", "Africans", "Mexican", "Mexicans", "Indian", "Indians", "Pakistani",
    "Pakistanis", "Afghan", "Afghans", "Iraqi", "Iraqis", "Saudi", "Saudis", "Korean", "Koreans", "North Korean",
    "North Koreans", "South Korean", "South Koreans", "Brazilian", "Brazilians", "Greek", "Greeks", "Polish",
    "Pole", "Poles", "Dutch", "Swiss", "Belgian", "Belgians", "Egyptian", "Egyptians", "Kurd", "Kurds",
    "Kurdish", "Australian", "Australians", "Venezuelan", "Venezuelans", "Cuban", "Cubans", "Irish",
    "Scottish", "Scots", "Swedish", "Swede", "Swedes", "Norwegian", "Norwegians", "Danish", "Dane", "Danes",
    "Lebanese", "Libyan", "Libyans", "Yemeni", "Yemenis", "Qatari", "Qataris", "Emirati", "Emiratis",
    "Texan", "Texans", "Californian", "Californians", "New Yorker", "New Yorkers", "Parisian", "Parisians",
    "Westerner", "Westerners",
)  # fmt: skip
