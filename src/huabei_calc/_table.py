"""The one table renderer: cells, and a :class:`Table` as Markdown, CSV or aligned text.

Used by ``Schedule``, ``Comparison`` and ``Accrual`` (their ``to_markdown``, ``to_csv``,
``to_json``) and by the command line. Presentation only: it reads values and never
feeds anything back into a calculation.

Two ways to show a cell. For people (:func:`human`): amounts with thousands
separators, rates as percentages with two decimals, label keys translated through the
catalog (``label.<key>``). For programs (:func:`data`): amounts as plain strings
(``"1234.50"``, never floats), rates as fractions to 10 places, dates in ISO form,
label keys as they are.

>>> from decimal import Decimal
>>> t = Table(("period", "payment"), ((1, Decimal("1708.36")),), total=(Word("total"), ""))
>>> print(markdown(t, "zh"))
| 期数 | 应还 |
| ---: | ---: |
| 1 | 1,708.36 |
| **合计** |  |
>>> print(*aligned(t, "en"), sep="\\n")
Period   Payment
------  --------
     1  1,708.36
 Total
>>> csv_text(t)
'period,payment\\n1,1708.36\\n'
"""

from __future__ import annotations

import csv
import decimal
import io
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from ._catalog import MESSAGES, Lang, text
from .errors import InputError
from .money import context

_RATE_PLACES: Final = Decimal("1e-10")
_CENT: Final = Decimal("0.01")
# Percentages this large are shown in scientific notation (a fixed form would be
# unreadable, and above about 1e58 it would not fit the 60-digit money context).
_FIXED_BELOW: Final = Decimal("1e15")
_DATA_FIXED_BELOW: Final = Decimal("1e40")


@dataclass(frozen=True, slots=True)
class Percent:
    """A rate (a fraction): ``15.86%`` for people, ``"0.1586..."`` for programs."""

    value: Decimal


@dataclass(frozen=True, slots=True)
class Word:
    """A value that is itself a label key (``jiebei``, ``equal-installment``; see :func:`label`)."""

    key: str


@dataclass(frozen=True, slots=True)
class Words:
    """Several label keys (``("penalty", "interest")``): a list for programs."""

    keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Phrase:
    """A sentence for people (``label.<key>`` formatted with ``params``); ``data`` for programs."""

    key: str
    data: Cell
    params: dict[str, Cell] = field(default_factory=dict)


Cell = Decimal | date | int | str | Percent | Word | Words | Phrase | None


@dataclass(frozen=True, slots=True)
class Table:
    """Columns (stable English keys, the CSV header and JSON keys) and rows of cells.

    ``labels`` are the label keys shown as headers (default: the column keys);
    ``total`` is a last line for people (Markdown, text), left out of CSV and JSON.
    """

    columns: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    labels: tuple[str, ...] = ()
    total: tuple[Cell, ...] | None = None


def check_lang(value: object, name: str = "lang") -> Lang:
    """``"en"`` or ``"zh"``; anything else is an :class:`InputError` naming ``name``."""
    if value == "en" and isinstance(value, str):
        return "en"
    if value == "zh" and isinstance(value, str):
        return "zh"
    raise InputError(name, value, "err.render.lang")


def label(key: str, lang: Lang) -> str:
    """The words of ``label.<key>``, or of the catalog id ``key`` itself when it is dotted
    (``rules.cli.yes``); a key the catalog does not know is shown as it is."""
    code = key if "." in key else f"label.{key}"
    return text(code, lang) if code in MESSAGES else key


def percent(value: Decimal) -> str:
    """A fraction as a percentage with two decimals, rounded half-up: ``15.86%``.

    From 10^15 % on, in scientific notation with four significant digits.

    >>> percent(Decimal("0.158592")), percent(Decimal("7.5e109"))
    ('15.86%', '7.500e+111%')
    """
    with decimal.localcontext(context()):
        scaled = value * 100
        if abs(scaled) < _FIXED_BELOW:
            return f"{scaled.quantize(_CENT, rounding=ROUND_HALF_UP)}%"
        return f"{scaled:.3e}%"


def human(cell: Cell, lang: Lang) -> str:
    """A cell for people, in ``lang``."""
    if cell is None:
        return "—"
    if isinstance(cell, Decimal):
        return f"{cell:,}"
    if isinstance(cell, Percent):
        return percent(cell.value)
    if isinstance(cell, Word):
        return label(cell.key, lang)
    if isinstance(cell, Words):
        shown = [label(key, lang) for key in cell.keys] or [label("none", lang)]
        return ("、" if lang == "zh" else ", ").join(shown)
    if isinstance(cell, Phrase):
        params = {k: human(v, lang) for k, v in cell.params.items()}
        code = cell.key if "." in cell.key else f"label.{cell.key}"
        return text(code, lang, **params)
    if isinstance(cell, date):
        return cell.isoformat()
    return str(cell)


def data(cell: Cell) -> str | int | list[str] | None:
    """A cell for programs: the same in every language."""
    if cell is None or isinstance(cell, int):
        return cell
    if isinstance(cell, Decimal):
        return str(cell)
    if isinstance(cell, Percent):
        if not abs(cell.value) < _DATA_FIXED_BELOW:
            return str(cell.value)
        with decimal.localcontext(context()):
            return str(cell.value.quantize(_RATE_PLACES, rounding=ROUND_HALF_UP))
    if isinstance(cell, Word):
        return cell.key
    if isinstance(cell, Words):
        return list(cell.keys)
    if isinstance(cell, Phrase):
        return data(cell.data)
    if isinstance(cell, date):
        return cell.isoformat()
    return cell


def numeric(cell: Cell) -> bool:
    """Right-aligned in a table: amounts, counts and rates."""
    return isinstance(cell, Decimal | int | Percent) and not isinstance(cell, bool)


def width(shown: str) -> int:
    """Display width: East Asian wide characters take two columns in a terminal."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in shown)


def pad(shown: str, columns: int, right: bool) -> str:
    """``shown`` padded to ``columns`` display columns, on the left when ``right``."""
    gap = " " * (columns - width(shown))
    return gap + shown if right else shown + gap


def _headers(table: Table, lang: Lang) -> list[str]:
    return [label(key, lang) for key in (table.labels or table.columns)]


def _lines(table: Table) -> list[tuple[Cell, ...]]:
    return [*table.rows, *([table.total] if table.total is not None else [])]


def _right(table: Table) -> list[bool]:
    lines = _lines(table)
    return [any(numeric(row[i]) for row in lines) for i in range(len(table.columns))]


def markdown(table: Table, lang: Lang) -> str:
    """A Markdown table (numbers right-aligned), the total line in bold; no final newline."""

    def row(cells: Sequence[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    lines = [row(_headers(table, lang))]
    lines.append(row(["---:" if r else ":---" for r in _right(table)]))
    lines += [row([human(v, lang) for v in cells]) for cells in table.rows]
    if table.total is not None:
        total = [human(v, lang) for v in table.total]
        total[0] = f"**{total[0]}**"
        lines.append(row(total))
    return "\n".join(lines)


def aligned(table: Table, lang: Lang) -> list[str]:
    """Aligned text lines: headers, a dashed rule, the rows and the total."""
    cells = [_headers(table, lang)]
    cells += [[human(v, lang) for v in row] for row in _lines(table)]
    widths = [max(width(row[i]) for row in cells) for i in range(len(table.columns))]
    cells.insert(1, ["-" * w for w in widths])
    right = _right(table)
    return [
        "  ".join(pad(c, w, r) for c, w, r in zip(row, widths, right, strict=True)).rstrip()
        for row in cells
    ]


def csv_text(table: Table) -> str:
    """CSV: the column keys, then one line per row (no total; a list cell comma-joined)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table.rows:
        values = (data(v) for v in row)
        writer.writerow(",".join(v) if isinstance(v, list) else v for v in values)
    return out.getvalue()


def records(table: Table) -> list[dict[str, str | int | list[str] | None]]:
    """The rows as dicts of :func:`data` values, keyed by column (for JSON)."""
    return [{key: data(v) for key, v in zip(table.columns, row, strict=True)} for row in table.rows]
