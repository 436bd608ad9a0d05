"""Huabei's minimum payment (最低还款): where paying only the minimum leads.

A statement's minimum is ``ratio`` (10% by default, ``Product.minimum_payment_ratio``)
of its principal plus 100% of the interest billed on it (the reprinted Alipay
formula; ``docs/rules.md``). Paying the minimum is not overdue: the principal
left after the due date bears the product's daily rate (0.05%) from the day
after the due date, and that interest is billed on the next statement. New
purchases bear no interest until their first due date.
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Final, Literal

from ._check import MAX_SCHEDULE_PERIODS, check_date, check_horizon, whole_number
from ._dates import add_months
from .errors import InputError
from .loans import equal_installment
from .money import FEN, Amount, amount, context, to_fen
from .products import HUABEI, Product
from .rates import fraction

__all__ = ["MinimumPath", "MinimumRow", "minimum_payment_path"]

Revolved = Literal["ratio", "full"]
"""How principal carried from an earlier statement counts in the minimum: in the
``ratio`` pool with new purchases (the newer reprinted formula, the default) or
``full``: 100% due (an older Q&A answer)."""

_ZERO: Final = Decimal("0.00")
_CTX: Final = context()


@dataclass(frozen=True, slots=True)
class MinimumRow:
    """One statement: its ``minimum``, the ``interest`` billed on it, the ``principal``
    the payment on ``due`` repaid, the principal ``balance`` left after it, and what
    was ``paid`` (the minimum, or more with ``pay=``)."""

    statement: date
    minimum: Decimal
    interest: Decimal
    principal: Decimal
    balance: Decimal
    due: date
    paid: Decimal


@dataclass(frozen=True, slots=True)
class MinimumPath:
    """The result of :func:`minimum_payment_path`.

    ``months_to_clear`` is the number of payments until nothing is owed (``None`` if
    not within the months projected); ``total_interest`` and ``total_paid`` sum the
    rows. ``level_payment`` and ``level_total_interest`` are the contrast: the same
    balance cleared in 12 equal monthly payments at the product's rate (monthly rate
    = daily × basis / 12), without new purchases.
    """

    rows: tuple[MinimumRow, ...]
    months_to_clear: int | None
    total_interest: Decimal
    total_paid: Decimal
    level_payment: Decimal
    level_total_interest: Decimal


def minimum_payment_path(
    balance: Amount,
    *,
    start: date,
    product: Product = HUABEI,
    new_spending: Amount = 0,
    months: int | None = None,
    ratio: Decimal | str | None = None,
    revolved: Revolved = "ratio",
    pay: Amount | None = None,
    due_after_days: int = 9,
) -> MinimumPath:
    """Project paying only the minimum, month by month, from a statement of ``balance``.

    Statements fall on ``start`` and monthly after it (anchored on ``start``), each
    due ``due_after_days`` later (statement on the 1st, due on the 10th). On each
    statement: the principal = what was left after the last payment + ``new_spending``;
    the minimum = ``ratio`` × that principal (``revolved="full"``: × the new purchases
    only, plus 100% of the carried principal), rounded half-up, at least 0.01, at most
    the principal, plus 100% of the interest billed. The payment (the minimum, or
    ``pay`` if larger, never above what is owed) goes to interest first, then
    principal (Civil Code art. 561) and is made on the due date. Interest: the
    principal carried past a due date × the product's daily rate × the days after
    it, computed exactly per span of constant balance and rounded half-up once, on
    the statement that bills it. ``months`` (1–600) caps the projection; ``None``
    runs until cleared (with ``new_spending``: all ``months``, 600), at most 600 months.
    Cleared means nothing is carried past a due date and no interest is left to bill.

    Example (a reprinted Alipay help text): 1,000 billed, 100 paid, the 900 left
    bears 900 × 0.05% = 0.45 a day from the day after the due date:

    >>> path = minimum_payment_path("1000", start=date(2024, 11, 1), months=3)
    >>> for row in path.rows:
    ...     print(row.statement, row.minimum, row.interest, row.balance)
    2024-11-01 100.00 0.00 900.00
    2024-12-01 99.45 9.45 810.00
    2025-01-01 93.96 12.96 729.00
    """
    owed = amount(balance, "balance", allow_zero=False)
    day0 = check_date(start, "start")
    if not isinstance(product, Product):
        raise InputError("product", product, "err.rules.product")
    spend = amount(new_spending, "new_spending")
    limit = (
        MAX_SCHEDULE_PERIODS
        if months is None
        else whole_number(months, "months", 1, MAX_SCHEDULE_PERIODS)
    )
    share = product.minimum_payment_ratio if ratio is None else fraction(ratio, "ratio", Decimal(1))
    if revolved not in ("ratio", "full"):
        raise InputError("revolved", revolved, "err.rules.revolved")
    fixed = None if pay is None else amount(pay, "pay")
    lag = timedelta(days=whole_number(due_after_days, "due_after_days", 0, 27))
    if months is None:
        check_horizon(day0, limit + 1, "start", day0)
    else:
        check_horizon(day0, limit + 1, "months", months)
    num, den = product.rate.ratio("day", product.basis)
    rows: list[MinimumRow] = []
    cleared: int | None = None
    with decimal.localcontext(_CTX):
        carried, pending, prev_due = _ZERO, Decimal(0), day0
        for k in range(limit):
            statement = add_months(day0, k)
            due = statement + lag
            pending += carried * num * (statement - prev_due).days / den
            interest, pending = to_fen(pending), Decimal(0)
            new = owed if k == 0 else spend
            principal = carried + new
            pool = principal if revolved == "ratio" else new
            part = to_fen(share * pool) + (_ZERO if revolved == "ratio" else carried)
            part = min(max(part, min(principal, FEN)), principal)
            minimum = part + interest
            paid = minimum if fixed is None else max(minimum, min(fixed, principal + interest))
            # the carried principal bears interest through the due date, billed next time
            pending += carried * num * (due - statement).days / den
            left = principal - (paid - interest)
            rows.append(MinimumRow(statement, minimum, interest, paid - interest, left, due, paid))
            carried, prev_due = left, due
            if cleared is None and not left and not to_fen(pending):
                cleared = k + 1  # nothing carried past this due date
                if not spend:
                    break
        total_interest = sum((row.interest for row in rows), _ZERO)
        total_paid = sum((row.paid for row in rows), _ZERO)
    level = equal_installment(owed, 12, product.rate, basis=product.basis)
    return MinimumPath(
        tuple(rows),
        cleared,
        total_interest,
        total_paid,
        level.rows[0].payment,
        level.total_interest,
    )
