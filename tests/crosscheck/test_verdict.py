"""Verdicts on quote groups: who said it, read in the words around the quote in each article."""

from __future__ import annotations

from dataclasses import replace

from recoupe.crosscheck.align import Group
from recoupe.crosscheck.statements import Statement
from recoupe.crosscheck.verdict import judge
from recoupe.model import Quote

QUOTE = "C'est loin, les municipales. Si d'ici là, on ne m'a pas diagnostiqué de maladie grave, je serai candidat"


def _statement(article: str, text: str, speaker: str, key: str) -> Statement:
    start = text.index(QUOTE)
    at = text.index(speaker) if speaker in text else start
    quote = Quote(
        start, start + len(QUOTE), QUOTE, "direct", speaker, key, speaker_start=at, speaker_end=at + len(speaker)
    )
    sentence = (start, start + len("C'est loin, les municipales."))
    return Statement(article, article.upper(), "fr", "quote", start, start + len(QUOTE), QUOTE, sentence, quote=quote)


def _verdict(text_a: str, speaker_a: str, text_b: str, speaker_b: str) -> list[str]:
    a = _statement("a", text_a, speaker_a, speaker_a.casefold())
    b = _statement("b", text_b, speaker_b, speaker_b.casefold())
    verdict = judge(Group("quote", (a, b), speaker_a), {"a": "A", "b": "B"}, {}, texts={"a": text_a, "b": text_b})
    return [conflict.detail for conflict, _, _ in verdict.conflicts]


def test_the_outlets_name_two_speakers() -> None:
    text_a = f'"{QUOTE} à Lyon", a annoncé Gérard Collomb, âgé de 71 ans.'
    text_b = f'"{QUOTE} à Lyon", a fait savoir Daniel Osei, âgé de 71 ans.'
    assert _verdict(text_a, "Gérard Collomb", text_b, "Daniel Osei") == ["Gérard Collomb vs Daniel Osei"]


def test_the_same_words_around_the_quote_are_no_speaker_conflict() -> None:
    # two attributions of one text are the enrichment's disagreement, not the outlets'
    text = f'Gérard Collomb et Daniel Osei étaient là. "{QUOTE} à Lyon", a-t-il dit.'
    assert _verdict(text, "Gérard Collomb", text, "Daniel Osei") == []


def test_a_speaker_tied_by_a_pronoun_is_no_speaker_conflict() -> None:
    # the enrichment resolved "il" to someone: not the outlet writing another name
    text_a = f'"{QUOTE} à Lyon", a annoncé Gérard Collomb, âgé de 71 ans.'
    text_b = f'Daniel Osei était là. "{QUOTE} à Lyon", a-t-il dit, âgé de 71 ans.'
    a = _statement("a", text_a, "Gérard Collomb", "gérard collomb")
    b = _statement("b", text_b, "Daniel Osei", "daniel osei")
    pronoun = text_b.index("il dit") if "il dit" in text_b else text_b.index("-il") + 1
    assert b.quote is not None
    b = replace(b, quote=replace(b.quote, speaker_start=pronoun, speaker_end=pronoun + 2))
    verdict = judge(Group("quote", (a, b), "x"), {"a": "A", "b": "B"}, {}, texts={"a": text_a, "b": text_b})
    assert verdict.conflicts == ()
    # the name written in an earlier sentence that is no attribution ("Daniel Osei était là."): not written at
    # the quote either
    b_earlier = _statement("b", text_b, "Daniel Osei", "daniel osei")
    verdict = judge(Group("quote", (a, b_earlier), "x"), {"a": "A", "b": "B"}, {}, texts={"a": text_a, "b": text_b})
    assert verdict.conflicts == ()
    text_named = f'"{QUOTE} à Lyon", a dit Daniel Osei, âgé de 71 ans.'
    b_named = _statement("b", text_named, "Daniel Osei", "daniel osei")  # the name itself cited: a conflict
    verdict = judge(Group("quote", (a, b_named), "x"), {"a": "A", "b": "B"}, {}, texts={"a": text_a, "b": text_named})
    assert [c.kind for c, _, _ in verdict.conflicts] == ["speaker"]


def test_a_pronoun_after_a_chain_of_quotes_names_the_previous_speaker() -> None:
    # "« … », raconte X. « … », ajoute-t-il.": the pronoun can only be X, the speaker just quoted
    text_a = f'"{QUOTE} à Lyon", a annoncé Gérard Collomb, âgé de 71 ans.'
    text_b = f'"Nous avons beaucoup d\'appels", raconte Daniel Osei, son adjoint. "{QUOTE} à Lyon", ajoute-t-il.'
    a = _statement("a", text_a, "Gérard Collomb", "gérard collomb")
    b = _statement("b", text_b, "Daniel Osei", "daniel osei")
    assert b.quote is not None
    pronoun = text_b.index("-il") + 1
    b = replace(b, quote=replace(b.quote, speaker_start=pronoun, speaker_end=pronoun + 2))
    verdict = judge(Group("quote", (a, b), "x"), {"a": "A", "b": "B"}, {}, texts={"a": text_a, "b": text_b})
    assert [c.detail for c, _, _ in verdict.conflicts] == ["Gérard Collomb vs Daniel Osei"]
    # another person named between the two quotes: the pronoun is a guess again
    text_c = text_b.replace("son adjoint.", "son adjoint. Le maire Paul Girard se tait.")
    c = _statement("b", text_c, "Daniel Osei", "daniel osei")
    assert c.quote is not None
    c = replace(c, quote=replace(c.quote, speaker_start=text_c.index("-il") + 1, speaker_end=text_c.index("-il") + 3))
    verdict = judge(Group("quote", (a, c), "x"), {"a": "A", "b": "B"}, {}, texts={"a": text_a, "b": text_c})
    assert verdict.conflicts == ()


def test_a_speaker_named_inside_the_quote_or_a_medium_is_no_speaker_conflict() -> None:
    # Le Figaro gave Mélenchon's tweet to the man it names; Le Point to Mélenchon (January 2019)
    tweet = "De nouveau Éric Drouet interpellé. Pourquoi ? Abus de pouvoir. Une police politique cible les animateurs"
    text_a = f"Jean-Luc Mélenchon a réagi : « {tweet} »."
    text_b = f"« {tweet} » Éric Drouet a été placé en garde à vue."
    a = _statement_of("a", text_a, tweet, "Jean-Luc Mélenchon")
    b = _statement_of("b", text_b, tweet, "Éric Drouet")
    verdict = judge(Group("quote", (a, b), "x"), {"a": "A", "b": "B"}, {}, texts={"a": text_a, "b": text_b})
    assert verdict.conflicts == ()


def _statement_of(article: str, text: str, quoted: str, speaker: str) -> Statement:
    start = text.index(quoted)
    at = text.index(speaker)
    quote = Quote(
        start,
        start + len(quoted),
        quoted,
        "direct",
        speaker,
        speaker.casefold(),
        speaker_start=at,
        speaker_end=at + len(speaker),
    )
    return Statement(
        article, article.upper(), "fr", "quote", start, start + len(quoted), quoted, (0, len(text)), quote=quote
    )


def test_a_description_resolved_to_someone_is_no_name_written() -> None:
    # the enrichment tied "le président du groupe LR" to another president: the outlet wrote no name there,
    # so no speaker conflict (the name itself cited is one: test_a_speaker_tied_by_a_pronoun_is_no_speaker_conflict)
    text_a = f'"{QUOTE} à Lyon", a annoncé Gérard Collomb, âgé de 71 ans.'
    text_b = f'Le groupe LR a présenté un texte. "{QUOTE} à Lyon", a dit le président du groupe LR.'
    a = _statement("a", text_a, "Gérard Collomb", "gérard collomb")
    b = _statement("b", text_b, "Daniel Osei", "daniel osei")
    role = text_b.rindex("le président du groupe LR")
    assert b.quote is not None
    b = replace(b, quote=replace(b.quote, speaker_start=role, speaker_end=role + len("le président du groupe LR")))
    verdict = judge(Group("quote", (a, b), "x"), {"a": "A", "b": "B"}, {}, texts={"a": text_a, "b": text_b})
    assert verdict.conflicts == ()


def _quoted(article: str, text: str, quote: str, speaker: str) -> Statement:
    start = text.index(quote)
    at = text.index(speaker)
    q = Quote(start, start + len(quote), quote, "direct", speaker, speaker.casefold(), at, at + len(speaker))
    return Statement(article, article.upper(), "fr", "quote", start, start + len(quote), quote, (0, len(text)), quote=q)


def test_two_people_saying_other_words_are_two_quotes() -> None:
    # written for the test: each outlet quotes another person, each named at the quote; their words differ
    # by two words: two quotes, no wording conflict; the same person's words changed the same way still are one
    said_a = "Il ne faut pas faire d'amalgame entre les manifestants et les casseurs"
    said_b = "Il ne faut pas tout confondre entre les manifestants et les casseurs"
    text_a = f"« {said_a} », a déclaré Benoît Arnaud sur France Inter."
    text_b = f"« {said_b} », a estimé Claire Vidal dimanche."
    a, b = _quoted("a", text_a, said_a, "Benoît Arnaud"), _quoted("b", text_b, said_b, "Claire Vidal")
    verdict = judge(Group("quote", (a, b), "x"), {"a": "A", "b": "B"}, {}, texts={"a": text_a, "b": text_b})
    assert [c.kind for c, _, _ in verdict.conflicts] == []
    text_same = f"« {said_b} », a estimé Benoît Arnaud dimanche."
    same = _quoted("b", text_same, said_b, "Benoît Arnaud")
    verdict = judge(Group("quote", (a, same), "x"), {"a": "A", "b": "B"}, {}, texts={"a": text_a, "b": text_same})
    assert [c.kind for c, _, _ in verdict.conflicts] == ["quote_wording"]


def test_a_name_set_right_after_the_description_is_written() -> None:
    # "a déclaré le maire de Lyon, Gérard Collomb": the outlet names him, right after his office
    text_a = f'"{QUOTE} à Lyon", a déclaré le maire de Lyon, Gérard Collomb, lundi.'
    text_b = f'"{QUOTE} à Lyon", a fait savoir Daniel Osei, le préfet du Rhône, lundi.'
    a = _statement("a", text_a, "le maire de Lyon", "gérard collomb")
    a = replace(a, quote=replace(a.quote, speaker="Gérard Collomb")) if a.quote else a
    b = _statement("b", text_b, "Daniel Osei", "daniel osei")
    verdict = judge(Group("quote", (a, b), "x"), {"a": "A", "b": "B"}, {}, texts={"a": text_a, "b": text_b})
    assert [c.detail for c, _, _ in verdict.conflicts] == ["Gérard Collomb vs Daniel Osei"]
    # the description alone, the name nowhere near: no speaker conflict (the enrichment's guess)
    text_c = f'"{QUOTE} à Lyon", a déclaré le maire de Lyon lundi.'
    c = _statement("a", text_c, "le maire de Lyon", "gérard collomb")
    c = replace(c, quote=replace(c.quote, speaker="Gérard Collomb")) if c.quote else c
    verdict = judge(Group("quote", (c, b), "x"), {"a": "A", "b": "B"}, {}, texts={"a": text_c, "b": text_b})
    assert verdict.conflicts == ()
