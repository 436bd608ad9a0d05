"""The root solver, huabei_calc._roots: exact isolation (isolate.py) and Rolle brackets
(search.py), checked against polynomials built from chosen roots and exact Sturm counts.
The arguments are on docs/numerics.md, "Roots of cash flows"."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from huabei_calc._roots.isolate import common_roots, in_unit_interval, sign_at, square_free
from huabei_calc._roots.search import positive_roots

from .strategies import polynomial_from_roots

unit_fractions = st.fractions(Fraction(1, 1000), Fraction(999, 1000), max_denominator=1000)


@given(st.lists(unit_fractions, min_size=1, max_size=6, unique=True))
def test_isolation_finds_each_chosen_root_once(roots: list[Fraction]) -> None:
    """Π (d z - n) has exactly the chosen roots in (0, 1): each isolated or exact, in order."""
    poly = polynomial_from_roots(roots)
    found = in_unit_interval(square_free(poly))
    assert len(found) == len(roots)
    for interval, root in zip(found, sorted(roots), strict=True):
        assert interval.low() <= root <= interval.high()
        if not interval.exact:
            assert interval.low() < root < interval.high()


@given(st.lists(unit_fractions, min_size=1, max_size=4, unique=True))
def test_square_free_removes_repeated_factors(roots: list[Fraction]) -> None:
    squared = polynomial_from_roots(roots + roots[:1])  # the first root twice
    reduced = square_free(squared)
    assert len(reduced) == len(roots) + 1  # degree len(roots)
    assert len(in_unit_interval(reduced)) == len(roots)
    assert common_roots(
        polynomial_from_roots(roots), polynomial_from_roots([Fraction(1, 1001)])
    ) == [1]


def test_largest_only_is_the_largest() -> None:
    roots = [Fraction(1, 7), Fraction(1, 2), Fraction(5, 6)]
    (top,) = in_unit_interval(polynomial_from_roots(roots), largest_only=True)
    assert top.low() <= Fraction(5, 6) <= top.high()
    assert in_unit_interval([1, 0, 1]) == []  # z² + 1: no real root


def test_sign_at_is_exact() -> None:
    poly = polynomial_from_roots([Fraction(1, 3)])  # 3 z - 1
    assert sign_at(poly, 1, 2) == -1  # z = 1/4
    assert sign_at(poly, 3, 3) == 1  # z = 3/8


@pytest.mark.parametrize(
    "roots",
    [
        [Fraction(1, 2), Fraction(2)],
        [Fraction(1, 10), Fraction(9, 10), Fraction(11, 10), Fraction(30)],
        [Fraction(999, 1000), Fraction(1001, 1000)],
    ],
)
def test_rolle_brackets_find_every_positive_root(roots: list[Fraction]) -> None:
    poly = polynomial_from_roots(roots)
    terms = [(c, e) for e, c in enumerate(poly) if c]
    found = positive_roots(terms)
    assert len(found) == len(roots)
    for z, root in zip(found, roots, strict=True):
        assert abs(Fraction(z) - root) <= root * Fraction(1, 10**25)


def test_rolle_brackets_on_a_sparse_sum() -> None:
    """z^365 - 3 z^30 + 1 (days as exponents): Descartes allows two roots; the sum is 1 - 3 + 1
    < 0 at z = 1 and positive at 0 and at infinity, so both exist, one on each side of 1."""
    terms = [(1, 0), (-3, 30), (1, 365)]
    low, high = positive_roots(terms)
    assert low < 1 < high
    for z in (low, high):
        value = sum(c * Fraction(z) ** e for c, e in terms)
        assert abs(value) < Fraction(1, 10**20)
    assert positive_roots([(1, 0), (1, 10)]) == []


def test_a_touching_root_is_listed_once() -> None:
    poly = polynomial_from_roots([Fraction(1, 2), Fraction(1, 2), Fraction(3, 4)])
    terms = [(c, e) for e, c in enumerate(poly) if c]
    found = positive_roots(terms)
    assert len(found) == 2
    assert abs(found[0] - Decimal("0.5")) < Decimal("1e-20")
