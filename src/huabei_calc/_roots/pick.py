"""The rates that zero the NPV, and the one ``irr``/``xirr`` return (private).

The NPV at a rate r is a sum of powers: with z = (1 + r) ** (-1 / unit) (unit 1 for
periods, 365 for days) it is f(z) = Σ c_i z**e_i, integer coefficients c_i (fen) and
integer exponents 0 = e_0 < e_1 < … (periods or days). Every rate r > -1 is a root z > 0:
z < 1 for r > 0, z > 1 for r < 0; the mirrored sum Σ c_i u**(e_n - e_i) has the root
u = 1 / z in (0, 1) for r < 0.

- One sign change in the coefficients: exactly one root (Descartes' rule of signs, which
  holds for sums of real powers too): a first guess, Newton in float, the Decimal polish
  (``power_sum``). This is a loan's case, and the fast path.
- Periodic flows with more: the roots of the integer polynomial are isolated exactly
  (``isolate``), and each is narrowed in 60-digit Decimal inside its isolating interval.
- Dated flows with more: ``search`` brackets every root by Rolle's theorem.

The rate returned when several solve the flows is the one closest to zero, a tie going
to the non-negative one (docs/numerics.md, "Roots of cash flows").
"""

from __future__ import annotations

import decimal
import math
from decimal import Decimal
from fractions import Fraction
from operator import mul

from ..errors import NoConvergenceError
from .isolate import (
    Interval,
    common_roots,
    halve,
    in_unit_interval,
    left_sign,
    shift_by_one,
    square_free,
)
from .power_sum import CTX, PowerSum, newton, polish
from .search import WIDE, positive_roots, root_between

_NO_RATE = (  # the command line reads "no rate between … makes the NPV zero"
    "no rate between -100% and infinity makes the NPV zero: "
    "these cash flows have no internal rate of return"
)
_TIE = Decimal("1e-25")  # dated flows: sizes of two rates this close (relatively) tie
_MAX_HALVINGS = 2000
_HALF = Decimal("0.5")
_ONE = Decimal(1)
_EXACT = decimal.Context(  # growth - 1 exactly
    prec=decimal.MAX_PREC,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.InvalidOperation, decimal.DivisionByZero, decimal.Overflow],
)
_TIE_BITS = 96  # isolating intervals of width 2**-96 in z, or less, before a tie test
_BELOW_ONE = math.nextafter(1.0, 0.0)  # the largest float below 1


def solve(fens: list[int], gaps: list[int] | None, unit: int) -> Decimal:
    """The rate r closest to 0 (a tie: the one ≥ 0) that zeroes Σ c_i (1 + r) ** (-e_i / unit).

    ``fens``: the c_i, first and last not 0, of both signs; ``gaps``: e_{i+1} - e_i (None:
    all 1). Returns r unrounded, from a 60-digit context.
    """
    if not sum(fens):
        return Decimal(0)  # f(1) = 0: the rate 0 is a root, and none is closer to 0
    single = _single_sign_change(fens, gaps, unit)
    if single is not None:
        return single
    if gaps is None:
        return _closest_periodic(fens)
    rates = _dated_rates(fens, gaps, unit)
    if not rates:
        raise NoConvergenceError(_NO_RATE)
    above = [r for r in rates if r >= 0]
    below = [r for r in rates if r < 0]
    if not below:
        return above[0]
    if not above:
        return below[-1]
    up, down = above[0], below[-1]
    with decimal.localcontext(CTX):
        return up if up + down <= _TIE * (1 + up) else down


def every_rate(fens: list[int], gaps: list[int] | None, unit: int) -> tuple[Decimal, ...]:
    """Every rate r > -1 that zeroes the sum, increasing, each once (unrounded)."""
    single = _single_sign_change(fens, gaps, unit)
    if single is not None:
        return (single,)
    if gaps is not None:
        return tuple(_dated_rates(fens, gaps, unit))
    q = square_free(fens)
    mirrored = q[::-1]
    below = [_refine(mirrored, i, unit=1, mirrored=True) for i in in_unit_interval(mirrored)]
    above = [_refine(q, i, unit=1, mirrored=False) for i in in_unit_interval(q)[::-1]]
    zero = [Decimal(0)] if not sum(fens) else []
    return (*below, *zero, *above)


# -- one sign change -------------------------------------------------------------------------


def _single_sign_change(fens: list[int], gaps: list[int] | None, unit: int) -> Decimal | None:
    """The only rate when the flows change sign once, else None."""
    first_positive = fens[0] > 0
    split = next(i for i, c in enumerate(fens) if c and (c > 0) != first_positive)
    if (max(fens[split:]) > 0) if first_positive else (min(fens[split:]) < 0):
        return None
    if not sum(fens):
        return Decimal(0)
    return _single(PowerSum(fens, gaps), split, unit)


def _single(p: PowerSum, split: int, unit: int) -> Decimal:
    """The only root, when the flows before ``split`` have one sign and the rest the other.

    The root is a rate >= 0 when f(1) and f(0) = c_0 have opposite signs: then z in
    (0, 1); else the mirrored sum's root u = 1 / z is in (0, 1). Newton starts from
    :func:`first_guess`.
    """
    growth = first_guess(p, split)
    mirrored = (p.total > 0) == (p.fens[0] > 0)
    side, z = (p.mirrored(), growth) if mirrored else (p, 1 / growth)
    # z > 0: the guess is e**(log(-late/early) / spread), spread >= 1 exponent unit and
    # |log(-late/early)| far below 700; from z >= 1 (a rate too close to 0 for the
    # guess) start next to 1 instead
    z = min(z, _BELOW_ONE)
    root = polish(side, newton(side, 0.0, 1.0, side.fens[0] > 0, z))
    return _rate(root, unit, mirrored=mirrored)


def first_guess(p: PowerSum, split: int) -> float:
    """1 + r per exponent unit, guessed: the flows before ``split`` (one sign) as one flow
    at their mean exponent, the rest (the other sign) likewise; growth ** (mean_late -
    mean_early) = -early / late then solves the two-flow problem, exactly for two flows."""
    fens = p.fens
    early = sum(fens[:split])
    early_weighted = sum(map(mul, fens[:split], range(split) if p.gaps is None else p.exponents()))
    late, late_weighted = p.total - early, p.weighted - early_weighted
    spread = late_weighted / late - early_weighted / early
    return math.exp(math.log(-late / early) / spread)


def _rate(z: Decimal, unit: int, *, mirrored: bool) -> Decimal:
    with decimal.localcontext(CTX):
        if unit == 1:
            growth = z if mirrored else 1 / z
        else:
            growth = z**unit if mirrored else z ** (-unit)
        return minus_one(growth)


def minus_one(growth: Decimal) -> Decimal:
    """growth - 1; exactly when growth < 1/2, so that a rate next to -100% keeps the
    digits of 1 + r (a 60-digit subtraction would round -1 + 1e-70 to -1)."""
    if growth < _HALF:
        return _EXACT.subtract(growth, _ONE)
    return growth - 1


# -- periodic flows: exact isolation ------------------------------------------------------------


def _closest_periodic(fens: list[int]) -> Decimal:
    """The root closest to 0 of periodic flows with several sign changes (f(1) != 0).

    The largest root z in (0, 1) (the smallest rate > 0) and the largest root u in (0, 1)
    of the mirrored polynomial (the rate < 0 closest to 0) are isolated exactly; their
    intervals are halved, exactly, until the sizes of the two rates are told apart, after
    an exact test for a tie: rates t and -t are both roots when t is a root of
    gcd(F(r), F(-r)), F(r) = Σ c_i (1 + r)**(n - i).
    """
    q = square_free(fens)
    mirrored = q[::-1]
    up = in_unit_interval(q, largest_only=True)
    down = in_unit_interval(mirrored, largest_only=True)
    if not up and not down:
        raise NoConvergenceError(_NO_RATE)
    if not down:
        return _refine(q, up[0], unit=1, mirrored=False)
    if not up:
        return _refine(mirrored, down[0], unit=1, mirrored=True)
    a, b = up[0], down[0]
    sign_a, sign_b = left_sign(q, a), left_sign(mirrored, b)
    tie_checked = False
    for _ in range(_MAX_HALVINGS):
        # r = 1/z - 1 > 0 over z in a; |r| = 1 - u over u in b
        up_low = 1 / a.high() - 1
        up_high = None if not a.low() else 1 / a.low() - 1
        down_low, down_high = 1 - b.high(), 1 - b.low()
        if up_high is not None and up_high < down_low:
            return _refine(q, a, unit=1, mirrored=False)
        if down_high < up_low:
            return _refine(mirrored, b, unit=1, mirrored=True)
        # a tie is tested only once both are this narrow (an exact root is narrow already:
        # its k stops growing, and ±1/2, z = 2/3 and u = 1/2, is a tie)
        narrow = (a.exact or a.k >= _TIE_BITS) and (b.exact or b.k >= _TIE_BITS)
        if narrow and not tie_checked and up_high is not None:
            tie = _tie(q, up_low, up_high, exact=a.exact)
            if tie:
                return _refine(q, a, unit=1, mirrored=False)
            tie_checked = tie is not None
        if not a.exact:
            a, sign_a = halve(q, a, sign_a)
        if not b.exact:
            b, sign_b = halve(mirrored, b, sign_b)
    raise NoConvergenceError("could not tell which rate is closest to zero")


def _tie(q: list[int], low: Fraction, high: Fraction, *, exact: bool) -> bool | None:
    """Whether -t is a root too, t the one root with low < t < high (or t = low, exact);
    None when an end of the interval is a root of the gcd (another root: halve first)."""
    x_poly = shift_by_one(q[::-1])  # F(r) = Σ c_i (1 + r)**(n - i)
    mirror = [c if i % 2 == 0 else -c for i, c in enumerate(x_poly)]  # F(-r)
    common = common_roots(x_poly, mirror)  # [1] when none: no zero, no sign change
    if exact:
        return _value(common, low) == 0
    at_low, at_high = _value(common, low), _value(common, high)
    if not at_low or not at_high:
        return None
    return (at_low > 0) != (at_high > 0)


def _value(p: list[int], x: Fraction) -> Fraction:
    total = Fraction(0)
    for c in reversed(p):
        total = total * x + c
    return total


def _refine(q: list[int], interval: Interval, *, unit: int, mirrored: bool) -> Decimal:
    """The rate of the root isolated in ``interval``, narrowed in 60-digit Decimal."""
    with decimal.localcontext(CTX):
        low = Decimal(interval.c) / (1 << interval.k)
        if interval.exact:
            z = low
        else:
            high = Decimal(interval.c + 1) / (1 << interval.k)
            terms = [(c, e) for e, c in enumerate(q) if c]
            z = root_between(terms, low, high, left_sign(q, interval))
    return _rate(z, unit, mirrored=mirrored)


# -- dated flows: brackets ------------------------------------------------------------------------


def _dated_rates(fens: list[int], gaps: list[int], unit: int) -> list[Decimal]:
    """Every rate of dated flows, increasing (the z found decrease as the rates increase)."""
    exponents = [0]
    for gap in gaps:
        exponents.append(exponents[-1] + gap)
    roots = positive_roots(list(zip(fens, exponents, strict=True)))
    one = not sum(fens)
    rates = []
    with decimal.localcontext(WIDE):
        for z in reversed(roots):
            if one and abs(z - 1) <= _TIE:
                rates.append(Decimal(0))  # f(1) = 0 exactly: the root is 1
            else:
                rates.append(minus_one(z ** (-unit)))
    return rates
