"""Press furniture in the forms French sites print it (lines of the shapes found in gj-dev, written for the test)."""

from __future__ import annotations

import pytest

from recoupe.enrich.summary import lead_summary
from recoupe.extract.furniture import is_furniture, strip_furniture, strip_stamps
from recoupe.model import Article, Provenance


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("» LIRE AUSSI - Les «gilets jaunes» mobilisent peu pour l'acte VII", "read-also"),
        ("Lire aussi Coignard - Gilets jaunes : les récupérateurs", "read-also"),
        ("À VOIR AUSSI: «Gilets jaunes»: le résumé de l'acte V en vidéo", "read-also"),
        ("Consultez notre dossier : La colère des Gilets jaunes", "dossier"),
        ("Les vœux du président de la République - Regarder sur Figaro Live", "watch-on"),
        ("• Nos derniers articles", "round-up"),
        ("» Suivez toutes les infos du Figaro culture sur Facebook et Twitter.", "round-up-item"),
        ("EN DIRECT - Suivez la mobilisation des « gilets jaunes » à Paris", "live-banner"),
        ("Crédits photo : Thomas Samson / AFP", "credit"),
        ("Photo AFP / Zakaria Abdelkafi", "credit"),
        ("Suivez l'actualité économique en vous inscrivant à la newsletter Économie du Point", "newsletter"),
        ("Cet article est réservé aux abonnés. Il vous reste 80 % à découvrir.", "paywall"),
        ("(avec nos journalistes Jean Chichizola à Paris et Yohan Blavignat à Bourges)", "contributors"),
    ],
)
def test_furniture_lines(line: str, rule: str) -> None:
    assert is_furniture(line) == rule
    assert strip_furniture(f"Le cortège est parti à 14 heures.\n{line}\nIl est arrivé à 17 heures.") == (
        "Le cortège est parti à 14 heures.\nIl est arrivé à 17 heures."
    )


@pytest.mark.parametrize(
    "line",
    [
        "Lire entre les lignes de ce discours n'est pas difficile, estime le politologue.",
        (
            "« Nous voulons une newsletter quotidienne des décisions du gouvernement », a lancé un manifestant "
            "devant la préfecture, où plusieurs centaines de personnes s'étaient rassemblées samedi après-midi."
        ),
        "Le ministère de l'Intérieur a dénombré 84 000 manifestants samedi en France.",
    ],
)
def test_prose_is_not_furniture(line: str) -> None:
    assert is_furniture(line) is None
    assert strip_furniture(line) == line


def test_kickers_captions_and_editors_notes() -> None:
    text = (
        "VIDÉO. L'acte VII a été marqué par des heurts.\n"
        "Alain Finkielkraut a été insulté par des manifestants (Photo d'illustration).\n"
        "« On a dit à Vincent (leur fils – NDLR) qu'on allait manifester », raconte-t-elle.\n"
        "« Après le Black Friday [le 23 novembre, NDLR], les ventes ont reculé », dit-il."
    )
    assert strip_furniture(text).splitlines() == [
        "L'acte VII a été marqué par des heurts.",
        "Alain Finkielkraut a été insulté par des manifestants.",
        "« On a dit à Vincent [leur fils] qu'on allait manifester », raconte-t-elle.",
        "« Après le Black Friday [le 23 novembre], les ventes ont reculé », dit-il.",
    ]


def test_agency_stamps_stay_for_provenance_and_go_from_summaries() -> None:
    text = "Le porte-parole a été évacué samedi de ses bureaux.\n05/01/2019 21:42:55 -\nParis (AFP) -\n© 2019 AFP"
    assert strip_furniture(text) == text
    assert strip_stamps(text).strip() == "Le porte-parole a été évacué samedi de ses bureaux."


def test_a_summary_leaves_furniture_out() -> None:
    article = Article.build(
        title="Acte IX : forte mobilisation",
        body=(
            "VIDÉOS - Ce samedi, l'acte IX a réuni au moins 84.000 manifestants en France.\n"
            "» LIRE AUSSI - «Gilets jaunes acte IX»: notre direct\n"
            "Le ministère de l'Intérieur a fait état de 244 interpellations."
        ),
        provenance=Provenance("acte9.txt", "text"),
    )
    assert lead_summary(article) == (
        "Ce samedi, l'acte IX a réuni au moins 84.000 manifestants en France. "
        "Le ministère de l'Intérieur a fait état de 244 interpellations."
    )
