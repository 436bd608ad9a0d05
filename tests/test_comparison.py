"""compare(): against a day-by-day reference, lazy rows, and its own parameter in errors.

The golden cases of freeze() plans stay in tests/test_plans.py. Here the fast
event-by-event loop is checked against a straightforward reference written from
docs/rules.md ("The comparison") and docs/conventions.md: every day is charged on its
own, with exact fractions, each day's charge rounded half-up to the fen; for freeze()'s
plans and for plans written by hand (any due dates in order, any payments). Goldens
worked by hand cover what only a hand-built plan or a capitalising product reaches, and
the bounds of max_months and of the 10^30 yuan limit.
"""

from __future__ import annotations

import copy
import pickle
from collections.abc import Iterator
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import huabei_calc as hc
from huabei_calc.comparison import ComparisonRow

from .strategies import comparison_cases, dates, debts, hand_built_cases, month_ahead

D = Decimal
ONE_DAY = timedelta(days=1)
ORDER = ("fees", "penalty", "interest", "principal")  # docs/rules.md: Civil Code art. 561


def _charge(base: Decimal, rate: Fraction) -> Decimal:
    """One day's charge: base × the overdue daily rate, exactly, rounded half-up to the fen."""
    fen = Fraction(base) * rate * 100
    whole = int(fen)
    if fen - whole >= Fraction(1, 2):
        whole += 1
    return D(whole).scaleb(-2)


def reference(
    debt: hc.Debt, product: hc.Product, plan: hc.Schedule, max_months: int | None = None
) -> tuple[tuple[object, ...], list[tuple[date, Decimal, Decimal, Decimal]]]:
    """Day by day: a charge every day on the base of its span, payments on their dates.

    A span (as one ``accrue`` call charges it) starts after each payment date; a
    product that capitalises monthly also starts one on the 1st of every month, and
    its base is everything owed when the span starts. Grace days do not apply. A debt
    not cleared by the last payment keeps accruing up to ``max_months`` after the start.
    """
    start = plan.start
    assert start is not None
    last = plan.rows[-1]
    months = max_months if max_months is not None else max(120, last.period)
    num, den, _ = product.overdue_daily
    rate = Fraction(num) / den
    monthly = product.capitalize == "monthly"
    owed = {b: getattr(debt, b) for b in ORDER}
    cleared: date | None = None

    def events() -> Iterator[tuple[date, Decimal, Decimal]]:
        for r in plan.rows:
            assert r.due is not None
            yield r.due, r.payment, r.balance
        k = last.period
        while cleared is None and k < months:  # then the last payment monthly until cleared
            k += 1
            yield month_ahead(start, k), last.payment, D("0.00")

    def base() -> Decimal:
        extra = owed["penalty"] if monthly else 0
        return owed["principal"] + owed["interest"] + owed["fees"] + extra

    day, span_base, paid = start, base(), D("0.00")

    def charge_until(when: date) -> None:
        nonlocal day, span_base
        event_day = day
        while day < when:
            day += ONE_DAY
            if day == event_day + ONE_DAY or (monthly and day.day == 1):
                span_base = base()
            owed["penalty"] += _charge(span_base, rate)

    steps: list[tuple[date, Decimal, Decimal]] = []
    for when, due, frozen in events():
        if cleared is not None:
            steps.append((when, frozen, D("0.00")))
            continue
        charge_until(when)
        left = due
        for bucket in ORDER:
            take = min(left, owed[bucket])
            owed[bucket] -= take
            left -= take
        paid += due - left
        total = sum(owed.values(), D("0.00"))
        if total == 0:
            cleared = when
        steps.append((when, frozen, total))
    if cleared is None:  # what is still owed max_months after start (for a hand-built plan,
        charge_until(month_ahead(start, months))  # its last payment may come before then)
    unpaid = D("0.00") if cleared is not None else sum(owed.values(), D("0.00"))
    # the untouched debt: one span from start, split at month ends when capitalising
    penalty, fixed = debt.penalty, debt.principal + debt.interest + debt.fees
    day, untouched = start, []
    for when, _, _ in steps:
        while day < when:
            day += ONE_DAY
            if day == start + ONE_DAY or (monthly and day.day == 1):
                span_base = fixed + (penalty if monthly else 0)
            penalty += _charge(span_base, rate)
        untouched.append(fixed + penalty)
    frozen_total = sum((r.payment for r in plan.rows), D("0.00"))
    summary = (
        frozen_total,
        paid + unpaid,
        cleared,
        untouched[len(plan.rows) - 1],
        paid + unpaid - frozen_total,
        paid,
        unpaid,
        months,
    )
    rows = [(w, f, a, u) for (w, f, a), u in zip(steps, untouched, strict=True)]
    return summary, rows


def _summary(cmp: hc.Comparison) -> tuple[object, ...]:
    return (
        cmp.frozen_total,
        cmp.accruing_total,
        cmp.accruing_cleared_on,
        cmp.untouched_balance,
        cmp.saving,
        cmp.accruing_paid,
        cmp.accruing_unpaid,
        cmp.max_months,
    )


# -- the reference ------------------------------------------------------------------------


def test_reference_reproduces_the_worked_example() -> None:
    # docs/rules.md, "Comparison": Huabei 1,000 in 2 × 500 from 2025-01-01, worked by hand
    # (tests/test_plans.py::test_compare_small_case_by_hand): the reference itself is right.
    debt = hc.Debt(principal="1000")
    plan = hc.freeze(debt, 2, start=date(2025, 1, 1))
    summary, rows = reference(debt, hc.HUABEI, plan)
    assert summary[1] == D("1023.09")
    assert summary[2] == date(2025, 4, 1)
    assert summary[3] == D("1029.50")
    assert rows[:3] == [
        (date(2025, 2, 1), D("500.00"), D("515.50"), D("1015.50")),
        (date(2025, 3, 1), D("0.00"), D("22.78"), D("1029.50")),
        (date(2025, 4, 1), D("0.00"), D("0.00"), D("1045.00")),
    ]


@given(comparison_cases(), st.data())
@example(
    case=(
        hc.Debt(principal="10000", interest="300", fees="50", penalty="500"),
        replace(hc.JIEBEI, capitalize="monthly", grace_days=3),
        hc.freeze(
            hc.Debt(principal="10000", interest="300", fees="50", penalty="500"),
            12,
            start=date(2024, 1, 31),
            down_payment="5%",
            waive=("penalty", "interest"),
        ),
    ),
    data=None,
).via("capitalising, grace days, a down payment, two waivers, a month-end start")
def test_compare_equals_the_day_by_day_reference(
    case: tuple[hc.Debt, hc.Product, hc.Schedule], data: st.DataObject | None
) -> None:
    debt, product, plan = case
    periods = plan.rows[-1].period
    max_months = None if data is None else data.draw(st.none() | st.integers(periods, 150))
    cmp = hc.compare(debt, product, plan, max_months=max_months)
    summary, rows = reference(debt, product, plan, max_months)
    assert _summary(cmp) == summary
    got = [(r.date, r.frozen_balance, r.accruing_balance, r.untouched_balance) for r in cmp.rows]
    assert got == rows


# -- lazy rows ----------------------------------------------------------------------------


def test_rows_are_built_once_and_equal_to_the_summary() -> None:
    debt = hc.Debt(principal="10000", penalty="500")
    plan = hc.freeze(debt, 24, start=date(2025, 1, 31), down_payment="10%", waive=("penalty",))
    cmp = hc.compare(debt, hc.HUABEI, plan)
    assert "_steps" not in repr(cmp)
    assert "rows" not in repr(cmp)
    rows = cmp.rows
    assert rows is cmp.rows  # cached
    assert isinstance(rows[0], ComparisonRow)
    assert rows[len(plan.rows) - 1].untouched_balance == cmp.untouched_balance == D("14150.00")
    # equality includes the rows, whichever of the two was read first
    other = hc.compare(debt, hc.HUABEI, plan)
    assert other == cmp
    assert hash(other) == hash(cmp)
    shorter = hc.compare(debt, hc.HUABEI, plan, max_months=24)
    assert shorter != cmp


@pytest.mark.parametrize("read_first", [False, True])
def test_replace_copy_and_pickle_keep_the_rows(read_first: bool) -> None:
    # review of issue 12: dataclasses.replace(cmp) gave a comparison with no rows, unequal
    # to cmp (the lazy state was an init=False field that replace drops)
    debt = hc.Debt(principal="10000", penalty="500")
    plan = hc.freeze(debt, 24, start=date(2025, 1, 31), waive=("penalty",))
    cmp = hc.compare(debt, hc.HUABEI, plan)
    expected = hc.compare(debt, hc.HUABEI, plan).rows
    if read_first:
        assert cmp.rows == expected
    assert len(expected) > 24
    assert expected[-1].accruing_balance == 0
    same = replace(cmp)
    assert same == cmp
    assert same.rows == expected
    moved = replace(cmp, saving=D("0.00"))
    assert moved.rows == expected
    assert moved != cmp
    for twin in (copy.copy(cmp), copy.deepcopy(cmp), pickle.loads(pickle.dumps(cmp))):
        assert twin == cmp
        assert hash(twin) == hash(cmp)
        assert twin.rows == expected


# -- max_months (issue 10, defect 12) ----------------------------------------------------------


def test_default_max_months_covers_a_plan_longer_than_120_periods() -> None:
    # defect 12: a valid 180-period plan was refused by the default max_months=120
    debt = hc.Debt(principal="18000")
    plan = hc.freeze(debt, 180, start=date(2025, 1, 1), max_periods=600)
    cmp = hc.compare(debt, hc.HUABEI, plan)
    assert cmp.max_months == 180
    assert cmp.rows[-1].date == date(2040, 1, 1)
    assert cmp.frozen_total == D("18000.00")
    summary, _ = reference(debt, hc.HUABEI, plan)
    assert _summary(cmp) == summary
    # a shorter plan still runs 120 months
    short = hc.freeze(debt, 12, start=date(2025, 1, 1))
    assert hc.compare(debt, hc.JIEBEI.with_rate("0.1%"), short).max_months == 120


def test_max_months_errors_name_max_months() -> None:
    # defect 12: max_months=1200 on a capitalising product raised InputError(name="until")
    debt = hc.Debt(principal="1000000")
    plan = hc.freeze(debt, 60, start=date(2025, 1, 1))
    product = hc.Product(name="steep", rate="1%/day", capitalize="monthly")
    with pytest.raises(hc.InputError, match="10\\^30 yuan") as err:
        hc.compare(debt, product, plan, max_months=1200)
    assert err.value.name == "max_months"
    assert err.value.code == "err.compare_too_large"
    assert "max_months" in err.value.message("zh")
    with pytest.raises(hc.InputError) as err:
        hc.compare(debt, hc.HUABEI, plan, max_months=59)
    assert (err.value.name, err.value.code) == ("max_months", "err.max_months_short")
    assert str(err.value) == "max_months=59 must be at least the plan's 60 periods"
    with pytest.raises(hc.InputError) as err:
        hc.compare(debt, hc.HUABEI, plan, max_months=1201)
    assert (err.value.name, err.value.code) == ("max_months", "err.whole_number")


@given(debts, st.integers(1, 60), dates())
def test_rows_never_fail_once_compare_has_returned(
    debt: hc.Debt, periods: int, start: date
) -> None:
    # the rows are lazy, so compare checks up front what reading them would need
    assume(debt.total >= periods * D("0.01"))
    product = hc.Product(name="steep", rate="0.5%/day", capitalize="monthly")
    plan = hc.freeze(debt, periods, start=start)
    error: hc.InputError | None = None
    try:
        cmp = hc.compare(debt, product, plan, max_months=600)
    except hc.InputError as err:
        error = err
    if error is not None:
        assert error.name == "max_months"
    else:
        assert len(cmp.rows) >= periods


# -- gaps found by mutation testing (docs/testing.md) -------------------------------


def test_a_comparison_and_its_rows_cannot_be_changed() -> None:
    import dataclasses

    debt = hc.Debt(principal="10000", penalty="500")
    plan = hc.freeze(debt, 12, start=date(2025, 1, 31), waive=("penalty",))
    cmp = hc.compare(debt, hc.JIEBEI, plan)
    assert cmp.rows
    for made in (cmp, cmp.rows[0]):
        for field in dataclasses.fields(made):  # type: ignore[arg-type]
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(made, field.name, getattr(made, field.name))
        assert not hasattr(made, "__dict__")
    assert type(cmp.rows[0]) is ComparisonRow


# -- hand-built plans (docs/rules.md, "The comparison") -------------------------------------


def _hand_built(
    debt: hc.Debt, start: date, rows: list[tuple[int, date, str]], waive: tuple[str, ...] = ()
) -> hc.Schedule:
    """A 停息挂账 plan written by hand from (period, due, payment); balances count down."""
    frozen = debt.without(waive).total
    made, left = [], frozen
    for period, due, pay in rows:
        amount = D(pay).quantize(D("0.01"))
        left = max(left - amount, D("0.00"))
        made.append(hc.Installment(period, due, amount, amount, D("0.00"), D("0.00"), left))
    return hc.Schedule(made, frozen, method="freeze", waived=waive, start=start)


_MONTHLY_JIEBEI = replace(hc.JIEBEI, capitalize="monthly")
_ON_THE_FIRST = [(1, date(2025, 2, 1), "5000"), (2, date(2025, 3, 1), "5000")]
_IN_JANUARY = [
    (1, date(2025, 1, 20), "100"),
    (2, date(2025, 1, 25), "100"),
    (3, date(2025, 1, 31), "100"),
]


@given(hand_built_cases())
@example(
    case=(
        hc.Debt(interest="1000"),
        hc.HUABEI,
        hc.freeze(hc.Debt(interest="1000"), 2, start=date(2025, 1, 1)),
        None,
    )
).via("no principal: the interest is larger than the payment")
@example(
    case=(
        hc.Debt(principal="10000", penalty="300"),
        hc.JIEBEI,
        _hand_built(hc.Debt(principal="10000", penalty="300"), date(2025, 1, 15), _ON_THE_FIRST),
        2,
    )
).via("paid on the 1st from a start on the 15th: owed up to max_months after the start")
@example(
    case=(
        hc.Debt(principal="10000", penalty="300"),
        _MONTHLY_JIEBEI,
        _hand_built(hc.Debt(principal="10000", penalty="300"), date(2025, 1, 15), _ON_THE_FIRST),
        2,
    )
).via("the same, capitalising")
@example(
    case=(
        hc.Debt(principal="10000", penalty="300"),
        _MONTHLY_JIEBEI,
        _hand_built(hc.Debt(principal="10000", penalty="300"), date(2025, 1, 15), _IN_JANUARY),
        3,
    )
).via("capitalising, the penalty left to compound for months after the last payment")
@example(
    case=(
        hc.Debt(principal="300"),
        hc.HUABEI,
        _hand_built(
            hc.Debt(principal="300"),
            date(2025, 1, 31),
            [
                (0, date(2025, 1, 31), "300"),
                (1, date(2025, 2, 28), "0"),
                (2, date(2025, 3, 31), "0"),
            ],
        ),
        None,
    )
).via("cleared by the down payment, two payments of 0.00 to come")
def test_compare_of_a_hand_built_plan_equals_the_day_by_day_reference(
    case: tuple[hc.Debt, hc.Product, hc.Schedule, int | None],
) -> None:
    # compare takes any plan that check_plan accepts, not only freeze()'s: due dates on any
    # day in order, payments of any size
    debt, product, plan, max_months = case
    cmp = hc.compare(debt, product, plan, max_months=max_months)
    summary, rows = reference(debt, product, plan, max_months)
    assert _summary(cmp) == summary
    got = [(r.date, r.frozen_balance, r.accruing_balance, r.untouched_balance) for r in cmp.rows]
    assert got == rows


def test_a_debt_still_owed_after_the_last_payment_accrues_up_to_max_months() -> None:
    """Jiebei 10,000 (overdue 0.05% × 1.5 = 0.075% a day: 7.50) from 2025-01-15, paid
    5,000 on 02-01 and on 03-01, compared over max_months=2: up to 2025-03-15.

    01-15→02-01: 17 × 7.50 = 127.50; pay 5,000 → principal 5,127.50. 5,127.50 × 0.00075 =
    3.845625 → 3.85 a day; 02-01→03-01: 28 × 3.85 = 107.80; pay 5,000 → principal 235.30.
    Then 235.30 × 0.00075 = 0.176475 → 0.18 a day; 03-01→03-15: 14 × 0.18 = 2.52: still
    owed 237.82 (docs/rules.md, "The comparison": paid plus what is still owed). Untouched
    on 03-01: 45 × 7.50 = 337.50 → 10,337.50.
    """
    debt = hc.Debt(principal="10000")
    plan = _hand_built(debt, date(2025, 1, 15), _ON_THE_FIRST)
    cmp = hc.compare(debt, hc.JIEBEI, plan, max_months=2)
    assert cmp.accruing_cleared_on is None
    assert cmp.accruing_paid == D("10000.00")
    assert cmp.accruing_unpaid == D("237.82")
    assert cmp.accruing_total == D("10237.82")
    assert cmp.saving == D("237.82")
    assert cmp.untouched_balance == D("10337.50")
    assert cmp.rows == (
        ComparisonRow(date(2025, 2, 1), D("5000.00"), D("5127.50"), D("10127.50")),
        ComparisonRow(date(2025, 3, 1), D("0.00"), D("235.30"), D("10337.50")),
    )


def test_a_capitalising_debt_still_owed_compounds_up_to_max_months() -> None:
    """The same plan, the penalty capitalised monthly (docs/rules.md, "Overdue charges":
    the penalty owed at the start of each month, and at ``since``, joins the base).

    01-16..01-31: 16 × 7.50 = 120.00; 02-01 on 10,120.00: 7.59; pay 5,000 → 5,127.59.
    02-02..02-28 on 5,127.59 (3.8456925 → 3.85): 27 × 3.85 = 103.95; 03-01 on 5,231.54
    (3.923655 → 3.92); pay 5,000 → 235.46. From 03-01 on 235.46 (0.176595 → 0.18):
    14 × 0.18 = 2.52 → still owed 237.98. Untouched: 10,120.00 at 01-31, February on it
    (7.59 × 28 = 212.52) → 10,332.52, 03-01 on that (7.74939 → 7.75) → 10,340.27.
    """
    debt = hc.Debt(principal="10000")
    plan = _hand_built(debt, date(2025, 1, 15), _ON_THE_FIRST)
    cmp = hc.compare(debt, _MONTHLY_JIEBEI, plan, max_months=2)
    assert (cmp.accruing_paid, cmp.accruing_unpaid) == (D("10000.00"), D("237.98"))
    assert cmp.accruing_total == D("10237.98")
    assert cmp.accruing_cleared_on is None
    assert cmp.untouched_balance == D("10340.27")
    assert [r.accruing_balance for r in cmp.rows] == [D("5127.59"), D("235.46")]


def test_capitalising_charges_the_first_of_a_month_on_that_months_base() -> None:
    """Huabei 1,000 in 2 × 500 from 2025-01-01 (test_plans.py's case by hand), capitalised.

    01-02..01-31: 30 × 0.50 = 15.00; 02-01 on 1,015.00 (0.5075 → 0.51); pay 500 → 515.51.
    02-02..02-28 on 515.51 (0.257755 → 0.26): 7.02; 03-01 on 522.53 (0.261265 → 0.26);
    pay 500 → 22.79. 03-02..03-31 on 22.79 (0.011395 → 0.01): 0.30; 04-01 on 23.09
    (0.011545 → 0.01) → 23.10, paid: cleared, one fen more than without capitalising.
    Untouched: 1,015.51 on 02-01; 1,015.00 + 28 × 0.51 = 1,029.28 at 02-28, 03-01 on it
    (0.51464 → 0.51) → 1,029.79; 1,029.28 + 31 × 0.51 = 1,045.09 at 03-31, 04-01 on it
    (0.522545 → 0.52) → 1,045.61.
    """
    debt = hc.Debt(principal="1000")
    plan = hc.freeze(debt, 2, start=date(2025, 1, 1))
    cmp = hc.compare(debt, replace(hc.HUABEI, capitalize="monthly"), plan)
    assert cmp.accruing_total == cmp.accruing_paid == D("1023.10")
    assert cmp.accruing_cleared_on == date(2025, 4, 1)
    assert cmp.untouched_balance == D("1029.79")
    assert cmp.rows == (
        ComparisonRow(date(2025, 2, 1), D("500.00"), D("515.51"), D("1015.51")),
        ComparisonRow(date(2025, 3, 1), D("0.00"), D("22.79"), D("1029.79")),
        ComparisonRow(date(2025, 4, 1), D("0.00"), D("0.00"), D("1045.61")),
    )


def test_a_plan_cleared_early_keeps_one_row_per_payment_date() -> None:
    # Huabei 300: a down payment of all of it on 2025-01-31 clears the accruing debt before
    # anything accrues; the plan's two later dates (0.00 each) still get their rows, the
    # untouched debt at 0.15 a day: 28 days → 304.20, 59 days → 308.85.
    debt = hc.Debt(principal="300")
    plan = _hand_built(
        debt,
        date(2025, 1, 31),
        [(0, date(2025, 1, 31), "300"), (1, date(2025, 2, 28), "0"), (2, date(2025, 3, 31), "0")],
    )
    cmp = hc.compare(debt, hc.HUABEI, plan)
    assert cmp.accruing_cleared_on == date(2025, 1, 31)
    assert (cmp.accruing_total, cmp.saving, cmp.untouched_balance) == (
        D("300.00"),
        D("0.00"),
        D("308.85"),
    )
    assert cmp.rows == (
        ComparisonRow(date(2025, 1, 31), D("0.00"), D("0.00"), D("300.00")),
        ComparisonRow(date(2025, 2, 28), D("0.00"), D("0.00"), D("304.20")),
        ComparisonRow(date(2025, 3, 31), D("0.00"), D("0.00"), D("308.85")),
    )


def test_interest_alone_is_charged_and_paid_like_principal() -> None:
    # docs/rules.md, "Overdue charges": the base is principal + interest + fees, and a
    # payment reaches interest before principal: a debt of 1,000 interest compares exactly
    # as one of 1,000 principal (test_plans.py::test_compare_small_case_by_hand)
    plan = hc.freeze(hc.Debt(principal="1000"), 2, start=date(2025, 1, 1))
    interest = hc.compare(hc.Debt(interest="1000"), hc.HUABEI, plan)
    assert interest == hc.compare(hc.Debt(principal="1000"), hc.HUABEI, plan)
    assert interest.accruing_total == D("1023.09")
    assert [r.accruing_balance for r in interest.rows] == [D("515.50"), D("22.78"), D("0.00")]


# -- max_months at its bounds ----------------------------------------------------------------


def test_max_months_may_equal_a_one_period_plan() -> None:
    # Huabei 1,000 in one payment on 2025-02-01: 31 × 0.50 = 15.50 is still owed then, and
    # max_months=1 ends the comparison there; 0 is refused.
    debt = hc.Debt(principal="1000")
    plan = hc.freeze(debt, 1, start=date(2025, 1, 1))
    cmp = hc.compare(debt, hc.HUABEI, plan, max_months=1)
    assert (cmp.max_months, cmp.accruing_cleared_on, cmp.accruing_unpaid) == (1, None, D("15.50"))
    assert cmp.accruing_total == D("1015.50")
    assert cmp.rows == (ComparisonRow(date(2025, 2, 1), D("0.00"), D("15.50"), D("1015.50")),)
    with pytest.raises(hc.InputError) as err:
        hc.compare(debt, hc.HUABEI, plan, max_months=0)
    assert (err.value.name, err.value.code) == ("max_months", "err.whole_number")


def test_a_plain_product_runs_the_longest_comparison_whatever_its_rate() -> None:
    # 1% a day, not capitalised: 10,000.00 a day on 1,000,000 for 1,200 months; the 10^30
    # limit is for compounding only. Every payment goes to the penalty: the accruing total
    # is 1,000,000 + 10,000 × 36,524 days (2025-01-01 → 2125-01-01: 100 years, 24 leap days,
    # 2100 is not one) = 366,240,000.00; the untouched debt on the plan's last date:
    # 1,000,000 + 10,000 × 1,826 = 19,260,000.00.
    debt = hc.Debt(principal="1000000")
    plan = hc.freeze(debt, 60, start=date(2025, 1, 1))
    steep = hc.Product(name="steep", rate="1%/day")
    cmp = hc.compare(debt, steep, plan, max_months=1200)
    assert cmp.accruing_cleared_on is None
    assert cmp.accruing_total == D("366240000.00")
    assert cmp.untouched_balance == D("19260000.00")
    assert cmp.rows[-1].date == date(2125, 1, 1)


def test_an_untouched_debt_past_10_30_yuan_is_refused_though_the_plan_is_kept() -> None:
    # 10^12 at 1% a day capitalised, all but 2.00 paid down on the start, then 0.01 a month
    # over 200 months: the accruing debt stays small (2.00 × about 1.3 a month) but the
    # untouched one (10^12 × about 1.3^200) passes 10^30 yuan, past which the rows would
    # round: refused up front, naming max_months (here the plan's 200 periods)
    debt = hc.Debt(principal="1000000000000")
    plan = hc.freeze(
        debt, 200, start=date(2025, 1, 1), down_payment="999999999998", max_periods=600
    )
    steep = hc.Product(name="steep", rate="1%/day", capitalize="monthly")
    with pytest.raises(hc.InputError) as err:
        hc.compare(debt, steep, plan)
    assert (err.value.name, err.value.value, err.value.code) == (
        "max_months",
        200,
        "err.compare_too_large",
    )
    assert err.value.params == {"months": 200}


# -- the rows, read later -----------------------------------------------------------------


@pytest.mark.parametrize("product", [hc.JIEBEI, _MONTHLY_JIEBEI], ids=["plain", "capitalising"])
def test_rows_read_under_a_coarse_context_are_exact(product: hc.Product) -> None:
    # docs/conventions.md: results do not depend on the caller's decimal context, the lazy
    # rows included, which are built when first read, perhaps under prec=6
    import decimal

    debt = hc.Debt(principal="1234567.89", interest="1000.01")
    plan = hc.freeze(debt, 36, start=date(2025, 1, 31))
    expected = hc.compare(debt, product, plan).rows
    assert expected[-1].untouched_balance > D("1500000")  # more digits than prec=6 keeps
    cmp = hc.compare(debt, product, plan)
    with decimal.localcontext() as ctx:
        ctx.prec = 6
        ctx.rounding = decimal.ROUND_FLOOR
        rows = cmp.rows
    assert rows == expected


def test_comparisons_that_differ_hash_apart() -> None:
    # a comparison's hash follows its totals, so a set or dict of many comparisons stays fast
    debt = hc.Debt(principal="10000", penalty="500")
    plan = hc.freeze(debt, 12, start=date(2025, 1, 31))
    made = [
        hc.compare(debt, product, plan, max_months=months)
        for product in (hc.HUABEI, hc.JIEBEI, _MONTHLY_JIEBEI)
        for months in (12, 24)
    ]
    assert len({hash(cmp) for cmp in made}) == len(made)


def _compounded(owed: Decimal, rate: Fraction, since: date, until: date) -> Decimal:
    """``owed`` accruing day by day after ``since`` through ``until``, capitalised: the base is
    what is owed at ``since`` and on each 1st (docs/rules.md, "Overdue charges")."""
    day, base = since, owed
    while day < until:
        day += ONE_DAY
        if day == since + ONE_DAY or day.day == 1:
            base = owed
        owed += _charge(base, rate)
    return owed


def test_a_debt_of_exactly_10_30_yuan_may_accrue_and_one_fen_more_may_not() -> None:
    # 500,000,000,000 at 1% a day capitalised from 2025-01-01 passes 10^30 yuan within March
    # 2038 (its 1 March balance is below); a payment on 2038-03-21 brings it back to exactly
    # 10^30, which may accrue on (10 days × 10^28 to 2038-03-31: 1.1 × 10^30, no more month
    # starts), while 10^30 + 0.01 is refused: past 10^30 the exact context would round
    import decimal

    with decimal.localcontext() as ctx:  # 10^30 with its fen: 33 digits, more than 28
        ctx.prec = 60
        debt = hc.Debt(principal="500000000000")
        steep = hc.Product(name="steep", rate="1%/day", capitalize="monthly")
        start, paid_on, last = date(2025, 1, 1), date(2038, 3, 21), date(2038, 3, 31)
        owed = _compounded(debt.total, Fraction(1, 100), start, paid_on)
        huge = D(10) ** 30
        assert owed > huge > _compounded(debt.total, Fraction(1, 100), start, date(2038, 3, 1))
        to_huge = str(owed - huge)
        plan = _hand_built(debt, start, [(1, paid_on, to_huge), (2, last, "0")])
        cmp = hc.compare(debt, steep, plan, max_months=2)
        assert [r.accruing_balance for r in cmp.rows] == [huge, D("1.1") * huge]
        assert cmp.accruing_unpaid == D("1.1") * huge
        fen_short = str(owed - huge - D("0.01"))
        plan = _hand_built(debt, start, [(1, paid_on, fen_short), (2, last, "0")])
        with pytest.raises(hc.InputError) as err:
            hc.compare(debt, steep, plan, max_months=2)
        assert (err.value.name, err.value.value, err.value.code) == (
            "max_months",
            2,
            "err.compare_too_large",
        )
        assert err.value.params == {"months": 2}


def test_a_debt_left_to_compound_after_its_last_payment_past_10_30_yuan_is_refused() -> None:
    # 10^12 at 1% a day capitalised, 200 payments of 100.00 in the first 200 days, compared
    # over max_months=200: what is still owed compounds (about 1.3 a month) for some 190
    # months after the last payment and passes 10^30 yuan: refused, naming max_months
    debt = hc.Debt(principal="1000000000000")
    start = date(2025, 1, 1)
    rows = [(k, start + k * ONE_DAY, "100") for k in range(1, 201)]
    steep = hc.Product(name="steep", rate="1%/day", capitalize="monthly")
    with pytest.raises(hc.InputError) as err:
        hc.compare(debt, steep, _hand_built(debt, start, rows), max_months=200)
    assert (err.value.name, err.value.value, err.value.code) == (
        "max_months",
        200,
        "err.compare_too_large",
    )
    assert err.value.params == {"months": 200}


def test_the_cost_check_of_a_comparison_takes_the_lender() -> None:
    # Huabei's accruing scenario costs about 19.9% a year (tests/test_true_cost.py): under
    # the financial line of 24% (the default lender), above 4 × LPR = 12.4% (LPR 3.10% on
    # 2025-03-13, docs/rules.md "Legal reference lines") for a private lender
    debt = hc.Debt(principal="10000", penalty="300")
    plan = hc.freeze(debt, 12, start=date(2025, 1, 31), waive=("penalty",))
    cmp = hc.compare(debt, hc.HUABEI, plan)
    on = date(2025, 3, 13)
    assert not cmp.cost_check(on=on).exceeds
    assert cmp.cost_check(on=on).lender == "financial"
    private = cmp.cost_check(on=on, lender="private")
    assert (private.lender, private.exceeds) == ("private", True)


def test_a_plan_with_a_due_date_before_its_start_is_refused() -> None:
    # docs/rules.md#the-comparison: payments go forward in time. A row due 2025-02-01 on a
    # plan from 2025-03-01 would be paid before anything accrued (it read 986.00 owed on
    # 1,000 of debt), so it is refused naming the plan and its start
    debt = hc.Debt(principal="1000")
    plan = _hand_built(
        debt, date(2025, 3, 1), [(1, date(2025, 2, 1), "10"), (2, date(2025, 4, 1), "990")]
    )
    with pytest.raises(hc.InputError) as err:
        hc.compare(debt, hc.HUABEI, plan)
    assert (err.value.name, err.value.code) == ("plan", "err.plan_dates")
    assert err.value.params == {"start": date(2025, 3, 1)}


def test_a_plan_whose_due_dates_go_back_is_refused_and_equal_dates_are_not() -> None:
    debt = hc.Debt(principal="1000")
    start = date(2025, 1, 1)
    back = _hand_built(debt, start, [(1, date(2025, 3, 1), "500"), (2, date(2025, 2, 1), "500")])
    with pytest.raises(hc.InputError) as err:
        hc.compare(debt, hc.HUABEI, back)
    assert (err.value.name, err.value.code) == ("plan", "err.plan_dates")
    same = _hand_built(debt, start, [(1, date(2025, 2, 1), "500"), (2, date(2025, 2, 1), "500")])
    assert hc.compare(debt, hc.HUABEI, same).frozen_total == D("1000.00")  # two on one day


def test_payments_after_a_plan_dated_before_its_last_due_date_are_refused() -> None:
    # A plan from 2025-01-01 whose two rows fall on 03-15 and 04-15 leaves debt owed; the
    # comparison's own payments after the plan are dated start + 3 months = 04-01, before
    # 04-15: refused naming max_months, which the plan's length (2) avoids.
    debt = hc.Debt(principal="1000")
    start = date(2025, 1, 1)
    plan = _hand_built(debt, start, [(1, date(2025, 3, 15), "500"), (2, date(2025, 4, 15), "500")])
    with pytest.raises(hc.InputError) as err:
        hc.compare(debt, hc.HUABEI, plan, max_months=3)
    assert (err.value.name, err.value.value, err.value.code) == (
        "max_months",
        3,
        "err.plan_past_end",
    )
    assert err.value.params == {"first": date(2025, 4, 1), "last": date(2025, 4, 15), "periods": 2}
    assert hc.compare(debt, hc.HUABEI, plan, max_months=2).accruing_cleared_on is None


def test_payments_after_a_plan_may_fall_on_its_last_due_date() -> None:
    # the plan's last row is due 2025-04-01 = start + 3 months, the day the comparison's
    # first payment after a 2-period plan falls: two payments on one day, not back in time
    debt = hc.Debt(principal="1000")
    start = date(2025, 1, 1)
    plan = _hand_built(debt, start, [(1, date(2025, 2, 1), "500"), (2, date(2025, 4, 1), "500")])
    cmp = hc.compare(debt, hc.HUABEI, plan, max_months=3)
    # by hand, Huabei 0.05% a day on the principal: 31 days × 0.50 = 15.50, then 500 leaves
    # 515.50; 59 days × 0.26 (515.50 × 0.0005 = 0.25775) = 15.34, then 500 leaves 30.84,
    # which the comparison's own payment that same day clears, counting only 30.84
    assert [row.date for row in cmp.rows] == [date(2025, 2, 1), date(2025, 4, 1), date(2025, 4, 1)]
    assert cmp.accruing_paid == D("1030.84")
    assert cmp.accruing_cleared_on == date(2025, 4, 1)
