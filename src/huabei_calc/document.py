"""A small document model and its two renderings: one self-contained HTML file, and Markdown.

:mod:`huabei_calc.drafting` builds a :class:`Document` from library results; this module
only lays it out and never computes a figure. The HTML has its CSS inline (A4 print
styles, a Chinese font fallback list, tables that scroll on a phone) and its chart as
inline SVG; every number cell carries ``data-field`` and ``data-account`` so that a
test (or a person's script) can read the figures back.

>>> doc = Document("T", "zh", (Section("s", "S", (Paragraph("p"),)),), "n")
>>> "<h2" in to_html(doc) and to_markdown(doc).startswith("# T")
True
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final

from ._catalog import Lang

__all__: list[str] = []  # the draft's layout: no public names of its own


def money(value: Decimal) -> str:
    """An amount for people: thousands grouped, two places (``1,234.50``)."""
    return f"{value:,.2f}"


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell; a number cell names its ``field`` and ``account`` for readers."""

    text: str
    field: str = ""
    account: str = ""
    number: bool = False


@dataclass(frozen=True, slots=True)
class Paragraph:
    text: str
    strong: bool = False


@dataclass(frozen=True, slots=True)
class Items:
    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Placeholder:
    """A marked place for the person's own words."""

    text: str
    lines: int = 6


@dataclass(frozen=True, slots=True)
class Table:
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    caption: str = ""
    total_rows: int = 0  # the last ``total_rows`` rows are totals (bold)


@dataclass(frozen=True, slots=True)
class Chart:
    """An inline SVG (HTML only); ``alt`` is what Markdown shows instead."""

    svg: str
    alt: str


Block = Paragraph | Items | Placeholder | Table | Chart


@dataclass(frozen=True, slots=True)
class Section:
    id: str
    title: str
    blocks: tuple[Block, ...]


@dataclass(frozen=True, slots=True)
class Document:
    title: str
    lang: Lang
    sections: tuple[Section, ...]
    notice: str
    subtitle: str = ""
    meta: tuple[str, ...] = field(default=())


_FONTS: Final = (
    '"Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "PingFang SC", '
    '"Hiragino Sans GB", "Microsoft YaHei", "WenQuanYi Micro Hei", "Heiti SC", sans-serif'
)
_CSS: Final = f"""
*{{box-sizing:border-box}}
html{{-webkit-text-size-adjust:100%}}
body{{font-family:{_FONTS};color:#111;background:#fff;line-height:1.6;margin:0 auto;
max-width:60rem;padding:1rem}}
h1{{font-size:1.6rem;text-align:center;margin:.5rem 0 .25rem}}
.subtitle{{text-align:center;color:#444;margin:0 0 1rem}}
h2{{font-size:1.15rem;border-bottom:2px solid #333;padding-bottom:.2rem;margin-top:1.6rem}}
.scroll{{overflow-x:auto;-webkit-overflow-scrolling:touch}}
table{{border-collapse:collapse;width:100%;margin:.5rem 0;font-size:.92rem}}
caption{{text-align:left;font-weight:bold;padding:.2rem 0}}
th,td{{border:1px solid #999;padding:.25rem .45rem;vertical-align:top}}
th{{background:#eee}}
td.num{{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}}
td:first-child{{white-space:nowrap}}
tr.total td{{font-weight:bold;background:#f6f6f6}}
.placeholder{{border:1px dashed #888;min-height:8rem;padding:.5rem;color:#666;
background:#fafafa}}
.notice{{border-left:4px solid #c60;background:#fff7ee;padding:.5rem .8rem;margin:1rem 0}}
.strong{{font-weight:bold}}
.meta{{color:#444;font-size:.9rem}}
svg{{width:100%;height:auto;max-width:44rem;display:block;margin:.5rem auto}}
@media (max-width:600px){{body{{padding:.5rem}}table{{font-size:.8rem}}h1{{font-size:1.3rem}}}}
@page{{size:A4;margin:16mm 14mm}}
@media print{{body{{max-width:none;padding:0;font-size:10.5pt}}.scroll{{overflow:visible}}
h2{{break-after:avoid;page-break-after:avoid}}tr,svg,.placeholder{{break-inside:avoid;
page-break-inside:avoid}}a{{color:inherit;text-decoration:none}}}}
"""


def _cell(cell: Cell, tag: str = "td") -> str:
    attrs = ' class="num"' if cell.number else ""
    if cell.field:
        attrs += f' data-field="{html.escape(cell.field)}"'
    if cell.account:
        attrs += f' data-account="{html.escape(cell.account)}"'
    return f"<{tag}{attrs}>{html.escape(cell.text)}</{tag}>"


def _html_block(block: Block) -> str:
    if isinstance(block, Paragraph):
        cls = ' class="strong"' if block.strong else ""
        return f"<p{cls}>{html.escape(block.text)}</p>"
    if isinstance(block, Items):
        return "<ul>" + "".join(f"<li>{html.escape(i)}</li>" for i in block.items) + "</ul>"
    if isinstance(block, Placeholder):
        return f'<div class="placeholder">{html.escape(block.text)}</div>'
    if isinstance(block, Chart):
        return f'<figure role="img" aria-label="{html.escape(block.alt)}">{block.svg}</figure>'
    out = ['<div class="scroll"><table>']
    if block.caption:
        out.append(f"<caption>{html.escape(block.caption)}</caption>")
    out.append("<thead><tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in block.headers))
    out.append("</tr></thead><tbody>")
    first_total = len(block.rows) - block.total_rows
    for i, row in enumerate(block.rows):
        cls = ' class="total"' if i >= first_total else ""
        out.append(f"<tr{cls}>" + "".join(_cell(c) for c in row) + "</tr>")
    out.append("</tbody></table></div>")
    return "".join(out)


def to_html(doc: Document) -> str:
    """One self-contained HTML file: inline CSS and SVG, nothing fetched."""
    lang = "zh-CN" if doc.lang == "zh" else "en"
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{lang}"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{html.escape(doc.title)}</title><style>{_CSS}</style></head><body>",
        f"<h1>{html.escape(doc.title)}</h1>",
    ]
    if doc.subtitle:
        parts.append(f'<p class="subtitle">{html.escape(doc.subtitle)}</p>')
    parts.extend(f'<p class="meta">{html.escape(m)}</p>' for m in doc.meta)
    parts.append(f'<p class="notice">{html.escape(doc.notice)}</p>')
    for section in doc.sections:
        parts.append(f'<section id="{section.id}"><h2>{html.escape(section.title)}</h2>')
        parts.extend(_html_block(b) for b in section.blocks)
        parts.append("</section>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def _md(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("*", "\\*").replace("_", "\\_")


def _md_block(block: Block) -> str:
    if isinstance(block, Paragraph):
        return f"**{_md(block.text)}**" if block.strong else _md(block.text)
    if isinstance(block, Items):
        return "\n".join(f"- {_md(i)}" for i in block.items)
    if isinstance(block, Placeholder):
        return "\n".join([f"> {_md(block.text)}", *([">"] * block.lines)])
    if isinstance(block, Chart):
        return f"*{_md(block.alt)}*"
    out = [f"**{_md(block.caption)}**\n"] if block.caption else []
    out.append("| " + " | ".join(_md(h) for h in block.headers) + " |")
    align = ["---:" if c.number else "---" for c in block.rows[0]] if block.rows else []
    out.append("| " + " | ".join(align or ["---"] * len(block.headers)) + " |")
    first_total = len(block.rows) - block.total_rows
    for i, row in enumerate(block.rows):
        cells = [_md(c.text) for c in row]
        if i >= first_total:
            cells = [f"**{c}**" if c else c for c in cells]
        out.append("| " + " | ".join(cells) + " |")
    return "\n".join(out)


def to_markdown(doc: Document) -> str:
    """The same document in Markdown (pipe tables; the chart's description in its place)."""
    parts = [f"# {_md(doc.title)}"]
    if doc.subtitle:
        parts.append(_md(doc.subtitle))
    parts.extend(_md(m) for m in doc.meta)
    parts.append(f"> {_md(doc.notice)}")
    for section in doc.sections:
        parts.append(f"## {_md(section.title)}")
        parts.extend(_md_block(b) for b in section.blocks)
    return "\n\n".join(parts) + "\n"
