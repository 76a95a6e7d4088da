"""Speakers of quotes: the phrase that speaks resolved to a person, an organisation or a description, in
text order (``Resolver``), then handed to the referent rules (``refer_speaker``, ``referents.RULES``).

``quotes.rule_quotes`` reads the quotes and their attributions and asks this module who speaks each:

- a phrase that is or contains a name (as head or apposition) takes the mention's canonical name and key;
- a pronoun (il/elle/ils/elles, he/she/they, the ``-t-il`` of an inversion) agrees in gender (``coref``):
  for the singular it takes the nearest main-clause subject outside the quotes (a name, or a description of
  an organisation such as "l'exécutif") after the last speaker of its gender; a subject pronoun on the way
  continues that chain; else a person introduced after the last speaker's sentence; else that speaker;
  else the person the article names most. ``on`` + ``à l'Élysée`` speaks for the place. The plural takes
  the last speaker that looks plural ("les signataires", "X et Y");
- a description with a name in apposition (", Phil Bryant,") or at its end takes that name; a ``selon``
  source with an agent ("des chiffres fournis par la direction") takes the agent;
- a definite description ("le musicien", "le président syrien") takes the person named earlier next to the
  most of its words, else a person of its gender named in the same or previous sentence; "ce dernier" the
  last person named; descriptions of organisations ("le ministère", "la direction") stay as written;
- a description with no name ("un policier", "la direction de la Poste") is kept as written.

A continuation (a quote with no attribution close after an attributed one) keeps its speaker unless another
person is introduced as a main-clause subject in between (``Resolver.introduced``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from recoupe.enrich import referent_words as lex
from recoupe.enrich.coref import (
    agent_source,
    apposed_name,
    compatible,
    entity_gender,
    fronted_subject,
    impersonal_place,
    party_members,
    person_keys,
    phrase_gender,
    pronoun_candidates,
    pronoun_gender,
    sentence_subjects,
    subject_candidates,
)
from recoupe.enrich.quotes_parse import NounPhrase
from recoupe.enrich.referents import Ask, Referent, other_role, refer
from recoupe.enrich.speakers_describe import (
    DEFINITE,
    MODIFIERS,
    ORG_NOUNS,
    complement,
    coordinated,
    final_name,
    looks_plural,
    person_head,
    plural_subject,
    subject_rank,
    title_only,
    unquoted,
)
from recoupe.enrich.speech import fold

if TYPE_CHECKING:
    from recoupe.enrich.quotes_parse import Context
    from recoupe.model import Mention

__all__ = ["Resolver", "Speaker", "outlet", "refer_speaker"]


#: how many earlier speakers a pronoun looks back at
HISTORY = 30
#: a cue whose subject is not found takes the last speaker when it spoke at most this far before
CUE_REACH = 500

_PLURAL = frozenset({"ils", "elles", "they", "eux"})
#: a definite description refers to a person named next to the same noun at most this far before it
DESCRIPTION_REACH = 1500
#: a person description with no one named near it looks this many sentences further back for its subject
PARAGRAPH_SENTENCES = 2
#: a pronoun looks for a subject antecedent at most this many characters back
ANTECEDENT_REACH = 1200
_PRONOUNS = frozenset({"il", "elle", "ils", "elles", "lui", "eux", "he", "she", "they", "him", "her", "them"})


@dataclass(frozen=True, slots=True)
class Speaker:
    name: str | None
    key: str | None
    start: int | None
    end: int | None
    gender: str | None = None
    kind: str | None = None  # as the referent rules settled it (``settle``): ``PER``, ``ORG``, ``MEDIA``


class Resolver:
    """Resolves phrases to speakers in text order, remembering who spoke where."""

    def __init__(
        self, ctx: Context, reported: list[tuple[int, int]], roles: dict[str, list[str]] | None = None
    ) -> None:
        self.ctx = ctx
        self.roles = roles or {}
        self._person = False  # the quote being resolved is in the first person singular
        self.history: list[tuple[int, Speaker]] = []
        self.person_keys = person_keys(ctx)
        self.reported = reported  # the quotes' spans: names inside them are not antecedents
        self._spoken: list[tuple[int, int]] = []  # speaker phrases already used
        self._genders: dict[str, str | None] = {}

    def resolve(self, phrase: NounPhrase | None, at: int, *, cued: bool = False, person: bool = False) -> Speaker:
        """The speaker of ``phrase`` for a quote at ``at``; with ``person`` (a quote in the first person
        singular), a pronoun never takes up an organisation or an outlet."""
        self._person = person
        if phrase is None:
            # a cue with no subject found ("en précisant que", "Avant d'ajouter que"): the last speaker
            if cued and self.history and at - self.history[-1][0] <= CUE_REACH:
                return self.history[-1][1]
            return Speaker(None, None, None, None)
        before = min(at, phrase.start)
        speaker = self._speaker(phrase, before)
        self._spoken.append((phrase.start, phrase.end))
        if speaker.name and fold(speaker.name) not in _PRONOUNS:
            self.history.append((before, speaker))
        return speaker

    def settle(self, speaker: Speaker, referent: Referent) -> None:
        """The last speaker remembered as the rules resolved it: a description they named ("l'élu de Paris"
        → Gilles Le Gendre) is that person for the pronouns after it ("…", explique-t-il)."""
        if not self.history or self.history[-1][1] != speaker:
            return
        pos, _ = self.history[-1]
        if referent.key is None or speaker.key is not None:
            self.history[-1] = (pos, replace(speaker, kind=referent.kind))
            return
        settled = Speaker(referent.name, referent.key, speaker.start, speaker.end, speaker.gender, referent.kind)
        self.history[-1] = (pos, settled)

    def _speaker(self, phrase: NounPhrase, before: int) -> Speaker:
        ctx = self.ctx
        place = (impersonal_place(ctx, phrase) or fronted_subject(ctx, phrase)) if phrase.pronoun else None
        if place is not None:
            phrase = place
        if phrase.pronoun or fold(phrase.text) in _PRONOUNS:
            gender = pronoun_gender(phrase.text)
            found = self._antecedent(fold(phrase.text), before, gender)
            if found is None:
                return Speaker(phrase.text, None, phrase.start, phrase.end, gender)
            return Speaker(found.name, found.key, phrase.start, phrase.end, found.gender or gender)
        gender = phrase_gender(ctx, phrase)
        m = phrase.mention
        if m is None or title_only(m):  # "son ancien Premier ministre Alain Juppé": the name, not the title
            m = apposed_name(ctx, phrase) or final_name(ctx, phrase) or m
        if m is not None and party_members(m):
            # "Democrats", "the Republican candidate", "les socialistes": people, not the party; "le président du
            # groupe LR au Sénat Bruno Retailleau": the name after it
            m = final_name(ctx, phrase)
        if m is not None:
            return Speaker(m.canonical, m.key, phrase.start, phrase.end, self._gender_of(m) or gender)
        agent = agent_source(ctx, phrase)
        if agent is not None:
            return self._speaker(agent, before)
        text = phrase.text.strip()
        person = self._described(text, before, gender)
        if person is not None:
            return Speaker(person.canonical, person.key, phrase.start, phrase.end, gender)
        return Speaker(text, None, phrase.start, phrase.end, gender)

    def introduced(self, lo: int, hi: int) -> NounPhrase | None:
        """The person introduced as a main-clause subject between a quote (ending at ``lo``) and its
        continuation (at ``hi``): a name, or a description that resolves to a person. A subject pronoun
        on the way continues the earlier speaker."""
        found = subject_candidates(self.ctx, lo, hi, ORG_NOUNS, self.reported, descriptions=True)
        found += [p for p in sentence_subjects(self.ctx, lo, hi) if p.mention is None or p.mention.start > p.start]
        for phrase in sorted(found, key=lambda p: -p.start):
            if phrase.pronoun:
                return None
            m = phrase.mention or apposed_name(self.ctx, phrase) or final_name(self.ctx, phrase)
            if m is not None:
                if self._is_person(m):
                    return phrase
                continue
            gender = phrase_gender(self.ctx, phrase)
            if self._described(phrase.text.strip(), phrase.start, gender) is not None or _person_noun(phrase.text):
                return phrase  # a name, or a person described ("La jeune femme s'est elle aussi excusée")
        return self._named_in_sentence(lo, hi)

    def _named_in_sentence(self, lo: int, hi: int) -> NounPhrase | None:
        """The only person named (outside quotes, not as a complement) in the continuation's own sentence
        before it: "Ou François Rebsamen (maire de Dijon) qui apprend "…"" is Rebsamen's."""
        sent_start = max(lo, self.ctx.sentence_of(hi)[0])
        named = {
            m.key: m
            for m in self._persons_before(hi)
            if m.start >= sent_start and not complement(self.ctx.text, m.start) and not self.ctx.quoted(m.start)
        }
        if len(named) != 1:
            return None
        m = next(iter(named.values()))
        return NounPhrase(m.start, m.end, m.text, m)

    def _organisation(self, phrase: NounPhrase) -> bool:
        m = phrase.mention
        if m is not None:
            return m.label == "ORG" and m.key not in self.person_keys
        words = [w for w in fold(phrase.text).replace("'", "' ").split() if w not in lex.DETERMINERS]
        return bool(words) and (words[0] in ORG_NOUNS or words[0] in lex.ORG_NOUNS)

    def _is_person(self, m: Mention) -> bool:
        return m.label == "PER" or m.key in self.person_keys

    def _persons_before(self, char: int) -> list[Mention]:
        return [m for m in self.ctx.mentions_before(char) if self._is_person(m) and not self.ctx.quoted(m.start)]

    def _gender_of(self, m: Mention) -> str | None:
        """The gender of an entity: the one most of its mentions tell (``coref.entity_gender``)."""
        if m.key not in self._genders:
            self._genders[m.key] = entity_gender(self.ctx, [o for o in self.ctx.mentions if o.key == m.key])
        return self._genders[m.key]

    def _described(self, text: str, before: int, gender: str | None) -> Mention | None:
        """The person a definite description refers to ("le musicien" → the musician named earlier):
        the person named earlier next to the most of the description's words ("le président syrien
        Bachar al-Assad" beats "Donald Trump, président élu"), else a person of the same gender named in
        the same or the previous sentence. Descriptions of organisations are left alone."""
        words = fold(text).replace("'", "' ").split()
        if len(words) < 2 or words[0] not in DEFINITE:
            return None
        nouns = [w for w in words[1:] if w not in MODIFIERS]
        if not nouns or not person_head(nouns[0]) or words[0] in {"les", "ces"}:
            return None
        head = nouns[0]
        persons = self._persons_before(before)
        if words[:2] == ["ce", "dernier"] or words[:2] == ["cette", "derniere"]:
            return persons[0] if persons else None
        content = [w for w in nouns[1:] if len(w) >= 4 and w not in {"dans", "pour", "avec"}]
        office = lex.office_pattern(" ".join(words), head)
        best: tuple[int, Mention] | None = None
        for m in persons:
            if before - m.end > DESCRIPTION_REACH:
                break
            # the article's words around the name in its sentence: never the description's own, nor a quote's
            lo, hi = self.ctx.sentence_of(m.start)
            around = fold(unquoted(self.ctx, max(lo, m.start - 40), min(m.end + 50, before, hi)))
            if not re.search(office, around) or complement(self.ctx.text, m.start):
                continue
            score = sum(1 for w in content if w[:5] in around)
            if best is None or score > best[0]:
                best = (score, m)
        if best is not None:
            return best[1]
        sent_start, _ = self.ctx.sentence_of(before)
        previous, _ = self.ctx.sentence_of(max(0, sent_start - 1))
        near = [m for m in persons if m.start >= previous]
        agreeing = [
            m
            for m in near
            if compatible(gender, self._gender_of(m))
            and not complement(self.ctx.text, m.start)
            and not other_role(self.roles.get(m.key, ()), head)
        ]
        if agreeing:
            return min(agreeing, key=lambda m: subject_rank(self.ctx, m))
        return self._paragraph_subject(persons, previous, gender, text)

    def _paragraph_subject(self, persons: list[Mention], floor: int, gender: str | None, text: str) -> Mention | None:
        """The one person named in the few sentences before ``floor`` when it is a main-clause subject there:
        "Emmanuel Macron s'est rendu … Le chef de l'État a pris son temps … "…", a répondu le président";
        never for a description told by a name ("le fils de Bernard Tapie")."""
        if any(m.text in text for m in self.ctx.mentions if self._is_person(m)):
            return None
        head = lex.description_head(text)
        lo = floor
        for _ in range(PARAGRAPH_SENTENCES):
            lo = self.ctx.sentence_of(max(0, lo - 1))[0]
        window = [m for m in persons if lo <= m.start < floor and not complement(self.ctx.text, m.start)]
        if len({m.key for m in window}) != 1:
            return None
        m = window[0]
        if subject_rank(self.ctx, m)[0] != 0 or not compatible(gender, self._gender_of(m)):
            return None
        return None if other_role(self.roles.get(m.key, ()), head) else m

    def _antecedent(self, pronoun: str, before: int, gender: str | None) -> Speaker | None:
        history = [(pos, s) for pos, s in self.history[-HISTORY:] if pos <= before]
        if pronoun in _PLURAL:
            plural = [(pos, s) for pos, s in history if s.name and looks_plural(s.name)]
            lo = max(plural[-1][0] + 1 if plural else 0, before - ANTECEDENT_REACH)
            subject = plural_subject(self.ctx, lo, before, self.reported, feminine=pronoun.startswith("elle"))
            if subject is not None:  # a plural subject since the last plural speaker
                return self._speaker(subject, subject.start)
            return plural[-1][1] if plural else None
        singular = [
            (pos, s)
            for pos, s in history
            if s.name and not looks_plural(s.name) and compatible(gender, s.gender) and not reported_by(s)
        ]
        last_pos, last = singular[-1] if singular else (-1, None)
        lo = max(last_pos + 1, before - ANTECEDENT_REACH)
        skip = self.reported + self._spoken
        chained = False
        for phrase in pronoun_candidates(self.ctx, lo, before, ORG_NOUNS, skip):
            known = phrase_gender(self.ctx, phrase)
            if known is None and phrase.mention is not None:
                known = self._gender_of(phrase.mention)
            if not compatible(gender, known) or coordinated(self.ctx.text, phrase):
                continue  # "BFMTV et Le HuffPost ont exhumé …": two, not "il"
            if (self._person and self._organisation(phrase)) or outlet(phrase):
                continue  # "« Moi j'ai été malade », ajoute-t-elle" is not "L'AFP a pu consulter"; "il" is no outlet
            if phrase.pronoun:
                chained = True  # "il … il …": the same referent as an earlier subject
                continue
            return self._speaker(phrase, phrase.start)
        if not chained:
            # a person introduced after the last speaker's sentence ("comme le patron du PS Olivier Faure.")
            floor = self.ctx.sentence_of(last_pos)[1] if last is not None else lo
            introduced = [
                m
                for m in self._persons_before(before)
                if m.start >= max(lo, floor)
                and not any(a <= m.start < b for a, b in skip)
                and compatible(gender, self._gender_of(m))
                and not complement(self.ctx.text, m.start)
            ]
            if introduced:  # a subject first: "X nie les accusations de Y et Z"
                m = min(introduced, key=lambda m: subject_rank(self.ctx, m))
                return Speaker(m.canonical, m.key, m.start, m.end, self._gender_of(m))
        if last is not None:
            return last
        return self._topic(gender, before)

    def _topic(self, gender: str | None, before: int) -> Speaker | None:
        """The person the article names most (outside quotes, not as a complement "la mort de X") before
        ``before``, for a pronoun with no antecedent; none when the article has named nobody yet (the pronoun
        stays as written)."""
        counts: dict[str, list[Mention]] = {}
        for m in self.ctx.mentions:
            if (
                self._is_person(m)
                and not self.ctx.quoted(m.start)
                and m.start < before
                and not complement(self.ctx.text, m.start)
            ):
                counts.setdefault(m.key, []).append(m)
        ranked = sorted(counts.values(), key=len, reverse=True)
        for group in ranked:
            if compatible(gender, self._gender_of(group[0])):
                m = group[0]
                return Speaker(m.canonical, m.key, m.start, m.end, self._gender_of(m))
        return None


def reported_by(speaker: Speaker) -> bool:
    """A speaker that is a news outlet ("selon le Canard enchaîné, …"): it reports, and a later "il" or "elle"
    ("…", aurait-il insisté) is the person it reports on, never the outlet."""
    return speaker.kind == "MEDIA"


def outlet(phrase: NounPhrase) -> bool:
    """A news outlet ("Le quotidien régional La Dépêche", "Le Parisien"): reporters name it, "il" and "elle"
    do not take it up."""
    words = [w for w in fold(phrase.text).replace("'", "' ").split() if w not in lex.DETERMINERS]
    named = phrase.mention is not None and fold(phrase.mention.canonical) in lex.MEDIA_NAMES
    return named or (bool(words) and words[0] in lex.MEDIA_NOUNS)


def _person_noun(text: str) -> bool:
    """A definite singular description headed by a person noun ("la jeune femme", "le cuisinier")."""
    words = [w for w in fold(text).replace("'", "' ").split() if w not in MODIFIERS]
    return len(words) >= 2 and words[0] in DEFINITE and words[1] in lex.PERSON_NOUNS


def refer_speaker(
    ctx: Context,
    resolver: Resolver,
    speaker: Speaker,
    *,
    at: int,
    before: list[tuple[int, Referent]],
    roles: dict[str, list[str]],
    depth: int = 0,
    cue: str | None = None,
) -> Referent:
    """The referent of a resolved speaker phrase (``referents.RULES``); a phrase the rules look at again
    (a sentence subject, an antecedent) is resolved by ``resolver`` first."""

    def again(phrase: NounPhrase) -> Referent:
        if depth >= 1:
            return Referent(None)
        found = resolver._speaker(phrase, phrase.start)
        return refer_speaker(ctx, resolver, found, at=at, before=before, roles=roles, depth=depth + 1)

    ask = Ask(ctx, speaker.name, speaker.key, speaker.start, speaker.end, at, tuple(before), again, roles, depth, cue)
    return refer(ask)
