"""A sum of powers f(z) = Σ c_i z**e_i and its roots in float and Decimal (private).

The NPV of cash flows is such a sum (see ``_roots``); this module evaluates it fast in
float and exactly enough in 60-digit Decimal, and finds a root once it is bracketed:
Newton kept inside the bracket in float, then chord steps in Decimal.
"""

from __future__ import annotations

import decimal
import math
from decimal import Decimal
from itertools import accumulate, groupby
from operator import mul
from typing import Final

from ..errors import NoConvergenceError
from ..money import context

CTX: Final = context()
MAX_ITER: Final = 300
_NEAR_ONE: Final = Decimal("1e-15")  # below this 1 - z, sum runs of flows term by term
# in float, a run of m equal flows is summed in closed form when (m - 1)·log(1/z) is at
# least this: the closed form of its derivative then errs by under ~4e-14 relatively
_RUN_FLOAT: Final = 0.05

Found = tuple[float, float, float]  # a root in float, f'(root), |f''/2f'| (inf: unknown)


class PowerSum:
    """Σ c_i z**e_i: integer coefficients ``fens``, ``gaps`` e_{i+1} - e_i (None: all 1).

    e_0 = 0; the first and last coefficients are not 0. ``weighted`` is Σ c_i e_i = f'(1).
    """

    __slots__ = (
        "decimals",
        "distinct",
        "exps",
        "fens",
        "gaps",
        "head",
        "runs",
        "shortest",
        "tail",
        "tail_gaps",
        "tail_steps",
        "total",
        "weighted",
    )

    def __init__(self, fens: list[int], gaps: list[int] | None) -> None:
        self.fens, self.gaps = fens, gaps
        self.head = 0.0  # the top coefficient and ...
        self.tail: list[float] = []  # ... the others, Horner order: filled by _floats()
        self.decimals: list[Decimal] | None = None
        self.exps: list[int] | None = None
        self.runs: list[tuple[int, int]] | None = None
        self.shortest = 0  # the fewest flows in a run of more than one
        self.tail_gaps: list[int] = []  # Horner order, as keys ...
        self.tail_steps: list[float] = []  # ... and as factors
        self.distinct: list[int] = []
        if gaps is None:
            # equal periodic flows (a loan's installments) sum as geometric series
            runs = [(c, len(list(g))) for c, g in groupby(fens)]
            if 3 * len(runs) < len(fens):
                self.runs = runs[::-1]
                self.shortest = min(m for _, m in runs if m > 1)
                self.total, self.weighted, e = 0, 0, 0
                for c, m in runs:  # Σ c and Σ c·e over a run: c·m and c·(m·e + m(m-1)/2)
                    self.total += c * m
                    self.weighted += c * (m * e + m * (m - 1) // 2)
                    e += m
                return
            exponents: range | list[int] = range(len(fens))
        else:
            self.tail_gaps = gaps[::-1]
            self.tail_steps = list(map(float, self.tail_gaps))
            self.distinct = sorted(set(gaps))
            exponents = self.exponents()
        self.total = sum(fens)  # f(1)
        self.weighted = sum(map(mul, fens, exponents))

    def mirrored(self) -> PowerSum:
        """Σ c_i u**(e_last - e_i) = u**e_last f(1/u)."""
        return PowerSum(self.fens[::-1], None if self.gaps is None else self.gaps[::-1])

    def exponents(self) -> list[int]:
        if self.exps is None:
            count, gaps = len(self.fens), self.gaps
            self.exps = list(range(count)) if gaps is None else list(accumulate(gaps, initial=0))
        return self.exps

    def _floats(self) -> None:
        """Fill :attr:`head` and :attr:`tail` (exact: |c| <= 10**14 < 2**53)."""
        if not self.tail:
            floats = list(map(float, self.fens))
            self.head, self.tail = floats[-1], floats[-2::-1]

    # -- float --------------------------------------------------------------------------
    def at(self, z: float) -> tuple[float, float]:
        """``(f(z), z * f'(z))`` in float, by Horner from the top power down."""
        if self.runs is not None and z > 0.0:
            x = -math.log(z)  # <= 0 for z >= 1: the closed form is then never taken
            if (self.shortest - 1) * x >= _RUN_FLOAT:
                return self._runs_at(z, x)
        self._floats()
        s, t = self.head, 0.0
        if self.gaps is None:
            for c in self.tail:
                t = z * (t + s)
                s = c + z * s
        else:
            powers = {d: z**d for d in self.distinct}
            for c, d, key in zip(self.tail, self.tail_steps, self.tail_gaps, strict=True):
                w = powers[key]
                t = w * (t + d * s)
                s = c + w * s
        return s, t

    def _runs_at(self, z: float, x: float) -> tuple[float, float]:
        """:meth:`at` for z = e**-x, each run of m equal flows summed in closed form.

        The formulas and their error: docs/numerics.md#power-sums-in-closed-form.
        """
        one = math.expm1(-x)
        s = t = 0.0
        for c, m in self.runs or ():
            if m == 1:
                t, s = (t + s) * z, s * z + c
                continue
            many = math.expm1(-m * x)  # z**m - 1, exact near z = 1 ...
            w = math.exp(-m * x)  # ... and z**m, exact near z = 0
            t = t * w + s * m * w + c * (m * w * one - z * many) / (one * one)
            s = s * w + c * many / one
        return s, t

    # -- Decimal ------------------------------------------------------------------------
    def value(self, z: Decimal) -> Decimal:
        """f(z) in the current (local, 60-digit) decimal context."""
        if self.runs is not None and abs(1 - z) > _NEAR_ONE:
            # c z^a (1 + z + … + z^(m-1)) = c z^a (1 - z^m) / (1 - z), Horner over the runs
            total, below = Decimal(0), 1 - z
            for c, m in self.runs:
                shift = z**m
                total = total * shift + (c if m == 1 else c * (1 - shift) / below)
            return total
        if self.decimals is None:
            self.decimals = list(map(Decimal, reversed(self.fens)))
        p, tail = self.decimals[0], self.decimals[1:]
        if self.gaps is None:
            for a in tail:
                p = p * z + a
        else:
            powers, last, power = {}, 0, Decimal(1)
            for d in self.distinct:  # ascending, and usually close: months of 28 to 31 days
                power *= z ** (d - last)
                powers[d], last = power, d
            for a, w in zip(tail, map(powers.__getitem__, reversed(self.gaps)), strict=True):
                p = p * w + a
        return p


def newton(p: PowerSum, lo: float, hi: float, lo_positive: bool, z: float) -> Found:
    """Newton on f from ``z``, kept inside [lo, hi] by bisection; f(lo) > 0 iff lo_positive."""
    prev_z = prev_slope = math.nan
    for _ in range(MAX_ITER):
        f, g = p.at(z)
        slope = g / z
        if f == 0.0:
            return z, slope, math.inf
        if (f > 0.0) == lo_positive:
            lo = z
        else:
            hi = z
        step = f / slope if slope else math.inf
        new = z - step
        if abs(step) <= 1e-12 * z:
            # a Newton step this small leaves an error of order K·step², K = |f''/2f'|
            curvature = abs((slope - prev_slope) / (z - prev_z) / (2 * slope))
            return new, slope, curvature if math.isfinite(curvature) else math.inf
        if not lo < new < hi:
            new = 0.5 * (lo + hi)
            if not lo < new < hi:  # the bracket is down to adjacent floats
                return z, slope, math.inf
        prev_z, prev_slope, z = z, slope, new
    raise NoConvergenceError(f"the rate did not converge between z={lo!r} and z={hi!r}")


def polish(p: PowerSum, found: Found) -> Decimal:
    """Chord steps z -= f(z) / f'(z_float), f in 60-digit Decimal, until the error is < 1e-26.

    After a step s the error is about 3·K·s² (K = |f''/2f'|, estimated in float) plus the
    float slope's own rounding, about 1e-13·|s|: usually one step is enough.
    """
    z, slope, curvature = found
    k = 3 * curvature  # the estimates are only compared, in float
    with decimal.localcontext(CTX):
        root, d_slope = Decimal(z), Decimal(slope)
        if not d_slope:
            return root
        for _ in range(MAX_ITER // 10):
            step = p.value(root) / d_slope
            root -= step
            size = abs(float(step))
            if root <= 0:
                break
            if size <= 1e-28 * z or size * (k * size + 1e-13) <= 1e-26 * z:
                return root
            k = math.inf  # a second step was needed: the estimate is off, go by step sizes
    raise NoConvergenceError(f"the rate did not settle near z={z!r} in 60-digit arithmetic")
