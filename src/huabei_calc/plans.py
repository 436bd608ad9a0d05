"""停息挂账: interest-frozen installment plans, and what they save.

A 停息挂账 agreement (个性化分期还款协议) stops interest and penalties and splits
what is owed into monthly installments, at most 60 (商业银行信用卡业务监督管理办法
art. 70: five years). :func:`freeze` builds the plan, :func:`compare` prices it
against paying the same amounts while charges keep running, :func:`breach`
prices a lapse (:func:`~huabei_calc.comparison.compare` prices the plan
against charges still running), and :func:`plan_for_budget` finds the shortest plan that fits
a monthly budget.
"""

from __future__ import annotations

import decimal
from collections.abc import Collection
from dataclasses import replace
from datetime import date
from decimal import Decimal
from itertools import pairwise
from typing import Final

from . import _check
from ._check import MAX_PLAN_PERIODS, MAX_SCHEDULE_PERIODS, check_date, whole_number
from ._dates import add_months
from .debt import DEFAULT_ORDER, WAIVABLE, Debt, apply_payment, check_buckets, make_debt
from .errors import InputError
from .money import Amount, amount, context, to_fen, truncate_fen
from .overdue import Accrual, accrue, check_debt_and_product
from .products import Product
from .rates import fraction, is_percentage
from .schedule import Installment, Schedule

__all__ = ["breach", "freeze", "plan_for_budget"]

_ZERO: Final = Decimal("0.00")
_ONE: Final = Decimal(1)
_CTX: Final = context()  # sums of fen amounts stay exact whatever the caller's context


def _plan_periods(value: object, limit: int) -> int:
    """``periods`` from 1 to ``limit``; at the default limit the refusal says why it is 60."""
    try:
        return whole_number(value, "periods", 1, limit)
    except InputError:
        if limit != MAX_PLAN_PERIODS:
            raise
        raise InputError("periods", value, "err.plan_periods", lo=1, hi=limit) from None


def _frozen_amount(debt: object, waive: object) -> tuple[Debt, tuple[str, ...], Decimal]:
    if not isinstance(debt, Debt):
        raise InputError("debt", debt, "err.debt")
    waived = check_buckets(waive, "waive", WAIVABLE)
    frozen = debt.without(waived).total
    if frozen == 0:
        raise InputError("debt", debt, "err.nothing_to_repay")
    return debt, waived, frozen


def _down_payment(value: object, frozen: Decimal) -> Decimal:
    """An amount, or a percentage of the frozen amount (rounded half-up), below 100%.

    Percentages are read by :func:`~huabei_calc.rates.fraction`: ``"10%"``, ``"1‰"``,
    ``"5‱"``, ``"百分之十"``.
    """
    if isinstance(value, str) and is_percentage(value):
        try:
            share = fraction(value, "down_payment")
        except InputError as err:
            if err.code != "err.rate_form":
                raise
            raise InputError("down_payment", value, "err.down_payment_form") from None
        if share >= _ONE:
            raise InputError("down_payment", value, "err.down_payment_pct")
        with decimal.localcontext(context()):
            down = to_fen(frozen * share)
    else:
        down = amount(value, "down_payment")
    if down >= frozen:
        raise InputError("down_payment", value, "err.down_payment_max", frozen=frozen)
    return down


def _split(rest: Decimal, periods: int) -> tuple[Decimal, Decimal]:
    """(regular payment, period-1 payment): truncated to the fen, remainder in period 1."""
    with decimal.localcontext(context()):
        each = truncate_fen(rest / periods)
        return each, rest - each * (periods - 1)


def freeze(
    debt: Debt,
    periods: int,
    *,
    start: date,
    down_payment: Amount = 0,
    waive: Collection[str] = (),
    max_periods: int = MAX_PLAN_PERIODS,
) -> Schedule:
    """A 停息挂账 plan: the frozen amount in equal monthly installments, no interest.

    frozen = ``debt.total`` − the ``waive``-d buckets (any of penalty, interest,
    fees). A down payment (an amount, or a percentage of the frozen amount such
    as ``"10%"`` or ``"5‰"``, rounded half-up, below 100%) is period 0 on
    ``start``; the rest is split over ``periods`` monthly due dates anchored on
    ``start``, each truncated to the fen, the remainder in period 1. The payments
    sum to the frozen amount exactly.

    >>> plan = freeze(Debt(principal="10000", penalty="500"), 24, start=date(2025, 1, 31),
    ...               down_payment="10%", waive=("penalty",))
    >>> plan.principal, plan.rows[0].payment, plan.rows[1].due, plan.rows[1].payment
    (Decimal('10000.00'), Decimal('1000.00'), datetime.date(2025, 2, 28), Decimal('375.00'))
    >>> plan.rows[-1].due, plan.total_payment, plan.waived
    (datetime.date(2027, 1, 31), Decimal('10000.00'), ('penalty',))
    """
    with decimal.localcontext(_CTX):
        limit = whole_number(max_periods, "max_periods", 1, MAX_SCHEDULE_PERIODS)
        debt, waived, frozen = _frozen_amount(debt, waive)
        n = _plan_periods(periods, limit)
        day0 = check_date(start, "start")
        down = _down_payment(down_payment, frozen)
        if frozen - down < n * Decimal("0.01"):
            rest = frozen - down
            raise InputError("periods", n, "err.periods_too_many", rest=rest, most=int(rest * 100))
        return _build(frozen, n, day0, down, waived)


def _build(
    frozen: Decimal, n: int, start: date, down: Decimal, waived: tuple[str, ...]
) -> Schedule:
    _check.check_horizon(start, n, "start", start)
    rest = frozen - down
    each, first = _split(rest, n)
    rows = []
    if down:
        rows.append(Installment(0, start, down, down, _ZERO, _ZERO, rest))
    balance = rest
    for k in range(1, n + 1):
        pay = first if k == 1 else each
        balance -= pay
        rows.append(Installment(k, add_months(start, k), pay, pay, _ZERO, _ZERO, balance))
    return Schedule(tuple(rows), frozen, method="freeze", waived=waived, start=start)


def plan_for_budget(
    debt: Debt,
    budget: Amount,
    *,
    start: date,
    down_payment: Amount = 0,
    waive: Collection[str] = (),
    max_periods: int = MAX_PLAN_PERIODS,
) -> Schedule:
    """The 停息挂账 plan with the fewest periods whose largest monthly payment fits ``budget``.

    The down payment (period 0) is not counted against the budget. A budget too
    small even at ``max_periods`` is an ``InputError`` that names the smallest
    budget that would work.

    >>> plan = plan_for_budget(Debt(principal="10000"), "900", start=date(2025, 3, 1))
    >>> len(plan.rows), plan.rows[0].payment
    (12, Decimal('833.37'))
    """
    with decimal.localcontext(_CTX):
        limit = whole_number(max_periods, "max_periods", 1, MAX_SCHEDULE_PERIODS)
        debt, waived, frozen = _frozen_amount(debt, waive)
        cap = amount(budget, "budget", allow_zero=False)
        day0 = check_date(start, "start")
        down = _down_payment(down_payment, frozen)
        rest = frozen - down
        smallest = rest
        for n in range(1, min(limit, int(rest * 100)) + 1):
            largest = _split(rest, n)[1]
            if largest <= cap:
                return _build(frozen, n, day0, down, waived)
            smallest = min(smallest, largest)
        raise InputError("budget", budget, "err.budget_small", periods=limit, smallest=smallest)


def check_plan(debt: Debt, plan: object) -> Schedule:
    """``plan`` if it is a 停息挂账 plan for ``debt``: dated rows of periods 1..n (and 0 for a
    down payment), in order, each once, whose total less the waivers is what ``debt`` owes."""
    if (
        not isinstance(plan, Schedule)
        or plan.method != "freeze"
        or plan.start is None
        or not plan.rows
        or any(row.due is None for row in plan.rows)
        or [row.period for row in plan.rows if row.period]
        != list(range(1, plan.rows[-1].period + 1))
        or sum(1 for row in plan.rows if not row.period) > 1
    ):
        raise InputError("plan", plan, "err.plan")
    # payments go forward in time: none before the start or before the row above it
    dues = [row.due for row in plan.rows if row.due is not None]
    if dues[0] < plan.start or any(later < earlier for earlier, later in pairwise(dues)):
        raise InputError("plan", plan, "err.plan_dates", start=plan.start)
    owed = debt.without(plan.waived).total
    if owed != plan.principal:
        raise InputError("plan", f"plan of {plan.principal}", "err.plan_other_debt", owed=owed)
    return plan


def breach(
    debt: Debt,
    product: Product,
    plan: Schedule,
    *,
    missed_period: int,
    until: date,
    revive: Collection[str] = (),
) -> Accrual:
    """Price a lapsed plan: the debt left when period ``missed_period`` is missed.

    Periods before ``missed_period`` (and any down payment) were paid; they paid
    the debt's non-waived buckets in ``DEFAULT_ORDER``. What is left of those,
    plus the waived buckets named in ``revive``, accrues under ``product`` from
    the missed due date to ``until`` (``grace_days`` does not apply).

    >>> from huabei_calc import JIEBEI
    >>> debt = Debt(principal="10000", penalty="300")
    >>> plan = freeze(debt, 12, start=date(2025, 1, 1), waive=("penalty",))
    >>> a = breach(debt, JIEBEI, plan, missed_period=3, until=date(2025, 5, 1),
    ...            revive=("penalty",))
    >>> a.since, a.debt.principal, a.debt.penalty, a.charged
    (datetime.date(2025, 4, 1), Decimal('8333.30'), Decimal('487.50'), Decimal('187.50'))
    """
    with decimal.localcontext(_CTX):
        check_debt_and_product(debt, product)
        plan = check_plan(debt, plan)
        last = plan.rows[-1].period
        missed = whole_number(missed_period, "missed_period", 1, last)
        revived = check_buckets(revive, "revive", plan.waived)
        end = check_date(until, "until")
        # check_plan saw every period 1..last once, each with a date
        lapse = next(r.due for r in plan.rows if r.period == missed and r.due is not None)
        if end < lapse:
            raise InputError("until", end, "err.before_lapse", lapse=lapse, period=missed)
        with decimal.localcontext(context()):
            paid = sum((r.payment for r in plan.rows if r.period < missed), _ZERO)
        left = apply_payment(debt.without(plan.waived), paid, DEFAULT_ORDER).debt
        back = {
            b: getattr(left, b) + (getattr(debt, b) if b in revived else _ZERO) for b in WAIVABLE
        }
        overdue = make_debt(left.principal, back["interest"], back["fees"], back["penalty"])
        prod = replace(product, grace_days=0) if product.grace_days else product
        return accrue(overdue, prod, since=lapse, until=end)
