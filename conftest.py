"""Setup shared by every test pytest collects: tests/, the doctests in src/ and docs/."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _english_locale(monkeypatch: pytest.MonkeyPatch) -> None:
    """The command line's ``--lang`` defaults from the locale: run every test under a neutral
    one, so that a Chinese locale on the machine cannot change what the tests read. Tests of
    the locale default set their own environment."""
    monkeypatch.delenv("LC_ALL", raising=False)
    monkeypatch.delenv("LC_MESSAGES", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")
