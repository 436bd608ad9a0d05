"""returns.py: ``npv``, ``irr``, ``xirr``, ``irr_roots``, ``xirr_roots`` (docs/reference/api.md).

Golden values come from spreadsheet and numpy-financial documentation, from numpy and
numpy-financial bug reports, and from docs/guides/true-rate.md. The documents print a few
digits; the values below were recomputed to 28 digits by an independent method (bisection of the NPV
in exact rational arithmetic for periodic flows, in 80-digit Decimal for dated ones) and
each agrees with what its source prints, up to that source's own float arithmetic.

Rates compare with one absolute tolerance, ``RATE_TOL`` = 1e-15. The library promises 1e-10;
returns.py returns 20 decimals, correct to about (1 + r) × 1e-26, and the goldens are known
to 28 digits: the tolerance holds the implementation close to what it documents while
leaving room for rates in the millions. NPVs (values, not rates) compare exactly.
"""

from __future__ import annotations

import contextlib
import decimal
import itertools
import math
from datetime import date, timedelta
from decimal import ROUND_DOWN, ROUND_FLOOR, ROUND_HALF_UP, Context, Decimal
from fractions import Fraction
from itertools import pairwise
from typing import NamedTuple

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import example, given
from hypothesis import strategies as st

import huabei_calc as hc
from tests.strategies import (
    conventional_flows,
    dated_flows,
    loan_principals,
    loan_terms,
    mixed_flows,
    periodic_rates,
)

D = Decimal
RATE_TOL = D("1e-15")
_CTX = Context(prec=60, rounding=ROUND_HALF_UP)


def close(rate: Decimal, expected: Decimal | str) -> bool:
    return abs(rate - D(expected)) <= RATE_TOL


# -- goldens: irr ----------------------------------------------------------------------------

EXCEL_IRR = ["-70000", "12000", "15000", "18000", "21000", "26000"]
CLOSE_ROOTS = ["400000000000", "-880000000000", "884000000000", "-880000000000", "483999999999.99"]
GH44 = ["-1678.87", "771.96", "1814.05", "3520.30", "3552.95", "3584.99", "4789.91", "-1"]

IRR_GOLDEN = [
    # Microsoft Support, "IRR function", example: -2.1% after four years, 8.7% after five,
    # -44.4% after two (Excel needs the guess -10% for that one; it is the only root)
    pytest.param(EXCEL_IRR[:5], "-0.02124484827341099103", id="excel-irr-4y"),
    pytest.param(EXCEL_IRR, "0.08663094803653161429", id="excel-irr-5y"),
    pytest.param(EXCEL_IRR[:3], "-0.44350694133474053950", id="excel-irr-2y"),
    # LibreOffice Help, Basic "IRR function" example: prints 11.3321028236252 (%), its
    # iteration's float result; the exact rate is 11.33210282362587…%
    pytest.param(["-10000", "3500", "7600", "1000"], "0.11332102823625870065", id="libreoffice"),
    # numpy-financial irr docstring examples: 0.28095, -0.0955, -0.0833, 0.06206, 0.0886
    pytest.param([-100, 39, 59, 55, 20], "0.28094842115996110458", id="npf-doc-1"),
    pytest.param([-100, 0, 0, 74], "-0.09549583034897251984", id="npf-doc-2"),
    pytest.param([-100, 100, 0, -7], "-0.08329966618493268648", id="npf-doc-3"),
    pytest.param([-100, 100, 0, 7], "0.06205848562992945987", id="npf-doc-4"),
    pytest.param(["-5", "10.5", 1, -8, 1], "0.08859833852775534567", id="npf-doc-5"),
    # numpy gh-14977 (= numpy-financial gh-28): rates -76.9% and 185% (Excel's); the root
    # closest to zero (docs/numerics.md "Roots of cash flows") is numpy's -76.9%
    pytest.param([-50, -100, 600, 300, -100], "-0.76889547068078064433", id="numpy-gh14977"),
    # numpy-financial gh-44: rates -0.99979 and 1.00427 (8 flows), -0.99972 and 0.96888
    # (7 flows): the one closest to zero of each (npf 1.0.0 printed -0.99979 for the first)
    pytest.param(GH44, "-0.99979126042832838031", id="npf-gh44"),
    pytest.param([*GH44[:6], "-1"], "0.96887754702092612713", id="npf-gh44-7-flows"),
    # numpy-financial gh-46: with the outlay moved to period 1 the rates are -55.7% and
    # 7533%; the closest to zero is -55.7%
    pytest.param(
        ["2113.73", "-161445.03", "7626.73", "8619.84", "8612.92"],
        "-0.55733095824220305596",
        id="npf-gh46-phased",
    ),
    pytest.param(
        ["-161445.03", "2113.73", "7626.73", "8619.84", "8612.92"],
        "-0.43658134635468820878",
        id="npf-gh46",
    ),
    # numpy-financial gh-98: [-10000] + [327.24625] * 16 (scaled by 1000 to whole fen, which
    # changes no rate); one sign change, so one rate
    pytest.param(["-10000000"] + ["327246.25"] * 16, "-0.06765411344968664902", id="npf-gh98"),
    # pyxirr gh-20: irr returned None where numpy-financial gives -0.50207; either sign
    pytest.param(["87.17"] * 12 + ["-86.43"], "-0.50207326422639674041", id="pyxirr-gh20"),
    pytest.param(["-87.17"] * 12 + ["86.43"], "-0.50207326422639674041", id="pyxirr-gh20-neg"),
    # pyxirr gh-24: a 480-month loan gave irr × 12 = -23.8 (a spurious root below -1);
    # the flows rounded to the fen: 0.384% a month
    pytest.param(["-172545.85"] + ["787.74"] * 480, "0.00384014032824141278", id="pyxirr-gh24"),
    # two roots, 9/101 and 1/9: the one closer to zero
    pytest.param([9999, -22000, 12100], "0.08910891089108910891", id="two-roots"),
    # (11 - 10(1+r))^2: a double root at -1/11, the NPV touches zero without crossing
    pytest.param([121, -220, 100], "-0.09090909090909090909", id="double-root-negative"),
    # K (10(1+r) - 11)^2 ((1+r)^2 + 1), K = 4e9: a double root at 10%, NPVs of 10^12 ...
    pytest.param(
        ["400000000000", "-880000000000", "884000000000", "-880000000000", "484000000000"],
        "0.1",
        id="double-root-large",
    ),
    # ... less one fen: two roots 2e-7 apart, below float's resolution at that scale
    pytest.param(CLOSE_ROOTS, "0.09999989364108691660", id="close-roots"),
    # amounts at the limits: the rates are -1 + 1e-14, 1e14 - 1 and 1e-14 / 13
    pytest.param(["-1000000000000", "0.01"], "-0.99999999999999", id="limit-low"),
    pytest.param(["-0.01", "1000000000000"], "99999999999999", id="limit-high"),
    pytest.param(["-999999999999.99", *[0] * 12, "1000000000000"], "7.6923E-16", id="limit-tiny"),
]


@pytest.mark.parametrize(("flows", "expected"), IRR_GOLDEN)
def test_irr_golden(flows: list[object], expected: str) -> None:
    assert close(hc.irr(flows), expected)


def _huabei_installments(periods: int, fee_rate: str) -> list[Decimal]:
    """docs/guides/true-rate.md: 5,000 over ``periods``; principal and fee per period
    truncated to the fen, the remainders in period 1."""
    principal, fee = D(5000), D(5000) * D(fee_rate)
    each = (principal / periods).quantize(D("0.01"), ROUND_DOWN)
    each_fee = (fee / periods).quantize(D("0.01"), ROUND_DOWN)
    first = principal - each * (periods - 1) + fee - each_fee * (periods - 1)
    return [-principal, first] + [each + each_fee] * (periods - 1)


@pytest.mark.parametrize(
    ("periods", "fee_rate", "expected", "annual"),
    [
        # docs/guides/true-rate.md: historic bill-installment rates, true annual rates (IRR × 12)
        (3, "0.025", "0.01244871296636786382", "0.1494"),
        (6, "0.045", "0.01272314477287747298", "0.1527"),
        (9, "0.065", "0.01278365663011566420", "0.1534"),
        (12, "0.088", "0.01322061851862413185", "0.1586"),
    ],
)
def test_huabei_installment_apr(periods: int, fee_rate: str, expected: str, annual: str) -> None:
    flows = _huabei_installments(periods, fee_rate)
    if periods == 12:  # the guide's rows: 416.74 + 36.74 in period 1, then 416.66 + 36.66
        assert flows[1:3] == [D("453.48"), D("453.32")]
    rate = hc.irr(flows)
    assert close(rate, expected)
    assert (rate * 12).quantize(D("0.0001"), ROUND_HALF_UP) == D(annual)


def test_irr_zero_rate_and_trimmed_zeros() -> None:
    assert hc.irr([-100, 40, 60]) == 0  # repaid exactly what was lent
    assert hc.irr([-1, 2, -1]) == 0  # a double root at 0
    assert hc.irr([0, 0, -100, 110, 0, 0]) == hc.irr([-100, 110])  # zeros at the ends
    assert close(hc.irr([-100, 110]), "0.1")
    assert close(hc.irr([110, -100]), D(-1) / 11)  # a borrower's view of lending 100 at 10%


# -- goldens: xirr and npv ---------------------------------------------------------------------


def test_xirr_excel_example() -> None:
    # Microsoft Support, "XIRR function", example: 0.373362535 (37.34%)
    flows = [
        (date(2008, 1, 1), "-10000"),
        (date(2008, 3, 1), "2750"),
        (date(2008, 10, 30), "4250"),
        (date(2009, 2, 15), "3250"),
        (date(2009, 4, 1), "2750"),
    ]
    assert close(hc.xirr(flows), "0.37336253351883151031")
    assert close(hc.xirr(flows[::-1]), "0.37336253351883151031")  # any order


def test_xirr_openoffice_example() -> None:
    # Apache OpenOffice Wiki, "Calc: XIRR function": "returns approximately 0.124"
    flows = [(date(2008, 2, 5), -2750), (date(2008, 7, 5), 1000), (date(2009, 1, 5), 2000)]
    assert close(hc.xirr(flows), "0.12363109590433663657")


def test_xirr_same_day_flows_add_up() -> None:
    day, year_later = date(2025, 1, 1), date(2026, 1, 1)
    split = [(day, "-600"), (year_later, "550"), (day, "-400"), (year_later, "550")]
    assert hc.xirr(split) == hc.xirr([(day, "-1000"), (year_later, "1100")])
    assert close(hc.xirr(split), "0.1")


NPV_GOLDEN = [
    # Microsoft Support, "NPV function", example 1: 10%, an outlay of 10,000 a year from
    # today, then 3,000, 4,200, 6,800 → 1,188.44. Excel discounts its first value; here
    # period 0 is not discounted, so the flows start with a 0 at period 0.
    pytest.param(
        "0.1", [0, -10000, 3000, 4200, 6800], "1188.443412335223003893176696", id="excel-1"
    ),
    # ... example 2: 8%, 40,000 paid now: =NPV(8%, B2:B6) + A2 → 1,922.06; a loss of
    # 9,000 in year 6 → -3,749.47. The "+ A2" is exactly this convention.
    pytest.param(
        "8%",
        [-40000, 8000, 9200, 10000, 12000, 14500],
        "1922.061554932372200893071507",
        id="excel-2",
    ),
    pytest.param(
        D("0.08"),
        [-40000, 8000, 9200, 10000, 12000, 14500, -9000],
        "-3749.465087015570825940493818",
        id="excel-2-loss",
    ),
    # numpy-financial npv docstring: npv(0.281, [-100, 39, 59, 55, 20]) → -0.0084785916384548798
    # (float; the exact value differs from it after 13 digits)
    pytest.param("0.281", [-100, 39, 59, 55, 20], "-0.008478591638426130744669709271", id="npf"),
    pytest.param(0, ["-100", "60.50", "39.50"], "0.00", id="zero-rate-plain-sum"),
    pytest.param("-0.5", ["-100", "60"], "20", id="negative-rate"),
    pytest.param("0.05", ["123.45"], "123.45", id="one-flow"),
]


@pytest.mark.parametrize(("rate", "flows", "expected"), NPV_GOLDEN)
def test_npv_golden(rate: object, flows: list[object], expected: str) -> None:
    assert hc.npv(rate, flows) == D(expected)  # type: ignore[arg-type]


def test_npv_at_the_irr_is_zero() -> None:
    assert abs(hc.npv(hc.irr(EXCEL_IRR), EXCEL_IRR)) < D("1e-13")


# -- properties --------------------------------------------------------------------------------


def _exact(flows: list[Decimal], rate: Decimal) -> tuple[Fraction, Fraction]:
    """NPV and Σ k |c_k| / (1 + r) ** (k + 1) (a bound on |NPV'|) in exact arithmetic."""
    v = 1 / (1 + Fraction(rate))
    value = sum((Fraction(c) * v**k for k, c in enumerate(flows)), Fraction(0))
    slope = sum((k * abs(Fraction(c)) * v ** (k + 1) for k, c in enumerate(flows)), Fraction(0))
    return value, slope


@given(conventional_flows())
def test_npv_vanishes_at_the_irr(flows: list[Decimal]) -> None:
    """At the rate found, the NPV is zero up to what a RATE_TOL error in the rate moves it."""
    rate = hc.irr(flows)
    value, slope = _exact(flows, rate)
    assert abs(value) <= Fraction(RATE_TOL) * slope + Fraction(1, 10**30)
    assert abs(hc.npv(rate, flows) - D(value.numerator) / D(value.denominator)) < D("1e-20")


@given(loan_principals, loan_terms, periodic_rates)
def test_interest_only_loan_has_its_rate(principal: Decimal, periods: int, rate: Decimal) -> None:
    """Lend P (a multiple of 100 yuan), get P × r each period and P back: the IRR is r."""
    principal = (principal / 100).to_integral_value(ROUND_DOWN) * 100 or D(100)
    interest = principal * rate  # exact: at most two places
    flows = [-principal] + [interest] * (periods - 1) + [interest + principal]
    assert close(hc.irr(flows), rate)


@given(loan_principals, loan_terms, periodic_rates.filter(bool))
def test_equal_installment_loan_recovers_its_rate(
    principal: Decimal, periods: int, rate: Decimal
) -> None:
    """The level payment, rounded to the fen, moves the rate by at most the rounding's effect."""
    with decimal.localcontext(_CTX):
        exact = principal * rate / (1 - (1 + rate) ** -periods)
        payment = exact.quantize(D("0.01"), ROUND_HALF_UP)
        v = 1 / (1 + rate)
        discounted = sum(v**k for k in range(1, periods + 1))
        slope = sum(k * payment * v ** (k + 1) for k in range(1, periods + 1))
        # NPV moves by |payment - exact| × Σ v^k; the rate by that over |NPV'| (twice, for
        # the curvature between the two rates)
        bound = 2 * abs(payment - exact) * discounted / slope + RATE_TOL
    found = hc.irr([-principal] + [payment] * periods)
    assert abs(found - rate) <= bound


@given(loan_principals, loan_terms)
def test_zero_rate_loan_has_irr_zero(principal: Decimal, periods: int) -> None:
    each = (principal / periods).quantize(D("0.01"), ROUND_DOWN)
    payments = [principal - each * (periods - 1)] + [each] * (periods - 1)
    assert hc.irr([-principal, *payments]) == 0


@given(conventional_flows(), st.integers(2, 1000))
def test_irr_ignores_the_scale(flows: list[Decimal], factor: int) -> None:
    if max(abs(c) for c in flows) * factor > 10**12:
        factor = 2
    assert close(hc.irr([c * factor for c in flows]), hc.irr(flows))


# Sturm sequences, exactly: the number of distinct real roots of a polynomial in an interval,
# to check irr's choice among several rates independently of how it searches.


def _poly_rem(num: list[Fraction], den: list[Fraction]) -> list[Fraction]:
    num = num[:]
    while len(num) >= len(den) and any(num):
        factor = num[0] / den[0]
        for i, d in enumerate(den):
            num[i] -= factor * d
        num.pop(0)
    while num and num[0] == 0:
        num.pop(0)
    return num


def _sturm(poly: list[Fraction]) -> list[list[Fraction]]:
    n = len(poly) - 1
    chain = [poly, [c * (n - i) for i, c in enumerate(poly[:-1])]]
    while len(chain[-1]) > 1:
        rem = _poly_rem(chain[-2], chain[-1])
        if not rem:
            break
        chain.append([-c for c in rem])
    return chain


def _changes(chain: list[list[Fraction]], x: Fraction | None) -> int:
    """Sign changes of the chain at x (None: +∞)."""
    signs = []
    for p in chain:
        value = p[0] if x is None else sum((c * x ** (len(p) - 1 - i) for i, c in enumerate(p)))
        if value:
            signs.append(value > 0)
    return sum(a != b for a, b in pairwise(signs))


def _roots_between(poly: list[Fraction], lo: Fraction, hi: Fraction | None) -> int:
    """Distinct real roots in (lo, hi]; poly(lo) must not be 0."""
    chain = _sturm(poly)
    return _changes(chain, lo) - _changes(chain, hi)


def _poly(flows: list[Decimal]) -> list[Fraction]:
    """Σ c_k g^(n-k), g = 1 + r, highest power first, without the roots g = 0."""
    while not flows[-1]:
        flows = flows[:-1]  # trailing zeros make roots at g = 0, which are no rates
    poly = [Fraction(c) for c in flows]
    while not poly[0]:
        poly = poly[1:]
    return poly


@given(mixed_flows())
def test_irr_roots_are_every_root_and_irr_the_closest_to_zero(flows: list[Decimal]) -> None:
    """Against an exact Sturm count of Σ c_k g^(n-k), g = 1 + r (docs/numerics.md, "Roots
    of cash flows"): each listed root is within RATE_TOL of a root, the roots increase and lie
    above -1, no root is missed, and irr is the listed root closest to 0 (a tie: >= 0)."""
    poly = _poly(flows)
    roots = hc.irr_roots(flows)
    tol = Fraction(RATE_TOL)
    assert list(roots) == sorted(set(roots))
    assert all(r > -1 for r in roots)
    for r in roots:
        g = 1 + Fraction(r)
        assert _roots_between(poly, max(g - tol, Fraction(0)), g + tol) >= 1
    assert _roots_between(poly, Fraction(0), None) == len(roots)  # distinct roots g > 0
    if not roots:
        with pytest.raises(hc.NoConvergenceError):
            hc.irr(flows)
        return
    rate = hc.irr(flows)
    assert rate in roots
    closest = min(roots, key=lambda r: (abs(r), r < 0))
    assert rate == closest


def _from_roots(rates: list[Fraction], scale: int) -> list[Decimal]:
    """Flows whose NPV × (1 + r)^n is scale × Π (g - (1 + r_i)), g = 1 + r: the rates are
    exactly the chosen ones (a polynomial with known roots)."""
    poly = [Fraction(scale)]
    for r in rates:
        g = 1 + r
        poly = [*poly, Fraction(0)]
        poly = [a - g * b for a, b in zip(poly, [Fraction(0), *poly[:-1]], strict=True)]
    assert all(c.denominator == 1 or (c * 100).denominator == 1 for c in poly)
    return [D(c.numerator) / D(c.denominator) for c in poly]


@pytest.mark.parametrize(
    ("rates", "scale"),
    [
        # pyxirr's case in the issue: a root near -0.12% and a huge one; the old rule
        # ("smallest >= 0") returned the huge one
        ([Fraction(-12, 10000), Fraction(10**6)], 10**4),
        ([Fraction(-1, 10), Fraction(1, 10)], 100),  # a tie: the non-negative one
        ([Fraction(-1, 2), Fraction(1, 5), Fraction(3, 2)], 100),
        ([Fraction(-3, 4), Fraction(-1, 20), Fraction(1, 10), Fraction(4)], 10**4),
    ],
)
def test_roots_built_from_known_rates(rates: list[Fraction], scale: int) -> None:
    flows = _from_roots(rates, scale)
    found = hc.irr_roots(flows)
    assert len(found) == len(rates)
    assert all(
        close(f, D(r.numerator) / D(r.denominator)) for f, r in zip(found, rates, strict=True)
    )
    expected = min(rates, key=lambda r: (abs(r), r < 0))
    assert close(hc.irr(flows), D(expected.numerator) / D(expected.denominator))
    dated = [(date(2001, 1, 1) + timedelta(days=365 * k), c) for k, c in enumerate(flows)]
    assert all(close(a, b) for a, b in zip(hc.xirr_roots(dated), found, strict=True))
    assert close(hc.xirr(dated), hc.irr(flows))


@given(conventional_flows())
def test_one_sign_change_has_one_root(flows: list[Decimal]) -> None:
    """Descartes' rule of signs: a loan's flows (one sign change) have exactly one rate."""
    assert hc.irr_roots(flows) == (hc.irr(flows),)


@given(mixed_flows())
def test_every_root_zeroes_the_npv_exactly(flows: list[Decimal]) -> None:
    """At each listed root the exact NPV is zero up to what a RATE_TOL error moves it."""
    for rate in hc.irr_roots(flows):
        value, slope = _exact(flows, rate)
        assert abs(value) <= Fraction(RATE_TOL) * slope + Fraction(1, 10**30)


@given(dated_flows(), st.randoms(use_true_random=False))
def test_xirr_ignores_the_order(flows: list[tuple[date, Decimal]], random: object) -> None:
    shuffled = flows[:]
    random.shuffle(shuffled)  # type: ignore[attr-defined]
    assert hc.xirr(shuffled) == hc.xirr(flows)


@given(conventional_flows(), st.dates(date(2000, 1, 1), date(2040, 1, 1)))
def test_xirr_of_yearly_and_daily_flows_is_irr(flows: list[Decimal], start: date) -> None:
    """365 days apart, XIRR is the IRR; a day apart, it is the daily IRR compounded."""
    yearly = [(start + timedelta(days=365 * k), c) for k, c in enumerate(flows)]
    assert close(hc.xirr(yearly), hc.irr(flows))
    daily = [(start + timedelta(days=k), c) for k, c in enumerate(flows)]
    per_day = hc.irr(flows)
    if 0 <= per_day < 1:  # else (1 + r) ** 365 is too large, or too close to 0, to invert
        with decimal.localcontext(_CTX):
            from_annual = (1 + hc.xirr(daily)) ** (D(1) / 365) - 1
        assert close(from_annual, per_day)


@given(
    loan_principals,
    st.integers(1, 60),
    periodic_rates.filter(bool),
    st.dates(date(1900, 1, 1), date(2100, 12, 31)),
)
def test_xirr_of_monthly_flows_is_close_to_compounded_irr(
    principal: Decimal, periods: int, rate: Decimal, start: date
) -> None:
    """Monthly due dates are 28 to 31 days apart, so XIRR only approximates (1 + irr)^12 - 1.

    How closely is exact: if every flow's time in years t_k lies within [a, b] × k/12, the
    NPV being decreasing, log(1 + xirr) lies within [1/b, 1/a] × 12 log(1 + irr).
    """
    with decimal.localcontext(_CTX):
        payment = (principal * rate / (1 - (1 + rate) ** -periods)).quantize(D("0.01"))
    flows = [-principal] + [payment] * periods
    dated = [(start + relativedelta(months=k), c) for k, c in enumerate(flows)]
    ratios = [D((day - start).days * 12) / (365 * k) for k, (day, _) in enumerate(dated) if k]
    with decimal.localcontext(_CTX):
        annual_log = 12 * (1 + hc.irr(flows)).ln()
        dated_log = (1 + hc.xirr(dated)).ln()
        assert (
            annual_log / max(ratios) - RATE_TOL <= dated_log <= annual_log / min(ratios) + RATE_TOL
        )
    assert D("0.92") <= min(ratios)  # months of 28 to 31 days: the sandwich is ±8% at most
    assert max(ratios) <= D("1.02")


# -- errors and the caller's context ----------------------------------------------------------


@pytest.mark.parametrize(
    ("flows", "message"),
    [
        ([], "at least two"),
        (["-100"], "at least two"),
        ([0, 0, 0], "all zero"),
        ([100, 200], "change sign"),
        ([-100, 0, -5], "change sign"),
        ([-100, 0.5], "is a float"),
        (["-100", "100.005"], "two decimals"),
        (["-100", "1000000000000.01"], r"10\^12 yuan either way"),
        (["-100", "abc"], "at index 1 is not a number"),
        (["-100", None], "at index 1 must be an amount in yuan .* not NoneType"),
        (["-100", True], "not bool"),
        (["-100", D("NaN")], "not NaN or infinity"),
        ("-100,100", "list of cash flows"),
        (D("100"), "list of cash flows"),
    ],
)
def test_irr_refuses(flows: object, message: str) -> None:
    with pytest.raises(hc.InputError, match=message) as info:
        hc.irr(flows)  # type: ignore[arg-type]
    assert info.value.name == "cashflows"


def test_element_errors_name_the_index() -> None:
    with pytest.raises(hc.InputError, match=r"^cashflows=0\.5 at index 1 is a float") as info:
        hc.irr([-100, 0.5])
    assert info.value.value == 0.5


@pytest.mark.parametrize(
    ("flows", "message"),
    [
        ([(date(2025, 1, 1), -100)], "at least two"),
        ([], "at least two"),
        ([(date(2025, 1, 1), -100), (date(2025, 1, 1), 100)], "same date"),
        ([(date(2025, 1, 1), -100), (date(2025, 1, 1), 150), (date(2026, 1, 1), 10)], "same date"),
        ([(date(2025, 1, 1), -100), (date(2026, 1, 1), -5)], "change sign"),
        ([(date(2025, 1, 1), -100), ("2026-01-01", 110)], "datetime.date"),
        ([(date(2025, 1, 1), -100), (date(2026, 1, 1), 0.1)], "is a float"),
        ([(date(2025, 1, 1), -100), (date(2026, 1, 1),)], "pair"),
        ([(date(2025, 1, 1), -100), date(2026, 1, 1)], "pair"),
    ],
)
def test_xirr_refuses(flows: object, message: str) -> None:
    with pytest.raises(hc.InputError, match=message) as info:
        hc.xirr(flows)  # type: ignore[arg-type]
    assert info.value.name == "flows"


def test_xirr_refuses_datetimes_with_a_hint() -> None:
    from datetime import datetime

    flows = [(datetime(2025, 1, 1, 9), -100), (date(2026, 1, 1), 110)]
    with pytest.raises(hc.InputError, match=r"at index 0 .*\.date\(\)"):
        hc.xirr(flows)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("rate", "message"),
    [
        (0.05, "is a float"),
        (True, "fraction"),
        (-1, "greater than -1"),
        ("-100%", "greater than -1"),
        ("abc", "rate such as"),
        (D("NaN"), "finite"),
        ("1e999999999", "too many digits"),
        (D("0." + "1" * 250), "too many digits"),
    ],
)
def test_npv_refuses_rates(rate: object, message: str) -> None:
    with pytest.raises(hc.InputError, match=message) as info:
        hc.npv(rate, [-100, 110])  # type: ignore[arg-type]
    assert info.value.name == "rate"


def test_npv_refuses_no_flows() -> None:
    with pytest.raises(hc.InputError, match="at least one"):
        hc.npv("0.1", [])


@pytest.mark.parametrize(
    "flows",
    [
        [1, -1, 1],  # NPV = g² - g + 1 > 0 for every g = 1 + r
        [100, -300, 250],  # 100 g² - 300 g + 250: discriminant < 0
        # K (10 g - 11)² (g² + 1) plus one fen: within float noise of a double root, but
        # positive everywhere in 60 digits
        ["400000000000", "-880000000000", "884000000000", "-880000000000", "484000000000.01"],
    ],
)
def test_no_rate_is_no_convergence(flows: list[object]) -> None:
    with pytest.raises(hc.NoConvergenceError, match="no internal rate of return"):
        hc.irr(flows)


def test_quadruple_root_within_its_documented_accuracy() -> None:
    """115253354.65 × (3(1+r) - 2)^4: the NPV touches zero at r = -1/3 with multiplicity
    4; returns.py documents such a root to about 1e-45 ** (1/4) ≈ 5e-12."""
    flows = ["9335521726.65", "-24894724604.40", "24894724604.40", "-11064322046.40"]
    rate = hc.irr([*flows, "1844053674.40"])
    assert abs(rate + D(1) / 3) <= D("1e-45") ** D("0.25") * 2


@pytest.mark.parametrize("flows", [GH44, [-50, -100, 600, 300, -100], [-100, 100, 0, -7]])
def test_xirr_picks_like_irr_365_days_apart(flows: list[object]) -> None:
    """Several rates: dated 365 days apart, xirr must choose the same one irr does."""
    dated = [(date(2001, 1, 1) + timedelta(days=365 * k), c) for k, c in enumerate(flows)]
    assert close(hc.xirr(dated), hc.irr(flows))  # type: ignore[arg-type]


HOSTILE = [
    Context(prec=6, rounding=ROUND_FLOOR),
    Context(prec=3, rounding=ROUND_DOWN, traps=[decimal.Inexact, decimal.Rounded]),
]


@pytest.mark.parametrize("hostile", HOSTILE, ids=["prec6-floor", "prec3-traps"])
def test_results_ignore_the_callers_context(hostile: Context) -> None:
    flows = _huabei_installments(12, "0.088")
    dated = [(date(2025, 1, 31) + relativedelta(months=k), c) for k, c in enumerate(flows)]
    calls = [
        lambda: hc.irr(flows),
        lambda: hc.irr(GH44),  # the scan for several roots
        lambda: hc.xirr(dated),
        lambda: hc.npv("0.0132", flows),
        lambda: hc.irr(CLOSE_ROOTS),
    ]
    expected = [call() for call in calls]
    with decimal.localcontext(hostile) as ctx:
        ctx.clear_flags()
        before = ctx.copy()
        assert [call() for call in calls] == expected
        assert (ctx.prec, ctx.rounding) == (before.prec, before.rounding)
        assert (ctx.flags, ctx.traps) == (before.flags, before.traps)


# -- the fast paths ------------------------------------------------------------------------------


@st.composite
def _runs_and_z(draw: st.DrawFn) -> tuple[list[int], float]:
    """Flows made of runs of equal values, and a z where PowerSum.at sums them in closed form."""
    values = st.integers(-(10**14), 10**14).filter(bool)
    runs = draw(st.lists(st.tuples(values, st.integers(1, 40)), min_size=1, max_size=4))
    runs.append((draw(values), draw(st.integers(2, 40))))
    fens = [c for c, m in runs for _ in range(m)]
    shortest = min(m for _, m in runs if m > 1)
    top = math.exp(-0.05 / (shortest - 1))  # (shortest - 1) * log(1/z) >= 0.05
    z = draw(st.floats(0.05, top, exclude_max=True))
    return fens, z


@given(_runs_and_z())
def test_runs_in_closed_form_match_the_exact_sums(case: tuple[list[int], float]) -> None:
    """PowerSum.at's closed form for runs of equal flows: f and z·f' to ~1e-13 relatively."""
    from huabei_calc._roots.power_sum import PowerSum

    fens, z = case
    p = PowerSum(fens, None)
    if p.runs is None:  # too few repeats for runs: Horner, also checked here
        assert len(fens) <= 3 * len([c for c, _ in itertools.groupby(fens)])
    exact_z = Fraction(z)
    terms = [c * exact_z**e for e, c in enumerate(fens)]
    value, slope = p.at(z)
    size = sum(map(abs, terms))
    assert abs(Fraction(value) - sum(terms)) <= size * Fraction(1, 10**13)
    moment = sum(e * t for e, t in enumerate(terms))
    moment_size = sum(e * abs(t) for e, t in enumerate(terms))
    assert abs(Fraction(slope) - moment) <= moment_size * Fraction(1, 10**12)


def test_runs_sum_to_the_flows_total_and_weight() -> None:
    from huabei_calc._roots.power_sum import PowerSum

    fens = [-1_000_000] + [90_667] * 12 + [5] + [7] * 30
    p = PowerSum(fens, None)
    assert p.runs is not None
    assert p.total == sum(fens)
    assert p.weighted == sum(e * c for e, c in enumerate(fens))
    mirrored = p.mirrored()
    assert mirrored.weighted == sum(e * c for e, c in enumerate(fens[::-1]))


REPEATED = [
    [D("-10000")] + [D("906.67")] * 12,
    [D("1.0"), D("1.00"), D("-0"), D("0"), D("1E+2"), D("-0.10")] * 3,
    [D("-10000.00")] + [D("253.93")] * 60 + [D("0.01")],
]


@pytest.mark.parametrize("flows", REPEATED)
def test_repeated_flows_convert_once_to_the_same_fen(flows: list[Decimal]) -> None:
    """_fens converts each distinct value of a long list once; the fen are the same."""
    from huabei_calc.returns import _fen, _fens

    assert _fens(flows, "cashflows") == [_fen(c, "cashflows", i) for i, c in enumerate(flows)]


@pytest.mark.parametrize("bad", [D("NaN"), D("sNaN"), D("Infinity"), D("0.001"), D("1E+13")])
def test_a_bad_value_in_a_long_list_is_named(bad: Decimal) -> None:
    flows = [D("-100")] + [D("10")] * 12
    flows[7] = bad
    with pytest.raises(hc.InputError) as err:
        hc.irr(flows)
    assert err.value.name == "cashflows"
    assert "at index 7" in str(err.value)


# -- defects: float operations, date subclasses, exact NPV residues, catalog ids ----------------

MULTI = [-50, -100, 600, 300, -100]
DATED_MULTI = [(date(2001, 1, 1) + timedelta(days=365 * k), c) for k, c in enumerate(MULTI)]
PUBLIC_CALLS = [
    lambda: hc.irr([1, -1, 1]),  # no rate: NoConvergenceError
    lambda: hc.irr(MULTI),
    lambda: hc.irr(EXCEL_IRR),
    lambda: hc.irr_roots(MULTI),
    lambda: hc.irr_roots(CLOSE_ROOTS),
    lambda: hc.irr_roots([1, -1, 1]),
    lambda: hc.xirr(DATED_MULTI),
    lambda: hc.xirr([(date(2025, 1, 1), -1000), (date(2025, 7, 9), 1100)]),
    lambda: hc.xirr_roots(DATED_MULTI),
    lambda: hc.xirr_roots([(date(2001, 1, 1), 1), (date(2002, 1, 1), -1), (date(2003, 1, 1), 1)]),
    lambda: hc.npv("1%", ["-100", "101"]),
    lambda: hc.npv("-0.5", ["-100", "60"]),
    lambda: hc.irr([-100, 0.5]),  # InputError
    lambda: hc.npv(0.05, [-100, 110]),  # InputError
]


@pytest.mark.parametrize("call", PUBLIC_CALLS)
def test_no_float_operation_reaches_the_caller(call: object) -> None:
    """Issue 10 #5: with FloatOperation trapped nothing raises it; untrapped, no flag is set."""
    for trapped in (True, False):
        with decimal.localcontext() as ctx:
            ctx.traps[decimal.FloatOperation] = trapped
            ctx.clear_flags()
            with contextlib.suppress(hc.NoConvergenceError, hc.InputError):
                call()  # type: ignore[operator]
            assert not ctx.flags[decimal.FloatOperation]
            assert not any(ctx.flags.values())


class _Day(date):
    """A date subclass, as some calendars and ORMs return."""


def test_xirr_accepts_date_subclasses() -> None:
    flows = [(_Day(2025, 1, 1), "-1000"), (_Day(2026, 1, 1), "1100")]
    assert close(hc.xirr(flows), "0.1")
    assert hc.xirr_roots(flows) == (hc.xirr(flows),)


def test_xirr_refuses_a_datetime_at_its_index_in_both_languages() -> None:
    from datetime import datetime

    with pytest.raises(hc.InputError) as info:
        hc.xirr([(date(2025, 1, 1), -100), (datetime(2026, 1, 1), 110)])  # type: ignore[list-item]
    assert info.value.code == "err.flow_datetime"
    assert "at index 1" in str(info.value)
    assert "下标为 1 的项" in info.value.message("zh")


@pytest.mark.parametrize(
    ("rate", "flows", "expected"),
    [
        ("1%", ["-100", "101"], "0"),  # issue 10 #15: exactly 0, not 1.0E-60
        ("10%", ["-1000", "1100"], "0"),
        ("1‰", ["-1000", "1001"], "0"),  # read by rates.fraction: per mille works
        ("万分之五", ["-10000", "10005"], "0"),
        ("-10%", ["-90", "100"], "21.11111111111111111111111111"),  # 100 / 0.9 - 90
        ("-1%", ["99", "-100"], "-2.010101010101010101010101010"),
    ],
)
def test_npv_is_exact(rate: str, flows: list[str], expected: str) -> None:
    # the exact rational value, correctly rounded to 28 significant digits
    result = hc.npv(rate, flows)
    assert result == D(expected)
    assert str(result) == expected


@given(conventional_flows(), periodic_rates)
def test_npv_is_the_exact_rational_sum_rounded(flows: list[Decimal], rate: Decimal) -> None:
    exact = sum((Fraction(c) / (1 + Fraction(rate)) ** k for k, c in enumerate(flows)), Fraction(0))
    with decimal.localcontext(Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)):
        expected = D(exact.numerator) / D(exact.denominator)
    assert hc.npv(rate, flows) == expected


def test_error_codes_are_in_the_catalog_in_both_languages() -> None:
    from huabei_calc._catalog import MESSAGES

    bad = [
        lambda: hc.irr("x"),
        lambda: hc.irr([1]),
        lambda: hc.irr([0, 0]),
        lambda: hc.irr([1, 2]),
        lambda: hc.irr([1, 0.5]),
        lambda: hc.irr([1, "x"]),
        lambda: hc.npv("0.1", []),
        lambda: hc.npv("-100%", [1]),
        lambda: hc.xirr([(date(2025, 1, 1), 1), 5]),
        lambda: hc.xirr([(date(2025, 1, 1), 1), ("2025-01-02", -1)]),
        lambda: hc.xirr([(date(2025, 1, 1), 1), (date(2025, 1, 1), -1)]),
    ]
    for call in bad:
        with pytest.raises(hc.InputError) as info:
            call()  # type: ignore[no-untyped-call]
        assert info.value.code in MESSAGES, str(info.value)
        assert info.value.message("zh") != str(info.value)


@given(mixed_flows(), st.dates(date(2000, 1, 1), date(2040, 1, 1)))
def test_xirr_roots_365_days_apart_are_the_irr_roots(flows: list[Decimal], start: date) -> None:
    """Two independent methods agree: Rolle brackets (dated) and exact isolation (periodic)."""
    dated = [(start + timedelta(days=365 * k), c) for k, c in enumerate(flows)]
    while dated and not dated[-1][1]:
        dated.pop()
    while dated and not dated[0][1]:
        dated.pop(0)
    if len(dated) < 2 or max(c for _, c in dated) <= 0 or min(c for _, c in dated) >= 0:
        return  # the zeros at the ends carried the sign change
    periodic = hc.irr_roots(flows)
    found = hc.xirr_roots(dated)
    assert len(found) == len(periodic)
    assert all(close(a, b) for a, b in zip(found, periodic, strict=True))
    if found:
        assert close(hc.xirr(dated), hc.irr(flows))


def test_a_rate_next_to_minus_one_keeps_its_digits() -> None:
    """numpy-financial gh-44's flows 30 days apart: one rate is -1 + 4.6e-44 a year; it is
    shown with the places that keep 1 + r, never as -1."""
    dated = [(date(2001, 1, 1) + timedelta(days=30 * k + k % 3), c) for k, c in enumerate(GH44)]
    low, high = hc.xirr_roots(dated)
    assert -1 < low < D("-0.99999")
    assert 1 + low > 0
    assert (1 + low).adjusted() == -44
    assert hc.xirr(dated) == low  # |low| < high: closest to zero
    assert high > 4000


@pytest.mark.parametrize(
    "flows",
    [[1, -2, 1], [-1, 2, -2, 1], [-100, 40, 60], [1, -3, 3, -1], [-100, 300, -300, 100, 1, -1]],
)
def test_flows_adding_up_to_zero_list_the_rate_zero_exactly(flows: list[int]) -> None:
    """f(1) = 0: the rate 0 is a root (double, triple, or simple), listed once and exactly."""
    dated = [(date(2001, 1, 1) + timedelta(days=365 * k), c) for k, c in enumerate(flows)]
    assert hc.irr(flows) == 0
    assert hc.xirr(dated) == 0
    assert D(0) in hc.irr_roots(flows)
    assert [str(r) for r in hc.xirr_roots(dated)] == [str(r) for r in hc.irr_roots(flows)]


@st.composite
def _dated_mixed(draw: st.DrawFn) -> list[tuple[date, Decimal]]:
    """Flows of either sign on distinct days within about 5 years."""
    flows = draw(mixed_flows())
    days = sorted(
        draw(st.lists(st.integers(0, 2000), min_size=len(flows), max_size=len(flows), unique=True))
    )
    return [(date(2020, 1, 1) + timedelta(days=d), c) for d, c in zip(days, flows, strict=True)]


_WIDE = Context(prec=80, rounding=ROUND_HALF_UP, Emax=10**9, Emin=-(10**9))


@given(_dated_mixed())
@example([(date(2020, 1, 1), D("0.02")), (date(2020, 1, 2), D("-0.01"))])  # -1 + 1.3e-110
@example(
    [(date(2020, 1, 1), D("0.01")), (date(2020, 1, 2), D(-1000)), (date(2020, 1, 3), D(-1000))]
)
def test_every_xirr_root_zeroes_the_npv(flows: list[tuple[date, Decimal]]) -> None:
    """Each listed rate zeroes Σ c (1 + r)^(-t) (80 digits) up to a RATE_TOL error in r
    (relative above 1);
    they increase, lie above -1, and xirr is the one closest to zero."""
    start = min(d for d, _ in flows)
    try:
        roots = hc.xirr_roots(flows)
    except hc.InputError:
        return  # the flows on one date cancelled the sign change: refused like xirr
    assert list(roots) == sorted(set(roots))
    with decimal.localcontext(_WIDE):
        for r in roots:
            assert r > -1
            log = (1 + r).ln()
            terms = [(c, D((d - start).days) / 365) for d, c in flows]
            value = sum(c * (-t * log).exp() for c, t in terms)
            slope = sum(abs(c) * t * (-t * log).exp() / (1 + r) for c, t in terms)
            tol = RATE_TOL * max(1, abs(r))  # above 10^8 a rate has 28 significant digits
            assert abs(value) <= tol * slope + D("1e-40") * sum(abs(c) for c, _ in terms)
    if roots:
        assert hc.xirr(flows) == min(roots, key=lambda r: (abs(r), r < 0))
    else:
        with pytest.raises(hc.NoConvergenceError):
            hc.xirr(flows)


# -- boundaries, refusals that name the caller's value, and the 60-digit NPV ---------------------

DAY, YEAR_LATER = date(2025, 1, 1), date(2026, 1, 1)


def _refusal(call: object) -> hc.InputError:
    with pytest.raises(hc.InputError) as info:
        call()  # type: ignore[operator]
    return info.value


@pytest.mark.parametrize("kind", [int, str, D])
def test_a_flow_of_10_to_the_12_is_accepted_and_one_fen_more_refused(kind: type) -> None:
    """docs/conventions.md: amounts up to 10^12 yuan either way; flows of -10^12 and 10^12
    repay exactly what was lent (rate 0). One fen (one yuan for an int) more is refused,
    in a short list and in a long one, with the caller's value and its index."""
    top = 10**12
    for size in (2, 12):
        flows = [kind(-top)] + [kind(0)] * (size - 2) + [kind(top)]
        assert hc.irr(flows) == 0
        assert hc.irr_roots(flows) == (0,)
        over = (
            ["1000000000001", "-1000000000001"]
            if kind is int
            else ["1000000000000.01", "-1000000000000.01"]
        )
        for bad in map(int if kind is int else kind, over):
            refused = [kind(top)] * (size - 2) + [kind(-1), bad]
            err = _refusal(lambda: hc.irr(refused))  # noqa: B023
            assert (err.name, err.value, err.code) == ("cashflows", bad, "err.flow_too_large")
            assert err.params == {"index": size - 1}


def test_a_whole_decimal_above_10_to_the_12_is_refused() -> None:
    """Decimal("1000000000001") is a whole number of yuan, 10^12 + 1: too large, like
    "1000000000000.01" (docs/conventions.md)."""
    for bad in (D("1000000000001"), D("-1000000000001"), D("9999999999999")):
        err = _refusal(lambda: hc.irr([D(1), bad]))  # noqa: B023
        assert (err.value, err.code, err.params) == (bad, "err.flow_too_large", {"index": 1})


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        (D("1E+999999999"), "err.flow_too_large"),
        (D("-1E+999999999"), "err.flow_too_large"),
        (D("1E-999999999"), "err.flow_decimals"),
    ],
)
def test_a_decimal_of_any_exponent_is_refused_promptly(bad: Decimal, code: str) -> None:
    """A Decimal's exponent can be near 10^9: it must be refused by its size, never
    expanded to a billion-digit integer first."""
    for flows in ([D("-100"), bad], [D("-100"), *[D("10")] * 10, bad]):
        err = _refusal(lambda: hc.irr(flows))  # noqa: B023
        assert (err.value, err.code, err.params) == (bad, code, {"index": len(flows) - 1})


@pytest.mark.parametrize("bad", [D("0.125"), D("-0.125"), D("12.345"), D("1234567.891")])
def test_a_decimal_with_three_places_is_refused(bad: Decimal) -> None:
    """At most two decimals (docs/conventions.md): Decimal("0.125") is 12.5 fen."""
    for flows in ([D("-100"), bad], [D("-100"), *[D("10")] * 10, bad]):
        err = _refusal(lambda: hc.irr(flows))  # noqa: B023
        assert (err.value, err.code, err.params) == (
            bad,
            "err.flow_decimals",
            {"index": len(flows) - 1},
        )


def test_a_float_flow_is_refused_with_its_exact_fix() -> None:
    err = _refusal(lambda: hc.irr([-100, 110.25]))
    assert (err.value, err.code, err.params) == (
        110.25,
        "err.flow_float",
        {"index": 1, "fix": "110.25"},
    )
    assert 'pass Decimal("110.25") or "110.25"' in str(err)


@pytest.mark.parametrize(
    ("outlay", "repayment"),
    [
        ("¥-1000", "1100"),
        ("￥-1000", "1100"),
        ("-¥1000", "+¥1,100"),
        ("−1000", "+1100"),  # U+2212 MINUS SIGN, as typeset tables print it
        (" -1,000.00 ", "1，100元"),
        ("-1000", "￥1100"),
    ],
)
def test_flow_strings_carry_a_sign_and_a_currency_mark_in_either_order(
    outlay: str, repayment: str
) -> None:
    """-1000 then 1100 a period later: 10% (docs/conventions.md, amounts as strings)."""
    assert hc.irr([outlay, repayment]) == D("0.10000000000000000000")
    assert hc.npv("10%", [outlay, repayment]) == 0


@pytest.mark.parametrize(
    ("bad", "code"),
    [
        ("-¥1.234", "err.flow_decimals"),
        ("-￥1.234", "err.flow_decimals"),
        ("¥1.234", "err.flow_decimals"),
        ("1.234元", "err.flow_decimals"),
        ("1,000.125", "err.flow_decimals"),
        ("1，000.125", "err.flow_decimals"),
        ("1,000,000,000,000.01", "err.flow_too_large"),
        ("abc", "err.flow_not_number"),
        ("1,5", "err.flow_not_number"),  # a decimal comma: neither 1.5 nor 15
        ("1_000", "err.flow_not_number"),
        ("--5", "err.flow_not_number"),
        ("-NaN", "err.flow_not_finite"),
    ],
)
def test_a_refused_flow_string_says_why(bad: str, code: str) -> None:
    err = _refusal(lambda: hc.irr(["100", bad]))
    assert (err.name, err.value, err.code, err.params) == ("cashflows", bad, code, {"index": 1})


def test_a_refused_flow_string_says_why_whatever_the_callers_context() -> None:
    """A caller's context that does not trap InvalidOperation changes no refusal."""
    with decimal.localcontext(Context(traps=[])):
        assert _refusal(lambda: hc.irr(["100", "abc"])).code == "err.flow_not_number"
        assert _refusal(lambda: hc.irr(["100", "1.5元5"])).code == "err.flow_not_number"


def test_zeros_at_either_end_change_no_rate() -> None:
    """Σ c_k v^k with zeros first is v^m times the same polynomial; zeros last add nothing."""
    for zeros_first in range(4):
        for zeros_last in range(4):
            flows = [0] * zeros_first + [-100, 110] + [0] * zeros_last
            assert hc.irr(flows) == D("0.10000000000000000000")
            assert hc.irr_roots(flows) == (D("0.10000000000000000000"),)


@pytest.mark.parametrize(
    ("flows", "code"),
    [
        ([], "err.flows_min_two"),
        ([-100], "err.flows_min_two"),
        ([0, 0, 0], "err.flows_all_zero"),
        ([100, 200], "err.flows_sign"),
        ([0, 100], "err.flows_sign"),  # a zero is no sign: nothing lent
        ([-100, 0], "err.flows_sign"),
        ([0, 0, 5], "err.flows_sign"),
    ],
)
def test_irr_and_irr_roots_refuse_flows_no_rate_can_solve(flows: list[int], code: str) -> None:
    for call in (hc.irr, hc.irr_roots):
        err = _refusal(lambda: call(tuple(flows)))  # noqa: B023
        assert (err.name, err.value, err.code) == ("cashflows", flows, code)


@pytest.mark.parametrize("call", [hc.irr, hc.irr_roots, lambda f: hc.npv("0.1", f)])
def test_every_periodic_function_names_cashflows(call: object) -> None:
    err = _refusal(lambda: call("-100,110"))  # type: ignore[operator]
    assert (err.name, err.value, err.code) == ("cashflows", "-100,110", "err.flows_list")
    err = _refusal(lambda: call(["-100", "1.001"]))  # type: ignore[operator]
    assert (err.name, err.value, err.code) == ("cashflows", "1.001", "err.flow_decimals")
    err = _refusal(lambda: call([-100, None]))  # type: ignore[operator]
    assert (err.name, err.code, err.params) == (
        "cashflows",
        "err.flow_type",
        {"index": 1, "kind": "NoneType"},
    )


def test_npv_of_no_flows_names_the_empty_list() -> None:
    err = _refusal(lambda: hc.npv("0.1", []))
    assert (err.name, err.value, err.code) == ("cashflows", [], "err.flows_min_one")


def test_npv_rate_above_minus_one_is_accepted_and_minus_one_refused() -> None:
    assert hc.npv("-0.99", ["-1", "1"]) == 99  # -1 + 1/0.01
    for bad in (-1, "-100%", D("-1.5")):
        err = _refusal(lambda: hc.npv(bad, [-1, 1]))  # noqa: B023
        assert (err.name, err.value, err.code) == ("rate", bad, "err.discount_rate")


@pytest.mark.parametrize(
    ("good", "bad"), [("1E+200", "1E+201"), ("1E-200", "1E-201"), (D("1E+200"), D("1E+201"))]
)
def test_npv_rate_of_200_digits_is_accepted_and_201_refused(good: object, bad: object) -> None:
    """docs/numerics.md: the rate may have at most 200 digits in g and q (1 + rate = g/q)."""
    r = Fraction(D(good))  # type: ignore[arg-type]
    assert hc.npv(good, [1, 1]) == _rounded(1 + 1 / (1 + r))  # type: ignore[arg-type]
    err = _refusal(lambda: hc.npv(bad, [1, 1]))  # type: ignore[arg-type]
    assert (err.name, err.value, err.code) == ("rate", bad, "err.discount_rate_digits")
    assert err.params == {"digits": 200}


def _rounded(value: Fraction) -> Decimal:
    """An exact rational correctly rounded to 28 significant digits (npv's promise)."""
    with decimal.localcontext(Context(prec=28, rounding=decimal.ROUND_HALF_EVEN)):
        return D(value.numerator) / D(value.denominator)


def test_npv_at_the_exact_limit_is_the_exact_value() -> None:
    """1%: 1 + r = 101/100, 6 digits; 10,000 flows make 60,000, still exact (numerics.md).
    -100 + 101/1.01 = 0 leaves 0.01 × (100/101)^9999 ≈ 5e-46, to 28 digits."""
    flows = ["-100", "101", *["0"] * 9997, "0.01"]
    assert len(flows) * 6 == 60_000
    assert hc.npv("0.01", flows) == _rounded(Fraction(1, 100) * Fraction(100, 101) ** 9999)


def test_npv_past_the_exact_limit_shows_a_residue_within_its_error_as_zero() -> None:
    """20,000 flows × 6 digits: the 60-digit sum. The exact value 0.01 × (100/101)^19999
    ≈ 2.5e-89 is far within n·1e-58·Σ|c v^k| ≈ 1e-51: shown as 0 (numerics.md)."""
    flows = ["-100", "101", *["0"] * 19997, "0.01"]
    assert Fraction(1, 100) * Fraction(100, 101) ** 19999 < Fraction(1, 10**88)
    result = hc.npv("0.01", flows)
    assert (result, str(result)) == (0, "0")
    # 0.01 at period 11,960 instead: 0.01 × (100/101)^11960 ≈ 2.1e-54, still within
    # 20,000 × 1e-58 × Σ|c v^k| (Σ|c v^k| ≈ 200): shown as 0 too
    flows = ["-100", "101", *["0"] * 19998]
    flows[11960] = "0.01"
    v = Fraction(100, 101)
    residue = Fraction(1, 100) * v**11960
    assert 0 < residue <= 20000 * Fraction(1, 10**58) * (100 + 101 * v + residue)
    assert residue > Fraction(1, 10**55)
    assert hc.npv("0.01", flows) == 0
    zeros = hc.npv("0.01", ["0"] * 20000)  # all zero: exactly 0, as on the exact path
    assert (zeros, str(zeros)) == (0, "0")
    assert str(hc.npv("0.01", ["0"] * 100)) == "0"


# 1 + r = (11·10^198 + 1) / 10^199: 400 digits, so 151 flows are past 60,000
LONG_RATE = D("0.1" + "0" * 197 + "1")
LONG_FLOWS = ["-15000.00", *[str(D(100 + 37 * k % 91) + D("0.13")) for k in range(150)]]


def test_npv_past_the_exact_limit_is_correct_to_28_digits() -> None:
    """The 60-digit sum errs by about n·1e-59 relatively: the value still rounds to the
    exact rational one (Fraction), whatever the caller's context."""
    r = Fraction(LONG_RATE)
    exact = sum((Fraction(D(c)) / (1 + r) ** k for k, c in enumerate(LONG_FLOWS)), Fraction(0))
    assert hc.npv(LONG_RATE, LONG_FLOWS) == _rounded(exact)
    with decimal.localcontext(HOSTILE[0]):
        assert hc.npv(LONG_RATE, LONG_FLOWS) == _rounded(exact)


def test_xirr_refusals_name_flows_and_the_callers_value() -> None:
    err = _refusal(lambda: hc.xirr("2025-01-01,-100"))
    assert (err.name, err.value, err.code) == ("flows", "2025-01-01,-100", "err.flows_list")
    err = _refusal(lambda: hc.xirr_roots(()))
    assert (err.name, err.value, err.code) == ("flows", [], "err.flows_min_two")
    one_sign = ((DAY, -100), (YEAR_LATER, -5))
    err = _refusal(lambda: hc.xirr(one_sign))
    assert (err.name, err.value, err.code) == ("flows", list(one_sign), "err.flows_sign")
    cancelled = ((DAY, -100), (DAY, 150), (YEAR_LATER, 10))
    err = _refusal(lambda: hc.xirr(cancelled))
    assert (err.name, err.value, err.code) == ("flows", list(cancelled), "err.flows_sign_same_day")


@pytest.mark.parametrize(
    "bad", [5, "abc", "ab", (YEAR_LATER,), (YEAR_LATER, 110, "note"), [YEAR_LATER, 1, 2], None]
)
def test_xirr_names_the_first_item_that_is_not_a_pair(bad: object) -> None:
    """Items 0 and 2 are fine pairs; item 1 is named, by its index, whatever follows. A
    two-letter string has two items but is no pair: it is not read as date "a", amount "b"."""
    for call in (hc.xirr, hc.xirr_roots):
        flows = [(DAY, -100), bad, (YEAR_LATER, 110), [YEAR_LATER, 5]]
        err = _refusal(lambda: call(flows))  # noqa: B023
        assert (err.name, err.value, err.code, err.params) == (
            "flows",
            bad,
            "err.flow_pair",
            {"index": 1},
        )


@pytest.mark.parametrize("bad", ["2026-01-01", None, 20260101])
def test_xirr_names_a_flow_whose_date_is_not_a_date(bad: object) -> None:
    err = _refusal(lambda: hc.xirr([(DAY, -100), (bad, 110)]))
    assert (err.name, err.value, err.code, err.params) == (
        "flows",
        bad,
        "err.flow_date",
        {"index": 1},
    )


def test_rates_have_20_decimal_places() -> None:
    """docs/numerics.md: 20 decimal places. 10% exactly shows its 20 zeros; 1/9 rounds."""
    assert str(hc.irr([-100, 110])) == "0.10000000000000000000"
    assert str(hc.irr([-900, 1000])) == "0.11111111111111111111"
    assert str(hc.xirr([(DAY, "-1000"), (YEAR_LATER, "1100")])) == "0.10000000000000000000"
    assert str(hc.irr([-110, 100])) == "-0.09090909090909090909"  # -1/11


def test_rates_above_10_to_the_8_have_28_significant_digits() -> None:
    """-0.01 then 10^12: 1 + r = 10^14, r = 99,999,999,999,999 (numerics.md: 28
    significant digits above 10^8, so 14 places)."""
    assert str(hc.irr(["-0.01", "1000000000000"])) == "99999999999999.00000000000000"
    # 3 × 10^8 + 1 = 1 + r: 300,000,000, nine digits before the point, 19 after
    assert str(hc.irr(["-3", "900000000"])) == "299999999.0000000000000000000"


def test_a_rate_near_minus_one_keeps_14_digits_of_one_plus_rate() -> None:
    """Lend 300,000,000,000, get 1 back: 1 + r = 1/(3·10^11) = 3.333…e-12; 14 significant
    digits of it take 25 places (numerics.md), rounded half-up: …6666|67 → …6667."""
    rate = hc.irr(["-300000000000", "1"])
    assert str(rate) == "-0.9999999999966666666666667"
    assert str(1 + rate) == "3.3333333333333E-12"


def test_xirr_reads_pairs_of_any_tuple_or_list_kind() -> None:
    """A named tuple is a tuple: its items are read as a pair, like a plain one's."""

    class Flow(NamedTuple):
        day: date
        amount: str

    named = [Flow(DAY, "-100"), Flow(YEAR_LATER, "110")]
    assert hc.xirr(named) == hc.xirr([(DAY, "-100"), [YEAR_LATER, "110"]])
