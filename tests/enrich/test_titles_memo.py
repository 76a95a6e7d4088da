"""``roles.title_end`` with its memoised folding and its first-token check answers as it did without them, for every
token and end of real French articles (the check only skips tokens no title can start with)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from recoupe.enrich import NlpModels, roles

FIXTURES = Path(__file__).parents[1] / "fixtures"


class _Everything:
    def __contains__(self, item: object) -> bool:
        return True


def _ends(models: NlpModels) -> list[int | None]:
    texts = [path.read_text(encoding="utf-8") for path in sorted((FIXTURES / "seeds").glob("*.txt"))]
    for path in sorted((FIXTURES / "orangesum" / "parsed").glob("*.json"))[:12]:
        data = json.loads(path.read_text(encoding="utf-8"))
        texts.append(f"{data['title']}.\n\n{data['article']}")
    texts.append("Le Premier ministre, la garde des Sceaux et le président-directeur général ; premier secrétaire.")
    ends = []
    for doc in models.parse_batch(texts, "fr"):
        for i in range(len(doc)):
            ends.extend(roles.title_end(doc, i, stop) for stop in {*range(i, min(len(doc), i + 12) + 1), len(doc)})
    return ends


def test_title_end_as_without_the_memo_and_the_first_token_check(monkeypatch: pytest.MonkeyPatch) -> None:
    models = NlpModels()
    fast = _ends(models)
    monkeypatch.setattr(roles, "_TITLE_STARTS", _Everything())
    monkeypatch.setattr(roles, "_norm_text", roles._norm_text.__wrapped__)
    plain = _ends(models)
    assert sum(end is not None for end in fast) > 100
    assert fast == plain


def test_title_starts_are_the_titles_and_their_heads() -> None:
    assert {"premier", "garde des", "secretaire d'", "chef de l'", "ministre"} <= roles._TITLE_STARTS
    assert "de" not in roles._TITLE_STARTS
