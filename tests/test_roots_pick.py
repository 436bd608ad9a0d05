"""The root chosen, huabei_calc._roots.pick: every rate of flows built from chosen rates,
and the one ``irr``/``xirr`` return, closest to zero, a tie going to the non-negative one
(docs/conventions.md, "Root choice"; docs/numerics.md, "Roots of cash flows").

Flows with known rates: the NPV Σ c_k g**-k (g = 1 + r) is zero exactly where the
polynomial Σ c_k g**(n-k) is, so the flows are the coefficients of Π (q_i g - p_i),
highest power first, for chosen rates 1 + r_i = p_i / q_i, expanded with ``Fraction``.
Dated flows 365 days apart have the same rates (actual/365: one year per flow).
"""

from __future__ import annotations

import decimal
import itertools
import math
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import huabei_calc as hc
from huabei_calc._roots import pick
from huabei_calc._roots.isolate import Interval, halve
from huabei_calc._roots.pick import (
    _rate,
    _single,
    _single_sign_change,
    _tie,
    _value,
    every_rate,
    first_guess,
    minus_one,
    solve,
)
from huabei_calc._roots.power_sum import PowerSum

START = date(2001, 1, 1)
SHOWN = Fraction(1, 10**20)  # irr_roots and xirr_roots give 20 decimal places


def _flows(rates: list[Fraction], extra: tuple[int, ...] = (1,)) -> list[int]:
    """The flows whose rates are ``rates``: coefficients of Π (q g - p) × ``extra``,
    highest power of g first (``extra``, highest first too, may add complex roots)."""
    poly = [Fraction(c) for c in extra]
    for r in rates:
        g = 1 + r
        factor = [Fraction(g.denominator), Fraction(-g.numerator)]
        product = [Fraction(0)] * (len(poly) + 1)
        for i, a in enumerate(poly):
            for j, b in enumerate(factor):
                product[i + j] += a * b
        poly = product
    assert all(c.denominator == 1 for c in poly)
    return [int(c) for c in poly]


def _dated(flows: list[int] | list[str], days: int = 365) -> list[tuple[date, object]]:
    return [(START + timedelta(days=days * k), c) for k, c in enumerate(flows)]


def _closest(rates: list[Fraction]) -> Fraction:
    """The rate closest to zero, a tie going to the non-negative one (the conventions)."""
    return min(rates, key=lambda r: (abs(r), r < 0))


def _near(found: Decimal, exact: Fraction) -> bool:
    return abs(Fraction(found) - exact) <= SHOWN


rate_strategy = st.fractions(Fraction(-9, 10), Fraction(3), max_denominator=12)


@given(
    st.lists(rate_strategy, min_size=2, max_size=4, unique=True),
    st.sampled_from([(1,), (1, -1, 1), (2, 1, 1)]),
)
@example([Fraction(1, 2), Fraction(-1, 2)], (1,))  # a tie: ±1/2
@example([Fraction(1, 3), Fraction(-1, 3), Fraction(2)], (1,))  # a tie, z = 3/4 exact
@example([Fraction(1), Fraction(-99, 100)], (1,))  # z = 1/2 exact, -0.99 closer
@example([Fraction(1), Fraction(3)], (1,))  # both above zero
@example([Fraction(-1, 2), Fraction(-1, 4), Fraction(-1, 10)], (1,))  # all below zero
def test_irr_is_the_listed_root_closest_to_zero(
    rates: list[Fraction], extra: tuple[int, ...]
) -> None:
    """irr_roots lists exactly the chosen rates (the extra factors g² - g + 1 and
    2g² + g + 1 have no real root), increasing; irr returns the one closest to zero."""
    flows = _flows(rates, extra)
    found = hc.irr_roots(flows)
    assert len(found) == len(rates)
    assert all(_near(f, r) for f, r in zip(found, sorted(rates), strict=True))
    assert list(found) == sorted(found)
    closest = _closest(rates)
    assert hc.irr(flows) == found[sorted(rates).index(closest)]


@given(
    st.lists(rate_strategy, min_size=2, max_size=3, unique=True),
    st.sampled_from([(1,), (1, -1, 1)]),
)
@example([Fraction(1, 2), Fraction(-1, 2)], (1,))
@example([Fraction(1, 10), Fraction(1, 9)], (1,))  # both above zero: the smaller
@example([Fraction(-1, 2), Fraction(-1, 4), Fraction(-1, 10)], (1,))  # all below: the largest
@example([Fraction(-1, 2), Fraction(1, 4)], (1,))  # one on each side
def test_xirr_is_the_listed_root_closest_to_zero(
    rates: list[Fraction], extra: tuple[int, ...]
) -> None:
    """The same flows one year (365 days) apart: the same rates, by Rolle brackets."""
    flows = _dated(_flows(rates, extra))
    found = hc.xirr_roots(flows)
    assert len(found) == len(rates)
    assert all(_near(f, r) for f, r in zip(found, sorted(rates), strict=True))
    closest = _closest(rates)
    assert hc.xirr(flows) == found[sorted(rates).index(closest)]


@pytest.mark.parametrize("sign", [1, -1])
def test_a_tie_goes_to_the_non_negative_rate(sign: int) -> None:
    """(2g - 3)(2g - 1) = 4g² - 8g + 3: the rates +1/2 and -1/2, equally close to zero."""
    flows = [sign * c for c in (4, -8, 3)]
    half = Decimal("0.50000000000000000000")
    assert hc.irr_roots(flows) == (-half, half)
    assert hc.irr(flows) == half
    assert hc.xirr_roots(_dated(flows)) == (-half, half)
    assert hc.xirr(_dated(flows)) == half


@pytest.mark.parametrize("sign", [1, -1])
def test_a_tie_on_an_exact_root(sign: int) -> None:
    """(3g - 4)(3g - 2) = 9g² - 18g + 8: ±1/3, and 1/(1 + 1/3) = 3/4 is found exactly."""
    flows = [sign * c for c in (9, -18, 8)]
    third = Decimal("0.33333333333333333333")
    assert hc.irr(flows) == third
    assert hc.irr_roots(flows) == (-third, third)
    assert hc.xirr(_dated(flows)) == third


def test_a_tie_among_more_rates() -> None:
    rates = [Fraction(1, 2), Fraction(-1, 2), Fraction(4), Fraction(-3, 4)]
    assert hc.irr(_flows(rates)) == Decimal("0.5")
    assert hc.xirr(_dated(_flows(rates))) == Decimal("0.5")


def test_an_exact_root_is_not_taken_for_a_tie() -> None:
    """Rates 1 (z = 1/2, isolated exactly) and -0.99 (|r| = 0.99): -0.99 is closer."""
    flows = _flows([Fraction(1), Fraction(-99, 100)])
    assert hc.irr(flows) == Decimal("-0.99")
    assert hc.irr_roots(flows) == (Decimal("-0.99"), Decimal(1))


@pytest.mark.parametrize("dated", [False, True])
def test_no_rate_is_refused_with_the_reason(dated: bool) -> None:
    """1 - v + v² > 0 for every v: no rate; the command line shows this message."""
    flows = [1, -1, 1]
    call = (lambda: hc.xirr(_dated(flows))) if dated else (lambda: hc.irr(flows))
    with pytest.raises(
        hc.NoConvergenceError, match=r"^no rate between -100% and infinity makes the NPV zero"
    ):
        call()
    assert (hc.xirr_roots(_dated(flows)) if dated else hc.irr_roots(flows)) == ()


def test_flows_adding_up_to_zero_list_the_rate_zero_exactly() -> None:
    """-1 + 3 v - 2 v² = 0 at v = 1 and v = 1/2: the rates 0 and 1. The 0 is the exact
    zero that xirr gives for flows adding up to zero, not a rate next to it."""
    flows = _dated([-1, 3, -2])
    roots = hc.xirr_roots(flows)
    assert roots == (0, 1)
    assert str(roots[0]) == str(hc.xirr(flows)) == "0"
    assert str(hc.irr_roots([-1, 3, -2])[0]) == "0"
    # here the bracket ends next to z = 1, not on it (60 digits): the rate is still 0 exactly
    amounts = ["5252.32", "-9752.89", "2499.54", "5191.21", "-3190.18"]
    days = [0, 116, 481, 693, 866]
    uneven = [(START + timedelta(days=d), a) for d, a in zip(days, amounts, strict=True)]
    assert [str(r) for r in hc.xirr_roots(uneven) if abs(r) < Decimal("1e-10")] == ["0"]


def test_a_touching_root_is_listed_once() -> None:
    """(10g - 11)²(g - 2) × 10⁴ yuan: the rate 0.1 twice (the NPV touches zero) and 1."""
    flows = [c * 10**4 for c in _flows([Fraction(1, 10), Fraction(1, 10), Fraction(1)])]
    tenth, one = Decimal("0.1"), Decimal(1)
    assert hc.xirr_roots(_dated(flows)) == (tenth, one)
    assert hc.xirr(_dated(flows)) == tenth
    assert hc.irr_roots(flows) == (tenth, one)


def test_the_choice_does_not_depend_on_the_callers_context() -> None:
    """A caller's context of 3 digits that traps every inexact result changes nothing."""
    flows = _dated(_flows([Fraction(-1, 2), Fraction(1, 4), Fraction(3)]))
    expected = hc.xirr(flows), hc.xirr_roots(flows)
    hostile = decimal.Context(prec=3, traps=[decimal.Inexact, decimal.Rounded])
    with decimal.localcontext(hostile):
        assert (hc.xirr(flows), hc.xirr_roots(flows)) == expected
    assert expected[0] == Decimal("0.25")


def test_a_very_large_rate_keeps_its_digits() -> None:
    """(g - 10⁹)(g - 2) × (-1 fen): the rates 1 and 999,999,999 a year. The large one is
    shown with 28 significant digits, correct to (1 + r)·unit·1e-25 (docs/numerics.md)."""
    flows = _dated(["-0.01", "10000000.02", "-20000000"])
    low, high = hc.xirr_roots(flows)
    assert low == 1
    assert abs(high - 999_999_999) <= Decimal("1e9") * 365 * Decimal("1e-25")
    assert high.as_tuple().exponent == -19


# -- sizes that (nearly) tie: the solver itself, with integers past what irr accepts ----------


def test_a_negative_rate_closer_by_1e_40_is_chosen() -> None:
    """Rates 1/3 and -(1/3 - 1e-40) (periodic, isolated exactly): the negative one is
    closer to zero, by 1e-40; with 1/3 + 1e-40 instead the positive one is."""
    eps = Fraction(1, 10**40)
    closer = solve(_flows([Fraction(1, 3), -(Fraction(1, 3) - eps)]), None, 1)
    assert abs(Fraction(closer) + Fraction(1, 3) - eps) < Fraction(1, 10**50)
    farther = solve(_flows([Fraction(1, 3), -(Fraction(1, 3) + eps)]), None, 1)
    assert abs(Fraction(farther) - Fraction(1, 3)) < Fraction(1, 10**50)


def test_sizes_too_close_to_tell_apart_are_refused() -> None:
    """Rates 1/3 and -(1/3 - 1e-700): no tie, and 2000 exact halvings cannot tell which is
    closer: an error, never a guess."""
    flows = _flows([Fraction(1, 3), -(Fraction(1, 3) - Fraction(1, 10**700))])
    with pytest.raises(
        hc.NoConvergenceError, match=r"^could not tell which rate is closest to zero$"
    ):
        solve(flows, None, 1)


def test_a_tie_next_to_another_pair_is_found() -> None:
    """Rates ±t and ±1/3, t = 1/3 - 1e-40: t is the closest to zero, tied with -t. Its
    exact interval first ends at z = 3/4, the rate 1/3, a root of the common factor too:
    the tie is tested again once the interval is halved past it, and +t returned."""
    t = Fraction(1, 3) - Fraction(1, 10**40)
    rate = solve(_flows([t, -t, Fraction(1, 3), Fraction(-1, 3)]), None, 1)
    assert abs(Fraction(rate) - t) < Fraction(1, 10**30)


@pytest.mark.parametrize(
    ("delta", "positive"),
    [(Fraction(1, 10**25), True), (Fraction(2, 10**25), False)],
)
def test_dated_sizes_within_1e_25_tie(delta: Fraction, positive: bool) -> None:
    """Dated flows: rates 1/2 and -(1/2 - delta). Sizes that agree to 1e-25 relatively
    (|up + down| <= 1e-25 (1 + up), here 1.5e-25) tie, and the tie goes to +1/2."""
    down = -(Fraction(1, 2) - delta)
    fens = _flows([Fraction(1, 2), down])
    rate = solve(fens, [365, 365], 365)
    expected = Fraction(1, 2) if positive else down
    assert abs(Fraction(rate) - expected) < Fraction(1, 10**27)


# -- the exact tie test -----------------------------------------------------------------------


def test_tie_tells_whether_minus_t_is_a_root_too() -> None:
    """``_tie(q, low, high)``: q the flows as a polynomial in z = 1/(1 + r), constant first;
    t the one rate in (low, high). True when -t is a rate too."""
    pair = _flows([Fraction(1, 2), Fraction(-1, 2), Fraction(1, 5)])  # ±1/2 and 1/5
    assert _tie(pair, Fraction(2, 5), Fraction(3, 5), exact=False) is True
    assert _tie([-c for c in pair], Fraction(2, 5), Fraction(3, 5), exact=False) is True
    assert _tie(pair, Fraction(3, 20), Fraction(1, 4), exact=False) is False  # 1/5: alone
    alone = _flows([Fraction(1, 2), Fraction(-1, 3)])
    assert _tie(alone, Fraction(2, 5), Fraction(3, 5), exact=False) is False
    # an end of the interval is a root of the common factor: halve first
    assert _tie(pair, Fraction(1, 2), Fraction(3, 5), exact=False) is None
    assert _tie(pair, Fraction(2, 5), Fraction(1, 2), exact=False) is None
    thirds = _flows([Fraction(1, 3), Fraction(-1, 3)])
    assert _tie(thirds, Fraction(1, 3), Fraction(1, 3), exact=True) is True
    not_thirds = _flows([Fraction(1, 3), Fraction(-1, 4)])
    assert _tie(not_thirds, Fraction(1, 3), Fraction(1, 3), exact=True) is False


@pytest.mark.parametrize(
    ("rates", "calls"),
    [
        ([Fraction(1, 2), Fraction(-1, 2)], [True]),  # a tie; u = 1/2 isolated exactly
        ([Fraction(1, 3), Fraction(-1, 3)], [True]),  # a tie; z = 3/4 isolated exactly
        ([Fraction(1, 3), -(Fraction(1, 3) - Fraction(1, 10**40))], [False]),  # 133 bits
        ([Fraction(1), Fraction(-99, 100)], []),  # 1 and 0.99 told apart at once
        ([Fraction(1, 5), Fraction(-1, 4)], []),
    ],
)
def test_the_tie_test_runs_once_both_intervals_are_2_to_the_minus_96(
    rates: list[Fraction], calls: list[bool]
) -> None:
    """``_closest_periodic`` halves both isolating intervals, exactly, until the sizes are
    told apart. The exact tie test (a gcd of two polynomials of the flows' degree, the
    costly step) is run once, when both intervals are narrow: 2**-96 wide in z (halved
    to that width, not further) or exact; never for sizes told apart before that."""
    fens = _flows(rates)
    widths: dict[int, int] = {}
    ties: list[bool | None] = []

    def halve_recorded(p: list[int], interval: Interval, sign: int) -> tuple[Interval, int]:
        half, above = halve(p, interval, sign)
        widths[id(p)] = 0 if half.exact else half.k  # 0: found exactly, narrow
        return half, above

    def tie_recorded(q: list[int], low: Fraction, high: Fraction, *, exact: bool) -> bool | None:
        assert set(widths.values()) - {0} == {pick._TIE_BITS}
        ties.append(_tie(q, low, high, exact=exact))
        return ties[-1]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(pick, "halve", halve_recorded)
        patch.setattr(pick, "_tie", tie_recorded)
        rate = solve(fens, None, 1)
    assert ties == calls
    assert _near(rate, _closest(rates))


# -- one sign change: the fast path -------------------------------------------------------------


def _npv(flows: list[int] | list[int | str], rate: Fraction) -> Fraction:
    return sum((Fraction(c) / (1 + rate) ** k for k, c in enumerate(flows)), Fraction(0))


def test_a_one_fen_flow_is_a_sign_change() -> None:
    """0.01, -0.03, 0.01: g² - 3g + 1 = 0 with g = 1 + r, so r² - r - 1 = 0 and
    r = (1 ± √5)/2: -0.6180339887498948482045… and 1.6180…. The last flow, one fen, is a
    second sign change: the closest to zero is the negative rate."""
    flows = ["0.01", "-0.03", "0.01"]
    assert hc.irr(flows) == Decimal("-0.61803398874989484820")
    assert hc.irr_roots(flows) == (
        Decimal("-0.61803398874989484820"),
        Decimal("1.61803398874989484820"),
    )
    assert hc.irr(["-0.01", "0.03", "-0.01"]) == Decimal("-0.61803398874989484820")


@pytest.mark.parametrize(
    ("flows", "rate"),
    [
        (["-100", "100.01"], Fraction(1, 10**4)),  # NPV(1) = 1 fen
        (["100", "-100.01"], Fraction(1, 10**4)),
        (["-100.01", "100"], Fraction(-1, 10001)),
        (["-100", "0", "0", "100.01"], Fraction(0)),  # checked by the NPV below
    ],
)
def test_a_rate_next_to_zero(flows: list[str], rate: Fraction) -> None:
    """Flows adding up to one fen: the rate is next to zero, on the side of the sign of
    the NPV at 0 (lent out first: positive when more comes back)."""
    found = Fraction(hc.irr(flows))
    fens = [int(Decimal(c) * 100) for c in flows]
    if rate:
        assert abs(found - rate) <= SHOWN
    else:
        assert 0 < found < Fraction(1, 10**4)
        step = Fraction(1, 10**18)
        assert (_npv(fens, found - step) > 0) != (_npv(fens, found + step) > 0)


@pytest.mark.parametrize(
    "flows",
    [
        [-100] + [10000] * 300,  # a hundredfold each period: r next to 100
        [-1] + [10**12] * 600,
        [-(10**12)] + [1] * 600 + [10**12],  # r next to 1e-12
        # one fen more than lent, over 400 periods: r about 5e-17, too close to 0 for a
        # float first guess (1 + r rounds to 1)
        [-(10**12)] + [2_500_000_000] * 399 + ["2500000000.01"],
        [10**12] + [-2_500_000_000] * 399 + ["-2500000000.01"],
    ],
)
def test_long_flows_with_one_sign_change(flows: list[int | str]) -> None:
    """The one rate, checked on the exact NPV: it changes sign within 1e-15 (relatively,
    or 1e-20, the last place shown, next to zero) of the rate returned."""
    rate = Fraction(hc.irr(flows))
    step = max(abs(rate) / 10**15, Fraction(1, 10**20))  # shown to 20 places
    assert (_npv(flows, rate - step) > 0) != (_npv(flows, rate + step) > 0)


@pytest.mark.parametrize(
    ("fens", "one"),
    [
        ([-100, 50, 60], True),
        ([100, -50, -60], True),
        ([1, -2], True),  # a first flow of one fen
        ([-100, 0, 50, 0, 60], True),  # zeros change no sign
        ([100, -50, 0, -60], True),
        ([-100, 50, 0, 60], True),
        ([4, -8, 3], False),
        ([100, -300, 1], False),  # a last flow of one fen is a second change
        ([-100, 300, -1], False),
        ([-100, 50, -1, 60], False),
    ],
)
def test_the_fast_path_takes_exactly_the_flows_of_one_sign_change(
    fens: list[int], one: bool
) -> None:
    """``_single_sign_change``: the only rate when the flows change sign once (Descartes:
    exactly one), else None, and the flows go to the search for several roots."""
    rate = _single_sign_change(fens, None, 1)
    assert (rate is not None) == one
    if rate is not None:
        step = Fraction(1, 10**20)
        assert (_npv(fens, Fraction(rate) - step) > 0) != (_npv(fens, Fraction(rate) + step) > 0)


def test_every_rate_lists_the_rate_zero_as_a_decimal() -> None:
    """``every_rate`` of dated flows adding up to zero: the rate 0 is ``Decimal(0)``."""
    rates = every_rate([-100, 300, -200], [365, 365], 365)
    assert rates[0] == 0
    assert all(type(r) is Decimal for r in rates)


# -- the first guess of the fast path -----------------------------------------------------------


def _ulps(a: float, b: float) -> float:
    return abs(a - b) / math.ulp(b)


@pytest.mark.parametrize(
    ("fens", "gaps", "growth"),
    [
        ([-100, 121], None, 1.21),  # 1 + r = 121 / 100 a period
        ([121, -100], None, 100 / 121),  # received first: 1 + r = 100 / 121
        ([-100, 0, 121], None, 1.1),  # two periods: 1.1² = 1.21
        ([-100] + [0] * 11 + [200], None, 2 ** (1 / 12)),  # zeros summed as a run
        ([-100, 121], [365], 1.21 ** (1 / 365)),  # a day's growth
        ([-100, 0, 121], [100, 265], 1.21 ** (1 / 365)),
        ([-50, -50, 221], [365, 365], 2.21 ** (1 / 547.5)),  # two early flows, one mean day
    ],
)
def test_first_guess_is_exact_for_two_flows(
    fens: list[int], gaps: list[int] | None, growth: float
) -> None:
    """``first_guess``: one flow (or flows of one sign, at their mean exponent) against one
    flow is the two-flow problem growth ** spread = -late / early, solved exactly up to the
    rounding of one log, one division and one exp (a few ulps). Early flows -50 at day 0
    and -50 at day 365 act as -100 at day 182.5: 221 at day 730 is 547.5 days later."""
    split = 1 if fens[1] * fens[0] < 0 else next(i for i, c in enumerate(fens) if c * fens[0] < 0)
    assert _ulps(first_guess(PowerSum(fens, gaps), split), growth) <= 4


def _loan_growth(principal: int, installment: int, n: int) -> Decimal:
    """1 + r of a level loan: the root of installment (1 - g**-n) / (g - 1) = principal
    (the annuity Σ_k installment g**-k, decreasing in g), by bisection in 40 digits."""
    low, high = Decimal(1), Decimal(2)
    with decimal.localcontext(decimal.Context(prec=40)):
        while high - low > Decimal("1e-30"):
            g = (low + high) / 2
            npv = installment * (1 - g**-n) / (g - 1) - principal
            low, high = (g, high) if npv > 0 else (low, g)
    return low


@pytest.mark.parametrize(("installment", "n"), [(88_849, 12), (30_000, 36), (4_400, 360)])
@pytest.mark.parametrize("gaps", [False, True])
def test_first_guess_of_a_level_loan_is_close_below_the_rate(
    installment: int, n: int, gaps: bool
) -> None:
    """A loan of 10,000 yuan repaid in n level installments. The guess puts the n
    installments at their mean period m = (n + 1) / 2; as g**-k is convex in k, the true
    NPV Σ g**-k exceeds n g**-m (Jensen), so the guess is below the true growth. To second
    order, ln(guess) / ln(g) = 1 - ln(g) Var(k) / (2m) = 1 - ln(g) (n - 1) / 12: within
    half again of that, and the same for the dated spelling with gaps of 1."""
    fens = [-1_000_000] + [installment] * n
    p = PowerSum(fens, [1] * n if gaps else None)
    guess = first_guess(p, 1)
    exact = _loan_growth(1_000_000, installment, n)
    true_log = math.log(float(exact))
    assert guess < float(exact)
    assert 1 - math.log(guess) / true_log <= 1.5 * true_log * (n - 1) / 12


@given(
    st.lists(st.integers(1, 10**12), min_size=1, max_size=5),
    st.lists(st.integers(1, 10**12), min_size=1, max_size=30),
    st.booleans(),
)
def test_first_guess_is_the_same_periodic_or_dated_with_gaps_of_one(
    early: list[int], late: list[int], lent: bool
) -> None:
    """The same flows spelled periodic (runs of equal flows summed in closed form when
    there are many) or dated with every gap 1: the same integer sums, the same guess."""
    sign = -1 if lent else 1
    fens = [sign * c for c in early] + [-sign * c for c in late]
    periodic = first_guess(PowerSum(fens, None), len(early))
    dated = first_guess(PowerSum(fens, [1] * (len(fens) - 1)), len(early))
    assert periodic == dated


class _Counted(PowerSum):
    """A PowerSum that counts its float and Decimal evaluations (and its mirror's)."""

    __slots__ = ("counts",)

    def __init__(self, fens: list[int], gaps: list[int] | None, counts: list[int]) -> None:
        super().__init__(fens, gaps)
        self.counts = counts

    def mirrored(self) -> PowerSum:
        return _Counted(
            self.fens[::-1], None if self.gaps is None else self.gaps[::-1], self.counts
        )

    def at(self, z: float) -> tuple[float, float]:
        self.counts[0] += 1
        return super().at(z)

    def value(self, z: Decimal) -> Decimal:
        self.counts[1] += 1
        return super().value(z)


@pytest.mark.parametrize("lent", [True, False])
@pytest.mark.parametrize(
    ("fens", "gaps", "unit"),
    [
        ([-1_000_000] + [88_849] * 12, None, 1),
        ([-1_000_000] + [30_000] * 36, [1] * 36, 1),
        ([-1_000_000] + [4_400] * 360, None, 1),
        ([-1_000_000] + [88_849] * 12, [30] * 12, 365),
        ([-100, 50, 60], None, 1),
        ([-100, 50, 60], [31, 28], 365),
        # less repaid than lent: rates below 0, roots z > 1 (the mirrored sum's u < 1)
        ([-1_000_000] + [80_000] * 12, None, 1),
        ([-1_000_000] + [2_500] * 360, [1] * 360, 1),
        ([-1_000_000] + [80_000] * 12, [30] * 12, 365),
        ([-100, 30, 60], None, 1),
        ([-10_000, 10_001], None, 1),  # f(1) = 1 fen: a rate next to 0 (exact guess)
        ([-10_000, 2, 10_000], None, 1),
        ([1, 2, -5], None, 1),  # a first flow of 1 fen
        ([-5, 2, 1], None, 1),  # the mirrored sum's first flow: 1 fen
        # the rate about 5e-17: 1 + r rounds to 1, Newton starts next to z = 1
        ([-(10**14)] + [250_000_000_000] * 399 + [250_000_000_001], None, 1),
    ],
)
def test_the_fast_path_needs_few_evaluations_from_its_first_guess(
    fens: list[int], gaps: list[int] | None, unit: int, lent: bool
) -> None:
    """``_single`` on loans, lent out or borrowed (the mirrored sum): the first guess is
    within 1e-3 of z (the rate within a few percent, ``first_guess``'s test), so Newton,
    whose error squares each step, needs at most 4 float evaluations (errors about 1e-3,
    1e-6, 1e-12, then a step under 1e-12·z: done; from z next to 1 it takes 5 or 6 on the
    longer loans), and one Decimal step of the polish is usually enough (its docstring). The
    NPV, in 50 digits, changes sign within 1e-24 (relatively) of the 1 + r found."""
    flows = fens if lent else [-c for c in fens]
    counts = [0, 0]
    found = _single(_Counted(flows, gaps, counts), 1, unit)
    assert counts[0] <= 4
    # Newton's last two points give the curvature for the polish's error estimate; after
    # a single float evaluation (an exact guess) it is unknown, and a second Decimal
    # step, under 1e-28·z, shows that the first was enough
    assert counts[1] == (1 if counts[0] > 1 else 2)
    exponents = [0, *itertools.accumulate(gaps or [1] * (len(fens) - 1))]
    with decimal.localcontext(decimal.Context(prec=50)):
        npv = [
            sum(
                c * ((1 + found) * s) ** (Decimal(-e) / unit)
                for c, e in zip(flows, exponents, strict=True)
            )
            for s in (1 - Decimal("1e-24"), 1 + Decimal("1e-24"))
        ]
    assert (npv[0] > 0) != (npv[1] > 0)


# -- exact polynomial helpers and the rate of a root ----------------------------------------------

integer_polys = st.lists(st.integers(-(10**6), 10**6), min_size=1, max_size=8)
points = st.fractions(Fraction(-3), Fraction(3), max_denominator=50)


@settings(max_examples=50)
@given(integer_polys, points)
def test_value_is_the_polynomial_at_a_fraction_exactly(p: list[int], x: Fraction) -> None:
    """``_value(p, x)`` = Σ p_i x**i (constant first), exactly."""
    assert _value(p, x) == sum((c * x**i for i, c in enumerate(p)), Fraction(0))


@pytest.mark.parametrize("unit", [1, 2, 365])
@pytest.mark.parametrize("z", ["0.5", "0.999", "0.000001", "1.5"])
def test_rate_of_a_root(unit: int, z: str) -> None:
    """``_rate``: r = z**-unit - 1 for a root z of the sum, r = u**unit - 1 for a root u
    of the mirrored sum (u = 1 / z), in 60 digits; both spellings of one rate agree."""
    root = Decimal(z)
    with decimal.localcontext(decimal.Context(prec=80)):
        exact = Fraction(root) ** -unit - 1
    assert abs(Fraction(_rate(root, unit, mirrored=False)) - exact) <= abs(exact + 1) / 10**58
    mirrored = Fraction(root) ** unit - 1
    assert abs(Fraction(_rate(root, unit, mirrored=True)) - mirrored) <= (mirrored + 1) / 10**58


def test_minus_one_keeps_the_digits_next_to_minus_100_percent() -> None:
    """``minus_one``: 1 + r = 1e-70 gives -1 + 1e-70 exactly (60 digits would round it
    to -1); from 1/2 up, growth - 1 in the current context."""
    with decimal.localcontext(decimal.Context(prec=60)):
        assert Fraction(minus_one(Decimal("1e-70"))) == Fraction(1, 10**70) - 1
        assert minus_one(Decimal("0.25")) == Decimal("-0.75")
        assert minus_one(Decimal("1.5")) == Decimal("0.5")


@pytest.mark.parametrize("gaps", [None, [365]])
def test_one_sign_change_adding_up_to_zero_is_the_rate_zero(gaps: list[int] | None) -> None:
    """-100, 100: f(1) = 0, so the one rate is 0 exactly (no search), for ``every_rate``
    (``solve`` returns it before any path)."""
    assert every_rate([-100, 100], gaps, 1 if gaps is None else 365) == (Decimal(0),)
    assert str(every_rate([100, -100], gaps, 1 if gaps is None else 365)[0]) == "0"


def test_one_sign_change_of_dated_flows_reads_the_days() -> None:
    """-100 now, 121 after 730 days: 10% a year (actual/365), not 21% a period."""
    (rate,) = every_rate([-100, 121], [730], 365)
    assert abs(rate - Decimal("0.1")) < Decimal("1e-25")
