"""Repayment schedules: 等额本息, 等额本金, 先息后本, 花呗分期 — and the Schedule value.

SKELETON: the builders are being written; the record types below are the fixed interface.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

__all__ = ["Installment", "Schedule"]


@dataclass(frozen=True, slots=True)
class Installment:
    """One row of a schedule. ``payment == principal + interest + fee``; ``balance`` after it."""

    period: int
    due: date | None
    payment: Decimal
    principal: Decimal
    interest: Decimal
    fee: Decimal
    balance: Decimal


@dataclass(frozen=True, slots=True)
class Schedule:
    """A repayment schedule: rows (period 0 = a down payment, if any) and totals.

    ``principal`` is the amount lent (for a 停息挂账 plan: the frozen amount, down
    payment included); ``waived`` names the buckets a plan wrote off.
    """

    rows: tuple[Installment, ...]
    principal: Decimal
    method: str = "custom"
    waived: tuple[str, ...] = ()
