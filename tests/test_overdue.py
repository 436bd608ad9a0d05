"""overdue.py: accrual of 逾期费 / 罚息 / 复利.

Sources: docs/rules.md#overdue-charges, docs/rules.md#huabei and docs/rules.md#jiebei.

Every golden value is worked by hand in the comment beside it.
"""

from __future__ import annotations

from dataclasses import fields, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from fractions import Fraction
from itertools import pairwise

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

from huabei_calc import HUABEI, JIEBEI, Accrual, AccrualRow, Debt, InputError, Product, Rate, accrue
from huabei_calc._check import check_date
from huabei_calc.money import context
from huabei_calc.overdue import daily_charge

from .strategies import debts, grace_products, money, monthly_products, products, spans

D = Decimal
HUABEI_MONTHLY = replace(HUABEI, capitalize="monthly")
JIEBEI_MONTHLY = replace(JIEBEI, capitalize="monthly")


# -- golden ---------------------------------------------------------------------------


def test_huabei_5000_for_4_days() -> None:
    # docs/rules.md#huabei: 5,000 overdue 4 days → 5,000 × 0.0005 = 2.50/day → 10.00
    a = accrue(Debt(principal="5000"), HUABEI, since=date(2025, 1, 10), until=date(2025, 1, 14))
    assert a.charged == D("10.00")
    assert a.days == 4
    assert a.debt == Debt(principal="5000", penalty="10")
    assert [(r.daily_charge, r.days, r.charged) for r in a.rows] == [(D("2.50"), 4, D("10.00"))]


def test_huabei_1234_56_for_10_days() -> None:
    # docs/rules.md#huabei: 1,234.56 for 10 days → 0.61728 → 0.62/day → 6.20
    # (rounding the day first matters: 0.61728 × 10 = 6.1728 would round to 6.17)
    a = accrue(Debt(principal="1234.56"), HUABEI, since=date(2025, 3, 8), until=date(2025, 3, 18))
    assert a.charged == D("6.20")
    assert a.rows[0].daily_charge == D("0.62")


def test_jiebei_10000_for_30_days() -> None:
    # docs/rules.md#jiebei: penalty = 0.05% × 1.5 = 0.075%/day;
    # 10,000 × 0.00075 = 7.50/day × 30 = 225.00
    a = accrue(Debt(principal="10000"), JIEBEI, since=date(2025, 4, 1), until=date(2025, 5, 1))
    assert a.days == 30
    assert a.charged == D("225.00")
    assert a.debt.penalty == D("225.00")


def test_jiebei_personal_rate() -> None:
    # 0.06%/day × 1.5 = 0.09%/day; 10,000 × 0.0009 = 9.00/day × 30 = 270.00
    jiebei = JIEBEI.with_rate("0.06%")
    a = accrue(Debt(principal="10000"), jiebei, since=date(2025, 4, 1), until=date(2025, 5, 1))
    assert a.charged == D("270.00")


def test_jiebei_compound_interest_on_unpaid_interest() -> None:
    # docs/rules.md#jiebei: 罚息 on overdue principal and 复利 at the same rate on unpaid interest:
    # base 10,000 + 100 = 10,100 × 0.00075 = 7.575 → 7.58/day (half-up) × 30 = 227.40
    debt = Debt(principal="10000", interest="100")
    a = accrue(debt, JIEBEI, since=date(2025, 4, 1), until=date(2025, 5, 1))
    assert a.charged == D("227.40")
    assert a.debt == Debt(principal="10000", interest="100", penalty="227.40")


def test_a_half_fen_rounds_up() -> None:
    # docs/rules.md#overdue-charges: the daily charge is rounded half-up: 10,220 × 0.00075 = 7.665
    # → 7.67 a day
    # (half-even would give 7.66); × 3 days = 23.01
    a = accrue(Debt(principal="10220"), JIEBEI, since=date(2025, 6, 1), until=date(2025, 6, 4))
    assert a.rows[0].daily_charge == D("7.67")
    assert a.charged == D("23.01")


def test_penalty_bucket_bears_no_charge() -> None:
    # docs/rules.md#overdue-charges: base = principal + interest + fees, not the penalty: 4,000 +
    # 500 + 500 = 5,000
    # → 2.50/day (Huabei) × 4 = 10.00, added to the 1,000 penalty already owed
    debt = Debt(principal="4000", interest="500", fees="500", penalty="1000")
    a = accrue(debt, HUABEI, since=date(2025, 1, 10), until=date(2025, 1, 14))
    assert a.charged == D("10.00")
    assert a.debt == Debt(principal="4000", interest="500", fees="500", penalty="1010")


@pytest.mark.parametrize(
    ("rate", "basis", "daily"),
    [
        # 18%/year at 360: 10,000 × 0.18 / 360 = 5.00
        (Rate.annual("18%"), 360, D("5.00")),
        # 18%/year at 365: 10,000 × 0.18 / 365 = 4.93150… → 4.93
        (Rate.annual("18%"), 365, D("4.93")),
        # 1.5%/month at 360: 10,000 × 0.015 × 12 / 360 = 5.00
        (Rate.monthly("1.5%"), 360, D("5.00")),
        # 1.5%/month at 365: 10,000 × 0.18 / 365 = 4.93
        (Rate.monthly("1.5%"), 365, D("4.93")),
        # a daily rate is the same at either basis
        (Rate.daily("0.05%"), 365, D("5.00")),
    ],
)
def test_rates_of_other_periods(rate: Rate, basis: int, daily: Decimal) -> None:
    product = Product(name="p", rate=rate, basis=basis)
    a = accrue(Debt(principal="10000"), product, since=date(2025, 1, 1), until=date(2025, 1, 11))
    assert a.rows[0].daily_charge == daily
    assert a.charged == daily * 10


def test_a_day_is_computed_exactly_before_rounding() -> None:
    # docs/conventions.md#rounding, multiply first: 574,050.00 × 0.1564 / 360 = 249.392833… →
    # 249.39;
    # a per-day rate cut to 8 places (0.00043444) would give 249.39 too, but one cut to 6
    # (0.000434) gives 249.14: the exact product is what the library charges
    product = Product(name="p", rate=Rate.annual("15.64%"), basis=360)
    a = accrue(Debt(principal="574050"), product, since=date(2025, 1, 1), until=date(2025, 1, 2))
    assert a.charged == D("249.39")


@given(
    st.one_of(money("0", "1000000000000"), st.decimals(0, 10**40, places=9)),
    st.one_of(products, monthly_products),
)
# 39 digits of fen: the expectation, shifted in the default 28-digit context, was rounded
@example(D("1234567890123456789012345678901.23"), JIEBEI)
def test_daily_charge_is_the_exact_product_rounded_once(base: Decimal, product: Product) -> None:
    # products whose daily rate is a short exact decimal multiply once (the cached quotient);
    # the others divide last; either way: base × rate per day, exact, then half-up to the fen
    num, den = product.overdue_rate.ratio("day", product.basis)
    exact = Fraction(base) * Fraction(num) / den
    expected = D(int(exact * 100 + Fraction(1, 2))).scaleb(-2, context())  # exact: no rounding
    assert daily_charge(base, product) == expected


def test_the_overdue_daily_rate_is_converted_once_per_product() -> None:
    assert HUABEI.overdue_daily == (D("0.1825"), 365, D("0.0005"))
    assert JIEBEI.overdue_daily == (D("0.27000"), 360, D("0.00075"))
    product = Product(name="p", rate=Rate.annual("15.64%"), basis=360)
    assert product.overdue_daily == (D("0.1564"), 360, None)  # 0.000434444…: divide last
    assert replace(JIEBEI, basis=365).overdue_daily == (D("0.27375"), 365, D("0.00075"))


def test_accruals_are_real_frozen_accruals() -> None:
    # accrue builds its result unchecked (tests/test_unchecked.py proves the construction)
    a = accrue(Debt(principal="5000"), HUABEI, since=date(2025, 1, 10), until=date(2025, 1, 14))
    assert type(a) is Accrual
    assert type(a.debt) is Debt
    assert a.debt == Debt(principal="5000", penalty="10")
    with pytest.raises(AttributeError):
        a.charged = D(0)  # type: ignore[misc]


def test_until_equal_to_since_charges_nothing() -> None:
    debt = Debt(principal="5000", penalty="3")
    a = accrue(debt, JIEBEI, since=date(2025, 1, 10), until=date(2025, 1, 10))
    assert a.charged == D("0.00")
    assert a.days == 0
    assert a.rows == ()
    assert a.debt == debt


def test_until_before_since_refused() -> None:
    with pytest.raises(InputError) as info:
        accrue(Debt(principal="1"), HUABEI, since=date(2025, 2, 1), until=date(2025, 1, 31))
    assert info.value.name == "until"
    assert "2025-02-01" in str(info.value)


def test_grace_days() -> None:
    # docs/rules.md#overdue-charges: within the grace days nothing is charged; past them, every day
    # from the first
    product = replace(HUABEI, grace_days=3)
    debt = Debt(principal="5000")
    since = date(2025, 1, 10)
    for days in (1, 2, 3):
        a = accrue(debt, product, since=since, until=since + timedelta(days))
        assert a.charged == D("0.00")
        assert a.debt == debt
        assert a.rows == ()
        assert a.days == days
    # 4 days: past the grace, so all 4 days at 2.50 = 10.00, from the first day
    a = accrue(debt, product, since=since, until=since + timedelta(4))
    assert a.charged == D("10.00")
    assert a.rows[0].first == date(2025, 1, 11)


def test_rows_split_at_month_ends() -> None:
    # 5,000 Huabei at 2.50/day from 30 Jan to 2 Mar 2025: Jan 31 (1 day), Feb (28), Mar 1–2 (2)
    a = accrue(Debt(principal="5000"), HUABEI, since=date(2025, 1, 30), until=date(2025, 3, 2))
    assert a.days == 31
    assert a.rows == (
        AccrualRow(date(2025, 1, 31), date(2025, 1, 31), 1, D("5000.00"), D("2.50"), D("2.50")),
        AccrualRow(date(2025, 2, 1), date(2025, 2, 28), 28, D("5000.00"), D("2.50"), D("70.00")),
        AccrualRow(date(2025, 3, 1), date(2025, 3, 2), 2, D("5000.00"), D("2.50"), D("5.00")),
    )
    assert sum(r.charged for r in a.rows) == a.charged == D("77.50")


def test_rows_in_a_leap_february_and_across_a_year() -> None:
    # leap year: 27 Feb 2024 → 2 Mar 2024 is Feb 28–29 (2 days) and Mar 1–2 (2 days)
    a = accrue(Debt(principal="5000"), HUABEI, since=date(2024, 2, 27), until=date(2024, 3, 2))
    assert [(r.first, r.last, r.days) for r in a.rows] == [
        (date(2024, 2, 28), date(2024, 2, 29), 2),
        (date(2024, 3, 1), date(2024, 3, 2), 2),
    ]
    # year end, Jiebei on 2,000 + 33.33 interest: 2,033.33 × 0.00075 = 1.5249975 → 1.52/day;
    # 31 Dec (1 day) = 1.52, 1–2 Jan (2 days) = 3.04; 4.56 in all
    debt = Debt(principal="2000", interest="33.33")
    a = accrue(debt, JIEBEI, since=date(2024, 12, 30), until=date(2025, 1, 2))
    assert [(r.first, r.last, r.charged) for r in a.rows] == [
        (date(2024, 12, 31), date(2024, 12, 31), D("1.52")),
        (date(2025, 1, 1), date(2025, 1, 2), D("3.04")),
    ]
    assert a.charged == D("4.56")


def test_capitalize_monthly_huabei() -> None:
    # 10,000 at 0.05%/day, penalty joining the base each calendar month, 15 Jan → 10 Mar 2025:
    #   Jan 16–31, 16 days: base 10,000.00 → 5.00/day → 80.00            (penalty 80.00)
    #   Feb  1–28, 28 days: base 10,080.00 → 5.04/day → 141.12           (penalty 221.12)
    #   Mar  1–10, 10 days: base 10,221.12 → 5.11056 → 5.11/day → 51.10  (penalty 272.22)
    # without capitalisation: 5.00 × 54 = 270.00
    debt = Debt(principal="10000")
    since, until = date(2025, 1, 15), date(2025, 3, 10)
    a = accrue(debt, HUABEI_MONTHLY, since=since, until=until)
    assert a.rows == (
        AccrualRow(date(2025, 1, 16), date(2025, 1, 31), 16, D("10000"), D("5.00"), D("80.00")),
        AccrualRow(date(2025, 2, 1), date(2025, 2, 28), 28, D("10080"), D("5.04"), D("141.12")),
        AccrualRow(date(2025, 3, 1), date(2025, 3, 10), 10, D("10221.12"), D("5.11"), D("51.10")),
    )
    assert a.charged == D("272.22")
    assert a.debt == Debt(principal="10000", penalty="272.22")
    assert accrue(debt, HUABEI, since=since, until=until).charged == D("270.00")


def test_capitalize_monthly_jiebei() -> None:
    # 10,000 at 0.075%/day from 31 Jan to 31 Mar 2025:
    #   Feb, 28 days: 7.50/day → 210.00
    #   Mar, 31 days: base 10,210.00 × 0.00075 = 7.6575 → 7.66/day → 237.46
    # 447.46 in all (simple: 7.50 × 59 = 442.50)
    a = accrue(
        Debt(principal="10000"), JIEBEI_MONTHLY, since=date(2025, 1, 31), until=date(2025, 3, 31)
    )
    assert [r.charged for r in a.rows] == [D("210.00"), D("237.46")]
    assert a.charged == D("447.46")


def test_capitalize_takes_the_penalty_owed_at_since() -> None:
    # docs/rules.md#overdue-charges: for the first month the penalty owed at `since` joins the base:
    # (10,000 + 100) × 0.0005 = 5.05/day × 5 = 25.25 (simple: 5.00 × 5 = 25.00)
    debt = Debt(principal="10000", penalty="100")
    since, until = date(2025, 1, 15), date(2025, 1, 20)
    a = accrue(debt, HUABEI_MONTHLY, since=since, until=until)
    assert a.charged == D("25.25")
    assert a.debt.penalty == D("125.25")
    assert accrue(debt, HUABEI, since=since, until=until).charged == D("25.00")


def test_the_whole_calendar_in_one_step() -> None:
    # no day loops: 1 Jan 1 → 31 Dec 9999 is 3,652,058 days at 5.00 = 18,260,290.00
    a = accrue(Debt(principal="10000"), HUABEI, since=date.min, until=date.max)
    assert a.days == 3_652_058
    assert a.charged == D("18260290.00")
    assert a.rows[-1].last == date.max


def test_runaway_compounding_is_an_input_error() -> None:
    with pytest.raises(InputError, match="until"):
        accrue(Debt(principal=10**12), JIEBEI_MONTHLY, since=date.min, until=date.max)


@pytest.mark.parametrize(
    ("kwargs", "name"),
    [
        ({"debt": None}, "debt"),
        ({"debt": "5000"}, "debt"),
        ({"product": "huabei"}, "product"),
        ({"since": "2025-01-10"}, "since"),
        ({"since": datetime(2025, 1, 10)}, "since"),
        ({"until": datetime(2025, 1, 14, 12)}, "until"),
        ({"until": None}, "until"),
    ],
)
def test_accrue_refuses(kwargs: dict[str, object], name: str) -> None:
    args: dict[str, object] = {
        "debt": Debt(principal="1"),
        "product": HUABEI,
        "since": date(2025, 1, 10),
        "until": date(2025, 1, 14),
    }
    args.update(kwargs)
    with pytest.raises(InputError) as info:
        accrue(**args)  # type: ignore[arg-type]
    assert info.value.name == name


def test_check_date() -> None:
    assert check_date(date(2025, 1, 1), "d") == date(2025, 1, 1)

    class Stamp(datetime):  # a pandas Timestamp is a datetime subclass too
        pass

    for bad in (datetime(2025, 1, 1), Stamp(2025, 1, 1), "2025-01-01", 20250101, None):
        with pytest.raises(InputError, match=r"^d="):
            check_date(bad, "d")


# -- properties ------------------------------------------------------------------------


@given(debts, products, spans(), st.integers(0, 2000))
def test_splitting_a_span_changes_nothing(
    debt: Debt, product: Product, span: tuple[date, date], cut: int
) -> None:
    since, until = span
    middle = min(since + timedelta(cut), until)
    whole = accrue(debt, product, since=since, until=until)
    first = accrue(debt, product, since=since, until=middle)
    second = accrue(first.debt, product, since=middle, until=until)
    assert first.charged + second.charged == whole.charged
    assert second.debt == whole.debt


@given(debts, st.one_of(products, grace_products, monthly_products), spans(), st.integers(0, 400))
def test_charge_grows_with_days(
    debt: Debt, product: Product, span: tuple[date, date], more: int
) -> None:
    since, until = span
    shorter = accrue(debt, product, since=since, until=until)
    longer = accrue(debt, product, since=since, until=until + timedelta(more))
    assert longer.charged >= shorter.charged >= 0


@given(money("0", "1000000"), money("0", "1000000"), st.one_of(products, monthly_products), spans())
def test_charge_grows_with_the_base(
    a: Decimal, b: Decimal, product: Product, span: tuple[date, date]
) -> None:
    low, high = sorted((a, b))
    since, until = span
    low_charge = accrue(Debt(principal=low), product, since=since, until=until).charged
    high_charge = accrue(Debt(interest=high), product, since=since, until=until).charged
    assert high_charge >= low_charge


@given(debts, st.one_of(products, grace_products, monthly_products), spans())
def test_rows_add_up(debt: Debt, product: Product, span: tuple[date, date]) -> None:
    since, until = span
    a = accrue(debt, product, since=since, until=until)
    assert isinstance(a, Accrual)
    assert a.days == (until - since).days
    assert sum((r.charged for r in a.rows), D("0.00")) == a.charged
    assert a.debt.penalty == debt.penalty + a.charged
    assert (a.debt.principal, a.debt.interest, a.debt.fees) == (
        debt.principal,
        debt.interest,
        debt.fees,
    )
    assert a.charged.as_tuple().exponent == -2
    if not a.rows:
        assert a.charged == 0
        assert a.days <= product.grace_days
        return
    assert a.days > product.grace_days
    assert a.rows[0].first == since + timedelta(1)
    assert a.rows[-1].last == until
    assert sum(r.days for r in a.rows) == a.days
    for row in a.rows:
        assert row.days == (row.last - row.first).days + 1
        assert row.charged == row.daily_charge * row.days
        assert (row.first.year, row.first.month) == (row.last.year, row.last.month)
    for earlier, later in pairwise(a.rows):
        assert later.first == earlier.last + timedelta(1)
        assert later.first.day == 1


@given(debts, products, spans())
def test_capitalising_never_charges_less(
    debt: Debt, product: Product, span: tuple[date, date]
) -> None:
    since, until = span
    simple = accrue(debt, product, since=since, until=until)
    compounding = accrue(debt, replace(product, capitalize="monthly"), since=since, until=until)
    assert compounding.charged >= simple.charged
    if debt.penalty == 0 and since.month == until.month and since.year == until.year:
        assert compounding.charged == simple.charged


@given(debts, grace_products, spans(60))
def test_grace_is_all_or_nothing(debt: Debt, product: Product, span: tuple[date, date]) -> None:
    since, until = span
    assume(product.grace_days > 0)
    graced = accrue(debt, product, since=since, until=until)
    plain = accrue(debt, replace(product, grace_days=0), since=since, until=until)
    if graced.days <= product.grace_days:
        assert graced.charged == 0
    else:
        assert graced.charged == plain.charged


# -- the Accrual value (issue 10, defect 14) -----------------------------------------------


def test_accrual_private_parts_stay_out_of_constructor_repr_and_equality() -> None:
    # defect 14: _rows/_base/_daily were constructor fields, shown in repr and compared
    a = accrue(Debt(principal="5000"), HUABEI, since=date(2025, 1, 10), until=date(2025, 3, 5))
    assert "_rows" not in repr(a)
    assert "_base" not in repr(a)
    assert [f.name for f in fields(Accrual) if f.init] == [
        "debt", "charged", "days", "since", "until", "product"
    ]  # fmt: skip
    with pytest.raises(TypeError):
        Accrual(a.debt, a.charged, a.days, a.since, a.until, a.product, None)  # type: ignore[call-arg]
    read = accrue(Debt(principal="5000"), HUABEI, since=date(2025, 1, 10), until=date(2025, 3, 5))
    _ = read.rows  # reading the rows must not change equality or the hash
    assert read == a
    assert hash(read) == hash(a)


@given(debts, st.one_of(products, monthly_products), spans())
def test_equal_accruals_compare_equal_and_a_hand_built_one_agrees(
    debt: Debt, product: Product, span: tuple[date, date]
) -> None:
    since, until = span
    a = accrue(debt, product, since=since, until=until)
    b = accrue(debt, product, since=since, until=until)
    _ = a.rows  # one has built its rows, the other not
    assert a == b
    assert hash(a) == hash(b)
    made = Accrual(a.debt, a.charged, a.days, a.since, a.until, a.product)
    assert made == a
    assert made.rows == a.rows  # a hand-built accrual's rows agree with `charged`
    assert sum((row.charged for row in made.rows), D("0.00")) == made.charged


def test_rows_are_built_once() -> None:
    a = accrue(Debt(principal="5000"), HUABEI, since=date(2025, 1, 10), until=date(2025, 3, 5))
    assert a.rows is a.rows
    assert [row.days for row in a.rows] == [21, 28, 5]


def test_a_hand_built_accrual_that_contradicts_the_rule_is_refused() -> None:
    # 5,000 Huabei for 4 days charges 10.00 (docs/rules.md#huabei); claiming 12.00 is refused
    debt = Debt(principal="5000", penalty="12")
    with pytest.raises(InputError) as info:
        Accrual(debt, D("12.00"), 4, date(2025, 1, 10), date(2025, 1, 14), HUABEI)
    assert info.value.name == "charged"
    assert "charged=10.00" in str(info.value)
    with pytest.raises(InputError) as info:
        Accrual(debt, D("12.00"), 5, date(2025, 1, 10), date(2025, 1, 14), HUABEI)
    assert info.value.name == "days"
    for charged in (D("13.00"), D("-1.00"), D("1.5"), "10.00", 10):
        with pytest.raises(InputError) as info:
            Accrual(debt, charged, 4, date(2025, 1, 10), date(2025, 1, 14), HUABEI)  # type: ignore[arg-type]
        assert info.value.name == "charged"
    with pytest.raises(InputError) as info:
        Accrual("debt", D("0.00"), 0, date(2025, 1, 10), date(2025, 1, 10), HUABEI)  # type: ignore[arg-type]
    assert info.value.name == "debt"
    assert Accrual(debt, D("0.00"), 0, date(2025, 1, 10), date(2025, 1, 10), HUABEI).rows == ()


# -- gaps found by mutation testing (docs/testing.md) -------------------------------


def test_an_accrual_row_cannot_be_changed() -> None:
    import dataclasses

    a = accrue(Debt(principal="5000"), HUABEI, since=date(2025, 1, 10), until=date(2025, 1, 14))
    assert a.rows
    row = a.rows[0]
    assert type(row) is AccrualRow
    for field in fields(AccrualRow):
        with pytest.raises(dataclasses.FrozenInstanceError):
            setattr(row, field.name, getattr(row, field.name))
    assert not hasattr(row, "__dict__")  # slotted: no attribute can be added either


def test_a_charge_just_below_half_a_fen_is_not_rounded_up_on_the_way() -> None:
    # docs/numerics.md: every charge is the exact product rounded once, half-up, to the fen.
    # 9.99…98 (58 digits) × Huabei's 0.05% a day is 0.0049999…99: just below half a fen, so
    # 0.00; a short-cut multiplication rounding to 57 digits first would reach 0.005 → 0.01
    base = D("9." + "9" * 56 + "8")
    num, den, _ = HUABEI.overdue_daily
    exact = Fraction(base) * Fraction(num) / den
    assert Fraction(0) < exact < Fraction(1, 200)
    assert daily_charge(base, HUABEI) == D("0.00")


@pytest.mark.parametrize(
    ("debt", "product", "name", "code"),
    [
        ("5000", HUABEI, "debt", "err.debt"),
        (Debt(principal="5000"), "huabei", "product", "err.product"),
    ],
)
def test_accrue_refusals_name_the_parameter_the_value_and_the_reason(
    debt: object, product: object, name: str, code: str
) -> None:
    with pytest.raises(InputError) as info:
        accrue(debt, product, since=date(2025, 1, 10), until=date(2025, 1, 14))  # type: ignore[arg-type]
    value = debt if name == "debt" else product
    assert (info.value.name, info.value.value, info.value.code) == (name, value, code)


def test_accrue_names_an_until_before_since_with_its_value() -> None:
    with pytest.raises(InputError) as info:
        accrue(Debt(principal="5000"), HUABEI, since=date(2025, 1, 10), until=date(2025, 1, 9))
    assert (info.value.name, info.value.value, info.value.code) == (
        "until",
        date(2025, 1, 9),
        "err.before_since",
    )


def test_a_one_day_span_is_one_row() -> None:
    # docs/rules.md#overdue-charges: 10 Jan → 11 Jan is one charged day, 11 Jan:
    # 5,000 × 0.0005 = 2.50
    a = accrue(Debt(principal="5000"), HUABEI, since=date(2025, 1, 10), until=date(2025, 1, 11))
    assert a.rows == (
        AccrualRow(date(2025, 1, 11), date(2025, 1, 11), 1, D("5000.00"), D("2.50"), D("2.50")),
    )


def test_a_span_ending_on_the_first_of_a_month_charges_that_day_too() -> None:
    # docs/rules.md#overdue-charges (capitalisation): 10,000 Jiebei, 30 Jan → 1 Feb 2025:
    #   31 Jan: 10,000 × 0.00075 = 7.50
    #    1 Feb: the penalty joins the base: 10,007.50 × 0.00075 = 7.505625 → 7.51
    # 15.01 in all; without 1 Feb it would be 7.50
    debt = Debt(principal="10000")
    a = accrue(debt, JIEBEI_MONTHLY, since=date(2025, 1, 30), until=date(2025, 2, 1))
    assert a.rows == (
        AccrualRow(date(2025, 1, 31), date(2025, 1, 31), 1, D("10000"), D("7.50"), D("7.50")),
        AccrualRow(date(2025, 2, 1), date(2025, 2, 1), 1, D("10007.50"), D("7.51"), D("7.51")),
    )
    assert a.charged == D("15.01")
    # and without capitalisation the same two days are two rows of 7.50
    simple = accrue(debt, JIEBEI, since=date(2025, 1, 30), until=date(2025, 2, 1))
    assert [(r.first, r.last, r.charged) for r in simple.rows] == [
        (date(2025, 1, 31), date(2025, 1, 31), D("7.50")),
        (date(2025, 2, 1), date(2025, 2, 1), D("7.50")),
    ]


def test_accrue_takes_a_date_subclass_for_since_and_until() -> None:
    # check_date accepts a datetime.date or a subclass of it (not a datetime):
    # docs/rules.md#huabei, 5,000 for 4 days → 10.00
    class Day(date):
        pass

    a = accrue(Debt(principal="5000"), HUABEI, since=Day(2025, 1, 10), until=Day(2025, 1, 14))
    assert (a.charged, a.days) == (D("10.00"), 4)
    assert a == accrue(
        Debt(principal="5000"), HUABEI, since=date(2025, 1, 10), until=date(2025, 1, 14)
    )


@pytest.mark.parametrize("name", ["since", "until"])
def test_accrue_names_a_refused_date_with_its_value(name: str) -> None:
    args: dict[str, object] = {"since": date(2025, 1, 10), "until": date(2025, 1, 14)}
    bad = datetime(2025, 1, 12, 8)
    args[name] = bad
    with pytest.raises(InputError) as info:
        accrue(Debt(principal="5000"), HUABEI, **args)  # type: ignore[arg-type]
    assert (info.value.name, info.value.value, info.value.code) == (
        name,
        bad,
        "err.date_not_datetime",
    )


# 3 × 10^12 of principal, interest and fees (each at the 10^12 limit) and 999,999,999,986.12 of
# penalty, at this daily rate compounded monthly from 31 Jan 2000: the rate was found by a
# search (bisection on the rate) so that the base of September 2012 is exactly 10^30
_TOP_RATE = "0.0099827817542875615552422548566395380086"
_TOP_DEBT = Debt(principal=10**12, interest=10**12, fees=10**12, penalty="999999999986.12")
_TOP_PRODUCT = Product(name="top", rate=Rate.daily(D(_TOP_RATE)), capitalize="monthly")


def test_compounding_up_to_exactly_10_to_the_30_is_accepted() -> None:
    # the refusal is for a debt that would *pass* 10^30 yuan: a month whose base is exactly
    # 10^30 is charged. The bases are recomputed here with Fraction (docs/rules.md: each
    # month's base is principal + interest + fees + the penalty owed at its start; each day
    # adds round_half_up(base × rate, fen))
    a = accrue(_TOP_DEBT, _TOP_PRODUCT, since=date(2000, 1, 31), until=date(2012, 9, 1))
    assert len(a.rows) == 152  # Feb 2000 … Aug 2012 (151 months), then 1 Sep 2012
    rate, penalty = Fraction(_TOP_RATE), Fraction(_TOP_DEBT.penalty)
    for row in a.rows:
        base = 3 * 10**12 + penalty
        assert row.base == base
        daily = Fraction(int(base * rate * 100 + Fraction(1, 2)), 100)
        assert row.daily_charge == daily
        penalty += daily * row.days
    assert a.rows[-1].base == 10**30
    assert a.debt.penalty == penalty


def test_compounding_past_10_to_the_30_is_refused_naming_until_and_since() -> None:
    # the month after the one of base 10^30 (above) would start above it
    until = date(2012, 10, 1)
    with pytest.raises(InputError) as info:
        accrue(_TOP_DEBT, _TOP_PRODUCT, since=date(2000, 1, 31), until=until)
    assert (info.value.name, info.value.value, info.value.code) == ("until", until, "err.too_far")
    assert info.value.params == {"since": "2000-01-31"}
    assert str(info.value) == (
        "until=2012-10-01 is too far after since=2000-01-31: the debt would pass 10^30 yuan"
    )
    # the whole month of base 10^30 is still accepted
    a = accrue(_TOP_DEBT, _TOP_PRODUCT, since=date(2000, 1, 31), until=date(2012, 9, 30))
    assert (a.rows[-1].base, a.rows[-1].days) == (10**30, 30)


@pytest.mark.parametrize(
    "charged",
    [
        D("-1.00"),
        D("-0.01"),
        D("NaN"),
        D("sNaN"),
        D("Infinity"),
        D("-Infinity"),
        "10.00",
        10,
        10.0,
        None,
        D("1.5"),  # not two places
        D("10"),
        D("10.000"),
        D("12.01"),  # more than the debt's penalty (12.00)
        D("13.00"),
    ],
)
def test_a_hand_built_accrual_refuses_a_charge_that_is_not_an_amount_within_the_penalty(
    charged: object,
) -> None:
    # the charge must be a two-place Decimal from 0 to debt.penalty, whatever accrue would give
    debt = Debt(principal="5000", penalty="12")
    with pytest.raises(InputError) as info:
        Accrual(debt, charged, 4, date(2025, 1, 10), date(2025, 1, 14), HUABEI)  # type: ignore[arg-type]
    assert (info.value.name, info.value.code) == ("charged", "err.accrual_charged")
    assert info.value.value is charged


def test_a_hand_built_accrual_that_disagrees_says_what_accrue_gives() -> None:
    # 5,000 Huabei for 4 days charges 10.00 (docs/rules.md#huabei)
    debt = Debt(principal="5000", penalty="12")
    since, until = date(2025, 1, 10), date(2025, 1, 14)
    with pytest.raises(InputError) as info:
        Accrual(debt, D("12.00"), 4, since, until, HUABEI)
    assert (info.value.name, info.value.value, info.value.code) == (
        "charged",
        D("12.00"),
        "err.accrual_mismatch",
    )
    assert info.value.params == {"charged": D("10.00"), "days": 4}
    assert str(info.value).endswith("it gives charged=10.00, days=4")
    with pytest.raises(InputError) as info:
        Accrual(debt, D("12.00"), 5, since, until, HUABEI)
    assert (info.value.name, info.value.value, info.value.code) == (
        "days",
        5,
        "err.accrual_mismatch",
    )
    assert info.value.params == {"charged": D("10.00"), "days": 4}
    # the whole penalty (12.00) as the charge, over 0 days, is refused too: accrue charges 0.00
    with pytest.raises(InputError) as info:
        Accrual(debt, D("12.00"), 0, since, since, HUABEI)
    assert (info.value.name, info.value.code) == ("charged", "err.accrual_mismatch")
    # what accrue gives from the debt before it is accepted: 2.00 of penalty before, 10.00 charged
    made = Accrual(debt, D("10.00"), 4, since, until, HUABEI)
    assert (
        made.rows
        == accrue(Debt(principal="5000", penalty="2"), HUABEI, since=since, until=until).rows
    )
