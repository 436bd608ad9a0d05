"""Presentation of schedules (_render.py): dicts, CSV, JSON, markdown, pandas
(docs/reference/api.md#schedules)."""

from __future__ import annotations

import csv
import io
import json
import sys
from datetime import date
from decimal import Decimal

import pytest
from hypothesis import given

import huabei_calc as hc

from .strategies import dates, schedule_periods, schedule_principals

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
