"""Wire-copy detection on committed OrangeSum fixtures: exact copies, edited copies, distinct articles,
same-outlet republication (not a wire copy: ``add`` returns ``None``)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from recoupe.model import Article, Provenance
from recoupe.stories.dedup import CopyIndex, CopyMatch, containment, shingles

PARSED = Path(__file__).resolve().parents[1] / "fixtures" / "orangesum" / "parsed"
_PARAGRAPH = re.compile(r"(?<=[.!?»\"])(?=[A-ZÀ-ÖØ-Þ«\"])")


def _load(name: str) -> dict[str, str]:
    return json.loads((PARSED / f"{name}.json").read_text(encoding="utf-8"))


def _paragraphs(name: str) -> list[str]:
    return [p for p in _PARAGRAPH.split(_load(name)["article"]) if p.strip()]


def _article(title: str, body: str, outlet: str | None, key: str) -> Article:
    return Article.build(
        title=title,
        body=body,
        outlet=outlet,
        provenance=Provenance(f"test:{key}", "test"),
        canonical_url=f"https://example.org/{key}",
    )


@pytest.fixture(scope="module")
def names() -> list[str]:
    """Fixture articles with at least four paragraphs, longest first."""
    found = sorted(PARSED.glob("*.json"))
    assert len(found) == 60, "the OrangeSum fixtures are missing"
    usable = [p.stem for p in found if len(_paragraphs(p.stem)) >= 4]
    return sorted(usable, key=lambda n: -len(_load(n)["article"]))


def _original(name: str, outlet: str | None = "agence") -> Article:
    data = _load(name)
    return _article(data["title"], "\n\n".join(_paragraphs(name)), outlet, name)


def test_exact_copy(names: list[str]) -> None:
    index = CopyIndex()
    original = _original(names[0])
    assert index.add(original) is None
    copy = _article(original.title, original.body, "journal", "copy")
    assert index.add(copy) == CopyMatch(copy.id, original.id, 1.0)
    assert len(index) == 2


def test_exact_copy_whatever_the_layout_case_and_accents(names: list[str]) -> None:
    index = CopyIndex()
    original = _original(names[0])
    index.add(original)
    retyped = " ".join(original.body.split()).upper().replace("É", "E")
    match = index.add(_article("Autre titre", retyped, "journal", "copy"))
    assert match is not None
    assert match.copy_of == original.id
    assert match.similarity == 1.0


def test_new_title_and_added_paragraph(names: list[str]) -> None:
    index = CopyIndex()
    original = _original(names[1])
    index.add(original)
    paragraphs = _paragraphs(names[1])
    added = _paragraphs(names[2])[1]
    body = "\n\n".join([*paragraphs[:2], added, *paragraphs[2:]])
    copy = _article("Un tout autre titre pour la même dépêche", body, "journal", "copy")
    match = index.add(copy)
    assert match is not None
    assert (match.article_id, match.copy_of) == (copy.id, original.id)
    assert match.similarity > 0.9


def test_new_intro_sentence(names: list[str]) -> None:
    index = CopyIndex()
    original = _original(names[3])
    index.add(original)
    body = "Voici ce que rapporte notre confrère ce matin, sans plus de détails. " + original.body.split(". ", 1)[1]
    match = index.add(_article("Nouveau titre", body, "journal", "copy"))
    assert match is not None
    assert match.copy_of == original.id


def test_paragraph_cut(names: list[str]) -> None:
    index = CopyIndex()
    original = _original(names[4])
    index.add(original)
    paragraphs = _paragraphs(names[4])
    del paragraphs[len(paragraphs) // 2]
    match = index.add(_article(_load(names[4])["title"], "\n\n".join(paragraphs), "journal", "copy"))
    assert match is not None
    assert match.copy_of == original.id
    assert match.similarity > 0.95  # the copy's shingles are (almost) all in the original


def test_distinct_articles_are_not_copies(names: list[str]) -> None:
    index = CopyIndex()
    for name in names:
        assert index.add(_original(name, outlet=f"outlet-{name}")) is None, name
    assert len(index) == len(names)


def test_same_outlet_republication_is_not_a_wire_copy(names: list[str]) -> None:
    index = CopyIndex()
    original = _original(names[5], outlet="Le Journal")
    index.add(original)
    repost = _article("Titre mis à jour", original.body, "le journal", "repost")  # outlet compared case-folded
    assert index.add(repost) is None
    # another outlet copying it is a wire copy of the earliest article
    match = index.add(_article("Reprise", original.body, "Autre Site", "other"))
    assert match is not None
    assert match.copy_of == original.id


def test_a_sites_rewrite_copies_the_agency_dispatch_it_hosts(names: list[str]) -> None:
    index = CopyIndex()
    dispatch = _original(names[6], outlet="Le Point")  # the AFP dispatch as Le Point runs it
    index.add(dispatch)
    reprint = _article("Reprise", dispatch.body, "Le Journal", "reprint")
    assert index.add(reprint) is not None
    own = _article("Notre article", dispatch.body + "\n\nUn paragraphe de la rédaction.", "Le Point", "own")
    match = index.add(own, prefer={dispatch.id})
    assert match is not None
    assert match.copy_of == dispatch.id  # the agency's text, not the other site's reprint
    alone = CopyIndex()  # without ``prefer`` the site's own earlier text is no source of copies
    alone.add(dispatch)
    assert alone.add(_article("Notre article", dispatch.body, "Le Point", "own")) is None
    update = _article("Nouvelle version", dispatch.body + "\n\nAjout de l'agence.", "Le Point", "update")
    assert alone.add(update, prefer={dispatch.id, update.id}) is None  # the agency's new version: no copy


def test_unknown_outlet_counts_as_another_outlet(names: list[str]) -> None:
    index = CopyIndex()
    original = _original(names[6], outlet=None)
    index.add(original)
    match = index.add(_article("Reprise", original.body, None, "copy"))
    assert match is not None
    assert match.copy_of == original.id


def test_readding_an_article_replaces_it_and_never_matches_itself(names: list[str]) -> None:
    index = CopyIndex()
    original = _original(names[7])
    assert index.add(original) is None
    assert index.add(original) is None
    assert len(index) == 1
    assert original.id in index


def test_empty_and_short_bodies() -> None:
    index = CopyIndex()
    assert index.add(_article("Titre", "", "a", "empty")) is None
    assert len(index) == 0
    assert index.add(_article("Titre", "Le match est reporté.", "a", "short")) is None
    # a shared stock sentence is not a copy, even though it makes the whole of a short body
    stock = "Le match est reporté. Plus d'informations à venir dans la journée sur notre site."
    assert index.add(_article("Titre", stock, "b", "short2")) is None


def test_shingles_and_containment() -> None:
    assert shingles("") == frozenset()
    assert len(shingles("un deux trois")) == 1
    assert shingles("L'État a dit") == shingles("l'etat  A DIT")
    a = shingles("un deux trois quatre cinq six sept")
    assert len(a) == 3
    assert containment(a, a) == 1.0
    assert containment(a, frozenset()) == 0.0


def test_threshold_is_checked() -> None:
    with pytest.raises(ValueError, match="threshold"):
        CopyIndex(threshold=0.0)


def test_copies_of_a_dispatch_read_last_include_the_sites_own_version(names: list[str]) -> None:
    index = CopyIndex()
    dispatch = _original(names[8], outlet="Le Point")  # read last: its page came after the reprints
    own = _article("Notre article", dispatch.body + "\n\nUn paragraphe de la rédaction.", "Le Point", "own")
    reprint = _article("Reprise", dispatch.body, "Le Journal", "reprint")
    other = _original(names[9], outlet="Autre Site")
    for article in (own, reprint, other):
        index.add(article)
    index.add(dispatch, prefer={dispatch.id})
    found = index.copies_of(dispatch.id, prefer={dispatch.id})
    assert {(m.article_id, m.copy_of, m.similarity) for m in found} == {
        (reprint.id, dispatch.id, 1.0),
        (own.id, dispatch.id, 1.0),  # containment: the dispatch's text is all in the site's longer version
    }
    # without ``prefer`` the site's own article is no copy of the site's other text
    assert [m.article_id for m in index.copies_of(dispatch.id)] == [reprint.id]
    assert index.copies_of("unknown") == []
