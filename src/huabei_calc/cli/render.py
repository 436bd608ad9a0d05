"""Rendering the command line's results: aligned text, Markdown, CSV and JSON.

A command builds a :class:`Report` from the library's results (reading them,
never feeding back into them); :func:`render` lays it out. Table and Markdown
are for people: labels in the chosen language, amounts with thousands
separators, rates as percentages with two decimals. CSV and JSON are for
programs: stable English keys in both languages, amounts as plain strings
(``"1234.50"``), rates as fractions (``"0.1586..."``), dates in ISO form.
CSV carries the report's table (or, when it has none, its summary as one record).
"""

from __future__ import annotations

import decimal
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from ..money import context
from .text import LABELS, Lang, text

__all__ = ["Percent", "Phrase", "Report", "Value", "Word", "Words", "percent", "render"]

_RATE_PLACES: Final = Decimal("1e-10")


@dataclass(frozen=True, slots=True)
class Percent:
    """A rate (a fraction): ``15.86%`` for people, ``"0.1586..."`` for programs."""

    value: Decimal


@dataclass(frozen=True, slots=True)
class Word:
    """A value that is itself a label (``jiebei``, ``equal-installment``): translated for people."""

    key: str


@dataclass(frozen=True, slots=True)
class Words:
    """Several label keys (``("penalty", "interest")``): a list for programs."""

    keys: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Phrase:
    """A sentence for people (``LABELS[key]`` formatted with ``params``); ``data`` for programs."""

    key: str
    data: Value
    params: dict[str, Value] = field(default_factory=dict)


Value = Decimal | date | int | str | Percent | Word | Words | Phrase | None


@dataclass(frozen=True, slots=True)
class Report:
    """A titled summary (label → value) and an optional table."""

    title: str
    summary: tuple[tuple[str, Value], ...]
    columns: tuple[str, ...] = ()
    rows: tuple[tuple[Value, ...], ...] = ()
    #: column keys shown under another label key in table/Markdown
    column_labels: dict[str, str] = field(default_factory=dict)
    #: a last row for the aligned-text table only (totals)
    footer: tuple[Value, ...] | None = None
    #: summary items for JSON only (details a person reads in a Phrase instead)
    data_only: tuple[tuple[str, Value], ...] = ()
    #: a ready-made Markdown table to use instead of rendering ``rows`` (e.g. Schedule.to_markdown)
    markdown_table: str | None = None
    #: a ready-made CSV to use instead of rendering ``rows`` (e.g. Schedule.to_csv)
    csv_table: str | None = None


def percent(value: Decimal) -> str:
    """A fraction as a percentage with two decimals, rounded half-up: ``15.86%``."""
    with decimal.localcontext(context()):
        return f"{(value * 100).quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}%"


def render(report: Report, fmt: str, lang: Lang) -> str:
    """Lay out ``report`` as ``table``, ``markdown``, ``csv`` or ``json`` (ends with a newline)."""
    if fmt == "json":
        return _json(report)
    if fmt == "csv":
        return report.csv_table if report.csv_table is not None else _csv(report)
    if fmt == "markdown":
        return _markdown(report, lang)
    return _table(report, lang)


# -- values -----------------------------------------------------------------------
def _human(value: Value, lang: Lang) -> str:
    if value is None:
        return "—"
    if isinstance(value, Decimal):
        return f"{value:,}"
    if isinstance(value, Percent):
        return percent(value.value)
    if isinstance(value, Word):
        return text(LABELS, value.key, lang)
    if isinstance(value, Words):
        shown = [text(LABELS, key, lang) for key in value.keys] or [text(LABELS, "none", lang)]
        return ("、" if lang == "zh" else ", ").join(shown)
    if isinstance(value, Phrase):
        params = {k: _human(v, lang) for k, v in value.params.items()}
        return text(LABELS, value.key, lang).format(**params)
    return str(value)


def _data(value: Value) -> str | int | list[str] | None:
    if value is None or isinstance(value, int):
        return value
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, Percent):
        with decimal.localcontext(context()):
            return str(value.value.quantize(_RATE_PLACES, rounding=ROUND_HALF_UP))
    if isinstance(value, Word):
        return value.key
    if isinstance(value, Words):
        return list(value.keys)
    if isinstance(value, Phrase):
        return _data(value.data)
    if isinstance(value, date):
        return value.isoformat()
    return value


def _numeric(value: Value) -> bool:
    return isinstance(value, Decimal | int | Percent) and not isinstance(value, bool)


def _width(cell: str) -> int:
    """Display width: East Asian wide characters take two columns in a terminal."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in cell)


def _pad(cell: str, width: int, right: bool) -> str:
    gap = " " * (width - _width(cell))
    return gap + cell if right else cell + gap


def _label(report: Report, key: str, lang: Lang) -> str:
    return text(LABELS, report.column_labels.get(key, key), lang)


# -- formats ----------------------------------------------------------------------
def _table(report: Report, lang: Lang) -> str:
    lines = [text(LABELS, report.title, lang)]
    labels = [text(LABELS, key, lang) for key, _ in report.summary]
    values = [_human(value, lang) for _, value in report.summary]
    numeric = [_numeric(value) for _, value in report.summary]
    lw = max((_width(x) for x in labels), default=0)
    nw = max((_width(v) for v, n in zip(values, numeric, strict=True) if n), default=0)
    for label, shown, n in zip(labels, values, numeric, strict=True):
        lines.append(
            f"  {_pad(label, lw, False)}  {_pad(shown, nw, True) if n else shown}".rstrip()
        )
    if report.columns:
        rows = [*report.rows, *([report.footer] if report.footer else [])]
        cells = [[_label(report, key, lang) for key in report.columns]]
        cells += [[_human(v, lang) for v in row] for row in rows]
        right = [any(_numeric(row[i]) for row in rows) for i in range(len(report.columns))]
        widths = [max(_width(row[i]) for row in cells) for i in range(len(report.columns))]
        cells.insert(1, ["-" * w for w in widths])
        for row in cells:
            line = "  ".join(_pad(c, w, r) for c, w, r in zip(row, widths, right, strict=True))
            lines.append(line.rstrip())
    return "\n".join(lines) + "\n"


def _markdown(report: Report, lang: Lang) -> str:
    parts = [f"### {text(LABELS, report.title, lang)}", ""]
    parts += [
        f"- {text(LABELS, key, lang)}: {_human(value, lang)}" for key, value in report.summary
    ]
    if report.markdown_table is not None:
        parts += ["", report.markdown_table.rstrip("\n")]
    elif report.columns:
        right = [any(_numeric(row[i]) for row in report.rows) for i in range(len(report.columns))]
        parts += ["", _md_row([_label(report, key, lang) for key in report.columns])]
        parts.append(_md_row(["---:" if r else ":---" for r in right]))
        parts += [_md_row([_human(v, lang) for v in row]) for row in report.rows]
    return "\n".join(parts) + "\n"


def _md_row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _cell(value: Value) -> str | int | None:
    data = _data(value)
    return ",".join(data) if isinstance(data, list) else data


def _csv(report: Report) -> str:
    import csv
    import io

    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    if report.columns:
        writer.writerow(report.columns)
        writer.writerows([_cell(v) for v in row] for row in report.rows)
    else:
        writer.writerow([key for key, _ in report.summary])
        writer.writerow([_cell(value) for _, value in report.summary])
    return out.getvalue()


def _json(report: Report) -> str:
    import json

    items = (*report.summary, *report.data_only)
    doc: dict[str, object] = {key: _data(value) for key, value in items}
    if report.columns:
        doc["rows"] = [
            {key: _data(v) for key, v in zip(report.columns, row, strict=True)}
            for row in report.rows
        ]
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
