"""Results never depend on the caller's decimal context, and no call changes it
(docs/conventions.md#rounding).

Each golden case of the foundation runs under hostile contexts (prec=6 with ROUND_FLOOR, and
one that traps every rounding) and must give the same answer; the context must come back
exactly as it was, flags included.
"""

from __future__ import annotations

import decimal
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from decimal import ROUND_CEILING, ROUND_FLOOR, Context, Decimal

import pytest

import huabei_calc as hc
from huabei_calc.money import amount, to_fen, truncate_fen

D = Decimal
HUABEI_MONTHLY = replace(hc.HUABEI, capitalize="monthly")


def _accrue(debt: hc.Debt, product: hc.Product, since: date, until: date) -> object:
    a = hc.accrue(debt, product, since=since, until=until)
    return a.charged, a.debt, a.rows


GOLDEN: dict[str, tuple[Callable[[], object], object]] = {
    # docs/rules.md#huabei: 5,000 × 4 days → 10.00
    "huabei 5000 x 4": (
        lambda: (
            hc.accrue(
                hc.Debt(principal="5000"),
                hc.HUABEI,
                since=date(2025, 1, 10),
                until=date(2025, 1, 14),
            ).charged
        ),
        D("10.00"),
    ),
    # docs/rules.md#huabei: 1,234.56 × 10 days → 6.20
    "huabei 1234.56 x 10": (
        lambda: (
            hc.accrue(
                hc.Debt(principal="1234.56"),
                hc.HUABEI,
                since=date(2025, 1, 1),
                until=date(2025, 1, 11),
            ).charged
        ),
        D("6.20"),
    ),
    # docs/rules.md#overdue-charges (Jiebei): 10,000 × 30 days at 0.075% → 225.00
    "jiebei 10000 x 30": (
        lambda: (
            hc.accrue(
                hc.Debt(principal="10000"),
                hc.JIEBEI,
                since=date(2025, 4, 1),
                until=date(2025, 5, 1),
            ).charged
        ),
        D("225.00"),
    ),
    # 5,000,000 Huabei for two years (731 days) at 2,500.00/day = 1,827,500.00: more digits
    # than prec=6 can hold
    "big accrual": (
        lambda: (
            hc.accrue(
                hc.Debt(principal="5000000"),
                hc.HUABEI,
                since=date(2025, 1, 1),
                until=date(2027, 1, 2),
            ).charged
        ),
        D("1827500.00"),
    ),
    # test_overdue.test_capitalize_monthly_huabei: 272.22
    "capitalised": (
        lambda: (
            hc.accrue(
                hc.Debt(principal="10000"),
                HUABEI_MONTHLY,
                since=date(2025, 1, 15),
                until=date(2025, 3, 10),
            ).charged
        ),
        D("272.22"),
    ),
    # test_overdue.test_a_day_is_computed_exactly_before_rounding: a rate that is no short
    # decimal a day (15.64% a year at 360) divides last: 574,050 × 0.1564 / 360 → 249.39
    "divide last": (
        lambda: (
            hc.accrue(
                hc.Debt(principal="574050"),
                hc.Product(name="p", rate=hc.Rate.annual("15.64%"), basis=360),
                since=date(2025, 1, 1),
                until=date(2025, 1, 2),
            ).charged
        ),
        D("249.39"),
    ),
    "rows": (
        lambda: [
            r.charged
            for r in hc.accrue(
                hc.Debt(principal="123456.78"),
                hc.JIEBEI,
                since=date(2025, 1, 30),
                until=date(2025, 3, 2),
            ).rows
        ],
        # 123,456.78 × 0.00075 = 92.592585 → 92.59/day: 1, 28 and 2 days
        [D("92.59"), D("2592.52"), D("185.18")],
    ),
    "debt total": (
        lambda: hc.Debt(principal="1234567.89", interest="0.01", penalty="100000").total,
        D("1334567.90"),
    ),
    "pay": (
        lambda: hc.pay(hc.Debt(principal="1234567.89", penalty="0.11"), "1000000.01").debt,
        hc.Debt(principal="234567.99"),
    ),
    "amount": (lambda: amount("1234567.891e1", "x"), D("12345678.91")),
    "to_fen": (lambda: (to_fen(D("1234567.125")), truncate_fen(D("-1234567.129"))), None),
    # docs/conventions.md#rates-and-bases: 0.05%/day ↔ 18.25% at 365; 0.045%/day → 16.2% at 360
    "per_year 365": (lambda: hc.Rate.daily("0.05%").per_year(basis=365), D("0.1825")),
    "per_year 360": (lambda: hc.Rate.daily("0.045%").per_year(basis=360), D("0.162")),
    "per_month": (
        lambda: hc.Rate.annual("4.9%").per_month(),
        # 0.049 / 12 to the 40 significant digits per_* give
        D("0.004083333333333333333333333333333333333333"),
    ),
    "precise rate": (
        lambda: hc.Rate.daily(D("0.00012345678901234567")).value,
        D("0.00012345678901234567"),
    ),
    "parse": (lambda: hc.Rate.parse("万分之1.23456789/day").value, D("0.000123456789")),
    "marked_up": (lambda: hc.Rate.daily("0.0123456789%").marked_up("50%").value, None),
    "str": (lambda: str(hc.Rate.daily("0.0123456789%")), "0.0123456789%/day"),
    "product": (lambda: hc.JIEBEI.with_rate("0.0612345%").overdue_rate, None),
}
# 1,234,567.125 half-up → .13; -1,234,567.129 truncated → -1,234,567.12
GOLDEN["to_fen"] = (GOLDEN["to_fen"][0], (D("1234567.13"), D("-1234567.12")))
# 0.000123456789 × 1.5
GOLDEN["marked_up"] = (GOLDEN["marked_up"][0], D("0.0001851851835"))
# 0.000612345 × 1.5
GOLDEN["product"] = (GOLDEN["product"][0], hc.Rate(D("0.0009185175"), "day"))


def _hostile_contexts() -> Iterator[Context]:
    yield Context(prec=6, rounding=ROUND_FLOOR)
    yield Context(prec=3, rounding=ROUND_CEILING, Emax=10, Emin=-10)
    yield Context(prec=28, traps=[decimal.Inexact, decimal.Rounded, decimal.InvalidOperation])
    yield Context(prec=50, rounding=ROUND_FLOOR, traps=[])


CONTEXTS = list(_hostile_contexts())


def _snapshot(ctx: Context) -> tuple[object, ...]:
    return (
        ctx.prec,
        ctx.rounding,
        ctx.Emin,
        ctx.Emax,
        ctx.capitals,
        ctx.clamp,
        dict(ctx.traps),
        dict(ctx.flags),
    )


@contextmanager
def _unchanged(ctx: Context) -> Iterator[None]:
    with decimal.localcontext(ctx) as active:
        active.clear_flags()
        before = _snapshot(active)
        yield
        assert _snapshot(decimal.getcontext()) == before
        assert decimal.getcontext() is active


@pytest.mark.parametrize("case", sorted(GOLDEN))
def test_golden_values_in_the_default_context(case: str) -> None:
    compute, expected = GOLDEN[case]
    assert compute() == expected


@pytest.mark.parametrize("ctx", CONTEXTS, ids=["prec6-floor", "prec3-ceiling", "traps", "no-traps"])
@pytest.mark.parametrize("case", sorted(GOLDEN))
def test_golden_values_in_a_hostile_context(case: str, ctx: Context) -> None:
    compute, expected = GOLDEN[case]
    reference = compute()  # in the default context
    with _unchanged(ctx.copy()):
        got = compute()
    assert got == expected
    assert repr(got) == repr(reference)  # the same digits, not merely an equal value


@pytest.mark.parametrize("ctx", CONTEXTS, ids=["prec6-floor", "prec3-ceiling", "traps", "no-traps"])
def test_errors_are_the_same_in_a_hostile_context(ctx: Context) -> None:
    # a context that does not trap InvalidOperation must not turn bad input into NaN
    for bad in ("abc", "1e9999999999999999999", "NaN", "100.005"):
        with _unchanged(ctx.copy()), pytest.raises(hc.InputError):
            hc.Debt(principal=bad)
        with _unchanged(ctx.copy()), pytest.raises(hc.InputError):
            hc.Rate.daily(bad + "%")


def test_negative_zero_rate_in_a_floor_context() -> None:
    with _unchanged(Context(rounding=ROUND_FLOOR)):
        rate = hc.Rate.daily(D("-0"))
    assert str(rate) == "0%/day"
