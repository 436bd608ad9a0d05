"""``huabei-calc case new|show|draft``: the negotiation workflow from a case file.

``new`` prints the commented template (or writes it with ``-o``); ``show`` prints the
breakdown, the budget, the options table and the proposal; ``draft`` writes the
negotiation draft (HTML or Markdown, from the suffix of ``-o`` or ``--format``).
A case file with problems prints one line per problem (file, line, field) and exits
2 with nothing written; output goes to a temporary file renamed into place.

>>> main(["new", "--lang", "en"])  # doctest: +ELLIPSIS
# 协商还款案例文件 — a huabei-calc case file (TOML)...
0
"""

from __future__ import annotations

import argparse
import re
import sys
import unicodedata
from collections.abc import Sequence
from decimal import Decimal
from pathlib import Path
from typing import Final, NoReturn

from .._catalog import Lang, text
from ..casefile import CaseFileError, load
from ..cases import Case, Proposal
from ..casewrite import dumps, example, write_atomic
from ..document import money
from ..drafting import draft
from ..errors import HuabeiCalcError, InputError

__all__ = ["main"]

PROG: Final = "huabei-calc case"
_WAIVABLE: Final = ("penalty", "interest", "fees")


class _Stop(Exception):
    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        sys.stderr.write(f"{self.prog}: {message}\n")
        raise _Stop(2)

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise _Stop(status)


def build_parser(lang: Lang = "zh") -> argparse.ArgumentParser:
    """The parser of ``huabei-calc case``, with help in ``lang``."""
    parser = _Parser(prog=PROG, description=text("draft.cli.description", lang))
    subs = parser.add_subparsers(dest="action", required=True, metavar="new|show|draft")
    new = subs.add_parser("new", help=text("draft.cli.new", lang))
    new.add_argument("-o", "--output", metavar="FILE.toml", help=text("draft.cli.output", lang))
    for name in ("show", "draft"):
        sub = subs.add_parser(name, help=text(f"draft.cli.{name}", lang))
        sub.add_argument("file", metavar="CASE.toml")
        sub.add_argument(
            "--periods",
            metavar="N[,N…]",
            help=text("draft.cli.periods_show" if name == "show" else "draft.cli.periods", lang),
        )
        sub.add_argument(
            "--waive", metavar="BUCKETS", default="penalty", help=text("draft.cli.waive", lang)
        )
        sub.add_argument(
            "--down-payment", metavar="X|X%", default="0", help=text("draft.cli.down_payment", lang)
        )
        if name == "draft":
            sub.add_argument(
                "-o", "--output", metavar="FILE.html|FILE.md", help=text("draft.cli.output", lang)
            )
            sub.add_argument(
                "--format", choices=("html", "markdown"), help=text("draft.cli.format", lang)
            )
    for sub in subs.choices.values():
        sub.add_argument(
            "--lang", choices=("zh", "en"), default="zh", help=text("draft.cli.lang", lang)
        )
    return parser


def main(argv: Sequence[str]) -> int:
    """Run ``huabei-calc case`` with ``argv`` (what follows ``case``); the exit status."""
    lang: Lang = "en" if _asked_lang(argv) == "en" else "zh"
    try:
        ns = build_parser(lang).parse_args(list(argv))
        lang = ns.lang
        output = _ACTIONS[ns.action](ns)
    except _Stop as stop:
        return stop.status
    except CaseFileError as err:
        for problem in err.problems:
            sys.stderr.write(f"huabei-calc: {problem.message(lang)}\n")
        return 2
    except InputError as err:
        sys.stderr.write(f"huabei-calc: {one_line(err.message(lang))}\n")
        return 2
    except HuabeiCalcError as err:
        sys.stderr.write(f"huabei-calc: {one_line(str(err))}\n")
        return 2
    if output:
        sys.stdout.write(output)
    return 0


def _asked_lang(argv: Sequence[str]) -> str:
    for i, arg in enumerate(argv):
        if arg.startswith("--lang="):
            return arg.partition("=")[2]
        if arg == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
    return "zh"


def one_line(message: str) -> str:
    """``message`` on one line: runs of white space folded to one space (for stderr)."""
    return re.sub(r"\s+", " ", message).strip()


def _new(ns: argparse.Namespace) -> str:
    content = dumps(example(ns.lang))
    if ns.output:
        write_atomic(ns.output, content)
        return ""
    return content


def _waive(raw: str) -> tuple[str, ...]:
    if raw.strip().lower() in ("", "none", "无"):
        return ()
    items = tuple(i.strip() for i in re.split(r"[,，、]", raw) if i.strip())
    for item in items:
        if item not in _WAIVABLE:
            raise InputError("--waive", raw, "err.draft_choice", accepted=", ".join(_WAIVABLE))
    return items


def _periods(raw: str) -> tuple[int, ...]:
    try:
        return tuple(int(p) for p in re.split(r"[,，]", raw) if p.strip())
    except ValueError:
        raise InputError("--periods", raw, "err.case_periods", hi=60) from None


def _proposal(case: Case, ns: argparse.Namespace) -> Proposal:
    waive, down = _waive(ns.waive), ns.down_payment
    if ns.periods:
        counts = _periods(ns.periods)
        if len(counts) != 1:
            raise InputError("--periods", ns.periods, "err.case_periods", hi=60)
        return case.plan(counts[0], waive=waive, down_payment=down)
    try:
        return case.propose(waive=waive, down_payment=down)
    except InputError as err:
        if err.name != "budget":
            raise
        return case.plan(60, waive=waive, down_payment=down)


def _draft(ns: argparse.Namespace) -> str:
    case = load(ns.file)
    fmt = ns.format
    if fmt is None:
        fmt = (
            "markdown"
            if ns.output and Path(ns.output).suffix.lower() in (".md", ".markdown")
            else "html"
        )
    content = draft(case, _proposal(case, ns), lang=ns.lang, format=fmt)
    if ns.output:
        write_atomic(ns.output, content)
        sys.stderr.write(text("draft.cli.written", ns.lang, path=ns.output) + "\n")
        return ""
    return content


def _width(cell: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in cell)


def text_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A plain-text table: columns padded by display width (CJK counts 2), numbers right."""
    widths = [max(_width(r[i]) for r in (headers, *rows)) for i in range(len(headers))]

    def line(cells: Sequence[str]) -> str:
        out = []
        for i, cell in enumerate(cells):
            pad = " " * (widths[i] - _width(cell))
            numeric = i > 0 and bool(re.fullmatch(r"[-\d,.]+", cell))
            out.append(pad + cell if numeric else cell + pad)
        return "  ".join(out).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(headers), rule, *(line(r) for r in rows)])


def _show(ns: argparse.Namespace) -> str:
    case = load(ns.file)
    lang: Lang = ns.lang

    def t(code: str, **params: object) -> str:
        return text(f"draft.{code}", lang, **params)

    bd = case.breakdown()
    parts = [f"{t('section.debts')} ({case.on})"]
    keys = ("principal", "interest", "fees", "penalty", "added", "total")
    rows = [
        [
            r.label,
            *(money(getattr(r.debt, k)) for k in keys[:4]),
            money(r.added),
            money(r.debt.total),
        ]
        for r in bd.rows
    ]
    rows.append(
        [
            t("total"),
            *(money(getattr(bd.total, k)) for k in keys[:4]),
            money(bd.added),
            money(bd.total.total),
        ]
    )
    parts.append(text_table([t("account"), *(t(k) for k in keys)], rows))
    parts.append(t("surplus", budget=money(case.budget)))
    counts = _periods(ns.periods) if ns.periods else (12, 24, 36, 48, 60)
    opts = case.options(counts, waive=_waive(ns.waive), down_payment=ns.down_payment)
    rows = []
    for total in opts.totals:
        rows.append(
            [
                str(total.periods),
                money(total.monthly_payment),
                money(total.frozen_total),
                money(total.accruing_total),
                money(total.saving),
                t("cli.yes") if total.fits_budget else t("cli.no"),
            ]
        )
    parts.append(t("section.comparison"))
    parts.append(
        text_table(
            [
                t("periods"),
                t("cli.monthly"),
                t("frozen_total"),
                t("accruing_total"),
                t("saving"),
                t("cli.fits"),
            ],
            rows,
        )
    )
    try:
        p = case.propose(waive=_waive(ns.waive), down_payment=ns.down_payment)
        parts.append(t("cli.proposal", periods=p.periods, monthly=money(p.monthly_total)))
    except InputError as err:
        if err.name != "budget":
            raise
        parts.append(t("cli.no_plan", short=money(Decimal(str(err.params["short"])))))
    return "\n\n".join(parts) + "\n"


_ACTIONS: Final = {"new": _new, "show": _show, "draft": _draft}
