"""The true annual cost of a schedule, an overdue accrual and a 停息挂账 comparison.

What :meth:`Schedule.cost_check`, :meth:`Accrual.cost_check` and
:meth:`Comparison.cost_check` compare with the legal reference lines
(:func:`huabei_calc.legal.check_cost`). A schedule's cost is its disclosed rate,
periodic IRR × 12 (``apr()``, PBoC announcement 2021 No. 3); an accrual's and a
comparison's is the XIRR (effective, actual/365) of dated cash flows: the debt
lent at the start, the payments, what is owed at the end (``docs/rules.md``).
"""

from __future__ import annotations

import decimal
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Final

from .errors import InputError
from .money import context
from .returns import xirr

if TYPE_CHECKING:
    from .comparison import Comparison
    from .overdue import Accrual
    from .schedule import Schedule

__all__ = ["accrual_cost", "comparison_cost", "schedule_cost"]

_CTX: Final = context()
_ZERO: Final = Decimal(0)


def schedule_cost(schedule: Schedule) -> Decimal:
    """A schedule's annual cost: its disclosed rate, periodic IRR × 12 (``apr()``).

    PBoC announcement 2021 No. 3's example: 100,000 lent, a 1,000 fee up front,
    12 × 8,833.30: monthly IRR 1.06698%, 12.80% a year.

    >>> from huabei_calc import Installment, Schedule
    >>> rows = tuple(Installment(k, None, Decimal("8833.30"), Decimal("8250.00"),
    ...                          Decimal("583.30"), Decimal("0.00"), Decimal("0.00"))
    ...              for k in range(1, 13))
    >>> f"{schedule_cost(Schedule(rows, Decimal('99000.00'))):.2%}"
    '12.80%'
    """
    return schedule.apr()


def accrual_cost(accrual: Accrual) -> Decimal:
    """The annual cost of an overdue accrual: XIRR of (since, −owed then), (until, owed then).

    Effective, actual/365 (the daily charges counted as if each span compounded
    once). Jiebei's 0.075% a day on 10,000 for a year costs 27.375%; over one
    month the same charges cost about 31% a year. 0 when nothing was charged.

    >>> from huabei_calc import JIEBEI, Debt, accrue
    >>> year = accrue(Debt(principal="10000"), JIEBEI, since=date(2025, 1, 10),
    ...               until=date(2026, 1, 10))
    >>> accrual_cost(year)
    Decimal('0.27375000000000000000')
    """
    with decimal.localcontext(_CTX):
        before = accrual.debt.total - accrual.charged
    if before <= 0:
        raise InputError("accrual", accrual.debt, "err.rules.nothing_owed")
    if not accrual.charged:
        return _ZERO
    return xirr([(accrual.since, -before), (accrual.until, accrual.debt.total)])


def comparison_cost(comparison: Comparison) -> Decimal:
    """The annual cost of the accruing scenario of a comparison (its XIRR, actual/365).

    The flows, from the comparison's rows: the debt owed after the first payment,
    lent on the first date; each later payment of the plan's amounts (read from
    the frozen balances: a plan row pays the fall in the frozen balance, and
    after the plan the last amount monthly) until the accruing debt is cleared;
    what is still owed at the horizon if it is not.

    >>> from huabei_calc import JIEBEI, Debt, compare, freeze
    >>> debt = Debt(principal="10000")
    >>> cmp = compare(debt, JIEBEI, freeze(debt, 12, start=date(2025, 1, 31)))
    >>> f"{comparison_cost(cmp):.1%}"
    '31.1%'
    """
    rows = comparison.rows
    first = rows[0]
    with decimal.localcontext(_CTX):
        owed = first.accruing_balance
        if owed <= 0:
            raise InputError("comparison", comparison.frozen_total, "err.rules.nothing_owed")
        flows: list[tuple[date, Decimal]] = [(first.date, -owed)]
        paid = first.untouched_balance - owed  # the first payment: charges alike until then
        left = comparison.accruing_paid - paid
        # a one-payment plan has no later step: after it, that payment is paid monthly
        frozen, last = first.frozen_balance, paid
        for row in rows[1:]:
            if left <= 0:
                break
            step = frozen - row.frozen_balance
            last = step if step > 0 else last
            pay = min(last, left)
            flows.append((row.date, pay))
            left -= pay
            frozen = row.frozen_balance
        if comparison.accruing_unpaid:
            flows.append((rows[-1].date, comparison.accruing_unpaid))
    if all(day == first.date for day, _ in flows):
        raise InputError("comparison", comparison.max_months, "err.rules.no_span")
    return xirr(flows)
