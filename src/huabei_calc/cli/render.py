"""Laying out a command's :class:`Report`: aligned text, Markdown, CSV and JSON.

A command builds a report from the library's results (reading them, never feeding
back into them): a title, a summary (label key → cell) and an optional
:class:`~huabei_calc._table.Table`, laid out by the library's one table renderer.
Table and Markdown are for people: labels in the chosen language, amounts with
thousands separators, rates as percentages with two decimals. CSV and JSON are for
programs: stable English keys in both languages, amounts as plain strings
(``"1234.50"``), rates as fractions (``"0.1586..."``), dates in ISO form. CSV carries
the report's table (or, when it has none, its summary as one record).
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass

from .._catalog import Lang, text
from .._table import (
    Cell,
    Table,
    aligned,
    csv_text,
    data,
    human,
    label,
    markdown,
    numeric,
    pad,
    records,
    width,
)


@dataclass(frozen=True, slots=True)
class Report:
    """A titled summary (label key → cell) and an optional table.

    ``title`` is a catalog id; ``data_only`` holds summary items for JSON only
    (details a person reads in a phrase of the summary instead).
    """

    title: str
    summary: tuple[tuple[str, Cell], ...]
    table: Table | None = None
    data_only: tuple[tuple[str, Cell], ...] = ()


def render(report: Report, fmt: str, lang: Lang) -> str:
    """Lay out ``report`` as ``table``, ``markdown``, ``csv`` or ``json`` (ends with a newline)."""
    if fmt == "json":
        return _json(report)
    if fmt == "csv":
        return _csv(report)
    if fmt == "markdown":
        return _markdown(report, lang)
    return _text(report, lang)


def _text(report: Report, lang: Lang) -> str:
    lines = [text(report.title, lang)]
    labels = [label(key, lang) for key, _ in report.summary]
    values = [human(value, lang) for _, value in report.summary]
    right = [numeric(value) for _, value in report.summary]
    lw = max((width(x) for x in labels), default=0)
    nw = max((width(v) for v, r in zip(values, right, strict=True) if r), default=0)
    for name, shown, r in zip(labels, values, right, strict=True):
        lines.append(f"  {pad(name, lw, False)}  {pad(shown, nw, True) if r else shown}".rstrip())
    if report.table is not None:
        lines += aligned(report.table, lang)
    return "\n".join(lines) + "\n"


def _markdown(report: Report, lang: Lang) -> str:
    parts = [f"### {text(report.title, lang)}", ""]
    parts += [f"- {label(key, lang)}: {human(value, lang)}" for key, value in report.summary]
    if report.table is not None:
        parts += ["", markdown(report.table, lang)]
    return "\n".join(parts) + "\n"


def _csv(report: Report) -> str:
    if report.table is not None:
        return csv_text(report.table)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow([key for key, _ in report.summary])
    values = (data(value) for _, value in report.summary)
    writer.writerow(",".join(v) if isinstance(v, list) else v for v in values)
    return out.getvalue()


def _json(report: Report) -> str:
    items = (*report.summary, *report.data_only)
    doc: dict[str, object] = {key: data(value) for key, value in items}
    if report.table is not None:
        doc["rows"] = records(report.table)
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
