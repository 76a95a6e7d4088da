"""Quality floors for quotes and speakers on French articles the rules were not written on: the tune half of
tests/fixtures/quotes_fr_test (40 OrangeSum test documents, 350 quotes annotated by hand before recoupe ran
on them; issue 12). Scored by ``recoupe.evaluate.quotes`` like ``bench/enrich_quotes.py --set tune``.

Measured when pinned (fr_core_news_md 3.8): all quotes F1 88.5 at 0.3, speaker accuracy 87.2 (before issue
12's work: 85.9 / 79.8; 89.1 after the interview and quoted-about rules). Floors sit a little under, so a
drop fails.

The report half (40 other documents, 372 quotes) was scored at the end of session 5 (2026-12-06), after
every rule of that session was written, none of them read it: F1 85.1, speaker accuracy 73.6; and again at
the middle of session 7 (2026-12-07), after the first rules tuned on tune2: F1 85.1, speaker 73.3; and at the
end of session 7, after all of them: F1 86.4, speaker 74.6 (86.6 / 74.8 just before the last two fixes).
Its floors below are pinned on those scorings; rules must not be tuned on its misses (never printed here).

tune2 (40 more test documents, 333 quotes, annotated in session 7 by an annotator who never ran recoupe)
was scored once blind before anyone read it (F1 86.3, speaker 71.1), then tuned on (88.8 / 82.8). The tune
half measured 90.0 / 89.5 at the end of session 7.

Session 9 (general mechanisms: agreement when a description takes up a person, plural and outlet-free
pronouns, partitives, intertitles, a person's words reported by an outlet): tune 89.9 / 94.0, tune2 89.0 /
89.0 (the report floors were not touched).

Session 10: report2 (40 more test documents, 310 quotes, annotated blind in session 9 by a hand that never ran
recoupe, split file ``split_report2.json``) scored once at the end of the session, never read: **F1 81.6,
speaker accuracy 76.3**; the report half, scored again with the same code: 86.5 / 76.5. The tuning sets stand
at 89.9 / 94.0 (tune) and 89.4 / 89.3 (tune2): the speaker rules fit what they were written on far better than
new articles.

Session 11: report and report2 became tuning material (read while writing rules); general mechanisms (the
person or organisation an article is about for a bare office or kind, a description right after a person
spoke, carriers of news as sources, unattributed quotes from the sentence before, parse repairs for subjects):
report 86.6 / 86.8, report2 81.6 / 83.0; tune 90.1 / 94.3, tune2 89.7 / 89.3, dev 94.0 / 93.8. Their floors
now guard the tuned figures; report3 (blind) measures generalisation.

Session 11 end: report3 (30 more test documents, 226 quotes, annotated blind in session 10 by a hand that never
ran recoupe, split file ``split_report3.json``) scored once, never read: **F1 88.9, speaker accuracy 69.3**
(direct quotes' speakers 62.6, indirect 88.0). The speaker rules tuned on report and report2 did not carry over:
the goal (90 / 90) is not met on unseen articles.

Session 12: report3 became tuning material (its misses read by helper-46); rules written on report3 and tune2
(names the NER missed, former office holders, cue subjects checked against the parse, incises with a described
speaker, participles after a quote): report3 89.2 / 82.6, tune2 89.7 / 90.4, report 86.9 / 86.8, report2 81.6 /
83.4, tune 90.3 / 94.6 (floors raised only where the figures rose).

Session 12 end: report4 (30 more test documents, 259 quotes, annotated blind this session by a hand that never
ran recoupe, split file ``split_report4.json``) scored once, never read: **F1 86.2, speaker accuracy 76.4**
(direct quotes' speakers 75.5, indirect 78.5); the code of the session's start gives 86.2 / 74.1 on it. The goal
(90 / 90) is not met on unseen articles.

Session 13 end: report5 (30 more test documents, 218 quotes, annotated blind in session 12, split file
``split_report5.json``) scored once, never read, after the session's learned speaker chooser
(``speaker_rank``) and indirect-quote rules: **F1 91.2, speaker accuracy 71.9** (indirect recall 69.6); the code
of the session's start gives 89.6 / 68.8 (indirect recall 57.1) on it. Quote F1 meets the goal on this unseen
set; speaker accuracy does not. report6 (30 more, 251 quotes, annotated blind this session) scored once at the very
end of session 13, after two more speaker rules and the ranker refit on eight sets: **F1 87.9, speaker 84.2**
(the session's start code: 87.7 / 82.2).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from recoupe.enrich.entities import find_mentions
from recoupe.enrich.nlp import NlpModels
from recoupe.enrich.quotes import extract_quotes
from recoupe.evaluate.quotes import QuoteScores, load_split_quotes, score_quotes

TUNE = Path(__file__).resolve().parent / "fixtures" / "quotes_fr_test" / "tune.jsonl"
REPORT = TUNE.with_name("report.jsonl")
TUNE2 = TUNE.with_name("tune2.jsonl")
REPORT2 = TUNE.with_name("report2.jsonl")
REPORT3 = TUNE.with_name("report3.jsonl")
REPORT4 = TUNE.with_name("report4.jsonl")
REPORT5 = TUNE.with_name("report5.jsonl")
REPORT6 = TUNE.with_name("report6.jsonl")
REPORT7 = TUNE.with_name("report7.jsonl")
REPORT8 = TUNE.with_name("report8.jsonl")
REPORT9 = TUNE.with_name("report9.jsonl")

F1_FLOOR = 0.87
SPEAKER_FLOOR = 0.92  # 0.872 when pinned, 0.895 at the end of session 7, 0.940 at the end of session 9
REPORT_F1_FLOOR = 0.85  # 0.851 at its first scoring (session 5), 0.864 at the end of session 7, 0.869 session 12
REPORT_SPEAKER_FLOOR = 0.84  # 0.736 at its first scoring, 0.746 end of session 7, 0.868 session 11 (tuned on it)
REPORT2_F1_FLOOR = 0.79  # 0.816 at its one scoring (end of session 10)
REPORT2_SPEAKER_FLOOR = 0.82  # 0.763 at its one scoring, 0.830 session 11 (tuned on it), 0.834 session 12
REPORT3_F1_FLOOR = 0.87  # 0.889 at its one blind scoring (end of session 11), 0.892 session 12 (tuned on it)
REPORT3_SPEAKER_FLOOR = 0.80  # 0.693 at its one blind scoring (end of session 11), 0.826 session 12 (tuned on it)
REPORT4_F1_FLOOR = 0.84  # 0.862 at its one blind scoring (end of session 12)
REPORT4_SPEAKER_FLOOR = 0.74  # 0.764 at its one blind scoring (end of session 12; 0.741 with the session's start code)
REPORT5_F1_FLOOR = 0.89  # 0.912 at its one blind scoring (end of session 13; 0.896 with the session's start code)
REPORT5_SPEAKER_FLOOR = 0.70  # 0.719 at its one blind scoring (end of session 13; 0.688 with the start code)
REPORT6_F1_FLOOR = 0.86  # 0.879 at its one blind scoring (end of session 13; 0.877 with the session's start code)
REPORT6_SPEAKER_FLOOR = 0.82  # 0.842 at its one blind scoring (end of session 13; 0.822 with the start code)
REPORT7_F1_FLOOR = 0.89  # 0.910 at its one blind scoring (end of session 14; 0.910 with the session's start code)
REPORT7_SPEAKER_FLOOR = 0.77  # 0.797 at its one blind scoring (end of session 14; 0.793 with the start code)
REPORT8_F1_FLOOR = 0.88  # 0.898 at its one blind scoring (mid-session 15; 0.898 with the session's start code)
REPORT8_SPEAKER_FLOOR = 0.69  # 0.716 at its one blind scoring (mid-session 15; 0.716 with the start code)
REPORT9_F1_FLOOR = 0.88  # 0.896 at its one blind scoring (end of session 15; 0.896 with the session's start code)
REPORT9_SPEAKER_FLOOR = 0.78  # 0.810 at its one blind scoring (end of session 15; 0.810 with the start code)
TUNE2_F1_FLOOR = 0.88  # 0.863 scored blind before anyone read it, 0.888 after session 7's rules, 0.890 session 9
TUNE2_SPEAKER_FLOOR = 0.88  # 0.711 blind, 0.828 after session 7's rules, 0.890 after session 9's, 0.904 session 12


def _score(path: Path, articles: int = 40) -> QuoteScores:
    gold = load_split_quotes(path)
    assert len(gold) == articles, f"{path.name} is missing articles"
    models = NlpModels()
    items = []
    for article_id, text, quotes in gold:
        doc = models.parse(text, "fr")
        items.append((article_id, quotes, extract_quotes(doc, find_mentions(doc, "fr"), "fr")))
    return score_quotes(items)


@pytest.fixture(scope="module")
def scores() -> QuoteScores:
    return _score(TUNE)


@pytest.mark.slow
def test_report_half_floors() -> None:
    result = _score(REPORT).result("all", 0.3)
    assert result["f1"] >= REPORT_F1_FLOOR
    assert result["speaker"] >= REPORT_SPEAKER_FLOOR


@pytest.mark.slow
def test_second_report_half_floors() -> None:
    result = _score(REPORT2).result("all", 0.3)
    assert result["f1"] >= REPORT2_F1_FLOOR
    assert result["speaker"] >= REPORT2_SPEAKER_FLOOR


@pytest.mark.slow
def test_third_report_half_floors() -> None:
    """Scored once blind (end of session 11), tuned on since session 12: what the rules do on them must hold."""
    result = _score(REPORT3, articles=30).result("all", 0.3)
    assert result["f1"] >= REPORT3_F1_FLOOR
    assert result["speaker"] >= REPORT3_SPEAKER_FLOOR


@pytest.mark.slow
def test_fourth_report_half_floors() -> None:
    """Scored once blind (end of session 12) and never read: what the rules did on them must hold."""
    result = _score(REPORT4, articles=30).result("all", 0.3)
    assert result["f1"] >= REPORT4_F1_FLOOR
    assert result["speaker"] >= REPORT4_SPEAKER_FLOOR


@pytest.mark.slow
def test_fifth_report_half_floors() -> None:
    """Scored once blind (end of session 13) and never read: what the rules did on them must hold."""
    result = _score(REPORT5, articles=30).result("all", 0.3)
    assert result["f1"] >= REPORT5_F1_FLOOR
    assert result["speaker"] >= REPORT5_SPEAKER_FLOOR


@pytest.mark.slow
def test_sixth_report_half_floors() -> None:
    """Scored once blind (end of session 13) and never read: what the rules did on them must hold."""
    result = _score(REPORT6, articles=30).result("all", 0.3)
    assert result["f1"] >= REPORT6_F1_FLOOR
    assert result["speaker"] >= REPORT6_SPEAKER_FLOOR


@pytest.mark.slow
def test_seventh_report_half_floors() -> None:
    """Scored once blind (end of session 14) and never read: what the rules did on them must hold."""
    result = _score(REPORT7, articles=30).result("all", 0.3)
    assert result["f1"] >= REPORT7_F1_FLOOR
    assert result["speaker"] >= REPORT7_SPEAKER_FLOOR


@pytest.mark.slow
@pytest.mark.parametrize(
    ("path", "f1", "speaker"),
    [(REPORT8, REPORT8_F1_FLOOR, REPORT8_SPEAKER_FLOOR), (REPORT9, REPORT9_F1_FLOOR, REPORT9_SPEAKER_FLOOR)],
    ids=["report8", "report9"],
)
def test_session15_report_half_floors(path: Path, f1: float, speaker: float) -> None:
    """Scored once blind (report8 mid-session 15, report9 at its end) and never read before: what the rules did on
    them must hold."""
    result = _score(path, articles=30).result("all", 0.3)
    assert result["f1"] >= f1
    assert result["speaker"] >= speaker


@pytest.mark.slow
def test_tune2_floors() -> None:
    result = _score(TUNE2).result("all", 0.3)
    assert result["f1"] >= TUNE2_F1_FLOOR
    assert result["speaker"] >= TUNE2_SPEAKER_FLOOR


@pytest.mark.slow
def test_tune_half_quote_f1_floor(scores: QuoteScores) -> None:
    assert scores.result("all", 0.3)["f1"] >= F1_FLOOR


@pytest.mark.slow
def test_tune_half_speaker_accuracy_floor(scores: QuoteScores) -> None:
    assert scores.result("all", 0.3)["speaker"] >= SPEAKER_FLOOR, scores.wrong_speaker[:10]


@pytest.mark.slow
def test_no_garbage_speakers(scores: QuoteScores) -> None:
    """Every matched quote's speaker is a name, a description or nobody: never a month, a bare pronoun
    or a fragment glued across a missing space."""
    bad = [
        p.speaker
        for pairs in scores.pairs.values()
        for _, _, p in pairs
        if p.speaker and (p.speaker.lower() in {"il", "elle", "ils", "elles", "mai", "juin"} or '."' in p.speaker)
    ]
    assert bad == []
