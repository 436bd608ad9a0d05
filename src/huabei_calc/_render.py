"""Presentation of results: ``Schedule``, ``Comparison`` and ``Accrual`` as dicts, CSV,
JSON, Markdown and pandas, through the one table renderer (:mod:`huabei_calc._table`).

Rendering only reads a result's rows and totals; nothing here feeds back into a
calculation. Machine formats (CSV, JSON) write amounts as plain ``1234.56`` strings,
never floats, and dates in ISO form; Markdown groups thousands for people and labels
its columns in English or Chinese (``lang="zh"``).
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any, Final

from ._table import Table, Word, check_lang, csv_text, data, markdown, records

if TYPE_CHECKING:
    from .comparison import Comparison
    from .overdue import Accrual
    from .schedule import Schedule


COLUMNS: Final = ("period", "due", "payment", "principal", "interest", "fee", "balance")
COMPARISON_COLUMNS: Final = ("date", "frozen_balance", "accruing_balance", "untouched_balance")
ACCRUAL_COLUMNS: Final = ("first", "last", "days", "base", "daily_charge", "charged")
_TOTALS: Final = ("payment", "principal", "interest", "fee")


def _json(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2)


# -- Schedule ------------------------------------------------------------------------
def schedule_table(schedule: Schedule) -> Table:
    """A schedule's rows, with a totals line (payment, principal, interest, fee)."""
    rows = tuple(tuple(getattr(row, name) for name in COLUMNS) for row in schedule.rows)
    total = (Word("total"), "", *(_schedule_totals(schedule).values()), "")
    return Table(COLUMNS, rows, total=total)


def _schedule_totals(schedule: Schedule) -> dict[str, Any]:
    return {
        "payment": schedule.total_payment,
        "principal": schedule.total_principal,
        "interest": schedule.total_interest,
        "fee": schedule.total_fee,
    }


def to_dicts(schedule: Schedule) -> list[dict[str, Any]]:
    """One dict per row: ``period`` (int), ``due`` (date or None), amounts as Decimal."""
    return [{name: getattr(row, name) for name in COLUMNS} for row in schedule.rows]


def to_csv(schedule: Schedule) -> str:
    """CSV text: the header ``period,due,payment,…,balance`` and one line per row.

    No totals line (a CSV is data); an empty ``due`` when the schedule has no dates.
    """
    return csv_text(schedule_table(schedule))


def to_json(schedule: Schedule) -> str:
    """JSON text: ``method``, ``principal``, ``rows`` and ``totals``; amounts are strings."""
    document = {
        "method": schedule.method,
        "principal": str(schedule.principal),
        "rows": records(schedule_table(schedule)),
        "totals": {name: data(value) for name, value in _schedule_totals(schedule).items()},
    }
    return _json(document)


def to_markdown(schedule: Schedule, lang: object = "en") -> str:
    """A Markdown table (numbers right-aligned) ending with a totals line.

    ``lang="zh"`` labels the columns 期数, 还款日, 应还, 本金, 利息, 手续费, 剩余本金.
    """
    return markdown(schedule_table(schedule), check_lang(lang))


def to_pandas(schedule: Schedule) -> Any:
    """A ``pandas.DataFrame`` with the columns of :func:`to_dicts` (amounts stay Decimal)."""
    try:
        import pandas
    except ImportError:
        raise ImportError("Schedule.to_pandas() needs pandas: pip install pandas") from None
    return pandas.DataFrame(to_dicts(schedule), columns=list(COLUMNS))


# -- Comparison ----------------------------------------------------------------------
def comparison_table(comparison: Comparison) -> Table:
    """A comparison's rows: the three balances after each payment date."""
    rows = tuple(
        tuple(getattr(row, name) for name in COMPARISON_COLUMNS) for row in comparison.rows
    )
    labels = ("date", "frozen_balance", "accruing_balance", "untouched_balance_col")
    return Table(COMPARISON_COLUMNS, rows, labels=labels)


def comparison_dicts(comparison: Comparison) -> list[dict[str, Any]]:
    """One dict per row: ``date`` and the three balances (Decimal)."""
    return [{name: getattr(row, name) for name in COMPARISON_COLUMNS} for row in comparison.rows]


def comparison_json(comparison: Comparison) -> str:
    """JSON text: the totals, ``accruing_cleared_on`` (ISO date or null) and ``rows``."""
    c = comparison
    document = {
        "frozen_total": data(c.frozen_total),
        "accruing_total": data(c.accruing_total),
        "accruing_cleared_on": data(c.accruing_cleared_on),
        "untouched_balance": data(c.untouched_balance),
        "saving": data(c.saving),
        "accruing_paid": data(c.accruing_paid),
        "accruing_unpaid": data(c.accruing_unpaid),
        "max_months": c.max_months,
        "rows": records(comparison_table(c)),
    }
    return _json(document)


def comparison_markdown(comparison: Comparison, lang: object = "en") -> str:
    """A Markdown table of the rows; ``lang="zh"``: 日期, 挂账余额, 继续计息余额, 不还款余额."""
    return markdown(comparison_table(comparison), check_lang(lang))


# -- Accrual -------------------------------------------------------------------------
def accrual_table(accrual: Accrual) -> Table:
    """An accrual's rows: each span, its days, base, daily charge and charge."""
    rows = tuple(tuple(getattr(row, name) for name in ACCRUAL_COLUMNS) for row in accrual.rows)
    return Table(ACCRUAL_COLUMNS, rows)


def accrual_dicts(accrual: Accrual) -> list[dict[str, Any]]:
    """One dict per row: ``first``, ``last`` (dates), ``days`` (int), amounts as Decimal."""
    return [{name: getattr(row, name) for name in ACCRUAL_COLUMNS} for row in accrual.rows]


def accrual_json(accrual: Accrual) -> str:
    """JSON text: product, dates, days, ``charged``, the debt after accrual and ``rows``."""
    a, debt = accrual, accrual.debt
    document = {
        "product": a.product.name,
        "since": data(a.since),
        "until": data(a.until),
        "days": a.days,
        "charged": data(a.charged),
        "debt": {
            "principal": data(debt.principal),
            "interest": data(debt.interest),
            "fees": data(debt.fees),
            "penalty": data(debt.penalty),
            "total": data(debt.total),
        },
        "rows": records(accrual_table(a)),
    }
    return _json(document)


def accrual_markdown(accrual: Accrual, lang: object = "en") -> str:
    """A Markdown table of the rows; ``lang="zh"``: 起, 止, 天数, 计费基数, 每日费用, 新增费用."""
    return markdown(accrual_table(accrual), check_lang(lang))
