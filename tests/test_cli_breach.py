"""cli/breach.py: ``huabei-calc breach`` through ``main(argv)``."""

from __future__ import annotations

import json
import re
import shlex
from datetime import date
from pathlib import Path

import pytest

from huabei_calc.cli import main

PLAN = ["--principal", "10000", "--penalty", "300", "--product", "jiebei", "--periods", "12"]
PLAN += ["--start", "2025-01-01", "--waive", "penalty", "--missed", "3"]


def test_breach_golden(capsys: pytest.CaptureFixture[str]) -> None:
    # docs/rules.md "Cases and drafts" (the breach warning) and plans.breach: 10,000 over 12 →
    # 833.33 a month, period 1 833.37; periods 1–2 paid 1,666.70, 8,333.30 left. Jiebei's
    # overdue rate 0.075% a day: 8,333.30 × 0.00075 = 6.249975 → 6.25 a day × 30 days
    # (2025-04-01 → 2025-05-01) = 187.50; revived, the waived 300 penalty comes back.
    assert main(["breach", *PLAN, "--until", "2025-05-01", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["lapse_date"] == "2025-04-01"
    assert data["paid_before"] == ["1666.70", "1666.70"]
    assert data["left_under_plan"] == ["8333.30", "8333.30"]
    assert data["charged"] == ["187.50", "187.50"]
    assert data["owed_then"] == ["8520.80", "8820.80"]
    assert data["breach_cost"] == ["187.50", "487.50"]
    assert data["revive"] == ["penalty"]


def test_breach_table_in_chinese_and_no_revive(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["breach", *PLAN, "--until", "2025-05-01", "--lang", "zh", "--revive", "none"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("错过第 3 期：方案于 2025-04-01 失效；截至 2025-05-01 的欠款")
    assert "违约代价" in out
    assert "8,520.80" in out
    assert "8,820.80" not in out


def test_until_defaults_to_today(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["breach", *PLAN, "--format", "json"]) == 0
    default = capsys.readouterr().out
    today = date.today().isoformat()
    assert json.loads(default)["until"] == today
    assert main(["breach", *PLAN, "--until", today, "--format", "json"]) == 0
    assert capsys.readouterr().out == default


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (
            ["--missed", "13", "--until", "2026-01-01"],
            "--missed=13 must be a whole number from 1 to 12",
        ),
        (["--until", "2025-03-01"], "is before the lapse date 2025-04-01"),
        (["--until", "2025-05-01", "--revive", "interest"], "revive"),
        (["--until", "someday"], "--until"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    extra: list[str], words: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["breach", *PLAN, *extra]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert words in err


def test_the_guide_shows_what_the_command_prints(capsys: pytest.CaptureFixture[str]) -> None:
    guide = Path(__file__).resolve().parents[1] / "docs" / "guides" / "negotiate.md"
    page = guide.read_text(encoding="utf-8")
    command = re.search(r"```sh\n(huabei-calc breach .*?)```", page, re.S)
    shown = re.search(r"```text\n(错过第.*?)```", page, re.S)
    assert command is not None
    assert shown is not None
    argv = shlex.split(command.group(1).replace("\\\n", " "))
    assert main(argv[1:]) == 0
    assert capsys.readouterr().out == shown.group(1)
