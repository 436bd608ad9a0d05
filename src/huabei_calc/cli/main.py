"""The ``huabei-calc`` command line (also ``python -m huabei_calc``).

Subcommands ``accrue``, ``schedule``, ``installment``, ``freeze``, ``compare``,
``apr``, ``check`` and ``batch``; every one takes ``--format table|markdown|csv|json`` and
``--lang en|zh`` (default: the locale's, see :func:`~huabei_calc.cli.parser.locale_lang`).
Exit status 0 on success, 2 on bad input with one line on stderr that names the
option, 1 when the environment is missing something (matplotlib or a Chinese font
for ``--plot``) or the output cannot be written. Only here does a date default to today.

To add commands: write a module with a ``register(commands)`` function (see
:mod:`huabei_calc.cli.commands`) and append it to :data:`REGISTRARS`.

>>> main(["accrue", "--principal", "5000", "--product", "huabei",
...       "--since", "2025-01-10", "--days", "4", "--format", "csv"], environ={})
first,last,days,base,daily_charge,charged
2025-01-11,2025-01-14,4,5000.00,2.50,10.00
0
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Mapping, Sequence
from typing import Final

from .._catalog import LANGS, Lang, text
from ..errors import HuabeiCalcError, InputError
from . import batch, check, commands, options
from .output import PROG, say, write
from .parser import Commands, Exit, Parser, add_common, help_text, locale_lang, speaking
from .render import Report, render


def _listed(commands: Commands) -> None:
    """``case`` and ``breach`` parse their own options (``main`` hands them over before
    argparse runs); they are listed in the help all the same."""
    lang = commands.lang
    commands.add("case", lambda ns: 0, help=text("draft.cli.description", lang), formats=False)
    breach_help = text("draft.breach.help.description", lang)
    commands.add("breach", lambda ns: 0, help=breach_help, formats=False)


REGISTRARS: Final[tuple[Callable[[Commands], None], ...]] = (
    commands.register,
    check.register,
    batch.register,
    _listed,
)
"""Each adds its module's subcommands to the parser, in this order."""


def build_parser(lang: Lang = "en") -> argparse.ArgumentParser:
    """The argument parser, with help (and argparse's own words) in ``lang``."""
    from .. import __version__

    with speaking(lang):
        parser = Parser(
            prog=PROG, description=help_text("description", lang), add_help=False, lang=lang
        )
        group = parser.add_argument_group(help_text("options", lang))
        group.add_argument("-h", "--help", action="help", help=help_text("help", lang))
        group.add_argument(
            "--version",
            action="version",
            version=f"{PROG} {__version__}",
            help=help_text("version", lang),
        )
        add_common(group, lang)
        # main-level --format/--lang give the defaults; a subcommand's own override them
        parser.set_defaults(format="table", lang=lang)
        subparsers = parser.add_subparsers(
            title=help_text("commands", lang), dest="command", required=True, metavar="COMMAND"
        )
        registry = Commands(subparsers, lang)
        for register in REGISTRARS:
            register(registry)
        registry.finish()
    return parser


def run(ns: argparse.Namespace) -> str | int:
    """Run the subcommand in ``ns`` (parsed options): its laid-out output, or the exit
    status of a command that wrote its own."""
    options.plot_path(ns)  # checked before any work
    out: Report | str | int = ns.run(ns)
    return render(out, ns.format, ns.lang) if isinstance(out, Report) else out


def _asked_lang(argv: Sequence[str]) -> Lang | None:
    """The ``--lang`` given on the command line (the last wins), so that even
    argparse's errors use it."""
    lang: Lang | None = None
    for i, arg in enumerate(argv):
        value = arg.partition("=")[2] if arg.startswith("--lang=") else None
        if arg == "--lang" and i + 1 < len(argv):
            value = argv[i + 1]
        if value in LANGS:
            lang = "zh" if value == "zh" else "en"
    return lang


def main(argv: Sequence[str] | None = None, *, environ: Mapping[str, str] | None = None) -> int:
    """Run ``huabei-calc`` with ``argv`` (default ``sys.argv[1:]``); return the exit status.

    ``environ`` (default ``os.environ``) is where the locale is read when ``--lang``
    is not given.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if args[:1] in (["case"], ["breach"]):  # own parsers: cli/case.py, cli/breach.py
        from . import breach, case

        return (case.main if args[0] == "case" else breach.main)(args[1:])
    lang = _asked_lang(args) or locale_lang(os.environ if environ is None else environ)
    ns: argparse.Namespace | None = None
    try:
        with speaking(lang):
            ns = build_parser(lang).parse_args(args)
        lang = ns.lang
        output = run(ns)
    except Exit as done:
        if done.status:
            if done.output:
                say("error", done.output, lang)
            return done.status
        return write(done.output, lang) if done.output else 0
    except options.CliError as err:
        return _fail(str(err), lang, err.status)
    except InputError as err:
        return _fail(options.input_message(err, ns, lang), lang, 2)
    except HuabeiCalcError as err:
        return _fail(options.other_message(err, ns, lang), lang, 2)
    return output if isinstance(output, int) else write(output, lang)


def _fail(message: str, lang: Lang, status: int) -> int:
    say("error", message, lang)
    return status
