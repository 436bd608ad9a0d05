"""The rate of return that :func:`~huabei_calc.returns.irr` and ``xirr`` return (private).

The NPV at a rate r is a sum of powers. With z = (1 + r) ** (-1 / unit) (unit 1 for
periods, 365 for days) it is f(z) = Σ c_i z**e_i: integer coefficients c_i (fen) and
integer exponents 0 = e_0 < e_1 < … (periods or days). A rate ≥ 0 is a root z in (0, 1];
a rate < 0 is a root u = 1/z in (0, 1) of the mirrored sum Σ c_i u**(e_last - e_i). So
the rate to return, the smallest ≥ 0 or else the negative one closest to 0, is the
largest root in (0, 1] of f, or else of the mirrored sum.

One sign change in the coefficients means exactly one root (Descartes' rule of signs,
which also holds for sums of real powers): no search, a good first guess, Newton in
float, and a Decimal polish (``_power_sum``). Otherwise ``_search`` looks for it.
"""

from __future__ import annotations

import decimal
import math
from decimal import Decimal
from operator import mul

from ._power_sum import CTX, PowerSum, newton, polish
from ._search import largest_root
from .errors import NoConvergenceError

__all__ = ["solve"]


def solve(fens: list[int], gaps: list[int] | None, unit: int) -> Decimal:
    """The rate r that zeroes Σ c_i (1 + r) ** (-e_i / unit), chosen as irr documents.

    ``fens``: the c_i, first and last not 0, of both signs; ``gaps``: e_{i+1} - e_i (None:
    all 1). Returns r unrounded, from a 60-digit context.
    """
    if not sum(fens):
        return Decimal(0)  # f(1) = 0: rate 0
    p = PowerSum(fens, gaps)
    first_positive = fens[0] > 0
    split = next(i for i, c in enumerate(fens) if c and (c > 0) != first_positive)
    if (max(fens[split:]) <= 0) if first_positive else (min(fens[split:]) >= 0):
        return _single(p, split, unit)
    tried = 0
    for side, mirrored in ((p, False), (p.mirrored(), True)):
        root, count = largest_root(side, unit)
        if root is not None:
            return _rate(root, unit, mirrored=mirrored)
        tried += count
    low = _rate(Decimal(p.mirrored().lower_bound()), unit, mirrored=True)
    high = _rate(Decimal(p.lower_bound()), unit, mirrored=False)
    raise NoConvergenceError(
        f"no rate between {low:.4g} and {high:.4g} makes the NPV zero ({tried} intervals "
        "searched): these cash flows have no internal rate of return"
    )


def _single(p: PowerSum, split: int, unit: int) -> Decimal:
    """The only root, when the flows before ``split`` have one sign and the rest the other.

    First guess: each block as one flow at its mean exponent. Then growth ** (mean_late -
    mean_early) = -early / late solves the two-flow problem exactly. The root is a rate
    >= 0 when f(1) and f(0) = c_0 have opposite signs: then z in (0, 1); else the
    mirrored sum's root u is in (0, 1).
    """
    fens = p.fens
    early = sum(fens[:split])
    early_weighted = sum(map(mul, fens[:split], range(split) if p.gaps is None else p.exponents()))
    late, late_weighted = p.total - early, p.weighted - early_weighted
    spread = late_weighted / late - early_weighted / early
    growth = math.exp(math.log(-late / early) / spread)  # 1 + r per exponent unit
    mirrored = (p.total > 0) == (fens[0] > 0)
    side, z = (p.mirrored(), growth) if mirrored else (p, 1 / growth)
    if not 0.0 < z < 1.0:  # a rate too close to 0 for the guess: start next to z = 1
        z = math.nextafter(1.0, 0.0)
    root = polish(side, newton(side, 0.0, 1.0, side.fens[0] > 0, z))
    return _rate(root, unit, mirrored=mirrored)


def _rate(z: Decimal, unit: int, *, mirrored: bool) -> Decimal:
    with decimal.localcontext(CTX):
        if unit == 1:
            return z - 1 if mirrored else 1 / z - 1
        return z**unit - 1 if mirrored else z ** (-unit) - 1
