"""停息挂账: freeze, compare, breach, plan_for_budget (docs/rules.md#frozen-plans)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from itertools import pairwise

import pytest
from hypothesis import assume, example, given
from hypothesis import strategies as st

import huabei_calc as hc
from huabei_calc._catalog import text
from huabei_calc.comparison import ComparisonRow

from .strategies import dates, debts, money, products

Z = Decimal("0.00")

D = Decimal
WAIVERS = st.sets(st.sampled_from(["penalty", "interest", "fees"])).map(lambda s: tuple(sorted(s)))


# -- golden ---------------------------------------------------------------------------


def _issue_plan() -> hc.Schedule:
    # Issue "停息挂账" golden case: Huabei 10,000 principal + 500 penalty, start 2025-01-31,
    # 24 periods, 10% down, penalty waived.
    debt = hc.Debt(principal="10000", penalty="500")
    return hc.freeze(debt, 24, start=date(2025, 1, 31), down_payment="10%", waive=("penalty",))


def test_freeze_golden_issue_case() -> None:
    plan = _issue_plan()
    assert plan.principal == D("10000.00")
    assert plan.waived == ("penalty",)
    down = plan.rows[0]
    assert (down.period, down.due, down.payment, down.balance) == (
        0,
        date(2025, 1, 31),
        D("1000.00"),
        D("9000.00"),
    )
    assert [r.due for r in plan.rows[1:4]] == [
        date(2025, 2, 28),
        date(2025, 3, 31),
        date(2025, 4, 30),
    ]
    assert {r.payment for r in plan.rows[1:]} == {D("375.00")}
    assert plan.rows[-1].period == 24
    assert plan.rows[-1].due == date(2027, 1, 31)
    assert plan.rows[-1].balance == D("0.00")
    assert plan.total_payment == D("10000.00")
    assert all(r.interest == 0 and r.fee == 0 for r in plan.rows)


def test_compare_golden_untouched_balance() -> None:
    # 10,000 × 0.05% = 5.00 a day; 2025-01-31 → 2027-01-31 is 730 days → 3,650.00,
    # plus the 500 penalty already owed: 14,150.00 (issue golden case).
    debt = hc.Debt(principal="10000", penalty="500")
    cmp = hc.compare(debt, hc.HUABEI, _issue_plan())
    assert cmp.untouched_balance == D("14150.00")
    assert cmp.frozen_total == D("10000.00")
    assert cmp.saving == cmp.accruing_total - cmp.frozen_total > 0


def test_freeze_remainder_goes_to_period_one() -> None:
    # 1,000 over 3: 333.33 truncated, period 1 takes 333.34 (docs/rules.md#frozen-plans: truncate,
    # remainder in 1).
    plan = hc.freeze(hc.Debt(principal="1000"), 3, start=date(2025, 1, 1))
    assert [r.payment for r in plan.rows] == [D("333.34"), D("333.33"), D("333.33")]
    assert [r.balance for r in plan.rows] == [D("666.66"), D("333.33"), D("0.00")]


def test_compare_small_case_by_hand() -> None:
    """Huabei 1,000 frozen into 2 × 500 from 2025-01-01, every number worked by hand.

    Accruing: 01-01→02-01 31 days × 0.50 = 15.50; pay 500 → penalty 15.50, principal
    484.50, left 515.50. 02-01→03-01 28 days × round(0.25775)=0.26 → 7.28; pay 500 →
    left 22.78. Then 500 monthly: 03-01→04-01 31 × round(0.01139)=0.01 → 0.31; owed
    23.09, paid, cleared 2025-04-01. Total 1,000 + 23.09. Untouched on 03-01:
    59 × 0.50 = 29.50 → 1,029.50; on 04-01: 90 × 0.50 → 1,045.00.
    """
    debt = hc.Debt(principal="1000")
    plan = hc.freeze(debt, 2, start=date(2025, 1, 1))
    cmp = hc.compare(debt, hc.HUABEI, plan)
    assert cmp.frozen_total == D("1000.00")
    assert cmp.accruing_total == D("1023.09")
    assert cmp.accruing_paid == D("1023.09")
    assert cmp.accruing_unpaid == D("0.00")
    assert cmp.accruing_cleared_on == date(2025, 4, 1)
    assert cmp.saving == D("23.09")
    assert cmp.untouched_balance == D("1029.50")
    assert cmp.rows == (
        ComparisonRow(date(2025, 2, 1), D("500.00"), D("515.50"), D("1015.50")),
        ComparisonRow(date(2025, 3, 1), D("0.00"), D("22.78"), D("1029.50")),
        ComparisonRow(date(2025, 4, 1), D("0.00"), D("0.00"), D("1045.00")),
    )


def test_compare_never_clears_is_said_plainly() -> None:
    # Jiebei 10,000 at 0.05%: penalty 0.075% → 7.50 a day (~225 a month) against
    # 166.66 a month (period 1: 167.06): the accruing debt never clears; stop at max_months.
    debt = hc.Debt(principal="10000")
    plan = hc.freeze(debt, 60, start=date(2025, 1, 1))
    cmp = hc.compare(debt, hc.JIEBEI, plan, max_months=120)
    assert cmp.accruing_cleared_on is None
    assert len(cmp.rows) == 120
    assert cmp.rows[-1].date == date(2035, 1, 1)
    assert cmp.accruing_unpaid > D("10000")
    assert cmp.accruing_total == cmp.accruing_paid + cmp.accruing_unpaid
    # every payment went to the penalty first; the principal was never touched
    assert cmp.rows[-1].accruing_balance == cmp.accruing_unpaid
    assert cmp.accruing_paid == D("167.06") + D("166.66") * 119


def test_breach_golden() -> None:
    """10,000 + 300 penalty frozen over 12 from 2025-01-01, penalty waived.

    Periods 1–2 paid (833.37 + 833.33 = 1,666.70) → principal 8,333.30; period 3 (due
    2025-04-01) missed, the penalty revived. Jiebei 0.075% a day: 8,333.30 × 0.00075 =
    6.249975 → 6.25 a day × 30 days to 2025-05-01 = 187.50.
    """
    debt = hc.Debt(principal="10000", penalty="300")
    plan = hc.freeze(debt, 12, start=date(2025, 1, 1), waive=("penalty",))
    a = hc.breach(
        debt, hc.JIEBEI, plan, missed_period=3, until=date(2025, 5, 1), revive=("penalty",)
    )
    assert a.since == date(2025, 4, 1)
    assert a.debt == hc.Debt(principal="8333.30", penalty="487.50")
    assert a.charged == D("187.50")
    # without reviving, the waived penalty stays waived
    b = hc.breach(debt, hc.JIEBEI, plan, missed_period=3, until=date(2025, 5, 1))
    assert b.debt == hc.Debt(principal="8333.30", penalty="187.50")


def test_plan_for_budget_golden() -> None:
    # 10,000 at most 900 a month: 11 periods need 909.10 in period 1, 12 need 833.37.
    plan = hc.plan_for_budget(hc.Debt(principal="10000"), "900", start=date(2025, 3, 1))
    assert len(plan.rows) == 12
    assert plan.rows[0].payment == D("833.37")


def test_plan_for_budget_too_small_names_smallest_budget() -> None:
    # 10,000 over 60 periods: 166.66 truncated, period 1 takes 10,000 − 59 × 166.66 = 167.06.
    with pytest.raises(hc.InputError, match=r"smallest budget that works is 167\.06") as err:
        hc.plan_for_budget(hc.Debt(principal="10000"), "100", start=date(2025, 3, 1))
    assert err.value.name == "budget"


# -- bad input ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "name", "message"),
    [
        ({"periods": 61}, "periods", "art. 70"),
        ({"periods": 0}, "periods", "from 1 to 60"),
        ({"periods": True}, "periods", "whole number"),
        ({"periods": 12, "down_payment": "10000"}, "down_payment", "less than the frozen"),
        ({"periods": 12, "down_payment": "100%"}, "down_payment", "below 100%"),
        ({"periods": 12, "down_payment": "x%"}, "down_payment", "percentage"),
        ({"periods": 12, "waive": ("principal",)}, "waive", "penalty, interest, fees"),
        ({"periods": 12, "waive": "penalty"}, "waive", "collection"),
        ({"periods": 12, "start": "2025-01-01"}, "start", "datetime.date"),
        ({"periods": 121, "max_periods": 120}, "periods", "from 1 to 120"),
        ({"periods": 3, "max_periods": 0}, "max_periods", "from 1 to 600"),
    ],
)
def test_freeze_bad_input(kwargs: dict[str, object], name: str, message: str) -> None:
    args: dict[str, object] = {"start": date(2025, 1, 1), **kwargs}
    with pytest.raises(hc.InputError, match=message) as err:
        hc.freeze(hc.Debt(principal="10000"), **args)  # type: ignore[arg-type]
    assert err.value.name == name


def test_compare_and_breach_bad_input() -> None:
    debt = hc.Debt(principal="1000")
    plan = hc.freeze(debt, 6, start=date(2025, 1, 1))
    with pytest.raises(hc.InputError, match="max_months"):
        hc.compare(debt, hc.HUABEI, plan, max_months=5)
    with pytest.raises(hc.InputError, match="not made for this debt"):
        hc.compare(hc.Debt(principal="999"), hc.HUABEI, plan)
    with pytest.raises(hc.InputError, match="missed_period"):
        hc.breach(debt, hc.HUABEI, plan, missed_period=7, until=date(2026, 1, 1))
    with pytest.raises(hc.InputError, match="revive"):
        hc.breach(
            debt, hc.HUABEI, plan, missed_period=1, until=date(2026, 1, 1), revive=("penalty",)
        )
    with pytest.raises(hc.InputError, match="before the lapse date"):
        hc.breach(debt, hc.HUABEI, plan, missed_period=2, until=date(2025, 2, 1))
    with pytest.raises(hc.InputError, match=r"installments of 0\.00"):
        hc.freeze(hc.Debt(principal="0.05"), 6, start=date(2025, 1, 1))
    with pytest.raises(hc.InputError, match="nothing to repay"):
        hc.freeze(hc.Debt(penalty="5"), 6, start=date(2025, 1, 1), waive=("penalty",))


def test_dates_past_year_9999_are_input_errors() -> None:
    # docs/conventions.md#errors: no bare error for bad input; datetime.date ends at 9999-12-31.
    # A plan of 12 from 9999-06-01 would be due in 10000: refused, naming start.
    debt = hc.Debt(principal="10000")
    for make in (
        lambda: hc.freeze(debt, 12, start=date(9999, 6, 1)),
        lambda: hc.plan_for_budget(debt, "900", start=date(9999, 6, 1)),
    ):
        with pytest.raises(hc.InputError, match="9999-12-31") as err:
            make()
        assert err.value.name == "start"
    # Jiebei 0.1%/day: 15.00 a day of penalty against 166.66 a month never clears, so the
    # comparison runs to max_months = 120, past 9999-12-31 from 9992-01-01: refused ...
    plan = hc.freeze(debt, 60, start=date(9992, 1, 1))
    with pytest.raises(hc.InputError, match="9999-12-31") as err:
        hc.compare(debt, hc.JIEBEI.with_rate("0.1%"), plan)
    assert err.value.name == "max_months"
    assert hc.compare(debt, hc.JIEBEI.with_rate("0.1%"), plan, max_months=95).rows
    # ... while a debt that clears before then (Huabei 5.00 a day against 833.33 a month,
    # 12 from 9998-01-01) is compared as before, however far max_months reaches
    short = hc.freeze(debt, 12, start=date(9998, 1, 1))
    assert hc.compare(debt, hc.HUABEI, short).accruing_cleared_on == date(9999, 3, 1)


# -- properties -----------------------------------------------------------------------


@st.composite
def plans(draw: st.DrawFn) -> tuple[hc.Debt, hc.Schedule]:
    debt = draw(debts)
    waive = draw(WAIVERS)
    frozen = debt.without(waive).total
    periods = draw(st.integers(1, 60))
    down = draw(st.one_of(st.just(D(0)), money("0", str(frozen))))
    assume(frozen - down >= periods * D("0.01"))
    plan = hc.freeze(debt, periods, start=draw(dates()), down_payment=down, waive=waive)
    return debt, plan


@given(plans())
def test_plan_payments_sum_to_frozen_amount_and_dates_increase(
    case: tuple[hc.Debt, hc.Schedule],
) -> None:
    debt, plan = case
    assert sum(r.payment for r in plan.rows) == plan.principal == debt.without(plan.waived).total
    dues = [r.due for r in plan.rows]
    assert all(a < b for a, b in pairwise(dues))  # type: ignore[operator]
    assert all(r.balance >= 0 for r in plan.rows)
    assert plan.rows[-1].balance == 0
    # period 1 takes the remainder; all later periods are equal
    assert len({r.payment for r in plan.rows if r.period >= 2}) <= 1


@given(plans(), products)
def test_saving_is_never_negative(case: tuple[hc.Debt, hc.Schedule], product: hc.Product) -> None:
    debt, plan = case
    cmp = hc.compare(debt, product, plan)
    assert cmp.saving >= 0
    assert cmp.accruing_total == cmp.accruing_paid + cmp.accruing_unpaid
    assert cmp.frozen_total == plan.principal
    assert all(r.accruing_balance >= r.frozen_balance >= 0 for r in cmp.rows)
    assert all(r.untouched_balance >= r.accruing_balance for r in cmp.rows)
    if cmp.accruing_cleared_on is None:
        assert cmp.accruing_unpaid > 0
    else:
        assert cmp.accruing_unpaid == 0
        assert cmp.rows[-1].accruing_balance == 0


@given(debts, st.integers(1, 60), dates(), products)
def test_zero_rate_no_waiver_saves_nothing(
    debt: hc.Debt, periods: int, start: date, product: hc.Product
) -> None:
    assume(debt.total >= periods * D("0.01"))
    plan = hc.freeze(debt, periods, start=start)
    free = product.with_rate(hc.Rate.daily(0))
    cmp = hc.compare(debt, free, plan)
    assert cmp.saving == 0
    assert cmp.accruing_total == cmp.frozen_total == debt.total
    assert cmp.accruing_cleared_on == plan.rows[-1].due


@given(debts, st.integers(1, 59), dates(), products)
def test_more_periods_never_lower_untouched_balance(
    debt: hc.Debt, periods: int, start: date, product: hc.Product
) -> None:
    assume(debt.total >= (periods + 1) * D("0.01"))
    shorter = hc.compare(debt, product, hc.freeze(debt, periods, start=start))
    longer = hc.compare(debt, product, hc.freeze(debt, periods + 1, start=start))
    assert longer.untouched_balance >= shorter.untouched_balance


@given(debts, WAIVERS, st.integers(1, 60), dates(), st.integers(0, 400), products)
def test_breach_at_period_one_is_plain_accrual(
    debt: hc.Debt,
    waive: tuple[str, ...],
    periods: int,
    start: date,
    extra: int,
    product: hc.Product,
) -> None:
    assume(debt.without(waive).total >= periods * D("0.01"))
    plan = hc.freeze(debt, periods, start=start, waive=waive)
    first = plan.rows[0].due
    assert first is not None
    until = date.fromordinal(first.toordinal() + extra)
    got = hc.breach(debt, product, plan, missed_period=1, until=until)
    no_grace = replace(product, grace_days=0)
    assert got == hc.accrue(debt.without(waive), no_grace, since=first, until=until)


@given(debts, money("1", "50000"), dates())
@example(hc.Debt(principal="10"), Decimal("0.40"), date(2025, 1, 1))  # 58 periods fit, 60 not
def test_plan_for_budget_fits_and_is_shortest(debt: hc.Debt, budget: Decimal, start: date) -> None:
    # the lowest largest payment over every allowed length: not always the longest plan's,
    # since truncation leaves period 1 a remainder (10.00 over 60: 0.56; over 58: 0.31)
    lengths = range(1, min(60, int(debt.total * 100)) + 1)
    lowest = min(max(r.payment for r in hc.freeze(debt, n, start=start).rows) for n in lengths)
    if lowest > budget:
        with pytest.raises(hc.InputError, match="smallest budget that works") as err:
            hc.plan_for_budget(debt, budget, start=start)
        assert err.value.name == "budget"
        assert err.value.params["smallest"] == lowest
        return
    plan = hc.plan_for_budget(debt, budget, start=start)
    assert max(r.payment for r in plan.rows) <= budget
    n = len(plan.rows)
    if n > 1:
        fewer = hc.freeze(debt, n - 1, start=start)
        assert max(r.payment for r in fewer.rows) > budget


def test_results_do_not_depend_on_the_callers_context() -> None:
    # docs/conventions.md#rounding: a caller who sets prec=6 or ROUND_FLOOR gets the same answers;
    # no call changes it.
    import decimal

    debt = hc.Debt(principal="1234567.89", interest="1000.01", penalty="500")
    start = date(2025, 1, 31)

    def run() -> tuple[object, ...]:
        plan = hc.freeze(debt, 36, start=start, down_payment="7%", waive=("penalty",))
        cmp = hc.compare(debt, hc.JIEBEI, plan)
        lapse = hc.breach(debt, hc.JIEBEI, plan, missed_period=5, until=date(2026, 1, 1))
        fit = hc.plan_for_budget(debt, "40000", start=start)
        return plan, cmp, lapse, fit

    expected = run()
    with decimal.localcontext() as ctx:
        ctx.prec = 6
        ctx.rounding = decimal.ROUND_FLOOR
        assert run() == expected
        assert ctx.prec == 6
        assert ctx.rounding == decimal.ROUND_FLOOR


def test_compare_and_breach_take_only_frozen_plans() -> None:
    # docs/rules.md#frozen-plans: the plan comes from freeze() (or plan_for_budget()); a loan
    # schedule of the
    # same principal is not a 停息挂账 plan
    debt = hc.Debt(principal="1200")
    loan = hc.equal_installment("1200", 12, "12%/year", start=date(2025, 1, 1))
    with pytest.raises(hc.InputError, match="made by freeze") as err:
        hc.compare(debt, hc.HUABEI, loan)
    assert err.value.name == "plan"
    with pytest.raises(hc.InputError, match="made by freeze"):
        hc.breach(debt, hc.HUABEI, loan, missed_period=1, until=date(2025, 3, 1))


# -- hand-built plans are checked, not trusted (issue 10, defect 9) ------------------------


def _hand_built(debt: hc.Debt, rows: list[hc.Installment]) -> hc.Schedule:
    return hc.Schedule(tuple(rows), debt.total, method="freeze", start=date(2025, 1, 1))


def test_breach_on_a_plan_with_a_missing_period_names_the_plan() -> None:
    debt = hc.Debt(principal="300")
    plan = hc.freeze(debt, 3, start=date(2025, 1, 1))
    gap = _hand_built(debt, [plan.rows[0], plan.rows[2]])  # period 2 missing
    # before: next() on the missing period raised a raw StopIteration
    for call in (
        lambda: hc.breach(debt, hc.JIEBEI, gap, missed_period=2, until=date(2025, 6, 1)),
        lambda: hc.compare(debt, hc.JIEBEI, gap),
    ):
        with pytest.raises(hc.InputError, match="made by freeze") as err:
            call()
        assert err.value.name == "plan"


def test_breach_on_a_plan_with_an_undated_row_names_the_plan() -> None:
    debt = hc.Debt(principal="300")
    plan = hc.freeze(debt, 3, start=date(2025, 1, 1))
    undated = replace(plan.rows[1], due=None)
    bad = _hand_built(debt, [plan.rows[0], undated, plan.rows[2]])
    # before: an AssertionError
    with pytest.raises(hc.InputError) as err:
        hc.breach(debt, hc.JIEBEI, bad, missed_period=2, until=date(2025, 6, 1))
    assert err.value.name == "plan"


@pytest.mark.parametrize("order", [(1, 3, 2), (1, 2, 2, 3), (0, 0, 1), (2, 3)])
def test_check_plan_wants_periods_one_to_n_in_order(order: tuple[int, ...]) -> None:
    debt = hc.Debt(principal="300")
    plan = hc.freeze(debt, 3, start=date(2025, 1, 1))
    by_period = {r.period: r for r in plan.rows}
    zero = hc.Installment(0, date(2025, 1, 1), Z, Z, Z, Z, Z)
    rows = [by_period.get(k, zero) for k in order]
    with pytest.raises(hc.InputError) as err:
        hc.breach(debt, hc.JIEBEI, _hand_built(debt, rows), missed_period=1, until=date(2026, 1, 1))
    assert err.value.name == "plan"


# -- the down payment is read by rates.fraction: "10%", "1‰", "5‱" -------------------------


@pytest.mark.parametrize(
    ("down", "expected"),
    [
        ("10%", Decimal("1000.00")),
        ("1‰", Decimal("10.00")),  # before: "1‰" was refused as not an amount
        ("5‱", Decimal("5.00")),
        ("百分之十", Decimal("1000.00")),
        ("0.05%", Decimal("5.00")),
        ("12.345%", Decimal("1234.50")),
        ("0.0001%", Decimal("0.01")),  # 0.01 exactly
        ("0.00005%", Decimal("0.01")),  # 0.005 → half-up
        ("0.00004%", Decimal("0.00")),
    ],
)
def test_down_payment_percentages(down: str, expected: Decimal) -> None:
    plan = hc.freeze(hc.Debt(principal="10000"), 12, start=date(2025, 1, 1), down_payment=down)
    first = plan.rows[0]
    if expected:
        assert (first.period, first.payment) == (0, expected)
    else:  # nothing down: no period 0
        assert first.period == 1
    assert plan.total_payment == Decimal("10000.00")


@pytest.mark.parametrize(
    ("down", "code"),
    [
        ("100%", "err.down_payment_pct"),
        ("1000‰", "err.down_payment_pct"),
        ("x%", "err.down_payment_form"),
        ("-5%", "err.down_payment_form"),
        ("1e999999999%", "err.down_payment_pct"),
    ],
)
def test_down_payment_percentage_refusals(down: str, code: str) -> None:
    with pytest.raises(hc.InputError) as err:
        hc.freeze(hc.Debt(principal="10000"), 12, start=date(2025, 1, 1), down_payment=down)
    assert (err.value.name, err.value.code) == ("down_payment", code)


def test_bucket_names_as_dict_keys() -> None:
    # issue 10, defect 15: any collection of bucket names, dict.keys() too
    debt = hc.Debt(principal="10000", penalty="500")
    waivers = {"penalty": "agreed on the phone"}
    plan = hc.freeze(debt, 12, start=date(2025, 1, 1), waive=waivers.keys())
    assert plan.waived == ("penalty",)
    again = hc.plan_for_budget(debt, "900", start=date(2025, 1, 1), waive=waivers.keys())
    assert again.waived == ("penalty",)
    lapse = hc.breach(
        debt, hc.JIEBEI, plan, missed_period=1, until=date(2025, 3, 1), revive=waivers.keys()
    )
    assert lapse.debt.penalty > Decimal("500.00")


# -- gaps found by mutation testing (docs/testing.md) -------------------------------


def _breach_case() -> tuple[hc.Debt, hc.Schedule]:
    # the case of test_breach_golden: periods 1-2 paid, principal 8,333.30 left on 2025-04-01
    debt = hc.Debt(principal="10000", penalty="300")
    return debt, hc.freeze(debt, 12, start=date(2025, 1, 1), waive=("penalty",))


@pytest.mark.parametrize(("days", "charged"), [(1, D("6.25")), (2, D("12.50")), (3, D("18.75"))])
def test_breach_charges_from_the_first_day_even_under_a_grace_period(
    days: int, charged: Decimal
) -> None:
    # breach (docs/reference/api.md): grace_days does not apply to a lapse; Jiebei 0.075% a day
    # on 8,333.30 is 6.25 a day (test_breach_golden), so each day of the lapse is charged
    debt, plan = _breach_case()
    graced = replace(hc.JIEBEI, grace_days=3)
    until = date(2025, 4, 1 + days)
    a = hc.breach(debt, graced, plan, missed_period=3, until=until)
    assert a.charged == charged
    assert a == hc.breach(debt, hc.JIEBEI, plan, missed_period=3, until=until)


def test_breach_refusals_name_the_parameter() -> None:
    debt, plan = _breach_case()
    with pytest.raises(hc.InputError) as info:
        hc.breach(debt, hc.JIEBEI, plan, missed_period=3, until=date(2025, 3, 31))
    err = info.value
    assert (err.name, err.value, err.code) == ("until", date(2025, 3, 31), "err.before_lapse")
    assert err.params == {"lapse": date(2025, 4, 1), "period": 3}
    for kwargs, name in [
        ({"missed_period": 13}, "missed_period"),
        ({"until": "soon"}, "until"),
        ({"revive": ("fees",)}, "revive"),
    ]:
        args: dict[str, object] = {"missed_period": 3, "until": date(2025, 5, 1), **kwargs}
        with pytest.raises(hc.InputError) as info:
            hc.breach(debt, hc.JIEBEI, plan, **args)  # type: ignore[arg-type]
        assert info.value.name == name


def test_breach_refuses_a_plan_for_another_debt_and_says_what_is_owed() -> None:
    _, plan = _breach_case()
    other = hc.Debt(principal="9000")
    with pytest.raises(hc.InputError) as info:
        hc.breach(other, hc.JIEBEI, plan, missed_period=3, until=date(2025, 5, 1))
    err = info.value
    assert (err.name, err.value, err.code) == ("plan", "plan of 10000.00", "err.plan_other_debt")
    assert err.params == {"owed": D("9000.00")}


@pytest.mark.parametrize("change", [{"start": None}, {"rows": ()}])
def test_breach_refuses_a_plan_without_a_start_or_without_rows(change: dict[str, object]) -> None:
    debt, plan = _breach_case()
    broken = replace(plan, **change)  # type: ignore[arg-type]
    with pytest.raises(hc.InputError) as info:
        hc.breach(debt, hc.JIEBEI, broken, missed_period=1, until=date(2025, 5, 1))
    assert (info.value.name, info.value.value, info.value.code) == ("plan", broken, "err.plan")


def test_plan_for_budget_counts_the_down_payment() -> None:
    # 10,000 with 1,000 down leaves 9,000: at 900 a month that is exactly 10 periods
    # (without the down payment it would be 12, test_plan_for_budget_golden)
    debt = hc.Debt(principal="10000")
    plan = hc.plan_for_budget(debt, "900", start=date(2025, 3, 1), down_payment="1000")
    assert [r.period for r in plan.rows] == list(range(11))
    assert plan.rows[0].payment == D("1000.00")
    assert {r.payment for r in plan.rows[1:]} == {D("900.00")}
    assert plan.total_payment == D("10000.00")
    pct = hc.plan_for_budget(debt, "900", start=date(2025, 3, 1), down_payment="10%")
    assert pct == plan


def test_plan_for_budget_accepts_one_period_and_refuses_none() -> None:
    debt = hc.Debt(principal="500")
    plan = hc.plan_for_budget(debt, "500", start=date(2025, 3, 1), max_periods=1)
    assert [(r.period, r.payment) for r in plan.rows] == [(1, D("500.00"))]
    with pytest.raises(hc.InputError) as info:
        hc.plan_for_budget(debt, "500", start=date(2025, 3, 1), max_periods=0)
    assert (info.value.name, info.value.value) == ("max_periods", 0)


@pytest.mark.parametrize(
    ("kwargs", "name", "code"),
    [
        ({"budget": "0"}, "budget", "err.positive"),
        ({"budget": "-1"}, "budget", "err.not_negative"),
        ({"start": "2025-03-01"}, "start", None),
    ],
)
def test_plan_for_budget_refusals_name_the_parameter(
    kwargs: dict[str, object], name: str, code: str | None
) -> None:
    args: dict[str, object] = {"budget": "900", "start": date(2025, 3, 1), **kwargs}
    with pytest.raises(hc.InputError) as info:
        hc.plan_for_budget(hc.Debt(principal="10000"), **args)  # type: ignore[arg-type]
    assert (info.value.name, info.value.value) == (name, args[name])
    if code:
        assert info.value.code == code


def test_a_budget_too_small_names_itself_and_the_periods_tried() -> None:
    with pytest.raises(hc.InputError) as info:
        hc.plan_for_budget(
            hc.Debt(principal="10000"), "100", start=date(2025, 3, 1), max_periods=24
        )
    err = info.value
    assert (err.name, err.value, err.code) == ("budget", "100", "err.budget_small")
    assert err.params["periods"] == 24


def test_a_down_payment_percentage_is_refused_under_its_own_name() -> None:
    with pytest.raises(hc.InputError) as info:
        hc.freeze(
            hc.Debt(principal="10000"),
            12,
            start=date(2025, 1, 1),
            down_payment="1e999999999999999999999%",
        )
    assert info.value.name == "down_payment"


def test_a_plan_past_year_9999_names_its_start() -> None:
    start = date(9999, 6, 1)
    with pytest.raises(hc.InputError) as info:
        hc.freeze(hc.Debt(principal="10000"), 12, start=start)
    assert (info.value.name, info.value.value) == ("start", start)


_TEN_K = hc.Debt(principal="10000")
_PENALTY_ONLY = hc.Debt(penalty="500")


@pytest.mark.parametrize(
    ("debt", "kwargs", "name", "value", "code", "params"),
    [
        ("x", {}, "debt", "x", "err.debt", {}),
        (_PENALTY_ONLY, {"waive": ("penalty",)}, "debt", _PENALTY_ONLY, "err.nothing_to_repay", {}),
        (_TEN_K, {"periods": 61}, "periods", 61, "err.plan_periods", {"lo": 1, "hi": 60}),
        (_TEN_K, {"down_payment": "100%"}, "down_payment", "100%", "err.down_payment_pct", {}),
        (_TEN_K, {"down_payment": "abc%"}, "down_payment", "abc%", "err.down_payment_form", {}),
        (
            _TEN_K,
            {"down_payment": "10000"},
            "down_payment",
            "10000",
            "err.down_payment_max",
            {"frozen": D("10000.00")},
        ),
        (_TEN_K, {"down_payment": "-1"}, "down_payment", "-1", "err.not_negative", {}),
        (
            hc.Debt(principal="1"),
            {"periods": 6, "down_payment": "0.95"},
            "periods",
            6,
            "err.periods_too_many",
            {"rest": D("0.05"), "most": 5},
        ),
    ],
)
def test_freeze_refusals_name_the_parameter_the_value_and_the_reason(
    debt: object,
    kwargs: dict[str, object],
    name: str,
    value: object,
    code: str,
    params: dict[str, object],
) -> None:
    args: dict[str, object] = {"periods": 12, "start": date(2025, 1, 1), **kwargs}
    with pytest.raises(hc.InputError) as info:
        hc.freeze(debt, **args)  # type: ignore[arg-type]
    err = info.value
    assert (err.name, err.value, err.code) == (name, value, code)
    assert err.params == params


def test_the_down_payment_is_taken_off_before_counting_fen() -> None:
    # 1.00 with 0.94 down leaves 0.06: six periods of one fen each are accepted
    plan = hc.freeze(hc.Debt(principal="1"), 6, start=date(2025, 1, 1), down_payment="0.94")
    assert [r.payment for r in plan.rows] == [D("0.94")] + [D("0.01")] * 6


def test_breach_is_exact_whatever_the_callers_context() -> None:
    import decimal

    debt = hc.Debt(principal="10000", penalty="12345.67")
    plan = hc.freeze(debt, 12, start=date(2025, 1, 1), waive=("penalty",))
    args = {"missed_period": 3, "until": date(2025, 5, 1), "revive": ("penalty",)}
    expected = hc.breach(debt, hc.JIEBEI, plan, **args)  # type: ignore[arg-type]
    with decimal.localcontext(decimal.Context(prec=3, rounding=decimal.ROUND_DOWN, traps=[])):
        got = hc.breach(debt, hc.JIEBEI, plan, **args)  # type: ignore[arg-type]
    assert got == expected
    assert got.debt.penalty == D("12345.67") + D("187.50")


def test_too_many_periods_says_how_many_fen_there_are() -> None:
    # 1.50 is 150 fen: at most 150 periods of at least one fen each
    with pytest.raises(hc.InputError) as info:
        hc.freeze(hc.Debt(principal="1.50"), 200, start=date(2025, 1, 1), max_periods=600)
    assert info.value.params == {"rest": D("1.50"), "most": 150}


def test_compare_past_year_9999_names_max_months() -> None:
    # the accruing scenario still owes after the last payment on 9999-12-01: one more
    # month would fall in year 10000
    debt = hc.Debt(principal="1000", penalty="5000")
    plan = hc.freeze(debt, 11, start=date(9999, 1, 1), waive=("penalty",))
    with pytest.raises(hc.InputError) as info:
        hc.compare(debt, hc.JIEBEI, plan)
    assert (info.value.name, info.value.value) == ("max_months", 120)


@pytest.mark.parametrize(
    ("dues", "ok"),
    [
        ((date(2024, 12, 31), date(2025, 2, 1), date(2025, 3, 1)), False),  # before the start
        ((date(2025, 2, 1), date(2025, 1, 31), date(2025, 3, 1)), False),  # goes back
        ((date(2025, 2, 1), date(2025, 3, 1), date(2025, 2, 28)), False),  # back at the end
        ((date(2025, 1, 1), date(2025, 2, 1), date(2025, 3, 1)), True),  # on the start
        ((date(2025, 2, 1), date(2025, 2, 1), date(2025, 3, 1)), True),  # two on one day
    ],
)
def test_a_plans_due_dates_may_not_go_back_in_time(dues: tuple[date, ...], ok: bool) -> None:
    # docs/rules.md#the-comparison: no due date before the plan's start (2025-01-01) or
    # before the row above it; equal dates are two payments on one day
    debt = hc.Debt(principal="300")
    plan = hc.freeze(debt, 3, start=date(2025, 1, 1))
    moved = _hand_built(debt, [replace(r, due=d) for r, d in zip(plan.rows, dues, strict=True)])
    if ok:
        got = hc.breach(debt, hc.JIEBEI, moved, missed_period=3, until=date(2025, 6, 1))
        assert got.debt.principal == D("100.00")  # two of the three 100.00 were paid
        return
    with pytest.raises(hc.InputError) as err:
        hc.breach(debt, hc.JIEBEI, moved, missed_period=3, until=date(2025, 6, 1))
    assert (err.value.name, err.value.value, err.value.code) == ("plan", moved, "err.plan_dates")
    assert err.value.params == {"start": date(2025, 1, 1)}
    assert str(err.value).endswith(text("err.plan_dates", "en", start=date(2025, 1, 1)))
