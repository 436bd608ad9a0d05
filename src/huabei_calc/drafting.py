"""The negotiation draft (协商还款申请): a case and its proposal as a document to submit.

Sections follow the order of a lender's form: 申请人信息, 欠款总额及分项明细,
收入状况及家庭支出详情, 还款能力与申请方案, 预计还款时间表, 方案对比 (with the chart),
困难说明, 还款承诺, 注意事项. Every figure is a library result (breakdown, plans,
:func:`~huabei_calc.comparison.compare`, :func:`~huabei_calc.plans.breach`) with the
date it holds for; the words come from the catalog (``draft.*``). The document is
information for a negotiation, not legal advice, and says so once.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from functools import partial
from typing import Final, Literal

from ._catalog import Lang, text
from ._dates import add_months
from .cases import Case, Proposal
from .comparison import Comparison, compare
from .document import (
    Block,
    Cell,
    Chart,
    Document,
    Items,
    Paragraph,
    Placeholder,
    Section,
    Table,
    money,
    to_html,
    to_markdown,
)
from .errors import InputError
from .money import Amount
from .overdue import Accrual, accrue
from .plans import breach
from .schedule import Schedule
from .svgchart import line_chart

__all__ = ["draft"]

Format = Literal["html", "markdown"]
Words = Callable[..., str]
"""The word look-up the section builders get: ``t(code, **params)`` in the draft's language."""
SECTIONS: Final = (
    "applicant",
    "debts",
    "budget",
    "plan",
    "schedule",
    "comparison",
    "hardship",
    "promise",
    "notes",
)
"""The section ids, in the order of the document (HTML ``<section id=…>``)."""
BREACH_MONTHS: Final = 12
"""The breach warning prices a missed first installment over this many months."""
_ZERO: Final = Decimal("0.00")


@dataclass(frozen=True, slots=True)
class _Account:
    """What the draft shows of one account: its plan, comparison and breach cost."""

    label: str
    plan: Schedule
    comparison: Comparison
    breach: Accrual


def draft(
    case: Case,
    proposal: Proposal | None = None,
    *,
    lang: Lang = "zh",
    format: Format = "html",
) -> str:
    """The negotiation draft of ``case`` as one HTML file or Markdown text.

    ``proposal`` defaults to ``case.propose()`` (the shortest plans within the
    budget, penalties waived); when no plan fits, the 60-period plans are shown and
    the draft says plainly how much is missing each month.

    >>> from huabei_calc import HUABEI, Debt
    >>> from huabei_calc.cases import Account
    >>> case = Case((Account("花呗", HUABEI, Debt(principal="8000")),), on=date(2026, 11, 29),
    ...             income={"工资": "6500"}, expenses={"房租": "1800"})
    >>> md = draft(case, format="markdown")
    >>> md.splitlines()[0], "## 方案对比" in md
    ('# 协商还款申请', True)
    """
    if lang not in ("en", "zh"):
        raise InputError("lang", lang, "err.draft_choice", accepted="'zh', 'en'")
    if format not in ("html", "markdown"):
        raise InputError("format", format, "err.draft_choice", accepted="'html', 'markdown'")
    if not isinstance(case, Case):
        raise InputError("case", case, "err.case_not_case")
    fits = True
    if proposal is None:
        try:
            proposal = case.propose()
        except InputError as err:
            if err.name != "budget":
                raise
            proposal, fits = case.plan(60), False
    elif not isinstance(proposal, Proposal) or set(proposal.plans) != {
        a.label for a in case.accounts
    }:
        raise InputError("proposal", proposal, "err.draft_proposal")
    else:
        fits = proposal.monthly_total <= case.budget
    doc = _document(case, proposal, fits, lang)
    return to_html(doc) if format == "html" else to_markdown(doc)


def _accounts(case: Case, proposal: Proposal) -> list[_Account]:
    out = []
    for account in case.accounts:
        owed, plan = case.owed(account.label), proposal.plans[account.label]
        first = next(r for r in plan.rows if r.period == 1)
        assert first.due is not None  # plans made by freeze carry dates
        lapse = breach(
            owed,
            account.product,
            plan,
            missed_period=1,
            until=add_months(first.due, BREACH_MONTHS),
            revive=plan.waived,
        )
        out.append(_Account(account.label, plan, compare(owed, account.product, plan), lapse))
    return out


def _document(case: Case, proposal: Proposal, fits: bool, lang: Lang) -> Document:
    def t(code: str, **params: object) -> str:
        return text(f"draft.{code}", lang, **params)

    accounts = _accounts(case, proposal)
    Builder = Callable[[Case, Proposal, bool, list[_Account], Words], tuple[Block, ...]]
    comparison: Builder = partial(_comparison, lang=lang)
    builders: tuple[Builder, ...] = (_applicant, _debts, _budget, _plan, _schedule, comparison)
    sections = [
        Section(sid, t(f"section.{sid}"), build(case, proposal, fits, accounts, t))
        for sid, build in zip(SECTIONS, builders, strict=False)
    ]
    sections.append(Section("hardship", t("section.hardship"), _hardship(t)))
    sections.append(Section("promise", t("section.promise"), _promise(case, proposal, t)))
    sections.append(Section("notes", t("section.notes"), _notes(case, accounts, t)))
    return Document(
        t("title"),
        lang,
        tuple(sections),
        t("disclaimer"),
        subtitle=t("subtitle", on=case.on),
    )


def _num(value: Decimal, field: str, account: str = "") -> Cell:
    return Cell(money(value), field, account, number=True)


def _day(value: date | None, t: Words) -> str:
    return value.isoformat() if value is not None else t("not_within", years=10)


def _applicant(
    case: Case, _p: Proposal, _f: bool, _a: list[_Account], t: Words
) -> tuple[Block, ...]:
    look = t
    who = case.applicant
    blank = look("fill_in")
    rows = (
        (Cell(look("name")), Cell(who.name if who else blank)),
        (Cell(look("id_number")), Cell(who.id_number or blank if who else blank, "id_number")),
        (Cell(look("phone")), Cell(who.phone or blank if who else blank)),
        (Cell(look("case_date")), Cell(case.on.isoformat(), "on")),
    )
    return (Table((look("item"), look("value")), rows),)


def _debts(case: Case, _p: Proposal, _f: bool, _a: list[_Account], t: Words) -> tuple[Block, ...]:
    look = t
    bd = case.breakdown()
    headers = tuple(
        look(k)
        for k in (
            "account",
            "product",
            "statement_date",
            "principal",
            "interest",
            "fees",
            "penalty",
            "added",
            "total",
        )
    )
    rows = []
    for r in bd.rows:
        rows.append(
            (
                Cell(r.label),
                Cell(
                    look(f"product.{r.product.name}")
                    if r.product.name in ("huabei", "jiebei")
                    else r.product.name
                ),
                Cell(r.as_of.isoformat() if r.as_of else "—"),
                _num(r.debt.principal, "principal", r.label),
                _num(r.debt.interest, "interest", r.label),
                _num(r.debt.fees, "fees", r.label),
                _num(r.debt.penalty, "penalty", r.label),
                _num(r.added, "added", r.label),
                _num(r.debt.total, "total", r.label),
            )
        )
    rows.append(
        (
            Cell(look("total")),
            Cell(""),
            Cell(""),
            _num(bd.total.principal, "principal", "*"),
            _num(bd.total.interest, "interest", "*"),
            _num(bd.total.fees, "fees", "*"),
            _num(bd.total.penalty, "penalty", "*"),
            _num(bd.added, "added", "*"),
            _num(bd.total.total, "total", "*"),
        )
    )
    blocks: list[Block] = [
        Paragraph(look("debts_intro", on=case.on)),
        Table(headers, tuple(rows), total_rows=1),
    ]
    rules = []
    for r in bd.rows:
        if r.since is None:
            rules.append(look("rule_none", label=r.label))
        else:
            rules.append(
                look(
                    "rule",
                    label=r.label,
                    rate=look(
                        f"rate.{r.product.overdue_rate.period}",
                        value=str(r.product.overdue_rate).rpartition("/")[0],
                    ),
                    since=r.since,
                    on=case.on,
                    days=r.days,
                    added=money(r.added),
                )
            )
    blocks.append(Items(tuple(rules)))
    return tuple(blocks)


def _money_table(
    entries: Mapping[str, Amount], caption: str, total: str, field: str, look: Words
) -> Table:
    values = {k: Decimal(v) for k, v in entries.items()}  # the case holds Decimals
    rows = [(Cell(k), _num(v, field, k)) for k, v in values.items()]
    rows.append((Cell(total), _num(sum(values.values(), _ZERO), field, "*")))
    return Table((look("item"), look("monthly_amount")), tuple(rows), caption, total_rows=1)


def _budget(case: Case, _p: Proposal, _f: bool, _a: list[_Account], t: Words) -> tuple[Block, ...]:
    look = t
    budget = case.budget
    blocks: list[Block] = [
        _money_table(case.income, look("income"), look("income_total"), "income", look),
        _money_table(case.expenses, look("expenses"), look("expenses_total"), "expenses", look),
        Paragraph(look("surplus", budget=money(budget)), strong=True),
    ]
    if budget <= 0:
        blocks.append(Paragraph(look("no_surplus"), strong=True))
    return tuple(blocks)


def _waived_words(waive: tuple[str, ...], look: Words) -> str:
    return look("sep").join(look(f"bucket.{b}") for b in waive) if waive else look("nothing_waived")


def _plan(
    case: Case, p: Proposal, fits: bool, accounts: list[_Account], t: Words
) -> tuple[Block, ...]:
    look = t
    monthly = p.monthly()
    down = sum((v for k, _, v in monthly if k == 0), _ZERO)
    blocks: list[Block] = [
        Paragraph(
            look(
                "plan_ask",
                periods=p.periods,
                down=money(down),
                monthly=money(p.monthly_total),
                waived=_waived_words(p.waive, look),
                start=case.on,
            ),
            strong=True,
        )
    ]
    if fits:
        blocks.append(Paragraph(look("plan_fits", budget=money(case.budget))))
    else:
        gap = p.monthly_total - case.budget
        blocks.append(
            Paragraph(look("plan_short", budget=money(case.budget), gap=money(gap)), strong=True)
        )
    headers = tuple(
        look(k)
        for k in (
            "account",
            "owed",
            "waived",
            "frozen",
            "down_payment",
            "periods",
            "first_payment",
            "regular_payment",
        )
    )
    rows = []
    for a in accounts:
        owed = case.owed(a.label)
        regular = a.plan.rows[-1].payment
        first = next(r.payment for r in a.plan.rows if r.period == 1)
        plan_down = a.plan.rows[0].payment if a.plan.rows[0].period == 0 else _ZERO
        rows.append(
            (
                Cell(a.label),
                _num(owed.total, "owed", a.label),
                _num(owed.total - a.plan.principal, "waived", a.label),
                _num(a.plan.principal, "frozen", a.label),
                _num(plan_down, "down_payment", a.label),
                Cell(str(a.plan.rows[-1].period), "periods", a.label, number=True),
                _num(first, "first_payment", a.label),
                _num(regular, "regular_payment", a.label),
            )
        )
    blocks.append(Table(headers, tuple(rows)))
    return tuple(blocks)


def _schedule(
    case: Case, p: Proposal, _f: bool, accounts: list[_Account], t: Words
) -> tuple[Block, ...]:
    look = t
    pay = {a.label: {r.period: r.payment for r in a.plan.rows} for a in accounts}
    rows = []
    for k, day, total in p.monthly():
        cells = [Cell(str(k)), Cell(day.isoformat())]
        cells += [_num(pay[a.label].get(k, _ZERO), f"pay{k}", a.label) for a in accounts]
        cells.append(_num(total, f"pay{k}", "*"))
        rows.append(tuple(cells))
    headers = (look("period"), look("due"), *(a.label for a in accounts), look("monthly_total"))
    return (Paragraph(look("schedule_intro")), Table(headers, tuple(rows)))


def _comparison(
    case: Case, p: Proposal, _f: bool, accounts: list[_Account], t: Words, *, lang: Lang
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
                _num(c.frozen_total, "frozen_total", a.label),
                _num(c.accruing_total, "accruing_total", a.label),
                Cell(_day(c.accruing_cleared_on, look), "accruing_cleared_on", a.label),
                _num(c.untouched_balance, "untouched_balance", a.label),
                _num(c.saving, "saving", a.label),
            )
        )
    sums = [
        sum((getattr(a.comparison, f) for a in accounts), _ZERO)
        for f in ("frozen_total", "accruing_total", "untouched_balance", "saving")
    ]
    rows.append(
        (
            Cell(look("total")),
            _num(sums[0], "frozen_total", "*"),
            _num(sums[1], "accruing_total", "*"),
            Cell(""),
            _num(sums[2], "untouched_balance", "*"),
            _num(sums[3], "saving", "*"),
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
    case: Case, accounts: list[_Account], look: Words, lang: Lang
) -> tuple[Block, ...]:
    """The legal cost check (``Comparison.cost_check``, :func:`huabei_calc.check_cost`).

    For each account, the annual cost of the debt if charges keep running (the XIRR of the
    accruing scenario) against each reference line that applies to a financial lender on
    the case date (docs/rules.md): information for the negotiation, never a verdict.
    An account whose flows give no annual cost (a debt cleared by the first payment) has
    no row.
    """
    from .legal import percent

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


def _chart(case: Case, p: Proposal, accounts: list[_Account], look: Words) -> Chart:
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


def _hardship(look: Words) -> tuple[Block, ...]:
    t = look
    return (
        Paragraph(t("hardship_intro")),
        Placeholder(t("hardship_placeholder")),
        Paragraph(t("evidence_intro")),
        Items(tuple(t(f"evidence.{k}") for k in ("payslip", "income", "medical", "other"))),
    )


def _promise(case: Case, p: Proposal, look: Words) -> tuple[Block, ...]:
    t = look
    name = case.applicant.name if case.applicant else t("fill_in")
    return (
        Paragraph(t("promise", monthly=money(p.monthly_total), periods=p.periods)),
        Paragraph(t("signature", name=name)),
    )


def _notes(case: Case, accounts: list[_Account], look: Words) -> tuple[Block, ...]:
    t = look
    headers = tuple(t(k) for k in ("account", "lapse_date", "revived", "owed_later", "charged"))
    rows = []
    for a in accounts:
        b = a.breach
        rows.append(
            (
                Cell(a.label),
                Cell(b.since.isoformat(), "breach_since", a.label),
                _num(b.debt.total - b.charged, "breach_owed", a.label),
                _num(b.debt.total, "breach_total", a.label),
                _num(b.charged, "breach_charged", a.label),
            )
        )
    until = accounts[0].breach.until
    return (
        Items((t("note.agency"), t("note.credit"), t("note.breach"), t("note.keep"))),
        Paragraph(t("breach_intro", months=BREACH_MONTHS, until=until)),
        Table(headers, tuple(rows)),
    )
