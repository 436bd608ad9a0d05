"""Installments of a loan missed one at a time (借呗 分期逾期).

Each missed installment is overdue from the day after its due date: its unpaid
principal, interest and fee bear the product's overdue rate (Jiebei: rate × 1.5,
罚息 on principal and 复利 on interest, PBoC 2003 No. 251) through ``until``,
each day's charge rounded half-up to the fen as :func:`~huabei_calc.overdue.accrue`
does. Installments not yet due keep their normal interest: the principal still
to come × the daily rate × the days since the last due date. Acceleration (the
whole remaining principal falling due) is off by default: no source gives Ant's
rule; ``docs/rules.md``.
"""

from __future__ import annotations

import decimal
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import Final, Literal

from ._check import check_date, whole_number
from .debt import Debt, apply_payment, make_debt
from .errors import InputError
from .money import Amount, amount, context, to_fen
from .overdue import accrue
from .products import Product
from .schedule import Installment, Schedule

__all__ = ["LoanOverdue", "LoanOverdueRow", "loan_overdue"]

Status = Literal["overdue", "not_due", "accelerated"]
_ZERO: Final = Decimal("0.00")
_CTX: Final = context()
_ORDER: Final = ("fees", "interest", "principal", "penalty")  # within an installment


@dataclass(frozen=True, slots=True)
class LoanOverdueRow:
    """What one installment (or the principal still to come) owes on ``until``.

    ``overdue``: a missed installment, ``days`` after its due date; ``principal``,
    ``interest``, ``fees`` unpaid, ``penalty`` charged on them. ``not_due``: the
    principal of the installments not yet due (from ``period`` on), with ``interest``
    accrued for ``days`` since the last due date. ``accelerated``: that principal
    called in on ``due`` (``accelerate_after_days``) and bearing the overdue rate.
    """

    period: int
    due: date
    status: Status
    principal: Decimal
    interest: Decimal
    fees: Decimal
    penalty: Decimal
    days: int


@dataclass(frozen=True, slots=True)
class LoanOverdue:
    """The result of :func:`loan_overdue`: ``debt`` owed on ``until`` (four buckets, it
    feeds ``freeze``/``compare``), its ``rows``, and the acceleration date if any."""

    debt: Debt
    rows: tuple[LoanOverdueRow, ...]
    until: date
    accelerated_on: date | None


def check_dated(schedule: object) -> tuple[Schedule, date, tuple[Installment, ...]]:
    """A schedule with due dates: ``(schedule, start, rows of period ≥ 1)``."""
    if not isinstance(schedule, Schedule) or schedule.method == "freeze":
        raise InputError("schedule", schedule, "err.rules.schedule")
    rows = tuple(row for row in schedule.rows if row.period >= 1)
    if schedule.start is None or not rows or any(row.due is None for row in rows):
        raise InputError("schedule", schedule.method, "err.rules.schedule_dates")
    return schedule, schedule.start, rows


def _missed(
    value: object, rows: tuple[Installment, ...], until: date
) -> dict[int, tuple[Installment, Decimal]]:
    """``{period: (row, amount paid toward it)}``, checked."""
    if isinstance(value, Mapping):
        items = list(value.items())
    elif isinstance(value, Sequence | set | frozenset) and not isinstance(value, str):
        items = [(period, 0) for period in value]
    else:
        raise InputError("missed", value, "err.rules.missed")
    by_period = {row.period: row for row in rows}
    lo, hi = rows[0].period, rows[-1].period
    out: dict[int, tuple[Installment, Decimal]] = {}
    for period, paid in items:
        if isinstance(period, bool) or not isinstance(period, int) or period not in by_period:
            raise InputError("missed", value, "err.rules.no_period", period=period, lo=lo, hi=hi)
        if period in out:
            raise InputError("missed", value, "err.rules.twice", period=period)
        row = by_period[period]
        assert row.due is not None  # checked by check_dated
        if row.due > until:
            raise InputError(
                "missed", value, "err.rules.not_due", period=period, due=row.due, until=until
            )
        part = amount(paid, "missed")
        if part >= row.payment:
            raise InputError(
                "missed", value, "err.rules.overpaid", paid=part, period=period, due=row.payment
            )
        out[period] = (row, part)
    return dict(sorted(out.items()))


def loan_overdue(
    schedule: Schedule,
    product: Product,
    *,
    missed: Sequence[int] | Mapping[int, Amount],
    until: date,
    accelerate_after_days: int | None = None,
) -> LoanOverdue:
    """What a loan with missed installments owes on ``until``.

    ``missed`` names the periods not paid: a tuple ``(3, 4)``, or a mapping
    ``{3: "500"}`` of what was paid toward each by its due date (partly paid; it went
    to the installment's fee, then interest, then principal). Every other installment
    due on or before ``until`` (with acceleration: before the call) was paid on its
    due date. Each missed installment's unpaid
    principal + interest + fee accrues ``product``'s overdue charge (rate × (1 +
    penalty_markup)) for each day after its due date through ``until``, one day's
    charge rounded half-up to the fen (``grace_days`` as in ``accrue``). The
    principal of the installments not yet due bears the product's daily rate for
    the days since the last due date (or the start), rounded half-up.

    ``accelerate_after_days`` (``None``: never, the default) calls the loan in that
    many days after the first missed due date: from then the principal of every
    installment due later, plus its normal interest to that day, is overdue too.
    Payments after the call are not modelled: every installment due after it is
    part of the principal called in, named in ``missed`` or not (an amount named
    toward one is taken off that principal).

    Example (``docs/rules.md``): an installment of 1,000 principal and 50 interest,
    0.04% a day × 1.5, 10 days overdue: 1,050 × 0.06% = 0.63 a day → 6.30.

    >>> from huabei_calc import JIEBEI, Installment, Schedule
    >>> D = Decimal
    >>> s = Schedule((Installment(1, date(2025, 2, 1), D("1050.00"), D("1000.00"), D("50.00"),
    ...                           D("0.00"), D("1000.00")),
    ...               Installment(2, date(2025, 3, 1), D("1050.00"), D("1000.00"), D("50.00"),
    ...                           D("0.00"), D("0.00"))), D("2000.00"), start=date(2025, 1, 1))
    >>> late = loan_overdue(s, JIEBEI.with_rate("0.04%"), missed=(1,), until=date(2025, 2, 11))
    >>> for row in late.rows:
    ...     print(row.status, row.interest, row.penalty)
    overdue 50.00 6.30
    not_due 4.00 0.00
    >>> late.debt.total
    Decimal('2060.30')
    """
    schedule, start, rows = check_dated(schedule)
    if not isinstance(product, Product):
        raise InputError("product", product, "err.rules.product")
    end = check_date(until, "until")
    if end < start:
        raise InputError("until", end, "err.rules.before_start", day=start)
    late = _missed(missed, rows, end)
    accel: date | None = None
    lag = None
    if accelerate_after_days is not None:
        lag = whole_number(accelerate_after_days, "accelerate_after_days", 0, 36600)
    if lag is not None and late:
        first_due = next(iter(late.values()))[0].due
        assert first_due is not None
        if (end - first_due).days > lag:
            accel = first_due + timedelta(days=lag)
    cut = accel or end  # installments due after it are not yet due (or called in)
    out: list[LoanOverdueRow] = []
    with decimal.localcontext(_CTX):
        for period, (row, paid) in late.items():
            assert row.due is not None
            if row.due > cut:
                continue  # called in with the rest of the principal
            owed = make_debt(row.principal, row.interest, row.fee, _ZERO)
            left = apply_payment(owed, paid, _ORDER).debt
            charged = accrue(left, product, since=row.due, until=end).charged
            days = (end - row.due).days
            out.append(
                LoanOverdueRow(
                    period,
                    row.due,
                    "overdue",
                    left.principal,
                    left.interest,
                    left.fees,
                    charged,
                    days,
                )
            )
        later = [row for row in rows if row.due is not None and row.due > cut]
        if later:
            out.append(_rest(later, late, product, start, rows, cut, end, accel))
        total = {
            name: sum((getattr(row, name) for row in out), _ZERO)
            for name in ("principal", "interest", "fees", "penalty")
        }
    return LoanOverdue(make_debt(**total), tuple(out), end, accel)


def _rest(
    later: list[Installment],
    late: dict[int, tuple[Installment, Decimal]],
    product: Product,
    start: date,
    rows: tuple[Installment, ...],
    cut: date,
    end: date,
    accel: date | None,
) -> LoanOverdueRow:
    """The principal still to come: normal interest since the last due date, and, when
    called in on ``accel``, the overdue charge on it from then through ``end``."""
    paid_later = sum((late[row.period][1] for row in later if row.period in late), _ZERO)
    principal = sum((row.principal for row in later), _ZERO) - paid_later
    principal = max(principal, _ZERO)
    last = max((row.due for row in rows if row.due is not None and row.due <= cut), default=start)
    num, den = product.rate.ratio("day", product.basis)
    days = (cut - last).days
    interest = to_fen(principal * num * days / den)
    first = later[0]
    assert first.due is not None
    if accel is None:
        return LoanOverdueRow(
            first.period, first.due, "not_due", principal, interest, _ZERO, _ZERO, days
        )
    owed = make_debt(principal, interest, _ZERO, _ZERO)
    charged = accrue(owed, product, since=accel, until=end).charged
    return LoanOverdueRow(
        first.period,
        accel,
        "accelerated",
        principal,
        interest,
        _ZERO,
        charged,
        (end - accel).days,
    )
