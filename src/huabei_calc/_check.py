"""Checking input: the one home for dates, whole numbers, the period caps and the last date.

Every public function checks its arguments through these helpers, so that a
date, a count or a cap is refused with the same words (catalog ids ``err.*``)
wherever it is passed. Amounts are read by :func:`huabei_calc.money.amount`,
rates and percentages by :mod:`huabei_calc.rates`.

>>> check_date(date(2025, 1, 10), "since")
datetime.date(2025, 1, 10)
>>> whole_number(61, "periods", 1, MAX_PLAN_PERIODS)
Traceback (most recent call last):
...
huabei_calc.errors.InputError: periods=61 must be a whole number from 1 to 60
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final, NoReturn

from .errors import InputError

MAX_SCHEDULE_PERIODS: Final = 600
"""The most periods a schedule (a loan, a Huabei installment) may have: 50 years of months."""

MAX_PLAN_PERIODS: Final = 60
"""The default limit of a 停息挂账 plan: 商业银行信用卡业务监督管理办法 (CBRC 2011 No. 2)
art. 70 lets a personalised installment agreement last at most 5 years."""

LAST_YEAR: Final = 9999
"""``datetime.date`` stops at 9999-12-31: no due date may fall after it."""


def check_date(value: object, name: str) -> date:
    """A ``datetime.date`` or a subclass of it; a ``datetime`` is refused (a day count
    needs whole days), and so is anything else."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    if isinstance(value, datetime):
        raise InputError(name, value, "err.date_not_datetime")
    raise InputError(name, value, "err.date")


def whole_number(value: object, name: str, lo: int, hi: int) -> int:
    """An ``int`` (not a ``bool``) from ``lo`` to ``hi``, both included."""
    if isinstance(value, bool) or not isinstance(value, int) or not lo <= value <= hi:
        raise InputError(name, value, "err.whole_number", lo=lo, hi=hi)
    return value


def check_horizon(start: date, months: int, name: str, value: object) -> None:
    """Refuse ``start`` + ``months`` months when that falls after 9999-12-31."""
    if start.year + (start.month - 1 + months) // 12 > LAST_YEAR:
        raise InputError(name, value, "err.past_last_date", months=months, start=start)


def refuse_float(value: float, name: str) -> NoReturn:
    """The one refusal of a ``float`` (amounts, rates, fractions): it cannot hold 0.1 exactly.

    The message shows the fix, ``Decimal("0.1")`` or ``"0.1"``; NaN and the
    infinities are refused as not finite.

    >>> refuse_float(0.1, "fee_rate")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    huabei_calc.errors.InputError: fee_rate=0.1 is a float, ...; pass Decimal("0.1") or "0.1"
    """
    if value != value or value in (_INF, -_INF):
        raise InputError(name, value, "err.not_finite")
    raise InputError(name, value, "err.float", digits=float.__repr__(value))


_INF: Final = float("inf")
