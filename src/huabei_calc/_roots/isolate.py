"""Exact isolation of the real roots of an integer polynomial in (0, 1) (private).

Descartes' rule of signs on the Möbius transform, with bisection (the Collins–Akritas
method): the sign changes of the coefficients of (x + 1)**n p(1 / (x + 1)) bound the
number of roots of p in (0, 1) and have its parity, so 0 means none and 1 exactly one.
An interval with more is halved (2**n p(x / 2), and that shifted by 1) until each part
holds one root or none; for a square-free p this ends (Vincent's theorem). All of it is
integer arithmetic: no rounding can lose a root or invent one (docs/numerics.md,
"Roots of cash flows").

A polynomial is a list of ``int`` coefficients, the constant term first.
"""

from __future__ import annotations

from fractions import Fraction
from math import gcd
from typing import Final, NamedTuple

_PRIME: Final = (1 << 61) - 1  # square-freeness is first checked modulo this prime


class Interval(NamedTuple):
    """The open interval (c / 2**k, (c + 1) / 2**k) holding exactly one root, a simple
    one; or, when ``exact``, the root c / 2**k itself."""

    c: int
    k: int
    exact: bool = False

    def low(self) -> Fraction:
        return Fraction(self.c, 1 << self.k)

    def high(self) -> Fraction:
        return Fraction(self.c + (not self.exact), 1 << self.k)


def sign_at(p: list[int], num: int, k: int) -> int:
    """The sign of p(num / 2**k), exactly: Horner on 2**(k·n) p(num / 2**k)."""
    total = p[-1]
    for i in range(len(p) - 2, -1, -1):
        total = total * num + (p[i] << (k * (len(p) - 1 - i)))
    return (total > 0) - (total < 0)


def left_sign(p: list[int], interval: Interval) -> int:
    """The sign of p just above the interval's low end (p square-free, so a root at that
    end is simple and the derivative's sign there decides)."""
    sign = sign_at(p, interval.c, interval.k)
    if sign:
        return sign
    return sign_at([i * c for i, c in enumerate(p)][1:], interval.c, interval.k)


def halve(p: list[int], interval: Interval, sign: int) -> tuple[Interval, int]:
    """The half of an isolating interval that holds its root, and p's sign above the new
    low end; ``sign`` is p's sign above the old low end."""
    c, k = 2 * interval.c + 1, interval.k + 1
    middle = sign_at(p, c, k)
    if not middle:
        return Interval(c, k, True), sign
    if middle == sign:
        return Interval(c, k), sign
    return Interval(c - 1, k), sign


def in_unit_interval(p: list[int], *, largest_only: bool = False) -> list[Interval]:
    """The roots of the square-free ``p`` in (0, 1), isolated, in increasing order; with
    ``largest_only`` just the largest (an empty list: none)."""
    found: list[Interval] = []
    # each node: P(x) = 2**(k n) p((x + c) / 2**k) (up to a factor x taken out), whose
    # roots in (0, 1) are p's in (c / 2**k, (c + 1) / 2**k); or a root found exactly
    stack: list[tuple[list[int], int, int] | Interval] = [(p, 0, 0)]
    while stack:
        node = stack.pop()
        if isinstance(node, Interval):
            found.append(node)
            if largest_only:
                break
            continue
        poly, c, k = node
        if not poly[0]:  # a root at the low end: a midpoint, found once (square-free p)
            stack.append(Interval(c, k, True))  # after the roots above it
            poly = poly[1:]
        changes = _sign_changes(shift_by_one(poly[::-1]))
        if changes == 1:
            stack.append(Interval(c, k))
        elif changes:  # more than one: halve
            n = len(poly) - 1
            left = [coefficient << (n - i) for i, coefficient in enumerate(poly)]
            stack.append((left, 2 * c, k + 1))
            stack.append((shift_by_one(left), 2 * c + 1, k + 1))  # popped first
    return found[::-1]  # the stack yields the roots from the top down


def square_free(p: list[int]) -> list[int]:
    """p divided by gcd(p, p'): the same roots, each simple. ``p`` itself when it is
    square-free already, which a gcd modulo a prime proves cheaply: over the rationals the
    gcd's degree is at most its degree modulo a prime that does not divide p's top
    coefficient."""
    derivative = [i * c for i, c in enumerate(p)][1:]
    if len(p) < 3 or (p[-1] % _PRIME and _degree_mod(p, derivative) == 0):
        return p
    common = _gcd(p, derivative)
    if len(common) == 1:
        return p
    return _divide(p, common)


def common_roots(a: list[int], b: list[int]) -> list[int]:
    """gcd(a, b) in Z[x]: ``[1]`` (proved cheaply modulo a prime when it is so) or the
    common factor, exactly."""
    if a[-1] % _PRIME and _degree_mod(a, b) == 0:
        return [1]
    return _gcd(a, b)


def _sign_changes(p: list[int]) -> int:
    changes, last = 0, 0
    for c in p:
        if c:
            if last and (c > 0) != (last > 0):
                changes += 1
            last = c
    return changes


def shift_by_one(p: list[int]) -> list[int]:
    """p(x + 1) (Taylor shift by repeated synthetic division)."""
    a = p[:]
    n = len(a) - 1
    for i in range(n):
        for j in range(n - 1, i - 1, -1):
            a[j] += a[j + 1]
    return a


def _trim(p: list[int]) -> list[int]:
    while p and not p[-1]:
        p.pop()
    return p


def _degree_mod(a: list[int], b: list[int]) -> int:
    """The degree of gcd(a, b) over the integers modulo _PRIME."""
    m = _PRIME
    x, y = _trim([c % m for c in a]), _trim([c % m for c in b])
    while y:
        inverse = pow(y[-1], -1, m)
        while len(x) >= len(y):
            factor = x[-1] * inverse % m
            shift = len(x) - len(y)
            for i, c in enumerate(y):
                x[i + shift] = (x[i + shift] - factor * c) % m
            _trim(x)  # an empty x ends the loop: len(y) >= 1
        x, y = y, x
    return len(x) - 1


def _primitive(p: list[int]) -> list[int]:
    content = 0
    for c in p:
        content = gcd(content, c)
    return [c // content for c in p]


def _gcd(a: list[int], b: list[int]) -> list[int]:
    """gcd(a, b) in Z[x] by the primitive remainder sequence (exact)."""
    x, y = _primitive(a), _primitive(b)
    while len(y) > 1:
        remainder = x[:]
        lead = y[-1]
        while len(remainder) >= len(y):  # pseudo-division: scale, then subtract
            factor = remainder[-1]
            shift = len(remainder) - len(y)
            remainder = [c * lead for c in remainder]
            for i, c in enumerate(y):
                remainder[i + shift] -= factor * c
            _trim(remainder)
        if not remainder:
            return y
        x, y = y, _primitive(remainder)
    return [1] if y else x


def _divide(p: list[int], d: list[int]) -> list[int]:
    """p / d for a primitive d that divides p: the quotient has integer coefficients
    (Gauss's lemma), so each step of the long division is exact."""
    remainder = p[:]
    quotient: list[int] = []  # from its top coefficient down
    for shift in range(len(p) - len(d), -1, -1):
        factor, rest = divmod(remainder[shift + len(d) - 1], d[-1])
        assert not rest  # d divides p
        quotient.append(factor)
        for i, c in enumerate(d):
            remainder[i + shift] -= factor * c
    assert not any(remainder)  # d divides p
    return quotient[::-1]
