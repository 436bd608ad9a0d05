"""Hypothesis strategies shared by the tests (each module appends its own section)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from hypothesis import strategies as st

from huabei_calc import HUABEI, JIEBEI, Debt, Product, Rate

# -- money and dates ---------------------------------------------------------------


def money(min_value: str = "0", max_value: str = "1000000") -> st.SearchStrategy[Decimal]:
    """Two-place Decimal amounts in yuan."""
    lo, hi = int(Decimal(min_value) * 100), int(Decimal(max_value) * 100)
    return st.integers(lo, hi).map(lambda fen: Decimal(fen).scaleb(-2))


def dates(lo: date = date(2015, 1, 1), hi: date = date(2035, 12, 31)) -> st.SearchStrategy[date]:
    return st.dates(min_value=lo, max_value=hi)


debts = st.builds(
    Debt._of,
    money("0.01", "1000000"),
    money("0", "50000"),
    money("0", "10000"),
    money("0", "50000"),
)

# daily rates between 0 and 0.1% in steps of 0.0001%
daily_rates = st.integers(0, 1000).map(lambda n: Rate.daily(Decimal(n).scaleb(-6)))
annual_rates = st.integers(0, 36000).map(lambda n: Rate.annual(Decimal(n).scaleb(-5)))
monthly_rates = st.integers(0, 5000).map(lambda n: Rate.monthly(Decimal(n).scaleb(-5)))
rates = st.one_of(daily_rates, monthly_rates, annual_rates)

products = st.one_of(
    st.just(HUABEI),
    st.just(JIEBEI),
    daily_rates.map(lambda r: JIEBEI.with_rate(r)),
    st.builds(
        Product,
        name=st.just("custom"),
        rate=rates,
        penalty_markup=st.sampled_from([Decimal(0), Decimal("0.3"), Decimal("0.5")]),
        basis=st.sampled_from([360, 365]),
    ),
)
