"""Scoring against gold data, shared by ``bench/`` (full runs) and the quality-floor tests (slices).

One module per judged stage: ``extraction`` (titles, dates, leads, body F1), ``quotes``, ``figures``,
``ner``. These functions only compare; they never feed back into the stages they score.
"""
