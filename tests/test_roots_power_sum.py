"""Sums of powers and their roots, huabei_calc._roots.power_sum, seen through irr and xirr:
every rate returned is checked independently, by the sign of the exact NPV (Fraction) or
of an 80-digit one just below and just above it, so that it is the root to the 20 places
shown. The method is on docs/numerics.md, "Roots of cash flows"."""

from __future__ import annotations

import decimal
from datetime import date, timedelta
from decimal import Decimal
from fractions import Fraction

from hypothesis import assume, given
from hypothesis import strategies as st

from huabei_calc import irr, irr_roots, xirr

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
