"""``huabei-calc check``: an annual rate against the legal reference lines.

``huabei-calc check --rate 0.075%/day --on 2026-11-29 [--lender financial|private]``
prints every reference line in the table (which apply, which the rate exceeds and
by how much, with sources), then the lines in words, the LPR table's age when it
matters, and the caveat that this is information, not legal advice. ``--on``
defaults to today (the command line may read the clock; the library does not).
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import re
from datetime import date
from typing import Any, Final

from .._catalog import Lang, text
from .._table import Cell, Percent, Table, Word, aligned, markdown, percent
from ..comparison import Comparison
from ..errors import InputError, show
from ..legal import CostCheck, check_cost
from ..schedule import Schedule
from .options import CliError, day
from .parser import Commands

COLUMNS: Final = ("line", "value", "applies", "exceeded", "excess", "confidence", "source")
_OPTION: Final = {"annual_rate": "rate", "on": "on", "lender": "lender", "basis": "rate"}


def register(commands: Commands) -> None:
    """Add the ``check`` subcommand, and ``--cost-check`` to ``schedule``, ``installment``
    and ``compare`` (registered before it)."""
    lang = commands.lang
    group = commands.add("check", run, help=text("rules.cli.help", lang))
    group.add_argument("--rate", required=True, metavar="R", help=text("rules.cli.rate", lang))
    group.add_argument("--on", metavar="DATE", help=text("rules.cli.on", lang))
    group.add_argument(
        "--lender",
        choices=("financial", "private"),
        default="financial",
        help=text("rules.cli.lender", lang),
    )
    for name in ("schedule", "installment", "compare"):
        add_cost_check(commands.options(name), lang)


def add_cost_check(group: Any, lang: Lang) -> None:
    """Add ``--cost-check [financial|private]`` to a subcommand's option ``group``."""
    group.add_argument(
        "--cost-check",
        nargs="?",
        const="financial",
        choices=("financial", "private"),
        metavar="LENDER",
        help=text("rules.cli.cost_check", lang),
    )


def with_cost_check(output: str, subject: object, ns: argparse.Namespace) -> str:
    """``output`` with the subject's cost checked against the reference lines on ``--start``
    (today by default): a key ``cost_check`` in JSON, the lines in words otherwise."""
    if not isinstance(subject, Schedule | Comparison):
        return output
    lang: Lang = "zh" if ns.lang == "zh" else "en"
    if ns.format == "csv":
        raise CliError(f"--cost-check {text('rules.cli.no_csv', lang)}")
    kind = "schedule" if isinstance(subject, Schedule) else "comparison"
    result = subject.cost_check(on=day(ns, "start"), lender=ns.cost_check)
    if ns.format == "json":
        doc = json.loads(output)
        doc["cost_check"] = {"of": kind, **_doc(result, lang)}
        return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    lines = [text(f"rules.cli.cost_of.{kind}", lang), *result.summary(lang).splitlines()]
    if ns.format == "markdown":
        return output + "\n" + "".join(f"- {line}\n" for line in lines)
    return output + "\n" + "".join(f"{line}\n" for line in lines)


def run(ns: argparse.Namespace) -> str:
    """The report of ``check`` for parsed options ``ns``; ``--on`` defaults to today."""
    lang: Lang = "zh" if ns.lang == "zh" else "en"
    if ns.on is None:  # the command line's one clock: options.day's default for --start
        on = day(argparse.Namespace(start=None, lang=lang), "start")
    else:
        on = _day(ns.on, lang)
    try:
        result = check_cost(ns.rate, on=on, lender=ns.lender)
    except InputError as err:
        option = _OPTION.get(err.name, err.name)
        raw = getattr(ns, option, None)
        words = text(err.code, lang, **err.params) if err.code else err.accepted
        shown = raw if isinstance(raw, str) else show(err.value)
        raise CliError(f"--{option}={shown} {words}") from None
    return render(result, ns.format, lang)


def _day(raw: str, lang: Lang) -> date:
    try:
        if re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", raw.strip()):
            return date.fromisoformat(raw.strip())
    except ValueError:
        pass
    raise CliError(f"--on={raw} {text('rules.cli.not_date', lang)}")


def rows(result: CostCheck) -> list[tuple[str, ...]]:
    """One row of strings per line, as programs read them (fractions, not percentages)."""
    out: list[tuple[str, ...]] = []
    for line in result.lines:
        value = "" if line.value is None else str(line.value)
        out.append(
            (
                line.name,
                value,
                str(line.applies).lower(),
                str(line.exceeded).lower(),
                str(line.excess),
                line.confidence,
                line.source,
            )
        )
    return out


def _doc(result: CostCheck, lang: Lang) -> dict[str, object]:
    lines: list[dict[str, object]] = [dict(zip(COLUMNS, row, strict=True)) for row in rows(result)]
    for line in lines:
        for key in ("applies", "exceeded"):
            line[key] = line[key] == "true"
    return {
        "rate": str(result.rate),
        "on": result.on.isoformat(),
        "lender": result.lender,
        "exceeds": result.exceeds,
        "lpr": None if result.lpr is None else str(result.lpr),
        "table_checked": result.table_checked.isoformat(),
        "days_past_table": result.days_past_table,
        "lines": lines,
        "summary": result.summary(lang),
    }


def render(result: CostCheck, fmt: str, lang: Lang) -> str:
    """``result`` as ``table``, ``markdown``, ``csv`` or ``json`` text ending in a newline."""
    if fmt == "json":
        return json.dumps(_doc(result, lang), ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(rows(result))
        return buffer.getvalue()
    title = text(
        "rules.cli.title",
        lang,
        rate=percent(result.rate),
        on=result.on,
        lender=text(f"rules.lender.{result.lender}", lang),
    )
    table = _table(result)
    summary = result.summary(lang).splitlines()
    if fmt == "markdown":
        out = [f"### {title}", "", markdown(table, lang), ""]
        out += [f"- {line}" for line in summary]
        return "\n".join(out) + "\n"
    return "\n".join([title, "", *aligned(table, lang), "", *summary]) + "\n"


def _table(result: CostCheck) -> Table:
    """The lines for people, through the one table renderer (:mod:`huabei_calc._table`)."""
    yes, no = Word("rules.cli.yes"), Word("rules.cli.no")
    rows: list[tuple[Cell, ...]] = [
        (
            line.name,
            None if line.value is None else Percent(line.value),
            yes if line.applies else no,
            yes if line.exceeded else no,
            Percent(line.excess) if line.exceeded else "",
            Word(f"rules.cli.confidence.{line.confidence}"),
        )
        for line in result.lines
    ]
    labels = tuple(f"rules.cli.col.{key}" for key in COLUMNS[:6])
    return Table(COLUMNS[:6], tuple(rows), labels=labels)
