"""Press furniture: what a newspaper page prints around the article that is not the article.

French sites leave in a scraped text: cross-links ("» LIRE AUSSI - …", "Lire aussi …", "À VOIR AUSSI -",
"Consultez notre dossier : …", "… - Regarder sur Figaro Live"), the site's round-up ("• Nos derniers
articles", "Voici une sélection de nos publications du jour:" and its "» …" lines), photo captions and
credits ("(Photo d'illustration)", "Crédits photo : …", "Photo AFP / …", "© Reuters"), kickers before the
first sentence ("VIDÉO -", "VIDÉOS.", "LE SCAN POLITIQUE -", "INFOGRAPHIE -", "REPORTAGE -", "EXCLUSIF."),
live-page banners ("EN DIRECT - Suivez …"), editor's notes ("(leur fils – NDLR)", "[le 23 novembre, NDLR]":
the note is kept in square brackets, "NDLR" dropped, so it is never read as a name), newsletter and paywall
lines ("Inscrivez-vous à la newsletter", "Cet article est réservé aux abonnés"), contributors' lines
("(avec nos journalistes …)").

``strip_furniture`` removes them so that statements, summaries, titles and entities read the article
only. Agency stamps (``Paris (AFP) -``, ``© 2019 AFP``, a dispatch's time) are **kept**: they say where the
text comes from (``recoupe.stories.wire`` reads them); ``strip_stamps`` removes them too, for text shown
as a summary. Each rule is a small named pattern in ``FURNITURE_RULES``, applied in order.
"""

from __future__ import annotations

import re

__all__ = ["FURNITURE_RULES", "is_furniture", "strip_furniture", "strip_stamps"]

_AGENCY = r"(?:AFP|Reuters|AP|Belga|ATS|Keystone-ATS|PC|Presse Canadienne|dpa|ANSA|EFE)"
_KICKER = (
    r"(?:VID[ÉE]OS?|LE SCAN (?:POLITIQUE|ÉCO|SPORT)|INFOGRAPHIES?|REPORTAGE(?: VID[ÉE]O)?|EXCLUSIF|PHOTOS?|"
    r"EN IMAGES|T[ÉE]MOIGNAGES?|AUDIO|PODCAST|DOCUMENT|R[ÉE]CIT|ALERTE)"
)

#: (name, pattern of a whole line that is furniture); lines are matched after stripping spaces
_LINE_RULES: tuple[tuple[str, str], ...] = (
    ("read-also", (r"(?:[»>•◆▶→-]\s*)?(?:LIRE AUSSI|Lire aussi|À LIRE AUSSI|A LIRE AUSSI|À lire aussi|"
                   r"À VOIR AUSSI|A VOIR AUSSI|À voir aussi|VOIR AUSSI|Voir aussi|Lire la suite|À lire)\b.*")),
    ("dossier", r"(?:Consultez notre dossier|Retrouvez notre dossier|Notre dossier)\b.*"),
    ("watch-on", r"(?:.{0,200}\s[-–]\s+)?Regarder sur [\w ]+(?::.{0,200})?"),
    ("round-up", r"(?:•\s*)?(?:Nos derniers articles|Voici une sélection de nos publications du jour)\s*:?.*"),
    ("round-up-item", r"»\s+.{0,160}"),
    ("live-banner", r"(?:EN DIRECT|DIRECT|LIVE)\s*[-–:|]\s*(?:Suivez|Retrouvez|Revivez).*"),
    ("credit", (r"(?:Crédits?|Credits?)\s*(?:photos?|:)\s*.{0,120}"
                r"|(?:Photo|PHOTO|Illustration)\s*:?\s*[\w ]{0,40}/.{0,80}")),
    ("caption-only", r"\(?Photo d['’]illustration\)?\.?"),
    ("newsletter", r".{0,80}\b(?:[Ii]nscrivez-vous|[Aa]bonnez-vous)\b.{0,120}|.{0,60}\b[Nn]ewsletter\b.{0,80}"),
    ("paywall", r".{0,40}(?:réservé aux abonnés|Il vous reste \d+ ?% de l['’]article|Déjà abonné).{0,80}"),
    ("contributors", r"\((?:avec|With) nos (?:journalistes|correspondants|envoyés)[^)]*\)"),
)  # fmt: skip

#: (name, pattern removed inside a line)
_INLINE_RULES: tuple[tuple[str, str], ...] = (
    ("kicker", r"^\s*" + _KICKER + r"\s*[-–.:]\s+"),
    # a cross-link glued to a paragraph by the scrape: the link to the line's end when short, else the marker
    ("read-also-inline", r"\s*[»>]?\s*(?:À |A )?(?:LIRE|VOIR) AUSSI\s*[-–:]\s*(?:[^\n]{0,150}$)?"),
    ("watch-on-inline", r"\s[-–]\s+Regarder sur Figaro Live\s*:?"),
    ("caption", r"\s*\((?:[Pp]hoto d['’]illustration|[Ii]llustration|[Aa]rchives?)\)"),
    (
        "ndlr",
        (
            r"[(\[]\s*(?:NDLR\s*:\s*)?([^()\[\]]{1,160}?)\s*(?:[,–—-]\s*NDLR\s*)?[)\]](?<=NDLR\)|NDLR\])"
            r"|[(\[]\s*NDLR\s*:\s*([^()\[\]]{1,160}?)\s*[)\]]"
        ),
    ),
)

_STAMPS: tuple[str, ...] = (
    r"^\s*\d{1,2}/\d{1,2}/\d{2,4}\s+\d{1,2}:\d{2}(?::\d{2})?\s*[-–]?\s*$",
    r"^\s*[A-ZÀ-Ý][\w'’ .\-]{0,40}(?:\([\w'’ .\-]+\)\s*)?\(" + _AGENCY + r"\)\s*[-–—]\s*",
    r"^\s*(?:©|\(c\))\s*(?:\d{4}\s*)?" + _AGENCY + r"\s*$",
)

_LINES = [(name, re.compile(pattern)) for name, pattern in _LINE_RULES]
_INLINE = [(name, re.compile(pattern)) for name, pattern in _INLINE_RULES]
_STAMP = [re.compile(pattern, re.MULTILINE) for pattern in _STAMPS]

FURNITURE_RULES: list[str] = [name for name, _ in _LINE_RULES] + [name for name, _ in _INLINE_RULES]


def is_furniture(line: str) -> str | None:
    """The name of the rule a whole line is furniture by, else ``None``."""
    stripped = line.strip()
    for name, pattern in _LINES:
        if pattern.fullmatch(stripped):
            return name
    return None


def _inline(line: str) -> str:
    for name, pattern in _INLINE:
        # an editor's note inside a quotation is kept as a bracketed insertion
        line = pattern.sub(lambda m: f"[{m.group(1) or m.group(2)}]", line) if name == "ndlr" else pattern.sub("", line)
    return line


def strip_furniture(text: str) -> str:
    """``text`` without furniture lines and with kickers, captions and editor's notes removed from lines.

    Paragraphs stay as they were (blank lines kept, runs of them collapsed); agency stamps stay.
    """
    out: list[str] = []
    for line in text.splitlines():
        if line.strip() and is_furniture(line):
            continue
        cleaned = _inline(line) if line.strip() else line
        if line.strip() and not cleaned.strip():
            continue
        if not cleaned.strip() and out and not out[-1].strip():
            continue
        out.append(cleaned)
    return "\n".join(out).strip("\n")


def strip_stamps(text: str) -> str:
    """``text`` without agency stamps (time lines, datelines, copyright lines), for what users read."""
    for pattern in _STAMP:
        text = pattern.sub("", text)
    return text
