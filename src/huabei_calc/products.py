"""Products: how Huabei (花呗) and Jiebei (借呗) charge, as frozen records."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Final, Literal

from ._check import MAX_SCHEDULE_PERIODS, whole_number
from .errors import InputError, show
from .rates import (
    ABOVE_LIMIT,
    FractionLike,
    Rate,
    check_basis,
    exact_quotient,
    fraction,
    percent,
)
from .rules import HUABEI_BILL_INSTALLMENT_FEES, HUABEI_PURCHASE_INSTALLMENT_FEES, FeeTable

__all__ = ["HUABEI", "JIEBEI", "Product"]

Capitalize = Literal["never", "monthly"]
_NO_FEES: Final = FeeTable("none", (), "no installment fee table", historic=False)
_MAX_GRACE_DAYS: Final = 3660


@dataclass(frozen=True, slots=True, init=False)
class Product:
    """How a product charges: its contractual rate and its overdue rules.

    ``overdue_rate`` = ``rate × (1 + penalty_markup)``: each overdue day adds
    ``round_half_up(base × overdue daily rate, fen)`` (docs/rules.md#overdue-charges).
    ``rate`` may be given as a string for :meth:`Rate.parse`; ``penalty_markup`` and
    ``minimum_payment_ratio`` as a fraction or a percentage (``"50%"``); a fee table
    as a ``FeeTable`` or a mapping ``{periods: fee rate}``. Every field holds the
    converted value (a ``Rate``, ``Decimal`` fractions, ``FeeTable`` with a tuple of
    ``(periods, Decimal)`` entries), so a product is hashable and shares nothing
    mutable with the caller.

    >>> str(JIEBEI.overdue_rate), str(HUABEI.overdue_rate)
    ('0.075%/day', '0.05%/day')
    >>> str(JIEBEI.with_rate("0.06%").overdue_rate)
    '0.09%/day'
    >>> Product("mine", "0.04%/day", penalty_markup="50%").overdue_rate
    Rate.parse('0.06%/day')
    """

    name: str
    rate: Rate
    penalty_markup: Decimal
    grace_days: int
    basis: int
    capitalize: Capitalize
    installment_fees: FeeTable
    purchase_installment_fees: FeeTable
    minimum_payment_ratio: Decimal
    overdue_rate: Rate = field(init=False, repr=False, compare=False)
    # the overdue daily rate as ratio("day", basis) and, when exact and short, num / den:
    # accrue reads it on every call instead of converting the rate again
    overdue_daily: tuple[Decimal, int, Decimal | None] = field(
        init=False, repr=False, compare=False
    )

    def __init__(
        self,
        name: str,
        rate: Rate | str,
        penalty_markup: FractionLike = Decimal(0),
        grace_days: int = 0,
        basis: int = 360,
        capitalize: Capitalize = "never",
        installment_fees: Mapping[int, FractionLike] = _NO_FEES,
        purchase_installment_fees: Mapping[int, FractionLike] = _NO_FEES,
        minimum_payment_ratio: FractionLike = Decimal(0),
    ) -> None:
        set_ = object.__setattr__
        if not isinstance(name, str) or not name.strip():
            raise InputError("name", name, "err.name")
        set_(self, "name", name)
        if not isinstance(rate, Rate | str):
            raise InputError("rate", rate, "err.product_rate")
        set_(self, "rate", Rate.parse(rate))
        markup = fraction(penalty_markup, "penalty_markup", Decimal(100))
        set_(self, "penalty_markup", markup)
        ratio = fraction(minimum_payment_ratio, "minimum_payment_ratio", Decimal(1))
        set_(self, "minimum_payment_ratio", ratio)
        set_(self, "grace_days", whole_number(grace_days, "grace_days", 0, _MAX_GRACE_DAYS))
        set_(self, "basis", check_basis(basis))
        if not isinstance(capitalize, str) or capitalize not in ("never", "monthly"):
            raise InputError("capitalize", capitalize, "err.capitalize")
        set_(self, "capitalize", capitalize)
        set_(self, "installment_fees", _fee_table(installment_fees, "installment_fees"))
        purchase = _fee_table(purchase_installment_fees, "purchase_installment_fees")
        set_(self, "purchase_installment_fees", purchase)
        overdue = _overdue(self.rate, markup, "penalty_markup", penalty_markup)
        set_(self, "overdue_rate", overdue)
        num, den = overdue.ratio("day", self.basis)
        set_(self, "overdue_daily", (num, den, exact_quotient(num, den)))

    def with_rate(self, rate: Rate | FractionLike) -> Product:
        """A copy at another contractual rate: a ``Rate``, a string that names its period
        (``"0.06%/day"``, ``"日利率万分之六"``), or a value in the period of this product's
        rate (daily for both presets): ``"0.06%"``, ``Decimal("0.0006")``.

        A rate past the limits is refused with the reason (``"2%/day"``: above
        1%/day), and so is one whose overdue rate would pass them.

        >>> JIEBEI.with_rate("0.06%").rate == JIEBEI.with_rate("0.06%/day").rate
        True
        """
        new = _named_period(rate) or Rate.of(self.rate.period, rate)
        _overdue(new, self.penalty_markup, "rate", rate)
        return replace(self, rate=new)


def _named_period(rate: object) -> Rate | None:
    """A string that names its own period (``"0.06%/day"``, ``"年化18%"``), else ``None``.

    Only a string that names no period is left to the caller; any other reason
    ``Rate.parse`` has to refuse it (above the limits, two periods) is raised.
    """
    if not isinstance(rate, str):
        return None
    try:
        return Rate.parse(rate)
    except InputError as err:
        if err.code in ("err.rate_no_period", "err.rate_no_unit_period"):
            return None  # no period named: the value is in the product's period
        raise


def _overdue(rate: Rate, markup: Decimal, name: str, raw: object) -> Rate:
    """``rate`` marked up; an overdue rate past the limits is blamed on ``name``."""
    try:
        return rate.marked_up(markup)
    except InputError as err:
        if err.code not in ABOVE_LIMIT:
            raise
        raise InputError(
            name,
            raw,
            f"err.overdue_rate_{rate.period}",
            rate=percent(rate.value),  # "0.9%": the words name the period
            markup=percent(markup),  # 0.5 -> "50%"
            overdue=str(err.value).rpartition("/")[0],  # "1.35%/day" -> "1.35%"
        ) from None


def _fee_table(table: object, name: str) -> FeeTable:
    """A ``FeeTable`` or a mapping ``{periods: fee rate}``, checked and converted.

    The entries become a sorted tuple of ``(int, Decimal)``; a ``FeeTable`` whose
    entries are that already is kept as it is.
    """
    if not isinstance(table, Mapping):
        raise InputError(name, table, "err.fee_table")
    entries = []
    for periods, fee in table.items():
        if isinstance(periods, bool) or not isinstance(periods, int):
            raise InputError(name, table, "err.fee_key", key=show(periods))
        if not 1 <= periods <= MAX_SCHEDULE_PERIODS:
            raise InputError(
                name, table, "err.fee_periods", periods=show(periods), hi=MAX_SCHEDULE_PERIODS
            )
        entries.append((int(periods), fraction(fee, name, Decimal(1))))
    if not isinstance(table, FeeTable):
        return FeeTable("custom", tuple(sorted(entries)), "given by the caller", historic=False)
    if type(table.entries) is tuple and all(
        type(n) is int and type(f) is Decimal and (n, f) == e
        for (n, f), e in zip(table.entries, entries, strict=True)
    ):
        return table
    return replace(table, entries=tuple(entries))


HUABEI: Final = Product(
    name="huabei",
    rate=Rate.daily("0.05%"),
    penalty_markup=Decimal(0),
    basis=365,
    installment_fees=HUABEI_BILL_INSTALLMENT_FEES,
    purchase_installment_fees=HUABEI_PURCHASE_INSTALLMENT_FEES,
    minimum_payment_ratio=Decimal("0.10"),
)
"""Huabei (花呗): overdue fee 0.05% a day on the unpaid amount, no markup, quoted × 365."""

JIEBEI: Final = Product(
    name="jiebei",
    rate=Rate.daily("0.05%"),
    penalty_markup=Decimal("0.5"),
    basis=360,
)
"""Jiebei (借呗): contractual 0.05% a day (personal: use ``with_rate``), penalty × 1.5."""
