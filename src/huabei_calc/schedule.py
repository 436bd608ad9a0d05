"""Repayment schedules: 等额本息, 等额本金, 先息后本, 花呗分期 — and the Schedule value.

Each row is posted once: its interest is computed exactly (balance × the rate's
numerator × days, divided last) and rounded half-up to the fen; Huabei's
installment principal and fee are truncated to the fen. One row absorbs the
residue, so the principal column always sums to the principal exactly: the last
row for loans, period 1 for Huabei installments (DOMAIN.md, "Conventions").
"""

from __future__ import annotations

import decimal
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Any, Final, Literal

from ._amortize import due_dates, factors, level_payment
from .errors import InputError
from .money import FEN, Amount, amount, context, to_fen, truncate_fen
from .overdue import check_date
from .products import HUABEI, Product
from .rates import Rate, _basis, _value

if TYPE_CHECKING:
    from ._render import Lang

__all__ = [
    "Installment",
    "InterestBasis",
    "Schedule",
    "equal_installment",
    "equal_principal",
    "flat_fee",
    "interest_only",
]

InterestBasis = Literal["monthly", "actual"]
_ZERO: Final = Decimal("0.00")
_MAX_PERIODS: Final = 600
_CTX: Final = context()
_AMOUNTS: Final = ("payment", "principal", "interest", "fee", "balance")


@dataclass(frozen=True, slots=True)
class Installment:
    """One row of a schedule. ``payment == principal + interest + fee``; ``balance`` after it.

    ``balance`` is the principal still owed after the row. Amounts are
    non-negative two-place Decimals; ``due`` is ``None`` for a schedule without
    a start date.
    """

    period: int
    due: date | None
    payment: Decimal
    principal: Decimal
    interest: Decimal
    fee: Decimal
    balance: Decimal

    def __post_init__(self) -> None:
        if isinstance(self.period, bool) or not isinstance(self.period, int) or self.period < 0:
            raise InputError("period", self.period, "must be an int ≥ 0")
        if self.due is not None:
            check_date(self.due, "due")
        for name in _AMOUNTS:
            value = getattr(self, name)
            if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
                raise InputError(name, value, "must be a non-negative Decimal amount")
            if value.as_tuple().exponent != -2:
                raise InputError(name, value, "must have exactly two decimal places")
        with decimal.localcontext(_CTX):
            parts = self.principal + self.interest + self.fee
        if parts != self.payment:
            raise InputError(
                "payment", self.payment, f"must be principal + interest + fee = {parts}"
            )


class _Draft:
    """A mutable twin of :class:`Installment` with the same slots, hence the same layout.

    The builders fill one in with plain slot stores and then assign
    ``__class__ = Installment``: a row costs a fraction of a checked, frozen
    ``Installment(...)`` (seven guarded setattr calls plus ``__post_init__``), which
    matters in 360-row loops. The cells are right by construction, so skipping the
    checks loses nothing; a test pins the trick.
    """

    __slots__ = ("balance", "due", "fee", "interest", "payment", "period", "principal")
    period: int
    due: date | None
    payment: Decimal
    principal: Decimal
    interest: Decimal
    fee: Decimal
    balance: Decimal


def _row(
    k: int, due: date | None, pay: Decimal, part: Decimal, cost: Decimal, fee: Decimal, bal: Decimal
) -> Installment:
    row = _Draft()
    row.period, row.due, row.payment, row.principal = k, due, pay, part
    row.interest, row.fee, row.balance = cost, fee, bal
    row.__class__ = Installment  # type: ignore[assignment]
    return row  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class Schedule:
    """A repayment schedule: rows (period 0 = a down payment, if any) and totals.

    ``principal`` is the amount lent (for a 停息挂账 plan: the frozen amount, down
    payment included); ``waived`` names the buckets a plan wrote off; ``start``
    is the date the due dates are anchored on (``None`` without dates).
    """

    rows: tuple[Installment, ...]
    principal: Decimal
    method: str = "custom"
    waived: tuple[str, ...] = ()
    start: date | None = None

    def __post_init__(self) -> None:
        if isinstance(self.rows, list):
            object.__setattr__(self, "rows", tuple(self.rows))
        if not isinstance(self.rows, tuple):
            raise InputError("rows", self.rows, "must be a tuple of Installment")
        p = self.principal
        if not isinstance(p, Decimal) or not p.is_finite() or p < 0 or p.as_tuple().exponent != -2:
            raise InputError("principal", p, "must be a non-negative two-place Decimal amount")

    @classmethod
    def _of(
        cls, rows: tuple[Installment, ...], principal: Decimal, method: str, start: date | None
    ) -> Schedule:
        """Build from what a builder posted (a tuple of rows, a checked principal): no checks."""
        new = object.__new__(cls)
        set_ = object.__setattr__
        set_(new, "rows", rows)
        set_(new, "principal", principal)
        set_(new, "method", method)
        set_(new, "waived", ())
        set_(new, "start", start)
        return new

    def _total(self, name: str) -> Decimal:
        with decimal.localcontext(_CTX):
            return sum((getattr(row, name) for row in self.rows), _ZERO)

    @property
    def total_payment(self) -> Decimal:
        """The sum of every row's payment."""
        return self._total("payment")

    @property
    def total_principal(self) -> Decimal:
        """The sum of every row's principal (equal to ``principal`` for the builders here)."""
        return self._total("principal")

    @property
    def total_interest(self) -> Decimal:
        """The sum of every row's interest."""
        return self._total("interest")

    @property
    def total_fee(self) -> Decimal:
        """The sum of every row's fee (花呗分期手续费)."""
        return self._total("fee")

    def cashflows(self) -> list[Decimal]:
        """The flows :meth:`apr` discounts, one per period, lender's sign.

        ``-principal`` plus any period-0 payment at 0, then each period's payments;
        trailing zero periods (after an early payoff) are dropped.

        >>> equal_principal("300", 3, "12%/year").cashflows()
        [Decimal('-300.00'), Decimal('103.00'), Decimal('102.00'), Decimal('101.00')]
        """
        flows = [_ZERO] * (max((row.period for row in self.rows), default=0) + 1)
        with decimal.localcontext(_CTX):
            flows[0] = -self.principal
            for row in self.rows:
                flows[row.period] += row.payment
        while len(flows) > 2 and not flows[-1]:
            flows.pop()
        return flows

    def _irr(self) -> Decimal:
        flows = self.cashflows()
        with decimal.localcontext(_CTX):
            if sum(flows) == 0:  # repaid exactly what was lent: it cost nothing
                return Decimal(0)
        from .returns import irr  # lazy: most schedules are never asked for their rate

        return irr(flows)

    def apr(self) -> Decimal:
        """The annualised rate disclosed by the IRR method (年化利率): periodic IRR × 12.

        PBoC announcement 2021 No. 3 requires lenders to show it. Not rounded;
        exactly 0 when the payments add up to the principal.

        >>> f"{flat_fee('5000', 12).apr():.2%}"
        '15.86%'
        """
        rate = self._irr()
        with decimal.localcontext(_CTX):
            return rate * 12

    def effective_annual_rate(self) -> Decimal:
        """The compounded annual rate: (1 + periodic IRR) ** 12 − 1. Not rounded.

        >>> f"{flat_fee('5000', 12).effective_annual_rate():.2%}"
        '17.07%'
        """
        rate = self._irr()
        with decimal.localcontext(_CTX):
            return (1 + rate) ** 12 - 1

    # -- presentation: read-only, in _render ----------------------------------------------
    def to_dicts(self) -> list[dict[str, Any]]:
        """One dict per row: ``period``, ``due`` (date or None), the amounts as Decimal."""
        from ._render import to_dicts

        return to_dicts(self)

    def to_csv(self) -> str:
        """CSV text: a header line, then one line per row (no totals)."""
        from ._render import to_csv

        return to_csv(self)

    def to_json(self) -> str:
        """JSON text with ``rows`` and ``totals``; amounts as strings, dates ISO."""
        from ._render import to_json

        return to_json(self)

    def to_markdown(self, lang: Lang = "en") -> str:
        """A markdown table with a totals line; ``lang="zh"`` for Chinese column names."""
        from ._render import to_markdown

        return to_markdown(self, lang)

    def to_pandas(self) -> Any:
        """A ``pandas.DataFrame`` of :meth:`to_dicts` (needs ``pip install pandas``)."""
        from ._render import to_pandas

        return to_pandas(self)


# -- inputs ---------------------------------------------------------------------------------


def _periods(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InputError("periods", value, f"must be an int between 1 and {_MAX_PERIODS}")
    if not 1 <= value <= _MAX_PERIODS:
        raise InputError("periods", value, f"must be between 1 and {_MAX_PERIODS}")
    return value


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
        raise InputError("interest", interest, "must be 'monthly' or 'actual'")
    days = _basis(basis)
    day0 = _start(start)
    if interest == "actual" and day0 is None:
        raise InputError("start", None, "is needed with interest='actual' (days between dates)")
    return p, n, r, day0, interest == "actual", days


def _interest(balance: Decimal, factor: Decimal, den: Decimal | None) -> Decimal:
    """``balance × factor / den`` (``den`` None: nothing to divide), rounded half-up to the fen.

    Runs in the caller's private context; the hot loops inline it.
    """
    cost = balance * factor if den is None else balance * factor / den
    return cost.quantize(FEN, ROUND_HALF_UP)


def _settle(
    rows: list[Installment],
    k: int,
    due: date | None,
    bal: Decimal,
    cost: Decimal,
    dues: Sequence[date | None],
) -> tuple[Installment, ...]:
    """Post row ``k`` taking the remaining principal, then zero rows up to the last due date."""
    rows.append(_row(k, due, bal + cost, bal, cost, _ZERO, _ZERO))
    rows.extend(
        _row(j, dues[j - 1], _ZERO, _ZERO, _ZERO, _ZERO, _ZERO) for j in range(k + 1, len(dues) + 1)
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
    level = level_payment(p, n, *r.ratio("month", days))
    dues = due_dates(day0, n)
    rates, den = factors(r, days, day0, dues, actual)
    rows: list[Any] = []
    put, draft, final, zero = rows.append, _Draft, Installment, _ZERO
    bal, k = p, 0
    with decimal.localcontext(_CTX):
        for k, due, factor in zip(range(1, n), dues, rates, strict=False):  # all but the last
            cost = (bal * factor / den if den is not None else bal * factor).quantize(
                FEN, ROUND_HALF_UP
            )
            part = level - cost
            if part >= bal:  # the rounded payments clear the balance early
                break
            if actual and part < zero:  # a long month's interest above the payment
                put(_row(k, due, cost, _ZERO, cost, _ZERO, bal))
                continue
            bal = bal - part
            row = draft()  # _row inlined: this loop is the hot path
            row.period = k
            row.due = due
            row.payment = level
            row.principal = part
            row.interest = cost
            row.fee = zero
            row.balance = bal
            row.__class__ = final  # type: ignore[assignment]
            put(row)
        else:
            k, due = n, dues[-1]
            cost = _interest(bal, rates[-1], den)
        done = _settle(rows, k, due, bal, cost, dues)
    return Schedule._of(done, p, "equal_installment", day0)


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
    rows: list[Any] = []
    put, draft, final, zero = rows.append, _Draft, Installment, _ZERO
    bal, k = p, 0
    with decimal.localcontext(_CTX):
        each = to_fen(p / n)
        for k, due, factor in zip(range(1, n), dues, rates, strict=False):
            cost = (bal * factor / den if den is not None else bal * factor).quantize(
                FEN, ROUND_HALF_UP
            )
            if each >= bal:  # the rounded parts clear the balance early
                break
            bal = bal - each
            row = draft()  # _row inlined, as in equal_installment
            row.period = k
            row.due = due
            row.payment = each + cost
            row.principal = each
            row.interest = cost
            row.fee = zero
            row.balance = bal
            row.__class__ = final  # type: ignore[assignment]
            put(row)
        else:
            k, due = n, dues[-1]
            cost = _interest(bal, rates[-1], den)
        done = _settle(rows, k, due, bal, cost, dues)
    return Schedule._of(done, p, "equal_principal", day0)


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
    with decimal.localcontext(_CTX):
        costs = [_interest(p, factor, den) for factor in rates]
        rows = [
            _row(k, dues[k - 1], costs[k - 1], _ZERO, costs[k - 1], _ZERO, p) for k in range(1, n)
        ]
        rows.append(_row(n, dues[-1], p + costs[-1], p, costs[-1], _ZERO, _ZERO))
    return Schedule._of(tuple(rows), p, "interest_only", day0)


def flat_fee(
    principal: Amount,
    periods: int,
    fee_rate: Decimal | str | None = None,
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
        raise InputError("product", product, "must be a Product such as HUABEI")
    day0 = _start(start)
    if fee_rate is None:
        if n not in product.installment_fees:
            terms = ", ".join(str(t) for t in sorted(product.installment_fees)) or "none"
            raise InputError(
                "periods",
                n,
                f"is not a term in {product.name}'s fee table (terms: {terms}); pass fee_rate",
            )
        fraction = product.installment_fees[n]
    else:
        fraction = _value(fee_rate, "fee_rate")
        if fraction > 1:
            raise InputError("fee_rate", fee_rate, "is above 100%; write '8.8%' or '0.088'")
    dues = due_dates(day0, n)
    with decimal.localcontext(_CTX):
        fee = to_fen(p * fraction)
        each, each_fee = truncate_fen(p / n), truncate_fen(fee / n)
        first, first_fee = p - each * (n - 1), fee - each_fee * (n - 1)
        rows, bal = [], p - first
        rows.append(_row(1, dues[0], first + first_fee, first, _ZERO, first_fee, bal))
        for k in range(2, n + 1):
            bal = bal - each
            rows.append(_row(k, dues[k - 1], each + each_fee, each, _ZERO, each_fee, bal))
    return Schedule._of(tuple(rows), p, "flat_fee", day0)
