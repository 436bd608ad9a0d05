"""Loan builders: 等额本息, 等额本金, 先息后本, 花呗分期, each returning a :class:`Schedule`.

Each row is posted once: its interest is computed exactly (balance × the rate's
numerator × days, divided last) and rounded half-up to the fen; Huabei's
installment principal and fee are truncated to the fen. One row absorbs the
residue, so the principal column always sums to the principal exactly: the last
row for loans, period 1 for Huabei installments (docs/conventions.md#schedules).
"""

from __future__ import annotations

import decimal
from collections.abc import Sequence
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Final, Literal

from ._amortize import due_dates, factors, factors_of, level_payment
from ._check import MAX_SCHEDULE_PERIODS, check_date, whole_number
from .errors import InputError
from .money import FEN, Amount, amount, context, to_fen, truncate_fen
from .products import HUABEI, Product
from .rates import FractionLike, Rate, check_basis, fraction
from .schedule import (
    Installment,
    Schedule,
    blank_installment,
    make_installment,
    make_schedule,
)

__all__ = ["equal_installment", "equal_principal", "flat_fee", "interest_only"]

InterestBasis = Literal["monthly", "actual"]
_ZERO: Final = Decimal("0.00")
_CTX: Final = context()


# -- inputs ---------------------------------------------------------------------------------


def _periods(value: object) -> int:
    return whole_number(value, "periods", 1, MAX_SCHEDULE_PERIODS)


def _start(value: object) -> date | None:
    return None if value is None else check_date(value, "start")


def _loan(
    principal: object, periods: object, rate: object, start: object, interest: object, basis: object
) -> tuple[Decimal, int, Rate, date | None, bool, int]:
    """Checked inputs of a loan: (principal, periods, rate, start, actual days?, basis)."""
    p = amount(principal, "principal", allow_zero=False)
    n = _periods(periods)
    r = Rate.parse(rate)
    if not isinstance(interest, str) or interest not in ("monthly", "actual"):
        raise InputError("interest", interest, "err.interest_basis")
    days = check_basis(basis)
    day0 = _start(start)
    if interest == "actual" and day0 is None:
        raise InputError("start", None, "err.start_needed")
    return p, n, r, day0, interest == "actual", days


def _post(
    p: Decimal,
    dues: Sequence[date | None],
    factors: Sequence[Decimal],
    den: Decimal | None,
    *,
    level: Decimal | None = None,
    each: Decimal = _ZERO,
    actual: bool = False,
) -> tuple[Installment, ...]:
    """Post the rows of a loan of ``p``: every builder with interest on the balance.

    A row's interest is ``balance × factor / den`` (``den`` None: nothing to divide),
    exact, rounded half-up to the fen: the one place a row's interest is rounded.
    The row repays ``level − interest`` (``level`` given: 等额本息) or ``each``
    (等额本金 P/n, 先息后本 0). The last row, or the first whose repayment would
    clear the balance, takes the principal that remains, and the rows after it are
    zero; with ``actual`` days a row whose interest exceeds the level payment pays
    the interest alone.

    The rows are right by construction, so they are filled in place, unchecked
    (:func:`~huabei_calc._unchecked.blank`: every slot stored, then retyped); the
    few the loop does not post as they stand are made with ``make_installment``.
    """
    n = len(dues)
    fixed, pay = level is not None, level or _ZERO
    rows: list[Installment] = []
    put, zero, bal, new_row, final = rows.append, _ZERO, p, blank_installment, Installment
    with decimal.localcontext(_CTX):
        for k, due, factor in zip(range(1, n + 1), dues, factors, strict=True):
            cost = (bal * factor if den is None else bal * factor / den).quantize(
                FEN, ROUND_HALF_UP
            )
            if fixed:
                part, paid = pay - cost, pay
            else:
                part, paid = each, each + cost
            if part >= bal:  # the rounded repayments clear the balance early: what remains
                put(make_installment(k, due, bal + cost, bal, cost, zero, zero))
                rows.extend(
                    make_installment(j, dues[j - 1], zero, zero, zero, zero, zero)
                    for j in range(k + 1, n + 1)
                )
                return tuple(rows)
            if actual and part < zero:  # a long month's interest above the level payment
                put(make_installment(k, due, cost, zero, cost, zero, bal))
                continue
            bal = bal - part
            row = new_row()  # the hot path: no call per row, and one store a statement
            row.period = k  # (a tuple assignment of the seven costs 8% more)
            row.due = due
            row.payment = paid
            row.principal = part
            row.interest = cost
            row.fee = zero
            row.balance = bal
            row.__class__ = final
            put(row)
        last = rows[-1]  # the last row takes what remains: the balance before it
        left = last.balance + last.principal
        rows[-1] = make_installment(
            last.period, last.due, left + last.interest, left, last.interest, zero, zero
        )
    return tuple(rows)


# -- builders -------------------------------------------------------------------------------


def equal_installment(
    principal: Amount,
    periods: int,
    rate: Rate | str,
    *,
    start: date | None = None,
    interest: InterestBasis = "monthly",
    basis: int = 360,
) -> Schedule:
    """等额本息: a level payment P·i(1+i)^n / ((1+i)^n − 1), rounded half-up.

    ``i`` is the monthly rate (annual / 12; daily × basis / 12). A row's interest
    is balance × i, or with ``interest="actual"`` balance × daily rate × the days
    since the previous due date (``start`` for the first), rounded half-up; the
    rest of the payment repays principal. The last row takes the principal that
    remains (its payment may differ). If the rounded payments clear the balance
    earlier, that row takes only what remains and later rows are 0.00; a row
    whose interest exceeds the payment (only with ``"actual"``) pays the interest
    alone. Zero rate: P/n.

    >>> s = equal_installment("1000000", 360, "4.9%/year")
    >>> s.rows[0].payment, s.rows[0].interest, s.rows[-1].payment, s.rows[-1].balance
    (Decimal('5307.27'), Decimal('4083.33'), Decimal('5305.19'), Decimal('0.00'))
    """
    p, n, r, day0, actual, days = _loan(principal, periods, rate, start, interest, basis)
    monthly = r._ratio("month", days)  # once: the level payment, and the rows' factors
    level = level_payment(p, n, *monthly)
    dues = due_dates(day0, n)
    rates, den = factors_of(*(r._ratio("day", days) if actual else monthly), day0, dues, actual)
    return make_schedule(
        _post(p, dues, rates, den, level=level, actual=actual), p, "equal_installment", (), day0
    )


def equal_principal(
    principal: Amount,
    periods: int,
    rate: Rate | str,
    *,
    start: date | None = None,
    interest: InterestBasis = "monthly",
    basis: int = 360,
) -> Schedule:
    """等额本金: principal P/n each period (rounded half-up) plus interest on the balance.

    Interest as in :func:`equal_installment`. The last row takes the principal
    that remains; if the rounded parts clear it earlier, that row takes only what
    remains and later rows are 0.00. Payments fall by about P/n × i a month.

    >>> s = equal_principal("1000000", 360, "4.9%/year")
    >>> s.rows[0].payment, s.rows[1].payment, s.rows[-1].principal
    (Decimal('6861.11'), Decimal('6849.77'), Decimal('2776.98'))
    """
    p, n, r, day0, actual, days = _loan(principal, periods, rate, start, interest, basis)
    dues = due_dates(day0, n)
    rates, den = factors(r, days, day0, dues, actual)
    each = to_fen(_CTX.divide(p, n))
    return make_schedule(_post(p, dues, rates, den, each=each), p, "equal_principal", (), day0)


def interest_only(
    principal: Amount,
    periods: int,
    rate: Rate | str,
    *,
    start: date | None = None,
    interest: InterestBasis = "monthly",
    basis: int = 360,
) -> Schedule:
    """先息后本: interest every period (as in :func:`equal_installment`), all principal last.

    >>> s = interest_only("10000", 3, "0.05%/day", start=date(2024, 1, 15), interest="actual")
    >>> [str(row.interest) for row in s.rows], s.rows[-1].payment
    (['155.00', '145.00', '155.00'], Decimal('10155.00'))
    """
    p, n, r, day0, actual, days = _loan(principal, periods, rate, start, interest, basis)
    dues = due_dates(day0, n)
    rates, den = factors(r, days, day0, dues, actual)
    # Nothing is repaid before the last row, so every row's interest is on p and depends
    # on its factor alone (one for monthly interest, one per month length with actual
    # days): each distinct factor's is posted once, as the rows of an interest-only
    # loan of p over those factors (whose every row, the last too, bears interest on p).
    distinct = list(dict.fromkeys(rates))
    posted = _post(p, [None] * len(distinct), distinct, den)
    cost = {f: row.interest for f, row in zip(distinct, posted, strict=True)}
    costs = [cost[f] for f in rates]
    make, zero, last = make_installment, _ZERO, costs.pop()
    rows = [make(k, dues[k - 1], c, zero, c, zero, p) for k, c in enumerate(costs, 1)]
    rows.append(make(n, dues[-1], _CTX.add(p, last), p, last, zero, zero))
    return make_schedule(tuple(rows), p, "interest_only", (), day0)


def flat_fee(
    principal: Amount,
    periods: int,
    fee_rate: FractionLike | None = None,
    *,
    start: date | None = None,
    product: Product = HUABEI,
) -> Schedule:
    """花呗分期: the principal and a flat total fee in equal parts, no interest.

    The total fee is ``principal × fee_rate`` rounded half-up; each period's
    principal and fee are P/n and fee/n truncated to the fen, and period 1 takes
    both remainders. ``fee_rate`` is a fraction (``"0.088"``) or a percentage
    (``"8.8%"``); ``None`` takes the rate for ``periods`` from
    ``product.installment_fees`` (Huabei's historic bill-installment table).

    >>> s = flat_fee("5000", 12)
    >>> s.total_fee, s.rows[0].payment, s.rows[1].principal, s.rows[1].fee
    (Decimal('440.00'), Decimal('453.48'), Decimal('416.66'), Decimal('36.66'))
    """
    p = amount(principal, "principal", allow_zero=False)
    n = _periods(periods)
    if not isinstance(product, Product):
        raise InputError("product", product, "err.product")
    day0 = _start(start)
    if fee_rate is None:
        if n not in product.installment_fees:
            terms = ", ".join(str(t) for t in sorted(product.installment_fees)) or "none"
            raise InputError("periods", n, "err.fee_term", product=product.name, terms=terms)
        share = product.installment_fees[n]
    else:
        share = fraction(fee_rate, "fee_rate")
        if share > 1:
            raise InputError("fee_rate", fee_rate, "err.fee_rate_above")
    dues = due_dates(day0, n)
    with decimal.localcontext(_CTX):
        fee = to_fen(p * share)
        each, each_fee = truncate_fen(p / n), truncate_fen(fee / n)
        first, first_fee = p - each * (n - 1), fee - each_fee * (n - 1)
        rows, bal = [], p - first
        rows.append(make_installment(1, dues[0], first + first_fee, first, _ZERO, first_fee, bal))
        for k in range(2, n + 1):
            bal = bal - each
            rows.append(
                make_installment(k, dues[k - 1], each + each_fee, each, _ZERO, each_fee, bal)
            )
    return make_schedule(tuple(rows), p, "flat_fee", (), day0)
