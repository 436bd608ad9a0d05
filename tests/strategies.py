"""Hypothesis strategies shared by the tests (each module appends its own section)."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from fractions import Fraction

from hypothesis import assume
from hypothesis import strategies as st

from huabei_calc import HUABEI, JIEBEI, Debt, Product, Rate, Schedule
from huabei_calc.debt import make_debt

# -- money and dates ---------------------------------------------------------------


def money(min_value: str = "0", max_value: str = "1000000") -> st.SearchStrategy[Decimal]:
    """Two-place Decimal amounts in yuan."""
    lo, hi = int(Decimal(min_value) * 100), int(Decimal(max_value) * 100)
    return st.integers(lo, hi).map(lambda fen: Decimal(fen).scaleb(-2))


def dates(lo: date = date(2015, 1, 1), hi: date = date(2035, 12, 31)) -> st.SearchStrategy[date]:
    return st.dates(min_value=lo, max_value=hi)


debts = st.builds(
    make_debt,
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

# -- foundation: amounts as users pass them, spans, rates of any precision, orders -------


def amount_inputs(max_value: str = "1000000000000") -> st.SearchStrategy[tuple[object, Decimal]]:
    """``(what a user passes, the Decimal it means)``: a two-place Decimal, a str or an int."""
    fen = st.integers(0, int(Decimal(max_value) * 100))

    def forms(n: int) -> st.SearchStrategy[tuple[object, Decimal]]:
        value = Decimal(n).scaleb(-2)
        options: list[object] = [value, str(value), f"{value:,}", value.normalize()]
        if n % 100 == 0:
            options.append(n // 100)
        return st.sampled_from(options).map(lambda raw: (raw, value))

    return fen.flatmap(forms)


def spans(max_days: int = 2000) -> st.SearchStrategy[tuple[date, date]]:
    """``(since, until)`` with ``since <= until``."""
    return st.tuples(dates(), st.integers(0, max_days)).map(
        lambda t: (t[0], date.fromordinal(t[0].toordinal() + t[1]))
    )


_RATE_LIMITS = {"day": Decimal("0.01"), "month": Decimal("0.30"), "year": Decimal("10")}


@st.composite
def any_rates(draw: st.DrawFn) -> Rate:
    """Rates of every period with up to 28 decimal places, up to each period's limit."""
    period = draw(st.sampled_from(sorted(_RATE_LIMITS)))
    places = draw(st.integers(0, 28))
    top = int(_RATE_LIMITS[period] * 10**places)
    units = draw(st.integers(0, top))
    return Rate(Decimal(f"{units}E-{places}"), period)  # type: ignore[arg-type]


bucket_orders = st.permutations(["fees", "penalty", "interest", "principal"]).map(tuple)

# products with grace days, and products that capitalise monthly
grace_products = st.tuples(products, st.integers(0, 30)).map(
    lambda t: Product(
        name="grace",
        rate=t[0].rate,
        penalty_markup=t[0].penalty_markup,
        grace_days=t[1],
        basis=t[0].basis,
    )
)
monthly_products = products.map(
    lambda p: Product(
        name="monthly",
        rate=p.rate,
        penalty_markup=p.penalty_markup,
        basis=p.basis,
        capitalize="monthly",
    )
)

# -- schedules (test_schedule.py, test_render.py) ------------------------------------------

schedule_principals = money("0.01", "10000000")
schedule_periods = st.integers(1, 600)
# the preset grids plus rates of any precision up to each period's limit
schedule_rates = st.one_of(daily_rates, monthly_rates, annual_rates, any_rates())
positive_rates = st.one_of(
    st.integers(1, 1000).map(lambda n: Rate.daily(Decimal(n).scaleb(-6))),
    st.integers(1, 5000).map(lambda n: Rate.monthly(Decimal(n).scaleb(-5))),
    st.integers(1, 36000).map(lambda n: Rate.annual(Decimal(n).scaleb(-5))),
)
# fee rates as fractions of the principal, 0 to 20% in steps of 0.01%
fee_fractions = st.integers(0, 2000).map(lambda n: Decimal(n).scaleb(-4))


def _loan_builders() -> st.SearchStrategy[object]:
    from huabei_calc import equal_installment, equal_principal, interest_only

    return st.sampled_from([equal_installment, equal_principal, interest_only])


loan_builders = _loan_builders()

# -- rates of return (test_returns.py) -----------------------------------------------------

# a loan as the lender sees it: principal out (negative), then 1 to 120 repayments
loan_principals = money("100", "1000000")
loan_terms = st.integers(1, 120)
# periodic rates 0 to 5% in steps of 0.01%: fractions with at most four places
periodic_rates = st.integers(0, 500).map(lambda n: Decimal(n).scaleb(-4))


@st.composite
def conventional_flows(draw: st.DrawFn) -> list[Decimal]:
    """``-principal`` then 1 to 60 repayments (some may be 0) summing to at least 1 fen."""
    principal = draw(money("0.01", "1000000"))
    payments = draw(st.lists(money("0", "100000"), min_size=1, max_size=60))
    if not any(payments):
        payments[-1] = Decimal("0.01")
    return [-principal, *payments]


@st.composite
def mixed_flows(draw: st.DrawFn) -> list[Decimal]:
    """2 to 9 flows of either sign (-1000 to 1000 yuan) with at least one sign change."""
    flows = draw(st.lists(money("0", "2000").map(lambda m: m - 1000), min_size=2, max_size=7))
    if max(flows) <= 0:
        flows = [Decimal("0.01"), *flows]
    if min(flows) >= 0:
        flows = [*flows, Decimal("-0.01")]
    return flows


@st.composite
def dated_flows(draw: st.DrawFn) -> list[tuple[date, Decimal]]:
    """A conventional loan on arbitrary dates within 40 years, the outlay first."""
    flows = draw(conventional_flows())
    start = draw(dates(date(2000, 1, 1), date(2040, 12, 31)))
    offsets = sorted(
        draw(
            st.lists(
                st.integers(1, 3650), min_size=len(flows) - 1, max_size=len(flows) - 1, unique=True
            )
        )
    )
    days = [start] + [date.fromordinal(start.toordinal() + k) for k in offsets]
    return list(zip(days, flows, strict=True))


# -- cases and drafts ------------------------------------------------------------------


@st.composite
def cases(draw: st.DrawFn) -> object:
    """A :class:`huabei_calc.Case` of one to three Huabei/Jiebei accounts, some overdue."""
    from huabei_calc import Account, Case

    on = draw(dates(date(2020, 1, 1), date(2030, 12, 31)))
    accounts = []
    for i in range(draw(st.integers(1, 3))):
        debt = make_debt(
            draw(money("1", "200000")),
            draw(money("0", "5000")),
            draw(money("0", "500")),
            draw(money("0", "5000")),
        )
        since = draw(st.none() | dates(date(2019, 1, 1), on))
        product = draw(st.sampled_from([HUABEI, JIEBEI]))
        accounts.append(Account(f"account {i + 1}", product, debt, overdue_since=since))
    income = {"wage": draw(money("0", "50000"))}
    return Case(tuple(accounts), on=on, income=income, expenses={"rent": draw(money("0", "5000"))})


# -- portfolios: compare against its reference (test_comparison.py), batch rows -----------


@st.composite
def comparison_cases(draw: st.DrawFn) -> tuple[Debt, Product, Schedule]:
    """(debt, product, plan): any product (grace days, capitalising), waivers, down payments,
    plans from freeze() or plan_for_budget()."""
    from huabei_calc import freeze

    debt = draw(debts)
    product = draw(st.one_of(products, grace_products, monthly_products))
    waive = draw(st.sets(st.sampled_from(["penalty", "interest", "fees"])).map(sorted))
    frozen = debt.without(waive).total
    assume(frozen > 0)
    down = draw(st.one_of(st.just(Decimal(0)), money("0", str(frozen - Decimal("0.01")))))
    periods = draw(st.integers(1, 60))
    assume(frozen - down >= periods * Decimal("0.01"))
    start = draw(dates())
    plan = freeze(debt, periods, start=start, down_payment=down, waive=tuple(waive))
    return debt, product, plan


def month_ahead(start: date, k: int) -> date:
    """start + k months, the day clipped to the month's end (docs/conventions.md)."""
    year, month = divmod(start.year * 12 + start.month - 1 + k, 12)
    day = start.day
    while True:
        try:
            return date(year, month + 1, day)
        except ValueError:
            day -= 1


@st.composite
def hand_built_cases(draw: st.DrawFn) -> tuple[Debt, Product, Schedule, int | None]:
    """(debt, product, plan, max_months): a 停息挂账 plan written by hand, which ``compare``
    takes like one from ``freeze``: due dates in order anywhere from ``start`` to ``start``
    + n months (on the same day, a month end, the 1st), payments of any size (0.00, more
    than is owed), a debt without principal now and then; ``max_months`` from n up."""
    from huabei_calc import Installment

    debt = make_debt(
        draw(st.just(Decimal("0.00")) | money("0", "100000")),
        draw(money("0", "20000")),
        draw(money("0", "2000")),
        draw(money("0", "10000")),
    )
    assume(debt.total > 0)
    product = draw(st.one_of(products, grace_products, monthly_products))
    waive = tuple(draw(st.sets(st.sampled_from(["penalty", "interest", "fees"])).map(sorted)))
    frozen = debt.without(waive).total
    n = draw(st.integers(1, 24))
    start = draw(dates())
    span = (month_ahead(start, n) - start).days
    periods = list(range(0 if draw(st.booleans()) else 1, n + 1))
    offsets = sorted(
        draw(st.lists(st.integers(0, span), min_size=len(periods), max_size=len(periods)))
    )
    rows, left = [], frozen
    for period, offset in zip(periods, offsets, strict=True):
        pay = draw(st.sampled_from([Decimal("0.00"), left, frozen]) | money("0", str(frozen)))
        left = max(left - pay, Decimal("0.00"))
        due = date.fromordinal(start.toordinal() + offset)
        rows.append(Installment(period, due, pay, pay, Decimal("0.00"), Decimal("0.00"), left))
    plan = Schedule(rows, frozen, method="freeze", waived=waive, start=start)
    max_months = draw(st.none() | st.integers(n, n + 24))
    return debt, product, plan, max_months


def batch_records(on: date) -> st.SearchStrategy[dict[str, str]]:
    """Records as a CSV gives them (text cells): products by name or as a Jiebei daily
    rate, optional buckets, some overdue since before ``on``, some with a budget, and
    now and then junk in a cell."""
    cents = st.integers(0, 5_000_000).map(lambda n: str(Decimal(n).scaleb(-2)))
    junk = st.sampled_from(["", "abc", "-1", "1.001", "NaN"])
    since = st.integers(0, 900).map(lambda d: date.fromordinal(on.toordinal() - d).isoformat())
    return st.fixed_dictionaries(
        {
            "id": st.uuids().map(str),
            "product": st.sampled_from(
                [
                    "huabei",
                    "jiebei",
                    "花呗",
                    "借呗",
                    "Huabei ",
                    "0.06%/day",
                    "0.03%/day",
                    "万分之五/日",
                ]
            )
            | st.sampled_from(["visa", "2%/day"]),
            "principal": st.integers(1, 10_000_000).map(lambda n: str(Decimal(n).scaleb(-2)))
            | junk,
        },
        optional={
            "interest": cents,
            "fees": cents | st.just(""),
            "penalty": cents | junk,
            "overdue_since": since | st.just("") | st.just("2099-01-01"),
            "budget": st.integers(1, 5_000_000).map(lambda n: str(Decimal(n).scaleb(-2))),
        },
    )


# -- rules: reference lines, minimum payment, installments overdue (test_legal.py …) -------

# dates the reference-line table covers (its first line is in force from 2015-09-01)
line_dates = dates(date(2015, 9, 1), date(2030, 12, 31))
# annual costs 0 to 99.999% in steps of 0.001% (a bare 1 would be refused as a percentage)
annual_costs = st.integers(0, 99999).map(lambda n: Decimal(n).scaleb(-5))
lenders = st.sampled_from(["financial", "private"])
# a Huabei statement balance and a monthly payment, in yuan
statement_balances = money("1", "200000")
monthly_payments = money("0", "50000")


def polynomial_from_roots(roots: list[Fraction]) -> list[int]:
    """The integer polynomial Π (den·z - num), constant term first: its roots are ``roots``."""
    poly = [1]
    for r in roots:
        a, b = -r.numerator, r.denominator  # b z + a
        poly = [x * a + y * b for x, y in zip([*poly, 0], [0, *poly], strict=True)]
    return poly
