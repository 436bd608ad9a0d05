"""The command line, through ``main(argv)``: every subcommand in every format and
language, bad input (exit 2, one line on stderr), and ``python -m huabei_calc``."""

from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import unicodedata
from datetime import date

import pytest

import huabei_calc as hc
from huabei_calc.cli import main
from huabei_calc.cli import options as _cli_options

DEBT = ["--principal", "20000", "--interest", "1200", "--penalty", "800"]
PLAN = ["--periods", "36", "--start", "2025-07-01", "--down-payment", "5%", "--waive", "penalty"]
COMMANDS = {
    "accrue": [
        "accrue",
        *DEBT,
        "--product",
        "jiebei",
        "--rate",
        "0.05%",
        "--since",
        "2025-03-10",
        "--until",
        "2025-06-01",
    ],
    "schedule": [
        "schedule",
        "--principal",
        "10000",
        "--periods",
        "12",
        "--rate",
        "年化4.9%",
        "--method",
        "equal-installment",
        "--start",
        "2025-01-31",
    ],
    "installment": [
        "installment",
        "--principal",
        "5000",
        "--periods",
        "12",
        "--start",
        "2025-01-01",
    ],
    "freeze": ["freeze", *DEBT, *PLAN],
    "compare": ["compare", *DEBT, "--product", "jiebei", "--rate", "0.05%", *PLAN, "--rows"],
    "apr": ["apr", "--flows=-5000,453.48" + ",453.32" * 11],
    "apr-dated": ["apr", "--dated", "2025-01-01:-10000,2025-07-01:5300,2026-01-01:5300"],
}
CSV_HEADERS = {
    "accrue": ["first", "last", "days", "base", "daily_charge", "charged"],
    "schedule": ["period", "due", "payment", "principal", "interest", "fee", "balance"],
    "installment": ["period", "due", "payment", "principal", "interest", "fee", "balance"],
    "freeze": ["period", "due", "payment", "principal", "interest", "fee", "balance"],
    "compare": ["date", "frozen_balance", "accruing_balance", "untouched_balance"],
    "apr": ["flows", "irr", "apr", "effective_annual_rate"],
    "apr-dated": ["flows", "xirr"],
}
ZH_LABELS = {
    "accrue": ["逾期费用", "借呗", "新增费用", "日利率 0.075%"],
    "schedule": ["还款计划", "等额本息", "年化利率", "剩余本金"],
    "installment": ["花呗分期", "手续费总额", "历史费率", "合计"],
    "freeze": ["停息挂账方案", "挂账金额", "首付", "罚息"],
    "compare": ["停息挂账与继续计息对比", "节省", "继续计息余额", "不还款余额"],
    "apr": ["年化利率", "公示口径", "实际年利率"],
    "apr-dated": ["年化利率", "XIRR"],
}


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def cells(line: str) -> list[str]:
    """A line as display cells: a wide (CJK) character takes two."""
    out: list[str] = []
    for ch in line:
        out += [ch, ""] if unicodedata.east_asian_width(ch) in "WF" else [ch]
    return out


def assert_aligned(text: str) -> None:
    """Under the dashed rule, every row leaves the gaps between columns blank."""
    lines = text.splitlines()
    rule = next(i for i, line in enumerate(lines) if line.startswith("---"))
    gaps = [i for i, ch in enumerate(lines[rule]) if ch == " "]
    for line in [lines[rule - 1], *lines[rule + 1 :]]:
        row = cells(line)
        assert all(i >= len(row) or row[i] == " " for i in gaps), line
        assert len(row) <= len(lines[rule])


@pytest.mark.parametrize("name", COMMANDS)
@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "json"])
def test_every_command_in_every_format(
    capsys: pytest.CaptureFixture[str], name: str, fmt: str
) -> None:
    code, out, err = run(capsys, *COMMANDS[name], "--format", fmt)
    assert (code, err) == (0, "")
    assert out.endswith("\n")
    if fmt == "json":
        doc = json.loads(out)
        assert isinstance(doc, dict)
        for key, value in doc.items():
            assert not isinstance(value, float), key
        if "rows" in doc:
            assert doc["rows"]
            assert all(isinstance(v, str | int | None) for v in doc["rows"][0].values())
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(out)))
        assert rows[0] == CSV_HEADERS[name]
        assert len(rows) >= 2
        assert all(len(r) == len(rows[0]) for r in rows)
    elif fmt == "markdown":
        lines = out.splitlines()
        assert lines[0].startswith("### ")
        if name.startswith("apr"):
            assert any(line.startswith("- ") for line in lines)
        else:
            assert any(set(line) <= set("|-: ") and "---" in line for line in lines)
            assert sum(line.startswith("| ") for line in lines) >= 3
    else:
        assert "|" not in out
        if not name.startswith("apr"):
            assert_aligned(out)


@pytest.mark.parametrize("name", COMMANDS)
def test_chinese_labels(capsys: pytest.CaptureFixture[str], name: str) -> None:
    for fmt in ("table", "markdown"):
        code, out, _ = run(capsys, *COMMANDS[name], "--lang", "zh", "--format", fmt)
        assert code == 0
        for label in ZH_LABELS[name]:
            assert label in out, (fmt, label)
    if not name.startswith("apr"):
        _, out, _ = run(capsys, *COMMANDS[name], "--lang", "zh")
        assert_aligned(out)


def test_options_before_the_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--lang", "zh", "--format", "markdown", *COMMANDS["accrue"])
    assert code == 0
    assert out.startswith("### 逾期费用")
    # a subcommand's own option wins
    code, out, _ = run(capsys, "--format", "markdown", *COMMANDS["accrue"], "--format", "json")
    assert json.loads(out)["charged"] == "1319.70"


def test_accrue_golden(capsys: pytest.CaptureFixture[str]) -> None:
    # docs/rules.md#huabei: 5,000 overdue 4 days at 0.05%/day → 2.50 a day → 10.00
    argv = ["accrue", "--principal", "5000", "--product", "huabei", "--since", "2025-01-10"]
    code, out, _ = run(capsys, *argv, "--days", "4", "--format", "json")
    doc = json.loads(out)
    assert code == 0
    assert (doc["charged"], doc["total_after"], doc["days"]) == ("10.00", "5010.00", 4)
    assert doc["rows"] == [
        {
            "first": "2025-01-11",
            "last": "2025-01-14",
            "days": 4,
            "base": "5000.00",
            "daily_charge": "2.50",
            "charged": "10.00",
        }
    ]
    # --days N is until = since + N
    _, same, _ = run(capsys, *argv, "--until", "2025-01-14", "--format", "json")
    assert json.loads(same) == doc
    # Jiebei: 10,000 for 30 days at 0.05% × 1.5 → 225.00
    argv = ["accrue", "--principal", "10000", "--product", "jiebei", "--since", "2025-01-10"]
    _, out, _ = run(capsys, *argv, "--days", "30", "--format", "json")
    assert json.loads(out)["charged"] == "225.00"
    # with --product, a bare percentage is the product's daily rate; a named period works too
    for rate in ("0.06%", "万分之六", "0.06%/day", "日利率0.06%"):
        _, out, _ = run(capsys, *argv, "--days", "30", "--rate", rate, "--format", "json")
        assert json.loads(out)["overdue_rate"] == "0.09%/day"


def test_installment_true_rate(capsys: pytest.CaptureFixture[str]) -> None:
    # docs/rules.md#huabei-installments: 5,000 over 12 at 8.8% → fee 440, APR (IRR × 12) 15.86%
    code, out, _ = run(capsys, *COMMANDS["installment"])
    assert code == 0
    assert "15.86%" in out
    assert "440.00" in out
    assert "historic" in out
    _, out, _ = run(capsys, *COMMANDS["installment"], "--format", "json")
    doc = json.loads(out)
    assert doc["total_fee"] == "440.00"
    assert doc["rows"][0]["payment"] == "453.48"
    assert doc["apr"].startswith("0.1586")
    _, out, _ = run(capsys, *COMMANDS["installment"], "--fee-rate", "7.5%", "--format", "json")
    assert json.loads(out)["total_fee"] == "375.00"


def test_apr_names_its_rates(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, *COMMANDS["apr"])
    assert code == 0
    assert "APR, disclosed (IRR × 12)  15.86%" in out
    assert "Effective annual rate      17.07%" in out
    _, out, _ = run(capsys, *COMMANDS["apr-dated"])
    assert "Effective annual rate (XIRR)" in out


def test_schedule_methods(capsys: pytest.CaptureFixture[str]) -> None:
    # docs/conventions.md#schedules: 1,000,000 over 360 months at 4.9%/year → 5,307.27; equal
    # principal 6,861.11
    base = ["schedule", "--principal", "1000000", "--periods", "360", "--rate", "4.9%/year"]
    base += ["--start", "2025-01-01", "--format", "json"]
    _, out, _ = run(capsys, *base, "--method", "equal-installment")
    assert json.loads(out)["rows"][0]["payment"] == "5307.27"
    _, out, _ = run(capsys, *base, "--method", "equal-principal")
    assert json.loads(out)["rows"][0]["payment"] == "6861.11"
    _, out, _ = run(capsys, *base, "--method", "interest-only", "--interest-basis", "actual")
    doc = json.loads(out)
    assert doc["interest_basis"] == "actual"
    assert doc["rows"][-1]["balance"] == "0.00"


def test_compare_summary(capsys: pytest.CaptureFixture[str]) -> None:
    # the library's own example (plans.compare)
    argv = ["compare", "--principal", "10000", "--penalty", "500", "--product", "huabei"]
    argv += ["--periods", "24", "--start", "2025-01-31", "--down-payment", "10%"]
    argv += ["--waive", "penalty"]
    code, out, _ = run(capsys, *argv, "--format", "json")
    doc = json.loads(out)
    assert code == 0
    assert (doc["frozen_total"], doc["untouched_balance"]) == ("10000.00", "14150.00")
    # the CLI reports what the library computes
    debt = hc.Debt(principal="10000", penalty="500")
    plan = hc.freeze(debt, 24, start=date(2025, 1, 31), down_payment="10%", waive=("penalty",))
    cmp = hc.compare(debt, hc.HUABEI, plan)
    assert cmp.accruing_cleared_on is not None
    assert doc["accruing_cleared_on"] == cmp.accruing_cleared_on.isoformat()
    assert (doc["accruing_total"], doc["saving"]) == (str(cmp.accruing_total), str(cmp.saving))
    assert len(doc["rows"]) == len(cmp.rows)
    assert doc["waived"] == ["penalty"]
    assert doc["max_months"] == 120
    # a horizon too short to clear: said plainly, and null in JSON
    code, out, _ = run(capsys, *argv, "--max-months", "24")
    assert code == 0
    assert "not cleared within 24 months (still owed then:" in out
    _, out, _ = run(capsys, *argv, "--max-months", "24", "--lang", "zh")
    assert "24个月内还不清" in out
    _, out, _ = run(capsys, *argv, "--max-months", "24", "--format", "json")
    doc = json.loads(out)
    assert doc["accruing_cleared_on"] is None
    assert doc["accruing_unpaid"] != "0.00"


def test_start_defaults_to_today(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(_cli_options, "_today", lambda: date(2025, 1, 31))
    code, out, _ = run(
        capsys, "installment", "--principal", "300", "--periods", "3", "--format", "csv"
    )
    assert code == 0
    assert [line.split(",")[1] for line in out.splitlines()[1:]] == [
        "2025-02-28",
        "2025-03-31",
        "2025-04-30",
    ]


BAD = [
    (
        [
            "accrue",
            "--principal",
            "abc",
            "--product",
            "huabei",
            "--since",
            "2025-01-10",
            "--days",
            "3",
        ],
        "--principal=abc is not a number",
    ),
    (
        [
            "accrue",
            "--principal",
            "-5",
            "--product",
            "huabei",
            "--since",
            "2025-01-10",
            "--days",
            "3",
        ],
        "--principal=-5",
    ),
    (
        [
            "accrue",
            "--principal",
            "100.005",
            "--product",
            "huabei",
            "--since",
            "2025-01-10",
            "--days",
            "3",
        ],
        "--principal=100.005",
    ),
    (
        [
            "accrue",
            "--principal",
            "100",
            "--interest",
            "x",
            "--product",
            "huabei",
            "--since",
            "2025-01-10",
            "--days",
            "3",
        ],
        "--interest=x",
    ),
    (["accrue", "--principal", "100", "--product", "huabei", "--days", "3"], "--since"),
    (
        [
            "accrue",
            "--principal",
            "100",
            "--product",
            "huabei",
            "--since",
            "2025-01-10",
            "--until",
            "2025-01-12",
            "--days",
            "2",
        ],
        "--days",
    ),
    (
        [
            "accrue",
            "--principal",
            "100",
            "--product",
            "huabei",
            "--since",
            "2025-01-10",
            "--days",
            "x",
        ],
        "--days=x",
    ),
    (
        [
            "accrue",
            "--principal",
            "100",
            "--product",
            "huabei",
            "--since",
            "2025-01-10",
            "--days",
            "-1",
        ],
        "--days=-1",
    ),
    (
        [
            "accrue",
            "--principal",
            "100",
            "--product",
            "huabei",
            "--since",
            "10/01/2025",
            "--days",
            "1",
        ],
        "--since=10/01/2025",
    ),
    (
        [
            "accrue",
            "--principal",
            "100",
            "--product",
            "huabei",
            "--since",
            "2025-02-30",
            "--days",
            "1",
        ],
        "--since=2025-02-30",
    ),
    (
        [
            "accrue",
            "--principal",
            "100",
            "--product",
            "huabei",
            "--since",
            "2025-01-10",
            "--until",
            "2025-01-01",
        ],
        "--until=2025-01-01",
    ),
    (
        [
            "accrue",
            "--principal",
            "100",
            "--product",
            "huabei",
            "--since",
            "2025-01-10",
            "--days",
            "1",
            "--until",
            "2025-01-12",
        ],
        "--until",
    ),
    (
        [
            "accrue",
            "--principal",
            "100",
            "--product",
            "alipay",
            "--since",
            "2025-01-10",
            "--days",
            "1",
        ],
        "--product",
    ),
    (
        [
            "accrue",
            "--principal",
            "100",
            "--product",
            "jiebei",
            "--rate",
            "0.06",
            "--since",
            "2025-01-10",
            "--days",
            "1",
        ],
        "--rate=0.06",
    ),
    (
        [
            "accrue",
            "--principal",
            "100",
            "--product",
            "jiebei",
            "--rate",
            "2%",
            "--since",
            "2025-01-10",
            "--days",
            "1",
        ],
        "--rate=2%",
    ),
    (
        [
            "accrue",
            "--principal",
            "100",
            "--product",
            "jiebei",
            "--rate",
            "abc/day",
            "--since",
            "2025-01-10",
            "--days",
            "1",
        ],
        "--rate=abc/day",
    ),
    (
        [
            "schedule",
            "--principal",
            "1000",
            "--periods",
            "12",
            "--rate",
            "4.9%",
            "--method",
            "equal-installment",
        ],
        "--rate=4.9% has no period",
    ),
    (
        [
            "schedule",
            "--principal",
            "1000",
            "--periods",
            "12",
            "--rate",
            "0.049",
            "--method",
            "equal-installment",
        ],
        "--rate=0.049 has no unit and no period",
    ),
    (
        [
            "schedule",
            "--principal",
            "1000",
            "--periods",
            "0",
            "--rate",
            "4.9%/year",
            "--method",
            "equal-installment",
        ],
        "--periods=0",
    ),
    (
        [
            "schedule",
            "--principal",
            "1000",
            "--periods",
            "1.5",
            "--rate",
            "4.9%/year",
            "--method",
            "equal-installment",
        ],
        "--periods=1.5",
    ),
    (
        [
            "schedule",
            "--principal",
            "1000",
            "--periods",
            "12",
            "--rate",
            "4.9%/year",
            "--method",
            "bullet",
        ],
        "--method",
    ),
    (["installment", "--principal", "1000", "--periods", "5"], "--periods=5"),
    (["installment", "--principal", "1000", "--periods", "12", "--fee-rate", "x"], "--fee-rate=x"),
    (["freeze", "--principal", "1000", "--periods", "61", "--start", "2025-01-01"], "--periods=61"),
    (
        [
            "freeze",
            "--principal",
            "1000",
            "--periods",
            "6",
            "--start",
            "2025-01-01",
            "--down-payment",
            "100%",
        ],
        "--down-payment=100%",
    ),
    (
        [
            "freeze",
            "--principal",
            "1000",
            "--periods",
            "6",
            "--start",
            "2025-01-01",
            "--waive",
            "principal",
        ],
        "--waive=principal",
    ),
    (
        [
            "freeze",
            "--principal",
            "0",
            "--penalty",
            "10",
            "--periods",
            "6",
            "--start",
            "2025-01-01",
            "--waive",
            "penalty",
        ],
        "--waive=penalty",
    ),
    (
        [
            "compare",
            "--principal",
            "1000",
            "--product",
            "huabei",
            "--periods",
            "36",
            "--start",
            "2025-01-01",
            "--max-months",
            "12",
        ],
        "--max-months=12",
    ),
    (["apr", "--flows=-1000,abc"], "--flows=-1000,abc"),
    (["apr", "--flows=-1000,-10"], "--flows=-1000,-10"),
    (["apr", "--flows=100"], "--flows=100"),
    (["apr", "--dated", "2025-01-01:-1000,2025-13-01:1100"], "--dated="),
    (["apr", "--dated", "2025-01-01:-1000,2026-01-01:-1100"], "--dated="),
    (["apr", "--flows", "1,2", "--dated", "2025-01-01:1"], "--dated"),
    (["apr", "--flows=-1,2", "--bogus"], "--bogus"),
    (["nonsense"], "nonsense"),
    ([], "COMMAND"),
]


@pytest.mark.parametrize(("argv", "named"), BAD)
def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], named: str
) -> None:
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert out == ""
    assert err.startswith("huabei-calc: error: ")
    assert err.endswith("\n")
    assert err.count("\n") == 1
    assert "Traceback" not in err
    assert named in err


@pytest.mark.parametrize(("argv", "named"), BAD)
def test_bad_input_in_chinese(
    capsys: pytest.CaptureFixture[str], argv: list[str], named: str
) -> None:
    code, out, err = run(capsys, *argv, "--lang", "zh")
    assert (code, out) == (2, "")
    assert err.startswith("huabei-calc: 错误: ")
    assert err.count("\n") == 1
    assert named.split()[0] in err  # the option, with the message in Chinese


def test_chinese_messages(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["accrue", "--principal", "abc", "--product", "huabei", "--since", "2025-01-10"]
    _, _, err = run(capsys, *argv, "--days", "1", "--lang", "zh")
    assert err == "huabei-calc: 错误: --principal=abc 不是数字；请写金额，如 1234.56\n"
    # neither --until nor --days counts until today: the amount is still the first problem
    _, _, err = run(capsys, *argv, "--lang=zh")
    assert err == "huabei-calc: 错误: --principal=abc 不是数字；请写金额，如 1234.56\n"
    _, _, err = run(capsys, *argv[:-2], "--days", "1", "--lang", "zh")
    assert "缺少必需的参数：--since" in err


DEBT_ZH = ["--principal", "20000", "--interest", "1200", "--penalty", "800", "--lang", "zh"]
ZH_ONLY = [  # library messages a command-line user meets, each said in Chinese
    (["installment", "--principal", "5000", "--periods", "12", "--fee-rate", "8.8"], "超过 100%"),
    (["installment", "--principal", "5000", "--periods", "12", "--fee-rate", "abc"], "不是利率"),
    (["installment", "--principal", "5000", "--periods", "12", "--start", "9999-01-01"], "太晚"),
    (["freeze", *DEBT_ZH, "--periods", "36", "--down-payment", "100%"], "百分比"),
    (["freeze", *DEBT_ZH, "--periods", "36", "--down-payment", "5%%"], "金额或百分比"),
    (["freeze", *DEBT_ZH, "--periods", "36", "--waive", "罚息,penalty"], "重复"),
    (
        ["freeze", "--principal", "0", "--penalty", "8", "--periods", "3", "--waive", "罚息"],
        "无欠款",
    ),
    (["freeze", "--principal", "0.05", "--periods", "36"], "最多 5 期"),
    (["compare", *DEBT_ZH, "--product", "jiebei", "--rate", "0.9%", "--periods", "36"], "1.35%"),
    (["apr", "--flows=-1,3,-3"], "没有任何利率"),
]


@pytest.mark.parametrize(("argv", "said"), ZH_ONLY)
def test_library_messages_in_chinese(
    capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    code, out, err = run(capsys, *argv, "--lang", "zh")
    assert (code, out, err.count("\n")) == (2, "", 1)
    assert said in err
    message = err.removeprefix("huabei-calc: 错误: ").split(" ", 1)[1]
    assert not re.search(r"[A-Za-z]{3,}", message.replace("penalty", "")), err


def test_days_past_the_last_date(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["accrue", "--principal", "5000", "--product", "huabei", "--since", "9999-12-01"]
    code, _, err = run(capsys, *argv, "--days", "100")
    assert code == 2
    assert err == "huabei-calc: error: --days=100 goes past 9999-12-31\n"
    assert run(capsys, *argv, "--days", "30")[0] == 0


@pytest.mark.parametrize("flows", ["--flows=", "--flows=-100,,110", "--flows=-100,110,"])
def test_an_empty_flow_is_named(capsys: pytest.CaptureFixture[str], flows: str) -> None:
    code, _, err = run(capsys, "apr", flows)
    assert code == 2
    assert err.startswith(f"huabei-calc: error: {flows} has an empty flow; write numbers")


def test_no_rate_of_return_names_the_option(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "apr", "--flows=-1,3,-3")
    assert code == 2
    assert err.startswith("huabei-calc: error: --flows=-1,3,-3: no rate between")
    assert err.count("\n") == 1


def test_english_messages_speak_of_options(capsys: pytest.CaptureFixture[str]) -> None:
    # the library says `fee_rate` and indexes flows from 0; a command-line user needs
    # the option, and counts flows from 1
    _, _, err = run(capsys, "installment", "--principal", "5000", "--periods", "5")
    assert err.endswith("(terms: 3, 6, 9, 12); pass --fee-rate\n")
    _, _, err = run(capsys, "apr", "--flows=-100,1e20")
    assert err == (
        "huabei-calc: error: --flows=-100,1e20 (flow 2) must be at most 10^12 yuan either way\n"
    )


def test_schedule_with_payments_above_the_amount_bound(capsys: pytest.CaptureFixture[str]) -> None:
    # a valid schedule whose last payment passes 10^12 yuan: its rates are computed,
    # not refused as if the user had typed a cash flow (`cashflows=… at index 600`)
    argv = ["schedule", "--principal", "999999999999", "--periods", "600", "--rate"]
    argv += ["1000%/year", "--method", "equal-installment", "--start", "2025-01-01"]
    code, out, err = run(capsys, *argv, "--format", "json")
    assert (code, err) == (0, "")
    doc = json.loads(out)
    assert doc["apr"].startswith("10.000000")
    assert len(doc["rows"]) == 600


@pytest.mark.parametrize("command", ["freeze", "compare"])
def test_plan_past_the_last_date(capsys: pytest.CaptureFixture[str], command: str) -> None:
    product = ["--product", "huabei"] if command == "compare" else []
    argv = [command, *DEBT, *product, "--periods", "36", "--start", "9999-01-01"]
    code, _, err = run(capsys, *argv)
    assert (code, err.count("\n")) == (2, 1)
    assert err.startswith("huabei-calc: error: --start=9999-01-01 is too late")
    _, _, err = run(capsys, *argv, "--lang", "zh")
    assert err.startswith("huabei-calc: 错误: --start=9999-01-01 太晚：第36期")


def test_help_names_what_is_accepted(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "freeze", "--help", "--lang", "zh")
    assert code == 0
    assert "罚息,利息,手续费" in out
    assert ".svg" in out


def test_help_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "usage: huabei-calc" in out
    assert "compare" in out
    code, out, _ = run(capsys, "compare", "--help", "--lang", "zh")
    assert code == 0
    assert out.startswith("用法：huabei-calc compare")
    assert "首付" in out
    code, out, _ = run(capsys, "--version")
    assert code == 0
    assert out.startswith("huabei-calc ")


def test_main_reads_sys_argv(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "argv", ["huabei-calc", *COMMANDS["apr"], "--format", "csv"])
    assert main() == 0
    assert capsys.readouterr().out.startswith("flows,irr,apr,effective_annual_rate\n13,")


def test_python_dash_m() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "huabei_calc", "--help"], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0
    assert "huabei-calc" in done.stdout
    done = subprocess.run(
        [sys.executable, "-m", "huabei_calc", "accrue", "--principal", "x"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    assert done.stderr.count("\n") == 1
    assert "Traceback" not in done.stderr


def test_cli_import_is_light() -> None:
    code = (
        "import sys, huabei_calc, huabei_calc.cli, huabei_calc.plot\n"
        "heavy = {'matplotlib', 'numpy', 'pandas'} & set(sys.modules)\n"
        "assert not heavy, heavy\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
