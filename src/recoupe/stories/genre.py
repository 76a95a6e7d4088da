"""Genre: is an article a news report, or an opinion, analysis, explainer, interview, live blog or digest?

A story is one happening told by the articles that report it. Pieces *about* it (an editorial, a column,
an explainer, an interview, a live blog, the day's digest) are shown with the story as **related**, never
as members: they read alike (same names, same topic) and, as members, glue together the events of a
running story. ``genre_of`` reads the conventions French (and English) newspapers mark genres with:

1. the **URL section**: ``/vox/``, ``/editos-du-point/``, ``/invites-du-point/``, ``/debats/``,
   ``/opinion/``, ``/chroniques/``, ``/tribunes/``, ``/blogs/``, ``/live/``, ``/direct/``;
2. the **kicker** opening the lead, in capitals: ``ANALYSE -``, ``DÉCRYPTAGE -``, ``FIGAROVOX/TRIBUNE -``,
   ``INTERVIEW -``, ``ENTRETIEN.``, ``EN DIRECT -``, ``REPLAY -``, ``FOCUS -``, ``INFOGRAPHIES -``,
   ``LE MOT DU JOUR -``, ``QUIZ -``, ``REVUE DE PRESSE.``, ``PORTRAIT -`` (``INFOGRAPHIE -`` is a format: news);
3. the **title**: a rubric before it ("Éditorial.", "Le billet de …", "Chronique", "Tribune", "Table
   ronde.", "À la une ce …", "Ce qu'il ne fallait pas rater"), a columnist's name and a hyphen
   ("Coignard - …", "Michel Richard - …"), a name followed by a quotation in guillemets without a colon
   ("Fabien Jobard « … »": an interview), a question opened by an interrogative word ("Comment …?",
   "Pourquoi …?", "Qui est …?": an explainer);
4. the **signature** opening the lead: "Par Cécile Cukierman, sénatrice …", "L'éditorial de …".

Whatever none of them marks is news (``Genre.NEWS``); reports and "VIDÉO -", "EXCLUSIF" or "LE SCAN
POLITIQUE -" kickers stay news. What is guessed: a site's own conventions beyond these (an unmarked
column reads as news), and a question headline on a report ("Comment … ?" on a news story) reads as an
explainer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum

__all__ = ["GENRE_RULES", "Genre", "genre_of", "is_news"]


class Genre(Enum):
    NEWS = "news"
    OPINION = "opinion"  # editorial, column, tribune, billet, cartoon
    ANALYSIS = "analysis"
    EXPLAINER = "explainer"  # questions, focus, figures, previews, glossary
    INTERVIEW = "interview"
    LIVE = "live"  # live blog, replay
    DIGEST = "digest"  # the day's or week's round-up, press review, quiz, newsletter


_URL_SECTIONS: tuple[tuple[str, Genre], ...] = (
    ((r"/(?:vox|editos?(?:-du-point)?|editoriaux|editorial|opinions?|chroniques?|tribunes?|blogs?|debats|idees|"
      r"invites-du-point|points-de-vue|columns?|commentary)(?:/|$)"), Genre.OPINION),
    (r"/(?:live|direct|en-direct|live-blog)(?:/|$)", Genre.LIVE),
    (r"/(?:analyse|analysis|decryptage)(?:/|$)", Genre.ANALYSIS),
)  # fmt: skip

_KICKERS: tuple[tuple[str, Genre], ...] = (
    ((r"(?:FIGARO\s*VOX\s*/\s*)?(?:TRIBUNE|CHRONIQUE|ÉDITORIAL|EDITORIAL|ÉDITO|EDITO|BILLET|OPINION|HUMEUR|"
      r"LE DESSIN|LA CHRONIQUE|POINT DE VUE|LETTRE OUVERTE)"), Genre.OPINION),
    (r"(?:FIGARO\s*VOX\s*/\s*)?(?:ANALYSE|DÉCRYPTAGE|DECRYPTAGE|ENQUÊTE-ANALYSE)", Genre.ANALYSIS),
    (r"(?:FIGARO\s*VOX\s*/\s*)?(?:INTERVIEW(?: VIDÉO)?|ENTRETIEN|GRAND ENTRETIEN)", Genre.INTERVIEW),
    (r"(?:EN DIRECT|DIRECT|REPLAY|LIVE|MINUTE PAR MINUTE)", Genre.LIVE),
    (r"(?:FOCUS|LE MOT DU JOUR|QUESTION DU JOUR|FAQ|EXPLICATIONS?|PORTRAIT|LEXIQUE|CHRONOLOGIE)", Genre.EXPLAINER),
    (r"(?:QUIZ+|REVUE DE PRESSE|LA LETTRE|NEWSLETTER)", Genre.DIGEST),
    (r"FIGARO\s*VOX", Genre.OPINION),
)  # fmt: skip
_KICKER_END = r"\s*(?:[-–—.:|/]|\s(?=[A-ZÀ-Ýa-zà-ÿ«\"]))"

_TITLE_RUBRICS: tuple[tuple[str, Genre], ...] = (
    ((r"(?:l['’]\s*)?[ée]ditorial\b|[ée]dito\b|le billet\b|la chronique\b|chronique\b|tribune\b|contre-feux\b|"
      r"le bloc-notes\b|ma chronique\b|mediatoc\b|ils n['’]ont pas honte\b|le dessin\b|humeur\b|"
      r"point de vue\b|lettre ouverte\b|le mot de la semaine\b|la minute antique\b|le clash culture\b|"
      r"tribune libre\b"), Genre.OPINION),
    (r"table ronde\b|entretien\b|interview\b", Genre.INTERVIEW),
    ((r"à la une (?:ce|cette)\b|ce qu['’]il ne fallait pas (?:rater|louper)\b|les \d+ infos\b|"
      r"la lettre du figaro\b|revue de presse\b|quiz\b|avez-vous bien suivi\b"), Genre.DIGEST),
    (r"(?:«\s*)?[^»]{0,60}\breplay\b|en direct\b|live\b", Genre.LIVE),
)  # fmt: skip
_QUESTION_WORDS = (
    r"comment|pourquoi|qu['’]est-ce|qu['’]y a-t-il|que\b|qu['’]|quels?|quelles?|qui est|qui sont|à quoi|a quoi|"
    r"combien|faut-il|peut-on|doit-on|où|ou en est|why|how|what|who is|should"
)
_NAME = r"[A-ZÀ-Ý][\w'’\-]+(?:\s+(?:de |d['’]|du |le |la )?[A-ZÀ-Ý][\w'’\-]+){0,2}"
_DETERMINERS = r"(?!(?:Le|La|Les|L['’]|Un|Une|Des|Du|De|Ces|Ce|Cet|Cette|Son|Sa|Ses|Leur|Leurs|Liste|The|A|An)\b)"
# a first and last name (or a name in capitals): two or three capitalised words, no determiner
_PERSON = _DETERMINERS + r"[A-ZÀ-Ý][\w'’\-]+(?:\s+(?:de |d['’]|du |le |la )?[A-ZÀ-Ý][\w'’\-]+){1,2}"


def _by_url(url: str, title: str, lead: str) -> Genre | None:
    del title, lead
    path = re.sub(r"^[a-z]+://[^/]+", "", url.casefold())
    for pattern, genre in _URL_SECTIONS:
        if re.search(pattern, path):
            return genre
    return None


def _by_kicker(url: str, title: str, lead: str) -> Genre | None:
    del url
    for text in (lead, title):
        for pattern, genre in _KICKERS:
            if re.match(pattern + _KICKER_END, text.lstrip()):
                return genre
    return None


def _by_rubric(url: str, title: str, lead: str) -> Genre | None:
    del url, lead
    folded = title.strip().casefold()
    for pattern, genre in _TITLE_RUBRICS:
        if re.match(pattern, folded):
            return genre
    return None


def _by_columnist(url: str, title: str, lead: str) -> Genre | None:
    """Signed columns: "Coignard - …", "Michel Richard - …", "Chronique d'un flic #9 - …", "FOG - …"."""
    del url, lead
    if re.match(r"(?:" + _NAME + r"|[A-Z]{2,5}|[\w'’ ]{3,30}#\d+)\s+-\s+\S", title.strip()):
        return Genre.OPINION
    return None


def _by_quoted_title(url: str, title: str, lead: str) -> Genre | None:
    """A first and last name then a quoted sentence, no colon: "Fabien Jobard « Face aux … »" (an interview)."""
    del url, lead
    if re.fullmatch(_PERSON + r"\s+«\s*[A-ZÀ-Ý][^»]{10,}»\s*\.?", title.strip()):
        return Genre.INTERVIEW
    return None


def _by_signature(url: str, title: str, lead: str) -> Genre | None:
    """A lead opening on its author and their function: "Par Cécile Cukierman, sénatrice …" (a tribune)."""
    del url, title
    if re.match(r"(?:Par|By)\s+" + _PERSON + r"\s*,\s*[a-zà-ÿ]", lead.lstrip()):
        return Genre.OPINION
    if re.match(r"(?:l['’]\s*)?[ée]dito(?:rial)?\s+de\s+[A-ZÀ-Ý]", lead.lstrip(), re.IGNORECASE):
        return Genre.OPINION
    return None


def _by_question(url: str, title: str, lead: str) -> Genre | None:
    del url, lead
    stripped = re.sub(r"^[^:]{0,40}:\s*", "", title.strip()) if ":" in title[:42] else title.strip()
    folded = stripped.casefold()
    if stripped.endswith("?") and (
        re.match(r"(?:" + _QUESTION_WORDS + r")", folded) or re.search(r"c['’]est quoi|qu['’]est-ce qu", folded)
    ):
        return Genre.EXPLAINER
    return None


Rule = Callable[[str, str, str], Genre | None]

#: tried in order; the first that names a genre wins
GENRE_RULES: list[Rule] = [
    _by_url,
    _by_kicker,
    _by_rubric,
    _by_columnist,
    _by_quoted_title,
    _by_signature,
    _by_question,
]


def genre_of(title: str, lead: str = "", url: str | None = None) -> Genre:
    """The genre of an article from its ``title``, the start of its ``lead`` (or body) and its ``url``."""
    for rule in GENRE_RULES:
        genre = rule(url or "", title or "", lead or "")
        if genre is not None:
            return genre
    return Genre.NEWS


def is_news(genre: Genre) -> bool:
    """Whether articles of ``genre`` are a story's members (news), not its related pieces."""
    return genre is Genre.NEWS
