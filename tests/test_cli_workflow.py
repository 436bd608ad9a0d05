"""cli/workflow.py: --budget, --since, several --periods, --summary, --rows, accrue until today."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

import huabei_calc as hc
from huabei_calc.cli import main

D = Decimal


def _json(capsys: pytest.CaptureFixture[str], *argv: str) -> dict[str, object]:
    assert main([*argv, "--format", "json"]) == 0
    data: dict[str, object] = json.loads(capsys.readouterr().out)
    return data


@pytest.mark.parametrize("command", ["freeze", "compare"])
def test_budget_takes_the_shortest_plan_that_fits(
    command: str, capsys: pytest.CaptureFixture[str]
) -> None:
    # plans.plan_for_budget's example (docs/rules.md, "Cases and drafts"): 10,000 within
    # 900 a month: 11 periods need 909.10, 12 periods 833.33 (period 1 833.37)
    argv = [command, "--principal", "10000", "--budget", "900", "--start", "2025-03-01"]
    if command == "compare":
        argv += ["--product", "huabei"]
    data = _json(capsys, *argv)
    assert (data["periods"], data["budget"], data["first_payment"]) == (12, "900.00", "833.37")
    plan = hc.plan_for_budget(hc.Debt(principal="10000"), "900", start=date(2025, 3, 1))
    assert data["periods"] == plan.rows[-1].period


def test_since_brings_the_debt_forward_first(capsys: pytest.CaptureFixture[str]) -> None:
    # docs/conventions: Huabei 5,000 overdue 4 days → 2.50 a day → 10.00
    argv = ["compare", "--principal", "5000", "--product", "huabei", "--periods", "10"]
    data = _json(capsys, *argv, "--since", "2025-01-10", "--start", "2025-01-14")
    assert (data["since"], data["charged"], data["debt_total"]) == (
        "2025-01-10",
        "10.00",
        "5010.00",
    )
    debt = hc.accrue(
        hc.Debt(principal="5000"), hc.HUABEI, since=date(2025, 1, 10), until=date(2025, 1, 14)
    ).debt
    cmp = hc.compare(debt, hc.HUABEI, hc.freeze(debt, 10, start=date(2025, 1, 14)))
    assert data["accruing_total"] == str(cmp.accruing_total)
    # freeze brings it forward too, when told the product
    argv[0] = "freeze"
    frozen = _json(capsys, *argv, "--since", "2025-01-10", "--start", "2025-01-14")
    assert frozen["frozen_amount"] == "5010.00"


def test_several_periods_side_by_side(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["compare", "--principal", "20000", "--interest", "1200", "--penalty", "800"]
    argv += ["--product", "jiebei", "--start", "2025-03-01", "--waive", "penalty"]
    data = _json(capsys, *argv, "--periods", "24,36,48")
    rows = data["rows"]
    assert isinstance(rows, list)
    assert [r["periods"] for r in rows] == [24, 36, 48]
    debt = hc.Debt(principal="20000", interest="1200", penalty="800")
    for row in rows:
        plan = hc.freeze(debt, row["periods"], start=date(2025, 3, 1), waive=("penalty",))
        cmp = hc.compare(debt, hc.JIEBEI, plan)
        assert row["frozen_total"] == str(cmp.frozen_total)
        assert row["accruing_total"] == str(cmp.accruing_total)
        assert row["saving"] == str(cmp.saving)
        assert row["monthly_payment"] == str(plan.rows[-1].payment)
    # people get one summary table, no month table
    assert main([*argv, "--periods", "24,36,48"]) == 0
    out = capsys.readouterr().out
    assert out.count("\n") < 12
    assert "Accruing debt cleared on" in out


def test_the_month_table_only_when_asked(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["compare", "--principal", "10000", "--product", "huabei", "--periods", "12"]
    argv += ["--start", "2025-03-01"]
    assert main(argv) == 0
    short = capsys.readouterr().out
    assert main([*argv, "--rows"]) == 0
    long = capsys.readouterr().out
    assert long.startswith(short)
    assert "2026-03-01" not in short
    assert "2026-03-01" in long
    assert main([*argv, "--rows", "--summary"]) == 0
    assert capsys.readouterr().out == short
    # freeze --summary: the plan's summary without its schedule
    freeze = ["freeze", "--principal", "1200", "--periods", "12", "--start", "2025-01-01"]
    assert main([*freeze, "--summary"]) == 0
    assert "2025-12-01" not in capsys.readouterr().out  # period 11's due date
    assert main(freeze) == 0
    assert "2025-12-01" in capsys.readouterr().out


def test_accrue_until_defaults_to_today(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["accrue", "--principal", "100", "--product", "huabei", "--since", "2025-01-10"]
    data = _json(capsys, *argv)
    assert data["until"] == date.today().isoformat()


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (["freeze", "--principal", "100"], "--periods=None is missing"),
        (["freeze", "--principal", "100", "--periods", "3", "--budget", "50"], "--budget=50"),
        (["freeze", "--principal", "100", "--periods", "3", "--since", "2025-01-01"], "--since"),
        (["freeze", "--principal", "100", "--periods", "3,6"], "--periods"),
        (["compare", "--principal", "100", "--product", "huabei", "--periods", "3,x"], "--periods"),
        (["freeze", "--principal", "10000", "--budget", "1"], "budget"),
    ],
)
def test_bad_input_exits_2(argv: list[str], words: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert words in err
