"""settlement.py: early settlement (提前还款).

Sources (docs/rules.md, "Early settlement"): Civil Code art. 677 ("借款人提前返还借款的 …
应当按照实际借款的期间计算利息"); "借呗提前还款 … 利息按实际借款天数计算,不会因为提前还款而
额外收费" (m.sboyo.com); Huabei installments: fees of periods not yet billed waived, billed
ones kept — a convention, no Ant source (docs/rules.md).
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

import huabei_calc as hc

D = Decimal
START = date(2025, 1, 1)
JIEBEI_LOAN = hc.equal_installment("10000", 12, "0.05%/day", start=START, interest="actual")
HUABEI_PLAN = hc.flat_fee("5000", 12, start=START)


def test_jiebei_settled_in_the_first_month() -> None:
    # 20 days used: 10,000 × 0.05% × 20 = 100.00, no fee
    s = hc.settle_early(JIEBEI_LOAN, date(2025, 1, 21), product=hc.JIEBEI)
    assert (s.principal, s.interest, s.fees, s.amount) == (
        D("10000.00"),
        D("100.00"),
        D("0.00"),
        D("10100.00"),
    )
    assert s.scheduled == JIEBEI_LOAN.total_payment
    assert s.saving == JIEBEI_LOAN.total_payment - D("10100.00")


def test_jiebei_repaid_the_day_it_was_lent() -> None:
    # xyjw.com (docs/rules.md): "当天借当天还就算一天" — one day's interest, 5.00
    s = hc.settle_early(JIEBEI_LOAN, START, product=hc.JIEBEI)
    assert (s.interest, s.amount) == (D("5.00"), D("10005.00"))


def test_jiebei_settled_after_three_payments() -> None:
    rows = {row.period: row for row in JIEBEI_LOAN.rows}
    due3 = rows[3].due
    assert due3 is not None
    s = hc.settle_early(JIEBEI_LOAN, due3 + timedelta(days=10), product=hc.JIEBEI)
    owed = rows[3].balance
    assert s.principal == owed
    assert s.interest == (owed * D("0.0005") * 10).quantize(D("0.01"), ROUND_HALF_UP)
    # on a due date that installment is unpaid: the interest is that row's own interest
    due4 = rows[4].due
    assert due4 is not None
    s4 = hc.settle_early(JIEBEI_LOAN, due4, product=hc.JIEBEI)
    assert s4.amount == owed + rows[4].interest
    assert s4.saving == sum(rows[k].interest for k in range(5, 13))


def test_huabei_installments_waive_unbilled_fees() -> None:
    # 5,000 over 12 at 8.8%: periods 2–12 pay 416.66 + 36.66 (docs/guides/true-rate.md)
    s = hc.settle_early(HUABEI_PLAN, date(2025, 3, 15), product=hc.HUABEI)
    # periods 1 and 2 (due Feb 1, Mar 1) paid; period 3 (due Apr 1) billed on Mar 23
    assert s.principal == D("5000.00") - D("416.74") - D("416.66") == D("4166.60")
    assert (s.interest, s.fees, s.amount) == (D("0.00"), D("0.00"), D("4166.60"))
    assert s.saving == 10 * D("36.66") == D("366.60")
    # after period 3's statement its fee is kept
    billed = hc.settle_early(HUABEI_PLAN, date(2025, 3, 25), product=hc.HUABEI)
    assert (billed.fees, billed.amount, billed.saving) == (
        D("36.66"),
        D("4203.26"),
        D("329.94"),  # 9 × 36.66 waived
    )
    # the other reading: every remaining fee stays due
    kept = hc.settle_early(
        HUABEI_PLAN, date(2025, 3, 15), product=hc.HUABEI, waive_unbilled_fees=False
    )
    assert (kept.amount, kept.saving) == (D("4533.20"), D("0.00"))


def test_bad_dates() -> None:
    with pytest.raises(hc.InputError) as info:
        hc.settle_early(JIEBEI_LOAN, date(2024, 12, 31), product=hc.JIEBEI)
    assert (info.value.name, info.value.code) == ("on", "err.rules.before_start")
    with pytest.raises(hc.InputError) as info:
        hc.settle_early(JIEBEI_LOAN, date(2026, 1, 2), product=hc.JIEBEI)
    assert (info.value.name, info.value.code) == ("on", "err.rules.after_last")


@given(st.integers(0, 365), st.integers(0, 365))
def test_settling_never_costs_more_than_the_schedule(a: int, b: int) -> None:
    for schedule, product in [(JIEBEI_LOAN, hc.JIEBEI), (HUABEI_PLAN, hc.HUABEI)]:
        early, late = (START + timedelta(days=n) for n in sorted((a, b)))
        first = hc.settle_early(schedule, early, product=product)
        second = hc.settle_early(schedule, late, product=product)
        for s in (first, second):
            assert s.amount == s.principal + s.interest + s.fees
            assert s.saving == s.scheduled - s.amount
            assert s.saving >= 0
        # what is left to pay, settled or scheduled, never grows with time
        assert second.scheduled <= first.scheduled


def test_settling_on_a_due_date_costs_the_installment_not_more() -> None:
    # a 30/360 schedule bills 10,000 × 0.05% × 30 = 150.00 for every month; settled on its
    # last due date after a 31-day month, the days used would give 155.00: the installment
    # itself is the most a day in its period can cost (art. 677: interest for the actual
    # period, never more than the contract's)
    plan = hc.interest_only("10000", 12, "0.05%/day", start=START)
    last = plan.rows[-1]
    assert last.due == date(2026, 1, 1)
    assert last.interest == D("150.00")
    s = hc.settle_early(plan, last.due, product=hc.JIEBEI)
    assert (s.principal, s.interest, s.amount, s.saving) == (
        D("10000.00"),
        D("150.00"),
        D("10150.00"),
        D("0.00"),
    )
    # the day before: 30 days used since Dec 1, 150.00 as well
    assert hc.settle_early(plan, date(2025, 12, 31), product=hc.JIEBEI).interest == D("150.00")


@given(
    st.sampled_from(["equal_installment", "equal_principal", "interest_only"]),
    st.sampled_from(["monthly", "actual"]),
    st.integers(0, 365),
)
@example("interest_only", "monthly", 365)  # the last due date, after a 31-day month
@example("equal_installment", "monthly", 365)
def test_settling_early_never_costs_more_than_paying_as_scheduled(
    kind: str, interest: str, offset: int
) -> None:
    build = getattr(hc, kind)
    loan = build("10000", 12, "0.05%/day", start=START, interest=interest)
    s = hc.settle_early(loan, START + timedelta(days=offset), product=hc.JIEBEI)
    assert s.saving >= 0
    assert s.amount == s.principal + s.interest
