"""Web UI fixtures: settings on the shared ``faces_db``, a TestClient, a live server, headless Chromium.

Browser tests drive Debian's ``chromium`` (``shutil.which("chromium")``) through Playwright; no browser is
ever downloaded. Without chromium they are skipped, unless ``RECOUPE_REQUIRE_BROWSER=1`` makes that a failure.

``handmade_check()`` is a cross-check built by hand (every verdict, sources, times, scores) for the tests of
what the faces show; the API and CLI tests import it from here.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from fastapi.testclient import TestClient  # pyproject ignores Starlette's ask for httpx2
from tests.procs import copy_db as writable_copy
from tests.procs import serve_app

from recoupe.app import create_app
from recoupe.config import Settings, load_settings

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from recoupe.crosscheck.report import CrossCheck

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"]


def settings_for(db: Path, **values: object) -> Settings:
    return load_settings({"db": str(db), **values}, env={}, config_file=None)


@pytest.fixture(scope="session")
def web_settings(faces_db: Path) -> Settings:
    """Settings serving the shared database (read-only: pages only read it)."""
    return settings_for(faces_db)


@pytest.fixture(scope="session")
def client(web_settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(web_settings)) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def seeds_story(web_settings: Settings) -> str:
    """The id of the seeds' story (Musk's $97.4 bn bid for OpenAI): the story of the Clubic article."""
    from recoupe.store import open_store

    with open_store(web_settings.db) as store:
        clubic = store.articles(outlet="Clubic", limit=1)[0]
        story = store.story_of(clubic.id)
    assert story is not None
    return story


@pytest.fixture(scope="session")
def xss_db(faces_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of ``faces_db`` with the XSS corpus (``tests/fixtures/xss``) ingested, enriched and grouped."""
    from recoupe.enrich.nlp import NlpModels
    from recoupe.pipeline import ingest
    from recoupe.sources import read_inputs
    from recoupe.store import open_store
    from recoupe.stories.assign import StoryEngine

    path = writable_copy(faces_db, tmp_path_factory.mktemp("xss"))
    settings = settings_for(path)
    with open_store(settings.db) as store:
        engine = StoryEngine.from_settings(store, settings)
        try:
            inputs = read_inputs([str(FIXTURES / "xss" / "articles.jsonl")], settings)
            report = ingest(inputs, store, settings, models=NlpModels(), stories=engine)
        finally:
            engine.close()
    assert not report.failures, report.failures
    return path


@pytest.fixture(scope="session")
def live_server() -> Callable[[Settings], AbstractContextManager[str]]:
    """``with live_server(settings) as base_url:``: the app under uvicorn on a free loopback port."""
    return serve_app


@pytest.fixture(scope="session")
def chromium() -> str:
    path = shutil.which("chromium")
    reason = "the Debian chromium package is not installed (shutil.which('chromium') found nothing)"
    if path is None:
        if os.environ.get("RECOUPE_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " and RECOUPE_REQUIRE_BROWSER=1")
        pytest.skip(reason)
    return path


@pytest.fixture(scope="session")
def browser(chromium: str) -> Iterator[Browser]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


def watch(page: Any) -> tuple[list[str], list[str]]:
    """Record every dialog (then dismiss it) and every console error or warning of ``page``."""
    dialogs: list[str] = []
    console: list[str] = []

    def on_dialog(dialog: Any) -> None:
        dialogs.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda message: console.append(f"{message.type}: {message.text}"))
    page.on("pageerror", lambda error: console.append(f"pageerror: {error}"))
    return dialogs, console


# -- a cross-check built by hand ---------------------------------------------------------------------------

HANDMADE_STORY = "f00dfeedcafe0001"
LONG_CLAIM = (
    "Le maire de Rennes a expliqué devant le conseil municipal que la rénovation complète de la gare, engagée "
    "en 2019 avec la région Bretagne et la SNCF, ne serait achevée qu'à la fin de la décennie, faute de crédits, "
    "et que les riverains du quartier du Colombier devraient encore supporter plusieurs années de chantier."
)


def handmade_check() -> CrossCheck:
    """A story told by Le Monde (and its wire copy on Yahoo), Libération and Ouest-France, with one row of
    each verdict: a conflicting cost, an updated toll (3 then 5 morts), a turnout that differs by source
    (the préfecture vs the organisers), a corroborated quote, a differing entity, and single-source rows
    (three from Le Monde with scores 0.2, 0.9, 0.5; two from Libération; one from Ouest-France)."""
    from recoupe.crosscheck.report import CrossCheck
    from recoupe.crosscheck.rules import Conflict
    from recoupe.crosscheck.statements import Statement
    from recoupe.crosscheck.verdict import Verdict
    from recoupe.model import Figure, Quote

    outlets = {"lm": "Le Monde", "yh": "Yahoo", "lib": "Libération", "of": "Ouest-France"}
    published = {
        "lm": "2025-03-01T09:00:00+01:00",
        "yh": "2025-03-01T09:30:00+01:00",
        "lib": "2025-03-01T21:00:00+01:00",
        "of": "2025-03-02",
    }

    def said(article: str, text: str, start: int = 0, kind: str = "claim", **extra: object) -> Statement:
        return Statement(
            article_id=article,
            outlet=outlets[article],
            language="fr",
            kind=kind,
            start=start,
            end=start + len(text),
            text=text,
            sentence=(start, start + len(text)),
            published=published[article],
            **extra,  # type: ignore[arg-type]
        )

    def figure(text: str, value: float, unit: str, about: str) -> Figure:
        return Figure(0, len(text), text, "count" if unit != "EUR" else "money", value, unit, about)

    def span(statement: Statement, words: str) -> tuple[int, int]:
        at = statement.text.index(words) + statement.start
        return (at, at + len(words))

    cost_a = said(
        "lm",
        "Les travaux coûteront 120 millions d'euros.",
        10,
        "figure",
        figure=figure("120 millions d'euros", 120e6, "EUR", "travaux"),
    )
    cost_b = said(
        "lib",
        "Le chantier coûtera 210 millions d'euros.",
        20,
        "figure",
        figure=figure("210 millions d'euros", 210e6, "EUR", "travaux"),
    )
    toll_a = said(
        "lm",
        "Un bilan provisoire fait état de 3 morts.",
        60,
        "figure",
        figure=figure("3 morts", 3, "mort", "bilan"),
        when="provisional",
    )
    toll_b = said(
        "lib",
        "Le dernier bilan fait état de 5 morts à 21 h.",
        80,
        "figure",
        figure=figure("5 morts", 5, "mort", "bilan"),
        when="21:00",
    )
    crowd_a = said(
        "lm",
        "Selon la préfecture, 8 000 manifestants ont défilé.",
        120,
        "figure",
        figure=figure("8 000 manifestants", 8000, "manifestant", "manifestation"),
        attributed_to="la préfecture",
    )
    crowd_b = said(
        "of",
        "Selon les organisateurs, 30 000 manifestants ont défilé.",
        5,
        "figure",
        figure=figure("30 000 manifestants", 30000, "manifestant", "manifestation"),
        attributed_to="les organisateurs",
    )
    quote = Quote(0, 20, "Nous ne céderons pas", "direct", speaker="Nathalie Appéré")
    quote_a = said("lm", "Nous ne céderons pas", 200, "quote", quote=quote)
    quote_copy = said("yh", "Nous ne céderons pas", 200, "quote", quote=quote)
    quote_b = said("lib", "Nous ne céderons pas", 150, "quote", quote=quote)
    differ_a = said("lm", "La SNCF promet une réouverture en juin.", 300, entities=frozenset({"sncf"}))
    differ_b = said("of", "La SNCF n'annonce aucune date de réouverture.", 100, entities=frozenset({"sncf"}))

    def single(article: str, text: str, score: float, start: int) -> Verdict:
        statement = said(article, text, start)
        return Verdict("claim", "single-source", text[:30], (statement,), (outlets[article],), (), score=score)

    verdicts = (
        Verdict(
            "figure",
            "conflicting",
            "travaux (EUR)",
            (cost_a, cost_b),
            ("Le Monde", "Libération"),
            (),
            conflicts=(
                (
                    Conflict(
                        "figure",
                        "120 millions d'euros vs 210 millions d'euros",
                        span(cost_a, "120 millions"),
                        span(cost_b, "210 millions"),
                    ),
                    cost_a,
                    cost_b,
                ),
            ),
        ),
        Verdict(
            "figure",
            "updated",
            "bilan (mort)",
            (toll_b, toll_a),
            ("Libération", "Le Monde"),
            (),
            conflicts=(
                (
                    Conflict(
                        "figure", "3 morts vs 5 morts", span(toll_a, "3 morts"), span(toll_b, "5 morts"), "updated"
                    ),
                    toll_a,
                    toll_b,
                ),
            ),
            timeline=(1, 0),
        ),
        Verdict(
            "figure",
            "differs-by-source",
            "manifestation (manifestant)",
            (crowd_a, crowd_b),
            ("Le Monde", "Ouest-France"),
            (),
            conflicts=(
                (
                    Conflict(
                        "figure",
                        "8 000 manifestants vs 30 000 manifestants",
                        span(crowd_a, "8 000 manifestants"),
                        span(crowd_b, "30 000 manifestants"),
                        "differs-by-source",
                    ),
                    crowd_a,
                    crowd_b,
                ),
            ),
        ),
        Verdict(
            "quote",
            "corroborated",
            "Nathalie Appéré",
            (quote_a, quote_copy, quote_b),
            ("Le Monde", "Libération"),
            (("yh", "lm"),),
        ),
        Verdict("entity", "differing", "sncf", (differ_a, differ_b), ("Le Monde", "Ouest-France"), ()),
        single("lm", "Le Monde cite un rapport de la Cour des comptes de 2021.", 0.2, 400),
        single("lm", LONG_CLAIM, 0.9, 500),
        single("lm", "Le préfet Philippe Gustin a réuni les élus mardi.", 0.5, 900),
        single("lib", "Libération rappelle la grève des cheminots de 2018.", 0.4, 300),
        single("lib", "La ministre Clément Beaune était attendue à Rennes.", 0.7, 400),
        single("of", "Ouest-France cite un commerçant de la rue de l'Alma.", 0.3, 300),
    )
    articles = tuple(
        {
            "id": key,
            "outlet": name,
            "title": f"La gare de Rennes ({name})",
            "language": "fr",
            "copy_of": "lm" if key == "yh" else None,
            "source": "Le Monde" if key == "yh" else name,
        }
        for key, name in outlets.items()
    )
    return CrossCheck(HANDMADE_STORY, articles, verdicts, "handmade")
