"""Interviews and dialogues: who speaks each turn of a question/answer layout or of a dash dialogue.

``turns(ctx)`` reads the lines of ``Article.text`` (title, lead and body joined by line breaks) and returns
the turns of speech laid out there. The first layout rule of ``LAYOUTS`` that recognises the article
answers:

1. ``qa_prefixes``: ``Q:`` / ``R:`` lines (``Question :``, ``Réponse :``), the AFP interview layout; the
   paragraphs after an answer, up to the next question, continue it;
2. ``name_prefixes``: lines opened by a speaker's name and a colon or a dash (``Thomas Piketty : …``,
   ``MARINE LE PEN. - …``); lines opened by the outlet (``LE FIGARO. -``) or a journalist are questions;
3. ``dash_questions``: an interview whose questions are dash lines (``– Pourquoi … ?``) and whose answers
   are the plain paragraphs after them;
4. ``question_lines``: an announced interview whose questions are lines ending with ``?`` (the bold of the
   page lost in extraction), each followed by its answer;
5. ``dash_dialogue``: two or more dash lines in a row, each a turn: an incise names its speaker
   (``– Les images ne montrent pas tout, répond le prévenu.``), the other turns alternate between the two
   people (a turn is spoken by whoever spoke two turns before or after it).

``name_colon_quotes`` adds, on any article, a line ``Name : « … »`` (a title giving a person's words).

An answer with no name of its own (``speaker`` None) is the interviewee's: ``interviewee`` finds the person
the title or lead announces ("Interview de X", "Entretien avec X", "X répond à nos questions", "X, invité
de …"); when none is announced, ``quotes`` takes the speaker of the lead, else the person named most.
Questions are the journalist's: they are no quotes.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from recoupe.enrich import referent_words as lex
from recoupe.enrich.quotes_marks import QUOTE_CHARS
from recoupe.enrich.quotes_parse import Context, NounPhrase
from recoupe.enrich.referents import can_speak
from recoupe.enrich.speech import fold

if TYPE_CHECKING:
    from recoupe.model import Mention

__all__ = ["LAYOUTS", "Line", "Turn", "interviewee", "lines_of", "most_named", "name_colon_quotes", "turns"]


@dataclass(frozen=True, slots=True)
class Line:
    """A non-empty line of the text: ``start:end`` without the surrounding spaces."""

    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Turn:
    """One turn of speech: ``start:end`` are the words (prefix and incise left out, quotation marks around
    the whole turn left out); ``line`` the line it stands on; ``question`` for the journalist's questions;
    ``speaker`` the phrase that names who speaks when the layout tells (None: the interviewee);
    ``cue`` the prefix or incise verb as written."""

    start: int
    end: int
    line: Line
    question: bool = False
    speaker: NounPhrase | None = None
    cue: str | None = None
    cue_start: int | None = None


Layout = Callable[[Context, Sequence[Line]], "list[Turn] | None"]

_DASHES = "-\u2013\u2014"
_QA = re.compile(r"(?P<label>(?:Q|R|Question|Réponse|Reponse)\s*[:.]|(?:Q|R)\s*[-–—])\s*(?=\S)")
_PREFIX = re.compile(
    r"(?:\*\*)?(?P<name>[A-ZÀ-Ý][\w'’.\-]*(?:\s+[\w'’.\-]+){0,4}?)(?:\*\*)?"
    r"(?P<sep>\s*:|\.\s*[-–—]|\s+[-–—])(?:\*\*)?\s+(?=\S)"
)
_DASH_LINE = re.compile(r"[-–—]\s+(?=\S)")
_TRAILER = re.compile(
    r"(?:propos recueillis|recueillis par|\(?afp\)?\s*(?:-|$)|©|copyright|\d{1,2}/\d{1,2}/\d{4})",
    re.IGNORECASE,
)
#: press furniture and kickers: no turn, and the end of one ("LIRE AUSSI -", "INTERVIEW VIDÉO -", "Regarder sur")
_FURNITURE = re.compile(
    r"(?:»\s*)?(?:(?:à\s+)?lire aussi|(?:à\s+)?voir aussi|à revoir|regarder sur|replay|reportage|vid[ée]o|"
    r"interview|entretien|grand entretien|exclusif|tribune|dossier|retrouvez|consultez|photo)\b"
    r"|.*(?:regarder sur|/(?:REA|AFP|SIPA|MAXPPP|Reuters|Hans Lucas)\b|\bpour « ?le point ?»)",
    re.IGNORECASE,
)
_ANNOUNCE_AFTER = re.compile(
    r"\b(?:(?:interview|entretien|conversation|tête-à-tête)\s+(?:exclusi(?:f|ve)\s+)?(?:avec|de|d'|d’)\s*"
    r"|rencontre\s+avec\s+|questions\s+(?:à|a)\s+)",
    re.IGNORECASE,
)
#: an interview is announced in its title, lead or first paragraph
ANNOUNCE_LINES = 3
_ANNOUNCE_BEFORE = re.compile(
    r"(?:\brépond(?:ait|ra|u)?\s+(?:à|a|aux)\s+(?:nos|des|les)?\s*questions?|\bse\s+confie|\bs'est\s+confiée?"
    r"|\bs’est\s+confiée?|\b(?:est|était|était)\s+l[’']invitée?\b|\ba\s+accordé\s+(?:un\s+entretien|une\s+interview))",
    re.IGNORECASE,
)
_SECOND_PERSON = re.compile(r"\b(?:vous|votre|vos|tu|te|ton|ta|tes|je|j'|j’|me|m'|m’|moi|mon|ma|mes)\b", re.IGNORECASE)
_YOU = re.compile(r"\b(?:vous|votre|vos|tu|te|toi|ton|ta|tes)\b|-(?:vous|tu)\b", re.IGNORECASE)
_END_PUNCT = '.!?…»"”'


def lines_of(text: str) -> list[Line]:
    """The non-empty lines of ``text``, stripped."""
    out: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        lead = len(raw) - len(raw.lstrip())
        body = raw.strip()
        if body:
            out.append(Line(pos + lead, pos + lead + len(body)))
        pos += len(raw) + 1
    return out


def _words_span(ctx: Context, start: int, end: int) -> tuple[int, int]:
    """``start:end`` without quotation marks wrapping the whole span (one pair of marks around it)."""
    text = ctx.text
    while start < end and text[start].isspace():
        start += 1
    if end - start > 2 and text[start] in QUOTE_CHARS:
        span = ctx.marked_at(start)
        if span is not None and span.close_at >= end - 2 and text[span.close_at + 1 : end].strip() in {"", "."}:
            return span.start, span.end
    return start, end


def _trailer(ctx: Context, line: Line) -> bool:
    """A line that closes an interview: a signature, a credit, a dateline, a short label."""
    body = ctx.text[line.start : line.end]
    if _TRAILER.match(body) or (_TRAILER.search(body[:40]) and len(body) < 80) or _FURNITURE.match(body):
        return True
    return len(body.split()) <= 5 and body[-1] not in _END_PUNCT


_PARTICLES = frozenset({"de", "du", "des", "d'", "d’", "le", "la", "von", "van", "ben", "el", "al", "di", "da"})


def _name_shaped(text: str) -> bool:
    """Two to four words, each capitalised but for name particles ("Marine Le Pen", "JEAN-LUC MÉLENCHON")."""
    words = text.split()
    return 2 <= len(words) <= 4 and all(w[:1].isupper() or fold(w) in _PARTICLES for w in words)


def _phrase(ctx: Context, start: int, end: int) -> NounPhrase:
    """The phrase of a name prefix, with the mention it names: one written there, else a person of the
    article whose name holds all its words ("LE PEN" → Marine Le Pen). A name in capitals with no
    mention is written as a name ("MARINE LE PEN" → "Marine Le Pen")."""
    text = ctx.text[start:end]
    m = ctx.mention_at(start, end)
    if m is not None and m.label in {"PER", "ORG"} and m.end - m.start >= 0.8 * (end - start):
        return NounPhrase(start, end, text, m)
    last = next((o for o in ctx.mentions if start < o.start and o.end == end and o.label == "PER"), None)
    if last is not None:  # "INTERVIEW. Édouard Philippe :": the name after a kicker
        return NounPhrase(last.start, end, ctx.text[last.start : end], last)
    words = set(re.findall(r"[\w'’-]+", fold(text))) - {"m", "mme", "me", "dr", "pr"}
    for other in ctx.mentions:
        if other.label != "PER" or not words:
            continue
        names = set(re.findall(r"[\w'’-]+", fold(other.canonical))) | set(re.findall(r"[\w'’-]+", fold(other.text)))
        if words <= names:
            return NounPhrase(start, end, text, other)
    return NounPhrase(start, end, text.title() if text.isupper() else text, None)


def _name_end(text: str, m: re.Match[str]) -> int:
    end = m.end("name")
    while text[end - 1] == "." and end - 1 > m.start("name"):
        end -= 1
    return end


def _speaks(ctx: Context, phrase: NounPhrase) -> bool:
    """A prefix that names someone: a person or organisation of the article, or a person's name the
    entity tagger missed (no place or work named there)."""
    first = fold(phrase.text).replace("'", "' ").replace("’", "' ").split()[:1]
    if first and first[0] in lex.DETERMINERS:
        return False  # "L'éditorial du Figaro : « Sans illusions »" names no one
    if phrase.mention is not None:
        return phrase.mention.label == "PER"
    other = ctx.mention_at(phrase.start, phrase.end)
    covered = other is not None and other.end - other.start >= 0.8 * (phrase.end - phrase.start)
    return _name_shaped(phrase.text) and (other is None or other.label == "PER" or not covered)


# --- layouts, in order ----------------------------------------------------------------------------------


def qa_prefixes(ctx: Context, lines: Sequence[Line]) -> list[Turn] | None:
    """``Q:`` questions and ``R:`` answers; plain paragraphs after an answer continue it."""
    text = ctx.text
    marks = [_QA.match(text, line.start, line.end) for line in lines]
    labels = [fold(m.group("label"))[:1] if m is not None else "" for m in marks]
    if labels.count("q") < 1 or labels.count("r") < 1:
        return None
    out: list[Turn] = []
    state = ""
    for line, found, label in zip(lines, marks, labels, strict=True):
        if found is not None:
            state = label
            start, end = _words_span(ctx, found.end(), line.end)
            cue = found.group("label").strip()
            out.append(Turn(start, end, line, label == "q", None, cue, line.start))
        elif state == "r" and not _trailer(ctx, line):
            start, end = _words_span(ctx, line.start, line.end)
            out.append(Turn(start, end, line))
        else:
            state = ""
    return out


def _asks(phrase: NounPhrase) -> bool:
    """Whether a prefix names the interviewer: an outlet, a media noun, a journalist."""
    folded = fold(phrase.text).strip(" .*")
    first = folded.replace("'", "' ").split()[:2]
    return (
        folded in lex.MEDIA_NAMES
        or any(w in lex.MEDIA_NOUNS or w.startswith(("journalist", "question", "figarovox")) for w in first)
        or (phrase.mention is not None and fold(phrase.mention.canonical) in lex.MEDIA_NAMES)
    )


def _prefixed(ctx: Context, line: Line) -> tuple[NounPhrase, int] | None:
    """The name opening a line and where its words start; None for a plain line, press furniture, a
    caption (``Name: «…» - Regarder sur …``) or a title quote (``Name : « … »``, see ``name_colon_quotes``)."""
    text = ctx.text
    m = _PREFIX.match(text, line.start, line.end)
    if m is None or text[m.end() : line.end][:1] in _DASHES or _trailer(ctx, line):
        return None
    if _words_span(ctx, m.end(), line.end)[0] != m.end():  # one quotation: a title or a caption, no turn
        return None
    phrase = _phrase(ctx, m.start("name"), _name_end(text, m))
    if not _speaks(ctx, phrase) and not _asks(phrase):
        return None
    return phrase, m.end()


def _apart(found: Sequence[object | None]) -> bool:
    """Whether named lines stand more than two lines apart (captions scattered in an article, not a
    debate)."""
    at = [k for k, f in enumerate(found) if f is not None]
    return any(b - a > 3 for a, b in itertools.pairwise(at))


def name_prefixes(ctx: Context, lines: Sequence[Line]) -> list[Turn] | None:
    """Lines opened by a name: the speakers' turns; the outlet's or journalist's lines are questions.
    Plain paragraphs after a turn continue it, but for a line ending with ``?`` (a question whose bold
    prefix was lost); an interviewer and a speaker, or two speakers taking three turns, make the layout."""
    found = [_prefixed(ctx, line) if k else None for k, line in enumerate(lines)]  # a title is no turn
    named = [f for f in found if f is not None]
    speakers = [fold(p.text) for p, _ in named if not _asks(p)]
    asking = len(speakers) < len(named)
    if not speakers or (not asking and (len(set(speakers)) < 2 or len(speakers) < 3 or _apart(found))):
        return None
    said = [ctx.text[line.start : line.end].rstrip()[-1:] for line, f in zip(lines, found, strict=True) if f]
    if not asking and any(end not in _END_PUNCT for end in said):
        return None  # "Olivier Véran : le ministre annonce …": headlines of a live page, not turns of a debate
    out: list[Turn] = []
    current: NounPhrase | None = None
    for line, item in zip(lines, found, strict=True):
        if item is not None:
            phrase, words = item
            current = None if _asks(phrase) else phrase
            start, end = _words_span(ctx, words, line.end)
            cue = ctx.text[line.start : words].strip()
            out.append(Turn(start, end, line, current is None, current, cue, line.start))
        elif current is not None and not _trailer(ctx, line):
            start, end = _words_span(ctx, line.start, line.end)
            out.append(Turn(start, end, line, _asked(ctx, line) and asking, current))
        else:
            current = None
    return out


def _dash(ctx: Context, line: Line) -> int | None:
    """Where the words of a dash line start (None for a plain line, an intertitle ``- "…" -``, a
    signature ``– Name, role``)."""
    body = ctx.text[line.start : line.end]
    m = _DASH_LINE.match(body)
    if m is None or body.rstrip()[-1:] in _DASHES or body[-1] not in _END_PUNCT:
        return None
    return line.start + m.end()


def _asked(ctx: Context, line: Line) -> bool:
    body = ctx.text[line.start : line.end].rstrip(' »"”')
    return body.endswith(("?", "…", "...")) and len(body) < 400


def dash_questions(ctx: Context, lines: Sequence[Line]) -> list[Turn] | None:
    """Dash lines asking a question, each followed by plain paragraphs answering it."""
    dashed = [_dash(ctx, line) for line in lines]
    pairs = sum(
        1
        for k in range(len(lines) - 1)
        if dashed[k] is not None and _asked(ctx, lines[k]) and dashed[k + 1] is None and not _trailer(ctx, lines[k + 1])
    )
    if pairs < 2 or any(d is not None and not _asked(ctx, line) for line, d in zip(lines, dashed, strict=True)):
        return None
    questions = [line for line, d in zip(lines, dashed, strict=True) if d is not None]
    if not _addressed(ctx, questions, 0.5) and interviewee(ctx, questions[0].start) is None:
        return None  # questions as intertitles of an explainer, not put to someone
    return _question_answer(ctx, lines, [d is not None for d in dashed], dashed)


def _addressed(ctx: Context, questions: Sequence[Line], share: float) -> bool:
    """At least ``share`` of the questions are put to someone ("vous", "votre"): an interview, not an
    explainer's intertitles."""
    put = sum(1 for line in questions if _YOU.search(ctx.text[line.start : line.end]))
    return put >= share * len(questions)


def question_lines(ctx: Context, lines: Sequence[Line]) -> list[Turn] | None:
    """An announced interview: lines ending with ``?`` ask, the plain lines after them answer."""
    asked = [_asked(ctx, line) and ctx.text[line.start] not in QUOTE_CHARS for line in lines]
    pairs = sum(1 for k in range(len(lines) - 1) if asked[k] and not asked[k + 1])
    first = next((k for k, a in enumerate(asked) if a), None)
    questions = [line for line, a in zip(lines, asked, strict=True) if a]
    if (
        pairs < 2
        or first is None
        or not _addressed(ctx, questions, 0.01)
        or interviewee(ctx, lines[first].start) is None
    ):
        return None
    return _question_answer(ctx, lines, asked, [None] * len(lines))


def _question_answer(
    ctx: Context, lines: Sequence[Line], asked: Sequence[bool], starts: Sequence[int | None]
) -> list[Turn]:
    out: list[Turn] = []
    answering = False
    for line, question, begin in zip(lines, asked, starts, strict=True):
        if question:
            answering = True
            out.append(Turn(begin or line.start, line.end, line, question=True))
        elif answering and not _trailer(ctx, line):
            named = _leading_name(ctx, line)
            start, end = _words_span(ctx, named.end + 1 if named is not None else line.start, line.end)
            out.append(Turn(start, end, line, False, named))
        else:
            answering = False
    return out


def _leading_name(ctx: Context, line: Line) -> NounPhrase | None:
    """A person's name opening an answer, its bold and colon lost ("Marc Fesneau Cette crise est …")."""
    m = ctx.mention_at(line.start, line.start + 1)
    if m is None or m.label != "PER" or m.start != line.start:
        return None
    after = ctx.text[m.end : m.end + 2]
    return NounPhrase(m.start, m.end, m.text, m) if after[:1] == " " and after[1:].isupper() else None


def _incise(ctx: Context, start: int, end: int) -> tuple[int, NounPhrase, str, int] | None:
    """``… ? demande la présidente.`` / ``…, répond le prévenu.``: where the words end, the speaker, the
    verb group as written and where it starts."""
    doc = ctx.doc
    k, limit = ctx.token_at(start), ctx.token_at(end)
    while k < limit:
        tok = doc[k]
        if tok.text in {",", "?", "!", "…", "...", "?!"} and k + 1 < limit:
            group = ctx.verb_group_at(k + 1)
            if group is not None and ctx.is_say(doc[group.verb]):
                subject = ctx.inverted_subject(group, limit)
                if subject is not None and _person(ctx, subject):
                    words_end = tok.idx + (len(tok.text) if tok.text != "," else 0)
                    return words_end, subject, ctx.text[group.start : group.end], group.start
        k += 1
    return None


def _person(ctx: Context, phrase: NounPhrase) -> bool:
    """A phrase that may name someone talking: a person, a pronoun, a person's title ("la présidente")."""
    if phrase.mention is not None or phrase.pronoun:
        return phrase.mention is None or phrase.mention.label == "PER"
    return can_speak(ctx, phrase.text, phrase.start)


def dash_dialogue(ctx: Context, lines: Sequence[Line]) -> list[Turn] | None:
    """Runs of two or more dash lines: each a turn, spoken by the incise's subject or, by alternation, by
    whoever spoke two turns before or after."""
    out: list[Turn] = []
    run: list[tuple[Line, int]] = []
    for line in [*lines, None]:
        begin = _dash(ctx, line) if line is not None else None
        if line is not None and begin is not None:
            run.append((line, begin))
            continue
        if len(run) >= 2:
            out.extend(_dialogue(ctx, run))
        run = []
    return out or None


def _dialogue(ctx: Context, run: Sequence[tuple[Line, int]]) -> list[Turn]:
    if any(line.end - line.start > 400 for line, _ in run):
        return []  # paragraphs of a list, not people talking
    said = [_incise(ctx, begin, line.end) for line, begin in run]
    spoken = sum(1 for line, _ in run if _SECOND_PERSON.search(ctx.text[line.start : line.end]))
    if not any(said) and spoken < 2:
        return []  # a list of points, not people talking
    known = {k: s[1] for k, s in enumerate(said) if s is not None}
    speakers: list[NounPhrase | None] = []
    for k in range(len(run)):
        same = [j for j in known if (j - k) % 2 == 0]  # the same side of the dialogue
        speakers.append(known[min(same, key=lambda j: abs(j - k))] if same else None)
    out: list[Turn] = []
    for (line, begin), incise, speaker in zip(run, said, speakers, strict=True):
        end = incise[0] if incise is not None else line.end
        start, end = _words_span(ctx, begin, end)
        cue, cue_start = (incise[2], incise[3]) if incise is not None else (None, None)
        if speaker is not None:
            out.append(Turn(start, end, line, False, speaker, cue, cue_start))
    return out


LAYOUTS: tuple[Layout, ...] = (qa_prefixes, name_prefixes, dash_questions, question_lines, dash_dialogue)


def name_colon_quotes(ctx: Context, lines: Sequence[Line]) -> list[Turn]:
    """A line ``Name : « … »`` (a title giving a named person's words): a turn of that person."""
    out: list[Turn] = []
    for line in lines:
        m = _PREFIX.match(ctx.text, line.start, line.end)
        if m is None or ":" not in m.group("sep") or ctx.text[m.end()] not in QUOTE_CHARS:
            continue
        span = ctx.marked_at(m.end())
        if span is None or ctx.text[span.close_at + 1 : line.end].strip(" .!?"):
            continue
        phrase = _phrase(ctx, m.start("name"), _name_end(ctx.text, m))
        if _speaks(ctx, phrase):
            out.append(Turn(span.start, span.end, line, False, phrase, None, None))
    return out


def turns(ctx: Context, layouts: Sequence[Layout] = LAYOUTS) -> list[Turn]:
    """The turns of the first layout that recognises the article, and the ``Name : « … »`` lines."""
    lines = lines_of(ctx.text)
    found: list[Turn] = []
    if len(lines) >= 2:
        for layout in layouts:
            got = layout(ctx, lines)
            if got:
                found = got
                break
    taken = {t.line for t in found}
    found += [t for t in name_colon_quotes(ctx, lines) if t.line not in taken]
    return sorted(found, key=lambda t: t.start)


# --- the interviewee ------------------------------------------------------------------------------------


def interviewee(ctx: Context, before: int) -> NounPhrase | None:
    """The person an interview announces before ``before`` (its first question): "Interview de X",
    "Entretien avec le ministre X", "X répond à nos questions", "X se confie", "X était l'invité de …"."""
    lines = lines_of(ctx.text[:before])
    text = ctx.text[: lines[min(len(lines), ANNOUNCE_LINES) - 1].end] if lines else ""
    for m in _ANNOUNCE_AFTER.finditer(text):
        person = _person_after(ctx, m.end(), min(len(text), m.end() + 90))
        if person is not None:
            return person
    for m in _ANNOUNCE_BEFORE.finditer(text):
        person = _person_before(ctx, m.start())
        if person is not None:
            return person
    return None


def _person_after(ctx: Context, lo: int, hi: int) -> NounPhrase | None:
    sent_end = ctx.sentence_of(lo)[1]
    for m in ctx.mentions:
        if m.start < lo or m.start >= min(hi, sent_end):
            continue
        if m.label == "PER" and not ctx.quoted(m.start):
            return NounPhrase(m.start, m.end, m.text, m)
    return None


def _person_before(ctx: Context, at: int) -> NounPhrase | None:
    lo = ctx.sentence_of(at)[0]
    for m in ctx.mentions_before(at):
        if m.start < lo:
            break
        if m.label == "PER" and not ctx.quoted(m.start) and not _complement(ctx.text, m.start):
            return NounPhrase(m.start, m.end, m.text, m)
    return None


def _complement(text: str, start: int) -> bool:
    return fold(text[max(0, start - 4) : start]).endswith(("de ", "du ", "des ", "d'"))


def most_named(ctx: Context, outside: Sequence[tuple[int, int]] = ()) -> NounPhrase | None:
    """The person the article names most (outside ``outside`` spans and quotes), first mention."""
    counts: dict[str, list[Mention]] = {}
    for m in ctx.mentions:
        if m.label == "PER" and not ctx.quoted(m.start) and not any(a <= m.start < b for a, b in outside):
            counts.setdefault(m.key, []).append(m)
    if not counts:
        return None
    group = max(counts.values(), key=len)
    return NounPhrase(group[0].start, group[0].end, group[0].text, group[0])
