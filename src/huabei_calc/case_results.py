"""What a case gives: the breakdown, the options table and the proposal (result records).

Built by :class:`~huabei_calc.cases.Case`; they only hold library results.
"""

from __future__ import annotations

import decimal
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

from .debt import Debt
from .money import context
from .products import Product
from .schedule import Schedule

__all__ = ["Breakdown", "BreakdownRow", "OptionRow", "OptionTotal", "Options", "Proposal"]

_ZERO: Final = Decimal("0.00")
_CTX: Final = context()


@dataclass(frozen=True, slots=True)
class BreakdownRow:
    """One account on the case date: the statement, the charges added since, the four buckets.

    ``debt.total == statement.total + added``; ``since`` and ``days`` describe the
    accrual (``None`` and 0 when the debt was taken unchanged).
    """

    label: str
    product: Product
    statement: Debt
    as_of: date | None
    since: date | None
    days: int
    added: Decimal
    debt: Debt


@dataclass(frozen=True, slots=True)
class Breakdown:
    """:meth:`Case.breakdown`: one row per account, and the bucket sums in ``total``."""

    on: date
    rows: tuple[BreakdownRow, ...]
    total: Debt
    added: Decimal


@dataclass(frozen=True, slots=True)
class OptionRow:
    """One account under a plan of ``periods``: what the plan and its comparison give."""

    account: str
    periods: int
    down_payment: Decimal
    monthly_payment: Decimal
    frozen_total: Decimal
    accruing_total: Decimal
    accruing_cleared_on: date | None
    untouched_balance: Decimal
    saving: Decimal


@dataclass(frozen=True, slots=True)
class OptionTotal:
    """All accounts under plans of ``periods``; ``fits_budget``: monthly_payment ≤ budget."""

    periods: int
    down_payment: Decimal
    monthly_payment: Decimal
    frozen_total: Decimal
    accruing_total: Decimal
    saving: Decimal
    fits_budget: bool


@dataclass(frozen=True, slots=True)
class Options:
    """:meth:`Case.options`: ``rows`` per account and period count, ``totals`` per period count."""

    budget: Decimal
    waive: tuple[str, ...]
    rows: tuple[OptionRow, ...]
    totals: tuple[OptionTotal, ...]


@dataclass(frozen=True, slots=True)
class Proposal:
    """:meth:`Case.propose`: one plan per account, all starting on the case date.

    ``monthly_total`` is the largest monthly total of all plans (period ≥ 1), never
    above ``budget``; ``shares`` is the budget split the plans were sized to.
    """

    plans: Mapping[str, Schedule]
    shares: Mapping[str, Decimal]
    budget: Decimal
    monthly_total: Decimal
    waive: tuple[str, ...]

    def __hash__(self) -> int:
        return hash((tuple(self.plans.items()), self.budget, self.waive))

    @property
    def periods(self) -> int:
        """The number of months until the last plan ends."""
        return max(plan.rows[-1].period for plan in self.plans.values())

    def monthly(self) -> tuple[tuple[int, date, Decimal], ...]:
        """(period, due date, total of all plans) for every period; period 0 the down payments."""
        return monthly_totals(self.plans.values())


def monthly_totals(plans: Iterable[Schedule]) -> tuple[tuple[int, date, Decimal], ...]:
    """(period, due date, Σ payments) over plans that all start on the same day."""
    totals: dict[int, tuple[date, Decimal]] = {}
    with decimal.localcontext(_CTX):
        for plan in plans:
            for row in plan.rows:
                assert row.due is not None  # plans made by freeze carry dates
                day, paid = totals.get(row.period, (row.due, _ZERO))
                totals[row.period] = (day, paid + row.payment)
    return tuple((k, day, paid) for k, (day, paid) in sorted(totals.items()))
