"""The command line's subcommands: options → library calls → reports.

Each command reads its options (:mod:`~huabei_calc.cli.options`), calls the
library, and builds a :class:`~huabei_calc.cli.render.Report` from the result,
reading it and never feeding anything back. :func:`register` adds them to the
parser; a new command module does the same with its own ``register``.
"""

from __future__ import annotations

import argparse
from dataclasses import replace
from decimal import Decimal
from typing import Final

from .._catalog import text
from .._render import accrual_table, comparison_table, schedule_table
from .._table import Cell, Percent, Phrase, Table, Word, Words
from ..comparison import Comparison, compare
from ..debt import Debt
from ..errors import HuabeiCalcError, InputError
from ..loans import equal_installment, equal_principal, flat_fee, interest_only
from ..money import amount
from ..overdue import accrue
from ..products import HUABEI, Product
from ..rates import Rate, fraction
from ..returns import irr, xirr
from ..schedule import Schedule, annual_rates
from . import options as opt
from . import workflow
from .check import with_cost_check
from .options import CliError
from .parser import PRODUCTS, Commands, add_debt, add_product
from .render import Report, render

METHODS: Final = ("equal-installment", "equal-principal", "interest-only")
_ZERO: Final = Decimal("0.00")
Summary = tuple[tuple[str, Cell], ...]


def register(commands: Commands) -> None:
    """Add ``accrue``, ``schedule``, ``installment``, ``freeze``, ``compare`` and ``apr``."""
    lang = commands.lang
    g = commands.add("accrue", _accrue)
    add_debt(g, lang)
    add_product(g, lang)
    g.add_argument("--since", required=True, metavar="DATE", help=commands.help("since"))
    span = g.add_mutually_exclusive_group()  # neither: until today
    span.add_argument("--until", metavar="DATE", help=commands.help("until"))
    span.add_argument("--days", metavar="N", help=commands.help("days"))

    g = commands.add("schedule", _schedule, plot=True)
    g.add_argument("--principal", required=True, metavar="P", help=commands.help("principal"))
    g.add_argument("--periods", required=True, metavar="N", help=commands.help("periods"))
    g.add_argument("--rate", required=True, metavar="R", help=commands.help("schedule_rate"))
    g.add_argument("--method", required=True, choices=METHODS, help=commands.help("method"))
    g.add_argument("--start", metavar="DATE", help=commands.help("start"))
    g.add_argument(
        "--interest-basis",
        choices=("monthly", "actual"),
        default="monthly",
        help=commands.help("interest_basis"),
    )

    g = commands.add("installment", _installment, plot=True)
    g.add_argument("--principal", required=True, metavar="P", help=commands.help("principal"))
    g.add_argument("--periods", required=True, metavar="N", help=commands.help("periods"))
    g.add_argument("--fee-rate", metavar="R", help=commands.help("fee_rate"))
    g.add_argument("--start", metavar="DATE", help=commands.help("start"))

    for name in ("freeze", "compare"):
        g = commands.add(name, _freeze if name == "freeze" else _compare, plot=True)
        add_debt(g, lang)
        if name == "compare":
            add_product(g, lang)
        else:  # freeze needs a product only to bring the debt forward (--since)
            g.add_argument("--product", choices=PRODUCTS, help=commands.help("product"))
            g.add_argument("--rate", metavar="R", help=commands.help("product_rate"))
        g.add_argument("--periods", metavar="N[,N…]", help=commands.help("periods"))
        workflow.add_options(g, name, commands.help)
        g.add_argument("--start", metavar="DATE", help=commands.help("start"))
        g.add_argument("--down-payment", metavar="X|X%", help=commands.help("down_payment"))
        g.add_argument("--waive", metavar="BUCKETS", help=commands.help("waive"))
        if name == "compare":
            g.add_argument("--max-months", metavar="N", help=commands.help("max_months"))

    g = commands.add("apr", _apr)
    flows = g.add_mutually_exclusive_group(required=True)
    flows.add_argument("--flows", metavar="F,F,…", help=commands.help("flows"))
    flows.add_argument("--dated", metavar="DATE:F,…", help=commands.help("dated"))


def chart(ns: argparse.Namespace, subject: Schedule | Comparison) -> None:
    """Draw ``subject`` into ``--plot FILE`` when asked (the path was checked before any work)."""
    path = getattr(ns, "plot", None)
    if path is None:
        return
    from .. import plot  # only now: it is the only way in to matplotlib

    try:
        if isinstance(subject, Schedule):
            plot.plot_schedule(subject, path, lang=ns.lang)
        else:
            plot.plot_comparison(subject, path, lang=ns.lang)
    except OSError as err:
        raise opt.fail(ns, "plot", "plot_write", reason=err.strerror or str(err)) from None
    except InputError as err:
        if err.code != "err.plot.no_cjk_font":
            raise
        said = text("cli.msg.no_cjk_font", ns.lang, **err.params)
        raise CliError(f"--plot: {said}", status=1) from None
    except HuabeiCalcError:  # matplotlib missing: not bad input, an environment to fix
        said = text("plot.missing_matplotlib", ns.lang)
        raise CliError(f"--plot: {said}", status=1) from None


def _finish(ns: argparse.Namespace, report: Report, subject: Schedule | Comparison) -> Report | str:
    """Draw the chart (``--plot``); add the legal lines (``--cost-check``) after the report."""
    chart(ns, subject)
    if getattr(ns, "cost_check", None):
        return with_cost_check(render(report, ns.format, ns.lang), subject, ns)
    return report


def _rate(rate: Rate) -> Phrase:
    value = str(rate).rpartition("/")[0]
    return Phrase(f"rate_{rate.period}", str(rate), {"value": value})


# -- commands -----------------------------------------------------------------------
def _accrue(ns: argparse.Namespace) -> Report:
    debt, product, since = opt.debt(ns), opt.product(ns), opt.day(ns, "since")
    until = opt.until(ns, since)
    a = accrue(debt, product, since=since, until=until)
    summary: Summary = (
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
    return Report("cli.title.accrue", summary, accrual_table(a))


def _rates(schedule: Schedule) -> Summary:
    return (
        ("apr", Percent(schedule.apr())),
        ("effective_annual_rate", Percent(schedule.effective_annual_rate())),
    )


def _schedule(ns: argparse.Namespace) -> Report | str:
    builder = {
        "equal-installment": equal_installment,
        "equal-principal": equal_principal,
        "interest-only": interest_only,
    }[ns.method]
    periods, start = opt.count(ns, "periods"), opt.day(ns, "start")
    rate = Rate.parse(ns.rate)
    s = builder(ns.principal, periods, rate, start=start, interest=ns.interest_basis)
    summary: Summary = (
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
    return _finish(ns, Report("cli.title.schedule", summary, schedule_table(s)), s)


def _installment(ns: argparse.Namespace) -> Report | str:
    periods, start = opt.count(ns, "periods"), opt.day(ns, "start")
    s = flat_fee(ns.principal, periods, ns.fee_rate, start=start, product=HUABEI)
    fee_rate: Cell
    if ns.fee_rate is None:
        historic = Percent(HUABEI.installment_fees[periods])
        fee_rate = Phrase("historic_fee", historic, {"rate": historic})
    else:
        fee_rate = Percent(fraction(ns.fee_rate, "fee_rate"))
    summary: Summary = (
        ("product", Word("huabei")),
        ("principal", s.principal),
        ("periods", periods),
        ("fee_rate", fee_rate),
        ("start", start),
        ("total_fee", s.total_fee),
        ("total_payment", s.total_payment),
        *_rates(s),
    )
    return _finish(ns, Report("cli.title.installment", summary, schedule_table(s)), s)


def _plan(ns: argparse.Namespace, periods: int | None = None) -> tuple[Debt, Schedule, Summary]:
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
    summary: list[tuple[str, Cell]] = [
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


def _first_payment(plan: Schedule, summary: Summary) -> Summary:
    """JSON always has ``first_payment``; people see it only when it differs."""
    if any(key == "first_payment" for key, _ in summary):
        return ()
    return (("first_payment", next(row.payment for row in plan.rows if row.period >= 1)),)


def _freeze(ns: argparse.Namespace) -> Report | str:
    _, plan, summary = _plan(ns)
    extra = _first_payment(plan, summary)
    summary += (("total_payment", plan.total_payment),)
    report = Report("cli.title.freeze", summary, schedule_table(plan), data_only=extra)
    if ns.summary and ns.format in ("table", "markdown"):  # the summary alone
        report = replace(report, table=None)
    return _finish(ns, report, plan)


def _compare(ns: argparse.Namespace) -> Report | str:
    product = opt.product(ns)
    counts = workflow.counts(ns)
    if len(counts) > 1:  # --periods 24,36,48: side by side
        return _side_by_side(ns, product, counts)
    debt, plan, summary = _plan(ns)
    cmp = compare(debt, product, plan, max_months=opt.max_months(ns))
    cleared: Cell = cmp.accruing_cleared_on
    if cleared is None:
        params: dict[str, Cell] = {"months": cmp.max_months, "amount": cmp.accruing_unpaid}
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
    extra: Summary = (
        *_first_payment(plan, summary),
        ("max_months", cmp.max_months),
        ("accruing_paid", cmp.accruing_paid),
        ("accruing_unpaid", cmp.accruing_unpaid),
    )
    report = Report("cli.title.compare", summary, comparison_table(cmp), data_only=extra)
    people = ns.format in ("table", "markdown")  # programs (csv, json) always get the rows
    if people and (not ns.rows or ns.summary):  # the month table only when asked (--rows)
        report = replace(report, table=None)
    return _finish(ns, report, cmp)


def _side_by_side(ns: argparse.Namespace, product: Product, counts: tuple[int, ...]) -> Report:
    """One summary row per period count (``compare --periods 24,36,48``)."""
    _, _, summary = _plan(ns, counts[0])
    debt, _ = workflow.brought_forward(ns, opt.debt(ns), product)
    keep = ("since", "charged", "debt_total", "waived", "start")
    shown = tuple((k, v) for k, v in summary if k in keep)
    rows: list[tuple[Cell, ...]] = []
    for plan, cmp in workflow.side_by_side(ns, debt, product, counts):
        cleared: Cell = cmp.accruing_cleared_on
        if cleared is None:
            params: dict[str, Cell] = {"months": cmp.max_months, "amount": cmp.accruing_unpaid}
            cleared = Phrase("never_cleared", None, params)
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
    return Report("cli.title.compare", shown, Table(columns, tuple(rows)))


def _apr(ns: argparse.Namespace) -> Report:
    summary: Summary
    if ns.flows is not None:
        flows = opt.flows(ns)
        rate = irr(flows)
        apr, effective = annual_rates(rate)
        summary = (
            ("flows", len(flows)),
            ("irr", Percent(rate)),
            ("apr", Percent(apr)),
            ("effective_annual_rate", Percent(effective)),
        )
    else:
        dated = opt.dated(ns)
        summary = (("flows", len(dated)), ("xirr", Percent(xirr(dated))))
    return Report("cli.title.apr", summary)
