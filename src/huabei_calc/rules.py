"""Dated, sourced rules: fee tables, the one-year LPR table, legal reference lines.

Every record says where it comes from and from when it applies. No Huabei or
Jiebei contract text is public; the sources are public reprints and are listed
with their dates in ``docs/sources.md``; every rule, its date and how sure we are
of it is on ``docs/rules.md``. The functions that use the lines are in
:mod:`huabei_calc.legal`.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Final, Literal

__all__ = [
    "HUABEI_BILL_INSTALLMENT_FEES",
    "HUABEI_PURCHASE_INSTALLMENT_FEES",
    "LPR_ONE_YEAR",
    "LPR_TABLE_CHECKED",
    "REFERENCE_LINES",
    "Confidence",
    "FeeTable",
    "Lender",
    "LprRecord",
    "ReferenceLine",
]

Lender = Literal["financial", "private"]
"""Who lent: a licensed financial institution (bank, consumer-finance company such as
重庆蚂蚁消费金融 for Huabei/Jiebei, micro-lender) or a private lender (民间借贷)."""

Confidence = Literal["high", "medium", "low"]


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


@dataclass(frozen=True, slots=True)
class LprRecord:
    """One publication of the one-year Loan Prime Rate (一年期贷款市场报价利率).

    ``rate`` (a fraction: 0.0345 is 3.45%) is in force from ``effective`` (the
    publication date, about 09:00) until the next publication.
    """

    effective: date
    rate: Decimal
    source: str = "National Interbank Funding Center LPR announcements"


_AB: Final = (
    "NIFC one-year LPR publication; two independent tables agree "
    "(a seed table labelled 中国人民银行官网, and a PBOC LPR history CSV)"
)
_A: Final = (
    "NIFC one-year LPR publication; one table only (a seed table labelled 中国人民银行官网), "
    "confidence medium"
)
_FEB_2021: Final = (
    "NIFC one-year LPR publication; value 3.85% in both tables, the date differs: 2021-02-20 "
    "(a Saturday make-up working day) in one, 2021-02-22 in the other; 2021-02-20 is used"
)

LPR_ONE_YEAR: Final = (
    LprRecord(date(2019, 8, 20), Decimal("0.0425"), _AB),
    LprRecord(date(2019, 9, 20), Decimal("0.0420"), _AB),
    LprRecord(date(2019, 10, 21), Decimal("0.0420"), _AB),
    LprRecord(date(2019, 11, 20), Decimal("0.0415"), _AB),
    LprRecord(date(2019, 12, 20), Decimal("0.0415"), _AB),
    LprRecord(date(2020, 1, 20), Decimal("0.0415"), _AB),
    LprRecord(date(2020, 2, 20), Decimal("0.0405"), _AB),
    LprRecord(date(2020, 3, 20), Decimal("0.0405"), _AB),
    LprRecord(date(2020, 4, 20), Decimal("0.0385"), _AB),
    LprRecord(date(2020, 5, 20), Decimal("0.0385"), _AB),
    LprRecord(date(2020, 6, 22), Decimal("0.0385"), _AB),
    LprRecord(date(2020, 7, 20), Decimal("0.0385"), _AB),
    LprRecord(date(2020, 8, 20), Decimal("0.0385"), _AB),
    LprRecord(date(2020, 9, 21), Decimal("0.0385"), _AB),
    LprRecord(date(2020, 10, 20), Decimal("0.0385"), _AB),
    LprRecord(date(2020, 11, 20), Decimal("0.0385"), _AB),
    LprRecord(date(2020, 12, 21), Decimal("0.0385"), _AB),
    LprRecord(date(2021, 1, 20), Decimal("0.0385"), _AB),
    LprRecord(date(2021, 2, 20), Decimal("0.0385"), _FEB_2021),
    LprRecord(date(2021, 3, 22), Decimal("0.0385"), _AB),
    LprRecord(date(2021, 4, 20), Decimal("0.0385"), _AB),
    LprRecord(date(2021, 5, 20), Decimal("0.0385"), _AB),
    LprRecord(date(2021, 6, 21), Decimal("0.0385"), _AB),
    LprRecord(date(2021, 7, 20), Decimal("0.0385"), _AB),
    LprRecord(date(2021, 8, 20), Decimal("0.0385"), _AB),
    LprRecord(date(2021, 9, 22), Decimal("0.0385"), _AB),
    LprRecord(date(2021, 10, 20), Decimal("0.0385"), _AB),
    LprRecord(date(2021, 11, 22), Decimal("0.0385"), _AB),
    LprRecord(date(2021, 12, 20), Decimal("0.0380"), _AB),
    LprRecord(date(2022, 1, 20), Decimal("0.0370"), _AB),
    LprRecord(date(2022, 2, 21), Decimal("0.0370"), _AB),
    LprRecord(date(2022, 3, 21), Decimal("0.0370"), _AB),
    LprRecord(date(2022, 4, 20), Decimal("0.0370"), _AB),
    LprRecord(date(2022, 5, 20), Decimal("0.0370"), _AB),
    LprRecord(date(2022, 6, 20), Decimal("0.0370"), _AB),
    LprRecord(date(2022, 7, 20), Decimal("0.0370"), _AB),
    LprRecord(date(2022, 8, 22), Decimal("0.0365"), _AB),
    LprRecord(date(2022, 9, 20), Decimal("0.0365"), _AB),
    LprRecord(date(2022, 10, 20), Decimal("0.0365"), _AB),
    LprRecord(date(2022, 11, 21), Decimal("0.0365"), _AB),
    LprRecord(date(2022, 12, 20), Decimal("0.0365"), _AB),
    LprRecord(date(2023, 1, 20), Decimal("0.0365"), _AB),
    LprRecord(date(2023, 2, 20), Decimal("0.0365"), _AB),
    LprRecord(date(2023, 3, 20), Decimal("0.0365"), _AB),
    LprRecord(date(2023, 4, 20), Decimal("0.0365"), _AB),
    LprRecord(date(2023, 5, 22), Decimal("0.0365"), _AB),
    LprRecord(date(2023, 6, 20), Decimal("0.0355"), _AB),
    LprRecord(date(2023, 7, 20), Decimal("0.0355"), _AB),
    LprRecord(date(2023, 8, 21), Decimal("0.0345"), _AB),
    LprRecord(date(2023, 9, 20), Decimal("0.0345"), _AB),
    LprRecord(date(2023, 10, 20), Decimal("0.0345"), _AB),
    LprRecord(date(2023, 11, 20), Decimal("0.0345"), _AB),
    LprRecord(date(2023, 12, 20), Decimal("0.0345"), _AB),
    LprRecord(date(2024, 1, 22), Decimal("0.0345"), _AB),
    LprRecord(date(2024, 2, 20), Decimal("0.0345"), _AB),
    LprRecord(date(2024, 3, 20), Decimal("0.0345"), _AB),
    LprRecord(date(2024, 4, 22), Decimal("0.0345"), _AB),
    LprRecord(date(2024, 5, 20), Decimal("0.0345"), _AB),
    LprRecord(date(2024, 6, 20), Decimal("0.0345"), _AB),
    LprRecord(date(2024, 7, 22), Decimal("0.0335"), _AB),
    LprRecord(date(2024, 8, 20), Decimal("0.0335"), _AB),
    LprRecord(date(2024, 9, 20), Decimal("0.0335"), _AB),
    LprRecord(date(2024, 10, 21), Decimal("0.0310"), _AB),
    LprRecord(date(2024, 11, 20), Decimal("0.0310"), _AB),
    LprRecord(date(2024, 12, 20), Decimal("0.0310"), _AB),
    LprRecord(date(2025, 1, 20), Decimal("0.0310"), _AB),
    LprRecord(date(2025, 2, 20), Decimal("0.0310"), _A),
    LprRecord(date(2025, 3, 20), Decimal("0.0310"), _A),
    LprRecord(date(2025, 4, 21), Decimal("0.0310"), _A),
    LprRecord(date(2025, 5, 20), Decimal("0.0300"), _A),
    LprRecord(date(2025, 6, 20), Decimal("0.0300"), _A),
    LprRecord(date(2025, 7, 21), Decimal("0.0300"), _A),
    LprRecord(date(2025, 8, 20), Decimal("0.0300"), _A),
    LprRecord(date(2025, 9, 22), Decimal("0.0300"), _A),
    LprRecord(date(2025, 10, 20), Decimal("0.0300"), _A),
    LprRecord(date(2025, 11, 20), Decimal("0.0300"), _A),
    LprRecord(date(2025, 12, 22), Decimal("0.0300"), _A),
    LprRecord(date(2026, 1, 20), Decimal("0.0300"), _A),
    LprRecord(date(2026, 2, 24), Decimal("0.0300"), _A),
    LprRecord(date(2026, 3, 20), Decimal("0.0300"), _A),
    LprRecord(date(2026, 4, 20), Decimal("0.0300"), _A),
    LprRecord(date(2026, 5, 20), Decimal("0.0300"), _A),
    LprRecord(date(2026, 6, 22), Decimal("0.0300"), _A),
    LprRecord(date(2026, 7, 20), Decimal("0.0300"), _A),
    LprRecord(date(2026, 8, 20), Decimal("0.0300"), _A),
)
"""Every one-year LPR publication from the first (2019-08-20) to :data:`LPR_TABLE_CHECKED`.

Two independent tables agree on every month from 2019-08 to 2025-01 (confidence
high); later rows rest on one (medium). Spot checks against news reports and the
PBOC's own page for 2025-05-20 (3.0%) agree. See ``docs/rules.md``.
"""

LPR_TABLE_CHECKED: Final = date(2026, 8, 20)
"""The table holds every publication up to this date (the latest one found when its
sources were last read). A later date still gets the last value, and
:func:`huabei_calc.legal.check_cost` says how many days past this date it is, so
that a user knows to look up newer publications."""


@dataclass(frozen=True, slots=True)
class ReferenceLine:
    """A legal reference line on the annual cost of a loan, dated and sourced.

    ``rate`` is the line as an annual fraction, or ``None`` when it is
    ``lpr_multiple`` × the one-year LPR in force on the date checked. The line
    concerns loans of ``lender`` made (or, for the 4 × LPR transition, measured)
    from ``start`` through ``end`` (``None``: still in force). What a court does
    above it is worded in the catalog under ``rules.line.<name>``;
    ``press_reported`` marks a line known only from press reports (no official
    text published).
    """

    name: str
    lender: Lender
    start: date
    end: date | None
    rate: Decimal | None
    lpr_multiple: int
    source: str
    confidence: Confidence
    press_reported: bool = False

    def in_force(self, on: date) -> bool:
        """Whether the line is in force on ``on``.

        >>> REFERENCE_LINES[0].in_force(date(2020, 8, 19)), REFERENCE_LINES[0].in_force(
        ...     date(2020, 8, 20))
        (True, False)
        """
        return self.start <= on and (self.end is None or on <= self.end)


_SPL_2015: Final = (
    "最高人民法院关于审理民间借贷案件适用法律若干问题的规定 (法释〔2015〕18号, in force "
    "2015-09-01 to 2020-08-19)"
)
_SPL_2020: Final = (
    "最高人民法院关于审理民间借贷案件适用法律若干问题的规定 (amended 2020-08-18, in force "
    "2020-08-20; revised 法释〔2020〕17号, in force 2021-01-01)"
)

REFERENCE_LINES: Final = (
    ReferenceLine(
        name="private_24",
        lender="private",
        start=date(2015, 9, 1),
        end=date(2020, 8, 19),
        rate=Decimal("0.24"),
        lpr_multiple=0,
        source=_SPL_2015 + " arts. 26, 29, 30",
        confidence="high",
    ),
    ReferenceLine(
        name="private_36",
        lender="private",
        start=date(2015, 9, 1),
        end=date(2020, 8, 19),
        rate=Decimal("0.36"),
        lpr_multiple=0,
        source=_SPL_2015 + " arts. 26, 31",
        confidence="high",
    ),
    ReferenceLine(
        name="private_4lpr",
        lender="private",
        start=date(2020, 8, 20),
        end=None,
        rate=None,
        lpr_multiple=4,
        source=_SPL_2020 + " arts. 25, 28, 29, 31",
        confidence="high",
    ),
    ReferenceLine(
        name="financial_24",
        lender="financial",
        start=date(2017, 8, 4),
        end=None,
        rate=Decimal("0.24"),
        lpr_multiple=0,
        source=(
            "最高人民法院关于进一步加强金融审判工作的若干意见 (法发〔2017〕22号, 2017-08-04) "
            "art. 2; scope: 法释〔2020〕17号 art. 1 para. 2 and 法释〔2020〕27号"
        ),
        confidence="medium",
    ),
    ReferenceLine(
        name="new_loans_24",
        lender="financial",
        start=date(2025, 10, 1),
        end=None,
        rate=Decimal("0.24"),
        lpr_multiple=0,
        source=(
            "press reports: 第一财经 2025-10-30 (loan-facilitation rules in force 2025-10-01); "
            "小额贷款公司综合融资成本管理工作指引 as reported 2025-12 and 2026-01; "
            "no official text published"
        ),
        confidence="low",
        press_reported=True,
    ),
)
"""The reference lines, oldest first. Banks, consumer-finance companies and
micro-lenders are financial institutions: the private-lending lines (24%/36%,
4 × LPR) do not bind them (法释〔2020〕17号 art. 1 para. 2; 法释〔2020〕27号);
courts use the 24% line for them."""
