"""Products: how Huabei (花呗) and Jiebei (借呗) charge, as frozen records."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from decimal import Decimal
from typing import Final, Literal

from .errors import InputError
from .rates import Rate, check_basis, exact_quotient, fraction
from .rules import HUABEI_BILL_INSTALLMENT_FEES, HUABEI_PURCHASE_INSTALLMENT_FEES, FeeTable

__all__ = ["HUABEI", "JIEBEI", "Capitalize", "Product"]

Capitalize = Literal["never", "monthly"]
_NO_FEES: Final = FeeTable("none", (), "no installment fee table", historic=False)
_MAX_PERIODS: Final = 600


@dataclass(frozen=True, slots=True)
class Product:
    """How a product charges: its contractual rate and its overdue rules.

    ``overdue_rate`` = ``rate × (1 + penalty_markup)``: each overdue day adds
    ``round_half_up(base × overdue daily rate, fen)`` (docs/rules.md#overdue-charges).
    ``rate`` may be given as a string for :meth:`Rate.parse`; ``penalty_markup`` and
    ``minimum_payment_ratio`` as a fraction or a percentage (``"50%"``); a fee table
    as a ``FeeTable`` or a mapping ``{periods: fee rate}``.

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
    # the overdue daily rate as ratio("day", basis) and, when exact and short, num / den:
    # accrue reads it on every call instead of converting the rate again
    overdue_daily: tuple[Decimal, int, Decimal | None] = field(
        init=False, repr=False, compare=False
    )

    def __post_init__(self) -> None:
        if not isinstance(self.name, str) or not self.name.strip():
            raise InputError("name", self.name, "must be a non-empty str")
        if not isinstance(self.rate, Rate | str):
            raise InputError("rate", self.rate, "must be a Rate (see Rate.parse)")
        set_ = object.__setattr__
        set_(self, "rate", Rate.parse(self.rate))
        set_(self, "penalty_markup", fraction(self.penalty_markup, "penalty_markup", Decimal(100)))
        ratio = fraction(self.minimum_payment_ratio, "minimum_payment_ratio", Decimal(1))
        set_(self, "minimum_payment_ratio", ratio)
        if isinstance(self.grace_days, bool) or not isinstance(self.grace_days, int):
            raise InputError("grace_days", self.grace_days, "must be an int of days")
        if not 0 <= self.grace_days <= 3660:
            raise InputError("grace_days", self.grace_days, "must be between 0 and 3660")
        check_basis(self.basis)
        if not isinstance(self.capitalize, str) or self.capitalize not in ("never", "monthly"):
            raise InputError("capitalize", self.capitalize, "must be 'never' or 'monthly'")
        for name in ("installment_fees", "purchase_installment_fees"):
            set_(self, name, _fee_table(getattr(self, name), name))
        overdue = _overdue(self.rate, self.penalty_markup, "penalty_markup")
        set_(self, "overdue_rate", overdue)
        num, den = overdue.ratio("day", self.basis)
        set_(self, "overdue_daily", (num, den, exact_quotient(num, den)))

    def with_rate(self, rate: object) -> Product:
        """A copy at another contractual rate: a ``Rate``, a string that names its period
        (``"0.06%/day"``, ``"日利率万分之六"``), or a value in the period of this product's
        rate (daily for both presets): ``"0.06%"``, ``Decimal("0.0006")``.

        >>> JIEBEI.with_rate("0.06%").rate == JIEBEI.with_rate("0.06%/day").rate
        True
        """
        new = _named_period(rate) or Rate.of(self.rate.period, rate)
        _overdue(new, self.penalty_markup, "rate", rate)
        return replace(self, rate=new)


def _named_period(rate: object) -> Rate | None:
    """A string that names its own period (``"0.06%/day"``, ``"年化18%"``), else ``None``."""
    if not isinstance(rate, str):
        return None
    try:
        return Rate.parse(rate)
    except InputError:
        return None  # no period named: the value is in the product's period


def _overdue(rate: Rate, markup: Decimal, name: str, raw: object = None) -> Rate:
    """``rate`` marked up; an overdue rate past the limits is blamed on ``name``."""
    try:
        return rate.marked_up(markup)
    except InputError as err:
        value = markup if raw is None else raw
        raise InputError(
            name,
            value,
            f"gives, with {rate} and a markup of {markup}, an overdue rate of {err.value}, "
            f"which {err.accepted}",
        ) from None


def _fee_table(table: object, name: str) -> FeeTable:
    """A ``FeeTable`` as it is; a mapping ``{periods: fee rate}`` checked and wrapped."""
    if not isinstance(table, Mapping):
        raise InputError(name, table, "must be a FeeTable or a mapping {periods: fee rate}")
    entries = []
    for periods, fee in table.items():
        if isinstance(periods, bool) or not isinstance(periods, int):
            raise InputError(name, table, f"has the key {periods!r}; keys are int periods")
        if not 1 <= periods <= _MAX_PERIODS:
            raise InputError(name, table, f"has {periods} periods; must be 1 to {_MAX_PERIODS}")
        entries.append((periods, fraction(fee, name, Decimal(1))))
    if isinstance(table, FeeTable):
        return table
    return FeeTable("custom", tuple(sorted(entries)), "given by the caller", historic=False)


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
