"""The arithmetic under the schedule builders: due dates, interest factors, the level payment.

Kept apart from :mod:`huabei_calc.loans` (which posts the rows) so that each
piece can be checked on its own: due dates against dateutil, the level payment
against the closed formula in exact integers.
"""

from __future__ import annotations

import decimal
from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from ._dates import month_steps
from .errors import InputError
from .money import context, to_fen
from .rates import Rate, exact_quotient

__all__ = ["due_dates", "exact_level_payment", "factors", "level_payment"]

_CTX: Final = context()
_HALF: Final = Decimal("0.5")
_ONE: Final = Decimal(1)
_MARGIN: Final = Decimal("1e-50")


def due_dates(start: date | None, n: int) -> Sequence[date | None]:
    """Due dates of periods 1..n: ``start + relativedelta(months=k)``, each from ``start``.

    The day is clipped to the month's end (31 Jan → 29 Feb → 31 Mar), never
    chained. ``None`` without a start date.

    >>> due_dates(date(2024, 1, 31), 3)
    [datetime.date(2024, 2, 29), datetime.date(2024, 3, 31), datetime.date(2024, 4, 30)]
    """
    if start is None:
        return [None] * n
    if start.year + (start.month - 1 + n) // 12 > 9999:
        raise InputError("start", start, f"is too late: period {n} would fall after 9999-12-31")
    return month_steps(start, n)


def factors(
    rate: Rate, basis: int, start: date | None, dues: Sequence[date | None], actual: bool
) -> tuple[list[Decimal], Decimal | None]:
    """Per-row interest factors and their common denominator (``None``: nothing to divide by).

    A row's interest is ``balance × factor / denominator``, exactly, before the
    one rounding: the monthly rate (``interest="monthly"``) or the daily rate ×
    the days since the previous due date (``"actual"``; the first row counts from
    ``start``). When the rate per period is itself a short exact decimal
    (:func:`~huabei_calc.rates.exact_quotient`: 1.5% a month, 0.05% a day) the
    factors are already divided and the denominator is ``None``: a row then costs
    one multiplication, with the same exact product before the rounding.

    >>> factors(Rate.annual("15.64%"), 360, None, [None, None], False)
    ([Decimal('0.1564'), Decimal('0.1564')], Decimal('12'))
    >>> factors(Rate.annual("18%"), 360, None, [None, None], False)
    ([Decimal('0.015'), Decimal('0.015')], None)
    >>> factors(Rate.daily("0.04%"), 360, date(2024, 1, 15), due_dates(date(2024, 1, 15), 2), True)
    ([Decimal('0.0124'), Decimal('0.0116')], None)
    """
    num, den = rate.ratio("day" if actual else "month", basis)
    exact = exact_quotient(num, den)
    each, divisor = (num, Decimal(den)) if exact is None else (exact, None)
    if not actual:
        return [each] * len(dues), divisor
    assert start is not None
    out: list[Decimal] = []
    put = out.append
    cache: dict[int, Decimal] = {}
    prev = start.toordinal()
    for due in dues:
        assert due is not None
        now = due.toordinal()
        days, prev = now - prev, now
        factor = cache.get(days)
        if factor is None:
            factor = cache[days] = _CTX.multiply(each, days)
        put(factor)
    return out, divisor


def level_payment(principal: Decimal, n: int, num: Decimal, den: int) -> Decimal:
    """P·i(1+i)^n / ((1+i)^n − 1), ``i = num / den`` the monthly rate, rounded half-up once.

    Computed in 60-digit Decimal; when that value lies so close to half a fen that
    its last digits could decide the rounding, it is recomputed exactly in integers
    (:func:`exact_level_payment`), so a payment exactly on half a fen rounds up as
    it should. Zero rate: P/n, rounded half-up.

    >>> level_payment(Decimal("1000000.00"), 360, Decimal("0.049"), 12)
    Decimal('5307.27')
    >>> level_payment(Decimal("574050.00"), 1, Decimal("0.1564"), 12)
    Decimal('581531.79')
    """
    with decimal.localcontext(_CTX):
        if not num:
            return to_fen(principal / n)
        i = num / den
        grow = (1 + i) ** n
        if grow == 1:  # i below the context's precision (1e-59 and less): integers can tell
            return exact_level_payment(principal, n, num, den)
        fen = (principal * i * grow / (grow - 1)).scaleb(2)
        # each of the ~2·log2(n) + 4 operations errs by under 1e-59 relatively; grow - 1
        # magnifies that by at most 1 + 1/(n·i). A margin of 1e-50 leaves room to spare.
        margin = fen * _MARGIN * (1 + 1 / (n * i))
        if abs(fen % 1 - _HALF) > margin:
            return fen.quantize(_ONE, ROUND_HALF_UP).scaleb(-2)
    return exact_level_payment(principal, n, num, den)


def exact_level_payment(principal: Decimal, n: int, num: Decimal, den: int) -> Decimal:
    """:func:`level_payment` in integers: with ``i = a/q`` the payment in fen is
    ``P·a·(q+a)^n / (q·((q+a)^n − q^n))``, rounded half-up. ``num`` must be > 0.

    >>> exact_level_payment(Decimal("574050.00"), 1, Decimal("0.1564"), 12)
    Decimal('581531.79')
    """
    a, b = num.as_integer_ratio()
    q = b * den
    grow, base = (q + a) ** n, q**n
    top = int(principal.scaleb(2, _CTX)) * a * grow  # the principal in fen
    bottom = q * (grow - base)
    return Decimal((2 * top + bottom) // (2 * bottom)).scaleb(-2, _CTX)
