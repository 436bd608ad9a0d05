"""The root of a sum of powers nearest z = 1, when there may be several (private).

:func:`largest_root` walks z down from 1 on a grid. Each grid cell is judged from f, f'
and f'' at its ends (:func:`_judge`): cleared when the second-order Taylor expansions from
both ends, with a bound on the third derivative and on rounding, stay clear of zero; or
known to hold exactly one root when f' cannot change sign; or else halved, the upper half
first. A part that float cannot judge (f within rounding of zero without crossing it: a
double root, two roots closer than float can tell, or none) is judged again in 60-digit
Decimal, where a minimum of |f| is finally found and its value decides (:func:`_touch`).
"""

from __future__ import annotations

import decimal
import math
from collections.abc import Callable, Iterator
from decimal import Decimal
from functools import partial
from typing import Final, Generic, NamedTuple, TypeVar

from ._power_sum import CTX, EPS, PowerSum, decimal_root, newton, polish
from .errors import NoConvergenceError

__all__ = ["largest_root"]

_GRID_FIRST: Final = 1e-2  # first step of the walk in unit · log(1/z) ...
_GRID_GROWTH: Final = 0.2  # ... then 20% of the distance already walked
_MAX_SPLITS: Final = 50_000  # halvings of one grid cell, or of a part sent to Decimal
_COARSE: Final = 1e4  # a float cell with |f| within this many roundings of 0 goes to Decimal
_DEC_ROUNDING: Final = Decimal("1e-57") / Decimal(8 * EPS)  # 60 digits against float's 16
_DEC_ZERO: Final = Decimal("1e-45")  # |f| this small relative to Σ|c_i z**e_i| is zero

N = TypeVar("N", float, Decimal)


class _Point(NamedTuple, Generic[N]):
    z: N
    f: N
    d1: N  # f'
    d2: N  # f''
    sign: int  # of f, exact (0: f is exactly 0 there)


class _Limits(NamedTuple, Generic[N]):
    third: N  # a bound on the third derivative's size over the cell
    noise: tuple[N, N, N]  # the rounding errors of f, f' and f''
    coarse: N  # |f| below which a cell goes to Decimal whole (negative: never)
    tiny: N  # relative width below which a cell is too small to judge


_ONE, _SMALL, _COARSE_PART, _CLEAR, _SPLIT = range(5)


def largest_root(p: PowerSum, unit: int) -> tuple[Decimal | None, int]:
    """The largest root z in (0, 1] and the grid cells walked; None when there is none."""
    bottom = p.lower_bound()
    limits = _float_limits(p, 1.0)  # each grows with z: good for the whole walk, if crude
    high = _float_point(p, 1.0, limits)
    x, count = 0.0, 0
    while high.z > bottom:
        x += max(_GRID_FIRST, _GRID_GROWTH * x)
        low = _float_point(p, max(math.exp(-x / unit), bottom), limits)
        count += 1
        tighter = partial(_float_limits, p, high.z)
        for kind, lo, hi in _parts(
            partial(_float_point, p, limits=limits), (low, high), limits, tighter
        ):
            a, b = lo.z, hi.z
            if kind == _ONE:
                guess = b - hi.f * (b - a) / (hi.f - lo.f) if hi.f != lo.f else a
                return polish(p, newton(p, a, b, lo.sign > 0, guess)), count
            if hi.sign == 0:
                return decimal_root(p, b, b, True), count  # exactly there
            if kind == _SMALL and lo.sign != hi.sign:  # a crossing float cannot narrow down
                return decimal_root(p, a, b, lo.sign > 0), count
            root = _decimal_part(p, a, b)  # f too close to zero for float to judge
            if root is not None:
                return root, count
        high = low
    return None, count


def _parts(
    point: Callable[[N], _Point[N]],
    lo_hi: tuple[_Point[N], _Point[N]],
    limits: _Limits[N],
    tighter: Callable[[], _Limits[N]] | None = None,
) -> Iterator[tuple[int, _Point[N], _Point[N]]]:
    """The parts of a cell that may hold roots, from the top down: each holds exactly one
    root (``_ONE``), is too small to judge (``_SMALL``) or too close to zero for this
    arithmetic (``_COARSE_PART``). Parts cleared are skipped; the others are halved.
    ``tighter`` gives limits for this cell only, asked for when ``limits`` do not clear it."""
    stack, splits = [lo_hi], 0
    while stack:
        lo, hi = stack.pop()
        if hi.sign == 0:  # f is exactly 0 at hi, and everything above is clear
            yield _SMALL, hi, hi
            return
        verdict = _judge(lo, hi, limits)
        if verdict != _CLEAR and tighter is not None:
            limits, tighter = tighter(), None
            verdict = _judge(lo, hi, limits)
        if verdict == _CLEAR:
            continue
        if verdict == _SPLIT and min(abs(lo.f), abs(hi.f)) <= limits.coarse:
            verdict = _COARSE_PART
        if verdict != _SPLIT:
            yield verdict, lo, hi
            continue
        splits += 1
        if splits > _MAX_SPLITS:
            raise NoConvergenceError(
                f"could not tell if the NPV has a root for z in {lo.z:.6g}..{hi.z:.6g}"
            )
        mid = point((lo.z + hi.z) / 2)
        stack.append((lo, mid))
        stack.append((mid, hi))


def _judge(lo: _Point[N], hi: _Point[N], limits: _Limits[N]) -> int:
    """What f, f' and f'' at both ends tell of the roots between.

    Over a half cell from either end, f is its second-order Taylor polynomial q within
    |f'''|·h³/6 (and rounding). |f''| on the cell is at most max |f''(ends)| + |f'''|·h,
    so if |f'| at each end exceeds that times h, f is monotone: one root or none. Else,
    if f keeps one sign at the ends and each q stays clear of zero by the error, none.
    """
    h = (hi.z - lo.z) / 2
    third = limits.third
    n0, n1, n2 = limits.noise
    error = third * h * h * h / 6 + n0 + n1 * h + n2 * h * h / 2
    curve = max(abs(lo.d2), abs(hi.d2)) + third * h + n2
    if min(abs(lo.d1), abs(hi.d1)) > curve * h + n1 and (lo.d1 > 0) == (hi.d1 > 0):
        return _ONE if lo.sign != hi.sign else _CLEAR
    if lo.sign == hi.sign:
        positive = hi.sign > 0
        # from hi downwards: q(t) = f - f' t + f'' t²/2; from lo upwards: f + f' t + f'' t²/2
        from_hi = _least(hi.f, -hi.d1, hi.d2, h, positive)
        from_lo = _least(lo.f, lo.d1, lo.d2, h, positive)
        if from_hi > error and from_lo > error:
            return _CLEAR
    if error <= 4 * n0 or hi.z - lo.z <= limits.tiny * hi.z:
        return _SMALL
    return _SPLIT


def _least(f: N, d1: N, d2: N, h: N, positive: bool) -> N:
    """min over t in [0, h] of ±(f + d1 t + d2 t²/2), the sign making f positive."""
    if not positive:
        f, d1, d2 = -f, -d1, -d2
    least = min(f, f + d1 * h + d2 * h * h / 2)
    if d2 > 0 and 0 < -d1 < d2 * h:  # the vertex, t = -d1/d2, is inside
        least = min(least, f - d1 * d1 / (2 * d2))
    return least


def _float_limits(p: PowerSum, top: float) -> _Limits[float]:
    third, n0, n2 = p.bounds(top)
    n1 = math.sqrt(n0 * n2)  # Σ|c| e z^(e-1) ≤ √(Σ|c| z^e · Σ|c| e² z^(e-2)) (Cauchy-Schwarz)
    return _Limits(third, (n0, n1, n2), _COARSE * n0, 4 * EPS)


def _float_point(p: PowerSum, z: float, limits: _Limits[float]) -> _Point[float]:
    """f, f' and f'' at z in float; the sign of f from Decimal when float cannot tell it."""
    f, d1, d2 = p.derivatives(z)
    if abs(f) > 2 * limits.noise[0]:
        sign = 1 if f > 0 else -1
    else:
        with decimal.localcontext(CTX):
            exact = p.value(Decimal(z))
        sign = (exact > 0) - (exact < 0)
    return _Point(z, f, d1, d2, sign)


def _decimal_point(p: PowerSum, z: Decimal) -> _Point[Decimal]:
    """f, f' and f'' at z in Decimal; f within 1e-45 of its terms' size counts as 0 (a
    root of multiplicity k is then found to within about 1e-45 ** (1/k))."""
    s0, s1, s2, size = p.moments(z)
    sign = 0 if abs(s0) <= _DEC_ZERO * size else 1 if s0 > 0 else -1
    return _Point(z, s0, s1 / z, (s2 - s1) / (z * z), sign)


def _decimal_part(p: PowerSum, low: float, high: float) -> Decimal | None:
    """The largest root in [low, high] (z values), searched in 60-digit Decimal."""
    float_limits = _float_limits(p, high)
    with decimal.localcontext(CTX):
        n0, n1, n2 = (Decimal(n) * _DEC_ROUNDING for n in float_limits.noise)
        third = Decimal(float_limits.third) * Decimal("1.01")  # and float's own rounding
        limits = _Limits(third, (n0, n1, n2), Decimal(-1), Decimal("1e-50"))
        ends = (_decimal_point(p, Decimal(low)), _decimal_point(p, Decimal(high)))
        for kind, lo, hi in _parts(partial(_decimal_point, p), ends, limits):
            if hi.sign == 0:
                return hi.z
            if kind == _ONE or lo.sign != hi.sign:
                return decimal_root(p, lo.z, hi.z, lo.sign > 0)
            root = _touch(p, lo, hi)
            if root is not None:
                return root
    return None


def _touch(p: PowerSum, lo: _Point[Decimal], hi: _Point[Decimal]) -> Decimal | None:
    """A part too small to judge even in Decimal, f of one sign at both ends.

    If f' changes sign in it, its root is a minimum of |f|; f there is zero (a double
    root), of the far sign (two roots: the larger is returned), or not zero (no root).
    """
    if not lo.d1 or not hi.d1 or (lo.d1 > 0) == (hi.d1 > 0):
        return None  # f is monotone on the part: no root inside
    root = decimal_root(p, lo.z, hi.z, lo.d1 > 0, order=1)
    with decimal.localcontext(CTX):
        s0, _, _, size = p.moments(root)
        if abs(s0) <= _DEC_ZERO * size:
            return root
    if (s0 > 0) == (hi.sign > 0):
        return None
    return decimal_root(p, root, hi.z, hi.sign < 0)
