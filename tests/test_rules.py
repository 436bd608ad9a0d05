"""rules.py: dated, sourced tables.

Sources: docs/rules.md and docs/sources.md (installment fees, the one-year LPR table, the
legal reference lines).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from huabei_calc.rules import (
    HUABEI_BILL_INSTALLMENT_FEES,
    HUABEI_PURCHASE_INSTALLMENT_FEES,
    LPR_ONE_YEAR,
    LPR_TABLE_CHECKED,
    REFERENCE_LINES,
    FeeTable,
)

D = Decimal


def test_bill_installment_fees() -> None:
    # docs/sources.md, Huabei bill installments: 3 → 2.5%, 6 → 4.5%, 9 → 6.5%, 12 → 8.8%
    table = HUABEI_BILL_INSTALLMENT_FEES
    assert dict(table) == {3: D("0.025"), 6: D("0.045"), 9: D("0.065"), 12: D("0.088")}
    assert table.historic is True
    assert "historic" in table.name
    assert "docs/sources.md" in table.source
    assert isinstance(table.as_of, date)


def test_purchase_installment_fees() -> None:
    # docs/sources.md, Huabei purchase installments: 3 → 2.3%, 6 → 4.5%, 12 → 7.5%
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


def test_lpr_reference_points() -> None:
    # docs/rules.md, one-year LPR: 4.25% (2019-08-20) … 3.10% (2024-10-21), 3.00% (2025-05-20)
    points = {(r.effective, r.rate) for r in LPR_ONE_YEAR}
    assert (date(2019, 8, 20), D("0.0425")) in points
    assert (date(2024, 10, 21), D("0.0310")) in points
    assert (date(2025, 5, 20), D("0.0300")) in points
    # news spot checks quoted on docs/rules.md: 2021-03-22 3.85%, 2021-12-20 3.8%, 2022-02-21 3.7%
    assert (date(2021, 3, 22), D("0.0385")) in points
    assert (date(2021, 12, 20), D("0.0380")) in points
    assert (date(2022, 2, 21), D("0.0370")) in points
    dates = [r.effective for r in LPR_ONE_YEAR]
    assert dates == sorted(set(dates))
    assert all(r.source for r in LPR_ONE_YEAR)


def test_lpr_table_is_whole() -> None:
    # docs/rules.md: 85 monthly publications from 2019-08-20 to 2026-08-20, one a month
    assert len(LPR_ONE_YEAR) == 85
    assert LPR_ONE_YEAR[0].effective == date(2019, 8, 20)
    assert LPR_ONE_YEAR[-1].effective == LPR_TABLE_CHECKED == date(2026, 8, 20)
    months = [(r.effective.year, r.effective.month) for r in LPR_ONE_YEAR]
    assert len(set(months)) == len(months) == 85
    # every value is a whole number of basis points between 2% and 5%, to four places
    assert all(D("0.02") < r.rate < D("0.05") for r in LPR_ONE_YEAR)
    assert all(r.rate.as_tuple().exponent == -4 for r in LPR_ONE_YEAR)
    # rows after 2025-01 rest on one source and say so
    assert all(
        "one table only" in r.source for r in LPR_ONE_YEAR if r.effective > date(2025, 1, 20)
    )


def test_reference_lines_are_dated_and_sourced() -> None:
    # docs/rules.md, legal reference lines
    by_name = {line.name: line for line in REFERENCE_LINES}
    assert list(by_name) == [
        "private_24",
        "private_36",
        "private_4lpr",
        "financial_24",
        "new_loans_24",
    ]
    assert by_name["private_24"].rate == D("0.24")
    assert by_name["private_36"].rate == D("0.36")
    assert by_name["private_24"].end == by_name["private_36"].end == date(2020, 8, 19)
    assert by_name["private_4lpr"].start == date(2020, 8, 20)
    assert (by_name["private_4lpr"].rate, by_name["private_4lpr"].lpr_multiple) == (None, 4)
    assert by_name["financial_24"].start == date(2017, 8, 4)
    assert "法发〔2017〕22号" in by_name["financial_24"].source
    assert "2015" in by_name["private_24"].source
    assert by_name["new_loans_24"].press_reported is True
    assert by_name["new_loans_24"].confidence == "low"
    assert not any(line.press_reported for name, line in by_name.items() if name != "new_loans_24")
    for line in REFERENCE_LINES:
        assert line.source
        assert line.end is None or line.start <= line.end
        assert line.in_force(line.start)
        assert not line.in_force(date.fromordinal(line.start.toordinal() - 1))
