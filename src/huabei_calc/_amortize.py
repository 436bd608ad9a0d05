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
from math import expm1, log1p
from typing import Final

from ._check import check_horizon
from ._dates import month_steps
from .money import context, to_fen
from .rates import Rate, exact_quotient

_CTX: Final = context()
_HALF: Final = Decimal("0.5")
_ONE: Final = Decimal(1)
_MARGIN: Final = Decimal("1e-50")
# the float tier (_float_level): a bound on its relative error, with room to spare; an
# absolute slack in fen; the rates per period it takes (no underflow, no overflow)
_FLOAT_REL: Final = 2.0**-45
_FLOAT_ABS: Final = 2.0**-30
_FLOAT_MIN_RATE: Final = 1e-200
_HALF_FEN: Final = 0.5


def due_dates(start: date | None, n: int) -> Sequence[date | None]:
    """Due dates of periods 1..n: ``start + relativedelta(months=k)``, each from ``start``.

    The day is clipped to the month's end (31 Jan → 29 Feb → 31 Mar), never
    chained. ``None`` without a start date.

    >>> due_dates(date(2024, 1, 31), 3)
    [datetime.date(2024, 2, 29), datetime.date(2024, 3, 31), datetime.date(2024, 4, 30)]
    """
    if start is None:
        return [None] * n
    check_horizon(start, n, "start", start)
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
    # the builders have checked basis (_loan): the ratio need not check it again
    return factors_of(*rate._ratio("day" if actual else "month", basis), start, dues, actual)


def factors_of(
    num: Decimal, den: int, start: date | None, dues: Sequence[date | None], actual: bool
) -> tuple[list[Decimal], Decimal | None]:
    """:func:`factors` from the rate's ratio per day (``actual``) or per month, ``num / den``.

    For a caller that has the ratio already (the level payment needs the monthly one).
    """
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

    Three tiers, each exact where it answers: floats (:func:`_float_level`) when
    their proved error bound keeps the value clear of half a fen; else 60-digit
    Decimal, with the same test at a 1e-50 margin; else integers
    (:func:`exact_level_payment`), so a payment exactly on half a fen rounds up as
    it should. Zero rate: P/n, rounded half-up.

    >>> level_payment(Decimal("1000000.00"), 360, Decimal("0.049"), 12)
    Decimal('5307.27')
    >>> level_payment(Decimal("574050.00"), 1, Decimal("0.1564"), 12)
    Decimal('581531.79')
    """
    if not num:
        return to_fen(_CTX.divide(principal, n))
    fast = _float_level(principal, n, num, den)
    if fast is not None:
        return fast
    with decimal.localcontext(_CTX):
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


def _float_level(principal: Decimal, n: int, num: Decimal, den: int) -> Decimal | None:
    """:func:`level_payment` in floats, or ``None`` when floats cannot decide the rounding.

    The payment in fen is ``F = 100·P·i / D`` with ``D = 1 − (1+i)^−n`` taken as
    ``−expm1(−n·log1p(i))``: no ``(1+i)^n − 1`` to cancel, so the relative error
    does not grow with ``n`` or shrink ``i``. With ``u = 2^−53``, first order:
    ``float(num)`` and ``/ den`` err by ``u`` each, and ``F`` is no more sensitive
    to ``i`` than that (``d ln F / d ln i`` lies in [0, 1)); ``float(P)``, ``× 100``,
    ``× i`` and ``/ D`` add ``u`` each; ``log1p``, ``× n`` and ``expm1`` add their
    own errors, which reach ``D`` damped by ``y / (e^y − 1) ≤ 1`` (``y = n·log1p(i)``).
    With ``log1p`` and ``expm1`` good to an ulp or two (glibc, musl, macOS) that
    is under 12 ``u``; :data:`_FLOAT_REL` allows 256 ``u``. The half-up rounding
    is taken only if ``F`` is farther than that bound from half a fen, and
    ``F − ⌊F⌋ − ½`` is exact (below one fen it errs by at most 2^−54, which
    :data:`_FLOAT_ABS` covers).

    >>> _float_level(Decimal("10000.00"), 12, Decimal("0.180"), 12)
    Decimal('916.80')
    >>> _float_level(Decimal("0.03"), 2, Decimal("1"), 1)  # 4 fen, exactly
    Decimal('0.04')
    >>> _float_level(Decimal("574050.00"), 1, Decimal("0.1564"), 12) is None  # 58153178.5 fen
    True
    """
    i = float(num) / den
    if not _FLOAT_MIN_RATE <= i <= 1:
        return None
    fen = float(principal) * 100 * i / -expm1(-n * log1p(i))
    margin = fen * _FLOAT_REL + _FLOAT_ABS
    if not margin < _HALF_FEN:  # also refuses inf and nan; below it, fen < 2^44
        return None
    whole = int(fen)
    off = fen - whole - _HALF_FEN  # signed distance to half a fen
    if abs(off) <= margin:
        return None
    return Decimal(whole + 1 if off > 0 else whole).scaleb(-2, _CTX)


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
