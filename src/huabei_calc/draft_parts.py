"""The later sections of the negotiation draft: 方案对比 (with the chart and the legal cost
check), 困难说明, 还款承诺 and 注意事项; :mod:`huabei_calc.drafting` assembles the document.

Every figure is read from library results (``compare``, ``breach``, ``accrue``,
``Comparison.cost_check``); nothing here computes a rule of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from typing import Final

from ._catalog import Lang, text
from ._dates import add_months
from .case_results import Proposal
from .cases import Case
from .comparison import Comparison
from .document import Block, Cell, Chart, Items, Paragraph, Placeholder, Table, money
from .errors import InputError
from .overdue import Accrual, accrue
from .schedule import Schedule
from .svgchart import line_chart

__all__: list[str] = []  # used by drafting: no public names of its own

Words = Callable[..., str]
"""The word look-up the section builders get: ``t(code, **params)`` in the draft's language."""
BREACH_MONTHS: Final = 12
"""The breach warning prices a missed first installment over this many months."""
_ZERO: Final = Decimal("0.00")


@dataclass(frozen=True, slots=True)
class DraftAccount:
    """What the draft shows of one account: its plan, comparison and breach cost."""

    label: str
    plan: Schedule
    comparison: Comparison
    breach: Accrual


def num(value: Decimal, field: str, account: str = "") -> Cell:
    return Cell(money(value), field, account, number=True)


def day(value: date | None, t: Words) -> str:
    return value.isoformat() if value is not None else t("not_within", years=10)


def comparison(
    case: Case, p: Proposal, _f: bool, accounts: list[DraftAccount], t: Words, *, lang: Lang
) -> tuple[Block, ...]:
    look = t
    headers = tuple(
        look(k)
        for k in ("account", "frozen_total", "accruing_total", "cleared_on", "untouched", "saving")
    )
    rows = []
    for a in accounts:
        c = a.comparison
        rows.append(
            (
                Cell(a.label),
                num(c.frozen_total, "frozen_total", a.label),
                num(c.accruing_total, "accruing_total", a.label),
                Cell(day(c.accruing_cleared_on, look), "accruing_cleared_on", a.label),
                num(c.untouched_balance, "untouched_balance", a.label),
                num(c.saving, "saving", a.label),
            )
        )
    sums = [
        sum((getattr(a.comparison, f) for a in accounts), _ZERO)
        for f in ("frozen_total", "accruing_total", "untouched_balance", "saving")
    ]
    rows.append(
        (
            Cell(look("total")),
            num(sums[0], "frozen_total", "*"),
            num(sums[1], "accruing_total", "*"),
            Cell(""),
            num(sums[2], "untouched_balance", "*"),
            num(sums[3], "saving", "*"),
        )
    )
    blocks: list[Block] = [
        Paragraph(look("comparison_intro")),
        Table(headers, tuple(rows), total_rows=1),
        _chart(case, p, accounts, look),
    ]
    blocks.extend(cost_check_blocks(case, accounts, look, lang))
    return tuple(blocks)


def cost_check_blocks(
    case: Case, accounts: list[DraftAccount], look: Words, lang: Lang
) -> tuple[Block, ...]:
    """The legal cost check (``Comparison.cost_check``, :func:`huabei_calc.check_cost`).

    For each account, the annual cost of the debt if charges keep running (the XIRR of the
    accruing scenario) against each reference line that applies to a financial lender on
    the case date (docs/rules.md): information for the negotiation, never a verdict.
    An account whose flows give no annual cost (a debt cleared by the first payment) has
    no row.
    """
    from ._table import percent

    rows = []
    for a in accounts:
        try:
            check = a.comparison.cost_check(on=case.on)
        except InputError:  # no annual cost to state (nothing owed after the first payment,
            continue  # or flows that give no rate): the account has no line to show
        for line in check.lines:
            if not line.applies:
                continue
            rows.append(
                (
                    Cell(a.label),
                    Cell(percent(check.rate), "cost_rate", a.label, number=True),
                    Cell(text(f"rules.line.{line.name}", lang)),
                    Cell(percent(line.value or Decimal(0)), "cost_line", a.label, number=True),
                    Cell(
                        look("cli.yes") if line.exceeded else look("cli.no"),
                        f"cost_exceeds.{line.name}",
                        a.label,
                    ),
                )
            )
    if not rows:
        return ()
    headers = tuple(
        look(k) for k in ("account", "cost_rate", "cost_line", "cost_value", "cost_exceeds")
    )
    return (Paragraph(look("cost_intro", on=case.on)), Table(headers, tuple(rows)))


def _chart(case: Case, p: Proposal, accounts: list[DraftAccount], look: Words) -> Chart:
    """Σ over accounts of the three balances on each month's date of the longest plan."""
    days = [add_months(case.on, k) for k in range(p.periods + 1)]
    frozen = [_ZERO] * len(days)
    accruing = [_ZERO] * len(days)
    untouched = [_ZERO] * len(days)
    for a, account in zip(accounts, case.accounts, strict=True):
        owed = case.owed(a.label)
        by_day = {r.date: r for r in a.comparison.rows}
        prod = replace(account.product, grace_days=0)
        for i, day in enumerate(days):
            row = by_day.get(day)
            if row is not None:
                values = (row.frozen_balance, row.accruing_balance, row.untouched_balance)
            elif i == 0:
                values = (owed.without(a.plan.waived).total, owed.total, owed.total)
            else:  # the accruing debt was cleared before this day; the frozen plan too
                values = (_ZERO, _ZERO, accrue(owed, prod, since=case.on, until=day).debt.total)
            frozen[i] += values[0]
            accruing[i] += values[1]
            untouched[i] += values[2]
    labels = [d.strftime("%Y-%m") for d in days]
    series = [
        (look("series_frozen"), "#1f6f3f", frozen),
        (look("series_accruing"), "#c0392b", accruing),
        (look("series_untouched"), "#7f7f7f", untouched),
    ]
    title = look("chart_title")
    return Chart(line_chart(labels, series, title=title), look("chart_alt"))


def hardship(look: Words) -> tuple[Block, ...]:
    t = look
    return (
        Paragraph(t("hardship_intro")),
        Placeholder(t("hardship_placeholder")),
        Paragraph(t("evidence_intro")),
        Items(tuple(t(f"evidence.{k}") for k in ("payslip", "income", "medical", "other"))),
    )


def promise(case: Case, p: Proposal, look: Words) -> tuple[Block, ...]:
    t = look
    name = case.applicant.name if case.applicant else t("fill_in")
    return (
        Paragraph(t("promise", monthly=money(p.monthly_total), periods=p.periods)),
        Paragraph(t("signature", name=name)),
    )


def notes(case: Case, accounts: list[DraftAccount], look: Words) -> tuple[Block, ...]:
    t = look
    headers = tuple(t(k) for k in ("account", "lapse_date", "revived", "owed_later", "charged"))
    rows = []
    for a in accounts:
        b = a.breach
        rows.append(
            (
                Cell(a.label),
                Cell(b.since.isoformat(), "breach_since", a.label),
                num(b.debt.total - b.charged, "breach_owed", a.label),
                num(b.debt.total, "breach_total", a.label),
                num(b.charged, "breach_charged", a.label),
            )
        )
    until = accounts[0].breach.until
    return (
        Items((t("note.agency"), t("note.credit"), t("note.breach"), t("note.keep"))),
        Paragraph(t("breach_intro", months=BREACH_MONTHS, until=until)),
        Table(headers, tuple(rows)),
    )
