"""The ``huabei-calc`` command line (also ``python -m huabei_calc``).

Subcommands ``accrue``, ``schedule``, ``installment``, ``freeze``, ``compare``
and ``apr``; every one takes ``--format table|markdown|csv|json`` and
``--lang en|zh``. Exit status 0 on success, 2 on bad input with one line on
stderr that names the option, 1 when an optional dependency (matplotlib, for
``--plot``) is missing. Only here does a date default to today.

>>> main(["accrue", "--principal", "5000", "--product", "huabei",
...       "--since", "2025-01-10", "--days", "4", "--format", "csv"])
first,last,days,base,daily_charge,charged
2025-01-11,2025-01-14,4,5000.00,2.50,10.00
0
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Sequence
from typing import Any, NoReturn

from .._catalog import text as text_
from ..errors import HuabeiCalcError, InputError
from . import batch as _batch
from . import check as _check
from . import commands as _commands
from . import options as _options
from . import workflow as _workflow
from .text import HELP, MESSAGES, Lang, text, translate_error

__all__ = ["build_parser", "main"]

PROG = "huabei-calc"
FORMATS = ("table", "markdown", "csv", "json")
LANGS = ("en", "zh")


class _Exit(Exception):
    """argparse finished early (``--help``, ``--version``): return this status."""

    def __init__(self, status: int) -> None:
        super().__init__(status)
        self.status = status


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser that reports instead of exiting, in the chosen language."""

    def __init__(self, *args: Any, lang: Lang = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang: Lang = lang

    def error(self, message: str) -> NoReturn:
        hint = text(MESSAGES, "see_help", self.lang)
        raise _options.CliError(f"{translate_error(message, self.lang)} ({hint})")

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        if message:
            sys.stderr.write(message)
        raise _Exit(status)


class _ZhFormatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        super().add_usage(usage, actions, groups, "用法：" if prefix is None else prefix)


def build_parser(lang: Lang = "en") -> argparse.ArgumentParser:
    """The argument parser, with help in ``lang``."""

    def h(key: str) -> str:
        return text(HELP, key, lang)

    fmt_class = _ZhFormatter if lang == "zh" else argparse.HelpFormatter
    from .. import __version__

    parser = _Parser(prog=PROG, description=h("description"), add_help=False, lang=lang)
    parser.formatter_class = fmt_class
    group = parser.add_argument_group(h("options"))
    group.add_argument("-h", "--help", action="help", help=h("help"))
    group.add_argument(
        "--version", action="version", version=f"{PROG} {__version__}", help=h("version")
    )
    _common(group, lang, argparse.SUPPRESS)
    # main-level --format/--lang give the defaults; a subcommand's own override them
    parser.set_defaults(format="table", lang="en")
    subs = parser.add_subparsers(
        title=h("commands"), dest="command", required=True, metavar="COMMAND"
    )

    def command(name: str) -> argparse._ArgumentGroup:
        sub = subs.add_parser(
            name,
            help=h(name),
            description=h(name),
            add_help=False,
            lang=lang,
            formatter_class=fmt_class,
        )
        opts = sub.add_argument_group(h("options"))
        opts.add_argument("-h", "--help", action="help", help=h("help"))
        return opts

    g = command("accrue")
    _debt(g, h)
    _product(g, h)
    g.add_argument("--since", required=True, metavar="DATE", help=h("since"))
    span = g.add_mutually_exclusive_group()  # neither: until today
    span.add_argument("--until", metavar="DATE", help=h("until"))
    span.add_argument("--days", metavar="N", help=h("days"))
    _common(g, lang, argparse.SUPPRESS)

    g = command("schedule")
    g.add_argument("--principal", required=True, metavar="P", help=h("principal"))
    g.add_argument("--periods", required=True, metavar="N", help=h("periods"))
    g.add_argument("--rate", required=True, metavar="R", help=h("schedule_rate"))
    g.add_argument("--method", required=True, choices=_commands.METHODS, help=h("method"))
    g.add_argument("--start", metavar="DATE", help=h("start"))
    g.add_argument(
        "--interest-basis",
        choices=("monthly", "actual"),
        default="monthly",
        help=h("interest_basis"),
    )
    _check.add_cost_check(g, lang)
    _common(g, lang, argparse.SUPPRESS, plot=True)

    g = command("installment")
    g.add_argument("--principal", required=True, metavar="P", help=h("principal"))
    g.add_argument("--periods", required=True, metavar="N", help=h("periods"))
    g.add_argument("--fee-rate", metavar="R", help=h("fee_rate"))
    g.add_argument("--start", metavar="DATE", help=h("start"))
    _check.add_cost_check(g, lang)
    _common(g, lang, argparse.SUPPRESS, plot=True)

    for name in ("freeze", "compare"):
        g = command(name)
        _debt(g, h)
        if name == "compare":
            _product(g, h)
        else:  # freeze needs a product only to bring the debt forward (--since)
            g.add_argument("--product", choices=("huabei", "jiebei"), help=h("product"))
            g.add_argument("--rate", metavar="R", help=h("product_rate"))
        g.add_argument("--periods", metavar="N[,N…]", help=h("periods"))
        _workflow.add_options(g, name, h)
        g.add_argument("--start", metavar="DATE", help=h("start"))
        g.add_argument("--down-payment", metavar="X|X%", help=h("down_payment"))
        g.add_argument("--waive", metavar="BUCKETS", help=h("waive"))
        if name == "compare":
            g.add_argument("--max-months", metavar="N", default="120", help=h("max_months"))
            _check.add_cost_check(g, lang)
        _common(g, lang, argparse.SUPPRESS, plot=True)

    subs.add_parser("case", help=text_("draft.cli.description", lang), add_help=False)
    subs.add_parser("breach", help=text_("draft.breach.help.description", lang), add_help=False)
    g = command("apr")
    flows = g.add_mutually_exclusive_group(required=True)
    flows.add_argument("--flows", metavar="F,F,…", help=h("flows"))
    flows.add_argument("--dated", metavar="DATE:F,…", help=h("dated"))
    _common(g, lang, argparse.SUPPRESS)
    _check.register(subs, lang, FORMATS, add_help=False, lang=lang, formatter_class=fmt_class)
    _batch.register(subs, lang, fmt_class)
    return parser


def _common(group: Any, lang: Lang, default: Any, *, plot: bool = False) -> None:
    group.add_argument(
        "--format", choices=FORMATS, default=default, help=text(HELP, "format", lang)
    )
    group.add_argument("--lang", choices=LANGS, default=default, help=text(HELP, "lang", lang))
    if plot:
        group.add_argument("--plot", metavar="FILE.png", help=text(HELP, "plot", lang))


def _debt(group: Any, h: Any) -> None:
    group.add_argument("--principal", required=True, metavar="P", help=h("principal"))
    group.add_argument("--interest", default="0", metavar="I", help=h("interest"))
    group.add_argument("--fees", default="0", metavar="F", help=h("fees"))
    group.add_argument("--penalty", default="0", metavar="X", help=h("penalty"))


def _product(group: Any, h: Any) -> None:
    group.add_argument("--product", required=True, choices=("huabei", "jiebei"), help=h("product"))
    group.add_argument("--rate", metavar="R", help=h("product_rate"))


def _prescan_lang(argv: Sequence[str]) -> Lang:
    """The ``--lang`` asked for, so that even argparse's errors use it."""
    lang: Lang = "en"
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value in LANGS:
            lang = "zh" if value == "zh" else "en"
    return lang


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``huabei-calc`` with ``argv`` (default ``sys.argv[1:]``); return the exit status."""
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] in (["case"], ["breach"]):  # own parsers: cli/case.py, cli/breach.py
        from . import breach, case

        return (case.main if args[0] == "case" else breach.main)(args[1:])
    lang = _prescan_lang(args)
    ns: argparse.Namespace | None = None
    try:
        ns = build_parser(lang).parse_args(args)
        lang = ns.lang
        if ns.command == "batch":
            return _batch.run(ns)
        output = _check.run(ns) if ns.command == "check" else _commands.run(ns)
    except _Exit as done:
        return done.status
    except _options.CliError as err:
        return _fail(str(err), lang, err.status)
    except InputError as err:
        return _fail(_options.input_message(err, ns, lang), lang, 2)
    except HuabeiCalcError as err:
        return _fail(_options.other_message(err, ns, lang), lang, 2)
    try:
        sys.stdout.write(output)
        sys.stdout.flush()
    except BrokenPipeError:  # `huabei-calc … | head`: the reader left; say nothing more
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return 0


def _fail(message: str, lang: Lang, status: int) -> int:
    line = re.sub(r"\s+", " ", message).strip()
    sys.stderr.write(f"{PROG}: {text(MESSAGES, 'error', lang)}: {line}\n")
    return status
