"""The command line's subcommands: options → library calls → reports.

Each command reads its options (:mod:`~huabei_calc.cli.options`), calls the
library, and builds a :class:`~huabei_calc.cli.render.Report` from the result,
reading it and never feeding anything back.
"""

from __future__ import annotations

import argparse
import decimal
from collections.abc import Callable
from dataclasses import replace
from decimal import Decimal
from typing import Final

from ..comparison import Comparison, compare
from ..debt import Debt
from ..errors import HuabeiCalcError
from ..loans import equal_installment, equal_principal, flat_fee, interest_only
from ..money import amount, context
from ..overdue import accrue
from ..products import HUABEI, Product
from ..rates import Rate, fraction
from ..returns import irr, xirr
from ..schedule import Schedule
from . import options as opt
from . import workflow
from .check import with_cost_check
from .render import Percent, Phrase, Report, Value, Word, Words, render

__all__ = ["METHODS", "run"]

METHODS: Final = ("equal-installment", "equal-principal", "interest-only")
_COLUMNS: Final = ("period", "due", "payment", "principal", "interest", "fee", "balance")
_ZERO: Final = Decimal("0.00")


def run(ns: argparse.Namespace) -> str:
    """Run the subcommand in ``ns`` (parsed options) and return its rendered output."""
    path = opt.plot_path(ns)
    report, subject = _COMMANDS[ns.command](ns)
    if path is not None:
        _plot(subject, path, ns)
    output = render(report, ns.format, ns.lang)
    return with_cost_check(output, subject, ns) if getattr(ns, "cost_check", None) else output


def _rate(rate: Rate) -> Phrase:
    value = str(rate).rpartition("/")[0]
    return Phrase(f"rate_{rate.period}", str(rate), {"value": value})


def _plot(subject: Schedule | Comparison | None, path: str, ns: argparse.Namespace) -> None:
    from .. import plot  # only now: it is the only way in to matplotlib

    try:
        if isinstance(subject, Schedule):
            plot.plot_schedule(subject, path, lang=ns.lang)
        elif isinstance(subject, Comparison):
            plot.plot_comparison(subject, path, lang=ns.lang)
    except OSError as err:
        raise opt.fail(ns, "plot", "plot_write", reason=str(err)) from None
    except HuabeiCalcError as err:  # matplotlib missing: not bad input, an environment to fix
        raise opt.CliError(f"--plot: {err}", status=1) from None


# -- commands -----------------------------------------------------------------------
Result = tuple[Report, Schedule | Comparison | None]


def _accrue(ns: argparse.Namespace) -> Result:
    debt, product, since = opt.debt(ns), opt.product(ns), opt.day(ns, "since")
    until = opt.until(ns, since)
    a = accrue(debt, product, since=since, until=until)
    summary: tuple[tuple[str, Value], ...] = (
        ("product", Word(product.name)),
        ("rate", _rate(product.rate)),
        ("overdue_rate", _rate(product.overdue_rate)),
        ("since", since),
        ("until", until),
        ("days", a.days),
        ("debt_total", debt.total),
        ("charged", a.charged),
        ("total_after", a.debt.total),
    )
    rows = tuple((r.first, r.last, r.days, r.base, r.daily_charge, r.charged) for r in a.rows)
    columns = ("first", "last", "days", "base", "daily_charge", "charged")
    return Report("title_accrue", summary, columns, rows), None


def _schedule_report(
    title: str,
    schedule: Schedule,
    summary: tuple[tuple[str, Value], ...],
    ns: argparse.Namespace,
    extra: tuple[tuple[str, Value], ...] = (),
) -> Report:
    rows = tuple(tuple(row[key] for key in _COLUMNS) for row in schedule.to_dicts())
    total: tuple[Value, ...] = (
        Word("total"),
        "",
        schedule.total_payment,
        schedule.total_principal,
        schedule.total_interest,
        schedule.total_fee,
        "",
    )
    return Report(
        title,
        summary,
        _COLUMNS,
        rows,
        footer=total,
        data_only=extra,
        markdown_table=schedule.to_markdown(ns.lang),
        csv_table=schedule.to_csv(),
    )


def _rates(schedule: Schedule) -> tuple[tuple[str, Value], ...]:
    return (
        ("apr", Percent(schedule.apr())),
        ("effective_annual_rate", Percent(schedule.effective_annual_rate())),
    )


def _schedule(ns: argparse.Namespace) -> Result:
    builder = {
        "equal-installment": equal_installment,
        "equal-principal": equal_principal,
        "interest-only": interest_only,
    }[ns.method]
    periods, start = opt.count(ns, "periods"), opt.day(ns, "start")
    rate = Rate.parse(ns.rate)
    s = builder(ns.principal, periods, rate, start=start, interest=ns.interest_basis)
    summary: tuple[tuple[str, Value], ...] = (
        ("method", Word(ns.method)),
        ("principal", s.principal),
        ("periods", periods),
        ("rate", _rate(rate)),
        ("start", start),
        ("interest_basis", Word(ns.interest_basis)),
        ("total_payment", s.total_payment),
        ("total_interest", s.total_interest),
        *_rates(s),
    )
    return _schedule_report("title_schedule", s, summary, ns), s


def _installment(ns: argparse.Namespace) -> Result:
    periods, start = opt.count(ns, "periods"), opt.day(ns, "start")
    s = flat_fee(ns.principal, periods, ns.fee_rate, start=start, product=HUABEI)
    fee_rate: Value
    if ns.fee_rate is None:
        historic = Percent(HUABEI.installment_fees[periods])
        fee_rate = Phrase("historic_fee", historic, {"rate": historic})
    else:
        fee_rate = Percent(fraction(ns.fee_rate, "fee_rate"))
    summary: tuple[tuple[str, Value], ...] = (
        ("product", Word("huabei")),
        ("principal", s.principal),
        ("periods", periods),
        ("fee_rate", fee_rate),
        ("start", start),
        ("total_fee", s.total_fee),
        ("total_payment", s.total_payment),
        *_rates(s),
    )
    return _schedule_report("title_installment", s, summary, ns), s


def _plan(
    ns: argparse.Namespace, periods: int | None = None
) -> tuple[Debt, Schedule, tuple[tuple[str, Value], ...]]:
    counts = workflow.counts(ns)  # --periods N, or --budget: the shortest plan that fits
    if len(counts) > 1 and periods is None:  # several only for compare (side by side)
        raise opt.fail(ns, "periods", "not_count")
    product = opt.product(ns) if getattr(ns, "product", None) else None
    debt, grown = workflow.brought_forward(ns, opt.debt(ns), product)  # --since
    plan = workflow.plan(ns, debt, periods or (counts[0] if counts else None))
    periods, start = plan.rows[-1].period, opt.day(ns, "start")
    first = plan.rows[0]
    paid_down = first.payment if first.period == 0 else _ZERO
    regular = [row for row in plan.rows if row.period >= 1]
    summary: list[tuple[str, Value]] = [
        *((("since", grown.since), ("charged", grown.charged)) if grown else ()),
        *((("budget", amount(ns.budget, "budget")),) if ns.budget is not None else ()),
        ("debt_total", debt.total),
        ("waived", Words(plan.waived)),
        ("frozen_amount", plan.principal),
        ("down_payment", paid_down),
        ("periods", periods),
        ("start", start),
        ("monthly_payment", regular[-1].payment),
    ]
    if regular[0].payment != regular[-1].payment:
        summary.append(("first_payment", regular[0].payment))
    return debt, plan, tuple(summary)


def _first_payment(
    plan: Schedule, summary: tuple[tuple[str, Value], ...]
) -> tuple[tuple[str, Value], ...]:
    """JSON always has ``first_payment``; people see it only when it differs."""
    if any(key == "first_payment" for key, _ in summary):
        return ()
    return (("first_payment", next(row.payment for row in plan.rows if row.period >= 1)),)


def _freeze(ns: argparse.Namespace) -> Result:
    _, plan, summary = _plan(ns)
    extra = _first_payment(plan, summary)
    summary += (("total_payment", plan.total_payment),)
    report = _schedule_report("title_freeze", plan, summary, ns, extra)
    if ns.summary and ns.format in ("table", "markdown"):  # the summary alone
        report = replace(report, columns=(), rows=(), footer=None, markdown_table=None)
    return report, plan


def _compare(ns: argparse.Namespace) -> Result:
    product = opt.product(ns)
    counts = workflow.counts(ns)
    if len(counts) > 1:  # --periods 24,36,48: side by side
        return _side_by_side(ns, product, counts), None
    debt, plan, summary = _plan(ns)
    cmp = compare(debt, product, plan, max_months=opt.count(ns, "max_months"))
    cleared: Value = cmp.accruing_cleared_on
    if cleared is None:
        params: dict[str, Value] = {"months": cmp.max_months, "amount": cmp.accruing_unpaid}
        cleared = Phrase("never_cleared", None, params)
    summary = (
        ("product", Word(product.name)),
        ("rate", _rate(product.rate)),
        ("overdue_rate", _rate(product.overdue_rate)),
        *summary,
        ("frozen_total", cmp.frozen_total),
        ("accruing_total", cmp.accruing_total),
        ("accruing_cleared_on", cleared),
        ("untouched_balance", cmp.untouched_balance),
        ("saving", cmp.saving),
    )
    extra: tuple[tuple[str, Value], ...] = (
        *_first_payment(plan, summary),
        ("max_months", cmp.max_months),
        ("accruing_paid", cmp.accruing_paid),
        ("accruing_unpaid", cmp.accruing_unpaid),
    )
    columns = ("date", "frozen_balance", "accruing_balance", "untouched_balance")
    rows = tuple(
        (r.date, r.frozen_balance, r.accruing_balance, r.untouched_balance) for r in cmp.rows
    )
    labels = {"untouched_balance": "untouched_balance_col"}
    people = ns.format in ("table", "markdown")  # programs (csv, json) always get the rows
    if people and (not ns.rows or ns.summary):  # the month table only when asked (--rows)
        report = Report("title_compare", summary, column_labels=labels, data_only=extra)
        return report, cmp
    report = Report("title_compare", summary, columns, rows, column_labels=labels, data_only=extra)
    return report, cmp


def _side_by_side(ns: argparse.Namespace, product: Product, counts: tuple[int, ...]) -> Report:
    """One summary row per period count (``compare --periods 24,36,48``)."""
    _, _, summary = _plan(ns, counts[0])
    debt, _ = workflow.brought_forward(ns, opt.debt(ns), product)
    shown = tuple(
        (k, v) for k, v in summary if k in ("since", "charged", "debt_total", "waived", "start")
    )
    rows = []
    for plan, cmp in workflow.side_by_side(ns, debt, product, counts):
        cleared: Value = cmp.accruing_cleared_on
        if cleared is None:
            cleared = Phrase(
                "never_cleared", None, {"months": cmp.max_months, "amount": cmp.accruing_unpaid}
            )
        rows.append(
            (
                plan.rows[-1].period,
                workflow.monthly(plan),
                cmp.frozen_total,
                cmp.accruing_total,
                cleared,
                cmp.untouched_balance,
                cmp.saving,
            )
        )
    columns = (
        "periods",
        "monthly_payment",
        "frozen_total",
        "accruing_total",
        "accruing_cleared_on",
        "untouched_balance",
        "saving",
    )
    return Report("title_compare", shown, columns, tuple(rows))


def _apr(ns: argparse.Namespace) -> Result:
    summary: tuple[tuple[str, Value], ...]
    if ns.flows is not None:
        flows = opt.flows(ns)
        rate = irr(flows)
        with decimal.localcontext(context()):
            apr, effective = rate * 12, (1 + rate) ** 12 - 1
        summary = (
            ("flows", len(flows)),
            ("irr", Percent(rate)),
            ("apr", Percent(apr)),
            ("effective_annual_rate", Percent(effective)),
        )
    else:
        dated = opt.dated(ns)
        summary = (("flows", len(dated)), ("xirr", Percent(xirr(dated))))
    return Report("title_apr", summary), None


_COMMANDS: Final[dict[str, Callable[[argparse.Namespace], Result]]] = {
    "accrue": _accrue,
    "schedule": _schedule,
    "installment": _installment,
    "freeze": _freeze,
    "compare": _compare,
    "apr": _apr,
}
