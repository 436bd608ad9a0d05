"""The level payment's float tier (_amortize._float_level): exact where it answers.

``_float_level`` answers in floats only when its proved error bound keeps the payment
clear of half a fen, and otherwise returns ``None`` for the integer tier.
These tests hold it to :func:`exact_level_payment` (the closed formula in integers, the
independent reference) over the whole input range, and build payments that sit exactly
on, or within a hair of, half a fen, where it must step aside.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from datetime import date
from decimal import ROUND_DOWN, Context, Decimal, Inexact, Rounded, localcontext
from fractions import Fraction

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from huabei_calc import (
    InputError,
    Schedule,
    equal_installment,
    equal_principal,
    flat_fee,
    interest_only,
)
from huabei_calc._amortize import (
    _float_level,
    due_dates,
    exact_level_payment,
    float_fen,
    level_payment,
)

D = Decimal
MAX_FEN = 10**14  # docs/conventions.md#money: amounts up to 10^12 yuan
DENOMINATORS = [1, 12, 360, 365]  # Rate.ratio's: per year, per month, per day

# principals from 1 fen to 10^12 yuan, spread over the magnitudes
principals = st.integers(0, 14).flatmap(lambda e: st.integers(1, 10**e)).map(lambda f: D(f) / 100)
periods = st.integers(1, 600)


@st.composite
def ratios(draw: st.DrawFn) -> tuple[Decimal, int]:
    """``(num, den)`` with ``num / den`` from 1e-120 to 1: short, long, tiny and huge rates."""
    den = draw(st.sampled_from(DENOMINATORS))
    digits = draw(st.integers(1, 30))
    mantissa = draw(st.integers(1, 10**digits))
    num = D(mantissa).scaleb(-draw(st.integers(0, 120)))
    assume(num <= den)  # at most 100% a period (a Rate allows 84% a month at most)
    return num, den


def exact_fen(principal: Decimal, n: int, num: Decimal, den: int) -> Fraction:
    """The payment in fen before rounding, as a fraction: 100·P·i(1+i)^n / ((1+i)^n − 1)."""
    i = Fraction(num) / den
    grow = (1 + i) ** n
    return 100 * Fraction(principal) * i * grow / (grow - 1)


def half_up(fen: Fraction) -> Decimal:
    """A payment in fen, as a fraction, rounded half-up to the fen and given in yuan."""
    return Decimal(math.floor(fen + Fraction(1, 2))) / 100


# -- the float tier agrees with the integers wherever it answers --------------------------


@given(principals, periods, ratios())
def test_float_tier_is_exact_or_steps_aside(
    principal: Decimal, n: int, ratio: tuple[Decimal, int]
) -> None:
    num, den = ratio
    exact = exact_level_payment(principal, n, num, den)
    assert _float_level(principal, n, num, den) in (None, exact)
    assert level_payment(principal, n, num, den) == exact


@given(
    principals,
    periods,
    st.sampled_from(DENOMINATORS),
    st.integers(1, 10**6),
    st.integers(2, 8),
)
def test_float_tier_is_exact_on_rates_as_written(
    principal: Decimal, n: int, den: int, units: int, places: int
) -> None:
    # rates as people write them (1.5%, 0.05%, 4.9%): a few digits
    num = D(units).scaleb(-places)
    assume(num <= den)
    exact = exact_level_payment(principal, n, num, den)
    assert _float_level(principal, n, num, den) in (None, exact)
    assert level_payment(principal, n, num, den) == exact


@given(principals, periods, ratios())
def test_float_error_is_far_inside_the_bound(
    principal: Decimal, n: int, ratio: tuple[Decimal, int]
) -> None:
    # docs/numerics.md#tier-1-floats-under-a-proved-bound: ~12 units of 2^-53 with a good
    # libm; the code allows 256. Measured on the tier's own float_fen, against the fraction.
    num, den = ratio
    fen = float_fen(principal, n, float(num) / den)
    exact = exact_fen(principal, n, num, den)
    assert abs(Fraction(fen) - exact) <= exact * Fraction(16, 2**53)


def test_float_tier_answers_ordinary_loans() -> None:
    # the benchmark's loan and the mortgage of docs/conventions.md#schedules come from floats, no
    # Decimal needed
    assert _float_level(D("10000.00"), 12, D("0.180"), 12) == D("916.80")
    assert _float_level(D("10000.00"), 360, D("0.180"), 12) == D("150.71")
    assert _float_level(D("1000000.00"), 360, D("0.049"), 12) == D("5307.27")
    # a rate of 1e-100 a year: P/n plus a sliver
    assert _float_level(D("1000.00"), 600, D("1e-100"), 12) == D("1.67")


@pytest.mark.parametrize(
    ("num", "den"),
    [(D(0), 12), (D("1e-250"), 1), (D("1.5"), 1), (D(400), 365)],
)
def test_float_tier_leaves_rates_outside_its_range(num: Decimal, den: int) -> None:
    # zero (P/n), below 1e-200 a period (underflow) and above 100% a period go elsewhere
    assert _float_level(D("100.00"), 12, num, den) is None


def test_float_tier_leaves_payments_too_large_for_its_bound() -> None:
    # 10^12 yuan for one period at 100%: 2·10^14 fen, where 2^-45 relative passes ½ fen
    assert _float_level(D(10**12), 1, D(1), 1) is None
    assert level_payment(D(10**12), 1, D(1), 1) == D(2 * 10**12)


# -- on half a fen, and a hair away from it --------------------------------------------------


def exact_ties() -> list[tuple[Decimal, int, Decimal, int]]:
    """Loans whose payment is exactly k + ½ fen, for n = 1..6 and rates a/q up to 100%.

    The payment in fen is P·x/y with x/y = a(q+a)^n / (q((q+a)^n − q^n)) in lowest terms;
    it is k + ½ for P = (2j + 1)·y/2 when y is even and x is odd (then 2k + 1 = (2j+1)·x).
    """
    found = []
    for n in range(1, 7):
        for q in (1, 2, 3, 4, 5, 8, 12, 30, 360, 365):
            for a in range(1, q + 1):
                ratio = Fraction(a * (q + a) ** n, q * ((q + a) ** n - q**n))
                x, y = ratio.numerator, ratio.denominator
                if y % 2 or not x % 2:
                    continue
                for j in (0, 1, 7, 1000):
                    fen = (2 * j + 1) * y // 2
                    if fen <= MAX_FEN:
                        found.append((D(fen) / 100, n, D(a), q))
    return found


def test_float_tier_steps_aside_on_half_a_fen() -> None:
    ties = exact_ties()
    assert len(ties) > 1000
    assert {n for _, n, _, _ in ties} == set(range(1, 7))
    for principal, n, num, den in ties:
        exact = exact_fen(principal, n, num, den)
        assert exact.denominator == 2  # on half a fen ...
        assert _float_level(principal, n, num, den) is None  # ... floats cannot tell the side
        rounded_up = D(int(exact + Fraction(1, 2))) / 100
        assert level_payment(principal, n, num, den) == rounded_up
        assert exact_level_payment(principal, n, num, den) == rounded_up


@given(st.integers(1, 5000), st.integers(7, 12), st.sampled_from([-1, 1]))
def test_float_tier_steps_aside_a_hair_from_half_a_fen(t: int, e: int, side: int) -> None:
    # One period pays P(1 + i) = P + P/(2m) with i = 1/(2m). P = 2m·t + m ± 1 fen puts it at
    # P + t + ½ ± 1/(2m): 10^-7 to 10^-12 fen from half a fen, far inside the float bound.
    m = 10**e
    fen = 2 * m * t + m + side
    principal, num, den = D(fen) / 100, D(1), 2 * m
    assert exact_fen(principal, 1, num, den) == fen + t + Fraction(1, 2) + Fraction(side, 2 * m)
    assert _float_level(principal, 1, num, den) is None
    expected = D(fen + t + (1 if side > 0 else 0)) / 100
    assert level_payment(principal, 1, num, den) == expected


def near_ties(n: int, num: Decimal, den: int) -> list[tuple[Decimal, Fraction]]:
    """Principals whose payment lies within 1/(2·q') fen of half a fen (q' the next
    convergent's denominator), from the continued fraction of twice the payment per fen.

    If 2c ≈ p/q (a convergent, p odd), a principal of q fen pays q·c ≈ p/2 fen.
    """
    c = exact_fen(D("0.01"), n, num, den)  # payment per fen of principal
    x = 2 * c
    found: list[tuple[Decimal, Fraction]] = []
    h0, h1, k0, k1 = 0, 1, 1, 0  # convergents h/k of 2c
    while True:
        whole = x.numerator // x.denominator
        h0, h1, k0, k1 = h1, whole * h1 + h0, k1, whole * k1 + k0
        if k1 > MAX_FEN:
            return found
        if h1 % 2:
            found.append((D(k1) / 100, k1 * c - Fraction(h1, 2)))
        if x == whole:
            return found
        x = 1 / (x - whole)


@pytest.mark.parametrize(
    ("n", "num", "den"),
    [
        (12, D("0.180"), 12),  # 1.5% a month, the benchmark's rate
        (360, D("0.049"), 12),  # 4.9% a year, the mortgage of docs/conventions.md#schedules
        (36, D("0.0005"), 1),  # 0.05% a day taken per period
        (600, D("0.1825"), 12),  # 0.05% a day at 365, per month
        (3, D("1e-9"), 12),  # a tiny rate: P/n plus a sliver
    ],
)
def test_float_tier_steps_aside_near_half_a_fen_for_any_term(
    n: int, num: Decimal, den: int
) -> None:
    cases = near_ties(n, num, den)
    assert cases
    for principal, distance in cases:
        assert level_payment(principal, n, num, den) == exact_level_payment(principal, n, num, den)
        fen = exact_fen(principal, n, num, den)
        if abs(distance) < fen * Fraction(1, 2**46):  # closer than the bound can resolve
            assert _float_level(principal, n, num, den) is None


# -- the float tier's range of rates: both ends taken, the next float past them refused ------


@pytest.mark.parametrize(
    ("num", "den"),
    [(D("1e-200"), 1), (D(1), 1), (D(12), 12)],
    ids=["1e-200 a period", "100% a period", "1200% a year, per month"],
)
def test_float_tier_takes_both_ends_of_its_rates(num: Decimal, den: int) -> None:
    # docs/numerics.md#tier-1-floats-under-a-proved-bound: rates per period "from 1e-200
    # (no underflow) to 100%", both ends included. 1000 yuan over 3 periods pays
    # 100000/3 fen plus a sliver at 1e-200, 1000·8/7 yuan at 100%: far from half a fen.
    principal, n = D("1000.00"), 3
    expected = half_up(exact_fen(principal, n, num, den))
    assert expected == (D("333.33") if num < 1 else D("1142.86"))
    assert _float_level(principal, n, num, den) == expected
    assert level_payment(principal, n, num, den) == expected
    assert exact_level_payment(principal, n, num, den) == expected


@pytest.mark.parametrize(
    "rate",
    [math.nextafter(1e-200, 0), math.nextafter(1.0, 2)],
    ids=["just below 1e-200", "just above 100%"],
)
def test_float_tier_steps_aside_just_past_its_rates(rate: float) -> None:
    # the next float past either end goes to the integers, which still pay exactly
    num, principal, n = D(rate), D("1000.00"), 3  # Decimal(float) is the float exactly
    assert float(num) == rate
    assert _float_level(principal, n, num, 1) is None
    expected = half_up(exact_fen(principal, n, num, 1))
    assert level_payment(principal, n, num, 1) == exact_level_payment(principal, n, num, 1)
    assert level_payment(principal, n, num, 1) == expected


# -- the caller's decimal context changes no payment -----------------------------------------

HOSTILE = [
    Context(prec=3, rounding=ROUND_DOWN, traps=[]),
    Context(prec=12, traps=[Inexact, Rounded]),
]
TIERS = [
    (
        D("1000000.00"),
        360,
        D("0.049"),
        12,
    ),  # the float tier: 5307.27 (docs/conventions.md#schedules)
    (D("574050.00"), 1, D("0.1564"), 12),  # exactly 58153178.5 fen: the integer tier
    (D("987654321012.34"), 7, D("1"), 1),  # over 2^44 fen: the integer tier
]


@pytest.mark.parametrize("ctx", HOSTILE, ids=["prec3-down", "prec12-traps"])
def test_level_payment_ignores_the_callers_decimal_context(ctx: Context) -> None:
    # The library's own context (60 digits, half-up) does every step: a caller's context
    # of 3 digits rounding down, or one trapping any rounding, changes no payment.
    expected = [half_up(exact_fen(*loan)) for loan in TIERS]
    assert expected[:2] == [D("5307.27"), D("581531.79")]
    with localcontext(ctx):
        fast = [level_payment(*loan) for loan in TIERS]
        exact = [exact_level_payment(*loan) for loan in TIERS]
    assert fast == exact == expected


# -- the last due date: 9999-12-31 ------------------------------------------------------------


def test_due_dates_may_reach_december_9999_and_no_further() -> None:
    # docs/conventions.md: no due date may fall after 9999-12-31
    start = date(9999, 11, 30)
    assert due_dates(start, 1) == [date(9999, 12, 30)]
    with pytest.raises(InputError) as refused:
        due_dates(start, 2)
    assert (refused.value.name, refused.value.value) == ("start", start)
    assert refused.value.code == "err.past_last_date"


BUILDERS: list[Callable[[int, date], Schedule]] = [
    lambda n, start: equal_installment("1000", n, "1%/month", start=start),
    lambda n, start: equal_principal("1000", n, "1%/month", start=start),
    lambda n, start: interest_only("1000", n, "1%/month", start=start),
    lambda n, start: flat_fee("1000", n, "1%", start=start),
]


@pytest.mark.parametrize(
    "build", BUILDERS, ids=["equal_installment", "equal_principal", "interest_only", "flat_fee"]
)
def test_a_loan_running_past_9999_is_refused_naming_its_start(
    build: Callable[[int, date], Schedule],
) -> None:
    # six months from 9999-06-01 end on 9999-12-01; a seventh would fall in the year 10000
    start = date(9999, 6, 1)
    assert build(6, start).rows[-1].due == date(9999, 12, 1)
    with pytest.raises(InputError) as refused:
        build(7, start)
    assert (refused.value.name, refused.value.value) == ("start", start)
    assert refused.value.code == "err.past_last_date"
