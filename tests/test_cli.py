"""The command line, through ``main(argv)``: every subcommand in every format and
language, bad input (exit 2, one line on stderr), and ``python -m huabei_calc``."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import subprocess
import sys
import unicodedata
from collections.abc import Callable
from datetime import date
from decimal import Decimal as D
from typing import Any

import pytest

import huabei_calc as hc
from huabei_calc._catalog import Lang
from huabei_calc.cli import main
from huabei_calc.cli import options as _cli_options
from huabei_calc.cli import workflow as _cli_workflow
from huabei_calc.errors import show

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
    """``huabei-calc ARGV`` in a neutral locale (English unless ``--lang zh``)."""
    code = main(list(argv), environ={})
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


def test_apr_of_flows_is_the_schedules_apr(capsys: pytest.CaptureFixture[str]) -> None:
    # one formula (schedule.annual_rates): the CLI's rates of a schedule's flows are its own;
    # the two go through different root finders, each accurate to 1e-10 (returns.py)
    s = hc.flat_fee("5000", 12, start=date(2025, 1, 1))
    flows = ",".join(["-5000", *(str(row.payment) for row in s.rows)])
    _, out, _ = run(capsys, "apr", f"--flows={flows}", "--format", "json")
    doc = json.loads(out)
    assert abs(D(doc["apr"]) - s.apr()) <= D("1e-10")
    assert abs(D(doc["effective_annual_rate"]) - s.effective_annual_rate()) <= D("1e-10")
    _, out, _ = run(capsys, *COMMANDS["installment"], "--format", "json")
    assert json.loads(out)["apr"] == doc["apr"]


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


def said(err: hc.HuabeiCalcError, lang: Lang) -> str:
    """What the library says, in ``lang``, after ``name=value`` (by its message id; in
    English while the error has none)."""
    if isinstance(err, hc.InputError):
        message = err.message(lang).removeprefix(f"{err.name}={show(err.value)} ")
    else:
        message = str(err)
    return " ".join(message.split())


def refusal(call: Callable[[], object]) -> hc.HuabeiCalcError:
    with pytest.raises(hc.HuabeiCalcError) as caught:
        call()
    return caught.value


def test_chinese_messages(capsys: pytest.CaptureFixture[str]) -> None:
    argv = ["accrue", "--principal", "abc", "--product", "huabei", "--since", "2025-01-10"]
    _, _, err = run(capsys, *argv, "--days", "1", "--lang", "zh")
    words = said(refusal(lambda: hc.Debt(principal="abc")), "zh")
    assert err == f"huabei-calc: 错误: --principal=abc {words}\n"
    # neither --until nor --days counts until today: the amount is still the first problem
    _, _, err = run(capsys, *argv, "--lang=zh")
    assert err == f"huabei-calc: 错误: --principal=abc {words}\n"
    _, _, err = run(capsys, *argv[:-2], "--days", "1", "--lang", "zh")
    assert "缺少必需的参数：--since" in err


DEBT_ARGS = ["--principal", "20000", "--interest", "1200", "--penalty", "800"]
DEBT_OBJ = hc.Debt(principal="20000", interest="1200", penalty="800")
START = date(2025, 7, 1)
JULY = ["--start", "2025-07-01"]
LIBRARY_REFUSALS: list[tuple[list[str], str, Callable[[], object]]] = [
    # (the command line, the option it must name, the library call refusing the same value)
    (
        ["installment", "--principal", "5000", "--periods", "12", "--fee-rate", "8.8"],
        "--fee-rate=8.8",
        lambda: hc.flat_fee("5000", 12, "8.8"),
    ),
    (
        ["installment", "--principal", "5000", "--periods", "12", "--fee-rate", "abc"],
        "--fee-rate=abc",
        lambda: hc.flat_fee("5000", 12, "abc"),
    ),
    (
        ["installment", "--principal", "5000", "--periods", "5"],
        "--periods=5",
        lambda: hc.flat_fee("5000", 5),
    ),
    (
        ["freeze", *DEBT_ARGS, "--periods", "36", "--start", "2025-07-01", "--down-payment", "5%%"],
        "--down-payment=5%%",
        lambda: hc.freeze(DEBT_OBJ, 36, start=START, down_payment="5%%"),
    ),
    (
        ["freeze", *DEBT_ARGS, "--periods", "36", "--waive", "罚息,penalty", *JULY],
        "--waive=罚息,penalty",
        lambda: hc.freeze(DEBT_OBJ, 36, start=START, waive=("penalty", "penalty")),
    ),
    (
        ["freeze", "--principal", "0.05", "--periods", "36", "--start", "2025-07-01"],
        "--periods=36",
        lambda: hc.freeze(hc.Debt(principal="0.05"), 36, start=START),
    ),
    (
        ["freeze", *DEBT_ARGS, "--periods", "36", "--start", "9999-01-01"],
        "--start=9999-01-01",
        lambda: hc.freeze(DEBT_OBJ, 36, start=date(9999, 1, 1)),
    ),
    (
        ["compare", *DEBT_ARGS, "--product", "huabei", "--periods", "36", "--start", "9999-01-01"],
        "--start=9999-01-01",
        lambda: hc.freeze(DEBT_OBJ, 36, start=date(9999, 1, 1)),
    ),
    (["apr", "--flows=-100,1e20"], "--flows=-100,1e20", lambda: hc.irr(["-100", "1e20"])),
    (["apr", "--flows=-1,3,-3"], "--flows=-1,3,-3:", lambda: hc.irr(["-1", "3", "-3"])),
]


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize(("argv", "option", "call"), LIBRARY_REFUSALS)
def test_library_messages_by_id(
    capsys: pytest.CaptureFixture[str],
    argv: list[str],
    option: str,
    call: Callable[[], object],
    lang: Lang,
) -> None:
    # the command line says what the library says, by its message id, under the option
    code, out, err = run(capsys, *argv, "--lang", lang)
    error = "错误" if lang == "zh" else "error"
    assert (code, out) == (2, "")
    assert err == f"huabei-calc: {error}: {option} {said(refusal(call), lang)}\n"


def test_an_error_id_is_translated_not_its_english(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # an error with an id the catalog has: its Chinese comes from the catalog
    def refuse(*args: object, **kwargs: object) -> hc.Schedule:
        raise hc.InputError("periods", 72, "err.whole_number", lo=1, hi=60)

    monkeypatch.setattr(_cli_workflow, "freeze", refuse)
    argv = ["freeze", "--principal", "100", "--periods", "72", "--start", "2025-01-01"]
    _, _, err = run(capsys, *argv, "--lang", "zh")
    assert err == "huabei-calc: 错误: --periods=72 必须是 1 到 60 之间的整数\n"
    _, _, err = run(capsys, *argv)
    assert err == "huabei-calc: error: --periods=72 must be a whole number from 1 to 60\n"


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


# -- the locale, product names in Chinese, argparse's own words ----------------------
@pytest.mark.parametrize(
    ("environ", "lang"),
    [
        ({}, "en"),
        ({"LANG": "zh_CN.UTF-8"}, "zh"),
        ({"LANG": "zh_TW.Big5"}, "zh"),
        ({"LANG": "en_US.UTF-8"}, "en"),
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, "zh"),
        ({"LC_ALL": "en_US.UTF-8", "LC_MESSAGES": "zh_CN", "LANG": "zh_CN"}, "en"),
        ({"LC_ALL": "zh_CN.GB18030", "LANG": "en_US"}, "zh"),
        ({"LC_ALL": "", "LANG": "zh_CN.UTF-8"}, "zh"),  # an empty variable is not set
    ],
)
def test_lang_defaults_from_the_locale(
    capsys: pytest.CaptureFixture[str], environ: dict[str, str], lang: str
) -> None:
    title = {"en": "Annualised rate (年化利率)\n", "zh": "年化利率\n"}
    assert main(COMMANDS["apr"], environ=environ) == 0
    assert capsys.readouterr().out.startswith(title[lang])
    # argparse's own words too
    assert main(["accrue"], environ=environ) == 2
    err = capsys.readouterr().err
    assert ("缺少必需的参数" in err) == (lang == "zh")
    # an explicit --lang wins
    for asked in ("en", "zh"):
        assert main([*COMMANDS["apr"], "--lang", asked], environ=environ) == 0
        assert capsys.readouterr().out.startswith(title[asked])


def test_lang_from_the_process_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "zh_CN.UTF-8")
    assert main(COMMANDS["apr"]) == 0
    assert capsys.readouterr().out.startswith("年化利率\n")


@pytest.mark.parametrize(("chinese", "english"), [("花呗", "huabei"), ("借呗", "jiebei")])
def test_products_by_their_chinese_names(
    capsys: pytest.CaptureFixture[str], chinese: str, english: str
) -> None:
    for command in ("accrue", "compare"):
        argv = COMMANDS[command]
        at = argv.index("--product") + 1
        _, want, _ = run(capsys, *argv[:at], english, *argv[at + 1 :], "--format", "json")
        code, got, err = run(capsys, *argv[:at], chinese, *argv[at + 1 :], "--format", "json")
        assert (code, err) == (0, "")
        assert got == want
        assert json.loads(got)["product"] == english


ARGPARSE_ZH = [
    (["accrue"], "缺少必需的参数：--principal, --product, --since"),
    (["accrue", "--principal"], "参数 --principal：需要一个值"),
    (
        ["accrue", "--principal", "1", "--product", "alipay"],
        "参数 --product：无效的选择：'alipay'（可选：'huabei', 'jiebei', '花呗', '借呗'）",
    ),
    (["apr", "--flows=-1,2", "--bogus"], "无法识别的参数：--bogus"),
    (["apr", "--flows=-1,2", "--dated", "2025-01-01:1"], "参数 --dated：不能与 --flows 同时使用"),
    (["nonsense"], "参数 COMMAND：无效的选择：'nonsense'"),
]


@pytest.mark.parametrize(("argv", "said"), ARGPARSE_ZH)
def test_argparse_speaks_chinese_by_message_id(
    capsys: pytest.CaptureFixture[str], argv: list[str], said: str
) -> None:
    code, out, err = run(capsys, *argv, "--lang", "zh")
    assert (code, out) == (2, "")
    assert err.startswith(f"huabei-calc: 错误: {said}")
    assert err.endswith("（参见 --help）\n")
    # English is argparse's own, untouched
    _, _, err = run(capsys, *argv)
    assert "参" not in err
    assert err.startswith("huabei-calc: error: ")


def test_argparse_is_itself_again_afterwards(capsys: pytest.CaptureFixture[str]) -> None:
    import argparse
    import gettext

    run(capsys, "accrue", "--lang", "zh")
    run(capsys, "--help", "--lang", "zh")
    assert vars(argparse)["_"] is gettext.gettext
    assert vars(argparse)["ngettext"] is gettext.ngettext
    parser = argparse.ArgumentParser(prog="other")
    assert parser.format_usage().startswith("usage: other")


def test_catalog_argparse_words_are_argparse_msgids() -> None:
    # a typo here would leave that message in English without anyone noticing
    import argparse
    import inspect

    from huabei_calc._catalog import MESSAGES

    source = inspect.getsource(argparse)
    msgids = [en for code, (en, _) in MESSAGES.items() if code.startswith("cli.argparse.")]
    assert len(msgids) >= 15
    for msgid in msgids:
        assert repr(msgid)[1:-1] in source or msgid in source, msgid


# -- issue 10 §5: defects ----------------------------------------------------------
@pytest.mark.parametrize(
    "argv", [["apr", "--dated", "2025-01-01:-1,2025-01-02:2"], ["apr", "--flows=-1,50000"]]
)
def test_rates_beyond_a_fixed_display(capsys: pytest.CaptureFixture[str], argv: list[str]) -> None:
    # §5.1: a rate above about 1e56 raised decimal.InvalidOperation while being shown
    for fmt in ("table", "markdown", "csv", "json"):
        for lang in ("en", "zh"):
            code, out, err = run(capsys, *argv, "--format", fmt, "--lang", lang)
            assert (code, err) == (0, ""), (fmt, lang)
    _, out, _ = run(capsys, *argv)
    assert re.search(r"[0-9]\.[0-9]{3}e\+[0-9]{2,3}%$", out, re.MULTILINE), out
    _, out, _ = run(capsys, *argv, "--format", "json")
    doc = json.loads(out)
    if "xirr" in doc:  # 1 yuan doubled in a day: 2^365 - 1 a year
        assert D(doc["xirr"]) == hc.xirr([(date(2025, 1, 1), "-1"), (date(2025, 1, 2), "2")])
    else:  # 49,999 a month: (1 + 49999)^12 - 1 a year, exactly
        assert D(doc["effective_annual_rate"]) == 50000**12 - 1
        assert D(doc["irr"]) == D(49999)


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["schedule", "--principal", "1000", "--rate", "4.9%/year"], "--periods"),
        (["installment", "--principal", "1000"], "--periods"),
        (["freeze", "--principal", "1000"], "--periods"),
        (
            ["accrue", "--principal", "1000", "--product", "huabei", "--since", "2025-01-01"],
            "--days",
        ),
        (
            ["compare", "--principal", "1000", "--product", "huabei", "--periods", "3"],
            "--max-months",
        ),
    ],
)
def test_counts_with_thousands_of_digits(
    capsys: pytest.CaptureFixture[str], argv: list[str], option: str
) -> None:
    # §5.4: int() refuses strings over 4,300 digits with a ValueError traceback
    extra = ["--method", "equal-installment"] if argv[0] == "schedule" else []
    if option != "--periods" and argv[0] != "accrue":
        extra.append("--start=2025-01-01")
    for digits in ("9" * 5000, "-" + "1" * 5000, "0" * 4990 + "12"):
        code, out, err = run(capsys, *argv, *extra, f"{option}={digits}")
        assert out == "" or code == 0
        if digits.startswith("0"):  # 12 with leading zeros is 12
            continue
        assert code == 2
        assert err.count("\n") == 1
        assert len(err) < 200  # the value is cut, not echoed 5,000 digits long
        assert err.startswith(f"huabei-calc: error: {option}={digits[:10]}")
        # a negative list of periods (compare --periods N,N) is not a count at all
        assert "has 5000 digits" in err or "is not a whole number" in err


def _cli(*argv: str, env: dict[str, str] | None = None, **kwargs: object) -> Any:
    environ = {k: v for k, v in os.environ.items() if k not in ("LC_ALL", "LC_MESSAGES", "LANG")}
    return subprocess.run(
        [sys.executable, "-m", "huabei_calc", *argv],
        capture_output="stdout" not in kwargs,
        env={**environ, **(env or {})},
        check=False,
        **kwargs,
    )


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    "argv", [COMMANDS["accrue"], [*COMMANDS["accrue"], "--lang", "zh"], ["--lang", "zh", "--help"]]
)
def test_a_terminal_that_cannot_show_chinese(encoding: str, argv: list[str]) -> None:
    # §5.3: UnicodeEncodeError traceback; now \u escapes and one note on stderr
    done = _cli(*argv, env={"PYTHONIOENCODING": encoding})
    assert done.returncode == 0
    stderr = done.stderr.decode(encoding)
    assert "Traceback" not in stderr
    assert stderr.count("\n") == 1
    assert stderr.startswith("huabei-calc: note: this terminal's encoding")
    assert "--lang en" in stderr
    assert "PYTHONIOENCODING=utf-8" in stderr
    out = done.stdout.decode(encoding)
    assert "\\u" in out
    # the escapes are the characters: decoding them gives what a UTF-8 terminal shows
    shown = _cli(*argv, env={"PYTHONIOENCODING": "utf-8"}).stdout.decode("utf-8")
    assert out.encode(encoding).decode("unicode_escape") == shown


def test_a_terminal_that_shows_everything_gets_no_note() -> None:
    done = _cli(*COMMANDS["accrue"], "--lang", "zh", env={"PYTHONIOENCODING": "utf-8"})
    assert (done.returncode, done.stderr) == (0, b"")
    assert "逾期费用" in done.stdout.decode("utf-8")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_a_full_stdout() -> None:
    # §5.3: writing to a full disk: one line on stderr, no traceback
    with open("/dev/full", "w") as full:
        done = _cli(*COMMANDS["compare"], stdout=full, stderr=subprocess.PIPE, text=True)
    assert done.returncode == 1
    assert done.stderr == "huabei-calc: error: cannot write the output: No space left on device\n"


def test_a_closed_stdout() -> None:
    # §5.3: started with stdout closed (`huabei-calc … >&-`)
    script = 'exec "$0" -m huabei_calc "$@" >&-'
    done = subprocess.run(
        ["sh", "-c", script, sys.executable, *COMMANDS["apr"], "--lang", "zh"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr == "huabei-calc: 错误: 无法写出结果：标准输出已关闭\n"


def test_a_reader_that_leaves() -> None:
    # `huabei-calc … | head -1`: nothing more said, no traceback
    script = '"$0" -m huabei_calc "$@" | head -1'
    argv = ["schedule", "--principal", "1000000", "--periods", "600", "--rate", "4.9%/year"]
    argv += ["--method", "equal-principal", "--start", "2025-01-01"]
    done = subprocess.run(
        ["sh", "-c", script, sys.executable, *argv], capture_output=True, text=True, check=False
    )
    assert done.stdout == "Repayment schedule\n"
    assert done.stderr == ""


def test_a_module_registers_its_commands(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # how a new command module joins: a register(commands) function in REGISTRARS
    import importlib

    from huabei_calc._catalog import MESSAGES
    from huabei_calc._table import Table
    from huabei_calc.cli.parser import Commands

    entry = importlib.import_module("huabei_calc.cli.main")  # the module, not main()
    from huabei_calc.cli.render import Report

    def run_echo(ns: Any) -> Report:
        rows = ((D(ns.amount),),)
        return Report("cli.title.apr", (("flows", 1),), Table(("principal",), rows))

    def register(commands: Commands) -> None:
        group = commands.add("echo", run_echo)
        group.add_argument("--amount", required=True)
        commands.options("apr").add_argument("--note")  # an option on another's command

    def register_quiet(commands: Commands) -> None:  # a command that writes its own output
        commands.add("quiet", lambda ns: 3, help="exit 3, say nothing")

    monkeypatch.setattr(entry, "REGISTRARS", (*entry.REGISTRARS, register, register_quiet))
    monkeypatch.setitem(MESSAGES, "cli.help.echo", ("show an amount", "显示金额"))  # its help
    assert run(capsys, "quiet") == (3, "", "")
    code, out, _ = run(capsys, "echo", "--amount", "1234.50", "--format", "csv")
    assert (code, out) == (0, "principal\n1234.50\n")
    code, out, _ = run(capsys, "echo", "--amount", "1234.50", "--lang", "zh")
    assert out.endswith("    本金\n--------\n1,234.50\n")
    assert run(capsys, *COMMANDS["apr"], "--note", "x")[0] == 0
    _, out, _ = run(capsys, "echo", "--help")
    assert out.index("--amount") < out.index("--format")  # common options come last


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_command_has_help(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    # argparse %-formats help texts: a bare % in one is a ValueError at --help time
    from huabei_calc.cli.main import build_parser

    commands = build_parser(lang)._subparsers._group_actions[0].choices  # type: ignore[union-attr]
    assert {"accrue", "apr", "batch", "check", "compare", "schedule"} <= set(commands)
    for name in set(commands) - {"case", "breach"}:  # these two parse their own options
        code, out, err = run(capsys, name, "--help", "--lang", lang)
        assert (code, err) == (0, ""), name
        assert out.startswith("用法：" if lang == "zh" else "usage:"), name
    for name in ("case", "breach"):  # their help shows, whatever it says
        assert run(capsys, name, "--help", "--lang", lang)[0] == 0


@pytest.mark.parametrize(("extra", "months"), [((), 120), (("--max-months", "36"), 36)])
def test_compare_horizon_is_the_librarys_default_unless_given(
    capsys: pytest.CaptureFixture[str], extra: tuple[str, ...], months: int
) -> None:
    # the CLI leaves the horizon to compare() (max(120, the plan's periods),
    # docs/rules.md#the-comparison) unless --max-months is given
    argv = ["compare", "--principal", "20000", "--product", "jiebei", "--periods", "36"]
    code, out, err = run(capsys, *argv, "--start", "2025-03-01", *extra, "--format", "json")
    assert code == 0, err
    assert json.loads(out)["max_months"] == months
