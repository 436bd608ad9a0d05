"""Legal reference lines: the one-year LPR, and whether an annual cost exceeds a line.

The lines are dated, sourced records in :mod:`huabei_calc.rules` (24% and 36%
for private lending before 2020-08-20, 4 × the one-year LPR since, 24% for
financial loans, the press-reported 24% line on new loans since 2025-10-01);
``docs/rules.md`` lists them with their sources and confidence. A result says a
cost "exceeds the reference line of …": information for a negotiation, never a
verdict on legality.

The annual cost of a schedule is its disclosed rate, periodic IRR × 12
(:meth:`Schedule.apr`, PBoC announcement 2021 No. 3); of an overdue accrual or
a comparison it is the XIRR (effective, actual/365) of the dated cash flows:
the debt lent at the start, the payments, what is owed at the end.
"""

from __future__ import annotations

import decimal
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING, Final

from ._catalog import Lang, text
from ._check import check_date
from .errors import InputError
from .money import context
from .rates import Rate, fraction
from .rules import LPR_ONE_YEAR, LPR_TABLE_CHECKED, REFERENCE_LINES, Lender, LprRecord

if TYPE_CHECKING:
    from .comparison import Comparison
    from .overdue import Accrual
    from .schedule import Schedule

__all__ = [
    "CostCheck",
    "CostLine",
    "accrual_cost",
    "check_cost",
    "comparison_cost",
    "lpr_one_year",
    "lpr_record",
    "schedule_cost",
]

_CTX: Final = context()
_DATES: Final = tuple(record.effective for record in LPR_ONE_YEAR)
_FIRST_LINE: Final = min(line.start for line in REFERENCE_LINES)
_ZERO: Final = Decimal(0)
_CENT: Final = Decimal("0.01")


def lpr_record(on: date) -> LprRecord:
    """The one-year LPR publication in force on ``on``: the latest one on or before it.

    >>> lpr_record(date(2024, 1, 1)).effective
    datetime.date(2023, 12, 20)
    """
    day = check_date(on, "on")
    k = bisect_right(_DATES, day)
    if k == 0:
        raise InputError("on", day, "err.rules.lpr_before_first", first=_DATES[0])
    return LPR_ONE_YEAR[k - 1]


def lpr_one_year(on: date) -> Decimal:
    """The one-year Loan Prime Rate (一年期 LPR) in force on ``on``, as a fraction.

    The value of the latest publication on or before ``on``. Before the first
    publication (2019-08-20) there was no LPR: an ``InputError``. After the
    table's last check (``rules.LPR_TABLE_CHECKED``) the last value is returned;
    :func:`check_cost` says how many days past the check the date is.

    >>> lpr_one_year(date(2024, 1, 1)), lpr_one_year(date(2025, 5, 20))
    (Decimal('0.0345'), Decimal('0.0300'))
    """
    return lpr_record(on).rate


@dataclass(frozen=True, slots=True)
class CostLine:
    """One reference line, checked against an annual rate.

    ``value`` is the line as an annual fraction (``None`` for 4 × LPR before any
    LPR existed); ``applies`` is whether it concerns this lender on this date;
    ``exceeded`` whether it applies and the rate is above it; ``excess`` the
    rate minus the line when exceeded (else 0), a fraction.
    """

    name: str
    value: Decimal | None
    source: str
    applies: bool
    exceeded: bool
    excess: Decimal
    confidence: str
    press_reported: bool

    def describe(self, rate: Decimal, lang: Lang = "en") -> str:
        """One sentence: "… exceeds the reference line of …" or "… is within …"."""
        code = "rules.exceeds" if self.exceeded else "rules.within"
        return text(
            code,
            lang,
            rate=percent(rate),
            line=percent(self.value or _ZERO),
            excess=format(_points(self.excess), "f"),
            meaning=text(f"rules.line.{self.name}", lang),
            source=self.source,
        )


@dataclass(frozen=True, slots=True)
class CostCheck:
    """The result of :func:`check_cost`: the rate against every reference line.

    ``lines`` holds every line in the table (``applies`` says which concern this
    lender on ``on``); ``lpr`` is the one-year LPR in force on ``on`` (``None``
    before 2019-08-20) and ``days_past_table`` how many days ``on`` falls after
    the table's last check (0 within it): above 0, look up newer publications.
    """

    rate: Decimal
    on: date
    lender: Lender
    lines: tuple[CostLine, ...]
    lpr: Decimal | None
    table_checked: date
    days_past_table: int

    @property
    def exceeds(self) -> bool:
        """Whether the rate exceeds at least one line that applies."""
        return any(line.exceeded for line in self.lines)

    def summary(self, lang: Lang = "en") -> str:
        """The applicable lines in words, one a line, then the table's age and a caveat."""
        out = [line.describe(self.rate, lang) for line in self.lines if line.applies]
        if not out:
            lender = text(f"rules.lender.{self.lender}", lang)
            out.append(text("rules.no_line", lang, lender=lender, on=self.on))
        if self.days_past_table and any(
            line.applies and line.name.endswith("lpr") for line in self.lines
        ):
            out.append(
                text(
                    "rules.table_old",
                    lang,
                    checked=self.table_checked,
                    days=self.days_past_table,
                    on=self.on,
                )
            )
        out.append(text("rules.not_advice", lang))
        return "\n".join(out)


def check_cost(
    annual_rate: Rate | Decimal | int | str,
    *,
    on: date,
    lender: Lender = "financial",
    basis: int = 365,
) -> CostCheck:
    """Check an annual cost against the legal reference lines in force on ``on``.

    ``annual_rate`` is a fraction (``Decimal("0.2738")``), a percentage
    (``"27.38%"``), or a rate that names its period (``"0.075%/day"``,
    ``Rate.daily("0.075%")``), annualised × ``basis`` days (365 by default, as
    courts count a year). A bare number of 1 or more is refused as a likely
    percentage. ``on`` is the date the line is measured at: the contract date
    (for a private loan made before 2020-08-20, check the interest from
    2020-08-20 with ``on`` = the date the case is filed, art. 31). ``lender`` is
    ``"financial"`` (banks, consumer-finance companies such as Huabei's and
    Jiebei's lender, micro-lenders) or ``"private"``.

    Jiebei's penalty rate, 0.05% × 1.5 a day, against the 24% line:

    >>> check = check_cost("0.075%/day", on=date(2026, 11, 29))
    >>> check.rate, check.exceeds
    (Decimal('0.27375'), True)
    >>> for line in check.lines:
    ...     if line.exceeded:
    ...         print(line.name, line.excess)
    financial_24 0.03375
    new_loans_24 0.03375
    """
    rate = annual(annual_rate, basis)
    day = check_date(on, "on")
    if day < _FIRST_LINE:
        raise InputError("on", day, "err.rules.before_lines", first=_FIRST_LINE)
    if lender not in ("financial", "private"):
        raise InputError("lender", lender, "err.rules.lender")
    lpr = lpr_record(day).rate if day >= _DATES[0] else None
    lines = []
    with decimal.localcontext(_CTX):
        for rule in REFERENCE_LINES:
            value = rule.rate
            if value is None:
                value = None if lpr is None else lpr * rule.lpr_multiple
            applies = value is not None and rule.lender == lender and rule.in_force(day)
            exceeded = applies and value is not None and rate > value
            excess = rate - value if exceeded and value is not None else _ZERO
            lines.append(
                CostLine(
                    rule.name,
                    value,
                    rule.source,
                    applies,
                    exceeded,
                    excess,
                    rule.confidence,
                    rule.press_reported,
                )
            )
    past = max((day - LPR_TABLE_CHECKED).days, 0)
    return CostCheck(rate, day, lender, tuple(lines), lpr, LPR_TABLE_CHECKED, past)


def annual(value: object, basis: int = 365) -> Decimal:
    """An annual rate as a fraction, from what :func:`check_cost` accepts."""
    try:
        if isinstance(value, str):
            try:
                value = Rate.parse(value, name="annual_rate")
            except InputError as err:
                if err.name != "annual_rate":  # a period named, the value past its limit
                    raise
                # else no period named: an annual percentage or fraction, read below
        if isinstance(value, Rate):
            num, den = value.ratio("year", basis)
            return Rate.annual(_CTX.divide(num, den)).value
        if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
            raise InputError("annual_rate", value, "err.rules.annual_rate")
        rate = fraction(value, "annual_rate")
        if rate >= 1 and not (isinstance(value, str) and value.strip().endswith("%")):
            raise InputError("annual_rate", value, "err.rules.rate_unit", value=value)
        return Rate.annual(rate).value
    except InputError as err:
        if err.name == "annual_rate":
            raise
        raise InputError("annual_rate", value, "err.rules.rate_limit") from None


def schedule_cost(schedule: Schedule) -> Decimal:
    """A schedule's annual cost: its disclosed rate, periodic IRR × 12 (``apr()``).

    PBoC announcement 2021 No. 3's example: 100,000 lent, a 1,000 fee up front,
    12 × 8,833.30: monthly IRR 1.06698%, 12.80% a year.

    >>> from huabei_calc import Installment, Schedule
    >>> rows = tuple(Installment(k, None, Decimal("8833.30"), Decimal("8250.00"),
    ...                          Decimal("583.30"), Decimal("0.00"), Decimal("0.00"))
    ...              for k in range(1, 13))
    >>> f"{schedule_cost(Schedule(rows, Decimal('99000.00'))):.2%}"
    '12.80%'
    """
    return schedule.apr()


def accrual_cost(accrual: Accrual) -> Decimal:
    """The annual cost of an overdue accrual: XIRR of (since, −owed then), (until, owed then).

    Effective, actual/365 (the daily charges counted as if each span compounded
    once). Jiebei's 0.075% a day on 10,000 for a year costs 27.375%; over one
    month the same charges cost about 31% a year. 0 when nothing was charged.

    >>> from huabei_calc import JIEBEI, Debt, accrue
    >>> year = accrue(Debt(principal="10000"), JIEBEI, since=date(2025, 1, 10),
    ...               until=date(2026, 1, 10))
    >>> accrual_cost(year)
    Decimal('0.27375000000000000000')
    """
    from .returns import xirr

    with decimal.localcontext(_CTX):
        before = accrual.debt.total - accrual.charged
    if before <= 0:
        raise InputError("accrual", accrual.debt, "err.rules.nothing_owed")
    if not accrual.charged:
        return _ZERO
    return xirr([(accrual.since, -before), (accrual.until, accrual.debt.total)])


def comparison_cost(comparison: Comparison) -> Decimal:
    """The annual cost of the accruing scenario of a comparison (its XIRR, actual/365).

    The flows, from the comparison's rows: the debt owed after the first payment,
    lent on the first date; each later payment of the plan's amounts (read from
    the frozen balances: a plan row pays the fall in the frozen balance, and
    after the plan the last amount monthly) until the accruing debt is cleared;
    what is still owed at the horizon if it is not.

    >>> from huabei_calc import JIEBEI, Debt, compare, freeze
    >>> debt = Debt(principal="10000")
    >>> cmp = compare(debt, JIEBEI, freeze(debt, 12, start=date(2025, 1, 31)))
    >>> f"{comparison_cost(cmp):.1%}"
    '31.1%'
    """
    from .returns import xirr

    rows = comparison.rows
    first = rows[0]
    with decimal.localcontext(_CTX):
        owed = first.accruing_balance
        if owed <= 0:
            raise InputError("comparison", comparison.frozen_total, "err.rules.nothing_owed")
        flows: list[tuple[date, Decimal]] = [(first.date, -owed)]
        left = comparison.accruing_paid - (first.untouched_balance - owed)
        frozen, last = first.frozen_balance, _ZERO
        for row in rows[1:]:
            if left <= 0:
                break
            step = frozen - row.frozen_balance
            last = step if step > 0 else last
            pay = min(last, left)
            flows.append((row.date, pay))
            left -= pay
            frozen = row.frozen_balance
        if comparison.accruing_unpaid:
            flows.append((rows[-1].date, comparison.accruing_unpaid))
    return xirr(flows)


def percent(rate: Decimal) -> str:
    """A rate as a percentage with two decimals, half-up: 0.27375 -> '27.38%'."""
    return f"{_points(rate)}%"


def _points(rate: Decimal) -> Decimal:
    return _CTX.multiply(rate, 100).quantize(_CENT, ROUND_HALF_UP, _CTX)
