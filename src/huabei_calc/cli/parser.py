"""The argument parser: argparse speaking the user's language, and how commands register.

argparse words its own messages ("usage: ", "the following arguments are required:
%s", …) by calling :func:`gettext.gettext` on English msgids. While our parser is
built and runs, :func:`speaking` hands argparse a translation object that looks those
msgids up in the catalog (ids ``cli.argparse.*``, whose English is argparse's msgid
word for word), and restores argparse afterwards. Its English output is never
rewritten; an msgid the catalog does not know stays English.

A command module adds its subcommands with a ``register(commands)`` function
(:class:`Commands`): see :mod:`huabei_calc.cli.commands` and ``REGISTRARS`` in
:mod:`huabei_calc.cli.main`.
"""

from __future__ import annotations

import argparse
import gettext
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, Final, NoReturn

from .._catalog import LANGS, MESSAGES, Lang, text
from .options import CliError
from .render import Report

FORMATS: Final = ("table", "markdown", "csv", "json")
PRODUCTS: Final = ("huabei", "jiebei", "花呗", "借呗")
Run = Callable[[argparse.Namespace], Report | str | int]
"""What a subcommand runs: parsed options → a report, text already laid out, or (for a
command that writes its own output, such as files) the exit status."""

_MSGIDS: Final = {
    en: code for code, (en, _) in MESSAGES.items() if code.startswith("cli.argparse.")
}


def help_text(key: str, lang: Lang) -> str:
    """The help words ``cli.help.<key>`` in ``lang``."""
    return text(f"cli.help.{key}", lang)


def locale_lang(environ: Mapping[str, str]) -> Lang:
    """The language the locale asks for: the first of ``LC_ALL``, ``LC_MESSAGES`` and
    ``LANG`` that is set decides; ``zh…`` (``zh_CN.UTF-8``, ``zh_TW``) is Chinese.

    >>> locale_lang({"LANG": "zh_CN.UTF-8"}), locale_lang({"LC_ALL": "C", "LANG": "zh_CN"})
    ('zh', 'en')
    """
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name)
        if value:
            return "zh" if value.lower().startswith("zh") else "en"
    return "en"


class _Translations(gettext.NullTranslations):
    """argparse's msgids → the catalog's words in one language (gettext's interface)."""

    def __init__(self, lang: Lang) -> None:
        super().__init__()
        self.lang: Lang = lang

    def gettext(self, message: str) -> str:
        code = _MSGIDS.get(message)
        return message if code is None else text(code, self.lang)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return self.gettext(msgid1 if n == 1 else msgid2)


@contextmanager
def speaking(lang: Lang) -> Iterator[None]:
    """argparse's own messages in ``lang`` while the block runs (not thread-safe: it
    swaps the ``gettext`` functions argparse calls, and puts them back)."""
    names = vars(argparse)
    saved: dict[str, object] = {n: names[n] for n in ("_", "ngettext") if n in names}
    translations = _Translations(lang)
    ours: dict[str, object] = {"_": translations.gettext, "ngettext": translations.ngettext}
    names.update({name: ours[name] for name in saved})
    try:
        yield
    finally:
        names.update(saved)


class Exit(Exception):
    """argparse finished early (``--help``, ``--version``): ``output`` to print, then
    return ``status``."""

    def __init__(self, status: int, output: str = "") -> None:
        super().__init__(status)
        self.status = status
        self.output = output


class Parser(argparse.ArgumentParser):
    """An ArgumentParser that reports instead of printing and exiting: errors become a
    :class:`CliError` worded in ``lang``; help and version text comes back in :class:`Exit`
    for the command line to write (it knows what the terminal can show)."""

    def __init__(self, *args: Any, lang: Lang = "en", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.lang: Lang = lang

    def error(self, message: str) -> NoReturn:
        raise CliError(text("cli.msg.see_help", self.lang, message=message))

    def exit(self, status: int = 0, message: str | None = None) -> NoReturn:
        raise Exit(status, message or "")

    def _print_message(self, message: str, file: Any = None) -> None:
        # argparse prints help, usage and the version through here, then exits
        raise Exit(0, message)


def add_common(
    group: Any, lang: Lang, *, plot: bool = False, formats: bool = True, default: Any = None
) -> None:
    """``--format`` (unless not ``formats``) and ``--lang`` (and ``--plot FILE`` when
    ``plot``) in ``group``."""
    default = argparse.SUPPRESS if default is None else default
    if formats:
        group.add_argument(
            "--format", choices=FORMATS, default=default, help=help_text("format", lang)
        )
    group.add_argument("--lang", choices=LANGS, default=default, help=help_text("lang", lang))
    if plot:
        group.add_argument("--plot", metavar="FILE.png", help=help_text("plot", lang))


def add_debt(group: Any, lang: Lang) -> None:
    """The debt's buckets: ``--principal`` (required), ``--interest``, ``--fees``, ``--penalty``."""
    group.add_argument("--principal", required=True, metavar="P", help=help_text("principal", lang))
    for name, meta in (("interest", "I"), ("fees", "F"), ("penalty", "X")):
        group.add_argument(f"--{name}", default="0", metavar=meta, help=help_text(name, lang))


def add_product(group: Any, lang: Lang) -> None:
    """``--product huabei|jiebei|花呗|借呗`` (required) and its ``--rate``."""
    group.add_argument(
        "--product", required=True, choices=PRODUCTS, help=help_text("product", lang)
    )
    group.add_argument("--rate", metavar="R", help=help_text("product_rate", lang))


class Commands:
    """Where command modules add their subcommands, each with a function that runs it.

    ``add(name, run)`` makes subcommand ``name`` (its help is ``cli.help.<name>``) and
    returns the argument group for its options; ``options(name)`` gives that group
    again, for a module that adds an option to another module's command;
    ``--format``, ``--lang`` (and ``--plot`` with ``plot=True``) are added after
    them all by :meth:`finish`.
    """

    def __init__(self, subparsers: Any, lang: Lang) -> None:
        self.lang: Lang = lang
        self._subparsers = subparsers
        self._groups: dict[str, tuple[Any, bool, bool]] = {}

    def help(self, key: str) -> str:
        """The help words ``cli.help.<key>`` in the parser's language."""
        return help_text(key, self.lang)

    def add(
        self,
        name: str,
        run: Run,
        *,
        plot: bool = False,
        formats: bool = True,
        help: str | None = None,
    ) -> Any:
        """Subcommand ``name`` running ``run``; returns the group to add its options to.

        ``plot`` adds ``--plot FILE``; ``formats=False`` leaves out ``--format`` (a
        command whose output is a file). ``help`` is its description when not
        ``cli.help.<name>`` (words as they are: a ``%`` is escaped for argparse here).
        """
        listed = described = self.help(name) if help is None else help
        if help is not None:
            listed = help.replace("%", "%%")  # argparse %-formats a subcommand's help
        sub = self._subparsers.add_parser(
            name, help=listed, description=described, add_help=False, lang=self.lang
        )
        sub.set_defaults(run=run)
        group = sub.add_argument_group(self.help("options"))
        group.add_argument("-h", "--help", action="help", help=self.help("help"))
        self._groups[name] = (group, plot, formats)
        return group

    def options(self, name: str) -> Any:
        """The option group of subcommand ``name``, added before (a ``KeyError`` if not)."""
        return self._groups[name][0]

    def finish(self) -> None:
        """Add the options every subcommand takes, after its own."""
        for group, plot, formats in self._groups.values():
            add_common(group, self.lang, plot=plot, formats=formats)
        self._groups.clear()
