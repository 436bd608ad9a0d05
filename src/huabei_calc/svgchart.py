"""A line chart as inline SVG, drawn by our own code (no plotting dependency).

Used by the negotiation draft: balances over time in three scenarios. Only reads
the numbers it is given; positions are rounded to 0.1 px for a compact file.

>>> svg = line_chart(["a", "b"], [("x", "#000", [Decimal(0), Decimal(10)])], title="t")
>>> svg.startswith("<svg") and "polyline" in svg
True
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from decimal import Decimal
from typing import Final

__all__: list[str] = []  # used by the draft: no public names of its own

_W: Final = 640
_H: Final = 320
_LEFT: Final = 78
_RIGHT: Final = 16
_TOP: Final = 40
_BOTTOM: Final = 62


def _nice_step(top: float) -> float:
    raw = top / 4 if top > 0 else 1.0
    magnitude = 10 ** (len(str(int(raw))) - 1) if raw >= 1 else 1
    for factor in (1, 2, 2.5, 5, 10):
        if raw <= factor * magnitude:
            return float(factor * magnitude)
    return float(10 * magnitude)


def line_chart(
    labels: Sequence[str],
    series: Sequence[tuple[str, str, Sequence[Decimal]]],
    *,
    title: str,
) -> str:
    """An SVG of ``series`` (name, colour, one value per label) over the x ``labels``.

    The y axis starts at 0; about five x labels are written, the first and the last
    among them.
    """
    n = len(labels)
    top = max((float(v) for _, _, values in series for v in values), default=0.0)
    step = _nice_step(top)
    ticks = max(1, int(-(-top // step)))
    y_max = step * ticks
    plot_w, plot_h = _W - _LEFT - _RIGHT, _H - _TOP - _BOTTOM

    def x(i: int) -> float:
        return _LEFT + (plot_w * i / (n - 1) if n > 1 else plot_w / 2)

    def y(v: float) -> float:
        return _TOP + plot_h * (1 - v / y_max)

    esc = html.escape
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {_W} {_H}" '
        f'role="img" aria-label="{esc(title)}">',
        f'<text x="{_W / 2}" y="20" text-anchor="middle" font-size="15" '
        f'font-weight="bold">{esc(title)}</text>',
    ]
    for k in range(ticks + 1):
        value = step * k
        yy = y(value)
        out.append(
            f'<line x1="{_LEFT}" y1="{yy:.1f}" x2="{_W - _RIGHT}" y2="{yy:.1f}" '
            f'stroke="#ddd" stroke-width="1"/>'
            f'<text x="{_LEFT - 6}" y="{yy + 4:.1f}" text-anchor="end" font-size="11">'
            f"{value:,.0f}</text>"
        )
    every = max(1, -(-(n - 1) // 5)) if n > 1 else 1
    shown = sorted({*range(0, n, every), n - 1})
    for i in shown:  # the last label ends at its point, so that it is not cut off
        anchor = "end" if i == n - 1 and n > 1 else "middle"
        out.append(
            f'<text x="{x(i):.1f}" y="{_H - _BOTTOM + 16}" text-anchor="{anchor}" '
            f'font-size="11">{esc(labels[i])}</text>'
        )
    out.append(
        f'<line x1="{_LEFT}" y1="{_TOP + plot_h}" x2="{_W - _RIGHT}" y2="{_TOP + plot_h}" '
        f'stroke="#333" stroke-width="1"/>'
    )
    for j, (name, colour, values) in enumerate(series):
        points = " ".join(f"{x(i):.1f},{y(float(v)):.1f}" for i, v in enumerate(values))
        out.append(
            f'<polyline fill="none" stroke="{colour}" stroke-width="2.2" points="{points}">'
            f"<title>{esc(name)}</title></polyline>"
        )
        lx = _LEFT + j * 190
        ly = _H - 16
        out.append(
            f'<rect x="{lx}" y="{ly - 9}" width="14" height="4" fill="{colour}"/>'
            f'<text x="{lx + 20}" y="{ly - 3}" font-size="12">{esc(name)}</text>'
        )
    out.append("</svg>")
    return "".join(out)
