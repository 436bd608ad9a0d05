"""rules.py: dated, sourced tables.

Sources: docs/rules.md#huabei-installments, docs/rules.md#frozen-plans and
docs/sources.md#rules-and-their-sources.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from huabei_calc.rules import (
    HUABEI_BILL_INSTALLMENT_FEES,
    HUABEI_PURCHASE_INSTALLMENT_FEES,
    LPR_ONE_YEAR,
    MAX_FREEZE_PERIODS,
    FeeTable,
)

D = Decimal


def test_bill_installment_fees() -> None:
    # docs/rules.md#huabei-installments: "Historic bill-installment rates: 3 → 2.5%, 6 → 4.5%, 9 →
    # 6.5%,
    # 12 → 8.8%"
    table = HUABEI_BILL_INSTALLMENT_FEES
    assert dict(table) == {3: D("0.025"), 6: D("0.045"), 9: D("0.065"), 12: D("0.088")}
    assert table.historic is True
    assert "historic" in table.name
    assert "docs/sources.md" in table.source
    assert isinstance(table.as_of, date)


def test_purchase_installment_fees() -> None:
    # docs/rules.md#huabei-installments: "purchase installments: 3 → 2.3%, 6 → 4.5%, 12 → 7.5%"
    table = HUABEI_PURCHASE_INSTALLMENT_FEES
    assert dict(table) == {3: D("0.023"), 6: D("0.045"), 12: D("0.075")}
    assert table.historic is True
    assert "historic" in table.name
    assert "docs/sources.md" in table.source


def test_fee_table_is_a_read_only_mapping() -> None:
    table = HUABEI_BILL_INSTALLMENT_FEES
    assert len(table) == 4
    assert list(table) == [3, 6, 9, 12]
    assert 12 in table
    assert 24 not in table
    assert table.get(24) is None
    with pytest.raises(KeyError):
        table[24]
    with pytest.raises(TypeError):
        table[3] = D("0.01")  # type: ignore[index]
    assert hash(table) == hash(FeeTable(table.name, table.entries, table.source, table.as_of))


def test_freeze_limit() -> None:
    # docs/rules.md#frozen-plans: 商业银行信用卡业务监督管理办法 art. 70, at most 5 years (60
    # months)
    assert MAX_FREEZE_PERIODS == 60


def test_lpr_reference_points() -> None:
    # docs/sources.md#rules-and-their-sources: 4.25% (2019-08-20) … 3.10% (2024-10-21), 3.00%
    # (2025-05-20)
    points = {(r.effective, r.rate) for r in LPR_ONE_YEAR}
    assert (date(2019, 8, 20), D("0.0425")) in points
    assert (date(2024, 10, 21), D("0.0310")) in points
    assert (date(2025, 5, 20), D("0.0300")) in points
    dates = [r.effective for r in LPR_ONE_YEAR]
    assert dates == sorted(dates)
    assert all(r.source for r in LPR_ONE_YEAR)
