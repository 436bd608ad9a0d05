"""compare(): against a day-by-day reference, lazy rows, and its own parameter in errors.

The golden cases of compare stay in tests/test_plans.py. Here the fast event-by-event
loop is checked against a straightforward reference written from docs/rules.md
("Comparison") and docs/conventions.md: every day is charged on its own, with
exact fractions, each day's charge rounded half-up to the fen.
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

from .strategies import comparison_cases, dates, debts

D = Decimal
ONE_DAY = timedelta(days=1)
ORDER = ("fees", "penalty", "interest", "principal")  # docs/rules.md: Civil Code art. 561


def _add_months(start: date, k: int) -> date:
    """start + k months, the day clipped to the month's end (docs/conventions.md)."""
    year, month = divmod(start.year * 12 + start.month - 1 + k, 12)
    day = start.day
    while True:
        try:
            return date(year, month + 1, day)
        except ValueError:
            day -= 1


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
    its base is everything owed when the span starts. Grace days do not apply.
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
            yield _add_months(start, k), last.payment, D("0.00")

    def base() -> Decimal:
        extra = owed["penalty"] if monthly else 0
        return owed["principal"] + owed["interest"] + owed["fees"] + extra

    day, span_base, paid = start, base(), D("0.00")
    steps: list[tuple[date, Decimal, Decimal]] = []
    for when, due, frozen in events():
        if cleared is not None:
            steps.append((when, frozen, D("0.00")))
            continue
        event_day = day
        while day < when:
            day += ONE_DAY
            if day == event_day + ONE_DAY or (monthly and day.day == 1):
                span_base = base()
            owed["penalty"] += _charge(span_base, rate)
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
    unpaid = D("0.00") if cleared is not None else steps[-1][2]
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
