"""Month arithmetic anchored on a start date, as ``start + relativedelta(months=k)``.

Written out (rather than calling dateutil per row) because it runs once per
schedule row; a test proves it equal to dateutil's ``relativedelta``.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date

__all__ = ["add_months"]


def add_months(start: date, months: int) -> date:
    """``start`` plus ``months`` calendar months, the day clipped to the month's end.

    Always computed from the anchor, never chained: 31 Jan + 1 → 28/29 Feb,
    31 Jan + 2 → 31 Mar.

    >>> add_months(date(2024, 1, 31), 1), add_months(date(2024, 1, 31), 2)
    (datetime.date(2024, 2, 29), datetime.date(2024, 3, 31))
    """
    index = start.year * 12 + start.month - 1 + months
    year, month = divmod(index, 12)
    month += 1
    day = start.day
    if day > 28:
        day = min(day, monthrange(year, month)[1])
    return date(year, month, day)
