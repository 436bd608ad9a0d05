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
from decimal import Decimal
from functools import partial
from typing import Final, Literal

from ._catalog import Lang, text
from ._dates import add_months
from .cases import Case, Proposal
from .comparison import compare
from .document import (
    Block,
    Cell,
    Document,
    Items,
    Paragraph,
    Section,
    Table,
    money,
    to_html,
    to_markdown,
)
from .draft_parts import (
    BREACH_MONTHS,
    DraftAccount,
    Words,
    comparison,
    hardship,
    notes,
    num,
    promise,
)
from .errors import InputError
from .money import Amount
from .plans import breach

__all__ = ["draft"]

Format = Literal["html", "markdown"]
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
_ZERO: Final = Decimal("0.00")


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

    >>> from datetime import date
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


def _accounts(case: Case, proposal: Proposal) -> list[DraftAccount]:
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
        out.append(DraftAccount(account.label, plan, compare(owed, account.product, plan), lapse))
    return out


def _document(case: Case, proposal: Proposal, fits: bool, lang: Lang) -> Document:
    def t(code: str, **params: object) -> str:
        return text(f"draft.{code}", lang, **params)

    accounts = _accounts(case, proposal)
    Builder = Callable[[Case, Proposal, bool, list[DraftAccount], Words], tuple[Block, ...]]
    compared: Builder = partial(comparison, lang=lang)
    builders: tuple[Builder, ...] = (_applicant, _debts, _budget, _plan, _schedule, compared)
    sections = [
        Section(sid, t(f"section.{sid}"), build(case, proposal, fits, accounts, t))
        for sid, build in zip(SECTIONS, builders, strict=False)
    ]
    sections.append(Section("hardship", t("section.hardship"), hardship(t)))
    sections.append(Section("promise", t("section.promise"), promise(case, proposal, t)))
    sections.append(Section("notes", t("section.notes"), notes(case, accounts, t)))
    return Document(
        t("title"),
        lang,
        tuple(sections),
        t("disclaimer"),
        subtitle=t("subtitle", on=case.on),
    )


def _applicant(
    case: Case, _p: Proposal, _f: bool, _a: list[DraftAccount], t: Words
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


def _debts(
    case: Case, _p: Proposal, _f: bool, _a: list[DraftAccount], t: Words
) -> tuple[Block, ...]:
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
                num(r.debt.principal, "principal", r.label),
                num(r.debt.interest, "interest", r.label),
                num(r.debt.fees, "fees", r.label),
                num(r.debt.penalty, "penalty", r.label),
                num(r.added, "added", r.label),
                num(r.debt.total, "total", r.label),
            )
        )
    rows.append(
        (
            Cell(look("total")),
            Cell(""),
            Cell(""),
            num(bd.total.principal, "principal", "*"),
            num(bd.total.interest, "interest", "*"),
            num(bd.total.fees, "fees", "*"),
            num(bd.total.penalty, "penalty", "*"),
            num(bd.added, "added", "*"),
            num(bd.total.total, "total", "*"),
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
    rows = [(Cell(k), num(v, field, k)) for k, v in values.items()]
    rows.append((Cell(total), num(sum(values.values(), _ZERO), field, "*")))
    return Table((look("item"), look("monthly_amount")), tuple(rows), caption, total_rows=1)


def _budget(
    case: Case, _p: Proposal, _f: bool, _a: list[DraftAccount], t: Words
) -> tuple[Block, ...]:
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
    case: Case, p: Proposal, fits: bool, accounts: list[DraftAccount], t: Words
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
                num(owed.total, "owed", a.label),
                num(owed.total - a.plan.principal, "waived", a.label),
                num(a.plan.principal, "frozen", a.label),
                num(plan_down, "down_payment", a.label),
                Cell(str(a.plan.rows[-1].period), "periods", a.label, number=True),
                num(first, "first_payment", a.label),
                num(regular, "regular_payment", a.label),
            )
        )
    blocks.append(Table(headers, tuple(rows)))
    return tuple(blocks)


def _schedule(
    case: Case, p: Proposal, _f: bool, accounts: list[DraftAccount], t: Words
) -> tuple[Block, ...]:
    look = t
    pay = {a.label: {r.period: r.payment for r in a.plan.rows} for a in accounts}
    rows = []
    for k, day, total in p.monthly():
        cells = [Cell(str(k)), Cell(day.isoformat())]
        cells += [num(pay[a.label].get(k, _ZERO), f"pay{k}", a.label) for a in accounts]
        cells.append(num(total, f"pay{k}", "*"))
        rows.append(tuple(cells))
    headers = (look("period"), look("due"), *(a.label for a in accounts), look("monthly_total"))
    return (Paragraph(look("schedule_intro")), Table(headers, tuple(rows)))
