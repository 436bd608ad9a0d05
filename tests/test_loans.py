"""loans.py and the pieces it leans on: the benchmark's loan, the rate ratio computed once,
and the unchecked Schedule the builders return (docs/conventions.md#schedules).

Most builder tests live in test_schedule.py; these pin what the fast paths must keep.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import huabei_calc as hc
from huabei_calc._amortize import due_dates, factors, factors_of

from .strategies import dates, schedule_rates

D = Decimal


def test_benchmark_loan_10000_over_12_months_at_1_5_percent() -> None:
    # benchmarks/run.py workload (a). Independent check: the `amortization` package's
    # float loop (amortization_schedule(10000.0, 0.18, 12)) gives the same cells to the fen:
    # 916.80 a month, interest 150.00, 138.50, 126.82, …, 13.55; the last row pays 916.81.
    s = hc.equal_installment(D("10000"), 12, hc.Rate.monthly("1.5%"), start=date(2025, 1, 31))
    assert [r.due for r in s.rows][:4] == [
        date(2025, 2, 28),
        date(2025, 3, 31),
        date(2025, 4, 30),
        date(2025, 5, 31),
    ]
    assert s.rows[-1].due == date(2026, 1, 31)
    assert [r.payment for r in s.rows] == [D("916.80")] * 11 + [D("916.81")]
    interest = ["150.00", "138.50", "126.82", "114.97", "102.95", "90.74", "78.35", "65.77"]
    interest += ["53.01", "40.05", "26.90", "13.55"]
    assert [r.interest for r in s.rows] == [D(x) for x in interest]
    assert (s.rows[0].principal, s.rows[0].balance) == (D("766.80"), D("9233.20"))
    assert (s.rows[-1].principal, s.rows[-1].balance) == (D("903.26"), D("0.00"))
    assert s.total_interest == D("1001.61")


_PER_YEAR = {"day": None, "month": 12, "year": 1}  # None: the basis


@given(schedule_rates, st.sampled_from([360, 365]), dates(), st.integers(1, 40), st.booleans())
def test_factors_are_the_exact_rate_per_row(
    rate: hc.Rate, basis: int, start: date, n: int, actual: bool
) -> None:
    # equal_installment hands factors_of the monthly ratio it computed once; both that and
    # factors() must give, per row, the rate per month (annual / 12) or, with actual days,
    # the rate per day (annual / basis) × the days since the previous due date: checked
    # here in Fractions from the rate's value and period, not from Rate.ratio
    dues = due_dates(start, n)
    per_year = Fraction(rate.value) * (_PER_YEAR[rate.period] or basis)
    if actual:
        days = [(b - a).days for a, b in zip([start, *dues], dues, strict=False)]  # type: ignore[operator]
        expected = [per_year / basis * d for d in days]
    else:
        expected = [per_year / 12] * n
    ratio = rate.ratio("day" if actual else "month", basis)
    for got, den in (
        factors_of(*ratio, start, dues, actual),
        factors(rate, basis, start, dues, actual),
    ):
        assert [Fraction(f) / Fraction(den or 1) for f in got] == expected


@pytest.mark.parametrize("interest", ["monthly", "actual"])
def test_actual_interest_uses_the_daily_rate_and_the_level_payment_the_monthly_one(
    interest: str,
) -> None:
    # 0.05%/day at 360: 1.5% a month. 10,000 from 2024-01-15 over 2 periods: the level
    # payment is the monthly formula's either way, 10,000 × 0.015 × 1.015² / (1.015² − 1)
    # = 5,112.78; interest is 150.00 on the first row (31 days × 0.05% = 155.00 with
    # "actual"), then on the balance left.
    s = hc.equal_installment(
        "10000",
        2,
        "0.05%/day",
        start=date(2024, 1, 15),
        interest=interest,  # type: ignore[arg-type]
    )
    assert s.rows[0].payment == D("5112.78")
    assert s.rows[0].interest == (D("155.00") if interest == "actual" else D("150.00"))


def test_rows_that_repay_nothing_keep_their_interest_per_month_length() -> None:
    # 先息后本 with actual days rounds each distinct month length once and reuses it
    # (loans._post): 10,000 at 0.05% a day from 2024-01-15 is 155.00 for a 31-day month,
    # 150.00 for 30 days, 145.00 for February 2024's 29; the last row adds the principal.
    s = hc.interest_only("10000", 6, "0.05%/day", start=date(2024, 1, 15), interest="actual")
    days = [31, 29, 31, 30, 31, 30]  # Jan 15 → Feb 15 → … → Jul 15
    assert [r.interest for r in s.rows] == [D(f"{5 * d}.00") for d in days]
    assert [r.balance for r in s.rows] == [D("10000.00")] * 5 + [D("0.00")]
    assert s.rows[-1].payment == D("10150.00")


def test_equal_principal_whose_share_rounds_to_zero_repays_it_all_last() -> None:
    # 0.02 over 5 periods: P/n = 0.004, which rounds to 0.00, so no row repays principal
    # before the last; every row's interest is 0.02 × 30% = 0.006 → 0.01 on the same balance.
    s = hc.equal_principal("0.02", 5, "30%/month")
    assert [r.interest for r in s.rows] == [D("0.01")] * 5
    assert [r.principal for r in s.rows] == [D("0.00")] * 4 + [D("0.02")]
    assert [r.balance for r in s.rows] == [D("0.02")] * 4 + [D("0.00")]
