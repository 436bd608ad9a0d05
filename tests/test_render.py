"""Presentation (_render.py, _table.py): Schedule, Comparison and Accrual as dicts, CSV,
JSON, Markdown and pandas, through the one table renderer."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

import huabei_calc as hc
from huabei_calc._table import (
    Percent,
    Phrase,
    Table,
    Word,
    Words,
    aligned,
    csv_text,
    data,
    human,
    percent,
    width,
)

from .strategies import dates, debts, products, schedule_periods, schedule_principals, spans

D = Decimal


@pytest.fixture
def huabei() -> hc.Schedule:
    # docs/rules.md#huabei-installments: 5,000 over 3 at the historic 2.5% -> fee 125.00; 5,000/3 =
    # 1,666.66 (truncated),
    # 125/3 = 41.66; period 1 takes 1,666.68 + 41.68.
    return hc.flat_fee("5000", 3, start=date(2024, 1, 31))


def test_to_dicts(huabei: hc.Schedule) -> None:
    rows = huabei.to_dicts()
    assert rows[0] == {
        "period": 1,
        "due": date(2024, 2, 29),
        "payment": D("1708.36"),
        "principal": D("1666.68"),
        "interest": D("0.00"),
        "fee": D("41.68"),
        "balance": D("3333.32"),
    }
    assert [r["due"] for r in rows] == [date(2024, 2, 29), date(2024, 3, 31), date(2024, 4, 30)]
    assert hc.flat_fee("5000", 3).to_dicts()[0]["due"] is None


def test_to_csv(huabei: hc.Schedule) -> None:
    assert huabei.to_csv() == (
        "period,due,payment,principal,interest,fee,balance\n"
        "1,2024-02-29,1708.36,1666.68,0.00,41.68,3333.32\n"
        "2,2024-03-31,1708.32,1666.66,0.00,41.66,1666.66\n"
        "3,2024-04-30,1708.32,1666.66,0.00,41.66,0.00\n"
    )
    assert (
        hc.flat_fee("5000", 3).to_csv().splitlines()[1] == "1,,1708.36,1666.68,0.00,41.68,3333.32"
    )


def test_to_json(huabei: hc.Schedule) -> None:
    doc = json.loads(huabei.to_json())
    assert doc["method"] == "flat_fee"
    assert doc["principal"] == "5000.00"
    assert doc["rows"][1] == {
        "period": 2,
        "due": "2024-03-31",
        "payment": "1708.32",
        "principal": "1666.66",
        "interest": "0.00",
        "fee": "41.66",
        "balance": "1666.66",
    }
    assert doc["totals"] == {
        "payment": "5125.00",
        "principal": "5000.00",
        "interest": "0.00",
        "fee": "125.00",
    }
    assert "1708.32" in huabei.to_json()  # amounts are strings, never floats
    assert json.loads(hc.flat_fee("5000", 3).to_json())["rows"][0]["due"] is None


def test_to_markdown_en_and_zh(huabei: hc.Schedule) -> None:
    en = huabei.to_markdown()
    assert en.splitlines()[0] == "| Period | Due | Payment | Principal | Interest | Fee | Balance |"
    assert (
        en.splitlines()[2] == "| 1 | 2024-02-29 | 1,708.36 | 1,666.68 | 0.00 | 41.68 | 3,333.32 |"
    )
    assert en.splitlines()[-1] == "| **Total** |  | 5,125.00 | 5,000.00 | 0.00 | 125.00 |  |"
    zh = huabei.to_markdown(lang="zh")
    assert zh.splitlines()[0] == "| 期数 | 还款日 | 应还 | 本金 | 利息 | 手续费 | 剩余本金 |"
    assert zh.splitlines()[-1].startswith("| **合计** |")
    assert len(zh.splitlines()) == 2 + 3 + 1  # header, rule, rows, totals


@pytest.mark.parametrize("lang", ["fr", "ZH", "", None, 1])
def test_to_markdown_refuses_other_languages(huabei: hc.Schedule, lang: object) -> None:
    with pytest.raises(hc.InputError) as err:
        huabei.to_markdown(lang)  # type: ignore[arg-type]
    assert err.value.name == "lang"


def test_to_pandas(huabei: hc.Schedule) -> None:
    pd = pytest.importorskip("pandas")
    frame = huabei.to_pandas()
    assert isinstance(frame, pd.DataFrame)
    assert list(frame.columns) == [
        "period",
        "due",
        "payment",
        "principal",
        "interest",
        "fee",
        "balance",
    ]
    assert frame["fee"].sum() == D("125.00")  # amounts stay Decimal, sums stay exact


def test_to_pandas_without_pandas_says_how_to_install(
    huabei: hc.Schedule, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)  # makes `import pandas` fail
    with pytest.raises(ImportError, match="pip install pandas"):
        huabei.to_pandas()


def test_rendering_reads_and_never_changes_the_schedule(huabei: hc.Schedule) -> None:
    before = hc.flat_fee("5000", 3, start=date(2024, 1, 31))
    huabei.to_dicts()[0]["payment"] = D("0.00")
    huabei.to_markdown("zh"), huabei.to_csv(), huabei.to_json()
    assert huabei == before


@given(schedule_principals, schedule_periods, dates())
def test_csv_and_json_round_trip_the_rows(principal: Decimal, n: int, start: date) -> None:
    s = hc.equal_principal(principal, n, "4.9%/year", start=start)
    rows = list(csv.DictReader(io.StringIO(s.to_csv())))
    doc = json.loads(s.to_json())
    assert len(rows) == len(doc["rows"]) == n
    for want, got_csv, got_json in zip(s.to_dicts(), rows, doc["rows"], strict=True):
        for name in ("payment", "principal", "interest", "fee", "balance"):
            assert D(got_csv[name]) == D(got_json[name]) == want[name]
        assert got_csv["due"] == got_json["due"] == want["due"].isoformat()
    assert D(doc["totals"]["payment"]) == s.total_payment
    assert D(doc["totals"]["principal"]) == principal


# -- Comparison and Accrual: the same presentation as Schedule -----------------------
@pytest.fixture
def comparison() -> hc.Comparison:
    # docs/guides/freeze.md: 10,000 Huabei principal + 500 overdue fees, 24 months from
    # 2025-01-31, 10% down, fees waived; its first rows are shown there
    debt = hc.Debt(principal="10000", penalty="500")
    plan = hc.freeze(debt, 24, start=date(2025, 1, 31), down_payment="10%", waive=("penalty",))
    return hc.compare(debt, hc.HUABEI, plan)


@pytest.fixture
def accrual() -> hc.Accrual:
    # docs/guides/overdue.md: 5,000 at Huabei's 0.05% a day is 2.50 a day, rounded to the
    # fen once; 2025-01-10 → 2025-02-03 is 21 days in January and 3 in February
    return hc.accrue(
        hc.Debt(principal="5000"), hc.HUABEI, since=date(2025, 1, 10), until=date(2025, 2, 3)
    )


def test_comparison_to_dicts(comparison: hc.Comparison) -> None:
    rows = comparison.to_dicts()
    assert len(rows) == len(comparison.rows)
    assert rows[:2] == [
        {
            "date": date(2025, 1, 31),
            "frozen_balance": D("9000.00"),
            "accruing_balance": D("9500.00"),
            "untouched_balance": D("10500.00"),
        },
        {
            "date": date(2025, 2, 28),
            "frozen_balance": D("8625.00"),
            "accruing_balance": D("9258.00"),
            "untouched_balance": D("10640.00"),
        },
    ]


def test_comparison_to_json(comparison: hc.Comparison) -> None:
    doc = json.loads(comparison.to_json())
    assert doc["frozen_total"] == "10000.00"
    assert doc["untouched_balance"] == "14150.00"
    assert doc["accruing_cleared_on"] == "2027-10-31"
    assert (doc["saving"], doc["accruing_total"]) == ("3076.98", "13076.98")
    assert (doc["accruing_unpaid"], doc["max_months"]) == ("0.00", 120)
    assert doc["rows"][1] == {
        "date": "2025-02-28",
        "frozen_balance": "8625.00",
        "accruing_balance": "9258.00",
        "untouched_balance": "10640.00",
    }
    # never cleared within the horizon: null, and what is still owed
    short = hc.compare(
        hc.Debt(principal="10000", penalty="500"),
        hc.HUABEI,
        hc.freeze(hc.Debt(principal="10000", penalty="500"), 24, start=date(2025, 1, 31)),
        max_months=24,
    )
    doc = json.loads(short.to_json())
    assert doc["accruing_cleared_on"] is None
    assert D(doc["accruing_unpaid"]) == short.accruing_unpaid > 0


def test_comparison_to_markdown(comparison: hc.Comparison) -> None:
    en = comparison.to_markdown().splitlines()
    assert en[0] == "| Date | Frozen balance | Accruing balance | Untouched balance |"
    assert en[1] == "| :--- | ---: | ---: | ---: |"
    assert en[2] == "| 2025-01-31 | 9,000.00 | 9,500.00 | 10,500.00 |"
    assert len(en) == 2 + len(comparison.rows)
    zh = comparison.to_markdown(lang="zh").splitlines()
    assert zh[0] == "| 日期 | 挂账余额 | 继续计息余额 | 不还款余额 |"
    assert zh[2:] == en[2:]


def test_accrual_to_dicts_json_markdown(accrual: hc.Accrual) -> None:
    assert accrual.to_dicts() == [
        {
            "first": date(2025, 1, 11),
            "last": date(2025, 1, 31),
            "days": 21,
            "base": D("5000.00"),
            "daily_charge": D("2.50"),
            "charged": D("52.50"),
        },
        {
            "first": date(2025, 2, 1),
            "last": date(2025, 2, 3),
            "days": 3,
            "base": D("5000.00"),
            "daily_charge": D("2.50"),
            "charged": D("7.50"),
        },
    ]
    doc = json.loads(accrual.to_json())
    assert doc == {
        "product": "huabei",
        "since": "2025-01-10",
        "until": "2025-02-03",
        "days": 24,
        "charged": "60.00",
        "debt": {
            "principal": "5000.00",
            "interest": "0.00",
            "fees": "0.00",
            "penalty": "60.00",
            "total": "5060.00",
        },
        "rows": [
            {
                "first": "2025-01-11",
                "last": "2025-01-31",
                "days": 21,
                "base": "5000.00",
                "daily_charge": "2.50",
                "charged": "52.50",
            },
            {
                "first": "2025-02-01",
                "last": "2025-02-03",
                "days": 3,
                "base": "5000.00",
                "daily_charge": "2.50",
                "charged": "7.50",
            },
        ],
    }
    assert accrual.to_markdown(lang="zh").splitlines() == [
        "| 起 | 止 | 天数 | 计费基数 | 每日费用 | 新增费用 |",
        "| :--- | :--- | ---: | ---: | ---: | ---: |",
        "| 2025-01-11 | 2025-01-31 | 21 | 5,000.00 | 2.50 | 52.50 |",
        "| 2025-02-01 | 2025-02-03 | 3 | 5,000.00 | 2.50 | 7.50 |",
    ]


@pytest.mark.parametrize("lang", ["fr", "ZH", "", None, 1, [], ["zh"]])
def test_every_to_markdown_refuses_other_languages(
    huabei: hc.Schedule, comparison: hc.Comparison, accrual: hc.Accrual, lang: object
) -> None:
    for value in (huabei, comparison, accrual):
        with pytest.raises(hc.InputError) as err:
            value.to_markdown(lang)  # type: ignore[arg-type]
        assert (err.value.name, err.value.code) == ("lang", "err.render.lang")
        assert err.value.message("zh").endswith("必须是 'en' 或 'zh'")


def test_rendering_never_changes_comparison_or_accrual(
    comparison: hc.Comparison, accrual: hc.Accrual
) -> None:
    debt = hc.Debt(principal="10000", penalty="500")
    plan = hc.freeze(debt, 24, start=date(2025, 1, 31), down_payment="10%", waive=("penalty",))
    for value in (comparison, accrual):
        value.to_dicts()[0].clear()
        value.to_markdown("zh"), value.to_json()
    assert comparison == hc.compare(debt, hc.HUABEI, plan)
    assert (
        accrual.rows
        == hc.accrue(
            hc.Debt(principal="5000"), hc.HUABEI, since=date(2025, 1, 10), until=date(2025, 2, 3)
        ).rows
    )


@given(debts, products, spans(800))
def test_accrual_json_and_markdown_carry_every_row(
    debt: hc.Debt, product: hc.Product, span: tuple[date, date]
) -> None:
    a = hc.accrue(debt, product, since=span[0], until=span[1])
    doc = json.loads(a.to_json())
    assert len(doc["rows"]) == len(a.to_dicts()) == len(a.rows)
    for got, want in zip(doc["rows"], a.to_dicts(), strict=True):
        assert got["first"] == want["first"].isoformat()
        assert got["days"] == want["days"]
        for name in ("base", "daily_charge", "charged"):
            assert D(got[name]) == want[name]
    assert D(doc["charged"]) == a.charged
    assert D(doc["debt"]["total"]) == a.debt.total
    assert len(a.to_markdown().splitlines()) == 2 + len(a.rows)


@given(debts, products, st.integers(1, 36), dates(hi=date(2030, 12, 31)))
def test_comparison_json_carries_every_row(
    debt: hc.Debt, product: hc.Product, periods: int, start: date
) -> None:
    assume(debt.total >= periods)  # at least 0.01 a period
    plan = hc.freeze(debt, periods, start=start)
    cmp = hc.compare(debt, product, plan, max_months=max(periods, 60))
    doc = json.loads(cmp.to_json())
    assert len(doc["rows"]) == len(cmp.rows)
    for got, want in zip(doc["rows"], cmp.to_dicts(), strict=True):
        assert got["date"] == want["date"].isoformat()
        for name in ("frozen_balance", "accruing_balance", "untouched_balance"):
            assert D(got[name]) == want[name]
    assert D(doc["saving"]) == cmp.saving
    assert len(cmp.to_markdown("zh").splitlines()) == 2 + len(cmp.rows)


# -- the one table renderer (_table) ------------------------------------------------
def test_percent_display() -> None:
    assert percent(D("0.158592")) == "15.86%"
    assert percent(D("0.00005")) == "0.01%"  # half-up
    assert percent(D("-0.0012")) == "-0.12%"
    assert percent(D("9999999999999.99")) == "999999999999999.00%"
    # from 10^15 % on: scientific; the fixed form would overflow the context near 1e58
    assert percent(D("1e13")) == "1.000e+15%"
    assert percent(D(50000) ** 12 - 1) == "2.441e+58%"
    assert percent(D("7.515336264876266329246337910E+109")) == "7.515e+111%"


@given(st.integers(-(10**70), 10**70), st.integers(-80, 0))
def test_percent_and_data_never_raise(mantissa: int, exponent: int) -> None:
    value = D(mantissa).scaleb(exponent)
    shown = percent(value)
    assert shown.endswith("%")
    kept = data(Percent(value))
    assert isinstance(kept, str)
    assert abs(D(kept) - value) <= D("5e-11") * max(1, abs(value))


def test_aligned_text_counts_wide_characters() -> None:
    table = Table(("period", "payment"), ((1, D("5.00")), (12, D("1234.50"))), labels=("总", "x"))
    lines = aligned(table, "zh")
    assert lines == ["总         x", "--  --------", " 1      5.00", "12  1,234.50"]
    assert [width(line) for line in lines] == [12, 12, 12, 12]
    assert width("合计") == 4


def test_cells_for_people_and_programs() -> None:
    phrase = Phrase("never_cleared", None, {"months": 24, "amount": D("10.00")})
    assert human(phrase, "zh") == "24个月内还不清（届时仍欠 10.00）"
    assert data(phrase) is None
    assert human(Words(()), "en") == "nothing"
    assert human(Words(("penalty", "fees")), "zh") == "罚息/逾期费、手续费"
    assert data(Words(("penalty",))) == ["penalty"]
    assert human(Word("a key the catalog does not know"), "zh") == "a key the catalog does not know"
    assert (human(None, "en"), data(None)) == ("—", None)
    assert (human(date(2025, 1, 2), "en"), data(date(2025, 1, 2))) == ("2025-01-02", "2025-01-02")
    table = Table(("waived",), ((Words(("penalty", "fees")),),))
    assert csv_text(table) == 'waived\n"penalty,fees"\n'


def test_one_lang_type() -> None:
    from pathlib import Path

    from huabei_calc import _catalog, _table, plot

    assert _table.Lang is plot.Lang is _catalog.Lang  # type: ignore[attr-defined]
    package = Path(hc.__file__).parent
    defined = [p.name for p in package.rglob("*.py") if "Lang = Literal" in p.read_text("utf-8")]
    assert defined == ["_catalog.py"]
