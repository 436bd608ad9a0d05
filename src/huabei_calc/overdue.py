"""Overdue accrual (逾期费 / 罚息 / 复利): how fast an unpaid debt grows.

One rule covers Huabei and Jiebei (docs/rules.md#overdue-charges): each overdue
day adds ``round_half_up(base × overdue daily rate, fen)`` with
``base = principal + interest + fees``. The day's charge is computed exactly
and rounded half-up to the fen once, then multiplied by the days, so a span
costs O(1) without capitalisation and O(months) with it.
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, Final

from ._catalog import Lang
from ._check import check_date
from ._dates import days_in_month
from ._unchecked import maker
from .debt import Debt, make_debt
from .errors import InputError, show
from .money import FEN, context
from .products import Product

if TYPE_CHECKING:
    from .legal import CostCheck
    from .rules import Lender

__all__ = ["Accrual", "AccrualRow", "accrue"]

_ONE_DAY: Final = timedelta(days=1)
_ZERO: Final = Decimal("0.00")
_CTX: Final = context()  # fen amounts times days, exact in it whatever the caller's context
_HUGE: Final = Decimal(10) ** 30  # compounding past this would outgrow the context's precision
# base × exact daily rate must not round: then base × num (num = rate × den, den ≤ 365) has at
# most 60 significant digits, and base × num / den in _CTX is this same exact product
_EXACT: Final = context()
_EXACT.prec = 57
_EXACT.traps[decimal.Inexact] = True


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
    ``rows`` splits the charged days at calendar month ends, built once when first
    read. An ``Accrual`` built by hand must be what :func:`accrue` gives for the debt
    before it (``debt`` less ``charged`` of penalty) over ``since``..``until``:
    otherwise it is an ``InputError``, so its rows never contradict ``charged``.
    """

    debt: Debt
    charged: Decimal
    days: int
    since: date
    until: date
    product: Product
    # private: the rows once built (None: not yet), and the base and daily charge they
    # come from without capitalisation; not part of the constructor, repr or equality
    _rows: tuple[AccrualRow, ...] | None = field(init=False, repr=False, compare=False)
    _base: Decimal = field(init=False, repr=False, compare=False)
    _daily: Decimal = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        check_debt_and_product(self.debt, self.product)
        charged = self.charged
        if not isinstance(charged, Decimal) or not charged.is_finite() or charged < 0:
            raise InputError("charged", charged, "err.accrual_charged")
        if charged.as_tuple().exponent != -2 or charged > self.debt.penalty:
            raise InputError("charged", charged, "err.accrual_charged")
        debt = self.debt
        before = make_debt(debt.principal, debt.interest, debt.fees, debt.penalty - charged)
        made = accrue(before, self.product, since=self.since, until=self.until)
        if made != self:
            name, value = ("charged", charged) if made.days == self.days else ("days", self.days)
            raise InputError(
                name, value, "err.accrual_mismatch", charged=made.charged, days=made.days
            )
        for name in ("_rows", "_base", "_daily"):
            object.__setattr__(self, name, getattr(made, name))

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
        built = tuple(rows)
        object.__setattr__(self, "_rows", built)  # a cache: built once
        return built

    def cost_check(self, *, on: date, lender: Lender = "financial") -> CostCheck:
        """The annual cost of the charges (``true_cost.accrual_cost``) against the legal lines.

        >>> from huabei_calc import JIEBEI
        >>> a = accrue(Debt(principal="10000"), JIEBEI, since=date(2025, 1, 10),
        ...            until=date(2025, 2, 9))
        >>> a.cost_check(on=date(2026, 11, 29)).exceeds
        True
        """
        from .legal import check_annual_cost
        from .true_cost import accrual_cost

        return check_annual_cost(accrual_cost(self), on=on, lender=lender)

    # -- presentation: read-only, in _render ----------------------------------------------
    def to_dicts(self) -> list[dict[str, Any]]:
        """One dict per row: ``first``, ``last`` (dates), ``days``, amounts as Decimal.

        >>> from huabei_calc import HUABEI
        >>> a = accrue(Debt(principal="5000"), HUABEI, since=date(2025, 1, 10),
        ...            until=date(2025, 1, 14))
        >>> a.to_dicts()
        [{'first': datetime.date(2025, 1, 11), 'last': datetime.date(2025, 1, 14), 'days': 4, \
'base': Decimal('5000.00'), 'daily_charge': Decimal('2.50'), 'charged': Decimal('10.00')}]
        """
        from ._render import accrual_dicts

        return accrual_dicts(self)

    def to_json(self) -> str:
        """JSON text: product, ``since``, ``until``, ``days``, ``charged``, the debt after
        accrual and ``rows``; amounts as strings, dates ISO.

        >>> import json
        >>> from huabei_calc import HUABEI
        >>> a = accrue(Debt(principal="5000"), HUABEI, since=date(2025, 1, 10),
        ...            until=date(2025, 1, 14))
        >>> doc = json.loads(a.to_json())
        >>> doc["charged"], doc["debt"].get("total"), doc["rows"].pop(0).get("daily_charge")
        ('10.00', '5010.00', '2.50')
        """
        from ._render import accrual_json

        return accrual_json(self)

    def to_markdown(self, lang: Lang = "en") -> str:
        """A Markdown table of the rows; ``lang="zh"`` for Chinese column names.

        >>> from huabei_calc import HUABEI
        >>> a = accrue(Debt(principal="5000"), HUABEI, since=date(2025, 1, 10),
        ...            until=date(2025, 2, 3))
        >>> print(a.to_markdown())
        | From | To | Days | Base | Per day | Charged |
        | :--- | :--- | ---: | ---: | ---: | ---: |
        | 2025-01-11 | 2025-01-31 | 21 | 5,000.00 | 2.50 | 52.50 |
        | 2025-02-01 | 2025-02-03 | 3 | 5,000.00 | 2.50 | 7.50 |
        """
        from ._render import accrual_markdown

        return accrual_markdown(self, lang)


make_accrual: Final = maker(Accrual)
"""``make_accrual(debt, charged, days, since, until, product, rows, base, daily)``: an
``Accrual`` from what :func:`accrue` computed, unchecked (:mod:`huabei_calc._unchecked`);
``rows`` None: built from ``base`` and ``daily`` when first read."""


def check_debt_and_product(debt: object, product: object) -> None:
    """Refuse anything but a :class:`Debt` and a :class:`Product`, naming the parameter."""
    if not isinstance(debt, Debt):
        raise InputError("debt", debt, "err.debt")
    if not isinstance(product, Product):
        raise InputError("product", product, "err.product")


def daily_charge(base: Decimal, product: Product) -> Decimal:
    """One overdue day's charge on ``base``: exact, then rounded half-up to the fen.

    >>> from huabei_calc.products import HUABEI
    >>> daily_charge(Decimal("1234.56"), HUABEI)
    Decimal('0.62')
    """
    num, den, exact = product.overdue_daily
    if exact is not None:  # the rate is a short exact decimal: one multiplication ...
        try:
            return _EXACT.multiply(base, exact).quantize(FEN, ROUND_HALF_UP, _CTX)
        except decimal.Inexact:  # ... unless the product would need rounding (never for a Debt)
            pass
    return _CTX.divide(_CTX.multiply(base, num), den).quantize(FEN, ROUND_HALF_UP, _CTX)


def accrue(debt: Debt, product: Product, *, since: date, until: date) -> Accrual:
    """Accrue overdue charges on ``debt`` from the day after ``since`` through ``until``.

    ``since`` is the missed due date; ``(until - since).days`` days are charged,
    each ``round_half_up(base × overdue daily rate, fen)``. If the span is within
    ``product.grace_days`` nothing is charged; past them every day counts. With
    ``product.capitalize == "monthly"`` the penalty owed at the start of each
    calendar month (for the first month: at ``since``) joins that month's base.

    Example (docs/rules.md#huabei): 5,000 overdue 4 days → 2.50 a day → 10.00.

    >>> from huabei_calc import HUABEI, JIEBEI
    >>> a = accrue(Debt(principal="5000"), HUABEI, since=date(2025, 1, 10), until=date(2025, 1, 14))
    >>> a.charged, a.debt.penalty, a.days
    (Decimal('10.00'), Decimal('10.00'), 4)
    >>> accrue(Debt(principal="10000"), JIEBEI, since=date(2025, 1, 10),
    ...        until=date(2025, 2, 9)).charged
    Decimal('225.00')
    """
    check_debt_and_product(debt, product)
    # an exact date passes at the cost of a type test; anything else goes through check_date
    start = since if type(since) is date else check_date(since, "since")
    end = until if type(until) is date else check_date(until, "until")
    if end < start:
        raise InputError("until", end, "err.before_since", since=show(start))
    days = (end - start).days
    if days <= product.grace_days or days == 0:
        return make_accrual(debt, _ZERO, days, start, end, product, (), _ZERO, _ZERO)
    if product.capitalize == "monthly":
        return _accrue_compounding(debt, product, start, end, days)
    base = debt.base
    daily = daily_charge(base, product)
    charged = _CTX.multiply(daily, days)
    after = make_debt(debt.principal, debt.interest, debt.fees, _CTX.add(debt.penalty, charged))
    return make_accrual(after, charged, days, start, end, product, None, base, daily)


def _accrue_compounding(
    debt: Debt, product: Product, since: date, until: date, days: int
) -> Accrual:
    base0, penalty = debt.base, debt.penalty
    rows = []
    for first, last in _months(since + _ONE_DAY, until):
        base = _CTX.add(base0, penalty)
        if base > _HUGE:
            raise InputError("until", until, "err.too_far", since=show(since))
        daily = daily_charge(base, product)
        n = (last - first).days + 1
        charged = _CTX.multiply(daily, n)
        rows.append(AccrualRow(first, last, n, base, daily, charged))
        penalty = _CTX.add(penalty, charged)
    charged = _CTX.subtract(penalty, debt.penalty)
    after = make_debt(debt.principal, debt.interest, debt.fees, penalty)
    return make_accrual(after, charged, days, since, until, product, tuple(rows), _ZERO, _ZERO)


def _months(first: date, last: date) -> list[tuple[date, date]]:
    """Split the days ``first``..``last`` (inclusive) at calendar month ends."""
    spans = []
    while first <= last:
        month_end = first.replace(day=days_in_month(first.year, first.month))
        if month_end >= last:
            spans.append((first, last))
            break
        spans.append((first, month_end))
        first = month_end + _ONE_DAY
    return spans
