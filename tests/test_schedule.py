"""Repayment schedules (schedule.py, _amortize.py): docs/conventions.md#schedules.

Golden values are exact Decimals computed by hand (or by an independent tool, named
beside each), never by the library's own formula.
"""

from __future__ import annotations

import decimal
from calendar import monthrange
from datetime import date, datetime
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import assume, given
from hypothesis import strategies as st

import huabei_calc as hc
from huabei_calc._amortize import due_dates, exact_level_payment, factors, level_payment
from huabei_calc._dates import add_months, days_in_month
from huabei_calc.schedule import make_installment

from .strategies import (
    dates,
    fee_fractions,
    loan_builders,
    money,
    positive_rates,
    schedule_periods,
    schedule_principals,
    schedule_rates,
)

D = Decimal
Z = D("0.00")


def cells(row: hc.Installment) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    return (row.payment, row.principal, row.interest, row.balance)


# -- golden: equal installment (等额本息) ------------------------------------------------


def test_mortgage_1m_360_months_4_9_percent() -> None:
    # docs/conventions.md#schedules and every public mortgage calculator (e.g. the
    # 房贷计算器 of the big banks):
    # 1,000,000 over 30 years at 4.9% -> 5,307.27 a month. numpy-financial agrees:
    # pmt(0.049/12, 360, -1e6) = 5307.2672... -> 5307.27.
    s = hc.equal_installment("1000000", 360, "4.9%/year")
    first = s.rows[0]
    # interest 1,000,000 x 0.049 / 12 = 4,083.333... -> 4,083.33; principal 5,307.27 - 4,083.33
    assert cells(first) == (D("5307.27"), D("1223.94"), D("4083.33"), D("998776.06"))
    assert {r.payment for r in s.rows[:-1]} == {D("5307.27")}
    # The last row takes the remaining principal. 5,305.19 and the total interest come from a
    # separate fractions.Fraction re-computation of the rounded schedule (scratch, by hand rules).
    assert cells(s.rows[-1]) == (D("5305.19"), D("5283.62"), D("21.57"), Z)
    assert s.total_interest == D("910615.12")
    assert s.total_payment == D("1910615.12")
    assert (s.method, s.principal, len(s.rows)) == ("equal_installment", D("1000000.00"), 360)


def test_150k_36_months_10_percent() -> None:
    # pmt(0.10/12, 36, -150000) = 4840.078 -> 4,840.08 (numpy-financial); the rounded schedule
    # leaves 4,799.99 of principal for the last row, whose interest is 4,799.99 x 0.1/12 = 40.00:
    # 4,839.99 (Fraction re-computation).
    s = hc.equal_installment(150000, 36, hc.Rate.annual("10%"))
    assert s.rows[0].payment == D("4840.08")
    assert s.rows[0].interest == D("1250.00")  # 150,000 x 0.10 / 12
    assert cells(s.rows[-1]) == (D("4839.99"), D("4799.99"), D("40.00"), Z)


def test_interest_rounds_once_on_the_exact_product() -> None:
    # docs/conventions.md#rounding: 574,050.00 x 0.1564 / 12 = 7,481.785 exactly -> 7,481.79
    # half-up. Dividing
    # first (0.1564 / 12 = 0.013033...3 at 28 digits) gives 7,481.78499... -> 7,481.78.
    with decimal.localcontext(decimal.Context(prec=28, rounding=decimal.ROUND_HALF_UP)):
        divided_first = D("574050.00") * (D("0.1564") / 12)
    assert divided_first.quantize(D("0.01")) == D("7481.78")  # the trap this guards against
    s = hc.interest_only("574050.00", 1, "15.64%/year")
    assert cells(s.rows[0]) == (D("581531.79"), D("574050.00"), D("7481.79"), Z)
    one = hc.equal_installment("574050.00", 1, "年化15.64%")
    assert cells(one.rows[0]) == (D("581531.79"), D("574050.00"), D("7481.79"), Z)


def test_jiebei_actual_days_from_2024_01_15() -> None:
    # Jiebei: 10,000 over 12 months at 0.04% a day, 每月等额, interest on the actual days.
    # Level payment from the monthly formula: 0.04% x 360 / 12 = 1.2% a month,
    # pmt(0.012, 12, -10000) = 899.754 -> 899.75 (numpy-financial).
    # Period 1: 15 Jan -> 15 Feb = 31 days: 10,000 x 0.0004 x 31 = 124.00; principal 775.75.
    # Period 2: 15 Feb -> 15 Mar 2024 = 29 days (leap year): 9,224.25 x 0.0004 x 29 = 107.0013
    # -> 107.00; principal 792.75. Period 3: 31 days: 8,431.50 x 0.0124 = 104.5506 -> 104.55.
    s = hc.equal_installment(
        "10000", 12, hc.Rate.daily("0.04%"), start=date(2024, 1, 15), interest="actual"
    )
    r1, r2, r3 = s.rows[:3]
    assert (r1.due, *cells(r1)) == (
        date(2024, 2, 15),
        D("899.75"),
        D("775.75"),
        D("124.00"),
        D("9224.25"),
    )
    assert (r2.due, *cells(r2)) == (
        date(2024, 3, 15),
        D("899.75"),
        D("792.75"),
        D("107.00"),
        D("8431.50"),
    )
    assert (r3.due, *cells(r3)) == (
        date(2024, 4, 15),
        D("899.75"),
        D("795.20"),
        D("104.55"),
        D("7636.30"),
    )
    assert s.rows[-1].due == date(2025, 1, 15)
    assert s.rows[-1].balance == Z
    assert sum(r.principal for r in s.rows) == D("10000.00")


def test_a_long_months_interest_above_the_level_payment_is_paid_alone() -> None:
    # docs/conventions.md#schedules: with interest="actual" the level payment comes from the
    # monthly formula, and a row whose interest exceeds it pays the interest alone (no
    # negative amortisation). 10,000 over 360 months at 0.05% a day (1.5% a month at 360):
    # pmt = 10,000 × 0.015 × 1.015^360 / (1.015^360 − 1) = 150.7085… → 150.71 (checked
    # below in Fractions), barely above a 30-day month's 150.00.
    i = Fraction(15, 1000)
    exact = 10000 * i * (1 + i) ** 360 / ((1 + i) ** 360 - 1)
    assert int(exact * 100 + Fraction(1, 2)) == 15071
    s = hc.equal_installment("10000", 360, "0.05%/day", start=date(2024, 1, 15), interest="actual")
    assert [(r.period, r.due, *cells(r)) for r in s.rows[:4]] == [
        # 15 Jan → 15 Feb, 31 days: 10,000 × 0.0005 × 31 = 155.00 > 150.71: interest alone
        (1, date(2024, 2, 15), D("155.00"), Z, D("155.00"), D("10000.00")),
        # 29 days (2024 is a leap year): 145.00; principal 150.71 − 145.00 = 5.71
        (2, date(2024, 3, 15), D("150.71"), D("5.71"), D("145.00"), D("9994.29")),
        # 31 days: 9,994.29 × 0.0155 = 154.911495 → 154.91 > 150.71: interest alone again
        (3, date(2024, 4, 15), D("154.91"), Z, D("154.91"), D("9994.29")),
        # 30 days: 9,994.29 × 0.015 = 149.91435 → 149.91; principal 0.80
        (4, date(2024, 5, 15), D("150.71"), D("0.80"), D("149.91"), D("9993.49")),
    ]
    assert all(r.fee == Z for r in s.rows)
    assert [r.period for r in s.rows] == list(range(1, 361))
    assert s.rows[-1].due == date(2054, 1, 15)
    assert s.rows[-1].balance == Z
    assert s.total_principal == D("10000.00")


@pytest.mark.parametrize("build", [hc.equal_installment, hc.equal_principal, hc.interest_only])
def test_actual_interest_needs_a_start_date(build: object) -> None:
    # docs/conventions.md#schedules: interest="actual" counts days from `start`, "which is
    # then required"; the refusal names start, the missing value and its catalog id
    with pytest.raises(hc.InputError, match="start") as err:
        build("10000", 12, "0.04%/day", interest="actual")  # type: ignore[operator]
    assert (err.value.name, err.value.value, err.value.code) == (
        "start",
        None,
        "err.start_needed",
    )


def test_early_payoff_rows_after_the_clearing_one_are_zero() -> None:
    # 0.10 over 12 months at 1% a month: pmt = 0.10 x 0.01 x 1.01^12 / (1.01^12 - 1) = 0.00888
    # -> 0.01. Each row's interest is 0.10 x 0.01 = 0.001 -> 0.00 (or less), so every row
    # repays 0.01: the 10th clears the balance and rows 11 and 12 are all zeros
    # (docs/conventions.md#schedules).
    s = hc.equal_installment("0.10", 12, "1%/month", start=date(2024, 1, 15))
    assert [r.principal for r in s.rows] == [D("0.01")] * 10 + [Z, Z]
    assert [r.balance for r in s.rows[8:]] == [D("0.01"), Z, Z, Z]
    assert cells(s.rows[11]) == (Z, Z, Z, Z)
    assert s.rows[11].due == date(2025, 1, 15)  # zero rows keep their period and date


def test_zero_rate_is_principal_over_periods() -> None:
    # 1,000 / 3 = 333.333... -> 333.33 a period, the last takes 1,000 - 666.66 = 333.34.
    s = hc.equal_installment("1000", 3, "0%/year")
    assert [cells(r) for r in s.rows] == [
        (D("333.33"), D("333.33"), Z, D("666.67")),
        (D("333.33"), D("333.33"), Z, D("333.34")),
        (D("333.34"), D("333.34"), Z, Z),
    ]
    # 1.00 / 40 = 0.025 -> 0.03 (half-up): 33 x 0.03 = 0.99, row 34 pays the last 0.01.
    tiny = hc.equal_installment("1.00", 40, "0%/month")
    assert [r.payment for r in tiny.rows[32:35]] == [D("0.03"), D("0.01"), Z]
    assert tiny.rows[33].balance == Z


# -- golden: equal principal (等额本金), interest only (先息后本) ----------------------------


def test_equal_principal_1m_360_months() -> None:
    # docs/conventions.md#schedules: 1,000,000 / 360 = 2,777.78 principal; interest 4,083.33 ->
    # 6,861.11 first.
    # Each month the balance drops 2,777.78, so interest drops 2,777.78 x 0.049/12 = 11.3426:
    # the second payment is 997,222.22 x 0.049/12 = 4,071.9907 -> 4,071.99 + 2,777.78 = 6,849.77
    # (11.34 less). Rounded to the fen the monthly drop is 11.34 or, now and then, 11.35.
    s = hc.equal_principal("1000000", 360, "4.9%/year")
    assert cells(s.rows[0]) == (D("6861.11"), D("2777.78"), D("4083.33"), D("997222.22"))
    assert s.rows[1].payment == D("6849.77")
    assert s.rows[2].payment == D("6838.43")  # 994,444.44 x 0.049/12 = 4,060.6481 -> 4,060.65
    drops = {a.payment - b.payment for a, b in pairwise(s.rows[:-1])}
    assert drops == {D("11.34"), D("11.35")}
    # the last row takes 1,000,000 - 359 x 2,777.78 = 2,776.98; interest 2,776.98 x 0.049/12 = 11.34
    assert cells(s.rows[-1]) == (D("2788.32"), D("2776.98"), D("11.34"), Z)


def test_equal_principal_early_payoff() -> None:
    # 1.00 / 40 = 0.025 -> 0.03 a period (half-up); 33 x 0.03 = 0.99, so row 34 repays 0.01
    # (interest 0.01 x 1% = 0.0001 -> 0.00) and rows 35-40 are zero. Row 1: 1.00 x 1% = 0.01.
    s = hc.equal_principal("1.00", 40, "12%/year")
    assert cells(s.rows[0]) == (D("0.04"), D("0.03"), D("0.01"), D("0.97"))
    assert cells(s.rows[33]) == (D("0.01"), D("0.01"), Z, Z)
    assert all(cells(r) == (Z, Z, Z, Z) for r in s.rows[34:])
    assert len(s.rows) == 40


def test_interest_only() -> None:
    # 100,000 at 6% a year: 100,000 x 0.06 / 12 = 500.00 a month, principal with the last.
    s = hc.interest_only("100000", 12, "6%/year")
    assert {cells(r) for r in s.rows[:-1]} == {(D("500.00"), Z, D("500.00"), D("100000.00"))}
    assert cells(s.rows[-1]) == (D("100500.00"), D("100000.00"), D("500.00"), Z)
    # actual days, 0.05% a day: 31, 29 and 31 days -> 155.00, 145.00, 155.00
    a = hc.interest_only("10000", 3, "日利率万分之五", start=date(2024, 1, 15), interest="actual")
    assert [r.interest for r in a.rows] == [D("155.00"), D("145.00"), D("155.00")]


def test_daily_rate_converts_at_the_basis() -> None:
    # 0.05% a day = 1.5% a month at 360 (x 360 / 12) and 1.5208333...% at 365:
    # 10,000 x 0.0005 x 365 / 12 = 152.0833 -> 152.08.
    assert hc.interest_only("10000", 1, "0.05%/day").rows[0].interest == D("150.00")
    assert hc.interest_only("10000", 1, "0.05%/day", basis=365).rows[0].interest == D("152.08")


# -- golden: Huabei installments (花呗分期) ------------------------------------------------


def test_huabei_5000_over_12_at_8_8_percent() -> None:
    # docs/rules.md#huabei-installments: fee 5,000 x 8.8% = 440; 5,000/12 = 416.666 -> 416.66 and
    # 440/12 = 36.666
    # -> 36.66 (truncated); period 1 takes the remainders: 5,000 - 11 x 416.66 = 416.74 and
    # 440 - 11 x 36.66 = 36.74.
    s = hc.flat_fee("5000", 12)
    first = s.rows[0]
    assert (first.payment, first.principal, first.fee, first.interest) == (
        D("453.48"),
        D("416.74"),
        D("36.74"),
        Z,
    )
    assert {(r.payment, r.principal, r.fee) for r in s.rows[1:]} == {
        (D("453.32"), D("416.66"), D("36.66"))
    }
    assert [r.balance for r in s.rows[:2]] == [D("4583.26"), D("4166.60")]
    assert (s.total_fee, s.total_payment, s.total_interest) == (D("440.00"), D("5440.00"), Z)
    assert s.rows[-1].balance == Z
    for same in ("8.8%", "0.088", D("0.088")):
        assert hc.flat_fee("5000", 12, same) == s


def test_flat_fee_term_not_in_table_lists_the_terms() -> None:
    with pytest.raises(hc.InputError, match=r"3, 6, 9, 12") as err:
        hc.flat_fee("5000", 5)
    assert err.value.name == "periods"
    assert hc.flat_fee("5000", 5, "4%").total_fee == D("200.00")


def test_flat_fee_term_refusal_names_the_term_the_product_and_its_terms() -> None:
    # docs/rules.md#huabei-installments: the table has terms 3, 6, 9 and 12; a product
    # with no fee table (Jiebei) lists none, and the caller must pass fee_rate
    with pytest.raises(hc.InputError) as err:
        hc.flat_fee("5000", 5)
    assert (err.value.value, err.value.code) == (5, "err.fee_term")
    assert err.value.params == {"product": "huabei", "terms": "3, 6, 9, 12"}
    with pytest.raises(hc.InputError) as err:
        hc.flat_fee("5000", 12, product=hc.JIEBEI)
    assert (err.value.name, err.value.value, err.value.code) == ("periods", 12, "err.fee_term")
    assert err.value.params == {"product": "jiebei", "terms": "none"}
    assert "jiebei's fee table (terms: none)" in str(err.value)
    assert hc.flat_fee("5000", 12, "8.8%", product=hc.JIEBEI).total_fee == D("440.00")


@pytest.mark.parametrize("whole", ["100%", "1", D("1"), 1])
def test_flat_fee_takes_a_fee_rate_of_exactly_100_percent(whole: object) -> None:
    # fee 5,000 × 100% = 5,000.00; 5,000 / 12 = 416.666… → 416.66 for both principal and
    # fee (truncated), period 1 takes 5,000 − 11 × 416.66 = 416.74 of each
    # (docs/rules.md#huabei-installments)
    s = hc.flat_fee("5000", 12, whole)  # type: ignore[arg-type]
    assert s.total_fee == D("5000.00")
    first, second = s.rows[:2]
    assert (first.payment, first.principal, first.fee) == (D("833.48"), D("416.74"), D("416.74"))
    assert (second.payment, second.principal, second.fee) == (
        D("833.32"),
        D("416.66"),
        D("416.66"),
    )


@pytest.mark.parametrize("above", ["100.01%", "1.0001", "1.5", D("1.5"), 2])
def test_flat_fee_refuses_a_fee_rate_above_100_percent(above: object) -> None:
    # a fee rate is a fraction of the principal, at most the whole of it; "8.8" (meaning
    # 8.8%) is the mistake this refusal catches, and it names the caller's value
    with pytest.raises(hc.InputError) as err:
        hc.flat_fee("5000", 12, above)  # type: ignore[arg-type]
    assert (err.value.name, err.value.value, err.value.code) == (
        "fee_rate",
        above,
        "err.fee_rate_above",
    )


def test_flat_fee_due_dates_are_anchored_on_a_month_end_start() -> None:
    # docs/conventions.md#day-counts-and-dates: period k is due start + k months, clipped to
    # the month's end and never chained: 31 Jan 2024 → 29 Feb (leap year) → 31 Mar → 30 Apr …
    s = hc.flat_fee("5000", 12, start=date(2024, 1, 31))
    assert s.start == date(2024, 1, 31)
    assert [r.due for r in s.rows] == [
        date(2024, 2, 29),
        date(2024, 3, 31),
        date(2024, 4, 30),
        date(2024, 5, 31),
        date(2024, 6, 30),
        date(2024, 7, 31),
        date(2024, 8, 31),
        date(2024, 9, 30),
        date(2024, 10, 31),
        date(2024, 11, 30),
        date(2024, 12, 31),
        date(2025, 1, 31),
    ]
    # the amounts do not depend on the dates: the 5,000-over-12 golden above
    assert [cells(r) for r in s.rows] == [cells(r) for r in hc.flat_fee("5000", 12).rows]


def test_flat_fee_refuses_a_zero_principal() -> None:
    with pytest.raises(hc.InputError) as err:
        hc.flat_fee("0", 12)
    assert (err.value.name, err.value.value, err.value.code) == ("principal", "0", "err.positive")
    with pytest.raises(hc.InputError) as err:
        hc.flat_fee("abc", 12, "8.8%")
    assert err.value.name == "principal"


@pytest.mark.parametrize(
    ("bad", "name"),
    [("8.8", "fee_rate"), (0.088, "fee_rate"), ("abc", "fee_rate"), (-1, "fee_rate")],
)
def test_flat_fee_refuses_bad_fee_rates(bad: object, name: str) -> None:
    with pytest.raises(hc.InputError) as err:
        hc.flat_fee("5000", 12, bad)  # type: ignore[arg-type]
    assert err.value.name == name


# -- due dates --------------------------------------------------------------------------


def test_due_dates_are_anchored_on_start() -> None:
    # docs/conventions.md#day-counts-and-dates: 31 Jan -> 29 Feb (2024 is a leap year) -> 31 Mar ->
    # 30 Apr, never chained.
    s = hc.equal_installment("1200", 4, "12%/year", start=date(2024, 1, 31))
    assert [r.due for r in s.rows] == [
        date(2024, 2, 29),
        date(2024, 3, 31),
        date(2024, 4, 30),
        date(2024, 5, 31),
    ]
    assert s.start == date(2024, 1, 31)
    assert {r.due for r in hc.equal_installment("1200", 4, "12%/year").rows} == {None}


@given(dates(date(1900, 1, 1), date(2200, 12, 31)), st.integers(1, 600))
def test_due_dates_equal_dateutil(start: date, n: int) -> None:
    assert due_dates(start, n) == [start + relativedelta(months=k) for k in range(1, n + 1)]


def test_add_months_and_due_dates_every_day_of_a_leap_and_a_common_year() -> None:
    # _dates steps the month and clips the day from a table (no calendar, no dateutil):
    # prove it against dateutil for every start day of 2023 and 2024 and every k to 600,
    # which crosses 2100 (not a leap year) and 2400 (a leap year)
    months = [relativedelta(months=k) for k in range(601)]
    for ordinal in range(date(2023, 1, 1).toordinal(), date(2025, 1, 1).toordinal()):
        start = date.fromordinal(ordinal)
        expected = [start + delta for delta in months]
        assert [add_months(start, k) for k in range(601)] == expected
        assert due_dates(start, 600) == expected[1:]


@given(dates(date(1, 1, 1), date(9949, 12, 31)), st.integers(0, 600))
def test_add_months_equals_dateutil(start: date, k: int) -> None:
    assert add_months(start, k) == start + relativedelta(months=k)


def test_days_in_month_equals_calendar() -> None:
    for year in (1900, 2000, 2023, 2024, 2100, 2400):
        for month in range(1, 13):
            assert days_in_month(year, month) == monthrange(year, month)[1]


def test_due_date_past_year_9999_is_an_input_error() -> None:
    with pytest.raises(hc.InputError, match="9999"):
        hc.equal_installment("1000", 600, "1%/month", start=date(9990, 1, 1))


# -- interest factors ----------------------------------------------------------------------


def test_factors_divide_once_when_the_rate_per_period_is_exact() -> None:
    # 18%/year is 0.015 a month exactly: rows multiply by it. 4.9%/year is 0.0040833… a
    # month: rows keep the numerator and divide by 12 last (docs/conventions.md#rounding, multiply
    # first)
    assert factors(hc.Rate.annual("18%"), 360, None, [None], False) == ([D("0.015")], None)
    assert factors(hc.Rate.annual("4.9%"), 360, None, [None], False) == ([D("0.049")], D(12))


@given(schedule_rates, st.sampled_from([360, 365]), dates(), st.integers(1, 40), st.booleans())
def test_factors_are_the_exact_rate_of_each_row(
    rate: hc.Rate, basis: int, start: date, n: int, actual: bool
) -> None:
    dues = due_dates(start, n)
    got, den = factors(rate, basis, start, dues, actual)
    num, per = rate.ratio("day" if actual else "month", basis)
    days = [(b - a).days for a, b in pairwise([start, *dues])] if actual else [1] * n
    divisor = Fraction(1) if den is None else Fraction(den)
    assert [Fraction(f) / divisor for f in got] == [Fraction(num) * d / per for d in days]
    if den is None:  # short enough that balance × factor is exact in the 60-digit context
        assert all(len(f.as_tuple().digits) <= 22 for f in got)


@given(schedule_principals, st.integers(1, 60), schedule_rates, dates(), loan_builders)
def test_actual_interest_matches_a_fraction_reference(
    principal: Decimal, n: int, rate: hc.Rate, start: date, builder: object
) -> None:
    # interest="actual": each row's interest is balance × daily rate × days, exact, half-up
    s = builder(principal, n, rate, start=start, interest="actual")  # type: ignore[operator]
    num, den = rate.ratio("day", 360)
    prev = start
    for row in s.rows:
        assert row.due is not None
        exact = (
            Fraction(row.balance + row.principal) * Fraction(num) * (row.due - prev).days
        ) / den
        assert row.interest == Decimal(int(exact * 100 + Fraction(1, 2))).scaleb(-2)
        prev = row.due


# -- the level payment ---------------------------------------------------------------------


def test_level_payment_is_exact_at_half_a_fen() -> None:
    # 1 period: payment = P(1 + i) exactly. 574,050 x (1 + 0.1564/12) = 581,531.785 -> .79
    assert level_payment(D("574050.00"), 1, D("0.1564"), 12) == D("581531.79")
    # 2 periods at 100%/period: P x 1 x 4 / 3; 0.03 x 4/3 = 0.04 exactly
    assert level_payment(D("0.03"), 2, D("1"), 1) == D("0.04")
    # 2 periods at 0 -> P/2 half-up: 0.05 / 2 = 0.025 -> 0.03
    assert level_payment(D("0.05"), 2, D("0"), 12) == D("0.03")


@pytest.mark.parametrize("rate", ["1e-59", "1e-70", "1e-100"])
def test_level_payment_at_a_rate_below_the_context_precision(rate: str) -> None:
    # docs/conventions.md#rates-and-bases allows any rate down to 1e-100; (1 + i)^n is then 1 in 60
    # digits and the
    # closed formula divides by zero. The payment is P/n plus a sliver, half-up:
    # 1000/600 = 1.6666… -> 1.67; 1 period: P(1 + i) = 1000.00…01 -> 1000.00;
    # 0.05/2 = 0.025 (+ sliver) -> 0.03.
    r = hc.Rate.annual(D(rate))
    assert hc.equal_installment("1000", 600, r).rows[0].payment == D("1.67")
    assert hc.equal_installment("1000", 1, r).rows[0].payment == D("1000.00")
    assert level_payment(D("0.05"), 2, *r.ratio("month")) == D("0.03")


@given(schedule_principals, schedule_periods, schedule_rates)
def test_level_payment_fast_path_equals_the_exact_one(
    principal: Decimal, n: int, rate: hc.Rate
) -> None:
    num, den = rate.ratio("month", 360)
    assume(num > 0)
    assert level_payment(principal, n, num, den) == exact_level_payment(principal, n, num, den)


@given(st.integers(0, 10**9), st.sampled_from([1, 3, 7, 12, 360, 365]))
def test_level_payment_ties_round_up(j: int, den: int) -> None:
    # One period pays P(1 + i). With i = 0.5/den (not a finite decimal for den = 3, 7, …)
    # and P = den·(2j + 1) fen, P·i = j + ½ fen exactly: the payment must round up to
    # P + j + 1 fen, however close the 60-digit value lands to the tie.
    fen = den * (2 * j + 1)
    expected = D(fen + j + 1).scaleb(-2)
    assert level_payment(D(fen).scaleb(-2), 1, D("0.5"), den) == expected


# -- Schedule ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("cells_", "name"),
    [
        ((1, None, D("1.00"), D("1.00"), Z, Z, D("-1.00")), "balance"),
        ((1, None, D("2.00"), D("1.00"), Z, Z, Z), "payment"),
        ((1, None, D("1.0"), D("1.0"), Z, Z, Z), "payment"),
        ((1, None, "1.00", D("1.00"), Z, Z, Z), "payment"),
        ((True, None, Z, Z, Z, Z, Z), "period"),
        ((-1, None, Z, Z, Z, Z, Z), "period"),
        ((1, "2024-01-01", Z, Z, Z, Z, Z), "due"),
    ],
)
def test_installment_checks_its_cells(cells_: tuple[object, ...], name: str) -> None:
    with pytest.raises(hc.InputError) as err:
        hc.Installment(*cells_)  # type: ignore[arg-type]
    assert err.value.name == name


def test_schedule_accepts_a_list_of_rows() -> None:
    row = hc.Installment(1, None, D("1.00"), D("1.00"), Z, Z, Z)
    s = hc.Schedule([row], D("1.00"))  # type: ignore[arg-type]
    assert s.rows == (row,)
    assert s.method == "custom"
    with pytest.raises(hc.InputError):
        hc.Schedule((row,), "1.00")  # type: ignore[arg-type]


@pytest.mark.parametrize("rows", [(1, 2), ((1, None, "1.00"),), (None,)])
def test_schedule_refuses_rows_that_are_not_installments(rows: tuple[object, ...]) -> None:
    # docs/conventions.md#errors: junk rows are an InputError when the Schedule is made, not an
    # AttributeError from .apr() or .total_payment later
    with pytest.raises(hc.InputError) as err:
        hc.Schedule(rows, D("1.00"))  # type: ignore[arg-type]
    assert err.value.name == "rows"


def test_cashflows_put_a_down_payment_at_period_0() -> None:
    rows = (
        hc.Installment(0, None, D("100.00"), D("100.00"), Z, Z, D("900.00")),
        hc.Installment(1, None, D("450.00"), D("450.00"), Z, Z, D("450.00")),
        hc.Installment(2, None, D("450.00"), D("450.00"), Z, Z, Z),
    )
    s = hc.Schedule(rows, D("1000.00"))
    assert s.cashflows() == [D("-900.00"), D("450.00"), D("450.00")]
    assert s.apr() == 0  # paid back exactly what was lent


def test_results_ignore_the_callers_decimal_context() -> None:
    expected = hc.equal_installment("1000000", 360, "4.9%/year", start=date(2024, 1, 31))
    with decimal.localcontext() as ctx:
        ctx.prec = 6
        ctx.rounding = decimal.ROUND_FLOOR
        again = hc.equal_installment("1000000", 360, "4.9%/year", start=date(2024, 1, 31))
        total = again.total_payment
    assert again == expected
    assert total == expected.total_payment


def test_huabei_installments_ignore_the_callers_decimal_context() -> None:
    # docs/rules.md#huabei-installments: 123,456.78 × 8.8% = 10,864.19664 → 10,864.20;
    # 123,456.78 / 12 = 10,288.065 → 10,288.06 and 10,864.20 / 12 = 905.35 (truncated);
    # period 1 takes 123,456.78 − 11 × 10,288.06 = 10,288.12 and 905.35. A caller's
    # 6-digit, rounding-down context would make the fee 10,864.1 (or refuse it).
    with decimal.localcontext() as ctx:
        ctx.prec = 6
        ctx.rounding = decimal.ROUND_FLOOR
        s = hc.flat_fee("123456.78", 12, "8.8%")
        total = s.total_payment
    assert s.total_fee == D("10864.20")
    assert total == D("134320.98")
    first, second = s.rows[:2]
    assert (first.principal, first.fee, first.payment) == (
        D("10288.12"),
        D("905.35"),
        D("11193.47"),
    )
    assert (second.principal, second.fee, second.balance) == (
        D("10288.06"),
        D("905.35"),
        D("102880.60"),
    )


# -- input checking -------------------------------------------------------------------------

BUILDERS = [hc.equal_installment, hc.equal_principal, hc.interest_only]


@pytest.mark.parametrize("build", BUILDERS)
@pytest.mark.parametrize(
    ("args", "kwargs", "name"),
    [
        (("0", 12, "4.9%/year"), {}, "principal"),
        ((0.5, 12, "4.9%/year"), {}, "principal"),
        (("1000", 0, "4.9%/year"), {}, "periods"),
        (("1000", 601, "4.9%/year"), {}, "periods"),
        (("1000", True, "4.9%/year"), {}, "periods"),
        (("1000", 12.0, "4.9%/year"), {}, "periods"),
        (("1000", 12, "4.9"), {}, "rate"),
        (("1000", 12, D("0.049")), {}, "rate"),
        (("1000", 12, "4.9%/year"), {"interest": "daily"}, "interest"),
        (("1000", 12, "4.9%/year"), {"basis": 364}, "basis"),
        (("1000", 12, "4.9%/year"), {"start": "2024-01-01"}, "start"),
    ],
)
def test_builders_refuse_bad_input(
    build: object, args: tuple[object, ...], kwargs: dict[str, object], name: str
) -> None:
    with pytest.raises(hc.InputError) as err:
        build(*args, **kwargs)  # type: ignore[operator]
    assert err.value.name == name


def test_flat_fee_refuses_a_non_product() -> None:
    with pytest.raises(hc.InputError, match="product") as err:
        hc.flat_fee("5000", 12, product="huabei")  # type: ignore[arg-type]
    assert (err.value.name, err.value.value, err.value.code) == (
        "product",
        "huabei",
        "err.product",
    )


@pytest.mark.parametrize("build", BUILDERS)
@pytest.mark.parametrize("interest", ["daily", "Monthly", None, ("monthly",)])
def test_builders_refuse_an_unknown_interest_basis(build: object, interest: object) -> None:
    # docs/conventions.md#schedules: interest is "monthly" or "actual", nothing else; the
    # refusal names the parameter, the caller's value and its catalog id
    with pytest.raises(hc.InputError) as err:
        build("1000", 12, "4.9%/year", interest=interest)  # type: ignore[operator]
    assert (err.value.name, err.value.value, err.value.code) == (
        "interest",
        interest,
        "err.interest_basis",
    )


@pytest.mark.parametrize(
    ("build", "rate"),
    [*((build, "12%/year") for build in BUILDERS), (hc.flat_fee, "2.5%")],
)
def test_builders_record_principal_start_and_no_waived_buckets(build: object, rate: str) -> None:
    # A builder's schedule carries the amount lent (two places), the start its dates are
    # anchored on (31 Jan 2024 → 29 Feb → 31 Mar → 30 Apr,
    # docs/conventions.md#day-counts-and-dates) and waives nothing (only a 停息挂账 plan
    # does); a loan charges no fee.
    s = build("1200", 3, rate, start=date(2024, 1, 31))  # type: ignore[operator]
    assert (s.principal, s.start, s.waived) == (D("1200.00"), date(2024, 1, 31), ())
    assert [(r.period, r.due) for r in s.rows] == [
        (1, date(2024, 2, 29)),
        (2, date(2024, 3, 31)),
        (3, date(2024, 4, 30)),
    ]
    if build is not hc.flat_fee:
        assert [r.fee for r in s.rows] == [Z, Z, Z]
        assert s.total_fee == Z
    undated = build("1200", 3, rate)  # type: ignore[operator]
    assert (undated.principal, undated.start, undated.waived) == (D("1200.00"), None, ())


# -- properties --------------------------------------------------------------------------


def _check_invariants(s: hc.Schedule, principal: Decimal, periods: int) -> None:
    assert [r.period for r in s.rows] == list(range(1, periods + 1))
    assert sum(r.principal for r in s.rows) == principal
    assert s.total_principal == principal
    balances = [principal] + [r.balance for r in s.rows]
    assert all(a >= b >= 0 for a, b in pairwise(balances))
    assert s.rows[-1].balance == Z
    for r in s.rows:
        assert r.payment == r.principal + r.interest + r.fee
        for value in (r.payment, r.principal, r.interest, r.fee, r.balance):
            assert value.as_tuple().exponent == -2
            assert value >= 0


@given(loan_builders, schedule_principals, schedule_periods, schedule_rates, st.booleans(), dates())
def test_loan_invariants(
    build: object, principal: Decimal, n: int, rate: hc.Rate, actual: bool, start: date
) -> None:
    kwargs: dict[str, object] = {"interest": "actual", "start": start} if actual else {}
    s = build(principal, n, rate, **kwargs)  # type: ignore[operator]
    _check_invariants(s, principal, n)


@given(schedule_principals, schedule_periods, fee_fractions, st.one_of(st.none(), dates()))
def test_flat_fee_invariants(principal: Decimal, n: int, fee: Decimal, start: date | None) -> None:
    s = hc.flat_fee(principal, n, fee, start=start)
    _check_invariants(s, principal, n)
    with decimal.localcontext() as ctx:
        ctx.prec = 50
        exact_fee = principal * fee
    assert s.total_fee == exact_fee.quantize(D("0.01"), rounding=decimal.ROUND_HALF_UP)
    assert s.total_interest == 0


@given(schedule_principals, schedule_periods, st.sampled_from(["0%/year", "0%/month", "0%/day"]))
def test_zero_rate_degenerates_to_p_over_n(principal: Decimal, n: int, rate: str) -> None:
    level = hc.equal_installment(principal, n, rate)
    assert level.rows == hc.equal_principal(principal, n, rate).rows
    assert level.total_interest == 0
    assert level.total_payment == principal
    each = (principal / n).quantize(D("0.01"), rounding=decimal.ROUND_HALF_UP)
    if n > 1:
        assert level.rows[0].payment == min(each, principal)


def _reference_equal_installment(p: Decimal, n: int, i: Fraction) -> list[tuple[Fraction, ...]]:
    """The equal-installment rules of docs/conventions.md#schedules, written again in plain
    fractions."""

    def fen(x: Fraction) -> Fraction:  # half-up, x >= 0
        return Fraction(int(x * 100 + Fraction(1, 2)), 100)

    bal = Fraction(p)
    pay = fen(bal / n) if i == 0 else fen(bal * i * (1 + i) ** n / ((1 + i) ** n - 1))
    rows: list[tuple[Fraction, ...]] = []
    for k in range(1, n + 1):
        if bal == 0:
            rows.append((Fraction(0),) * 4)
            continue
        interest = fen(bal * i)
        part = bal if k == n or pay - interest >= bal else pay - interest
        bal -= part
        rows.append((part + interest, part, interest, bal))
    return rows


@given(schedule_principals, st.integers(1, 120), schedule_rates)
def test_equal_installment_matches_a_fraction_reference(
    principal: Decimal, n: int, rate: hc.Rate
) -> None:
    s = hc.equal_installment(principal, n, rate)
    num, den = rate.ratio("month", 360)
    expected = _reference_equal_installment(principal, n, Fraction(num) / den)
    assert [tuple(Fraction(c) for c in cells(r)) for r in s.rows] == expected


@given(
    st.integers(2, 360).flatmap(lambda n: st.tuples(st.just(n), money(str(100 * n), "10000000"))),
    positive_rates,
)
def test_equal_principal_costs_less_interest(loan: tuple[int, Decimal], rate: hc.Rate) -> None:
    # Paying principal down faster leaves less balance to bear interest. Exactly, equal
    # installment costs n·A − P and equal principal P·i·(n+1)/2; posting rounds each row's
    # interest (and the payment, or P/n) to the fen, which moves either total by a few fen
    # a row when the parts are large (here ≥ 100 yuan a period; with parts of a few fen the
    # rounding of the payment itself changes how fast a loan amortises). The claim holds
    # whenever the exact saving exceeds that noise (2 fen a row).
    n, principal = loan
    num, den = rate.ratio("month", 360)
    i, p = Fraction(num) / den, Fraction(principal)
    growth = (1 + i) ** n
    saving = n * p * i * growth / (growth - 1) - p - p * i * (n + 1) / 2
    assume(saving > Fraction(2, 100) * n)
    ep = hc.equal_principal(principal, n, rate)
    ei = hc.equal_installment(principal, n, rate)
    assert ep.total_interest <= ei.total_interest


# -- APR (needs returns.irr) ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("periods", "apr"),
    [(3, "0.1494"), (6, "0.1527"), (9, "0.1534"), (12, "0.1586")],
)
def test_huabei_fee_table_true_annual_rates(periods: int, apr: str) -> None:
    # docs/rules.md#huabei-installments: the historic bill-installment fees 2.5/4.5/6.5/8.8% are
    # 14.94%, 15.27%,
    # 15.34%, 15.86% a year (monthly IRR x 12); numpy-financial irr() x 12 on the
    # 5,000-yuan flows agrees to 4 places.
    s = hc.flat_fee("5000", periods)
    assert round(s.apr(), 4) == D(apr)


def test_apr_of_a_schedule_whose_last_payment_passes_10_to_the_12() -> None:
    # The largest loan docs/conventions.md#money allows, 10^12 interest-only at 30% a month (its
    # limit):
    # 3 x 10^11 a month, then 1.3 x 10^12 in period 3, more than irr() takes from a
    # caller. The flows -P, iP, iP, (1 + i)P have IRR i = 0.3 exactly: apr = 3.6,
    # effective 1.3^12 - 1 = 23.298085122481 - 1 (1.3^4 = 2.8561, 1.3^8 = 8.15730721).
    s = hc.interest_only(10**12, 3, "30%/month")
    assert s.rows[-1].payment == D("1300000000000.00")
    assert abs(s.apr() - D("3.6")) < D("1e-15")
    assert abs(s.effective_annual_rate() - D("22.298085122481")) < D("1e-15")


def test_apr_golden_mortgage_and_effective_rate() -> None:
    # A level-payment loan's IRR is its own rate (to the rounding of the payment):
    # 4.9% nominal; effective (1 + 0.049/12)^12 - 1 = 5.01156%.
    s = hc.equal_installment("1000000", 360, "4.9%/year")
    assert abs(s.apr() - D("0.049")) < D("1e-6")
    assert abs(s.effective_annual_rate() - D("0.0501156")) < D("1e-6")


def test_zero_fee_has_zero_apr() -> None:
    s = hc.flat_fee("5000", 12, "0")
    assert s.apr() == 0
    assert s.effective_annual_rate() == 0
    assert hc.equal_installment("999.99", 7, "0%/year").apr() == 0


@given(
    st.sampled_from(["600", "5000", "123456.78"]),
    st.integers(2, 24),
    st.integers(1, 1500),
    st.integers(1, 500),
)
def test_apr_increases_with_the_fee_rate(amount: str, n: int, low: int, step: int) -> None:
    cheap = hc.flat_fee(amount, n, D(low).scaleb(-4))
    dear = hc.flat_fee(amount, n, D(low + step).scaleb(-4))
    assume(dear.total_fee > cheap.total_fee)
    assert 0 < cheap.apr() < dear.apr()
    assert cheap.effective_annual_rate() < dear.effective_annual_rate()


# -- Schedule checks method, start and waived (issue 10, defect 7) -------------------------

ROW = hc.Installment(1, date(2025, 2, 1), D("1.00"), D("1.00"), Z, Z, Z)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"method": "freez"}, "method"),
        ({"method": datetime(2025, 1, 1)}, "method"),  # broke to_json
        ({"method": None}, "method"),
        ({"start": "2025-01-01"}, "start"),  # compare() then raised TypeError
        ({"start": datetime(2025, 1, 1)}, "start"),
        ({"waived": ["principal"]}, "waived"),
        ({"waived": "penalty"}, "waived"),
        ({"waived": ("penalty", "penalty")}, "waived"),
        ({"waived": None}, "waived"),
    ],
)
def test_schedule_checks_method_start_and_waived(kwargs: dict[str, object], name: str) -> None:
    with pytest.raises(hc.InputError) as err:
        hc.Schedule((ROW,), D("1.00"), **kwargs)  # type: ignore[arg-type]
    assert err.value.name == name


def test_schedule_stores_waived_as_a_tuple_of_its_own() -> None:
    names = ["penalty"]
    s = hc.Schedule((ROW,), D("1.00"), method="freeze", waived=names, start=date(2025, 1, 1))  # type: ignore[arg-type]
    names.append("fees")  # the caller's list is not the schedule's
    assert s.waived == ("penalty",)
    assert hash(s) == hash(
        hc.Schedule((ROW,), D("1.00"), method="freeze", waived=("penalty",), start=date(2025, 1, 1))
    )
    assert hc.Schedule((ROW,), D("1.00"), waived={"fees": 0}.keys()).waived == ("fees",)  # type: ignore[arg-type]


@pytest.mark.parametrize("method", ["equal_installment", "freeze", "custom", "flat_fee"])
def test_every_known_method_is_accepted(method: str) -> None:
    assert hc.Schedule((ROW,), D("1.00"), method=method).method == method


def test_builders_make_schedules_with_known_methods() -> None:
    from huabei_calc.schedule import METHODS

    made = {
        hc.equal_installment("100", 2, "1%/month").method,
        hc.equal_principal("100", 2, "1%/month").method,
        hc.interest_only("100", 2, "1%/month").method,
        hc.flat_fee("100", 3).method,
        hc.freeze(hc.Debt(principal="100"), 2, start=date(2025, 1, 1)).method,
    }
    assert made | {"custom"} == set(METHODS)


# -- periods are bounded by the schedule cap (issue 10, defect 8) --------------------------


@pytest.mark.parametrize("period", [601, 10**8, 10**5000], ids=["601", "1e8", "1e5000"])
def test_installment_period_is_at_most_the_schedule_cap(period: int) -> None:
    # period 10**8 made apr() take 46 s and 3 GB; 10**5000 raised OverflowError
    with pytest.raises(hc.InputError) as err:
        hc.Installment(period, None, Z, Z, Z, Z, Z)
    assert err.value.name == "period"
    assert "from 0 to 600" in str(err.value)
    assert hc.Installment(600, None, Z, Z, Z, Z, Z).period == 600


def test_schedule_refuses_a_row_past_the_cap_however_it_was_made() -> None:
    far = make_installment(10**8, None, Z, Z, Z, Z, Z)  # the builders' unchecked path
    with pytest.raises(hc.InputError) as err:
        hc.Schedule((ROW, far), D("1.00"))
    assert err.value.name == "rows"
    assert (
        len(hc.Schedule((ROW, make_installment(600, None, Z, Z, Z, Z, Z)), D("1.00")).cashflows())
        == 2
    )


# -- refusals name the parameter, the value and the catalog id ----------------------------


def _row(period: int, payment: str, interest: str = "0.00") -> hc.Installment:
    pay, charge = D(payment), D(interest)
    with decimal.localcontext(decimal.Context()):  # the test's own sum, whatever the caller's
        principal = pay - charge
    return hc.Installment(period, None, pay, principal, charge, Z, Z)


@pytest.mark.parametrize(
    ("cells_", "name", "code"),
    [
        ((1, None, D("1.00"), D("1.00"), Z, Z, D("-0.01")), "balance", "row_amount"),
        ((1, None, "1.00", D("1.00"), Z, Z, Z), "payment", "row_amount"),
        ((1, None, Z, Z, 0, Z, Z), "interest", "row_amount"),
        ((1, None, Z, Z, Z, D("NaN"), Z), "fee", "row_amount"),
        ((1, None, Z, D("-Infinity"), Z, Z, Z), "principal", "row_amount"),
        ((1, None, D("1.0"), D("1.0"), Z, Z, Z), "payment", "two_places"),
        ((1, None, Z, Z, Z, D("0.000"), Z), "fee", "two_places"),
        ((1, None, Z, Z, Z, Z, D("5")), "balance", "two_places"),
    ],
)
def test_installment_refuses_an_amount_naming_it_and_the_rule(
    cells_: tuple[object, ...], name: str, code: str
) -> None:
    # docs/conventions.md#errors: every refusal names the caller's parameter and value and
    # carries its catalog id; a row's amounts are non-negative two-place Decimals
    with pytest.raises(hc.InputError) as err:
        hc.Installment(*cells_)  # type: ignore[arg-type]
    assert (err.value.name, err.value.code) == (name, f"err.{code}")
    assert err.value.value is cells_[hc.Installment.__slots__.index(name)]


def test_installment_payment_is_principal_plus_interest_plus_fee() -> None:
    # 花呗分期: a row of 100.00 principal, 1.00 interest and 2.00 fee is a payment of 103.00
    row = hc.Installment(1, None, D("103.00"), D("100.00"), D("1.00"), D("2.00"), Z)
    assert row.payment == D("103.00")
    with pytest.raises(hc.InputError) as err:
        hc.Installment(1, None, D("101.00"), D("100.00"), D("1.00"), D("2.00"), Z)
    assert (err.value.name, err.value.value, err.value.code) == (
        "payment",
        D("101.00"),
        "err.payment_parts",
    )
    assert err.value.params == {"parts": D("103.00")}
    assert str(err.value) == "payment=101.00 must be principal + interest + fee = 103.00"


def test_installment_ignores_the_callers_decimal_context() -> None:
    # 1234.56 + 0.01 = 1234.57 exactly, even where the caller rounds to 3 digits
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        row = hc.Installment(1, None, D("1234.57"), D("1234.56"), D("0.01"), Z, Z)
    assert row.payment == D("1234.57")


@pytest.mark.parametrize("rows", [(1, 2), (ROW, None)])
def test_schedule_refusing_rows_names_them_and_the_rule(rows: tuple[object, ...]) -> None:
    with pytest.raises(hc.InputError) as err:
        hc.Schedule(rows, D("1.00"))  # type: ignore[arg-type]
    assert (err.value.name, err.value.value, err.value.code) == ("rows", rows, "err.rows")


@pytest.mark.parametrize("period", [601, 10**8, -1])
def test_schedule_refusing_a_row_period_says_which_and_the_cap(period: int) -> None:
    rows = (ROW, make_installment(period, None, Z, Z, Z, Z, Z))  # the builders' unchecked path
    with pytest.raises(hc.InputError) as err:
        hc.Schedule(rows, D("1.00"))
    assert (err.value.name, err.value.value, err.value.code) == ("rows", rows, "err.row_period")
    assert err.value.params == {"period": str(period), "hi": 600}
    assert f"has period {period}, past the most a schedule may have (600)" in str(err.value)


@pytest.mark.parametrize("principal", ["0.00", "0.01", "0.99", "1000000000000.00"])
def test_schedule_accepts_any_non_negative_two_place_principal(principal: str) -> None:
    # a 停息挂账 plan of a debt already paid off has principal 0.00
    assert hc.Schedule((), D(principal)).principal == D(principal)


@pytest.mark.parametrize(
    "principal",
    [D("-0.01"), D("-1.00"), D("1.0"), D("1.000"), D("1"), D("NaN"), D("Infinity"), "1.00", 1],
)
def test_schedule_refuses_a_principal_naming_it_and_the_rule(principal: object) -> None:
    with pytest.raises(hc.InputError) as err:
        hc.Schedule((ROW,), principal)  # type: ignore[arg-type]
    assert (err.value.name, err.value.code) == ("principal", "err.schedule_principal")
    assert err.value.value is principal


def test_schedule_refusing_a_method_lists_the_known_ones() -> None:
    methods = "equal_installment, equal_principal, interest_only, flat_fee, freeze, custom"
    with pytest.raises(hc.InputError) as err:
        hc.Schedule((ROW,), D("1.00"), method="freez")
    assert (err.value.name, err.value.value, err.value.code) == ("method", "freez", "err.method")
    assert err.value.params == {"methods": methods}
    assert str(err.value) == f"method='freez' must be one of {methods}"


# -- totals and cash flows -------------------------------------------------------------------


def test_an_empty_schedule_totals_zero_yuan_and_flows_only_the_principal() -> None:
    # a schedule with no rows: nothing paid, each total 0.00 yuan (two places, like the rows)
    empty = hc.Schedule((), D("0.00"))
    totals = [empty.total_payment, empty.total_principal, empty.total_interest, empty.total_fee]
    assert [(type(t), str(t)) for t in totals] == [(Decimal, "0.00")] * 4
    assert empty.cashflows() == [Z]
    assert empty.apr() == 0  # nothing lent, nothing repaid
    assert hc.Schedule((), D("100.00")).cashflows() == [D("-100.00")]


def test_cashflows_add_a_periods_rows_and_keep_the_gaps() -> None:
    # -principal + the down payment at 0; two rows in period 2 add up; period 3 pays nothing
    rows = (_row(0, "10.00"), _row(1, "30.00"), _row(2, "20.00"), _row(2, "5.00"), _row(4, "50.00"))
    assert hc.Schedule(rows, D("110.00")).cashflows() == [
        D("-100.00"),
        D("30.00"),
        D("25.00"),
        Z,
        D("50.00"),
    ]
    # a schedule paid in full at period 0 is one flow; a trailing zero period is dropped
    assert hc.Schedule((_row(0, "100.00"),), D("100.00")).cashflows() == [Z]
    assert hc.Schedule((_row(1, "100.00"), _row(2, "0.00")), D("100.00")).cashflows() == [
        D("-100.00"),
        D("100.00"),
    ]


@pytest.mark.parametrize(
    ("principal", "rows", "flows"),
    [
        ("100.00", [_row(1, "0.00")], ["-100.00", "0.00"]),  # nothing repaid
        ("0.00", [_row(1, "100.00")], ["0.00", "100.00"]),  # nothing lent
        ("100.00", [_row(0, "100.00"), _row(1, "5.00")], ["0.00", "5.00"]),
    ],
)
def test_apr_refuses_flows_that_no_rate_solves(
    principal: str, rows: list[hc.Installment], flows: list[str]
) -> None:
    # docs/conventions.md, Cash-flow signs: no sign change or fewer than two flows is an
    # InputError (no rate solves them); the refusal shows the schedule's flows
    s = hc.Schedule(rows, D(principal))
    assert s.cashflows() == [D(f) for f in flows]
    for rate in (s.apr, s.effective_annual_rate):
        with pytest.raises(hc.InputError) as err:
            rate()
        assert (err.value.name, err.value.code) == ("cashflows", "err.flows_sign")
        assert err.value.value == [D(f) for f in flows]
    with pytest.raises(hc.InputError) as err:
        hc.Schedule((), D("100.00")).apr()  # lent, and no row at all
    assert err.value.code == "err.flows_min_two"


# -- APR goldens ------------------------------------------------------------------------------


def test_one_percent_over_a_month_is_12_percent_a_year() -> None:
    # 100.00 lent, 101.00 repaid a month later: IRR 1% a month, APR 12%, effective
    # 1.01^12 - 1 = 0.126825030131969720661201 (docs/conventions.md, Cash-flow signs)
    s = hc.Schedule((_row(1, "101.00", "1.00"),), D("100.00"))
    assert s.apr() == D("0.12")
    assert s.effective_annual_rate() == D("0.126825030131969720661201")


def test_apr_of_a_one_period_loan_past_irrs_10_to_the_12() -> None:
    # 10^12 for a month at 30%: 1.3 x 10^12 repaid, beyond the 10^12 yuan irr() takes
    # from a caller; the IRR is 0.3 exactly, the APR 3.6
    s = hc.interest_only(10**12, 1, "30%/month")
    assert s.cashflows() == [D("-1000000000000.00"), D("1300000000000.00")]
    assert s.apr() == D("3.6")


def test_apr_of_a_fen_repaid_on_2_trillion() -> None:
    # 2 x 10^12 lent, 0.01 repaid: 1 + r = 0.01 / (2 x 10^12) = 5 x 10^-15, so
    # r = -0.999999999999995 and the APR 12 r = -11.99999999999994
    s = hc.Schedule((_row(1, "0.01"),), D("2000000000000.00"))
    assert s.apr() == D("-11.99999999999994")


def test_apr_is_exact_up_to_2_to_the_53_fen_and_refused_past_it() -> None:
    # returns.irr_of_fens takes flows in fen below 2**53 (exact as floats for the root
    # finder's first guess): a schedule's flows are solved up to there, past the 10^12 yuan
    # irr() takes from a caller, and refused beyond (irr's own limit, docs/conventions.md,
    # Money) rather than solved inexactly. Here 1 + r = 6361 / 6360: APR = 12 / 6360 = 1 / 530.
    top = 2**53 - 1  # = 6361 x 69431 x 20394401 fen
    lent = D(top // 6361 * 6360).scaleb(-2)
    s = hc.Schedule((_row(1, str(D(top).scaleb(-2))),), lent)
    assert abs(Fraction(s.apr()) - Fraction(1, 530)) < Fraction(1, 10**18)
    past = hc.Schedule((_row(1, str(D(top + 1).scaleb(-2))),), lent)
    with pytest.raises(hc.InputError) as err:
        past.apr()
    assert (err.value.name, err.value.code) == ("cashflows", "err.flow_too_large")


def test_apr_ignores_the_callers_decimal_context() -> None:
    # 100.00 lent, 50.01 and 50.00 repaid: a fen over the principal. A caller's context
    # of 3 digits would round 50.01 to 50.0 and the sum of the flows to 0.
    def build() -> hc.Schedule:
        rows = (_row(1, "50.01", "0.01"), _row(2, "50.00"))
        return hc.Schedule(rows, D("100.00"))

    expected = build()
    with decimal.localcontext() as ctx:
        ctx.prec = 3
        s = build()
        flows, apr, effective = s.cashflows(), s.apr(), s.effective_annual_rate()
    assert flows == [D("-100.00"), D("50.01"), D("50.00")]
    assert apr == expected.apr() > 0
    assert effective == expected.effective_annual_rate()
