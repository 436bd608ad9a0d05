"""``huabei-calc breach``: what missing installment N of a 停息挂账 plan costs until a date.

The plan is ``freeze(debt, --periods, start=--start, down_payment, waive)``; the
agreement lapses on period N's due date (:func:`~huabei_calc.plans.breach`). Two
columns: the waived buckets stay waived, and they revive (``--revive``, default: all
that were waived). ``--until`` defaults to today (the command line's only clock), and
must not be before the lapse date.

>>> main(["--principal", "10000", "--penalty", "300", "--product", "jiebei",
...       "--periods", "12", "--start", "2025-01-01", "--waive", "penalty",
...       "--missed", "3", "--until", "2025-05-01", "--format", "json"])  # doctest: +ELLIPSIS
{"lapse_date": "2025-04-01", ..., "owed_then": ["8520.80", "8820.80"]...}
0
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

from .._catalog import Lang, text
from ..errors import HuabeiCalcError, InputError
from ..plans import breach, freeze
from . import options as opt
from .case import one_line, text_table

__all__ = ["main"]

_ROWS: Final = (
    "lapse_date",
    "paid_before",
    "left_under_plan",
    "owed_at_lapse",
    "days",
    "charged",
    "owed_then",
    "breach_cost",
)


def build_parser(lang: Lang) -> argparse.ArgumentParser:
    """The parser of ``huabei-calc breach``, with help in ``lang``."""

    def h(key: str) -> str:  # argparse %-formats help: a literal % is written %%
        return text(f"draft.breach.help.{key}", lang).replace("%", "%%")

    parser = argparse.ArgumentParser(prog="huabei-calc breach", description=h("description"))
    parser.add_argument("--principal", required=True, metavar="P")
    for name in ("interest", "fees", "penalty"):
        parser.add_argument(f"--{name}", default="0", metavar="X")
    parser.add_argument("--product", required=True, choices=("huabei", "jiebei"))
    parser.add_argument("--rate", metavar="R", help=h("rate"))
    parser.add_argument("--periods", required=True, metavar="N", help=h("periods"))
    parser.add_argument("--start", metavar="DATE", help=h("start"))
    parser.add_argument("--down-payment", metavar="X|X%", default="0")
    parser.add_argument("--waive", metavar="BUCKETS", help=h("waive"))
    parser.add_argument("--missed", required=True, metavar="N", help=h("missed"))
    parser.add_argument("--until", metavar="DATE", help=h("until"))
    parser.add_argument("--revive", metavar="BUCKETS", help=h("revive"))
    parser.add_argument("--format", choices=("table", "json"), default="table")
    parser.add_argument("--lang", choices=("en", "zh"), default=lang)
    return parser


def _lang(argv: Sequence[str]) -> Lang:
    for i, arg in enumerate(argv):
        if arg == "--lang=zh" or (arg == "--lang" and argv[i + 1 : i + 2] == ["zh"]):
            return "zh"
    return "en"


def main(argv: Sequence[str]) -> int:
    """Run ``huabei-calc breach`` with ``argv`` (what follows ``breach``); the exit status."""
    lang = _lang(argv)
    parser = build_parser(lang)
    try:
        ns = parser.parse_args(list(argv))
    except SystemExit as done:  # argparse printed its usage or help
        return int(done.code or 0)
    try:
        out = _run(ns)
    except opt.CliError as err:
        sys.stderr.write(f"huabei-calc: {err}\n")
        return err.status
    except InputError as err:
        sys.stderr.write(f"huabei-calc: {one_line(_option(err.message(ns.lang)))}\n")
        return 2
    except HuabeiCalcError as err:
        sys.stderr.write(f"huabei-calc: {one_line(str(err))}\n")
        return 2
    sys.stdout.write(out)
    return 0


def _option(message: str) -> str:
    """``missed_period=…`` is ``--missed`` here; other names are the options' own."""
    name, eq, rest = message.partition("=")
    option = {"missed_period": "missed", "down_payment": "down-payment"}.get(name, name)
    return f"--{option}={rest}" if eq and " " not in name else message


def _run(ns: argparse.Namespace) -> str:
    debt, product = opt.debt(ns), opt.product(ns)
    start = opt.day(ns, "start")  # today when left out
    plan = freeze(
        debt,
        opt.count(ns, "periods"),
        start=start,
        down_payment=ns.down_payment,
        waive=opt.waive(ns),
    )
    missed = opt.count(ns, "missed")
    # the command line's one clock: options.day's default for --start
    today = opt.day(argparse.Namespace(start=None, lang=ns.lang), "start")
    until = opt.day(ns, "until") if ns.until else today
    revive = plan.waived if ns.revive is None else _buckets(ns.revive)
    columns = []
    for revived in ((), revive):
        lapse = breach(debt, product, plan, missed_period=missed, until=until, revive=revived)
        paid = sum((r.payment for r in plan.rows if r.period < missed), Decimal("0.00"))
        left = plan.total_payment - paid
        owed = lapse.debt.total
        columns.append(
            {
                "lapse_date": lapse.since,
                "paid_before": paid,
                "left_under_plan": left,
                "owed_at_lapse": owed - lapse.charged,
                "days": lapse.days,
                "charged": lapse.charged,
                "owed_then": owed,
                "breach_cost": owed - left,
            }
        )
    if ns.format == "json":
        data: dict[str, object] = {k: [str(c[k]) for c in columns] for k in _ROWS}
        data["lapse_date"] = str(columns[0]["lapse_date"])
        data["until"] = until.isoformat()
        data["revive"] = list(revive)
        return json.dumps(data, ensure_ascii=False) + "\n"
    lang: Lang = ns.lang
    head = [
        text("draft.breach.item", lang),
        text("draft.breach.kept_waived", lang),
        text("draft.breach.revived", lang, buckets=", ".join(revive) or "—"),
    ]
    rows = [
        [text(f"draft.breach.{k}", lang), *(_cell(c[k]) for c in columns)]
        for k in _ROWS
        if k != "lapse_date"
    ]
    title = text(
        "draft.breach.title", lang, missed=missed, lapse=columns[0]["lapse_date"], until=until
    )
    return f"{title}\n\n{text_table(head, rows)}\n"


def _cell(value: object) -> str:
    return f"{value:,.2f}" if isinstance(value, Decimal) else str(value)


def _buckets(raw: str) -> tuple[str, ...]:
    if raw.strip().lower() in ("none", ""):
        return ()
    return tuple(i.strip() for i in re.split(r"[,，、]", raw) if i.strip())
