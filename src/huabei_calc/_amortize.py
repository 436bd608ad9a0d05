"""The arithmetic under the schedule builders: due dates, interest factors, the level payment.

Kept apart from :mod:`huabei_calc.loans` (which posts the rows) so that each
piece can be checked on its own: due dates against dateutil, the level payment
against the closed formula in exact integers.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from decimal import Decimal
from math import expm1, log1p
from typing import Final

from ._check import check_horizon
from ._dates import month_steps
from .money import context, to_fen
from .rates import Rate, exact_quotient

_CTX: Final = context()
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

    Two tiers, each exact where it answers: floats (:func:`_float_level`) when their
    proved error bound keeps the value clear of half a fen, else integers
    (:func:`exact_level_payment`), so a payment exactly on half a fen rounds up as it
    should. The bound and why no Decimal tier sits between them:
    docs/numerics.md#the-level-payment. Zero rate: P/n, rounded half-up.

    >>> level_payment(Decimal("1000000.00"), 360, Decimal("0.049"), 12)
    Decimal('5307.27')
    >>> level_payment(Decimal("574050.00"), 1, Decimal("0.1564"), 12)
    Decimal('581531.79')
    """
    if not num:
        return to_fen(_CTX.divide(principal, n))
    fast = _float_level(principal, n, num, den)
    return exact_level_payment(principal, n, num, den) if fast is None else fast


def float_fen(principal: Decimal, n: int, i: float) -> float:
    """The level payment in fen, unrounded, in floats: ``100·P·i / −expm1(−n·log1p(i))``.

    ``i`` is the monthly rate ``float(num) / den``, in (0, 1]. No ``(1+i)^n − 1`` to
    cancel: its relative error stays under 12 units of 2^−53 for every ``n`` and ``i``
    (docs/numerics.md#tier-1-floats-under-a-proved-bound).

    >>> round(float_fen(Decimal("10000.00"), 12, 0.180 / 12), 3)  # 916.80 yuan
    91679.993
    """
    return float(principal) * 100 * i / -expm1(-n * log1p(i))


def _float_level(principal: Decimal, n: int, num: Decimal, den: int) -> Decimal | None:
    """:func:`level_payment` from :func:`float_fen`, or ``None`` when floats cannot decide.

    The half-up rounding is taken only if the value lies farther from half a fen
    than its proved error bound (:data:`_FLOAT_REL` relative, 256 units of 2^−53,
    plus :data:`_FLOAT_ABS`); rates per period outside [1e-200, 1] and payments of
    2^44 − 2^15 fen or more (where the bound reaches half a fen) are left to the integers. Proof:
    docs/numerics.md#tier-1-floats-under-a-proved-bound.

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
    fen = float_fen(principal, n, i)
    margin = fen * _FLOAT_REL + _FLOAT_ABS
    if not margin < _HALF_FEN:  # also refuses inf and nan; below it, fen < 2^44 - 2^15
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
