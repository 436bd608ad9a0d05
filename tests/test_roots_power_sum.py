"""Sums of powers and their roots, huabei_calc._roots.power_sum.

First seen through irr and xirr: every rate returned is checked independently, by the sign
of the exact NPV (Fraction) or of an 80-digit one just below and just above it, so that it
is the root to the 20 places shown. Then the parts on their own contracts, which those
results rest on: PowerSum.at and value against 100-digit sums, newton's float root, slope,
curvature and cost, and the Decimal polish's accuracy, steps and refusals. The method is
on docs/numerics.md, "Power sums in closed form" and "Roots of cash flows"."""

from __future__ import annotations

import decimal
import functools
import math
import re
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from huabei_calc import irr, irr_roots, xirr
from huabei_calc._roots import power_sum
from huabei_calc._roots.power_sum import PowerSum, newton, polish
from huabei_calc.errors import NoConvergenceError

PLACE = Fraction(1, 10**20)  # the rates are shown to 20 places


def _npv_sign(flows: list[int], growth: Fraction) -> int:
    """The sign of Σ c_k growth**(-k), exactly: that of Σ c_k growth**(n - k)."""
    n = len(flows) - 1
    total = sum(c * growth ** (n - k) for k, c in enumerate(flows))
    return (total > 0) - (total < 0)


def _is_shown_root(flows: list[int], rate: Decimal, *, width: Fraction = PLACE) -> bool:
    """The NPV changes sign between rate - width and rate + width (exactly)."""
    low = _npv_sign(flows, 1 + Fraction(rate) - width)
    high = _npv_sign(flows, 1 + Fraction(rate) + width)
    return low * high < 0


def _dated_npv_sign(flows: list[tuple[int, int]], rate: Decimal) -> int:
    """The sign of Σ c_i (1 + rate)**(-days_i / 365) in 80 digits (far beyond the 20 shown)."""
    with decimal.localcontext() as ctx:
        ctx.prec = 80
        total = sum(Decimal(c) * (1 + rate) ** (Decimal(-d) / 365) for d, c in flows)
    return (total > 0) - (total < 0)


def _is_shown_dated_root(flows: list[tuple[int, int]], rate: Decimal) -> bool:
    """The NPV changes sign within a place of the rate, or (1 + r)·1e-22 for a large rate:
    z**-365 - 1 carries z's relative error 1e-26 times 365 (1 + r) (docs/numerics.md)."""
    step = Decimal("1e-20") + (1 + rate) * Decimal("1e-22")
    return _dated_npv_sign(flows, rate - step) * _dated_npv_sign(flows, rate + step) < 0


# -- one sign change: float Newton, then the Decimal polish ----------------------------------


def test_a_run_of_two_equal_payments_is_summed_as_two() -> None:
    """600 lent, 100 twice, then 90 twenty times: runs of equal flows are summed in closed
    form (geometric series), a run of two as much as a longer one. The rate, about 14% a
    period, is the root of the flows (their exact NPV changes sign across it)."""
    flows = [-600, 100, 100, *[90] * 20]
    rate = irr(flows)
    assert Decimal("0.13") < rate < Decimal("0.16")
    assert _is_shown_root(flows, rate, width=PLACE / 2)


def test_a_huabei_installment_rate_is_the_root() -> None:
    """5,000 in 12 Huabei installments (the first 453.48, then 453.32 eleven times): the
    rate per month is the root to the 20 places shown."""
    flows = [-500000, 45348, *[45332] * 11]  # fen
    rate = irr(["-5000", "453.48"] + ["453.32"] * 11)
    assert rate == Decimal("0.01322061851862413185")  # the doctest of returns.irr
    assert _is_shown_root(flows, rate, width=PLACE / 2)


def test_a_rate_next_to_zero_is_found() -> None:
    """10^12 lent and repaid in 1,000 equal parts plus one fen: f(1) = 1 fen and
    f'(1) = Σ k c_k ≈ 5·10^16 fen, so the rate is about 2·10^-17, and z = 1/(1 + r) is
    within a float's spacing of 1."""
    flows = [-(10**12), *[10**9] * 999, Decimal(10**9) + Decimal("0.01")]
    rate = irr(flows)
    assert Decimal("1e-17") < rate < Decimal("3e-17")
    with decimal.localcontext() as ctx:
        ctx.prec = 100  # the NPV at rate ± half a place, exact to far more than its size
        below, above = (
            sum(c * growth ** (1000 - k) for k, c in enumerate(flows))
            for growth in (1 + rate - Decimal("5e-21"), 1 + rate + Decimal("5e-21"))
        )
        assert below > 0 > above


@given(
    st.integers(1, 10**8),
    st.lists(st.tuples(st.integers(2, 10**6), st.integers(1, 40)), min_size=1, max_size=4),
)
def test_a_loan_rate_is_its_root_to_the_places_shown(
    lent: int, runs: list[tuple[int, int]]
) -> None:
    """Any loan (one sign change: lent, then runs of equal repayments, in fen) that gains:
    the rate returned is the root of its exact NPV to 20 places."""
    flows = [-lent] + [c for c, m in runs for _ in range(m)]
    if sum(flows) <= 0:
        flows[0] = -(sum(flows[1:]) - 1)  # the repayments exceed the loan by a fen
    rate = irr([Decimal(c) / 100 for c in flows])
    assert rate > 0
    assert _is_shown_root(flows, rate)


@given(
    st.lists(st.tuples(st.integers(1, 400), st.integers(1, 10**6)), min_size=1, max_size=8),
    st.integers(-(10**7), -1),
)
def test_a_dated_loan_rate_is_its_root_to_the_places_shown(
    repayments: list[tuple[int, int]], lent: int
) -> None:
    """Dated flows (xirr), one sign change: the annual rate returned is the root of
    Σ c_i (1 + r)**(-d_i / 365), checked in 80 digits just below and above it."""
    start = date(2024, 1, 1)
    by_day = {0: lent}
    day = 0
    for gap, fen in repayments:
        day += gap
        by_day[day] = fen
    flows = sorted(by_day.items())
    rate = xirr([(start + timedelta(days=d), Decimal(c) / 100) for d, c in flows])
    assume(-Decimal("0.9") < rate < 10**6)  # else shown to more places, or fewer
    assert _is_shown_dated_root(flows, rate)


def test_a_borrowers_view_gives_the_same_rates() -> None:
    """Every sign flipped: the same rates (the mirrored sum has them too)."""
    flows = [-600, 100, 100, *[90] * 20]
    assert irr([-c for c in flows]) == irr(flows)
    dated = [(date(2024, 1, 1), -1000), (date(2024, 7, 1), 300), (date(2025, 3, 1), 900)]
    flipped = [(d, -c) for d, c in dated]
    assert xirr(flipped) == xirr(dated)
    assert _is_shown_dated_root([(0, -1000), (182, 300), (425, 900)], xirr(dated))


def test_a_rate_below_zero_on_the_single_change_path() -> None:
    """1,000 lent and 300 + 600 back: a loss, a rate below zero, the root of the NPV."""
    flows = [-1000, 300, 600]
    rate = irr(flows)
    assert rate < 0
    assert _is_shown_root(flows, rate, width=PLACE / 2)
    dated = [(0, -1000), (31, 300), (400, 600)]
    rate = xirr([(date(2024, 1, 1) + timedelta(days=d), c) for d, c in dated])
    assert rate < 0
    assert _is_shown_dated_root(dated, rate)


# -- several sign changes: Newton inside an exact bracket ----------------------------------------


def test_a_newton_step_from_a_flat_point_is_replaced_by_halving() -> None:
    """-12, 12, -3, 1 (three sign changes, one real rate): in u = 1 + r the NPV times u³ is
    -12u³ + 12u² - 3u + 1, whose slope -36u² + 24u - 3 is 0 at u = 1/2, the middle of the
    isolating interval (0, 1) where the narrowing starts. The step there is undefined;
    the bracket is halved instead, and the rate is the root (exact NPV changes sign)."""
    flows = [-12, 12, -3, 1]
    rate = irr(flows)
    assert irr_roots(flows) == (rate,)
    assert Decimal(-1) < rate < Decimal(0)
    assert _is_shown_root(flows, rate, width=PLACE / 2)


@given(
    st.lists(
        st.fractions(Fraction(-96, 97), Fraction(100), max_denominator=97),
        min_size=2,
        max_size=4,
        unique=True,
    )
)
def test_every_rate_of_several_sign_changes_is_a_root(rates: list[Fraction]) -> None:
    """Flows whose NPV times (1 + r)**n is Π (q (1 + r) - p), p/q - 1 the chosen rates:
    irr_roots lists each, to 20 places (28 digits above 10^8)."""
    poly = [1]  # in g = 1 + r, highest power first: the flows, earliest first
    for rate in rates:
        g = 1 + rate
        a, b = g.denominator, -g.numerator  # a g + b
        poly = [x * a + y * b for x, y in zip([*poly, 0], [0, *poly], strict=True)]
    if max(map(abs, poly)) > 10**14:
        return  # beyond what a flow may be
    found = irr_roots([Decimal(c) / 100 for c in poly])
    assert len(found) == len(rates)
    for shown, exact in zip(found, sorted(rates), strict=True):
        assert abs(Fraction(shown) - exact) <= PLACE / 2 * max(1, abs(exact) / 10**8)


def test_a_root_far_above_zero_is_given_to_every_place() -> None:
    """Rates 1,000,000 and 1/2 a period (several sign changes): (g - 1000001)(2g - 3) with
    g = 1 + r, flows 2, -2000005, 3000003. The large rate is exact to the 20 places shown."""
    flows = [2, -2000005, 3000003]
    assert irr_roots(flows) == (Decimal("0.5"), Decimal(1000000))
    assert irr(flows) == Decimal("0.5")


# -- the parts, on their own contracts ---------------------------------------------------------
#
# Every reference below is computed independently of the code under test: sums of powers in
# 100-digit Decimal from the float z converted exactly (far beyond a float's 1e-16), and
# roots by 100-digit bisection (2**-200 wide, far below the 1e-26 promised).

HUABEI = [-500000, 45348, *[45332] * 11]  # 5,000 in 12 installments, in fen
MORTGAGE = [-10_000_000, *[59955] * 360]  # 100,000 over 30 years at about 0.5% a month
DATED = ([-100000, 30000, 50000, 40000], [31, 200, 45])  # days between the flows
RICH = [-17, 0, 0, 10**9 + 3]  # 17 lent, 10^9 + 3 back after 3 periods: z near 1/389, K·z = 1


def _exps(fens: list[int], gaps: list[int] | None) -> list[int]:
    exps = [0]
    for gap in gaps or [1] * (len(fens) - 1):
        exps.append(exps[-1] + gap)
    return exps


def _sums(fens: list[int], exps: list[int], z: float | Decimal) -> tuple[Decimal, ...]:
    """f(z), z·f'(z), Σ|c_i z**e_i| and Σ e_i |c_i z**e_i|, in 100 digits."""
    with decimal.localcontext() as ctx:
        ctx.prec = 100
        x = Decimal(z)  # exact for a float
        terms = [c * x**e if e else Decimal(c) for c, e in zip(fens, exps, strict=True)]
        value = sum(terms, Decimal(0))
        moment = sum((e * t for e, t in zip(exps, terms, strict=True)), Decimal(0))
        size = sum(map(abs, terms), Decimal(0))
        moment_size = sum((e * abs(t) for e, t in zip(exps, terms, strict=True)), Decimal(0))
        return value, moment, size, moment_size


def _root(fens: list[int], exps: list[int], low: float = 0.0, high: float = 1.0) -> Decimal:
    """The one root in (low, high), by 200 halvings in 100 digits."""
    return _cached_root(tuple(fens), tuple(exps), low, high)


@functools.cache
def _cached_root(fens: tuple[int, ...], exps: tuple[int, ...], low: float, high: float) -> Decimal:
    with decimal.localcontext() as ctx:
        ctx.prec = 100
        lo, hi = Decimal(low), Decimal(high)
        lo_positive = _sums(list(fens), list(exps), lo)[0] > 0
        assert (_sums(list(fens), list(exps), hi)[0] > 0) != lo_positive
        for _ in range(200):
            mid = (lo + hi) / 2
            if (_sums(list(fens), list(exps), mid)[0] > 0) == lo_positive:
                lo = mid
            else:
                hi = mid
        return lo


def _slope_and_curvature(fens: list[int], exps: list[int], z: Decimal) -> tuple[Decimal, Decimal]:
    """f'(z) and K = |f''(z) / 2f'(z)|, in 100 digits (z > 0)."""
    with decimal.localcontext() as ctx:
        ctx.prec = 100
        pairs = list(zip(fens, exps, strict=True))
        first = sum((c * e * z ** (e - 1) for c, e in pairs if e), Decimal(0))
        second = sum((c * e * (e - 1) * z ** (e - 2) for c, e in pairs if e > 1), Decimal(0))
        return first, abs(second / (2 * first))


class _Counted(PowerSum):
    """A PowerSum that counts its float and Decimal evaluations."""

    __slots__ = ("decimals_taken", "points")

    def __init__(self, fens: list[int], gaps: list[int] | None) -> None:
        super().__init__(fens, gaps)
        self.points: list[float] = []
        self.decimals_taken = 0

    @property
    def floats(self) -> int:
        return len(self.points)

    def at(self, z: float) -> tuple[float, float]:
        self.points.append(z)
        return super().at(z)

    def value(self, z: Decimal) -> Decimal:
        self.decimals_taken += 1
        return super().value(z)


def _ulps(a: float, exact: Decimal) -> Decimal:
    return abs(Decimal(a) - exact) / Decimal(math.ulp(float(exact)))


def _relative(a: Decimal, exact: Decimal) -> Decimal:
    with decimal.localcontext() as ctx:
        ctx.prec = 100
        return abs(a - exact) / abs(exact)


# -- PowerSum.at: f and z·f' in float --------------------------------------------------------

SHORT_RUNS = [-1000, *[7] * 3, *[5] * 2, *[3] * 20]  # runs of 3, 2 and 20: the shortest is 2


@pytest.mark.parametrize(
    ("fens", "gaps", "z"),
    [
        *[([-1000, 300, 600, 200, -50, 700], None, z) for z in (0.3, 0.97, 1 - 1e-9, 1.7)],
        *[(HUABEI, None, z) for z in (1e-3, 0.5, 0.9, 0.995, 0.9951, 1 - 1e-9, 1.3)],
        *[(SHORT_RUNS, None, z) for z in (0.2, 0.95, 0.96, 1 - 1e-9)],
        *[(MORTGAGE, None, z) for z in (0.99, 0.9999, 1 - 1e-9)],
        *[(*DATED, z) for z in (0.5, 0.999, 1 - 1e-9, 1.001)],
    ],
)
def test_at_is_f_and_z_times_f_prime_to_1e_12_of_the_terms(
    fens: list[int], gaps: list[int] | None, z: float
) -> None:
    """PowerSum.at(z) = (f(z), z·f'(z)) in float, each within 1e-12 of the size of its terms
    (Σ|c_i z**e_i| and Σ e_i |c_i z**e_i|): term by term (Horner), run by run in closed form
    (docs/numerics.md, "Power sums in closed form"), and with gaps; next to z = 1 and above."""
    value, moment, size, moment_size = _sums(fens, _exps(fens, gaps), z)
    f, g = PowerSum(fens, gaps).at(z)
    assert abs(Decimal(f) - value) <= size * Decimal("1e-12")
    assert abs(Decimal(g) - moment) <= moment_size * Decimal("1e-12")


def test_a_run_of_two_next_to_z_1_keeps_z_f_prime_accurate() -> None:
    """Runs of 2 (10^14 fen) and of 10,000 (1 fen), at z = e**-1e-5. Summed in closed form
    the run of two would err by about 4 eps / ((m - 1) x) = 4e-11 in z·f' (docs/numerics.md):
    the shortest run of more than one (2) keeps it term by term here, (2 - 1)·x < 0.05."""
    fens = [-5, *[10**14] * 2, *[1] * 10_000]
    z = math.exp(-1e-5)
    value, moment, size, moment_size = _sums(fens, _exps(fens, None), z)
    f, g = PowerSum(fens, None).at(z)
    assert abs(Decimal(f) - value) <= size * Decimal("1e-12")
    assert abs(Decimal(g) - moment) <= moment_size * Decimal("1e-12")


@pytest.mark.parametrize("dated", [False, True])
@pytest.mark.parametrize("fens", [[-7, 3, 3, 3, 4], [-7, 3, 3, 3, 3, 3, 3, 3, 3]])
def test_at_zero_is_the_first_flow_and_a_zero_slope(fens: list[int], dated: bool) -> None:
    """f(0) = c_0 and 0·f'(0) = 0 exactly, with or without runs (no logarithm of 0 taken)."""
    gaps = [2] * (len(fens) - 1) if dated else None
    assert PowerSum(fens, gaps).at(0.0) == (-7.0, 0.0)


@pytest.mark.parametrize(
    ("fens", "closed", "term_by_term"),
    [
        (HUABEI, [0.9, 0.995], [0.9951, 1 - 1e-9, 1.0, 1.3]),  # runs of 11: x >= 0.005
        (SHORT_RUNS, [0.9, 0.95], [0.952, 0.96, 1 - 1e-9, 1.0, 2.0]),  # runs of 2: x >= 0.05
        ([-100, *[7] * 6], [0.9], [0.995]),  # 2 runs for 7 flows: fewer than a third
        ([-100, *[7] * 5], [], [0.9, 0.5]),  # 2 runs for 6 flows: not fewer, term by term
    ],
)
def test_runs_are_summed_in_closed_form_exactly_where_documented(
    fens: list[int], closed: list[float], term_by_term: list[float]
) -> None:
    """Periodic flows whose runs of equal values are fewer than a third of them are summed
    run by run in closed form where (m - 1)·log(1/z) >= 0.05 for the shortest run of more
    than one (docs/numerics.md, "Power sums in closed form"); elsewhere (z next to 1, z >= 1)
    term by term, exactly as the same flows spelled as dated ones with gaps of 1 are. The two
    sums differ in their last bits at each z tried here, so the test sees which was taken."""
    p = PowerSum(fens, None)
    spelled = PowerSum(fens, [1] * (len(fens) - 1))
    for z in closed:
        assert p.runs is not None
        in_closed_form = p._runs_at(z, -math.log(z))
        assert in_closed_form != spelled.at(z)
        assert p.at(z) == in_closed_form
    for z in term_by_term:
        assert p.at(z) == spelled.at(z)
        if p.runs is not None and z < 1:
            assert p._runs_at(z, -math.log(z)) != spelled.at(z)


# -- PowerSum.value, exponents, totals, the mirrored sum --------------------------------------


@pytest.mark.parametrize(
    ("fens", "gaps"),
    [(HUABEI, None), (MORTGAGE, None), (SHORT_RUNS, None), DATED, ([-1000, 300, 600, -50], None)],
)
@pytest.mark.parametrize(
    "z", ["0.5", "0.98", "0.99999999999999", "0.999999999999999", "1.0000000000000001", "1.3"]
)
def test_value_is_f_in_60_digits(fens: list[int], gaps: list[int] | None, z: str) -> None:
    """PowerSum.value(z) is f(z) within 1e-45 of Σ|c_i z**e_i| in the 60-digit context: term
    by term, or run by run as c z**a (1 - z**m) / (1 - z), which loses up to 15 digits to
    1 - z where |1 - z| is just above 1e-15 (below it the runs are summed term by term)."""
    point = Decimal(z)
    value, _, size, _ = _sums(fens, _exps(fens, gaps), point)
    with decimal.localcontext(power_sum.CTX):
        found = PowerSum(fens, gaps).value(point)
    assert abs(found - value) <= size * Decimal("1e-45")


def test_exponents_start_at_zero_and_add_up_the_gaps() -> None:
    assert PowerSum([-9, 2, 3, 5], [31, 28, 31]).exponents() == [0, 31, 59, 90]
    assert PowerSum([-9, 2, 3, 5], None).exponents() == [0, 1, 2, 3]
    assert PowerSum([-9, *[2] * 9], None).exponents() == list(range(10))  # in runs


@pytest.mark.parametrize(
    ("fens", "gaps"),
    [
        ([-(10**14), *[10**14 - 1] * 4000, 7], None),  # in runs: Σ c_i e_i is about 8e20
        ([-(10**14), *range(10**14 - 99, 10**14)], None),
        ([-(10**14), 10**14 - 1, 10**14 - 3], [10**6, 10**6 + 1]),
        DATED,
    ],
)
def test_total_and_weighted_are_f_and_f_prime_at_1_exactly(
    fens: list[int], gaps: list[int] | None
) -> None:
    """``total`` = Σ c_i = f(1) and ``weighted`` = Σ c_i e_i = f'(1), exact integers even
    beyond a float's 2**53 (the first guess reads them), for the sum and its mirror."""
    exps = _exps(fens, gaps)
    p = PowerSum(fens, gaps)
    assert (p.total, p.weighted) == (sum(fens), sum(c * e for c, e in zip(fens, exps, strict=True)))
    assert type(p.total) is int
    assert type(p.weighted) is int
    m = p.mirrored()
    last = exps[-1]
    assert (m.total, m.weighted) == (
        sum(fens),
        sum(c * (last - e) for c, e in zip(fens, exps, strict=True)),
    )


@pytest.mark.parametrize(("fens", "gaps"), [(HUABEI, None), (SHORT_RUNS, None), DATED])
def test_the_mirrored_sum_is_u_to_the_last_power_times_f_of_1_over_u(
    fens: list[int], gaps: list[int] | None
) -> None:
    """Σ c_i u**(e_n - e_i) = u**e_n f(1/u): at u = 1/2 and 0.9 in Decimal (to 1e-45 of the
    terms) and in float (to 1e-12)."""
    exps = _exps(fens, gaps)
    last = exps[-1]
    mirrored_exps = [last - e for e in exps][::-1]
    m = PowerSum(fens, gaps).mirrored()
    for u in (0.5, 0.9):
        value, moment, size, moment_size = _sums(fens[::-1], mirrored_exps, u)
        with decimal.localcontext(power_sum.CTX):
            assert abs(m.value(Decimal(u)) - value) <= size * Decimal("1e-45")
        f, g = m.at(u)
        assert abs(Decimal(f) - value) <= size * Decimal("1e-12")
        assert abs(Decimal(g) - moment) <= moment_size * Decimal("1e-12")
        with decimal.localcontext() as ctx:  # and u**e_n f(1/u) is that sum
            ctx.prec = 100
            x = 1 / Decimal(u)
            assert abs(Decimal(u) ** last * _sums(fens, exps, x)[0] - value) < Decimal("1e-80")


# -- newton: the float root, its slope and curvature ------------------------------------------

LOANS = [
    (HUABEI, None),
    ([-600, 100, 100, *[90] * 20], None),
    (MORTGAGE, None),
    DATED,
    (RICH, None),
]


@pytest.mark.parametrize(("fens", "gaps"), LOANS)
@pytest.mark.parametrize("off", [-0.1, 0.1, 1e-3])
def test_newton_from_a_near_guess_gives_root_slope_and_curvature(
    fens: list[int], gaps: list[int] | None, off: float
) -> None:
    """From a guess off the root by ``off``/K (at most 1% of it), K = |f''/2f'|, Newton
    converges quadratically (the error e becomes about K·e²): at most 5 evaluations. It
    returns the float root to a few ulps, f' at its last point (within 1e-12·z of the root:
    f' there is off by about 2K·1e-12·z relatively, plus rounding), and K from the last two
    slopes, within 10% of the exact value."""
    exps = _exps(fens, gaps)
    root = _root(fens, exps)
    slope, curvature = _slope_and_curvature(fens, exps, root)
    guess = float(root) + min(
        off / float(curvature), math.copysign(0.01, off) * float(root), key=abs
    )
    p = _Counted(fens, gaps)
    z, found_slope, found_curvature = newton(p, 0.0, 1.0, fens[0] > 0, guess)
    assert p.floats <= 5
    assert _ulps(z, root) <= 4
    tolerance = (2 * curvature * root * Decimal("1.1e-12") + Decimal("1e-13")) * abs(slope)
    assert abs(Decimal(found_slope) - slope) <= tolerance
    assert curvature / Decimal("1.1") <= Decimal(found_curvature) <= curvature * Decimal("1.1")


@pytest.mark.parametrize(("fens", "gaps"), LOANS)
def test_newton_started_on_the_root_stops_at_once_and_knows_no_curvature(
    fens: list[int], gaps: list[int] | None
) -> None:
    """Started on the float root, the first step is below 1e-12·z: one evaluation, and no
    second slope to estimate K from, so K is returned as inf ("unknown"), not as NaN."""
    exps = _exps(fens, gaps)
    root = _root(fens, exps)
    p = _Counted(fens, gaps)
    z, _, curvature = newton(p, 0.0, 1.0, fens[0] > 0, float(root))
    assert p.floats == 1
    assert _ulps(z, root) <= 4
    assert curvature == math.inf


def test_newton_returns_a_point_where_f_is_exactly_zero() -> None:
    """f = 4z - 1 from z = 1/2 (where f = 1): the step lands on 1/4, where f is exactly 0,
    which is returned at once, f' = 4, K unknown."""
    p = _Counted([-1, 4], None)
    assert newton(p, 0.0, 1.0, False, 0.5) == (0.25, 4.0, math.inf)
    assert p.floats == 2


def test_a_zero_slope_is_replaced_by_halving() -> None:
    """f = 1 - 3z + 12z² - 12z³ has f'(1/2) = 0 exactly, and f(1/2) = 1 > 0, f(1) = -2: no
    Newton step from 1/2, the bracket [1/2, 1] is halved instead; the one root in it is
    found to a few ulps."""
    fens = [1, -3, 12, -12]
    assert PowerSum(fens, None).at(0.5) == (1.0, 0.0)
    z, _, _ = newton(PowerSum(fens, None), 0.0, 1.0, True, 0.5)
    assert _ulps(z, _root(fens, _exps(fens, None), 0.5, 1.0)) <= 4


@pytest.mark.parametrize(
    ("fens", "low", "high", "low_root", "high_root"),
    [
        # -1 + 6z - 4z²: from 1/2 (f = 1, f' = 2) the step lands on 0, the bracket's end
        ([-1, 6, -4], 0.0, 1.0, 0.0, 0.5),
        # 3 - 32z + 96z² - 80z³: 1/2 (f = 1, f' = 4) steps to 1/4 (f = -1/4, f' = 1), which
        # steps back onto 1/2, now the bracket's upper end: a 2-cycle
        ([3, -32, 96, -80], 0.2, 0.625, 0.25, 0.5),
    ],
)
def test_a_step_onto_an_end_of_the_bracket_is_replaced_by_halving(
    fens: list[int], low: float, high: float, low_root: float, high_root: float
) -> None:
    """A Newton step must land strictly inside the bracket; one that lands exactly on an end
    (already evaluated, or 0, where z·f' / z is undefined) is replaced by halving: no point
    is evaluated twice, and the root in the bracket is found to a few ulps."""
    lo_positive = PowerSum(fens, None).at(low)[0] > 0
    p = _Counted(fens, None)
    z, _, _ = newton(p, low, high, lo_positive, 0.5)
    assert _ulps(z, _root(fens, _exps(fens, None), low_root, high_root)) <= 4
    assert len(set(p.points)) == len(p.points)


@pytest.mark.parametrize(
    ("fens", "start"),
    [
        ([-7, 105, -630, 1890, -2835, 1701], 0.05),  # 7 (3z - 1)**5: a root of multiplicity 5
        ([-8 * 10**9 - 55, 36 * 10**9 + 252, -54 * 10**9 - 378, 27 * 10**9 + 189], 0.5),
    ],  # 1000000007 (3z - 2)**3 + 1: a simple root next to a triple one
)
def test_a_bracket_halved_down_to_adjacent_floats_ends_newton(
    fens: list[int], start: float
) -> None:
    """Where f is lost in rounding next to a root (f and f' both near 0), the Newton steps
    are noise; the bracket is halved until its ends are adjacent floats, and newton stops
    there with the last point and K unknown, rather than evaluating an end again. That
    point is within the reach of f's rounding of the root: |f| <= 1e-15·Σ|c_i z**e_i|."""
    exps = _exps(fens, None)
    z, _, curvature = newton(PowerSum(fens, None), 0.0, 1.0, fens[0] > 0, start)
    assert curvature == math.inf
    value, _, size, _ = _sums(fens, exps, z)
    assert abs(value) <= size * Decimal("1e-15")
    root = _root(fens, exps)
    assert abs(Decimal(z) - root) <= Decimal("1e-3") * root


def test_newton_out_of_iterations_names_a_bracket_of_the_root(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """After MAX_ITER evaluations (here 2) newton gives up with NoConvergenceError naming
    the bracket it reached, which holds the root."""
    monkeypatch.setattr(power_sum, "MAX_ITER", 2)
    root = _root(HUABEI, _exps(HUABEI, None))
    with pytest.raises(NoConvergenceError) as err:
        newton(PowerSum(HUABEI, None), 0.0, 1.0, False, 0.5)
    numbers = re.fullmatch(r"the rate did not converge between z=(\S+) and z=(\S+)", str(err.value))
    assert numbers is not None
    low, high = map(float, numbers.groups())
    assert 0.5 <= low < root < high <= 1.0


# -- polish: chord steps in 60-digit Decimal ---------------------------------------------------

NEAR_LINEAR = [-(10**14), 2 * 10**14 - 1, 1]  # a root next to 1/2, K = |f''/2f'| about 5e-15


@pytest.mark.parametrize(("fens", "gaps"), LOANS)
def test_polish_of_newtons_root_takes_one_step_to_1e_26(
    fens: list[int], gaps: list[int] | None
) -> None:
    """From what newton returns (a float root, its slope, K) one chord step in Decimal is
    enough for a loan ("usually one step is enough"): the root to 1e-26 relatively."""
    exps = _exps(fens, gaps)
    root = _root(fens, exps)
    _, curvature = _slope_and_curvature(fens, exps, root)
    guess = float(root) + min(0.1 / float(curvature), 0.01 * float(root))
    found = newton(PowerSum(fens, gaps), 0.0, 1.0, fens[0] > 0, guess)
    p = _Counted(fens, gaps)
    assert _relative(polish(p, found), root) <= Decimal("1e-26")
    assert p.decimals_taken == 1


@pytest.mark.parametrize(("fens", "gaps"), LOANS)
@pytest.mark.parametrize(
    ("off", "slope_factor", "known_curvature", "fewest"),
    [
        (0.0, 1.0, False, 2),  # the float root, K unknown: a second step checks the first
        (1e-8, 1.0, True, 2),  # 3K·s² is about 3K·1e-16·z² > 1e-26·z: a second step
        (1e-8, 1.1, False, 5),  # a slope 10% off: the error shrinks ~10 times a step
    ],
)
def test_polish_from_worse_starts_takes_more_steps_to_1e_26(
    fens: list[int],
    gaps: list[int] | None,
    off: float,
    slope_factor: float,
    known_curvature: bool,
    fewest: int,
) -> None:
    """From a start off by ``off`` relatively, with f'(root) times ``slope_factor`` and the
    exact K (or K unknown, inf), the chord steps still reach 1e-26, in more steps."""
    exps = _exps(fens, gaps)
    root = _root(fens, exps)
    slope, curvature = _slope_and_curvature(fens, exps, root)
    found = (
        float(root) * (1 + off),
        float(slope) * slope_factor,
        float(curvature) if known_curvature else math.inf,
    )
    p = _Counted(fens, gaps)
    assert _relative(polish(p, found), root) <= Decimal("1e-26")
    assert p.decimals_taken >= fewest


def _start_for(
    fens: list[int], root: Decimal, slope: float, curvature: float, ratio: float
) -> float:
    """The float start, from the root upwards, whose first chord step s has the documented
    error estimate 3K·s² + 1e-13·s closest to ``ratio`` × 1e-26·z (s computed in 100 digits)."""
    exps = _exps(fens, None)
    best, best_gap = 0.0, math.inf
    z = float(root)
    for _ in range(3000):
        z = math.nextafter(z, 2.0)
        s = float(_sums(fens, exps, z)[0] / Decimal(slope))
        estimate = s * (3 * curvature * s + 1e-13) / (1e-26 * z)
        if abs(estimate - ratio) < best_gap:
            best, best_gap = z, abs(estimate - ratio)
        if estimate > 2 * ratio:
            break
    return best


@pytest.mark.parametrize(
    ("fens", "ratio", "steps"),
    [
        (MORTGAGE, 0.85, 1),  # K about 100: the estimate is mostly 3K·s²
        (MORTGAGE, 1.15, 3),  # then a step of about K·s² > 1e-28·z, and one below it
        (NEAR_LINEAR, 0.8, 1),  # K about 0: the estimate is the slope's rounding 1e-13·s
        (NEAR_LINEAR, 1.25, 2),
    ],
)
def test_polish_stops_after_one_step_exactly_when_its_error_estimate_allows(
    fens: list[int], ratio: float, steps: int
) -> None:
    """The documented rule (docs/numerics.md, "The error of the polish"): after a chord step
    s the error is estimated as 3K·s² + 1e-13·|s|, and a second step is taken unless that
    is below 1e-26·z; after a second step, only a step below 1e-28·z ends it. Starts are
    chosen so that the first step's estimate is ``ratio`` × 1e-26·z (to a few %), with the
    exact slope and K; either way the root is right to 1e-26."""
    exps = _exps(fens, None)
    root = _root(fens, exps)
    slope, curvature = _slope_and_curvature(fens, exps, root)
    start = _start_for(fens, root, float(slope), float(curvature), ratio)
    p = _Counted(fens, None)
    found = polish(p, (start, float(slope), float(curvature)))
    assert p.decimals_taken == steps
    assert _relative(found, root) <= Decimal("1e-26")


def test_polish_reaches_1e_26_next_to_z_0_by_step_size() -> None:
    """z near 1/389 (a rate near 388 a period), K unknown and a slope 10% off: with K
    unknown the polish goes on until a step is below 1e-28·z, relative to z (a bound of
    1e-28 / z would stop at steps of 1.5e-23·z here, leaving an error of about 1e-24·z)."""
    exps = _exps(RICH, None)
    root = _root(RICH, exps)
    slope, _ = _slope_and_curvature(RICH, exps, root)
    found = polish(PowerSum(RICH, None), (float(root) * (1 + 1e-8), float(slope) * 1.1, math.inf))
    assert _relative(found, root) <= Decimal("1e-26")


def test_polish_settles_from_a_poor_slope_within_its_30_steps() -> None:
    """A start 1e-6 off and a slope 18% too steep: each chord step leaves 1 - 1/1.18, about
    15%, of the error, and 1e-6 needs 28 steps to fall below 1e-28·z; MAX_ITER // 10 = 30
    steps are allowed. 50% too steep would need 60: NoConvergenceError naming the start."""
    exps = _exps(HUABEI, None)
    root = _root(HUABEI, exps)
    slope, _ = _slope_and_curvature(HUABEI, exps, root)
    start = float(root) * (1 + 1e-6)
    p = _Counted(HUABEI, None)
    assert _relative(polish(p, (start, float(slope) * 1.18, math.inf)), root) <= Decimal("1e-26")
    assert p.decimals_taken == 28
    with pytest.raises(NoConvergenceError, match=re.escape(f"near z={start!r} in 60-digit")):
        polish(PowerSum(HUABEI, None), (start, float(slope) * 1.5, math.inf))


@pytest.mark.parametrize("start", [8.0, 9.0])
def test_polish_refuses_a_start_that_steps_to_z_at_or_below_0(start: float) -> None:
    """f = 4z - 1 (root 1/4) with a slope of 3.875: from z = 8, f = 31 and the step is 8
    exactly, to z = 0; from 9 it goes below. z <= 0 is no rate: NoConvergenceError naming
    the start, though chord steps from 0 would have come back to 1/4."""
    with pytest.raises(NoConvergenceError, match=re.escape(f"near z={start!r} in 60-digit")):
        polish(PowerSum([-1, 4], None), (start, 3.875, math.inf))
