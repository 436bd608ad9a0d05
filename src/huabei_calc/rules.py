"""Dated, sourced rules: fee tables, default rates, legal reference points.

Every record says where it comes from and from when it applies. No Huabei or
Jiebei contract text is public; the sources are public reprints and are listed
with their dates in ``docs/sources.md``.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final

__all__ = [
    "HUABEI_BILL_INSTALLMENT_FEES",
    "HUABEI_PURCHASE_INSTALLMENT_FEES",
    "LPR_ONE_YEAR",
    "MAX_FREEZE_PERIODS",
    "FeeTable",
    "LprRecord",
]


@dataclass(frozen=True, slots=True)
class FeeTable(Mapping[int, Decimal]):
    """A read-only table: number of periods → total fee rate (a fraction of principal).

    >>> HUABEI_BILL_INSTALLMENT_FEES[12]
    Decimal('0.088')
    >>> sorted(HUABEI_BILL_INSTALLMENT_FEES)
    [3, 6, 9, 12]
    """

    name: str
    entries: tuple[tuple[int, Decimal], ...]
    source: str
    as_of: date | None = None
    historic: bool = True

    def __getitem__(self, periods: int) -> Decimal:
        for n, fee in self.entries:
            if n == periods:
                return fee
        raise KeyError(periods)

    def __iter__(self) -> Iterator[int]:
        return (n for n, _ in self.entries)

    def __len__(self) -> int:
        return len(self.entries)


HUABEI_BILL_INSTALLMENT_FEES: Final = FeeTable(
    name="Huabei bill installment (账单分期), historic",
    entries=(
        (3, Decimal("0.025")),
        (6, Decimal("0.045")),
        (9, Decimal("0.065")),
        (12, Decimal("0.088")),
    ),
    source="Huabei bill-installment fee rates as shown in the Alipay app, "
    "reprinted by public guides (see docs/sources.md); rates are set per user",
    as_of=date(2024, 1, 1),
)

HUABEI_PURCHASE_INSTALLMENT_FEES: Final = FeeTable(
    name="Huabei purchase installment (交易分期), historic",
    entries=(
        (3, Decimal("0.023")),
        (6, Decimal("0.045")),
        (12, Decimal("0.075")),
    ),
    source="Huabei purchase-installment fee rates as shown at checkout, "
    "reprinted by public guides (see docs/sources.md); rates are set per user",
    as_of=date(2024, 1, 1),
)

MAX_FREEZE_PERIODS: Final = 60
"""商业银行信用卡业务监督管理办法 (CBRC 2011 No. 2) art. 70: a personalised
installment agreement lasts at most 5 years; the library's default limit."""


@dataclass(frozen=True, slots=True)
class LprRecord:
    """One-year Loan Prime Rate (贷款市场报价利率) in force from ``effective``."""

    effective: date
    rate: Decimal
    source: str = "National Interbank Funding Center LPR announcements"


LPR_ONE_YEAR: Final = (
    LprRecord(date(2019, 8, 20), Decimal("0.0425")),
    LprRecord(date(2024, 10, 21), Decimal("0.0310")),
    LprRecord(date(2025, 5, 20), Decimal("0.0300")),
)
"""Reference points of the one-year LPR (a sample, not every change)."""
