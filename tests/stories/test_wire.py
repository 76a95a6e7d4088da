"""Agency stamps as French and Canadian sites print them (shapes seen in gj-dev, sentences written here)."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from recoupe.stories.wire import Credit, agency_name, dispatch_of, find_dispatches

# Le Point prints AFP's header after the body: time, dateline, copyright
LE_POINT_TAIL = (
    "Les bureaux du porte-parole sont situés non loin de Matignon.\n05/01/2019 21:42:55 -\nParis (AFP) -\n© 2019 AFP"
)


def test_le_point_footer_is_an_afp_dispatch_with_its_time() -> None:
    found = dispatch_of(LE_POINT_TAIL, date(2019, 1, 5))
    assert found is not None
    assert (found.agency, found.credit, found.place) == ("AFP", Credit.DISPATCH, "Paris")
    assert found.stamped_at == datetime(2019, 1, 5, 21, 42)  # noqa: DTZ001


def test_afp_end_stamp_reads_month_first_on_the_publication_day() -> None:
    text = (
        "« Il y a une envie de France qui demeure », a-t-il estimé.kd/soe/bmaParis, 11 jan 2019 (AFP) - 01/11/19 08:34"
    )
    found = dispatch_of(text, date(2019, 1, 11))
    assert found is not None
    assert found.place == "Paris"
    assert found.stamped_at == datetime(2019, 1, 11, 8, 34)  # noqa: DTZ001


@pytest.mark.parametrize(
    ("text", "agency", "place"),
    [
        ("PARIS (Reuters) - Le gouvernement a annoncé lundi une nouvelle loi.", "Reuters", "PARIS"),
        (
            "Grand Bourgtheroulde (France) (AFP) - Le président a lancé mardi le grand débat.",
            "AFP",
            "Grand Bourgtheroulde (France)",
        ),
        ("BRUXELLES (Belga) - Une soixantaine de manifestants se sont rassemblés à Namur.", "Belga", "BRUXELLES"),
        ("GENÈVE (ATS) - Le Conseil fédéral a pris acte de la décision.", "ATS", "GENÈVE"),
        ("MONTRÉAL (PC) - Un convoi de camions a pris la route d'Ottawa jeudi.", "Presse Canadienne", "MONTRÉAL"),
        ("WASHINGTON (AP) - The Senate passed the bill on Tuesday.", "AP", "WASHINGTON"),
    ],
)
def test_dateline_credits(text: str, agency: str, place: str) -> None:
    found = dispatch_of(text)
    assert found is not None
    assert (found.agency, found.credit, found.place) == (agency, Credit.DISPATCH, place)


def test_agency_clock_stamp_takes_the_day_of_publication() -> None:
    found = dispatch_of("AFP - 11:10 Les « gilets jaunes » ont commencé à se rassembler samedi.", date(2019, 1, 12))
    assert found is not None
    assert found.stamped_at == datetime(2019, 1, 12, 11, 10)  # noqa: DTZ001


@pytest.mark.parametrize(
    "text",
    [
        "Le mouvement ne faiblit pas, selon le ministère de l'Intérieur. (Avec AFP)",
        "Plusieurs centaines de personnes ont défilé. Le Figaro avec AFP et Reuters",
        "Les manifestants étaient moins nombreux.\n- Avec la collaboration de l'Agence France-Presse",
    ],
)
def test_a_shared_byline_is_the_outlets_article_written_with_the_agency(text: str) -> None:
    found = dispatch_of(text)
    assert found is not None
    assert (found.agency, found.credit) == ("AFP", Credit.WITH)


def test_with_two_agencies_names_both() -> None:
    found = find_dispatches("Des heurts ont éclaté en fin de journée. (Avec AFP et Reuters)")
    assert {(d.agency, d.credit) for d in found} == {("AFP", Credit.WITH), ("Reuters", Credit.WITH)}


@pytest.mark.parametrize(
    "text",
    [
        "« Nous condamnons ces violences », a déclaré le patron de l'information à l'Agence France-Presse (AFP).",
        "Une quarantaine de personnes ont été interpellées, a indiqué la préfecture à l'AFP.",
        "Le cortège s'est ébranlé vers 14 heures, a constaté un journaliste de l'Agence France-Presse.",
        "Des manifestants sur les Champs-Élysées samedi. Photo AFP / Zakaria Abdelkafi",
        "Un texte sans agence : le maire a reçu les élus jeudi à Bourges.",
    ],
)
def test_attributions_and_photo_credits_are_not_dispatches(text: str) -> None:
    assert [d for d in find_dispatches(text) if d.credit is Credit.DISPATCH] == []


def test_a_signature_line_ends_a_dispatch() -> None:
    found = dispatch_of("Le convoi doit atteindre la capitale vendredi.\nLa Presse Canadienne")
    assert found is not None
    assert (found.agency, found.credit) == ("Presse Canadienne", Credit.DISPATCH)


def test_agency_names_fold_to_one_source() -> None:
    assert agency_name("Agence France-Presse") == agency_name("AFP") == "AFP"
    assert agency_name("Associated Press") == "AP"
    assert agency_name("La Presse Canadienne") == "Presse Canadienne"
    assert agency_name("Le Monde") is None
