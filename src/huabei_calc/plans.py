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
from dataclasses import replace
from datetime import date
from decimal import Decimal
from typing import Final

from ._check import MAX_PLAN_PERIODS as MAX_FREEZE_PERIODS
from ._dates import add_months
from .debt import DEFAULT_ORDER, Debt, apply_payment, check_buckets
from .errors import InputError
from .money import Amount, amount, context, to_fen, truncate_fen
from .overdue import Accrual, accrue, check_date, check_debt_and_product
from .products import Product
from .schedule import Installment, Schedule

__all__ = ["WAIVABLE", "breach", "check_horizon", "freeze", "plan_for_budget"]

WAIVABLE: Final = ("penalty", "interest", "fees")
_ZERO: Final = Decimal("0.00")
_CTX: Final = context()  # sums of fen amounts stay exact whatever the caller's context
_LIMIT_BASIS: Final = (
    "(the default limit follows the credit-card rules, 商业银行信用卡业务监督管理办法 art. 70: "
    "a personalised installment agreement lasts at most 5 years)"
)


def _count(value: object, name: str, lo: int, hi: int, why: str = "") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError(name, value, f"must be a whole number between {lo} and {hi}")
    if not lo <= value <= hi:
        raise InputError(name, value, f"must be between {lo} and {hi}" + (f" {why}" if why else ""))
    return value


def _frozen_amount(debt: object, waive: object) -> tuple[Debt, tuple[str, ...], Decimal]:
    if not isinstance(debt, Debt):
        raise InputError("debt", debt, "must be a Debt")
    waived = check_buckets(waive, "waive", WAIVABLE)
    frozen = debt.without(waived).total
    if frozen == 0:
        raise InputError("debt", debt, "leaves nothing to repay after the waiver")
    return debt, waived, frozen


def _down_payment(value: object, frozen: Decimal) -> Decimal:
    """An amount, or a percentage string of the frozen amount (rounded half-up)."""
    if isinstance(value, str) and value.strip().endswith("%"):
        text = value.strip()[:-1]
        try:
            pct = Decimal(text)
        except decimal.InvalidOperation:
            raise InputError(
                "down_payment", value, "must be an amount or a percentage like '10%'"
            ) from None
        if not pct.is_finite() or not 0 <= pct < 100:
            raise InputError("down_payment", value, "must be a percentage from 0% to below 100%")
        with decimal.localcontext(context()):
            down = to_fen(frozen * pct / 100)
    else:
        down = amount(value, "down_payment")
    if down >= frozen:
        raise InputError("down_payment", value, f"must be less than the frozen amount {frozen}")
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
    waive: tuple[str, ...] = (),
    max_periods: int = MAX_FREEZE_PERIODS,
) -> Schedule:
    """A 停息挂账 plan: the frozen amount in equal monthly installments, no interest.

    frozen = ``debt.total`` − the ``waive``-d buckets (any of penalty, interest,
    fees). A down payment (an amount or ``"10%"`` of the frozen amount, rounded
    half-up) is period 0 on ``start``; the rest is split over ``periods`` monthly
    due dates anchored on ``start``, each truncated to the fen, the remainder in
    period 1. The payments sum to the frozen amount exactly.

    >>> plan = freeze(Debt(principal="10000", penalty="500"), 24, start=date(2025, 1, 31),
    ...               down_payment="10%", waive=("penalty",))
    >>> plan.principal, plan.rows[0].payment, plan.rows[1].due, plan.rows[1].payment
    (Decimal('10000.00'), Decimal('1000.00'), datetime.date(2025, 2, 28), Decimal('375.00'))
    >>> plan.rows[-1].due, plan.total_payment, plan.waived
    (datetime.date(2027, 1, 31), Decimal('10000.00'), ('penalty',))
    """
    with decimal.localcontext(_CTX):
        limit = _count(max_periods, "max_periods", 1, 600)
        debt, waived, frozen = _frozen_amount(debt, waive)
        n = _count(
            periods, "periods", 1, limit, _LIMIT_BASIS if limit == MAX_FREEZE_PERIODS else ""
        )
        day0 = check_date(start, "start")
        down = _down_payment(down_payment, frozen)
        if frozen - down < n * Decimal("0.01"):
            raise InputError(
                "periods",
                n,
                f"is too many for {frozen - down}: it would leave installments of 0.00; "
                f"at most {int((frozen - down) * 100)} periods",
            )
        return _build(frozen, n, day0, down, waived)


def check_horizon(start: date, months: int, name: str, value: object, why: str) -> None:
    """Refuse ``start`` + ``months`` months past 9999-12-31, where ``date`` stops."""
    if start.year + (start.month - 1 + months) // 12 > 9999:
        raise InputError(name, value, why)


def _build(
    frozen: Decimal, n: int, start: date, down: Decimal, waived: tuple[str, ...]
) -> Schedule:
    check_horizon(start, n, "start", start, f"is too late: period {n} would fall after 9999-12-31")
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
    waive: tuple[str, ...] = (),
    max_periods: int = MAX_FREEZE_PERIODS,
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
        limit = _count(max_periods, "max_periods", 1, 600)
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
        raise InputError(
            "budget",
            budget,
            f"is too small: even {limit} periods need {smallest} a month; "
            f"the smallest budget that works is {smallest}",
        )


def check_plan(debt: Debt, plan: object) -> Schedule:
    if (
        not isinstance(plan, Schedule)
        or plan.method != "freeze"
        or plan.start is None
        or not plan.rows
    ):
        raise InputError("plan", plan, "must be a plan made by freeze() or plan_for_budget()")
    owed = debt.without(plan.waived).total
    if owed != plan.principal:
        raise InputError(
            "plan",
            f"plan of {plan.principal}",
            f"was not made for this debt (its total less waivers is {owed})",
        )
    return plan


def breach(
    debt: Debt,
    product: Product,
    plan: Schedule,
    *,
    missed_period: int,
    until: date,
    revive: tuple[str, ...] = (),
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
        missed = _count(missed_period, "missed_period", 1, last, "(the plan's periods)")
        revived = check_buckets(revive, "revive", plan.waived)
        end = check_date(until, "until")
        lapse = next(r.due for r in plan.rows if r.period == missed)
        assert lapse is not None  # plans from freeze() carry dates
        if end < lapse:
            raise InputError("until", end, f"is before the lapse date {lapse} (period {missed})")
        with decimal.localcontext(context()):
            paid = sum((r.payment for r in plan.rows if r.period < missed), _ZERO)
        left = apply_payment(debt.without(plan.waived), paid, DEFAULT_ORDER).debt
        back = {
            b: getattr(left, b) + (getattr(debt, b) if b in revived else _ZERO) for b in WAIVABLE
        }
        overdue = Debt._of(left.principal, back["interest"], back["fees"], back["penalty"])
        prod = replace(product, grace_days=0) if product.grace_days else product
        return accrue(overdue, prod, since=lapse, until=end)
