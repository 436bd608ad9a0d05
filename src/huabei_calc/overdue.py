"""Overdue accrual (逾期费 / 罚息 / 复利): how fast an unpaid debt grows.

One rule covers Huabei and Jiebei (DOMAIN.md, "Overdue charges"): each overdue
day adds ``round_half_up(base × overdue daily rate, fen)`` with
``base = principal + interest + fees``. The day's charge is computed exactly
and rounded half-up to the fen once, then multiplied by the days, so a span
costs O(1) without capitalisation and O(months) with it.
"""

from __future__ import annotations

import decimal
from calendar import monthrange
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Final

from .debt import Debt
from .errors import InputError
from .money import context, to_fen
from .products import Product

__all__ = ["Accrual", "AccrualRow", "accrue", "check_date", "daily_charge"]

_ONE_DAY: Final = timedelta(days=1)
_ZERO: Final = Decimal("0.00")
_CTX: Final = context()  # fen amounts times days, exact in it whatever the caller's context
_HUGE: Final = Decimal(10) ** 30  # compounding past this would outgrow the context's precision


@dataclass(frozen=True, slots=True)
class AccrualRow:
    """Charges over ``first``..``last`` (both charged days) at one base and daily charge."""

    first: date
    last: date
    days: int
    base: Decimal
    daily_charge: Decimal
    charged: Decimal


@dataclass(frozen=True, slots=True)
class Accrual:
    """The result of :func:`accrue`.

    ``debt`` is the debt after accrual (its penalty bucket grown by ``charged``);
    ``rows`` splits the charged days at calendar month ends and is built when read.
    """

    debt: Debt
    charged: Decimal
    days: int
    since: date
    until: date
    product: Product
    _rows: tuple[AccrualRow, ...] | None = None
    _base: Decimal = _ZERO
    _daily: Decimal = _ZERO

    @property
    def rows(self) -> tuple[AccrualRow, ...]:
        """The charged days split at calendar month ends (and where the base changes)."""
        if self._rows is not None:
            return self._rows
        rows = []
        for first, last in _months(self.since + _ONE_DAY, self.until):
            days = (last - first).days + 1
            charged = _CTX.multiply(self._daily, days)
            rows.append(AccrualRow(first, last, days, self._base, self._daily, charged))
        return tuple(rows)


def check_date(value: object, name: str) -> date:
    """Accept a ``datetime.date`` (not a datetime: a day count needs whole days)."""
    if not isinstance(value, date) or isinstance(value, datetime):
        raise InputError(name, value, "must be a datetime.date such as date(2025, 1, 10)")
    return value


def daily_charge(base: Decimal, product: Product) -> Decimal:
    """One overdue day's charge on ``base``: exact, then rounded half-up to the fen.

    >>> from huabei_calc.products import HUABEI
    >>> daily_charge(Decimal("1234.56"), HUABEI)
    Decimal('0.62')
    """
    num, den = product.overdue_rate.ratio("day", product.basis)
    with decimal.localcontext(context()):
        return to_fen(base * num / den)


def accrue(debt: Debt, product: Product, *, since: date, until: date) -> Accrual:
    """Accrue overdue charges on ``debt`` from the day after ``since`` through ``until``.

    ``since`` is the missed due date; ``(until - since).days`` days are charged,
    each ``round_half_up(base × overdue daily rate, fen)``. If the span is within
    ``product.grace_days`` nothing is charged; past them every day counts. With
    ``product.capitalize == "monthly"`` the penalty owed at the start of each
    calendar month (for the first month: at ``since``) joins that month's base.

    Example (DOMAIN.md, Huabei): 5,000 overdue 4 days → 2.50 a day → 10.00.

    >>> from huabei_calc import HUABEI, JIEBEI
    >>> a = accrue(Debt(principal="5000"), HUABEI, since=date(2025, 1, 10), until=date(2025, 1, 14))
    >>> a.charged, a.debt.penalty, a.days
    (Decimal('10.00'), Decimal('10.00'), 4)
    >>> accrue(Debt(principal="10000"), JIEBEI, since=date(2025, 1, 10),
    ...        until=date(2025, 2, 9)).charged
    Decimal('225.00')
    """
    if not isinstance(debt, Debt):
        raise InputError("debt", debt, "must be a Debt")
    if not isinstance(product, Product):
        raise InputError("product", product, "must be a Product such as HUABEI or JIEBEI")
    start, end = check_date(since, "since"), check_date(until, "until")
    if end < start:
        raise InputError("until", end, f"is before since={start}")
    days = (end - start).days
    if days <= product.grace_days or days == 0:
        return Accrual(debt, _ZERO, days, start, end, product, ())
    if product.capitalize == "monthly":
        return _accrue_compounding(debt, product, start, end, days)
    base = debt.base
    daily = daily_charge(base, product)
    charged = _CTX.multiply(daily, days)
    after = Debt._of(debt.principal, debt.interest, debt.fees, _CTX.add(debt.penalty, charged))
    return Accrual(after, charged, days, start, end, product, None, base, daily)


def _accrue_compounding(
    debt: Debt, product: Product, since: date, until: date, days: int
) -> Accrual:
    base0, penalty = debt.base, debt.penalty
    rows = []
    for first, last in _months(since + _ONE_DAY, until):
        base = _CTX.add(base0, penalty)
        if base > _HUGE:
            raise InputError(
                "until", until, f"is too far after since={since}: the debt would pass 10^30 yuan"
            )
        daily = daily_charge(base, product)
        n = (last - first).days + 1
        charged = _CTX.multiply(daily, n)
        rows.append(AccrualRow(first, last, n, base, daily, charged))
        penalty = _CTX.add(penalty, charged)
    charged = _CTX.subtract(penalty, debt.penalty)
    after = Debt._of(debt.principal, debt.interest, debt.fees, penalty)
    return Accrual(after, charged, days, since, until, product, tuple(rows))


def _months(first: date, last: date) -> list[tuple[date, date]]:
    """Split the days ``first``..``last`` (inclusive) at calendar month ends."""
    spans = []
    while first <= last:
        month_end = first.replace(day=monthrange(first.year, first.month)[1])
        if month_end >= last:
            spans.append((first, last))
            break
        spans.append((first, month_end))
        first = month_end + _ONE_DAY
    return spans
