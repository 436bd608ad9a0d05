"""Early settlement (提前还款): what it takes to clear a schedule on a given day.

A loan (Jiebei): the principal outstanding plus interest for the days used since
the last due date, no fee (Civil Code art. 677: interest for the actual period
of the loan). A Huabei installment plan (``flat_fee``): the principal still to
come plus the fees of periods already billed; fees of periods not yet billed are
waived, a convention (no Ant source found; ``docs/rules.md``).
"""

from __future__ import annotations

import decimal
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Final

from ._check import check_date, whole_number
from .errors import InputError
from .installments import check_dated
from .money import context, to_fen
from .products import Product
from .schedule import Schedule

__all__ = ["Settlement", "settle_early"]

_ZERO: Final = Decimal("0.00")
_CTX: Final = context()


@dataclass(frozen=True, slots=True)
class Settlement:
    """The result of :func:`settle_early`.

    ``amount`` = ``principal`` + ``interest`` + ``fees`` paid on ``on``;
    ``scheduled`` is what the installments not yet paid would have cost;
    ``saving`` = ``scheduled`` − ``amount``.
    """

    on: date
    amount: Decimal
    principal: Decimal
    interest: Decimal
    fees: Decimal
    scheduled: Decimal
    saving: Decimal


def settle_early(
    schedule: Schedule,
    on: date,
    *,
    product: Product,
    waive_unbilled_fees: bool = True,
    billed_days_before: int = 9,
) -> Settlement:
    """The amount that clears ``schedule`` on ``on``, and the saving against paying it out.

    Installments due before ``on`` were paid. A loan: the principal still owed plus
    its interest at ``product``'s daily rate for the days since the last due date
    (or the start; repaid on the day it was lent: one day, "当天借当天还就算一天"),
    rounded half-up, and at most the interest of the installment now running (so
    settling never costs more than paying as scheduled); no fee. ``product``'s
    rate should be the loan's (``JIEBEI.with_rate(...)``). A Huabei installment plan
    (``flat_fee``): the principal still to come plus the fee of every unpaid period
    already billed (``billed_days_before`` its due date: statement on the 1st, due
    on the 10th); with ``waive_unbilled_fees=False`` every remaining fee is kept.

    >>> from huabei_calc import JIEBEI, equal_installment
    >>> loan = equal_installment("10000", 12, "0.05%/day", start=date(2025, 1, 1),
    ...                          interest="actual")
    >>> s = settle_early(loan, date(2025, 1, 21), product=JIEBEI)
    >>> s.amount, s.interest
    (Decimal('10100.00'), Decimal('100.00'))
    """
    schedule, start, rows = check_dated(schedule)
    if not isinstance(product, Product):
        raise InputError("product", product, "err.rules.product")
    day = check_date(on, "on")
    if day < start:
        raise InputError("on", day, "err.rules.before_start", day=start)
    last_due = rows[-1].due
    assert last_due is not None
    if day > last_due:
        raise InputError("on", day, "err.rules.after_last", last=last_due)
    if not isinstance(waive_unbilled_fees, bool):
        raise InputError("waive_unbilled_fees", waive_unbilled_fees, "err.rules.bool")
    lead = timedelta(days=whole_number(billed_days_before, "billed_days_before", 0, 27))
    left = [row for row in rows if row.due is not None and row.due >= day]
    with decimal.localcontext(_CTX):
        principal = sum((row.principal for row in left), _ZERO)
        scheduled = sum((row.payment for row in left), _ZERO)
        interest = fees = _ZERO
        if schedule.method == "flat_fee":
            fees = sum(
                (
                    row.fee
                    for row in left
                    if not waive_unbilled_fees or (row.due is not None and row.due - lead <= day)
                ),
                _ZERO,
            )
        else:
            since = max(
                (row.due for row in rows if row.due is not None and row.due < day), default=start
            )
            num, den = product.rate.ratio("day", product.basis)
            days = max((day - since).days, 1)  # repaid the day it was lent: one day
            # never more than the running installment's own interest (a 30/360 schedule
            # bills 30 days for a 31-day month): settling early never costs more
            interest = min(to_fen(principal * num * days / den), left[0].interest)
        total = principal + interest + fees
    return Settlement(day, total, principal, interest, fees, scheduled, scheduled - total)
