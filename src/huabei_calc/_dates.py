"""Month arithmetic anchored on a start date, as ``start + relativedelta(months=k)``.

Written out (rather than calling dateutil, or :func:`calendar.monthrange`, per row)
because it runs once per schedule row; a test proves it equal to dateutil's
``relativedelta`` for every start day of a leap and a non-leap year.
"""

from __future__ import annotations

from datetime import date
from typing import Final

# days of months 1..12 in a common year; index 0 unused
_MONTH_DAYS: Final = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
# start day 29..31 -> its day in each month of a common year (February: 28; leap years apart)
_CLIPPED: Final = {day: tuple(min(day, last) for last in _MONTH_DAYS) for day in (29, 30, 31)}


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def days_in_month(year: int, month: int) -> int:
    """The number of days of ``month`` (1..12) in ``year`` (Gregorian).

    >>> days_in_month(2024, 2), days_in_month(2100, 2), days_in_month(2025, 4)
    (29, 28, 30)
    """
    if month == 2 and _leap(year):
        return 29
    return _MONTH_DAYS[month]


def add_months(start: date, months: int) -> date:
    """``start`` plus ``months`` calendar months, the day clipped to the month's end.

    Always computed from the anchor, never chained: 31 Jan + 1 → 28/29 Feb,
    31 Jan + 2 → 31 Mar.

    >>> add_months(date(2024, 1, 31), 1), add_months(date(2024, 1, 31), 2)
    (datetime.date(2024, 2, 29), datetime.date(2024, 3, 31))
    """
    year, month = divmod(start.year * 12 + start.month - 1 + months, 12)
    month += 1
    day = start.day
    if day > 28:
        last = 29 if month == 2 and _leap(year) else _MONTH_DAYS[month]
        if day > last:
            day = last
    return date(year, month, day)


def month_steps(start: date, n: int) -> list[date]:
    """``add_months(start, k)`` for k = 1..n, stepping the month instead of recomputing it.

    Each date is still anchored on ``start``'s day (clipped per month, never
    chained). The caller checks that the last one exists (year ≤ 9999).

    >>> month_steps(date(2023, 12, 31), 3)
    [datetime.date(2024, 1, 31), datetime.date(2024, 2, 29), datetime.date(2024, 3, 31)]
    """
    year, month, day = start.year, start.month, start.day
    out: list[date] = []
    put = out.append
    if day <= 28:  # every month has the day
        for _ in range(n):
            if month == 12:
                year, month = year + 1, 1
            else:
                month += 1
            put(date(year, month, day))
        return out
    clip = _CLIPPED[day]
    for _ in range(n):
        if month == 12:
            year, month = year + 1, 1
        else:
            month += 1
        if month == 2 and year % 4 == 0 and (year % 100 != 0 or year % 400 == 0):
            put(date(year, 2, 29))
        else:
            put(date(year, month, clip[month]))
    return out
