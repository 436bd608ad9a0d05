"""Balance charts: a schedule's balance and payments, and a comparison's three scenarios.

Needs matplotlib (``pip install "huabei-calc[plot]"``), imported only when a
chart is drawn, so ``import huabei_calc`` stays light. Charts are drawn on the
Agg canvas (no display, no pyplot, no global backend switch). Presentation
only: the functions read a result and never change it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Final, Literal

from .errors import HuabeiCalcError, InputError

if TYPE_CHECKING:
    from matplotlib.figure import Figure

    from .comparison import Comparison
    from .schedule import Schedule

__all__ = ["plot_comparison", "plot_schedule"]

Lang = Literal["en", "zh"]
PathLike = str | os.PathLike[str]

_LABELS: Final = {
    "en": {
        "schedule": "Repayment schedule",
        "balance": "Balance after payment",
        "payment": "Payment",
        "principal": "Principal",
        "interest": "Interest",
        "fee": "Fee",
        "period": "Period",
        "yuan": "Yuan",
        "compare": "Interest-frozen plan vs. charges still accruing",
        "frozen": "Frozen plan",
        "accruing": "Same payments, charges accruing",
        "untouched": "Nothing paid",
        "saving": "saving",
        "plan_end": "Plan ends",
    },
    "zh": {
        "schedule": "还款计划",
        "balance": "还款后剩余本金",
        "payment": "每期还款",
        "principal": "本金",
        "interest": "利息",
        "fee": "手续费",
        "period": "期数",
        "yuan": "元",
        "compare": "停息挂账与继续计息对比",
        "frozen": "停息挂账",
        "accruing": "同样还款、继续计息",
        "untouched": "不还款",
        "saving": "节省",
        "plan_end": "计划结束",
    },
}
# Fonts with Chinese glyphs, in order of preference; without one, labels fall back to English.
_CJK_FONTS: Final = (
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
_MISSING: Final = 'charts need matplotlib, which is not installed: pip install "huabei-calc[plot]"'


def plot_schedule(schedule: Schedule, path: PathLike | None = None, *, lang: Lang = "en") -> Figure:
    """Chart a schedule: the balance after each period above, each payment's parts below.

    Saves to ``path`` (the format from its suffix: ``.png``, ``.svg``, ``.pdf``)
    when given, and returns the matplotlib ``Figure``. ``lang="zh"`` labels in
    Chinese when a font with Chinese glyphs is installed (else in English).
    """
    from .schedule import Schedule

    if not isinstance(schedule, Schedule):
        raise InputError("schedule", schedule, "must be a Schedule")
    with _canvas(lang) as (fig, words):
        top, bottom = fig.subplots(2, 1, sharex=True, height_ratios=(3, 2))
        periods = [row.period for row in schedule.rows]
        first = schedule.rows[0].period if schedule.rows else 0
        xs = [first - 1 if first > 0 else first, *periods]
        balances = [float(schedule.principal), *(float(row.balance) for row in schedule.rows)]
        top.step(xs, balances, where="post", color="#1f77b4", label=words["balance"])
        top.fill_between(xs, balances, step="post", alpha=0.15, color="#1f77b4")
        top.set_title(_title(words["schedule"], schedule))
        top.legend(loc="upper right")
        bottom_parts = [0.0] * len(periods)
        for part, color in (("principal", "#1f77b4"), ("interest", "#d62728"), ("fee", "#ff7f0e")):
            values = [float(getattr(row, part)) for row in schedule.rows]
            if any(values):
                bottom.bar(periods, values, bottom=bottom_parts, color=color, label=words[part])
                bottom_parts = [b + v for b, v in zip(bottom_parts, values, strict=True)]
        bottom.set_ylabel(words["payment"])
        bottom.set_xlabel(words["period"])
        bottom.set_ylim(0, max(bottom_parts, default=0.0) * 1.35 or 1.0)  # room for the legend
        bottom.legend(loc="upper right", ncols=3)
        for ax in (top, bottom):
            _yuan_axis(ax, words)
        _save(fig, path)
    return fig


def plot_comparison(
    comparison: Comparison, path: PathLike | None = None, *, lang: Lang = "en"
) -> Figure:
    """Chart a 停息挂账 comparison: the frozen, accruing and untouched balances by date.

    Saves to ``path`` when given and returns the ``Figure`` (see :func:`plot_schedule`).
    """
    from .comparison import Comparison

    if not isinstance(comparison, Comparison):
        raise InputError("comparison", comparison, "must be a Comparison from compare()")
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
            ax.step(days, values, where="post", color=color, label=words[key])
        ends = [
            day for day, row in zip(days, comparison.rows, strict=True) if not row.frozen_balance
        ]
        if ends:
            ax.axvline(ends[0], color="#2ca02c", linestyle=":", label=words["plan_end"])
        ax.set_title(f"{words['compare']} ({words['saving']} {comparison.saving:,})")
        ax.legend(loc="upper left")
        fig.autofmt_xdate()
        _yuan_axis(ax, words)
        _save(fig, path)
    return fig


@contextmanager
def _canvas(lang: object) -> Iterator[tuple[Figure, dict[str, str]]]:
    """A Figure on an Agg canvas, with labels (and a CJK font) for ``lang``."""
    if lang not in _LABELS:
        raise InputError("lang", lang, "must be 'en' or 'zh'")
    try:
        import matplotlib
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise HuabeiCalcError(_MISSING) from None
    font = _cjk_font() if lang == "zh" else None
    words = _LABELS["zh" if font else "en"]
    rc: Any = (
        {"font.family": "sans-serif", "font.sans-serif": [font, "DejaVu Sans"]} if font else {}
    )
    with matplotlib.rc_context(rc):
        fig = Figure(figsize=(9, 5.5), layout="constrained")
        FigureCanvasAgg(fig)
        yield fig, words


def _cjk_font() -> str | None:
    from matplotlib import font_manager

    installed = {entry.name for entry in font_manager.fontManager.ttflist}
    return next((name for name in _CJK_FONTS if name in installed), None)


def _title(label: str, schedule: Schedule) -> str:
    start = f", {schedule.start.isoformat()}" if schedule.start else ""
    return f"{label} ({schedule.principal:,}{start})"


def _yuan_axis(ax: Any, words: dict[str, str]) -> None:
    from matplotlib.ticker import FuncFormatter

    ax.yaxis.set_major_formatter(FuncFormatter(lambda value, _: f"{value:,.0f}"))
    ax.grid(axis="y", alpha=0.3)
    if not ax.get_ylabel():
        ax.set_ylabel(words["yuan"])


def _save(fig: Figure, path: PathLike | None) -> None:
    if path is not None:
        fig.savefig(os.fspath(path), dpi=110)
