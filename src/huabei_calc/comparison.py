"""What a 停息挂账 plan saves: the frozen plan against the same payments while charges run.

Three scenarios, paid on the plan's dates: the frozen plan; the whole debt
accruing under its product with the same payments (then the plan's last amount
monthly until cleared, or ``max_months``); and the untouched debt, nothing paid.

The accruing scenario is simulated on bare ``Decimal`` buckets, event by event
(a payment date is an event): the charges of a span are those of
:func:`~huabei_calc.overdue.accrue` over it and the payment is
:func:`~huabei_calc.debt.apply_payment`'s in ``DEFAULT_ORDER`` (a test checks the
result against a day-by-day reference). The monthly rows are built when first
read (see docs/performance.md, "Portfolios").
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from ._catalog import Lang
from ._check import check_horizon, whole_number
from ._dates import add_months, days_in_month
from .debt import Debt
from .errors import InputError
from .money import context
from .overdue import check_debt_and_product, daily_charge
from .plans import check_plan
from .products import Product
from .schedule import Schedule

if TYPE_CHECKING:
    from .legal import CostCheck
    from .rules import Lender

__all__ = ["Comparison", "ComparisonRow", "compare"]

DEFAULT_MAX_MONTHS: Final = 120
"""Without ``max_months``, the comparison runs ``max(120, the plan's periods)`` months."""
MAX_MONTHS: Final = 1200
"""The longest comparison: 100 years of months."""

_ZERO: Final = Decimal("0.00")
_ONE_DAY: Final = timedelta(days=1)
_CTX: Final = context()  # sums of fen amounts stay exact whatever the caller's context
_HUGE: Final = Decimal(10) ** 30  # as in overdue.accrue: compounding past it outgrows the context

_Step = tuple[date, Decimal, Decimal]  # (date, frozen balance, accruing balance) after a payment


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    """Balances after the payment on ``date`` in the three scenarios."""

    date: date
    frozen_balance: Decimal
    accruing_balance: Decimal
    untouched_balance: Decimal


@dataclass(frozen=True, slots=True, eq=False)
class Comparison:
    """What a 停息挂账 plan costs against the same payments while charges keep running.

    ``accruing_unpaid`` is what the accruing debt still owes after ``max_months``
    (0.00 when it clears); then ``accruing_cleared_on`` is None and
    ``accruing_total`` = paid + still owed. ``rows`` (one per payment date) is
    built on first access and kept; two comparisons are equal when their totals
    and their rows are.
    """

    frozen_total: Decimal
    accruing_total: Decimal
    accruing_cleared_on: date | None
    untouched_balance: Decimal
    saving: Decimal
    accruing_paid: Decimal
    accruing_unpaid: Decimal
    max_months: int
    # private: what the rows are built from, and the rows once built. One init field
    # (keyword-only, set by compare) so that dataclasses.replace and copies carry it.
    _lazy: _LazyRows | None = field(default=None, repr=False, compare=False, kw_only=True)

    @property
    def rows(self) -> tuple[ComparisonRow, ...]:
        """Monthly balances after each payment date: (date, frozen, accruing, untouched)."""
        lazy = self._lazy
        return () if lazy is None else lazy.rows()

    def _key(self) -> tuple[object, ...]:
        return (
            self.frozen_total,
            self.accruing_total,
            self.accruing_cleared_on,
            self.untouched_balance,
            self.saving,
            self.accruing_paid,
            self.accruing_unpaid,
            self.max_months,
        )

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Comparison):
            return NotImplemented
        return self._key() == other._key() and self.rows == other.rows

    def __hash__(self) -> int:
        return hash(self._key())

    def cost_check(self, *, on: date, lender: Lender = "financial") -> CostCheck:
        """The accruing scenario's annual cost (``true_cost.comparison_cost``) against the lines.

        >>> from huabei_calc import JIEBEI, freeze
        >>> debt = Debt(principal="10000")
        >>> compare(debt, JIEBEI, freeze(debt, 12, start=date(2025, 1, 31))).cost_check(
        ...     on=date(2025, 1, 31)).exceeds
        True
        """
        from .legal import check_annual_cost
        from .true_cost import comparison_cost

        return check_annual_cost(comparison_cost(self), on=on, lender=lender)

    # -- presentation: read-only, in _render ----------------------------------------------
    def to_dicts(self) -> list[dict[str, Any]]:
        """One dict per row: ``date`` and the three balances as Decimal.

        >>> from huabei_calc import HUABEI, freeze
        >>> debt = Debt(principal="300")
        >>> cmp = compare(debt, HUABEI, freeze(debt, 3, start=date(2025, 1, 31)))
        >>> cmp.to_dicts()[0]
        {'date': datetime.date(2025, 2, 28), 'frozen_balance': Decimal('200.00'), \
'accruing_balance': Decimal('204.20'), 'untouched_balance': Decimal('304.20')}
        """
        from ._render import comparison_dicts

        return comparison_dicts(self)

    def to_json(self) -> str:
        """JSON text: the totals, ``accruing_cleared_on`` (ISO date or null) and ``rows``;
        amounts as strings.

        >>> import json
        >>> from huabei_calc import HUABEI, freeze
        >>> debt = Debt(principal="300")
        >>> cmp = compare(debt, HUABEI, freeze(debt, 3, start=date(2025, 1, 31)))
        >>> doc = json.loads(cmp.to_json())
        >>> doc["saving"], doc["accruing_cleared_on"], doc["rows"].pop(0).get("frozen_balance")
        ('8.80', '2025-05-31', '200.00')
        """
        from ._render import comparison_json

        return comparison_json(self)

    def to_markdown(self, lang: Lang = "en") -> str:
        """A Markdown table of the rows; ``lang="zh"`` for Chinese column names.

        >>> from huabei_calc import HUABEI, freeze
        >>> debt = Debt(principal="300")
        >>> cmp = compare(debt, HUABEI, freeze(debt, 3, start=date(2025, 1, 31)))
        >>> print(cmp.to_markdown("zh"))
        | 日期 | 挂账余额 | 继续计息余额 | 不还款余额 |
        | :--- | ---: | ---: | ---: |
        | 2025-02-28 | 200.00 | 204.20 | 304.20 |
        | 2025-03-31 | 100.00 | 107.30 | 308.85 |
        | 2025-04-30 | 0.00 | 8.80 | 313.35 |
        | 2025-05-31 | 0.00 | 0.00 | 318.00 |
        """
        from ._render import comparison_markdown

        return comparison_markdown(self, lang)


class _LazyRows:
    """The rows of a comparison, built from its steps and untouched debt on first call."""

    __slots__ = ("built", "steps", "untouched")

    def __init__(self, steps: tuple[_Step, ...], untouched: _Untouched) -> None:
        self.steps, self.untouched = steps, untouched
        self.built: tuple[ComparisonRow, ...] | None = None

    def rows(self) -> tuple[ComparisonRow, ...]:
        if self.built is None:
            owed = self.untouched.owed_on([day for day, _, _ in self.steps])
            self.built = tuple(
                ComparisonRow(day, frozen, accruing, untouched)
                for (day, frozen, accruing), untouched in zip(self.steps, owed, strict=True)
            )
        return self.built


class _Untouched:
    """The untouched scenario: ``debt`` accruing from ``start``, nothing paid.

    ``owed_on(days)`` equals ``accrue(debt, product, since=start, until=day).debt.total``
    for each day (ascending, none before ``start``), in one pass: a capitalising
    product's base is fixed at the start of each calendar month (and at ``start``),
    so the balance on a day is the month's opening balance plus that month's days.
    """

    __slots__ = ("debt", "product", "start")

    def __init__(self, debt: Debt, product: Product, start: date) -> None:
        self.debt, self.product, self.start = debt, product, start

    def owed_on(self, days: list[date]) -> list[Decimal]:
        debt, product, start = self.debt, self.product, self.start
        with decimal.localcontext(_CTX):
            total = debt.total
            if product.capitalize != "monthly":
                daily = daily_charge(debt.base, product)
                return [total + daily * (day - start).days for day in days]
            out = []
            opened, owed = start, total  # the current segment began the day after `opened`
            for day in days:
                while True:  # close the months that end before `day`
                    first = opened + _ONE_DAY
                    month_end = first.replace(day=days_in_month(first.year, first.month))
                    if month_end >= day:
                        break
                    owed += daily_charge(owed, product) * ((month_end - opened).days)
                    opened = month_end
                if day > opened:
                    out.append(owed + daily_charge(owed, product) * (day - opened).days)
                else:
                    out.append(owed)
            return out


def compare(
    debt: Debt, product: Product, plan: Schedule, *, max_months: int | None = None
) -> Comparison:
    """Compare a frozen plan with paying the same amounts while charges keep accruing.

    The accruing scenario is the whole debt (nothing waived) accruing under
    ``product`` from the plan's start (``grace_days`` ignored); each payment is
    applied in ``DEFAULT_ORDER`` after that day's charge. After the plan's last
    payment it keeps paying that amount monthly until cleared (the last payment
    only what is owed), or until ``max_months`` months after the start. The
    default ``max_months=None`` means ``max(120, the plan's periods)``; a given
    value must be at least the plan's periods and at most 1200. The untouched
    scenario pays nothing.

    >>> from huabei_calc import HUABEI, freeze
    >>> debt = Debt(principal="10000", penalty="500")
    >>> plan = freeze(debt, 24, start=date(2025, 1, 31), down_payment="10%", waive=("penalty",))
    >>> cmp = compare(debt, HUABEI, plan)
    >>> cmp.frozen_total, cmp.untouched_balance
    (Decimal('10000.00'), Decimal('14150.00'))
    >>> cmp.saving > 0, cmp.accruing_cleared_on
    (True, datetime.date(2027, 10, 31))
    """
    check_debt_and_product(debt, product)
    with decimal.localcontext(_CTX):
        plan = check_plan(debt, plan)
        start = plan.start
        assert start is not None  # checked by check_plan
        last = plan.rows[-1]
        months = _months(max_months, last.period)
        steps, paid, base, owed, cleared, prev = _accruing(debt, product, plan, start, months)
        if cleared is None and prev < add_months(start, months):  # never for freeze()'s plans
            owed = _after(base, owed, product, prev, add_months(start, months), months)
        untouched = _Untouched(debt, product, start)
        if product.capitalize == "monthly":
            # the lazy rows must not fail later: refuse now a horizon whose untouched debt
            # would outgrow the exact context (it only grows, so its last date decides)
            _grow(debt.total, product, start, steps[-1][0], months)
        frozen_total = plan.total_payment
        accruing_total = paid + owed
        out = Comparison(
            frozen_total=frozen_total,
            accruing_total=accruing_total,
            accruing_cleared_on=cleared,
            untouched_balance=untouched.owed_on([last.due or start])[0],
            saving=accruing_total - frozen_total,
            accruing_paid=paid,
            accruing_unpaid=owed,
            max_months=months,
            _lazy=_LazyRows(tuple(steps), untouched),
        )
        return out


def _months(max_months: object, periods: int) -> int:
    """``max_months`` checked against the plan, or the default that covers it."""
    if max_months is None:
        return max(DEFAULT_MAX_MONTHS, periods)
    months = whole_number(max_months, "max_months", 1, MAX_MONTHS)
    if months < periods:
        raise InputError("max_months", max_months, "err.max_months_short", periods=periods)
    return months


def _accruing(
    debt: Debt, product: Product, plan: Schedule, start: date, months: int
) -> tuple[list[_Step], Decimal, Decimal, Decimal, date | None, date]:
    """The accruing scenario: (steps, paid, base, still owed, cleared on, last payment date).

    Runs in the caller's ``localcontext(_CTX)``. Buckets are bare Decimals; a span's
    charge is ``daily_charge(base) × days`` (a capitalising product: per calendar
    month, on everything owed at the month's start), as :func:`accrue` charges it;
    a payment goes to fees, penalty, interest, then principal (``DEFAULT_ORDER``).
    After the plan's rows, the last payment repeats monthly up to ``months``.
    """
    principal, interest, fees, penalty = debt.principal, debt.interest, debt.fees, debt.penalty
    compounding = product.capitalize == "monthly"
    base = principal + interest + fees
    daily = daily_charge(base, product)
    steps: list[_Step] = []
    put = steps.append
    paid, prev, cleared = _ZERO, start, None
    rows = plan.rows
    last = rows[-1]
    k, n, period = 0, len(rows), last.period
    while True:
        if k < n:
            row = rows[k]
            k += 1
            day, due, frozen_left = row.due or start, row.payment, row.balance
        elif cleared is None and period < months:
            period += 1
            check_horizon(start, period, "max_months", months)
            day, due, frozen_left = add_months(start, period), last.payment, _ZERO
            if day < prev:  # a hand-built plan dated past its periods' months
                raise InputError(
                    "max_months",
                    months,
                    "err.plan_past_end",
                    first=day,
                    last=prev,
                    periods=last.period,
                )
        else:
            break
        if cleared is not None:
            put((day, frozen_left, _ZERO))
            continue
        if day > prev:
            if compounding:
                penalty = _grow(base + penalty, product, prev, day, months) - base
            elif daily:
                penalty += daily * (day - prev).days
            prev = day
        left, changed = due, False
        if fees and left:
            take = fees if fees < left else left
            fees, left, changed = fees - take, left - take, True
        if penalty and left:
            take = penalty if penalty < left else left
            penalty, left = penalty - take, left - take
        if interest and left:
            take = interest if interest < left else left
            interest, left, changed = interest - take, left - take, True
        if principal and left:
            take = principal if principal < left else left
            principal, left, changed = principal - take, left - take, True
        if changed:
            base = principal + interest + fees
            daily = daily_charge(base, product)
        paid += due - left
        owed = base + penalty
        if not owed:
            cleared = day
        put((day, frozen_left, owed))
    return steps, paid, base, base + penalty, cleared, prev


def _after(
    base: Decimal, owed: Decimal, product: Product, since: date, until: date, months: int
) -> Decimal:
    """What is owed on ``until`` when ``owed`` (charges borne by ``base``) accrues from
    ``since``, as :func:`accrue` charges it."""
    if product.capitalize == "monthly":
        return _grow(owed, product, since, until, months)
    return owed + daily_charge(base, product) * (until - since).days


def _grow(owed: Decimal, product: Product, since: date, until: date, months: int) -> Decimal:
    """What ``owed`` becomes from ``since`` to ``until`` under a product that capitalises
    monthly: month by month, each calendar month's charge on everything owed at its
    start (the first month's at ``since``), as :func:`accrue` compounds. Past 10^30 yuan
    the exact context would round: refused, naming ``max_months``."""
    first = since + _ONE_DAY
    while first <= until:
        if owed > _HUGE:
            raise InputError("max_months", months, "err.compare_too_large", months=months)
        month_end = first.replace(day=days_in_month(first.year, first.month))
        last = until if month_end >= until else month_end
        owed += daily_charge(owed, product) * ((last - first).days + 1)
        first = last + _ONE_DAY
    return owed
