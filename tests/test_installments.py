"""installments.py: a loan's installments missed one at a time (借呗 分期逾期).

Sources (docs/rules.md, "Installments overdue"): PBoC 2003 No. 251 (penalty at the
contract rate +30% to +50%, compound interest on unpaid interest at the penalty rate);
the 网商贷 formula "overdue interest = overdue bill amount (overdue principal plus
interest) * interest rate * 1.5 * overdue days"; the research example 1,050 × 0.04% × 1.5
× 10 = 6.30; docs/conventions.md for the daily charge rounded half-up then × days.
"""

from __future__ import annotations

from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

import huabei_calc as hc

D = Decimal
LOAN = hc.equal_installment("12000", 12, "0.05%/day", start=date(2025, 1, 15), interest="actual")
ROWS = {row.period: row for row in LOAN.rows}


def _fen(x: Decimal) -> Decimal:
    return x.quantize(D("0.01"), ROUND_HALF_UP)


def _due(period: int) -> date:
    due = ROWS[period].due
    assert due is not None
    return due


def test_the_research_example() -> None:
    # an installment of 1,000 principal + 50 interest, 0.04% a day × 1.5, 10 days: 6.30
    s = hc.Schedule(
        (
            hc.Installment(1, date(2025, 2, 1), D("1050.00"), D("1000.00"), D("50.00"),
                           D("0.00"), D("1000.00")),
            hc.Installment(2, date(2025, 3, 1), D("1050.00"), D("1000.00"), D("50.00"),
                           D("0.00"), D("0.00")),
        ),
        D("2000.00"),
        start=date(2025, 1, 1),
    )  # fmt: skip
    late = hc.loan_overdue(s, hc.JIEBEI.with_rate("0.04%"), missed=(1,), until=date(2025, 2, 11))
    overdue, rest = late.rows
    assert (overdue.status, overdue.days, overdue.penalty) == ("overdue", 10, D("6.30"))
    # period 2 not yet due: 1,000 × 0.04% × 10 days of normal interest
    assert (rest.status, rest.period, rest.principal, rest.interest) == (
        "not_due",
        2,
        D("1000.00"),
        D("4.00"),
    )
    assert late.debt == hc.Debt(principal="2000", interest="54", penalty="6.30")
    assert late.accelerated_on is None


def test_one_missed_jiebei_installment() -> None:
    until = _due(3) + timedelta(days=20)
    late = hc.loan_overdue(LOAN, hc.JIEBEI, missed=(3,), until=until)
    row3 = ROWS[3]
    overdue, rest = late.rows
    # 罚息 + 复利: (principal + interest) × 0.05% × 1.5 a day, rounded, × 20 days
    assert overdue.penalty == _fen((row3.principal + row3.interest) * D("0.00075")) * 20
    assert (overdue.principal, overdue.interest, overdue.days) == (
        row3.principal,
        row3.interest,
        20,
    )
    # periods 4–12: their principal, with 20 days of normal interest since period 3's due date
    later = sum(ROWS[k].principal for k in range(4, 13))
    assert rest.principal == later == row3.balance
    assert rest.interest == _fen(later * D("0.0005") * 20)
    assert late.debt.principal == row3.principal + later
    assert late.debt.total == row3.payment + later + rest.interest + overdue.penalty


def test_partly_paid_installment() -> None:
    # 100 paid toward period 3: its interest first, then principal (Civil Code art. 561)
    until = _due(3) + timedelta(days=10)
    row3 = ROWS[3]
    late = hc.loan_overdue(LOAN, hc.JIEBEI, missed={3: "100"}, until=until)
    overdue = late.rows[0]
    assert overdue.interest == max(row3.interest - 100, D("0.00"))
    assert overdue.principal + overdue.interest == row3.payment - 100
    assert overdue.penalty == _fen((row3.payment - 100) * D("0.00075")) * 10


def test_acceleration_is_off_by_default_and_optional() -> None:
    until = _due(3) + timedelta(days=60)
    plain = hc.loan_overdue(LOAN, hc.JIEBEI, missed=(3, 4), until=until)
    assert [row.status for row in plain.rows] == ["overdue", "overdue", "not_due"]
    called = hc.loan_overdue(LOAN, hc.JIEBEI, missed=(3, 4), until=until, accelerate_after_days=20)
    accel = _due(3) + timedelta(days=20)
    assert called.accelerated_on == accel
    # period 4 falls due after the call: it is part of the principal called in
    assert [row.status for row in called.rows] == ["overdue", "accelerated"]
    rest = called.rows[1]
    owed = ROWS[3].balance
    assert rest.principal == owed
    assert rest.interest == _fen(owed * D("0.0005") * 20)
    assert rest.penalty == _fen((owed + rest.interest) * D("0.00075")) * 40
    assert called.debt.total > plain.debt.total
    # not yet 20 days late: nothing called in
    early = hc.loan_overdue(
        LOAN, hc.JIEBEI, missed=(3,), until=_due(3) + timedelta(days=20), accelerate_after_days=20
    )
    assert early.accelerated_on is None


def test_the_debt_feeds_a_freeze_plan() -> None:
    until = _due(3) + timedelta(days=45)
    late = hc.loan_overdue(LOAN, hc.JIEBEI, missed=(3,), until=until)
    plan = hc.freeze(late.debt, 24, start=until, waive=("penalty",))
    cmp = hc.compare(late.debt, hc.JIEBEI, plan)
    assert plan.principal == late.debt.total - late.debt.penalty
    assert cmp.saving > 0


def test_bad_missed_periods() -> None:
    until = _due(5)
    for missed, code in [
        ((13,), "err.rules.no_period"),
        ((0,), "err.rules.no_period"),
        ((3, 3), "err.rules.twice"),
        ((6,), "err.rules.not_due"),
        ({3: ROWS[3].payment}, "err.rules.overpaid"),
        ("3", "err.rules.missed"),
    ]:
        with pytest.raises(hc.InputError) as info:
            hc.loan_overdue(LOAN, hc.JIEBEI, missed=missed, until=until)  # type: ignore[arg-type]
        assert (info.value.name, info.value.code) == ("missed", code)
    with pytest.raises(hc.InputError, match="has no due dates"):
        hc.loan_overdue(
            hc.equal_installment("1000", 3, "0.05%/day"), hc.JIEBEI, missed=(), until=until
        )


@given(st.sets(st.integers(1, 12)), st.integers(0, 800), st.integers(0, 800))
def test_a_longer_overdue_never_costs_less(missed: set[int], a: int, b: int) -> None:
    last = max((_due(k) for k in missed), default=LOAN.start)
    assert last is not None
    early, late = (last + timedelta(days=n) for n in sorted((a, b)))
    first = hc.loan_overdue(LOAN, hc.JIEBEI, missed=tuple(missed), until=early)
    second = hc.loan_overdue(LOAN, hc.JIEBEI, missed=tuple(missed), until=late)
    assert first.debt.penalty <= second.debt.penalty
    # with no installment paid in between, what is owed only grows
    if not any(early < _due(k) <= late for k in ROWS if k not in missed):
        assert first.debt.total <= second.debt.total


@given(st.sets(st.integers(1, 12)), st.sets(st.integers(1, 12)), st.integers(0, 400))
def test_missing_more_never_costs_less(a: set[int], b: set[int], days: int) -> None:
    fewer, more = a & b, a | b
    until = max((_due(k) for k in more), default=date(2025, 1, 15)) + timedelta(days=days)
    first = hc.loan_overdue(LOAN, hc.JIEBEI, missed=tuple(fewer), until=until)
    second = hc.loan_overdue(LOAN, hc.JIEBEI, missed=tuple(more), until=until)
    assert first.debt.total <= second.debt.total
    # the principal owed is what the schedule has not been paid
    paid = sum(row.principal for k, row in ROWS.items() if row.due <= until and k not in more)  # type: ignore[operator]
    assert second.debt.principal == LOAN.principal - paid


def test_after_the_call_every_later_installment_is_called_in() -> None:
    # acceleration (a parameter, no source): the installments due after the call are part
    # of the principal called in whether missed names them or not (payments after the call
    # are not modelled); what missed says about them before the call is all that counts
    until = _due(3) + timedelta(days=60)
    accel = _due(3) + timedelta(days=20)
    assert accel < _due(4) <= until
    only3 = hc.loan_overdue(LOAN, hc.JIEBEI, missed=(3,), until=until, accelerate_after_days=20)
    both = hc.loan_overdue(LOAN, hc.JIEBEI, missed=(3, 4), until=until, accelerate_after_days=20)
    assert only3 == both
    assert only3.debt.principal == ROWS[2].balance  # periods 3–12: nothing after period 2
    # 500 named toward period 4 comes off the principal called in
    part = hc.loan_overdue(
        LOAN, hc.JIEBEI, missed={3: 0, 4: "500"}, until=until, accelerate_after_days=20
    )
    assert part.rows[-1].principal == ROWS[3].balance - 500
