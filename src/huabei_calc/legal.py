"""Legal reference lines: the one-year LPR, and whether an annual cost exceeds a line.

The lines are dated, sourced records in :mod:`huabei_calc.rules` (24% and 36%
for private lending before 2020-08-20, 4 × the one-year LPR since, 24% for
financial loans, the press-reported 24% line on new loans since 2025-10-01);
``docs/rules.md`` lists them with their sources and confidence. A result says a
cost "exceeds the reference line of …": information for a negotiation, never a
verdict on legality.

The annual cost that ``Schedule``, ``Accrual`` and ``Comparison`` check against
the lines is computed in :mod:`huabei_calc.true_cost`.
"""

from __future__ import annotations

import decimal
from bisect import bisect_right
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from ._catalog import Lang, text
from ._check import check_date
from ._table import percent
from .errors import InputError
from .money import context
from .rates import Rate, fraction, is_percentage
from .rules import LPR_ONE_YEAR, LPR_TABLE_CHECKED, REFERENCE_LINES, Lender, LprRecord

__all__ = ["CostCheck", "CostLine", "check_cost", "lpr_one_year"]

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
        """One sentence: "… exceeds the reference line of …" or "… is within …".

        >>> check = check_cost("30%", on=date(2026, 11, 29))
        >>> print(check.lines[3].describe(check.rate, "zh")[:40])
        年化 30.00% 超过参考线年化 24.00%，高出 6.00 个百分点。金融
        """
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
        """Whether the rate exceeds at least one line that applies.

        >>> check_cost("24%", on=date(2026, 11, 29)).exceeds  # strictly above only
        False
        """
        return any(line.exceeded for line in self.lines)

    def summary(self, lang: Lang = "en") -> str:
        """The applicable lines in words, one a line, then the table's age and a caveat.

        >>> check = check_cost("10%", on=date(2026, 11, 29), lender="private")
        >>> for line in check.summary().splitlines():
        ...     print(line[:60])
        10.00% a year is within the reference line of 12.00% a year.
        The LPR table was last checked on 2026-08-20, 101 days befor
        Information for a negotiation, not legal advice.
        """
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
    if isinstance(basis, bool) or not isinstance(basis, int) or basis not in (360, 365):
        raise InputError("basis", basis, "err.rules.basis")
    return check_annual_cost(annual(annual_rate, basis), on=on, lender=lender)


def check_annual_cost(rate: Decimal, *, on: date, lender: Lender = "financial") -> CostCheck:
    """:func:`check_cost` of an annual cost the library computed (a fraction, any size).

    ``Schedule``, ``Accrual`` and ``Comparison`` check their true annual cost with it:
    a cost of 100% a year or more is a cost, not a percentage written without its sign.

    >>> check_annual_cost(Decimal("4.3572"), on=date(2026, 11, 29)).exceeds
    True
    """
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
    """An annual rate as a fraction, from what :func:`check_cost` accepts.

    >>> annual("0.05%/day"), annual("24%"), annual(Decimal("0.1586"))
    (Decimal('0.1825'), Decimal('0.24'), Decimal('0.1586'))
    """
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
        if rate >= 1 and not (isinstance(value, str) and is_percentage(value)):
            raise InputError("annual_rate", value, "err.rules.rate_unit", value=value)
        return Rate.annual(rate).value
    except InputError as err:
        if err.name == "annual_rate" and err.code:
            raise
        if err.name == "annual_rate":  # the rate parser's own (English-only) words
            raise InputError("annual_rate", value, "err.rules.annual_rate") from None
        raise InputError("annual_rate", value, "err.rules.rate_limit") from None


def _points(rate: Decimal) -> Decimal:
    return _CTX.multiply(rate, 100).quantize(_CENT, ROUND_HALF_UP, _CTX)
