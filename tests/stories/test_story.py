"""Story objects: independent outlets (wire copies count once) and the cross-outlet summary."""

from __future__ import annotations

from recoupe.model import Article, Figure, Provenance
from recoupe.stories.story import independent_outlets, key_figures, summary_sentences


def _article(name: str, lead: str, body: str, outlet: str | None = None) -> Article:
    return Article.build(
        title=f"Title {name}",
        lead=lead,
        body=body,
        outlet=outlet,
        provenance=Provenance(f"{name}.txt", "text"),
        canonical_url=f"https://example.org/{name}",
    )


def test_copies_of_a_dispatch_count_as_one_independent_outlet() -> None:
    members = [("afp1", "AFP"), ("c1", "Le Figaro"), ("c2", "Ouest-France"), ("own", "Le Monde")]
    copies = {"c1": ("afp1", 0.95), "c2": ("afp1", 0.9)}
    outlets = {"afp1": "AFP"}
    assert independent_outlets(members, {}, outlets) == 4
    assert independent_outlets(members, copies, outlets) == 2  # AFP (three times) and Le Monde
    # a copy whose original is outside the story still counts for the original's outlet
    assert independent_outlets([("c1", "Le Figaro")], {"c1": ("x", 0.9)}, {"x": "Reuters"}) == 1
    # an article whose outlet is not given is no independent outlet
    assert independent_outlets([("u1", None), ("u2", None)], {}, {}) == 0
    assert independent_outlets([("u1", None), ("k", "Clubic")], {}, {}) == 1
    # the same outlet spelled differently is one outlet
    assert independent_outlets([("a", "Le Monde"), ("b", "LE MONDE ")], {}, {}) == 1


def test_summary_prefers_sentences_other_outlets_echo() -> None:
    shared = "OpenAI a rejeté l'offre de 97,4 milliards de dollars déposée par Elon Musk et ses investisseurs."
    a = _article("a", "", f"Le marché était calme ce matin dans la capitale. {shared} Le reste suit.", "A")
    b = _article(
        "b",
        "",
        "Un consortium mené par Elon Musk proposait 97,4 milliards de dollars pour OpenAI, qui a rejeté l'offre. "
        "La météo sera clémente demain sur toute la région parisienne.",
        "B",
    )
    c = _article(
        "c", "", "Sam Altman a rejeté l'offre d'Elon Musk, 97,4 milliards de dollars, pour OpenAI ce lundi.", "C"
    )
    summary = summary_sentences([a, b, c], count=3)
    sentences = [sentence for _, sentence in summary]
    assert shared in sentences  # not the article's off-topic first sentence
    assert all("97,4" in s for s in sentences)
    assert all("météo" not in s and "marché était calme" not in s for s in sentences)
    assert len({article_id for article_id, _ in summary}) == len(summary)  # one sentence per article


def test_summary_of_a_single_article_is_its_opening() -> None:
    a = _article(
        "a", "Une première phrase assez longue pour compter dans le résumé.", "Puis le corps de l'article suit ici."
    )
    assert summary_sentences([a])[0] == (a.id, "Une première phrase assez longue pour compter dans le résumé.")


def test_key_figures_are_the_amounts_several_sources_give() -> None:
    def fig(text: str, kind: str, value: float | str, unit: str | None) -> Figure:
        return Figure(0, len(text), text, kind, value, unit)

    found = [
        ("a1", fig("97,4 milliards de dollars", "money", 97.4e9, "USD")),
        ("a1", fig("10 février", "date", "--02-10", None)),
        ("c1", fig("3 salariés", "count", 3.0, "salarié")),
        ("b1", fig("97.4 billion dollars", "money", 97.4e9, "USD")),
        ("b1", fig("10 février", "date", "--02-10", None)),
        ("b1", fig("157 milliards de dollars", "money", 157e9, "USD")),
        ("c1", fig("157 milliards", "money", 157e9, "USD")),
        ("c1", fig("97 400 millions de dollars", "money", 97.4e9, "USD")),
        ("c2", fig("trois salariés", "count", 3.0, "salariés")),  # a copy of c1: the same source
    ]
    sources = {"a1": "le monde", "b1": "reuters", "c1": "afp", "c2": "afp"}
    assert key_figures(found, sources) == [("97,4 milliards de dollars", 3), ("157 milliards de dollars", 2)]
    assert key_figures(found, sources, limit=1) == [("97,4 milliards de dollars", 3)]


def test_two_sites_versions_of_one_dispatch_sentence_are_said_once() -> None:
    figaro = _article(
        "figaro",
        "",
        "Le prévenu est jugé pour l'«organisation sans déclaration préalable» de deux manifestations, le 22 décembre "
        "et le 2 janvier. Son avocat a plaidé la relaxe devant le tribunal correctionnel.",
        "lefigaro.fr",
    )
    point = _article(
        "point",
        "",
        'Il est jugé pour l\'"organisation sans déclaration préalable" de deux manifestations, le 22 décembre et le '
        "2 janvier. Le parquet a requis un mois de prison avec sursis et 500 euros d'amende contre le prévenu.",
        "lepoint.fr",
    )
    humanite = _article(
        "huma",
        "",
        "Le parquet a requis un mois de prison avec sursis contre le prévenu, jugé pour deux manifestations non "
        "déclarées. Le jugement sera rendu le 29 mars.",
        "humanite.fr",
    )
    summary = [sentence for _, sentence in summary_sentences([figaro, point, humanite], count=3)]
    assert sum("sans déclaration préalable" in s for s in summary) == 1  # one site's version, not both
    assert any("parquet a requis" in s for s in summary)
