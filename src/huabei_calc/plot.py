"""Balance charts: a schedule's balance and payments, and a comparison's three scenarios.

Needs matplotlib (``pip install "huabei-calc[plot]"``), imported only when a
chart is drawn, so ``import huabei_calc`` stays light. Charts are drawn on the
Agg canvas (no display, no pyplot, no global backend switch). Presentation
only: the functions read a result and never change it.

Titles, axes and legends come from the catalog (ids ``plot.*``) in English or
Chinese. A chart in Chinese needs a font with Chinese glyphs: the first of
:data:`CJK_FONTS` that is installed. If none is, ``lang="zh"`` raises an
:class:`~huabei_calc.errors.InputError` naming ``lang`` that says so (install
one, e.g. Debian's ``fonts-noto-cjk``, or pass ``lang="en"``), rather than
drawing boxes where the characters should be.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Final

from ._catalog import Lang, text
from ._table import check_lang
from .errors import HuabeiCalcError, InputError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .comparison import Comparison
    from .schedule import Schedule

__all__ = ["plot_comparison", "plot_schedule"]

PathLike = str | os.PathLike[str]

CJK_FONTS: Final = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
    "Microsoft YaHei",
    "SimHei",
    "PingFang SC",
    "Heiti SC",
    "Arial Unicode MS",
)
"""Fonts with Chinese glyphs, in order of preference (Linux, Windows, macOS)."""

SUFFIXES: Final = (".png", ".svg", ".pdf")
"""The files a chart is saved as (the format follows the suffix)."""


Lookup = Callable[..., str]
"""``words(key, **params)``: the catalog's ``plot.<key>`` in the chart's language."""


def plot_schedule(schedule: Schedule, path: PathLike | None = None, *, lang: Lang = "en") -> Figure:
    """Chart a schedule: the balance after each period above, each payment's parts below.

    Saves to ``path`` (a ``str`` or ``os.PathLike`` ending in ``.png``, ``.svg`` or
    ``.pdf``; the format follows the suffix) when given, and returns the matplotlib
    ``Figure``. ``lang="zh"`` labels it in Chinese and needs a font with Chinese
    glyphs, the first installed of :data:`CJK_FONTS`; without one it raises an
    ``InputError`` naming ``lang`` instead of drawing boxes. A directory that does
    not exist is the ``OSError`` of saving any file there.

    >>> from huabei_calc import flat_fee
    >>> fig = plot_schedule(flat_fee("5000", 12))
    >>> tuple(ax.get_ylabel() for ax in fig.axes)
    ('Yuan', 'Payment')
    """
    from .schedule import Schedule

    if not isinstance(schedule, Schedule):
        raise InputError("schedule", schedule, "err.plot.schedule")
    target = _path(path)
    with _canvas(lang) as (fig, words):
        top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=(3, 2))
        periods = [row.period for row in schedule.rows]
        first = schedule.rows[0].period if schedule.rows else 0
        xs = [first - 1 if first > 0 else first, *periods]
        balances = [float(schedule.principal), *(float(row.balance) for row in schedule.rows)]
        top.step(xs, balances, where="post", color="#1f77b4", label=words("balance"))
        top.fill_between(xs, balances, step="post", alpha=0.15, color="#1f77b4")
        principal = f"{schedule.principal:,}"
        if schedule.start is None:
            top.set_title(words("schedule_title", principal=principal))
        else:
            start = schedule.start.isoformat()
            top.set_title(words("schedule_title_dated", principal=principal, start=start))
        top.legend(loc="upper right")
        bottom_parts = [0.0] * len(periods)
        for part, color in (("principal", "#1f77b4"), ("interest", "#d62728"), ("fee", "#ff7f0e")):
            values = [float(getattr(row, part)) for row in schedule.rows]
            if any(values):
                bottom.bar(periods, values, bottom=bottom_parts, color=color, label=words(part))
                bottom_parts = [b + v for b, v in zip(bottom_parts, values, strict=True)]
        bottom.set_ylabel(words("payment"))
        bottom.set_xlabel(words("period"))
        bottom.set_ylim(0, max(bottom_parts, default=0.0) * 1.35 or 1.0)  # room for the legend
        bottom.legend(loc="upper right", ncols=3)
        for ax in (top, bottom):
            _yuan_axis(ax, words)
        _save(fig, target)
    return fig


def plot_comparison(
    comparison: Comparison, path: PathLike | None = None, *, lang: Lang = "en"
) -> Figure:
    """Chart a 停息挂账 comparison: the frozen, accruing and untouched balances by date.

    Saves to ``path`` when given and returns the ``Figure`` (see :func:`plot_schedule`).

    >>> from datetime import date
    >>> from huabei_calc import HUABEI, Debt, compare, freeze
    >>> debt = Debt(principal="300")
    >>> fig = plot_comparison(compare(debt, HUABEI, freeze(debt, 3, start=date(2025, 1, 31))))
    >>> handles, labels = fig.axes[0].get_legend_handles_labels()
    >>> print(*labels, sep="; ")
    Frozen plan; Same payments, charges accruing; Nothing paid; Plan ends
    """
    from .comparison import Comparison

    if not isinstance(comparison, Comparison):
        raise InputError("comparison", comparison, "err.plot.comparison")
    target = _path(path)
    with _canvas(lang) as (fig, words):
        ax = fig.subplots()
        # matplotlib's stubs take numbers; at run time its date converter takes dates
        days: list[Any] = [row.date for row in comparison.rows]
        for attr, key, color in (
            ("frozen_balance", "frozen", "#2ca02c"),
            ("accruing_balance", "accruing", "#ff7f0e"),
            ("untouched_balance", "untouched", "#d62728"),
        ):
            values = [float(getattr(row, attr)) for row in comparison.rows]
            ax.step(days, values, where="post", color=color, label=words(key))
        ends = [
            day for day, row in zip(days, comparison.rows, strict=True) if not row.frozen_balance
        ]
        if ends:
            ax.axvline(ends[0], color="#2ca02c", linestyle=":", label=words("plan_end"))
        ax.set_title(words("compare_title", saving=f"{comparison.saving:,}"))
        ax.legend(loc="upper left")
        fig.autofmt_xdate()
        _yuan_axis(ax, words)
        _save(fig, target)
    return fig


def _path(path: object) -> str | None:
    """The file to save to, checked before any drawing: None, or a name with a known suffix."""
    if path is None:
        return None
    if not isinstance(path, str | os.PathLike):
        raise InputError("path", path, "err.plot.path")
    name = os.fspath(path)
    if not isinstance(name, str) or not name.lower().endswith(SUFFIXES):
        raise InputError("path", path, "err.plot.path")
    return name


@contextmanager
def _canvas(lang: object) -> Iterator[tuple[Figure, Lookup]]:
    """A Figure on an Agg canvas, with the catalog's words (and a CJK font) for ``lang``."""
    checked = check_lang(lang)
    try:
        import matplotlib
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise HuabeiCalcError(text("plot.missing_matplotlib")) from None
    rc: Any = {}
    if checked == "zh":
        font = cjk_font()
        if font is None:
            raise InputError("lang", lang, "err.plot.no_cjk_font", fonts=", ".join(CJK_FONTS))
        # the names themselves, not "sans-serif": a text keeps them, so the figure still
        # finds the font when it is saved after this block, under the caller's rcParams
        rc = {"font.family": [font, "DejaVu Sans"]}

    def words(key: str, **params: object) -> str:
        return text(f"plot.{key}", checked, **params)

    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(9, 5.5), layout="constrained")
        FigureCanvasAgg(fig)
        yield fig, words


def cjk_font() -> str | None:
    """The first of :data:`CJK_FONTS` that matplotlib can use, or None.

    matplotlib caches its list of fonts; one installed after the cache was written is
    found by looking through the system's fonts once more (once per process).
    """
    from matplotlib import font_manager

    def first() -> str | None:
        installed = {entry.name for entry in font_manager.fontManager.ttflist}
        return next((name for name in CJK_FONTS if name in installed), None)

    found = first()
    if found is None and _look_again():
        found = first()
    return found


@functools.cache
def _look_again() -> bool:
    """Add the system's fonts matplotlib's cache does not know; True if there were any."""
    from matplotlib import font_manager

    known = {entry.fname for entry in font_manager.fontManager.ttflist}
    added = False
    for name in font_manager.findSystemFonts():
        if name not in known:
            try:
                font_manager.fontManager.addfont(name)
                added = True
            except (OSError, RuntimeError, ValueError):  # a file FreeType cannot read
                continue
    return added


def _yuan_axis(ax: Any, words: Lookup) -> None:
    from matplotlib.ticker import FuncFormatter

    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))
    ax.grid(axis="y", alpha=0.3)
    if not ax.get_ylabel():
        ax.set_ylabel(words("yuan"))


def _save(fig: Figure, path: str | None) -> None:
    if path is not None:
        fig.savefig(path, dpi=110)
