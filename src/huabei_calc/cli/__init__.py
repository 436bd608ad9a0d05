"""The ``huabei-calc`` command line (also ``python -m huabei_calc``).

One module per part: :mod:`.main` (the entry point, the parser's assembly and the
list of command modules), :mod:`.parser` (argparse in the user's language, and how
a command registers), :mod:`.options` (option strings → library values),
:mod:`.commands` (library calls → reports), :mod:`.render` (reports → text,
Markdown, CSV, JSON, through the library's one table renderer) and :mod:`.output`
(writing to whatever terminal there is). Every word comes from the catalog,
:mod:`huabei_calc._catalog`.
"""

from __future__ import annotations

from .main import main

__all__ = ["main"]
