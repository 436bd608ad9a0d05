"""The schedule value: :class:`Installment` rows and the :class:`Schedule` they form.

A schedule is the output of the loan builders (:mod:`huabei_calc.loans`) and of
:func:`~huabei_calc.plans.freeze`. Its totals are exact sums of its rows; its
``apr()`` is the disclosed annualised rate (periodic IRR × 12). Rendering lives
in :mod:`huabei_calc._render` and only reads the rows.
"""

from __future__ import annotations

import decimal
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final

from ._check import MAX_SCHEDULE_PERIODS, check_date, whole_number
from ._unchecked import blank, maker
from .debt import WAIVABLE, check_buckets
from .errors import InputError, show
from .money import context

if TYPE_CHECKING:
    from ._catalog import Lang
    from .legal import CostCheck
    from .rules import Lender

__all__ = ["Installment", "Schedule"]

_ZERO: Final = Decimal("0.00")
_CTX: Final = context()
_AMOUNTS: Final = ("payment", "principal", "interest", "fee", "balance")
_FLOAT_EXACT: Final = 2**53  # the root finder works on fen in float first: exact below this
METHODS: Final = (
    "equal_installment",
    "equal_principal",
    "interest_only",
    "flat_fee",
    "freeze",
    "custom",
)
"""How a schedule was made: by a builder of :mod:`~huabei_calc.loans`, by
:func:`~huabei_calc.plans.freeze`, or by hand (``"custom"``)."""


@dataclass(frozen=True, slots=True)
class Installment:
    """One row of a schedule. ``payment == principal + interest + fee``; ``balance`` after it.

    ``balance`` is the principal still owed after the row. Amounts are
    non-negative two-place Decimals; ``due`` is ``None`` for a schedule without
    a start date; ``period`` is a whole number from 0 to 600 (the most periods a
    schedule may have).
    """

    period: int
    due: date | None
    payment: Decimal
    principal: Decimal
    interest: Decimal
    fee: Decimal
    balance: Decimal

    def __post_init__(self) -> None:
        whole_number(self.period, "period", 0, MAX_SCHEDULE_PERIODS)
        if self.due is not None:
            check_date(self.due, "due")
        for name in _AMOUNTS:
            value = getattr(self, name)
            if not isinstance(value, Decimal) or not value.is_finite() or value < 0:
                raise InputError(name, value, "err.row_amount")
            if value.as_tuple().exponent != -2:
                raise InputError(name, value, "err.two_places")
        with decimal.localcontext(_CTX):
            parts = self.principal + self.interest + self.fee
        if parts != self.payment:
            raise InputError("payment", self.payment, "err.payment_parts", parts=parts)


make_installment: Final = maker(Installment)
"""``make_installment(period, due, payment, principal, interest, fee, balance)``: a row
the builders posted, right by construction, without ``__post_init__``'s checks
(:mod:`huabei_calc._unchecked`): a fraction of the checked constructor's cost."""
blank_installment: Final = blank(Installment)
"""An empty row to fill slot by slot and retype to :class:`Installment` (``loans._post``)."""


@dataclass(frozen=True, slots=True, init=False)
class Schedule:
    """A repayment schedule: rows (period 0 = a down payment, if any) and totals.

    ``principal`` is the amount lent (for a 停息挂账 plan: the frozen amount, down
    payment included); ``method`` says how it was made (one of :data:`METHODS`,
    ``"custom"`` by hand); ``waived`` names the buckets a plan wrote off (any
    collection of ``"penalty"``, ``"interest"``, ``"fees"``, stored as a tuple);
    ``start`` is the date the due dates are anchored on (``None`` without dates).

    >>> rows = [Installment(1, None, Decimal("100.00"), Decimal("100.00"), Decimal("0.00"),
    ...                     Decimal("0.00"), Decimal("0.00"))]
    >>> Schedule(rows, Decimal("100.00"), waived=["penalty"]).waived
    ('penalty',)
    """

    rows: tuple[Installment, ...]
    principal: Decimal
    method: str
    waived: tuple[str, ...]
    start: date | None

    def __init__(
        self,
        rows: tuple[Installment, ...] | list[Installment],
        principal: Decimal,
        method: str = "custom",
        waived: Collection[str] = (),
        start: date | None = None,
    ) -> None:
        set_ = object.__setattr__
        if isinstance(rows, list):
            rows = tuple(rows)
        if not isinstance(rows, tuple) or not all(isinstance(row, Installment) for row in rows):
            raise InputError("rows", rows, "err.rows")
        for row in rows:  # a row past the cap would make cashflows() allocate for it
            if not 0 <= row.period <= MAX_SCHEDULE_PERIODS:
                period = show(row.period)
                raise InputError(
                    "rows", rows, "err.row_period", period=period, hi=MAX_SCHEDULE_PERIODS
                )
        set_(self, "rows", rows)
        p = principal
        if not isinstance(p, Decimal) or not p.is_finite() or p < 0 or p.as_tuple().exponent != -2:
            raise InputError("principal", p, "err.schedule_principal")
        set_(self, "principal", p)
        if not isinstance(method, str) or method not in METHODS:
            raise InputError("method", method, "err.method", methods=", ".join(METHODS))
        set_(self, "method", method)
        set_(self, "waived", check_buckets(waived, "waived", WAIVABLE))
        set_(self, "start", None if start is None else check_date(start, "start"))

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

        >>> from huabei_calc import equal_principal
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
        from .returns import irr, irr_of_fens  # lazy: most schedules never need them

        fens = [int(flow.scaleb(2, _CTX)) for flow in flows]  # exact: two places
        if max(fens) > 0 > min(fens) and max(map(abs, fens)) < _FLOAT_EXACT:
            return irr_of_fens(fens)  # a payment may pass irr's 10^12 yuan; the solver copes
        return irr(flows)  # irr names what is wrong with these flows

    def apr(self) -> Decimal:
        """The annualised rate disclosed by the IRR method (年化利率): periodic IRR × 12.

        PBoC announcement 2021 No. 3 requires lenders to show it. Not rounded;
        exactly 0 when the payments add up to the principal.

        >>> from huabei_calc import flat_fee
        >>> f"{flat_fee('5000', 12).apr():.2%}"
        '15.86%'
        """
        return annual_rates(self._irr())[0]

    def effective_annual_rate(self) -> Decimal:
        """The compounded annual rate: (1 + periodic IRR) ** 12 − 1. Not rounded.

        >>> from huabei_calc import flat_fee
        >>> f"{flat_fee('5000', 12).effective_annual_rate():.2%}"
        '17.07%'
        """
        return annual_rates(self._irr())[1]

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

    # -- legal reference lines: in legal -------------------------------------------------
    def cost_check(self, *, on: date, lender: Lender = "financial") -> CostCheck:
        """:meth:`apr` against the legal reference lines on ``on`` (see ``legal.check_cost``).

        >>> from huabei_calc import flat_fee
        >>> flat_fee("5000", 12).cost_check(on=date(2026, 11, 29)).exceeds
        False
        """
        from .legal import check_annual_cost

        return check_annual_cost(self.apr(), on=on, lender=lender)


make_schedule: Final = maker(Schedule)
"""``make_schedule(rows, principal, method, waived, start)``: a ``Schedule`` from what a
builder posted (a tuple of rows, a checked principal), without the checks."""


def annual_rates(periodic: Decimal) -> tuple[Decimal, Decimal]:
    """The annual rates of a monthly periodic rate: the disclosed APR, ``periodic × 12``,
    and the effective annual rate, ``(1 + periodic) ** 12 − 1``; exact in the money
    context, not rounded. The one home of these formulas (``Schedule.apr``, the CLI's ``apr``).

    >>> annual_rates(Decimal("0.01"))
    (Decimal('0.12'), Decimal('0.126825030131969720661201'))
    """
    with decimal.localcontext(_CTX):
        return periodic * 12, (1 + periodic) ** 12 - 1
