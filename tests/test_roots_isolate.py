"""Exact isolation of a polynomial's roots, huabei_calc._roots.isolate: each function's
contract checked against polynomials built from chosen rational roots (fractions.Fraction),
and the speed that the modular square-freeness proof buys.
The method is on docs/numerics.md, "Roots of cash flows"."""

from __future__ import annotations

import time
from decimal import Decimal
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from huabei_calc import irr, irr_roots
from huabei_calc._roots.isolate import (
    Interval,
    common_roots,
    halve,
    in_unit_interval,
    left_sign,
    shift_by_one,
    sign_at,
    square_free,
)

from .strategies import polynomial_from_roots

PRIME = (1 << 61) - 1  # the prime of the modular proof (docs/numerics.md)


def _value(p: list[int], x: Fraction) -> Fraction:
    total = Fraction(0)
    for c in reversed(p):
        total = total * x + c
    return total


def _sign(x: Fraction) -> int:
    return (x > 0) - (x < 0)


dyadic = st.builds(lambda k, j: Fraction(2 * j + 1, 1 << k), st.integers(1, 5), st.integers(0, 15))
unit_fractions = st.fractions(Fraction(1, 1000), Fraction(999, 1000), max_denominator=1000)
unit_roots = st.one_of(dyadic.filter(lambda r: r < 1), unit_fractions)


# -- sign_at, left_sign ----------------------------------------------------------------------


def test_sign_at_a_root_is_zero() -> None:
    """(2z - 1)(4z - 3) = 8z² - 10z + 3 at z = 1/2 and 3/4 is 0, between them negative."""
    p = polynomial_from_roots([Fraction(1, 2), Fraction(3, 4)])
    assert sign_at(p, 1, 1) == 0  # 1/2
    assert sign_at(p, 3, 2) == 0  # 3/4
    assert sign_at(p, 5, 3) == -1  # 5/8
    assert sign_at(p, 0, 0) == 1  # p(0) = 3


def test_left_sign_above_a_root_at_the_low_end_is_the_slope_sign() -> None:
    """8z² - 10z + 3 vanishes at 1/2; just above it the sign is that of p'(1/2) = -2 < 0
    (the roots are 1/2 and 3/4, and p < 0 between them)."""
    p = polynomial_from_roots([Fraction(1, 2), Fraction(3, 4)])
    assert left_sign(p, Interval(1, 1)) == -1  # (1/2, 1): p(1/2) = 0
    assert left_sign(p, Interval(3, 2)) == 1  # (3/4, 1): p(3/4) = 0, p'(3/4) = 2 > 0
    assert left_sign(p, Interval(0, 1)) == 1  # (0, 1/2): p(0) = 3
    assert left_sign(p, Interval(5, 3)) == -1  # (5/8, 3/4): p(5/8) < 0


@given(st.lists(unit_roots, min_size=1, max_size=5, unique=True))
def test_left_sign_is_the_sign_just_above_the_low_end(roots: list[Fraction]) -> None:
    p = polynomial_from_roots(roots)
    for interval in in_unit_interval(p):
        low = interval.low()
        above = low + Fraction(1, 1 << (interval.k + 40))  # closer than any other root
        assert left_sign(p, interval) == _sign(_value(p, above))


# -- halve -------------------------------------------------------------------------------------


def test_halving_onto_the_root_finds_it_exactly() -> None:
    """4z - 1 on (0, 1/2): the midpoint 1/4 is the root, returned exactly."""
    p = polynomial_from_roots([Fraction(1, 4)])
    half, sign = halve(p, Interval(0, 1), -1)
    assert half == Interval(1, 2, True)
    assert half.low() == half.high() == Fraction(1, 4)
    assert sign == -1


@given(st.lists(unit_roots, min_size=1, max_size=5, unique=True))
def test_halving_keeps_the_root(roots: list[Fraction]) -> None:
    """Each half returned holds its interval's root, strictly inside or exactly at it;
    the sign returned is p's sign just above the new low end."""
    p = polynomial_from_roots(roots)
    for interval, root in zip(in_unit_interval(p), sorted(roots), strict=True):
        sign = left_sign(p, interval)
        for _ in range(12):
            if interval.exact:
                break
            interval, sign = halve(p, interval, sign)
            if interval.exact:
                assert interval.low() == root
            else:
                assert interval.low() < root < interval.high()
                assert sign == left_sign(p, interval)


@settings(max_examples=50)
@given(
    st.lists(st.integers(-(10**6), 10**6), min_size=1, max_size=8),
    st.fractions(Fraction(-3), Fraction(3), max_denominator=50),
)
def test_shift_by_one_is_the_polynomial_of_x_plus_one(p: list[int], x: Fraction) -> None:
    """``shift_by_one(p)``: the coefficients of p(x + 1), of the same degree."""
    shifted = shift_by_one(p)
    assert len(shifted) == len(p)
    assert sum((c * x**i for i, c in enumerate(shifted)), Fraction(0)) == sum(
        (c * (x + 1) ** i for i, c in enumerate(p)), Fraction(0)
    )
    assert shift_by_one([1, 2, 1]) == [4, 4, 1]  # (x + 2)² = x² + 4x + 4


# -- in_unit_interval ------------------------------------------------------------------------


def test_a_single_root_at_one_half_is_isolated() -> None:
    """2z - 1: the transformed coefficients are (1, -1), one sign change, one root."""
    assert in_unit_interval([-1, 2]) == [Interval(0, 0)]
    assert in_unit_interval([1, -2]) == [Interval(0, 0)]
    assert in_unit_interval([1, 2]) == []  # root -1/2: none in (0, 1)


def test_roots_on_midpoints_are_found_exactly_and_in_order() -> None:
    """Roots 1/3 and 1/2: 1/2 is the first midpoint, found exactly, after 1/3's interval."""
    found = in_unit_interval(polynomial_from_roots([Fraction(1, 2), Fraction(1, 3)]))
    assert found == [Interval(0, 1), Interval(1, 1, True)]
    # 1/4, 1/2, 3/4: 1/2 exactly; (0, 1/2) and (1/2, 1) hold one root each, 1/2 at the
    # low end of the second (excluded: the interval is open)
    found = in_unit_interval(
        polynomial_from_roots([Fraction(1, 2), Fraction(3, 4), Fraction(1, 4)])
    )
    assert found == [Interval(0, 1), Interval(1, 1, True), Interval(1, 1)]
    (top,) = in_unit_interval(
        polynomial_from_roots([Fraction(1, 2), Fraction(1, 3)]), largest_only=True
    )
    assert top == Interval(1, 1, True)


@given(st.lists(unit_roots, min_size=1, max_size=6, unique=True))
def test_isolation_holds_each_root_once_including_dyadic_ones(roots: list[Fraction]) -> None:
    found = in_unit_interval(polynomial_from_roots(roots))
    assert len(found) == len(roots)
    for interval, root in zip(found, sorted(roots), strict=True):
        if interval.exact:
            assert interval.low() == root == interval.high()
        else:
            assert interval.low() < root < interval.high()


# -- square_free, common_roots ---------------------------------------------------------------


@given(st.lists(unit_roots, min_size=1, max_size=4, unique=True), st.integers(2, 3))
def test_square_free_keeps_each_root_once(roots: list[Fraction], power: int) -> None:
    """p = Π (d z - n) · (first factor)**power - 1: square_free(p) is Π (d z - n), up to sign."""
    p = polynomial_from_roots(roots + roots[:1] * (power - 1))
    q = square_free(p)
    assert q in (polynomial_from_roots(roots), [-c for c in polynomial_from_roots(roots)])
    assert square_free(polynomial_from_roots(roots)) == polynomial_from_roots(roots)


def test_square_free_when_the_prime_divides_the_top_coefficient() -> None:
    """p = (P z - 1)² (z - 2), P the prime: modulo P, p is z - 2, square-free, so the cheap
    proof does not apply (the prime divides p's top coefficient P²); the exact gcd finds
    the double root 1/P."""
    p = polynomial_from_roots([Fraction(1, PRIME), Fraction(1, PRIME), Fraction(2)])
    assert p[-1] == PRIME**2
    assert square_free(p) in (
        polynomial_from_roots([Fraction(1, PRIME), Fraction(2)]),
        [-c for c in polynomial_from_roots([Fraction(1, PRIME), Fraction(2)])],
    )


def test_common_roots_is_the_common_factor() -> None:
    """(2z - 1)(3z - 1) and (2z - 1)(5z - 4) share 2z - 1; (3z - 1) and (5z - 4) share none."""
    a = polynomial_from_roots([Fraction(1, 2), Fraction(1, 3)])
    b = polynomial_from_roots([Fraction(1, 2), Fraction(4, 5)])
    assert common_roots(a, b) in ([-1, 2], [1, -2])
    assert common_roots(
        polynomial_from_roots([Fraction(1, 3)]), polynomial_from_roots([Fraction(4, 5)])
    ) == [1]


def test_common_roots_when_the_prime_divides_the_top_coefficient() -> None:
    """(P z - 1)(z + 1) and (P z - 1)(z + 2) share P z - 1, though modulo P they are
    -(z + 1) and -(z + 2), coprime: the cheap proof must not be trusted there. Coprime
    polynomials give [1] on the exact path too; the gcd with 0 is the polynomial itself."""
    a = polynomial_from_roots([Fraction(1, PRIME), Fraction(-1)])
    b = polynomial_from_roots([Fraction(1, PRIME), Fraction(-2)])
    assert common_roots(a, b) in ([-1, PRIME], [1, -PRIME])
    assert common_roots(a, polynomial_from_roots([Fraction(-3)])) == [1]
    assert common_roots(polynomial_from_roots([Fraction(1, PRIME)]), [5, -1]) == [1]
    assert common_roots(a, []) == a


# -- what a user sees ------------------------------------------------------------------------


def test_thirty_years_of_irregular_monthly_flows_are_solved_in_a_moment() -> None:
    """361 monthly flows of irregular sizes, a second loan in the middle (three sign
    changes): the flows' polynomial is proved square-free modulo the prime in milliseconds;
    its exact gcd with its derivative would take most of a minute (measured: 26 s). The
    rate is checked exactly: the NPV changes sign across it."""
    flows = [Decimal(-500000)]
    flows += [3000 + Decimal((k * 7919) % 100000) / 100 for k in range(1, 361)]
    flows[180] = Decimal(-250000)
    start = time.process_time()
    rate = irr(flows)
    assert irr_roots(flows) == (rate,)
    assert time.process_time() - start < 5
    fens = [int(f * 100) for f in flows]
    low, high = 1 + Fraction(rate) - Fraction(1, 10**20), 1 + Fraction(rate) + Fraction(1, 10**20)
    # (1 + r)**360 · NPV(r): the same sign as the NPV
    npv_low = sum(c * low ** (360 - k) for k, c in enumerate(fens))
    npv_high = sum(c * high ** (360 - k) for k, c in enumerate(fens))
    assert (npv_low > 0) != (npv_high > 0)
