"""Presentation of a :class:`~huabei_calc.schedule.Schedule`: dicts, CSV, JSON, markdown, pandas.

Rendering only reads a schedule's rows and totals; nothing here feeds back into
a calculation. Machine formats (CSV, JSON) write amounts as plain ``1234.56``
strings, never floats; markdown groups thousands for people.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, Literal

from .errors import InputError

if TYPE_CHECKING:
    from .schedule import Schedule

__all__ = ["COLUMNS", "LABELS", "Lang", "to_csv", "to_dicts", "to_json", "to_markdown", "to_pandas"]

Lang = Literal["en", "zh"]
COLUMNS: Final = ("period", "due", "payment", "principal", "interest", "fee", "balance")
_AMOUNTS: Final = COLUMNS[2:]
LABELS: Final[dict[str, dict[str, str]]] = {
    "en": {
        "period": "Period",
        "due": "Due",
        "payment": "Payment",
        "principal": "Principal",
        "interest": "Interest",
        "fee": "Fee",
        "balance": "Balance",
        "total": "Total",
    },
    "zh": {
        "period": "期数",
        "due": "还款日",
        "payment": "应还",
        "principal": "本金",
        "interest": "利息",
        "fee": "手续费",
        "balance": "剩余本金",
        "total": "合计",
    },
}


def to_dicts(schedule: Schedule) -> list[dict[str, Any]]:
    """One dict per row: ``period`` (int), ``due`` (date or None), amounts as Decimal."""
    return [{name: getattr(row, name) for name in COLUMNS} for row in schedule.rows]


def _totals(schedule: Schedule) -> dict[str, Decimal]:
    return {
        "payment": schedule.total_payment,
        "principal": schedule.total_principal,
        "interest": schedule.total_interest,
        "fee": schedule.total_fee,
    }


def to_csv(schedule: Schedule) -> str:
    """CSV text: the header ``period,due,payment,…,balance`` and one line per row.

    No totals line (a CSV is data); an empty ``due`` when the schedule has no dates.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for row in schedule.rows:
        due = "" if row.due is None else row.due.isoformat()
        writer.writerow(
            (row.period, due, row.payment, row.principal, row.interest, row.fee, row.balance)
        )
    return out.getvalue()


def to_json(schedule: Schedule) -> str:
    """JSON text: ``method``, ``principal``, ``rows`` and ``totals``; amounts are strings."""
    rows = [
        {
            "period": row.period,
            "due": None if row.due is None else row.due.isoformat(),
            **{name: str(getattr(row, name)) for name in _AMOUNTS},
        }
        for row in schedule.rows
    ]
    document = {
        "method": schedule.method,
        "principal": str(schedule.principal),
        "rows": rows,
        "totals": {name: str(value) for name, value in _totals(schedule).items()},
    }
    return json.dumps(document, ensure_ascii=False, indent=2)


def _money(value: Decimal) -> str:
    return f"{value:,}"


def to_markdown(schedule: Schedule, lang: object = "en") -> str:
    """A markdown table (numbers right-aligned) ending with a totals line.

    ``lang="zh"`` labels the columns 期数, 还款日, 应还, 本金, 利息, 手续费, 剩余本金.
    """
    if not isinstance(lang, str) or lang not in LABELS:
        raise InputError("lang", lang, "must be 'en' or 'zh'")
    label = LABELS[lang]
    lines = [
        "| " + " | ".join(label[name] for name in COLUMNS) + " |",
        "| ---: | :--- | " + " | ".join("---:" for _ in _AMOUNTS) + " |",
    ]
    for row in schedule.rows:
        due = "-" if row.due is None else row.due.isoformat()
        cells = [str(row.period), due, *(_money(getattr(row, name)) for name in _AMOUNTS)]
        lines.append("| " + " | ".join(cells) + " |")
    totals = _totals(schedule)
    cells = [f"**{label['total']}**", "", *(_money(totals[n]) for n in _AMOUNTS[:-1]), ""]
    lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines)


def to_pandas(schedule: Schedule) -> Any:
    """A ``pandas.DataFrame`` with the columns of :func:`to_dicts` (amounts stay Decimal)."""
    try:
        import pandas
    except ImportError:
        raise ImportError("Schedule.to_pandas() needs pandas: pip install pandas") from None
    return pandas.DataFrame(to_dicts(schedule), columns=list(COLUMNS))
