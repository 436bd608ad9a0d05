"""cli/check.py: ``huabei-calc check``, through ``main(argv)``.

Goldens from docs/rules.md: Jiebei's 0.075% a day is 27.375% a year, 3.375 points above
the 24% line of financial loans (法发〔2017〕22号 art. 2); 4 × the LPR of 3.00% is 12%.
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest

from huabei_calc.cli import main
from huabei_calc.cli import options as cli_options

CHECK = ["check", "--rate", "0.075%/day", "--on", "2026-11-29"]


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_table(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, *CHECK)
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "27.38% a year against the reference lines on 2026-11-29 (financial lender)"
    assert "financial_24  24.00%  yes      yes       3.38%  medium" in lines
    assert any(
        line.startswith("27.38% a year exceeds the reference line of 24.00%") for line in lines
    )
    assert lines[-1] == "Information for a negotiation, not legal advice."
    assert "illegal" not in out.lower()
    assert all(line == line.rstrip() for line in lines)


def test_private_lender_in_chinese_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(
        capsys, "check", "--rate", "18%", "--on", "2026-11-29", "--lender", "private",
        "--lang", "zh", "--format", "markdown",
    )  # fmt: skip
    assert code == 0
    assert out.startswith("### 年化 18.00% 对照 2026-11-29 的参考线（民间出借人）")
    assert "| private_4lpr | 12.00% | 是 | 是 | 6.00% | 高 |" in out
    assert "- LPR 表最后核对于 2026-08-20，比 2026-11-29 早 101 天" in out
    assert "不构成法律意见" in out


def test_csv_and_json_for_programs(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(capsys, *CHECK, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [row["line"] for row in rows] == [
        "private_24",
        "private_36",
        "private_4lpr",
        "financial_24",
        "new_loans_24",
    ]
    fin = rows[3]
    assert (fin["value"], fin["applies"], fin["exceeded"], fin["excess"]) == (
        "0.24",
        "true",
        "true",
        "0.03375",
    )
    _, out, _ = run(capsys, *CHECK, "--format", "json")
    doc = json.loads(out)
    assert (doc["rate"], doc["exceeds"], doc["lpr"], doc["days_past_table"]) == (
        "0.27375",
        True,
        "0.0300",
        101,
    )
    assert doc["lines"][3]["exceeded"] is True
    assert doc["lines"][0]["applies"] is False


def test_on_defaults_to_today(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli_options, "_today", lambda: date(2016, 1, 1))
    code, out, _ = run(capsys, "check", "--rate", "30%")
    assert code == 0
    assert "No reference line in the table applies to a financial lender on 2016-01-01" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--rate", "24"], "--rate=24 is a bare number of 1 or more, most likely a percentage"),
        (["--rate", "2%/day"], "--rate=2%/day is above 1% a day, 30% a month or 1000% a year"),
        (["--rate", "abc"], "--rate=abc must be"),
        (["--rate", "24%", "--on", "2026-13-01"], "--on=2026-13-01 must be a date YYYY-MM-DD"),
        (["--rate", "24%", "--on", "2015-08-31"], "--on=2015-08-31 is before 2015-09-01"),
        (["--rate", "24%", "--lender", "bank"], "invalid choice"),
    ],
)
def test_bad_input_exits_2_with_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    code, out, err = run(capsys, "check", *argv)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1
    assert message in err


def test_bad_input_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "check", "--rate", "24", "--on", "2026-11-29", "--lang", "zh")
    assert code == 2
    assert "--rate=24 是不带单位且不小于 1 的数" in err
    # a rate the parser cannot read at all: Chinese words too, not the parser's English
    code, _, err = run(capsys, "check", "--rate", "abc", "--on", "2026-11-29", "--lang", "zh")
    assert code == 2
    assert "--rate=abc 必须是" in err


def test_help_lists_check(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "check an annual rate against the legal reference lines" in out
    code, out, _ = run(capsys, "check", "--help")
    assert code == 0
    assert "--lender {financial,private}" in out


# -- --cost-check on schedule, installment, compare -------------------------------------------

COMPARE = [
    "compare", "--principal", "20000", "--interest", "1200", "--product", "jiebei",
    "--periods", "24", "--start", "2026-11-29",
]  # fmt: skip
INSTALLMENT = ["installment", "--principal", "5000", "--periods", "12", "--start", "2026-11-29"]


def test_cost_check_on_compare(capsys: pytest.CaptureFixture[str]) -> None:
    # Jiebei's charges, paid off monthly, cost about 31% a year: above the 24% line
    code, plain, _ = run(capsys, *COMPARE)
    code, out, err = run(capsys, *COMPARE, "--cost-check")
    assert (code, err) == (0, "")
    assert out.startswith(plain)
    extra = out[len(plain) :].splitlines()
    assert extra[1].startswith("Legal reference lines, against the annual cost of the charges")
    assert extra[2].startswith("31.09% a year exceeds the reference line of 24.00% a year")
    assert extra[-1] == "Information for a negotiation, not legal advice."


def test_cost_check_on_installment_json(capsys: pytest.CaptureFixture[str]) -> None:
    # 12 periods at 8.8%: 15.86% a year; within 24%, above 4 × LPR (12%) for a private lender
    _, out, _ = run(capsys, *INSTALLMENT, "--cost-check", "--format", "json")
    check = json.loads(out)["cost_check"]
    assert (check["of"], check["exceeds"], check["on"]) == ("schedule", False, "2026-11-29")
    assert check["rate"].startswith("0.15864")
    _, out, _ = run(capsys, *INSTALLMENT, "--cost-check", "private", "--format", "json")
    check = json.loads(out)["cost_check"]
    assert check["exceeds"] is True
    assert [line["line"] for line in check["lines"] if line["exceeded"]] == ["private_4lpr"]


def test_cost_check_on_schedule_markdown_and_csv(capsys: pytest.CaptureFixture[str]) -> None:
    schedule = [
        "schedule", "--principal", "5000", "--periods", "12", "--rate", "0.05%/day",
        "--method", "equal-installment", "--start", "2026-11-29", "--cost-check",
    ]  # fmt: skip
    code, out, _ = run(capsys, *schedule, "--format", "markdown")
    assert code == 0
    assert "- 18.00% a year is within the reference line of 24.00% a year." in out
    code, out, err = run(capsys, *schedule, "--format", "csv")
    assert (code, out) == (2, "")
    assert "--cost-check adds text that CSV cannot hold" in err
