"""The ``huabei-calc`` command line (also ``python -m huabei_calc``).

One module per part: :mod:`.main` (the entry point and the argument parser),
:mod:`.options` (option strings → library values), :mod:`.commands` (library
calls → reports), :mod:`.render` (reports → text, Markdown, CSV, JSON) and
:mod:`.text` (the words, looked up in the catalog).
"""

from __future__ import annotations

from .main import build_parser, main

__all__ = ["build_parser", "main"]
