"""Speakers as resolved referents: the person or organisation a quote's speaker phrase refers to.

``quotes_speakers.Resolver`` finds the phrase that speaks (a name, a pronoun, a description) and resolves names,
pronouns and nearby descriptions. What it leaves is settled here by an ordered list of small rules
(``RULES``); the first that answers gives the ``Referent``:

1. ``no_speaker``: no phrase, no speaker (headline quotes);
2. ``reply_turn``: a pronoun replying ("« … », a-t-il répondu") goes to the person the previous turn was
   addressed to, not to the last speaker (``referent_turns``);
3. ``named_entity``: the phrase is an entity of the article: its canonical name and key, kind ``PER``,
   ``ORG`` or ``MEDIA`` (an organisation the article calls a newspaper, channel …, or a known outlet);
4. ``carrier_source``: a document or news item given as the source ("les statistiques du ministère", "une
   enquête Ifop") speaks for whom it names (``referent_carriers``);
5. ``pronoun_subject``: a pronoun or demonstrative left unresolved ("elle", "eux", "celui-ci") takes the
   nearest earlier main-clause subject that can speak, itself resolved by the rules;
6. ``not_a_speaker``: a phrase that cannot speak (a participle, a month, a common noun such as "la
   polémique", an apostrophe fragment, a word glued across a missing space, a place) is replaced by the
   subject of the quote's sentence, else the previous speaker close before, else no speaker;
7. ``role_of_entity``: a description whose head noun is a role the article gives an entity by apposition
   ("le ministre" → "Christophe Castaner, ministre de l'Intérieur"; "le quotidien régional" → "Le
   quotidien régional La Dépêche") takes that entity, the one sharing most words, nearest first;
8. ``role_next_to_name``: the same head noun written right before or after a name anywhere in the article
   ("le président de la région Paca, Renaud Muselier", "le ministre de la Santé Olivier Véran");
9. ``organisation_named``: "le syndicat", "l'Agence", "l'ONG" → the organisation whose name holds that
   noun (or, for media nouns, the outlet) named before the quote, nearest first;
10. ``last_speaker_in_role``: a definite person description ("le ministre", "le DJ") that nothing above
   resolved refers to the last named person who spoke, when that person spoke just before;
11. ``salient_person``: a definite description by an office or a doer's noun still unresolved ("le président",
   "l'élu", "la cheffe", "le présentateur") refers to the person the article is about, when one stands out
   (``referent_salient``); a former holder of a role ("le ministre de l'époque, X") is never its present
   holder (``referent_past``, rules 7 and 8);
12. ``salient_organisation``: "le syndicat", "l'association" → the organisation the article names most,
   when one stands out and its name is no other kind of body ("ministère de …");
13. ``continued_description``: a singular description right after a person spoke, with no one else named
   in between, is that person ("… estime Valérie Pécresse. Pour l'ex-LR, "…"");
14. ``description``: the description as written, flagged ``unresolved`` (its kind guessed from its head).

Each rule is a plain function ``(Ask) -> Referent | None``; ``refer`` runs them. Tested one by one in
``tests/enrich/test_referents.py`` on real sentences.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from recoupe.enrich import referent_ahead, referent_carriers, referent_salient, referent_turns
from recoupe.enrich import referent_words as lex
from recoupe.enrich.coref import compatible, entity_gender, phrase_gender, pronoun_gender, subject_candidates
from recoupe.enrich.quotes_direct import COMPLEMENT_BEFORE
from recoupe.enrich.quotes_parse import NounPhrase
from recoupe.enrich.referent_past import past_description, past_holder, past_key
from recoupe.enrich.referent_speakable import can_speak, kind_of_head
from recoupe.enrich.speakers_describe import apposed, unquoted
from recoupe.enrich.speech import fold

if TYPE_CHECKING:
    from recoupe.enrich.quotes_parse import Context
    from recoupe.model import Mention

__all__ = ["RULES", "Ask", "Referent", "can_speak", "head_noun", "other_role", "refer"]


#: a pronoun or a role looks back this far for its referent
REACH = 1500
#: ``last_speaker_in_role``: the last speaker spoke at most this many characters before the quote
LAST_SPEAKER_REACH = 1200


@dataclass(frozen=True, slots=True)
class Referent:
    """Who speaks: ``name`` (an entity's canonical name or a description as written), ``key`` (the entity
    key, None for a description), ``kind`` (``PER``, ``ORG``, ``MEDIA`` or None when unknown),
    ``unresolved`` (a description or pronoun that names nobody the article names), the mention used and the
    name of the rule that gave it."""

    name: str | None
    key: str | None = None
    kind: str | None = None
    unresolved: bool = False
    start: int | None = None
    end: int | None = None
    rule: str | None = None  # the rule that answered (``refer``)


@dataclass(frozen=True, slots=True)
class Ask:
    """What a rule reads: the article, the speaker the resolver gave (``name``/``key``/``start``/``end``),
    where the quote starts, the speakers before it, a way to resolve another phrase and the cue."""

    ctx: Context
    name: str | None
    key: str | None
    start: int | None
    end: int | None
    at: int
    before: Sequence[tuple[int, Referent]] = ()
    again: Callable[[NounPhrase], Referent] | None = None
    roles: Mapping[str, Sequence[str]] = field(default_factory=dict)
    depth: int = 0
    cue: str | None = None


Rule = Callable[[Ask], "Referent | None"]

_words = lex.description_words
_head = lex.description_head
_kind_of_head = kind_of_head
other_role = lex.other_role


def head_noun(text: str) -> str:
    """The folded first word of a description after its determiners ("l'ancien ministre" → "ancien")."""
    words = _words(text)
    return words[0] if words else ""


def _entity_kind(ctx: Context, m: Mention, roles: Mapping[str, Sequence[str]]) -> str:
    if m.label == "PER":
        return "PER"
    names = {fold(m.canonical), fold(m.text)}
    if names & lex.MEDIA_NAMES or any(_head(r) in lex.MEDIA_NOUNS for r in roles.get(m.key, ())):
        return "MEDIA"
    before = fold(ctx.text[max(0, m.start - 30) : m.start])
    if re.search(r"\b(?:journal|quotidien|hebdomadaire|magazine|chaine|site|radio|newspaper)\s+(?:\w+\s+)?$", before):
        return "MEDIA"
    return "ORG"


def _entity(ask: Ask, m: Mention, start: int | None = None, end: int | None = None) -> Referent:
    return Referent(
        m.canonical,
        m.key,
        _entity_kind(ask.ctx, m, ask.roles),
        start=m.start if start is None else start,
        end=m.end if end is None else end,
    )


def _entity_by_key(ctx: Context, key: str) -> Mention | None:
    return next((m for m in ctx.mentions if m.key == key), None)


# --- the rules, in order -------------------------------------------------------------------------------------


def no_speaker(ask: Ask) -> Referent | None:
    """No speaker phrase: no speaker (a headline quote)."""
    return Referent(None) if not ask.name else None


def reply_turn(ask: Ask) -> Referent | None:
    """A pronoun replying ("a-t-il répondu", "rétorque-t-elle") that the resolver gave to the last
    speaker: the person that turn was addressed to, or for a retort the one who spoke before
    (``referent_turns``)."""
    found = referent_turns.replied(ask)
    return None if found is None else Referent(found[0], found[1], "PER", start=ask.start, end=ask.end)


def named_entity(ask: Ask) -> Referent | None:
    """The resolver found an entity: keep it, with its kind."""
    if ask.key is None:
        return None
    m = _entity_by_key(ask.ctx, ask.key)
    if m is None:
        return Referent(ask.name, ask.key, None, start=ask.start, end=ask.end)
    return _entity(ask, m, ask.start, ask.end)


def name_inside(ask: Ask) -> Referent | None:
    """A description that holds a name right after its head ("le magazine Gala", "le journal local
    Clarion-Ledger", "des informations de Mediapart"): that name, an outlet when the head is a media noun
    or a carrier of news ("informations", "révélations")."""
    if ask.start is None or ask.end is None or not ask.name:
        return None
    head = _head(ask.name)
    person = _kind_of_head(head) == "PER" and head not in lex.ORG_NOUNS
    if head not in lex.MEDIA_NOUNS and head not in lex.ORG_NOUNS and head not in lex.CARRIERS and not person:
        return None
    for m in ask.ctx.mentions:
        if not (ask.start < m.start and m.end <= ask.end and m.text[:1].isupper()):
            continue
        between = _words(ask.ctx.text[ask.start : m.start])
        if len(between) > 3 or (person and m.label != "PER") or (not person and m.label == "PER"):
            continue
        kind = "PER" if person else ("MEDIA" if head in lex.MEDIA_NOUNS or head in lex.CARRIERS else None)
        return Referent(m.canonical, m.key, kind or _entity_kind(ask.ctx, m, ask.roles), start=ask.start, end=ask.end)
    return None


def carrier_source(ask: Ask) -> Referent | None:
    """A document or piece of news given as the source ("les statistiques du ministère", "une enquête
    Ifop"): the organisation or person it comes from (``referent_carriers``), resolved in turn."""
    found = referent_carriers.source(ask, _head(ask.name or ""))
    return None if found is None else _again(ask, found)


def demonstrative(ask: Ask) -> Referent | None:
    """ "celui-ci", "ce dernier": the last person named before the phrase (outside quotes)."""
    folded = fold(ask.name or "").strip()
    if not lex.DEMONSTRATIVES.match(folded) and folded not in {"celui", "celle", "ce dernier", "cette derniere"}:
        return None
    return _last_person_named(ask)


def demonstrative_description(ask: Ask) -> Referent | None:
    """ "ce soutien de la première heure du chef de l'État", "cet ancien ministre": a demonstrative
    description of a person refers back to the person just spoken of: the last speaker close before, else
    the last person named before the phrase (outside quotes)."""
    words = fold(ask.name or "").split()
    if len(words) < 2 or words[0] not in {"ce", "cet", "cette"} or lex.DEMONSTRATIVES.match(" ".join(words)):
        return None
    if _kind_of_head(_head(ask.name or "")) != "PER" or not can_speak(ask.ctx, ask.name or "", ask.start):
        return None
    previous = _previous(ask)
    if previous is not None and previous.kind == "PER":
        return previous
    return _last_person_named(ask)


def pronoun_subject(ask: Ask) -> Referent | None:
    """A pronoun or demonstrative left as written: the nearest earlier main-clause subject that can
    speak, resolved in turn (one level deep)."""
    folded = fold(ask.name or "").strip()
    if folded not in lex.PRONOUNS and not lex.DEMONSTRATIVES.match(folded):
        return None
    found = _subject_before(
        ask,
        (ask.start if ask.start is not None else ask.at),
        plural=folded in {"ils", "elles", "eux", "ceux", "ceux-ci", "celles", "they", "them"},
    )
    if found is not None:
        return found
    plural = folded in {"ils", "elles", "eux", "they", "them"}
    ahead = referent_ahead.named_ahead(ask.ctx, folded, ask.start if ask.start is not None else ask.at)
    return (
        (None if plural else _previous(ask))
        or _mention_close_before(ask)
        or (_entity(ask, ahead, ask.start, ask.end) if ahead is not None else None)
        or Referent(ask.name, None, None, unresolved=True, start=ask.start, end=ask.end)
    )


def not_a_speaker(ask: Ask) -> Referent | None:
    """A phrase that cannot speak (participle, month, common noun, fragment, place): the subject of the
    quote's sentence, else the previous speaker close before, else no speaker."""
    if can_speak(ask.ctx, ask.name or "", ask.start):
        return None
    if lex.NUMBER.fullmatch(fold(ask.name or "").strip()):
        return Referent(None)  # a bare count ("49", "nine") stands for people polled: no one to name
    sent_start, _ = ask.ctx.sentence_of(ask.at)
    found = _subject_in(ask, sent_start, ask.at) if ask.depth == 0 else None
    if found is not None:
        return found
    return _previous(ask) or Referent(None)


def role_of_entity(ask: Ask) -> Referent | None:
    """A description whose head noun is a role the article gives an entity by apposition; the entity
    whose role shares most of the description's words, nearest to the quote on ties."""
    head = _head(ask.name or "")
    if not head or not _singular_definite(ask.name or "") or _holds_name(ask, _PERSONS):
        return None
    described = _words(ask.name or "")
    words = set(described) - {head}
    best: tuple[int, int, Mention] | None = None
    for key, roles in ask.roles.items():
        for role in roles:
            role_words = _words(role)
            inside = len(described) >= 3 and f" {' '.join(described)} " in f" {' '.join(role_words)} "
            if not lex.same_office(_head(role), head) and not inside:
                continue  # "la police" is not "le chef de la police"; a long piece of the role is
            m = _nearest_mention(ask, key)
            past = past_key(ask.ctx.text, ask.ctx.mentions, key) or past_description(role)
            if m is None or past != past_description(ask.name or "") or _named_only_after(ask, key):
                continue  # "le ministre" is not "le ministre de l'époque, X", nor "l'ancien ministre" "X, ministre"
            score = (len(words & set(role_words)), -abs(ask.at - m.start))
            if best is None or score > best[:2]:
                best = (*score, m)
    if best is None:
        return None
    return _entity(ask, best[2], ask.start, ask.end)


def role_next_to_name(ask: Ask) -> Referent | None:
    """The description's head noun written right before or after a name anywhere in the article ("le
    ministre de la Santé Olivier Véran", "Renaud Muselier, président de la région")."""
    head = _head(ask.name or "")
    if (
        not _singular_definite(ask.name or "")
        or _kind_of_head(head) != "PER"
        or head in lex.ORG_NOUNS
        or _holds_name(ask, _PERSONS)
    ):
        return None
    words = set(_words(ask.name or "")) - {head}
    best: tuple[int, int, Mention] | None = None
    for m in ask.ctx.mentions:
        if ask.ctx.quoted(m.start) or m.label != "PER" or _named_only_after(ask, m.key):
            continue
        if lex.PREPOSITION_BEFORE.search(fold(ask.ctx.text[max(0, m.start - 12) : m.start])):
            continue  # "à propos de Jacques Chirac", "rapporte-t-il à Marianne": a complement, not the one described
        if past_holder(ask.ctx.text, m) and not past_description(ask.name or ""):
            continue  # "le ministre" is not "le ministre de l'époque, X" (``referent_past``)
        sentence = ask.ctx.sentence_of(m.start)  # the name's own sentence: "…, X, mardi à Berlin. La chancelière …"
        lo = max(0, m.start - 140, sentence[0])
        hi = min(m.end + 60, sentence[1])
        if ask.start is not None and ask.end is not None and not apposed(ask.ctx.text, ask.start, ask.end, m):
            # the description's own words are no context, unless the name stands in apposition to it
            lo = max(lo, ask.end) if lo <= ask.start < m.start else lo
            hi = min(hi, ask.start) if m.end <= ask.start < hi else hi
        left = _words(unquoted(ask.ctx, lo, m.start))[-16:]
        right = _words(unquoted(ask.ctx, m.end, hi))[:6]
        if (head not in left and head not in right[:3]) or not _agrees(ask, m):
            continue
        if past_description(ask.name or "") and not (
            past_holder(ask.ctx.text, m) or past_description(" ".join(left[-6:] + right[:6]))
        ):
            continue  # "l'ancien ministre" is not "X, ministre de l'Économie"
        score = (len(words & set(left + right)), -abs(ask.at - m.start))
        if best is None or score > best[:2]:
            best = (*score, m)
    return None if best is None else _entity(ask, best[2], ask.start, ask.end)


def _agrees(ask: Ask, m: Mention) -> bool:
    """A description's article agrees with the person's gender: "la présidente" is not "son père X"."""
    article = fold(ask.name or "").split()[:1]
    gender = {"la": "Fem", "le": "Masc"}.get(article[0]) if article else None
    return compatible(gender, entity_gender(ask.ctx, [o for o in ask.ctx.mentions if o.key == m.key]))


def organisation_named(ask: Ask) -> Referent | None:
    """ "le syndicat", "l'Agence", "le quotidien": the organisation whose name holds the noun, or for a
    media noun the last outlet named, before the quote (nearest first)."""
    head = _head(ask.name or "")
    if not _singular_definite(ask.name or "") or (head not in lex.ORG_NOUNS and head not in lex.MEDIA_NOUNS):
        return None
    if len(_words(ask.name or "")) > 2:  # "la direction de la Poste" says which one itself
        return None
    if head in lex.COLLECTIVE_MEDIA:  # "la presse italienne", "les médias": many outlets, not the last named
        return None
    for m in ask.ctx.mentions_before(ask.start if ask.start is not None else ask.at):
        if m.label != "ORG" or ask.at - m.end > REACH * 2:
            continue
        if head in lex.MEDIA_NOUNS and _entity_kind(ask.ctx, m, ask.roles) == "MEDIA":
            return _entity(ask, m, ask.start, ask.end)
        if head in set(_words(m.canonical)) | set(_words(m.text)):
            return _entity(ask, m, ask.start, ask.end)
    return None


def last_speaker_in_role(ask: Ask) -> Referent | None:
    """A definite person description nothing resolved ("le ministre", "le DJ"): the last named person who
    spoke, when that was close before."""
    head = _head(ask.name or "")
    if (
        not _singular_definite(ask.name or "")
        or head not in lex.TITLES
        or not ask.before
        or len(_words(ask.name or "")) > 2
    ):
        return None
    pos, ref = ask.before[-1]
    if ask.at - pos > LAST_SPEAKER_REACH or ref.key is None or ref.kind != "PER":
        return None
    if other_role(ask.roles.get(ref.key, ()), head):
        return None  # "la préfète" after "le procureur X" spoke: another person
    return Referent(ref.name, ref.key, "PER", start=ask.start, end=ask.end)


def salient_person(ask: Ask) -> Referent | None:
    """A definite person description nothing above resolved ("le président", "l'élu"): the person the
    article is about, when one stands out and the article gives them no other role (``referent_salient``)."""
    head = _head(ask.name or "")
    first = fold(ask.name or "").replace("'", "' ").split()[:2]
    if first[:1] not in (["le"], ["la"], ["l'"]) or first[1:] in (["un"], ["une"]):
        return None  # "l'un des plaignants", "porte-parole du ministère": one of several, or a bare role
    if not referent_salient.office_like(head) or _holds_name(ask):
        return None  # an office the protagonist may hold, not "l'avocat général" of the accused's trial
    m = referent_salient.person(ask, head)
    return None if m is None else _entity(ask, m, ask.start, ask.end)


def salient_organisation(ask: Ask) -> Referent | None:
    """ "le syndicat", "l'association": the organisation the article is about, when one stands out
    (``referent_salient``)."""
    if not _singular_definite(ask.name or "") or _holds_name(ask):
        return None
    outlets = {m.key for m in ask.ctx.mentions if _entity_kind(ask.ctx, m, ask.roles) == "MEDIA"}
    m = referent_salient.organisation(ask, _head(ask.name or ""), outlets)
    return None if m is None else _entity(ask, m, ask.start, ask.end)


def continued_description(ask: Ask) -> Referent | None:
    """A singular description nothing resolved, right after a person spoke: that person
    (``referent_salient.continued``)."""
    if _holds_name(ask):
        return None
    ref = referent_salient.continued(ask, _head(ask.name or ""))
    return None if ref is None else Referent(ref.name, ref.key, ref.kind, start=ask.start, end=ask.end)


def description(ask: Ask) -> Referent | None:
    """Nothing resolved: the phrase as written; flagged unresolved unless it is a name ("Matignon",
    "McKeague": a name the entity tagger missed)."""
    name = (ask.name or "").strip()
    first = fold(name).replace("'", "' ").split()[:1]
    named = name[:1].isupper() and bool(first) and first[0] not in lex.DETERMINERS and first[0] not in lex.QUANTIFIERS
    kind = _kind_of_head(_head(name)) if not named else None
    return Referent(name, None, kind, unresolved=not named, start=ask.start, end=ask.end)


RULES: tuple[Rule, ...] = (
    no_speaker,
    reply_turn,
    named_entity,
    name_inside,
    carrier_source,
    demonstrative,
    demonstrative_description,
    pronoun_subject,
    not_a_speaker,
    role_of_entity,
    role_next_to_name,
    organisation_named,
    last_speaker_in_role,
    salient_person,
    salient_organisation,
    continued_description,
    description,
)


def refer(ask: Ask, rules: Sequence[Rule] | None = None) -> Referent:
    """The first answer of ``rules`` (default ``RULES``; the last rule always answers). The phrase is
    cleaned first: leading dates glued to it by the parse ("mai son régiment") are dropped, and an
    "entity" written in lower case ("ministre de l'Intérieur") is read as the description it is."""
    ask = _cleaned(ask)
    for rule in RULES if rules is None else rules:
        found = rule(ask)
        if found is not None:
            return replace(found, rule=rule.__name__)
    return Referent(ask.name, ask.key, None, ask.key is None and bool(ask.name), ask.start, ask.end)


# --- helpers ------------------------------------------------------------------------------------------------


_LEADING_JUNK = re.compile(
    r"^(?:(?:janvier|f[ée]vrier|mars|avril|mai|juin|juillet|ao[uû]t|septembre|octobre|novembre|d[ée]cembre|"
    r"lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|\d+|dernier|derni[eè]re|matin|soir)\s+)+",
    re.IGNORECASE,
)


def _cleaned(ask: Ask) -> Ask:
    if not ask.name:
        return ask
    junk = _LEADING_JUNK.match(ask.name)
    if junk is not None and junk.end() < len(ask.name):
        start = None if ask.start is None else ask.start + junk.end()
        return replace(ask, name=ask.name[junk.end() :], key=None, start=start)
    if ask.key is not None and lex.GLUED.search(ask.name):
        return replace(ask, key=None)  # an "entity" glued across a missing space ('DJ."I')
    if ask.key is not None and ask.name[:1].islower() and fold(ask.name) not in lex.PRONOUNS:
        return replace(ask, key=None)
    return ask


_PERSONS = frozenset({"PER"})


def _holds_name(ask: Ask, labels: frozenset[str] = frozenset({"PER", "ORG", "LOC", "MISC"})) -> bool:
    """Whether the description holds a name of its own ("la direction de la Poste"); for a person's title
    only another person counts ("le délégué général de la FCD" is still a title)."""
    if ask.start is None or ask.end is None:
        return False
    own = fold(ask.name or "")
    return any(
        ask.start < m.start and m.end <= ask.end and fold(m.text) != own and m.label in labels for m in ask.ctx.mentions
    )


def _singular_definite(text: str) -> bool:
    """ "le ministre", "cette élue", or a bare role ("ministre de la Justice")."""
    first = fold(text.strip()).replace("'", "' ").split()[:1]
    if not first:
        return False
    return first[0] in {"le", "la", "l'", "ce", "cette", "the", "this"} or (
        text.strip()[:1].islower()
        and first[0] not in lex.DETERMINERS
        and re.search(r"\s(?:de|du|d')\b", text) is not None
    )


def _last_person_named(ask: Ask) -> Referent | None:
    """The last person named before the phrase (outside quotes, within ``REACH``)."""
    where = ask.start if ask.start is not None else ask.at
    for m in ask.ctx.mentions_before(where):
        if m.label == "PER" and not ask.ctx.quoted(m.start) and where - m.end <= REACH:
            return _entity(ask, m, ask.start, ask.end)
    return None


def _named_only_after(ask: Ask, key: str) -> bool:
    """The entity is first named after the quote while another person was named before it: "le chanteur"
    in a quote about Patrick Bruel is not "le chanteur Vianney" of the article's last line."""
    if any(m.key == key and m.start < ask.at for m in ask.ctx.mentions):
        return False
    return any(m.label == "PER" and m.start < ask.at and not ask.ctx.quoted(m.start) for m in ask.ctx.mentions)


def _nearest_mention(ask: Ask, key: str) -> Mention | None:
    found = [m for m in ask.ctx.mentions if m.key == key and not ask.ctx.quoted(m.start)]
    return min(found, key=lambda m: abs(ask.at - m.start)) if found else None


def _mention_close_before(ask: Ask) -> Referent | None:
    """The nearest person or organisation named in the same or the previous sentence, outside quotes."""
    where = ask.start if ask.start is not None else ask.at
    sent_start, _ = ask.ctx.sentence_of(where)
    previous, _ = ask.ctx.sentence_of(max(0, sent_start - 1))
    plural = fold(ask.name or "") in {"ils", "elles", "eux", "they", "them"}
    gender = pronoun_gender(ask.name or "")
    for m in ask.ctx.mentions_before(where):
        if m.start < previous:
            return None
        if m.label not in ({"ORG"} if plural else {"PER", "ORG"}) or ask.ctx.quoted(m.start) or _outlet(ask, "", m):
            continue
        if COMPLEMENT_BEFORE.search(ask.ctx.text[max(0, m.start - 40) : m.start]):
            continue  # "il est revenu au micro de RTL": RTL is where he spoke, not who
        if compatible(gender, phrase_gender(ask.ctx, NounPhrase(m.start, m.end, m.text, m))):
            return _entity(ask, m, ask.start, ask.end)  # "il" is not "la ministre … Brigitte Bourguignon"
    return None


def _previous(ask: Ask) -> Referent | None:
    for pos, ref in reversed(ask.before):
        if ask.at - pos > LAST_SPEAKER_REACH:
            return None
        if ref.name and not ref.unresolved:
            return Referent(ref.name, ref.key, ref.kind, start=ask.start, end=ask.end)
    return None


def _subject_before(ask: Ask, before: int, *, plural: bool) -> Referent | None:
    lo = max(0, before - REACH)
    for phrase in subject_candidates(ask.ctx, lo, before, lex.ORG_NOUNS, [], descriptions=True):
        if phrase.pronoun or fold(phrase.text) in lex.PRONOUNS:
            continue
        looks_plural = fold(phrase.text).split()[:1] in (["les"], ["des"], ["ces"]) or " et " in phrase.text
        if plural != looks_plural:
            continue
        if phrase.mention is None and not can_speak(ask.ctx, phrase.text, phrase.start):
            continue
        if not plural and _outlet(ask, phrase.text, phrase.mention):
            continue  # "Le quotidien La Dépêche révèle … Il précise": "il" is no newspaper
        return _again(ask, phrase)
    return None


def _outlet(ask: Ask, text: str, m: Mention | None) -> bool:
    """A news outlet: a description headed by a media noun, or an entity the article calls one."""
    return _head(text) in lex.MEDIA_NOUNS or (m is not None and _entity_kind(ask.ctx, m, ask.roles) == "MEDIA")


def _subject_in(ask: Ask, lo: int, hi: int) -> Referent | None:
    for phrase in subject_candidates(ask.ctx, lo, hi, lex.ORG_NOUNS, [], descriptions=True):
        if phrase.pronoun:
            return _again(ask, phrase)
        if phrase.mention is not None or can_speak(ask.ctx, phrase.text, phrase.start):
            return _again(ask, phrase)
    return None


def _again(ask: Ask, phrase: NounPhrase) -> Referent:
    if ask.again is not None:
        return ask.again(phrase)
    m = phrase.mention
    if m is not None:
        return _entity(ask, m)
    return Referent(phrase.text, None, _kind_of_head(_head(phrase.text)), True, phrase.start, phrase.end)
