"""Rolle brackets, huabei_calc._roots.search: every positive root of a sum of powers
Σ c_i z**e_i, the exponents days (docs/numerics.md, "Roots of cash flows").

Each root found is checked against the sum itself, evaluated exactly with ``Fraction``.
"""

from __future__ import annotations

import contextlib
import decimal
import itertools
import math
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import huabei_calc as hc
from huabei_calc._roots import search
from huabei_calc._roots.search import (
    WIDE,
    _bounds,
    _bracketed,
    _evaluate,
    _middle,
    positive_roots,
    root_between,
)

Terms = list[tuple[int, int]]


def _value(terms: Terms, z: Fraction) -> Fraction:
    return sum((c * z**e for c, e in terms), Fraction(0))


def _changes_sign_at(terms: Terms, z: Decimal, width: Fraction) -> bool:
    """The exact sum has opposite signs at z (1 - width) and z (1 + width): a root is there."""
    point = Fraction(z)
    below, above = _value(terms, point * (1 - width)), _value(terms, point * (1 + width))
    return (below > 0) != (above > 0)


def test_a_root_beyond_the_last_exponent_is_found() -> None:
    """1 - 1000 z^399 + z^400: a root just below 1 and one near 1000. The bound above is
    (|c_n| + max |c_i|) / |c_n| = 1001 (twice that searched): the root near 1000 is inside
    it, though the last exponent (400) is far larger than the last coefficient (1)."""
    terms = [(1, 0), (-1000, 399), (1, 400)]
    low, high = positive_roots(terms)
    assert Fraction(98, 100) < low < 1
    assert 999 < high <= 1000  # 1000 - 1000**-398: 1000 to 60 digits
    for z in (low, high):
        assert _changes_sign_at(terms, z, Fraction(1, 10**28))


def test_a_root_below_the_first_coefficient_bound_is_found() -> None:
    """1000 - 1001 z + z^30 (one sign change each side of 1): the root next to 1000/1001,
    and one above 1, each checked on the exact sum."""
    terms = [(1000, 0), (-1001, 1), (1, 30)]
    roots = positive_roots(terms)
    assert len(roots) == 2
    for z in roots:
        assert _changes_sign_at(terms, z, Fraction(1, 10**28))


@pytest.mark.parametrize("scale", [1, 10**12])
def test_a_touching_root_is_listed_once_whatever_the_size(scale: int) -> None:
    """(2z - 1)² (4z - 3) × scale: z = 1/2 is a double root (the sum touches zero there)
    and z = 3/4 a simple one. Zero is judged relatively to the terms' size (1e-45 of
    Σ |c_i z**e_i|), so flows in the 10^12 are judged as flows of 1."""
    poly = [-3 * scale, 16 * scale, -28 * scale, 16 * scale]  # (4z² - 4z + 1)(4z - 3)
    terms = [(c, e) for e, c in enumerate(poly)]
    found = positive_roots(terms)
    assert len(found) == 2
    assert abs(found[0] - Decimal("0.5")) < Decimal("1e-20")
    assert abs(found[1] - Decimal("0.75")) < Decimal("1e-28")


def test_dated_flows_of_many_sign_changes() -> None:
    """Rates 0.1, 0.2, 0.5 and 1 a year, flows 365 days apart: with g = 1 + r = z^-365 the
    flows are the coefficients of (10g - 11)(5g - 6)(2g - 3)(g - 2), highest power first.
    Four sign changes, four roots z = g^(-1/365), increasing (the rates decreasing)."""
    flows = [100, -580, 1237, -1152, 396]  # expanded, and checked with Fraction below
    rates = [Fraction(11, 10), Fraction(6, 5), Fraction(3, 2), Fraction(2)]
    for g in rates:
        assert sum(c * g ** (4 - k) for k, c in enumerate(flows)) == 0
    terms = [(c, 365 * k) for k, c in enumerate(flows)]
    found = positive_roots(terms)
    assert len(found) == 4
    assert found == sorted(found)
    for z, g in zip(found, reversed(rates), strict=True):
        assert abs(Fraction(z) ** -365 - g) < Fraction(1, 10**25)


def test_evaluate_gives_the_sum_its_moment_and_its_size() -> None:
    """f(z), z f'(z) and Σ |c_i| z^e_i at z = 1/2 for f = 1 - 3 z² + 2 z⁵:
    1 - 3/4 + 2/32 = 0.3125; 0 - 6/4 + 10/32 = -1.1875; 1 + 3/4 + 2/32 = 1.8125."""
    value, moment, size = _evaluate([(1, 0), (-3, 2), (2, 5)], Decimal("0.5"))
    assert (value, moment, size) == (Decimal("0.3125"), Decimal("-1.1875"), Decimal("1.8125"))
    value, moment, size = _evaluate([(-1, 0), (4, 1)], Decimal(2))  # -1 + 8
    assert (value, moment, size) == (7, 8, 9)


def test_bracketed_narrows_a_triple_root() -> None:
    """(2z - 1)³ = 8z³ - 12z² + 6z - 1 in (1/4, 1): Newton is slow at a triple root (each
    step 2/3 of the last), so the bracket is halved; the root is good to about
    (1e-45)^(1/3) (docs/numerics.md)."""
    terms = [(-1, 0), (6, 1), (-12, 2), (8, 3)]
    with decimal.localcontext(WIDE):
        z = _bracketed(terms, Decimal("0.25"), Decimal(1), -1)
    assert abs(z - Decimal("0.5")) < Decimal("1e-14")


@pytest.mark.parametrize(("low", "high"), [("0.4", "0.6"), ("0.35", "0.9"), ("0.49", "1000")])
def test_bracketed_finds_the_one_root_between_its_ends(low: str, high: str) -> None:
    """20 z² - 16 z + 3 = (2z - 1)(10z - 3) has the roots 3/10 and 1/2: the one in each
    bracket, 1/2, is found to 1e-30 relatively."""
    terms = [(3, 0), (-16, 1), (20, 2)]
    with decimal.localcontext(WIDE):
        lo, hi = Decimal(low), Decimal(high)
        sign = 1 if _value(terms, Fraction(lo)) > 0 else -1
        z = _bracketed(terms, lo, hi, sign)
    assert abs(z - Decimal("0.5")) <= Decimal("0.5e-30")


sizes = st.integers(1, 10**14)


@given(sizes, sizes, st.integers(1, 3000), st.booleans())
@example(982916, 39807806624929, 2, False)
@example(9884362166373, 329, 2, True)
def test_the_root_of_two_powers(first: int, last: int, exponent: int, flip: bool) -> None:
    """c_0 + c_1 z^e, opposite signs: the one root is (-c_0 / c_1)^(1/e), found to the
    search's tolerance, 1e-30 relatively (and 60-digit rounding)."""
    sign = -1 if flip else 1
    (z,) = positive_roots([(sign * first, 0), (-sign * last, exponent)])
    with decimal.localcontext(decimal.Context(prec=100)):
        exact = (Decimal(first) / last) ** (Decimal(1) / exponent)
        assert abs(z - exact) <= Decimal("2e-30") * exact


# -- root_between, _bracketed: accuracy and cost against exact rational roots ------------------


def _poly(roots: list[Fraction], extra: tuple[int, ...]) -> Terms:
    """The terms of Π (z - root) × extra (constant first), scaled to integers; zeros left out."""
    poly = [Fraction(c) for c in extra]
    for root in roots:
        product = [Fraction(0)] * (len(poly) + 1)
        for i, a in enumerate(poly):
            product[i] -= a * root
            product[i + 1] += a
        poly = product
    scale = math.lcm(*(c.denominator for c in poly))
    return [(int(c * scale), e) for e, c in enumerate(poly) if c]


def _decimal(x: Fraction) -> Decimal:
    with decimal.localcontext(WIDE):
        return Decimal(x.numerator) / x.denominator


@contextlib.contextmanager
def _counting() -> Iterator[list[int]]:
    """search._evaluate counted while in the block: ``[calls]``."""
    calls = [0]

    def counted(terms: Terms, z: Decimal) -> tuple[Decimal, Decimal, Decimal]:
        calls[0] += 1
        return _evaluate(terms, z)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "_evaluate", counted)
        yield calls


# one positive root, simple; the others negative or complex (z² + 1, z² + z + 1, 3z² + z + 2)
positive = st.builds(
    lambda n, d, e: Fraction(n, d) * Fraction(10) ** e,
    st.integers(1, 10**6),
    st.integers(1, 10**6),
    st.integers(-9, 8),
)
negative = st.lists(st.fractions(Fraction(-100), Fraction(-1, 100)), max_size=2)
no_real_root = st.sampled_from([(1,), (1, 0, 1), (1, 1, 1), (2, 1, 3)])


@given(
    positive,
    negative,
    no_real_root,
    st.fractions(Fraction(1, 100), Fraction(99, 100)),
    st.fractions(Fraction(101, 100), Fraction(4)),
)
@example(Fraction(1, 3), [], (1,), Fraction(1, 2), Fraction(2))
@settings(max_examples=100)
def test_root_between_close_ends_is_exact_to_1e_30_in_few_steps(
    root: Fraction, others: list[Fraction], extra: tuple[int, ...], below: Fraction, above: Fraction
) -> None:
    """A bracket (root·below, root·above), a factor 4 or less each way: the root to 1e-30
    relatively (and the 60 digits' rounding), found by Newton's method, whose error squares
    each step: at most 16 evaluations of f (measured: 13), never the ~200 of halving."""
    terms = _poly([root, *others], extra)
    low, high = _decimal(root * below), _decimal(root * above)
    sign = 1 if _value(terms, Fraction(low)) > 0 else -1
    with _counting() as calls:
        z = root_between(terms, low, high, sign)
    assert abs(Fraction(z) - root) <= root * Fraction(1, 10**30)
    assert calls[0] <= 16


@given(positive.filter(lambda r: Fraction(1, 10**9) < r < 10**9), negative, no_real_root)
@example(Fraction(7, 10**9), [Fraction(-2)], (1, 1, 1))
@example(Fraction(999_999, 10**6) * 10**8, [], (1,))
def test_root_between_the_widest_ends_halves_geometrically(
    root: Fraction, others: list[Fraction], extra: tuple[int, ...]
) -> None:
    """The bracket (1e-9, 1e9), a factor 1e18: halved at the geometric mean while it spans
    a factor over 4 (log2 log2 1e18 = 6 halvings bring it under), at least every other
    step; then Newton. At most 24 evaluations (measured: 20), the root to 1e-30."""
    terms = _poly([root, *others], extra)
    sign = 1 if terms[0][0] > 0 else -1  # f(1e-9) has the sign of f(0)
    with _counting() as calls:
        z = root_between(terms, Decimal("1e-9"), Decimal("1e9"), sign)
    assert abs(Fraction(z) - root) <= root * Fraction(1, 10**30)
    assert calls[0] <= 24


@given(positive, negative, no_real_root, st.sampled_from([2, 10, 10**9]))
@example(Fraction(7, 10**9), [Fraction(-2)], (1, 1, 1), 10**9)
def test_root_between_zero_and_a_high_end(
    root: Fraction, others: list[Fraction], extra: tuple[int, ...], above: int
) -> None:
    """The low end 0 (an isolating interval (0, 2**-k) of the periodic path): no geometric
    mean, so the bracket is halved at its middle, at least every other step, until its
    low end leaves 0: at most 2·log2(high / root) + 16 evaluations; the root to 1e-30."""
    terms = _poly([root, *others], extra)
    sign = 1 if terms[0][0] > 0 else -1  # the sign of f(0) = c_0
    with _counting() as calls:
        z = root_between(terms, Decimal(0), _decimal(root * above), sign)
    assert abs(Fraction(z) - root) <= root * Fraction(1, 10**30)
    assert calls[0] <= 2 * math.log2(above) + 16


def test_the_middle_of_a_bracket() -> None:
    """``_middle``: the geometric mean of ends more than a factor 4 apart, else the
    midpoint (at exactly 4 too, and from the low end 0)."""
    with decimal.localcontext(WIDE):
        assert _middle(Decimal(1), Decimal(100)) == 10
        assert _middle(Decimal("1e-9"), Decimal("1e9")) == 1
        assert _middle(Decimal(1), Decimal(5)) == Decimal(5).sqrt()
        assert _middle(Decimal(1), Decimal(4)) == Decimal("2.5")
        assert _middle(Decimal(2), Decimal(3)) == Decimal("2.5")
        assert _middle(Decimal(0), Decimal(8)) == 4


# -- _bounds, _roots: where the roots can be, and Rolle's recursion -------------------------------

coefficients = st.integers(-(10**6), 10**6).filter(bool)


@st.composite
def sparse_sums(draw: st.DrawFn, max_terms: int = 6) -> Terms:
    """Σ c_i z**e_i: non-zero coefficients, exponents increasing from 0 (up to 40)."""
    cs = draw(st.lists(coefficients, min_size=2, max_size=max_terms))
    exponents = sorted(
        draw(st.sets(st.integers(1, 40), min_size=len(cs) - 1, max_size=len(cs) - 1))
    )
    return list(zip(cs, [0, *exponents], strict=True))


def _sign(x: Fraction) -> int:
    return (x > 0) - (x < 0)


@given(sparse_sums())
def test_bounds_are_half_and_twice_the_proved_ones(terms: Terms) -> None:
    """``_bounds``: the module's formulas, |c_0| / (|c_0| + M) / 2 and 2 (|c_n| + M') / |c_n|,
    M and M' the largest |c_i| but the first and but the last. Already at the proved bounds
    themselves (before the margin of 2) f has the sign of c_0 below and of c_n above:
    |Σ_(i≥1) c_i z**e_i| < M z / (1 - z) = |c_0| there, and mirrored."""
    with decimal.localcontext(WIDE):  # as in positive_roots
        low, high = _bounds(terms)
    first, last = abs(terms[0][0]), abs(terms[-1][0])
    below = max(abs(c) for c, _ in terms[1:])
    above = max(abs(c) for c, _ in terms[:-1])
    proved_low, proved_high = Fraction(first, first + below), Fraction(last + above, last)
    assert abs(Fraction(low) - proved_low / 2) <= proved_low * Fraction(1, 10**59)
    assert abs(Fraction(high) - 2 * proved_high) <= proved_high * Fraction(1, 10**58)
    for z in (Fraction(low), proved_low, proved_low / 10):
        assert _sign(_value(terms, z)) == _sign(Fraction(terms[0][0]))
    for z in (Fraction(high), proved_high, proved_high * 10):
        assert _sign(_value(terms, z)) == _sign(Fraction(terms[-1][0]))


@given(sparse_sums(max_terms=7))
@example([(1, 0), (1, 1), (-3, 2), (3, 3), (-1, 4)])  # + + - + -: the first change at 1
def test_rolle_takes_one_sign_change_off_at_each_level(terms: Terms) -> None:
    """``_roots`` recurses on z**(e_k + 1) g', g = z**-e_k f, c_(k-1) and c_k of opposite
    signs: one sign change fewer at each level (Descartes then bounds its roots), down
    to one change, whose one root is bracketed directly."""
    levels: list[int] = []
    inner = search._roots

    def recorded(sums: Terms) -> list[Decimal]:
        signs = [c > 0 for c, _ in sums]
        levels.append(sum(a != b for a, b in itertools.pairwise(signs)))
        return inner(sums)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "_roots", recorded)
        found = positive_roots(terms)
    first = levels[0]
    assert levels == (list(range(first, 0, -1)) if first else [0])
    assert len(found) <= first


@given(sparse_sums(max_terms=6))
@example([(-3, 0), (16, 1), (-28, 2), (16, 3)])  # (2z - 1)² (4z - 3)
def test_the_sum_is_not_evaluated_at_the_bounds(terms: Terms) -> None:
    """The signs at the bounds are known (f has c_0's sign at the low one, c_n's at the
    high one: the bound argument), so ``_roots`` never evaluates f there: only at the
    critical points between them and inside the brackets."""
    seen: list[tuple[Terms, Decimal]] = []

    def recorded(sums: Terms, z: Decimal) -> tuple[Decimal, Decimal, Decimal]:
        seen.append((sums, z))
        return _evaluate(sums, z)

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(search, "_evaluate", recorded)
        positive_roots(terms)
    for sums, z in seen:
        with decimal.localcontext(WIDE):
            low, high = _bounds(sums)
        assert low < z < high


def test_a_search_out_of_steps_is_an_error_naming_the_bracket(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """``_bracketed`` stops after _MAX_STEPS evaluations (never reached: the bracket at
    least halves every other step) with an error naming the bracket left, not a guess.
    One step on 3z - 1 from (0, 1): f(1/2) > 0 leaves (0, 1/2), Newton's 1/3 not tried."""
    monkeypatch.setattr(search, "_MAX_STEPS", 1)
    with pytest.raises(
        hc.NoConvergenceError, match=r"^the rate did not settle between z=0 and z=0\.5$"
    ):
        root_between([(-1, 0), (3, 1)], Decimal(0), Decimal(1), -1)


@given(
    st.integers(10**6, 10**8),
    st.integers(10**14, 10**16),
    st.lists(st.fractions(Fraction(-100), Fraction(-1, 100)), min_size=1, max_size=2),
    no_real_root,
    st.booleans(),
)
@example(10**6, 2 * 10**16, [Fraction(-2)], (1,), True)  # 5e-11: Newton's last steps 3e-22, 0
@example(10**6, 10**16, [Fraction(-1, 2)], (1, 1, 1), False)
@settings(max_examples=50)
def test_a_root_next_to_zero_is_found_to_1e_30_relatively(
    numerator: int, denominator: int, others: list[Fraction], extra: tuple[int, ...], zero: bool
) -> None:
    """Roots from 1e-10 to 1e-6 (rates of 1e6 and more a period), the other roots of
    the same size (so that f curves at that scale): the tolerance is relative, 1e-30·z,
    not an absolute 1e-30, which would stop Newton a step early."""
    root = Fraction(numerator, denominator)
    terms = _poly([root, *(root * other for other in others)], extra)
    sign = 1 if terms[0][0] > 0 else -1
    low = Decimal(0) if zero else _decimal(root / 3)
    z = root_between(terms, low, _decimal(root * 3), sign)
    assert abs(Fraction(z) - root) <= root * Fraction(1, 10**30)
