"""Products: how Huabei (花呗) and Jiebei (借呗) charge, as frozen records."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Final, Literal

from .errors import InputError
from .rates import Rate
from .rules import HUABEI_BILL_INSTALLMENT_FEES, HUABEI_PURCHASE_INSTALLMENT_FEES, FeeTable

__all__ = ["HUABEI", "JIEBEI", "Capitalize", "Product"]

Capitalize = Literal["never", "monthly"]
_NO_FEES: Final = FeeTable("none", (), "no installment fee table", HUABEI_BILL_INSTALLMENT_FEES.as_of)


@dataclass(frozen=True, slots=True)
class Product:
    """How a product charges: its contractual rate and its overdue rules.

    ``overdue_rate`` = ``rate × (1 + penalty_markup)``: each overdue day adds
    ``round_half_up(base × overdue daily rate, fen)`` (DOMAIN.md, "Overdue charges").

    >>> str(JIEBEI.overdue_rate), str(HUABEI.overdue_rate)
    ('0.075%/day', '0.05%/day')
    >>> str(JIEBEI.with_rate("0.06%").overdue_rate)
    '0.09%/day'
    """

    name: str
    rate: Rate
    penalty_markup: Decimal = Decimal(0)
    grace_days: int = 0
    basis: int = 360
    capitalize: Capitalize = "never"
    installment_fees: FeeTable = _NO_FEES
    purchase_installment_fees: FeeTable = _NO_FEES
    minimum_payment_ratio: Decimal = Decimal(0)
    overdue_rate: Rate = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.rate, Rate):
            raise InputError("rate", self.rate, "must be a Rate (see Rate.parse)")
        for name in ("penalty_markup", "minimum_payment_ratio"):
            value = getattr(self, name)
            if not isinstance(value, Decimal) or not value.is_finite() or not 0 <= value <= 100:
                raise InputError(name, value, "must be a Decimal fraction between 0 and 100")
        if isinstance(self.grace_days, bool) or not isinstance(self.grace_days, int):
            raise InputError("grace_days", self.grace_days, "must be an int of days")
        if not 0 <= self.grace_days <= 3660:
            raise InputError("grace_days", self.grace_days, "must be between 0 and 3660")
        if isinstance(self.basis, bool) or self.basis not in (360, 365):
            raise InputError("basis", self.basis, "must be 360 or 365 (days in a year)")
        if self.capitalize not in ("never", "monthly"):
            raise InputError("capitalize", self.capitalize, "must be 'never' or 'monthly'")
        object.__setattr__(self, "overdue_rate", self.rate.marked_up(self.penalty_markup))

    def with_rate(self, rate: object) -> Product:
        """A copy at another contractual rate: a ``Rate``, or a value in the period of
        this product's rate (daily for both presets): ``"0.06%"``, ``Decimal("0.0006")``."""
        return replace(self, rate=Rate.of(self.rate.period, rate))


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
