"""Every positive root of a sum of powers Σ c_i z**e_i, by Rolle's theorem (private).

For dated flows (``xirr``) the exponents are days, too many for exact isolation; this
bracketing method finds every root z > 0 and rests on three facts:

1. *Bounds.* With e_0 = 0 < e_1 < … integers and M the largest |c_i| (i ≥ 1), a root
   z < 1 has |c_0| = |Σ c_i z**e_i| ≤ M z / (1 - z), so z ≥ |c_0| / (|c_0| + M); mirrored,
   z ≤ (|c_n| + M') / |c_n|. Outside half and twice these, f has the sign of c_0 (below)
   and of c_n (above).
2. *Descartes.* Σ c_i z**e_i has at most as many positive roots as its coefficients
   have sign changes, with the same parity: one change, exactly one root.
3. *Rolle.* If c_{k-1} and c_k differ in sign, g = z**(-e_k) f has the roots of f, and
   z**(e_k + 1) g' = Σ_{i≠k} c_i (e_i - e_k) z**e_i has one sign change fewer. Between
   consecutive roots of g' (found first, by recursion), g is monotone: it has a root
   there exactly when its ends differ in sign, and it is bracketed.

What is not exact is the arithmetic: f is evaluated in 60 significant digits, so at a
root of g' (a minimum of |f|) a value within 1e-45 of the terms' size counts as zero, a
root of even multiplicity. Two roots closer than that can tell are reported as one.
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from itertools import pairwise
from typing import Final

from ..errors import NoConvergenceError
from ..money import context

WIDE: Final = context()  # 60 digits, and exponents wide enough for z**e at any bound
WIDE.Emax, WIDE.Emin = decimal.MAX_EMAX, decimal.MIN_EMIN
_TOUCH: Final = Decimal("1e-45")  # |f| below this times Σ|c_i z**e_i| is zero
_TOL: Final = Decimal("1e-30")  # relative bracket width that ends a search
_MAX_STEPS: Final = 1000

Terms = list[tuple[int, int]]  # (c_i, e_i), exponents increasing from 0, c_0 and c_n not 0


def positive_roots(terms: Terms) -> list[Decimal]:
    """Every root z > 0 of Σ c_i z**e_i, increasing, each once (see the module)."""
    with decimal.localcontext(WIDE):
        return _roots(terms)


def _sign(x: int | Decimal) -> int:
    return (x > 0) - (x < 0)


def _roots(terms: Terms) -> list[Decimal]:
    signs = [_sign(c) for c, _ in terms]
    changes = sum(a != b for a, b in pairwise(signs))
    if not changes:
        return []
    low, high = _bounds(terms)
    if changes == 1:
        return [_bracketed(terms, low, high, signs[0])]
    k = next(i for i in range(1, len(signs)) if signs[i] != signs[i - 1])
    pivot = terms[k][1]
    derived = [(c * (e - pivot), e) for i, (c, e) in enumerate(terms) if i != k]
    critical = [z for z in _roots(derived) if low < z < high]
    roots: list[Decimal] = []
    before = signs[0]  # f's sign at low
    points = [low, *critical, high]
    for i, (a, b) in enumerate(pairwise(points)):
        after = signs[-1] if i == len(points) - 2 else _value_sign(terms, b)
        if after == 0:
            roots.append(b)  # f touches zero at a minimum of |f|
        elif before and after != before:
            roots.append(_bracketed(terms, a, b, before))
        before = after
    return roots


def _bounds(terms: Terms) -> tuple[Decimal, Decimal]:
    first, last = abs(terms[0][0]), abs(terms[-1][0])
    below = max(abs(c) for c, _ in terms[1:])
    above = max(abs(c) for c, _ in terms[:-1])
    return Decimal(first) / (first + below) / 2, 2 * Decimal(last + above) / last


def _evaluate(terms: Terms, z: Decimal) -> tuple[Decimal, Decimal, Decimal]:
    """f(z), z·f'(z) and Σ |c_i| z**e_i."""
    value = moment = size = Decimal(0)
    power, exponent = Decimal(1), 0
    for c, e in terms:
        if e != exponent:
            power *= z ** (e - exponent)
            exponent = e
        term = c * power
        value += term
        moment += e * term
        size += abs(term)
    return value, moment, size


def _value_sign(terms: Terms, z: Decimal) -> int:
    value, _, size = _evaluate(terms, z)
    return 0 if abs(value) <= _TOUCH * size else _sign(value)


def root_between(terms: Terms, low: Decimal, high: Decimal, low_sign: int) -> Decimal:
    """The one root z of Σ c_i z**e_i in (low, high), 0 <= low, where the sum changes
    sign (``low_sign`` just above low), to a relative 1e-30, in 60-digit Decimal."""
    with decimal.localcontext(WIDE):
        return _bracketed(terms, low, high, low_sign)


def _middle(low: Decimal, high: Decimal) -> Decimal:
    """Where to halve a bracket: geometrically while it spans a factor over 4 (the roots
    of interest lie anywhere from 1e-9 to 1e9), else at its middle."""
    return (low * high).sqrt() if high > 4 * low > 0 else (low + high) / 2


def _bracketed(terms: Terms, low: Decimal, high: Decimal, low_sign: int) -> Decimal:
    """The one root in (low, high), where f changes sign (``low_sign`` above low): Newton
    kept inside the bracket, halving it (:func:`_middle`) whenever a Newton step would
    leave it or is not half the step before."""
    z = _middle(low, high)
    last_step = high - low
    for _ in range(_MAX_STEPS):
        value, moment, _ = _evaluate(terms, z)
        if not value:
            return z
        if _sign(value) == low_sign:
            low = z
        else:
            high = z
        if moment:
            new = z - z * value / moment
            if new == z:  # a step below z's last digit: z is the root to 60 digits
                return z
        else:
            new = low  # no slope (not strictly inside a monotone piece): halve
        if not low < new < high or 2 * abs(new - z) > last_step:
            new = _middle(low, high)  # z is an end: the step is half the bracket
        last_step = abs(new - z)
        if last_step <= _TOL * z:  # a Newton step, or a bracket of 2e-30·z (a multiple root)
            return new
        z = new
    raise NoConvergenceError(f"the rate did not settle between z={low:.6g} and z={high:.6g}")
