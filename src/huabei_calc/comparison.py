"""What a 停息挂账 plan saves: the frozen plan against the same payments while charges run.

Three scenarios, paid on the plan's dates: the frozen plan; the whole debt
accruing under its product with the same payments (then the plan's last amount
monthly until cleared, or ``max_months``); and the untouched debt, nothing paid.
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from ._catalog import Lang
from ._dates import add_months
from .debt import DEFAULT_ORDER, Debt, apply_payment
from .money import context
from .overdue import accrue, check_debt_and_product
from .plans import _count, check_horizon, check_plan
from .products import Product
from .schedule import Schedule

if TYPE_CHECKING:
    from .legal import CostCheck
    from .rules import Lender

__all__ = ["Comparison", "ComparisonRow", "compare"]

_ZERO: Final = Decimal("0.00")
_CTX: Final = context()  # sums of fen amounts stay exact whatever the caller's context
_MAX_MONTHS: Final = 1200


@dataclass(frozen=True, slots=True)
class ComparisonRow:
    """Balances after the payment on ``date`` in the three scenarios."""

    date: date
    frozen_balance: Decimal
    accruing_balance: Decimal
    untouched_balance: Decimal


@dataclass(frozen=True, slots=True)
class Comparison:
    """What a 停息挂账 plan costs against the same payments while charges keep running.

    ``accruing_unpaid`` is what the accruing debt still owes after ``max_months``
    (0.00 when it clears); then ``accruing_cleared_on`` is None and
    ``accruing_total`` = paid + still owed.
    """

    frozen_total: Decimal
    accruing_total: Decimal
    accruing_cleared_on: date | None
    untouched_balance: Decimal
    saving: Decimal
    rows: tuple[ComparisonRow, ...]
    accruing_paid: Decimal
    accruing_unpaid: Decimal
    max_months: int

    def cost_check(self, *, on: date, lender: Lender = "financial") -> CostCheck:
        """The accruing scenario's annual cost (``true_cost.comparison_cost``) against the lines.

        >>> from huabei_calc import JIEBEI, freeze
        >>> debt = Debt(principal="10000")
        >>> compare(debt, JIEBEI, freeze(debt, 12, start=date(2025, 1, 31))).cost_check(
        ...     on=date(2025, 1, 31)).exceeds
        True
        """
        from .legal import check_cost
        from .true_cost import comparison_cost

        return check_cost(comparison_cost(self), on=on, lender=lender)

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


def compare(debt: Debt, product: Product, plan: Schedule, *, max_months: int = 120) -> Comparison:
    """Compare a frozen plan with paying the same amounts while charges keep accruing.

    The accruing scenario is the whole debt (nothing waived) accruing under
    ``product`` from the plan's start (``grace_days`` ignored); each payment is
    applied in ``DEFAULT_ORDER`` after that day's charge. After the plan's last
    payment it keeps paying that amount monthly until cleared (the last payment
    only what is owed), or until ``max_months`` months after the start. The
    untouched scenario pays nothing.

    >>> from huabei_calc import HUABEI, freeze
    >>> debt = Debt(principal="10000", penalty="500")
    >>> plan = freeze(debt, 24, start=date(2025, 1, 31), down_payment="10%", waive=("penalty",))
    >>> cmp = compare(debt, HUABEI, plan)
    >>> cmp.frozen_total, cmp.untouched_balance
    (Decimal('10000.00'), Decimal('14150.00'))
    >>> cmp.saving > 0, cmp.accruing_cleared_on
    (True, datetime.date(2027, 10, 31))
    """
    with decimal.localcontext(_CTX):
        check_debt_and_product(debt, product)
        plan = check_plan(debt, plan)
        assert plan.start is not None  # checked by check_plan
        start, last = plan.start, plan.rows[-1]
        months = _count(
            max_months, "max_months", last.period, _MAX_MONTHS, "(at least the plan's periods)"
        )
        prod = replace(product, grace_days=0) if product.grace_days else product

        def owed(day: date) -> Decimal:
            return accrue(debt, prod, since=start, until=day).debt.total

        rows: list[ComparisonRow] = []
        current, prev, paid, cleared = debt, start, _ZERO, None
        planned = iter([(r.due or start, r.payment, r.balance) for r in plan.rows])
        k = last.period
        while True:
            step = next(planned, None)
            if step is not None:
                day, due, frozen_left = step
            elif cleared is None and k < months:
                k += 1
                check_horizon(
                    start,
                    k,
                    "max_months",
                    max_months,
                    f"runs past 9999-12-31: the accruing debt is still owed {k - 1} months "
                    f"after {start}; pass a smaller max_months",
                )
                day, due, frozen_left = add_months(start, k), last.payment, _ZERO
            else:
                break
            if cleared is None:
                if day > prev:
                    current = accrue(current, prod, since=prev, until=day).debt
                payment = apply_payment(current, due, DEFAULT_ORDER)
                paid += due - payment.unapplied
                current, prev = payment.debt, day
                if current.total == 0:
                    cleared = day
            rows.append(ComparisonRow(day, frozen_left, current.total, owed(day)))
        frozen_total = plan.total_payment
        unpaid = current.total
        if cleared is None and prev < add_months(start, months):
            # a plan whose payments stop: owe what has accrued up to the horizon
            unpaid = accrue(current, prod, since=prev, until=add_months(start, months)).debt.total
        accruing_total = paid + unpaid
        return Comparison(
            frozen_total=frozen_total,
            accruing_total=accruing_total,
            accruing_cleared_on=cleared,
            untouched_balance=owed(last.due or start),
            saving=accruing_total - frozen_total,
            rows=tuple(rows),
            accruing_paid=paid,
            accruing_unpaid=unpaid,
            max_months=months,
        )
